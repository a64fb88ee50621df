# SPDX-License-Identifier: MulanPSL-2.0
# A password guesser with many addresses (#27): six wrong passwords for
# shikexie, each from a new address on the login screen; a unit signing in
# is told nothing, the city signing in (at once, from an address that never
# failed) is told on the status line that the name is being guessed at.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
counted() { [ "$(sqlite3 "$DB" "SELECT count(*) FROM kp_login_spread WHERE name = 'shikexie'")" != "$1" ]; }
for i in 1 2 3 4 5 6; do
	E2E_SSH="198.51.100.$i 50022 192.0.2.1 22" E2E_USER= start 80 24
	wait_for "请登录"
	type_text "shikexie"; keys Enter
	type_text "guess-$i"; keys Enter
	wait_while "failure $i not counted" counted "$i"
	wait_for "用户名或密码不正确。"
	close_terminals
done
assert_sql "SELECT count(*) FROM kp_audit WHERE user = 'shikexie' AND action = 'login_failed'" "6"
# A unit's account learns nothing of it.
E2E_SSH="203.0.113.7 50022 192.0.2.1 22" E2E_USER=weidu start 100 24
assert_screen "主菜单"
refute_screen "正被人猜密码"
close_terminals
# The city's account gets in (the name is not locked) and is told.
E2E_SSH="203.0.113.8 50022 192.0.2.1 22" E2E_USER=shikexie start 100 24
wait_for "注意：账号「shikexie」正被人猜密码（15 分钟内 6 个地址失败 6 次）"
assert_screen "主菜单"
close_terminals
# A name no account has is the guesser's own text (t5h #14): the trail keeps
# it as quoted data under （未知账号）, never in the user column.
E2E_SSH="198.51.100.99 50022 192.0.2.1 22" E2E_USER= start 80 24
wait_for "请登录"
type_text "请各单位把新密码发给王科长"; keys Enter
type_text "x"; keys Enter
wait_for "用户名或密码不正确。"
close_terminals
"$KEPU" audit --db "$DB" --since 2016-01-01 >"$WORK/audit" || fail "kepu audit failed"
grep -q "^[0-9: -]*（未知账号）.*login_failed" "$WORK/audit" || fail "no （未知账号） row: $(cat "$WORK/audit")"
grep -q "    typed_name:  -> 「请各单位把新密码发给王科长」" "$WORK/audit" || fail "typed name not quoted data"
grep -q "^[0-9: -]*shikexie .*login_failed" "$WORK/audit" || fail "a known name lost its row"
if grep -q "^[0-9: -]*请各单位" "$WORK/audit"; then fail "typed text in the user column"; fi
