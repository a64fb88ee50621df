# SPDX-License-Identifier: MulanPSL-2.0
# A programme year the city closes (the referee ends last year so nobody
# pads its ranking): at 80x24 the city opens 2017 with o, then x on 2016
# asks by name what closing means and closes it; every title then says
# 「2016 年度（已结束）」. A unit's clerk switched to 2016 reads its records
# but changes nothing: its form opens read-only, its list offers no new,
# delete or review key, the CLI's import on its behalf is refused naming
# the year, and nothing is written. The city reopens 2016 for 魏都区 only
# (x, the unit picker, a reason): 魏都区 writes there, 长葛市 still cannot;
# x's 再结束 closes it again; then x reopens it for every unit and the
# clerk can type again (the control).
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2017-01-10
demo_drafts
title() { screen | sed -n '1s/ *$//p'; } # the title line, as it ends

use city
E2E_USER=shikexie start 80 24 --today 2017-01-10
wait_for "主菜单"
keys o
wait_for "开启 2017 年度（从 2016 年度复制附表1任务数和工作进度安排）？(y/n)"
keys y
wait_for "已开启 2017 年度"
assert_screen "2016 年度"
# F1 lists the city's x (the key line is full)
keys F1
wait_for "按键帮助（按任意键返回）"
assert_screen "结束或重新开放本年度"
keys Escape
wait_gone "按键帮助（按任意键返回）"
keys x
wait_for "结束 2016 年度？结束后各单位不能再新增、修改、提交或导入该年度的记录"
assert_screen "(y/n)"                              # the question's end, on its second line
keys n
wait_gone "结束 2016 年度？"
assert_sql "SELECT count(*) FROM kp_years WHERE closed_at IS NOT NULL" "0"
keys x
wait_for "结束 2016 年度？"
keys y
wait_for "已结束 2016 年度"
wait_for "2016 年度（已结束）"
[[ "$(title)" == *"2016 年度（已结束）" ]] || fail "title: $(title)"
assert_sql "SELECT year || '|' || closed_by FROM kp_years WHERE closed_at IS NOT NULL" "2016|shikexie"
"$KEPU" year list --db "$DB" --today 2017-01-10 >"$WORK/years"
has "已结束（" years
has "进行中" years
audit_before=$(sqlite3 "$DB" "SELECT count(*) FROM kp_audit WHERE action NOT LIKE 'login%'")
states_before=$(sqlite3 "$DB" "SELECT group_concat(kp_state || version) FROM activity")

# The unit: 2017 is the default year (begun); y goes to 2016, closed.
use unit
E2E_USER=weidu start 80 24 --today 2017-01-10
wait_for "主菜单"
[[ "$(title)" == *"2017 年度" ]] || fail "unit title: $(title)"
keys y
wait_for "已切换到 2016 年度"
wait_for "2016 年度（已结束）"
refute_screen "填写新记录"                          # nothing to fill in there: 查看 opens the list
menu_open "科普活动记录  查看（2016 年度已结束，不能再填写）"
wait_for "科普活动记录：记录列表"
keys Enter                                         # a record opens read-only
wait_for "科普活动记录：查看第"
refute_screen "F2/^S 保存"                          # nothing to save here
type_text "补"
wait_for "2016 年度已由市科协结束，只能查看，不能修改"
keys F2
settled
keys Escape
wait_for "科普活动记录：记录列表"
assert_screen "2016 年度（已结束）"
refute_screen "F9/^W 审核"                         # nor new, delete, another year
refute_screen "F7/^N 新建"
assert_screen "Enter 打开"
keys F9                                            # pressed anyway: the store refuses
wait_for "提交审核"
keys Enter
wait_for "2016 年度已由市科协结束（2017-01-10）：各单位不能再新增、修改、删除、"
keys Escape
wait_for "主菜单"
# The CLI's import on the unit's behalf: refused, naming the year.
"$KEPU" export activity --db "$DB" --year 2016 --unit 魏都区 >"$WORK/act16.csv"
sed -i 's/,草稿$/,/' "$WORK/act16.csv"
refused 1 "$KEPU" import activity "$WORK/act16.csv" --db "$DB" --year 2016 --unit 魏都区 --today 2017-01-10
has "2016 年度已由市科协结束（2017-01-10）"
assert_sql "SELECT count(*) FROM kp_audit WHERE action NOT LIKE 'login%'" "$audit_before"  # the clerk's sign-in aside
assert_sql "SELECT group_concat(kp_state || version) FROM activity" "$states_before"

