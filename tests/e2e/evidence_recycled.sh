# SPDX-License-Identifier: MulanPSL-2.0
# A recycled photo, as a tester sent it: a clerk of 魏都区 receives (rz,
# kepu-zterm playing the PC's ZMODEM terminal) the same photo onto two
# July activities. The first is taken as it is; the second is taken and
# the status line says it is the other record's file (what the city will
# see at 认定); the same photo again onto that record is refused. The July
# 月报's 佐证活动 then counts one activity, not two (a file another record
# had first is that record's evidence), and two once the second has a
# photo of its own (kepu attachments add, the control).
# All of it in a Chinese locale whose lrzsz speaks German
# (LANGUAGE=zh_CN:de: lrzsz ships no Chinese messages): a download
# cancelled with Ctrl-X x5 is still said as cancelled, not as failed.
. "$(dirname "$0")/lib.sh"
ZTERM=${KEPU_ZTERM:-$PWD/build/tests/kepu-zterm}
command -v sz >/dev/null || fail "lrzsz is not installed (tools/deps.sh)"
new_db --demo --today 2016-08-10
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR" "$WORK/pc"
ids=$(sqlite3 "$DB" "SELECT a.id FROM activity a JOIN units u ON u.id = a.unit_id WHERE u.name = '魏都区'
	AND a.held_on LIKE '2016-07-%' AND a.kp_state = 'draft' ORDER BY a.id")
first=$(sed -n 1p <<<"$ids")
second=$(sed -n 2p <<<"$ids")
[ -n "$second" ] || fail "the demo has no two July drafts of 魏都区: $ids"
# The list by number: each record's place among the unit's activities.
place() { sqlite3 "$DB" "SELECT count(*) FROM activity a JOIN units u ON u.id = a.unit_id WHERE u.name = '魏都区' AND a.id <= $1"; }
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\010\0\0\0\010\010\002\0\0\0现场' >"$WORK/现场照片.png"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\010\0\0\0\010\010\002\0\0\0另一张' >"$WORK/签到表.png"
: >"$WORK/zsend"
LOCALE="LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN:de"
kepu_in() { # kepu_in [ZTERM…]: weidu's session, in that locale
	start_cmd 100 24 "env TERM=xterm-256color $LOCALE TMPDIR=$TMPDIR $* $KEPU --db $DB --today 2016-08-10"
	login weidu
	menu_open "科普活动记录  记录列表"
	wait_for "记录列表"
}
files_of() { # files_of ID: record ID's 附件 screen, from the list
	local i
	keys Home
	for ((i = 1; i < $(place "$1"); i++)); do keys Down; done
	keys Enter
	wait_for "修改第 $1 号记录（草稿"
	keys F6
	wait_for "附件：科普活动记录 第 $1 号记录（草稿）"
}
back_to_list() {
	keys Escape; wait_for "（草稿，附件 $1 个）"
	keys Escape; wait_for "记录列表"
}
send_file() { printf '%s\n' "$1" >"$WORK/zsend"; keys F5; }

kepu_in "$ZTERM $WORK/zsend $WORK/pc --"
files_of "$first"
send_file "$WORK/现场照片.png"
wait_for "已添加附件「现场照片.png」（PNG，"
refute_screen "内容相同"                 # the first time: nothing to say
back_to_list 1
files_of "$second"
send_file "$WORK/现场照片.png"
wait_for "。注意：附件「现场照片.png」与第 $first 号记录的附件内容相"   # the line wraps at 100
assert_screen "已添加附件「现场照片.png」"
assert_screen "市科协审核时会看到这一点。"
send_file "$WORK/现场照片.png"           # onto the same record again: refused
wait_for "与这条记录已有的附件「现场照片.png」内容完全相同，没有再添加"
assert_sql "SELECT count(*) FROM kp_attachments WHERE record_id = $second" "1"
assert_sql "SELECT count(*) FROM kp_attachments WHERE record_id = $first" "1"
[ -z "$(ls -A "$TMPDIR")" ] || fail "left in TMPDIR: $(ls -A "$TMPDIR")"
back_to_list 1
keys Escape; wait_for "主菜单"
quit_kepu
close_terminals

# A plain terminal (no ZMODEM): F4 is refused within seconds; F4 again
# insists, sz waits, Ctrl-X x5 cancels it: said as cancelled although
# lrzsz said "Übertragung nicht abgeschlossen".
kepu_in
files_of "$first"
keys F4
wait_for "没有应答 ZMODEM（如 PuTTY），附件没有下载"
keys F4
wait_for "kepu 在等待终端接收（ZMODEM）"
lrzsz_waits sz
keys C-x C-x C-x C-x C-x
wait_for "下载已取消（连按了五次 Ctrl-X，或终端取消了接收）"
refute_screen "下载没有完成"
back_to_list 1
keys Escape; wait_for "主菜单"
quit_kepu
close_terminals

# The July 月报 (the demo's deleted first: a month reported is refused).
month_evidence() { # month_evidence N: a new July 月报 prefills 佐证活动 with N
	E2E_USER=weidu start 100 24 --today 2016-08-10
	menu_open "月报  填写新记录"
	wait_for "：新记录"
	type_text "2016-07"; keys Enter
	wait_for "已按 2016-07"
	assert_line "佐证活动" " ${1}_"   # the field, not a digit elsewhere
	keys Escape; wait_for "确定放弃并离开吗"; keys y
	wait_for "主菜单"
	quit_kepu
	close_terminals
}
sqlite3 "$DB" "DELETE FROM monthly WHERE month = '2016-07' AND unit_id = (SELECT id FROM units WHERE name = '魏都区')"
"$KEPU" check --accept --reason 测试夹具：删去演示的7月月报 --db "$DB" >/dev/null || fail "kepu check --accept"
month_evidence 1
"$KEPU" attachments add "$WORK/签到表.png" --form activity --record "$second" --unit 魏都区 --db "$DB" \
	--today 2016-08-10 >"$WORK/out" 2>"$WORK/err" || fail "attachments add: $(cat "$WORK/err")"
has "已把「签到表.png」（PNG，" out
month_evidence 2

# t5h #11: the same picture with one byte after IEND is refused on its
# record; with a comment chunk it is taken on another record but said to
# be that record's (the content hash: core/picture.c); another picture is
# new (the control).
png() { # FILE PIXELS [TEXT-CHUNK] [TAIL]
	printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\001\0\0\0\001\010\0\0\0\0CRC!%b\0\0\0\006IDAT%sCRC!\0\0\0\0IENDCRC!%b' \
		"${3:-}" "$2" "${4:-}" >"$1"
}
png "$WORK/photo1.png" pixel1
png "$WORK/photo2.png" pixel1 "" '\0'
png "$WORK/photo3.png" pixel1 '\0\0\0\012tEXtComment\0hiCRC!'
png "$WORK/photo4.png" pixel2
add() { "$KEPU" attachments add "$WORK/$1" --form activity --record "$2" --unit 魏都区 --db "$DB" --today 2016-08-10 \
	>"$WORK/out" 2>"$WORK/err"; }
add photo1.png "$first" || fail "photo1: $(cat "$WORK/err")"
add photo2.png "$first" && fail "photo2 (one byte more) was taken"
has "「photo2.png」与这条记录已有的附件「photo1.png」图像内容相同（文件不完全相同"
hasnt "内容完全相同" err # other bytes are not said to be the same file
cp "$WORK/photo1.png" "$WORK/photo1 copy.png"
add "photo1 copy.png" "$first" && fail "a copy of photo1 was taken"
has "「photo1 copy.png」与这条记录已有的附件「photo1.png」内容完全相同"
add photo3.png "$second" || fail "photo3: $(cat "$WORK/err")"
has "注意：附件「photo3.png」与第 $first 号记录的附件内容相同"
add photo4.png "$second" || fail "photo4: $(cat "$WORK/err")"
hasnt "内容相同"
assert_sql "SELECT count(*) FROM kp_attachments WHERE name LIKE 'photo%'" "3"

# t6h: a real picture saved again as RGBA or at another zlib level
# (python3's zlib, not kepu's) is the same picture; one pixel changed is
# another (the control).
python3 - "$WORK" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
def png(name, rows, colour, level, changed=False):
    px = lambda x, y: bytes([(x * 7 + 3) % 256 ^ (1 if changed and x == y == 5 else 0), (y * 5) % 256, (x * y) % 256])
    raw = b''.join(b'\0' + b''.join(px(x, y) + rows for x in range(16)) for y in range(16))
    open(sys.argv[1] + '/' + name, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 16, 8, colour, 0, 0, 0))
        + chunk(b'IDAT', zlib.compress(raw, level)) + chunk(b'IEND', b''))
png('real.png', b'', 2, 9)
png('real_rgba.png', b'\xff', 6, 1)
png('real_lvl1.png', b'', 2, 1)
png('real_other.png', b'', 2, 9, True)
PY
add real.png "$first" || fail "real.png: $(cat "$WORK/err")"
add real_rgba.png "$first" && fail "the same pixels as RGBA were taken"
has "「real_rgba.png」与这条记录已有的附件「real.png」图像内容相同（文件不完全相同，只差编码方式或附加信息）"
add real_lvl1.png "$second" || fail "real_lvl1.png: $(cat "$WORK/err")"
has "注意：附件「real_lvl1.png」与第 $first 号记录的附件内容相同"
add real_other.png "$second" || fail "real_other.png: $(cat "$WORK/err")"
hasnt "内容相同"
