# SPDX-License-Identifier: MulanPSL-2.0
# A year move never makes an overdue checklist item look done on time: a
# 2016 draft talent moved into 2017 after 五.2's due day (7月15日) counts
# from the move (逾期完成 ~), not from when it was first saved in 2016 (+).
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
KEPU_TODAY=2017-01-02 "$KEPU" year open 2017 --from 2016 --db "$DB" >/dev/null || fail "year open"
"$KEPU" export plan --db "$DB" --year 2016 --unit 魏都区 --output "$WORK/plan.csv" || fail "export plan"
printf '\xef\xbb\xbf项目申报单位,申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,其他类别,项目实施时间（起）,项目实施时间（止）,项目基本内容,项目预期绩效\n魏都区,2017-06-20,社区科普大讲堂,魏都区科协,王建国,0374-2965753,科普活动,,2017-07,2017-12,讲座,千人\n' >"$WORK/project.csv"
for f in plan project; do
	KEPU_TODAY=2017-07-01 "$KEPU" import $f "$WORK/$f.csv" --db "$DB" --year 2017 >/dev/null || fail "import $f"
done
row() { KEPU_TODAY=2017-08-01 "$KEPU" checklist --db "$DB" --year 2017 | awk '$1 == "魏都区" {print $2}'; }
[ "$(row)" = "!" ] || fail "before the move: 上报 $(row), not overdue"
id=$(sqlite3 "$DB" "SELECT t.id FROM talent t JOIN units u ON u.id = t.unit_id
	WHERE u.name = '魏都区' AND t.kp_state = 'draft' AND t.kp_year = 2016 LIMIT 1")
KEPU_TODAY=2017-08-01 "$KEPU" move talent "$id" --to-year 2017 --db "$DB" --unit 魏都区 >/dev/null || fail "move"
# Handed in (drafts never count: set here behind kepu's back, as the review would).
[ "$(row)" = "!" ] || fail "a draft counted: 上报 $(row)"
sqlite3 "$DB" "UPDATE talent SET kp_state = 'submitted' WHERE id = $id; UPDATE project SET kp_state = 'submitted' WHERE kp_year = 2017"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null
[ "$(row)" = "~" ] || fail "after the move: 上报 $(row), not 逾期完成 (~)"
assert_sql "SELECT substr(kp_entered, 1, 10) FROM talent WHERE id = $id" "2017-08-01"
"$KEPU" check --db "$DB" >"$WORK/check" 2>&1 || fail "kepu check after the move: $(cat "$WORK/check")"
