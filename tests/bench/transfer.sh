#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# make bench, imports and exports: kepu against the sqlite3 shell on the same
# CSV, side by side in one run, at two sizes so peak memory can be compared.
#   import: kepu import talent (every cell validated, each row's person
#           checked against the table and the file, one transaction, the
#           counts, four indexes, the audit row; the rows are read and
#           checked on a second thread while the first writes)
#           vs sqlite3 ".import --csv" into a plain table;
#   export: kepu export talent vs sqlite3 -csv "SELECT * FROM talent".
# Times are the best of RUNS (5) taken in turns (seconds), memory the peak RSS
# (KiB) from GNU time.
set -euo pipefail
cd "$(dirname "$0")/../.."
KEPU=${KEPU:-$PWD/build/kepu}
dir=${BENCH_DIR:-build/bench-data}/transfer
mkdir -p "$dir"
out=${BENCH_DIR:-build/bench-data}/transfer.txt
sizes=${TRANSFER_SIZES:-"10000 100000"}

# n valid 附表2 rows, names and schools varied, over eight units.
# 8,000 names at 997 schools: no 姓名 and 工作单位 twice below 7,976,000 rows
# (similar_hint would leave the repeats out as possibly the same person).
make_csv() {
	awk -v n="$1" 'BEGIN {
		split("王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗", sn, " ")
		split("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平", gn, " ")
		split("魏都区 长葛市 禹州市 许昌县 鄢陵县 襄城县 许昌学院 医学会", un, " ")
		print "填报单位,姓名,性别,年龄,民族,政治面貌,学历,主要从事行业,科普专长,工作单位,职务（职称）,联系电话,电子邮箱,QQ号或微信号,科普人才服务类别"
		for (i = 0; i < n; i++)
			printf "%s,%s%s%s,%s,%d,汉族,群众,本科,农业,果树栽培,许昌市第%d中学,教师,1%d%09d,,,青少年科普\n",
				un[i % 8 + 1], sn[i % 20 + 1], gn[int(i / 20) % 20 + 1], gn[int(i / 400) % 20 + 1],
				(i % 2 ? "男" : "女"), 20 + i % 50, i % 997 + 1, 3 + i % 7, i
	}'
}

# once TAG SETUP COMMAND…: one run after SETUP; appends "TAG SECONDS KiB".
once() {
	local tag=$1 setup=$2; shift 2
	eval "$setup"
	/usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/stderr" || {
		cat "$dir/stderr" >&2; exit 1; }
	echo "$tag $(cat "$dir/time")" >>"$dir/runs"
}
# best TAG: the best time and the peak memory of TAG's runs.
best() { awk -v t="$1" '$1 == t { if (b == "" || $2 < b) b = $2; if ($3 > m) m = $3 } END { print b, m }' "$dir/runs"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

{
	echo "# kepu import/export vs sqlite3: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, SQLite $(sqlite3 --version | cut -d' ' -f1)"
	printf '%-8s %9s %9s %7s %10s %10s   %9s %9s %7s %10s %10s\n' rows import sqlite3 ratio kepu_KiB sqlite_KiB \
		export "sqlite3" ratio kepu_KiB sqlite_KiB
} | tee "$out"
for n in $sizes; do
	csv=$dir/talent-$n.csv
	make_csv "$n" >"$csv"
	# kepu and sqlite3 take turns, so a slow spell of the machine falls on
	# both alike; the best of RUNS each.
	: >"$dir/runs"
	for _ in $(seq "${RUNS:-5}"); do
		once ki "rm -f $dir/k.db*; $KEPU init --db $dir/k.db >/dev/null" "$KEPU" import talent "$csv" --db "$dir/k.db"
		once si "rm -f $dir/p.db" sqlite3 "$dir/p.db" ".import --csv $csv t"
		once ke ":" "$KEPU" export talent --db "$dir/k.db"
		once se ":" sqlite3 -csv "$dir/k.db" "SELECT * FROM talent"
	done
	read -r ki km < <(best ki)
	read -r si sm < <(best si)
	read -r ke kem < <(best ke)
	read -r se sem < <(best se)
	[ "$(sqlite3 "$dir/k.db" 'SELECT count(*) FROM talent')" = "$n" ] || { echo "import lost rows" >&2; exit 1; }
	printf '%-8s %9s %9s %7s %10s %10s   %9s %9s %7s %10s %10s\n' "$n" "$ki" "$si" "$(ratio "$ki" "$si")" "$km" "$sm" \
		"$ke" "$se" "$(ratio "$ke" "$se")" "$kem" "$sem" | tee -a "$out"
done
{
	echo "targets: import <= 2x sqlite3 .import, export <= 1.5x sqlite3 -csv, peak memory < 64 MiB at every size (fixed buffers: the 1 MiB persons filter, SQLite's sort as the person index is made; it does not grow with the rows)"
	echo "database size after the largest import: kepu $(du -k "$dir/k.db" | cut -f1) KiB, sqlite3 plain table $(du -k "$dir/p.db" | cut -f1) KiB"
} | tee -a "$out"
