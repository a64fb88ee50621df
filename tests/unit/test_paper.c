/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The one-record layout read backwards (paper_read.c): kepu's own 推荐表
 * back into the values it printed, the cells named, a blank form read as
 * nothing, another form's layout refused, a list left to the list reader. */
#include "unit_env.h"

#include <unistd.h>

#include <unzip.h>
#include <zip.h>

#include "core/csv.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "core/clock.h"
#include "domain/import_source.h"
#include "domain/briefing.h"
#include "domain/paper_read.h"
#include "domain/progress.h"
#include "domain/xlsx_report.h"
#include "domain/transfer.h"
#include "domain/xlsx.h"
#include "domain/xlsx_read.h"
#include "form/validate.h"
#include "import_text.h"
#include "zip_book.h"

/* A workbook written by kepu, open for reading (its path removed). */
static FILE *workbook(fixture *fx, const kp_form *f, long long unit, bool paper)
{
	char *path = xasprintf("%s.xlsx", fx->path);
	char *err = NULL;
	size_t sheets;
	char *note = NULL;
	int rc = paper ? export_paper(&fx->env, f, unit, NULL, path, &sheets, &err)
		       : export_xlsx(&fx->env, fx->env.cat.forms[0], NULL, unit, NULL, path, &note, &err);
	assert_null(note);
	assert_int_equal(rc, 0);
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	unlink(path);
	free(path);
	return in;
}

/* The CSV's rows (header first) as cells. */
static char **rows_of(FILE *csv, size_t *nrows, size_t *ncells)
{
	csv_reader r;
	csv_open(&r, csv);
	char **all = NULL;
	size_t n = 0;
	while (csv_next(&r) > 0) {
		*ncells = r.n;
		all = xrealloc(all, (n + r.n) * sizeof *all);
		for (size_t c = 0; c < r.n; c++)
			all[n++] = xstrdup(r.cells[c]);
	}
	csv_close(&r);
	*nrows = *ncells ? n / *ncells : 0;
	return all;
}

/* The workbook in read back into the programme year: its CSV's cells
 * (*csv and *pl kept for read_free), the header first. */
static char **read_back(fixture *fx, const kp_form *f, FILE *in, paper_places **pl, FILE **csv, size_t *nrows,
			size_t *ncells)
{
	char *err = NULL;
	*csv = paper_to_csv(&fx->env.cat, f, in, "t.xlsx", store_year(fx->env.store), pl, &err);
	if (err)
		fail_msg("%s", err);
	assert_non_null(*csv);
	*nrows = *ncells = 0;
	return rows_of(*csv, nrows, ncells);
}

/* The value read back (row 2 of cells, ncells a row) under the label. */
static const char *value_of(char **cells, size_t ncells, const char *label)
{
	size_t c = 0;
	while (c < ncells && strcmp(cells[c], label))
		c++;
	if (c == ncells)
		fail_msg("no column 「%s」", label);
	return cells[ncells + c];
}

/* What a test read back: the cells, the places, the CSV and the workbook. */
static void read_free(char **cells, size_t n, paper_places *pl, FILE *csv, FILE *in)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
	paper_places_free(pl);
	fclose(csv);
	fclose(in);
}

static void save_rows(fixture *fx, const char *form, const char *csv)
{
	FILE *in = fmemopen((void *)csv, strlen(csv), "r");
	import_options o = {0};
	o.unit = "魏都区";
	import_stats st;
	FILE *rep = fopen("/dev/null", "w");
	assert_int_equal(import_csv(&fx->env, catalog_form(&fx->env.cat, form), in, &o, rep, &st), 0);
	fclose(rep);
	fclose(in);
}

static void test_values_back(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	save_rows(fx, "talent", "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,个人基本情况,县（市、区）科协推荐意见\n"
			"张三,男,45,汉族,群众,本科,许昌学院,13812345678,青少年科普、社区科普,\"第一行\n  第二行\n\n第四行\",同意推荐\n");
	FILE *in = workbook(fx, f, store_unit_id(fx->env.store, "魏都区"), true), *csv;
	paper_places *pl;
	size_t nrows, ncells;
	/* the import's year is the pages': read (test_other_year refuses another) */
	char **cells = read_back(fx, f, in, &pl, &csv, &nrows, &ncells);
	assert_int_equal(nrows, 2);
	assert_int_equal(ncells, f->nfields); /* the 推荐表 does not print the unit */
	const char *const want[][2] = {
		{"姓名", "张三"}, {"年龄", "45"}, {"联系电话", "13812345678"},
		{"科普人才服务类别", "[\"青少年科普\",\"社区科普\"]"},
		{"个人基本情况", "第一行\n  第二行\n\n第四行"},
		{"县（市、区）科协推荐意见", "同意推荐"}, {"省辖市科协意见", ""}, {"电子邮箱", ""},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_string_equal(value_of(cells, ncells, want[i][0]), want[i][1]);
	/* the CSV's row 2 is the first sheet; column 0 (姓名) is its B4 */
	char *at = paper_place(pl, 2, 0);
	assert_string_equal(at, "工作表「1 张三」 B4");
	free(at);
	at = paper_place(pl, 2, -1);
	assert_string_equal(at, "工作表「1 张三」");
	free(at);
	read_free(cells, nrows * ncells, pl, csv, in);
}

/* A unit's own 推荐表 book, the city's 省辖市科协意见 in it (the city
 * wrote it on a record it approved), imported again by the unit with F6's
 * update: the opinion's cell is said not to be imported, the file is not
 * refused, the approved record is left as it is (t80d #2). */
static void test_unit_reimports_own_book(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_store *s = fx->env.store;
	save_rows(fx, "talent", "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n"
			"张三,男,45,汉族,群众,本科,许昌学院,13812345678,青少年科普\n"
			"李四,女,41,汉族,群众,本科,许昌学院,13812345679,青少年科普\n");
	char *err = NULL;
	kp_record r;
	assert_int_equal(store_get(s, f, 1, &r, &err), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "city_opinion"), "同意推荐");
	assert_int_equal(store_update(s, f, &r, &err), KP_OK);
	record_free(&r);
	assert_int_equal(store_set_state(s, f, 1, "draft", "submitted", "", "submit", &err), KP_OK);
	assert_int_equal(store_set_state(s, f, 1, "submitted", "approved", "", "approve", &err), KP_OK);
	long long unit = store_unit_id(s, "魏都区");
	FILE *book = workbook(fx, f, unit, true);
	assert_int_equal(store_session(s, SESSION_UNIT, "wd", unit, &err), KP_OK);
	import_origin *org = NULL;
	FILE *csv = import_source(&fx->env.cat, f, book, "附表2-魏都区.xlsx", NULL, NULL, store_year(s), &org, &err);
	assert_non_null(csv);
	import_options o = {.source = "附表2-魏都区.xlsx", .update = true};
	import_source_places(&o, org);
	char *report = NULL;
	size_t len = 0;
	FILE *rep = open_memstream(&report, &len);
	import_stats st;
	int rc = import_csv(&fx->env, f, csv, &o, rep, &st);
	fclose(rep);
	if (rc != 0)
		fail_msg("%s", report);
	assert_non_null(strstr(report, "「省辖市科协意见」等由市科协填写的格不导入"));
	assert_non_null(strstr(report, "第 1 号记录")); /* the approved one: left alone, said so */
	free(report);
	import_origin_free(org);
	if (csv != book)
		fclose(csv);
	fclose(book);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE city_opinion = '同意推荐' AND kp_state = 'approved'"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 2);
}

/* The feet of a 推荐表 book, a line a sheet. */
static int feet(void *ctx, const xlsx_sheet *s, char **err)
{
	(void)err;
	sb_printf(ctx, "%s\n", s->footer);
	return 0;
}

/* The zip's current member, whole. */
static char *member(unzFile z)
{
	assert_int_equal(unzOpenCurrentFile(z), UNZ_OK);
	strbuf b = STRBUF_INIT;
	char buf[4096];
	for (int got; (got = unzReadCurrentFile(z, buf, sizeof buf)) > 0;)
		sb_add(&b, buf, (size_t)got);
	unzCloseCurrentFile(z);
	return sb_take(&b);
}

/* A workbook's member (styles, a sheet), whole. */
static char *book_part(const char *path, const char *name)
{
	unzFile z = unzOpen(path);
	assert_non_null(z);
	assert_int_equal(unzLocateFile(z, name, 1), UNZ_OK);
	char *x = member(z);
	unzClose(z);
	return x;
}

/* A sheet's XML (sheetN.xml), whole. */
static char *sheet_xml(const char *path, int n)
{
	char name[48];
	snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", n);
	return book_part(path, name);
}

/* 魏都区's 推荐表 book of 张三, short, and 李四, his 个人基本情况 and
 * 科普工作经历 long, at 许昌学院 and employer: its path (a new string). */
