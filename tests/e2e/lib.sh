# SPDX-License-Identifier: MulanPSL-2.0
# Shared by the end-to-end scenarios: drive the real kepu binary in tmux at a
# fixed size, read the screen with capture-pane, check the database with
# sqlite3. Wait for text; never sleep a fixed time.
set -euo pipefail
# Under pipefail `cmd | grep -q` fails whenever grep closes the pipe before
# cmd's last write (SIGPIPE): a command's output is searched with
# `grep PATTERN >/dev/null`, which reads to the end.
KEPU=${KEPU:-$PWD/build/kepu}
SOCK="kepu-e2e-$$"
WORK=$(mktemp -d /tmp/kepu-e2e.XXXXXX)
# Under tests/run.sh, where scenarios run side by side: noted for the
# check that none of this scenario's kepus outlives it (E2E_MARK is its own).
[ -z "${E2E_MARK:-}" ] || echo "$WORK" >>"$E2E_MARK/work"
DB="$WORK/kepu.db"
# How long a wait may take before it fails: a ceiling, never a delay (each
# wait ends when its text shows). Scenarios run side by side on a shared
# machine, and a sanitized kepu is slower: a screen may take seconds.
WAIT_SECONDS=${WAIT_SECONDS:-30}
BOM=$'\xef\xbb\xbf'   # exports start with it, for Excel

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
# The sqlite3 shell waits for a lock as kepu does (a kepu that is exiting
# checkpoints its log and holds the file for a moment) instead of failing
# at once with "database is locked".
sqlite3() { command sqlite3 -cmd ".timeout 10000" "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1 || true
	rm -rf "$WORK" "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	[ ! -s "${k:-/nonexistent}/sshd.log" ] || { echo "--- sshd.log ---"; tail -20 "$k/sshd.log"; } >&2
	echo "--- screen ---" >&2
	screen >&2 2>/dev/null || true
	exit 1
}

# The terminal the verbs below act on; `use NAME` switches between several.
S=e2e
use() { S=$1; }

# start W H [kepu arguments…]: kepu on $DB in a W×H terminal, logged in
# as $E2E_USER (default admin; E2E_USER= leaves the login screen open);
# E2E_SSH="ADDR PORT ADDR PORT" starts it as sshd would, from ADDR.
start() {
	local w=$1 h=$2
	shift 2
	local term=${E2E_TERM:-xterm-256color} lang=${E2E_LANG:-zh_CN.UTF-8}
	tm new-session -d -s "$S" -x "$w" -y "$h" \
		"env ${E2E_HOME:+HOME=$E2E_HOME} ${E2E_SSH:+SSH_CONNECTION='$E2E_SSH'} TERM=$term LANG=$lang LC_ALL=$lang $KEPU --db $DB $*; echo KEPU-EXIT=\$?; sleep 60"
	[ -z "${E2E_USER-admin}" ] || login "${E2E_USER:-admin}"
}

# start_cmd W H COMMAND: any command in the terminal (ssh scenarios).
start_cmd() {
	local w=$1 h=$2
	shift 2
	tm new-session -d -s "$S" -x "$w" -y "$h" "$*; echo KEPU-EXIT=\$?; sleep 60"
}

# screen: the terminal's text now. Under tests/run.sh every capture is also
# kept (E2E_CAPTURES), for the check that no internal name reaches a screen.
screen() {
	local s
	s=$(tm capture-pane -p -t "$S")
	[ -z "${E2E_CAPTURES:-}" ] || printf '%s\n' "$s" >>"$E2E_CAPTURES/$(basename "$0" .sh)"
	printf '%s\n' "$s"
}
keys() { tm send-keys -t "$S" "$@"; }
# type TEXT: literal text (Chinese included), no key names.
type_text() { tm send-keys -t "$S" -l -- "$1"; }
resize() { tm resize-window -t "$S" -x "$1" -y "$2"; }

# on_screen TEXT: is TEXT on the screen now? (captured first: grep -q
# must not close a pipe tmux is still writing to)
on_screen() {
	local s
	s=$(screen)
	grep -qF -- "$1" <<<"$s"
}

# wait_while MESSAGE COMMAND…: poll while COMMAND succeeds; fail with
# MESSAGE when it still does after WAIT_SECONDS.
wait_while() {
	local why=$1 deadline=$((SECONDS + WAIT_SECONDS))
	shift
	while "$@"; do
		[ "$SECONDS" -lt "$deadline" ] || fail "$why"
		sleep 0.02
	done
}

