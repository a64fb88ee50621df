# SPDX-License-Identifier: MulanPSL-2.0
# Text stored in the database with terminal escape sequences, bidi overrides,
# zero-width characters, CR and BS is drawn harmlessly in the list and the
# form (escape_corpus.sh checks the bytes; this checks the screen):
# the window title is not changed, nothing is overwritten, '?' shows where
# the control characters were.
. "$(dirname "$0")/lib.sh"
new_db
unit=$(sqlite3 "$DB" "SELECT id FROM units WHERE name = '魏都区'")
sqlite3 "$DB" "INSERT INTO talent (unit_id, created_at, updated_at, name, employer, phone, profile)
  VALUES ($unit, 'x', 'x', '张' || char(27) || ']2;PWNED' || char(7) || '三',
          '许昌' || char(8238) || '学院' || char(8203),
          '138' || char(13) || '999', '第一行' || char(10) || char(27) || '[2J第二行'),
  ($unit, 'x', 'x', '甲真' || char(13) || '假乙', '好' || char(8) || char(8) || '坏', '', '')"
start 80 24
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
wait_for "张?]2;PWNED?"   # ESC and BEL shown as ?, cut at the column width
# A carriage return or backspace in data must not move the drawing
# position: the row stays whole (ncurses alone would obey them).
line=$(screen | grep -F "甲真?假乙" || true)
case "$line" in " 2 "*魏都区*甲真?假乙) ;; *) fail "the row was broken up: '$line'" ;; esac
title=$(tm display-message -p -t e2e '#{pane_title}')
[ "$title" != "PWNED" ] || fail "the window title was changed by data"
keys Enter
wait_for "修改第 1 号记录"
assert_screen "张?]2;PWNED?三"
assert_screen "许昌?学院?"
assert_screen "138?999"
for _ in $(seq 14); do keys Tab; done   # down to 个人基本情况
wait_for "第一行"
assert_screen "?[2J第二行"
title=$(tm display-message -p -t e2e '#{pane_title}')
[ "$title" != "PWNED" ] || fail "the window title was changed by data"
