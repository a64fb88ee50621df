# SPDX-License-Identifier: MulanPSL-2.0
# .xlsx exports in the official layout, read back with unzip (not with the
# library that wrote them): 附表1's label, merged two-row header and 合计 as
# SUM formulas with cached values, 宋体, A4, repeated header rows, the page
# footer with the programme year, every row with a height; 附表1 without a
# 填报单位 line (the city writes it); 附表4 with a sheet per unit and the
# seed's line; the 推荐表 a sheet per person, each page numbered; the year
# on every workbook of a year opened later; --state; never overwriting; a
# list's dates as 2016年7月1日, read back by the import as exported.
. "$(dirname "$0")/lib.sh"
new_db --demo
x() { unzip -p "$1" "$2"; }
"$KEPU" export quota --db "$DB" --format xlsx --output "$WORK/q.xlsx"
sheet=$(x "$WORK/q.xlsx" xl/worksheets/sheet1.xml)
for m in A2:F2 A4:A5 B4:B5 C4:F4 A25:B25; do # A25:B25: 合计 across 序号 and 单位, as the seed draws it
	grep -q "<mergeCell ref=\"$m\"/>" <<<"$sheet" || fail "no merged range $m"
done
for f in "C25\"[^>]*><f>SUM(C6:C24)</f><v>1170</v>" "D25\"[^>]*><f>SUM(D6:D24)</f><v>134</v>" \
	"E25\"[^>]*><f>SUM(E6:E24)</f><v>119</v>" "F25\"[^>]*><f>SUM(F6:F24)</f><v>37</v>"; do
	grep -q "<c r=\"$f" <<<"$sheet" || fail "no total: $f"
done
for t in 附表1 "许昌市科协“百千万科普工程”任务指标分配表" "2016 年度" 指标分配 科普人才 重点入库项目 \
	心理咨询师协会 合计; do
	grep -q "<t>$t</t>" <<<"$sheet" || fail "no text: $t"
done
# 附表1 is the city's own table: no 填报单位 line (the seed prints none)
! grep -q "填报单位" <<<"$sheet" || fail "附表1 names a 填报单位"
# every row of the table has its height
[ "$(grep -o '<row r="[0-9]*"[^>]*>' <<<"$sheet" | grep -vc 'ht=')" -eq 0 ] || fail "a row without a height"
grep -q 'paperSize="9"' <<<"$sheet" || fail "not A4"
# the footer in 宋体 too (else the default font's digits beside the Chinese)
font='&amp;(&quot;|")宋体,Regular(&quot;|")'
grep -Eq "<oddFooter>&amp;L${font}2016 年度&amp;C${font}第 &amp;P 页，共 &amp;N 页</oddFooter>" <<<"$sheet" ||
	fail "no page footer"
# 序号 1..19 down the table, in the seed's order of units
for k in $(seq 1 19); do
	grep -q "<c r=\"A$((k + 5))\" s=\"[0-9]*\"><v>$k</v></c>" <<<"$sheet" || fail "序号 $k"
done
# One unit's 附表1: its row keeps its official 序号 (许昌学院 is 10th in the
# seed's list), not 1; the whole table's row 10 is the same unit.
"$KEPU" export quota --db "$DB" --unit 许昌学院 --format xlsx --output "$WORK/q1.xlsx"
one=$(x "$WORK/q1.xlsx" xl/worksheets/sheet1.xml)
grep -q '<c r="A6" s="[0-9]*"><v>10</v></c><c r="B6" s="[0-9]*" t="inlineStr"><is><t>许昌学院</t>' <<<"$one" ||
	fail "one unit's 附表1: $(grep -o '<row r="6".*</row>' <<<"$one" | head -c 300)"
grep -q '<c r="A15" s="[0-9]*"><v>10</v></c><c r="B15" s="[0-9]*" t="inlineStr"><is><t>许昌学院</t>' <<<"$sheet" ||
	fail "许昌学院 is not 10th in the whole 附表1"
