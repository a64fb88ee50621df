# .xlsx exports in the official layout, read back with unzip (not with the
# library that wrote them): 附表1's merged two-row header and 合计 as SUM
# formulas with cached values, 宋体, A4, repeated header rows, the page
# footer, 填报人/审核人/填报日期; 附表4 with a sheet per unit; never
# overwriting a file.
. "$(dirname "$0")/lib.sh"
new_db --demo
x() { unzip -p "$1" "$2"; }
"$KEPU" export quota --db "$DB" --format xlsx --output "$WORK/q.xlsx"
sheet=$(x "$WORK/q.xlsx" xl/worksheets/sheet1.xml)
strings=$(x "$WORK/q.xlsx" xl/sharedStrings.xml)
for m in A1:F1 A3:A4 B3:B4 C3:F3; do
	grep -q "<mergeCell ref=\"$m\"/>" <<<"$sheet" || fail "no merged range $m"
done
for f in "C24\"[^>]*><f>SUM(C5:C23)</f><v>1170</v>" "D24\"[^>]*><f>SUM(D5:D23)</f><v>134</v>" \
	"E24\"[^>]*><f>SUM(E5:E23)</f><v>119</v>" "F24\"[^>]*><f>SUM(F5:F23)</f><v>37</v>"; do
	grep -q "<c r=\"$f" <<<"$sheet" || fail "no total: $f"
done
for t in "许昌市科协“百千万科普工程”任务指标分配表" 填报单位：全部单位 指标分配 科普人才 重点入库项目 \
	心理咨询师协会 合计 填报人： 审核人： 填报日期：; do
	grep -q "<t>$t</t>" <<<"$strings" || fail "no text: $t"
done
grep -q 'paperSize="9"' <<<"$sheet" || fail "not A4"
grep -q '<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>' <<<"$sheet" || fail "no page footer"
x "$WORK/q.xlsx" xl/workbook.xml | grep -q "_xlnm.Print_Titles.*\$3:\$4" || fail "header rows not repeated"
x "$WORK/q.xlsx" xl/styles.xml | grep -q 'name val="宋体"' || fail "not 宋体"

# 附表4 of every unit: a sheet per unit, each numbered from 1.
"$KEPU" export roll --db "$DB" --format xlsx --output "$WORK/r.xlsx"
[ "$(unzip -l "$WORK/r.xlsx" | grep -c 'xl/worksheets/sheet')" -eq 19 ] || fail "not a sheet per unit"
x "$WORK/r.xlsx" xl/workbook.xml | grep -q '<sheet name="许昌学院"' || fail "no sheet 许昌学院"
x "$WORK/r.xlsx" xl/sharedStrings.xml | grep -q "<t>河南省科协“百千万科普工程”科普人才信息汇总表</t>" ||
	fail "附表4 title"

# One unit's 附表2: its unit on the second line; long texts included.
"$KEPU" export talent --db "$DB" --unit 许昌学院 --format xlsx --output "$WORK/t.xlsx"
x "$WORK/t.xlsx" xl/sharedStrings.xml | grep -q "<t>填报单位：许昌学院</t>" || fail "unit line"
[ "$(x "$WORK/t.xlsx" xl/worksheets/sheet1.xml | grep -o '<row r=' | wc -l)" -ge 6 ] || fail "rows"

set +e
"$KEPU" export quota --db "$DB" --format xlsx --output "$WORK/q.xlsx" 2>"$WORK/err"; rc1=$?
"$KEPU" export quota --db "$DB" --format pdf 2>>"$WORK/err"; rc2=$?
"$KEPU" export quota --db "$DB" --format xlsx 2>>"$WORK/err"; rc3=$?
set -e
[ "$rc1$rc2$rc3" = 111 ] || fail "statuses $rc1$rc2$rc3"
grep -q "已存在，不会覆盖" "$WORK/err" && grep -q "不支持的格式「pdf」" "$WORK/err" &&
	grep -q "需要用 --output" "$WORK/err" || fail "$(cat "$WORK/err")"
