# SPDX-License-Identifier: MulanPSL-2.0
# The city closes 2016 while 魏都区's clerk types a 附表2 record (t80g
# #23/#24), at 80x24: F2 says the input is kept as a draft; Esc asks to keep
# it (y keeps it, not 放弃) and the draft is in the database. Signed in
# again, the draft list marks it closed and Enter refuses; the city reopens
# the year while the clerk looks at the list, and Enter (no new sign-in)
# restores it.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10

E2E_USER=weidu start 80 24 --today 2016-08-10
wait_for "主菜单"
keys 2
wait_for "附表2 科普人才库推荐表：新记录"
type_text "郑十二"; keys Tab
wait_for "郑十二"
exits 0 "$KEPU" year close 2016 --db "$DB" --today 2016-08-10 --force
keys F2
wait_for "2016 年度已由市科协结束：您填的内容已留作草稿，重新开放后可在「未保存的草稿」"
[ "$(draft_value name)" = "郑十二" ] || fail "draft after F2: $(draft_value name)"
keys Escape
wait_for "2016 年度已由市科协结束，这份记录现在不能保存。留作草稿并离开吗？(y/n)"
keys y
wait_for "主菜单"
assert_screen "您填的内容已留作草稿"
[ "$(draft_value name)" = "郑十二" ] || fail "draft after Esc y: $(draft_value name)"
quit_kepu
close_terminals

E2E_USER=weidu start 80 24 --today 2016-08-10
wait_for "未保存的草稿（1 份）"
assert_screen "新记录（2016 年度已结束）"
keys Enter
wait_for "这份草稿留着，重新开放后可以继续填写"
exits 0 "$KEPU" year reopen 2016 --db "$DB" --today 2016-08-10
keys Enter
wait_for "已恢复草稿，请检查后保存。"
assert_screen "郑十二"
refute_screen "已结束"
close_terminals