# A list of what units wrote (the 工作计划, one a unit too) numbers its rows 1..n, not the
# units' 附表1 numbers.
"$KEPU" export plan --db "$DB" --format xlsx --output "$WORK/plan.xlsx"
seqs=$(x "$WORK/plan.xlsx" xl/worksheets/sheet1.xml | grep -o '<c r="A[0-9]*" s="[0-9]*"><v>[0-9]*</v>' | sed 's/.*<v>//; s/<.*//' | tr '\n' ' ')
n=$(wc -w <<<"$seqs")
[ "$n" -ge 2 ] && [ "$seqs" = "$(seq -s ' ' 1 "$n") " ] || fail "工作计划's 序号: $seqs"
x "$WORK/q.xlsx" xl/workbook.xml | grep -q "_xlnm.Print_Titles.*\$4:\$5" || fail "header rows not repeated"
x "$WORK/q.xlsx" xl/styles.xml | grep -q 'name val="宋体"' || fail "not 宋体"

# 附表4 of every unit: a sheet per unit, each numbered from 1, the seed's line.
"$KEPU" export roll --db "$DB" --format xlsx --output "$WORK/r.xlsx"
[ "$(unzip -l "$WORK/r.xlsx" | grep -c 'xl/worksheets/sheet')" -eq 19 ] || fail "not a sheet per unit"
x "$WORK/r.xlsx" xl/workbook.xml | grep -q '<sheet name="许昌学院"' || fail "no sheet 许昌学院"
x "$WORK/r.xlsx" xl/worksheets/sheet1.xml | grep -q "<t>河南省科协“百千万科普工程”科普人才信息汇总表</t>" ||
	fail "附表4 title"
x "$WORK/r.xlsx" xl/worksheets/sheet1.xml | grep -q "<t>　许昌　市　　魏都区　县（市、区）科协　　　　2016 年度</t>" ||
	fail "附表4's line"
# a college is no 县（市、区）科协: its own name alone (sheet 10 is 许昌学院)
x "$WORK/r.xlsx" xl/worksheets/sheet10.xml | grep -q "<t>　许昌　市　　许昌学院　　　　2016 年度</t>" ||
	fail "附表4's line for 许昌学院"

# One unit's 推荐表: a sheet per person, ■ for the chosen categories.
n=$(sqlite3 "$DB" "SELECT count(*) FROM talent JOIN units u ON u.id = unit_id WHERE u.name = '许昌学院'")
"$KEPU" export talent --db "$DB" --unit 许昌学院 --format xlsx --output "$WORK/t.xlsx"
[ "$(unzip -l "$WORK/t.xlsx" | grep -c 'xl/worksheets/sheet')" -eq "$n" ] || fail "not a sheet per person"
x "$WORK/t.xlsx" 'xl/worksheets/sheet*.xml' >"$WORK/t.sheets"
grep -q "■" "$WORK/t.sheets" || fail "no ticked box"
# each person's page numbered in the printout: 第 k 页，共 n 页 (a sheet's
# first page numbered k, &P), and the year; fitted to the width only
for k in $(seq 1 "$n"); do
	x "$WORK/t.xlsx" "xl/worksheets/sheet$k.xml" >"$WORK/t.sheet"
	grep -Eq "<oddFooter>&amp;L${font}2016 年度&amp;C${font}第 &amp;P 页，共 $n 页</oddFooter>" "$WORK/t.sheet" &&
		grep -q "firstPageNumber=\"$k\" fitToWidth=\"1\" fitToHeight=\"0\"" "$WORK/t.sheet" ||
		fail "推荐表 page $k: no number"
done

# A year opened later: its 附表1, 附表4, list forms, ranking and 推荐表 say 2017.
"$KEPU" year open 2017 --from 2016 --db "$DB" --today 2017-01-05 >/dev/null
"$KEPU" export quota --db "$DB" --year 2017 --format xlsx --output "$WORK/y-quota.xlsx"
for f in roll activity talent; do
	"$KEPU" export $f --db "$DB" --year 2017 --unit 魏都区 --format xlsx --output "$WORK/y-$f.xlsx"
