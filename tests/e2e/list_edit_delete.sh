# SPDX-License-Identifier: MulanPSL-2.0
# The record list on screen: the delete question is drawn and goes with n,
# y deletes and says so. (Paging, opening, the edit seen on return and the
# question's keys are tests/unit/test_list_model.c's, with no terminal.)
. "$(dirname "$0")/lib.sh"
new_db --demo
total=$(sqlite3 "$DB" "SELECT count(*) FROM talent")
start 80 24
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
assert_screen "共 $total 条"
keys Down
keys F8
wait_for "确定删除"
keys n
wait_gone "确定删除"
assert_sql "SELECT count(*) FROM talent" "$total"
keys C-d
wait_for "确定删除"
keys y
wait_for "已删除"
assert_sql "SELECT count(*) FROM talent WHERE id = 2" "0"
assert_sql "SELECT count(*) FROM talent" "$((total - 1))"
