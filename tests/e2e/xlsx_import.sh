# SPDX-License-Identifier: MulanPSL-2.0
# .xlsx import of a workbook another tool wrote (the XML is hand-written in
# tests/fixtures/xlsx and zipped here): a title line above the header,
# shared and inline strings, rich text, a custom date format and a built-in
# one, a row the sheet leaves out — and the report names spreadsheet rows.
. "$(dirname "$0")/lib.sh"
new_db
fx=$(cd "$(dirname "$0")/../fixtures/xlsx" && pwd)
(cd "$fx" && zip -q -X -r "$WORK/act.xlsx" '[Content_Types].xml' _rels xl)
set +e
"$KEPU" import activity "$WORK/act.xlsx" --db "$DB" --unit 禹州市 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "status $rc"
grep -q "^第6行 F列 参与人数: 不能小于 0" "$WORK/err" || fail "report: $(cat "$WORK/err")"
assert_sql "SELECT count(*) FROM activity" "0"
# Only the bad row goes aside; the dates came through their formats.
"$KEPU" import activity "$WORK/act.xlsx" --db "$DB" --unit 禹州市 --skip-invalid "$WORK/bad.csv" 2>/dev/null
assert_sql "SELECT name || '|' || held_on || '|' || form || '|' || targets || '|' || place || '|' || participants
  FROM activity" '全国科普日主题活动|2016-09-17|科普展览|["校园","社区"]|禹州市人民广场|1200'
grep -q "^农村科技培训,2016-10-01,科技培训,乡村,花石乡,-5," "$WORK/bad.csv" || fail "rejects: $(cat "$WORK/bad.csv")"
printf 'PK\003\004broken' >"$WORK/broken.xlsx"
set +e
"$KEPU" import activity "$WORK/broken.xlsx" --db "$DB" --unit 禹州市 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "不是可以读取的 .xlsx 文件" "$WORK/err" || fail "broken xlsx: $(cat "$WORK/err")"

# A formula the file keeps no result of (a program wrote it, Excel never
# saved it; openpyxl writes an empty <v></v>): said as a formula with the
# cell, not 「必须填写」, not saved empty.
before=$(sqlite3 "$DB" "SELECT count(*) FROM activity")
for result in "" "<v></v>"; do
	rm -rf "$WORK/fx2" "$WORK/formula.xlsx"
	cp -r "$fx" "$WORK/fx2"
	sed -i "s|<c r=\"F6\"><v>-5</v></c>|<c r=\"F6\"><f>SUM(F2:F5)</f>$result</c>|" "$WORK/fx2/xl/worksheets/sheet1.xml"
	grep -q "<f>SUM(F2:F5)</f>$result</c>" "$WORK/fx2/xl/worksheets/sheet1.xml" || fail "fixture: no formula put in"
	(cd "$WORK/fx2" && zip -q -X -r "$WORK/formula.xlsx" '[Content_Types].xml' _rels xl)
	refused 1 "$KEPU" import activity "$WORK/formula.xlsx" --db "$DB" --unit 禹州市
	has "第6行 F列 参与人数: 工作表「活动」的单元格 F6 是公式，文件里没有保存它的计算结果"
	has "请在 Excel、WPS 或 LibreOffice 中打开、保存后再导入"
	hasnt "必须填写"
	assert_sql "SELECT count(*) FROM activity" "$before"
done
# A formula read by the result the file keeps is said once, with the first cell.
sed -i 's|<c r="F6"><f>SUM(F2:F5)</f><v></v></c>|<c r="F6"><f>SUM(F2:F5)</f><v>12</v></c>|' "$WORK/fx2/xl/worksheets/sheet1.xml"
grep -q '<v>12</v>' "$WORK/fx2/xl/worksheets/sheet1.xml" || fail "fixture: no result put in"
rm "$WORK/formula.xlsx"
(cd "$WORK/fx2" && zip -q -X -r "$WORK/formula.xlsx" '[Content_Types].xml' _rels xl)
exits 0 "$KEPU" import activity "$WORK/formula.xlsx" --db "$DB" --unit 禹州市 --dry-run
has "1 个单元格是公式，按文件里保存的计算结果读取（第一个：工作表「活动」的 F6）"
exits 0 "$KEPU" import activity "$WORK/act.xlsx" --db "$DB" --unit 禹州市 --dry-run --skip-invalid "$WORK/bad2.csv"
hasnt "个单元格是公式" # control: no formula, no word
# A number with a formula's binary leftover (Excel shows 30): refused, and the
# message says why the clerk sees a whole number.
rm -rf "$WORK/fx3" "$WORK/noise.xlsx"
cp -r "$fx" "$WORK/fx3"
sed -i 's|<c r="F6"><v>-5</v></c>|<c r="F6"><v>30.000000000000004</v></c>|' "$WORK/fx3/xl/worksheets/sheet1.xml"
grep -q '<v>30.000000000000004</v>' "$WORK/fx3/xl/worksheets/sheet1.xml" || fail "fixture: no number put in"
(cd "$WORK/fx3" && zip -q -X -r "$WORK/noise.xlsx" '[Content_Types].xml' _rels xl)
refused 1 "$KEPU" import activity "$WORK/noise.xlsx" --db "$DB" --unit 禹州市 --dry-run
has "第6行 F列 参与人数: 应为整数；单元格是数字 30.000000000000004（Excel 可能把它四舍五入显示为 30，"
has "请把这一格改为直接填写的数值"
refused 1 "$KEPU" import activity "$WORK/act.xlsx" --db "$DB" --unit 禹州市 --dry-run
hasnt "四舍五入" # control: -5 is said as it is

# A hidden sheet: one the import would read (the list itself) is refused,
# naming it; a template's hidden option lists, not read, are left as a
# shown sheet of lists is (said, not read) — they are no one's record.
/usr/bin/python3 -W ignore - "$WORK/act.xlsx" "$WORK/lists_hidden.xlsx" "$WORK/list_hidden.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.create_sheet("选项")
for i, v in enumerate(["科普讲座", "科普展览", "科技培训"]):
    ws.cell(row=i + 1, column=1, value=v)
ws.sheet_state = "hidden"
wb.save(sys.argv[2])
ws.sheet_state = "visible"
wb.worksheets[0].sheet_state = "hidden"
wb.save(sys.argv[3])
PY
# (act.xlsx's own bad rows refuse it either way: the list was read)
refused 1 "$KEPU" import activity "$WORK/lists_hidden.xlsx" --db "$DB" --unit 禹州市 --dry-run
has "工作表「选项」有内容，但不是这张表的名单，没有读取"
has "第6行 F列 参与人数: 不能小于 0"
hasnt "隐藏"
refused 1 "$KEPU" import activity "$WORK/list_hidden.xlsx" --db "$DB" --unit 禹州市 --dry-run
has "这张工作表在 Excel 中是隐藏的"
