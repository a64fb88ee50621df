# SPDX-License-Identifier: MulanPSL-2.0
# A row pasted by a terminal that does not mark pastes (#23): tmux
# send-keys -l writes the Tab-separated row as if typed, in one burst.
# kepu takes it as a paste into the row, as a bracketed one: 性别's list
# does not open and swallow the rest. A second row pasted while that list
# is open closes it and fills the fields. Both records are checked in the
# database.
. "$(dirname "$0")/lib.sh"
new_db
start 80 24
open_talent_form "许昌学院"
type_text "$(printf '王小明\t女\t45\t汉族\t党员\t大专\t\t\t许昌学院农学院\t教授\t13912345678')"
wait_for "已粘贴 11 项。"
wait_for ">电子邮箱"
keys Tab Tab Space F2             # 电子邮箱, QQ号或微信号 left empty; 服务类别: 青少年科普
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT name || '|' || gender || '|' || age || '|' || ethnicity || '|' || political || '|' || education || '|' || employer || '|' || title || '|' || phone FROM talent WHERE id = 1" \
	"王小明|女|45|汉族|中共党员|大学专科|许昌学院农学院|教授|13912345678"
# The next record: 姓名 typed, the list of 性别 opened, then the rest pasted.
type_text "李芳"; keys Tab Space
wait_for "筛选："
type_text "$(printf '女\t38\t回族\t群众\t本科\t\t\t许昌学院\t讲师\t13912345679')"
wait_for "已粘贴 10 项，其中 1 项替换了原来的内容（第一处「工作单位」）"   # the kept 工作单位: said, ^Z takes it back
refute_screen "筛选："
keys Tab Tab Space F2
wait_for "已保存（第 2 号记录）"
assert_sql "SELECT name || '|' || gender || '|' || age || '|' || ethnicity || '|' || education || '|' || phone FROM talent WHERE id = 2" \
	"李芳|女|38|回族|大学本科|13912345679"
# Excel copies a row with its empty last cells and a Tab before CRLF: still
# a row. The empty 学历 is no error of the paste (only 公 is); a row from
# 性别 ending in a Tab, with no line end, is one too.
type_text "$(printf '钱七\t公\t45\t汉族\t党员\t\r\n')"
wait_for "已粘贴 6 项，其中 1 项有误，第一处在「性别」"
keys F2; wait_for "不是可选的项"; wait_for ">性别"          # F2 goes to the refused cell
type_text "$(printf '男\t45\t汉族\t党员\t本科\t\t\t许昌学院\t讲师\t13912345670\t')"
wait_for "已粘贴 11 项。"
wait_for ">QQ号或微信号"
keys Tab Space F2
wait_for "已保存（第 3 号记录）"
assert_sql "SELECT name || '|' || gender || '|' || age || '|' || education || '|' || phone || '|' || ifnull(email, '') FROM talent WHERE id = 3" \
	"钱七|男|45|大学本科|13912345670|"
# Two rows copied from Excel, pasted unmarked: the second row is part of the
# paste, not typing (it would put 化学 into 姓名 and open 民族's list); the
# form refuses both whole and keeps its empty fields.
type_text "$(printf '钱一\t男\t30\t汉族\t党员\t本科\t\t\t许昌学院\t教师\t13837400011\r\n孙二\t女\t31\t回族\t群众\t大专\t\t\t许昌学院\t化学教师\t13837400012\r\n')"
wait_for "粘贴的内容有 2 行"
settled
refute_screen "筛选："
refute_screen "钱一"
refute_screen "化学"
assert_sql "SELECT count(*) FROM talent" "3"
