# SPDX-License-Identifier: MulanPSL-2.0
# A consistent demo: `kepu init --demo` run on any day (here the system's,
# with no KEPU_TODAY) stamps its records on the demo's own dates, so on
# 2016-08-10 the checklist, the 7月 briefing and the 月报 form agree: five
# units reported July on 8月1日, on time; nothing is dated after that day;
# the progress shows real figures (records approved, waiting, returned).
. "$(dirname "$0")/lib.sh"
unset KEPU_TODAY
new_db --demo
assert_sql "SELECT DISTINCT substr(created_at, 1, 10) FROM monthly" "2016-08-01"
assert_sql "SELECT DISTINCT substr(created_at, 1, 10) FROM talent" "2016-07-12"
assert_sql "SELECT count(*) FROM activity WHERE held_on > '2016-08-10' OR created_at > '2016-08-11'" "0"
assert_sql "SELECT count(*) FROM resource WHERE finished_on > '2016-08-10' OR created_at > '2016-08-11'" "0"
"$KEPU" report monthly --month 2016-07 --db "$DB" --today 2016-08-10 >"$WORK/brief.txt"
# 魏都区's July activities and resource are not approved yet: [0] beside its figures
grep -q "^魏都区  *0  *0  *2\[0\]  *207\[0\]  *0  *1\[0\]  2016-08-01$" "$WORK/brief.txt" || fail "briefing: $(cat "$WORK/brief.txt")"
grep -q "已报 5/19，逾期 0" "$WORK/brief.txt" || fail "five units reported: $(cat "$WORK/brief.txt")"
grep -q "还没有结束" "$WORK/brief.txt" && fail "July is over on 08-10: $(head -3 "$WORK/brief.txt")"
"$KEPU" report monthly --month 2016-08 --db "$DB" --today 2016-08-10 >"$WORK/aug.txt" || fail "August's briefing"
grep -q "^2016年8月还没有结束（今天是 2016年8月10日）" "$WORK/aug.txt" || fail "August not over: $(head -3 "$WORK/aug.txt")"
# a figure and its [records] wide as the column: still apart from the next
sqlite3 "$DB" "UPDATE monthly SET activity_people = 1234567 WHERE month = '2016-07' AND unit_id = (SELECT id FROM units WHERE name = '魏都区')"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改数 --db "$DB" >/dev/null
"$KEPU" report monthly --month 2016-07 --db "$DB" --today 2016-08-10 >"$WORK/wide.txt"
grep -q "^魏都区  *0  *0  *2\[0\]  *1234567\[0\]  *0  *1\[0\]  2016-08-01$" "$WORK/wide.txt" || fail "wide figure: $(grep 魏都区 "$WORK/wide.txt")"
"$KEPU" checklist --db "$DB" --today 2016-08-10 >"$WORK/check.txt"
grep -q "五.6 7月月报.*（5/19 个单位完成）" "$WORK/check.txt" || fail "checklist: $(cat "$WORK/check.txt")"
grep -q "^魏都区  *!  *+ " "$WORK/check.txt" || fail "魏都区's July report on time"
# A programme in progress: of each reviewed form's records some approved,
# some waiting for the city, some returned with a reason, some drafts —
# each step through the review (audited), so the progress is not 0.0%.
for f in talent activity resource; do
	assert_sql "SELECT count(DISTINCT kp_state) FROM $f" "4"
done
assert_sql "SELECT count(*) FROM talent WHERE kp_state = 'returned' AND kp_reason = ''" "0"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'approve' AND user = 'shikexie'" \
	"$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM talent WHERE kp_state = 'approved') + (SELECT count(*) FROM activity WHERE kp_state = 'approved') + (SELECT count(*) FROM resource WHERE kp_state = 'approved')")"
"$KEPU" check --db "$DB" >"$WORK/check-db.txt" 2>&1 || fail "kepu check: $(cat "$WORK/check-db.txt")"
exits 0 "$KEPU" report progress --db "$DB" --today 2016-08-10
grep -E "^ +合计 .* [1-9][0-9]*\.[0-9]%" "$WORK/out" >/dev/null || fail "progress: $(grep 合计 "$WORK/out")"
grep -E "^(并列)?1 +[^ ]+ .* [1-9][0-9]*\.[0-9]%" "$WORK/out" >/dev/null || fail "the first unit: $(head -3 "$WORK/out")"
# The demo account says it is one, on the first screen and in the title.
E2E_USER=weidu start 80 24 --today 2016-08-10
wait_for "这是演示账号：密码 kepu2016 是公开的"
assert_screen "演示账号  2016 年度"
# A unit may only look at 附表1, and its menu says so.
assert_screen "附表1 任务指标分配表  查看本单位指标（由市科协分配）"
refute_screen "查看与修改"
# At 80 columns a form's title keeps the flag and the year whole, and
# every word: the label 填报单位 gives way (it was 「演示 2016」).
keys 2
wait_for "新记录（草稿）"
t=$(screen | sed -n 1p)
[[ "$t" == " 附表2 科普人才库推荐表：新记录（草稿）  ← 菜单     魏都区  演示账号  2016 年度" ]] ||
	fail "the form's title line at 80 columns: [$t]"
# Its list shows the columns that fit, and its header's margin says more are
# there; 表彰名单's columns all fit: no mark (the control).
keys F3
wait_for "记录列表  ← 菜单"
h=$(screen | sed -n 2p)
[[ "$h" == *"政治面貌"*">" ]] || fail "the list's header at 80 columns: [$h]"
keys Escape
menu_open "表彰名单  查看"                 # a unit only reads it (keys3)
wait_for "表彰名单：记录列表"
h=$(screen | sed -n 2p)
[[ "$h" == *"表彰日期" ]] || fail "表彰名单's header at 80 columns: [$h]"
keys Escape
wait_for "主菜单"
# The 月报 form agrees: 魏都区's July is there (refused as a second one, on choosing it).
keys m
wait_for "月报：新记录"
keys Space; wait_for "2016-07（已填报）"; keys Enter
wait_for "本单位已填报月份为「2016-07」的记录"
