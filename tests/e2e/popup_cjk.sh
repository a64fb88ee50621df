# SPDX-License-Identifier: MulanPSL-2.0
# Popups over wide characters leave nothing behind: the city's unit picker
# (for 附表2 over the main screen's lines, for 附表4 over the roll's names)
# opens with its borders cutting CJK text, and once closed the screen is
# exactly what it was — no stray + or half characters, without ^L.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
E2E_USER=shikexie start 80 24 --today 2016-08-10
wait_for "主菜单"
settled   # the demo account's sign-in note goes with the next screen
before=$(screen)
keys 2
wait_for "请选择填报单位"
keys Escape
wait_gone "请选择填报单位"
after=$(screen)
[ "$before" = "$after" ] || fail "the menu changed under the picker:
$(diff <(echo "$before") <(echo "$after"))"
keys 4
wait_for "请选择填报单位"
type_text "魏都区"; keys Enter
wait_for "单位：魏都区"
before=$(screen)
for x in 1 2; do                                   # the picker at two widths of filter
	keys F4
	wait_for "请选择填报单位"
	[ "$x" = 2 ] && type_text "许"
	keys Escape
	wait_gone "请选择填报单位"
	after=$(screen)
	[ "$before" = "$after" ] || fail "the roll changed under the picker:
$(diff <(echo "$before") <(echo "$after"))"
	grep -q '+' <<<"$after" && fail "a stray + stayed"
done
true
