# SPDX-License-Identifier: MulanPSL-2.0
# kepu init makes the database with its mode whatever the umask: 0600 in a
# developer's build (0660 for the data group when installed setgid: see
# ssh_setgid), and SQLite gives -wal and -shm the database file's mode. It
# was 0644, and 0666 (anyone could write the records) under umask 000.
. "$(dirname "$0")/lib.sh"
umask 000
exits 0 "$KEPU" init --db "$DB"
[ "$(stat -c %a "$DB")" = 600 ] || fail "the new database is $(stat -c %a "$DB"), want 600"
# a session's -wal and -shm, while a connection holds the database open
python3 - "$DB" <<'PY' || fail "-wal/-shm modes"
import os, sqlite3, stat, sys
db = sys.argv[1]
c = sqlite3.connect(db)
c.execute("PRAGMA journal_mode").fetchone()
c.execute("CREATE TEMP TABLE t (x)")
c.execute("SELECT count(*) FROM plan").fetchone()
for ext in ("-wal", "-shm"):
    p = db + ext
    if not os.path.exists(p):
        sys.exit("no " + p)
    m = stat.S_IMODE(os.stat(p).st_mode)
    if m != 0o600:
        sys.exit("%s is %o, want 600" % (p, m))
PY
# control: the same umask, a file made without kepu
touch "$WORK/plain"
[ "$(stat -c %a "$WORK/plain")" = 666 ] || fail "umask 000 not in force: $(stat -c %a "$WORK/plain")"
# an existing file is refused, its mode untouched
chmod 640 "$DB"
refused 1 "$KEPU" init --db "$DB"
[ "$(stat -c %a "$DB")" = 640 ] || fail "a refused init changed the mode"
echo "db_mode: ok"
