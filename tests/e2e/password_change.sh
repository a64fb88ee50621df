# SPDX-License-Identifier: MulanPSL-2.0
# 修改密码 from the menu at 80x24: the key line fits each step — the current
# password alone offers no Tab, and Esc says 返回 (back to the menu, not out
# of kepu, as it is at sign-in); a wrong current password is refused,
# audited as 改密码失败 (not 登录失败) and counted against the name's
# back-off as a failed login is; Esc goes back to the menu; the right one
# leads to the new password twice, where Tab moves between the two fields.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
E2E_USER= start 80 24 --today 2016-08-10
wait_for "请登录"
assert_screen "Tab 下一项"                            # two fields at sign-in…
assert_screen "Esc/F10 退出"                          # …and Esc ends kepu there
login weidu
wait_for "主菜单"
keys w
wait_for "修改密码：请先输入现在的密码"
wait_for "Enter 确定  Esc/F10 返回"
refute_screen "Tab"                                 # one field: nothing to move to
refute_screen "退出"
type_text "有人来猜密码"; keys Enter
wait_for "现在的密码不正确，密码没有修改。"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'weidu' AND action = 'password_failed'" "1"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'weidu' AND action = 'login_failed'" "0"
assert_sql "SELECT failures FROM kp_login_throttle WHERE scope = 'name' AND key = 'weidu'" "1"
"$KEPU" audit --db "$DB" --user weidu >"$WORK/audit"
has "password_failed" audit
keys Escape
wait_for "主菜单"                                     # back, still signed in
keys w
wait_for "修改密码：请先输入现在的密码"
type_text "kepu2016"; keys Enter
wait_for "请设置新密码"
wait_for "Tab 下一项"                                 # two fields now
assert_screen "Esc/F10 返回"
type_text "魏都区科协2017"; keys Tab
type_text "魏都区科协2017"; keys Enter
wait_for "密码已修改。"
wait_for "主菜单"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'weidu' AND action = 'password_change'" "1"
quit_kepu
close_terminals
