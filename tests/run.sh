#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# Run every test: the cmocka unit-test binaries given as arguments, then the
# tmux end-to-end scenarios in tests/e2e/. The last line is
# "N passed, N failed". --unit-only / --e2e-only narrow the run;
# E2E_FILTER=word runs only the scenarios whose name contains word.
set -u
cd "$(dirname "$0")/.."
mode=all
case "${1:-}" in
--unit-only) mode=unit; shift ;;
--e2e-only) mode=e2e; shift ;;
esac
passed=0
failed=0
failures=()
export LC_ALL=C.UTF-8

# Unit binaries and scenarios run side by side, JOBS at a time (the number
# of cores, at least 2; E2E_JOBS=N sets it). Each job's lines are kept in
# $results/I.out and printed when every job before it has ended, so the
# output is in the same order on every run; I.sum holds "PASSED FAILED NAME".
JOBS=${E2E_JOBS:-$(nproc 2>/dev/null || echo 2)}
[ -n "${E2E_JOBS:-}" ] || [ "$JOBS" -ge 2 ] || JOBS=2
results=$(mktemp -d /tmp/kepu-run.XXXXXX)
trap 'rm -rf "$results"' EXIT
queued=0
shown=0
# show: print, in order, the jobs that have ended since the last call.
show() {
	local p f name
	while [ -e "$results/$shown.sum" ]; do
		cat "$results/$shown.out"
		read -r p f name <"$results/$shown.sum"
		passed=$((passed + p))
		failed=$((failed + f))
		[ "$f" -eq 0 ] || failures+=("$name")
		shown=$((shown + 1))
	done
}
# queue N FUNCTION ARG: run FUNCTION ARG as job N (its place in the
# output) once a slot is free. FUNCTION prints its lines and writes
# "PASSED FAILED NAME" to descriptor 3.
queue() {
	while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
		wait -n
		show
	done
	local i=$1
	{
		"$2" "$3" </dev/null >"$results/$i.out" 2>&1 3>"$results/$i.tmp"
		mv "$results/$i.tmp" "$results/$i.sum"
	} &
	queued=$((queued + 1))
}

# unit_job BINARY: one cmocka binary; its counts (a binary may run more
# than one group, each prints its count).
unit_job() {
	local t=$1 out rc p f
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed before cmocka could count
	fi
	[ "$f" -eq 0 ] || printf '%s\n' "$out"
	printf '%-28s %3d passed, %d failed\n' "$(basename "$t")" "$p" "$f"
	echo "$p $f $(basename "$t")" >&3
}

if [ "$mode" != e2e ]; then
	for t in "$@"; do
		queue "$queued" unit_job "$t"
	done
fi

# The kepu processes of one scenario: run.sh marks each scenario's
# environment (tmux passes it on to its panes), and lib.sh notes the
# scenario's directory, which is on the command line of a kepu that sshd
# started without that environment. Other scenarios' kepus run meanwhile.
scenario_kepus() {
	local mark=$1 p works w
	works=$(cat "$mark/work" 2>/dev/null || true)
	for p in $(pgrep -f -- "^$KEPU( |\$)" || true); do
		if tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qxF "E2E_MARK=$mark"; then
			echo "$p"
			continue
		fi
		for w in $works; do
			if tr '\0' '\n' <"/proc/$p/cmdline" 2>/dev/null | grep -qF -- "$w/"; then
				echo "$p"
				break
			fi
		done
	done
}

# kepu processes of the scenario still running after it ended (every
# terminal of it is closed by then, so kepu must have exited): their stacks
# are printed, they are killed, and the scenario fails.
leftovers() {
	local pids i
	# A sanitized kepu checks its heap for leaks as it exits: give it time.
	for i in $(seq 150); do
		pids=$(scenario_kepus "$1")
		[ -z "$pids" ] && return 0
		sleep 0.1
	done
	echo "kepu still running after the scenario:"
	for p in $pids; do
		ps -o pid,stat,etime,args -p "$p" | tail -n +2
		command -v gdb >/dev/null && gdb -p "$p" -batch -ex bt 2>/dev/null | grep '^#' | head -15
		kill -9 "$p" 2>/dev/null || true
	done
	return 1
}

