# SPDX-License-Identifier: MulanPSL-2.0
# Choice lists answer to pinyin typed in Latin letters, no input method
# needed: hz → 汉族 (and 赫哲族), mgz → 蒙古族, zgdy → 中共党员, and the
# unit picker to xcxy → 许昌学院.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
wait_for "主菜单"
keys 2
wait_for "请选择填报单位"
type_text "xcxy"
wait_for "许昌学院"
refute_screen "魏都区"
keys Enter
wait_for "填报单位：许昌学院"
type_text "王安石"; keys Tab
type_text "n"; wait_for "筛选：n"; keys Enter       # 男 (nan)
type_text "60"; keys Tab
type_text "hz"
wait_for "赫哲族"
assert_screen "汉族"
refute_screen "蒙古族"
keys Enter                                         # the first: 汉族
wait_for "民族                    * 汉族"
keys BTab
type_text "mgz"; wait_for "蒙古族"; keys Enter
wait_for "民族                    * 蒙古族"
type_text "zgdy"; wait_for "中共党员"; keys Enter
wait_for "政治面貌                * 中共党员"
type_text "bk"; wait_for "大学本科"; keys Enter
keys Tab Tab Tab                     # the first absorbed: the list moved on
type_text "许昌学院"; keys Tab Tab
type_text "13812345678"; keys Tab Tab Tab Space   # the habitual Tab after the mobile is absorbed
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT gender || ethnicity || political || education FROM talent" "男蒙古族中共党员大学本科"
