# SPDX-License-Identifier: MulanPSL-2.0
# The same person twice (附表2's unique_hint: 姓名 and 联系电话): a unit's
# clerk is warned with one sentence that names no other unit's data, a
# second F2 saves anyway and marks the pair for the city; the city sees
# the pair named on the record, and is itself told which record it repeats.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
read -r other_id other_name other_phone <<<"$(sqlite3 -separator ' ' "$DB" "SELECT t.id, t.name, t.phone FROM talent t
	JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id LIMIT 1")"
E2E_USER=xcxy start 80 24 --today 2016-08-10
keys 2
wait_for "：新记录"
fill_required "$other_name" "$other_phone"
keys F2
wait_for "可能与其他单位已推荐的人员重复，请与市科协核实。仍要保存请再按 F2"
refute_screen "魏都区"
refute_screen "第 $other_id 号"
assert_sql "SELECT count(*) FROM talent WHERE name = '$other_name'" "1"
keys F2                                       # the clerk insists
wait_for "已标记为可能重复，由市科协核实"
new_id=$(sqlite3 "$DB" "SELECT max(id) FROM talent")
assert_sql "SELECT id || '|' || other || '|' || marked_by FROM kp_duplicates" "$new_id|$other_id|xcxy"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'duplicate' AND record_id = $new_id" "1"
# A changed value is checked again: a different phone saves at once.
type_text "$other_name"; keys Tab
type_text "男"; keys Enter
type_text "45"; keys Tab
type_text "汉"; keys Enter
type_text "中共"; keys Enter
type_text "本科"; keys Enter
keys Tab Tab Tab Tab Tab              # the first absorbed: the list moved on
type_text "13700001234"; keys Tab Tab Tab Space F2
wait_for "已保存（第 $((new_id + 1)) 号记录）"
close_terminals

# The city: the marked record names the pair; a duplicate it types names it.
E2E_USER=shikexie start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
type_text "$other_name"
wait_for "筛选出 3 条"
keys Down Enter                               # the second: the new one
wait_for "修改第 $new_id 号记录"
wait_for "可能重复：第 $other_id 号记录（魏都区，$other_name）"
keys Escape; wait_for "记录列表"; keys Escape Escape
wait_for "主菜单"
# The city typing the same person for 许昌学院 is told which record it
# repeats (the same unit's first), and for 长葛市 魏都区's.
open_talent_form "许昌学院"
fill_required "$other_name" "$other_phone"
keys F2
wait_for "可能与第 $new_id 号记录（许昌学院，$other_name）重复（姓名、联系电话相同），请核实。" # wrapped: 仍要保存请再按 F2
keys Escape; wait_for "确定放弃"; keys y
wait_for "主菜单"
open_talent_form "长葛市"
fill_required "$other_name" "$other_phone"
keys F2
wait_for "可能与第 $other_id 号记录（魏都区，$other_name）重复（姓名、联系电话相同），请核实。" # wrapped: 仍要保存请再按 F2

# A unit importing another unit's person (its import cannot see other
# units' rows): saved, marked for the city like a second F2, and told with
# the count only — no other unit's data.
close_terminals
printf '姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n%s,男,45,汉族,群众,本科,禹州市第一中学,%s,青少年科普\n' \
	"$other_name" "$other_phone" >"$WORK/imp.csv"
marks=$(sqlite3 "$DB" "SELECT count(*) FROM kp_duplicates")
# A check that saves (and marks) nothing says nothing of other units' people:
# else a unit could ask, without trace, whether a name and phone are another's.
"$KEPU" import talent "$WORK/imp.csv" --unit 禹州市 --db "$DB" --dry-run 2>"$WORK/err" >"$WORK/out" ||
	fail "dry run: $(cat "$WORK/err")"
grep -q "其他单位" "$WORK/err" "$WORK/out" && fail "a dry run told of another unit's person: $(cat "$WORK/err")"
grep -q "可以导入 1 条" "$WORK/out" "$WORK/err" || fail "dry run: $(cat "$WORK/out" "$WORK/err")"
"$KEPU" import talent "$WORK/imp.csv" --unit 禹州市 --db "$DB" 2>"$WORK/err" || fail "import: $(cat "$WORK/err")"
grep -q "1 行可能与其他单位已推荐的人员重复，已标记，请与市科协核实" "$WORK/err" || fail "no notice: $(cat "$WORK/err")"
grep -q "魏都区" "$WORK/err" && fail "another unit named: $(cat "$WORK/err")"
imported=$(sqlite3 "$DB" "SELECT max(id) FROM talent")
assert_sql "SELECT count(*) FROM kp_duplicates WHERE id = $imported AND other = $other_id" "1"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM kp_duplicates")" -gt "$marks" ] || fail "nothing marked"
