# SPDX-License-Identifier: MulanPSL-2.0
# Heads-down entry: a whole mobile number moves on by itself, 工作单位 stays
# for the next record (sticky), F5/^Y copies a field from the previous
# record (同上), and the status line counts the records of this sitting.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "许昌学院"
type_text "李白"; keys Tab
type_text "男"; keys Enter
type_text "45"; keys Tab
type_text "汉"; keys Enter
type_text "群众"; keys Enter
type_text "本科"; keys Enter
type_text "教育"; keys Tab
keys Tab
type_text "许昌市第一中学"; keys Tab
type_text "教师"; keys Tab
type_text "13812345678"                  # no Tab: a whole mobile number moves on
type_text "libai@163.com"
keys Tab Tab Space
keys F2
wait_for "已保存（第 1 号记录），本次已录入 1 份"
assert_sql "SELECT phone || ' ' || email FROM talent" "13812345678 libai@163.com"
wait_for "工作单位                * 许昌市第一中学"     # sticky
# The next teacher: 同上 for 性别, 年龄, 民族, 政治面貌, 学历, 主要从事行业
type_text "杜甫"; keys Tab
keys F5 F5 C-y F5 F5 C-y                  # each copies and moves on
wait_for "主要从事行业              教育"
keys Tab Tab                             # 科普专长, then 工作单位 (kept)
type_text "语文教师"; keys Tab
type_text "13912345678"
keys Tab Tab Tab Space                    # the habitual Tab after the mobile is absorbed
keys F2
wait_for "已保存（第 2 号记录），本次已录入 2 份"
assert_sql "SELECT name || gender || age || ethnicity || political || education || industry || employer || title
  FROM talent WHERE id = 2" "杜甫男45汉族群众大学本科教育许昌市第一中学语文教师"
