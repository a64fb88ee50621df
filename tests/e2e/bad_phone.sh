# SPDX-License-Identifier: MulanPSL-2.0
# A wrong phone number blocks the save: the status line names 联系电话, the
# cursor goes there, nothing is written; corrected, the record saves.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "魏都区"
fill_required "李四" "12345"
keys F2
wait_for "联系电话：不是有效的电话号码"
assert_sql "SELECT count(*) FROM talent" "0"
# The cursor is on 联系电话: clearing it and typing a mobile number fixes it.
keys C-a C-k
type_text "13812345678"
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT name || ' ' || phone FROM talent" "李四 13812345678"
# Required fields left empty are named too, the first one first.
keys F2
wait_for "姓名：必须填写"
assert_sql "SELECT count(*) FROM talent" "1"
