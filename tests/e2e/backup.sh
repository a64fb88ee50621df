# kepu backup copies a live database (writers busy meanwhile) consistently,
# checks the copy, and never overwrites a file.
. "$(dirname "$0")/lib.sh"
new_db --demo
"$KEPU_WRITER" "$DB" 300 长葛市 live >/dev/null 2>&1 &
writer=$!
"$KEPU" backup --db "$DB" "$WORK/copy.db" >"$WORK/out"
grep -q "完整性检查通过" "$WORK/out" || fail "backup: $(cat "$WORK/out")"
wait "$writer"
[ "$(sqlite3 "$WORK/copy.db" "PRAGMA integrity_check")" = ok ] || fail "copy integrity"
n=$(sqlite3 "$WORK/copy.db" "SELECT count(*) FROM talent")
[ "$n" -ge 44 ] && [ "$n" -le 344 ] || fail "copy has $n talents"
set +e
"$KEPU" backup --db "$DB" "$WORK/copy.db" 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "已存在，不会覆盖" "$WORK/err" || fail "backup overwrote a file"
# The copy is a working kepu database.
"$KEPU" export talent --db "$WORK/copy.db" >"$WORK/copy.csv"
grep -q "^魏都区," "$WORK/copy.csv" || fail "copy export"
