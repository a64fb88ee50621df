# SPDX-License-Identifier: MulanPSL-2.0
# A row copied from Excel and pasted (bracketed paste: kepu turns the mode
# on, tmux's paste-buffer -p marks the text only then) fills the fields in
# order from the focused one, each checked as if typed: choices by item or
# alias (党员 → 中共党员, 大专 → 大学专科), a choice that is no item stays
# empty with the field's message and gets the focus; a bad phone keeps what
# was pasted with its message. Then the clerk fixes them and saves.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "许昌学院"
printf '王小明\t女\t45\t汉族\t党员\t火星学历\t\t\t许昌学院农学院\t教授\t13912345678\r\n' >"$WORK/row"
tm load-buffer -b row "$WORK/row"
tm paste-buffer -p -b row -t "$S"
wait_for "已粘贴 11 项，其中 1 项有误"
assert_screen "王小明"
assert_screen "中共党员"
assert_screen "第一处在「学历」"
wait_for ">电子邮箱"                                # after the last pasted cell, not back on 学历
keys F2; wait_for "学历：「火星学历」不是可选的项"      # F2 goes there; nothing saved past it
wait_for ">学历"
assert_sql "SELECT count(*) FROM talent" "0"
type_text "大专"; wait_for "大学专科"; keys Enter   # the focus is on 学历, the one wrong
keys Tab Tab Tab Tab Tab Tab Tab Tab               # the first absorbed; from 主要从事行业 to 服务类别
keys Space
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT name || '|' || gender || '|' || age || '|' || ethnicity || '|' || political || '|' || education || '|' || employer || '|' || title || '|' || phone FROM talent" \
	"王小明|女|45|汉族|中共党员|大学专科|许昌学院农学院|教授|13912345678"
# Two rows pasted with marks: refused whole (the second row is never
# dropped without a word), nothing filled.
printf '钱一\t男\t30\t汉族\t党员\t本科\t\t\t许昌学院\t教师\t13837400011\r\n孙二\t女\t31\t回族\t群众\t大专\t\t\t许昌学院\t化学教师\t13837400012\r\n' >"$WORK/rows"
tm load-buffer -b rows "$WORK/rows"
tm paste-buffer -p -b rows -t "$S"
wait_for "粘贴的内容有 2 行"
refute_screen "钱一"
assert_sql "SELECT count(*) FROM talent" "1"
# A bidi control in the paste (it reorders what the city reads): the whole
# paste refused naming it, as a control character is — never dropped with
# the rest filled (t6h: 姓名 子丑寅卯 and 「其中 1 个是看不见的控制字符」).
printf '子丑\xe2\x80\xae寅卯' >"$WORK/bidi"
tm load-buffer -b bidi "$WORK/bidi"
tm paste-buffer -p -b bidi -t "$S"
wait_for "粘贴的内容第 3 个字是看不见的控制字符或格式字符（U+202E），一项也没有填入"
refute_screen "子丑"
# Pasted text reaches no other screen as keys: the mode is off after kepu.
keys Escape
wait_for "主菜单"
quit_kepu
