# SPDX-License-Identifier: MulanPSL-2.0
# A record filed in the wrong programme year moves (#27). In the TUI a unit
# clerk (weidu) tries F5 on a submitted talent (refused, nothing moves),
# then moves its own draft — the popup names the record and shows its own
# keys, a y/n question names record and year, n keeps it, y moves it; from the CLI a unit's account cannot move
# another unit's talent, the city cannot move a 2016 activity into 2017
# (its 日期 named) but moves a submitted talent. Each move keeps the
# record's number and state, is audited, and the printed 推荐表 carries
# each record's own year in its footer.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
"$KEPU" year open 2017 --from 2016 --db "$DB" --today 2017-08-01 >/dev/null || fail "year open"
ids=($(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id"))
other=$(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '长葛市' LIMIT 1")
sqlite3 "$DB" "UPDATE talent SET kp_state = 'submitted' WHERE id = ${ids[0]}"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null

# Before 2017 has begun a unit is offered no year to move into (2017 is
# opened, but not its to enter yet).
E2E_USER=weidu start 80 24 --today 2016-12-31
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "共 3 条"
keys Down F5
wait_for "没有可换去的年度：2016 年度之外开启的年度还没有开始"
refute_screen "移到哪个年度"
close_terminals

E2E_USER=weidu start 80 24 --today 2017-08-01
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "共 3 条"
keys F1                                            # the key is listed in the help
wait_for "移到其他年度"
keys Escape
wait_for "共 3 条"
name0=$(sqlite3 "$DB" "SELECT name FROM talent WHERE id = ${ids[0]}")
name1=$(sqlite3 "$DB" "SELECT name FROM talent WHERE id = ${ids[1]}")
keys Home F5                                       # the submitted one: refused
wait_for "「$name0」移到哪个年度"
assert_screen "2017 年度"
assert_screen "Enter 选定"                         # the popup's keys, not the list's
refute_screen "F9"
keys Enter
wait_for "确定把「$name0」这条记录移到 2017 年度吗？(y/n)"
keys y
wait_for "单位只能在提交前（草稿）换年度"
assert_sql "SELECT kp_year FROM talent WHERE id = ${ids[0]}" "2016"
keys Down F5                                       # its own draft: n keeps it, y moves it
wait_for "「$name1」移到哪个年度"
keys Enter
wait_for "确定把「$name1」这条记录移到 2017 年度吗？(y/n)"
keys n
wait_gone "(y/n)"
assert_sql "SELECT kp_year FROM talent WHERE id = ${ids[1]}" "2016"
keys Home Space Space                              # both marked, the cursor moved on: F5 takes the marks
wait_for "已选 2 条"
keys F5
wait_for "已选 2 条移到哪个年度"
keys Enter
wait_for "确定把已选的 2 条记录移到 2017 年度吗？(y/n)"
keys y
wait_for "已移到 2017 年度 1 条。1 条未移：第 ${ids[0]} 号（这条记录现为「已提交」"
assert_sql "SELECT kp_year || kp_state FROM talent WHERE id = ${ids[1]}" "2017draft"
assert_sql "SELECT kp_year FROM talent WHERE id = ${ids[0]}" "2016"
assert_sql "SELECT count(*) FROM talent WHERE kp_year = 2017" "1"
keys Home F5 Enter                                 # a question after that two-line message: all of it gone
wait_for "确定把「$name0」这条记录移到 2017 年度吗？(y/n)"
refute_screen "已移到 2017 年度 1 条"
keys n
wait_gone "(y/n)"
keys Home Down C-y                                 # ^Y, the same key: only 2016 is left to offer
wait_for "移到哪个年度"
assert_screen "2016 年度"
keys Escape
wait_gone "移到哪个年度"
close_terminals

# The CLI: a unit's account and another unit's record (answered as missing).
if "$KEPU" move talent "$other" --to-year 2017 --unit 魏都区 --db "$DB" --today 2017-08-01 2>"$WORK/err"; then
	fail "a unit moved another unit's talent"
fi
grep -qF "附表2 科普人才库推荐表中没有第 $other 号记录（或不是你可以看到的）" "$WORK/err" || fail "other unit: $(cat "$WORK/err")"
# a missing number gets the same answer (which of the two is not said)
if "$KEPU" move talent 9999 --to-year 2017 --unit 魏都区 --db "$DB" --today 2017-08-01 2>"$WORK/err"; then
	fail "moved a missing talent"
fi
grep -qF "附表2 科普人才库推荐表中没有第 9999 号记录（或不是你可以看到的）" "$WORK/err" || fail "missing: $(cat "$WORK/err")"
# The city: a 2016 activity cannot go to 2017, its 日期 named; exit status 1.
act=$(sqlite3 "$DB" "SELECT id FROM activity WHERE held_on LIKE '2016-%' LIMIT 1")
rc=0; "$KEPU" move activity "$act" --to-year 2017 --db "$DB" --today 2017-08-01 2>"$WORK/err" || rc=$?
[ "$rc" -eq 1 ] || fail "activity move: exit status $rc"
grep -qF "不能换到 2017 年度：「日期」2016-" "$WORK/err" || fail "activity: $(cat "$WORK/err")"
assert_sql "SELECT kp_year FROM activity WHERE id = $act" "2016"
# No such year; no --to-year.
if "$KEPU" move talent "${ids[0]}" --to-year 2018 --db "$DB" 2>"$WORK/err"; then fail "moved to 2018"; fi
grep -qF "没有开启 2018 年度；已开启的年度：2016、2017" "$WORK/err" || fail "2018: $(cat "$WORK/err")"
rc=0; "$KEPU" move talent "${ids[0]}" --db "$DB" 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "move without --to-year: exit status $rc, not a usage error"
# The city moves the submitted talent: it keeps its state.
"$KEPU" move talent "${ids[0]}" --to-year 2017 --db "$DB" --today 2017-08-01 >"$WORK/out" || fail "city move: $(cat "$WORK/out")"
grep -qF "第 ${ids[0]} 号记录换到 2017 年度" "$WORK/out" || fail "city: $(cat "$WORK/out")"
assert_sql "SELECT kp_year || kp_state FROM talent WHERE id = ${ids[0]}" "2017submitted"
# Both moves audited, under who made them; nothing else of the records changed.
assert_sql "SELECT group_concat(record_id || ':' || user || ':' || changes, ' ') FROM
	(SELECT * FROM kp_audit WHERE action = 'move_year' ORDER BY id)" \
	"${ids[1]}:weidu:[\"kp_year\",\"2016\",\"2017\"] ${ids[0]}:root（命令行）:[\"kp_year\",\"2016\",\"2017\"]"
"$KEPU" audit --db "$DB" --form talent >"$WORK/audit"
grep -qF "move_year" "$WORK/audit" || fail "kepu audit: no move"
# The printed 推荐表 of 2017 lists 2016's third talent too (a pool); each
# page's footer names its record's own year.
"$KEPU" export talent --unit 魏都区 --db "$DB" --year 2017 --today 2017-08-01 --format xlsx \
	--output "$WORK/t.xlsx" >/dev/null || fail "export"
/usr/bin/python3 - "$WORK/t.xlsx" "${ids[0]}" "${ids[1]}" "${ids[2]}" <<'PY' || fail "footers"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
want = {sys.argv[2]: "2017 年度", sys.argv[3]: "2017 年度", sys.argv[4]: "2016 年度"}
got = {}
for ws in wb.worksheets:
    got[ws.title.split(" ")[0]] = ws.oddFooter.left.text
seq = [want[i] for i in sys.argv[2:5]]
assert list(got.values()) == seq, (got, seq)
PY
# The moves resealed what they changed: the audit chain vouches for them (#27).
"$KEPU" check --db "$DB" >"$WORK/check" || fail "kepu check after the moves: $(cat "$WORK/check")"
