# SPDX-License-Identifier: MulanPSL-2.0
# Files both ways through SFTP, set up as docs/deploy.md says: kepu-setup
# (the real script, with this scenario's paths and groups) makes the SFTP
# tree, sshd runs the example sshd_config's Match blocks (dist/sshd_config.in),
# and a non-root clerk's Unix account is served by OpenSSH's internal-sftp,
# chrooted to its own tree. With clients nobody here wrote — OpenSSH's sftp
# and scp, PuTTY's psftp and pscp — the clerk puts an office workbook, kepu
# (over ssh, the TUI) lists and imports it, exports the records back, and
# the clients get the export byte-identical. `..`, an absolute path, the
# database's path, another Unix account's folder and a link (made over
# SFTP, or planted by root) are refused; kepu lists the planted link as
# refused and never opens it. The same kepu account from a second Unix
# account has a folder of its own there.
. "$(dirname "$0")/lib.sh"
command -v psftp >/dev/null && command -v pscp >/dev/null || fail "putty-tools is not installed (make deps-test)"
a=kpa$$ b=kpb$$
ssh_scenario "$a" "$b"
rm -rf "$data" "$sftp"

# The accounts first (kepu-setup makes the tree of the accounts it finds),
# then kepu-setup as installed, with this scenario's paths and groups.
groupadd "$group"
groupadd "$clerks"
useradd -m -d "$WORK/home-a" -g "$clerks" -s /bin/sh "$a"
useradd -m -d "$WORK/home-b" -s /bin/sh "$b"
usermod -a -G "$clerks" "$b" # a member by its supplementary groups
usermod -p '*' "$a"
usermod -p '*' "$b"
mkdir -m 755 "$WORK/bin"
install -m 755 "$built" "$WORK/bin/kepu"
sed -e "s|@BINDIR@|$WORK/bin|g" -e "s|@DATADIR@|$data|g" -e "s|@SFTPDIR@|$sftp|g" \
	-e "s|^backups=.*|backups=$WORK/backups|" -e "s|^group=kepu\$|group=$group|" \
	-e "s|^clerks=kepuclerk\$|clerks=$clerks|" dist/kepu-setup.in >"$WORK/kepu-setup"
sh "$WORK/kepu-setup" >"$WORK/setup.out" 2>&1 || fail "kepu-setup: $(cat "$WORK/setup.out")"
grep -q "for 2 Unix account(s) of $clerks: $a $b" "$WORK/setup.out" || fail "kepu-setup: $(cat "$WORK/setup.out")"
[ "$(stat -c %U:%G:%a "$WORK/bin/kepu")" = "root:$group:2755" ] || fail "kepu is $(stat -c %U:%G:%a "$WORK/bin/kepu")"
# What ChrootDirectory needs: root's all the way down; the account's folder inside.
for d in "$sftp" "$sftp/$a" "$sftp/$b"; do
	[ "$(stat -c %U:%G:%a "$d")" = root:root:755 ] || fail "$d is $(stat -c %U:%G:%a "$d")"
done
[ "$(stat -c %U:%G:%a "$sftp/$a/exchange")" = "$a:$group:2770" ] || fail "exchange is $(stat -c %U:%G:%a "$sftp/$a/exchange")"
sh "$WORK/kepu-setup" >/dev/null 2>&1 || fail "kepu-setup a second time"

KEPU=$WORK/bin/kepu DB=$data/kepu.db new_db
DB=$data/kepu.db KEPU=$WORK/bin/kepu add_user weidu1 unit 魏都区
DB=$data/kepu.db
# The office's workbook: 魏都区's talents in the official layout, from
# another database (this one has none yet).
"$built" init --db "$WORK/office.db" --demo >/dev/null
"$built" export talent --db "$WORK/office.db" --unit 魏都区 --format xlsx --output "$WORK/人才.xlsx"
"$built" export talent --db "$WORK/office.db" --unit 魏都区 >"$WORK/office.csv"
want=$(($(grep -c "" "$WORK/office.csv") - 1))
[ "$want" -ge 2 ] || fail "the office's workbook has $want rows"

