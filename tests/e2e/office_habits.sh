# SPDX-License-Identifier: MulanPSL-2.0
# Workbooks as offices make them (issue #24), written by openpyxl: a
# second sheet is never passed over in silence (a second list refused
# naming it, --sheet reads it, a notes sheet named); 合计 and 小计 rows as
# the seed lays them out (合计 under 序号, 单位 empty) are skipped with a
# line when they agree with the rows above and reported when they do not;
# a phone Excel kept as a number, a date format over a number that is no
# date, and a UTF-8 BOM before GBK text are refused saying what was read.
. "$(dirname "$0")/lib.sh"
new_db
F=$WORK/f
mkdir -p "$F"
/usr/bin/python3 - "$F" <<'EOF' || fail "openpyxl (python3-openpyxl) wrote no fixtures"
import os, sys, openpyxl
d = sys.argv[1]
H = ["姓名", "性别", "年龄", "民族", "政治面貌", "学历", "工作单位", "联系电话", "科普人才服务类别"]
def person(name, phone="13812345678", age=45):
    return [name, "男", age, "汉族", "群众", "本科", "许昌学院", phone, "其他"]
# Two sheets, each a list of 附表2; and a book with a notes sheet.
wb = openpyxl.Workbook()
ws = wb.active; ws.title = "一组"
ws.append(H); ws.append(person("张三"))
ws = wb.create_sheet("二组")
ws.append(["附表2 科普人才库推荐表"]); ws.append(H); ws.append(person("李四", "13912345670"))
wb.save(os.path.join(d, "two_lists.xlsx"))
wb = openpyxl.Workbook()
ws = wb.active; ws.title = "名单"
ws.append(H); ws.append(person("王五", "13712345678"))
wb.create_sheet("说明")["A1"] = "联系人：赵敏"
wb.save(os.path.join(d, "notes.xlsx"))
# 附表1 as the seed lays it out: 合计 under 序号, 单位 empty, SUM formulas
# with their values (openpyxl writes no cached value: the figures typed).
Q = ["序号", "单位", "科普人才", "科普活动", "资源开发", "重点入库项目"]
def quota(total, sub=False):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["附表1"]); ws.append(Q)
    ws.append([1, "魏都区", 100, 10, 10, 2]); ws.append([2, "长葛市", 100, 10, 10, 2])
    if sub:
        ws.append(["小计", None, 200, 20, 20, 4])
    ws.append([3, "许昌学院", 50, 5, 5, 2])
    if sub:
        ws.append(["小 计", None, 50, 5, 5, 2])
    ws.append(["合计", None] + total)
    return wb
quota([250, 25, 25, 6]).save(os.path.join(d, "quota_total.xlsx"))
quota([250, 25, 25, 6], sub=True).save(os.path.join(d, "quota_subtotals.xlsx"))
quota([250, 25, 26, 6]).save(os.path.join(d, "quota_wrong.xlsx"))
# A talent list with a 合计 row counting nothing but its label.
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号"] + H); ws.append([1] + person("孙七", "13612345678")); ws.append(["合计"])
wb.save(os.path.join(d, "talent_total.xlsx"))
# A landline typed as a number (its 0 and dash gone); an age shown as a date.
wb = openpyxl.Workbook(); ws = wb.active
ws.append(H); ws.append(person("周八", 3742965753))
ws.append(person("吴九", "13512345678", 45)); ws["C3"].number_format = "yyyy-mm-dd"
wb.save(os.path.join(d, "numbers.xlsx"))
EOF
imp() { "$KEPU" import "$@" --db "$DB"; }

# Two lists of the same form: refused naming the second; each by --sheet.
refused 1 imp talent "$F/two_lists.xlsx" --unit 许昌学院
has "工作表「二组」也是「附表2 科普人才库推荐表」的名单"
has "--sheet 二组"
assert_sql "SELECT count(*) FROM talent" 0
exits 0 imp talent "$F/two_lists.xlsx" --unit 许昌学院 --sheet 一组
exits 0 imp talent "$F/two_lists.xlsx" --unit 许昌学院 --sheet 二组
assert_sql "SELECT group_concat(name) FROM talent" "张三,李四"
refused 1 imp talent "$F/two_lists.xlsx" --unit 许昌学院 --sheet 三组
has "没有名为「三组」的工作表（有：「一组」、「二组」）"
printf '姓名\n张三\n' >"$WORK/plain.csv"
refused 1 imp talent "$WORK/plain.csv" --unit 许昌学院 --sheet 一组
has "不是 .xlsx 工作簿：--sheet 只用于"
# A notes sheet: named in the report, the list imported.
exits 0 imp talent "$F/notes.xlsx" --unit 许昌学院
has "注意：工作表「说明」有内容，但不是这张表的名单，没有读取；只读了工作表「名单」"
assert_sql "SELECT count(*) FROM talent WHERE name = '王五'" 1

