/* SPDX-License-Identifier: MulanPSL-2.0 */
/* What Excel does not show the clerk is never read as if it had been
 * looked at (xlsx_read.c): a sheet with a hidden sheet, row or column
 * holding anything comes with the refusal naming the cell, for both readers
 * (row imports and the one-sheet-per-person 推荐表), and a reader that reads
 * the sheet refuses with it; an empty hidden one changes nothing. Each
 * refusal has a control: the same book shown. */
#include "unit.h"

#include <stdbool.h>

#include "core/xalloc.h"
#include "domain/xlsx_read.h"
#include "zip_book.h"

/* A two-sheet book: 甲 shown; 乙 with state (NULL: shown); sheet1's data
 * after cols (a <cols> element or ""), row 2 with row_attr. */
static FILE *book(const char *state, const char *cols, const char *row_attr, bool empty_hidden)
{
	char *wb = xasprintf("<workbook xmlns:r=\"r\"><sheets><sheet name=\"甲\" sheetId=\"1\" r:id=\"rId1\"/>"
			     "<sheet name=\"乙\" sheetId=\"2\" r:id=\"rId2\"%s%s%s/></sheets></workbook>",
			     state ? " state=\"" : "", state ? state : "", state ? "\"" : "");
	char *s1 = xasprintf("<worksheet>%s<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c>"
			     "<c r=\"B1\" t=\"inlineStr\"><is><t>单位</t></is></c></row>"
			     "<row r=\"2\"%s><c r=\"A2\" t=\"inlineStr\"><is><t>%s</t></is></c>"
			     "<c r=\"B2\" t=\"inlineStr\"><is><t>魏都区</t></is></c></row></sheetData></worksheet>",
			     cols, row_attr, empty_hidden ? "" : "罗德明");
	const char *s2 = empty_hidden ? "<worksheet><sheetData/></worksheet>"
				      : "<worksheet><sheetData><row r=\"1\"><c r=\"C1\" t=\"inlineStr\"><is><t>康德明</t>"
					"</is></c></row></sheetData></worksheet>";
	const char *parts[][2] = {
		{"xl/workbook.xml", wb},
		{"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
					       "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>"},
		{"xl/worksheets/sheet1.xml", s1},
		{"xl/worksheets/sheet2.xml", s2},
	};
	FILE *in = zip_book_open(parts, sizeof parts / sizeof parts[0]);
	free(wb);
	free(s1);
	return in;
}

/* A reader that reads every sheet: refuses as the importers do. */
static int read_sheet(int *n, const char *hidden, char **err)
{
	if (hidden) {
		*err = xstrdup(hidden);
		return -1;
	}
	++*n;
	return 0;
}

static int count_csv(void *ctx, xlsx_csv *s, char **err)
{
	return read_sheet(ctx, s->hidden, err);
}

static int count_sheet(void *ctx, const xlsx_sheet *s, char **err)
{
	return read_sheet(ctx, s->hidden, err);
}

/* Both readers on one book: the error each gives (NULL: read, both sheets). */
static void read_both(const char *state, const char *cols, const char *row_attr, bool empty_hidden,
		      const char *want)
{
	for (int grid = 0; grid < 2; grid++) {
		FILE *in = book(state, cols, row_attr, empty_hidden);
		int n = 0;
		char *err = NULL;
		int rc = grid ? xlsx_each_sheet(in, "b.xlsx", count_sheet, &n, &err)
			      : xlsx_each_csv(in, "b.xlsx", count_csv, &n, &err);
		fclose(in);
		if (!want) {
			assert_int_equal(rc, 0);
			assert_null(err);
			assert_int_equal(n, 2);
		} else {
			assert_int_equal(rc, -1);
			assert_non_null(err);
			if (!strstr(err, want))
				fail_msg("%s: not in %s", want, err);
		}
		free(err);
	}
}

static void test_hidden_sheet(void **state)
{
	(void)state;
	read_both(NULL, "", "", false, NULL); /* the control */
	read_both("visible", "", "", false, NULL);
	read_both("hidden", "", "", false, "工作表「乙」：这张工作表在 Excel 中是隐藏的，而单元格 C1 有内容");
	read_both("veryHidden", "", "", false, "工作表「乙」：这张工作表在 Excel 中是隐藏的");
	read_both("hidden", "", "", true, NULL); /* nothing in it: nothing unseen */
}

static void test_hidden_row_and_column(void **state)
{
	(void)state;
	read_both(NULL, "", " hidden=\"0\"", false, NULL);
	read_both(NULL, "", " hidden=\"1\"", false, "工作表「甲」：第 2 行在 Excel 中是隐藏的，而单元格 A2 有内容");
	read_both(NULL, "", " hidden=\"true\"", true, "单元格 B2 有内容"); /* its other cell */
	read_both(NULL, "<cols><col min=\"2\" max=\"3\" width=\"9\"/></cols>", "", false, NULL);
	read_both(NULL, "<cols><col min=\"2\" max=\"3\" hidden=\"1\"/></cols>", "", false,
		  "工作表「甲」：B 列在 Excel 中是隐藏的，而单元格 B1 有内容");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hidden_sheet),
		cmocka_unit_test(test_hidden_row_and_column),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
