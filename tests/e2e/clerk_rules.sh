# SPDX-License-Identifier: MulanPSL-2.0
# What a unit's clerk who wants better figures tries, from the command line,
# and what the store answers on every path: a saved 月报's 月份 is not
# changed by the unit (a July report written on time would count as
# August's, on time); a once-per-unit form is changed as its record, never
# replaced by a "new" one. Nothing refused leaves a trace; each refusal has
# its positive control.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
K() { KEPU_TODAY=2016-09-20 "$KEPU" --db "$DB" "$@"; }

# 1. 魏都区's 月报 第1号 is July's; August's is not filed (the checklist's !).
# On 09-20 the city has long summed July up for the province (08-05): the
# unit changes nothing of it, its month least of all.
assert_sql "SELECT month, version FROM monthly WHERE id = 1" "2016-07|1"
refused 1 K save monthly 月份=2016-08 --record 1 --unit 魏都区
has "月报（2016-07）已由市科协于 2016年8月5日 汇总报送省科协：单位不能再修改或删除；如需更正，请联系市科协"
refused 1 K save monthly 培训场次=1 --record 1 --unit 魏都区
has "已由市科协于 2016年8月5日 汇总报送省科协"
assert_sql "SELECT month, version FROM monthly WHERE id = 1" "2016-07|1"
exits 0 K report monthly --month 2016-08
has "魏都区" out
[ "$(grep '^魏都区' "$WORK/out" | grep -c 未报送)" = 1 ] || fail "August shows filed: $(grep '^魏都区' "$WORK/out")"
exits 0 K report monthly --month 2016-07
grep '^魏都区' "$WORK/out" | grep -q '2016-08-01$' || fail "July before the change: $(grep '^魏都区' "$WORK/out")"
# Until the 5th the figures of the month are the unit's (positive control);
# the summary keeps the filing time and says when they were changed.
# Figures that contradict each other are refused, naming both fields (a
# training is an activity: 活动场次 is 2)
K5() { KEPU_TODAY=2016-08-05 "$KEPU" --db "$DB" "$@"; }
refused 1 K5 save monthly 培训场次=3 --record 1 --unit 魏都区
has "培训场次：3，多于活动场次 2（培训场次不能多于活动场次"
assert_sql "SELECT month, training_sessions, version FROM monthly WHERE id = 1" "2016-07|0|1"
exits 0 K5 save monthly 培训场次=2 --record 1 --unit 魏都区
assert_sql "SELECT month, training_sessions, version FROM monthly WHERE id = 1" "2016-07|2|2"
exits 0 K report monthly --month 2016-07
grep '^魏都区' "$WORK/out" | grep -q '2016-08-01（8月5日修改）$' || fail "July after the change: $(grep '^魏都区' "$WORK/out")"
# but not its month: August's report, filed on 09-02, stays August's on 09-04
exits 0 env KEPU_TODAY=2016-09-02 "$KEPU" --db "$DB" save monthly 月份=2016-08 培训场次=0 培训人次=0 活动场次=1 \
	参与人数=20 资源件数=0 --unit 魏都区
aug=$(sqlite3 "$DB" "SELECT m.id FROM monthly m JOIN units u ON u.id = m.unit_id WHERE u.name = '魏都区' AND month = '2016-08'")
refused 1 env KEPU_TODAY=2016-09-04 "$KEPU" --db "$DB" save monthly 月份=2016-07 --record "$aug" --unit 魏都区
has "已保存的月报不能改「月份」（第 $aug 号记录是 2016-08 的）：2016-07 的月报请另建一条新记录"
assert_sql "SELECT month FROM monthly WHERE id = $aug" "2016-08"
# the city, the referee, may still correct a summed-up report (the
# administrator's command line, no --unit), and a month
exits 0 K save monthly 培训场次=1 --record 1
assert_sql "SELECT month, training_sessions FROM monthly WHERE id = 1" "2016-07|1"
exits 0 env KEPU_TODAY=2016-10-10 "$KEPU" --db "$DB" save monthly 月份=2016-09 --record "$aug"
assert_sql "SELECT month FROM monthly WHERE id = $aug" "2016-09"

