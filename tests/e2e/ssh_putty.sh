# SPDX-License-Identifier: MulanPSL-2.0
# Through a real sshd on 127.0.0.1, with TERM=xterm as PuTTY and Xshell set
# it, send PuTTY's own byte sequences (F2 = ESC[12~, Home = ESC[1~,
# End = ESC[4~, F10 = ESC[21~, Backspace = DEL) and type Chinese: the record
# is saved exactly as typed — from UTF-8 clients and from a GBK client
# whose session runs under zh_CN.GB18030.
. "$(dirname "$0")/lib.sh"
sshd=/usr/sbin/sshd
[ -x "$sshd" ] || fail "openssh-server is not installed (make deps)"
new_db
sshd_keys "$WORK/ssh"
{ sshd_common; echo "PermitRootLogin prohibit-password"; } >"$k/sshd_config"
"$sshd" -f "$k/sshd_config" -E "$k/sshd.log"
trap 'kill "$(cat "$k/sshd.pid" 2>/dev/null)" 2>/dev/null || true; cleanup' EXIT
sshd_down() {
	! ssh -q -p "$port" -i "$k/client" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o BatchMode=yes root@127.0.0.1 true 2>/dev/null
}
wait_while "sshd did not come up on 127.0.0.1:$port" sshd_down

# xterm and xterm-256color with UTF-8, then a GBK client (luit) whose
# zh_CN.GB18030 locale travels over SSH (SendEnv/AcceptEnv LANG; Debian's
# ssh_config also sends LC_*, so LC_ALL is set to match).
for client in xterm:zh_CN.UTF-8 xterm-256color:zh_CN.UTF-8 xterm:zh_CN.GB18030; do
	term=${client%%:*} lang=${client#*:}
	wrap=""
	[ "$lang" = zh_CN.UTF-8 ] || wrap="luit -encoding GB18030 --"
	sqlite3 "$DB" "DELETE FROM talent"
	start_cmd 80 24 "$wrap env TERM=$term LANG=$lang LC_ALL=$lang ssh -tt -q -p $port -i $k/client \
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o SendEnv=LANG \
		root@127.0.0.1 '$KEPU --db $DB'"
	login                        # the password typed through sshd as well
	wait_for "主菜单"
	open_talent_form "鄢陵县"
	type_text "海旺"
	keys -H 1b 5b 31 7e          # PuTTY Home
	type_text "周"
	keys -H 1b 5b 34 7e          # PuTTY End
	type_text "X"
	keys -H 7f                   # Backspace as PuTTY sends it (^?)
	keys Tab
	type_text "男"; keys Enter
	type_text "52"; keys Tab
	type_text "汉"; keys Enter
	type_text "群众"; keys Enter
	type_text "大学本科"; keys Enter
	keys Tab Tab Tab                  # the first absorbed: the list moved on
	type_text "鄢陵县科协"; keys Tab Tab
	type_text "0374-7123456"; keys Tab Tab Tab
	keys Space
	keys -H 1b 5b 31 32 7e       # PuTTY F2: save
	wait_for "已保存（第"
	assert_sql "SELECT name || '|' || phone || '|' || employer FROM talent" "周海旺|0374-7123456|鄢陵县科协"
	keys -H 1b 5b 32 31 7e       # PuTTY F10: leave the form
	wait_for "主菜单"
	keys -H 1b 5b 32 31 7e       # and kepu
	wait_for "退出 kepu？"; keys y   # asked first
	wait_for "KEPU-EXIT="
	close_terminals
done
