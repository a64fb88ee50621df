# SPDX-License-Identifier: MulanPSL-2.0
# The briefing, progress and checklist at 80x24 keep their lines whole: the
# briefing's title with its deadline, every unit not reported (wrapped), a
# mark for the units below the table that Down scrolls to; a month not yet
# due says 未到期, not the overdue mark; progress's detail wraps to two lines.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
demo_drafts   # the progress screen from nothing: 魏都区 first
start 80 24 --today 2016-08-10
wait_for "主菜单"
keys b; wait_for "工作简报：2016年7月（截止 2016年8月3日）"
assert_screen "气象学会、心理咨询师协会、中小企业家协会"
assert_screen "↓ 还有 5 项"
# The mark is above 合计 (合计 covers every unit), as on the ranking.
screen | grep -A1 -F "↓ 还有 5 项" | tail -1 | grep -qF "合计" || fail "合计 is not under the mark: $(screen)"
refute_screen "质量学会    "                            # below the window at first
keys Down Down Down Down Down; wait_for "↑ 上面还有 5 项"
assert_line "质量学会" "!未报送"
keys Right; wait_for "工作简报：2016年8月"
# The key line says what Tab does here (the month), as the legend does.
assert_screen "Tab 下个月"
keys Tab; wait_for "工作简报：2016年9月"
assert_line "中小企业家协会" "未到期"
refute_screen "!未报送"
keys Escape; wait_for "主菜单"
keys p; wait_for "魏都区：科普人才已认定"
assert_screen "Tab 换视图"
assert_screen "0、待审核 0，重点入库项目已认定 0、待审核 0"
keys Escape; wait_for "主菜单"
quit_kepu