# 合计 and 小计 rows: skipped when they agree, with a line; reported when not.
exits 0 imp quota "$F/quota_total.xlsx" --dry-run
grep -qx "检查了 3 条，可以导入 3 条（只检查，未保存）。" "$WORK/out" || fail "$(cat "$WORK/out")"
has "跳过了 1 个合计（小计）行：各数与上面各行之和相符"
exits 0 imp quota "$F/quota_subtotals.xlsx" --dry-run
has "跳过了 3 个合计（小计）行"
before=$(sqlite3 "$DB" "SELECT group_concat(quote(talent), ',') FROM quota")
refused 1 imp quota "$F/quota_wrong.xlsx"
has "第6行：「合计」行的「资源开发」写的是 26，上面各行之和是 25：这一行不是记录，没有导入"
assert_sql "SELECT group_concat(quote(talent), ',') FROM quota" "$before"
exits 0 imp talent "$F/talent_total.xlsx" --unit 许昌学院
has "跳过了 1 个合计（小计）行"
assert_sql "SELECT count(*) FROM talent WHERE name = '孙七'" 1

# Numbers where text or a date was meant, said as read.
refused 1 imp talent "$F/numbers.xlsx" --unit 许昌学院
has "第2行 H列 联系电话: Excel 把电话号码存成了数字 3742965753（开头的 0 或分隔符会丢失）"
has "单元格格式设为「文本」"
has "第3行 C列 年龄: 单元格是日期 1900-02-14，但这一项不是日期，没有导入"
H='姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别'
printf '%s\n郑十,男,45,汉族,群众,本科,许昌学院,1.39123E+10,其他\n' "$H" >"$WORK/exp.csv"
refused 1 imp talent "$WORK/exp.csv" --unit 许昌学院
has "第2行 H列 联系电话: Excel 把电话号码存成了数字（显示为 1.39123E+10，后几位已经丢失）"
# Every other refused cell says what was read; a valid one imports.
printf '%s\n郑十,男,17,汉族,群众,本科,许昌学院,13412345678,其他\n' "$H" >"$WORK/age.csv"
refused 1 imp talent "$WORK/age.csv" --unit 许昌学院
has "第2行 C列 年龄: 不能小于 18；读到「17」"
sed -i 's/,17,/,40,/' "$WORK/age.csv"
exits 0 imp talent "$WORK/age.csv" --unit 许昌学院

# A BOM before GBK text (Excel's UTF-8 file edited and saved by a GBK
# editor): refused naming the first bad byte's row and column.
printf '%s\n钱十一,男,45,汉族,群众,本科,许昌学院,13312345678,其他\n' "$H" | iconv -t GBK >"$WORK/gbk.csv"
{ printf '\xef\xbb\xbf'; cat "$WORK/gbk.csv"; } >"$WORK/bom.csv"
refused 1 imp talent "$WORK/bom.csv" --unit 许昌学院
has "但第1行 A列（文件第4字节"
has "不是 UTF-8，像是 GBK 编码的文字"
{ printf '\xef\xbb\xbf%s\n钱十一,男,45,汉族,群众,本科,' "$H"; printf '许昌学院' | iconv -t GBK; printf ',13312345678,其他\n'; } >"$WORK/bom2.csv"
refused 1 imp talent "$WORK/bom2.csv" --unit 许昌学院
has "但第2行 G列（文件第"
# Without the BOM the same GBK file is told apart and read.
exits 0 imp talent "$WORK/gbk.csv" --unit 许昌学院
assert_sql "SELECT employer FROM talent WHERE name = '钱十一'" "许昌学院"

# A zip of more members than a workbook of 65,536 sheets has: refused
# naming the bound, before any sheet is read.
/usr/bin/python3 - "$WORK/members.xlsx" <<'PY' || fail "no zip of many members"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for i in range(262210):
        z.writestr("m%d" % i, "")
    z.writestr("xl/workbook.xml", "<workbook/>")
PY
refused 1 imp talent "$WORK/members.xlsx" --unit 许昌学院
has "压缩包中的文件超过 262208 个，不读取"
