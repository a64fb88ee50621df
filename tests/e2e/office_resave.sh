# SPDX-License-Identifier: MulanPSL-2.0
# Every form kepu exports as .xlsx, opened and saved again by the programs
# offices use — LibreOffice Calc (soffice --convert-to xlsx, and to .xls and
# back), Gnumeric (ssconvert) and openpyxl — imports back to the same records, compared
# field by field (issue #24): LibreOffice writes its General format as a
# custom code "General", which was once read as a date. The 附表3 申报时间
# typed 2016.7 in a CSV that LibreOffice saved as .xlsx is refused (never
# 1905-07-08); the months beside it are read as typed.
. "$(dirname "$0")/lib.sh"
new_db --demo --today 2016-08-10
command -v soffice >/dev/null || fail "no soffice (libreoffice-calc-nogui: tools/deps.sh test)"
command -v ssconvert >/dev/null || fail "no ssconvert (gnumeric: tools/deps.sh test)"
A=$WORK/a
mkdir -p "$A" "$WORK/lo" "$WORK/gn" "$WORK/py"
imp() { # imp DB FORM FILE [options]: imported, or the test fails
	local db=$1 form=$2 file=$3
	shift 3
	"$KEPU" import "$form" "$file" --db "$db" "$@" >"$WORK/out" 2>"$WORK/err" ||
		fail "import $form $(basename "$file") $*: $(cat "$WORK/err")"
}

# What the demo lacks: projects, summaries, nominations, a commendation.
printf '申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,其他类别,项目实施时间（起）,项目实施时间（止）,项目基本内容,项目预期绩效\n' >"$WORK/p.csv"
printf '2016-07-15,农村科普大篷车,许昌学院,王伟,13812345678,其他,科普大篷车,2016-08,2017-06,"第一行\n第二行",受益群众一万人次\n' >>"$WORK/p.csv"
printf '2016-07-20,青少年机器人营,许昌学院,李娜,0374-2965753,科普活动,,2016-10,2016-12,在各乡镇开展科普讲座,覆盖中小学二十所\n' >>"$WORK/p.csv"
imp "$DB" project "$WORK/p.csv" --unit 许昌学院
printf '填报单位,完成情况,问题与建议,联系人,联系电话\n魏都区,完成科普人才推荐 45 名。,经费不足。,王建国,0374-2965753\n' >"$WORK/s.csv"
imp "$DB" summary "$WORK/s.csv"
# A 简介 of 2,000 characters goes on in the rows under its row (「N（续）」 in 序号),
# cut where printed lines begin: at line breaks, inside a paragraph, between Latin words.
/usr/bin/python3 - "$WORK/long.csv" <<'PY'
import csv, sys
text = "\n".join("第%d行" % i for i in range(120)) + "\n\n" + "科普进社区进学校，" * 60 + " ".join("WORLD HEALTH %d" % i for i in range(40))
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["填报单位", "活动名称", "日期", "形式", "对象", "地点", "参与人数", "简介"])
    w.writerow(["魏都区", "长篇简介的科普讲座", "2016-07-30", "科普讲座", "社区", "魏都区文化馆", "60", text[:2000]])
