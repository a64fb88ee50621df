# SPDX-License-Identifier: MulanPSL-2.0
# 月报 and the city's 工作简报: a unit opens the monthly report on 8月4日, the
# counts come pre-filled from its July activities, it corrects one and
# writes its summary in Chinese; saved after the 3rd, the report is late in
# the checklist and the briefing, which lists the units that have not
# reported (on screen and from `kepu report monthly`).
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-01   # five units' July reports, on time

# What the pre-fill must find, counted here independently of kepu.
want=$(sqlite3 -separator ' ' "$DB" "SELECT count(*), coalesce(sum(participants), 0) FROM activity a
	JOIN units u ON u.id = a.unit_id WHERE u.name = '襄城县' AND held_on LIKE '2016-07-%'")
read -r sessions people <<<"$want"
[ "$sessions" -ge 1 ] || fail "the demo has no July activity for 襄城县"

start 80 24 --today 2016-08-04
wait_for "主菜单"
keys m
wait_for "请选择填报单位"
type_text "xiangc"; wait_for "筛选：xiangc"; keys Enter   # 襄城县 by its pinyin
wait_for "月报：新记录"
keys Space
wait_for "筛选："
assert_screen "2016-07"
refute_screen "2016-08"                      # a month not yet ended is not offered
keys Enter                                   # the first month: 2016-07
wait_for "已按 2016-07 的活动和资源记录预填 6 项数字，可以修改。"
assert_screen "  活动场次 * $sessions"
assert_screen "  参与人数 * $people"
assert_screen " >培训场次 * 0_"                # the focus (>) on the first count
# The focus is on 培训场次; 活动场次 is two fields down: correct it.
keys Tab Tab Tab C-a C-k                     # the first absorbed: the month's list moved on
type_text "$((sessions + 1))"; keys Tab Tab Tab Tab
type_text "七月在紫云镇开展科普讲座，另有一场村级培训未录入活动记录。"
keys F2
wait_for "已保存（第"
assert_sql "SELECT month || '|' || activity_sessions || '|' || activity_people || '|' || substr(created_at, 1, 10)
	FROM monthly m JOIN units u ON u.id = m.unit_id WHERE u.name = '襄城县'" \
	"2016-07|$((sessions + 1))|$people|2016-08-04"
assert_sql "SELECT notes FROM monthly m JOIN units u ON u.id = m.unit_id WHERE u.name = '襄城县'" \
	"七月在紫云镇开展科普讲座，另有一场村级培训未录入活动记录。"
# A second July report for the same unit is refused on choosing the month,
# before any count is typed, and says why; the field stays empty.
keys Space; wait_for "2016-07（已填报）"; keys Enter
wait_for "本单位已填报月份为「2016-07」的记录（第 "
screen | grep -E '>月份 +\* _+ *$' >/dev/null || fail "the month reported was kept in the field"
# The refused pick changed nothing: Esc leaves the empty form unasked.
keys Escape; wait_for "主菜单"
off_screen "确定放弃" || fail "the empty form asked before leaving"
assert_sql "SELECT count(*) FROM kp_drafts WHERE form = 'monthly'" "0"

# The checklist: 襄城县's July report is late (~), 魏都区's on time (+).
keys c
wait_for "工作进度检查表"
keys Tab
wait_for "各单位完成情况"
assert_screen " 襄城县            !      ~"
assert_screen " 魏都区            !      +"
keys Escape
wait_for "主菜单"

# The briefing opens on last month (July), 襄城县 marked late.
keys b
wait_for "工作简报：2016年7月（截止 2016年8月3日）"
assert_line " 襄城县" "~08-04"
assert_line " 魏都区" "+08-01"
assert_line " 鄢陵县" "!未报送"
assert_screen "已报 6/19"
assert_screen "未报送的单位：许昌县、鄢陵县、东城区管委会"
keys Right
wait_for "工作简报：2016年8月（截止 2016年9月3日）"
assert_screen "已报 0/19"
assert_line " 鄢陵县" "未到期"                       # August is not due before 3 September
refute_screen "!未报送"
keys Escape
wait_for "主菜单"

"$KEPU" report monthly --month 2016-07 --db "$DB" --today 2016-08-04 >"$WORK/brief"
grep -q "已报 6/19，逾期 1" "$WORK/brief" || fail "briefing totals: $(grep 合计 "$WORK/brief")"
missing=$(grep "^未报送的单位：" "$WORK/brief")
[ "$(tr -cd '、' <<<"$missing" | wc -m)" -eq 12 ] || fail "want 13 missing units: $missing"
case "$missing" in *襄城县*|*魏都区*) fail "reported units listed as missing: $missing" ;; esac
# As of the 3rd, 襄城县 had not reported yet.
"$KEPU" report monthly --month 2016-07 --db "$DB" --today 2016-08-03 | grep "已报 5/19，逾期 0" >/dev/null ||
	fail "the briefing on the 3rd counts a report saved on the 4th"
set +e
"$KEPU" report monthly --month 2016-06 --db "$DB" 2>"$WORK/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "status $rc for a month outside the programme"
grep -q "「2016-06」不是报告月份（可用 2016-07 到 2016-12）" "$WORK/err" || fail "$(cat "$WORK/err")"

# The briefing as a workbook: 人才培训 … merged over their columns, SUM
# formulas with cached totals, the missing units under the table.
"$KEPU" report monthly --month 2016-07 --db "$DB" --today 2016-08-04 --format xlsx --output "$WORK/brief.xlsx"
sheet=$(unzip -p "$WORK/brief.xlsx" xl/worksheets/sheet1.xml)
strings=$sheet # rows written in constant memory keep their text in the sheet
grep -q '<mergeCell ref="C3:D3"/>' <<<"$sheet" || fail "人才培训 not merged over C3:D3"
grep -q "<f>SUM(F5:F23)</f><v>$(sqlite3 "$DB" "SELECT sum(activity_people) FROM monthly WHERE month = '2016-07'")</v>" <<<"$sheet" ||
	fail "参与人数 total: $(grep -o '<f>[^<]*</f><v>[^<]*</v>' <<<"$sheet" | tr '\n' ' ')"
for s in 人才培训 活动开展 资源开发 工作简报 未报送的单位：许昌县; do
	grep -q "$s" <<<"$strings" || fail "the workbook lacks $s"
done
