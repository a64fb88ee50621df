# SPDX-License-Identifier: MulanPSL-2.0
# The near-repeat rule (near_hint) from the command line, as 魏都区: kepu
# save of 科普讲座（二） beside 科普讲座（一） on the same day at the same place
# written another way is said, naming the record, and not saved; --force
# saves it, marked for the city. kepu import refuses such a row naming the
# row, the fields and the record; --force saves it, marked. The controls:
# another date, another name, saved at once. A marked record's later edit
# of another field is not said again.
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
has "可能与第 $first 号记录（魏都区，科普讲座（一））重复：活动名称（不计编号）、日期、地点"
has "--force"
assert_sql "SELECT count(*) FROM activity WHERE name = '科普讲座（二）'" "0"
exits 0 save 活动名称=科普讲座（二） 日期=2016-07-02 地点=魏都区文化中心 # another day
exits 0 save 活动名称=科普讲座团 日期=2016-07-01 地点=文化中心 # another name
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
has "第2行: 可能与第 $first 号记录（科普讲座（一））重复：活动名称（不计编号）、日期、地点"
has "1 条与本单位已有记录相近"
assert_sql "SELECT count(*) FROM activity WHERE name LIKE '科普讲座第%期'" "1"
printf '活动名称,日期,形式,对象,地点,参与人数\n科普讲座第3期,2016-07-01,科普报告,校园,河南省许昌市魏都区文化中心,30\n' >"$WORK/near1.csv"
exits 0 "$KEPU" import activity "$WORK/near1.csv" --db "$DB" --unit 魏都区 --force
has "1 行与本单位记录相近，按 --force 保存，已标记为可能重复"
assert_sql "SELECT count(*) FROM kp_duplicates d JOIN activity t ON t.id = d.id WHERE d.tbl = 'activity'
	AND t.name = '科普讲座第3期' AND d.other = $first" "1"
