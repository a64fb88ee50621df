# SPDX-License-Identifier: MulanPSL-2.0
# The city's whole 推荐表 book (issue #24): exported for every unit, each
# sheet named with its unit ("3 王伟（魏都区）"), it goes back into an empty
# database with every person in their unit, without --for-unit — the demo's
# talents and 1,200 more. A unit's account importing it (or a forged sheet
# naming another unit) is refused, nothing saved; the city's own import of
# the unit's sheets only works through the unit's name.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
awk 'BEGIN { split("伟 芳 娜 敏 静 丽 强 磊 军 洋", g, " "); split("魏都区 长葛市 禹州市 许昌学院 鄢陵县 襄城县", u, " ")
	print "填报单位,姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别"
	for (i = 0; i < 1200; i++)
		printf "%s,赵%s,女,%d,汉族,群众,本科,许昌市第%d中学,1%d%09d,社区科普\n", u[i % 6 + 1],
			g[i % 10 + 1] g[int(i / 10) % 10 + 1], 20 + i % 50, i + 1, 3 + i % 7, i }' >"$WORK/more.csv"
"$KEPU" import talent "$WORK/more.csv" --db "$DB" >"$WORK/out" 2>"$WORK/err" || fail "1,200 more: $(cat "$WORK/err")"
total=$(sqlite3 "$DB" "SELECT count(*) FROM talent")
[ "$total" -ge 1244 ] || fail "$total talents"
"$KEPU" export talent --db "$DB" --format xlsx --output "$WORK/ALL.xlsx" 2>"$WORK/err" || fail "export: $(cat "$WORK/err")"
# Over 1,000 sheets: written whole, and the clerk told that office programs
# open such a book badly (LibreOffice not at all past 10,000) and how to get
# smaller ones; a unit's book of a few hundred says nothing.
[ "$(unzip -l "$WORK/ALL.xlsx" | grep -c 'xl/worksheets/sheet')" -eq "$total" ] || fail "not every person"
grep -q "^kepu: 提示：这个工作簿有 $total 个工作表（每份表一个）。超过 1000 个工作表" "$WORK/err" || fail "no word: $(cat "$WORK/err")"
grep -q "按单位分别导出（命令行加 --unit 单位名" "$WORK/err" || fail "no way out: $(cat "$WORK/err")"
"$KEPU" export talent --db "$DB" --unit 许昌学院 --format xlsx --output "$WORK/one.xlsx" 2>"$WORK/err" || fail "one unit"
[ ! -s "$WORK/err" ] || fail "a unit's book warned: $(cat "$WORK/err")"
unzip -p "$WORK/ALL.xlsx" xl/workbook.xml | grep -q '<sheet name="1 [^"]*（魏都区）"' || fail "no unit in the sheet names"
people() { sqlite3 "$1" "SELECT u.name || '|' || t.name || '|' || t.phone || '|' || t.age FROM talent t JOIN units u ON u.id = t.unit_id ORDER BY 1"; }

# A unit's account: another unit's sheets refused, nothing saved.
E=$WORK/empty.db
"$KEPU" init --db "$E" >/dev/null
"$KEPU" import talent "$WORK/ALL.xlsx" --db "$E" --unit 魏都区 >"$WORK/out" 2>"$WORK/err" && fail "a unit imported every unit's people"
grep -q "（长葛市）」 填报单位: 不是本次导入的单位「魏都区」" "$WORK/err" || fail "$(head -3 "$WORK/err")"
DB=$E assert_sql "SELECT count(*) FROM talent" 0
# A forged sheet name, its unit changed: refused the same way.
/usr/bin/python3 - "$WORK/ALL.xlsx" "$WORK/forged.xlsx" <<'PY' || fail "no forged book"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
keep = [ws for ws in wb.worksheets if ws.title.endswith("（魏都区）")][:2]
for ws in wb.worksheets:
    if ws not in keep:
        wb.remove(ws)
keep[1].title = keep[1].title.replace("（魏都区）", "（长葛市）")
wb.save(sys.argv[2])
PY
"$KEPU" import talent "$WORK/forged.xlsx" --db "$E" --unit 魏都区 >"$WORK/out" 2>"$WORK/err" && fail "a forged sheet imported"
grep -q "（长葛市）」 填报单位: 不是本次导入的单位「魏都区」" "$WORK/err" || fail "$(cat "$WORK/err")"
DB=$E assert_sql "SELECT count(*) FROM talent" 0
# Its own sheets only: imported into its own unit.
/usr/bin/python3 - "$WORK/forged.xlsx" "$WORK/own.xlsx" <<'PY' || fail "no own book"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.remove(wb.worksheets[1])
wb.save(sys.argv[2])
PY
"$KEPU" import talent "$WORK/own.xlsx" --db "$E" --unit 魏都区 >"$WORK/out" 2>"$WORK/err" || fail "own sheet: $(cat "$WORK/err")"
DB=$E assert_sql "SELECT count(*) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区'" 1
sqlite3 "$E" "DELETE FROM talent; DELETE FROM kp_counts WHERE tbl = 'talent'"

# The city: every person back in their unit, no --for-unit.
"$KEPU" import talent "$WORK/ALL.xlsx" --db "$E" >"$WORK/out" 2>"$WORK/err" || fail "city: $(cat "$WORK/err")"
grep -q "^已导入 $total 条记录" "$WORK/out" || fail "$(cat "$WORK/out")"
people "$DB" >"$WORK/want"
people "$E" >"$WORK/got"
diff -u "$WORK/want" "$WORK/got" >"$WORK/diff" || fail "not every person in their unit: $(head -20 "$WORK/diff")"
# --for-unit names one unit: every other unit's sheet is refused, not moved.
X=$WORK/x.db
"$KEPU" init --db "$X" >/dev/null
"$KEPU" import talent "$WORK/ALL.xlsx" --db "$X" --for-unit 魏都区 >"$WORK/out" 2>"$WORK/err" && fail "--for-unit moved everyone"
DB=$X assert_sql "SELECT count(*) FROM talent" 0
