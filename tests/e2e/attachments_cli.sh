# SPDX-License-Identifier: MulanPSL-2.0
# kepu attachments (#19): a clerk of 魏都区 sends a real Word document
# (written by LibreOffice Writer, tests/fixtures/attach) with rz from the
# record's 附件 screen, and an OpenDocument file named .docx is refused; a
# clerk of 许昌学院 sends a real Excel workbook (LibreOffice Calc). On the
# server's command line, kepu attachments list shows both with their
# record, unit, type, size, sender and state, and get writes the exact
# bytes; as 魏都区 (--unit) the other unit's file is neither listed nor
# fetched, its number answered as a missing one; an existing file is kept
# unless --force.
. "$(dirname "$0")/lib.sh"
ZTERM=${KEPU_ZTERM:-$PWD/build/tests/kepu-zterm}
FX="$(cd "$(dirname "$0")/../fixtures/attach" && pwd)"
new_db --demo --today 2016-08-10
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR" "$WORK/pc"
cp "$FX/report.docx" "$WORK/活动总结.docx"
cp "$FX/notes.odt" "$WORK/总结.docx"
cp "$FX/tally.xlsx" "$WORK/统计.xlsx"
first_activity() {
	sqlite3 "$DB" "SELECT a.id FROM activity a JOIN units u ON u.id = a.unit_id WHERE u.name = '$1' ORDER BY a.id LIMIT 1"
}
wd=$(first_activity 魏都区)
xc=$(first_activity 许昌学院)
: >"$WORK/zsend"
kepu_in() {
	start_cmd 100 24 "env TERM=xterm-256color LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TMPDIR=$TMPDIR $ZTERM $WORK/zsend $WORK/pc -- $KEPU --db $DB --today 2016-08-10"
	login "$1"
}
send_file() { printf '%s\n' "$1" >"$WORK/zsend"; keys F5; }
attach_first() { # attach_first ACCOUNT RECORD FILE...: the files to the unit's first activity
	local who=$1 id=$2
	shift 2
	kepu_in "$who"
	menu_open "科普活动记录  记录列表"
	wait_for "记录列表"
	keys Home Enter
	wait_for "修改第 $id 号记录（草稿，附件 0 个）"
	keys F6
	wait_for "附件：科普活动记录 第 $id 号记录（草稿）"
	for file in "$@"; do
		send_file "$WORK/$file"
		case $file in
		总结.docx) wait_for "「总结.docx」不是可以作为附件的文件" ;;
		*) wait_for "已添加附件「$file」（$(printf %s "${file##*.}" | tr a-z A-Z)，" ;;
		esac
	done
	keys Escape Escape; wait_for "记录列表"
	keys Escape; wait_for "主菜单"
	quit_kepu
	close_terminals
}
attach_first weidu "$wd" 活动总结.docx 总结.docx
attach_first xcxy "$xc" 统计.xlsx
assert_sql "SELECT group_concat(name || '|' || type, ' ') FROM kp_attachments" "活动总结.docx|DOCX 统计.xlsx|XLSX"
docx_id=$(sqlite3 "$DB" "SELECT id FROM kp_attachments WHERE type = 'DOCX'")
xlsx_id=$(sqlite3 "$DB" "SELECT id FROM kp_attachments WHERE type = 'XLSX'")
docx_size=$(stat -c %s "$FX/report.docx")

att() { "$KEPU" attachments "$@" --db "$DB" >"$WORK/out" 2>"$WORK/err"; }

# The city's (the administrator's) list: both, with all they are.
att list || fail "list: $(cat "$WORK/err")"
has "附件编号,表单,记录编号,填报单位,文件名,类型,大小（字节）,发送人,发送时间,状态" out
has "$docx_id,科普活动记录,$wd,魏都区,活动总结.docx,DOCX,$docx_size,weidu,2016-08-10 " out
has "$xlsx_id,科普活动记录,$xc,许昌学院,统计.xlsx,XLSX,$(stat -c %s "$FX/tally.xlsx"),xcxy," out
[ "$(grep -c ',草稿' "$WORK/out")" -eq 2 ] || fail "states: $(cat "$WORK/out")"
att list --form 科普活动 --record "$xc" || fail "list --record: $(cat "$WORK/err")"
has "统计.xlsx" out
hasnt "活动总结.docx" out
att list --form resource || fail "list --form resource: $(cat "$WORK/err")"
[ "$(wc -l <"$WORK/out")" -eq 1 ] || fail "resources have no files: $(cat "$WORK/out")"

# Fetched byte for byte.
att get "$docx_id" -o "$WORK/取回.docx" || fail "get: $(cat "$WORK/err")"
cmp "$WORK/取回.docx" "$FX/report.docx" || fail "the fetched DOCX differs from the one sent"
has "已把第 $docx_id 号附件「活动总结.docx」（DOCX，$docx_size 字节，科普活动记录 第 $wd 号记录）写到" out
# An existing file is kept; --force replaces it.
refused 1 att get "$xlsx_id" -o "$WORK/取回.docx"
has "已存在，没有覆盖（确要覆盖请加 --force）" err
cmp "$WORK/取回.docx" "$FX/report.docx" || fail "an existing file was changed"
att get "$xlsx_id" --output "$WORK/取回.docx" --force || fail "get --force: $(cat "$WORK/err")"
cmp "$WORK/取回.docx" "$FX/tally.xlsx" || fail "--force did not write the workbook"

# As 魏都区's account: its own file only.
att list --unit 魏都区 || fail "list --unit: $(cat "$WORK/err")"
has "活动总结.docx" out
hasnt "统计.xlsx" out
hasnt "许昌学院" out
att get "$docx_id" -o "$WORK/own.docx" --unit 魏都区 || fail "own get: $(cat "$WORK/err")"
cmp "$WORK/own.docx" "$FX/report.docx" || fail "the unit's own file differs"
refused 1 att get "$xlsx_id" -o "$WORK/theirs.xlsx" --unit 魏都区
has "本单位的附件中没有第 $xlsx_id 号附件" err
[ ! -e "$WORK/theirs.xlsx" ] || fail "another unit's file was written"
refused 1 att get 999 -o "$WORK/none.xlsx" --unit 魏都区
has "本单位的附件中没有第 999 号附件" err
refused 1 att get 999 -o "$WORK/none.xlsx"
has "没有第 999 号附件" err

# Wrong usage says what is wanted.
refused 2 att list --record 1
has "--record 须与 --form 一起使用" err
refused 2 att get 1x -o "$WORK/x"
has "附件编号「1x」不对：应为 1 到" err
refused 2 att get "$docx_id"
has "请用 --output FILE" err
refused 1 att list --form talent
has "带附件的表单：activity（科普活动记录）、resource（科普资源开发记录）" err
refused 1 att list --unit 不存在区
has "没有名为「不存在区」的单位" err
