# SPDX-License-Identifier: MulanPSL-2.0
# Dates that cannot be yet: on 2016-08-10 an activity dated 2017-03-01 is
# refused on screen and on import (not_after: today), and the 月报 month list
# offers no month not yet ended. Activities are reviewed as talents are: a new one is
# a 草稿, counted toward the quota and the ranking only once the city has
# approved it (the state config/ranking.yaml names).
. "$(dirname "$0")/lib.sh"
new_db
add_user xcxy1 unit 许昌学院
add_user city2 city
E2E_USER=xcxy1 start 80 24 --today 2016-08-10
menu_open "科普活动记录  填写新记录"
wait_for "科普活动记录：新记录（草稿）"
type_text "春季科普讲座"; keys Tab
type_text "2017-03-01"; keys Tab                # refused on leaving the field
wait_for "日期：「2017-03-01」还没有到（今天是 2016-08-10）"
assert_sql "SELECT count(*) FROM activity" "0"
wait_for ">日期"                               # the cursor stays, its value selected
type_text "2016-08-09"; keys Tab               # the correction replaces it
type_text "报告"; keys Enter
keys Space Tab
type_text "许昌学院礼堂"; keys Tab
type_text "300"; keys Tab
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT held_on || '|' || kp_state FROM activity" "2016-08-09|draft"
keys Escape; wait_for "主菜单"
# A 月报 for September (or August) on 8月10日 is not offered.
keys m
wait_for "月报：新记录"
keys Space; wait_for "筛选："
assert_screen "2016-07"
refute_screen "2016-08"                       # not ended: not offered (the store refuses it too)
refute_screen "2016-09"
keys Escape; wait_gone "筛选："
keys Escape; wait_for "主菜单"
close_terminals

# The same on import: the whole file is refused, naming the row.
printf '活动名称,日期,形式,对象,地点,参与人数\n夏令营,2016-08-20,科普报告,校园,学院,50\n' >"$WORK/a.csv"
set +e
"$KEPU" import activity "$WORK/a.csv" --db "$DB" --unit 许昌学院 --today 2016-08-10 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "第2行 B列 日期: 「2016-08-20」还没有到" "$WORK/err" || fail "future activity imported: $(cat "$WORK/err")"

# Not counted while a draft; counted once approved.
"$KEPU" report progress --db "$DB" --today 2016-08-10 | grep "^ *合计 *0/1170 *0/134 " >/dev/null || fail "a draft counted"
E2E_USER=xcxy1 start 80 24 --today 2016-08-10
menu_open "科普活动记录  记录列表"
wait_for "共 1 条"
keys F9; wait_for "提交审核"; keys Enter
wait_for "已改为「已提交」"
# 撤回: the unit takes a submitted record back before the city decides.
keys F9; wait_for "撤回（改回草稿）"; keys Enter
wait_for "已改为「草稿」"
assert_sql "SELECT kp_state FROM activity" "draft"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'withdraw'" "1"
keys F9; wait_for "提交审核"; keys Enter
wait_for "已改为「已提交」"
close_terminals
E2E_USER=city2 start 80 24 --today 2016-08-10
menu_open "科普活动记录  记录列表"
wait_for "共 1 条"
keys Enter; wait_for "号记录（已提交"; keys Escape; wait_for "记录列表"   # read before it is approved
keys F9; wait_for "退回修改"
type_text "认定"; keys Enter
wait_for "已改为「已认定」"
assert_sql "SELECT kp_state FROM activity" "approved"
"$KEPU" report progress --db "$DB" --today 2016-08-10 | grep "^ *合计 *0/1170 *1/134 " >/dev/null || fail "an approved activity not counted"
