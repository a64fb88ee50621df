# SPDX-License-Identifier: MulanPSL-2.0
# 附表3's rules on an import from the command line: a year-month range that
# ends before it starts is refused naming the row, the column and both
# fields; corrected, the row is imported and exported under the form's
# headers. (The same rules typed on the form screen are
# tests/unit/test_form_model.c's project_form, with no terminal.)
. "$(dirname "$0")/lib.sh"
new_db
cat >"$WORK/p.csv" <<'CSV'
项目申报单位,申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,项目实施时间（起）,项目实施时间（止）
魏都区,2016-07-01,社区科普大讲堂,魏都区科协,李四,13812345678,科普活动,2016-08,2016-07
CSV
set +e
"$KEPU" import project "$WORK/p.csv" --db "$DB" 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "import status $rc"
grep -q "第2行 I列 项目实施时间（止）: 不能早于项目实施时间（起）" "$WORK/err" || fail "$(cat "$WORK/err")"
sed -i 's/2016-08,2016-07/2016-07,2016-08/' "$WORK/p.csv"
"$KEPU" import project "$WORK/p.csv" --db "$DB" >/dev/null
"$KEPU" export project --db "$DB" >"$WORK/out.csv"
grep -q "^${BOM}项目申报单位,申报时间,项目名称," "$WORK/out.csv" || fail "export header"
grep -q "^魏都区,2016-07-01,社区科普大讲堂," "$WORK/out.csv" || fail "export row"
