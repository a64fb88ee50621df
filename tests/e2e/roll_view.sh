# SPDX-License-Identifier: MulanPSL-2.0
# 附表4: one unit's talents in entry order, numbered 1…; the numbers close
# up after a delete; Enter opens the 附表2 record behind a row; F4 shows
# another unit; the CLI exports one unit or all.
. "$(dirname "$0")/lib.sh"
new_db --demo
unit=长葛市
names=$(sqlite3 "$DB" "SELECT t.name FROM talent t JOIN units u ON u.id = t.unit_id WHERE u.name = '$unit' ORDER BY t.id")
first=$(sed -n 1p <<<"$names") second=$(sed -n 2p <<<"$names") third=$(sed -n 3p <<<"$names")
start 80 24
wait_for "主菜单"
keys 4
wait_for "请选择填报单位"
type_text "$unit"; keys Enter
wait_for "单位：$unit  共 3 人"
assert_screen "序号   状态   服务类别     姓名"
row() { screen | sed -n "$(($1 + 2))p"; }
case "$(row 1)" in " 1 "*"$first"*) ;; *) fail "row 1: $(row 1)" ;; esac
case "$(row 3)" in " 3 "*"$third"*) ;; *) fail "row 3: $(row 3)" ;; esac
# 80 columns hide 科普专长 and 拟开展科普工作 (header 「>」): Right brings
# them in a column at a time under 服务类别 and 姓名 (「<」), Left goes back.
refute_screen "科普专长"
screen | sed -n 2p | grep '>$' >/dev/null || fail "no 「>」 for the hidden columns: $(screen | sed -n 2p)"
keys Right Right Right Right Right Right Right Right
wait_for "姓名        <科普专长     拟开展科普工作"
screen | sed -n 2p | grep '>$' >/dev/null && fail "「>」 with every column shown: $(screen | sed -n 2p)"
case "$(row 1)" in " 1 "*"$first"*) ;; *) fail "row 1 after Right: $(row 1)" ;; esac
keys Left Left Left Left Left
wait_for "序号   状态   服务类别     姓名         性别"
refute_screen "<"
keys Down Enter                       # the 附表2 record behind row 2
wait_for "：查看第"
assert_screen "$second"
keys Escape
wait_for "单位：$unit"
# Delete the first talent (from 附表2's list): the roll closes up.
id=$(sqlite3 "$DB" "SELECT t.id FROM talent t WHERE t.name = '$first' ORDER BY t.id LIMIT 1")
sqlite3 "$DB" "DELETE FROM talent WHERE id = $id"
keys F4
wait_for "请选择填报单位"
type_text "$unit"; keys Enter
wait_for "单位：$unit  共 2 人"
case "$(row 1)" in " 1 "*"$second"*) ;; *) fail "after the delete, row 1: $(row 1)" ;; esac
case "$(row 2)" in " 2 "*"$third"*) ;; *) fail "after the delete, row 2: $(row 2)" ;; esac
keys C-o
wait_for "请选择填报单位"
type_text "许昌学院"; keys Enter
wait_for "单位：许昌学院"
refute_screen "$second"
"$KEPU" export roll --db "$DB" --unit "$unit" >"$WORK/roll.csv"
head -1 "$WORK/roll.csv" | grep -q "^${BOM}序号,服务类别,姓名,性别,工作单位,职务,联系电话,从事行业,科普专长,拟开展科普工作" ||
	fail "roll header: $(head -1 "$WORK/roll.csv")"
grep -q "^1,.*,$second," "$WORK/roll.csv" || fail "roll row 1"
grep -q "^2,.*,$third," "$WORK/roll.csv" || fail "roll row 2"
"$KEPU" export roll --db "$DB" >"$WORK/all.csv"
grep -q "^${BOM}单位,序号,服务类别," "$WORK/all.csv" || fail "all-units header"
grep -q "^魏都区,1," "$WORK/all.csv" && grep -q "^$unit,2," "$WORK/all.csv" || fail "all-units numbering"
