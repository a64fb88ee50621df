# SPDX-License-Identifier: MulanPSL-2.0
# Two programme years in one database (#19): the city opens 2017 from 2016
# (quotas and schedule copied, 2016 untouched; twice, from nothing or by a
# unit refused), 2017's records come by the CLI and the TUI, 2017's ticks
# by the TUI; each year's checklist, progress and ranking stay exactly what
# they were without the other's data, on screen, from the CLI and in SQL.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-07-01
demo_drafts
# 2016: the city has approved the demo's activities (outside kepu, counted
# again by kepu check), so 2016's progress is not all zero.
sqlite3 "$DB" "UPDATE activity SET kp_state = 'approved'"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null
"$KEPU" year list --db "$DB" --today 2016-07-01 >"$WORK/years"
grep -q "^2016\* " "$WORK/years" || fail "year list: $(cat "$WORK/years")"

# 2016 before 2017 exists, as the CLI prints it.
"$KEPU" checklist --db "$DB" --today 2016-09-10 >"$WORK/cl16.before"
"$KEPU" report progress --db "$DB" --today 2016-09-10 >"$WORK/pg16.before"
grep -q "^ *合计 *0/1170 *24/134 " "$WORK/pg16.before" || fail "2016 合计: $(grep 合计 "$WORK/pg16.before")"

# A unit's session may not open a year; nothing is opened.
if "$KEPU" year open 2017 --from 2016 --unit 魏都区 --db "$DB" 2>"$WORK/err"; then fail "a unit opened a year"; fi
grep -qF "只有市科协的账号可以这样做" "$WORK/err" || fail "unit refusal: $(cat "$WORK/err")"
assert_sql "SELECT count(*) FROM kp_years" "1"
# From a year not opened: refused, naming the years there are.
if "$KEPU" year open 2017 --from 2015 --db "$DB" 2>"$WORK/err"; then fail "opened from 2015"; fi
grep -qF "不能从 2015 年度复制：没有开启该年度；已开启的年度：2016" "$WORK/err" || fail "from: $(cat "$WORK/err")"

# The city (the administrator's command line) opens 2017 from 2016.
"$KEPU" year open 2017 --from 2016 --db "$DB" >"$WORK/open" || fail "year open: $(cat "$WORK/open")"
grep -qF "已开启 2017 年度（从 2016 年度复制了附表1任务数和工作进度安排）" "$WORK/open" || fail "open: $(cat "$WORK/open")"
if "$KEPU" year open 2017 --from 2016 --db "$DB" 2>"$WORK/err"; then fail "opened 2017 twice"; fi
grep -qF "2017 年度已经开启" "$WORK/err" || fail "twice: $(cat "$WORK/err")"
assert_sql "SELECT group_concat(year || ':' || ifnull(from_year, '-'), ' ') FROM kp_years" "2016:- 2017:2016"
# The quotas copied, unit by unit; 2016's not touched (still version 1).
assert_sql "SELECT count(*) FROM quota a JOIN quota b ON b.unit_id = a.unit_id AND b.kp_year = 2017
	WHERE a.kp_year = 2016 AND a.talent = b.talent AND a.activity = b.activity AND a.resource = b.resource
	AND a.project = b.project" "19"
assert_sql "SELECT count(*) || '|' || max(version) FROM quota WHERE kp_year = 2016" "19|1"
# An unopened year is refused by every command, naming the years.
if "$KEPU" checklist --year 2018 --db "$DB" 2>"$WORK/err"; then fail "checklist of 2018"; fi
grep -qF "没有开启 2018 年度；已开启的年度：2016、2017" "$WORK/err" || fail "2018: $(cat "$WORK/err")"

