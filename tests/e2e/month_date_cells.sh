# SPDX-License-Identifier: MulanPSL-2.0
# A month typed in Excel into kepu's 月报 workbook (t4h #5). In a 常规 cell
# Excel and WPS keep 「2016年8月」 as the date 2016-08-01 shown with
# yyyy"年"m"月": read as August, from openpyxl's file and from the same file
# re-saved by LibreOffice and Gnumeric. A date that is not the 1st, or whose
# format shows a day, is refused naming 「文本」 only; the workbook's month
# column is text, so a month typed under the table stays as typed.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
command -v soffice >/dev/null || fail "no soffice (libreoffice-calc-nogui: tools/deps.sh test)"
command -v ssconvert >/dev/null || fail "no ssconvert (gnumeric: tools/deps.sh test)"
exits 0 "$KEPU" export monthly --db "$DB" --unit 魏都区 --format xlsx --output "$WORK/m.xlsx"
unzip -p "$WORK/m.xlsx" xl/worksheets/sheet1.xml | grep -q '<col min="3" max="3"[^>]* style="' ||
	fail "the month column has no format of its own"
# C5 (July's row) retyped as August, the way Excel stores it; and controls.
/usr/bin/python3 - "$WORK" <<'PY' || fail "openpyxl wrote no workbooks"
import datetime, sys, openpyxl
w = sys.argv[1]
for name, day, fmt in [("aug", datetime.datetime(2016, 8, 1), 'yyyy"年"m"月"'),
                       ("day5", datetime.datetime(2016, 8, 5), 'yyyy"年"m"月"'),
                       ("shows_day", datetime.datetime(2016, 8, 1), 'yyyy"年"m"月"d"日"')]:
    wb = openpyxl.load_workbook(w + "/m.xlsx")
    ws = wb.active
    assert ws["C5"].value == "2016年7月", ws["C5"].value
    ws["C5"] = day
    ws["C5"].number_format = fmt
    wb.save("%s/%s.xlsx" % (w, name))
PY
mkdir -p "$WORK/lo" "$WORK/gn"
soffice -env:UserInstallation=file://$WORK/lo-profile --headless --convert-to xlsx --outdir "$WORK/lo" "$WORK/aug.xlsx" \
	>/dev/null 2>&1 || fail "LibreOffice converted nothing"
ssconvert --export-type=Gnumeric_Excel:xlsx2 "$WORK/aug.xlsx" "$WORK/gn/aug.xlsx" >/dev/null 2>&1 || fail "ssconvert"
export KEPU_TODAY=2016-10-10
for f in "$WORK/lo/aug.xlsx" "$WORK/gn/aug.xlsx"; do
	exits 0 "$KEPU" import monthly "$f" --db "$DB" --unit 魏都区 --dry-run
	has "检查了 1 条，可以导入 1 条" out
done
for f in day5 shows_day; do
	refused 1 "$KEPU" import monthly "$WORK/$f.xlsx" --db "$DB" --unit 魏都区
	has "第5行 C列 月份: 单元格是日期 2016-08-0"
	has "但这一项是年月，不是某一天，没有导入：请把单元格格式设为「文本」后写成 2016年8月"
	hasnt "常规"
done
has "单元格是日期 2016-08-01" # the format showed a day: never read as its month
assert_sql "SELECT count(*) FROM monthly m JOIN units u ON u.id = m.unit_id WHERE u.name = '魏都区' AND month = '2016-08'" 0
exits 0 "$KEPU" import monthly "$WORK/aug.xlsx" --db "$DB" --unit 魏都区
assert_sql "SELECT count(*) FROM monthly m JOIN units u ON u.id = m.unit_id WHERE u.name = '魏都区' AND month = '2016-08'" 1