# sshd: the terminal port and the SFTP port, with the example's Match blocks.
sshd_keys "$k"
port2=$((port + 1))
{
	sshd_common
	echo "Port $port2"
	echo "PermitRootLogin no"
	echo "Subsystem sftp /usr/lib/openssh/sftp-server" # Debian's default file has it
	sed -n '/^Match Group kepuclerk LocalPort/,$p' dist/sshd_config.in |
		sed -e "s|kepuclerk|$clerks|" -e "s|@SFTP_PORT@|$port2|" -e "s|@SFTPDIR@|$sftp|" -e "s|@BINDIR@|$WORK/bin|"
} >"$k/sshd_config"
"$sshd" -t -f "$k/sshd_config" || fail "sshd -t: the configuration"
"$sshd" -f "$k/sshd_config" -E "$k/sshd.log"
opts="-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -i $k/client"
# ossh USER BATCH: OpenSSH's sftp with BATCH on stdin; output in $out, status in $rc.
ossh() {
	rc=0
	out=$(sftp -q -P "$port2" $opts -b - "$1@127.0.0.1" 2>&1 <<<"$2") || rc=$?
}
sftp_down() { ossh "$a" "pwd"; [ "$rc" -ne 0 ]; }
wait_while "sshd did not come up on 127.0.0.1:$port2" sftp_down
grep -q "Remote working directory: /exchange" <<<"$out" || fail "sftp starts in: $out"
# PuTTY's key and the host key's fingerprint, as a PuTTY user accepts it.
puttygen "$k/client" -O private -o "$k/client.ppk" 2>/dev/null || fail "puttygen"
hostkey=$(ssh-keygen -l -E sha256 -f "$k/host.pub" | awk '{ print $2 }')
putty_opts="-batch -P $port2 -i $k/client.ppk -hostkey $hostkey"
# psftp_do USER BATCH: PuTTY's psftp with the commands of BATCH.
psftp_do() {
	printf '%s\n' "$2" >"$WORK/psftp.batch"
	rc=0
	out=$(psftp $putty_opts -b "$WORK/psftp.batch" "$1@127.0.0.1" 2>&1 </dev/null) || rc=$?
}
ssh_as() { # the account's terminal session, PuTTY's TERM
	echo "env TERM=xterm LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 ssh -tt -q -p $port -i $k/client \
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o SendEnv=LANG $1@127.0.0.1"
}

# (1) The first session of the clerk: the file screens say how to connect,
# and kepu makes the kepu account's folder in the Unix account's tree.
start_cmd 80 24 "$(ssh_as "$a")"
login weidu1
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "SFTP：主机 127.0.0.1 端口 2222，用户 $a，文件夹 /exchange/weidu1/"
assert_screen "ZMODEM：SSH 主机 127.0.0.1 端口 $port，用户 $a，在本画面按 F5"
keys Escape; wait_for "主菜单"
keys -H 1b 5b 32 31 7e
wait_for "退出 kepu？"; keys y   # asked first
wait_for "KEPU-EXIT=0"
close_terminals
x=$sftp/$a/exchange/weidu1
[ "$(stat -c %U:%G:%a "$x")" = "$a:$group:770" ] || fail "the kepu account's folder is $(stat -c %U:%G:%a "$x")"
[ "$(stat -c %U:%G "$sftp/$a")" = root:root ] || fail "the chroot changed hands: $(stat -c %U:%G "$sftp/$a")"

# (2) Put: OpenSSH sftp puts the workbook; psftp and pscp, and scp, put too.
ossh "$a" "cd weidu1
put $WORK/人才.xlsx 人才.xlsx
ls -1"
[ "$rc" -eq 0 ] && grep -q "人才.xlsx" <<<"$out" || fail "sftp put: $out"
cmp -s "$WORK/人才.xlsx" "$x/人才.xlsx" || fail "the workbook put is not the same"
psftp_do "$a" "cd weidu1
put $WORK/office.csv putty.csv"
[ "$rc" -eq 0 ] || fail "psftp put: $out"
cmp -s "$WORK/office.csv" "$x/putty.csv" || fail "psftp's file is not the same"
pscp $putty_opts -q "$WORK/office.csv" "$a@127.0.0.1:weidu1/pscp.csv" </dev/null >"$WORK/pscp.out" 2>&1 ||
	fail "pscp put: $(cat "$WORK/pscp.out")"
