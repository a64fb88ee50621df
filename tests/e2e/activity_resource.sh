# SPDX-License-Identifier: MulanPSL-2.0
# The activity and resource records: entered through the keyboard (with the
# “五进” multi-select) and imported and exported by the CLI.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
menu_open "科普活动记录  填写新记录"
wait_for "请选择填报单位"
type_text "禹州市"; keys Enter
wait_for "科普活动记录：新记录"
type_text "全国科普日主题活动"; keys Tab
type_text "2016-09-17"; keys Tab
type_text "展览"; keys Enter
keys Space Right Right Space Tab            # 校园、社区
type_text "禹州市人民广场"; keys Tab
type_text "１２００"; keys Tab
type_text "赵工"; keys Tab
type_text "科普展板与现场咨询。"
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT name || '|' || held_on || '|' || form || '|' || targets || '|' || participants FROM activity" \
	'全国科普日主题活动|2016-09-17|科普展览|["校园","社区"]|1200'
cat >"$WORK/r.csv" <<'CSV'
名称,类型,作者,完成日期,简介
防灾减灾科普动画,科普动漫,许昌学院动画社,2016年10月8日,三集
科普挂图《健康生活》,科普挂图,市医学会,2016-11-01,
CSV
"$KEPU" import resource "$WORK/r.csv" --db "$DB" --unit 医学会 >/dev/null
assert_sql "SELECT group_concat(kind || finished_on, ' ') FROM resource" "科普动漫2016-10-08 科普挂图2016-11-01"
printf '名称,类型,作者,完成日期\n微电影,电影,某,2016-01-01\n' >"$WORK/bad.csv"
set +e
"$KEPU" import resource "$WORK/bad.csv" --db "$DB" --unit 医学会 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "第2行 B列 类型: 「电影」不是可选的项" "$WORK/err" || fail "bad resource accepted"
