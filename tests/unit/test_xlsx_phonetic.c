/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A cell's phonetic guide (<rPh>, the furigana Excel draws above the text,
 * and its <phoneticPr> settings) is not part of the value: Excel and
 * LibreOffice show 振り仮名活动, so that is what both readers read, from a
 * shared string (<si>) and from an inline one (<is>). Control: the runs of
 * the rich text itself (<r><t>) are all kept. */
#include "unit.h"

#include <stdbool.h>

#include "core/xalloc.h"
#include "domain/xlsx_read.h"
#include "zip_book.h"

#define RICH "<r><t>振り仮名</t></r><r><t>活动</t></r>"
#define GUIDE "<rPh sb=\"0\" eb=\"4\"><t>フリガナ</t></rPh><phoneticPr fontId=\"1\" type=\"noConversion\"/>"

/* A one-sheet book: A1 the shared string si, B1 the inline string is. */
static FILE *book(const char *si, const char *is)
{
	char *ss = xasprintf("<sst count=\"1\" uniqueCount=\"1\"><si>%s</si></sst>", si);
	char *sheet = xasprintf("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
				"<c r=\"B1\" t=\"inlineStr\"><is>%s</is></c></row></sheetData></worksheet>", is);
	const char *parts[][2] = {
		{"xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets><sheet name=\"甲\" sheetId=\"1\" r:id=\"rId1\"/>"
				    "</sheets></workbook>"},
		{"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
					       "</Relationships>"},
		{"xl/sharedStrings.xml", ss},
		{"xl/worksheets/sheet1.xml", sheet},
	};
	FILE *in = zip_book_open(parts, sizeof parts / sizeof parts[0]);
	free(ss);
	free(sheet);
	return in;
}

static int grab_sheet(void *ctx, const xlsx_sheet *s, char **err)
{
	(void)err;
	char **got = ctx;
	got[0] = xstrdup(xlsx_sheet_at(s, 0, 0));
	got[1] = xstrdup(xlsx_sheet_at(s, 0, 1));
	return 0;
}

static int grab_csv(void *ctx, xlsx_csv *s, char **err)
{
	(void)err;
	char *line = ctx;
	assert_non_null(fgets(line, 256, s->csv));
	line[strcspn(line, "\r\n")] = '\0';
	return 0;
}

/* Both readers read A1 and B1 as want. */
static void reads(const char *si, const char *is, const char *want)
{
	char *got[2] = {NULL, NULL}, *err = NULL;
	FILE *in = book(si, is);
	assert_int_equal(xlsx_each_sheet(in, "b.xlsx", grab_sheet, got, &err), 0);
	fclose(in);
	assert_null(err);
	assert_string_equal(got[0], want);
	assert_string_equal(got[1], want);
	free(got[0]);
	free(got[1]);
	char line[256] = "", *row = xasprintf("%s,%s", want, want);
	in = book(si, is);
	assert_int_equal(xlsx_each_csv(in, "b.xlsx", grab_csv, line, &err), 0);
	fclose(in);
	assert_null(err);
	assert_string_equal(line, row);
	free(row);
}

static void test_guide_left_out(void **state)
{
	(void)state;
	reads(RICH GUIDE, RICH GUIDE, "振り仮名活动");
	reads("<t>振り仮名活动</t>" GUIDE, "<t>振り仮名活动</t>" GUIDE, "振り仮名活动");
}

static void test_runs_kept(void **state)
{
	(void)state;
	reads(RICH, RICH, "振り仮名活动");
	reads(RICH "<r><t>フリガナ</t></r>", RICH "<r><t>フリガナ</t></r>", "振り仮名活动フリガナ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guide_left_out),
		cmocka_unit_test(test_runs_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
