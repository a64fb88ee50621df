# SPDX-License-Identifier: MulanPSL-2.0
# A unit clerk who wants better figures tries every path of the terminal and
# of an import made on the unit's behalf: other units' records (lists,
# filters, record numbers typed by hand, 附表4, progress, the checklist),
# the city's field 省辖市科协意见, 附表1 quotas, the city's review steps,
# deleting what was submitted, the audit trail, the file screens (a server
# path, ../, the database itself, a symlink to it). After each, the screen
# shows nothing of another unit, and at the end every other unit's row, every
# quota and every committed row is exactly as it was.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
own=$(sqlite3 "$DB" "SELECT id FROM units WHERE name = '魏都区'")
other_id=$(sqlite3 "$DB" "SELECT id FROM talent WHERE unit_id <> $own ORDER BY id LIMIT 1")
other_name=$(sqlite3 "$DB" "SELECT name FROM talent WHERE id = $other_id")
other_activity=$(sqlite3 "$DB" "SELECT id FROM activity WHERE unit_id <> $own ORDER BY id LIMIT 1")
[ -n "$other_id" ] && [ -n "$other_activity" ] || fail "demo data changed"

# What must not change: every row of other units, every quota, the city's
# opinions, the review states of other units; and how many rows there are.
others() {
	local t
	for t in talent project activity resource monthly plan summary; do
		sqlite3 "$DB" "SELECT * FROM $t WHERE unit_id <> $own ORDER BY id"
	done
	sqlite3 "$DB" "SELECT * FROM quota ORDER BY id"
	sqlite3 "$DB" "SELECT id, ifnull(city_opinion, '') FROM talent ORDER BY id"
	sqlite3 "$DB" "SELECT name, role, ifnull(unit_id, 0), hash FROM kp_users ORDER BY name"
}
others >"$WORK/before"
rows_before=$(sqlite3 "$DB" "SELECT sum(n) FROM kp_counts")
unit_names() { sqlite3 "$DB" "SELECT name FROM units WHERE id <> $own"; }
# refute_other_units: no other unit's name on the screen.
refute_other_units() {
	local s u
	s=$(screen)
	while read -r u; do
		grep -qF -- "$u" <<<"$s" && fail "another unit on screen: $u"
	done < <(unit_names)
	return 0
}

E2E_USER=weidu start 80 24 --today 2016-08-10
refute_other_units
# Every list: its own unit only, and another unit's number is no record.
for item in "附表2 科普人才库推荐表  记录列表" "附表3 重点项目入库表  记录列表" "科普活动记录  记录列表" "科普资源开发记录  记录列表"; do
	menu_open "$item"
	wait_for "记录列表"
	refute_other_units
	keys Escape; wait_for "主菜单"
done
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
type_text "$other_name"
wait_for "没有含「$other_name」的记录。"
keys Escape
type_text "#$other_id"; keys Enter
wait_for "没有第 $other_id 号记录。"
refute_screen "$other_name"
keys Escape
# The city's review step is not offered; the unit's is.
wait_for "记录列表"
keys F9
wait_for "提交审核"
refute_screen "认定"
keys Enter
wait_for "已改为「已提交」"
sub=$(sqlite3 "$DB" "SELECT id FROM talent WHERE unit_id = $own AND kp_state = 'submitted' ORDER BY id LIMIT 1")
# Submitted: neither edited nor deleted.
keys F8
wait_for "这条记录「已提交」，不能修改。"
keys Enter
wait_for "查看第 $sub 号记录（已提交）"
type_text "改"
wait_for "这条记录「已提交」，不能修改。"
keys Escape; wait_for "记录列表"
# A draft of its own: the city's opinion cannot be written, the unit's can.
keys Down Enter
wait_for "号记录（草稿）"
draft=$(screen | sed -n 's/.*修改第 \([0-9]*\) 号记录（草稿）.*/\1/p' | head -1)
for _ in $(seq 18); do keys Tab; done      # the last field
wait_for "省辖市科协意见"
type_text "同意推荐，建议认定"
wait_for "「省辖市科协意见」由市科协填写。"
keys F2
wait_for "没有改动，未保存"                  # the refused typing left nothing to save
assert_sql "SELECT ifnull(city_opinion, '') || '|' || version FROM talent WHERE id = $draft" "|1"
keys Escape; wait_for "记录列表"
keys Escape; wait_for "主菜单"
# Activities: another unit's number, typed by hand.
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
type_text "#$other_activity"; keys Enter
wait_for "没有第 $other_activity 号记录。"
keys Escape Escape; wait_for "主菜单"          # the filter, the list
# 附表1: its own row, read-only; typing a number changes nothing.
keys 1
wait_for "序号  单位                科普人才"          # the table, not the menu line naming it
refute_other_units
type_text "1"
wait_for "任务指标由市科协修改。"
keys Enter
wait_for "任务指标由市科协修改。"
keys Escape; wait_for "主菜单"
# 附表4, progress, the checklist: its own unit.
keys 4; wait_for "单位：魏都区"
refute_other_units
keys F4; wait_for "单位账号只能查看本单位的记录。"
keys Escape; wait_for "主菜单"
keys p; wait_for "任务完成进度与排名"
refute_other_units
keys Escape; wait_for "主菜单"
keys c; wait_for "工作进度检查表"
refute_other_units
keys Tab; wait_for "本单位完成情况"
refute_other_units
keys Escape; wait_for "主菜单"
# The audit trail and the briefing are the city's: no such keys here.
keys a b
wait_for "主菜单"
refute_screen "修改记录"
refute_screen "月度工作简报"
quit_kepu
close_terminals

# An administrator importing on the unit's behalf (kepu import --unit) gets
# exactly a unit's rights: 附表1 and the city's column are refused whole.
printf '单位,科普人才,科普活动,资源开发,重点项目\n魏都区,1,1,1,1\n' >"$WORK/quota.csv"
"$KEPU" import quota "$WORK/quota.csv" --unit 魏都区 --db "$DB" 2>"$WORK/err" && fail "a unit's 附表1 import was accepted"
grep -q "由市科协填写，单位不能修改" "$WORK/err" || fail "quota refusal: $(cat "$WORK/err")"
printf '姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,省辖市科协意见\n贾宝山,男,40,汉族,群众,本科,魏都区实验学校,13912345678,青少年科普,同意\n' >"$WORK/talent.csv"
"$KEPU" import talent "$WORK/talent.csv" --unit 魏都区 --db "$DB" 2>"$WORK/err" && fail "the city's column was imported"
grep -q "第2行「省辖市科协意见」有内容" "$WORK/err" || fail "column refusal: $(cat "$WORK/err")"
assert_sql "SELECT count(*) FROM talent WHERE name = '贾宝山'" "0"

others >"$WORK/after"
diff "$WORK/before" "$WORK/after" >&2 || fail "another unit's rows, a quota or an account changed"
# Nothing committed was lost: only the unit's own edit and submission happened.
assert_sql "SELECT sum(n) FROM kp_counts" "$rows_before"
"$KEPU" check --db "$DB" >/dev/null || fail "kepu check after the attempts"
echo "ok"
