# SPDX-License-Identifier: MulanPSL-2.0
# ZMODEM to a terminal that does not speak it (plain PuTTY; here tmux): F5
# after an export gives up within seconds, saying the terminal did not
# answer (sz alone showed its header for half a minute); no count of
# Ctrl-X then ends kepu (five cancel a transfer; the 6th used to quit the
# menu). Without SSH_CONNECTION the ZMODEM line names no host.
. "$(dirname "$0")/lib.sh"
command -v sz >/dev/null || fail "lrzsz is not installed (tools/deps.sh)"
new_db --demo --today 2016-08-10
E2E_USER=shikexie start 80 24 --today 2016-08-10
keys e; wait_for "选择要导出或导入的表"
type_text "附表2"; keys Enter
wait_for "表：附表2"
assert_screen "ZMODEM：在本画面按 F5（终端须支持 ZMODEM"
refute_screen "SSH 主机"
keys Enter
wait_for "已导出「附表2 科普人才库推荐表」到交换文件夹："
start_s=$(date +%s)
keys F5
wait_for "终端在 4 秒内没有应答 ZMODEM，没有发送"
took=$(($(date +%s) - start_s))
[ "$took" -le 8 ] || fail "gave up after $took s"
assert_screen "PuTTY 不支持"
keys C-x C-x C-x C-x C-x C-x
wait_for "主菜单"
settled
refute_screen "KEPU-EXIT"
keys q; wait_for "退出 kepu？(y/n)"; keys y      # positive control: q still quits (after asking)
wait_for "KEPU-EXIT=0"