static char *short_and_long(fixture *fx, const char *employer)
{
	strbuf csv = STRBUF_INIT, lng = STRBUF_INIT;
	for (int i = 0; i < 80; i++)
		sb_adds(&lng, "长期从事基层科普工作并组织开展各类科普活动，");
	sb_printf(&csv, "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,个人基本情况,科普工作经历\n"
			"张三,男,45,汉族,群众,本科,许昌学院,13812345678,青少年科普,短,短\n"
			"李四,男,45,汉族,群众,本科,%s,13812345679,青少年科普,%s,%s\n",
		  employer, sb_str(&lng), sb_str(&lng));
	save_rows(fx, "talent", sb_str(&csv));
	char *path = xasprintf("%s.xlsx", fx->path);
	char *err = NULL;
	size_t sheets = 0;
	assert_int_equal(export_paper(&fx->env, catalog_form(&fx->env.cat, "talent"),
				      store_unit_id(fx->env.store, "魏都区"), NULL, path, &sheets, &err), 0);
	assert_int_equal(sheets, 2);
	sb_free(&csv);
	sb_free(&lng);
	return path;
}

/* A person whose texts are long prints at full size on pages of its own
 * (「（可附页）」), never shrunk onto one: the sheet is fitted to the width
 * only, kepu breaks its rows into pages, and the feet count every page —
 * the short person's sheet one, the long one's more, numbered on. */
static void test_long_runs_on(void **state)
{
	fixture *fx = *state;
	char *path = short_and_long(fx, "许昌学院");
	char *err = NULL;
	strbuf got = STRBUF_INIT;
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	assert_int_equal(xlsx_each_sheet(in, path, feet, &got, &err), 0);
	fclose(in);
	/* 2 people, 1 + 4 pages (the grid's head, then each long box whole on a
	 * page of its own, then the rest): the foot of both sheets counts 5 */
	const char *foot = strstr(sb_str(&got), "第 &P 页，共 5 页\n");
	assert_non_null(foot);
	assert_non_null(strstr(foot + 1, "第 &P 页，共 5 页\n"));
	for (int n = 1; n <= 2; n++) {
		char *x = sheet_xml(path, n);
		assert_non_null(strstr(x, "fitToHeight=\"0\""));
		char want[48];
		snprintf(want, sizeof want, "firstPageNumber=\"%d\"", n);
		assert_non_null(strstr(x, want));
		/* the short one breaks nowhere; the long one three times */
		assert_int_equal(strstr(x, "<rowBreaks count=\"3\"") != NULL, n == 2);
		assert_int_equal(strstr(x, "<rowBreaks") != NULL, n == 2);
		free(x);
	}
	unlink(path);
	free(path);
	sb_free(&got);
}

/* The rows (from 1) of a sheet's XML after which a page breaks, and
 * whether a merged range goes over one: a box merged across a page break
 * printed its text again on the next page and lost its end. */
