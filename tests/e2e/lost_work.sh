# SPDX-License-Identifier: MulanPSL-2.0
# Lost work noticed (#27): kepu backup and kepu check remember the chain's
# head beside the database; after an older backup is restored over the
# newer file, and after a power cut that loses the -wal, kepu check warns
# that a head it saw is gone and names the time of the last head it can
# still find.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-07-01
"$KEPU" backup --db "$DB" --today 2016-07-01 "$WORK/old.db" >"$WORK/out" || fail "backup: $(cat "$WORK/out")"
grep -F "备份中的审计链头" "$WORK/out" >/dev/null || fail "backup head: $(cat "$WORK/out")"
[ -s "$DB.heads" ] || fail "no heads log beside the database"
"$KEPU" check --db "$DB" --today 2016-07-02 >/dev/null || fail "check before"
# Later work, seen by a check.
"$KEPU" user add xinren --role city --db "$DB" --today 2016-07-03 >/dev/null
"$KEPU" check --db "$DB" --today 2016-07-04 >"$WORK/out" || fail "check after work: $(cat "$WORK/out")"
# The night's copy is put back over the newer file.
rm -f "$DB-wal" "$DB-shm"
cp "$WORK/old.db" "$DB"
set +e
"$KEPU" check --db "$DB" --today 2016-07-05 >"$WORK/out" 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "restore not noticed (exit $rc): $(cat "$WORK/err")"
grep -F "在现在的数据库里找不到了" "$WORK/err" >/dev/null || fail "no warning: $(cat "$WORK/err")"
grep -F "2016-07-04" "$WORK/err" >/dev/null || fail "the lost head's time: $(cat "$WORK/err")"
grep -F "最后一个链头是 2016-07-02" "$WORK/err" >/dev/null || fail "the last head found: $(cat "$WORK/err")"
# Accepted by an administrator, the next check is quiet.
"$KEPU" check --db "$DB" --today 2016-07-05 --accept --reason "按 7 月 1 日的备份恢复" >/dev/null 2>&1 ||
	fail "accept of the restore"
"$KEPU" check --db "$DB" --today 2016-07-05 >"$WORK/out" 2>"$WORK/err" || fail "after accept: $(cat "$WORK/err")"

# A power cut that loses the -wal: commits a check saw are gone. Another
# connection holds the file open, so nobody checkpoints the log into it.
mkfifo "$WORK/holder"
command sqlite3 "$DB" <"$WORK/holder" >"$WORK/held" &
holder=$!
exec 3>"$WORK/holder"
echo "SELECT count(*) FROM talent;" >&3
for _ in $(seq 200); do [ -s "$WORK/held" ] && break; sleep 0.05; done # its read has begun
[ -s "$WORK/held" ] || fail "the holding connection did not read"
"$KEPU" user add houlai --role city --db "$DB" --today 2016-07-06 >/dev/null
"$KEPU" check --db "$DB" --today 2016-07-07 >/dev/null || fail "check before the cut"
[ -s "$DB-wal" ] || fail "the commits are not in the -wal"
kill -9 "$holder"
wait "$holder" 2>/dev/null || true
exec 3>&-
: >"$DB-wal"
rm -f "$DB-shm"
assert_sql "SELECT count(*) FROM kp_users WHERE name = 'houlai'" 0
rc=0
"$KEPU" check --db "$DB" --today 2016-07-08 >"$WORK/out" 2>"$WORK/err" || rc=$?
[ "$rc" -eq 1 ] || fail "lost -wal not noticed (exit $rc): $(cat "$WORK/err")"
grep -F "kepu check 记下的审计链头（2016-07-07" "$WORK/err" >/dev/null || fail "the lost head: $(cat "$WORK/err")"
grep -F "最后一个链头是 2016-07-05" "$WORK/err" >/dev/null || fail "the last head found: $(cat "$WORK/err")"
