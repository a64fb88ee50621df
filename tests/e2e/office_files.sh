# SPDX-License-Identifier: MulanPSL-2.0
# Files as offices make them, written by tools kepu does not use (openpyxl,
# Python's GBK codec): each imports, or is refused saying where and why,
# as issue #16 asks; kepu's own workbooks import back unchanged; the same
# person twice is reported, --update updates, an approved record never
# changes; forged files are answered (make bench times them and their memory).
. "$(dirname "$0")/lib.sh"
new_db
F=$WORK/f
mkdir -p "$F"
/usr/bin/python3 "$(dirname "$0")/../tools/office_books.py" "$F" || fail "openpyxl (python3-openpyxl) wrote no fixtures"
imp() { "$KEPU" import "$@" --db "$DB" >"$WORK/out" 2>"$WORK/err"; }

# 附表2 typed in Excel: title and 填报单位 rows, the header on row 3 with
# 序号, 备注 and 职务(职称), numbers for phones, QQ and ages, bordered blank
# rows, a second sheet. Checked first: the counts, nothing saved.
imp talent "$F/talent_office.xlsx" --unit 魏都区 --dry-run || fail "dry run: $(cat "$WORK/err")"
grep -qx "检查了 2 条，可以导入 2 条（只检查，未保存）。" "$WORK/out" || fail "dry run: $(cat "$WORK/out")"
has "注意：第3行（表头）中的 备注 不是「附表2 科普人才库推荐表」的项"
has "跳过了 3 个空行"
assert_sql "SELECT count(*) FROM talent" "0"
imp talent "$F/talent_office.xlsx" --unit 魏都区 || fail "office workbook: $(cat "$WORK/err")"
assert_sql "SELECT group_concat(name || '|' || age || '|' || phone || '|' || ifnull(qq_wechat, '') || '|' || ifnull(title, ''), ' ') FROM talent" \
	"张三|45|13812345678|123456789|教师 李四|38|0374-2965753||主治医师"
# GBK as Excel on Chinese Windows saves it: a title line, comma-only rows.
imp talent "$F/talent_gbk.csv" --unit 魏都区 || fail "GBK CSV: $(cat "$WORK/err")"
has "跳过了 3 个空行"
assert_sql "SELECT phone FROM talent WHERE name = '王五'" "13912345678"

# Months and days. 2016.10 typed into a General cell is the number 2016.1:
# never guessed; the same number shown as 0.00, or a real date in the
# built-in 年月 format (57), is October.
refused 1 imp project "$F/month_general.xlsx" --unit 许昌学院
has "第2行 G列 项目实施时间（起）: Excel 存的是数字 2016.1"
has "请写成 2016-10 或 2016年10月"
imp project "$F/month_decimals.xlsx" --unit 许昌学院 || fail "0.00: $(cat "$WORK/err")"
assert_sql "SELECT group_concat(start) FROM project" "2016-10"
# the same project (项目名称 and 项目完成单位): it updates the record, never a second copy
imp project "$F/month_builtin57.xlsx" --unit 许昌学院 --update || fail "format 57: $(cat "$WORK/err")"
assert_sql "SELECT group_concat(start || ' ' || version) FROM project" "2016-10 2"
imp activity "$F/day_builtin31.xlsx" --unit 禹州市 || fail "format 31: $(cat "$WORK/err")"
assert_sql "SELECT group_concat(held_on || ' ' || participants) FROM activity" "2016-09-17 1200"
# the same activity (活动名称, 日期, 地点) again: the 1904 day is the same day, so it updates
imp activity "$F/day_1904.xlsx" --unit 禹州市 --update || fail "1904: $(cat "$WORK/err")"
assert_sql "SELECT group_concat(held_on || ' ' || participants || ' ' || version) FROM activity" "2016-09-17 1200 2"
printf '名称,类型,作者,完成日期\n微电影,科普动漫,某,42566\n' >"$WORK/serial.csv"
refused 1 imp resource "$WORK/serial.csv" --unit 医学会
has "第2行 D列 完成日期: Excel 存的是数字 42566，单元格不是日期格式"

