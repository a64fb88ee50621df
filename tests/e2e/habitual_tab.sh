# SPDX-License-Identifier: MulanPSL-2.0
# Auto-advance that forgives habit: after a whole mobile number the cursor
# moves on by itself, and the clerk's habitual Tab is absorbed, so the
# e-mail lands in 电子邮箱, not in QQ号或微信号. A site's form may turn
# that off per field (forgive_tab: false): then the Tab moves on.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "许昌学院"
type_text "张海旺"; keys Tab
type_text "男"; keys Enter
type_text "45"; keys Tab
type_text "汉"; keys Enter
type_text "中共"; keys Enter
type_text "本科"; keys Enter
keys Tab Tab Tab                        # moved on by the list: the first is absorbed
type_text "许昌学院农学院"; keys Tab Tab
type_text "13937412345"; keys Tab          # moved on already: this Tab is absorbed
wait_for ">电子邮箱"
type_text "zhw@163.com"; keys Tab
type_text "zhw_kp2016"; keys Tab
keys Space F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT phone || '|' || email || '|' || qq_wechat FROM talent" "13937412345|zhw@163.com|zhw_kp2016"
# Only the first key after the move is forgiven: Tab, Tab moves once.
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
type_text "13937412346"; keys Tab Tab
wait_for ">QQ号或微信号"
close_terminals

# forgive_tab: false in a site's talent.yaml: the Tab after the move skips.
mkdir "$WORK/screens"
sed 's/^\(\s*\)type: phone$/&\n\1forgive_tab: false/' screens/talent.yaml >"$WORK/screens/talent.yaml"
grep -q "forgive_tab: false" "$WORK/screens/talent.yaml" || fail "no forgive_tab in the site's form"
"$KEPU" check --screens "$WORK/screens" >/dev/null || fail "kepu check refuses forgive_tab"
start 80 24 --screens "$WORK/screens"
wait_for "未保存的草稿（1 份）"             # the draft the closed terminal left
keys F8; wait_for "(y/n)"; keys y
wait_for "已放弃这份草稿。"
wait_for "主菜单"                          # the last draft gone: on to the menu
open_talent_form "许昌学院"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
type_text "13937412345"; keys Tab
wait_for ">QQ号或微信号"
close_terminals

# The user's own choice: auto-advance off for this account (menu, kept in
# kp_users), so a whole mobile number waits for the clerk's Tab; on again.
start 80 24
wait_for "未保存的草稿（1 份）"
keys F8; wait_for "(y/n)"; keys y
wait_for "已放弃这份草稿。"
wait_for "主菜单"                          # the last draft gone: on to the menu
menu_open "输入习惯：填满的项自动跳到下一项（现在：开"
wait_for "已关闭：每一项填完后按 Tab 或回车到下一项。"
assert_sql "SELECT auto_advance FROM kp_users WHERE name = 'admin'" "0"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'auto_advance_off' AND user = 'admin'" "1"
open_talent_form "许昌学院"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
type_text "13937412347"
wait_for ">联系电话"                              # stays: the Tab is the clerk's to press
keys Tab
wait_for ">电子邮箱"
keys Escape
wait_for "确定放弃并离开吗"; keys y
menu_open "输入习惯：填满的项自动跳到下一项（现在：关"
wait_for "已打开：手机号等填满后自动跳到下一项"
assert_sql "SELECT auto_advance FROM kp_users WHERE name = 'admin'" "1"
