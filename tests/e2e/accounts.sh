# Accounts: the login is the first screen and the password is never shown;
# an initial password must be changed (at least 8 characters, not the old
# one) before any data screen; an unknown name gets the same answer as a
# wrong password; five failures make the next try wait; `kepu user passwd`
# gives a new initial password; a unit account is tied to its unit.
. "$(dirname "$0")/lib.sh"
new_db
add_user wdq unit 魏都区
E2E_USER= start 80 24
wait_for "请登录"
type_text "admin"; keys Enter
type_text "not-the-password"; keys Enter
wait_for "用户名或密码不正确。"
refute_screen "not-the-password"                 # never echoed
keys C-a                                         # (no effect: the focus stays)
keys BTab
for _ in $(seq 5); do keys BSpace; done
type_text "nosuchuser"; keys Enter
type_text "whatever"; keys Enter
wait_for "用户名或密码不正确。"                   # the same words for an unknown name
for _ in $(seq 10); do keys BSpace; done
close_terminals

# The initial password: kepu asks for a new one before anything else.
E2E_USER= start 80 24
wait_for "请登录"
type_text "wdq"; keys Enter
type_text "$(cat "$WORK/pass.wdq")"; keys Enter
wait_for "请设置新密码（至少 8 个字符，不能与原密码相同）"
refute_screen "主菜单"
type_text "short"; keys Tab; type_text "short"; keys Enter
wait_for "新密码至少要 8 个字符"
type_text "$(cat "$WORK/pass.wdq")"; keys Tab; type_text "$(cat "$WORK/pass.wdq")"; keys Enter
wait_for "新密码不能与原密码相同"
type_text "魏都区科协2016"; keys Tab; type_text "魏都区科协2017"; keys Enter
wait_for "两次输入的新密码不一致"
type_text "魏都区科协2016"; keys Tab; type_text "魏都区科协2016"; keys Enter
wait_for "主菜单"
wait_for "密码已修改。"
assert_screen "填报单位：魏都区"
refute_screen "切换填报单位"                       # a unit account has one unit
assert_sql "SELECT must_change FROM kp_users WHERE name = 'wdq'" "0"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'wdq' AND action = 'password_change'" "1"
keys q; wait_for "KEPU-EXIT=0"
close_terminals

# Five failures: the sixth try, even with the right password, has to wait.
E2E_USER= start 80 24
wait_for "请登录"
type_text "wdq"; keys Enter
uncounted() { [ "$(sqlite3 "$DB" "SELECT failures FROM kp_login_attempts WHERE name = 'wdq'")" != "$1" ]; }
for i in 1 2 3 4 5; do
	type_text "wrong-$i"; keys Enter
	wait_while "failure $i not counted" uncounted "$i"
done
assert_screen "用户名或密码不正确。"
type_text "魏都区科协2016"; keys Enter
wait_for "登录失败次数过多，请等"
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'wdq' AND action = 'login_failed'" "5"
close_terminals

# The city resets the password: a new initial one, the lockout ended.
"$KEPU" user passwd wdq --db "$DB" >"$WORK/reset"
sed -n 's/.*初始密码：\([A-Za-z0-9]*\).*/\1/p' "$WORK/reset" >"$WORK/pass.wdq"
rm -f "$WORK/changed.wdq"
assert_sql "SELECT count(*) FROM kp_login_attempts WHERE name = 'wdq'" "0"
E2E_USER=wdq start 80 24                          # logs in, sets a new password again
assert_screen "填报单位：魏都区"
"$KEPU" user list --db "$DB" | grep -q "^wdq  *单位  *魏都区" || fail "user list"
"$KEPU" user disable wdq --db "$DB"
"$KEPU" user list --db "$DB" | grep -q "^wdq .*已停用" || fail "disabled not listed"
