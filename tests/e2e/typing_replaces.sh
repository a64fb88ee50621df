# SPDX-License-Identifier: MulanPSL-2.0
# Typing replaces, editing edits: a field entered with a value has it
# selected, so the clerk's first key replaces it (a remembered 工作单位, a
# name corrected, a pre-filled 0 in 月报, a quota in 附表1), while an arrow,
# Home or End edits the value in place.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "许昌学院"
fill_required "李秀兰" "13812345678"
keys F2
wait_for "已保存（第 1 号记录）"
# The next teacher: 工作单位 still holds 许昌学院农学院 (sticky); typed over.
type_text "王芳"; keys Tab
type_text "女"; keys Enter
type_text "38"; keys Tab
type_text "汉"; keys Enter
type_text "群众"; keys Enter
type_text "本科"; keys Enter
keys Tab Tab Tab                           # the first absorbed; 主要从事行业, 科普专长
wait_for "许昌学院农学院"
type_text "许昌市第一中学"; keys Tab
keys Tab
type_text "13912345678"
keys Tab Tab Tab Space F2                   # the Tab after the mobile is absorbed
wait_for "已保存（第 2 号记录）"
assert_sql "SELECT employer FROM talent WHERE id = 2" "许昌市第一中学"
keys Escape
wait_for "主菜单"

# Record 1 opened again: the name is selected; typing replaces it.
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Enter
wait_for "修改第 1 号记录"
type_text "李秀英"
keys Tab                                    # 性别: a choice
keys Tab                                    # 年龄 45: End, then edit in place
keys End BSpace
type_text "6"
keys Tab Tab Tab Tab Tab Tab
# 工作单位: Home, then typing goes in front of the kept value
keys Home
type_text "河南"
keys F2
wait_for "已保存对第 1 号记录的修改"
assert_sql "SELECT name || '|' || age || '|' || employer FROM talent WHERE id = 1" "李秀英|46|河南许昌学院农学院"
keys Escape
wait_for "主菜单"

# 月报: the pre-filled 0s are typed over (2, not 20; 120, not 1200).
keys m
wait_for "请选择填报单位"
keys Enter                                  # the unit chosen for 附表2, offered first
wait_for "月报：新记录"
assert_screen "填报单位：许昌学院"
keys Space; wait_for "2016-12"; keys Enter
wait_for "预填"
type_text "2"; keys Tab
type_text "120"; keys Tab
keys Right                                  # 活动场次 0: edited in place, 0 kept
type_text "1"; keys Tab
keys Tab Tab Tab
type_text "七月开展培训两场。"
keys F2
wait_for "已保存（第"
assert_sql "SELECT training_sessions || '|' || training_people || '|' || activity_sessions FROM monthly" "2|120|1"
keys Escape
wait_for "主菜单"

# 附表1: Enter on a quota selects it; typing replaces it, Left edits it.
keys 1
wait_for "序号  单位                科普人才"          # the table, not the menu line naming it
keys Down Right                              # 长葛市 科普活动 (10)
keys Enter
type_text "12"; keys Enter
wait_for "已保存：长葛市 科普活动 = 12"
keys Enter Left                              # 禹州市: cursor before the last digit
type_text "5"; keys Enter
wait_for "已保存：禹州市 科普活动 = 150"
assert_sql "SELECT q.activity FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 2" "12"
assert_sql "SELECT q.activity FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 3" "150"
