# SPDX-License-Identifier: MulanPSL-2.0
# The record list: filter as you type (Chinese), page through a filtered
# list, sort by a column both ways, clear the filter with Esc.
. "$(dirname "$0")/lib.sh"
new_db --demo
"$KEPU_WRITER" "$DB" 45 林学会 批量录入 >/dev/null    # names 批量录入-0 … 批量录入-44
# row N: the Nth record row of the list on screen.
row() { screen | sed -n "$(($1 + 2))p"; }
start 80 24
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
total=$(sqlite3 "$DB" "SELECT count(*) FROM talent")
assert_screen "共 $total 条"
type_text "德明"
want=$(sqlite3 "$DB" "SELECT count(*) FROM talent WHERE instr(name, '德明') OR instr(employer, '德明')
  OR instr(industry, '德明') OR instr(specialty, '德明') OR instr(profile, '德明')")
wait_for "筛选出 $want 条"
assert_screen "筛选：德明"
refute_screen "批量录入"
keys BSpace BSpace
type_text "批量"
wait_for "筛选出 45 条"
case "$(row 1)" in *批量录入-0) ;; *) fail "first row: $(row 1)" ;; esac
# 18 rows a page at 80x24; the line under them counts the rest (its own
# line: no row's last column covered)
case "$(row 18)" in *批量录入-17*) ;; *) fail "the page's last row: $(row 18)" ;; esac
[ "$(row 19 | sed 's/ *$//')" = " ↓ 还有 27 项" ] || fail "the mark's line: $(row 19)"
keys NPage
wait_for "批量录入-19"
wait_for "↑ 上面还有 18 项  ↓ 还有 9 项"
keys NPage
wait_for "批量录入-38"
wait_for "↑ 上面还有 36 项"
refute_screen "↓ 还有"
keys NPage                       # the last page stays
wait_for "批量录入-44"
keys PPage PPage
wait_for "批量录入-17"   # the first page again
case "$(row 1)" in *批量录入-0) ;; *) fail "back on the first page: $(row 1)" ;; esac
keys F6                          # 编号 descending
wait_for "编号v"
wait_for "批量录入-44"
keys F6                          # 姓名 ascending: -0, -1, -10, -11 …
wait_for "姓名^"
case "$(row 1)" in *批量录入-0) ;; *) fail "first row by name: $(row 1)" ;; esac
case "$(row 2)" in *批量录入-1) ;; *) fail "second row by name: $(row 2)" ;; esac
case "$(row 3)" in *批量录入-10) ;; *) fail "third row by name: $(row 3)" ;; esac
keys F6 F6                       # 姓名 descending, then 性别 ascending: its arrow whole
wait_for "性别^"
refute_screen "性>"
assert_screen "↓ 还有 27 项"      # rows hidden below the sorted page are counted
keys Escape                      # clears the filter, stays in the list
wait_for "共 $total 条"
assert_screen "记录列表"
type_text "没有这个人"
wait_for "没有含「没有这个人」的记录"
keys Escape Escape
wait_for "主菜单"