off_screen() { ! on_screen "$1"; }
running() { pgrep -f -- "$1" >/dev/null; }
wait_for() { wait_while "timed out waiting for: $1" off_screen "$1"; }
wait_gone() { wait_while "timed out waiting for text to go: $1" on_screen "$1"; }

assert_screen() { on_screen "$1" || fail "screen lacks: $1"; }
# assert_line A B: one screen line shows A and B (columns between them vary
# with the terminal's width).
assert_line() {
	local s
	s=$(screen)
	grep -F -- "$1" <<<"$s" | grep -qF -- "$2" || fail "no line with both: $1 … $2"
}
refute_screen() { ! on_screen "$1" || fail "screen shows: $1"; }

# quit_kepu: q on the main menu, answered y to 「退出 kepu？」; kepu ends (0).
quit_kepu() { keys q; wait_for "退出 kepu？"; keys y; wait_for "KEPU-EXIT=0"; }

# seed_random: random trials draw from bash's RANDOM seeded with
# $E2E_SEED (a new seed unless given), printed so a failing run can be
# repeated: E2E_SEED=N E2E_FILTER=name tests/run.sh --e2e-only.
seed_random() {
	E2E_SEED=${E2E_SEED:-$(( $(date +%s%N) % 2147483647 ))}
	RANDOM=$E2E_SEED
	echo "random seed: E2E_SEED=$E2E_SEED"
}

# settled: kepu has handled every key sent so far — its key help opens
# and closes after them — so an absence checked next is not merely "not
# yet". (Keys are read in order; the help is on F1 on every screen.)
settled() {
	keys F1
	wait_for "按键帮助（按任意键返回）"
	keys Escape
	wait_gone "按键帮助（按任意键返回）"
}

# exits STATUS COMMAND…: COMMAND (a program or a function) must exit with
# STATUS; its output is left in $WORK/out and $WORK/err, its status in $rc.
# refused STATUS COMMAND…: the same for a refusal (STATUS not 0), so a
# crash (134, 139) or a time-out (124) is told from it.
exits() {
	local want=$1
	shift
	rc=0
	"$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
	[ "$rc" -eq "$want" ] || fail "$*: status $rc, not $want: $(head -c 600 "$WORK/err")"
}
refused() {
	[ "$1" -ne 0 ] || fail "refused: a refusal's status is not 0"
	exits "$@"
}
# has TEXT [FILE] / hasnt TEXT [FILE]: whether $WORK/FILE (default err,
# where refused leaves a command's messages) contains TEXT.
has() { grep -qF -- "$1" "$WORK/${2:-err}" || fail "no 「$1」 in ${2:-err}: $(cat "$WORK/${2:-err}")"; }
hasnt() { ! grep -qF -- "$1" "$WORK/${2:-err}" || fail "「$1」 in ${2:-err}: $(cat "$WORK/${2:-err}")"; }

# assert_sql SQL EXPECTED: the query's output (sqlite3 list mode) must equal.
assert_sql() {
	local got
	got=$(sqlite3 "$DB" "$1")
	[ "$got" = "$2" ] || fail "sql: $1
  got:  $got
  want: $2"
}

# new_db [init options]: a new database; the first city account's initial
# password (printed once by init) is kept for login.
new_db() {
	"$KEPU" init --db "$DB" "$@" >"$WORK/init.out"
	sed -n 's/^已创建市科协账号 admin，初始密码：\([A-Za-z0-9]*\).*/\1/p' "$WORK/init.out" >"$WORK/pass.admin"
	[ -s "$WORK/pass.admin" ] || fail "kepu init printed no initial password"
	if grep -q "^演示账号" "$WORK/init.out"; then
		for u in shikexie weidu xcxy; do echo kepu2016 >"$WORK/pass.$u"; touch "$WORK/changed.$u"; done
	fi
}

# demo_drafts [DB]: every demo record back to a draft (the demo approves,
# submits and returns some), for a scenario that counts from nothing;
# changed outside kepu, so accepted as an audited change.
demo_drafts() {
	sqlite3 "${1:-$DB}" "UPDATE talent SET kp_state = 'draft', kp_reason = '';
		UPDATE activity SET kp_state = 'draft', kp_reason = ''; UPDATE resource SET kp_state = 'draft', kp_reason = ''"
	"$KEPU" check --accept --reason 测试夹具：演示记录改回草稿 --db "${1:-$DB}" >/dev/null || fail "demo_drafts: kepu check"
}

