#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# make bench, the terminal: kepu side by side with dialog and whiptail in a
# pseudo-terminal at 80x24 (tests/bench/ptybench.c): time to the first
# complete screen, bytes per keystroke, and kepu's peak memory at the 附表2
# form with 0, 100,000 and 1,000,000 records. Medians of RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
KEPU=${KEPU:-$PWD/$build/kepu}
PTY=$PWD/$build/bench/ptybench
dir=${BENCH_DIR:-build/bench-data}
out=$dir/wire.txt
runs=${RUNS:-5}
mkdir -p "$dir/wire"
# dialog and whiptail are what the comparison needs; a fresh machine gets them here.
if ! command -v dialog >/dev/null || ! command -v whiptail >/dev/null; then
	SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq dialog whiptail >/dev/null
fi
export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# run TERM STEPS COMMAND…: RUNS runs (each after $PREP, if set); prints
# "label bytes ms" medians.
run() {
	local term=$1 steps=$2; shift 2
	: >"$dir/wire/all"
	for _ in $(seq "$runs"); do
		[ -z "${PREP:-}" ] || eval "$PREP"
		TERM=$term "$PTY" 80 24 -- "$@" <"$steps" >>"$dir/wire/all"
	done
	awk '{ print $1 }' "$dir/wire/all" | awk '!seen[$0]++' | while read -r label; do
		b=$(awk -v l="$label" '$1 == l { print $2 }' "$dir/wire/all" | median)
		t=$(awk -v l="$label" '$1 == l { print $3 }' "$dir/wire/all" | median)
		echo "$label $b $t"
	done
}

