# SPDX-License-Identifier: MulanPSL-2.0
# Two clerks on one account: the new record one is still typing (its draft
# autosaved) is not offered to the other at sign-in — continued there, it
# would be the first clerk's record saved twice. Once that session hangs
# up, the next sign-in offers the draft (nothing is lost).
. "$(dirname "$0")/lib.sh"
new_db
add_user wdq unit 魏都区
no_draft() { [ "$(sqlite3 "$DB" 'SELECT count(*) FROM kp_drafts')" = 0 ]; }

use a
E2E_USER=wdq start 80 24
keys 2
wait_for "附表2 科普人才库推荐表：新记录"
type_text "甲员工"; keys Tab
wait_for "甲员工"
wait_while "no draft autosaved" no_draft   # written while a types on

use b
E2E_USER=wdq start 80 24
wait_for "主菜单"
refute_screen "未保存的草稿"
quit_kepu
tm kill-session -t b

# a hangs up (its terminal closed): the draft is offered at once
tm kill-session -t a
wait_while "kepu still running after the hang-up" running "--db $DB"
assert_sql "SELECT count(*) FROM kp_drafts" "1"
use c
E2E_USER=wdq start 80 24
wait_for "未保存的草稿（1 份）"
assert_screen "姓名 甲员工"
keys Enter
wait_for "已恢复草稿"
assert_screen "甲员工"
