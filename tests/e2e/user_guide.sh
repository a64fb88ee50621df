# SPDX-License-Identifier: MulanPSL-2.0
# The user guide's screens come from here: drive kepu at 80x24, capture each
# screen, build the guide from docs/guide.zh.md.in and compare it with the
# committed docs/使用说明.md, so the guide never drifts from the program.
# UPDATE_GUIDE=1 writes the new guide instead.
. "$(dirname "$0")/lib.sh"
docs=$(cd "$(dirname "$0")/../../docs" && pwd)
shots=$WORK/screens
mkdir -p "$shots"
shot() { screen >"$shots/$1.txt"; }
# The guide shows the 2016 programme on one fixed day.
new_db --demo --today 2016-08-10
# One talent submitted by its unit, for the review screen.
sqlite3 "$DB" "UPDATE talent SET kp_state = 'submitted' WHERE id = 1"
# Two photos of an activity, as a clerk of 魏都区 sent them, for 附件.
aid=$(sqlite3 "$DB" "SELECT a.id FROM activity a JOIN units u ON u.id = a.unit_id WHERE u.name = '魏都区' ORDER BY a.id LIMIT 1")
sqlite3 "$DB" "INSERT INTO kp_attachments (tbl, record_id, unit_id, name, type, size, sent_by, sent_at, data)
  SELECT 'activity', $aid, unit_id, n, 'JPEG', s, 'weidu', '2016-08-10 09:1' || k || ':00', zeroblob(s)
  FROM activity, (SELECT '报告会现场.jpg' n, 1843200 s, 2 k UNION ALL SELECT '签到表.jpg', 655360, 5)
  WHERE id = $aid"
# Exports go to the exchange folder beside the database: a database in a
# place the guide can show, the same everywhere.
guide_dir=/tmp/kepu-guide
# One guide run at a time on this machine (another test run may be going on).
exec 8>"$guide_dir.lock"
flock 8
rm -rf "$guide_dir"; mkdir -p "$guide_dir"
mv "$DB" "$guide_dir/kepu.db"
DB=$guide_dir/kepu.db
trap 'rm -rf "$guide_dir"; cleanup' EXIT
# As over SSH from an office PC: the file screens show the server as clients reach it.
E2E_SSH="192.168.1.20 51234 192.168.1.10 22" E2E_USER= start 80 24 --today 2016-08-10
wait_for "请登录"
type_text "shikexie"; keys Enter
wait_for "用户名        shikexie"
shot login
login_rest() { type_text "$(cat "$WORK/pass.shikexie")"; keys Enter; }
login_rest
wait_for "主菜单"
shot menu
keys 2
wait_for "请选择填报单位"
type_text "xcxy"; wait_for "筛选：xcxy"
shot unit_picker
keys Enter
wait_for "新记录"
type_text "张海旺"; keys Tab
type_text "n"; keys Enter
type_text "45"; keys Tab
type_text "zgdy"
wait_for "筛选：zgdy"
keys Escape
type_text "hz"; wait_for "筛选：hz"
shot pinyin
keys Enter
type_text "zgdy"; keys Enter
type_text "bk"; keys Enter
type_text "农业"; keys Tab
type_text "果树栽培"; keys Tab
type_text "许昌学院农学院"; keys Tab
type_text "教授"; keys Tab
type_text "12345"
keys F2
wait_for "联系电话：不是有效的电话号码"
shot error
keys C-a C-k
keys BTab BTab BTab BTab BTab BTab BTab BTab BTab BTab
wait_for "与身份证一致"
shot form
keys Escape; wait_for "确定放弃"; keys y
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
type_text "德明"; wait_for "筛选：德明"
shot list
keys Escape Escape
wait_for "主菜单"
keys 1
wait_for "合计"
shot quota
keys Escape
wait_for "主菜单"
keys 4
wait_for "请选择填报单位"; keys Enter              # the last unit chosen, offered first
wait_for "单位：许昌学院"
shot roll
keys F1
wait_for "按键帮助"
shot help
keys Escape; wait_for "单位：许昌学院"; keys Escape
wait_for "主菜单"
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
keys F9
wait_for "退回修改"
shot review
keys Escape Escape                                # the popup, the list
wait_for "主菜单"
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
keys Enter
wait_for "科普活动记录：修改第 1 号记录（草稿"
keys F6
wait_for "签到表.jpg"
shot evidence
keys Escape Escape Escape
wait_for "主菜单"
keys e
wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹：$guide_dir/exchange/shikexie/"
keys Enter
wait_for "已导出「附表2 科普人才库推荐表」"
shot export
[ -s "$guide_dir/exchange/shikexie/附表2-全部单位-20160810.xlsx" ] || fail "no export in the exchange folder"
keys Enter; wait_for "主菜单"
keys c
wait_for "工作进度检查表（五、组织实施"   # 「）」 gives way to ← 菜单 on a demo account at 80
shot checklist
keys Tab
wait_for "各单位完成情况"
shot matrix
keys Escape; wait_for "主菜单"
keys m
wait_for "请选择填报单位"                          # a unit whose July is not reported yet
type_text "襄城县"; keys Enter
wait_for "月报：新记录"
keys Space; wait_for "筛选："; keys Enter                  # 2016-07, the one month ended
wait_for "已按 2016-07 的活动和资源记录预填"
shot monthly
keys Escape; wait_for "确定放弃"; keys y
wait_for "主菜单"
keys b
wait_for "工作简报：2016年7月"
shot briefing
keys Escape; wait_for "主菜单"
keys p
wait_for "任务完成进度与排名"
shot ranking
keys Escape; wait_for "主菜单"
keys z
wait_for "账号管理（锁定、解锁、重置密码）"
shot accounts
keys Escape; wait_for "主菜单"
keys f
wait_for "检索："
type_text "spaq"
wait_for "（拼音）"
shot find
"$(dirname "$0")/../../tools/make_guide.sh" "$docs/guide.zh.md.in" "$shots" >"$WORK/guide.md"
if [ -n "${UPDATE_GUIDE:-}" ]; then
	cp "$WORK/guide.md" "$docs/使用说明.md"
	echo "updated docs/使用说明.md"
fi
diff -u "$docs/使用说明.md" "$WORK/guide.md" >&2 ||
	fail "docs/使用说明.md is stale: UPDATE_GUIDE=1 E2E_FILTER=user_guide make e2e"
