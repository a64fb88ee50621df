# SPDX-License-Identifier: MulanPSL-2.0
# A unit account sees and changes its own unit's rows only, by every path:
# the record list and its filter, the 附表4 roll, a record number typed by
# hand, export and import from the terminal, progress and the checklist,
# and 附表1, which only the city edits. New records go to its unit.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
other=$(sqlite3 "$DB" "SELECT t.name FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '长葛市' LIMIT 1")
other_id=$(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '长葛市' LIMIT 1")
own=$(sqlite3 "$DB" "SELECT count(*) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区'")
[ -n "$other" ] && [ "$own" -gt 0 ] || fail "demo data changed"

# A stand-in for lrzsz's sz: records what kepu asked it to send.
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/sz.args"\n' "$WORK" >"$WORK/bin/sz"
chmod +x "$WORK/bin/sz"
export PATH="$WORK/bin:$PATH"

E2E_USER=weidu start 80 24 --today 2016-08-10
assert_screen "填报单位：魏都区"
assert_screen "魏都区完成度"
# The list: its own records, counted; another unit's name finds nothing.
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "共 $own 条"
refute_screen "长葛市"
type_text "$other"
wait_for "没有含「$other」的记录。"
keys Escape
# A record number typed by hand: another unit's is no record at all.
type_text "#$other_id"; keys Enter
wait_for "没有第 $other_id 号记录。"
keys Escape Escape
wait_for "主菜单"
# 附表4: its own unit, and no other.
keys 4
wait_for "单位：魏都区  共 $own 人"
keys F4
wait_for "单位账号只能查看本单位的记录。"
keys Escape; wait_for "主菜单"
# 附表1: its own row, read-only.
keys 1
wait_for "序号  单位                科普人才"          # the table, not the menu line naming it
assert_screen "魏都区"
refute_screen "长葛市"
keys Enter
wait_for "任务指标由市科协修改。"
keys Escape; wait_for "主菜单"
# Progress and the checklist: its own row.
keys p
wait_for "任务完成进度与排名"
assert_screen "魏都区"
refute_screen "长葛市"
refute_screen "合计"                                  # the sum of its one row was the row again
keys Escape; wait_for "主菜单"
keys c; wait_for "工作进度检查表"; keys Tab
wait_for "本单位完成情况"                             # its own row, titled so
refute_screen "各单位完成情况"
assert_screen " 魏都区"
refute_screen "长葛市"
keys Escape; wait_for "主菜单"

# An export as the official workbook (the name says .xlsx): its own unit,
# into the account's exchange folder.
X="$WORK/exchange/weidu"
keys e
wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹：$X/"
keys C-a C-k
type_text "mine.xlsx"; keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
keys Enter; wait_for "主菜单"
# (the 推荐表's strings are in its sheets: xlsx_stream.c writes them inline)
unzip -p "$X/mine.xlsx" 'xl/worksheets/sheet*.xml' | grep "魏都区" >/dev/null || fail "workbook of 魏都区"
unzip -p "$X/mine.xlsx" 'xl/worksheets/sheet*.xml' | grep "长葛市" >/dev/null && fail "another unit in the workbook"

# Export from the terminal: its own rows only.
keys e
wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹：$X/"
keys C-a C-k
type_text "mine.csv"; keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
assert_screen "$X/mine.csv"
assert_screen "按 F5（或 Ctrl-Y）发送到本机"
keys F5                                            # kepu runs sz itself: no shell here
wait_for "B00000000000000"                      # kepu asks the terminal (ZRQINIT) …
type_text "**"; keys C-x; type_text "B0100000023be50"   # … which answers, as Xshell does
wait_for "已发送 mine.csv。"
[ "$(cat "$WORK/sz.args")" = "--
mine.csv" ] || fail "sz was given: $(cat "$WORK/sz.args")"
keys Enter; wait_for "主菜单"
[ "$(tail -n +2 "$X/mine.csv" | wc -l)" -eq "$own" ] || fail "export has $(tail -n +2 "$X/mine.csv" | wc -l) rows, want $own"
tail -n +2 "$X/mine.csv" | grep -v "^魏都区," && fail "another unit's row exported"

# Import naming another unit: refused, nothing saved; its own unit's row: saved there.
before=$(sqlite3 "$DB" "SELECT count(*) FROM talent")
printf '填报单位,姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n长葛市,冒名顶替,男,40,汉族,群众,本科,长葛市一中,13912345678,青少年科普\n' >"$X/theirs.csv"
keys i
wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹：$X/"
type_text "theirs.csv"; keys Enter
wait_for "导入失败：1 处错误，没有保存任何记录。"
assert_screen "第2行 A列 填报单位: 不是本次导入的单位「魏都区」"
keys Enter; wait_for "主菜单"
assert_sql "SELECT count(*) FROM talent" "$before"
printf '姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n贾宝山,男,40,汉族,群众,本科,魏都区实验学校,13912345678,青少年科普\n' >"$X/ours.csv"
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter; wait_for "交换文件夹：$X/"
type_text "ours.csv"; keys Enter
wait_for "检查完毕：检查了 1 条，可以导入 1 条，还没有保存。"          # a dry run first
assert_sql "SELECT count(*) FROM talent WHERE name = '贾宝山'" "0"
keys Enter
wait_for "已导入 1 条记录"
keys Enter; wait_for "主菜单"
assert_sql "SELECT u.name || '|' || t.kp_state FROM talent t JOIN units u ON u.id = t.unit_id WHERE t.name = '贾宝山'" "魏都区|draft"
# An import is one row of the audit trail: who, how many, which numbers, which file.
assert_sql "SELECT user || '|' || changes FROM kp_audit WHERE form = 'talent' AND action = 'import' ORDER BY id DESC LIMIT 1" \
	"weidu|[\"条数\",\"\",\"1\",\"编号\",\"\",\"$(sqlite3 "$DB" "SELECT id || '-' || id FROM talent WHERE name = '贾宝山'")\",\"文件\",\"\",\"$X/ours.csv\"]"

# A record typed in the form goes to 魏都区 too.
keys 2
wait_for "附表2 科普人才库推荐表：新记录（草稿）"
fill_required "林晓峰" 13838383838
keys F2
wait_for "已保存（第"
assert_sql "SELECT u.name FROM talent t JOIN units u ON u.id = t.unit_id WHERE t.name = '林晓峰'" "魏都区"
