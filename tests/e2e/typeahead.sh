# SPDX-License-Identifier: MulanPSL-2.0
# Keys that arrive together are read as the terminal meant them: CR LF in
# one arrival (an Enter key set to send it, an unmarked paste of Windows
# text) is one line end, not two (工作单位 jumped past 职务 to 联系电话);
# and a question is answered only by keys sent after it was drawn (ESC y in
# one burst, as Alt+Y sends it, discarded a record unasked; F2 twice in one
# burst confirmed the 「可能重复」 warning unseen).
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "许昌学院"
keys Tab Tab Tab Tab Tab Tab Tab Tab
wait_for ">工作单位"
type_text "许昌市第一中学"
wait_for "许昌市第一中学"
keys -H 0d 0a                       # CR LF in one write
wait_for ">职务"
settled
refute_screen ">联系电话"
type_text "教师"
wait_for "教师"
keys -H 1b 79                       # ESC y in one write (Alt+Y as Meta)
wait_for "确定放弃"
keys n                              # the question was left for this key: the form stays
wait_gone "确定放弃"
assert_screen ">职务"
assert_screen "许昌市第一中学"
keys Escape                         # the control: asked, then answered, it leaves
wait_for "确定放弃"
keys y
wait_gone "许昌市第一中学"

# F2 twice in one write over a likely duplicate: the warning stays, unconfirmed.
open_talent_form "许昌学院"
fill_required "王小明" "13912345678"
keys F2
wait_for "已保存（第 1 号记录）"
fill_required "王小明" "13912345678"
keys -H 1b 4f 51 1b 4f 51            # F2 F2 in one write (a bouncing key)
wait_for "再按 F2 仍要保存"
settled
assert_sql "SELECT count(*) FROM talent" "1"
keys F2                             # the control: an F2 after the warning saves
wait_for "已保存（第 2 号记录）"
assert_sql "SELECT count(*) FROM talent" "2"
