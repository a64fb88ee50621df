# SPDX-License-Identifier: MulanPSL-2.0
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

# A full disk: the copy is made under a temporary name and named only once
# checked, so nothing at all is left (a 0-byte file would make the next
# night's run with the same name refuse). A tmpfs with room for the
# database and 256 KiB, filled but for half the database's size.
[ "$(id -u)" -eq 0 ] || fail "needs root: it mounts a small tmpfs"
kib=$(( $(stat -c %s "$DB") / 1024 ))
mkdir "$WORK/full"
mount -t tmpfs -o size=$((kib + 256))k kepu-e2e-full "$WORK/full"
trap 'umount "$WORK/full" 2>/dev/null; cleanup' EXIT
dd if=/dev/zero of="$WORK/full/fill" bs=1k count=$((kib / 2 + 256)) status=none
set +e
"$KEPU" backup --db "$DB" "$WORK/full/kepu-night.db" 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "a backup onto a full disk exited $rc"
[ "$(ls -A "$WORK/full")" = fill ] || fail "a failed backup left: $(ls -A "$WORK/full")"
# Positive control: room made, the same name works.
rm "$WORK/full/fill"
"$KEPU" backup --db "$DB" "$WORK/full/kepu-night.db" >/dev/null
[ "$(sqlite3 "$WORK/full/kepu-night.db" "PRAGMA integrity_check")" = ok ] || fail "the second backup"
[ "$(ls -A "$WORK/full")" = kepu-night.db ] || fail "left beside the backup: $(ls -A "$WORK/full")"
[ "$(stat -c %a "$WORK/full/kepu-night.db")" = 600 ] || fail "backup mode $(stat -c %a "$WORK/full/kepu-night.db")"

# No command writes to a name SQLite takes for a companion of an existing
# database (the next process to open it would play it back or delete it).
for args in "backup --db $DB $DB-journal" "export talent --db $DB --output $DB-journal" \
	"export talent --db $DB --format xlsx --output $DB-wal" "report progress --db $DB --output $DB-shm" \
	"attachments list --db $DB --output $DB-journal" "attachments get 1 --db $DB --output $DB --force" \
	"import talent $WORK/copy.csv --db $DB --dry-run --skip-invalid $DB-journal" \
	"backup --db $DB $WORK/copy.db-wal" "init --db $DB-wal"; do
	set +e
	"$KEPU" $args >/dev/null 2>"$WORK/err"; rc=$?
	set -e
	[ "$rc" -eq 1 ] || fail "kepu $args: exit $rc"
	grep -q "不能写：SQLite 会把它当作数据库\|是 kepu 的数据库" "$WORK/err" || fail "kepu $args: $(cat "$WORK/err")"
done
[ ! -e "$DB-journal" ] && [ ! -e "$WORK/copy.db-wal" ] || fail "a companion file was written"
# Positive control: the same commands with a name that is no companion.
"$KEPU" export talent --db "$DB" --output "$WORK/k.db-journal.csv" && [ -s "$WORK/k.db-journal.csv" ] ||
	fail "an ordinary name was refused"
"$KEPU" backup --db "$DB" "$WORK/other-journal" >/dev/null || fail "a -journal name of no file was refused"

# A -wal or -journal left (or planted) beside the name a database is to be
# made at: SQLite would replay it into the new database at its next open.
# backup and init refuse, naming the file; nothing is made.
for suffix in -wal -journal -shm; do
	rm -f "$WORK/nb.db"*
	printf 'planted' >"$WORK/nb.db$suffix"
	for args in "backup --db $DB $WORK/nb.db" "init --db $WORK/nb.db"; do
		set +e
		"$KEPU" $args >/dev/null 2>"$WORK/err"; rc=$?
		set -e
		[ "$rc" -ne 0 ] || fail "kepu $args beside nb.db$suffix: exit 0"
		grep -q "旁边已有 $WORK/nb.db$suffix" "$WORK/err" || fail "kepu $args: $(cat "$WORK/err")"
		[ ! -e "$WORK/nb.db" ] || fail "kepu $args made nb.db beside nb.db$suffix"
	done
done
# Positive control: the file moved away, both make their database.
rm -f "$WORK/nb.db"*
"$KEPU" backup --db "$DB" "$WORK/nb.db" >/dev/null || fail "backup with nothing beside it"
"$KEPU" init --db "$WORK/nb2.db" >/dev/null || fail "init with nothing beside it"
[ -s "$WORK/nb.db" ] && [ -s "$WORK/nb2.db" ] || fail "no database made"