# 2017 by the CLI: 长葛市's two activities, approved by the city.
cat >"$WORK/act17.csv" <<'CSV'
填报单位,活动名称,日期,形式,对象,地点,参与人数,主讲/负责人,简介
长葛市,二〇一七年防灾减灾科普讲座,2017-07-05,科普讲座,社区,长葛市文化馆,80,,
长葛市,二〇一七年农技培训,2017-07-12,科技培训,乡村,后河镇农技站,45,,
CSV
"$KEPU" import activity "$WORK/act17.csv" --db "$DB" --year 2017 --today 2017-07-12 >"$WORK/imp" ||
	fail "import: $(cat "$WORK/imp")"
sqlite3 "$DB" "UPDATE activity SET kp_state = 'approved' WHERE kp_year = 2017"
"$KEPU" check --accept --reason 测试夹具：在kepu之外改状态 --db "$DB" >/dev/null
assert_sql "SELECT kp_year || '|' || count(*) FROM activity WHERE name LIKE '二〇一七年%'" "2017|2"
# A unit copying its 2016 activities into 2017 (to count them again) is
# refused, naming the row: an activity belongs to the year of its date. And
# before 2017 has begun, a unit files nothing in it at all.
"$KEPU" export activity --db "$DB" --year 2016 --unit 魏都区 >"$WORK/act16.csv"
sed -i 's/,草稿$/,/; s/,已认定$/,/' "$WORK/act16.csv"
"$KEPU" import activity "$WORK/act16.csv" --db "$DB" --year 2017 --today 2017-07-12 --unit 魏都区 2>"$WORK/err" &&
	fail "2016's activities taken into 2017"
grep -q "第2行.*日期：2016-[0-9-]* 不在 2017 年度，这是 2016 年度的记录" "$WORK/err" || fail "copy: $(cat "$WORK/err")"
"$KEPU" import activity "$WORK/act16.csv" --db "$DB" --year 2017 --today 2016-08-02 --unit 魏都区 2>"$WORK/err" &&
	fail "filed in 2017 before it began"
grep -q "2017 年度还没有开始" "$WORK/err" || fail "early: $(cat "$WORK/err")"
assert_sql "SELECT count(*) FROM activity WHERE kp_year = 2017" "2"
# The default year on 2017-08-10 is 2017, the newest that has begun.
"$KEPU" year list --db "$DB" --today 2017-08-10 >"$WORK/years"
grep -q "^2017\* " "$WORK/years" || fail "default year: $(cat "$WORK/years")"
# Its columns line up by display width: 2017's 复制自 (2016) sits under the
# heading although its 开启人 is 「root（命令行）」.
python3 - "$WORK/years" <<'PY' || fail "year list misaligned: $(cat "$WORK/years")"
import sys, unicodedata
def col(line, text):
    i = line.index(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:i])
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
row = next(l for l in lines if l.startswith("2017"))
assert "（命令行）" in row, row
assert col(lines[0], "复制自") == col(row, " 2016") + 1, (lines[0], row)
PY
"$KEPU" report progress --db "$DB" --today 2017-08-10 >"$WORK/pg17"
grep -q "^1 *长葛市 *0/[0-9]* *2/[0-9]* " "$WORK/pg17" || fail "2017 progress: $(grep 长葛市 "$WORK/pg17")"
grep -q "^ *合计 *0/1170 *2/134 " "$WORK/pg17" || fail "2017 合计: $(grep 合计 "$WORK/pg17")"

# 2017 in the TUI: the title names the year; 五.1 ticked in 2017; 长葛市's
# July report entered, its month picked from 2017's months.
start 80 24 --today 2017-08-02
wait_for "主菜单"
assert_screen "2017 年度"
keys c
wait_for "工作进度检查表（五、组织实施）"
# 2016 is not closed: what it still owes is listed first, with its year,
# as on the home screen; the year's own 五.1 is below it
assert_screen "2016年6月30日  市科协 2016年度 五.1 细化分解任务，明确各>"
for _ in $(seq 1 40); do
	on_screen "五.1 细化分解任务，明确各单位职责  2017年6月30日" && break
	keys Down
	settled
