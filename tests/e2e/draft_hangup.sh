# SPDX-License-Identifier: MulanPSL-2.0
# A dropped link (SIGHUP) while typing keeps the input as a draft; at the
# next sign-in kepu lists it (Esc keeps it for later) and Enter brings it
# back in its form; saved, the draft goes.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "襄城县"
type_text "欧阳修"; keys Tab
type_text "男"; keys Enter
type_text "66"; keys Tab
type_text "汉"; keys Enter
wait_for "汉族"
hang_up
assert_sql "SELECT count(*) FROM kp_drafts" "1"
[ "$(draft_value name)" = "欧阳修" ] || fail "draft name: $(draft_value name)"
[ "$(draft_value age)" = "66" ] || fail "draft age: $(draft_value age)"
assert_sql "SELECT count(*) FROM talent" "0"

start 80 24
wait_for "未保存的草稿（1 份）"
assert_screen "新记录 姓名 欧阳修 · 性别 男 · 年龄 66"   # whole at 80: the record column is as wide as its text
# Kept for later: a new form opened meanwhile starts empty (a colleague on
# the same account is not handed another's draft), and nothing is lost.
keys Escape
open_talent_form "魏都区"
settled
refute_screen "恢复吗"
hang_up
assert_sql "SELECT count(*) FROM kp_drafts" "1"
start 80 24
wait_for "未保存的草稿（1 份）"
keys Enter
wait_for "已恢复草稿"
assert_screen "欧阳修"
assert_screen "填报单位：襄城县"   # the draft's unit, not the one just picked
wait_for ">政治面貌"               # where typing stopped, not 姓名
type_text "群众"; keys Enter
type_text "大学本科"; keys Enter
keys Tab Tab Tab                      # the first absorbed: the list moved on
type_text "襄城县科协"; keys Tab Tab
type_text "13700001111"; keys Tab Tab Tab Space   # the habitual Tab after the mobile is absorbed
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT t.name || age || ethnicity || u.name FROM talent t JOIN units u ON u.id = t.unit_id" \
	"欧阳修66汉族襄城县"
assert_sql "SELECT count(*) FROM kp_drafts" "0"

# Thrown away on purpose at sign-in, after asking, the draft goes.
type_text "司马光"
wait_for "司马光"
hang_up
start 80 24
wait_for "未保存的草稿（1 份）"
keys F8
wait_for "放弃后无法恢复。(y/n)"
keys y
wait_for "已放弃这份草稿。"
assert_sql "SELECT count(*) FROM kp_drafts" "0"
wait_for "主菜单"                        # the last one gone: on to the menu, no key needed
refute_screen "未保存的草稿（0 份）"

# SIGTERM (a shutdown, an administrator's kill) keeps the input too.
hang_up   # close the previous session first
start 80 24
open_talent_form "农学会"
type_text "范仲淹"
wait_for "范仲淹"
pkill -TERM -f -- "^$KEPU --db $DB"   # kepu itself, not the pane's shell
wait_for "KEPU-EXIT=0"
[ "$(draft_value name)" = "范仲淹" ] || fail "no draft after SIGTERM: $(draft_value name)"
