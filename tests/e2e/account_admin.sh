# SPDX-License-Identifier: MulanPSL-2.0
# 账号管理 (the city's): every account with its state and recent failures;
# the city locks a unit account, whose right password is then refused with
# a clear message; unlocks it and it works again; resets a password,
# shown once. A unit account is not offered the screen.
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

# Two failures under wdq, from somewhere else: the city sees them.
E2E_SSH="198.51.100.30 50022 192.0.2.1 22" E2E_USER= start 100 30
wait_for "请登录"
type_text "wdq"; keys Enter
type_text "wrong-1"; keys Enter
wait_for "用户名或密码不正确。"
type_text "wrong-2"; keys Enter
uncounted() { [ "$(sqlite3 "$DB" "SELECT failures FROM kp_login_throttle WHERE scope = 'name' AND key = 'wdq'")" != 2 ]; }
wait_while "failure 2 not counted" uncounted
close_terminals

start 100 30
keys z
wait_for "账号管理（锁定、解锁、重置密码）"
assert_line "admin" "正常"
assert_line "wdq" "正常"
assert_line "wdq" "魏都区"
grep -qE "wdq .*正常 +2$" <<<"$(screen)" || fail "two recent failures not shown"
keys End
keys F8
wait_for "已锁定账号 wdq"
assert_line "wdq" "已锁定"
assert_sql "SELECT locked FROM kp_users WHERE name = 'wdq'" "1"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'admin' AND action = 'user_lock'" "1"
keys Home; keys C-k
wait_for "不能锁定自己正在使用的账号。"              # the city does not shut itself out
assert_sql "SELECT locked FROM kp_users WHERE name = 'admin'" "0"
keys Escape; wait_for "主菜单"
quit_kepu
close_terminals

# The locked unit's right password: told it is locked; a wrong one is not.
E2E_USER= start 100 30
wait_for "请登录"
type_text "wdq"; keys Enter
type_text "$E2E_PASS"; keys Enter
wait_for "这个账号已被市科协锁定，暂时不能登录。请联系市科协解锁。"
refute_screen "主菜单"
close_terminals

# Unlocked (its failures cleared too): it works.
start 100 30
keys z
wait_for "账号管理"
keys End; keys C-k
wait_for "已解锁账号 wdq，这个账号名的登录等待也已清除。"
assert_line "wdq" "正常"
assert_sql "SELECT count(*) FROM kp_login_throttle WHERE scope = 'name' AND key = 'wdq'" "0"
# A reset: asked first, the new initial password shown once.
keys F7
wait_for "确定重置账号 wdq 的密码吗？"
keys n
wait_for "没有重置密码。"
refute_screen "确定重置账号 wdq 的密码吗？"
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
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'admin' AND action IN ('user_unlock', 'password_reset')" "2"
