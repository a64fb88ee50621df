# SPDX-License-Identifier: MulanPSL-2.0
# The city's unit choice is per screen: picking 魏都区 for 附表4 and 长葛市
# for a new 附表2 record never narrows the dashboard or the export, which
# still give every unit; the last choice is offered first next time.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
all=$(sqlite3 "$DB" "SELECT count(*) FROM talent")
E2E_USER=shikexie start 80 24 --today 2016-08-10
wait_for "全市完成度"
keys 4
wait_for "请选择填报单位"
type_text "魏都区"; keys Enter
wait_for "附表4 科普人才信息汇总表"
assert_screen "魏都区"
keys Escape; wait_for "主菜单"
assert_screen "全市完成度"
refute_screen "填报单位：魏都区"
keys 2
wait_for "请选择填报单位"
keys Enter                                     # the last choice is offered first
wait_for "  魏都区  演示账号"                      # the title's right (its label gives way at 80)
keys Escape; wait_for "主菜单"
keys 2
wait_for "请选择填报单位"
type_text "长葛市"; keys Enter
wait_for "附表2 科普人才库推荐表：新记录"
assert_screen "  长葛市  演示账号"
keys Escape; wait_for "主菜单"
assert_screen "全市完成度"
keys e; wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "文件名    附表2-全部单位-20160810.xlsx"
keys C-a C-k
type_text "all.csv"; keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
f=$(find "$WORK/exchange" -name all.csv | head -1)
[ -n "$f" ] || fail "no export"
[ "$(($(wc -l <"$f") - 1))" -eq "$all" ] || fail "exported $(($(wc -l <"$f") - 1)) rows, want $all"
