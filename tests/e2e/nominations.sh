# SPDX-License-Identifier: MulanPSL-2.0
# Nominations and commendations (#19): city decisions recorded as data —
# forms with written_by: city in screens/. The city records a talent
# recommended to the province through the screen, lists it, the audit trail
# has it and `kepu export --format xlsx` writes the 推荐名单; a unit account
# is refused the form on screen, in the store and by import, and sees no
# other unit's rows.
#
# The nominated talent is a record of 附表2 (#19): picked from 长葛市's
# approved talents by typing Chinese, stored as its number, shown as
# 姓名（工作单位） in the list and the 推荐名单; a draft talent is not offered,
# an import's ambiguous name is refused naming its row, and a nominated
# talent cannot be deleted.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-12-20
demo_drafts
# 长葛市's 雷盼盼 (approved) and a second, approved 雷盼盼 of another employer;
# 雷雪梅 stays a draft.
lei=$(sqlite3 "$DB" "SELECT id FROM talent WHERE name = '雷盼盼'")
sqlite3 "$DB" "UPDATE talent SET kp_state = 'approved' WHERE id = $lei"
E2E_USER=shikexie start 80 24 --today 2016-12-20
menu_open "推荐省级科普专家名单  填写新记录"
wait_for "请选择填报单位"
type_text "长葛市"; keys Enter
wait_for "推荐省级科普专家名单：新记录"
type_text "雷"                                    # the picker: 长葛市's approved talents
wait_for "雷盼盼（长葛市科技局）"
refute_screen "雷雪梅"                             # a draft is not offered
keys Enter
wait_for ">科普专长"
type_text "食品安全"; keys Tab
type_text "首席科普专家"; keys Enter
settled                                           # the list closed: the form is drawn again
assert_line "考核年度" "2016"                     # the programme year, already there
keys Tab Tab                                      # the first absorbed: the list moved on
type_text "2016-12-20"; keys Tab
type_text "年度考核优秀，主讲食品安全讲座十二场。"
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT u.name || '|' || n.talent || '|' || honour || '|' || year || '|' || decided_on || '|' || reason
	FROM nominate_expert n JOIN units u ON u.id = n.unit_id" \
	"长葛市|$lei|河南省首席科普专家|2016|2016-12-20|年度考核优秀，主讲食品安全讲座十二场。"
assert_sql "SELECT user || '|' || action FROM kp_audit WHERE form = 'nominate_expert'" 'shikexie|insert'
# The next record starts with the year too. The same talent, honour and year
# again: warned on the first F2, saved on the second and marked.
wait_for ">姓名"
assert_line "考核年度" "2016"
type_text "雷"; wait_for "雷盼盼（长葛市科技局）"; keys Enter
wait_for ">科普专长"
keys Tab Tab                                      # the first absorbed: the list moved on
type_text "首席科普专家"; keys Enter
keys Tab Tab                                      # the first absorbed; 考核年度 2016, kept
type_text "2016-12-20"; keys Tab
type_text "再次推荐。"
keys F2
wait_for "再按 F2 仍要保存：可能与第 1 号记录（长葛市，"   # what to do first: never cut
assert_screen "考核年度相同），请核实。"
assert_sql "SELECT count(*) FROM nominate_expert" 1
keys F2
wait_for "已保存（第 2 号记录），已标记为可能重复，由市科协核实。"
assert_sql "SELECT id || '|' || other FROM kp_duplicates WHERE tbl = 'nominate_expert'" "2|1"
# A 考核年度 after the year worked in (2016) is refused, naming the field.
type_text "雷"; wait_for "雷盼盼（长葛市科技局）"; keys Enter
wait_for ">科普专长"
keys Tab Tab                                      # the first absorbed: the list moved on
type_text "领军"; keys Enter
type_text "2017"; keys Tab                        # refused on leaving the field
wait_for "考核年度：2017 年在本年度（2016 年度）之后：只能填 2016 或以前的年度"
wait_for ">考核年度"                               # the cursor stays, the value selected
assert_sql "SELECT count(*) FROM nominate_expert" 2
keys Escape
wait_for "确定放弃并离开吗"; keys y
wait_for "主菜单"
menu_open "推荐省级科普专家名单  记录列表"
wait_for "记录列表"
assert_line "雷盼盼（长葛市科技局）" "食品安全"
keys Escape; wait_for "主菜单"
close_terminals
# The 推荐名单 in the official list layout.
"$KEPU" export nominate_expert --format xlsx --output "$WORK/n.xlsx" --db "$DB"
unzip -p "$WORK/n.xlsx" xl/worksheets/sheet1.xml >"$WORK/strings"
for s in 推荐河南省首席科普传播专家团队、首席科普专家和科普领军人才名单 推荐单位：许昌市科学技术协会（盖章） 所在单位 雷盼盼（长葛市科技局） 河南省首席科普专家 推荐理由; do
	grep -q "$s" "$WORK/strings" || fail "推荐名单 lacks $s"
