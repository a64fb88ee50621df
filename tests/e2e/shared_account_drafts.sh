# SPDX-License-Identifier: MulanPSL-2.0
# Offices share an account: two, then 40, sessions of one account each type
# a different new 附表2 record and are hung up together. Every session's
# draft is kept (none writes over another's) and the next sign-in offers
# them all, each with when it was typed and its first fields.
. "$(dirname "$0")/lib.sh"
new_db
add_user wdq unit 魏都区

# name N: the name session N types, 员工 and N in Chinese digits (a name
# takes no Latin digits).
name() { echo "员工$(echo "$1" | sed 'y/0123456789/〇一二三四五六七八九/')"; }

# type_in N: session N signs in and types its name into a new record.
type_in() {
	use "s$1"
	E2E_USER=wdq start 80 24
	if on_screen "未保存的草稿（"; then   # the colleagues' drafts: later
		keys Escape
		wait_for "主菜单"
	fi
	keys 2
	wait_for "附表2 科普人才库推荐表：新记录"
	type_text "$(name "$1")"; keys Tab
	wait_for "$(name "$1")"
}

# offered N: the next sign-in lists N drafts, one per name typed.
offered() {
	use next
	E2E_USER=wdq start 80 24
	wait_for "未保存的草稿（$1 份）"
	keys Home; settled
	screen >"$WORK/seen"
	# more than a page (20 lines at 80x24): 19 shown, the last line counts the rest
	if [ "$1" -gt 20 ]; then assert_screen "↓ 还有 $(($1 - 19)) 项"; else refute_screen "还有"; fi
	local pages=0
	while on_screen "↓ 还有" && [ $((pages += 1)) -le "$1" ]; do
		keys NPage; settled
		screen >>"$WORK/seen"
	done
	[ "$1" -le 20 ] || assert_screen "↑ 上面还有"
	for i in $(seq "$1"); do
		n=$(printf %02d "$i")
		grep -qF "姓名 $(name "$n")" "$WORK/seen" || fail "draft of $(name "$n") not offered"
	done
}

for n in 01 02; do type_in "$n"; done
hang_up
assert_sql "SELECT count(*) FROM kp_drafts WHERE owner = 'wdq' AND record_id = 0" "2"
offered 2
# Continuing one restores it in its form; saved, that draft alone goes.
keys Home; settled
keys Enter
wait_for "已恢复草稿"
wait_for ">性别"                       # where typing stopped, after the name
keys BTab                              # back to 姓名: entered, it is selected
fill_required "$(name 02)" 13838383838
keys F2
wait_for "已保存（第"
assert_sql "SELECT count(*) FROM kp_drafts" "1"
keys Escape
wait_for "未保存的草稿（1 份）"
# Thrown away on purpose, after asking; the list leads on to the menu.
keys F8
wait_for "放弃"
keys n
wait_for "草稿保留。"
assert_sql "SELECT count(*) FROM kp_drafts" "1"
keys F8; wait_for "(y/n)"; keys y
wait_for "已放弃这份草稿。"
assert_sql "SELECT count(*) FROM kp_drafts" "0"
wait_for "主菜单"                       # the last draft gone: on to the menu
hang_up

for n in $(seq -w 1 40); do type_in "$n"; done
hang_up
assert_sql "SELECT count(*) FROM kp_drafts WHERE owner = 'wdq' AND record_id = 0" "40"
offered 40
hang_up
