# SPDX-License-Identifier: MulanPSL-2.0
# Submit many: the unit marks records with Space (shown with *), F9 offers
# 提交审核 for them all; each goes through the store, and the status says
# how many went and which did not, and why (an approved one cannot be
# submitted again), wrapped onto a second line. The city has nothing to
# submit.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
ids=($(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id"))
sqlite3 "$DB" "UPDATE talent SET kp_state = 'approved' WHERE id = ${ids[0]}"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null                # counts again after the edit above

E2E_USER=weidu start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "共 3 条"
keys Space                                         # marks, then moves down
wait_for "已选 1 条"
keys Space Space
wait_for "已选 3 条"
[ "$(screen | grep -c '^\*')" = 3 ] || fail "the marked rows are not shown"
keys Up Space                                      # unmark (the cursor moves on) …
wait_for "已选 2 条"
keys Up Space                                      # … and mark again
wait_for "已选 3 条"
keys F9
wait_for "提交（已选 3 条）"
keys Enter
wait_for "已提交审核 2 条。"
# The message is longer than a line: wrapped onto the help's line, not cut.
s=$(screen | tail -n 3)                            # the status lines (the header's > says more columns)
grep -q '>$' <<<"$s" && fail "the status is cut with >"
tr -d ' \n' <<<"$s" | grep -qF "已提交审核2条。1条未提交：第${ids[0]}号（不能「提交审核」：这条记录现在是「已认定」）" ||
	fail "the status does not say which record was not submitted and why"
refute_screen "已选"
assert_sql "SELECT group_concat(kp_state, ',') FROM (SELECT kp_state FROM talent WHERE id IN (${ids[0]}, ${ids[1]}, ${ids[2]}) ORDER BY id)" \
	"approved,submitted,submitted"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'submit' AND user = 'weidu'" "2"
keys Escape; wait_for "主菜单"
close_terminals

E2E_USER=shikexie start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Space
wait_for "已选 1 条"
keys F9
wait_for "已选的记录中没有您可以提交审核的。"
