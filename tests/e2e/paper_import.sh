# SPDX-License-Identifier: MulanPSL-2.0
# The one-person 推荐表 (附表2) and 入库表 (附表3) read back (#16): every
# unit's export of the demo database imports into an empty database and
# exports again identical (compared by openpyxl, cell by cell); a form
# filled in by hand with openpyxl and a copy re-saved by LibreOffice
# import; another layout, a changed label, a note outside the form, an
# unreadable box, too many sheets and the city's opinion from a unit are
# refused naming the sheet and the cell; the 附表4 汇总表 is refused in one
# message saying what it lacks (CLI and the terminal's import screen).
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
A=$WORK/a B=$WORK/b F=$WORK/f
mkdir -p "$A" "$B" "$F"
EMPTY=$WORK/empty.db R=$WORK/refuse.db
"$KEPU" init --db "$EMPTY" >/dev/null || fail "init of the empty database"
"$KEPU" init --db "$R" >/dev/null
import_into() { local db=$1; shift; "$KEPU" import "$@" --db "$db"; } # import_into DB ARGS…
same() { # same A.xlsx B.xlsx: every sheet's name and every cell's value
	/usr/bin/python3 - "$1" "$2" <<'EOF' || fail "not the same: $1 $2"
import sys, openpyxl
def cells(p):
    wb = openpyxl.load_workbook(p)
    return [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r
            if c.value is not None]
a, b = cells(sys.argv[1]), cells(sys.argv[2])
for x, y in zip(a, b):
    if x != y:
        sys.exit("%r != %r" % (x, y))
sys.exit(0 if len(a) == len(b) and len(a) > 15 else "%d and %d cells" % (len(a), len(b)))
EOF
}

# Projects for two units: one of 其他 with its own words, one whose content
# is long enough that its box is merged over several rows, multi-line cells.
long=$(printf '在各乡镇开展科普讲座和科技培训，%.0s' $(seq 1 120))
printf '申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,其他类别,项目实施时间（起）,项目实施时间（止）,项目基本内容,项目预期绩效\n' >"$WORK/p.csv"
printf '2016-07-15,农村科普大篷车,许昌学院,王伟,13812345678,其他,科普大篷车,2016-08,2017-06,"第一行\n  第二行\n\n第四行",受益群众一万人次\n' >>"$WORK/p.csv"
printf '2016-07-20,青少年机器人营,许昌学院,李娜,0374-2965753,科普活动,,2016-09,2016-12,"%s",覆盖中小学二十所\n' "$long" >>"$WORK/p.csv"
"$KEPU" import project "$WORK/p.csv" --db "$DB" --unit 许昌学院 >/dev/null 2>"$WORK/err" || fail "projects: $(cat "$WORK/err")"
printf '申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,项目实施时间（起）,项目实施时间（止）\n2016-07-01,科普画廊,禹州市科协,赵敏,13700001111,科普设施建设,2016-07,2016-10\n' >"$WORK/p2.csv"
"$KEPU" import project "$WORK/p2.csv" --db "$DB" --unit 禹州市 >/dev/null 2>"$WORK/err" || fail "projects: $(cat "$WORK/err")"

