# SPDX-License-Identifier: MulanPSL-2.0
# Import from the user's PC by ZMODEM: kepu runs rz, the test plays the PC's
# terminal (tests/tools/zterm.c runs sz through the pty, as Xshell and
# SecureCRT do), the dry run is checked, then the import, in the database.
# A cancelled transfer and two files at once import nothing; no temporary
# directory is left behind. kepu's probe before rz loses the client's first
# byte ('*' of a header that has two): rz still completes.
. "$(dirname "$0")/lib.sh"
ZTERM=${KEPU_ZTERM:-$PWD/build/tests/kepu-zterm}
new_db --demo --today 2016-08-10
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
printf '姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n贾宝山,男,40,汉族,群众,本科,魏都区实验学校,13912345678,青少年科普\n' >"$WORK/人才.csv"
: >"$WORK/zsend"
start_cmd 80 24 "env TERM=xterm-256color LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TMPDIR=$TMPDIR $ZTERM $WORK/zsend -- $KEPU --db $DB --today 2016-08-10"
login weidu
before=$(sqlite3 "$DB" "SELECT count(*) FROM talent")

# Nothing sent (the user cancels): nothing imported.
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter
wait_for "交换文件夹：$WORK/exchange/weidu/"
assert_screen "交换文件夹中还没有文件"
keys F5
wait_for "接收已取消（终端发来 Ctrl-X），什么也没有保存"

# Two files at once: refused, nothing imported.
printf '%s\n%s\n' "$WORK/人才.csv" "$WORK/zsend" >"$WORK/zsend"
keys F5
wait_for "一次只能接收一个文件，收到了 2 个，什么也没有保存"
assert_sql "SELECT count(*) FROM talent" "$before"

# One file, the PC's user taking longer to choose it than kepu's probe
# listens (the terminal holds the line meanwhile, as Xshell's window does):
# rz runs after the silence and still receives it. Checked, then imported
# on Enter.
printf '#wait 4000\n%s\n' "$WORK/人才.csv" >"$WORK/zsend"
keys F5
wait_for "已从本机收到「人才.csv」"
wait_for "检查完毕：检查了 1 条，可以导入 1 条，还没有保存。"
assert_sql "SELECT count(*) FROM talent WHERE name = '贾宝山'" "0"
keys Enter
wait_for "已导入 1 条记录"
# the report names the year and the file; it wraps at 人才.csv on 80 columns
assert_screen "到 2016 年度的 附表2 科普人才库推荐表（从本机收到的"
assert_screen "人才.csv）。"
assert_sql "SELECT changes LIKE '%从本机收到的 人才.csv%' FROM kp_audit WHERE action = 'import' ORDER BY id DESC LIMIT 1" "1"
keys Enter; wait_for "主菜单"
assert_sql "SELECT u.name || '|' || t.phone FROM talent t JOIN units u ON u.id = t.unit_id WHERE t.name = '贾宝山'" "魏都区|13912345678"
assert_sql "SELECT count(*) FROM talent" "$((before + 1))"
# The received file went nowhere but the database: no temporary directory
# left, nothing in the exchange folder.
[ -z "$(ls -A "$TMPDIR")" ] || fail "left in TMPDIR: $(ls -A "$TMPDIR")"
[ -z "$(ls -A "$WORK/exchange/weidu")" ] || fail "exchange folder: $(ls -A "$WORK/exchange/weidu")"
# Too big a file: rz stops at the limit (RLIMIT_FSIZE), nothing imported.
truncate -s 21M "$WORK/big.csv"
printf '%s\n' "$WORK/big.csv" >"$WORK/zsend"
keys i; wait_for "选择要导入的表"
type_text "附表2"; keys Enter; wait_for "交换文件夹："
keys F5
WAIT_SECONDS=180 wait_for "本机发送的文件超过了 20 MiB 的上限，接收已中止，什么也没有保存"
assert_sql "SELECT count(*) FROM talent" "$((before + 1))"
[ -z "$(ls -A "$TMPDIR")" ] || fail "left in TMPDIR: $(ls -A "$TMPDIR")"
keys Escape; wait_for "主菜单"
quit_kepu
