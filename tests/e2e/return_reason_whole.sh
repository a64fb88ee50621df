# SPDX-License-Identifier: MulanPSL-2.0
# A return reason of 200 characters (REVIEW_REASON_MAX, the most the city
# can write) is read whole in the unit's form at 80x24: the help under the
# form grows to the rows it needs (six here), where five cut it with 「>」.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
reason=$(python3 -c "print(('联系电话与工作单位登记不一致，请核对后重新提交；' * 20)[:196] + '（完）。', end='')")
[ "$(python3 -c "import sys; print(len(sys.argv[1]))" "$reason")" = 200 ] || fail "the reason is not 200 characters"
id=$(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区' ORDER BY t.id LIMIT 1")
sqlite3 "$DB" "UPDATE talent SET kp_state = 'returned', kp_reason = '$reason', version = version + 1 WHERE id = $id"
exits 0 "$KEPU" check --accept --reason 测试夹具：城市退回的长理由 --db "$DB"
E2E_USER=weidu start 80 24 --today 2016-08-10
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys Home Enter
wait_for "修改第 $id 号记录（退回）"
wait_for "退回原因：联系电话与工作单位登记不一致"   # its start…
assert_screen "联系电话（完）。"                      # …and its end, on screen together
refute_screen "联系电话与工作单位登记不一致>"          # no line cut with 「>」
keys Escape; wait_for "记录列表"
keys Escape; wait_for "主菜单"
quit_kepu
