# SPDX-License-Identifier: MulanPSL-2.0
# The export screen as the city sends the province only what it approved:
# 附表4 is in the list, Tab chooses a review state, the file holds only
# the approved talents of every unit with their 状态; a unit's 附表4 export
# is its own unit's roll, whatever it chooses.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
# Two approved talents of two units (approved outside kepu; check recounts).
a=$(sqlite3 "$DB" "SELECT min(id) FROM talent WHERE unit_id = (SELECT id FROM units WHERE name = '魏都区')")
b=$(sqlite3 "$DB" "SELECT min(id) FROM talent WHERE unit_id = (SELECT id FROM units WHERE name = '长葛市')")
sqlite3 "$DB" "UPDATE talent SET kp_state = CASE WHEN id IN ($a, $b) THEN 'approved' ELSE 'draft' END, kp_reason = ''"   # the demo's other states aside
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null || fail "kepu check"
names=$(sqlite3 "$DB" "SELECT name FROM talent WHERE id IN ($a, $b) ORDER BY id")

E2E_USER=shikexie start 80 24 --today 2016-08-10
keys e; wait_for "选择要导出的表"
type_text "附表4"; keys Enter
wait_for "表：附表4 科普人才信息汇总表（全部记录"
keys Tab; wait_for "只导出「草稿」的记录"
keys Tab; wait_for "只导出「已提交」的记录"
keys Tab; wait_for "只导出「已认定」的记录"
wait_for "附表4-全部单位-已认定-20160810.xlsx"
keys C-a C-k
type_text "省里.csv"; keys Enter
wait_for "已导出「附表4 科普人才信息汇总表」到交换文件夹："
keys Enter; wait_for "主菜单"
quit_kepu
close_terminals
f="$WORK/exchange/shikexie/省里.csv"
[ -f "$f" ] || fail "no export"
head -1 "$f" | grep -q "状态" || fail "no 状态 column: $(head -1 "$f")"
[ "$(tail -n +2 "$f" | wc -l)" -eq 2 ] || fail "want the 2 approved, got: $(cat "$f")"
while read -r n; do grep -q "$n" "$f" || fail "$n missing"; done <<<"$names"
tail -n +2 "$f" | grep -v "已认定" && fail "a row not approved"

# A unit: its own roll only.
E2E_USER=weidu start 80 24 --today 2016-08-10
keys e; wait_for "选择要导出的表"
type_text "附表4"; keys Enter
wait_for "附表4-魏都区-20160810.xlsx"
keys C-a C-k
type_text "roll.csv"; keys Enter
wait_for "已导出「附表4 科普人才信息汇总表」到交换文件夹："
keys Enter; wait_for "主菜单"
quit_kepu
f="$WORK/exchange/weidu/roll.csv"
own=$(sqlite3 "$DB" "SELECT count(*) FROM talent WHERE unit_id = (SELECT id FROM units WHERE name = '魏都区')")
[ "$(tail -n +2 "$f" | wc -l)" -eq "$own" ] || fail "unit roll rows: $(cat "$f")"
grep -q "长葛市" "$f" && fail "another unit in the unit's roll"
exit 0