# A person whose texts are taller than a page (a field's bound, 2,000
# characters, in short lines and blank ones; lines, then a paragraph cut
# inside a line): printed in pieces under 「个人基本情况（续）：」, never a
# box across a page break, read back as saved (the round trip below and
# LibreOffice's copy of 魏都区's book).
long_text() { /usr/bin/python3 -c '
import sys
lines = "".join("第%d行开展科普讲座\n%s" % (i, "\n\n" if i % 7 == 0 else "") for i in range(1, 400))
para = "一\n二\n三\n四\n五\n六\n" + "科普讲座进社区；科技培训进农村，" * 200
sys.stdout.write((lines if sys.argv[1] == "lines" else para)[:2000].rstrip())' "$1"; }
"$KEPU" save talent "profile=$(long_text lines)" "experience=$(long_text para)" --record 3 --db "$DB" >/dev/null 2>"$WORK/err" ||
	fail "long texts: $(cat "$WORK/err")"
assert_sql "SELECT u.name || length(profile) || '|' || length(experience) FROM talent t JOIN units u ON u.id = t.unit_id WHERE t.id = 3" "魏都区2000|2000"

# Round trip: each unit's 推荐表 and 入库表 out of the demo database, into an
# empty one, out again.
n=0
while IFS= read -r u; do
	for form in talent project; do
		has_rows=$(sqlite3 "$DB" "SELECT count(*) FROM $form t JOIN units u ON u.id = t.unit_id WHERE u.name = '$u'")
		[ "$has_rows" -gt 0 ] || continue
		n=$((n + 1))
		"$KEPU" export $form --db "$DB" --unit "$u" --format xlsx --output "$A/$form-$n.xlsx" 2>"$WORK/err" || fail "export: $(cat "$WORK/err")"
		"$KEPU" import $form "$A/$form-$n.xlsx" --db "$EMPTY" --unit "$u" >"$WORK/out" 2>"$WORK/err" || fail "import $u $form: $(cat "$WORK/err")"
		grep -q "^已导入 $has_rows 条记录" "$WORK/out" || fail "$u $form: $(cat "$WORK/out")"
		"$KEPU" export $form --db "$EMPTY" --unit "$u" --format xlsx --output "$B/$form-$n.xlsx" 2>"$WORK/err" || fail "export again: $(cat "$WORK/err")"
		same "$A/$form-$n.xlsx" "$B/$form-$n.xlsx"
	done
done < <(sqlite3 "$DB" "SELECT name FROM units ORDER BY id")
[ "$n" -eq 21 ] || fail "$n workbooks (19 units' talents, 2 units' projects)"
# The programme year: the import says which one it wrote to; a book of
# 2016's pages (each page's foot names its record's year) imported where
# the session's year is 2017 is refused whole, naming both years, nothing
# saved; with --year 2016 the same book is read (the positive control).
grep -q "^已导入 [0-9]* 条记录到 2016 年度的 " "$WORK/out" || fail "the year not said: $(cat "$WORK/out")"
Y=$WORK/y.db
"$KEPU" init --db "$Y" >/dev/null
"$KEPU" year open 2017 --from 2016 --db "$Y" --today 2017-01-05 >/dev/null || fail "year open 2017"
book=$A/talent-1.xlsx # the first unit's, 魏都区
KEPU_TODAY=2017-03-01 refused 1 "$KEPU" import talent "$book" --db "$Y" --unit 魏都区
has "是 2016 年度的记录（页脚写着年度，第一页是工作表「1 "
has "本次导入写入 2017 年度；为免记错年度，没有导入任何记录。请换到 2016 年度再导入（命令行加 --year 2016）"
DB=$Y assert_sql "SELECT count(*) FROM talent" 0
KEPU_TODAY=2017-03-01 exits 0 "$KEPU" import talent "$book" --db "$Y" --unit 魏都区 --year 2016
has "到 2016 年度的 附表2" out
DB=$Y assert_sql "SELECT count(*) FROM talent WHERE kp_year = 2016" "$(sqlite3 "$DB" "SELECT count(*) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区'")"
DB=$EMPTY assert_sql "SELECT count(*) FROM talent" "$(sqlite3 "$DB" "SELECT count(*) FROM talent")"
long_same="ATTACH '$DB' AS d; SELECT count(*) FROM talent t JOIN d.talent o ON o.name = t.name
	AND o.profile = t.profile AND o.experience = t.experience WHERE length(t.profile) = 2000"
DB=$EMPTY assert_sql "$long_same" 1
unzip -p "$A/talent-1.xlsx" xl/worksheets/sheet3.xml >"$WORK/long.xml" # the third person
grep -q "个人基本情况（续）：" "$WORK/long.xml" && grep -q "科普工作经历（续）：" "$WORK/long.xml" || fail "no piece under （续）"
/usr/bin/python3 - "$WORK/long.xml" <<'EOF' || fail "a box across a page break"
import re, sys
x = open(sys.argv[1]).read()
breaks = [int(b) for b in re.findall(r'<brk id="(\d+)"', x)]
merges = [(int(a), int(b)) for a, b in re.findall(r'<mergeCell ref="[A-Z]+(\d+):[A-Z]+(\d+)"', x)]
sys.exit(len(breaks) < 3 or any(a <= k < b for k in breaks for a, b in merges))
EOF
DB=$EMPTY assert_sql "SELECT quote(content) FROM project WHERE name = '农村科普大篷车'" "'第一行
  第二行

第四行'"
DB=$EMPTY assert_sql "SELECT category || '|' || category_other || '|' || start || '|' || \"end\" || '|' || declared_on FROM project WHERE name = '农村科普大篷车'" \
	"其他|科普大篷车|2016-08|2017-06|2016-07-15"
DB=$EMPTY assert_sql "SELECT length(content) FROM project WHERE name = '青少年机器人营'" "$((16 * 120))"
talent1=$A/talent-1.xlsx P1=$(ls "$A"/project-*.xlsx | head -1)
u1=$(sqlite3 "$DB" "SELECT name FROM units ORDER BY id LIMIT 1")
# Importing the same file again: the same people, reported and not added.
before=$(sqlite3 "$EMPTY" "SELECT count(*) FROM talent")
exits 0 import_into "$EMPTY" talent "$talent1" --unit "$u1"
has "工作表「1 "
has "与已有的第"
DB=$EMPTY assert_sql "SELECT count(*) FROM talent" "$before"

# Filled in by hand from a blank form (openpyxl): numbers for the age and
# the phone, ■ typed over □, a second sheet, a caption deleted.
"$KEPU" export talent --db "$R" --unit 鄢陵县 --format xlsx --output "$F/blank.xlsx" 2>/dev/null # no records: a blank form
/usr/bin/python3 "$(dirname "$0")/../tools/paper_books.py" "$F" "$F/blank.xlsx" "$talent1" "$P1" ||
	fail "openpyxl (python3-openpyxl) wrote no fixtures"
H=$WORK/hand.db
"$KEPU" init --db "$H" >/dev/null
"$KEPU" import talent "$F/hand.xlsx" --db "$H" --unit 鄢陵县 --dry-run >"$WORK/out" 2>"$WORK/err" || fail "hand dry run: $(cat "$WORK/err")"
grep -qx "检查了 2 条，可以导入 2 条（只检查，未保存）。" "$WORK/out" || fail "dry run: $(cat "$WORK/out")"
"$KEPU" import talent "$F/hand.xlsx" --db "$H" --unit 鄢陵县 >"$WORK/out" 2>"$WORK/err" || fail "hand: $(cat "$WORK/err")"
DB=$H assert_sql "SELECT group_concat(name || '|' || gender || '|' || age || '|' || phone || '|' || service_categories || '|' || county_opinion || '|' || ifnull(city_opinion, ''), ' ') FROM talent" \
	'张三|男|45|13812345678|["青少年科普","农村科普"]|同意推荐。| 李四|女|38|13912345670|["社区科普"]|同意推荐。|'
DB=$H assert_sql "SELECT quote(profile) FROM talent WHERE name = '张三'" "'1985年参加工作。
  从事果树栽培三十年，

多次下乡讲课。'"
DB=$H assert_sql "SELECT profile FROM talent WHERE name = '李四'" "长期在社区开展健康讲座。"

# Re-saved by LibreOffice (its own writer, shared strings and styles).
soffice -env:UserInstallation=file://$WORK/lo-profile --headless --convert-to xlsx --outdir "$WORK/lo" \
	"$talent1" "$F/hand.xlsx" "$F/formula.xlsx" >/dev/null 2>&1 || fail "LibreOffice converted nothing"
L=$WORK/lo.db
"$KEPU" init --db "$L" >/dev/null
"$KEPU" import talent "$WORK/lo/$(basename "$talent1")" --db "$L" --unit "$u1" >"$WORK/out" 2>"$WORK/err" || fail "LibreOffice copy: $(cat "$WORK/err")"
"$KEPU" export talent --db "$L" --unit "$u1" --format xlsx --output "$WORK/lo-again.xlsx" 2>/dev/null
same "$talent1" "$WORK/lo-again.xlsx"
DB=$L assert_sql "$long_same" 1
"$KEPU" import talent "$WORK/lo/hand.xlsx" --db "$L" --unit 鄢陵县 >"$WORK/out" 2>"$WORK/err" || fail "LibreOffice hand: $(cat "$WORK/err")"
DB=$L assert_sql "SELECT group_concat(t.name) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '鄢陵县'" "张三,李四"
# A formula with no result kept (openpyxl's) is refused naming the sheet,
# the cell and the field, nothing saved; LibreOffice's copy keeps the
# result (45) and imports.
grep -q '<f>40+5</f><v */\?>\(</v>\)\?</c>' <(unzip -p "$F/formula.xlsx" xl/worksheets/sheet1.xml) || fail "fixture: no formula without its result"
LF=$WORK/lof.db
"$KEPU" init --db "$LF" >/dev/null
refused 1 import_into "$LF" talent "$F/formula.xlsx" --unit 鄢陵县
has "工作表「张三」 F4：年龄：单元格是公式，文件里没有它的计算结果"
DB=$LF assert_sql "SELECT count(*) FROM talent" 0
exits 0 import_into "$LF" talent "$WORK/lo/formula.xlsx" --unit 鄢陵县
DB=$LF assert_sql "SELECT group_concat(name || '|' || age) FROM talent" "张三|45,李四|38"

# Refused, naming the sheet and the cell; nothing saved.
refused 1 import_into "$R" talent "$P1" --unit 许昌学院
has "是「附表3 重点项目入库表」，不是「附表2 科普人才库推荐表」"
refused 1 import_into "$R" talent "$F/tampered.xlsx" --unit "$u1"
has "工作表「2 "; has " A4：应为「姓名」，这里是「名字」"
refused 1 import_into "$R" talent "$F/outside.xlsx" --unit "$u1"
has " L5：表格之外的单元格有内容「备注：已核实」"
refused 1 import_into "$R" talent "$F/badbox.xlsx" --unit 鄢陵县
has "工作表「李四」 C8：科普人才服务类别：看不出第3个选项「社区科普」是否勾选"
refused 1 import_into "$R" project "$F/two_categories.xlsx" --unit 许昌学院
has "B9：项目类别：只能选一项，却勾选了「科普活动」「科普创作」"
refused 1 import_into "$R" talent "$F/many.xlsx" --unit "$u1"
has "工作表超过 65536 个，不读取"
# --unit is a unit's session: 省辖市科协意见 is the city's to write.
refused 1 import_into "$R" talent "$F/city.xlsx" --unit "$u1"
has " G12「省辖市科协意见」有内容：这一项由市科协填写，不能由本账号导入或改动"
DB=$R assert_sql "SELECT (SELECT count(*) FROM talent) + (SELECT count(*) FROM project)" "0"
# The city's own 推荐表, its opinion written: --for-unit imports it with the
# administrator's rights, the opinion kept; never both options at once.
"$KEPU" import talent "$F/city.xlsx" --db "$R" --unit "$u1" --for-unit "$u1" 2>"$WORK/err" && fail "--unit with --for-unit"
grep -q "只能用一个" "$WORK/err" || fail "$(cat "$WORK/err")"
"$KEPU" import talent "$F/city.xlsx" --db "$R" --for-unit "$u1" >"$WORK/out" 2>"$WORK/err" || fail "--for-unit: $(cat "$WORK/err")"
DB=$R assert_sql "SELECT count(*) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '$u1' AND t.city_opinion <> ''" "1"
sqlite3 "$R" "DELETE FROM talent; DELETE FROM kp_counts WHERE tbl = 'talent'"

# The 附表4 汇总表: recognised by its columns, refused in one message.
"$KEPU" export roll --db "$DB" --unit 魏都区 --format xlsx --output "$WORK/roll.xlsx" 2>/dev/null
"$KEPU" export roll --db "$DB" --output "$WORK/roll.csv" 2>/dev/null
for f in "$WORK/roll.xlsx" "$WORK/roll.csv"; do
	refused 1 import_into "$R" talent "$f" --unit 魏都区
	has "这是「附表4 科普人才信息汇总表」（汇总表），不是「附表2 科普人才库推荐表」：它没有「年龄」、「民族」、「政治面貌」、「学历」这些必须填写的项"
	has "请改用一人一个工作表的「附表2 科普人才库推荐表」（.xlsx），或「附表2 科普人才库推荐表」的名单"
	[ "$(grep -vc '^导入失败' "$WORK/err")" -eq 1 ] || fail "more than one message: $(cat "$WORK/err")"
done
# With the required fields added it is a list like any other, and imports.
tr -d '\r' <"$WORK/roll.csv" | sed '1s/^\xEF\xBB\xBF//; 1s/^单位/填报单位/; 1s/$/,年龄,民族,政治面貌,学历/; 2,$s/$/,40,汉族,群众,本科/' \
	>"$WORK/roll_full.csv"
"$KEPU" import talent "$WORK/roll_full.csv" --db "$R" >"$WORK/out" 2>"$WORK/err" || fail "full roll: $(cat "$WORK/err")"
DB=$R assert_sql "SELECT count(*) FROM talent" "$(sqlite3 "$DB" "SELECT count(*) FROM talent")"

# The terminal's import screen says the same of the 汇总表, and reads a
# 推荐表 from the exchange folder.
X="$WORK/exchange/weidu"
E2E_USER=weidu start 100 30 --today 2016-08-10
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹"
cp "$WORK/roll.xlsx" "$X/roll.xlsx"
cp "$F/hand.xlsx" "$X/hand.xlsx"
type_text "roll.xlsx"; keys Enter
wait_for "导入失败："
assert_screen "这是「附表4 科普人才信息汇总表」（汇总表）"
assert_screen "它没有「年龄」"
assert_screen "一人一个工作表的"
keys C-a C-k
type_text "hand.xlsx"; keys Enter
wait_for "检查完毕：检查了 2 条，可以导入 2 条，还没有保存。"
keys Enter
wait_for "已导入 2 条记录"
keys Enter; wait_for "主菜单"
quit_kepu
assert_sql "SELECT count(*) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' AND t.name IN ('张三', '李四')" "2"
