# SPDX-License-Identifier: MulanPSL-2.0
# The near-repeat rule (near_hint) from the command line, as 魏都区: kepu
# save of 科普讲座（二） beside 科普讲座（一） on the same day at the same place
# written another way is said, naming the record, and not saved; --force
# saves it, marked for the city. kepu import refuses such a row naming the
# row, the fields and the record; --force saves it, marked. The controls:
# another date, another place, saved at once (an activity's name is not
# compared: two sessions the same day at the same place are said, and
# --force keeps the second). A marked record's later edit of another field
# is not said again. The testers' near repeats: a name in traditional
# characters or with ASCII Roman numerals, a resource filed again as
# another 类型 or with its authors parted by a space; the controls
# 科普讲座（医疗） at another place, another author. Another unit's near
# record is not said to the unit (the city sees it when it reviews).
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
export KEPU_TODAY=2016-08-10
save() { "$KEPU" save activity --db "$DB" --unit 魏都区 形式=科普报告 对象=校园 参与人数=30 "$@"; }
marks() { sqlite3 "$DB" "SELECT count(*) FROM kp_duplicates WHERE tbl = 'activity'"; }
before=$(marks)

exits 0 save 活动名称=科普讲座（一） 日期=2016-07-01 地点=许昌市魏都区文化中心
first=$(sqlite3 "$DB" "SELECT id FROM activity WHERE name = '科普讲座（一）'")
[ -n "$first" ] || fail "科普讲座（一） is not stored"

refused 1 save 活动名称=科普讲座（二） 日期=2016-07-01 地点=魏都区文化中心
has "可能与第 $first 号记录（魏都区，科普讲座（一））重复：日期、地点（不计开头的省、市、本单位名和末尾的括注）相同（不论活动名称）"
has "--force"
assert_sql "SELECT count(*) FROM activity WHERE name = '科普讲座（二）'" "0"
exits 0 save 活动名称=科普讲座（二） 日期=2016-07-02 地点=魏都区文化中心 # another day
exits 0 save 活动名称=科普讲座团 日期=2016-07-01 地点=人民广场 # another place
assert_sql "SELECT count(*) FROM kp_duplicates WHERE tbl = 'activity'" "$before"
exits 0 save --force 活动名称=科普讲座（二） 日期=2016-07-01 地点=魏都区文化中心
has "已标为可能重复" out
assert_sql "SELECT count(*) FROM kp_duplicates d JOIN activity t ON t.id = d.id WHERE d.tbl = 'activity'
	AND t.name = '科普讲座（二）' AND t.held_on = '2016-07-01' AND d.other = $first" "1"
# Marked: an edit of 参与人数 is saved without --force (t4h #8); the
# control, a new 活动名称 near the same record, is said again.
second=$(sqlite3 "$DB" "SELECT id FROM activity WHERE name = '科普讲座（二）' AND held_on = '2016-07-01'")
exits 0 "$KEPU" save activity --db "$DB" --unit 魏都区 --record "$second" 参与人数=60
refused 1 "$KEPU" save activity --db "$DB" --unit 魏都区 --record "$second" 活动名称=《科普讲座》之三
has "可能与第 $first 号记录（魏都区，科普讲座（一））重复"

printf '活动名称,日期,形式,对象,地点,参与人数\n科普讲座第3期,2016-07-01,科普报告,校园,河南省许昌市魏都区文化中心,30\n科普讲座第4期,2016-07-05,科普报告,校园,文化中心,30\n' >"$WORK/near.csv"
exits 0 "$KEPU" import activity "$WORK/near.csv" --db "$DB" --unit 魏都区
has "第2行: 可能与第 $second 号记录（科普讲座（二））重复：日期、地点"
has "1 条与本单位已有记录相近"
assert_sql "SELECT count(*) FROM activity WHERE name LIKE '科普讲座第%期'" "1"
printf '活动名称,日期,形式,对象,地点,参与人数\n科普讲座第3期,2016-07-01,科普报告,校园,河南省许昌市魏都区文化中心,30\n' >"$WORK/near1.csv"
exits 0 "$KEPU" import activity "$WORK/near1.csv" --db "$DB" --unit 魏都区 --force
has "1 行与本单位记录相近，按 --force 保存，已标记为可能重复"
assert_sql "SELECT count(*) FROM kp_duplicates d JOIN activity t ON t.id = d.id WHERE d.tbl = 'activity'
	AND t.name = '科普讲座第3期' AND d.other = $first" "1"

