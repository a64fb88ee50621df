# SPDX-License-Identifier: MulanPSL-2.0
# Two sessions edit the same record. The second save is refused: the other
# session's changes are merged onto the screen and named, nothing of either
# edit is lost, and a second F2 stores both.
. "$(dirname "$0")/lib.sh"
new_db --demo
phone0=$(sqlite3 "$DB" "SELECT phone FROM talent WHERE id = 1")
open_record_1() {
	start 80 24
	menu_open "附表2 科普人才库推荐表  记录列表"
	wait_for "记录列表"
	keys Enter
	wait_for "修改第 1 号记录"
}
use a; open_record_1
use b; open_record_1

# A changes 联系电话 and saves first.
use a
for _ in $(seq 10); do keys Tab; done
keys C-a C-k; type_text "13900000001"; keys F2
wait_for "已保存对第 1 号记录的修改"
# B changes 电子邮箱 and saves: refused, A's phone merged in.
use b
for _ in $(seq 11); do keys Tab; done
keys C-a C-k; type_text "b@163.com"; keys F2
wait_for "他人刚修改了这条记录（联系电话）"
assert_screen "13900000001"
assert_screen "b@163.com"
assert_sql "SELECT phone || ' ' || email || ' v' || version FROM talent WHERE id = 1" \
	"13900000001 kp001@163.com v2"
keys F2
wait_for "已保存对第 1 号记录的修改"
assert_sql "SELECT phone || ' ' || email || ' v' || version FROM talent WHERE id = 1" \
	"13900000001 b@163.com v3"

# Both change 职务（职称）: the second is told, sees the other's value, and
# decides with F2.
use a; keys Enter; wait_for "修改第 1 号记录"
use b; keys Enter; wait_for "修改第 1 号记录"
use a
for _ in $(seq 9); do keys Tab; done
keys C-a C-k; type_text "研究员"; keys F2
wait_for "已保存对第 1 号记录的修改"
use b
for _ in $(seq 9); do keys Tab; done
keys C-a C-k; type_text "教授"; keys F2
wait_for "您和他人都改了：职务（职称）"
assert_screen "他人的内容：研究员"   # on the help line: the cursor is on the field
assert_sql "SELECT title FROM talent WHERE id = 1" "研究员"
keys F2
wait_for "已保存对第 1 号记录的修改"
assert_sql "SELECT title || ' v' || version FROM talent WHERE id = 1" "教授 v5"
assert_sql "SELECT count(*) FROM kp_drafts" "0"
[ "$phone0" != "13900000001" ] || fail "the demo phone was already the test value"