cmp -s "$WORK/office.csv" "$x/pscp.csv" || fail "pscp's file is not the same"
scp -q -P "$port2" $opts "$WORK/office.csv" "$a@127.0.0.1:weidu1/scp.csv" 2>"$WORK/scp.out" ||
	fail "scp put: $(cat "$WORK/scp.out")"
cmp -s "$WORK/office.csv" "$x/scp.csv" || fail "scp's file is not the same"

# (3) Refused, by every client: out of the folder (..), an absolute path,
# the database's path, the other Unix account's tree, a link made over SFTP.
echo secret >"$sftp/$b/exchange/b-only.csv"
# Each refusal is checked by its message too (a client that merely failed
# to understand would also exit non-zero). psftp has no link commands.
refused() { # refused CLIENT BATCH PATTERN
	if [ "$1" = sftp ]; then ossh "$a" "$2"; else psftp_do "$a" "$2"; fi
	[ "$rc" -ne 0 ] && grep -qi -- "$3" <<<"$out" || fail "$1 did: $2
$out"
}
for client in sftp psftp; do
	refused $client "put $WORK/office.csv ../escape.csv" "permission denied"
	refused $client "put $WORK/office.csv /escape.csv" "permission denied"
	refused $client "get /etc/passwd $WORK/got" "not found\|no such file"
	refused $client "get $DB $WORK/got" "not found\|no such file"
	refused $client "get ../../$b/exchange/b-only.csv $WORK/got" "not found\|no such file"
	refused $client "get $sftp/$b/exchange/b-only.csv $WORK/got" "not found\|no such file"
	refused $client "ls $data" "not found\|no such file"
done
refused sftp "symlink $DB weidu1/db.csv" "permission denied"
refused sftp "symlink /etc/passwd weidu1/pw.csv" "permission denied"
refused sftp "ln weidu1/pscp.csv weidu1/hard.csv" "does not support hardlink"
[ ! -e "$WORK/got" ] && [ ! -e "$sftp/$a/escape.csv" ] && [ ! -e /escape.csv ] || fail "a refused transfer happened"
[ ! -L "$x/db.csv" ] && [ ! -e "$x/pw.csv" ] && [ ! -e "$x/hard.csv" ] || fail "a link was made over SFTP"
rc=0
scp -q -P "$port2" $opts "$a@127.0.0.1:$DB" "$WORK/got" 2>/dev/null || rc=$?
[ "$rc" -ne 0 ] && [ ! -e "$WORK/got" ] || fail "scp fetched the database"
rc=0
pscp $putty_opts -q "$a@127.0.0.1:../../$b/exchange/b-only.csv" "$WORK/got" </dev/null >/dev/null 2>&1 || rc=$?
[ "$rc" -ne 0 ] && [ ! -e "$WORK/got" ] || fail "pscp fetched the other account's file"
# Positive control: the same clients, the clerk's own file.
ossh "$a" "get weidu1/scp.csv $WORK/got"
[ "$rc" -eq 0 ] && cmp -s "$WORK/got" "$WORK/office.csv" || fail "sftp get of the clerk's own file: $out"
rm -f "$WORK/got"

