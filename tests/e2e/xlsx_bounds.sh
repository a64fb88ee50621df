# SPDX-License-Identifier: MulanPSL-2.0
# Workbooks forged to make a reader work without end, each refused at once,
# naming the bound, with no crash: a cell past column XFD (letters enough
# to overflow a column number), a row past Excel's last, a member that
# unpacks to more than 64 MiB (a zip bomb), one shared string in every cell,
# a date cell holding a day Excel never had. The valid fixture still reads.
. "$(dirname "$0")/lib.sh"
new_db
fx=$(cd "$(dirname "$0")/../fixtures/xlsx" && pwd)
# forge NAME: the fixture with xl/worksheets/sheet1.xml (and whatever else
# the caller put in $WORK/NAME) replaced, zipped to $WORK/NAME.xlsx.
forge() {
	local d=$WORK/$1
	mkdir -p "$d"
	cp -rn "$fx/." "$d/"
	(cd "$d" && zip -q -X -r "$WORK/$1.xlsx" '[Content_Types].xml' _rels xl)
}
sheet() { # sheet NAME ROWS…: the sheet of NAME, its rows as given
	local d=$WORK/$1
	shift
	mkdir -p "$d/xl/worksheets"
	{
		echo '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
		echo '<row r="1"><c r="A1" t="inlineStr"><is><t>活动名称</t></is></c><c r="B1" t="inlineStr"><is><t>日期</t></is></c></row>'
		printf '%s\n' "$@"
		echo '</sheetData></worksheet>'
	} >"$d/xl/worksheets/sheet1.xml"
}
# bounded NAME TEXT: importing NAME.xlsx fails with status 1 within 10 s, saying TEXT.
bounded() {
	refused 1 timeout 10 "$KEPU" import activity "$WORK/$1.xlsx" --db "$DB" --unit 禹州市 --dry-run
	has "$2"
}
sheet col '<row r="2"><c r="XDFCPDVLCBNOJ2" t="inlineStr"><is><t>x</t></is></c></row>'
forge col
bounded col "单元格「XDFCPDVLCBNOJ2」超过 Excel 的最大列数 16384"
sheet col7 '<row r="2"><c r="AAAAAAA2" t="inlineStr"><is><t>x</t></is></c></row>'
forge col7
bounded col7 "超过 Excel 的最大列数"
sheet row '<row r="999999999999999"><c r="A999999999999999" t="inlineStr"><is><t>x</t></is></c></row>'
forge row
bounded row "行号 999999999999999 超过 Excel 的最大行数 1048576"
# 80 MiB of blanks in the sheet compress to a few dozen KiB.
mkdir -p "$WORK/bomb/xl/worksheets"
{
	echo '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
	head -c $((80 << 20)) /dev/zero | tr '\0' ' '
	echo '</sheetData></worksheet>'
} >"$WORK/bomb/xl/worksheets/sheet1.xml"
forge bomb
[ "$(stat -c %s "$WORK/bomb.xlsx")" -lt 1000000 ] || fail "the bomb is not small"
bounded bomb "xl/worksheets/sheet1.xml 解压后超过 64 MiB"
# One 100 KiB shared string, used in 700 cells: 70 MiB of CSV.
mkdir -p "$WORK/many/xl"
{
	echo '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
	head -c $((100 << 10)) /dev/zero | tr '\0' 'x'
	echo '</t></si></sst>'
} >"$WORK/many/xl/sharedStrings.xml"
rows=()
for i in $(seq 2 701); do rows+=("<row r=\"$i\"><c r=\"A$i\" t=\"s\"><v>0</v></c></row>"); done
sheet many "${rows[@]}"
forge many
bounded many "表格展开后超过 64 MiB"
# One string longer than a cell can hold (Excel: 32,767 characters).
mkdir -p "$WORK/long/xl"
{
	echo '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
	head -c $((512 << 10)) /dev/zero | tr '\0' 'x'
	echo '</t></si></sst>'
} >"$WORK/long/xl/sharedStrings.xml"
sheet long '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
forge long
bounded long "有一个单元格的文字超过 128 KiB"
# A date cell (built-in format 14) holding 1e15: not a day, so not a date.
sheet date '<row r="2"><c r="A2" t="inlineStr"><is><t>讲座</t></is></c><c r="B2" s="1"><v>1e15</v></c></row>'
forge date
bounded date "第2行 B列 日期: 不是有效的日期"
# The real fixture still imports.
(cd "$fx" && zip -q -X -r "$WORK/good.xlsx" '[Content_Types].xml' _rels xl)
"$KEPU" import activity "$WORK/good.xlsx" --db "$DB" --unit 禹州市 --skip-invalid "$WORK/bad.csv" 2>/dev/null ||
	fail "the fixture no longer imports"
assert_sql "SELECT count(*) FROM activity" "1"
