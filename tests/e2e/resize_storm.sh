# SPDX-License-Identifier: MulanPSL-2.0
# Hundreds of random window sizes while typing (and with a choice list
# open): no crash, every value intact, and the record saves. Under
# `make test SANITIZE=1` this runs against the ASan/UBSan build.
. "$(dirname "$0")/lib.sh"
new_db
seed_random
start 80 24
open_talent_form "医学会"
storms=${STORMS:-300}
# Keys typed while the window is too small are dropped (and said so), so
# each storm ends at a size kepu can draw before typing goes on.
sizes() {
	for _ in $(seq "$1"); do
		resize $((20 + RANDOM % 160)) $((5 + RANDOM % 60))
	done
	resize 80 24
	wait_while "no screen drawn at 80x24 after the storm" not_drawn_at_80x24
}
# A screen drawn at an earlier size of the storm can still be on show after
# the last resize (kepu has not read it yet): only one drawn at 80x24 —
# the title right-aligned to column 79, the key bar on line 24 — says
# typing may go on.
not_drawn_at_80x24() {
	local s
	s=$(screen)
	! { [ "$(head -1 <<<"$s" | sed 's/ *$//' | wc -L)" -eq 79 ] &&
		head -1 <<<"$s" | grep -q "填报单位：医学会" &&
		sed -n 24p <<<"$s" | grep -q "[^ ]"; }
}
type_text "诸葛"; wait_for "诸葛"; sizes $((storms / 6)); type_text "亮"   # read before the storm: keys read at a size too small are dropped
keys Tab
keys Space; sizes $((storms / 6)); keys Down Enter     # 女, with the list open in the storm
type_text "3"; sizes $((storms / 6)); type_text "9"; keys Tab
type_text "汉"; keys Enter
type_text "群众"; keys Enter
type_text "硕士"; keys Enter
keys Tab Tab Tab                          # the first absorbed: the list moved on
type_text "许昌市中心医院"; keys Tab Tab
type_text "13612345678"; keys Tab Tab Tab Space   # the habitual Tab after the mobile is absorbed
keys Tab
type_text "从医二十年"; sizes $((storms / 6))
keys Enter; type_text "第二行"; sizes $((storms / 3))
resize 80 24
wait_for "第二行"
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT name || gender || age || employer || '|' || profile FROM talent" "诸葛亮女39许昌市中心医院|从医二十年
第二行"
keys C-x; wait_for "主菜单"; keys q; wait_for "退出 kepu？"; keys y
wait_for "KEPU-EXIT=0"