done
for f in quota roll activity; do
	x "$WORK/y-$f.xlsx" xl/worksheets/sheet1.xml | grep -Eq "&amp;L${font}2017 年度" || fail "$f 2017: no year at the foot"
done
# a 推荐表 carries its record's own year: 2016's talents, listed in 2017 too
x "$WORK/y-talent.xlsx" xl/worksheets/sheet1.xml | grep -Eq "&amp;L${font}2016 年度" || fail "talent 2017: not its own year at the foot"
x "$WORK/y-quota.xlsx" xl/worksheets/sheet1.xml | grep -q "<t>2017 年度</t>" || fail "附表1 2017: no year line"
x "$WORK/y-roll.xlsx" xl/worksheets/sheet1.xml | grep -q "县（市、区）科协　　　　2017 年度</t>" ||
	fail "附表4 2017: no year in the seed's line"
x "$WORK/y-activity.xlsx" xl/worksheets/sheet1.xml | grep -q "<t>填报单位：魏都区　　　　2017 年度</t>" ||
	fail "科普活动 2017: no year beside 填报单位"
"$KEPU" report progress --db "$DB" --year 2017 --format xlsx --output "$WORK/y-p.xlsx"
x "$WORK/y-p.xlsx" xl/worksheets/sheet1.xml | grep -q "各有关单位　　　　2017 年度</t>" || fail "ranking 2017: no year"
# the ranking is one page, its notes and signatures with the table: fitted
# to the page (fitToHeight absent is 1; a list's is 0, as many as it needs)
ps=$(x "$WORK/y-p.xlsx" xl/worksheets/sheet1.xml | grep -o '<pageSetUpPr fitToPage="1"/>\|<pageSetup[^>]*>')
grep -q fitToPage <<<"$ps" && ! grep -q fitToHeight <<<"$ps" || fail "ranking: not one page: $ps"

# --state: only the approved, with a 状态 column in the CSV.
demo_drafts
sqlite3 "$DB" "UPDATE talent SET kp_state = 'approved' WHERE id IN (SELECT id FROM talent ORDER BY id LIMIT 2)"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null
"$KEPU" export talent --db "$DB" --state 已认定 >"$WORK/ok.csv"
[ "$(wc -l <"$WORK/ok.csv")" -eq 3 ] || fail "want 2 approved rows: $(cat "$WORK/ok.csv")"
head -1 "$WORK/ok.csv" | grep -q ',状态' || fail "no 状态 column"
[ "$(grep -c ',已认定' "$WORK/ok.csv")" -eq 2 ] || fail "状态 not 已认定"
"$KEPU" export talent --db "$DB" --state approved --format xlsx --output "$WORK/ok.xlsx"
[ "$(unzip -l "$WORK/ok.xlsx" | grep -c 'xl/worksheets/sheet')" -eq 2 ] || fail "approved 推荐表"
# …and the exported CSV, 状态 and all, imports again.
"$KEPU" import talent "$WORK/ok.csv" --db "$DB" --dry-run >/dev/null 2>"$WORK/err" || fail "$(cat "$WORK/err")"

set +e
"$KEPU" export quota --db "$DB" --format xlsx --output "$WORK/q.xlsx" 2>"$WORK/err"; rc1=$?
"$KEPU" export quota --db "$DB" --format pdf 2>>"$WORK/err"; rc2=$?
"$KEPU" export quota --db "$DB" --format xlsx 2>>"$WORK/err"; rc3=$?
"$KEPU" export talent --db "$DB" --state 通过 2>>"$WORK/err"; rc4=$?
set -e
[ "$rc1$rc2$rc3$rc4" = 1111 ] || fail "statuses $rc1$rc2$rc3$rc4"
grep -q "已存在，不会覆盖" "$WORK/err" && grep -q "不支持的格式「pdf」" "$WORK/err" &&
	grep -q "需要用 --output" "$WORK/err" && grep -q "没有「通过」这种状态" "$WORK/err" || fail "$(cat "$WORK/err")"
