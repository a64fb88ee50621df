# SPDX-License-Identifier: MulanPSL-2.0
# A 退回 reason half-typed when the SSH link drops (t80d #4, t80h h12): the
# city types 电话请补全 at 退回修改的原因, the terminal is killed; the reason
# is kept as the account's draft for that record, said at the next sign-in,
# and the next 退回 of the record starts with it filled in — Enter returns
# with it, and the draft goes. Typing replaces it (test_review_prompt.c).
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
demo_drafts
id=$(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id LIMIT 1")
sqlite3 "$DB" "UPDATE talent SET kp_state = 'submitted' WHERE id = $id"   # as 魏都区 submitted it
"$KEPU" check --accept --reason 测试夹具：提交一条记录 --db "$DB" >/dev/null || fail "kepu check --accept"
assert_sql "SELECT kp_state FROM talent WHERE id = $id" "submitted"
# ask_return: from the menu, the record opened from the list of submitted
# ones, F9, 退回修改: the reason is asked.
ask_return() {
	menu_open "附表2 科普人才库推荐表  记录列表"
	wait_for "记录列表"
	keys Tab Tab
	wait_for "只看「已提交」的记录"
	keys Enter
	wait_for "第 $id 号记录（已提交）"
	keys F9
	wait_for "退回修改"
	type_text "退回"; keys Enter
}

E2E_USER=shikexie start 80 24 --today 2016-08-10
ask_return
wait_for "退回修改的原因"
for c in 电 话 请 补 全; do type_text "$c"; done   # one key each, as typed
wait_for "电话请补全"
hang_up
assert_sql "SELECT json_extract(data, '\$[1]') FROM kp_drafts WHERE form = '@reason:talent' AND record_id = $id" "电话请补全"
assert_sql "SELECT kp_state || '|' || ifnull(kp_reason, '') FROM talent WHERE id = $id" "submitted|"

E2E_USER=shikexie start 80 24 --today 2016-08-10
wait_for "主菜单"                                  # no form draft to offer: the menu
wait_for "上次退回「附表2 科普人才库推荐表」第 $id 号记录时写"
refute_screen "未保存的草稿（"
ask_return
wait_for "第 $id 号记录上次没有提交的原因已填入：直接输入会替换它，Enter 用它"
assert_screen "退回修改的原因（Enter 确定，Esc 取消）：电话请补全"
keys Enter
wait_for "第 $id 号记录已改为「退回」。"
assert_sql "SELECT kp_state || '|' || kp_reason FROM talent WHERE id = $id" "returned|电话请补全"
assert_sql "SELECT count(*) FROM kp_drafts" "0"
close_terminals
