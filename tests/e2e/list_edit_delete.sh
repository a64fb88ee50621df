# SPDX-License-Identifier: MulanPSL-2.0
# The record list: page through the demo records, open one, edit it, and
# delete one with confirmation (n keeps it, y deletes it).
. "$(dirname "$0")/lib.sh"
new_db --demo
total=$(sqlite3 "$DB" "SELECT count(*) FROM talent")
start 80 24
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
assert_screen "共 $total 条"
first=$(sqlite3 "$DB" "SELECT name FROM talent ORDER BY id LIMIT 1")
assert_screen "$first"
keys NPage
twentieth=$(sqlite3 "$DB" "SELECT name FROM talent ORDER BY id LIMIT 1 OFFSET 19")
wait_for "$twentieth"
keys PPage
wait_for "$first"
keys Enter
wait_for "修改第 1 号记录"
assert_screen "$first"
keys C-e
type_text "华"
keys F2
wait_for "已保存对第 1 号记录的修改"
wait_for "记录列表"
assert_sql "SELECT name || ' v' || version FROM talent WHERE id = 1" "${first}华 v2"
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
