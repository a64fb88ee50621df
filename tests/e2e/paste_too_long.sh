# SPDX-License-Identifier: MulanPSL-2.0
# Text longer than a field holds is never cut without a word (#12): 110
# characters pasted unmarked (one burst of keys) into 地点 (max_chars 100)
# are refused whole and said, the field keeps what it had; 100 fit and are
# typed; one more key at the full field is refused and said. Saved, the row
# holds the 100 characters.
. "$(dirname "$0")/lib.sh"
new_db --demo
chars() { /usr/bin/python3 -c "import sys; print(''.join(chr(0x5e00 + i) for i in range(int(sys.argv[1]))), end='')" "$1"; }
E2E_USER=weidu start 80 24 --today 2016-08-10
menu_open "科普活动记录  填写新记录"
wait_for "科普活动记录：新记录"
keys Tab Tab Tab Tab              # 活动名称, 日期, 形式, 对象 passed by: 地点
wait_for ">地点"
type_text "$(chars 110)"
wait_for "地点：最多 100 个字，粘贴的 110 个字多出 10 个"
refute_screen "帀"                # U+5E00, the first pasted character: nothing went in
type_text "$(chars 100)"
wait_for "幣"                     # U+5E63, the 100th: at the cursor
keys Z
wait_for "地点：最多 100 个字，多出的 1 个没有输入"
keys Tab; type_text "50"          # 参与人数
keys BTab BTab BTab BTab BTab     # back to 活动名称
wait_for ">活动名称"
type_text "超长地点测试活动"; keys Tab
type_text "2016-08-05"; keys Tab
type_text "kpbg"; wait_for "科普报告"; keys Enter
keys Space F2                     # 对象: 校园
wait_for "已保存（第"
assert_sql "SELECT place || '|' || participants FROM activity WHERE name = '超长地点测试活动'" "$(chars 100)|50"
