# SPDX-License-Identifier: MulanPSL-2.0
# The review of 附表2: the unit submits, the city approves one talent and
# returns another with a reason; the unit sees why, corrects it and submits
# again; an approved record is read-only for the unit; 省辖市科协意见 is the
# city's to write; lists filter by state; the roll and the ranking count
# approved talents. An approval made by mistake: the unit cannot undo it,
# the city's 撤销认定 puts it back to 已提交 with a reason the unit never
# sees as a return, and the unit's count drops.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
demo_drafts   # the city's queue from nothing
ids=($(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id"))
names=($(sqlite3 "$DB" "SELECT t.name FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id"))

E2E_USER=weidu start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "共 3 条"
assert_line " ${ids[0]} " "草稿"
for i in 0 1; do                                   # submit the first two
	keys F9
	wait_for "提交审核"
	keys Enter
	wait_for "第 ${ids[i]} 号记录已改为「已提交」"      # this record's, not the last one's
	keys Down
done
assert_sql "SELECT group_concat(kp_state, ',') FROM (SELECT kp_state FROM talent WHERE id IN (${ids[0]}, ${ids[1]}, ${ids[2]}) ORDER BY id)" \
	"submitted,submitted,draft"
keys Home Enter                                    # a submitted record: read-only now
wait_for "查看第 ${ids[0]} 号记录（已提交）"
type_text "改"
wait_for "这条记录「已提交」，不能修改。"
keys Escape
wait_for "记录列表"
keys Escape Escape; wait_for "主菜单"
close_terminals

E2E_USER=shikexie start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Tab                                           # 草稿
wait_for "只看「草稿」的记录"
keys Tab                                           # 已提交
wait_for "只看「已提交」的记录"
wait_for "共 2 条"
keys F9                                            # from the list, never opened: refused
wait_for "退回修改"
type_text "认定"; keys Enter
wait_for "第 ${ids[0]} 号记录「${names[0]}」的当前内容你还没有打开看过（这次登录后没有打开过）"
assert_sql "SELECT kp_state FROM talent WHERE id = ${ids[0]}" "submitted"
keys Enter; wait_for "第 ${ids[0]} 号记录（已提交）"    # read in the form, then decided on
keys Escape; wait_for "记录列表"
keys F9
wait_for "退回修改"
type_text "认定"; keys Enter
wait_for "第 ${ids[0]} 号记录已改为「已认定」。"
wait_for "共 1 条"                                  # only the submitted one is left
assert_screen "F9/^W 审核"                           # the list's key line
# opened, then changed behind the city's back (as a withdraw, edit and
# resubmit would): the list reloads, the version opened is not this one
keys Enter; wait_for "第 ${ids[1]} 号记录（已提交）"
seen=$(sqlite3 "$DB" "SELECT version FROM talent WHERE id = ${ids[1]}")
sqlite3 "$DB" "UPDATE talent SET age = 88, version = version + 3 WHERE id = ${ids[1]}"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改记录 --db "$DB" >/dev/null
keys Escape; wait_for "记录列表"                     # the list reloads: its row is the new version
keys F9; wait_for "退回修改"
type_text "认定"; keys Enter
wait_for "的当前内容你还没有打开看过（你看过的是第 $seen 版）"
assert_sql "SELECT kp_state FROM talent WHERE id = ${ids[1]}" "submitted"
keys F9; wait_for "退回修改"                          # a return needs its reason, not a reading
type_text "退回"; keys Enter
wait_for "退回修改的原因"
wait_for "Enter 确定  Esc 取消"                      # the prompt's own keys, not the list's
refute_screen "F9/^W 审核"
type_text "缺少联系电话的区号，请补充"; keys Enter
wait_for "第 ${ids[1]} 号记录已改为「退回」。"
assert_sql "SELECT kp_reason FROM talent WHERE id = ${ids[1]}" "缺少联系电话的区号，请补充"
# The city writes its opinion on the approved one? It must reopen it first.
keys Tab                                           # 已认定
wait_for "只看「已认定」的记录"
keys Enter
wait_for "查看第 ${ids[0]} 号记录（已认定）"
type_text "x"
wait_for "这条记录「已认定」，不能修改。"
keys Escape; wait_for "记录列表"
keys Escape Escape Escape; wait_for "主菜单"
close_terminals
assert_sql "SELECT action FROM kp_audit WHERE form = 'talent' AND record_id = ${ids[1]} ORDER BY id DESC LIMIT 1" "return"
assert_sql "SELECT user FROM kp_audit WHERE form = 'talent' AND record_id = ${ids[0]} AND action = 'approve'" "shikexie"

# The unit: the reason is shown, the record can be corrected and resubmitted.
E2E_USER=weidu start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
assert_line " ${ids[1]} " "退回"
assert_line " ${ids[0]} " "已认定"
keys Down Enter
wait_for "修改第 ${ids[1]} 号记录（退回）"
assert_screen "退回原因：缺少联系电话的区号，请补充"
for _ in $(seq 18); do keys Tab; done              # down to 省辖市科协意见 (the last field)
wait_for "省辖市科协意见"
type_text "同意"
wait_for "「省辖市科协意见」由市科协填写。"
keys BTab C-a C-k                                  # 县（市、区）科协推荐意见: the unit's
type_text "同意推荐"
keys F2
wait_for "已保存对第 ${ids[1]} 号记录的修改。"
assert_sql "SELECT county_opinion || '|' || ifnull(city_opinion, '') FROM talent WHERE id = ${ids[1]}" "同意推荐|"
wait_for "记录列表"                                 # a saved edit goes back to the list
keys F9; wait_for "提交审核"; keys Enter
wait_for "已改为「已提交」"
# The approved one cannot be deleted by the unit.
keys Home F8
wait_for "这条记录「已认定」，不能修改。"
keys Escape; wait_for "主菜单"
# The roll shows the states; the ranking counts the approved talent.
keys 4
wait_for "单位：魏都区  共"                          # the roll's line (the menu's is 填报单位：魏都区)
assert_line "${names[0]}" "已认定"
keys Escape; wait_for "主菜单"
assert_screen "科普人才 1/100"
# An approval made by mistake: the unit's F9 offers it nothing to undo…
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Home F9
wait_for "这条记录「已认定」，您现在没有可做的审核操作。"
keys Escape; wait_for "主菜单"
close_terminals
# …the city's 撤销认定 puts it back to 已提交, its reason in the audit only.
E2E_USER=shikexie start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Tab Tab Tab                                   # 草稿, 已提交, 已认定
wait_for "只看「已认定」的记录"
keys F9
wait_for "撤销认定（改回已提交）"
assert_screen "重新打开"
type_text "撤销"; keys Enter
wait_for "撤销认定（改回已提交）的原因"
type_text "误点了认定，联系电话待核实"; keys Enter
wait_for "第 ${ids[0]} 号记录已改为「已提交」。"
assert_sql "SELECT kp_state || '|' || kp_reason FROM talent WHERE id = ${ids[0]}" "submitted|"
assert_sql "SELECT count(*) FROM kp_audit WHERE form = 'talent' AND record_id = ${ids[0]} AND action = 'unapprove'
	AND user = 'shikexie' AND changes LIKE '%误点了认定，联系电话待核实%'" "1"
keys Escape Escape; wait_for "主菜单"
close_terminals
# The unit sees 已提交 — no 退回, no reason — and its count without it.
E2E_USER=weidu start 80 24 --today 2016-08-10
wait_for "科普人才 0/100"
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
assert_line " ${ids[0]} " "已提交"
keys Home Enter
wait_for "查看第 ${ids[0]} 号记录（已提交）"
refute_screen "退回原因"
keys Escape; wait_for "记录列表"
keys Escape; wait_for "主菜单"
# What the screens wrote is sealed and chained (#27).
"$KEPU" check --db "$DB" >"$WORK/check" || fail "kepu check: $(cat "$WORK/check")"
