# SPDX-License-Identifier: MulanPSL-2.0
# Attachments for a PuTTY clerk (no ZMODEM), at 80x24: the 附件 screen's F6
# first says how to fill the account's exchange folder (pscp, psftp,
# WinSCP), then lists the files copied there — never a link put there —
# and Enter attaches the one chosen, listed on the screen with its type;
# F7 puts a copy back into the folder under a name not taken (the file
# already there is kept), byte for byte.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
X="$WORK/exchange/weidu"
id=$(sqlite3 "$DB" "SELECT a.id FROM activity a JOIN units u ON u.id = a.unit_id WHERE u.name = '魏都区' AND a.kp_state = 'draft' ORDER BY a.id LIMIT 1")
# A PNG as kepu tells one, by its first bytes (the type is read from the content).
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\010\0\0\0\010\010\002\0\0\0' >"$WORK/现场照片.png"

E2E_USER=weidu start 80 24 --today 2016-08-10
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
keys Home Enter   # the list by number: the unit's first record is $id
wait_for "修改第 $id 号记录（草稿"
keys F6
wait_for "附件：科普活动记录 第 $id 号记录（草稿）"
assert_screen "F6 从文件夹添加"
# The folder empty: F6 says how to put a file there, attaches nothing.
keys F6
wait_for "请先用 pscp、psftp 或 WinSCP 把文件复制到"
# What pscp would do: the photo copied in; a link put there by a shell.
cp "$WORK/现场照片.png" "$X/"
ln -s "$DB" "$X/库.png"
keys F6
wait_for "从交换文件夹添加附件"
assert_screen "现场照片.png"
refute_screen "库.png"
keys Enter
wait_for "已添加附件「现场照片.png」（PNG，"
assert_line "现场照片.png" "PNG"   # listed, with its type
assert_sql "SELECT name || '|' || type || '|' || size || '|' || sent_by FROM kp_attachments WHERE record_id = $id" \
	"现场照片.png|PNG|$(stat -c %s "$WORK/现场照片.png")|weidu"
# F7: into the folder beside the file it came from, which is kept.
echo kept >"$X/现场照片.png"
keys F7
wait_for "文件名「现场照片-2.png」"
cmp "$WORK/现场照片.png" "$X/现场照片-2.png" || fail "the copy differs"
[ "$(cat "$X/现场照片.png")" = kept ] || fail "the file in the folder was overwritten"
keys Escape
wait_for "附件 1 个"
keys Escape; wait_for "记录列表"
keys Escape; wait_for "主菜单"
quit_kepu
echo "ok"