# 2. A once-per-unit form saved without --record: refused, nothing written.
plan=$(sqlite3 "$DB" "SELECT p.id FROM plan p JOIN units u ON u.id = p.unit_id WHERE u.name = '魏都区'")
[ -n "$plan" ] || fail "no plan of 魏都区 in the demo"
before=$(sqlite3 "$DB" "SELECT group_concat(goals || version) FROM plan")
refused 1 K save plan 工作目标=开展科普活动十场以上 主要措施=组织科普志愿服务队进社区 联系人=张三 联系电话=13900000000 --unit 魏都区
has "本单位已有年度工作计划 第 $plan 号记录（每个单位一份）：要修改请打开它，命令行请加 --record $plan"
hasnt "新记录" out
assert_sql "SELECT group_concat(goals || version) FROM plan" "$before"
refused 1 K save quota 单位=魏都区 科普人才=1 科普活动=1 资源开发=1 重点入库项目=1
has "魏都区已有附表1 任务指标分配表 第"
exits 0 K save plan 工作目标=开展科普活动十场以上 --record "$plan" --unit 魏都区
assert_sql "SELECT goals FROM plan WHERE id = $plan" "开展科普活动十场以上"
# a word said over is no measure (t5h #15), nothing written; the control above
refused 1 K save plan 主要措施=措施措施措施措施措施措施 --record "$plan" --unit 魏都区
has "主要措施：重复的字只算一个：至少要有 8 个不同的字，现在只有 2 个"
assert_sql "SELECT goals FROM plan WHERE id = $plan" "开展科普活动十场以上"
# a katakana look-alike of 一 between Han characters (t5h #13), said with
# its code point; the Han text itself is the control (a day after the
# demo's talk there, which would be a near repeat)
act() { K save activity 活动名称=节约能源科普报告会 日期=2016-07-02 形式=科普报告 对象=校园 参与人数=30 --unit 魏都区 "$@"; }
refused 1 act 地点=许昌市第ー高级中学
has "第5个字「ー」是日文假名 U+30FC，不是汉字「一」（U+4E00）"
exits 0 act 地点=许昌市第一高级中学

# 5. A save that changes nothing (040 is the stored 40) writes nothing.
t=$(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' AND kp_state = 'draft' ORDER BY t.id LIMIT 1")
age=$(sqlite3 "$DB" "SELECT age FROM talent WHERE id = $t")
audits=$(sqlite3 "$DB" "SELECT count(*) FROM kp_audit")
exits 0 K save talent "年龄=0$age" --record "$t" --unit 魏都区
has "没有改动，未保存" out
assert_sql "SELECT version FROM talent WHERE id = $t" "1"
assert_sql "SELECT count(*) FROM kp_audit" "$audits"
exits 0 K save talent "年龄=$((age + 1))" --record "$t" --unit 魏都区
has "第 2 版" out

# 6c. Who may write a form is said before what its values lack.
refused 1 K save quota 科普人才=3 --unit 魏都区
has "「附表1 任务指标分配表」由市科协填写，单位不能修改"
hasnt "必须填写"
# 6d. A repeated option is refused, for every command (status 2).
refused 2 K save talent 年龄=50 --record "$t" --unit 魏都区 --unit 许昌学院
has "选项 --unit 给了两次"
refused 2 K checklist --db "$DB"
has "选项 --db 给了两次"
exits 0 K checklist
assert_sql "SELECT age FROM talent WHERE id = $t" "$((age + 1))"

# 6a, 6b. A unit's export imported back: its 状态 column is said to be
# ignored; the --update hint counts only the records an update could change
# (禹州市: one submitted, one draft, one returned).
assert_sql "SELECT group_concat(kp_state) FROM (SELECT kp_state FROM talent t JOIN units u ON u.id = t.unit_id
  WHERE u.name = '禹州市' ORDER BY kp_state)" "draft,returned,submitted"
exits 0 K export talent --unit 禹州市 --output "$WORK/yz.csv"
head -1 "$WORK/yz.csv" | grep -q ',状态' || fail "no 状态 column: $(head -1 "$WORK/yz.csv")"
audits=$(sqlite3 "$DB" "SELECT count(*) FROM kp_audit")
exits 0 K import talent "$WORK/yz.csv" --unit 禹州市
has "「状态」列不导入"
has "它现为「已提交」，不能由导入改动，没有导入"
has "2 条与已有记录重复，没有再次导入；要用文件中的内容更新它们，加 --update"
has "1 条与已有记录重复，没有导入；这些记录已提交、已认定或属于其他单位，--update 也不会改动它们"
assert_sql "SELECT count(*) FROM kp_audit" "$audits"
exits 0 "$KEPU" check --db "$DB"