# (4) A link planted in the folder (by root, as a shell user could have):
# SFTP resolves it inside the chroot (nothing there); kepu lists it as
# refused and never opens it.
ln -s "$DB" "$x/planted.xlsx"
ossh "$a" "get weidu1/planted.xlsx $WORK/got"
[ "$rc" -ne 0 ] && [ ! -e "$WORK/got" ] || fail "sftp got the planted link: $out"
printf '\033[31mx' >"$x/$(printf 'bad\tname').csv"
start_cmd 80 24 "$(ssh_as "$a")"
login weidu1
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹中的文件（↑↓ 选择）："
assert_screen "「planted.xlsx」是符号链接"
assert_screen "「bad_name.csv」：文件名含有不可见的控制字符"
keys C-a C-k; type_text "planted.xlsx"; keys Enter
wait_for "「planted.xlsx」是符号链接"
# The workbook put by sftp: checked, then imported.
keys C-a C-k; type_text "人才.xlsx"; keys Enter
wait_for "检查完毕：检查了 $want 条，可以导入 $want 条"
keys Enter
wait_for "已导入 $want 条记录"
keys Enter; wait_for "主菜单"
assert_sql "SELECT count(*) FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '魏都区'" "$want"
# Export to the folder: the official workbook, then CSV.
keys e; wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "文件名"
keys C-a C-k; type_text "back.xlsx"; keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
keys Enter; wait_for "主菜单"
keys e; wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "文件名"
keys C-a C-k; type_text "back.csv"; keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
keys Enter; wait_for "主菜单"
keys -H 1b 5b 32 31 7e
wait_for "退出 kepu？"; keys y   # asked first
wait_for "KEPU-EXIT=0"
close_terminals
[ "$(stat -c %U:%G "$x/back.xlsx")" = "$a:$group" ] || fail "the export is $(stat -c %U:%G:%a "$x/back.xlsx")"
grep -q "$(sed -n 2p "$WORK/office.csv" | cut -d, -f2)" "$x/back.csv" || fail "the export lacks the imported rows"

# (5) Get the exports back, byte-identical, with every client.
ossh "$a" "get weidu1/back.xlsx $WORK/sftp.xlsx"
[ "$rc" -eq 0 ] && cmp "$x/back.xlsx" "$WORK/sftp.xlsx" || fail "sftp get: $out"
psftp_do "$a" "get weidu1/back.xlsx $WORK/psftp.xlsx"
[ "$rc" -eq 0 ] && cmp "$x/back.xlsx" "$WORK/psftp.xlsx" || fail "psftp get: $out"
pscp $putty_opts -q "$a@127.0.0.1:weidu1/back.csv" "$WORK/pscp.csv" </dev/null >/dev/null 2>&1 &&
	cmp "$x/back.csv" "$WORK/pscp.csv" || fail "pscp get"
scp -q -P "$port2" $opts "$a@127.0.0.1:weidu1/back.xlsx" "$WORK/scp.xlsx" &&
	cmp "$x/back.xlsx" "$WORK/scp.xlsx" || fail "scp get"
unzip -tq "$WORK/psftp.xlsx" >/dev/null || fail "the workbook fetched is not a whole .xlsx"

# (6) No terminal through the SFTP port, no SFTP through the terminal port.
rc=0
ssh -tt -q -p "$port2" $opts "$a@127.0.0.1" true </dev/null >"$WORK/tty.out" 2>&1 || rc=$?
grep -q "请登录" "$WORK/tty.out" && fail "the SFTP port ran kepu"
ossh_port() { rc=0; out=$(sftp -q -P "$port" $opts -b - "$a@127.0.0.1" 2>&1 <<<"ls") || rc=$?; }
ossh_port
[ "$rc" -ne 0 ] || fail "SFTP through the terminal port: $out"

# (7) The same kepu account from the second Unix account: a folder of its
# own in that account's tree, without the first one's files.
start_cmd 80 24 "$(ssh_as "$b")"
login weidu1
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "文件夹 /exchange/weidu1/"
assert_screen "交换文件夹中还没有文件"
refute_screen "人才.xlsx"
keys Escape; wait_for "主菜单"
keys -H 1b 5b 32 31 7e
wait_for "退出 kepu？"; keys y   # asked first
wait_for "KEPU-EXIT=0"
close_terminals
[ "$(stat -c %U:%a "$sftp/$b/exchange/weidu1")" = "$b:770" ] || fail "b's folder is $(stat -c %U:%a "$sftp/$b/exchange/weidu1")"
