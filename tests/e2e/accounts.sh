# SPDX-License-Identifier: MulanPSL-2.0
# Accounts: the login is the first screen and the password is never shown;
# an initial password must be changed before any data screen (its rules, a
# mismatch and an unknown name's answer are the login model's story:
# tests/unit/test_login_model.c); five failures from an SSH client's
# address make the next try wait (never a lockout);
# `kepu user passwd` gives a new initial password; a name breaking the
# naming rule is refused; `kepu user lock|unlock`; a unit account is tied to
# its unit.
. "$(dirname "$0")/lib.sh"
new_db
add_user wdq unit 魏都区
E2E_USER= start 80 24
wait_for "请登录"
# F1 shows the login's keys; the letter that closes it is typed, not lost
# (t5h #17); Enter only closes it
type_text "ad"; keys F1
wait_for "按键帮助"
type_text "m"
wait_gone "按键帮助"
wait_for "用户名        adm"
keys F1; wait_for "按键帮助"
keys Enter; wait_gone "按键帮助"
refute_screen "用户名或密码不正确"
type_text "in"; keys Enter
type_text "not-the-password"; keys Enter
wait_for "用户名或密码不正确。"
refute_screen "not-the-password"                 # never echoed
close_terminals

# The initial password: kepu asks for a new one before anything else.
E2E_USER= start 80 24
wait_for "请登录"
type_text "wdq"; keys Enter
type_text "$(cat "$WORK/pass.wdq")"; keys Enter
wait_for "请设置新密码（至少 8 个字符，不能与原密码相同）"
refute_screen "主菜单"
type_text "魏都区科协2016"; keys Tab; type_text "魏都区科协2016"; keys Enter
wait_for "主菜单"
wait_for "密码已修改。"
assert_screen "填报单位：魏都区"
refute_screen "切换填报单位"                       # a unit account has one unit
assert_sql "SELECT must_change FROM kp_users WHERE name = 'wdq'" "0"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'wdq' AND action = 'password_change'" "1"
quit_kepu
close_terminals

# Five failures: the sixth try, even with the right password, has to wait.
E2E_SSH="198.51.100.20 50022 192.0.2.1 22" E2E_USER= start 80 24
wait_for "请登录"
type_text "wdq"; keys Enter
uncounted() { [ "$(sqlite3 "$DB" "SELECT failures FROM kp_login_throttle WHERE scope = 'name' AND key = 'wdq'")" != "$1" ]; }
for i in 1 2 3 4 5; do
	type_text "wrong-$i"; keys Enter
	wait_while "failure $i not counted" uncounted "$i"
done
assert_screen "用户名或密码不正确。"
type_text "魏都区科协2016"; keys Enter
wait_for "登录失败次数过多，请等"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'wdq' AND action = 'login_failed'" "5"
close_terminals

# The city resets the password: a new initial one, the name's wait ended.
# That address failed five times: the owner logs in from another.
"$KEPU" user passwd wdq --db "$DB" >"$WORK/reset"
sed -n 's/.*初始密码：\([A-Za-z0-9]*\).*/\1/p' "$WORK/reset" >"$WORK/pass.wdq"
rm -f "$WORK/changed.wdq"
assert_sql "SELECT count(*) FROM kp_login_throttle WHERE scope = 'name' AND key = 'wdq'" "0"
assert_sql "SELECT failures FROM kp_login_throttle WHERE scope = 'addr' AND key = '198.51.100.20'" "5"
E2E_SSH="203.0.113.9 50022 192.0.2.1 22" E2E_USER=wdq start 80 24   # sets a new password again
assert_screen "填报单位：魏都区"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'login' AND changes LIKE '%\"203.0.113.9\"%'" "1"
close_terminals

# Names: printable, at most 32 characters; a bad one is refused, saying the rule.
if "$KEPU" user add "wei du" --role city --db "$DB" 2>"$WORK/err"; then fail "a name with a space was accepted"; fi
grep -q "用户名须为 1 到 32 个字符" "$WORK/err" || fail "no naming rule: $(cat "$WORK/err")"
if "$KEPU" user add "$(printf 'x\033[31m')" --role city --db "$DB" 2>"$WORK/err"; then fail "an escape was accepted"; fi
assert_sql "SELECT count(*) FROM kp_users WHERE name <> 'admin' AND name <> 'wdq'" "0"

# The server's administrator locks and unlocks; the list shows it.
"$KEPU" user lock wdq --db "$DB"
"$KEPU" user list --db "$DB" | grep "^wdq .*已锁定" >/dev/null || fail "locked not listed"
"$KEPU" user unlock wdq --db "$DB"
"$KEPU" user list --db "$DB" | grep "^wdq .*正常" >/dev/null || fail "unlocked not listed"
"$KEPU" user list --db "$DB" | grep "^admin .*须改密码" >/dev/null || fail "initial password not listed"
assert_sql "SELECT count(*) FROM kp_audit WHERE action IN ('user_lock', 'user_unlock') AND form = 'kp_users'" "2"
if "$KEPU" user lock nobody --db "$DB" 2>"$WORK/err"; then fail "locked an unknown name"; fi
grep -q "没有账号「nobody」" "$WORK/err" || fail "unknown name: $(cat "$WORK/err")"
"$KEPU" user list --db "$DB" | grep "^wdq  *单位  *魏都区" >/dev/null || fail "user list"
"$KEPU" user disable wdq --db "$DB"
"$KEPU" user list --db "$DB" | grep "^wdq .*已停用" >/dev/null || fail "disabled not listed"