done
"$KEPU" export nominate_expert --db "$DB" | grep "^长葛市,雷盼盼（长葛市科技局）,食品安全," >/dev/null || fail "csv lacks the name"
# The import takes a name (or 姓名（工作单位）, or the number) and refuses
# one that names two approved talents, naming the row.
sqlite3 "$DB" "INSERT INTO talent (unit_id, version, created_at, updated_at, name, employer, kp_state)
	SELECT unit_id, 1, created_at, updated_at, '雷盼盼', '长葛市人民医院', 'approved' FROM talent WHERE id = $lei"
printf '所在单位,姓名,推荐为,考核年度,推荐日期,推荐理由\n长葛市,雷盼盼,河南省科普领军人才,2016,2016-12-21,再荐\n' >"$WORK/two.csv"
"$KEPU" import nominate_expert "$WORK/two.csv" --db "$DB" 2>"$WORK/err" && fail "an ambiguous name was taken"
grep -q "第2行: 姓名：.*长葛市的已认定记录中有不止一条「雷盼盼」" "$WORK/err" || fail "$(cat "$WORK/err")"
printf '所在单位,姓名,推荐为,考核年度,推荐日期,推荐理由\n长葛市,雷盼盼（长葛市人民医院）,河南省科普领军人才,2016,2016-12-21,再荐\n' >"$WORK/one.csv"
"$KEPU" import nominate_expert "$WORK/one.csv" --db "$DB" >/dev/null || fail "name（unit） refused"
assert_sql "SELECT count(*) FROM nominate_expert WHERE talent = (SELECT max(id) FROM talent)" 1
printf '所在单位,姓名,推荐为,考核年度,推荐日期,推荐理由\n长葛市,雷雪梅,河南省科普领军人才,2016,2016-12-21,草稿\n' >"$WORK/draft.csv"
"$KEPU" import nominate_expert "$WORK/draft.csv" --db "$DB" 2>"$WORK/err" && fail "a draft talent was nominated"
grep -q "第2行: 姓名：.*找不到「雷雪梅」" "$WORK/err" || fail "$(cat "$WORK/err")"
# Commendations, projects and works are the same kind of city form.
printf '所属单位,表彰对象,名称或姓名,表彰称号,考核年度,表彰日期,表彰理由\n许昌学院,先进单位,许昌学院,科普工作先进单位,2016,2016-12-25,超额完成指标。\n' >"$WORK/c.csv"
"$KEPU" import commendation "$WORK/c.csv" --db "$DB" >/dev/null
assert_sql "SELECT count(*) FROM commendation" 1
# A 考核年度 after the year filed in is refused by the import as on screen.
printf '所属单位,表彰对象,名称或姓名,表彰称号,考核年度,表彰日期,表彰理由\n许昌学院,先进个人,张明,优秀科普人才,2017,2016-12-25,预先表彰。\n' >"$WORK/c17.csv"
"$KEPU" import commendation "$WORK/c17.csv" --db "$DB" 2>"$WORK/err" && fail "a 2017 commendation filed in 2016"
grep -q "第2行 E列 考核年度: 2017 年在本年度（2016 年度）之后" "$WORK/err" || fail "$(cat "$WORK/err")"
assert_sql "SELECT count(*) FROM commendation" 1
# A unit: refused by import on its behalf …
printf '所在单位,姓名,推荐为,考核年度,推荐日期,推荐理由\n魏都区,罗德明,河南省科普领军人才,2016,2016-12-20,自荐\n' >"$WORK/self.csv"
"$KEPU" import nominate_expert "$WORK/self.csv" --unit 魏都区 --db "$DB" 2>"$WORK/err" && fail "a unit nominated"
grep -q "「推荐省级科普专家名单」由市科协填写，单位不能修改" "$WORK/err" || fail "$(cat "$WORK/err")"
assert_sql "SELECT count(*) FROM nominate_expert" 3
# … and on screen: 魏都区 sees none of 长葛市's nominations, and cannot save one.
E2E_USER=weidu start 80 24 --today 2016-12-20
menu_open "推荐省级科普专家名单  查看"
wait_for "记录列表"
refute_screen "雷盼盼"
keys Escape; wait_for "主菜单"
refute_screen "推荐省级科普专家名单  填写新记录"       # not offered to a unit …
menu_open "推荐省级科普专家名单  查看"
wait_for "记录列表"
keys F7                                           # … and refused if forced: it has no
wait_for "推荐省级科普专家名单：新记录"                    # approved talent to name
type_text "罗"
wait_for "没有已认定的记录可选"
keys F2
wait_for "「推荐省级科普专家名单」由市科协填写，单位不能修改"  # the right first, not 必须填写
refute_screen "必须填写"
assert_sql "SELECT count(*) FROM nominate_expert" 3
close_terminals
# A talent returned after its nomination: the list and export say so.
sqlite3 "$DB" "UPDATE talent SET kp_state = 'returned' WHERE id = $lei"
"$KEPU" export nominate_expert --db "$DB" | grep "^长葛市,雷盼盼（长葛市科技局）〔现为退回〕," >/dev/null || fail "a returned talent not said"

