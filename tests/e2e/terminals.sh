# SPDX-License-Identifier: MulanPSL-2.0
# The same session under every TERM the offices use: the screen draws, both
# Backspace codes (^H and ^?) remove one whole character, Ctrl-S saves on
# every terminal, ^Z 撤销 works where terminfo calls it kspd (putty,
# linux), and F2 works as each terminal sends it (xterm ESC O Q,
# PuTTY ESC [12~, the linux console ESC [[B). The numeric keypad stays
# numeric (no DECKPAM: tmux's keypad_flag is 0) and its digits land even
# from a terminal left in application mode (ESC O p…y; under vt100
# ESC O t is kf5, 同上 before).
. "$(dirname "$0")/lib.sh"
new_db
n=0
for term in xterm xterm-256color putty vt100 linux screen tmux-256color; do
	infocmp "$term" >/dev/null 2>&1 || fail "no terminfo entry for $term (ncurses-term)"
	n=$((n + 1))
	E2E_USER= E2E_TERM=$term start 80 24
	wait_for "请登录"
	refute_screen "中文"    # the encoding probe's, sent before the first paint that clears it
	login admin
	open_talent_form "许昌学院"
	assert_screen "填报单位：许昌学院"
	type_text "张三丰X"
	keys -H 08                      # ^H
	type_text "Y"
	keys -H 7f                      # ^?
	keys Tab
	type_text "男"; keys Enter
	type_text "40"; keys Tab
	type_text "汉"; keys Enter
	type_text "群众"; keys Enter
	type_text "高中"; keys Enter
	keys Tab Tab Tab                  # the first absorbed: the list moved on
	type_text "错"                  # typed in 工作单位 …
	wait_for "错"
	keys C-z                        # … ^Z takes it back (KEY_SUSPEND under putty/linux: kspd=^Z)
	wait_for "「工作单位」已恢复为进入本项时的内容"
	refute_screen "错"
	type_text "$term"
	keys Tab Tab
	[ "$(tm display -p -t "$S" '#{keypad_flag}')" = 0 ] || fail "$term: keypad in application mode"
	type_text "138000"
	keys -H 1b 4f 70 1b 4f 70 1b 4f 70 1b 4f 70 1b 4f 7$n   # numpad 0000 and $n, application mode
	wait_for "1380000000$n"
	keys Tab Tab Tab Space   # the habitual Tab after the mobile is absorbed
	case $term in
	putty) keys -H 1b 5b 31 32 7e ;;   # PuTTY F2
	linux) keys -H 1b 5b 5b 42 ;;      # linux console F2
	vt100) keys C-s ;;                 # vt100 has no F2 in terminfo: Ctrl-S
	*) keys F2 ;;
	esac
	wait_for "已保存（第 $n 号记录）"
	assert_sql "SELECT name || '|' || employer || '|' || phone FROM talent WHERE id = $n" "张三丰|$term|1380000000$n"
	keys C-x
	wait_for "主菜单"
	if [ "$term" = vt100 ]; then     # F1–F4 only: the key line names the keys there are
		assert_screen "q/Esc 退出"; refute_screen "F10"
	else
		assert_screen "q/Esc/F10 退出"
	fi
	quit_kepu
	close_terminals
done

# A terminal type this machine has no terminfo for (an odd client
# emulation) or none at all: told in Chinese, with what to set, and kepu
# exits 1 — not ncurses' English 「Error opening terminal」. Control: the
# same command with TERM=xterm draws the login.
for t in "TERM=kepu-no-such-term" "-u TERM"; do
	start_cmd 200 24 "env $t LANG=C.UTF-8 $KEPU --db $DB"   # wide: the shell wraps mid-word
	wait_for "KEPU-EXIT=1"
	case $t in
	TERM=*) assert_screen "本机不认识终端类型 TERM=kepu-no-such-term" ;;
	*) assert_screen "没有设置终端类型（TERM）" ;;
	esac
	assert_screen "把终端类型设为 xterm"
	refute_screen "Error opening terminal"
	close_terminals
done
start_cmd 100 24 "env TERM=xterm LANG=C.UTF-8 $KEPU --db $DB"
wait_for "请登录"
close_terminals
