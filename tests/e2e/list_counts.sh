# SPDX-License-Identifier: MulanPSL-2.0
# The record list's line under its page counts the rows above and below:
# exactly while one side is within 1000 (the other is the rest of the
# total), 「1000 多项」 for a side counted only that far (the middle of a
# long list, a filter matching over 1000), so paging costs the same at
# any size.
. "$(dirname "$0")/lib.sh"
new_db --demo
"$KEPU_WRITER" "$DB" 2100 林学会 批量录入 >/dev/null
total=$(sqlite3 "$DB" "SELECT count(*) FROM talent")
start 80 24
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "共 $total 条"
assert_screen "↓ 还有 $((total - 18)) 项"   # 18 rows a page at 80x24
refute_screen "多项"
keys End
wait_for "↑ 上面还有 $((total - 18)) 项"
refute_screen "↓ 还有"
keys Home
wait_for "↓ 还有 $((total - 18)) 项"
for _ in $(seq 60); do keys NPage; done    # past 1000 rows on both sides
wait_for "↑ 上面还有 1000 多项  ↓ 还有 1000 多项"
keys Home
type_text "批量"
wait_for "筛选出 1000 多条"
wait_for "↓ 还有 1000 多项"
refute_screen "↑"
keys End
wait_for "↑ 上面还有 1000 多项"
refute_screen "↓ 还有"
keys Escape Escape
wait_for "主菜单"
