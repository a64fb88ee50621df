# SPDX-License-Identifier: MulanPSL-2.0
# The review tells what happened: a return's reason of blanks is refused;
# one pasted over its bound is refused whole with the true count;
# the unit's main screen names its returned record with the whole reason,
# wrapped (never cut with >), and so does the record's form; the unit reads
# 省辖市科协意见 there, marked as the city's and read-only; a message said
# on one screen is gone on the next; a long message wraps onto a second
# line instead of being cut.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
id=$(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id LIMIT 1")
name=$(sqlite3 "$DB" "SELECT name FROM talent WHERE id = $id")
why="缺少联系电话的区号和单位盖章的推荐意见，请补充后再次提交，并附上科普工作经历的证明材料和获奖证书复印件的扫描件"
sqlite3 "$DB" "UPDATE talent SET kp_state = 'submitted' WHERE id = $id"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null                # counts again after the edit above

E2E_USER=shikexie start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
type_text "$name"; wait_for "筛选：$name"
keys F9; wait_for "退回修改"
type_text "退回"; keys Enter
wait_for "退回修改的原因"
type_text "　  "; keys Enter                       # blanks only: no reason
wait_for "请写明原因"
assert_sql "SELECT kp_state FROM talent WHERE id = $id" "submitted"
keys F9; wait_for "退回修改"
type_text "退回"; keys Enter
wait_for "退回修改的原因"
long="$why$why$why联系人王老师电话0374-2965753，请核实后重新提交谢谢。如有疑问请来电咨询谢谢您好的。"  # 212 characters, pasted at once
[ "$(printf %s "$long" | wc -m)" = 212 ] || fail "the pasted reason is not 212 characters"
type_text "$long"
wait_for "粘贴的 212 个字多出 12 个，一个字也没有输入"   # refused whole, never cut at 200
keys Enter; wait_for "请写明原因"                    # nothing of it was taken
assert_sql "SELECT kp_state FROM talent WHERE id = $id" "submitted"
keys F9; wait_for "退回修改"
type_text "退回"; keys Enter
wait_for "退回修改的原因"
type_text "  $why"; keys Enter
wait_for "第 $id 号记录已改为「退回」。"
assert_sql "SELECT kp_reason FROM talent WHERE id = $id" "$why"   # trimmed
keys Escape Escape; wait_for "主菜单"
refute_screen "第 $id 号记录已改为「退回」。"       # said on the list, not on the menu
close_terminals

E2E_USER=weidu start 80 24 --today 2016-08-10
wait_for "退回：附表2 科普人才库推荐表 第 $id 号「$name」"
wait_for "扫描件"                                  # the reason's end: whole, wrapped
s=$(screen)
grep -q '>$' <<<"$s" && fail "a line of the main screen is cut with >"
tr -d ' \n' <<<"$s" | grep -qF "原因：$why" || fail "the reason is not whole on the main screen"
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
type_text "$name"; wait_for "筛选：$name"
keys Enter
wait_for "修改第 $id 号记录（退回）"
s=$(screen)
tr -d ' \n' <<<"$s" | grep -qF "退回原因：$why" || fail "the reason is not whole on the form"
grep -q '>$' <<<"$s" && fail "a line of the form is cut with >"
for _ in $(seq 18); do keys Tab; done              # 省辖市科协意见
wait_for "是市科协的意见，由市科协填写，这里只能查看。"
type_text "同意"                                   # a message on the form …
wait_for "「省辖市科协意见」由市科协填写。"
assert_sql "SELECT ifnull(city_opinion, '') FROM talent WHERE id = $id" ""
keys Escape; wait_for "记录列表"
refute_screen "由市科协填写"                        # … is not carried to the list
keys Escape Escape; wait_for "主菜单"
