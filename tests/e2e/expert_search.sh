# SPDX-License-Identifier: MulanPSL-2.0
# The expert search (四（六）科普快速反应机制, #19): `kepu find` against known
# demo talents by 专长 words and by pinyin initials, the unit and category
# options; then the screen at 80x24: the city finds 食品安全 experts by
# typing spaq, sees 姓名 工作单位 联系电话, state and why, and opens one. That
# a unit finds only its own unit's talents is the model's story
# (tests/unit/test_find_model.c).
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
# Approve one 食品安全 expert so the order shows approved first.
late=$(sqlite3 "$DB" "SELECT id FROM talent WHERE specialty = '食品安全' ORDER BY id DESC LIMIT 1")
lname=$(sqlite3 "$DB" "SELECT name FROM talent WHERE id = $late")
sqlite3 "$DB" "UPDATE talent SET kp_state = CASE WHEN id = $late THEN 'approved' ELSE 'draft' END, kp_reason = '' WHERE specialty = '食品安全'"   # the demo's other states aside
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null # the counts, after an edit made outside kepu

"$KEPU" find 食品安全 --db "$DB" | tr -d '\r' | sed '1s/^\xEF\xBB\xBF//' >"$WORK/words"
head -1 "$WORK/words" | grep -qx "姓名,工作单位,联系电话,填报单位,状态,匹配" || fail "header: $(head -1 "$WORK/words")"
want=$(sqlite3 "$DB" "SELECT count(*) FROM talent WHERE specialty LIKE '%食品安全%' OR profile LIKE '%食品安全%'
	OR experience LIKE '%食品安全%' OR plan LIKE '%食品安全%'")
[ "$(($(wc -l <"$WORK/words") - 1))" = "$want" ] || fail "食品安全: $(cat "$WORK/words"), want $want"
sed -n 2p "$WORK/words" | grep -q "^$lname,.*,已认定,科普专长「食品安全」" || fail "approved first: $(sed -n 2p "$WORK/words")"
sed -n 3p "$WORK/words" | grep -q ",草稿,科普专长「食品安全」" || fail "then drafts: $(sed -n 3p "$WORK/words")"

# Pinyin initials: spaq is 食品安全, marked as a pinyin match.
"$KEPU" find spaq --db "$DB" | tr -d '\r' | sed 1d >"$WORK/pinyin"
[ "$(wc -l <"$WORK/pinyin")" = "$(sqlite3 "$DB" "SELECT count(*) FROM talent WHERE specialty = '食品安全'")" ] ||
	fail "spaq: $(cat "$WORK/pinyin")"
grep -q "科普专长「食品安全」（拼音）" "$WORK/pinyin" || fail "spaq not said to be pinyin"
# Every word must match; a unit and a category narrow.
"$KEPU" find "znzz 魏都" --db "$DB" | tr -d '\r' | sed 1d | cut -d, -f1 | sort >"$WORK/two"
sqlite3 "$DB" "SELECT t.name FROM talent t JOIN units u ON u.id = t.unit_id
	WHERE t.specialty = '智能制造' AND (t.employer LIKE '%魏都%' OR u.name = '魏都区')" | sort >"$WORK/two.want"
[ -s "$WORK/two.want" ] && diff "$WORK/two" "$WORK/two.want" >&2 || fail "znzz 魏都"
"$KEPU" find "" --unit 长葛市 --category 青少年科普 --db "$DB" | tr -d '\r' | sed 1d | cut -d, -f1 | sort >"$WORK/cat"
sqlite3 "$DB" "SELECT t.name FROM talent t JOIN units u ON u.id = t.unit_id
	WHERE u.name = '长葛市' AND t.service_categories LIKE '%\"青少年科普\"%'" | sort >"$WORK/cat.want"
[ -s "$WORK/cat.want" ] && diff "$WORK/cat" "$WORK/cat.want" >&2 || fail "--unit --category"
"$KEPU" find x --category 无此类 --db "$DB" 2>"$WORK/err" && fail "an unknown category was accepted"
grep -q "「无此类」不是科普人才服务类别的选项" "$WORK/err" || fail "$(cat "$WORK/err")"

# The screen: the city types spaq.
E2E_USER=shikexie start 80 24 --today 2016-08-10
keys f
wait_for "检索："
type_text "spaq"
n=$(wc -l <"$WORK/pinyin")
wait_for "找到 $n 人"
assert_line "$lname" "已认定"
assert_screen "食品安全」（拼音）"
phone=$(sqlite3 "$DB" "SELECT phone FROM talent WHERE id = $late")
assert_line "$lname" "$phone"
keys Enter
wait_for "第 $late 号记录"
keys Escape
wait_for "检索："
keys Escape Escape
wait_for "主菜单"
close_terminals