done
assert_screen "2017年6月30日  市科协 五.1 细化分解任务，明确各单位职责   ! 逾期 33 天"
keys Space
wait_for "已勾选为完成：五.1 细化分解任务，明确各单位职责"
assert_sql "SELECT key || '|' || unit_id || '|' || year FROM kp_ticks" "breakdown|0|2017"
keys Escape
wait_for "主菜单"
keys m
wait_for "请选择填报单位"
type_text "长葛"; wait_for "筛选：长葛"; keys Enter
wait_for "月报：新记录"
keys Space
wait_for "筛选："
assert_screen "2017-07"
refute_screen "2017-08"                      # not ended on 2017-08-02: not offered
refute_screen "2016-07"
keys Enter                                   # 2017-07
wait_for "已按 2017-07 的活动和资源记录预填 6 项数字，可以修改。"
assert_screen "  活动场次 * 2"
assert_screen "  参与人数 * 125"
keys F2
wait_for "已保存（第"
assert_sql "SELECT month || '|' || activity_sessions || '|' || kp_year FROM monthly m JOIN units u ON u.id = m.unit_id
	WHERE u.name = '长葛市' AND month LIKE '2017%'" "2017-07|2|2017"
keys Escape
wait_for "主菜单"
# The progress screen of 2017: 长葛市 first.
keys p
wait_for "任务完成进度与排名（六、绩效考核）"
assert_line "1      长葛市" "2/10"
keys Escape
wait_for "主菜单"

# One key: 2016. The title and every screen say 2016 and show 2016's data.
keys y
wait_for "已切换到 2016 年度"
assert_screen "2016 年度"
keys c
wait_for "工作进度检查表（五、组织实施）"
assert_screen "2016年6月30日  市科协 五.1 细化分解任务，明确各单位职责   ! 逾期"
refute_screen "已勾选"
keys Escape
wait_for "主菜单"
keys p
wait_for "任务完成进度与排名（六、绩效考核）"
refute_screen "1      长葛市"
keys Escape
wait_for "主菜单"
# The talents stay in the pool: 2016's are listed in 2017 too (2017 has none of its own).
keys y
wait_for "已切换到 2017 年度"
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "共 44 条"
keys Escape
wait_for "主菜单"
close_terminals

# 2016 is exactly what it was before 2017 existed, from the CLI …
"$KEPU" checklist --db "$DB" --year 2016 --today 2016-09-10 >"$WORK/cl16.after"
diff -u "$WORK/cl16.before" "$WORK/cl16.after" || fail "2016's checklist changed"
"$KEPU" report progress --db "$DB" --year 2016 --today 2016-09-10 >"$WORK/pg16.after"
diff -u "$WORK/pg16.before" "$WORK/pg16.after" || fail "2016's progress changed"
# … and in SQL: 2016 has no tick, 2017's records and tick are 2017's.
assert_sql "SELECT count(*) FROM kp_ticks WHERE year = 2016" "0"
assert_sql "SELECT count(*) FROM activity WHERE kp_year = 2016 AND name LIKE '二〇一七年%'" "0"
assert_sql "SELECT count(*) FROM monthly WHERE kp_year = 2016 AND month LIKE '2017%'" "0"
# 2017's checklist: 五.1 done (late), 长葛市's July report on time.
"$KEPU" checklist --db "$DB" --year 2017 --today 2017-08-10 >"$WORK/cl17"
grep -q "2017年6月30日 *市科协 *五.1 细化分解任务，明确各单位职责 *~ 逾期完成" "$WORK/cl17" ||
	fail "2017's 五.1: $(grep 五.1 "$WORK/cl17")"
grep -q "五.6 7月月报：培训、活动、资源情况 .*1/19 个单位完成" "$WORK/cl17" || fail "2017's July: $(grep 7月月报 "$WORK/cl17")"
# The 2017 export of activities holds 2017's only; of talents, the pool.
"$KEPU" export activity --db "$DB" --year 2017 >"$WORK/a17.csv"
[ "$(wc -l <"$WORK/a17.csv")" -eq 3 ] || fail "2017 activities: $(cat "$WORK/a17.csv")"
