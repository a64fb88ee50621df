# SPDX-License-Identifier: MulanPSL-2.0
# Choice lists find an item by its other spellings (the list's aliases), in
# characters or pinyin: 学历 by 「大专」 or `dz` is 大学专科, 政治面貌 by
# 「党员」 is 中共党员; the highlighted box of a multi-select starts at the
# first option for every record.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "许昌学院"
type_text "王芳"; keys Tab
type_text "女"; keys Enter
type_text "38"; keys Tab
type_text "汉"; keys Enter
type_text "党员"; wait_for "筛选：党员"; keys Enter
type_text "dz"; wait_for "大学专科"; keys Enter
keys Tab Tab
type_text "许昌学院"; keys Tab Tab
type_text "13912345678"; keys Tab Tab Tab
keys Right Right Space                         # 社区科普
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT political || '|' || education || '|' || service_categories FROM talent" '中共党员|大学专科|["社区科普"]'
# The next record: 「大专」 in characters; Space on the boxes ticks the first.
type_text "李强"; keys Tab
type_text "男"; keys Enter
type_text "40"; keys Tab
type_text "汉"; keys Enter
type_text "群众"; keys Enter
type_text "大专"; wait_for "大学专科"; keys Enter
keys Tab Tab Tab Tab
type_text "13912345679"; keys Tab Tab Tab
keys Space F2
wait_for "已保存（第 2 号记录）"
assert_sql "SELECT education || '|' || service_categories FROM talent WHERE id = 2" '大学专科|["青少年科普"]'
