# SPDX-License-Identifier: MulanPSL-2.0
# The audit chain (#27): a value changed with the sqlite3 shell, an audit
# row deleted and its guard dropped are each found by kepu check, which
# names the form, record and field and exits 1; an administrator's
# --accept --reason records them as an audited change, and the next check
# passes.
. "$(dirname "$0")/lib.sh"
# check_fails: kepu check must exit 1 (out and err kept in $WORK).
check_fails() {
	local rc=0
	"$KEPU" check --db "$DB" >"$WORK/out" 2>"$WORK/err" || rc=$?
	[ "$rc" -eq 1 ] || fail "kepu check exited $rc: $(cat "$WORK/out" "$WORK/err")"
}
new_db --demo
"$KEPU" check --db "$DB" >"$WORK/out" || fail "untouched: $(cat "$WORK/out")"
grep -F "审计链完好" "$WORK/out" >/dev/null || fail "no chain line: $(cat "$WORK/out")"

id=$(sqlite3 "$DB" "SELECT min(id) FROM talent")
sqlite3 "$DB" "UPDATE talent SET name = '甄假名' WHERE id = $id"
check_fails
grep -F "附表2 科普人才库推荐表 第${id}号记录：「姓名」的值与审计历史不符（在 kepu 之外被修改），现为「甄假名」" "$WORK/out" >/dev/null ||
	fail "record and field not named: $(cat "$WORK/out")"
grep -F "发现 1 处与审计链不符" "$WORK/err" >/dev/null || fail "summary: $(cat "$WORK/err")"

# An audit row removed (its guard dropped first): named by its place.
# (an account's row: one of a record's would also leave its seal unexplained)
gone=$(sqlite3 "$DB" "SELECT max(id) FROM kp_audit WHERE form = 'kp_users'")
sqlite3 "$DB" "DROP TRIGGER kp_audit_no_delete; DELETE FROM kp_audit WHERE id = $gone"
check_fails
grep -F "（编号$((gone + 1))）之前缺少 1 条审计记录" "$WORK/out" >/dev/null || fail "deleted row: $(cat "$WORK/out")"
grep -F "保护触发器曾在 kepu 之外被删除" "$WORK/out" >/dev/null || fail "dropped guard: $(cat "$WORK/out")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'kp_audit_no_delete'")" = 1 ] ||
	fail "guard not restored"

# --accept needs a reason; with one, the differences are shown, recorded and sealed.
set +e
"$KEPU" check --db "$DB" --accept >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 2 ] && grep -F -- "--accept 需要 --reason" "$WORK/err" >/dev/null || fail "accept without a reason: $rc"
"$KEPU" check --db "$DB" --accept --reason "核实：姓名按身份证更正" >"$WORK/out" || fail "accept: $(cat "$WORK/out")"
grep -F "第${id}号记录：「姓名」" "$WORK/out" >/dev/null || fail "accept did not show the difference"
grep -F "已把以上 3 处作为" "$WORK/out" >/dev/null || fail "accept: $(cat "$WORK/out")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM kp_audit WHERE action = 'accept' AND record_id = $id
	AND changes LIKE '%核实：姓名按身份证更正%'")" = 1 ] || fail "no audited accept"
"$KEPU" check --db "$DB" >"$WORK/out" || fail "after accept: $(cat "$WORK/out")"
grep -F "审计链完好" "$WORK/out" >/dev/null || fail "after accept: $(cat "$WORK/out")"
