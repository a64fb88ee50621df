# SPDX-License-Identifier: MulanPSL-2.0
# The city's r with records of several forms waiting, as on the demo (#23:
# r opened the first form only; 附表2's queue took the menu, arrows and Tab
# twice): a picker offers the forms with their counts, Esc goes back to the
# menu, typing filters and Enter opens the one chosen showing 已提交 only.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
E2E_USER=shikexie start 80 24 --today 2016-08-10
wait_for "（按 r 打开）"
n=$(sqlite3 "$DB" "SELECT count(*) FROM talent WHERE kp_state = 'submitted'")
[ "$n" -ge 1 ] && [ "$(sqlite3 "$DB" "SELECT count(*) FROM activity WHERE kp_state = 'submitted'")" -ge 1 ] ||
	fail "the demo has not two forms waiting"
keys r
wait_for "待审核：打开哪一张表"
assert_screen "附表2 $n 条"
keys Escape; wait_gone "待审核：打开哪一张表"
refute_screen "退出 kepu？"                          # Esc closed the picker only
keys r; wait_for "待审核：打开哪一张表"
type_text "附表2"; keys Enter
wait_for "附表2 科普人才库推荐表：记录列表"
wait_for "只看「已提交」的记录"
assert_screen "共 $n 条"
keys Escape; wait_for "主菜单"
quit_kepu