# The city reopens 2016 for 魏都区 only (x, 只对一个单位, the unit picker,
# the reason typed): 魏都区 may write there again, 长葛市 may not.
use city
keys x
wait_for "2016 年度已结束：重新开放给谁？"
assert_screen "只对一个单位（选择单位，写明原因）"
keys Down Enter
wait_for "请选择填报单位"
type_text "魏都"
keys Enter
wait_for "对 2016 年度重新开放给「魏都区」的原因"
keys Enter                                         # no reason: refused, still asked
wait_for "须写明原因"
assert_sql "SELECT count(*) FROM kp_year_units" "0"
type_text "补报七月漏报的讲座"
keys Enter
wait_for "已重新开放 2016 年度，只对「魏都区」"
wait_for "2016 年度已结束，仍对以下单位开放：魏都区"
assert_screen "2016 年度（已结束）"                  # to the city (and every other unit) it still is
assert_sql "SELECT group_concat(unit_id || '|' || reason || '|' || opened_by) FROM kp_year_units WHERE year = 2016" \
	"$(sqlite3 "$DB" "SELECT id FROM units WHERE name = '魏都区'")|补报七月漏报的讲座|shikexie"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'year_reopen_unit' AND user = 'shikexie'" "1"
exits 0 "$KEPU" year list --db "$DB" --today 2017-01-10
has "仍对以下单位开放：魏都区" out
# late UNIT NAME: a one-row import of UNIT's into 2016, as its clerk
late() {
	printf '填报单位,活动名称,日期,形式,对象,地点,参与人数\n%s,%s,2016-07-20,科普讲座,社区,文化馆,60\n' "$1" "$2" >"$WORK/late.csv"
	echo import activity "$WORK/late.csv" --db "$DB" --year 2016 --today 2017-01-10 --unit "$1"
}
# shellcheck disable=SC2046
refused 1 "$KEPU" $(late 长葛市 长葛市补报)
has "2016 年度已由市科协结束"
# The administrator (no --unit: the referee's tool) still writes there, but
# never without a word: said on the command's output and in the audit row.
late 长葛市 管理员补录 >/dev/null
exits 0 "$KEPU" import activity "$WORK/late.csv" --db "$DB" --year 2016 --today 2017-01-10
has "注意：2016 年度已由市科协结束；以管理员身份写入，已记入审计。"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'import' AND changes LIKE '%2016 年度已由市科协结束；以管理员身份写入%'" "1"
# shellcheck disable=SC2046
exits 0 "$KEPU" $(late 魏都区 魏都区补报)
hasnt "注意："                                     # the control: 魏都区's own, reopened to it
assert_sql "SELECT count(*) FROM activity WHERE name = '魏都区补报' AND kp_year = 2016" "1"
# and 魏都区 cannot let itself (or another unit) in by the CLI
refused 1 "$KEPU" year reopen 2016 --for-unit 长葛市 --reason 帮忙 --unit 魏都区 --db "$DB" --today 2017-01-10
has "只有市科协的账号可以这样做"
refused 1 "$KEPU" year close 2016 --for-unit 魏都区 --unit 魏都区 --db "$DB" --today 2017-01-10
has "只有市科协的账号可以这样做"
refused 2 "$KEPU" year reopen 2016 --reason 没有单位 --db "$DB"     # a reason for no unit: said, nothing done
has "--reason 只用于 kepu year reopen 年度 --for-unit 单位"
refused 1 "$KEPU" year reopen 2016 --for-unit 不存在 --reason 补录 --db "$DB"
has "没有名为「不存在」的单位"
assert_sql "SELECT count(*) FROM kp_year_units" "1"
use unit
keys Down Up                                       # the menu drawn again: 魏都区 may fill in 2016
wait_for "科普活动记录  填写新记录"
refute_screen "2016 年度（已结束）"
refute_screen "x 结束"                              # x is the city's: not on the unit's key line…
keys x                                             # …and pressed anyway, refused
wait_for "只有市科协的账号可以这样做"
refute_screen "重新开放给谁"
assert_sql "SELECT count(*) FROM kp_year_units" "1"

