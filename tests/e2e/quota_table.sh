# SPDX-License-Identifier: MulanPSL-2.0
# 附表1: the seed's quotas and 合计 (1170, 134, 119, 37); a quota edited in
# place (the 合计 row follows), a negative quota refused, the CLI export
# with 合计 last, and a unit's clerk offered no 修改 (the city's is).
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
wait_for "主菜单"
keys 1
# (the menu names 附表1 too: wait for the table's own header)
wait_for "序号  单位                科普人才  科普活动  资源开发  重点入库项目"
assert_screen "合计                    1170       134       119            37"
assert_screen "↓ 还有 2 项"                  # 17 of 19 units fit at 80x24: the rest are named
assert_screen "Enter 修改  Esc 返回"          # the city may change quotas
keys Down Right                              # 长葛市 科普活动
type_text "12"; keys Enter
wait_for "已保存：长葛市 科普活动 = 12"
wait_for "合计                    1170       136       119            37"
assert_sql "SELECT q.activity || ' v' || q.version FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 2" "12 v2"
# The cursor went down to 禹州市; a negative number is refused and kept.
type_text "-3"; keys Enter
wait_for "科普活动：不能小于 0"
keys Escape                                  # gives up the edit
wait_gone "-3"
assert_sql "SELECT q.activity FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 3" "10"
keys End Left                                # 中小企业家协会, 科普人才
wait_for "中小企业家协会"
keys Enter C-a C-k                           # Enter edits the value in place
type_text "60"; keys Enter
wait_for "已保存：中小企业家协会 科普人才 = 60"
wait_for "合计                    1180       136       119            37"
# The arrow saves the cell and enters the next one selected (t80g #26: 110 ↓ 90 was 11090)
keys Home; type_text "110"; keys Down
wait_for "已保存：魏都区 科普人才 = 110"
type_text "90"; keys Enter
wait_for "已保存：长葛市 科普人才 = 90"
assert_sql "SELECT group_concat(t) FROM (SELECT q.talent t FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq IN (1, 2) ORDER BY u.seq)" "110,90"
# At the table's edge the arrow saves with a note; typing on edits that cell (t80h h10: 12 ↑ 13 lost the 13)
keys Home Right; type_text "12"; keys Up
wait_for "已保存：魏都区 科普活动 = 12；上面没有单位了"
type_text "13"
wait_for "Enter 保存  Tab 保存并到下一格"
keys Enter
wait_for "已保存：魏都区 科普活动 = 13"
assert_sql "SELECT q.activity FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 1" "13"
keys Escape
wait_for "主菜单"
"$KEPU" export quota --db "$DB" >"$WORK/q.csv"
head -1 "$WORK/q.csv" | grep -q "^${BOM}序号,单位,科普人才,科普活动,资源开发,重点入库项目" || fail "header"
tail -1 "$WORK/q.csv" | grep -q "^,合计,1180,139,119,37" || fail "total: $(tail -1 "$WORK/q.csv")"
[ "$(wc -l <"$WORK/q.csv")" -eq 21 ] || fail "rows"
# A unit's clerk reads its own row; the key line and hint offer no 修改.
add_user wd unit 魏都区
close_terminals
E2E_USER=wd start 80 24
keys 1
wait_for "序号  单位                科普人才  科普活动  资源开发  重点入库项目"
assert_screen "上下左右键移动查看；任务指标由市科协修改"
assert_screen "Esc 返回"
refute_screen "修改  Esc"
refute_screen "输入数字或按 Enter 修改"
refute_screen "长葛市"
