# SPDX-License-Identifier: MulanPSL-2.0
# kepu import: a file with bad cells is refused whole, every bad cell named
# by row and label; a good file is saved; export gives it back.
. "$(dirname "$0")/lib.sh"
new_db
cat >"$WORK/bad.csv" <<'CSV'
姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,电子邮箱
张三,男,30,汉族,中共党员,大学本科,许昌学院,13812345678,青少年科普、农村科普,zs@163.com
李四,女,17,汉,群众,本科,许昌学院,12345,科幻,bad@
王五,男,40,汉族,群众,大学本科,许昌学院,0374-2965753,其他,
CSV
set +e
"$KEPU" import talent "$WORK/bad.csv" --db "$DB" --unit 许昌学院 >"$WORK/out" 2>"$WORK/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "exit status $rc, want 1"
cat >"$WORK/want" <<'TXT'
第3行 C列 年龄: 不能小于 18；读到「17」
第3行 H列 联系电话: 不是有效的电话号码（手机 11 位，固话如 0374-2965753）；读到「12345」
第3行 J列 电子邮箱: 不是有效的电子邮箱地址（如 zhangsan@163.com）；读到「bad@」
第3行 I列 科普人才服务类别: 「科幻」不是可选的项；读到「科幻」
导入失败：4 处错误，没有保存任何记录。
TXT
diff -u "$WORK/want" "$WORK/err" || fail "import report differs"
assert_sql "SELECT count(*) FROM talent" "0"

# The same file without the bad row (and with CRLF and a BOM) is saved.
{ printf '\xef\xbb\xbf'; sed -e '3d' -e 's/$/\r/' "$WORK/bad.csv"; } >"$WORK/good.csv"
"$KEPU" import talent "$WORK/good.csv" --db "$DB" --unit 许昌学院 >"$WORK/out"
grep -q "已导入 2 条记录" "$WORK/out" || fail "no import summary: $(cat "$WORK/out")"
assert_sql "SELECT group_concat(name || phone, ' ') FROM (SELECT name, phone FROM talent ORDER BY id)" "张三13812345678 王五0374-2965753"

# --dry-run checks and saves nothing.
"$KEPU" import talent "$WORK/good.csv" --db "$DB" --unit 许昌学院 --dry-run >/dev/null
assert_sql "SELECT count(*) FROM talent" "2"

"$KEPU" export talent --db "$DB" >"$WORK/export.csv"
grep -q "^${BOM}填报单位,姓名,性别,年龄,民族,政治面貌,学历," "$WORK/export.csv" || fail "export header"
grep -q "^许昌学院,张三,男,30,汉族,中共党员,大学本科,,,许昌学院,,13812345678,zs@163.com,,青少年科普、农村科普,,,,," \
	"$WORK/export.csv" || fail "export row: $(cat "$WORK/export.csv")"
# An export imports again unchanged (round trip).
new_db_path=$WORK/second.db
"$KEPU" init --db "$new_db_path" >/dev/null
"$KEPU" import talent "$WORK/export.csv" --db "$new_db_path" >/dev/null
[ "$(sqlite3 "$new_db_path" "SELECT count(*) FROM talent")" = 2 ] || fail "round trip"

# Usage errors: unknown form, missing database, existing database.
set +e
"$KEPU" export nosuch --db "$DB" 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "没有名为「nosuch」的表单（可用：.*talent" "$WORK/err" || fail "unknown form"
set +e
"$KEPU" init --db "$DB" 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "已存在，不会覆盖" "$WORK/err" || fail "init over an existing db"
set +e
"$KEPU" import talent "$WORK/good.csv" 2>/dev/null; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "import without --db: status $rc"

# GB18030 for old systems: the same text, converted; characters Excel's GBK
# cannot show are listed (the file keeps them).
sqlite3 "$DB" "UPDATE talent SET name = '刘䶮' WHERE name = '王五'"
"$KEPU" export talent --db "$DB" --encoding gb18030 >"$WORK/gb.csv" 2>"$WORK/gb.err"
iconv -f GB18030 -t UTF-8 "$WORK/gb.csv" | grep "^许昌学院,刘䶮,男,40," >/dev/null || fail "gb18030 export"
grep -q "第3行 姓名: 「䶮」在 GBK（Excel 默认编码）中无法显示" "$WORK/gb.err" || fail "no GBK report: $(cat "$WORK/gb.err")"

# A GB18030 file (told from its bytes) with one bad row and --skip-invalid:
# the good rows are saved, the bad one goes to a file with its reasons,
# which imports as it is once corrected.
printf '姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\r\n赵六,男,30,汉族,群众,本科,许昌学院,13812345670,其他\r\n钱七,女,17,汉族,群众,本科,许昌学院,12345,其他\r\n孙八,男,40,汉族,群众,本科,许昌学院,2965754,其他\r\n' |
	iconv -f UTF-8 -t GB18030 >"$WORK/gb-in.csv"
before=$(sqlite3 "$DB" "SELECT count(*) FROM talent")
"$KEPU" import talent "$WORK/gb-in.csv" --db "$DB" --unit 许昌学院 --skip-invalid "$WORK/rejects.csv" \
	>"$WORK/out" 2>"$WORK/err"
