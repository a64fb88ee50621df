# SPDX-License-Identifier: MulanPSL-2.0
# The deployment of docs/deploy.md, with a non-root Unix account (a test
# as root could not see a permission boundary): kepu installed setgid to a
# data group the account is not in, the database 0660 in a 2770 directory,
# sshd's ForceCommand. Through ssh as PuTTY (TERM=xterm) the account runs
# kepu and saves a record; the same account cannot open the database file
# itself, nor point kepu at another file, day or terminal description, nor
# run the administrators' commands; root still can.
. "$(dirname "$0")/lib.sh"
acct=kpu$$
ssh_scenario "$acct"

# As docs/deploy.md says: the data group, the clerks' group, the account.
groupadd "$group"
groupadd "$clerks"
useradd -m -d "$WORK/home" -g "$clerks" -s /bin/sh "$acct"
rm -rf "$data" "$sftp"
install -d -o root -g "$group" -m 2770 "$data"
mkdir -m 755 "$WORK/bin"
install -o root -g "$group" -m 2755 "$built" "$WORK/bin/kepu"
KEPU=$WORK/bin/kepu DB=$data/kepu.db new_db --demo # kepu init by root, an administrator
DB=$data/kepu.db
[ "$(stat -c %a:%G "$DB")" = "660:$group" ] || fail "the new database is $(stat -c %a:%G "$DB")"

# clerk_sh COMMAND: run COMMAND as the account, with nothing of this
# script's environment. as_clerk COMMAND: the same, its output (both
# streams) and status in $out and $rc.
clerk_sh() { su -s /bin/sh "$acct" -c "cd; env -i PATH=/usr/bin:/bin LANG=C.UTF-8 $1"; }
as_clerk() {
	rc=0
	out=$(clerk_sh "$1" 2>&1) || rc=$?
}

# (b) The file itself: neither sqlite3 nor cat, nor a listing of its directory.
as_clerk "sqlite3 $DB 'SELECT count(*) FROM talent'"
[ "$rc" -ne 0 ] && grep -q "unable to open database" <<<"$out" || fail "sqlite3 as the clerk: $out"
as_clerk "cat $DB"
[ "$rc" -ne 0 ] && grep -q "Permission denied" <<<"$out" || fail "cat as the clerk: $out"
as_clerk "ls $data"
[ "$rc" -ne 0 ] && grep -q "Permission denied" <<<"$out" || fail "ls as the clerk: $out"

# (c) kepu as the clerk: what names another file or day, and the
# administrators' commands, are refused before anything is opened.
audit_rows() { sqlite3 "$DB" "SELECT count(*) FROM kp_audit"; }
before=$(audit_rows)
confined() { refused 2 clerk_sh "$2"; has "$1"; } # confined WHY COMMAND
confined "不能使用 --db" "$WORK/bin/kepu --db $WORK/other.db"
confined "不能使用 --screens" "$WORK/bin/kepu --screens $WORK"
confined "不能使用 --today" "$WORK/bin/kepu --today 2016-01-01"
confined "不接受环境变量 KEPU_DB" "KEPU_DB=$WORK/other.db $WORK/bin/kepu"
confined "不接受环境变量 KEPU_TODAY" "KEPU_TODAY=2016-01-01 $WORK/bin/kepu"
confined "kepu user 只能由管理员（root 或 $group 组的成员）运行" "$WORK/bin/kepu user list"
confined "kepu backup 只能由管理员" "$WORK/bin/kepu backup $WORK/x.db"
confined "kepu init 只能由管理员" "$WORK/bin/kepu init"
confined "kepu export 只能由管理员" "$WORK/bin/kepu export talent"
[ ! -e "$WORK/other.db" ] && [ ! -e "$WORK/x.db" ] || fail "a refused command wrote a file"
[ "$(audit_rows)" = "$before" ] || fail "a refused command changed the database"
# What opens nothing stays open to the clerk.
as_clerk "$WORK/bin/kepu check"
[ "$rc" -eq 0 ] && grep -q "个表单定义全部正确" <<<"$out" || fail "check as the clerk: $out"

# A terminal description of the clerk's own (TERMINFO) is not read: a
# terminal known only there is unknown to kepu.
mkdir -p "$WORK/terminfo"
infocmp xterm | sed '2s/^xterm|/kepufake|/' | tic -o "$WORK/terminfo" - 2>/dev/null
chmod -R a+rX "$WORK/terminfo"
[ -e "$WORK/terminfo/k/kepufake" ] || fail "tic made no kepufake entry"
start_cmd 80 24 "su -s /bin/sh $acct -c 'env -i TERM=kepufake TERMINFO=$WORK/terminfo LANG=C.UTF-8 $WORK/bin/kepu'"
wait_for "KEPU-EXIT=1"
assert_screen "kepufake"
refute_screen "请登录"
close_terminals

