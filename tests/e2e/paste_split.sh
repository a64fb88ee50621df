# SPDX-License-Identifier: MulanPSL-2.0
# A bracketed paste is one paste however the terminal's writes arrive: the
# start mark split further apart than the escape delay (100 ms), the text
# then in two pieces more than a second apart, cut inside 王's three bytes.
# Nothing of it is typed as keys; one ^Z takes the whole row back. A paste
# whose end mark never comes is refused whole after 5 s of quiet, and the
# keys typed after it are typed as ever; one cut right after its ESC is
# the Esc key and a paste after it, never typing. A value pasted into a field that
# holds one goes in as typing: at the cursor the clerk moved, or over the
# value selected on entry, said either way (^Z brings it back). Twelve
# digits into 联系电话 are refused, never carried into 电子邮箱.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "许昌学院"
# raw FILE FROM COUNT: COUNT bytes of FILE from byte FROM, written as the
# terminal writes them (hex, so no byte is taken for a key name).
raw() { keys -H $(od -An -tx1 -j "$2" ${3:+-N "$3"} "$1"); }
printf '\033[200~王小明\t女\t45\t汉族\t党员\t大专\t\t\t许昌学院农学院\t教授\t13912345678\r\n\033[201~' >"$WORK/row"
raw "$WORK/row" 0 3               # ESC [ 2
sleep 0.3                         # the pause is the input under test (the split), no wait for the screen
raw "$WORK/row" 3 5               # 0 0 ~ and 王's first two bytes
sleep 1.3                         # longer than the second the reader once waited
raw "$WORK/row" 8
wait_for "已粘贴 11 项。"
wait_for ">电子邮箱"
assert_line "姓名" "王小明"
refute_screen "00~"
keys C-z
wait_for "已撤销这次粘贴：9 项恢复为粘贴前的内容。"     # the two empty cells changed nothing
wait_for ">姓名"
refute_screen "王小明"
refute_screen "许昌学院农学院"
# No end mark: nothing of it in the form, the next keys typed as ever.
printf '\033[200~钱七\t男\t45' >"$WORK/cut"
raw "$WORK/cut" 0
wait_for "粘贴没有结束：5 秒内没有收到终端的粘贴结束标记，一项也没有填入"
refute_screen "钱七"
type_text "李芳"
wait_for "李芳"
# At the cursor (typing left it after 李芳), then over the selected value.
printf '王' >"$WORK/one"
tm load-buffer -b one "$WORK/one"
tm paste-buffer -p -b one -t "$S"
wait_for "已在「姓名」的光标处插入粘贴的 1 个字，原来的内容保留；按 ^Z 恢复。"
assert_line "姓名" "李芳王"
keys Tab BTab
printf '王小明' >"$WORK/name"
tm load-buffer -b name "$WORK/name"
tm paste-buffer -p -b name -t "$S"
wait_for "已粘贴 3 个字，替换了「姓名」原来的内容；按 ^Z 恢复。"
assert_line "姓名" "王小明"
keys C-z
wait_for "「姓名」已恢复为进入本项时的内容。"
assert_line "姓名" "李芳王"
# 联系电话: twelve digits typed in one burst are refused whole.
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
wait_for ">联系电话"
type_text "139123456789"
wait_for "联系电话：最多 11 个字，粘贴的 12 个字多出 1 个，一个字也没有输入"
settled
refute_screen "13912345678"
wait_for ">联系电话"
type_text "13912345678"           # the control: a whole number moves on
wait_for ">电子邮箱"
assert_line "联系电话" "13912345678"
# The start mark cut right after its ESC: that ESC is the Esc key (nothing
# tells them apart), it asks before leaving, and the paste after it is no
# typing — its n would answer the question and type the rest.
printf '\033[200~nancy\tyes\033[201~' >"$WORK/esc"
raw "$WORK/esc" 0 1
wait_for "确定放弃并离开吗"
raw "$WORK/esc" 1
keys n
wait_gone "确定放弃并离开吗"
settled
refute_screen "ancy"
refute_screen "yes"
assert_line "姓名" "李芳王"
assert_sql "SELECT count(*) FROM talent" "0"
keys Escape
wait_for "确定放弃并离开吗"; keys y
wait_for "主菜单"
quit_kepu
