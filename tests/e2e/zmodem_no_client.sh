# SPDX-License-Identifier: MulanPSL-2.0
# ZMODEM at a terminal that does not speak it (plain PuTTY; here tmux).
# Receiving (F5 on the import screen): kepu writes rz's header and a status
# request; tmux shows the header as text and answers the request, so kepu
# gives up within seconds (rz alone showed its header for half a minute)
# and the screen is drawn again clean. Sending (F5 after an export): the
# terminal does not answer sz's request within 4 s. After either refusal
# the next F5 on that screen insists: a line says the transfer waits for
# the terminal and that Ctrl-X x5 cancels it, lrzsz runs and waits, Ctrl-X
# x5 cancels it (none leaves the screen: Ctrl-X is no leave key where F5
# transfers) and kepu says it was cancelled, not that the terminal failed;
# F5 again on that screen does not ask either (the refusal said 不再询问);
# leaving the screen forgets a refusal, so F5 elsewhere asks again.
# A record's 附件 screen refuses as the import screen does. No count of Ctrl-X ends kepu (five cancel a
# transfer; a 6th used to quit the main menu). Without SSH_CONNECTION the
# ZMODEM line names no host.
. "$(dirname "$0")/lib.sh"
command -v sz >/dev/null || fail "lrzsz is not installed (tools/deps.sh)"
new_db --demo --today 2016-08-10
E2E_USER=shikexie start 80 24 --today 2016-08-10

ctrl_x_6() {   # six Ctrl-X, then the main menu, kepu still running
	keys C-x C-x C-x C-x C-x C-x
	wait_for "主菜单"
	settled
	refute_screen "KEPU-EXIT"
}
f5_refused() {   # f5_refused TEXT SECONDS: F5 refused with TEXT within SECONDS
	local start_s took
	start_s=$(date +%s)
	keys F5
	wait_for "$1"
	took=$(($(date +%s) - start_s))
	[ "$took" -le "$2" ] || fail "gave up after $took s (at most $2): $1"
}
import_screen() {
	keys i; wait_for "选择要导入的表"
	type_text "附表2"; keys Enter
	wait_for "F5/^Y 从本机接收"
}

ctrl_x_stays() {   # ctrl_x_stays TEXT: Ctrl-X one at a time is no leave key here (keys3)
	keys C-x; keys C-x; keys C-x; keys C-x; keys C-x; keys C-x
	settled
	assert_screen "$1"
	refute_screen "主菜单"
}

# Receiving, no client: refused within seconds, the screen clean again.
import_screen
f5_refused "终端没有接管 ZMODEM" 6
assert_screen "PuTTY 不会"
assert_screen "在本屏再按 F5，不再询问"   # the whole refusal shown, its end too
refute_screen "B0100000023be50"
assert_screen "交换文件夹中还没有文件"   # the import screen drawn again
# F5 again on this screen insists: rz runs and waits; Ctrl-X x5 cancels it,
# and the screen stays (no Ctrl-X leaves it).
keys F5
wait_for "rz waiting to receive"
assert_screen "连按五次 Ctrl-X 取消"
lrzsz_waits rz
keys C-x C-x C-x C-x C-x
wait_for "接收已取消（终端发来 Ctrl-X），什么也没有保存"
refute_screen "rz waiting to receive"
ctrl_x_stays "F5/^Y 从本机接收"
# 不再询问 on this screen, a cancelled insisting too: rz waits again.
keys F5
wait_for "rz waiting to receive"
lrzsz_waits rz
refute_screen "终端没有接管 ZMODEM"
keys C-x C-x C-x C-x C-x
wait_for "接收已取消（终端发来 Ctrl-X）"
# Leaving the screen forgets the refusal: F5 elsewhere asks, never waits (keys3).
keys Escape; wait_for "主菜单"
ctrl_x_6

# Sending, no client: refused after 4 s.
keys e; wait_for "选择要导出的表"
type_text "附表2"; keys Enter
wait_for "表：附表2"
assert_screen "ZMODEM：在本画面按 F5（终端须支持 ZMODEM"
refute_screen "SSH 主机"
keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
f5_refused "终端在 4 秒内没有应答 ZMODEM，没有发送" 8
assert_screen "SecureCRT 会应答"
assert_screen "再按 F5，不再询问"
# F5 again insists: a line says what waits and how to cancel, before
# sz's header; sz runs and waits for the terminal; Ctrl-X one at a time
# cancels it, said as cancelled, and none of them leaves the export screen.
keys F5
wait_for "kepu 在等待终端接收（ZMODEM）：终端没有弹出保存窗口时，连按五次 Ctrl-X 取消。"
lrzsz_waits sz
keys C-x; keys C-x; keys C-x; keys C-x; keys C-x
wait_for "发送已取消（连按了五次 Ctrl-X，或终端取消了接收）"
refute_screen "终端不支持 ZMODEM"
# never 附表 / 2-…; the status line's second line may come in a later write (failed once under load)
name_alone() { screen | grep -q '^ *附表2-[^ ]*\.xlsx'; }
wait_while "the file's name is not whole on a line of its own" eval "! name_alone"
ctrl_x_stays "已导出「附表2 科普人才库推荐表」"
# Still not asked on this screen (不再询问): sz waits again; then left, the
# import screen's F5 asks (refused within seconds), not a silent wait for rz.
keys F5
lrzsz_waits sz
refute_screen "终端在 4 秒内没有应答"
keys C-x C-x C-x C-x C-x
wait_for "发送已取消"
keys Escape; wait_for "主菜单"
import_screen
f5_refused "终端没有接管 ZMODEM" 6
keys Escape; wait_for "主菜单"
ctrl_x_6
keys q; wait_for "退出 kepu？(y/n)"; keys y      # positive control: q still quits (after asking)
wait_for "KEPU-EXIT=0"

# A record's 附件 (a unit's session): the same refusal, shown whole.
use unit
E2E_USER=weidu start 80 24 --today 2016-08-10
id=$(sqlite3 "$DB" "SELECT a.id FROM activity a JOIN units u ON u.id = a.unit_id WHERE u.name = '魏都区' ORDER BY a.id LIMIT 1")
menu_open "科普活动记录  记录列表"
wait_for "记录列表"
keys Home Enter
wait_for "修改第 $id 号记录"
keys F6
wait_for "这条记录还没有附件"
f5_refused "终端不接管 ZMODEM（如 PuTTY），附件没有上传" 6
assert_screen "复制到交换文件夹后按 F6"   # the attachment's own advice: the exchange folder (F6), no SFTP login details
refute_screen "SFTP"
assert_screen "再按 F5，不再询问"
assert_screen "这条记录还没有附件"
assert_sql "SELECT count(*) FROM kp_attachments" "0"
keys Escape; wait_for "修改第 $id 号记录"
keys Escape; wait_for "记录列表"
keys Escape; wait_for "主菜单"
quit_kepu
