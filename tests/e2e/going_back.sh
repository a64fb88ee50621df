# SPDX-License-Identifier: MulanPSL-2.0
# Going back and leaving at 80x24 (issue 23, 5, 6, 9, 10): the title names
# where Esc returns; F3 on a form with nothing typed gives its place to
# the list, so one Esc reaches the menu and the next menu key opens its
# screen instead of landing in 姓名; after F7 and F3 one Esc per screen;
# F10, Esc and q on the menu ask 「退出 kepu？」 (other keys are ignored
# until y or n); a status message goes with the next key. The city sees what
# waits for its review, r opens it, and o opens the next programme year
# after a question naming it.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
demo_drafts   # the city's queue from nothing: one submitted below
id=$(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id LIMIT 1")
sqlite3 "$DB" "UPDATE talent SET kp_state = 'submitted' WHERE id = $id"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null  # counts again after the edit above
menu_hint="按方括号中的数字或字母直接打开"

E2E_USER=weidu start 80 24 --today 2016-08-10
wait_for "这是演示账号"                          # the demo note stands in the hint's place, this screen only
assert_screen "附表2 已提交 1 / 草稿"                 # a unit's counts say their states
keys 2; wait_for "附表2 科普人才库推荐表：新记录"
assert_screen "← 菜单"
keys F3; wait_for "记录列表  ← 菜单"                   # the empty form gave its place
keys Escape; wait_for "$menu_hint"
keys c; wait_for "工作进度检查表（五、组织实施）  ← 菜单"  # the menu key opened its screen; 演示账号 gives way to the title
keys Escape; wait_for "$menu_hint"
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表  ← 菜单"
# A stored record's title is too wide for all beside it: the label
# 填报单位 and then 演示账号 give way; the form's name stays whole (t80h
# h13), and the way back too.
keys Enter; wait_for "附表2 科普人才库推荐表：查看第"
assert_screen "号记录（已提交）  ← 列表"
keys Escape; wait_for "记录列表  ← 菜单"
keys F7; wait_for "新记录（草稿）  ← 列表"
keys F3; wait_for "记录列表  ← 菜单"                   # back to that list, not a second one
keys Escape; wait_for "$menu_hint"
settled; refute_screen "记录列表  ←"
# A form with something typed stays under its list.
keys 2; wait_for "新记录（草稿）  ← 菜单"
type_text "甲"; keys F3; wait_for "记录列表  ← 填写"
keys Escape; wait_for "新记录（草稿）  ← 菜单"
keys F2; wait_for "姓名：应为 2 到 50 个字的汉字姓名"                # a field's refusal said…
keys Escape; wait_for "确定放弃"; refute_screen "的汉字姓名"  # …gives way to the question (keys3)
keys y
wait_for "$menu_hint"
# Leaving is asked, whichever key asks.
keys F10; wait_for "退出 kepu？(y/n)"
keys n; wait_gone "退出 kepu？"
keys Escape; wait_for "退出 kepu？(y/n)"
keys 2 Enter Escape; wait_gone "退出 kepu？"       # other keys are ignored while it asks
settled; refute_screen "：新记录"; assert_screen "$menu_hint"
# F1 lists what this account can do here: none of the city's keys, no digit of no form.
keys F1; wait_for "按键帮助（按任意键返回）"
assert_screen "打开附表"
refute_screen "开启新年度"; refute_screen "待审核"; refute_screen "5/6/7/8"
keys Escape; wait_gone "按键帮助（按任意键返回）"
# The next key clears a message.
keys y; wait_for "只开启了 2016 年度"
keys Down; wait_gone "只开启了 2016 年度"
keys q; wait_for "退出 kepu？(y/n)"; keys y
wait_for "KEPU-EXIT=0"
close_terminals

E2E_USER=shikexie start 80 24 --today 2016-08-10
wait_for "待审核：附表2 1 条（按 r 打开）"
keys F1; wait_for "按键帮助（按任意键返回）"
assert_screen "开启新年度"                           # the city's help lists its keys (the control)
keys Escape; wait_gone "按键帮助（按任意键返回）"
keys r; wait_for "只看「已提交」的记录"
assert_screen "记录列表  ← 菜单"
keys Escape; wait_for "$menu_hint"
assert_sql "SELECT count(*) FROM kp_years" "1"
keys o; wait_for "开启 2017 年度（从 2016 年度"
keys n; settled
assert_sql "SELECT count(*) FROM kp_years" "1"             # no: nothing opened
keys o; wait_for "开启 2017 年度（从 2016 年度"; keys y
wait_for "已开启 2017 年度"
assert_sql "SELECT group_concat(year || ':' || from_year || ':' || opened_by) FROM kp_years WHERE year = 2017" "2017:2016:shikexie"
keys y; wait_for "已切换到 2017 年度"
quit_kepu
