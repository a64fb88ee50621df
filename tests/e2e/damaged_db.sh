# SPDX-License-Identifier: MulanPSL-2.0
# A damaged database is said so on every path: a unit's main screen (its
# returned records) when the table of 附表2 is damaged, a login against a damaged account table, and the command line
# each name the damage and the recovery from a backup — never an empty
# list (还没有记录) or 用户名或密码不正确.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
cp "$DB" "$WORK/good.db"
# damage TABLE: garbage over the b-tree page of TABLE, on disk.
damage() {
	local page size
	sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	page=$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_schema WHERE name = '$1'")
	size=$(sqlite3 "$DB" "PRAGMA page_size")
	printf '\x7f%.0s' $(seq 64) | dd of="$DB" bs=1 seek=$(((page - 1) * size)) conv=notrunc status=none
}
damage talent
E2E_USER= start 80 24 --today 2016-08-10
wait_for "请登录"
type_text weidu; keys Enter
type_text kepu2016; keys Enter
wait_for "数据库文件已损坏"                         # the unit's main screen reads its returned talents
assert_screen "kepu backup"
refute_screen "还没有记录"
keys Enter
wait_for "KEPU-EXIT=1"
close_terminals
"$KEPU" export talent --db "$DB" >"$WORK/out" 2>"$WORK/err" && fail "an export of a damaged table succeeded"
grep -q "数据库文件已损坏" "$WORK/err" || fail "export: $(cat "$WORK/err")"
# Nothing on standard output before the message: a CSV header alone would
# pass for an empty export. The same for the expert search.
[ ! -s "$WORK/out" ] || fail "a failed export printed $(wc -c <"$WORK/out") bytes: $(head -c 200 "$WORK/out")"
"$KEPU" find "" --db "$DB" >"$WORK/out" 2>"$WORK/err" && fail "a search of a damaged table succeeded"
grep -q "数据库文件已损坏" "$WORK/err" && [ ! -s "$WORK/out" ] || fail "find: $(head -c 200 "$WORK/out") / $(cat "$WORK/err")"
# Positive control: the good copy exports its header and rows.
"$KEPU" export talent --db "$WORK/good.db" | grep -c "" | grep -qv "^[01]$" || fail "the good copy exports nothing"
# Into a file: half an export must not stay behind as if it were whole.
"$KEPU" export talent --db "$DB" --output "$WORK/half.csv" 2>/dev/null && fail "an export to a file succeeded"
[ ! -e "$WORK/half.csv" ] || fail "a failed export left $(wc -c <"$WORK/half.csv") bytes in its file"

# The account table damaged: a right password is not "wrong".
cp "$WORK/good.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
damage kp_users
E2E_USER= start 80 24 --today 2016-08-10
wait_for "请登录"
type_text weidu; keys Enter
type_text kepu2016; keys Enter
wait_for "数据库文件已损坏"
refute_screen "用户名或密码不正确"
keys Enter
wait_for "KEPU-EXIT=1"
