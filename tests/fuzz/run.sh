#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# make fuzz: each fuzzer of build-fuzz/fuzz/ for SECONDS, seeded from the
# project's own files, JOBS fuzzers at a time (each on a core of its own:
# every fuzzer gets the whole SECONDS of a core, as one at a time would).
# A crash's input goes to build-fuzz/FUZZER-crash-*, never into the source
# tree; one worth keeping becomes a seed (tests/fuzz/seeds/). Each
# fuzzer's lines are printed in the order named, as it ends.
# Usage: tests/fuzz/run.sh SECONDS JOBS FUZZER...
set -u
cd "$(dirname "$0")/../.." || exit 1
seconds=$1 jobs=$2
shift 2
one() {
	local f=$1 seeds args=
	case $f in
	fuzz_form) seeds="screens config data/lists" ;;
	fuzz_validate) seeds=tests/fuzz/seeds/validate ;;
	fuzz_xlsx) seeds=tests/fuzz/seeds/xlsx ;;
	fuzz_picture) seeds=tests/fuzz/seeds/picture ;;
	# Every cell of a CSV input is validated: keep inputs short so the
	# fuzzer tries many files rather than a few long ones.
	fuzz_csv) seeds="data/demo tests/fuzz/seeds/csv" args=-max_len=1024 ;;
	fuzz_pastemark) seeds=tests/fuzz/seeds/pastemark ;;
	*) echo "fuzz: no seeds for $f"; return 1 ;;
	esac
	mkdir -p "build-fuzz/corpus/$f"
	echo "fuzz: $f for $seconds s"
	# shellcheck disable=SC2086 # the seed directories and options are words
	if ! "build-fuzz/fuzz/$f" $args -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="build-fuzz/$f-" -print_final_stats=1 "build-fuzz/corpus/$f" $seeds \
		2>"build-fuzz/$f.log"; then
		tail -40 "build-fuzz/$f.log"
		return 1
	fi
	grep -E "^Done|stat::number_of_executed_units" "build-fuzz/$f.log" | tail -1
}
out=$(mktemp -d /tmp/kepu-fuzz.XXXXXX)
trap 'rm -rf "$out"' EXIT
i=0
for f in "$@"; do
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
	{ one "$f" >"$out/$i" 2>&1; echo $? >"$out/$i.rc"; } </dev/null &
	i=$((i + 1))
done
wait
failed=0
for ((j = 0; j < i; j++)); do
	cat "$out/$j"
	[ "$(cat "$out/$j.rc")" = 0 ] || failed=1
done
[ "$failed" -eq 0 ] && echo "fuzz: no crashes"