PY
imp "$DB" activity "$WORK/long.csv"
# A nomination names an approved record: the city's review, done here in SQL
# (in each database the records are imported into as well).
approve() { sqlite3 "$1" "UPDATE talent SET kp_state = 'approved' WHERE id = (SELECT min(id) FROM talent);
	UPDATE project SET kp_state = 'approved' WHERE name = '农村科普大篷车'"; }
approve "$DB"
talent=$(sqlite3 "$DB" "SELECT t.name || ',' || u.name FROM talent t JOIN units u ON u.id = t.unit_id ORDER BY t.id LIMIT 1")
printf '所在单位,姓名,推荐为,考核年度,推荐日期,推荐理由\n%s,%s,河南省科普领军人才,2016,2016-12-21,成绩突出。\n' "${talent#*,}" "${talent%,*}" >"$WORK/ne.csv"
imp "$DB" nominate_expert "$WORK/ne.csv"
printf '申报单位,项目名称,考核年度,推荐日期,推荐理由\n许昌学院,农村科普大篷车,2016,2016-12-22,受益面广。\n' >"$WORK/np.csv"
imp "$DB" nominate_project "$WORK/np.csv"
printf '报送单位,作品名称,作品类型,作者,考核年度,推荐日期,推荐理由\n医学会,小麦病虫害防治图解,科普漫画,王建国,2016,2016-12-23,原创。\n' >"$WORK/nw.csv"
imp "$DB" nominate_work "$WORK/nw.csv"
printf '所属单位,表彰对象,名称或姓名,表彰称号,考核年度,表彰日期,表彰理由\n许昌学院,先进单位,许昌学院,科普工作先进单位,2016,2016-12-25,超额完成指标。\n' >"$WORK/c.csv"
imp "$DB" commendation "$WORK/c.csv"

# In the order an empty database takes them: a nomination names its talent.
LISTS="quota activity resource monthly plan summary"
CITY="nominate_expert nominate_project nominate_work commendation"
for form in $LISTS $CITY; do
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM $form")" -gt 0 ] || fail "no $form records to export"
	"$KEPU" export $form --db "$DB" --format xlsx --output "$A/$form.xlsx" 2>"$WORK/err" || fail "export $form: $(cat "$WORK/err")"
done
# 推荐表 and 入库表: a workbook per unit (the all-units one names no unit).
units=$(sqlite3 "$DB" "SELECT DISTINCT u.name FROM units u JOIN (SELECT unit_id FROM talent UNION SELECT unit_id FROM project) t ON t.unit_id = u.id ORDER BY u.id")
n=0
while IFS= read -r u; do
	for form in talent project; do
		[ "$(sqlite3 "$DB" "SELECT count(*) FROM $form t JOIN units u ON u.id = t.unit_id WHERE u.name = '$u'")" -gt 0 ] || continue
		n=$((n + 1))
		"$KEPU" export $form --db "$DB" --unit "$u" --format xlsx --output "$A/$form-$n.xlsx" 2>"$WORK/err" ||
			fail "export $form $u: $(cat "$WORK/err")"
		echo "$form-$n $u" >>"$WORK/paper.list"
	done
done <<<"$units"
[ "$n" -ge 10 ] || fail "only $n one-record workbooks"
unzip -p "$A/activity.xlsx" xl/worksheets/sheet1.xml | grep -q '>[0-9]*（续）<' || fail "the long 简介 was not continued"

# The three re-savers.
soffice -env:UserInstallation=file://$WORK/lo-profile --headless --convert-to xlsx --outdir "$WORK/lo" "$A"/*.xlsx \
	>/dev/null 2>&1 || fail "LibreOffice converted nothing"
