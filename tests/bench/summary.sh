#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# make bench, last: issue #26's table, one line per row and size, each with
# its figure, the peer's from the same run, the target and the verdict,
# read from what the benchmarks before it wrote in $BENCH_DIR. A figure a
# benchmark did not write (a size left out) says so instead of a verdict.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${BENCH_DIR:-build/bench-data}
out=$dir/summary.txt
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "met" : "NOT met") }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
missing() { echo "$1: not measured in this run ($2)"; }
{
	echo "# issue #26 targets: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
	# The list filter: bench_list's rows (records … filter_worst_key … key).
	first="" last=""
	for n in 10000 100000 1000000; do
		row=$(awk -v n="$n" '$1 == n { print $5, $8 }' "$dir/results.txt" 2>/dev/null || true)
		if [ -z "$row" ]; then missing "list filter, worst key, $n records" "BENCH_SIZES"; continue; fi
		read -r ms key <<<"$row"
		echo "list filter, worst key, $n records: $ms ms (\"$key\"); target <= 50 ms: $(verdict "$ms" 50)"
		[ -n "$first" ] || first=$ms
		last=$ms
	done
	if [ -n "$first" ]; then
		r=$(ratio "$last" "$first")
		echo "list filter, the same order at every size: largest / smallest $r; target <= 10: $(verdict "$r" 10)"
	fi
	# Imports against the sqlite3 shell: transfer.sh's rows.
	for n in 10000 100000 1000000; do
		target=1.25
		[ "$n" = 10000 ] && target=1.5
		row=$(awk -v n="$n" '$1 == n { print $2, $3, $4 }' "$dir/transfer.txt" 2>/dev/null || true)
		if [ -z "$row" ]; then missing "import $n rows vs sqlite3 .import" "TRANSFER_SIZES"; continue; fi
		read -r k s r <<<"$row"
		echo "import $n rows: kepu $k s, sqlite3 .import $s s = $r; target <= $target: $(verdict "$r" "$target")"
	done
	# Start-up against dialog --form, per terminal type: wire.sh's targets
	# (the CPU time to the first full screen, medians of alternating starts).
	for term in xterm-256color vt100 xterm putty screen linux; do
		row=$(awk -v t="$term:" '$1 == t { for (i = 1; i <= NF; i++) { if ($i == "kepu" && k == "") k = $(i + 1); if ($i == "--form" && d == "") d = $(i + 1); if ($i == "=" && r == "") r = $(i + 1); if ($i == "clock") w = $(i + 1) " / " $(i + 3) " ms = " $(i + 6) } sub(/;$/, "", w); print k, d, r, w }' "$dir/wire.txt" 2>/dev/null || true)
		if [ -z "$row" ]; then missing "start-up, $term" "wire.sh"; continue; fi
		read -r k d r w <<<"$row"
		echo "start-up to the first full screen, TERM=$term: CPU kepu $k ms, dialog --form $d ms = $r (wall clock $w); target <= 1.0: $(verdict "$r" 1.0)"
	done
	# Memory at the form: wire.sh's rows "kepu N rows KiB peak/now PEAK NOW".
	zero=""
	for n in 0 10000 100000 1000000; do
		peak=$(awk -v n="$n" '$1 == "kepu" && $2 == n && $3 == "rows" { print $6 }' "$dir/wire.txt" 2>/dev/null || true)
		if [ -z "$peak" ]; then missing "memory at the form, $n records" "no database of that size"; continue; fi
		[ -n "$zero" ] || zero=$peak
		echo "peak memory at the form, $n records: $peak KiB; target <= 8192: $(verdict "$peak" 8192)"
	done
	big=$(awk '$1 == "kepu" && $2 == 1000000 && $3 == "rows" { print $6 }' "$dir/wire.txt" 2>/dev/null || true)
	if [ -n "$zero" ] && [ -n "$big" ]; then
		grow=$(awk -v a="$big" -v b="$zero" 'BEGIN { print a - b }')
		echo "memory at the form, 1,000,000 records against 0: $grow KiB more; target <= 256 (the same): $(verdict "$grow" 256)"
	fi
	# import --dry-run of 10 MB of rows: bounds.sh's "rows" line.
	row=$(awk '$1 == "rows" { print $2 }' "$dir/bounds.txt" 2>/dev/null || true)
	if [ -n "$row" ]; then
		echo "import --dry-run of a 10 MB file of rows: $row s; target <= 2 s: $(verdict "$row" 2)"
	else
		missing "import --dry-run of 10 MB" "bounds.sh"
	fi
	# The city's whole 推荐表 book: workbook.sh's second table (issue #24 item 5).
	row=$(awk '$1 == 20000 { print $3 }' "$dir/workbook-paper.txt" 2>/dev/null || true)
	if [ -n "$row" ]; then
		echo "export of 20,000 one-person 推荐表 (every unit, a sheet each): $row KiB peak; target <= 65536 KiB: $(verdict "$row" 65536)"
	else
		missing "export of 20,000 one-person 推荐表" "WORKBOOK_PEOPLE"
	fi
	echo "list paint, one query per page: the list screen's (issue #26 item 5), not measured here"
} | tee "$out"