# e2e_job SCENARIO: one scenario, in a directory of its own ($E2E_MARK).
e2e_job() {
	local s=$1 name start log
	name=$(basename "$s" .sh)
	export E2E_MARK="$results/e2e.$name"
	mkdir -p "$E2E_MARK"
	log="$E2E_MARK/log"
	start=$(date +%s)
	if bash "$s" >"$log" 2>&1 && leftovers "$E2E_MARK" >>"$log" 2>&1; then
		printf 'e2e %-24s ok (%ss)\n' "$name" "$(($(date +%s) - start))"
		echo "$(($(date +%s) - start)) $name" >"$E2E_MARK/took"
		echo "1 0 e2e/$name" >&3
	else
		printf 'e2e %-24s FAILED\n' "$name"
		sed 's/^/    /' "$log"
		echo "0 1 e2e/$name" >&3
	fi
}

if [ "$mode" != unit ]; then
	export KEPU="$PWD/${BUILD:-build}/kepu"
	export KEPU_WRITER="$PWD/${BUILD:-build}/tests/kepu-writer"
	export KEPU_ZTERM="$PWD/${BUILD:-build}/tests/kepu-zterm"
	E2E_CAPTURES=$(mktemp -d /tmp/kepu-captures.XXXXXX)
	export E2E_CAPTURES
	# Printed in name order; started longest first (as the last run timed
	# them, in $times) so that no long one is left to run alone at the end.
	times="${BUILD:-build}/e2e-times"
	[ -e "$times" ] || times=build/e2e-times
	scenarios=()
	for s in tests/e2e/*.sh; do
		case "$s" in */lib.sh) continue ;; esac
		name=$(basename "$s" .sh)
		if [ -n "${E2E_FILTER:-}" ] && [[ "$name" != *"$E2E_FILTER"* ]]; then
			continue
		fi
		scenarios+=("$s")
	done
	first=$queued
	for i in "${!scenarios[@]}"; do
		name=$(basename "${scenarios[$i]}" .sh)
		t=$(awk -v n="$name" '$2 == n { print $1; exit }' "$times" 2>/dev/null)
		echo "${t:-0} $i"
	done | sort -k1,1nr -k2,2n | while read -r _ i; do echo "$i"; done >"$results/order"
	while read -r i <&4; do
		queue $((first + i)) e2e_job "${scenarios[$i]}"
	done 4<"$results/order"
	wait
	show
	# This run's times, for the next run's order (the others' kept).
	mkdir -p "${BUILD:-build}"
	{ cat "$results"/e2e.*/took 2>/dev/null; cat "$times" 2>/dev/null; } |
		awk '!seen[$2]++' | sort -k1,1nr >"$results/times" &&
		mv "$results/times" "${BUILD:-build}/e2e-times"
fi
wait
show

# No internal name on any screen the scenarios captured: kepu's own tables
# and columns (kp_), command-line options (--), definition files (.yaml)
# and ASCII arrows (->) are not for clerks. Lines a scenario typed itself
# (hostile input, shell commands) are in the captures too: the patterns
# are kept to what kepu itself would write.
if [ "$mode" != unit ] && [ -n "${E2E_CAPTURES:-}" ]; then
	bad=$(cd "$E2E_CAPTURES" && grep -HnE 'kp_[a-z]|[^-]--[a-z（]|[^ ]\.yaml|[^-]->' -- * 2>/dev/null | sort -u | head -20)
	if [ -z "$bad" ]; then
		passed=$((passed + 1))
		printf 'e2e %-24s ok\n' "screen_text"
	else
		failed=$((failed + 1))
		failures+=("e2e/screen_text")
		printf 'e2e %-24s FAILED\n' "screen_text"
		printf '%s\n' "$bad" | sed 's/^/    /'
	fi
	rm -rf "$E2E_CAPTURES"
fi

if [ "${#failures[@]}" -gt 0 ]; then
	echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