exits 0 save 活动名称=科普讲座（农业） 日期=2016-07-03 地点=文化中心
exits 0 save 活动名称=科普讲座（医疗） 日期=2016-07-03 地点=人民广场 # a control: another place
farm=$(sqlite3 "$DB" "SELECT id FROM activity WHERE name = '科普讲座（农业）'")
# another name, the same day and place: said, and --force keeps it (a second session)
refused 1 save 活动名称=节约能源报告会（下午） 日期=2016-07-03 地点=许昌市魏都区文化中心
has "可能与第 $farm 号记录（魏都区，科普讲座（农业））重复：日期、地点"
assert_sql "SELECT count(*) FROM activity WHERE name = '节约能源报告会（下午）'" "0"
refused 1 save 活动名称=科普講座（農業） 日期=2016-07-03 地点=許昌市魏都區文化中心
has "可能与第 $farm 号记录（魏都区，科普讲座（农业））重复"
refused 1 save "活动名称=科普讲座（农业） IV" 日期=2016-07-03 地点=文化中心
has "可能与第 $farm 号记录（魏都区，科普讲座（农业））重复"
assert_sql "SELECT count(*) FROM activity WHERE held_on = '2016-07-03' AND name LIKE '科普讲%'" "2"
# 长葛市's lecture at 魏都区's place: nothing said to 长葛市
exits 0 "$KEPU" save activity --db "$DB" --unit 长葛市 形式=科普报告 对象=校园 参与人数=30 活动名称=科普讲座（农业）之二 \
	日期=2016-07-03 地点=魏都区文化中心
for f in out err; do
	hasnt "魏都区" $f
	hasnt "重复" $f
done

res() { "$KEPU" save resource --db "$DB" --unit 魏都区 完成日期=2016-07-20 "$@"; }
exits 0 res 名称=玉米病虫害防治图解 类型=科普漫画 作者=王建国、李明
maize=$(sqlite3 "$DB" "SELECT id FROM resource WHERE name = '玉米病虫害防治图解'")
refused 1 res 名称=玉米病虫害防治图解 类型=科普挂图 作者=王建国、李明
has "可能与第 $maize 号记录（魏都区，玉米病虫害防治图解）重复：名称（不计编号）、作者（只计第一位，或全部而不计顺序）相同（不论类型）"
refused 1 res 名称=玉米病虫害防治图解（2016版） 类型=科普漫画 "作者=李明 王建国"
has "可能与第 $maize 号记录"
refused 1 res 名称=玉米病虫害防治图解 类型=科普漫画 作者=王建国主编 # the role after the name (t5h #8)
has "可能与第 $maize 号记录"
exits 0 res 名称=玉米病虫害防治图解 类型=科普漫画 作者=赵云 # a control: another author
exits 0 res --force 名称=玉米病虫害防治图解 类型=科普挂图 作者=王建国和李明
has "已标为可能重复" out
assert_sql "SELECT count(*) FROM kp_duplicates d JOIN resource t ON t.id = d.id WHERE d.tbl = 'resource'
	AND t.author = '王建国和李明' AND d.other = $maize" "1"

# An attacker of 长葛市 knowing 魏都区's expert's 姓名 and 工作单位 (public),
# or a phone, learns nothing of 魏都区's draft 罗德明 (t5h #16): saved, no
# word, the pair marked for the city; the control, 姓名 and 联系电话, is
# said (without 魏都区's name).
person() { "$KEPU" save talent --db "$DB" --unit 长葛市 gender=男 age=50 ethnicity=汉族 political=群众 education=本科 \
	industry=工业制造 specialty=科普 title=无 service_categories=农村科普 profile=长期从事 experience=多次参加 plan=计划 "$@"; }
luo=$(sqlite3 "$DB" "SELECT id FROM talent WHERE name = '罗德明' AND phone = '13077777868'")
[ -n "$luo" ] || fail "the demo's 罗德明 is not stored"
for who in "name=罗德明 employer=魏都区科技局 phone=13900000009" "name=张三丰 employer=禹州市科技局 phone=13077777868"; do
	# shellcheck disable=SC2086 # the pairs are words
	exits 0 person $who
	hasnt "重复" out
	assert_sql "SELECT count(*) FROM kp_duplicates WHERE tbl = 'talent' AND id = (SELECT max(id) FROM talent)
		AND other = $luo" "1"
done
refused 1 person name=罗德明 employer=禹州市科技局 phone=13077777868
has "可能与其他单位的记录重复"
hasnt "魏都区"
