# SPDX-License-Identifier: MulanPSL-2.0
# A consistent demo: `kepu init --demo` run on any day (here the system's,
# with no KEPU_TODAY) stamps its records on the demo's own dates, so on
# 2016-08-10 the checklist, the 7月 briefing and the 月报 form agree: five
# units reported July on 8月1日, on time; nothing is dated after that day.
. "$(dirname "$0")/lib.sh"
unset KEPU_TODAY
new_db --demo
assert_sql "SELECT DISTINCT substr(created_at, 1, 10) FROM monthly" "2016-08-01"
assert_sql "SELECT DISTINCT substr(created_at, 1, 10) FROM talent" "2016-07-12"
assert_sql "SELECT count(*) FROM activity WHERE held_on > '2016-08-10' OR created_at > '2016-08-11'" "0"
assert_sql "SELECT count(*) FROM resource WHERE finished_on > '2016-08-10' OR created_at > '2016-08-11'" "0"
"$KEPU" report monthly --month 2016-07 --db "$DB" --today 2016-08-10 >"$WORK/brief.txt"
grep -q "^魏都区  *0  *0  *2  *207  *0  *1  2016-08-01$" "$WORK/brief.txt" || fail "briefing: $(cat "$WORK/brief.txt")"
grep -q "已报 5/19，逾期 0" "$WORK/brief.txt" || fail "five units reported: $(cat "$WORK/brief.txt")"
"$KEPU" checklist --db "$DB" --today 2016-08-10 >"$WORK/check.txt"
grep -q "五.6 7月月报.*（5/19 个单位完成）" "$WORK/check.txt" || fail "checklist: $(cat "$WORK/check.txt")"
grep -q "^魏都区  *!  *+ " "$WORK/check.txt" || fail "魏都区's July report on time"
# The 月报 form agrees: 魏都区's July is there (refused as a second one).
E2E_USER=weidu start 80 24 --today 2016-08-10
keys m
wait_for "月报：新记录"
keys Space; wait_for "2016-12"; keys Enter
keys F2
wait_for "本单位已有月份为「2016-07」的记录"
