# SPDX-License-Identifier: MulanPSL-2.0
# An escape-sequence corpus of 200+ hostile strings — every C0 and C1
# control, OSC title/clipboard/hyperlink, CSI, DCS/APC/PM/SOS, CR/BS
# overwrites, bidi controls, zero-width characters, invalid UTF-8 — stored in
# records, then drawn in the list and in the form while `script` records
# every byte kepu writes to the pty, and exported. No raw control byte from
# the data reaches the terminal or the export. (What CR and BS would do to
# the screen itself is checked by hostile_text.sh.)
. "$(dirname "$0")/lib.sh"
new_db
corpus=$WORK/corpus
mkdir "$corpus"
n=0
add() { n=$((n + 1)); printf "$1" >"$corpus/$n"; }
for c in $(seq 1 31) 127; do add "\\x$(printf %02x "$c")"; done
for c in $(seq 128 159); do add "\\xc2\\x$(printf %02x "$c")"; done       # C1 as UTF-8
for c in $(seq 128 159); do add "\\x$(printf %02x "$c")"; done           # raw C1 bytes
add '\e]0;PWNED\a'; add '\e]2;PWNED\e\\'; add '\e]52;c;SGVsbG8=\a'
add '\e]8;;http://evil.example/\e\\link\e]8;;\e\\'; add '\e]4;1;rgb:ff/00/00\a'; add '\e]10;?\a'
for p in 2J H 6n c '?1049h' '?25l' '1;1H' 999C K 's\e[u' 20t 21t '3J'; do add "\\e[$p"; done
for m in $(seq 0 49); do add "\\e[${m}m"; done
add '\eP1$qm\e\\'; add '\e_apc\e\\'; add '\e^pm\e\\'; add '\eXsos\e\\'
add '\ec'; add '\e7\e8'; add '\e(0'; add '\e#8'; add '\eD'; add '\eM'; add '\eH'
add '真\r假'; add '好\b\b坏'; add 'abc\rXYZ'; add '左\t右'; add '上\n\e[2A下'
for u in 202a 202b 202c 202d 202e 2066 2067 2068 2069 200e 200f 061c \
	200b 200c 200d 2060 feff 2028 2029 fff9 fffa fffb; do
	add "\\u$u"
done
add '\xc0\xaf'; add '\xed\xa0\x80'; add '\xe5\xbc'; add '\xf8\x88\x80\x80\x80'
add '\xfe'; add '\xff'; add '\xf4\x90\x80\x80'; add '\xe0\x80\xaf'
echo "corpus: $n strings"
[ "$n" -ge 200 ] || fail "the corpus has only $n strings"

# Ten text fields per record, each holding 甲<payload>乙.
fields=(name industry specialty employer title email qq_wechat profile experience plan)
unit=$(sqlite3 "$DB" "SELECT id FROM units WHERE seq = 1")
sql=$WORK/insert.sql
echo "BEGIN;" >"$sql"
records=0
for ((k = 1; k <= n; k += ${#fields[@]})); do
	cols="unit_id, created_at, updated_at" vals="$unit, 'x', 'x'"
	for ((j = 0; j < ${#fields[@]} && k + j <= n; j++)); do
		hex=$( { printf '甲'; cat "$corpus/$((k + j))"; printf '乙'; } | od -An -v -tx1 | tr -d ' \n')
		cols="$cols, ${fields[j]}"
		vals="$vals, CAST(X'$hex' AS TEXT)"
	done
	echo "INSERT INTO talent ($cols) VALUES ($vals);" >>"$sql"
	records=$((records + 1))
done
# And every payload once more in 姓名, a column of the list.
for ((k = 1; k <= n; k++)); do
	hex=$( { printf '甲'; cat "$corpus/$k"; printf '乙'; } | od -An -v -tx1 | tr -d ' \n')
	echo "INSERT INTO talent (unit_id, created_at, updated_at, name) VALUES ($unit, 'x', 'x', CAST(X'$hex' AS TEXT));" >>"$sql"
done
echo "COMMIT;" >>"$sql"
sqlite3 "$DB" <"$sql"
assert_sql "SELECT count(*) FROM talent" "$((records + n))"

# Draw every record in the list and in the form, recording the pty bytes.
ts=$WORK/typescript
start_cmd 80 24 "env TERM=xterm-256color LANG=zh_CN.UTF-8 script -q -f -E never -c '$KEPU --db $DB' $ts"
login
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "记录列表"
for ((r = 1; r <= records; r++)); do
	keys Enter
	wait_for "修改第 $r 号记录"
	for _ in $(seq 17); do keys Tab; done        # down to the last textareas
	wait_for "个人情况与工作计划"
	keys Escape
	wait_for "记录列表"
	keys Down
done
last=$(sqlite3 "$DB" "SELECT max(id) FROM talent")
for _ in $(seq $((n / 18 + 1))); do keys NPage; done   # every page of the list (18 rows at 80x24)
wait_for "$last "
keys Escape
wait_for "主菜单"
quit_kepu
"$KEPU" export talent --db "$DB" >"$WORK/export.full"
# The export starts with a BOM for Excel (U+FEFF, on purpose); the rest is checked.
[ "$(head -c 3 "$WORK/export.full")" = "$BOM" ] || fail "the export has no BOM"
tail -c +4 "$WORK/export.full" >"$WORK/export.csv"

# Nothing from the data may reach the terminal raw.
check_bytes() { # FILE WHAT PCRE
	if LC_ALL=C grep -qzaP -- "$3" "$1"; then
		LC_ALL=C grep -zaoP -- "$3" "$1" | head -c 60 | od -c | head -5 >&2
		fail "$2 in $(basename "$1")"
	fi
}
for f in "$ts" "$WORK/export.csv"; do
	check_bytes "$f" "an OSC/DCS/APC/PM/SOS introducer" '\x1b[\]P_^X]'
	check_bytes "$f" "BEL" '\x07'
	check_bytes "$f" "a C0 control ncurses never sends" '[\x01-\x06\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]'
	check_bytes "$f" "a C1 control" '\xc2[\x80-\x9f]'
	check_bytes "$f" "a bidi or zero-width character" \
		'\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa0-\xa4\xa6-\xa9]|\xef\xbb\xbf|\xd8\x9c|\xef\xbf[\xb9-\xbb]'
	check_bytes "$f" "RIS or a DEC screen test" '\x1bc|\x1b#8'
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || fail "invalid UTF-8 in $(basename "$f")"
done
check_bytes "$WORK/export.csv" "ESC" '\x1b'
check_bytes "$WORK/export.csv" "a bare CR or BS" '\r(?!\n)|\x08'
# And no payload arrived intact between its markers.
intact=0
for ((i = 1; i <= n; i++)); do
	needle=$(printf '甲'; cat "$corpus/$i"; printf '乙')
	case "$needle" in *$'\n'*) continue ;; esac
	if LC_ALL=C grep -qaF -- "$needle" "$ts"; then
		intact=$((intact + 1))
		echo "intact: corpus $i: $(od -c "$corpus/$i" | head -1)" >&2
	fi
done
[ "$intact" -eq 0 ] || fail "$intact corpus strings reached the terminal intact"
grep -q "甲?]0;PWNED?乙" "$WORK/export.csv" || fail "the export lost the visible text"
echo "corpus strings: $n in $records records; raw control bytes reaching the terminal: 0"