grep -q "已导入 2 条记录" "$WORK/out" || fail "skip-invalid: $(cat "$WORK/out" "$WORK/err")"
grep -q "1 行有错误，没有导入，已写入" "$WORK/err" || fail "no reject summary"
assert_sql "SELECT count(*) FROM talent" "$((before + 2))"
grep -q "^钱七,女,17,.*,年龄: 不能小于 18；联系电话: 不是有效的电话号码" "$WORK/rejects.csv" || fail "rejects: $(cat "$WORK/rejects.csv")"
sed -i 's/^钱七,女,17,\(.*\),12345,/钱七,女,27,\1,13912345678,/' "$WORK/rejects.csv"
"$KEPU" import talent "$WORK/rejects.csv" --db "$DB" --unit 许昌学院 >/dev/null
assert_sql "SELECT age || phone FROM talent WHERE name = '钱七'" "2713912345678"
set +e
"$KEPU" import talent "$WORK/gb-in.csv" --db "$DB" --unit 许昌学院 --skip-invalid "$WORK/rejects.csv" 2>"$WORK/err"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "已存在，不会覆盖" "$WORK/err" || fail "a rejects file was overwritten"

# --output: the CSV export goes to a new file, byte for byte what standard
# output gets; nothing on standard output; an existing file is kept and the
# status is 1; a failed export leaves no file behind. Text reports likewise.
"$KEPU" export talent --db "$DB" >"$WORK/stdout.csv"
"$KEPU" export talent --db "$DB" --output "$WORK/t.csv" >"$WORK/out"
[ ! -s "$WORK/out" ] || fail "--output also wrote to stdout"
cmp -s "$WORK/t.csv" "$WORK/stdout.csv" || fail "--output differs from stdout"
echo keep >"$WORK/old.csv"
set +e
"$KEPU" export talent --db "$DB" --output "$WORK/old.csv" 2>"$WORK/err"; rc=$?
"$KEPU" export talent --db "$DB" --unit 没有这个单位 --output "$WORK/refused.csv" 2>/dev/null; rc2=$?
"$KEPU" report monthly --month 2030-01 --db "$DB" --output "$WORK/bad.txt" 2>/dev/null; rc3=$?
set -e
[ "$rc" -eq 1 ] && grep -q "已存在，不会覆盖" "$WORK/err" || fail "export over a file: status $rc $(cat "$WORK/err")"
[ "$(cat "$WORK/old.csv")" = keep ] || fail "an existing file was overwritten"
[ "$rc2" -eq 1 ] && [ ! -e "$WORK/refused.csv" ] || fail "a refused export left a file (status $rc2)"
[ "$rc3" -ne 0 ] && [ ! -e "$WORK/bad.txt" ] || fail "a refused report left a file (status $rc3)"
"$KEPU" report progress --db "$DB" >"$WORK/p1"
"$KEPU" report progress --db "$DB" --output "$WORK/p2" >"$WORK/out"
[ ! -s "$WORK/out" ] && cmp -s "$WORK/p1" "$WORK/p2" || fail "report --output differs from stdout"

# Numbers as the numbering plans define them (#27), through import and
# export: an internationalised address is stored and exported as typed; a
# landline of the wrong length for its area, an unbalanced bracket or a
# split local number is refused with its reason, naming the cell.
# (赵六 works elsewhere than the stored 赵六: the same 姓名 at the same
# 工作单位 with another phone would be left out as possibly the same person.)
cat >"$WORK/plan.csv" <<'CSV'
姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,电子邮箱
赵六,男,50,汉族,群众,大学本科,许昌学院附属中学,(0374) 4396123,其他,info@许昌科协.中国
钱七,女,41,汉族,群众,大学本科,许昌学院,0374-43961234,其他,
孙八,女,42,汉族,群众,大学本科,许昌学院,(0374 4396123,其他,
周九,男,43,汉族,群众,大学本科,许昌学院,439-6123,其他,
CSV
rc=0; "$KEPU" import talent "$WORK/plan.csv" --db "$DB" --unit 许昌学院 >/dev/null 2>"$WORK/err" || rc=$?
[ "$rc" -eq 1 ] || fail "numbering plan import: status $rc"
grep -qF "第3行 H列 联系电话: 不是有效的电话号码：区号 0374（许昌）的本地号码是 7 位，这里是 8 位（43961234）" "$WORK/err" ||
	fail "length: $(cat "$WORK/err")"
grep -qF "第4行 H列 联系电话: 不是有效的电话号码：括号不成对" "$WORK/err" || fail "bracket: $(cat "$WORK/err")"
grep -qF "第5行 H列 联系电话: 不是有效的电话号码：本地号码「439-6123」应是一串连续的数字" "$WORK/err" ||
	fail "groups: $(cat "$WORK/err")"
grep -q "^第2行" "$WORK/err" && fail "the good row was refused: $(cat "$WORK/err")"
head -2 "$WORK/plan.csv" >"$WORK/plan_ok.csv"
"$KEPU" import talent "$WORK/plan_ok.csv" --db "$DB" --unit 许昌学院 >/dev/null || fail "good row refused"
assert_sql "SELECT phone || ' ' || email FROM talent WHERE name = '赵六' ORDER BY id DESC LIMIT 1" "0374-4396123 info@许昌科协.中国"
"$KEPU" export talent --db "$DB" >"$WORK/plan_export.csv"
grep -qF ",0374-4396123,info@许昌科协.中国," "$WORK/plan_export.csv" || fail "export: $(grep 赵六 "$WORK/plan_export.csv")"
