/* SPDX-License-Identifier: MulanPSL-2.0 */
/* What a hand-made or another program's workbook may hold that Excel never
 * shows as such, read without guessing (xlsx_read.c, transfer.c): a logical
 * cell (TRUE, stored as 1) is no count, day or name and is refused in every
 * field, naming the cell; a row or a cell given twice, out of order or in
 * another row is refused naming it, by both readers (a row given twice was
 * read as the next row, so errors named the wrong one); rows and cells
 * without a reference follow the one before, as the format says. And one
 * import's rows are bounded by the session's role (the import is one write
 * transaction that holds every other save). Each refusal has a control. */
#include "unit_env.h"

#include "import_text.h"

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/transfer.h"
#include "domain/xlsx_read.h"
#include "zip_book.h"

/* A one-sheet book (sheet 「表」) whose sheetData is rows. */
static FILE *book(const char *rows)
{
	char *sheet = xasprintf("<worksheet><sheetData>%s</sheetData></worksheet>", rows);
	const char *parts[][2] = {
		{"xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/>"
				    "</sheets></workbook>"},
		{"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
					       "</Relationships>"},
		{"xl/worksheets/sheet1.xml", sheet},
	};
	FILE *in = zip_book_open(parts, sizeof parts / sizeof parts[0]);
	free(sheet);
	return in;
}

static int csv_text(void *ctx, xlsx_csv *s, char **err)
{
	(void)err;
	char buf[512];
	size_t n = fread(buf, 1, sizeof buf - 1, s->csv);
	buf[n] = '\0';
	*(char **)ctx = xstrdup(buf);
	return 0;
}

/* B3 of the sheet, as the whole-sheet reader keeps it. */
static int cell_b3(void *ctx, const xlsx_sheet *s, char **err)
{
	(void)err;
	const char *v = xlsx_sheet_at(s, 2, 1);
	*(char **)ctx = xstrdup(v ? v : "(none)");
	return 0;
}

/* Both readers on the sheet: refused with want in the error, or (want
 * NULL) read, the CSV being csv and B3 holding b3. */
static void read_both(const char *rows, const char *want, const char *csv, const char *b3)
{
	for (int grid = 0; grid < 2; grid++) {
		FILE *in = book(rows);
		char *got = NULL, *err = NULL;
		int rc = grid ? xlsx_each_sheet(in, "b.xlsx", cell_b3, &got, &err)
			      : xlsx_each_csv(in, "b.xlsx", csv_text, &got, &err);
		fclose(in);
		if (want) {
			assert_int_equal(rc, -1);
			assert_null(got);
			if (!err || !strstr(err, want))
				fail_msg("%s: not in %s", want, err ? err : "(no error)");
			assert_non_null(strstr(err, "b.xlsx 工作表「表」："));
		} else {
			if (rc != 0)
				fail_msg("%s", err ? err : "refused");
			assert_string_equal(got, grid ? b3 : csv);
		}
		free(got);
		free(err);
	}
}

#define C(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define BARE(text) "<c t=\"inlineStr\"><is><t>" text "</t></is></c>"

static void test_rows_in_place(void **state)
{
	(void)state;
	/* the controls: rows and cells in order, with references or without */
	read_both("<row r=\"1\">" C("A1", "甲") "</row><row r=\"3\">" C("A3", "乙") C("B3", "丙") "</row>", NULL,
		  "甲\r\n\r\n乙,丙\r\n", "丙");
	read_both("<row>" BARE("甲") "</row><row/><row>" BARE("乙") BARE("丙") "</row>", NULL,
		  "甲\r\n\r\n乙,丙\r\n", "丙");
	read_both("<row r=\"3\">" C("A3", "乙") BARE("丙") C("D3", "丁") "</row>", NULL, "\r\n\r\n乙,丙,,丁\r\n", "丙");
	/* the same row twice: refused naming it (was read as rows 3 and 4) */
	read_both("<row r=\"3\">" C("A3", "乙") C("B3", "丙") "</row><row r=\"3\">" C("B3", "丁") "</row>",
		  "第 3 行出现了两次", NULL, NULL);
	read_both("<row r=\"3\">" C("A3", "乙") "</row><row r=\"2\">" C("B2", "丁") "</row>",
		  "第 2 行写在第 3 行之后", NULL, NULL);
	/* a cell twice (the last read won), out of order, in another row */
	read_both("<row r=\"3\">" C("B3", "丙") C("B3", "丁") "</row>", "单元格 B3 出现了两次", NULL, NULL);
	read_both("<row r=\"3\">" C("A3", "乙") BARE("丙") C("B3", "丁") "</row>", "单元格 B3 出现了两次", NULL, NULL);
	read_both("<row r=\"3\">" C("C3", "乙") C("B3", "丙") "</row>", "单元格 B3 写在 C3 之后", NULL, NULL);
	read_both("<row r=\"3\">" C("A3", "乙") C("B4", "丙") "</row>", "单元格 B4 写在第 3 行里", NULL, NULL);
}

/* An import of the book (its sheet's rows) into form as 魏都区; what it
 * said into *said. */
static int import_book(fixture *fx, const char *form, const char *rows, char **said)
{
	FILE *raw = book(rows);
	size_t len;
	FILE *rep = open_memstream(said, &len);
	import_stats st;
	int rc = import_file(&fx->env, catalog_form(&fx->env.cat, form), raw, "b.xlsx",
			     (import_options){.unit = "魏都区"}, rep, &st);
	fclose(rep);
	fclose(raw);
	return rc;
}

