/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The sheet-at-a-time workbook writer (xlsx_stream.c) read back by kepu's
 * own reader: texts whole (XML's special characters, line breaks), merged
 * ranges, each sheet's name and foot; docProps/app.xml naming kepu; an
 * existing file never written over. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unzip.h>

#include "core/xalloc.h"
#include "domain/xlsx_app.h"
#include "domain/xlsx_read.h"
#include "domain/xlsx_stream.h"

static const double margins[4] = {0.5, 0.5, 0.7, 0.7};

typedef struct {
	int sheets;
	bool first_ok, second_ok;
} seen;

static int check_sheet(void *ctx, const xlsx_sheet *s, char **err)
{
	(void)err;
	seen *w = ctx;
	w->sheets++;
	if (s->index == 1) {
		assert_string_equal(s->name, "1 张三（魏都区）");
		assert_int_equal(s->count, 2);
		assert_string_equal(xlsx_sheet_at(s, 0, 0), "a&b<c>\"d\"\n第二行");
		assert_null(xlsx_sheet_at(s, 0, 1)); /* the merged range's other cells are blank */
		assert_string_equal(xlsx_sheet_at(s, 2, 2), "右下");
		assert_int_equal(s->nmerged, 1);
		assert_true(s->merged[0].row1 == 0 && s->merged[0].row2 == 1 && s->merged[0].col1 == 0 &&
			    s->merged[0].col2 == 2);
		assert_string_equal(s->footer, "&L2016 年度&C第 1 页，共 2 页");
		w->first_ok = true;
	} else {
		assert_string_equal(s->name, "2 李四");
		assert_string_equal(xlsx_sheet_at(s, 0, 0), "李四");
		assert_int_equal(s->nmerged, 0);
		w->second_ok = true;
	}
	return 0;
}

/* A new empty file's name in path ("/tmp/kepu-xs-XXXXXX"). */
static void new_file(char *path)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
}

static void test_written_and_read_back(void **state)
{
	(void)state;
	char path[] = "/tmp/kepu-xs-XXXXXX";
	new_file(path);
	char *err = NULL;
	/* the file exists: never written over */
	assert_null(xs_open(path, &err));
	assert_non_null(strstr(err, path));
	free(err);
	err = NULL;
	unlink(path);
	xs_book *b = xs_open(path, &err);
	assert_non_null(b);
	const double widths[] = {10, 12, 8};
	xs_sheet(b, "1 张三（魏都区）", widths, 3);
	xs_row_height(b, 0, 30);
	xs_put(b, 2, 2, 2, 2, "右下", XS_TEXT); /* out of order: written in order */
	xs_put(b, 0, 0, 1, 2, "a&b<c>\"d\"\n第二行", XS_BOX);
	xs_sheet_end(b, margins, 1, "&L附表2&R张三", "&L2016 年度&C第 1 页，共 2 页");
	xs_sheet(b, "2 李四", widths, 3);
	xs_put(b, 0, 0, 0, 0, "李四", XS_CENTRE);
	xs_sheet_end(b, margins, 2, "&L附表2&R李四", "&L2016 年度&C第 2 页，共 2 页");
	assert_int_equal(xs_close(b, path, 0, &err), 0);
	assert_null(err);

	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	seen w = {0};
	assert_int_equal(xlsx_each_sheet(in, path, check_sheet, &w, &err), 0);
	assert_null(err);
	assert_int_equal(w.sheets, 2);
	assert_true(w.first_ok && w.second_ok);
	fclose(in);

	unzFile z = unzOpen(path);
	assert_non_null(z);
	assert_int_equal(unzLocateFile(z, XLSX_APP_XML, 1), UNZ_OK);
	assert_int_equal(unzOpenCurrentFile(z), UNZ_OK);
	char app[1024];
	int n = unzReadCurrentFile(z, app, sizeof app - 1);
	assert_true(n > 0);
	app[n] = '\0';
	assert_non_null(strstr(app, "<Application>kepu "));
	assert_null(strstr(app, "Microsoft"));
	unzCloseCurrentFile(z);
	unzClose(z);
	unlink(path);
}

/* A workbook whose writing failed is removed: half a file never passes for
 * the whole one. */
static void test_failed_removed(void **state)
{
	(void)state;
	char path[] = "/tmp/kepu-xs-XXXXXX";
	new_file(path);
	unlink(path); /* xs_open creates it */
	char *err = NULL;
	xs_book *b = xs_open(path, &err);
	assert_non_null(b);
	const double widths[] = {10};
	xs_sheet(b, "1", widths, 1);
	xs_put(b, 0, 0, 0, 0, "x", XS_TEXT); /* a sheet begun, then the export fails */
	assert_int_equal(xs_close(b, path, -1, &err), -1);
	assert_int_equal(access(path, F_OK), -1);
}

/* Pages cut between rows: a page takes rows while they fit; a box's rows
 * (kept) go to the next page whole when they fit on one, and are cut only
 * when the box is taller than a page. */
static void test_paginate(void **state)
{
	(void)state;
	char path[] = "/tmp/kepu-xs-XXXXXX";
	new_file(path);
	unlink(path);
	char *err = NULL;
	xs_book *b = xs_open(path, &err);
	assert_non_null(b);
	const double widths[] = {10};
	xs_sheet(b, NULL, widths, 1);
	xs_row_height(b, 0, 300);
	xs_row_height(b, 1, 300); /* a box of two rows: 300 + 300 */
	xs_row_kept(b, 2, 300);
	xs_row_height(b, 3, 150);
	assert_int_equal(xs_paginate(b, 700), 3); /* 300 | 300 300 | 150: the box not cut */
	xs_sheet_discard(b);
	xs_sheet(b, NULL, widths, 1);
	xs_row_height(b, 0, 300);
	xs_row_height(b, 1, 300); /* a box taller than a page: cut where the page fills */
	xs_row_kept(b, 2, 300);
	xs_row_kept(b, 3, 300);
	assert_int_equal(xs_paginate(b, 700), 2); /* 300 300 | 300 300 */
	xs_sheet_discard(b);
	xs_sheet(b, NULL, widths, 1);
	for (unsigned r = 0; r < 10; r++)
		xs_row_height(b, r, 100);
	assert_int_equal(xs_paginate(b, 700), 2); /* 7 rows | 3 rows */
	xs_sheet_discard(b);
	assert_int_equal(xs_close(b, path, -1, &err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_written_and_read_back),
		cmocka_unit_test(test_failed_removed),
		cmocka_unit_test(test_paginate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