for f in "$A"/*.xlsx; do
	ssconvert --export-type=Gnumeric_Excel:xlsx2 "$f" "$WORK/gn/$(basename "$f")" >/dev/null 2>&1 ||
		fail "ssconvert $(basename "$f")"
done
# An office's old Excel: saved as .xls (which kepu refuses, saying so), then
# that .xls saved again as .xlsx.
mkdir -p "$WORK/xls" "$WORK/xl"
soffice -env:UserInstallation=file://$WORK/lo-profile --headless --convert-to xls --outdir "$WORK/xls" "$A"/*.xlsx \
	>/dev/null 2>&1 || fail "LibreOffice wrote no .xls"
soffice -env:UserInstallation=file://$WORK/lo-profile --headless --convert-to xlsx --outdir "$WORK/xl" "$WORK/xls"/*.xls \
	>/dev/null 2>&1 || fail "LibreOffice converted no .xls"
"$KEPU" import activity "$WORK/xls/activity.xls" --db "$DB" >"$WORK/out" 2>"$WORK/err" && fail ".xls imported"
grep -qF "activity.xls 是 Excel 97-2003 工作簿（.xls）" "$WORK/err" || fail ".xls: $(cat "$WORK/err")"
/usr/bin/python3 - "$A" "$WORK/py" <<'EOF' || fail "openpyxl re-saved nothing"
import os, sys, openpyxl
for name in os.listdir(sys.argv[1]):
    openpyxl.load_workbook(os.path.join(sys.argv[1], name)).save(os.path.join(sys.argv[2], name))
EOF
want=$(ls "$A" | wc -l)
for d in lo gn py xl; do
	[ "$(ls "$WORK/$d" | wc -l)" -eq "$want" ] || fail "$d: $(ls "$WORK/$d" | wc -l) of $want workbooks"
done

# Each re-saved set into an empty database; every record compared, field
# by field, with the source's (the CSV export: every field, the unit; the
# review state is not imported, so not compared).
records() { # records DB FORM: the records as sorted CSV lines without 状态
	"$KEPU" export "$2" --db "$1" | tr -d '\r' | sed '1s/^\xEF\xBB\xBF//' |
		/usr/bin/python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
drop = [i for i, h in enumerate(rows[0]) if h in ("状态", "序号")]  # review states are not imported
out = [",".join(c for i, c in enumerate(r) if i not in drop) for r in rows]
print(out[0]); print("\n".join(sorted(out[1:])))'
}
for d in lo gn py xl; do
	T=$WORK/$d.db
	"$KEPU" init --db "$T" --today 2016-08-10 >/dev/null || fail "init $T"
	imp "$T" quota "$WORK/$d/quota.xlsx"
	while read -r file u; do
		imp "$T" "${file%-*}" "$WORK/$d/$file.xlsx" --for-unit "$u"
	done <"$WORK/paper.list"
	for form in activity resource monthly plan summary; do
		imp "$T" $form "$WORK/$d/$form.xlsx"
	done
	approve "$T"
	for form in $CITY; do
		imp "$T" $form "$WORK/$d/$form.xlsx"
	done
	for form in $LISTS talent project $CITY; do
		records "$DB" $form >"$WORK/want.csv"
		records "$T" $form >"$WORK/got.csv"
		[ "$(wc -l <"$WORK/want.csv")" -gt 1 ] || fail "$form: no records to compare"
		diff -u "$WORK/want.csv" "$WORK/got.csv" >"$WORK/diff" || fail "$d $form differs: $(cat "$WORK/diff")"
	done
done

# 2016.7 typed in a CSV, saved as .xlsx by LibreOffice: its cells are
# numbers in the format "General". 申报时间 is a day: refused, saying what
# was read; 2016.7 where a month goes is July; 2016.1 is refused (2016.10?).
printf '申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,项目实施时间（起）,项目实施时间（止）\n2016.7,科普画廊,禹州市科协,赵敏,13700001111,科普设施建设,2016.7,2016.10\n' >"$WORK/m.csv"
soffice -env:UserInstallation=file://$WORK/lo-profile --headless --infilter=CSV:44,34,76 --convert-to xlsx \
	--outdir "$WORK/m" "$WORK/m.csv" >/dev/null 2>&1 || fail "LibreOffice converted nothing"
unzip -p "$WORK/m/m.xlsx" xl/styles.xml | grep -q 'formatCode="General"' || fail "LibreOffice wrote no General code"
R=$WORK/r.db
"$KEPU" init --db "$R" >/dev/null
"$KEPU" import project "$WORK/m/m.xlsx" --db "$R" --unit 禹州市 >"$WORK/out" 2>"$WORK/err" && fail "2016.7 taken as a day"
grep -qF "第2行 A列 申报时间: Excel 存的是数字 2016.7，不是日期" "$WORK/err" || fail "$(cat "$WORK/err")"
grep -qF "第2行 H列 项目实施时间（止）: Excel 存的是数字 2016.1" "$WORK/err" || fail "$(cat "$WORK/err")"
! grep -q "项目实施时间（起）" "$WORK/err" || fail "2016.7 as a month refused: $(cat "$WORK/err")"
! grep -q 1905 "$WORK/err" || fail "1905: $(cat "$WORK/err")"
DB=$R assert_sql "SELECT count(*) FROM project" 0
# Typed as the form asks, the same book imports: July, as typed.
printf '申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,项目实施时间（起）,项目实施时间（止）\n2016-07-15,科普画廊,禹州市科协,赵敏,13700001111,科普设施建设,2016.7,2016-10\n' >"$WORK/m.csv"
soffice -env:UserInstallation=file://$WORK/lo-profile --headless --infilter=CSV:44,34,76 --convert-to xlsx \
	--outdir "$WORK/m" "$WORK/m.csv" >/dev/null 2>&1 || fail "LibreOffice converted nothing"
"$KEPU" import project "$WORK/m/m.xlsx" --db "$R" --unit 禹州市 >"$WORK/out" 2>"$WORK/err" || fail "$(cat "$WORK/err")"
DB=$R assert_sql "SELECT declared_on || '|' || start || '|' || \"end\" FROM project" "2016-07-15|2016-07|2016-10"
# A whole number in an integer field, a QQ of 10000: numbers, never dates.
printf '姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,QQ号或微信号,科普人才服务类别\n张三,男,45,汉族,群众,本科,许昌学院,13812345678,10000,其他\n' >"$WORK/t.csv"
soffice -env:UserInstallation=file://$WORK/lo-profile --headless --infilter=CSV:44,34,76 --convert-to xlsx \
	--outdir "$WORK/m" "$WORK/t.csv" >/dev/null 2>&1 || fail "LibreOffice converted nothing"
"$KEPU" import talent "$WORK/m/t.xlsx" --db "$R" --unit 许昌学院 >"$WORK/out" 2>"$WORK/err" || fail "$(cat "$WORK/err")"
DB=$R assert_sql "SELECT age || '|' || phone || '|' || qq_wechat FROM talent" "45|13812345678|10000"

# WPS 表格 cannot run here: a workbook written by hand in the shape public
# reports show WPS writing (docs/workbooks.md): the built-in General
# restated as numFmt 0 "General" (every text cell's format), a date as a
# custom id 176 "yyyy/m/d;@" (完成日期, day serials), a dimension of A1
# whatever the sheet holds, the sheet's relation by an absolute path,
# inline strings, and docProps naming WPS.
/usr/bin/python3 - "$WORK/wps.xlsx" <<'PY' || fail "no WPS-shaped workbook"
import sys, zipfile
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
def cell(ref, v, s=0):
    if isinstance(v, str):
        return '<c r="%s" s="%d" t="inlineStr"><is><t>%s</t></is></c>' % (ref, s, v)
    return '<c r="%s" s="%d"><v>%s</v></c>' % (ref, s, v)
rows = [["名称", "类型", "作者", "完成日期"],
        ["节水知识挂图", "科普挂图", "王建国", (42566, 1)],
        ["防震减灾手册", "科普漫画", "李娜", (42600, 1)]]
xml = []
for i, r in enumerate(rows, 1):
    cs = []
    for j, v in enumerate(r):
        ref = "ABCD"[j] + str(i)
        cs.append(cell(ref, v[0], v[1]) if isinstance(v, tuple) else cell(ref, v))
    xml.append('<row r="%d">%s</row>' % (i, "".join(cs)))
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("docProps/app.xml", '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>WPS 表格</Application></Properties>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook %s %s><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, rel))
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet %s><numFmts count="3"><numFmt numFmtId="0" formatCode="General"/><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177" applyNumberFormat="1"/></cellXfs></styleSheet>' % ns)
    z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet %s><dimension ref="A1"/><sheetData>%s</sheetData></worksheet>' % (ns, "".join(xml)))
PY
W=$WORK/wps.db
"$KEPU" init --db "$W" >/dev/null
"$KEPU" import resource "$WORK/wps.xlsx" --db "$W" --unit 医学会 >"$WORK/out" 2>"$WORK/err" || fail "WPS shape: $(cat "$WORK/err")"
DB=$W assert_sql "SELECT group_concat(name || '|' || kind || '|' || finished_on, ' ') FROM resource" \
	"节水知识挂图|科普挂图|2016-07-15 防震减灾手册|科普漫画|2016-08-18"