# add_user NAME ROLE [UNIT]: an account made with `kepu user add`.
add_user() {
	"$KEPU" user add "$1" --role "$2" ${3:+--unit "$3"} --db "$DB" >"$WORK/add.out"
	sed -n 's/.*初始密码：\([A-Za-z0-9]*\).*/\1/p' "$WORK/add.out" >"$WORK/pass.$1"
	rm -f "$WORK/changed.$1"
}

# login [USER]: sign in on the login screen (default admin); the first
# time, set the new password kepu asks for. Ends on the main menu, or on
# the account's unsaved drafts (offered before the menu) when it has any.
E2E_PASS="e2e-Pass-2016"
login() {
	local user=${1:-admin}
	wait_for "请登录"
	type_text "$user"; keys Enter
	type_text "$(cat "$WORK/pass.$user")"; keys Enter
	if [ ! -e "$WORK/changed.$user" ]; then
		wait_for "请设置新密码"
		type_text "$E2E_PASS"; keys Tab
		type_text "$E2E_PASS"; keys Enter
		echo "$E2E_PASS" >"$WORK/pass.$user"
		touch "$WORK/changed.$user"
	fi
	wait_while "timed out waiting for the menu or the drafts" signing_in
}
signing_in() { off_screen "主菜单" && off_screen "未保存的草稿（"; }

# open_talent_form UNIT: from the menu, open 附表2 for UNIT (typed to filter).
open_talent_form() {
	wait_for "主菜单"
	keys 2
	wait_for "请选择填报单位"
	type_text "$1"
	keys Enter
	wait_for "：新记录"                 # the form's title, not the menu's 填写新记录
}

# fill_required NAME PHONE: fill every required field of 附表2 from the
# first field, leaving the cursor on 科普人才服务类别 with the first option
# ticked.
fill_required() {
	type_text "$1"; keys Tab          # 姓名
	type_text "男"; keys Enter        # 性别: typing filters, Enter takes it
	type_text "45"; keys Tab          # 年龄
	type_text "汉"; keys Enter        # 民族
	type_text "中共"; keys Enter      # 政治面貌
	type_text "本科"; keys Enter      # 学历: the list moves on, and the
	keys Tab Tab Tab                  # habitual Tab is absorbed; 主要从事行业, 科普专长
	type_text "许昌学院农学院"; keys Tab
	keys Tab                          # 职务（职称）
	type_text "$2"; keys Tab          # 联系电话: a whole mobile number moves on, and
	keys Tab Tab                      # the habitual Tab is absorbed; 电子邮箱, QQ号或微信号
	keys Space                        # 服务类别: 青少年科普
}

# close_terminals: end every terminal of this scenario and wait until the
# tmux server is gone (a new one started while it is still exiting fails
# with "server exited unexpectedly").
close_terminals() {
	tm kill-server >/dev/null 2>&1 || true
	wait_while "tmux server did not exit" running "tmux -L $SOCK "
}

# hang_up: close the terminal as a dropped SSH link does (SIGHUP to kepu),
# then wait until kepu has exited.
hang_up() {
	close_terminals
	wait_while "kepu still running after the hang-up" running "--db $DB"
}

# draft_value FIELD_ID: the value of a field in the (only) draft.
draft_value() {
	sqlite3 "$DB" "SELECT j.value FROM kp_drafts d, json_each(d.data) j
	  WHERE j.key = (SELECT k.key + 1 FROM json_each(d.data) k WHERE k.value = '$1')"
}

