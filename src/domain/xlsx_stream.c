/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/xlsx_stream.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/xlsx_common.h"
#include "domain/xlsx_app.h"

typedef struct {
	unsigned row, col;
	char *text; /* NULL: a blank styled cell */
	int style;
} xs_cell;

typedef struct {
	unsigned r1, c1, r2, c2;
} xs_range;

struct xs_book {
	zipFile zip;
	FILE *names; /* every sheet's name, a line each, for workbook.xml */
	size_t nsheets;
	int error;   /* the first write's errno (or -1) that failed */
	/* the sheet being built */
	double *widths;
	size_t ncols;
	xs_cell *cells;
	size_t ncells;
	double *heights; /* by row; 0: the default */
	bool *kept;      /* by row: goes on the page of the row above if it can */
	size_t nrows;
	xs_range *merges;
	size_t nmerges;
	unsigned *breaks; /* rows that begin a page, after the first */
	size_t nbreaks;
};

/* XML text: & < > " escaped; the texts are sanitised before they come here. */
static void esc(strbuf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': sb_adds(b, "&amp;"); break;
		case '<': sb_adds(b, "&lt;"); break;
		case '>': sb_adds(b, "&gt;"); break;
		case '"': sb_adds(b, "&quot;"); break;
		default: sb_addc(b, *s);
		}
}

/* A1, AB12: the column's letters and the row's number (both from 0). */
static void ref(strbuf *b, unsigned row, unsigned col)
{
	char letters[8];
	int n = 0;
	for (unsigned c = col + 1; c; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	while (n)
		sb_addc(b, letters[--n]);
	sb_printf(b, "%u", row + 1);
}

/* One zip entry, whole; a failure is kept for xs_close. No zip64 fields in
 * an entry (each is one sheet, far below 4 GiB): Excel 2010 and older warn
 * about them; minizip adds the zip64 directory record itself should the
 * book pass 65,535 entries. */
static void entry(xs_book *b, const char *name, const strbuf *body)
{
	if (b->error)
		return;
	zip_fileinfo zi = {0};
	xlsx_zip_now(&zi.tmz_date);
	errno = 0;
	if (zipOpenNewFileInZip64(b->zip, name, &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
				  Z_DEFAULT_COMPRESSION, 0) != ZIP_OK ||
	    zipWriteInFileInZip(b->zip, sb_str(body), (unsigned)body->len) != ZIP_OK ||
	    zipCloseFileInZip(b->zip) != ZIP_OK)
		b->error = errno ? errno : -1;
}

xs_book *xs_open(const char *path, char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666); /* never overwrite */
	if (fd < 0) {
		*err = errno == EEXIST ? xasprintf(msg(MSG_C_OUT_EXISTS), path)
				       : xasprintf(msg(MSG_X_CANT_WRITE), path, strerror(errno));
		return NULL;
	}
	close(fd);
	xs_book *b = xcalloc(1, sizeof *b);
	errno = 0;
	b->zip = zipOpen64(path, APPEND_STATUS_CREATE);
	b->names = b->zip ? tmpfile() : NULL;
	if (!b->names) {
		*err = xasprintf(msg(MSG_X_CANT_WRITE), path, errno ? strerror(errno) : msg(MSG_C_WRITE_ERROR));
		if (b->zip)
			zipClose(b->zip, NULL);
		free(b);
		unlink(path);
		return NULL;
	}
	return b;
}

void xs_sheet(xs_book *b, const char *name, const double *widths, size_t ncols)
{
	b->widths = xmalloc(ncols * sizeof *b->widths);
	memcpy(b->widths, widths, ncols * sizeof *widths);
	b->ncols = ncols;
	/* a name is at most 31 characters and holds no line break */
	if (name)
		fprintf(b->names, "%s\n", name);
}

void xs_row_height(xs_book *b, unsigned row, double pt)
{
	if (row >= b->nrows) {
		b->heights = xrealloc(b->heights, (row + 1) * sizeof *b->heights);
		memset(b->heights + b->nrows, 0, (row + 1 - b->nrows) * sizeof *b->heights);
		b->kept = xrealloc(b->kept, (row + 1) * sizeof *b->kept);
		memset(b->kept + b->nrows, 0, (row + 1 - b->nrows) * sizeof *b->kept);
		b->nrows = row + 1;
	}
	b->heights[row] = pt;
}

void xs_row_kept(xs_book *b, unsigned row, double pt)
{
	xs_row_height(b, row, pt);
	b->kept[row] = true;
}

