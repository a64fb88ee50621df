# SPDX-License-Identifier: MulanPSL-2.0
# The audit trail: the city edits a talent's name; the audit screen, filtered
# by the record's number, shows who did it with the old and the new value;
# logins are there too; words typed narrow it by user, unit, form title and
# the changed values, all together; `kepu audit` prints the same, filtered by
# --user, --unit, --form and --words; nothing deletes it.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
id=$(sqlite3 "$DB" "SELECT id FROM talent ORDER BY id LIMIT 1")
old=$(sqlite3 "$DB" "SELECT name FROM talent WHERE id = $id")
unit=$(sqlite3 "$DB" "SELECT u.name FROM talent t JOIN units u ON u.id = t.unit_id WHERE t.id = $id")

E2E_USER=shikexie start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Home Enter
wait_for "修改第 $id 号记录"
keys C-a C-k
type_text "欧阳明远"
keys F2
wait_for "已保存对第 $id 号记录的修改。"
wait_for "记录列表"
keys Escape; wait_for "主菜单"
keys a
wait_for "修改记录（审计）"
assert_line "shikexie" "登录"
type_text "$id"
wait_for "筛选：$id"
assert_line "shikexie" "修改 附表2 科普人才库推荐表 #$id"
wait_for "姓名：$old → 欧阳明远"
keys Escape; wait_gone "筛选：$id"                # Esc clears the filter first
type_text "shikexie 附表2 $unit 欧阳"             # user, form title, unit, a changed value
wait_for "筛选：shikexie 附表2 $unit 欧阳"
assert_line "shikexie" "修改 附表2 科普人才库推荐表 #$id"
refute_screen "登录"
type_text "x"                                      # no change holds 欧阳x
wait_for "没有符合条件的记录。"
refute_screen "#$id"
keys Escape; wait_gone "筛选：shikexie"                 # Esc clears the filter
type_text "附表3"
wait_for "筛选：附表3"
refute_screen "附表2 科普人才库推荐表 #"
keys Escape Escape; wait_for "主菜单"

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
