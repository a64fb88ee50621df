/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Number formats read as ECMA-376 Part 1, 18.8.30-31 defines them
 * (xlsx_read.c): a format shows a date or a time only through date and
 * time tokens outside quoted text, [...] sections, escaped characters and
 * the keyword General. The codes are those Excel, LibreOffice Calc (which
 * writes its General as a custom code "General"), Gnumeric and WPS write,
 * in English and Chinese locales. */
#include "unit.h"

#include <stdbool.h>

#include "core/xalloc.h"
#include "domain/xlsx_read.h"
#include "zip_book.h"

typedef struct {
	const char *code;
	unsigned char shows;
} fmt_case;

#define DEC(n) (XLSX_SHOWS_DECIMALS + (n))

static void test_numbers_are_not_dates(void **state)
{
	(void)state;
	static const fmt_case cases[] = {
		{"General", XLSX_SHOWS_NUMBER},
		{"GENERAL", XLSX_SHOWS_NUMBER},
		{"general", XLSX_SHOWS_NUMBER},
		{"[Red]General", XLSX_SHOWS_NUMBER},
		{"General;[Red]-General", XLSX_SHOWS_NUMBER},
		{"@", XLSX_SHOWS_NUMBER},
		{"0", XLSX_SHOWS_NUMBER},
		{"#,##0", XLSX_SHOWS_NUMBER},
		{"#,##0_);[Red]\\(#,##0\\)", XLSX_SHOWS_NUMBER},
		{"_-* #,##0_-;\\-* #,##0_-;_-* \"-\"_-;_-@_-", XLSX_SHOWS_NUMBER},
		{"0\"人\"", XLSX_SHOWS_NUMBER},
		{"0\" days\"", XLSX_SHOWS_NUMBER},
		{"0\"年\"", XLSX_SHOWS_NUMBER},
		{"\"第\"0\"期\"", XLSX_SHOWS_NUMBER},
		{"0\\d", XLSX_SHOWS_NUMBER},
		{"0_d", XLSX_SHOWS_NUMBER},
		{"*y0", XLSX_SHOWS_NUMBER},
		{"[$-804]General", XLSX_SHOWS_NUMBER},
		{"[$¥-804]#,##0", XLSX_SHOWS_NUMBER},
		{"[>=100]0;0", XLSX_SHOWS_NUMBER},
		{"0.00E+00", XLSX_SHOWS_NUMBER},
		{"##0.0e-0", XLSX_SHOWS_NUMBER},
		{"0.00%", XLSX_SHOWS_NUMBER},
		{"0%", XLSX_SHOWS_NUMBER},
		{"# ?/?", XLSX_SHOWS_NUMBER},
		{"\"yyyy-mm-dd\"", XLSX_SHOWS_NUMBER},
		{"\\y\\y\\y\\y", XLSX_SHOWS_NUMBER},
		{"0\"月\"", XLSX_SHOWS_NUMBER},
		{"", XLSX_SHOWS_NUMBER},
		{"\"unterminated", XLSX_SHOWS_NUMBER},
		{"[unterminated", XLSX_SHOWS_NUMBER},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (xlsx_format_shows(cases[i].code) != cases[i].shows)
			fail_msg("「%s」: %d, not %d", cases[i].code, xlsx_format_shows(cases[i].code), cases[i].shows);
}

static void test_decimals(void **state)
{
	(void)state;
	static const fmt_case cases[] = {
		{"0.00", DEC(2)},
		{"0.0", DEC(1)},
		{"#,##0.00", DEC(2)},
		{"#,##0.000_);[Red]\\(#,##0.000\\)", DEC(3)},
		{"0.00\"元\"", DEC(2)},
		{"[$-804]0.0", DEC(1)},
		{"0.00;-0.00", DEC(2)},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (xlsx_format_shows(cases[i].code) != cases[i].shows)
			fail_msg("「%s」: %d, not %d", cases[i].code, xlsx_format_shows(cases[i].code), cases[i].shows);
}

static void test_dates_and_times(void **state)
{
	(void)state;
	static const fmt_case cases[] = {
		{"yyyy-mm-dd", XLSX_SHOWS_DAY},
		{"YYYY-MM-DD", XLSX_SHOWS_DAY},
		{"m/d/yyyy", XLSX_SHOWS_DAY},
		{"d-mmm-yy", XLSX_SHOWS_DAY},
		{"dd/mm/yyyy", XLSX_SHOWS_DAY},
		{"yyyy\"年\"m\"月\"d\"日\"", XLSX_SHOWS_DAY},
		{"YYYY\"年\"M\"月\"D\"日\"", XLSX_SHOWS_DAY},
		{"[$-804]yyyy\"年\"m\"月\"d\"日\"", XLSX_SHOWS_DAY},
		{"[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", XLSX_SHOWS_DAY},
		{"yyyy/m/d;@", XLSX_SHOWS_DAY},
		{"yyyy\\-mm\\-dd", XLSX_SHOWS_DAY},
		{"m\"月\"d\"日\"", XLSX_SHOWS_DAY},
		{"mmm", XLSX_SHOWS_DAY},
		{"yyyy", XLSX_SHOWS_DAY},
		{"dddd", XLSX_SHOWS_DAY},
		{"aaaa", XLSX_SHOWS_DAY},
		{"m/d/yy h:mm", XLSX_SHOWS_DAY},
		{"m/d/yy h:mm:ss", XLSX_SHOWS_DAY},
		{"yyyy-mm-dd hh:mm:ss", XLSX_SHOWS_DAY},
		{"e\"年\"m\"月\"d\"日\"", XLSX_SHOWS_DAY},
		{"ggge\"年\"m\"月\"d\"日\"", XLSX_SHOWS_DAY},
		{"yyyy-mm", XLSX_SHOWS_MONTH},
		{"yyyy\"年\"m\"月\"", XLSX_SHOWS_MONTH},
		{"YYYY\"年\"MM\"月\"", XLSX_SHOWS_MONTH},
		{"mmm-yy", XLSX_SHOWS_MONTH},
		{"[$-804]yyyy\"年\"m\"月\";@", XLSX_SHOWS_MONTH},
		{"yyyy.mm", XLSX_SHOWS_MONTH},
		{"h:mm", XLSX_SHOWS_TIME},
		{"hh:mm:ss", XLSX_SHOWS_TIME},
		{"h:mm AM/PM", XLSX_SHOWS_TIME},
		{"h:mm:ss A/P", XLSX_SHOWS_TIME},
		{"mm:ss", XLSX_SHOWS_TIME},
		{"mm:ss.0", XLSX_SHOWS_TIME},
		{"[h]:mm:ss", XLSX_SHOWS_TIME},
		{"[mm]:ss", XLSX_SHOWS_TIME},
		{"h\"时\"mm\"分\"", XLSX_SHOWS_TIME},
		{"上午/下午h\"时\"mm\"分\"", XLSX_SHOWS_TIME},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (xlsx_format_shows(cases[i].code) != cases[i].shows)
			fail_msg("「%s」: %d, not %d", cases[i].code, xlsx_format_shows(cases[i].code), cases[i].shows);
}

/* The built-in ids: 14-22 and 45-47 (ECMA-376), and the zh-CN ones. */
static void test_builtin_ids(void **state)
{
	(void)state;
	for (int id = 0; id < 200; id++) {
		unsigned char want = XLSX_SHOWS_NUMBER;
		if (id == 17 || id == 27 || id == 36 || id == 50 || id == 52 || id == 57)
			want = XLSX_SHOWS_MONTH;
		else if ((id >= 14 && id <= 16) || id == 22 || (id >= 28 && id <= 31) || id == 51 || id == 53 ||
			 id == 54 || id == 58)
			want = XLSX_SHOWS_DAY;
		else if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id == 55 ||
			 id == 56)
			want = XLSX_SHOWS_TIME;
		else if (id == 2 || id == 4)
			want = DEC(2);
		if (xlsx_builtin_shows(id) != want)
			fail_msg("id %d: %d, not %d", id, xlsx_builtin_shows(id), want);
	}
	/* the positive controls: what the loop checks is not all one answer */
	assert_int_equal(xlsx_builtin_shows(0), XLSX_SHOWS_NUMBER);
	assert_int_equal(xlsx_builtin_shows(1), XLSX_SHOWS_NUMBER);
	assert_int_equal(xlsx_builtin_shows(3), XLSX_SHOWS_NUMBER);
	assert_int_equal(xlsx_builtin_shows(14), XLSX_SHOWS_DAY);
	assert_int_equal(xlsx_builtin_shows(49), XLSX_SHOWS_NUMBER); /* @ */
	assert_int_equal(xlsx_builtin_shows(57), XLSX_SHOWS_MONTH);
}

/* A workbook as LibreOffice Calc saves one (its General as the custom
 * code 164 "General"), written with minizip; path removed by the caller. */
static void calc_book(const char *path)
{
	static const char *const parts[][2] = {
		{"xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
				    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
				    "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
		{"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					       "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
		{"xl/styles.xml", "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"General\"/>"
				  "<numFmt numFmtId=\"165\" formatCode=\"YYYY\\-MM\\-DD\"/></numFmts><cellXfs>"
				  "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"14\"/><xf numFmtId=\"20\"/>"
				  "</cellXfs></styleSheet>"},
		{"xl/worksheets/sheet1.xml",
		 "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"0\" t=\"n\"><v>2016.7</v></c>"
		 "<c r=\"B1\" s=\"1\"><v>42566</v></c><c r=\"C1\" s=\"2\"><v>42566</v></c>"
		 "<c r=\"D1\" s=\"0\"><v>45</v></c><c r=\"E1\" s=\"3\"><v>0.5</v></c>"
		 "<c r=\"F1\" t=\"inlineStr\"><is><t>45</t></is></c></row></sheetData></worksheet>"},
	};
	zip_book(path, parts, sizeof parts / sizeof parts[0]);
}

static int read_csv(void *ctx, xlsx_csv *s, char **err)
{
	(void)err;
	char **out = ctx;
	char line[512] = "";
	assert_non_null(fgets(line, sizeof line, s->csv));
	*out = xstrdup(line);
	static const int want[] = {XLSX_NUMBER, XLSX_DATE, XLSX_DATE, XLSX_NUMBER, XLSX_TIME, XLSX_TEXT};
	for (int c = 0; c < 6; c++)
		assert_int_equal(xlsx_kind_at(s->kinds, 1, c), want[c]);
	assert_int_equal(xlsx_kind_at(s->kinds, 2, 0), XLSX_TEXT); /* nothing there */
	return 0;
}

/* The 2016.7 of a Calc-saved workbook is the number 2016.7, never 1905;
 * dates under a custom code and id 14 are days, id 20 a time, and each
 * cell's kind is kept for messages. */
static void test_calc_workbook(void **state)
{
	(void)state;
	char path[] = "/tmp/kepu-numfmt-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	calc_book(path);
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	unlink(path);
	char *line = NULL, *err = NULL;
	assert_int_equal(xlsx_each_csv(in, "calc.xlsx", read_csv, &line, &err), 0);
	assert_null(err);
	assert_string_equal(line, "2016.7,2016-07-15,2016-07-15,45,12:00:00,45\r\n");
	free(line);
	fclose(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_are_not_dates),
		cmocka_unit_test(test_decimals),
		cmocka_unit_test(test_dates_and_times),
		cmocka_unit_test(test_builtin_ids),
		cmocka_unit_test(test_calc_workbook),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
