# SPDX-License-Identifier: MulanPSL-2.0
# A unit's clerk types an activity heads-down at 80x24 (#23): 活动名称,
# last year's date, 形式 by pinyin and Enter, the Tab the fingers add out
# of habit, 对象, 地点, 参与人数, F2. The date out of the year is refused
# as 日期 is left, naming the years that are open; the focus stays on 日期
# with the date selected, so the date typed next replaces it (not after
# the old date); saved, the row holds what was meant.
. "$(dirname "$0")/lib.sh"
new_db --demo
E2E_USER=weidu start 80 24 --today 2016-08-10
menu_open "科普活动记录  填写新记录"
wait_for "科普活动记录：新记录"
type_text "电力安全用电常识讲座"; keys Tab
type_text "2015-11-20"; keys Tab
wait_for "日期：2015-11-20 不在 2016 年度，也没有开启 2015 年度"   # as it is left, not pages on at F2
wait_for ">日期"
type_text "2016.8.5"; keys Tab
type_text "kpbg"; wait_for "科普报告"; keys Enter
keys Tab                          # habitual: the list moved on already, absorbed
keys Space Tab                    # 对象: 校园
type_text "魏都区社区"; keys Tab
type_text "50"
assert_sql "SELECT count(*) FROM activity WHERE name = '电力安全用电常识讲座'" "0"
keys F2
wait_for "已保存（第"
assert_sql "SELECT name || '|' || held_on || '|' || form || '|' || targets || '|' || place || '|' || participants || '|' || ifnull(speaker, '') || '|' || kp_state FROM activity WHERE name = '电力安全用电常识讲座'" \
	'电力安全用电常识讲座|2016-08-05|科普报告|["校园"]|魏都区社区|50||draft'
# The list: 活动名称 takes the width the row leaves, not cut at 12 cells.
keys F3; wait_for "科普活动记录：记录列表"
assert_screen "电力安全用电常识讲座"