# (a) Through sshd set up as docs/deploy.md says, with PuTTY's TERM: the
# account lands in kepu (ForceCommand), signs in as a unit and saves.
sshd_keys "$k"
{ sshd_common; cat; } >"$k/sshd_config" <<CFG
PermitRootLogin no
PermitUserEnvironment no
PermitUserRC no
AllowTcpForwarding no
AllowStreamLocalForwarding no
X11Forwarding no
AllowAgentForwarding no
PermitTunnel no
ClientAliveInterval 60
ClientAliveCountMax 3
Match Group $clerks
    ForceCommand $WORK/bin/kepu
CFG
usermod -p '*' "$acct" # a locked password (!) would refuse even key logins
"$sshd" -f "$k/sshd_config" -E "$k/sshd.log"
ssh_as() { # ssh_as TERM [ssh options…]: the account's ssh command line
	local term=$1
	shift
	echo "env TERM=$term LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 ssh -tt -q -p $port -i $k/client \
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o SendEnv=LANG $* $acct@127.0.0.1"
}
# A command asked for is not run: ForceCommand runs kepu (whose interface
# needs the terminal -T denies it). ssh says 255 until sshd is up.
forced() {
	local rc=0
	ssh -T -q -p "$port" -i "$k/client" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o BatchMode=yes "$acct@127.0.0.1" "sqlite3 $DB .dump" </dev/null >"$WORK/forced.out" 2>&1 || rc=$?
	[ "$rc" -eq 255 ]
}
wait_while "sshd did not come up on 127.0.0.1:$port" forced
grep -q "needs a terminal" "$WORK/forced.out" || fail "ssh with a command: $(cat "$WORK/forced.out")"
grep -q "CREATE TABLE" "$WORK/forced.out" && fail "ssh ran the clerk's command"

start_cmd 80 24 "$(ssh_as xterm)"
login weidu
assert_screen "填报单位：魏都区"
keys 2
wait_for "附表2 科普人才库推荐表：新记录（草稿）"
fill_required "门卫甲" 13912340000
keys -H 1b 5b 31 32 7e       # PuTTY F2: save
wait_for "已保存（第"
keys -H 1b 5b 32 31 7e       # PuTTY F10: leave the form
wait_for "主菜单"
keys -H 1b 5b 32 31 7e       # and kepu
wait_for "退出 kepu？"; keys y   # asked first
wait_for "KEPU-EXIT=0"
close_terminals
# The session's files went as they came (before sqlite3 below opens the
# database): no -wal or -shm left behind.
[ "$(ls "$data")" = kepu.db ] || fail "left in $data: $(ls "$data")"
assert_sql "SELECT u.name || '|' || t.phone FROM talent t JOIN units u ON u.id = t.unit_id WHERE t.name = '门卫甲'" \
	"魏都区|13912340000"
[ "$(stat -c %a:%G "$DB")" = "660:$group" ] || fail "the database is now $(stat -c %a:%G "$DB")"

# (d) root, an administrator, runs the command line on the installed database.
"$WORK/bin/kepu" user list >"$WORK/users.out" || fail "kepu user list as root"
grep -q "^weidu" "$WORK/users.out" || fail "user list: $(cat "$WORK/users.out")"

# (e) The exchange folder under the setgid install: in the Unix account's
# SFTP tree, which kepu-setup makes and kepu never does (before it, the
# screen says so); the clerk's export is made there with the data group,
# and read back by a dry-run import.
start_cmd 80 24 "$(ssh_as xterm)"
login weidu
keys e; wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "kepu-setup（它为 kepuclerk 组的每个 Unix 账号建立）"
keys Escape; wait_for "主菜单"
[ ! -e "$sftp" ] || fail "kepu made $sftp"
install -d -m 755 "$sftp" "$sftp/$acct" # as kepu-setup does (ssh_sftp.sh runs it)
install -d -o "$acct" -g "$group" -m 2770 "$sftp/$acct/exchange"
keys e; wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "文件名"
keys C-a C-k
type_text "mine.csv"; keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
keys Enter; wait_for "主菜单"
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "mine.csv"
keys C-a C-k
type_text "mine.csv"; keys Enter
wait_for "检查完毕："
keys Escape; wait_for "交换文件夹中的文件"               # back to choosing a file
keys Escape; wait_for "主菜单"
keys -H 1b 5b 32 31 7e
wait_for "退出 kepu？"; keys y   # asked first
wait_for "KEPU-EXIT=0"
close_terminals
x=$sftp/$acct/exchange/weidu
[ "$(stat -c %G "$x/mine.csv")" = "$group" ] || fail "export group $(stat -c %U:%G:%a "$x/mine.csv")"
[ ! -e "$data/exchange" ] || fail "an exchange folder beside the database"
grep -q "门卫甲" "$x/mine.csv" || fail "the export lacks the record"
# The folder is the Unix account's own (what its SFTP client reaches); the
# chroot above it is root's, and the database stays out of reach.
as_clerk "cat $x/mine.csv"
[ "$rc" -eq 0 ] || fail "the clerk cannot read its own folder: $out"
as_clerk "touch $sftp/$acct/planted"
[ "$rc" -ne 0 ] && [ ! -e "$sftp/$acct/planted" ] || fail "the clerk wrote into the chroot's top"
as_clerk "cat $DB"
[ "$rc" -ne 0 ] || fail "the clerk read the database"