#define ACT_TITLES "<row r=\"1\">" C("A1", "活动名称") C("B1", "日期") C("C1", "形式") C("D1", "对象") \
	C("E1", "地点") C("F1", "参与人数") "</row>"
/* An activity in row 2, its cells name, date and count as given. */
#define ACT(name, date, count) "<row r=\"2\">" name date C("C2", "科普报告") C("D2", "校园") \
	C("E2", "魏都区文化中心") count "</row>"

static void import_refused(fixture *fx, const char *form, const char *rows, const char *want)
{
	char *said = NULL;
	assert_int_not_equal(import_book(fx, form, rows, &said), 0);
	if (!strstr(said, want))
		fail_msg("%s: not in %s", want, said);
	free(said);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM monthly"), 0);
}

static void test_logical_cells(void **state)
{
	fixture *fx = *state;
	/* the control: the count a number */
	char *said = NULL;
	if (import_book(fx, "activity", ACT_TITLES ACT(C("A2", "科普讲座"), C("B2", "2016-07-20"), "<c r=\"F2\"><v>1</v></c>"),
			&said) != 0)
		fail_msg("%s", said);
	free(said);
	assert_int_equal(sql_int(fx->path, "SELECT participants FROM activity"), 1);
	sql_run(fx->path, "DELETE FROM activity");
	/* TRUE under 参与人数 was saved as 1 */
	import_refused(fx, "activity",
		       ACT_TITLES ACT(C("A2", "科普讲座"), C("B2", "2016-07-20"), "<c r=\"F2\" t=\"b\"><v>1</v></c>"),
		       "第2行 F列 参与人数: 单元格是逻辑值 TRUE，不是数字，没有导入：请在这一格直接填写数字");
	import_refused(fx, "activity",
		       ACT_TITLES ACT(C("A2", "科普讲座"), C("B2", "2016-07-20"), "<c r=\"F2\" t=\"b\"><v>0</v></c>"),
		       "第2行 F列 参与人数: 单元格是逻辑值 FALSE，不是数字");
	import_refused(fx, "activity",
		       ACT_TITLES ACT("<c r=\"A2\" t=\"b\"><v>1</v></c>", C("B2", "2016-07-20"), "<c r=\"F2\"><v>30</v></c>"),
		       "第2行 A列 活动名称: 单元格是逻辑值 TRUE，不是文字");
	import_refused(fx, "activity",
		       ACT_TITLES ACT(C("A2", "科普讲座"), "<c r=\"B2\" t=\"b\"><v>1</v></c>", "<c r=\"F2\"><v>30</v></c>"),
		       "第2行 B列 日期: 单元格是逻辑值 TRUE，不是日期");
	import_refused(fx, "monthly",
		       "<row r=\"1\">" C("A1", "月份") C("B1", "培训场次") C("C1", "培训人次") C("D1", "活动场次")
		       C("E1", "参与人数") C("F1", "资源件数") "</row><row r=\"2\"><c r=\"A2\" t=\"b\"><v>1</v></c>"
		       "<c r=\"B2\" t=\"b\"><v>1</v></c><c r=\"C2\"><v>0</v></c><c r=\"D2\"><v>1</v></c>"
		       "<c r=\"E2\"><v>30</v></c><c r=\"F2\"><v>0</v></c></row>",
		       "第2行 B列 培训场次: 单元格是逻辑值 TRUE，不是数字");
	/* the text TRUE a CSV holds (Gnumeric's CSV of the same sheet) is no number either */
	char *rep = NULL;
	import_stats st;
	assert_int_not_equal(import_text(&fx->env, "activity",
					 ACT_HEADER "魏都区,科普讲座,2016-07-20,科普报告,校园,魏都区文化中心,TRUE\n",
					 (import_options){0}, &rep, &st), 0);
	if (!strstr(rep, "第2行 G列 参与人数:") || !strstr(rep, "读到「TRUE」"))
		fail_msg("%s", rep);
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 0);
}

/* n 附表2 rows, each its own person. */
static char *talents(int n)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n");
	for (int i = 0; i < n; i++) {
		char name[8] = {0};
		utf8_encode(0x4E00 + (uint32_t)i, name);
		sb_printf(&b, "王%s,男,40,汉族,群众,大学本科,许昌学院%d系,138%08d,其他\n", name, i, i);
	}
	return sb_take(&b);
}

/* An import of n talents: its status, what it said into *said. */
static int import_talents(fixture *fx, int n, char **said)
{
	char *csv = talents(n);
	import_stats st;
	int rc = import_text(&fx->env, "talent", csv, (import_options){.unit = "魏都区"}, said, &st);
	free(csv);
	return rc;
}

static void test_rows_per_import(void **state)
{
	fixture *fx = *state;
	char *said = NULL;
	/* the city's bound is larger: a file of more rows than a unit may send */
	assert_int_equal(store_session_unit(fx->env.store), 0);
	assert_int_equal(import_talents(fx, IMPORT_UNIT_ROWS + 1, &said), 0);
	free(said);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), IMPORT_UNIT_ROWS + 1);
	sql_run(fx->path, "DELETE FROM talent");
	sign_in_unit(fx, "魏都区");
	assert_int_not_equal(import_talents(fx, IMPORT_UNIT_ROWS + 1, &said), 0);
	if (!strstr(said, "文件的数据超过 10000 行，整个文件没有导入：单位账号一次至多导入 10000 行"))
		fail_msg("%s", said);
	free(said);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 0);
	assert_int_equal(import_talents(fx, IMPORT_UNIT_ROWS, &said), 0); /* at the bound */
	free(said);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), IMPORT_UNIT_ROWS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_in_place),
		cmocka_unit_test_setup_teardown(test_logical_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows_per_import, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
