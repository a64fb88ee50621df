# SPDX-License-Identifier: MulanPSL-2.0
# Which programme year a screen is in (#19): every screen's title line ends
# with 「2017 年度」 — the progress, 附表1, a list that is empty in 2017, a
# form — and a deadline of a year other than today's says its year. The
# year stays whole: with a long title and a long unit, the others give
# way, marked (ui/title_line.h), 「演示账号」 among the first. As the city, F7 in a record
# list opens the unit chooser, then the new record's form for the unit
# chosen.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-07-01
"$KEPU" year open 2017 --from 2016 --db "$DB" >/dev/null
# title_has TEXT…: the title line (the first) holds each TEXT.
title_has() {
	local t
	t=$(screen | sed -n 1p)
	for want in "$@"; do
		grep -qF -- "$want" <<<"$t" || fail "title line lacks $want: $t"
	done
}
# title_ends TEXT: the title line ends with TEXT (and one space).
title_ends() {
	local t
	t=$(screen | sed -n 1p)
	[[ "$t" == *"$1" || "$t" == *"$1 " ]] || fail "title line does not end with $1: $t"
}
E2E_USER=shikexie start 80 24 --today 2016-08-02
title_ends "2016 年度"                            # 2017 has not begun: 2016
keys y
wait_for "已切换到 2017 年度"
title_ends "2017 年度"
# Today is in 2016: 2017's deadlines name their year.
assert_line "2017年6月30日" "五.1 细化分解任务，明确各单位职责"
assert_line "2017年6月30日" "还有 332 天"
keys p
wait_for "任务完成进度与排名（六、绩效考核）"
title_has "任务完成进度与排名（六、绩效考核）"; title_ends "2017 年度"
keys Escape; wait_for "主菜单"
keys 1
wait_for "附表1 任务指标分配表"
title_has "附表1 任务指标分配表" "19 个单位"; title_ends "2017 年度"
keys Escape; wait_for "主菜单"
# 2017 has no activities yet: 「共 0 条」 beside 「2017 年度」, not lost data.
menu_open "科普活动记录  记录列表"
wait_for "科普活动记录：记录列表"
title_has "科普活动记录：记录列表" "共 0 条"; title_ends "2017 年度"
# F7 as the city: the unit chooser, then the form for the unit chosen.
keys F7
wait_for "请选择填报单位"
type_text "长葛"; wait_for "筛选：长葛"; keys Enter
wait_for "科普活动记录：新记录"
title_has "科普活动记录：新记录（草稿）" "填报单位：长葛市"; title_ends "2017 年度"
keys Escape                                       # nothing typed: back to the list
wait_for "科普活动记录：记录列表"
# Esc in the chooser leaves the list as it was.
keys F7; wait_for "请选择填报单位"
keys Escape; wait_gone "请选择填报单位"
title_has "科普活动记录：记录列表" "共 0 条"
keys Escape; wait_for "主菜单"
close_terminals

# A long title and a long unit: 城乡一体化示范区's activity with its
# attachments counted. The year stays whole; the label 填报单位, the flag
# and the attachments' count give way, a cut marked with 「>」; the form's
# name, the record's number, the way back and the unit's name stay whole.
printf '填报单位,活动名称,日期,形式,对象,地点,参与人数,主讲/负责人,简介\n城乡一体化示范区,科普讲座,2017-03-01,科普讲座,社区,示范区文化中心,80,,\n' >"$WORK/a.csv"
"$KEPU" import activity "$WORK/a.csv" --db "$DB" --year 2017 --today 2017-03-02 >/dev/null
id=$(sqlite3 "$DB" "SELECT id FROM activity WHERE name = '科普讲座' AND kp_year = 2017")
E2E_USER=shikexie start 80 24 --today 2017-03-02
title_ends "2017 年度"
menu_open "科普活动记录  记录列表"
wait_for "科普活动记录：记录列表"
type_text "#$id"; keys Enter
wait_for "：修改第 $id 号记录（草稿"
title_has "科普活动记录：修改第 $id 号记录（草稿>  ← 列表" "  城乡一体化示范区  2017 年度"
keys Escape; wait_for "科普活动记录：记录列表"
resize 120 40                                   # with room, every word whole
keys Enter; wait_for "科普活动记录：修改第 $id 号记录（草稿，附件 0 个）"
title_has "科普活动记录：修改第 $id 号记录（草稿，附件 0 个）  ← 列表" "填报单位：城乡一体化示范区  演示账号  2017 年度"
close_terminals
