# SPDX-License-Identifier: MulanPSL-2.0
# A 个人基本情况 longer than its 4 rows (#15): inside the field, where the
# cursor is at the end, 「↑ 上面还有 3 行」 under its label says what is
# above; left, the field shows its FIRST rows (it showed its last, with no
# mark) and 「↓ 还有 3 行」.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
profile=$(printf '第%s行：在社区开展科普讲座。\n' 1 2 3 4 5 6 7)
"$KEPU" save talent --db "$DB" --record 1 --unit 魏都区 "个人基本情况=$profile" >"$WORK/out" 2>"$WORK/err" ||
	fail "kepu save: $(cat "$WORK/err")"
E2E_USER=weidu start 80 24
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "罗德明"
keys Home Enter
wait_for "修改第 1 号记录"
until on_screen ">个人基本情况"; do keys Tab; settled; done
wait_for "第7行"                  # inside, the cursor is at the end …
assert_screen "↑ 上面还有 3 行"    # … and what is above is said
refute_screen "↓ 还有"
keys Tab                          # left: its first rows, and what is below
wait_for ">科普工作经历"
wait_for "第1行：在社区开展科普讲座。"
assert_screen "第4行：在社区开展科普讲座。"
refute_screen "第7行"
assert_screen "↓ 还有 3 行"
refute_screen "上面还有"
keys Escape
wait_for "记录列表"
keys Escape
quit_kepu