static size_t breaks_through(const char *x, size_t *crossed)
{
	size_t n = 0;
	*crossed = 0;
	for (const char *b = x; (b = strstr(b, "<brk id=\"")); b++) {
		long at = atol(b + 9);
		n++;
		for (const char *m = x; (m = strstr(m, "<mergeCell ref=\"")); m++) {
			long r1 = atol(m + 16 + strspn(m + 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
			const char *two = strchr(m, ':') + 1;
			long r2 = atol(two + strspn(two, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
			*crossed += r1 <= at && at < r2;
		}
	}
	return n;
}

/* The 魏都区 book of f written to path, its first sheet's XML: pages
 * broken at least three times, never through a box. */
static char *paged_book(fixture *fx, const kp_form *f, const char *path)
{
	char *err = NULL;
	size_t sheets, crossed;
	assert_int_equal(export_paper(&fx->env, f, store_unit_id(fx->env.store, "魏都区"), NULL, path, &sheets, &err), 0);
	char *x = sheet_xml(path, 1);
	assert_true(breaks_through(x, &crossed) >= 3);
	assert_int_equal(crossed, 0);
	return x;
}

static FILE *with_cell(const char *src, const char *dst, const char *ref, const char *cell);

/* Texts taller than a page (the longest a field allows, 2,000 characters,
 * in lines or in one paragraph) go on over pages in pieces, never a box
 * across a page break; the pieces carry 「个人基本情况（续）：」, and read
 * back they are the text as saved, line breaks, blank lines and spaces at
 * the cuts included. */
static void test_long_box_pieces(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	strbuf lines = STRBUF_INIT, para = STRBUF_INIT, latin = STRBUF_INIT, csv = STRBUF_INIT;
	for (int i = 1; utf8_count(sb_str(&lines)) < 1980; i++) /* short lines, some blank: cut at a break */
		sb_printf(&lines, "第%d行开展科普讲座%s", i, i % 7 ? "\n" : "\n\n\n");
	/* a few lines, then a paragraph (one alone fits a page): cut inside a line */
	sb_adds(&para, "一\n二\n三\n四\n五\n六\n");
	for (int i = 0; utf8_count(sb_str(&para)) < 1990; i++)
		sb_printf(&para, "%s", i % 3 ? "科技培训进农村，" : "科普讲座进社区；");
	for (int i = 0; utf8_count(sb_str(&latin)) < 1990; i++) /* Latin words kept whole: spaces at a cut */
		sb_adds(&latin, "科普讲座进社区科技培训进农村科普讲座进社区科技培训进农村科普讲座进社区科技 science popularization work\n");
	char *texts[] = {sb_take(&lines), sb_take(&para), sb_take(&latin)};
	for (size_t i = 0; i < 3; i++) { /* the field's bound: 2,000 characters */
		char *t = texts[i];
		size_t n = 0, at = 0;
		while (t[at] && n < 2000) {
			uint32_t cp;
			at += utf8_decode(t + at, strlen(t + at), &cp);
			n++;
		}
		t[at] = '\0';
		while (at && (t[at - 1] == '\n' || t[at - 1] == ' ')) /* the import trims the ends */
			t[--at] = '\0';
	}
	sb_adds(&csv, "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,个人基本情况,科普工作经历,拟开展科普工作,县（市、区）科协推荐意见\n");
	sb_printf(&csv, "张三,男,45,汉族,群众,本科,许昌学院,13812345678,青少年科普,\"%s\",\"%s\",\"%s\",同意推荐\n", texts[0],
		  texts[1], texts[2]);
	save_rows(fx, "talent", sb_str(&csv));
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE length(profile) > 1900 AND length(plan) > 1900"), 1);
	char *path = xasprintf("%s.xlsx", fx->path), *x = paged_book(fx, f, path);
	assert_non_null(strstr(x, "个人基本情况（续）：\n")); /* cut at a line break */
	const char *soft = strstr(x, "科普工作经历（续）：");
	assert_non_null(soft); /* cut inside a line: the text goes on after the mark */
	assert_int_not_equal(soft[strlen("科普工作经历（续）：")], '\n');
	assert_non_null(strstr(x, "拟开展科普工作（续）："));
	const char *piece = strstr(x, ">个人基本情况（续）：");
	while (strncmp(piece, "<c r=\"", 6))
		piece--;
	char ref[16];
	snprintf(ref, sizeof ref, "%.*s", (int)strcspn(piece + 6, "\""), piece + 6);
	free(x);
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	paper_places *pl;
	FILE *back;
	size_t nrows, ncells;
	char **cells = read_back(fx, f, in, &pl, &back, &nrows, &ncells);
	assert_int_equal(nrows, 2);
	const char *labels[] = {"个人基本情况", "科普工作经历", "拟开展科普工作"};
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(value_of(cells, ncells, labels[i]), texts[i]);
	read_free(cells, nrows * ncells, pl, back, in);
	/* the mark of a box with no label beside it typed over: refused at that
	 * cell, saying so (not as a label missing further down the form) */
	char *dst = xasprintf("%s-t.xlsx", fx->path), *err = NULL;
	char *cell = xasprintf("<c r=\"%s\" t=\"inlineStr\"><is><t>个人基本情况(续)：\n第90行</t></is></c>", ref);
	in = with_cell(path, dst, ref, cell);
	assert_null(paper_to_csv(&fx->env.cat, f, in, "t.xlsx", 0, &pl, &err));
	char *said = xasprintf(" %s：这一格是上一栏印在续页的部分，应以续页标记「个人基本情况（续）：」开头，这里是「个人基本情况(续)：」"
			       "：续页标记被改动了", ref);
	if (!err || !strstr(err, said))
		fail_msg("%s", err ? err : "(read)");
	fclose(in);
	unlink(dst);
	unlink(path);
	free(said);
	free(cell);
	free(err);
	free(dst);
	free(path);
	for (size_t i = 0; i < 3; i++)
		free(texts[i]);
	sb_free(&csv);
}

/* A copy of the book at src (to dst) whose sheet1.xml is edit's answer
 * to it (a new string), open for reading. */
static FILE *with_sheet(const char *src, const char *dst, char *(*edit)(const char *xml, const void *arg),
			const void *arg)
{
	unzFile in = unzOpen(src);
	zipFile out = zipOpen(dst, APPEND_STATUS_CREATE);
	assert_non_null(in);
	assert_non_null(out);
	for (int rc = unzGoToFirstFile(in); rc == UNZ_OK; rc = unzGoToNextFile(in)) {
		char name[256];
		unz_file_info info;
		assert_int_equal(unzGetCurrentFileInfo(in, &info, name, sizeof name, NULL, 0, NULL, 0), UNZ_OK);
		char *body = member(in);
		if (!strcmp(name, "xl/worksheets/sheet1.xml")) {
			char *edited = edit(body, arg);
			free(body);
			body = edited;
		}
		assert_int_equal(zipOpenNewFileInZip(out, name, NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6), ZIP_OK);
		assert_int_equal(zipWriteInFileInZip(out, body, (unsigned)strlen(body)), ZIP_OK);
		zipCloseFileInZip(out);
		free(body);
	}
	unzClose(in);
	assert_int_equal(zipClose(out, NULL), ZIP_OK);
	FILE *f = fopen(dst, "rb");
	assert_non_null(f);
	unlink(dst);
	return f;
}

/* The sheet with cell ref (*arg: ref and the XML of its cell) replaced, or
 * added at the end of its row. */
static char *cell_edit(const char *xml, const void *arg)
{
	const char *const *rc = arg;
	char open[24];
	snprintf(open, sizeof open, "<c r=\"%s\"", rc[0]);
	const char *at = strstr(xml, open), *end = at ? strchr(at, '>') + 1 : NULL;
	if (at && end[-2] != '/') /* <c r="E7" s="4"/> ends there */
		end = strstr(at, "</c>") + 4;
	if (!at) {
		char row[24];
		snprintf(row, sizeof row, "<row r=\"%s\"", rc[0] + strcspn(rc[0], "0123456789"));
		at = end = strstr(strstr(xml, row), "</row>");
	}
	return xasprintf("%.*s%s%s", (int)(at - xml), xml, rc[1], end);
}

/* A copy of the book at src (to dst) whose sheet1 cell ref is the XML
 * cell given: how a program writing the book (openpyxl) leaves a formula,
 * and how Excel or LibreOffice saves it with its result. */
static FILE *with_cell(const char *src, const char *dst, const char *ref, const char *cell)
{
	const char *rc[] = {ref, cell};
	return with_sheet(src, dst, cell_edit, rc);
}

/* The book at src with cell ref as the XML cell given is refused, the
 * whole file, with want in the message. */
static void cell_refused(fixture *fx, const kp_form *f, const char *src, const char *dst, const char *ref,
			 const char *cell, const char *want)
{
	FILE *in = with_cell(src, dst, ref, cell);
	paper_places *pl = NULL;
	char *err = NULL;
	FILE *csv = paper_to_csv(&fx->env.cat, f, in, "f.xlsx", 0, &pl, &err);
	if (csv || pl || !err || !strstr(err, want) || !strstr(err, "整个文件未导入"))
		fail_msg("%s: %s", cell, err ? err : "(read)");
	free(err);
	fclose(in);
}

/* A formula without its result (openpyxl's, never opened in Excel) is
 * refused naming the sheet, the cell and what the form puts there — a
 * value, a box, a label, or a cell outside the form — never read as an
 * empty cell; with its result kept (as Excel, WPS and LibreOffice save
 * it) the result is read. */
static void test_formula_without_value(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	save_rows(fx, "talent", "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n"
			"张三,男,45,汉族,群众,本科,许昌学院,13812345678,社区科普\n");
	char *src = xasprintf("%s.xlsx", fx->path), *dst = xasprintf("%s-f.xlsx", fx->path), *err = NULL;
	size_t sheets;
	assert_int_equal(export_paper(&fx->env, f, store_unit_id(fx->env.store, "魏都区"), NULL, src, &sheets, &err), 0);
	const char *const cases[][3] = {
		{"B4", "<c r=\"B4\"><f>CONCATENATE(\"张\",\"三\")</f></c>", "工作表「1 张三」 B4：姓名：单元格是公式，文件里没有它的计算结果"},
		{"F4", "<c r=\"F4\"><f>40+5</f><v></v></c>", "工作表「1 张三」 F4：年龄：单元格是公式"},
		{"C8", "<c r=\"C8\"><f>A1</f></c>", "工作表「1 张三」 C8：科普人才服务类别：单元格是公式"},
		{"A4", "<c r=\"A4\"><f>\"姓名\"</f></c>", "工作表「1 张三」 A4：姓名：单元格是公式"},
		{"L5", "<c r=\"L5\"><f>B4</f></c>", "工作表「1 张三」 L5：表格之外的单元格：单元格是公式"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cell_refused(fx, f, src, dst, cases[i][0], cases[i][1], cases[i][2]);
	/* a formula whose result is the empty text (Excel's ="", t="str"): empty */
	FILE *in = with_cell(src, dst, "E7", "<c r=\"E7\" t=\"str\"><f>\"\"</f><v></v></c>"), *csv;
	paper_places *pl;
	size_t nrows, ncells;
	char **cells = read_back(fx, f, in, &pl, &csv, &nrows, &ncells);
	assert_string_equal(value_of(cells, ncells, "电子邮箱"), "");
	read_free(cells, nrows * ncells, pl, csv, in);
	/* the result kept: read as it shows */
	in = with_cell(src, dst, "B4", "<c r=\"B4\" t=\"str\"><f>CONCATENATE(\"李\",\"四\")</f><v>李四</v></c>");
	cells = read_back(fx, f, in, &pl, &csv, &nrows, &ncells);
	assert_int_equal(nrows, 2);
	assert_string_equal(value_of(cells, ncells, "姓名"), "李四");
	read_free(cells, nrows * ncells, pl, csv, in);
	unlink(src);
	free(src);
	free(dst);
}

/* The most pages a text at its bound takes: 2,000 characters every other
 * one a line break (1,000 lines) — 24 pieces, every line read back. */
static void test_most_lines(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	strbuf csv = STRBUF_INIT, lines = STRBUF_INIT;
	for (int i = 0; i < 1000; i++)
		sb_adds(&lines, i ? "\n字" : "字");
	sb_printf(&csv, "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,个人基本情况\n"
			"张三,男,45,汉族,群众,本科,许昌学院,13812345678,青少年科普,\"%s\"\n", sb_str(&lines));
	save_rows(fx, "talent", sb_str(&csv));
	char *path = xasprintf("%s.xlsx", fx->path), *x = paged_book(fx, f, path);
	size_t crossed, pieces = 0;
	/* 1,001 lines with the caption: what the first page leaves, then 44 a
	 * page under the mark — 24 pages, the other boxes on the last */
	assert_int_equal(breaks_through(x, &crossed), 23);
	for (const char *p = x; (p = strstr(p, "个人基本情况（续）：")); p++)
		pieces++;
	assert_int_equal(pieces, 23);
	free(x);
	FILE *in = fopen(path, "rb"), *back;
	assert_non_null(in);
	unlink(path);
	free(path);
	paper_places *pl;
	size_t nrows, ncells;
	char **cells = read_back(fx, f, in, &pl, &back, &nrows, &ncells);
	assert_string_equal(value_of(cells, ncells, "个人基本情况"), sb_str(&lines));
	read_free(cells, nrows * ncells, pl, back, in);
	sb_free(&lines);
	sb_free(&csv);
}

/* The sheet cut at the first piece of 项目基本内容 under 「（续）」, which
 * then goes on for 120 pieces: a forged book, past what kepu prints. */
static char *endless_pieces(const char *xml, const void *arg)
{
	(void)arg;
	const char *row = strstr(xml, "项目基本内容\n（续）");
	assert_non_null(row);
	while (strncmp(row, "<row r=\"", 8))
		row--;
	strbuf b = STRBUF_INIT;
	sb_add(&b, xml, (size_t)(row - xml));
	for (long r = atol(row + 8), i = 0; i < 120; i++, r++)
		sb_printf(&b, "<row r=\"%ld\"><c r=\"A%ld\" t=\"inlineStr\"><is><t>项目基本内容\n（续）</t></is></c>"
			      "<c r=\"B%ld\" t=\"inlineStr\"><is><t>（续）第%ld段</t></is></c></row>", r, r, r, i);
	sb_adds(&b, "</sheetData>");
	sb_adds(&b, strstr(xml, "<mergeCells"));
	return sb_take(&b);
}

/* 附表3's 项目基本内容 at its bound (3,000 characters) in lines: its label
 * printed again with 「（续）」 beside each piece, read back as saved; a
 * piece whose mark was typed over is refused naming its cell, never
 * joined on as a guess. */
static void test_long_project_pieces(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "project");
	strbuf content = STRBUF_INIT, csv = STRBUF_INIT;
	for (int i = 1; utf8_count(sb_str(&content)) < 2980; i++) /* a line at most 16 */
		sb_printf(&content, "第%d项：培训%d人\n", i, i * 3);
	char *want = sb_take(&content);
	want[strlen(want) - 1] = '\0';
	sb_printf(&csv, "申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,项目实施时间（起）,项目实施时间（止）,项目基本内容\n"
			"2016-07-15,科普大篷车,许昌学院,王伟,13812345678,科普活动,2016-08,2017-06,\"%s\"\n", want);
	save_rows(fx, "project", sb_str(&csv));
	char *path = xasprintf("%s.xlsx", fx->path), *dst = xasprintf("%s-t.xlsx", fx->path), *err = NULL;
	char *x = paged_book(fx, f, path);
	assert_non_null(strstr(x, "项目基本内容\n（续）"));
	const char *piece = strstr(x, ">（续）\n第"); /* a piece's value, cut at a line break */
	assert_non_null(piece);
	while (strncmp(piece, "<c r=\"", 6))
		piece--;
	char ref[16];
	snprintf(ref, sizeof ref, "%.*s", (int)strcspn(piece + 6, "\""), piece + 6);
	free(x);
	FILE *in = fopen(path, "rb"), *back;
	assert_non_null(in);
	paper_places *pl;
	size_t nrows, ncells;
	char **cells = read_back(fx, f, in, &pl, &back, &nrows, &ncells);
	assert_string_equal(value_of(cells, ncells, "项目基本内容"), want);
	read_free(cells, nrows * ncells, pl, back, in);
	char *c = xasprintf("<c r=\"%s\" t=\"inlineStr\"><is><t>接上页：第9项</t></is></c>", ref);
	in = with_cell(path, dst, ref, c);
	free(c);
	assert_null(paper_to_csv(&fx->env.cat, f, in, "t.xlsx", 0, &pl, &err));
	char *said = xasprintf("工作表「1 科普大篷车」 %s：续页的格子应以「（续）」开头", ref);
	if (!err || !strstr(err, said))
		fail_msg("%s", err ? err : "(read)");
	free(said);
	free(err);
	fclose(in);
	/* a box continued past any kepu prints: refused, not read on */
	in = with_sheet(path, dst, endless_pieces, NULL);
	err = NULL;
	assert_null(paper_to_csv(&fx->env.cat, f, in, "t.xlsx", 0, &pl, &err));
	if (!err || !strstr(err, "这一栏接续（「（续）」）超过 100 页，不读取"))
		fail_msg("%s", err ? err : "(read)");
	free(err);
	fclose(in);
	unlink(path);
	free(path);
	free(dst);
	free(want);
	sb_free(&csv);
}

/* Column A's blank cells in a unit's 附表4 (a new book each time). */
static int blank_a(fixture *fx, const char *unit)
{
	char *path = xasprintf("%s-roll.xlsx", fx->path);
	char *err = NULL, *note = NULL;
	assert_int_equal(export_xlsx(&fx->env, NULL, catalog_view(&fx->env.cat, "roll"),
				     store_unit_id(fx->env.store, unit), NULL, path, &note, &err), 0);
	assert_null(note);
	char *x = sheet_xml(path, 1);
	int n = 0;
	for (const char *p = x; (p = strstr(p, "<c r=\"A")); p++) {
		const char *end = strchr(p, '>');
		n += end[-1] == '/'; /* <c r="A7" s="5"/>: no value */
	}
	free(x);
	unlink(path);
	free(path);
	return n;
}

/* A list prints at 90 % or more in LibreOffice: the unit of its columns is
 * 宋体's digit (the first font of styles.xml; LibreOffice measured
 * libxlsxwriter's Calibri in DejaVu Sans, a third wider), and the stored
 * widths of the widest list, the 附表4 of ten columns, fit landscape A4 at
 * 6.2 pt a unit (Noto Serif CJK SC's) between margins of half an inch:
 * 770 pt / (6.2 × 0.9) = 138 units. Before: Calibri, 176 units (60 %). */
static void test_list_fits_page(void **state)
{
	fixture *fx = *state;
	save_rows(fx, "talent", "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n"
			"张三,男,45,汉族,群众,本科,许昌学院,13812345678,青少年科普\n");
	char *path = xasprintf("%s-roll.xlsx", fx->path);
	char *err = NULL, *note = NULL;
	assert_int_equal(export_xlsx(&fx->env, NULL, catalog_view(&fx->env.cat, "roll"),
				     store_unit_id(fx->env.store, "魏都区"), NULL, path, &note, &err), 0);
	char *styles = book_part(path, "xl/styles.xml");
	const char *first = strstr(styles, "<font>");
	assert_non_null(first);
	assert_true(strstr(first, "</font>") > strstr(first, "<name val=\"宋体\"/>"));
	char *x = book_part(path, "xl/worksheets/sheet1.xml");
	double sum = 0;
	int ncols = 0;
	for (const char *p = x; (p = strstr(p, " width=\"")); p++, ncols++)
		sum += strtod(p + 8, NULL);
	assert_int_equal(ncols, 10);
	assert_true(sum <= 770 / (6.2 * 0.9));
	assert_true(sum > 120); /* positive control: the columns are not squeezed to nothing */
	assert_non_null(strstr(x, "orientation=\"landscape\""));
	assert_non_null(strstr(x, "<pageMargins left=\"0.5\" right=\"0.5\""));
	free(x);
	free(styles);
	unlink(path);
	free(path);
}

/* A list prints dates as the paper forms do (2016年7月1日, the months
 * 2016年7月), and the import reads that back as the date it was. */
static void test_list_dates(void **state)
{
	fixture *fx = *state;
	save_rows(fx, "activity", "活动名称,日期,形式,对象,地点,参与人数\n科普讲座,2016-07-01,科普报告,校园,许昌学院,30\n");
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	char *path = xasprintf("%s-act.xlsx", fx->path);
	char *err = NULL, *note = NULL;
	assert_int_equal(export_xlsx(&fx->env, f, NULL, store_unit_id(fx->env.store, "魏都区"), NULL, path, &note,
				     &err), 0);
	char *x = book_part(path, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(x, ">2016年7月1日<"));
	assert_null(strstr(x, "2016-07-01"));
	assert_non_null(strstr(x, ">科普讲座<")); /* positive control: the row is there */
	size_t i = 0;
	while (f->fields[i].type != FT_DATE)
		i++;
	char *out = NULL, *why = NULL;
	assert_true(field_validate(&fx->env.cat, &f->fields[i], "2016年7月1日", &out, &why));
	assert_string_equal(out, "2016-07-01");
	free(out);
	free(why);
	free(x);
	unlink(path);
	free(path);
}

/* The workbook imported back (a dry run when dry), as 魏都区; what the
 * import said into *said (NULL: not kept). */
static int import_book(fixture *fx, const kp_form *f, const char *path, bool dry, import_stats *st, char **said)
{
	FILE *raw = fopen(path, "rb");
	assert_non_null(raw);
	size_t len;
	FILE *rep = said ? open_memstream(said, &len) : fopen("/dev/null", "w");
	int rc = import_file(&fx->env, f, raw, path, (import_options){.unit = "魏都区", .dry_run = dry}, rep, st);
	fclose(rep);
	fclose(raw);
	return rc;
}

/* 魏都区's 月报 of July saved and exported: the workbook's path. */
static char *july_book(fixture *fx)
{
	clock_set_today("2016-08-10");
	save_record(fx, "monthly", "魏都区", "month", "2016-07", "training_sessions", "0", "training_people", "0",
		    "activity_sessions", "1", "activity_people", "30", "resources", "0", "notes", "开展科普讲座。", NULL);
	char *path = xasprintf("%s-monthly.xlsx", fx->path);
	char *err = NULL, *note = NULL;
	assert_int_equal(export_xlsx(&fx->env, catalog_form(&fx->env.cat, "monthly"), NULL,
				     store_unit_id(fx->env.store, "魏都区"), NULL, path, &note, &err), 0);
	return path;
}

/* The 月报's month, a choice of the programme's months, prints as the paper
 * forms write a month (2016年7月), and the import reads that back as the
 * stored month: the same record is found again, and into an empty table it
 * is filed under 2016-07. */
static void test_month_choice_round_trip(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "monthly");
	char *path = july_book(fx);
	char *x = book_part(path, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(x, ">2016年7月<"));
	assert_null(strstr(x, ">2016-07<"));
	free(x);
	import_stats st;
	/* the same month again: the stored record is found, nothing is ready */
	assert_int_not_equal(import_book(fx, f, path, true, &st, NULL), 0);
	assert_int_equal(st.rows, 1);
	assert_int_equal(st.ready, 0);
	assert_int_equal(st.errors, 1);
	/* positive control: with the table empty the row is ready, and filed as 2016-07 */
	sql_run(fx->path, "DELETE FROM monthly");
	assert_int_equal(import_book(fx, f, path, true, &st, NULL), 0);
	assert_int_equal(st.ready, 1);
	assert_int_equal(import_book(fx, f, path, false, &st, NULL), 0);
	assert_int_equal(st.saved, 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM monthly WHERE month = '2016-07'"), 1);
	unlink(path);
	free(path);
}

/* 附表3's 项目实施时间 prints in full (2016年7月至2016年12月); written as
 * people write it, 「2016年7月至12月」, the end is read in the start's year
 * (as the form's check then reads it: 2016年12月).
 * An earlier month without its year (2017?) is refused, never guessed; a
 * range with no year at all is left to the form's check. */
static void test_range_end_without_year(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "project");
	save_record(fx, "project", "魏都区", "declared_on", "2016-07-15", "name", "农村科普大篷车", "executor", "许昌学院",
		    "contact", "王伟", "phone", "13812345678", "category", "科普活动", "start", "2016-07", "end", "2016-12",
		    "content", "在各乡镇开展科普讲座和科技培训。", "performance", "受益群众一万人次以上。", NULL);
	char *src = xasprintf("%s.xlsx", fx->path), *dst = xasprintf("%s-r.xlsx", fx->path), *err = NULL;
	size_t sheets;
	assert_int_equal(export_paper(&fx->env, f, store_unit_id(fx->env.store, "魏都区"), NULL, src, &sheets, &err), 0);
	char *x = sheet_xml(src, 1);
	const char *at = strstr(x, "<c r=\"B10\"");
	assert_non_null(at);
	assert_non_null(strstr(at, ">2016年7月至2016年12月<")); /* the full form, as printed */
	free(x);
	static const char *const read[][3] = {
		{"2016年7月至12月", "2016年7月", "2016年12月"},
		{"2016年7月 至 7月", "2016年7月", "2016年7月"},
		{"2016-07至12月", "2016-07", "2016年12月"},
		{"2016年7月至2017年3月", "2016年7月", "2017年3月"}, /* the control: written in full */
	};
	for (size_t i = 0; i < sizeof read / sizeof read[0]; i++) {
		char *cell = xasprintf("<c r=\"B10\" t=\"inlineStr\"><is><t>%s</t></is></c>", read[i][0]);
		FILE *in = with_cell(src, dst, "B10", cell), *csv;
		paper_places *pl;
		size_t nrows, ncells;
		char **cells = read_back(fx, f, in, &pl, &csv, &nrows, &ncells);
		assert_int_equal(nrows, 2);
		assert_string_equal(value_of(cells, ncells, "项目实施时间（起）"), read[i][1]);
		assert_string_equal(value_of(cells, ncells, "项目实施时间（止）"), read[i][2]);
		read_free(cells, nrows * ncells, pl, csv, in);
		free(cell);
	}
	static const char *const refused[][2] = {
		{"2016年7月至3月", "B10：「3月」没有写年份，又早于前面的 2016年7月，说不准是哪一年：请写全，如 2017年3月"},
		{"2016年12月至7月", "「7月」没有写年份，又早于前面的 2016年12月"},
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		char *cell = xasprintf("<c r=\"B10\" t=\"inlineStr\"><is><t>%s</t></is></c>", refused[i][0]);
		cell_refused(fx, f, src, dst, "B10", cell, refused[i][1]);
		free(cell);
	}
	/* no year anywhere: read as written, for the form's check to refuse */
	FILE *in = with_cell(src, dst, "B10", "<c r=\"B10\" t=\"inlineStr\"><is><t>7月至12月</t></is></c>"), *csv;
	paper_places *pl;
	size_t nrows, ncells;
	char **cells = read_back(fx, f, in, &pl, &csv, &nrows, &ncells);
	assert_string_equal(value_of(cells, ncells, "项目实施时间（起）"), "7月");
	assert_string_equal(value_of(cells, ncells, "项目实施时间（止）"), "12月");
	read_free(cells, nrows * ncells, pl, csv, in);
	unlink(src);
	free(src);
	free(dst);
}

/* A month a clerk types into the 月报 workbook in Excel: where the cell is
 * 常规, Excel keeps 「2016年8月」 as the date 2016-08-01 with a format
 * showing year and month only (the built-in 57 of Chinese Excel, or a code
 * of its own). Read as that month; a date showing a day, on another day
 * than the 1st or at a time of day is refused, never taken as its month. */
static void month_book(const char *path, const char *style, const char *value)
{
	char *sheet = xasprintf("<worksheet><sheetData><row r=\"1\">"
				"<c r=\"A1\" t=\"inlineStr\"><is><t>月份</t></is></c>"
				"<c r=\"B1\" t=\"inlineStr\"><is><t>培训场次</t></is></c>"
				"<c r=\"C1\" t=\"inlineStr\"><is><t>培训人次</t></is></c>"
				"<c r=\"D1\" t=\"inlineStr\"><is><t>活动场次</t></is></c>"
				"<c r=\"E1\" t=\"inlineStr\"><is><t>参与人数</t></is></c>"
				"<c r=\"F1\" t=\"inlineStr\"><is><t>资源件数</t></is></c></row>"
				"<row r=\"2\"><c r=\"A2\" s=\"%s\"><v>%s</v></c><c r=\"B2\"><v>0</v></c><c r=\"C2\"><v>0</v></c>"
				"<c r=\"D2\"><v>1</v></c><c r=\"E2\"><v>30</v></c><c r=\"F2\"><v>0</v></c></row>"
				"</sheetData></worksheet>", style, value);
	const char *parts[][2] = {
		{"xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets><sheet name=\"月报\" sheetId=\"1\" r:id=\"rId1\"/>"
				    "</sheets></workbook>"},
		{"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
					       "</Relationships>"},
		{"xl/styles.xml", "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
				  "<numFmt numFmtId=\"165\" formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;;@\"/>"
				  "<numFmt numFmtId=\"166\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
				  "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"57\"/><xf numFmtId=\"164\"/>"
				  "<xf numFmtId=\"165\"/><xf numFmtId=\"17\"/><xf numFmtId=\"166\"/><xf numFmtId=\"14\"/>"
				  "</cellXfs></styleSheet>"},
		{"xl/worksheets/sheet1.xml", sheet},
	};
	zip_book(path, parts, sizeof parts / sizeof parts[0]);
	free(sheet);
}

static void test_month_typed_as_date(void **state)
{
	fixture *fx = *state;
	clock_set_today("2016-10-10");
	const kp_form *f = catalog_form(&fx->env.cat, "monthly");
	char *path = xasprintf("%s-month.xlsx", fx->path);
	import_stats st;
	/* 42583 is 2016-08-01; 42587 2016-08-05 */
	static const char *const read[][2] = {{"1", "42583"}, {"2", "42583"}, {"3", "42583"}, {"4", "42583"}};
	for (size_t i = 0; i < sizeof read / sizeof read[0]; i++) {
		month_book(path, read[i][0], read[i][1]);
		char *said = NULL;
		if (import_book(fx, f, path, false, &st, &said) != 0)
			fail_msg("style %s: %s", read[i][0], said);
		free(said);
		assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM monthly WHERE month = '2016-08'"), 1);
		sql_run(fx->path, "DELETE FROM monthly");
	}
	static const char *const refused[][3] = {
		{"2", "42587", "第2行 A列 月份: 单元格是日期 2016-08-05，但这一项是年月，不是某一天，没有导入：请把单元格格式设为「文本」后写成 2016年8月"},
		{"2", "42583.5", "单元格是日期 2016-08-01，但这一项是年月"},
		{"5", "42583", "单元格是日期 2016-08-01，但这一项是年月"},
		{"6", "42583", "单元格是日期 2016-08-01，但这一项是年月"},
		{"0", "42583", "42583"}, /* a number, 常规: not read as a month either */
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		month_book(path, refused[i][0], refused[i][1]);
		char *said = NULL;
		assert_int_not_equal(import_book(fx, f, path, false, &st, &said), 0);
		if (!strstr(said, refused[i][2]) || strstr(said, "常规"))
			fail_msg("%s with style %s: %s", refused[i][1], refused[i][0], said);
		free(said);
		assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM monthly"), 0);
	}
	unlink(path);
	free(path);
}

/* kepu's 月报 workbook: the month column's own format (what a cell typed
 * under the table takes) is text, so Excel keeps 「2016年8月」 as typed;
 * the other columns have none (the control). */
static void test_month_column_text(void **state)
{
	fixture *fx = *state;
	char *path = july_book(fx);
	char *x = sheet_xml(path, 1), *styles = book_part(path, "xl/styles.xml");
	const char *col = strstr(x, "<col min=\"3\" max=\"3\""), *style = col ? strstr(col, "style=\"") : NULL;
	assert_non_null(style);
	assert_true(style < strchr(col, '>'));
	const char *c4 = strstr(x, "<col min=\"4\" max=\"4\""), *s4 = c4 ? strstr(c4, "style=\"") : NULL;
	assert_non_null(c4);
	assert_true(!s4 || s4 > strchr(c4, '>'));
	long k = atol(style + 7);
	const char *xf = strstr(styles, "<cellXfs");
	for (long i = 0; xf && i <= k; i++)
		xf = strstr(xf + 1, "<xf ");
	assert_non_null(xf);
	int id = atoi(strstr(xf, "numFmtId=\"") + 10);
	char code[48];
	snprintf(code, sizeof code, "numFmtId=\"%d\" formatCode=\"@\"", id);
	assert_true(id == 49 || strstr(styles, code));
	free(x);
	free(styles);
	unlink(path);
	free(path);
}

/* The ranking's header: 「科普人才」 is merged over its two columns and
 * fits their width on one line, so its row is one line tall (it was sized
 * for the group in one column: two lines, one of them empty on paper); the
 * labels under it one line too. */
static void test_group_header_rows(void **state)
{
	fixture *fx = *state;
	kp_progress p;
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	char *path = xasprintf("%s-rank.xlsx", fx->path);
	char *err = NULL;
	assert_int_equal(progress_xlsx(&p, path, &err), 0);
	progress_free(&p);
	char *x = book_part(path, "xl/worksheets/sheet1.xml");
	const char *group = strstr(x, "<row r=\"3\"");
	assert_non_null(group);
	assert_true(!strncmp(group, "<row r=\"3\" ht=\"20\"", 18));
	assert_non_null(strstr(x, "<row r=\"4\" ht=\"20\""));
	assert_non_null(strstr(x, "<mergeCell ref=\"D3:E3\"/>")); /* positive control: the group is merged (after 名次 and 并列/免) */
	/* 完成度 (L) with one decimal, as the text report prints it (it showed 10, 8.3, 1 side by side) */
	char *styles = book_part(path, "xl/styles.xml");
	const char *cell = strstr(x, "<c r=\"L5\""), *st = cell ? strstr(cell, " s=\"") : NULL;
	assert_non_null(st);
	const char *xf = strstr(styles, "<cellXfs");
	for (long i = 0; xf && i <= atol(st + 4); i++)
		xf = strstr(xf + 1, "<xf ");
	assert_non_null(xf);
	char code[64];
	snprintf(code, sizeof code, "numFmtId=\"%d\" formatCode=\"0.0\"", atoi(strstr(xf, "numFmtId=\"") + 10));
	assert_non_null(strstr(styles, code));
	free(styles);
	free(x);
	unlink(path);
	free(path);
}

/* The style (s="N") of the cell in x whose text begins with text. */
static int cell_style(const char *x, const char *text)
{
	const char *at = strstr(x, text), *c = NULL;
	assert_non_null(at);
	for (const char *p = x; (p = strstr(p, "<c ")) && p < at; p++)
		c = p;
	assert_non_null(c);
	const char *st = strstr(c, " s=\"");
	assert_true(st && st < at);
	return atoi(st + 4);
}

/* A list's text longer than a row goes on in the rows under it, each piece
 * from the top of its row, so the pieces read on from one row to the next
 * (centred, the second began halfway down its row). */
static void test_list_text_runs_on(void **state)
{
	fixture *fx = *state;
	strbuf plan = STRBUF_INIT;
	for (int i = 1; i <= 60; i++)
		sb_printf(&plan, "第%d句：组织科普讲座，开展科普进社区活动。", i);
	save_record(fx, "talent", "魏都区", "name", "张三", "gender", "男", "age", "45", "ethnicity", "汉族",
		    "political", "群众", "education", "大学本科", "employer", "许昌学院", "phone", "13812345678",
		    "service_categories", "[\"青少年科普\"]", "plan", sb_str(&plan), NULL);
	sb_free(&plan);
	char *path = xasprintf("%s-runs.xlsx", fx->path);
	char *err = NULL, *note = NULL;
	assert_int_equal(export_xlsx(&fx->env, NULL, catalog_view(&fx->env.cat, "roll"),
				     store_unit_id(fx->env.store, "魏都区"), NULL, path, &note, &err), 0);
	char *x = book_part(path, "xl/worksheets/sheet1.xml");
	const char *second = strstr(x, "<row r=\"6\""); /* the record is row 5, its text goes on in 6 */
	assert_non_null(second);
	assert_true(text_starts_with(strstr(second, "<t>"), "<t>1（续）</t>")); /* whose the piece is */
	const char *piece = strstr(strstr(second, "<t>") + 3, "<t>");
	assert_non_null(piece);
	int first = cell_style(x, ">第1句"), next = cell_style(x, piece);
	assert_int_equal(first, next);
	assert_int_not_equal(first, cell_style(x, ">张三<")); /* positive control: a short value keeps its own */
	free(x);
	unlink(path);
	free(path);
}

/* The rows a list's long text goes on in are marked 「1（续）」 in 序号
 * (on a page of their own they were nobody's), and the import joins them
 * back into the one record, every character: a cut at a line break keeps
 * the break, a cut between Latin words the space (before, the continued
 * rows were read as records and the whole list refused). A row marked
 * 「（续）」 under a row of another number is refused, never joined. */
static void test_list_pieces_back(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	strbuf lines = STRBUF_INIT, words = STRBUF_INIT;
	for (int i = 0; i < 250; i++)
		sb_printf(&lines, "%s第%d行", i ? "\n" : "", i);
	for (int i = 0; i < 60; i++)
		sb_printf(&words, "%sWORLD HEALTH organization %d", i ? " " : "", i);
	save_record(fx, "activity", "魏都区", "name", "健康讲座", "held_on", "2016-07-01", "form", "科普报告",
		    "targets", "校园", "place", "礼堂", "participants", "30", "summary", sb_str(&lines), NULL);
	save_record(fx, "activity", "魏都区", "name", "科技展览", "held_on", "2016-07-02", "form", "科普展览",
		    "targets", "社区", "place", "广场", "participants", "40", "summary", sb_str(&words), NULL);
	char *path = xasprintf("%s-pieces.xlsx", fx->path), *err = NULL, *note = NULL;
	assert_int_equal(export_xlsx(&fx->env, f, NULL, store_unit_id(fx->env.store, "魏都区"), NULL, path, &note, &err), 0);
	char *x = book_part(path, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(x, ">1（续）<"));
	assert_non_null(strstr(x, ">2（续）<"));
	free(x);
	sql_run(fx->path, "DELETE FROM activity");
	import_stats st;
	char *said = NULL;
	assert_int_equal(import_book(fx, f, path, false, &st, &said), 0);
	assert_int_equal(st.saved, 2);
	free(said);
	char *q = xasprintf("SELECT count(*) FROM activity WHERE summary = '%s'", sb_str(&lines));
	assert_int_equal(sql_int(fx->path, q), 1);
	free(q);
	q = xasprintf("SELECT count(*) FROM activity WHERE summary = '%s'", sb_str(&words));
	assert_int_equal(sql_int(fx->path, q), 1);
	free(q);
	unlink(path);
	free(path);
	sb_free(&lines);
	sb_free(&words);

	/* a 「（续）」 row under another number: refused naming it; under its own: joined */
	const char *head = "序号,填报单位,活动名称,日期,形式,对象,地点,参与人数,简介\n"
			   "1,魏都区,农技培训,2016-07-03,科技培训,乡村,村委会,50,第一段\n";
	for (int own = 0; own < 2; own++) {
		sql_run(fx->path, "DELETE FROM activity");
		char *csv = xasprintf("%s%s,,,,,,,,第二段\n", head, own ? "1（续）" : "2（续）");
		int rc = import_text(&fx->env, f->id, csv, (import_options){.unit = "魏都区"}, &said, &st);
		if (own) {
			assert_int_equal(rc, 0);
			assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE summary = '第一段第二段'"), 1);
		} else {
			assert_int_not_equal(rc, 0);
			assert_int_equal(st.errors, 1); /* the one row, not its empty cells */
			assert_non_null(strstr(said, "第3行 A列 序号"));
			assert_non_null(strstr(said, "看不出它接着哪一行"));
			assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 0);
		}
		free(said);
		free(csv);
	}
	/* t6h: a 「（续）」 row's cell under a number joins nothing (50 and 0
	 * would be 500): the record is refused, naming the cell */
	sql_run(fx->path, "DELETE FROM activity");
	char *csv = xasprintf("%s1（续）,,,,,,,0,第二段\n", head);
	assert_int_not_equal(import_text(&fx->env, f->id, csv, (import_options){.unit = "魏都区"}, &said, &st), 0);
	assert_non_null(strstr(said, "第3行 H列 参与人数"));
	assert_non_null(strstr(said, "只接续写不下的文字"));
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 0);
	free(said);
	free(csv);
}

/* The file of len bytes named name, through import_source as `kepu
 * import` reads it: refused with said and also in the message, or (said
 * NULL) read. */
static void source_says(fixture *fx, const char *name, const void *bytes, size_t len, const char *said,
			const char *also)
{
	FILE *raw = tmpfile();
	assert_non_null(raw);
	fwrite(bytes, 1, len, raw);
	rewind(raw);
	char *err = NULL;
	import_origin *org = NULL;
	FILE *in = import_source(&fx->env.cat, catalog_form(&fx->env.cat, "activity"), raw, name, NULL, NULL,
				 store_year(fx->env.store), &org, &err);
	if (said && (in || !err || !strstr(err, said) || !strstr(err, also)))
		fail_msg("%s: %s", name, err ? err : "(read)");
	if (!said && (err || !in))
		fail_msg("%s: %s", name, err ? err : "(nothing)");
	if (in && in != raw)
		fclose(in);
	free(err);
	import_origin_free(org);
	fclose(raw);
}

/* An Excel 97-2003 .xls (an OLE2 compound file, as are WPS's .et and a
 * password-protected .xlsx) is refused as what it is, telling how to save
 * it as .xlsx: it was read as a CSV and refused as 「既不是 UTF-8 也不是
 * GB18030」, which sent the clerk after an encoding. */
static void test_old_xls_refused(void **state)
{
	static const unsigned char cfb[8] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1};
	unsigned char ole[528] = {0};
	char text[528];
	memcpy(ole, cfb, sizeof cfb);
	snprintf(text, sizeof text, "%s", "填报单位,活动名称\n"); /* the control: text begins the same file */
	memset(text + strlen(text), 'x', sizeof text - strlen(text));
	source_says(*state, "活动.xls", ole, sizeof ole, "活动.xls 是 Excel 97-2003 工作簿（.xls）", "另存为");
	source_says(*state, "活动.xls", text, sizeof text, NULL, NULL);
}

/* A table saved as a web page (web systems' 「导出 Excel」, WPS's 网页格式)
 * or as Excel 2003 XML, named .xls, .xlsx or .csv, is refused as what it
 * is, telling how to save it as .xlsx: it was read as a CSV and refused as
 * 「前 20 行中找不到表头」. Told by its content after a BOM (UTF-8, UTF-16)
 * and blanks. The controls: a CSV whose cell holds 「<html」 later, and an
 * XML file of no spreadsheet, are read as text. */
static void test_markup_tables_refused(void **state)
{
	static const struct { const char *name, *text, *said; size_t len; } files[] = {
		{"h.xls", "<html><body><table><tr><td>填报单位</td></tr></table></body></html>", "h.xls 是网页（HTML）表格，不是 .xlsx 工作簿", 0},
		{"h.xlsx", "\xef\xbb\xbf \r\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0//EN\"><HTML>", "h.xlsx 是网页（HTML）表格", 0},
		{"t.csv", "\n\t<TABLE border=1><tr><td>活动名称</td></tr></TABLE>", "t.csv 是网页（HTML）表格", 0},
		{"c.xls", "<!-- exported --><html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">", "c.xls 是网页（HTML）表格", 0},
		{"x.xls", "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">",
		 "x.xls 是 XML 表格（Excel 2003 XML），不是 .xlsx 工作簿", 0},
		{"u.xls", "\xff\xfe<\0?\0x\0m\0l\0 \0?\0>\0<\0W\0o\0r\0k\0b\0o\0o\0k\0 \0x\0m\0l\0n\0s\0=\0\"\0u\0r\0n\0:\0s\0c\0h\0e\0m\0a\0s\0"
			  "-\0m\0i\0c\0r\0o\0s\0o\0f\0t\0-\0c\0o\0m\0:\0o\0f\0f\0i\0c\0e\0:\0s\0p\0r\0e\0a\0d\0s\0h\0e\0e\0t\0\"\0>\0",
		 "u.xls 是 XML 表格（Excel 2003 XML）", 144},
		{"ok.csv", "填报单位,活动名称\n魏都区,<html>讲座\n", NULL, 0},
		{"ok2.csv", "<?xml version=\"1.0\"?><note>填报单位</note>\n", NULL, 0},
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		source_says(*state, files[i].name, files[i].text, files[i].len ? files[i].len : strlen(files[i].text),
			    files[i].said, "另存为 Excel 工作簿（.xlsx）或 CSV");
}

/* The row of the sheet XML x that holds text. */
static const char *row_with(const char *x, const char *text)
{
	const char *at = strstr(x, text), *row = NULL;
	assert_non_null(at);
	for (const char *p = x; (p = strstr(p, "<row ")) && p < at; p++)
		row = p;
	assert_non_null(row);
	return row;
}

/* The briefing prints a report's day as every kepu paper does (2016年8月4日,
 * not 2016-08-04), and a late one's row is as tall as its 报送时间 with the
 * 逾期 mark wraps (it was one line, the mark cut on paper). */
static void test_briefing_days(void **state)
{
	fixture *fx = *state;
	const char *m[] = {"month", "2016-07", "training_sessions", "0", "training_people", "0",
			   "activity_sessions", "1", "activity_people", "50", "resources", "0"};
	clock_set_today("2016-08-03"); /* on time */
	save_record(fx, "monthly", "魏都区", m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11],
		    NULL);
	clock_set_today("2016-08-04"); /* a day late */
	save_record(fx, "monthly", "长葛市", m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11],
		    NULL);
	clock_set_today("2016-08-10");
	kp_briefing b;
	char *err = NULL;
	assert_int_equal(briefing_build(&b, &fx->env, "2016-07", &err), 0);
	char *path = xasprintf("%s-brief.xlsx", fx->path);
	assert_int_equal(briefing_xlsx(&b, path, &err), 0);
	briefing_free(&b);
	char *x = book_part(path, "xl/worksheets/sheet1.xml");
	assert_null(strstr(x, "2016-08-0"));
	assert_true(text_starts_with(row_with(x, ">2016年8月4日 逾期<"), "<row r=\"6\" ht=\"36\""));
	assert_true(text_starts_with(row_with(x, ">2016年8月3日<"), "<row r=\"5\" ht=\"20\"")); /* on time: one line */
	free(x);
	unlink(path);
	free(path);
}

/* An empty list prints ten ruled rows to fill in by hand, as the seed's
 * 附表4 does; a list with records prints its records and no blank row. */
static void test_empty_list_ruled(void **state)
{
	fixture *fx = *state;
	assert_int_equal(blank_a(fx, "魏都区"), 10);
	save_rows(fx, "talent", "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n"
			"张三,男,45,汉族,群众,本科,许昌学院,13812345678,青少年科普\n");
	assert_int_equal(blank_a(fx, "魏都区"), 0);
}

/* A printed title names the programme as 附表1 does, in “…”, and uses
 * Chinese brackets only: the title export_xlsx prints for every form and
 * view (a paper layout's title lines, else its description or title), and
 * the reports' (ranking, 工作简报). */
static void title_ok(const char *t)
{
	if (!strstr(t, "科协“百千万科普工程”") || strpbrk(t, "()"))
		fail_msg("printed title 「%s」", t);
}

static void test_titles(void **state)
{
	fixture *fx = *state;
	const kp_catalog *cat = &fx->env.cat;
	size_t n = 0;
	for (size_t i = 0; i < cat->nforms; i++, n++) {
		const kp_form *f = cat->forms[i];
		strbuf t = STRBUF_INIT;
		if (f->paper)
			for (size_t k = 0; k < f->paper->ntitle; k++)
				sb_adds(&t, f->paper->title[k]);
		else
			sb_adds(&t, f->description ? f->description : f->title);
		title_ok(sb_str(&t));
		sb_free(&t);
	}
	for (size_t i = 0; i < cat->nviews; i++, n++)
		title_ok(cat->views[i]->description ? cat->views[i]->description : cat->views[i]->title);
	assert_int_equal(n, 13); /* every screens file: 12 forms and 附表4 */
	title_ok(msg(MSG_R_RANKING));
	title_ok(msg(MSG_R_BRIEFING));
}

/* A book whose pages' feet name another year than the import's is refused
 * whole, naming both years, the pages and the first sheet; never saved
 * into the import's year without a word. */
static void test_other_year(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	save_rows(fx, "talent", "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n"
			"张三,男,45,汉族,群众,本科,许昌学院,13812345678,社区科普\n"
			"李四,女,46,汉族,群众,本科,许昌学院,13812345679,社区科普\n");
	int year = store_year(fx->env.store);
	FILE *in = workbook(fx, f, store_unit_id(fx->env.store, "魏都区"), true);
	paper_places *pl = NULL;
	char *err = NULL;
	assert_null(paper_to_csv(&fx->env.cat, f, in, "t.xlsx", year + 1, &pl, &err));
	assert_null(pl);
	assert_non_null(err);
	char *want = xasprintf("t.xlsx：2 页是 %d 年度的记录（页脚写着年度，第一页是工作表「1 张三」），本次导入写入 %d 年度",
			       year, year + 1);
	assert_non_null(strstr(err, want));
	free(want);
	want = xasprintf("--year %d", year);
	assert_non_null(strstr(err, want));
	free(want);
	free(err);
	/* the same book into its own year: read (the positive control) */
	rewind(in);
	err = NULL;
	FILE *csv = paper_to_csv(&fx->env.cat, f, in, "t.xlsx", year, &pl, &err);
	assert_null(err);
	assert_non_null(csv);
	size_t nrows = 0, ncells = 0;
	char **cells = rows_of(csv, &nrows, &ncells);
	assert_int_equal(nrows, 3);
	read_free(cells, nrows * ncells, pl, csv, in);
}

/* The header's text in a sheet's XML (XML-escaped, as stored), or NULL. */
static char *odd_header(const char *x)
{
	const char *a = strstr(x, "<headerFooter><oddHeader>"), *b = a ? strstr(a, "</oddHeader><oddFooter>") : NULL;
	return b ? xstrndup(a + 25, (size_t)(b - a - 25)) : NULL;
}

#define HEAD_FONT "&amp;&quot;宋体,Regular&quot;"
#define FONT "&\"宋体,Regular\""
#define LXW_FONT "&amp;\"宋体,Regular\""

static void test_blank_form(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "project");
	char *path = xasprintf("%s.xlsx", fx->path);
	char *err = NULL;
	size_t sheets;
	assert_int_equal(export_paper(&fx->env, f, 0, NULL, path, &sheets, &err), 0);
	char *x = sheet_xml(path, 1);
	char *head = odd_header(x); /* the form's, no one's */
	assert_string_equal(head, "&amp;L" HEAD_FONT "附表3 重点项目入库表&amp;R" HEAD_FONT);
	free(head);
	free(x);
	unlink(path);
	free(path);
	FILE *in = workbook(fx, f, 0, true); /* no records: one blank 入库表 */
	paper_places *pl;
	FILE *csv = paper_to_csv(&fx->env.cat, f, in, "p.xlsx", 0, &pl, &err);
	assert_null(err);
	assert_non_null(csv);
	size_t nrows = 0, ncells = 0;
	char **cells = rows_of(csv, &nrows, &ncells);
	assert_int_equal(nrows, 2);
	assert_int_equal(ncells, f->nfields + 1); /* 项目申报单位 is printed */
	assert_string_equal(cells[0], f->unit_label);
	for (size_t c = 0; c < ncells; c++) /* 　　年　　月 and □ are no values */
		assert_string_equal(cells[ncells + c], "");
	read_free(cells, nrows * ncells, pl, csv, in);
}

