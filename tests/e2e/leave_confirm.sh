# SPDX-License-Identifier: MulanPSL-2.0
# Leaving a form with typed values asks first; n stays with the values
# intact, y leaves without saving.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "禹州市"
type_text "赵六"
keys Escape
wait_for "有未保存的内容，确定放弃并离开吗？(y/n)"
keys n
wait_gone "有未保存的内容"
assert_screen "赵六"
keys F10
wait_for "确定放弃并离开"
keys y
wait_for "主菜单"
assert_sql "SELECT count(*) FROM talent" "0"
# An untouched form leaves at once.
keys 2
wait_for "新记录"
keys C-x
wait_for "主菜单"
