# SPDX-License-Identifier: MulanPSL-2.0
# A crash gives the terminal back: kepu killed by SIGSEGV and by SIGABRT
# (xalloc's abort on running out of memory is the same path) inside a shell
# leaves the shell's terminal cooked with echo, off the alternate screen,
# dies by the signal itself, and the draft saved last is offered at the
# next sign-in. Positive controls: while kepu runs the terminal is raw,
# silent and on the alternate screen.
. "$(dirname "$0")/lib.sh"
new_db
lang=zh_CN.UTF-8
draft_lacks() { [ "$(draft_value name)" != "$1" ]; }
# The database is named in the environment: the shell reports the killed
# command line, and an option on a screen is not for clerks (tests/run.sh).
# crash SIGNAL STATUS NAME: type NAME into a new 附表2 record, wait until
# its draft is saved, kill kepu with SIGNAL, check the terminal after it.
crash() {
	local sig=$1 want=$2 name=$3 tty want_status
	start_cmd 80 24 "env TERM=xterm-256color LANG=$lang LC_ALL=$lang KEPU_DB=$DB $KEPU; echo STATUS=\$?; stty -a >$WORK/stty.after; echo STTY-DONE"
	login admin
	open_talent_form "襄城县"
	type_text "$name"; keys Tab   # the field's value is taken as the cursor leaves it
	wait_for "$name"
	wait_while "no draft saved" draft_lacks "$name"
	tty=$(tm display-message -p -t "$S" '#{pane_tty}')
	stty -a <"$tty" >"$WORK/stty.during"
	grep -qE '(^| )-icanon( |;|$)' "$WORK/stty.during" || fail "kepu's terminal not raw: $(cat "$WORK/stty.during")"
	grep -qE '(^| )-echo( |;|$)' "$WORK/stty.during" || fail "kepu's terminal echoes: $(cat "$WORK/stty.during")"
	[ "$(tm display-message -p -t "$S" '#{alternate_on}')" = 1 ] || fail "kepu not on the alternate screen"
	# This terminal's kepu (a child of the pane's shell), not another scenario's.
	pkill -"$sig" -P "$(tm display-message -p -t "$S" '#{pane_pid}')" -f -- "^$KEPU\$"
	wait_for "STTY-DONE"
	# A sanitized kepu reports a SIGSEGV through the sanitizer, which exits 1.
	want_status=$want
	[ "${SANITIZE:-}" != 1 ] || [ "$sig" != SEGV ] || want_status=1
	grep -qE '(^| )icanon( |;|$)' "$WORK/stty.after" || fail "after SIG$sig: $(cat "$WORK/stty.after")"
	grep -qE '(^| )echo( |;|$)' "$WORK/stty.after" || fail "after SIG$sig: $(cat "$WORK/stty.after")"
	[ "$(tm display-message -p -t "$S" '#{alternate_on}')" = 0 ] || fail "still on the alternate screen after SIG$sig"
	assert_screen "STATUS=$want_status"
	# Looked for in the scroll-back too: a sanitizer's report may follow it.
	tm capture-pane -p -S - -t "$S" >"$WORK/history"
	has "kepu 意外中止（信号 $((want - 128))），终端已恢复" history
	close_terminals
	# The draft is offered at the next sign-in.
	start 80 24
	wait_for "未保存的草稿（1 份）"
	keys Enter
	wait_for "已恢复草稿"
	assert_screen "$name"
	hang_up
	sqlite3 "$DB" "DELETE FROM kp_drafts"
}
crash SEGV 139 "欧阳修"
crash ABRT 134 "司马光"
