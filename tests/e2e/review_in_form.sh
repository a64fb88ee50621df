# SPDX-License-Identifier: MulanPSL-2.0
# F9 in an opened record (t80g #4, #5) at 80x24: the unit submits the draft
# it has open, and withdraws it from the opened 已提交 record (the popup
# titled 撤回); the city opens a submitted record and approves it there,
# without going back to the list; the key lines name F9 only where it acts.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
demo_drafts
id=$(sqlite3 "$DB" "SELECT min(t.id) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区'")

E2E_USER=weidu start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "共 3 条"
keys Home Enter
wait_for "修改第 $id 号记录（草稿）"
assert_screen "F9 提交  F1/^G 帮助"                   # a saved draft: F9 on its key line, as what it does
type_text "王"                                        # typed, not saved: F9 waits for F2
wait_for "按 ^Z 恢复"
refute_screen "F9 提交"
keys F9
wait_for "还有没保存的修改：先按 F2 保存"
keys C-z
wait_for "已恢复为进入本项时的内容"
keys F9
wait_for "提交第 $id 号记录"
keys Enter
wait_for "第 $id 号记录已改为「已提交」"
wait_for "记录列表"                                   # decided: back where it was opened
keys Home
wait_for "F9/^W 撤回"                                 # a 已提交 row: F9 only withdraws (t80h h15)
keys Enter
wait_for "查看第 $id 号记录（已提交）"
assert_screen "F9 撤回  F1/^G 帮助"                   # the form says so too (t80h h7)
refute_screen "提交/撤回"
keys F9
wait_for "撤回第 $id 号记录"                          # not 「提交第…」 over a lone 撤回
assert_screen "撤回（改回草稿）"
keys Escape                                           # not now: stays submitted
wait_gone "撤回第 $id 号记录"
assert_sql "SELECT kp_state FROM talent WHERE id = $id" "submitted"
keys Escape; wait_for "记录列表"
keys Escape Escape; wait_for "主菜单"
close_terminals

E2E_USER=shikexie start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Tab Tab                                          # 已提交
wait_for "只看「已提交」的记录"
keys Home Enter
wait_for "第 $id 号记录（已提交）"
assert_screen "F9 审核"
keys F9
wait_for "审核第 $id 号记录"
keys Enter                                            # 认定, the first offered
wait_for "第 $id 号记录已改为「已认定」。"
assert_sql "SELECT kp_state FROM talent WHERE id = $id" "approved"
wait_for "记录列表"
keys Escape Escape Escape; wait_for "主菜单"
quit_kepu
