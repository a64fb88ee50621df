# SPDX-License-Identifier: MulanPSL-2.0
# Attachments (#19): a clerk of 魏都区 sends a photo from the PC with rz
# (the test plays the PC's terminal: kepu-zterm runs sz through the pty),
# a file that is no photo and one over the limit are refused; the city sees
# the photo on the record, approves the activity and downloads the file
# with sz (bytes compared); the unit may then neither add nor remove one;
# another unit's account does not see it; the 月报 counts the activity as
# one with evidence; kepu backup keeps the file.
. "$(dirname "$0")/lib.sh"
ZTERM=${KEPU_ZTERM:-$PWD/build/tests/kepu-zterm}
new_db --demo --today 2016-08-10
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR" "$WORK/pc"
id=$(sqlite3 "$DB" "SELECT a.id FROM activity a JOIN units u ON u.id = a.unit_id WHERE u.name = '魏都区' ORDER BY a.id LIMIT 1")
act=$(sqlite3 "$DB" "SELECT name FROM activity WHERE id = $id")
# A real 8×8 PNG, a text file named like a photo, and a PNG of 21 MiB.
python3 - "$WORK/现场照片.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = b"".join(b"\0" + bytes([200, 30, 30] * 8) for _ in range(8))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
printf '这不是照片\n' >"$WORK/假照片.jpg"
{ printf '\211PNG\r\n\032\n'; head -c $((21 * 1024 * 1024)) /dev/zero; } >"$WORK/big.png"
: >"$WORK/zsend"
kepu_in() { # kepu in a terminal whose PC side speaks ZMODEM
	start_cmd 100 24 "env TERM=xterm-256color LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TMPDIR=$TMPDIR $ZTERM $WORK/zsend $WORK/pc -- $KEPU --db $DB --today 2016-08-10"
	login "$1"
}
send_file() { printf '%s\n' "$1" >"$WORK/zsend"; keys F5; }

kepu_in weidu
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
keys Home Enter
wait_for "修改第 $id 号记录（草稿，附件 0 个）"
keys F6
wait_for "附件：科普活动记录 第 $id 号记录（草稿）"
assert_screen "这条记录还没有附件"
send_file "$WORK/现场照片.png"
wait_for "已添加附件「现场照片.png」（PNG，"
assert_screen "weidu"
send_file "$WORK/假照片.jpg"
wait_for "「假照片.jpg」不是可以作为附件的文件"
send_file "$WORK/big.png"
WAIT_SECONDS=180 wait_for "本机发送的文件超过了 20 MiB 的上限，接收已中止，什么也没有保存"
assert_sql "SELECT name || '|' || type || '|' || size || '|' || sent_by FROM kp_attachments" \
	"现场照片.png|PNG|$(stat -c %s "$WORK/现场照片.png")|weidu"
assert_sql "SELECT count(*) FROM kp_audit WHERE action = 'attach' AND record_id = $id" "1"
[ -z "$(ls -A "$TMPDIR")" ] || fail "left in TMPDIR: $(ls -A "$TMPDIR")"
keys Escape
wait_for "（草稿，附件 1 个）"
keys Escape; wait_for "记录列表"
keys F9; wait_for "提交审核"; keys Enter
wait_for "第 $id 号记录已改为「已提交」"
keys Escape; wait_for "主菜单"
quit_kepu
close_terminals

# The city: the photo on the record; approve; download it.
kepu_in shikexie
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
keys Tab Tab; wait_for "只看「已提交」的记录"
keys Enter; wait_for "第 $id 号记录（已提交，附件 1 个）"   # read before it is approved
keys Escape; wait_for "记录列表"
keys F9; wait_for "退回修改"
type_text "认定"; keys Enter
wait_for "第 $id 号记录已改为「已认定」。"
keys Tab; wait_for "只看「已认定」的记录"
keys Enter
wait_for "查看第 $id 号记录（已认定"
keys F6
wait_for "现场照片.png"
assert_screen "PNG"
keys F4
wait_for "已发送 现场照片.png"
cmp "$WORK/pc/现场照片.png" "$WORK/现场照片.png" || fail "the downloaded file differs"
[ -z "$(ls -A "$TMPDIR")" ] || fail "left in TMPDIR: $(ls -A "$TMPDIR")"
keys Escape Escape Escape Escape; wait_for "主菜单"
quit_kepu
close_terminals

# The unit: an approved record's attachments stay as they are.
kepu_in weidu
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
keys Home Enter
wait_for "（已认定，附件 1 个）"
keys F6; wait_for "现场照片.png"
keys F8
wait_for "这条记录「已认定」，不能添加或删除附件。"
send_file "$WORK/现场照片.png"
wait_for "这条记录「已认定」，不能添加或删除附件。"
assert_sql "SELECT count(*) FROM kp_attachments" "1"
keys Escape Escape Escape; wait_for "主菜单"          # the files, the form, the list
# The 月报 of July counts the activity as one with evidence (the demo's
# July report deleted first: a month reported is refused on choosing it).
# The unit may not delete it: the city summed July up on 08-05.
menu_open "月报  记录列表"
wait_for "记录列表"
keys F8                                          # said at once, not asked first
wait_for "已由市科协于 2016年8月5日 汇总报送省科协"
refute_screen "确定删除"
assert_screen "共 1 条"
keys Escape; wait_for "主菜单"
sqlite3 "$DB" "DELETE FROM monthly WHERE id = 1"
"$KEPU" check --accept --reason 测试夹具：删去演示的7月月报 --db "$DB" >/dev/null || fail "kepu check --accept"
menu_open "月报  填写新记录"
wait_for "：新记录"
type_text "2016-07"; keys Enter
wait_for "已按 2016-07"
assert_line "佐证活动" "1"
keys Escape; wait_for "确定放弃并离开吗"; keys y
wait_for "主菜单"
quit_kepu
close_terminals

# Another unit does not see it: not the record, not the file.
kepu_in xcxy
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
refute_screen "$act"
refute_screen "现场照片"
keys Escape; wait_for "主菜单"
quit_kepu
close_terminals

# kepu backup keeps the file with its record, byte for byte.
"$KEPU" backup --db "$DB" "$WORK/backup.db" >/dev/null
sqlite3 "$WORK/backup.db" "SELECT writefile('$WORK/restored.png', data) FROM kp_attachments a JOIN activity t ON t.id = a.record_id WHERE t.id = $id" >/dev/null
cmp "$WORK/restored.png" "$WORK/现场照片.png" || fail "the backup's attachment differs"
DB="$WORK/backup.db"
kepu_in shikexie
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
keys Enter
wait_for "附件 1 个"
keys F6; wait_for "现场照片.png"
keys Escape Escape Escape; wait_for "主菜单"
quit_kepu
# What the screens wrote is sealed and chained (#27).
"$KEPU" check --db "$DB" >"$WORK/check" || fail "kepu check: $(cat "$WORK/check")"