static void add_cell(xs_book *b, unsigned row, unsigned col, const char *text, int style)
{
	b->cells = xrealloc(b->cells, (b->ncells + 1) * sizeof *b->cells);
	b->cells[b->ncells++] = (xs_cell){row, col, text ? xstrdup(text) : NULL, style};
}

void xs_put(xs_book *b, unsigned r1, unsigned c1, unsigned r2, unsigned c2, const char *text, int style)
{
	for (unsigned r = r1; r <= r2; r++)
		for (unsigned c = c1; c <= c2; c++)
			add_cell(b, r, c, r == r1 && c == c1 ? text : NULL, style);
	if (r2 > r1 || c2 > c1) {
		b->merges = xrealloc(b->merges, (b->nmerges + 1) * sizeof *b->merges);
		b->merges[b->nmerges++] = (xs_range){r1, c1, r2, c2};
	}
}

static int by_place(const void *a, const void *b)
{
	const xs_cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* The sheet being built, dropped: what the workbook holds between sheets
 * is only their count (and their names, in the file). */
static void sheet_drop(xs_book *b)
{
	for (size_t i = 0; i < b->ncells; i++)
		free(b->cells[i].text);
	free(b->cells);
	free(b->heights);
	free(b->kept);
	free(b->merges);
	free(b->widths);
	free(b->breaks);
	b->cells = NULL, b->heights = NULL, b->kept = NULL, b->merges = NULL, b->widths = NULL, b->breaks = NULL;
	b->ncells = b->nrows = b->nmerges = b->ncols = b->nbreaks = 0;
}

void xs_sheet_discard(xs_book *b)
{
	sheet_drop(b);
}

static double row_pt(const xs_book *b, unsigned row)
{
	return b->heights[row] > 0 ? b->heights[row] : XLSX_LINE_PT;
}

/* Greedy: a page takes rows while they fit; a row is never taller than a
 * page (the layout splits taller boxes), so every page holds one. A break
 * before a kept row moves up to its box's first row when the box then
 * fits on the next page and the page above keeps a row: a break through a
 * box's text can cut a line in two. Returns the points used on the last
 * page. */
static double paginate(xs_book *b, double page_pt)
{
	double used = 0;
	unsigned top = 0; /* the page's first row */
	free(b->breaks);
	b->breaks = NULL;
	b->nbreaks = 0;
	for (unsigned row = 0; row < b->nrows; row++) {
		double h = row_pt(b, row);
		if (used > 0 && used + h > page_pt) {
			unsigned at = row;
			double box = 0;
			while (at > top + 1 && b->kept[at])
				box += row_pt(b, --at);
			for (unsigned r = row; r < b->nrows && (r == row || b->kept[r]); r++)
				box += row_pt(b, r);
			if (at == row || b->kept[at] || box > page_pt)
				at = row, box = h; /* no box, or none that fits a page: break here */
			b->breaks = xrealloc(b->breaks, (b->nbreaks + 1) * sizeof *b->breaks);
			b->breaks[b->nbreaks++] = at;
			top = at;
			used = 0;
			for (unsigned r = at; r < row; r++)
				used += row_pt(b, r);
		}
		used += h;
	}
	return used;
}

size_t xs_paginate(xs_book *b, double page_pt)
{
	paginate(b, page_pt);
	return b->nbreaks + 1;
}

double xs_room(xs_book *b, double page_pt)
{
	return page_pt - paginate(b, page_pt);
}

static void row_open(strbuf *s, const xs_book *b, unsigned row)
{
	sb_printf(s, "<row r=\"%u\"", row + 1);
	if (row < b->nrows && b->heights[row] > 0)
		sb_printf(s, " ht=\"%.2f\" customHeight=\"1\"", b->heights[row]);
	sb_adds(s, ">");
}

/* Rows in order, each with its cells in order (as readers expect them). */
static void sheet_data(strbuf *s, xs_book *b)
{
	qsort(b->cells, b->ncells, sizeof *b->cells, by_place);
	sb_adds(s, "<sheetData>");
	size_t i = 0;
	for (unsigned row = 0; row < b->nrows || i < b->ncells; row++) {
		bool cells = i < b->ncells && b->cells[i].row == row;
		if (!cells && !(row < b->nrows && b->heights[row] > 0))
			continue;
		row_open(s, b, row);
		for (; i < b->ncells && b->cells[i].row == row; i++) {
			const xs_cell *c = &b->cells[i];
			sb_adds(s, "<c r=\"");
			ref(s, c->row, c->col);
			sb_printf(s, "\" s=\"%d\"", c->style);
			if (!c->text) {
				sb_adds(s, "/>");
				continue;
			}
			sb_adds(s, " t=\"inlineStr\"><is><t xml:space=\"preserve\">");
			esc(s, c->text);
			sb_adds(s, "</t></is></c>");
		}
		sb_adds(s, "</row>");
	}
	sb_adds(s, "</sheetData>");
}

void xs_sheet_end(xs_book *b, const double margins[4], size_t first_page, const char *header,
		  const char *footer)
{
	strbuf s = STRBUF_INIT;
	sb_adds(&s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
		    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
		    "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
	sb_printf(&s, "<sheetViews><sheetView workbookViewId=\"0\"%s/></sheetViews>",
		  b->nsheets ? "" : " tabSelected=\"1\"");
	sb_printf(&s, "<sheetFormatPr defaultRowHeight=\"%.1f\"/><cols>", XLSX_LINE_PT);
	for (size_t c = 0; c < b->ncols; c++)
		sb_printf(&s, "<col min=\"%zu\" max=\"%zu\" width=\"%.2f\" customWidth=\"1\"/>", c + 1, c + 1,
			  b->widths[c] + 0.71); /* Excel's stored width holds the cell margin */
	sb_adds(&s, "</cols>");
	sheet_data(&s, b);
	if (b->nmerges) {
		sb_printf(&s, "<mergeCells count=\"%zu\">", b->nmerges);
		for (size_t i = 0; i < b->nmerges; i++) {
			sb_adds(&s, "<mergeCell ref=\"");
			ref(&s, b->merges[i].r1, b->merges[i].c1);
			sb_addc(&s, ':');
			ref(&s, b->merges[i].r2, b->merges[i].c2);
			sb_adds(&s, "\"/>");
		}
		sb_adds(&s, "</mergeCells>");
	}
	/* Fitted to the width only: a long text runs onto the next page at
	 * full size, where xs_paginate put the breaks. */
	sb_printf(&s, "<printOptions horizontalCentered=\"1\"/><pageMargins left=\"%g\" right=\"%g\" top=\"%g\" "
		      "bottom=\"%g\" header=\"0.3\" footer=\"0.3\"/>"
		      "<pageSetup paperSize=\"9\" firstPageNumber=\"%zu\" fitToWidth=\"1\" fitToHeight=\"0\" "
		      "orientation=\"portrait\" useFirstPageNumber=\"1\"/><headerFooter><oddHeader>",
		  margins[0], margins[1], margins[2], margins[3], first_page);
	esc(&s, header);
	sb_adds(&s, "</oddHeader><oddFooter>");
	esc(&s, footer);
	sb_adds(&s, "</oddFooter></headerFooter>");
	if (b->nbreaks) {
		sb_printf(&s, "<rowBreaks count=\"%zu\" manualBreakCount=\"%zu\">", b->nbreaks, b->nbreaks);
		for (size_t i = 0; i < b->nbreaks; i++) /* a break's id is the last row above it, from 1 */
			sb_printf(&s, "<brk id=\"%u\" max=\"16383\" man=\"1\"/>", b->breaks[i]);
		sb_adds(&s, "</rowBreaks>");
	}
	sb_adds(&s, "</worksheet>");
	char name[48];
	snprintf(name, sizeof name, "xl/worksheets/sheet%zu.xml", ++b->nsheets);
	entry(b, name, &s);
	sb_free(&s);
	sheet_drop(b);
}

/* One font a format: 宋体 at its size, bold or not (xlsx_common.h). */
static void font(strbuf *s, int size, bool bold)
{
	sb_printf(s, "<font>%s<sz val=\"%d\"/><name val=\"%s\"/><family val=\"3\"/><charset val=\"134\"/></font>",
		  bold ? "<b/>" : "", size, XLSX_FONT);
}

static void styles(xs_book *b)
{
	strbuf s = STRBUF_INIT;
	sb_adds(&s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"@\"/></numFmts><fonts count=\"3\">");
	font(&s, 11, false); /* the default, and the cells' */
	font(&s, 12, true);  /* 附表N */
	font(&s, 16, true);  /* the title */
	sb_adds(&s, "</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
		    "<fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"2\">"
		    "<border><left/><right/><top/><bottom/><diagonal/></border><border>"
		    "<left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
		    "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom>"
		    "<diagonal/></border></borders><cellStyleXfs count=\"1\">"
		    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"7\">");
	/* in the order of the XS_ enum: font, border, text format, alignment */
	static const struct {
		int font, border, num;
		const char *h, *v;
		bool wrap;
	} x[] = {
		{0, 0, 0, NULL, NULL, false},       {1, 0, 0, "left", "center", false},
		{2, 0, 0, "center", "center", true}, {0, 0, 0, "left", "center", true},
		{0, 1, 164, "left", "center", true}, {0, 1, 164, "left", "top", true},
		{0, 1, 164, "center", "center", true},
	};
	for (size_t i = 0; i < sizeof x / sizeof *x; i++) {
		sb_printf(&s, "<xf numFmtId=\"%d\" fontId=\"%d\" fillId=\"0\" borderId=\"%d\" xfId=\"0\"", x[i].num,
			  x[i].font, x[i].border);
		if (!x[i].h) {
			sb_adds(&s, "/>");
			continue;
		}
		sb_printf(&s, " applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
			      "<alignment horizontal=\"%s\" vertical=\"%s\"%s/></xf>",
			  x[i].h, x[i].v, x[i].wrap ? " wrapText=\"1\"" : "");
	}
	sb_adds(&s, "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"
		    "</cellStyles></styleSheet>");
	entry(b, "xl/styles.xml", &s);
	sb_free(&s);
}

/* workbook.xml, its relationships and the content types: a line a sheet,
 * the names read back from the temporary file. */
static void parts(xs_book *b)
{
	strbuf wb = STRBUF_INIT, rels = STRBUF_INIT, types = STRBUF_INIT;
	sb_adds(&wb, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		     "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
		     "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
		     "<bookViews><workbookView/></bookViews><sheets>");
	rewind(b->names);
	char line[256];
	for (size_t i = 1; fgets(line, sizeof line, b->names); i++) {
		line[strcspn(line, "\n")] = '\0';
		sb_adds(&wb, "<sheet name=\"");
		esc(&wb, line);
		sb_printf(&wb, "\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i, i);
	}
	sb_adds(&wb, "</sheets></workbook>");
	entry(b, "xl/workbook.xml", &wb);
	sb_free(&wb);
	sb_adds(&rels, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
	for (size_t i = 1; i <= b->nsheets; i++)
		sb_printf(&rels, "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
				 "2006/relationships/worksheet\" Target=\"worksheets/sheet%zu.xml\"/>", i, i);
	sb_printf(&rels, "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
			 "relationships/styles\" Target=\"styles.xml\"/></Relationships>", b->nsheets + 1);
	entry(b, "xl/_rels/workbook.xml.rels", &rels);
	sb_free(&rels);
	sb_adds(&types, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
			"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
			"<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
			"officedocument.spreadsheetml.sheet.main+xml\"/>"
			"<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
			"officedocument.spreadsheetml.styles+xml\"/>"
			"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
			"package.core-properties+xml\"/>"
			"<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-"
			"officedocument.extended-properties+xml\"/>");
	for (size_t i = 1; i <= b->nsheets; i++)
		sb_printf(&types, "<Override PartName=\"/xl/worksheets/sheet%zu.xml\" ContentType=\"application/"
				  "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>", i);
	sb_adds(&types, "</Types>");
	entry(b, "[Content_Types].xml", &types);
	sb_free(&types);
	strbuf top = STRBUF_INIT, app = STRBUF_INIT;
	sb_adds(&top, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		      "relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
		      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		      "relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
		      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
		      "metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>");
	entry(b, "_rels/.rels", &top);
	sb_free(&top);
	xlsx_app_xml(&app);
	entry(b, XLSX_APP_XML, &app);
	sb_free(&app);
	strbuf core = STRBUF_INIT; /* kepu as the author, as libxlsxwriter's books say */
	sb_adds(&core, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		       "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
		       "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
		       "<dc:creator>kepu</dc:creator></cp:coreProperties>");
	entry(b, "docProps/core.xml", &core);
	sb_free(&core);
}

int xs_close(xs_book *b, const char *path, int rc, char **err)
{
	if (rc == 0) {
		styles(b);
		parts(b);
	}
	if (ferror(b->names) && !b->error)
		b->error = -1;
	errno = 0;
	if (zipClose(b->zip, NULL) != ZIP_OK && !b->error)
		b->error = errno ? errno : -1;
	if (rc == 0 && b->error) {
		*err = xasprintf(msg(MSG_X_CANT_WRITE), path, b->error > 0 ? strerror(b->error) : msg(MSG_C_WRITE_ERROR));
		rc = -1;
	}
	fclose(b->names);
	sheet_drop(b); /* a sheet begun when the writing failed */
	free(b);
	if (rc != 0)
		unlink(path);
	return rc;
}
