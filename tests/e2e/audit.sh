# SPDX-License-Identifier: MulanPSL-2.0
# The audit trail: the screen at 80x24 shows the city's sign-in with its
# time whole and marks the rows below; the city edits a talent's name and
# `kepu audit` prints who did it with the old and the new value, filtered by
# --user, --unit, --form and --words; nothing deletes it. A unit account has
# no audit screen.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
id=$(sqlite3 "$DB" "SELECT id FROM talent ORDER BY id LIMIT 1")
old=$(sqlite3 "$DB" "SELECT name FROM talent WHERE id = $id")
unit=$(sqlite3 "$DB" "SELECT u.name FROM talent t JOIN units u ON u.id = t.unit_id WHERE t.id = $id")

# The screen at 80x24: the city's sign-in is the newest row, its time whole
# (seconds and all, never cut to 「05:4>」), the rows below marked. The
# filtering and the changes shown are the model's story
# (tests/unit/test_audit_model.c).
E2E_USER=shikexie start 80 24 --today 2016-08-10
keys a
wait_for "修改记录（审计）"
assert_line "shikexie" "登录"
screen | grep "shikexie" | grep -qE "^ *[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} +shikexie" ||
	fail "the time is cut: $(screen | grep shikexie)"
assert_screen "↓ 还有"
keys Escape; wait_for "主菜单"
# An edit through the form is in the trail (the CLI's, below).
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Home Enter
wait_for "修改第 $id 号记录"
keys C-a C-k
type_text "欧阳明远"
keys F2
wait_for "已保存对第 $id 号记录的修改。"
close_terminals

"$KEPU" audit --db "$DB" --user shikexie >"$WORK/audit"
grep -q "talent #$id update" "$WORK/audit" || fail "kepu audit: $(cat "$WORK/audit")"
grep -q "    name: $old -> 欧阳明远" "$WORK/audit" || fail "kepu audit has no old and new value"
# --since: a day after every row lists nothing; the day of the edit lists it.
exits 0 "$KEPU" audit --db "$DB" --since 2099-01-01
[ ! -s "$WORK/out" ] || fail "--since let old rows through: $(cat "$WORK/out")"
exits 0 "$KEPU" audit --db "$DB" --since 2016年8月10日
has "talent #$id update" out
refused 2 "$KEPU" audit --db "$DB" --since garbage
has "--since「garbage」不是有效的日期（如 2016-07-15 或 2016年7月15日），没有列出审计记录"
[ ! -s "$WORK/out" ] || fail "--since garbage printed rows"
# A date, only beyond the years kepu reads: said so, not "not a date".
refused 2 "$KEPU" audit --db "$DB" --since 9999-12-31
has "--since「9999-12-31」是日期，但超出可用的年份范围（1900 至 2100 年），没有列出审计记录"
"$KEPU" audit --db "$DB" --unit "$unit" --form 附表2 --words 欧阳明远 >"$WORK/audit"
[ "$(grep -c '#' "$WORK/audit")" = 1 ] || fail "kepu audit --unit --form --words: $(cat "$WORK/audit")"
grep -q "talent #$id update" "$WORK/audit" || fail "the filtered audit lacks the edit"
exits 0 "$KEPU" audit --db "$DB" --form 附表3 --words 欧阳明远
[ ! -s "$WORK/out" ] || fail "--form let another form through: $(cat "$WORK/out")"
refused 1 "$KEPU" audit --db "$DB" --unit 不存在的单位
has "--unit「不存在的单位」不是任何单位的名称"
[ ! -s "$WORK/out" ] || fail "--unit let other units through: $(cat "$WORK/out")"
# A unit account has no audit screen.
close_terminals
E2E_USER=weidu start 80 24 --today 2016-08-10
refute_screen "修改记录（审计）"
keys a
settled
refute_screen "修改记录（审计）"
assert_screen "主菜单"
