#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# make bench, bounded work: the worst 10 MB files an office could send (a
# header repeating 姓名 9,990 times, one 10 MB cell, 10 MB of rows: 78,740,
# under the 100,000 rows the city may import at once, so every one is read),
# each answered (accepted or refused) by `kepu import --dry-run`; time and
# peak memory against the targets of issue #16: within 2 s and 64 MiB.
set -euo pipefail
cd "$(dirname "$0")/../.."
KEPU=${KEPU:-$PWD/build/kepu}
dir=${BENCH_DIR:-build/bench-data}/bounds
mkdir -p "$dir"
rm -f "$dir/b.db"*
"$KEPU" init --db "$dir/b.db" >/dev/null
{ for i in $(seq 1 9990); do printf '姓名,'; done; echo; } >"$dir/wide.csv"
head -c 10000000 /dev/zero | tr '\0' 'x' | sed '1s/^/姓名\n/' >"$dir/cell.csv"
{ echo "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别"
  head -c 10000000 < <(yes '张三,男,40,汉族,群众,本科,许昌市魏都区科学技术协会青少年科普工作部第一科室,13812345678,其他'); } >"$dir/rows.csv"
out=${BENCH_DIR:-build/bench-data}/bounds.txt
{
echo "# bounded work: kepu import --dry-run of 10 MB files (targets: 2 s, 65536 KiB)"
printf '%-10s %8s %10s %s\n' file seconds KiB verdict
for f in wide cell rows; do
	/usr/bin/time -f "%e %M" -o "$dir/time" "$KEPU" import talent "$dir/$f.csv" --db "$dir/b.db" \
		--for-unit 许昌学院 --dry-run >/dev/null 2>&1 || true
	read -r t m < <(tail -n 1 "$dir/time") # GNU time says the exit status first
	ok=$(awk -v t="$t" -v m="$m" 'BEGIN { print (t <= 2 && m < 65536) ? "within" : "NOT within" }')
	printf '%-10s %8s %10s %s\n' "$f" "$t" "$m" "$ok"
done
} | tee "$out"
