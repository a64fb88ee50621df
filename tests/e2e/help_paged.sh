# SPDX-License-Identifier: MulanPSL-2.0
# F1 on a screen with more keys than an 80x24 box holds (the city's main
# menu) is paged: its last row says which rows show and how to see the
# rest, ↓/PgDn shows the keys at the end (重画屏幕 was cut off unsaid, t80i
# i4), and any other key goes back without acting on the screen below.
# Control: in a taller terminal the whole help shows, unpaged.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
wait_for "主菜单"
keys F1
wait_for "按键帮助（按任意键返回）"
assert_screen "翻看，其他键返回"
refute_screen "重画屏幕"
keys NPage
wait_for "重画屏幕"
assert_screen "翻看，其他键返回"
keys Up
wait_for "行，共"
keys x                                  # not the menu's x: it only closes the help
wait_gone "按键帮助（按任意键返回）"
assert_screen "主菜单"
refute_screen "年度？"                   # the year-close question x asks on the menu
quit_kepu
close_terminals

start 100 40
wait_for "主菜单"
keys F1
wait_for "按键帮助（按任意键返回）"
assert_screen "重画屏幕"
refute_screen "翻看"
keys Escape
wait_gone "按键帮助（按任意键返回）"
quit_kepu
close_terminals
