# SPDX-License-Identifier: MulanPSL-2.0
# 账号管理 (the city's) on the terminal: a unit account is not offered the
# screen; the table at 100x30; a reset's new initial password is shown
# whole, on a line of its own, gone at the next key, and it is the one that
# signs wdq in. Locking, unlocking, the refusal to lock oneself, the reset's
# question and the back-off are keys-to-database stories of the model:
# tests/unit/test_accounts_model.c (and the locked sign-in test_login_model.c).
. "$(dirname "$0")/lib.sh"
new_db
add_user wdq unit 魏都区
E2E_USER=wdq start 100 30                           # sets wdq's own password
refute_screen "账号管理"
keys z
settled
refute_screen "15 分钟内连续输错次数"
quit_kepu
close_terminals

start 100 30
keys z
wait_for "账号管理（锁定、解锁、重置密码）"
assert_line "admin" "正常"
assert_line "wdq" "正常"
assert_line "wdq" "魏都区"
keys End
# A reset: asked first, the new initial password shown once.
keys C-r; wait_for "确定重置账号 wdq 的密码吗？"
keys y
wait_for "记下后按任意键继续。"
# The password whole, on a line of its own, under the message.
screen | sed -n '/新的初始密码只显示这一次/,/记下后按任意键继续/p' | sed -n 's/^ *\([A-Za-z0-9]\{10\}\) *$/\1/p' >"$WORK/pass.wdq"
[ -s "$WORK/pass.wdq" ] || fail "no whole initial password shown"
rm -f "$WORK/changed.wdq"
assert_line "wdq" "须改密码"
keys Space                                         # noted: gone from the screen
wait_gone "记下后按任意键继续。"
grep -qF "$(cat "$WORK/pass.wdq")" <<<"$(screen)" && fail "the password stays on screen"
keys Escape; wait_for "主菜单"
quit_kepu
close_terminals
E2E_USER=wdq start 100 30                           # the new initial one, then its own
assert_screen "填报单位：魏都区"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'admin' AND action = 'password_reset'" "1"