# docProps name kepu as the author and the application, and the city as
# the company: libxlsxwriter's app.xml (Microsoft Excel) is replaced, the
# 推荐表's (xlsx_stream.c) written so; the rest of the book is unchanged.
for w in q t; do x "$WORK/$w.xlsx" docProps/core.xml | grep -q "<dc:creator>kepu</dc:creator>" || fail "$w: docProps: no kepu"; done
for w in q t; do
	x "$WORK/$w.xlsx" docProps/app.xml >"$WORK/app"
	grep -q "<Application>kepu [0-9.]*</Application>" "$WORK/app" || fail "$w: docProps: $(cat "$WORK/app")"
	grep -q "<Company>许昌市科协“百千万科普工程”</Company>" "$WORK/app" || fail "$w: docProps: no company"
	hasnt "Microsoft" app
done
unzip -t "$WORK/q.xlsx" >"$WORK/zip" || fail "the rewritten book: $(cat "$WORK/zip")"

# A workbook that cannot be written: one message in kepu's words naming the
# file and why, nothing from libxlsxwriter, no file left; the same commands
# with a writable name write it (the positive control).
for cmd in "export quota" "export roll" "export talent --unit 许昌学院" "report progress"; do
	# shellcheck disable=SC2086 # the command's words
	refused 1 "$KEPU" $cmd --db "$DB" --format xlsx --output "$WORK/nonexist/w.xlsx"
	has "不能写入 $WORK/nonexist/w.xlsx："
	has "No such file or directory"
	hasnt "[ERROR]"
	hasnt "Error creating"
	[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "$cmd: more than one line: $(cat "$WORK/err")"
	rm -f "$WORK/w.xlsx"
	# shellcheck disable=SC2086
	exits 0 "$KEPU" $cmd --db "$DB" --format xlsx --output "$WORK/w.xlsx"
	grep -q 'xl/workbook.xml' <<<"$(unzip -l "$WORK/w.xlsx")" || fail "$cmd: no workbook written"
	[ ! -s "$WORK/err" ] || fail "$cmd: said $(cat "$WORK/err")"
done
# A folder kepu may not write into: refused the same way, nothing left there.
mkdir "$WORK/ro" && chmod 555 "$WORK/ro"
if ! touch "$WORK/ro/probe" 2>/dev/null; then # root writes anywhere: then only the missing folder above
	refused 1 "$KEPU" export quota --db "$DB" --format xlsx --output "$WORK/ro/q.xlsx"
	has "不能写入 $WORK/ro/q.xlsx：Permission denied"
	hasnt "[ERROR]"
	[ -z "$(ls -A "$WORK/ro")" ] || fail "a file left in ro/"
fi
rm -f "$WORK/ro/probe"
chmod 755 "$WORK/ro"
# A list's dates printed as the forms print them (2016年7月1日), read back
# by the import as the dates exported: the 科普活动 of every unit, round trip.
exits 0 "$KEPU" export activity --db "$DB" --year 2016 --format xlsx --output "$WORK/act.xlsx"
sheet=$(x "$WORK/act.xlsx" xl/worksheets/sheet1.xml)
grep -qE '>20[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日<' <<<"$sheet" || fail "activity: no date as 2016年7月1日"
! grep -qE '20[0-9]{2}-[0-9]{2}-[0-9]{2}' <<<"$sheet" || fail "activity: an ISO date printed"
exits 0 "$KEPU" init --db "$WORK/back.db"
exits 0 "$KEPU" import activity "$WORK/act.xlsx" --db "$WORK/back.db"
"$KEPU" export activity --db "$DB" --year 2016 | cut -d, -f1-3 | sort >"$WORK/dates-before"
"$KEPU" export activity --db "$WORK/back.db" | cut -d, -f1-3 | sort >"$WORK/dates-after"
grep -qE ',20[0-9]{2}-[0-9]{2}-[0-9]{2}$' "$WORK/dates-after" || fail "activity read back: no date"
cmp -s "$WORK/dates-before" "$WORK/dates-after" || fail "activity dates read back: $(diff "$WORK/dates-before" "$WORK/dates-after" | head -3)"