# x again: 再结束 closes it to 魏都区 as well.
use city
keys x
wait_for "再结束：收回对 魏都区 的开放"
keys End Enter
wait_for "收回了对以下单位的开放：魏都区"
assert_sql "SELECT count(*) FROM kp_year_units" "0"
# shellcheck disable=SC2046
refused 1 "$KEPU" $(late 魏都区 魏都区再补报)
has "2016 年度已由市科协结束"

# The city reopens 2016 for every unit: the unit types again.
keys x
wait_for "2016 年度已结束：重新开放给谁？"
keys Enter
wait_for "重新开放 2016 年度？"
keys y
wait_for "已重新开放 2016 年度"
wait_gone "已结束）"
assert_sql "SELECT count(*) FROM kp_years WHERE closed_at IS NOT NULL" "0"
use unit
menu_open "科普活动记录  填写新记录"
wait_for "科普活动记录：新记录"
[[ "$(title)" == *"2016 年度" ]] || fail "reopened title: $(title)"
assert_screen "F2/^S 保存"
type_text "补报的讲座"
wait_for "补报的讲座"
refute_screen "只能查看"
close_terminals
"$KEPU" check --db "$DB" >"$WORK/check" || fail "kepu check: $(cat "$WORK/check")"

# Closed at 12月底 (t4h #4): the 12月月报 (due 2017-01-03) is still running,
# so the CLI refuses, naming it, until the city insists with --force.
refused 1 "$KEPU" year close 2016 --db "$DB" --today 2016-12-31
has "12月月报：培训、活动、资源情况」2017年1月3日截止，还有"
has "或加 --force 仍然结束"
assert_sql "SELECT count(*) FROM kp_years WHERE closed_at IS NOT NULL" "0"
exits 0 "$KEPU" year close 2016 --db "$DB" --today 2016-12-31 --force
has "已结束 2016 年度" out
# A week later the closed year's checklist is still the closing day's:
# 魏都区's 12月报 stays '.' (not done when the year ended), never '!'.
exits 0 "$KEPU" checklist --db "$DB" --year 2016 --today 2017-01-10
has "2016 年度已于 2016年12月31日 由市科协结束" out
has "年度结束时未完成" out
[ "$(awk '/^魏都区/ {print $NF}' "$WORK/out")" = "." ] || fail "12月报: $(grep '^魏都区' "$WORK/out")"
exits 0 "$KEPU" year reopen 2016 --db "$DB" --today 2017-01-10     # the control: the calendar counts again
exits 0 "$KEPU" checklist --db "$DB" --year 2016 --today 2017-01-10
[ "$(awk '/^魏都区/ {print $NF}' "$WORK/out")" = "!" ] || fail "reopened 12月报: $(grep '^魏都区' "$WORK/out")"
# The same in the terminal at 80x24: x names the item, a first y asks again, n keeps the year open.
use city2
E2E_USER=shikexie start 80 24 --today 2016-12-31
wait_for "主菜单"
keys x
wait_for "2017年1月3日截止，还有"
assert_screen "(y/n)"                              # the question's end is on the screen
keys y
wait_for "确定现在就结束 2016 年度，不等上面的截止日期吗？"
keys n
wait_gone "确定现在就结束"
assert_sql "SELECT count(*) FROM kp_years WHERE closed_at IS NOT NULL" "0"
close_terminals
