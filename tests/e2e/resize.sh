# SPDX-License-Identifier: MulanPSL-2.0
# Resizing in the middle of typing keeps every value; below 80x24 a clear
# message replaces the form, and the form comes back intact.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "长葛市"
type_text "王小明"; keys Tab
type_text "男"; keys Enter
type_text "4"
resize 120 40
wait_for "附表2 科普人才库推荐表"
type_text "2"
resize 60 20
wait_for "终端窗口太小：至少需要 80x24，现在是 60x20"
type_text "丢"                               # unseen: dropped, and said so
wait_for "已忽略"
resize 100 30
wait_for "王小明"
resize 80 24
wait_for "王小明"
keys Tab
type_text "汉"; keys Enter
type_text "群众"; keys Enter
type_text "大学专科"; keys Enter
keys Tab Tab Tab                     # the first absorbed: the list moved on
type_text "长葛市第一中学"; keys Tab Tab
type_text "13612345678"; keys Tab Tab Tab Space   # the habitual Tab after the mobile is absorbed
keys F2
wait_for "已保存"
assert_sql "SELECT name || gender || age || employer FROM talent" "王小明男42长葛市第一中学"
