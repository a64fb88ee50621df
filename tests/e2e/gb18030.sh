# SPDX-License-Identifier: MulanPSL-2.0
# A GBK/GB18030 client (luit turns tmux into one) with a zh_CN.GB18030
# locale: Chinese typed is decoded, drawn and stored as UTF-8. A terminal
# and locale that disagree are refused before anything is typed, and
# KEPU_TERMINAL_ENCODING overrides.
. "$(dirname "$0")/lib.sh"
command -v luit >/dev/null || fail "luit is not installed (make deps)"
new_db
gbk() { start_cmd 80 24 "luit -encoding GB18030 -- env LANG=$1 LC_ALL=$1 $KEPU --db $DB"; }

gbk zh_CN.GB18030
login
open_talent_form "许昌学院"
type_text "欧阳锋"; keys Tab
type_text "男"; keys Enter
type_text "50"; keys Tab
type_text "汉"; keys Enter
type_text "群众"; keys Enter
type_text "大学本科"; keys Enter
type_text "农业"; keys Tab
type_text "䶮字研究"; keys Tab     # outside GBK, inside GB18030
type_text "许昌学院农学院"; keys Tab Tab
type_text "13812345678"; keys Tab Tab Tab Space   # the habitual Tab after the mobile is absorbed
keys F2
wait_for "已保存（第 1 号记录）"
assert_sql "SELECT name || '|' || industry || '|' || specialty || '|' || employer FROM talent" \
	"欧阳锋|农业|䶮字研究|许昌学院农学院"
assert_sql "SELECT hex(name) FROM talent" "E6ACA7E998B3E9948B"   # UTF-8, not GB18030
# A row pasted with marks: its GB18030 bytes are decoded as the locale's
# text once the end mark has come (core/pastemark.c), 䶮 (four bytes) too.
printf '令狐冲	男	40	汉族	群众	大学本科	农业	䶮字研究	许昌学院农学院	教师	13812345679
' >"$WORK/row"
tm load-buffer -b row "$WORK/row"
tm paste-buffer -p -b row -t "$S"
wait_for "已粘贴 11 项"
keys Tab Tab Space F2
wait_for "已保存（第 2 号记录）"
assert_sql "SELECT name || '|' || specialty || '|' || phone FROM talent WHERE id = 2" "令狐冲|䶮字研究|13812345679"
keys C-x; wait_for "主菜单"; quit_kepu
close_terminals

# A UTF-8 terminal with a GB18030 locale: refused, nothing opened.
use m1
start_cmd 80 24 "env LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 $KEPU --db $DB"
wait_for "KEPU-EXIT=1"
assert_screen "the terminal uses UTF-8 but the locale is GB18030"
assert_screen "终端使用 UTF-8 编码，而系统语言环境是 GB18030"

# A GBK terminal with a UTF-8 locale: refused, told in Chinese it can show.
use m2
gbk zh_CN.UTF-8
wait_for "KEPU-EXIT="   # luit reports its own status, not kepu's
assert_screen "the terminal uses GB18030 but the locale is UTF-8"
assert_screen "终端使用 GB18030 编码，而系统语言环境是 UTF-8"

# The per-user override: the GBK client's user says so, kepu follows.
use m3
start_cmd 80 24 "luit -encoding GB18030 -- env LANG=zh_CN.UTF-8 KEPU_TERMINAL_ENCODING=gb18030 $KEPU --db $DB"
login
menu_open "附表2 科普人才库推荐表  记录列表"
wait_for "欧阳锋"
assert_sql "SELECT count(*) FROM talent" "2"