# kepu: a unit account (its 附表2 form opens at once), from exec to typing;
# every run on a fresh copy (a run leaves a draft the next would be offered).
pristine=$dir/wire/pristine.db db=$dir/wire/kepu.db
rm -f "$pristine"*
"$KEPU" init --db "$pristine" --demo >/dev/null
cat >"$dir/wire/kepu.steps" <<'STEPS'
wait|start_login|请登录
send|login|weidu\rkepu2016\r|主菜单
send|form_paint|2|新记录
send|ascii|a
send|cjk|张
send|backspace|\x7f
send|next_field|\t
send|to_checkbox|\t\t\t\t\t\t\t\t\t\t\t\t
send|toggle| 
rss|rss_kib
STEPS
# dialog: a 10-field form.
fields=()
for i in 1 2 3 4 5 6 7 8 9 10; do fields+=("字段$i" "$i" 1 "" "$i" 12 30 0); done
cat >"$dir/wire/dialog.steps" <<'STEPS'
wait|start_form|字段10
send|ascii|a
send|cjk|张
send|backspace|\x7f
send|next_field|\e[B
STEPS
printf 'wait|start_input|姓名\nsend|ascii|a\nsend|cjk|张\nsend|backspace|\\x7f\n' >"$dir/wire/inputbox.steps"
printf 'wait|start_list|服务双创\nsend|toggle| \nsend|next_item|\\e[B\n' >"$dir/wire/checklist.steps"

{
	echo "# the terminal: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, medians of $runs runs at 80x24"
	printf '%-16s %-10s %-14s %8s %8s\n' program TERM step bytes ms
	echo "# rss_kib rows: the peak (VmHWM) and the resident set now (VmRSS) at the form, in KiB"
	for term in xterm-256color vt100; do
		PREP="rm -f $db*; cp $pristine $db" run "$term" "$dir/wire/kepu.steps" "$KEPU" --db "$db" | while read -r l b t; do
			printf '%-16s %-10s %-14s %8s %8s\n' kepu "$term" "$l" "$b" "$t"; done
		run "$term" "$dir/wire/dialog.steps" dialog --form "附表2" 20 70 10 "${fields[@]}" | while read -r l b t; do
			printf '%-16s %-10s %-14s %8s %8s\n' "dialog --form" "$term" "$l" "$b" "$t"; done
		run "$term" "$dir/wire/inputbox.steps" whiptail --inputbox "姓名" 10 60 | while read -r l b t; do
			printf '%-16s %-10s %-14s %8s %8s\n' "whiptail input" "$term" "$l" "$b" "$t"; done
		run "$term" "$dir/wire/checklist.steps" whiptail --checklist "服务类别" 15 60 4 a 青少年科普 off b 农村科普 off c 社区科普 off d 服务双创 off | while read -r l b t; do
			printf '%-16s %-10s %-14s %8s %8s\n' "whiptail check" "$term" "$l" "$b" "$t"; done
	done
	# Memory at the form as the database grows (the list benchmark's databases).
	for n in 0 10000 100000 1000000; do
		big=$dir/list-$n.db
		[ "$n" -eq 0 ] && big=$pristine
		[ -f "$big" ] || continue
		"$KEPU" user add "rss$n" --role unit --unit 许昌学院 --db "$big" >"$dir/wire/user" 2>/dev/null ||
			"$KEPU" user passwd "rss$n" --db "$big" >"$dir/wire/user"   # an earlier run's account
		pw=$(sed -n 's/.*初始密码：\([A-Za-z0-9]*\).*/\1/p' "$dir/wire/user")
		[ -n "$pw" ] || continue
		printf 'wait|login|请登录\nsend|in|rss%s\\r%s\\r|再输入一次\nsend|new|bench-pass-1\\tbench-pass-1\\r|主菜单\nsend|form|2|新记录\nrss|rss\n' \
			"$n" "$pw" >"$dir/wire/rss.steps"
		read -r peak now < <(TERM=xterm-256color "$PTY" 80 24 -- "$KEPU" --db "$big" <"$dir/wire/rss.steps" |
			awk '$1 == "rss" { print $2, $3 }')
		printf '%-16s %-10s %-14s %8s %8s\n' kepu "$n rows" "KiB peak/now" "$peak" "$now"
	done
} | tee "$out"

# Start-up once more on its own, kepu and dialog taking turns, many runs,
# on every terminal type kepu supports: a few milliseconds apart, the two are
# compared under the same machine noise, by their medians. The verdict is on
# CPU time (user + system, ptybench's last column) to the first full screen:
# on a machine shared with other work one start's wall clock mostly measures
# its wait for a core (2.9 to 26 ms for the same kepu in one run); the wall
# clock medians are printed beside it.
startup_runs=${STARTUP_RUNS:-21}
startup_terms="xterm-256color vt100 xterm putty screen linux"
printf 'wait|start|请登录\n' >"$dir/wire/kepu_start.steps"
printf 'wait|start|字段10\n' >"$dir/wire/dialog_start.steps"
for _ in $(seq "$startup_runs"); do
	for term in $startup_terms; do
		rm -f "$db"*; cp "$pristine" "$db"
		TERM=$term "$PTY" 80 24 -- "$KEPU" --db "$db" <"$dir/wire/kepu_start.steps" | sed "s/^/kepu $term /"
		TERM=$term "$PTY" 80 24 -- dialog --form "附表2" 20 70 10 "${fields[@]}" <"$dir/wire/dialog_start.steps" |
			sed "s/^/dialog $term /"
	done
done >"$dir/wire/startup"
# startup PROGRAM TERM wall|cpu: the median of its starts
startup() { awk -v p="$1" -v t="$2" -v c="$3" '$1 == p && $2 == t { print (c == "cpu" ? $6 : $5) }' "$dir/wire/startup" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# The targets, from the table just written: start-up against dialog's form,
# bytes per keystroke, memory. val PROGRAM TERM STEP bytes|ms (a program's
# name may be two words).
val() { awk -v p="$1" -v t="$2" -v s="$3" -v w="$4" '{
	k = split(p, words, " ")
	for (i = 1; i <= k; i++) if ($i != words[i]) next
	if ($(k + 1) == t && $(k + 2) == s) { print (w == "ms" ? $(k + 4) : $(k + 3)); exit }
}' "$out"; }
{
	echo "# targets"
	for term in $startup_terms; do
		k=$(startup kepu "$term" cpu) d=$(startup dialog "$term" cpu)
		kw=$(startup kepu "$term" wall) dw=$(startup dialog "$term" wall)
		printf '%s: start-up (median of %s, alternating) CPU kepu %s ms / dialog --form %s ms = %s (target <= 1.0); wall clock %s / %s ms = %s' \
			"$term" "$startup_runs" "$k" "$d" "$(ratio "$k" "$d")" "$kw" "$dw" "$(ratio "$kw" "$dw")"
		[ -z "$(val kepu "$term" ascii bytes)" ] ||
			printf '; bytes: ascii %s (<= 2), cjk %s (<= 4), next field %s (<= 40), first paint %s (dialog %s)' \
				"$(val kepu "$term" ascii bytes)" "$(val kepu "$term" cjk bytes)" "$(val kepu "$term" next_field bytes)" \
				"$(val kepu "$term" form_paint bytes)" "$(val "dialog --form" "$term" start_form bytes)"
		echo
	done
	echo "memory at the form, KiB peak (0 / 10,000 / 100,000 / 1,000,000 records): $(awk '$1 == "kepu" && $3 == "rows" { printf "%s%s", sep, $6; sep = " / " }' "$out") (target <= 8192, the same at 1M as at 0)"
} | tee -a "$out"
