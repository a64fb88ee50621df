# Nominations and commendations (#19): city decisions recorded as data —
# forms with written_by: city in screens/. The city records a talent
# recommended to the province through the screen, lists it, the audit trail
# has it and `kepu export --format xlsx` writes the 推荐名单; a unit account
# is refused the form on screen, in the store and by import, and sees no
# other unit's rows.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-12-20
E2E_USER=shikexie start 80 24 --today 2016-12-20
menu_open "推荐省级科普专家名单  填写新记录"
wait_for "请选择填报单位"
type_text "长葛市"; keys Enter
wait_for "推荐省级科普专家名单：新记录"
type_text "雷盼盼"; keys Tab
type_text "长葛市科技局"; keys Tab
type_text "食品安全"; keys Tab
type_text "首席科普专家"; keys Enter
type_text "2016"; keys Tab
type_text "2016-12-20"; keys Tab
type_text "年度考核优秀，主讲食品安全讲座十二场。"
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT u.name || '|' || n.name || '|' || honour || '|' || year || '|' || decided_on || '|' || reason
	FROM nominate_expert n JOIN units u ON u.id = n.unit_id" \
	'长葛市|雷盼盼|河南省首席科普专家|2016|2016-12-20|年度考核优秀，主讲食品安全讲座十二场。'
assert_sql "SELECT user || '|' || action FROM kp_audit WHERE form = 'nominate_expert'" 'shikexie|insert'
keys Escape; wait_for "主菜单"
menu_open "推荐省级科普专家名单  记录列表"
wait_for "记录列表"
assert_line "雷盼盼" "食品安全"
keys Escape; wait_for "主菜单"
close_terminals
# The 推荐名单 in the official list layout.
"$KEPU" export nominate_expert --format xlsx --output "$WORK/n.xlsx" --db "$DB"
unzip -p "$WORK/n.xlsx" xl/worksheets/sheet1.xml >"$WORK/strings"
for s in 推荐河南省首席科普传播专家团队、首席科普专家和科普领军人才名单 推荐单位：许昌市科学技术协会（盖章） 所在单位 雷盼盼 河南省首席科普专家 推荐理由; do
	grep -q "$s" "$WORK/strings" || fail "推荐名单 lacks $s"
done
# Commendations, projects and works are the same kind of city form.
printf '所属单位,表彰对象,名称或姓名,表彰称号,考核年度,表彰日期,表彰理由\n许昌学院,先进单位,许昌学院,科普工作先进单位,2016,2016-12-25,超额完成指标。\n' >"$WORK/c.csv"
"$KEPU" import commendation "$WORK/c.csv" --db "$DB" >/dev/null
assert_sql "SELECT count(*) FROM commendation" 1
# A unit: refused by import on its behalf …
printf '所在单位,姓名,工作单位,推荐为,考核年度,推荐日期,推荐理由\n魏都区,罗德明,魏都区科技局,河南省科普领军人才,2016,2016-12-20,自荐\n' >"$WORK/self.csv"
"$KEPU" import nominate_expert "$WORK/self.csv" --unit 魏都区 --db "$DB" 2>"$WORK/err" && fail "a unit nominated"
grep -q "「推荐省级科普专家名单」由市科协填写，单位不能修改" "$WORK/err" || fail "$(cat "$WORK/err")"
assert_sql "SELECT count(*) FROM nominate_expert" 1
# … and on screen: 魏都区 sees none of 长葛市's nominations, and cannot save one.
E2E_USER=weidu start 80 24 --today 2016-12-20
menu_open "推荐省级科普专家名单  记录列表"
wait_for "记录列表"
refute_screen "雷盼盼"
keys Escape; wait_for "主菜单"
refute_screen "推荐省级科普专家名单  填写新记录"       # not offered to a unit …
menu_open "推荐省级科普专家名单  记录列表"
wait_for "记录列表"
keys F7                                           # … and refused by the store if forced
wait_for "推荐省级科普专家名单：新记录"
type_text "罗德明"; keys Tab
type_text "魏都区科技局"; keys Tab Tab
type_text "领军"; keys Enter
type_text "2016"; keys Tab
type_text "2016-12-20"; keys Tab
type_text "自荐"
keys F2
wait_for "由市科协填写"
assert_sql "SELECT count(*) FROM nominate_expert" 1