static void test_other_layouts(void **state)
{
	fixture *fx = *state;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	const kp_form *project = catalog_form(&fx->env.cat, "project");
	paper_places *pl;
	char *err = NULL;
	/* a 推荐表 brought to 附表3 */
	FILE *in = workbook(fx, talent, 0, true);
	assert_null(paper_to_csv(&fx->env.cat, project, in, "t.xlsx", 0, &pl, &err));
	assert_non_null(err);
	assert_non_null(strstr(err, "是「附表2 科普人才库推荐表」，不是「附表3 重点项目入库表」"));
	assert_null(pl);
	free(err);
	fclose(in);
	/* a list workbook: not a one-record layout, left to the list reader */
	in = workbook(fx, talent, 0, false);
	err = NULL;
	assert_null(paper_to_csv(&fx->env.cat, talent, in, "list.xlsx", 0, &pl, &err));
	assert_null(err);
	assert_null(pl);
	fclose(in);
}

/* A printed line's placeholders: every {unit} and {year}; other braces kept. */
static void test_line_placeholders(void **state)
{
	(void)state;
	const char *const cases[][2] = {
		{"　许昌　市　　{unit}　县（市、区）科协　　{year} 年度", "　许昌　市　　魏都区　县（市、区）科协　　2017 年度"},
		{"{year} 年度", "2017 年度"},
		{"{unit}/{unit} {x} {", "魏都区/魏都区 {x} {"},
		{"无占位", "无占位"},
		{"{unit}{county}｜", "魏都区　县（市、区）科协｜"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = xlsx_line(cases[i][0], "魏都区", 2017);
		assert_string_equal(got, cases[i][1]);
		free(got);
	}
	/* 附表4's line names a county's 科协 as such, another unit by its name */
	const char *const units[][2] = {
		{"长葛市", "　县（市、区）科协"}, {"许昌县", "　县（市、区）科协"}, {"魏都区", "　县（市、区）科协"},
		{"许昌学院", ""}, {"医学会", ""}, {"经济技术开发区", ""}, {"城乡一体化示范区", ""},
		{"东城区管委会", ""}, {"全部单位", ""},
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		char *got = xlsx_line("{unit}{county}", units[i][0], 2017);
		char *want = xasprintf("%s%s", units[i][0], units[i][1]);
		assert_string_equal(got, want);
		free(got);
		free(want);
	}
}


/* Every page of a one-record form names the form and whose it is (the
 * layout's `header`, 姓名 and 工作单位), so a loose second page goes back
 * with its first: the head is the sheet's, printed on each of its pages.
 * An & in a value is doubled, Excel's literal & (a single one begins a
 * code: LibreOffice printed 「A&B」 as 「A」, the &B taken for bold).
 * Every list page names its table and its unit. */
static void test_page_heads(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	char *path = short_and_long(fx, "许昌A&B科技公司");
	char *err = NULL;
	const char *want[] = {"张三　许昌学院", "李四　许昌A&amp;&amp;B科技公司"};
	for (int n = 1; n <= 2; n++) {
		char *x = sheet_xml(path, n);
		char *head = odd_header(x);
		assert_non_null(head);
		char *exp = xasprintf("&amp;L" HEAD_FONT "附表2 科普人才库推荐表&amp;R" HEAD_FONT "%s", want[n - 1]);
		assert_string_equal(head, exp);
		/* the long one's sheet runs over pages: the head is on each */
		assert_int_equal(strstr(x, "<rowBreaks") != NULL, n == 2);
		free(exp);
		free(head);
		free(x);
	}
	/* the book still reads back: the head is no part of the form */
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	paper_places *pl = NULL;
	FILE *back = paper_to_csv(&fx->env.cat, f, in, "t.xlsx", store_year(fx->env.store), &pl, &err);
	assert_null(err);
	assert_non_null(back);
	size_t nrows = 0, ncells = 0;
	char **cells = rows_of(back, &nrows, &ncells);
	assert_int_equal(nrows, 3);
	size_t col = 0;
	while (col < ncells && strcmp(cells[col], "工作单位"))
		col++;
	assert_true(col < ncells);
	assert_string_equal(cells[ncells + col], "许昌学院");
	assert_string_equal(cells[2 * ncells + col], "许昌A&B科技公司");
	read_free(cells, nrows * ncells, pl, back, in);
	unlink(path);

	/* a list: its table and unit on every page, its header rows repeated */
	char *err2 = NULL, *note = NULL;
	assert_int_equal(export_xlsx(&fx->env, NULL, catalog_view(&fx->env.cat, "roll"),
				     store_unit_id(fx->env.store, "魏都区"), NULL, path, &note, &err2), 0);
	char *x = sheet_xml(path, 1);
	char *head = odd_header(x);
	assert_non_null(head);
	/* libxlsxwriter's XML leaves " as it is */
	assert_string_equal(head, "&amp;L" LXW_FONT "附表4 科普人才信息汇总表&amp;R" LXW_FONT "魏都区");
	free(head);
	free(x);
	char *wb = book_part(path, "xl/workbook.xml");
	assert_non_null(strstr(wb, "_xlnm.Print_Titles"));
	free(wb);
	unlink(path);
	free(path);
}

/* A page's head in Excel's codes: & doubled, one line, each side cut with
 * 「…」 where the two would not fit on a line of portrait A4 (a 工作单位 of
 * 100 characters), and within Excel's 255 characters even when all &. */
static void test_page_header_codes(void **state)
{
	(void)state;
	char *h = xlsx_page_header("附表4 科普人才信息汇总表", "A&B学会");
	assert_string_equal(h, "&L" FONT "附表4 科普人才信息汇总表&R" FONT "A&&B学会");
	free(h);
	h = xlsx_page_header("表", "王伟\n许昌\x01学院"); /* on one line, the control shown as ? */
	assert_string_equal(h, "&L" FONT "表&R" FONT "王伟 许昌?学院");
	free(h);
	strbuf lng = STRBUF_INIT, amps = STRBUF_INIT;
	for (int i = 0; i < 100; i++) {
		sb_adds(&lng, "科");
		sb_addc(&amps, '&');
	}
	h = xlsx_page_header("表", sb_str(&lng));
	const char *right = strstr(h, "&R" FONT) + strlen("&R" FONT);
	assert_int_equal(utf8_count(right), 29); /* 28 and 「…」 */
	assert_true(text_starts_with(right, "科科科"));
	assert_non_null(strstr(right, "科…"));
	free(h);
	h = xlsx_page_header(sb_str(&amps), sb_str(&amps));
	assert_true(utf8_count(h) <= 255);
	assert_non_null(strstr(h, "&&&&"));
	free(h);
	sb_free(&lng);
	sb_free(&amps);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_values_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_reimports_own_book, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_blank_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_runs_on, setup, teardown),
		cmocka_unit_test_setup_teardown(test_titles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_list_ruled, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_fits_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_month_choice_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_range_end_without_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_month_typed_as_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_month_column_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_group_header_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_briefing_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_text_runs_on, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_pieces_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_old_xls_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markup_tables_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_layouts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_formula_without_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_box_pieces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_project_pieces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_most_lines, setup, teardown),
		cmocka_unit_test(test_line_placeholders),
		cmocka_unit_test_setup_teardown(test_page_heads, setup, teardown),
		cmocka_unit_test(test_page_header_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
