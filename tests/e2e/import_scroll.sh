# SPDX-License-Identifier: MulanPSL-2.0
# A long import outcome at 80x24 (t80d #8, #9): a file of 42 bad rows fails
# with 84 errors; the screen shows as many lines as fit under
# 「↓ 还有 N 项」, PgDn on the key line; PgDn and End reach the last row's
# error (「↑ 上面还有」 then, no 「↓」), Home the first again; a failed check
# offers no F6.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
X="$WORK/exchange/weidu"
E2E_USER=weidu start 80 24 --today 2016-08-10
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹中"
{
	printf '姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n'
	for i in $(seq 0 41); do printf '张%d,男性,40,汉族,群众,本科,许昌学院,139%08d,青少年科普\n' "$i" "$i"; done
} >"$X/bad.csv"
type_text "bad.csv"; keys Enter
wait_for "导入失败：84 处错误"
assert_screen "第2行 A列 姓名"
assert_screen "↓ 还有"
assert_screen "PgDn 翻看"
refute_screen "第43行"
refute_screen "F6"                                    # a failed check: nothing to update
keys NPage; wait_for "↑ 上面还有"
refute_screen "导入失败：84 处错误"
keys End; wait_for "第43行 B列 性别"
refute_screen "↓ 还有"
keys Home; wait_for "导入失败：84 处错误"
assert_screen "↓ 还有"
keys Down; wait_for "↑ 上面还有 1 项"
keys Escape; wait_for "交换文件夹中"
refute_screen "导入失败"
keys Escape; wait_for "主菜单"
quit_kepu
echo "ok"
