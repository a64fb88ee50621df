# SPDX-License-Identifier: MulanPSL-2.0
# kepu check: the shipped definitions are valid; a site directory with
# mistakes gives FILE:LINE:COL lines and exit status 1.
. "$(dirname "$0")/lib.sh"
"$KEPU" check >"$WORK/out"
grep -q "个表单定义全部正确" "$WORK/out" || fail "check of the shipped forms"
site=$WORK/site
mkdir "$site"
cat >"$site/talent.yaml" <<'YAML'
id: talent
title: 附表2
table: talent
fields:
  - id: name
    label: 姓名
    type: text
    pattern: no_such_pattern
  - id: name
    label: 性别
    type: choce
    colour: red
YAML
set +e
"$KEPU" check --screens "$site" >"$WORK/out" 2>"$WORK/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "status $rc, want 1"
cat >"$WORK/want" <<TXT
$site/talent.yaml:8:14: 未知的模式名「no_such_pattern」（见 config/patterns.yaml）
$site/talent.yaml:12:5: 未知的键「colour」
$site/talent.yaml:9:9: 字段标识「name」重复（第一次出现在第 5 行）
$site/talent.yaml:11:11: 未知的字段类型「choce」（可用：text, textarea, integer, choice, multichoice, phone, email, date, yearmonth, record）
screens/nominate_expert.yaml:20:7: talent 的 ref：没有名为「talent」的表单（或它有错误，未能载入）
screens/roll.yaml:7:10: 没有名为「talent」的表单（或它有错误，未能载入）
config/schedule.yaml:44:11: 没有名为「talent」的表单（或它有错误，未能载入）
config/ranking.yaml:17:5: 没有名为「talent」的表单（或它有错误，未能载入）
TXT
sort "$WORK/want" >"$WORK/want.sorted"
sort "$WORK/err" >"$WORK/err.sorted"
diff -u "$WORK/want.sorted" "$WORK/err.sorted" || fail "check report differs"
# The TUI refuses to start on broken definitions, with the same report.
set +e
"$KEPU" --db "$DB" --screens "$site" 2>"$WORK/err2"
rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "talent.yaml:8:14" "$WORK/err2" || fail "TUI started on broken forms"

# docs/keys.md is what the keymap table says (the build regenerates it;
# this catches a stale copy committed by hand).
"$KEPU" keys | diff -u - "$(dirname "$0")/../../docs/keys.md" || fail "docs/keys.md is stale"
