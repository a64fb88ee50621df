# SPDX-License-Identifier: MulanPSL-2.0
# 附表3 through the keyboard: a year-month range that ends before it starts
# is refused with a message naming both fields, 其他 needs its text, and
# the corrected record is saved under its 项目申报单位.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
wait_for "主菜单"
keys 3
wait_for "请选择填报单位"
type_text "许昌学院"; keys Enter
wait_for "附表3 重点项目入库表：新记录"
assert_screen "项目申报单位：许昌学院"
type_text "2016年7月10日"; keys Tab
type_text "青少年科技创新大赛"; keys Tab
type_text "许昌学院科协"; keys Tab
type_text "周海旺"; keys Tab
type_text "2965753"; keys Tab
type_text "其他"; keys Enter
keys Tab                                   # 其他类别 left empty
type_text "2016年9月"; keys Tab
type_text "2016.7"
keys F2
wait_for "其他类别：项目类别为「其他」时必须填写"
assert_sql "SELECT count(*) FROM project" "0"
# the cursor is already on 其他类别, the first field in error
type_text "科普基地建设"
keys F2
wait_for "项目实施时间（止）：不能早于项目实施时间（起）"
assert_sql "SELECT count(*) FROM project" "0"
keys C-a C-k
type_text "2016-12"
keys Tab
type_text "举办全市青少年科技创新大赛。"; keys Tab
type_text "参赛学生五百人次。"
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT u.name || '|' || declared_on || '|' || p.name || '|' || phone || '|' || category || '|' ||
  category_other || '|' || start || '|' || \"end\" FROM project p JOIN units u ON u.id = p.unit_id" \
  "许昌学院|2016-07-10|青少年科技创新大赛|0374-2965753|其他|科普基地建设|2016-09|2016-12"

# The same rules apply to an import, which names the unit column as the
# form does.
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
