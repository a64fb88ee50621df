# SPDX-License-Identifier: MulanPSL-2.0
# The section 五 checklist seen before, on and after the 7月15日 deadline:
# the home screen's glance and the checklist change state; a city milestone
# is ticked by hand (who and when stored), a unit's milestone is ticked in the
# matrix; a unit that files its project on the 16th is late; `kepu
# checklist` prints the same states.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-07-01
# The city has approved all the demo's activities and resources (outside kepu,
# counted again by kepu check): approved records count toward the quotas.
sqlite3 "$DB" "UPDATE activity SET kp_state = 'approved'; UPDATE resource SET kp_state = 'approved'"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null

# Before: five days left; only 五.1 (6月底) is overdue.
start 80 24 --today 2016-07-10
wait_for "主菜单"
assert_screen "今天 2016年7月10日  已逾期 1 项  全市完成度 6.6%"
assert_line "7月15日     五.2 上报附表2、3、4和年度工作计划" ". 还有 5 天"
assert_screen "已认定：科普人才 21/1170  科普活动 24/134  资源开发 8/119  重点入库项目 0/37"
keys c
wait_for "工作进度检查表（五、组织实施）"
assert_screen "今天 2016年7月10日"
assert_screen "2016年6月30日  市科协 五.1 细化分解任务，明确各单位职责   ! 逾期 10 天"
assert_screen "2016年7月15日  各单位 五.2 上报附表2、3、4和年度工作计划  . 还有 5 天    0/19"
# Space on 五.1 ticks it: done, but late (ticked after 6月30日).
keys Space
wait_for "已勾选为完成：五.1 细化分解任务，明确各单位职责"
wait_for "五.1 细化分解任务，明确各单位职责   ~ 逾期完成"
assert_sql "SELECT key || '|' || unit_id || '|' || substr(ticked_at, 1, 10) FROM kp_ticks" "breakdown|0|2016-07-10"
assert_sql "SELECT ticked_by FROM kp_ticks" "admin"
# A milestone the data decides cannot be ticked.
keys Down
keys Space
wait_for "这一项按录入的数据自动判断是否完成，不能手工勾选。"
# The matrix: 医学会 ticks 注册 (五.5, a manual unit milestone).
keys Tab
wait_for "各单位完成情况  + 按时 ~ 逾期完成 . 未到期 ! 逾期  ← 菜单"   # the way back named too
assert_screen " 单位             上报   7月报  注册   8月报  9月报  10月报 11月报 总结   12月报"
for _ in $(seq 14); do keys Down; done       # 医学会 is the 15th unit
keys Right Right                             # 上报, 7月报, 注册
wait_for "医学会  五.5 完成人才网上注册，建立电子档案  2016年8月31日  . 还有 52 天"
keys Space
wait_for "已勾选为完成：五.5 完成人才网上注册，建立电子档案"
wait_for " 医学会            .      .      +      .      .      .      .      .      ."  # its July report comes on 8月1日
assert_sql "SELECT count(*) FROM kp_ticks t JOIN units u ON u.id = t.unit_id WHERE u.name = '医学会' AND t.key = 'register'" "1"
keys Escape
wait_for "主菜单"
close_terminals

# 许昌学院 has talents and a plan (demo); its project comes on the 15th: on time.
cat >"$WORK/p1.csv" <<'CSV'
项目申报单位,申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,项目实施时间（起）,项目实施时间（止）,项目基本内容
许昌学院,2016-07-15,校园科普大篷车,许昌学院,李秀英,13837412345,科普活动,2016-07,2016-12,进校园开展科普巡展
CSV
# 医学会 (talents and a plan) files its project on the 16th: late.
cat >"$WORK/p2.csv" <<'CSV'
项目申报单位,申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,项目实施时间（起）,项目实施时间（止）,项目基本内容
医学会,2016-07-16,健康科普进社区,医学会,张伟,13937454321,科普活动,2016-07,2016-12,社区健康讲座
CSV

"$KEPU" import project "$WORK/p1.csv" --db "$DB" --today 2016-07-15 >/dev/null
"$KEPU" import project "$WORK/p2.csv" --db "$DB" --today 2016-07-16 >/dev/null
# 上报 counts what was handed in: the units submit what they filed (set
# here behind kepu's back, as the review would; drafts never count).
sqlite3 "$DB" "UPDATE project SET kp_state = 'submitted'; UPDATE talent SET kp_state = 'submitted' WHERE kp_state = 'draft'"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null

# On the day and after: the CLI says the same as the screen.
"$KEPU" checklist --db "$DB" --today 2016-07-15 >"$WORK/on"
grep -q "五.2 上报附表2、3、4和年度工作计划 *\. 今天截止（1/19 个单位完成）" "$WORK/on" || fail "on the day: $(grep 五.2 "$WORK/on")"
"$KEPU" checklist --db "$DB" --today 2016-07-20 >"$WORK/after"
grep -q "五.2 上报附表2、3、4和年度工作计划 *! 逾期 5 天（2/19 个单位完成）" "$WORK/after" || fail "after: $(grep 五.2 "$WORK/after")"
grep -q "^许昌学院 *+ " "$WORK/after" || fail "许昌学院 not on time: $(grep 许昌学院 "$WORK/after")"
grep -q "^医学会 *~ " "$WORK/after" || fail "医学会 not late: $(grep 医学会 "$WORK/after")"
grep -q "^魏都区 *! " "$WORK/after" || fail "魏都区 not overdue: $(grep 魏都区 "$WORK/after")"

start 80 24 --today 2016-07-20
wait_for "主菜单"
keys c
wait_for "工作进度检查表（五、组织实施）"     # the screen, not the menu's item
wait_for "2016年7月15日  各单位 五.2 上报附表2、3、4和年度工作计划  ! 逾期 5 天    2/19"
keys Tab
wait_for "各单位完成情况"
assert_screen " 许昌学院          +      .      .      .      .      .      .      .      ."  # July reported on 8月1日
assert_screen " 医学会            ~      .      +      .      .      .      .      .      ."