# No silent changes: NUL, a bare CR, an invisible character, invalid UTF-8
# are refused where they are; what a message quotes is sanitised.
H='姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别'
printf '%s\n张\0三,男,40,汉族,群众,本科,许昌学院,13812345670,其他\n' "$H" >"$WORK/nul.csv"
refused 1 imp talent "$WORK/nul.csv" --unit 许昌学院
has "第2行 A列 姓名: 含有 NUL 字节（文件第"
printf '%s\n张三,男,40,汉族,群众,本科,许昌\r学院,13812345670,其他\n' "$H" >"$WORK/cr.csv"
refused 1 imp talent "$WORK/cr.csv" --unit 许昌学院
has "第2行 G列 工作单位: 第3个字是看不见的控制字符或格式字符 U+000D"
printf '%s\n张\xe2\x80\x8b三,男,40,汉族,群众,本科,许昌学院,13812345670,其他\n' "$H" >"$WORK/zw.csv"
refused 1 imp talent "$WORK/zw.csv" --unit 许昌学院
has "第2行 A列 姓名: 第2个字是看不见的控制字符或格式字符 U+200B"
printf '%s\n张三,男,40,汉族,群众,本科,许昌\xe2\x80\xae学院,13812345670,其他\n' "$H" >"$WORK/bidi.csv"
refused 1 imp talent "$WORK/bidi.csv" --unit 许昌学院
has "第2行 G列 工作单位: 第3个字是看不见的控制字符或格式字符 U+202E"
assert_sql "SELECT count(*) FROM talent WHERE name = '张三' AND unit_id = (SELECT id FROM units WHERE name = '许昌学院')" "0"
# A web page's table or Excel 2003 XML saved as .xls (web systems, WPS): named
# for what it is, whatever the file is called, never 「找不到表头」.
printf '<html><body><table><tr><td>填报单位</td><td>活动名称</td></tr></table></body></html>' >"$WORK/h.xls"
refused 1 imp activity "$WORK/h.xls" --unit 魏都区
has "h.xls 是网页（HTML）表格，不是 .xlsx 工作簿"
has "另存为 Excel 工作簿（.xlsx）或 CSV"
hasnt "找不到表头"
printf '\xef\xbb\xbf<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>' >"$WORK/x.xlsx"
refused 1 imp activity "$WORK/x.xlsx" --unit 魏都区
has "x.xlsx 是 XML 表格（Excel 2003 XML），不是 .xlsx 工作簿"
{ printf '%s\n' "$H"; for i in $(seq 1 2000); do printf '张三%d,男,40,汉族,群众,本科,许昌学院,138%08d,其他\n' "$i" "$i"; done
  printf '李\xff四,男,40,汉族,群众,本科,许昌学院,13800000000,其他\n'; } >"$WORK/utf8.csv"
refused 1 imp talent "$WORK/utf8.csv" --unit 许昌学院 --encoding utf-8
off=$(grep -abo $'\xff' "$WORK/utf8.csv" | cut -d: -f1)
has "第2002行 A列 姓名: 不是有效的 UTF-8（文件第$((off + 1))字节）"
printf '姓名,\e]0;owned\a\e[31m红,性别\n' >"$WORK/esc.csv"
refused 1 imp talent "$WORK/esc.csv" --unit 许昌学院
! grep -q $'\e' "$WORK/err" || fail "an escape sequence reached the terminal"
has "?]0;owned??[31m红"
assert_sql "SELECT count(*) FROM talent WHERE unit_id = (SELECT id FROM units WHERE name = '许昌学院')" "0"

# The same person again (姓名 and 联系电话): reported, not added; --update
# updates the record; an approved one is never changed by an import.
"$KEPU" export talent --db "$DB" --unit 魏都区 --output "$WORK/own.csv"
imp talent "$WORK/own.csv" --unit 魏都区 || fail "re-import: $(cat "$WORK/err")"
has "第2行: 与已有的第 1 号记录重复（姓名、联系电话相同），没有再次导入"
has "3 条与已有记录重复，没有再次导入；"
assert_sql "SELECT count(*) FROM talent" "3"
sqlite3 "$DB" "UPDATE talent SET kp_state = 'approved' WHERE name = '张三'"
sed -i 's/魏都区实验学校/魏都区第二实验学校/; s/魏都区医院/魏都区人民医院/' "$WORK/own.csv"
imp talent "$WORK/own.csv" --unit 魏都区 --update || fail "--update: $(cat "$WORK/err")"
grep -q "更新了 2 条已有的记录。" "$WORK/out" || fail "update count: $(cat "$WORK/out")"
has "与已认定的第 1 号记录重复（姓名、联系电话相同）：已认定的记录不会被导入改动"
assert_sql "SELECT group_concat(employer, ' ') FROM talent" "魏都区实验学校 魏都区人民医院 许昌学院"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'update' AND form = 'talent'" "2"