# menu_open TEXT: from the main menu, move to the item showing TEXT (found
# on the screen, so new forms do not break tests) and press Enter. The menu
# scrolls: an item not shown from the top is counted from the bottom, one
# in the middle scrolled to from the bottom.
menu_open() {
	wait_for "主菜单"
	local s first line last
	keys Home
	wait_for "[c]"
	s=$(screen)
	first=$(($(grep -nF "主菜单" <<<"$s" | head -1 | cut -d: -f1) + 1))
	line=$(grep -nF -- "$1" <<<"$s" | head -1 | cut -d: -f1) || true # below the fold
	if [ -n "$line" ]; then
		for _ in $(seq $((line - first))); do keys Down; done
	else
		keys End
		wait_for "[q]"
		s=$(screen)
		line=$(grep -nF -- "$1" <<<"$s" | head -1 | cut -d: -f1) || true # in the middle
		last=$(grep -nF "[q]" <<<"$s" | head -1 | cut -d: -f1)
		if [ -n "$line" ]; then
			for _ in $(seq $((last - line))); do keys Up; done
		else
			# Up from the top visible row scrolls one item at a time:
			# step until the item shows on that row.
			for _ in $(seq $((last - first))); do keys Up; done
			local tries=0
			until sed -n "${first}p" <<<"$(screen)" | grep -qF -- "$1"; do
				tries=$((tries + 1))
				[ "$tries" -le 60 ] || fail "no menu item: $1"
				keys Up
				sleep 0.05
			done
		fi
	fi
	keys Enter
	# Until the item is gone (or the unit picker is over it), a wait for
	# the next screen's words could match the menu's own line.
	wait_while "the menu still shows: $1" menu_still "$1"
}
menu_still() { on_screen "$1" && off_screen "请选择填报单位"; }

# ssh_scenario ACCOUNT...: what the ssh_* scenarios share, as root with
# openssh-server ($sshd). kepu-datadir ($built) is built with the fixed
# paths /run/kepu-e2e ($data) and /run/kepu-e2e-sftp ($sftp), the Makefile's
# E2E_DATADIR and E2E_SFTPDIR, so runs take turns on a lock. Names this
# run's data group ($group), clerks' group ($clerks) and sshd's directory
# ($k); on exit stops sshd and the terminals, then removes the Unix
# ACCOUNTs (after their sessions), the groups and both paths.
ssh_scenario() {
	sshd=/usr/sbin/sshd
	[ -x "$sshd" ] || fail "openssh-server is not installed (make deps)"
	[ "$(id -u)" -eq 0 ] || fail "needs root: it creates Unix accounts and groups"
	data=/run/kepu-e2e sftp=/run/kepu-e2e-sftp
	exec 9>"$data.lock"
	flock 9
	built="$(dirname "$KEPU")/tests/kepu-datadir"
	[ -x "$built" ] || fail "$built is missing (make test builds it)"
	group=kpd$$ clerks=kpc$$
	k=$WORK/ssh
	ssh_accounts="$*"
	trap ssh_undo EXIT
	chmod 755 "$WORK" # the accounts reach their homes, kepu and the keys below it
}
ssh_undo() {
	kill "$(cat "$k/sshd.pid" 2>/dev/null)" 2>/dev/null || true
	tm kill-server >/dev/null 2>&1 || true
	for u in $ssh_accounts; do userdel -f -r "$u" 2>/dev/null || true; done
	groupdel "$clerks" 2>/dev/null || true
	groupdel "$group" 2>/dev/null || true
	rm -rf "$data" "$sftp"
	cleanup
}

# sshd_keys DIR: host and client keys for an sshd of the scenario's own in
# DIR, the client's key authorised, and a random port in $port (never a
# fixed one: other runs may be going on). Then write DIR/sshd_config with
# sshd_common first.
sshd_keys() {
	k=$1
	mkdir -p -m 755 "$k" /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$k/host" >/dev/null
	ssh-keygen -q -t ed25519 -N '' -f "$k/client" >/dev/null
	install -m 644 "$k/client.pub" "$k/authorized_keys"
	port=$((20000 + RANDOM % 30000))
}
# sshd_common: the lines every scenario's sshd_config starts with.
sshd_common() {
	cat <<CFG
Port $port
ListenAddress 127.0.0.1
HostKey $k/host
AuthorizedKeysFile $k/authorized_keys
PidFile $k/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
AcceptEnv LANG LC_*
CFG
}

# lrzsz's program $1, run by kepu, blocked reading the terminal: sz throws
# away what came before (and the screen still shows an earlier probe's
# header), so Ctrl-X is pressed only now.
lrzsz_reading() {
	local pane kepu p
	pane=$(tm display-message -p -t "$S" '#{pane_pid}')
	for kepu in $(pgrep -P "$pane"); do
		for p in $(pgrep -x -P "$kepu" "$1"); do
			[ "$(cat "/proc/$p/wchan" 2>/dev/null)" != wait_woken ] || return 0
		done
	done
	return 1
}
lrzsz_waits() { wait_while "$1 is not reading the terminal" eval "! lrzsz_reading $1"; }
