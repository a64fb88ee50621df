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

if [ "$mode" != e2e ]; then
	for t in "$@"; do
		out=$("$t" 2>&1)
		rc=$?
		# A binary may run more than one group (each prints its count).
		p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
		f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
		p=${p:-0}
		f=${f:-0}
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			f=1 # crashed before cmocka could count
		fi
		passed=$((passed + p))
		failed=$((failed + f))
		if [ "$f" -ne 0 ]; then
			failures+=("$(basename "$t")")
			printf '%s\n' "$out"
		fi
		printf '%-28s %3d passed, %d failed\n' "$(basename "$t")" "$p" "$f"
	done
fi

# kepu processes of this build still running after a scenario ended (every
# terminal of it is closed by then, so kepu must have exited): their stacks
# are printed, they are killed, and the scenario fails.
leftovers() {
	local pids i
	# A sanitized kepu checks its heap for leaks as it exits: give it time.
	for i in $(seq 150); do
		pids=$(pgrep -f -- "^$KEPU " || true)
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

if [ "$mode" != unit ]; then
	export KEPU="$PWD/${BUILD:-build}/kepu"
	export KEPU_WRITER="$PWD/${BUILD:-build}/tests/kepu-writer"
	export KEPU_ZTERM="$PWD/${BUILD:-build}/tests/kepu-zterm"
	E2E_CAPTURES=$(mktemp -d /tmp/kepu-captures.XXXXXX)
	export E2E_CAPTURES
	for s in tests/e2e/*.sh; do
		case "$s" in */lib.sh) continue ;; esac
		name=$(basename "$s" .sh)
		if [ -n "${E2E_FILTER:-}" ] && [[ "$name" != *"$E2E_FILTER"* ]]; then
			continue
		fi
		log=$(mktemp)
		start=$(date +%s)
		if bash "$s" >"$log" 2>&1 && leftovers >>"$log" 2>&1; then
			passed=$((passed + 1))
			printf 'e2e %-24s ok (%ss)\n' "$name" "$(($(date +%s) - start))"
		else
			failed=$((failed + 1))
			failures+=("e2e/$name")
			printf 'e2e %-24s FAILED\n' "$name"
			sed 's/^/    /' "$log"
		fi
		rm -f "$log"
	done
fi

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
