# SPDX-License-Identifier: MulanPSL-2.0
# Typing replaces, editing edits, in 附表1's quota table (a screen without a
# model yet): Enter on a quota selects it, typing replaces it, ^B edits it
# in place (the arrows save the cell and move to the next one). The forms' part of the story (a remembered 工作单位, a name
# corrected, a pre-filled 0 in 月报) is tests/unit/test_form_stories.c.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
keys 1
wait_for "序号  单位                科普人才"          # the table, not the menu line naming it
keys Down Right                              # 长葛市 科普活动 (10)
keys Enter
type_text "12"; keys Enter
wait_for "已保存：长葛市 科普活动 = 12"
keys Enter C-b                               # 禹州市: cursor before the last digit
type_text "5"; keys Enter
wait_for "已保存：禹州市 科普活动 = 150"
assert_sql "SELECT q.activity FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 2" "12"
assert_sql "SELECT q.activity FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 3" "150"