# kepu's own list workbooks import back: export → import into an empty
# database → export, identical (title rows, 附表1's grouped header and
# 合计, signature rows, 序号); CSV too, for every form. The one-person
# 推荐表/入库表 workbooks (a form with paper:) are read back unit by unit in
# paper_import.sh.
D2=$WORK/demo.db
"$KEPU" init --db "$D2" --demo >/dev/null
demo_drafts "$D2"   # an import makes drafts: the round trip compares like with like
for form in quota talent project activity resource monthly plan summary; do
	"$KEPU" export "$form" --db "$D2" --output "$WORK/$form.csv" 2>/dev/null || continue
	rm -f "$WORK/e.db"
	"$KEPU" init --db "$WORK/e.db" >/dev/null
	"$KEPU" import "$form" "$WORK/$form.csv" --db "$WORK/e.db" >/dev/null 2>"$WORK/err" ||
		fail "$form.csv does not import back: $(cat "$WORK/err")"
	"$KEPU" export "$form" --db "$WORK/e.db" --output "$WORK/$form.again0.csv"
	cmp -s "$WORK/$form.csv" "$WORK/$form.again0.csv" || fail "$form CSV round trip"
	"$KEPU" export "$form" --db "$D2" --format xlsx --output "$WORK/$form.xlsx"
	grep -q "^paper:" "$(dirname "$0")/../../screens/$form.yaml" && continue
	rm -f "$WORK/e.db"
	"$KEPU" init --db "$WORK/e.db" >/dev/null
	"$KEPU" import "$form" "$WORK/$form.xlsx" --db "$WORK/e.db" >/dev/null 2>"$WORK/err" ||
		fail "$form.xlsx does not import back: $(cat "$WORK/err")"
	! grep -q "注意" "$WORK/err" || fail "$form.xlsx: $(cat "$WORK/err")"
	"$KEPU" export "$form" --db "$WORK/e.db" --output "$WORK/$form.again.csv"
	cmp -s "$WORK/$form.csv" "$WORK/$form.again.csv" || fail "$form round trip: $(diff "$WORK/$form.csv" "$WORK/$form.again.csv" | head)"
done

# Bounds: 10 MB files of the worst kinds are answered (accepted or refused,
# never a crash). Their time and memory against the targets (2 s, 64 MiB)
# are measured by make bench (tests/bench/bounds.sh), not here: a sanitized
# build takes several times both, and more when the machine is busy (the
# scenarios run side by side). The 300 s only catch a file never answered.
within() { # within FILE FORM: refused or accepted
	local rc=0
	timeout 300 "$KEPU" import "$2" "$1" --db "$DB" --unit 许昌学院 --dry-run >/dev/null 2>"$WORK/err" || rc=$?
	[ "$rc" -le 1 ] || fail "$1: status $rc (124: no answer in 300 s): $(head -c 300 "$WORK/err")"
}
# the header repeating 姓名 9,990 times was quadratic; now one pass
{ for i in $(seq 1 9990); do printf '姓名,'; done; echo; } >"$WORK/wide.csv"
within "$WORK/wide.csv" talent
has "列重复"
# one 10 MB cell; 10 MB of short rows
head -c 10000000 /dev/zero | tr '\0' 'x' | sed '1s/^/姓名\n/' >"$WORK/cell.csv"
within "$WORK/cell.csv" talent
has "一格超过 128 KiB"
{ echo "$H"; head -c 10000000 < <(yes '张三,男,40,汉族,群众,本科,许昌学院,13812345678,其他'); } >"$WORK/rows.csv"
within "$WORK/rows.csv" talent
