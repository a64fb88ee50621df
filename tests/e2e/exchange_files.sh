# SPDX-License-Identifier: MulanPSL-2.0
# Files from the terminal only by name in the account's exchange folder:
# /etc/passwd, ../x, the database's own path and a link to the database
# placed in the folder are each refused with a clear message, on the import
# and the export screen; no line of /etc/passwd shows, nothing is written
# outside the folder, and every committed row is still there. A normal
# export to the folder and its re-import work.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
X="$WORK/exchange/weidu"
rows() { sqlite3 "$DB" "SELECT (SELECT count(*) FROM talent) || '|' || (SELECT count(*) FROM activity) || '|' || (SELECT count(*) FROM kp_audit WHERE action = 'import')"; }
before=$(rows)
own=$(sqlite3 "$DB" "SELECT count(*) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区'")
# A file of the scenario's own beside the folder: a name reaching it would
# write there (/etc/passwd itself may change under other scenarios' useradd).
mkdir -p "$WORK/exchange" && echo "kept" >"$WORK/exchange/x"

E2E_USER=weidu start 80 24 --today 2016-08-10
# name_refused NAME MESSAGE: Enter on NAME in the file field shows MESSAGE.
name_refused() {
	keys C-a C-k
	type_text "$1"; keys Enter
	wait_for "$2"
	refute_screen "root:x:0:0"
}

keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹：$X/"
[ "$(stat -c %a "$X")" = 700 ] || fail "folder mode $(stat -c %a "$X")"
assert_screen "交换文件夹中还没有文件"
name_refused /etc/passwd "不能含有 /，只写交换文件夹中的文件名"
name_refused ../x "不能含有 /，只写交换文件夹中的文件名"
name_refused "$DB" "不能含有 /"
name_refused .hidden "不能以 . 开头（.. 和隐藏文件不能使用）"
# Links to the database put in the folder by someone with a shell.
ln -s "$DB" "$X/link.csv"
ln "$DB" "$X/hard.csv"
name_refused link.csv "「link.csv」是符号链接"
name_refused hard.csv "「hard.csv」是 kepu 的数据库"
[ "$(rows)" = "$before" ] || fail "rows changed: $(rows), were $before"
keys Escape; wait_for "主菜单"

keys e; wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "文件名    附表2-魏都区-20160810.xlsx"     # proposed: a fresh name
name_refused /etc/passwd "不能含有 /，只写交换文件夹中的文件名"
name_refused ../x "不能含有 /，只写交换文件夹中的文件名"
name_refused "$DB" "不能含有 /"
name_refused link.csv "「link.csv」是 kepu 的数据库"
name_refused hard.csv "「hard.csv」是 kepu 的数据库"
[ "$(cat "$WORK/exchange/x")" = kept ] || fail "../x was written"
[ ! -e "$WORK/x" ] || fail "a file was written outside the folder"
[ "$(rows)" = "$before" ] || fail "rows changed: $(rows), were $before"
# The proposed name: the official workbook, in the folder.
keys C-a C-k
type_text "附表2-魏都区-20160810.xlsx"; keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
assert_screen "$X/附表2-魏都区-20160810.xlsx"
unzip -p "$X/附表2-魏都区-20160810.xlsx" xl/worksheets/sheet1.xml | grep "推　荐　表" >/dev/null || fail "workbook"
keys Enter; wait_for "主菜单"
# The same name again is never written over: the next one is proposed.
keys e; wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "文件名    附表2-魏都区-20160810-2.xlsx"
keys C-a C-k
type_text "附表2-魏都区-20160810.xlsx"; keys Enter
wait_for "交换文件夹中已有「附表2-魏都区-20160810.xlsx」，不会覆盖"
keys C-a C-k
type_text "mine.csv"; keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
keys Enter; wait_for "主菜单"
[ "$(tail -n +2 "$X/mine.csv" | wc -l)" -eq "$own" ] || fail "export rows"

# Re-import, chosen from the folder's list.
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹中的文件（↑↓ 选择）："
assert_screen "mine.csv"
# A link, or a second name of the database, is listed as refused with why,
# never offered (nor opened).
assert_screen "「link.csv」是符号链接"
assert_screen "「hard.csv」是 kepu 的数据库"
keys Down
wait_for "文件名    mine.csv"                          # the first key takes the first file
keys Down
wait_for "文件名    附表2-魏都区-20160810.xlsx"          # the next one offered: not hard.csv
keys Up
wait_for "文件名    mine.csv"
keys Enter
# The same people again: reported, not added; F6 updates them instead.
wait_for "检查完毕：检查了 $own 条，没有要导入的记录"
assert_screen "第2行: 与已有的第"
assert_screen "按 F6（^R）改为用文件中的内容更新已有的记录"
keys F6
wait_for "检查完毕：检查了 $own 条，将新增 0 条、将更新 $own 条，还没有保存。"
assert_screen "重复的记录将被更新"
keys Enter
wait_for "已导入 0 条记录"
assert_screen "更新了 $own 条已有的记录。"
keys Enter; wait_for "主菜单"
# A file with one bad cell: one error counted; then another name, typed
# over the outcome, is checked afresh on the same screen.
printf '姓名,性别\n贾宝山,不详\n' >"$X/bad.csv"
printf '姓名,性别\n' >"$X/empty.csv"
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹中的文件"
type_text "bad.csv"; keys Enter
wait_for "导入失败："
assert_screen "第2行 B列 性别:"
n=$(screen | sed -n 's/.*导入失败：\([0-9]*\) 处错误.*/\1/p')
[ "$n" -eq "$(screen | grep -c '^  第[0-9]*行')" ] || fail "counted $n errors, listed $(screen | grep -c '^  第[0-9]*行')"
keys C-a C-k
type_text "empty.csv"
wait_gone "导入失败："                                 # editing the name starts over
keys Enter
wait_for "empty.csv"
refute_screen "第2行 B列 性别:"
keys Escape; wait_for "交换文件夹中的文件"               # back one step
keys Escape; wait_for "主菜单"
quit_kepu
assert_sql "SELECT count(*) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区'" "$own"
# The re-import updated each of them, audited with the record's number.
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'update' AND form = 'talent'" "$own"
assert_sql "PRAGMA integrity_check" "ok"
# Every row committed before is still there after the session closed.
assert_sql "SELECT count(*) FROM activity" "$(echo "$before" | cut -d'|' -f2)"
