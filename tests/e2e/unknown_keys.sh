# SPDX-License-Identifier: MulanPSL-2.0
# Escape sequences kepu does not know — F11/F12 and modified keys as various
# clients send them, mouse reports, a cursor-position answer arriving late —
# are swallowed whole: they neither leave the form nor type text, and the
# typed values stay as they were.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
wait_for "主菜单"
keys -H 1b 5b 32 34 3b 37 52          # ESC[24;7R: its "2" must not open 附表2
keys -H 1b 5b 32 33 7e                # F11 as xterm sends it
settled                               # nothing to wait for: nothing must change
assert_screen "主菜单"
refute_screen "请选择填报单位"   # what 2 would have opened
keys 2
wait_for "请选择填报单位"
type_text "许昌学院"; keys Enter
wait_for "新记录"
type_text "王安石"
keys -H 1b 5b 32 34 7e                # F12
keys -H 1b 5b 31 3b 35 41             # Ctrl-Up
keys -H 1b 5b 4d 20 21 21             # an X10 mouse click report
keys -H 1b 5b 31 30 3b 33 52          # ESC[10;3R
keys -H 1b 4f 50                      # SS3 F1: the keys of this screen
wait_for "按键帮助（按任意键返回）"
assert_screen "F2/^S"
assert_screen "删除到行尾"
# F1 lists what acts now, then, under a line saying so, what has nothing
# to do yet: 同上 before a record is saved (t80h h8)
screen | awk '/只是现在还没有可做的/ {h = NR} /同上：照抄上一份的这一项/ {d = NR} END {exit !(h && d > h)}' ||
	fail "F1 does not list 同上 under the keys with nothing to do yet"
keys Escape                           # any key goes back
wait_gone "按键帮助"
type_text "甲"
wait_for "王安石甲"
refute_screen "确定放弃"
refute_screen "[24"
keys Escape                           # a real Esc still leaves (after asking)
wait_for "有未保存的内容"
