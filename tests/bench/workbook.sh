#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# make bench, workbooks: the peak memory (KiB, GNU time) of writing 附表4 for
# one unit of N people as .xlsx, at two sizes. The rows are written in
# constant-memory mode (each row to disk once the next begins), so memory
# stays flat; before #15 (fddf5e7) the same export took 22,520 KiB at 10,000 rows and
# 140,568 KiB at 100,000 (the before_KiB column).
set -euo pipefail
cd "$(dirname "$0")/../.."
KEPU=${KEPU:-$PWD/build/kepu}
dir=${BENCH_DIR:-build/bench-data}/workbook
mkdir -p "$dir"
out=${BENCH_DIR:-build/bench-data}/workbook.txt
sizes=${WORKBOOK_SIZES:-"10000 100000"}
{
	echo "# kepu export roll --format xlsx, one unit: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
	printf '%-8s %9s %12s %12s\n' rows seconds peak_KiB before_KiB
} | tee "$out"
for n in $sizes; do
	awk -v n="$n" 'BEGIN {
		split("伟 芳 娜 敏 静 丽 强 磊 军 洋", g, " ")
		print "姓名,性别,年龄,民族,政治面貌,学历,主要从事行业,科普专长,工作单位,职务（职称）,联系电话,科普人才服务类别,拟开展科普工作"
		for (i = 0; i < n; i++)
			printf "王%s,男,%d,汉族,群众,本科,农业,果树栽培,许昌市第%d中学,教师,1%d%09d,青少年科普、农村科普,计划每季度开展一次果树栽培讲座，并到各乡镇学校巡回讲解果树病虫害防治知识。\n",
				g[i % 10 + 1] g[int(i / 10) % 10 + 1],
				20 + i % 50, i % 90 + 1, 3 + i % 7, i
	}' >"$dir/talent-$n.csv"
	rm -f "$dir/w.db"* "$dir/roll-$n.xlsx"
	"$KEPU" init --db "$dir/w.db" >/dev/null
	# the administrator's rights: a unit imports at most 10,000 rows at once
	"$KEPU" import talent "$dir/talent-$n.csv" --db "$dir/w.db" --for-unit 魏都区 >/dev/null
	/usr/bin/time -f "%e %M" -o "$dir/time" "$KEPU" export roll --db "$dir/w.db" --unit 魏都区 \
		--format xlsx --output "$dir/roll-$n.xlsx"
	read -r secs kib <"$dir/time"
	case $n in 10000) before=22520 ;; 100000) before=140568 ;; *) before=- ;; esac
	printf '%-8s %9s %12s %12s\n' "$n" "$secs" "$kib" "$before" | tee -a "$out"
done
echo "target: at most 32768 KiB (32 MiB) at 100000 rows, flat across sizes" | tee -a "$out"

# The city's whole 推荐表 book: one one-person form a sheet, every unit, at
# N people: the export's peak memory and the import's time and memory
# (issue #24: at most 64 MiB exporting 20,000). The sheets are written one
# at a time straight into the zip (src/domain/xlsx_stream.c): what stays in
# memory is minizip's directory entry per sheet, about 100 bytes; before
# (libxlsxwriter, every sheet in memory to the end) the export took
# 421,028 KiB at 20,000 (the before_KiB column). The import finds each
# sheet through an index of the zip made once.
people=${WORKBOOK_PEOPLE:-"1200 20000"}
out2=${BENCH_DIR:-build/bench-data}/workbook-paper.txt
{
	echo "# kepu export talent --format xlsx (every unit, a sheet a person), then import it into an empty database"
	printf '%-8s %12s %12s %12s %12s %12s\n' people export_s export_KiB import_s import_KiB before_KiB
} | tee "$out2"
for n in $people; do
	awk -v n="$n" 'BEGIN {
		split("伟 芳 娜 敏 静 丽 强 磊 军 洋", g, " "); split("魏都区 长葛市 禹州市 许昌学院 鄢陵县", u, " ")
		print "填报单位,姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别"
		for (i = 0; i < n; i++)
			printf "%s,王%s,男,%d,汉族,群众,本科,许昌市第%d中学,1%d%09d,农村科普\n", u[i % 5 + 1],
				g[i % 10 + 1] g[int(i / 10) % 10 + 1], 20 + i % 50, i % 90 + 1, 3 + i % 7, i
	}' >"$dir/book-$n.csv"
	rm -f "$dir/b.db"* "$dir/b2.db"* "$dir/book-$n.xlsx"
	"$KEPU" init --db "$dir/b.db" >/dev/null
	"$KEPU" init --db "$dir/b2.db" >/dev/null
	"$KEPU" import talent "$dir/book-$n.csv" --db "$dir/b.db" >/dev/null
	/usr/bin/time -f "%e %M" -o "$dir/time" "$KEPU" export talent --db "$dir/b.db" --format xlsx \
		--output "$dir/book-$n.xlsx"
	read -r esecs ekib <"$dir/time"
	/usr/bin/time -f "%e %M" -o "$dir/time" "$KEPU" import talent "$dir/book-$n.xlsx" --db "$dir/b2.db" >/dev/null
	read -r isecs ikib <"$dir/time"
	case $n in 20000) before=421028 ;; *) before=- ;; esac
	printf '%-8s %12s %12s %12s %12s %12s\n' "$n" "$esecs" "$ekib" "$isecs" "$ikib" "$before" | tee -a "$out2"
done
echo "target: export at most 65536 KiB (64 MiB) at 20000 people" | tee -a "$out2"
