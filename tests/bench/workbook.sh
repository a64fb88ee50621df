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
	"$KEPU" import talent "$dir/talent-$n.csv" --db "$dir/w.db" --unit 魏都区 >/dev/null
	/usr/bin/time -f "%e %M" -o "$dir/time" "$KEPU" export roll --db "$dir/w.db" --unit 魏都区 \
		--format xlsx --output "$dir/roll-$n.xlsx"
	read -r secs kib <"$dir/time"
	case $n in 10000) before=22520 ;; 100000) before=140568 ;; *) before=- ;; esac
	printf '%-8s %9s %12s %12s\n' "$n" "$secs" "$kib" "$before" | tee -a "$out"
done
echo "target: at most 32768 KiB (32 MiB) at 100000 rows, flat across sizes" | tee -a "$out"
