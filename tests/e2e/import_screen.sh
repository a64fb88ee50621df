# SPDX-License-Identifier: MulanPSL-2.0
# The import screen at 80x24 says what each step is: the table chooser
# shows that more tables are below (export's: End reaches the last), its
# own hint, and on import only the forms the account writes;
# a check that finds nothing new never offers Enter; with F6 it says how
# many rows it will update; after the import only what happened and what
# the keys do now (no stale check line, no progress on the status line);
# Esc goes back one step to choosing a file; the key line keeps Esc and F1.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
X="$WORK/exchange/weidu"
E2E_USER=weidu start 80 24 --today 2016-08-10
keys e; wait_for "选择要导出的表"
assert_screen "↓ 还有"                                 # more tables than the window shows
keys End; wait_for "↑ 上面还有"
keys Home; wait_for "↓ 还有"
keys Escape; wait_for "主菜单"
keys i; wait_for "选择要导入的表"
assert_screen "↑↓ 选表"
refute_screen "选文件或写文件名"
assert_screen "年度工作总结"                            # only the forms a unit writes, all shown:
refute_screen "附表1"; refute_screen "表彰名单"; refute_screen "推荐省级"; refute_screen "↓ 还有"
type_text "附表2"; keys Enter
wait_for "交换文件夹中"
assert_screen "选文件或写文件名"
assert_screen "Esc 返回"
assert_screen "F1/^G 帮助"
# F1's help is drawn over the screen it is about, not a blank one (keys3),
# and lists no F6 before a file is checked.
keys F1; wait_for "按键帮助（按任意键返回）"
assert_screen "← 菜单"                                # the import screen's title, behind the box
assert_screen "F1/^G 帮助"                            # …and its key line
refute_screen "F6"
keys Escape; wait_gone "按键帮助（按任意键返回）"
mkdir -p "$X"
# One new person: a row of 魏都区's own export, with another name and phone.
"$KEPU" export talent --unit 魏都区 --db "$DB" --today 2016-08-10 >"$WORK/all.csv"
python3 - "$WORK/all.csv" "$X/one.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
head, row = rows[0], rows[1]
row[head.index("姓名")] = "孙立新"
row[head.index("联系电话")] = "13903740001"
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows([head, row])
PY
keys C-a C-k; type_text "one.csv"; keys Enter
wait_for "检查完毕：检查了 1 条，可以导入 1 条"
keys Enter
wait_for "已导入 1 条记录"
refute_screen "检查完毕"
refute_screen "正在导入"
assert_screen "再按 Esc 返回主菜单"   # what the key line shows (Esc 返回), no Enter said (keys3)
refute_screen "按 Enter 返回"
assert_sql "SELECT count(*) FROM talent WHERE name = '孙立新'" "1"
# Esc: back to choosing a file, not to the menu.
keys Escape; wait_for "交换文件夹中的文件"
refute_screen "已导入 1 条记录"
refute_screen "主菜单"
# The same file again: nothing to import, so no 「按 Enter 导入」.
keys C-a C-k; type_text "one.csv"; keys Enter
wait_for "检查完毕：检查了 1 条，没有要导入的记录"
refute_screen "按 Enter 导入"
refute_screen "正在导入"
keys Enter; wait_for "这个文件没有要导入的记录"
assert_sql "SELECT count(*) FROM talent WHERE name = '孙立新'" "1"
keys F6; wait_for "将新增 0 条、将更新 1 条"
keys Escape; wait_for "交换文件夹中的文件"
keys Escape; wait_for "主菜单"
quit_kepu
