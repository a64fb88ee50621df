/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/totals.h"
#include "form/validate.h"
#include "version.h"

#include "domain/xlsx_app.h"
#include "domain/xlsx_common.h"
#include "domain/xlsx_lib.h"

/* One column of the printed table: 序号, the unit, or a field. */
typedef struct {
	int field; /* -1: 序号, -2: the unit */
	const char *label;
	const char *group;
	double width;
} column;

typedef struct {
	const kp_form *f;
	lxw_worksheet *ws;
	xlsx_formats *fm;
	column *cols;
	double *widths;
	size_t ncols;
	lxw_row_t row;
	int seq;
	kp_totals totals;
	xlsx_cell *cells;
	kp_store *store;
} sheet;

static lxw_format *fmt(lxw_workbook *wb, int size, bool bold, bool border, bool wrap, bool centre)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, XLSX_FONT);
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (wrap)
		format_set_text_wrap(f);
	format_set_align(f, centre ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

void xlsx_add_formats(lxw_workbook *wb, xlsx_formats *fm)
{
	fm->label = fmt(wb, 12, true, false, false, false);
	fm->title = fmt(wb, 16, true, false, true, true);
	fm->line = fmt(wb, 11, false, false, true, false);
	fm->note = fmt(wb, 11, false, false, true, false);
	format_set_align(fm->note, LXW_ALIGN_VERTICAL_TOP);
	fm->head = fmt(wb, 11, true, true, true, true);
	fm->text = fmt(wb, 11, false, true, true, false);
	/* "@": a phone or QQ number typed over in Excel stays text */
	format_set_num_format(fm->text, "@");
	fm->number = fmt(wb, 11, false, true, false, true);
	fm->total = fmt(wb, 11, true, true, false, true);
	fm->box = fmt(wb, 11, false, true, true, false);
	format_set_align(fm->box, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(fm->box, "@");
	fm->centre = fmt(wb, 11, false, true, true, true);
	format_set_num_format(fm->centre, "@");
	fm->typed_text = fmt(wb, 11, false, false, false, false);
	format_set_num_format(fm->typed_text, "@");
	fm->cont = fmt(wb, 11, false, true, true, true);
	format_set_align(fm->cont, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(fm->cont, "@");
	fm->score = fmt(wb, 11, false, true, false, true);
	format_set_num_format(fm->score, "0.0");
	fm->score_total = fmt(wb, 11, true, true, false, true);
	format_set_num_format(fm->score_total, "0.0");
}

int xlsx_fit(double width)
{
	/* A column of width w shows w digits of the default font, a CJK
	 * character of 11 pt 宋体 as wide as two (Excel); a cell keeps a margin.
	 * LibreOffice's stand-in fonts fit more, never less. */
	return (int)width - 1;
}

double xlsx_height(size_t lines)
{
	return (double)lines * XLSX_LINE_PT + XLSX_PAD_PT;
}

double xlsx_span(const double *widths, size_t from, size_t to)
{
	double w = 0;
	for (size_t c = from; c <= to; c++)
		w += widths[c];
	return w;
}

/* A text across columns [0, ncols) at row, as tall as it wraps. */
static void spanned(lxw_worksheet *ws, lxw_row_t row, const char *text, lxw_format *f,
		    const double *widths, size_t ncols, double min_height)
{
	size_t lines = text_wrap(text, xlsx_fit(xlsx_span(widths, 0, ncols - 1)), NULL);
	double h = xlsx_height(lines);
	worksheet_set_row(ws, row, h > min_height ? h : min_height, NULL);
	if (ncols > 1)
		worksheet_merge_range(ws, row, 0, row, (lxw_col_t)(ncols - 1), text, f);
	else
		worksheet_write_string(ws, row, 0, text, f);
}

lxw_row_t xlsx_title(lxw_worksheet *ws, const xlsx_formats *fm, const double *widths, size_t ncols,
		     int attachment, const char *title, const char *line)
{
	lxw_row_t row = 0;
	if (attachment > 0) {
		char label[32];
		snprintf(label, sizeof label, msg(MSG_X_ATTACHMENT), attachment);
		worksheet_set_row(ws, row, 20, NULL);
		worksheet_write_string(ws, row++, 0, label, fm->label);
	}
	/* 16 pt: 22 pt a line; a title wraps at half the columns of 11 pt text */
	size_t lines = text_wrap(title, xlsx_fit(xlsx_span(widths, 0, ncols - 1)) * 11 / 16, NULL);
	worksheet_set_row(ws, row, (double)lines * 22 + 8, NULL);
	if (ncols > 1)
		worksheet_merge_range(ws, row, 0, row, (lxw_col_t)(ncols - 1), title, fm->title);
	else
		worksheet_write_string(ws, row, 0, title, fm->title);
	row++;
	spanned(ws, row++, line, fm->line, widths, ncols, 0);
	return row;
}

lxw_row_t xlsx_note(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t row, const char *text,
		    const double *widths, size_t ncols)
{
	spanned(ws, row, text, fm->note, widths, ncols, 0);
	return row + 1;
}

lxw_row_t xlsx_row(lxw_worksheet *ws, lxw_row_t row, const xlsx_cell *c, const double *widths, size_t n,
		   const xlsx_formats *fm, int seq)
{
	size_t **starts = xcalloc(n, sizeof *starts), *nlines = xcalloc(n, sizeof *nlines);
	size_t rows = 1;
	for (size_t i = 0; i < n; i++) {
		nlines[i] = 1;
		if (!c[i].text)
			continue;
		nlines[i] = text_wrap(c[i].text, xlsx_fit(widths[i]), &starts[i]);
		size_t need = (nlines[i] + XLSX_ROW_LINES - 1) / XLSX_ROW_LINES;
		if (need > rows)
			rows = need;
	}
	/* on a page of its own a piece would be nobody's: its row's number */
	char *mark = rows > 1 && seq >= 0 ? xasprintf(msg(MSG_X_CONTINUED_SEQ), (int)c[seq].number) : NULL;
	size_t mark_lines = mark ? text_wrap(mark, xlsx_fit(widths[seq]), NULL) : 1;
	for (size_t r = 0; r < rows; r++) {
		size_t most = r ? mark_lines : 1;
		for (size_t i = 0; i < n; i++)
			if (nlines[i] > r * XLSX_ROW_LINES) {
				size_t left = nlines[i] - r * XLSX_ROW_LINES;
				if (left > most)
					most = left > XLSX_ROW_LINES ? XLSX_ROW_LINES : left;
			}
		worksheet_set_row(ws, row + (lxw_row_t)r, xlsx_height(most), NULL);
		for (size_t i = 0; i < n; i++) {
			lxw_col_t col = (lxw_col_t)i;
			if (!c[i].text) {
				if (r == 0)
					worksheet_write_number(ws, row, col, c[i].number, c[i].fmt);
				else if ((int)i == seq)
					worksheet_write_string(ws, row + (lxw_row_t)r, col, mark, fm->cont);
				else
					worksheet_write_blank(ws, row + (lxw_row_t)r, col, c[i].fmt);
				continue;
			}
			size_t first = r * XLSX_ROW_LINES;
			if (first >= nlines[i]) {
				worksheet_write_blank(ws, row + (lxw_row_t)r, col, c[i].fmt);
				continue;
			}
			size_t from = starts[i][first];
			size_t to = first + XLSX_ROW_LINES < nlines[i] ? starts[i][first + XLSX_ROW_LINES]
								      : strlen(c[i].text);
			/* a line break ending a piece stays in it (an empty line at
			 * the row's foot, unseen): the pieces joined are the text */
			char *part = xstrndup(c[i].text + from, to - from);
			/* a text going on in the rows under it, each piece from its row's top */
			lxw_format *f = nlines[i] > XLSX_ROW_LINES ? fm->box : c[i].fmt;
			if (part[0])
				worksheet_write_string(ws, row + (lxw_row_t)r, col, part, f);
			else
				worksheet_write_blank(ws, row + (lxw_row_t)r, col, f);
			free(part);
		}
	}
	free(mark);
	for (size_t i = 0; i < n; i++)
		free(starts[i]);
	free(starts);
	free(nlines);
	return row + (lxw_row_t)rows;
}

char *xlsx_date(const kp_field *fd, const char *v)
{
	int y, m, d;
	char buf[32];
	if (fd->type == FT_DATE && date_parse(v, &y, &m, &d)) {
		date_official(buf, y, m, d);
		return xstrdup(buf);
	}
	if (field_holds_month(fd) && yearmonth_parse(v, &y, &m))
		return xasprintf("%d年%d月", y, m);
	return NULL;
}

/* A cell of a record: integers as numbers, the rest as (sanitised) text. */
static char *cell_value(sheet *s, size_t c, const kp_field *fd, const char *v)
{
	if (fd->type == FT_INTEGER && v[0]) {
		s->cells[c] = (xlsx_cell){NULL, (double)strtoll(v, NULL, 10), s->fm->number};
		return NULL;
	}
	/* one date style on paper: the forms' 2016年7月1日, read back as the date */
	char *date = xlsx_date(fd, v);
	if (date) {
		s->cells[c] = (xlsx_cell){date, 0, s->fm->text};
		return date;
	}
	char *shown = store_shown(s->store, fd, v);
	char *clean = utf8_sanitize(shown, fd->type == FT_TEXTAREA);
	free(shown);
	s->cells[c] = (xlsx_cell){clean, 0, s->fm->text};
	return clean;
}

static int put_row(const kp_record *r, void *ctx)
{
	sheet *s = ctx;
	s->seq++;
	char **owned = xcalloc(s->ncols, sizeof *owned);
	int seq = -1;
	for (size_t c = 0; c < s->ncols; c++) {
		const column *col = &s->cols[c];
		if (col->field == -1) { /* the city's table of every unit (附表1): a unit's official 序号,
					 * one unit or all; a list of what units wrote: 1..n */
			s->cells[c] = (xlsx_cell){NULL, s->f->per_unit && s->f->written_by == WRITER_CITY ? r->unit_seq : s->seq,
						  s->fm->number};
			seq = (int)c;
		} else if (col->field == -2)
			s->cells[c] = (xlsx_cell){r->unit_name, 0, s->fm->text};
		else
			owned[c] = cell_value(s, c, &s->f->fields[col->field], r->vals[col->field]);
	}
	s->row = xlsx_row(s->ws, s->row, s->cells, s->widths, s->ncols, s->fm, seq);
	for (size_t c = 0; c < s->ncols; c++)
		free(owned[c]);
	free(owned);
	totals_add(&s->totals, s->f, r);
	return 0;
}

/* The lines of a heading's text in the columns [c, end]. */
static size_t head_lines(const char *t, const xlsx_heading *h, size_t c, size_t end)
{
	double w = 0;
	for (size_t i = c; i <= end; i++)
		w += h[i].width;
	return text_wrap(t, xlsx_fit(w), NULL);
}

/* The last column of the group that c begins. */
static size_t group_end(const xlsx_heading *h, size_t n, size_t c)
{
	size_t end = c;
	while (end + 1 < n && h[end + 1].group && !strcmp(h[end + 1].group, h[c].group))
		end++;
	return end;
}

/* The header's rows' lines, as tall as their texts: a group's over the
 * columns it is merged across (over one column, 「科普人才」 took two
 * lines), and a label spanning both rows over the two together. */
static void head_rows(const xlsx_heading *h, size_t n, bool grouped, size_t *upper_out, size_t *lower_out)
{
	size_t upper = 1, lower = 1, spanning = 1;
	for (size_t c = 0; c < n; c++) {
		if (!grouped || !h[c].group) {
			size_t l = head_lines(h[c].label, h, c, c);
			spanning = l > spanning ? l : spanning;
			continue;
		}
		size_t end = group_end(h, n, c);
		size_t l = head_lines(h[c].group, h, c, end);
		upper = l > upper ? l : upper;
		for (size_t i = c; i <= end; i++) {
			l = head_lines(h[i].label, h, i, i);
			lower = l > lower ? l : lower;
		}
		c = end;
	}
	if (!grouped)
		upper = spanning;
	else if (spanning > upper + lower) /* two rows hold their lines and a padding more */
		upper = spanning - lower;
	*upper_out = upper;
	*lower_out = lower;
}

lxw_row_t xlsx_header(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t top,
		      const xlsx_heading *h, size_t n)
{
	bool grouped = false;
	for (size_t c = 0; c < n; c++) {
		grouped |= h[c].group != NULL;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, h[c].width, NULL);
	}
	size_t upper, lower;
	head_rows(h, n, grouped, &upper, &lower);
	worksheet_set_row(ws, top, xlsx_height(upper), NULL);
	/* Row by row, so a constant-memory sheet keeps every cell: the top row
	 * (groups merged across), the labels under them, then the labels that
	 * span both rows. */
	for (size_t c = 0; c < n; c++) {
		if (!grouped || !h[c].group) {
			worksheet_write_string(ws, top, (lxw_col_t)c, h[c].label, fm->head);
			continue;
		}
		size_t end = group_end(h, n, c);
		if (end > c)
			worksheet_merge_range(ws, top, (lxw_col_t)c, top, (lxw_col_t)end, h[c].group, fm->head);
		else
			worksheet_write_string(ws, top, (lxw_col_t)c, h[c].group, fm->head);
		c = end;
	}
	if (grouped) {
		worksheet_set_row(ws, top + 1, xlsx_height(lower), NULL);
		for (size_t c = 0; c < n; c++)
			if (h[c].group)
				worksheet_write_string(ws, top + 1, (lxw_col_t)c, h[c].label, fm->head);
			else
				worksheet_write_blank(ws, top + 1, (lxw_col_t)c, fm->head);
		for (size_t c = 0; c < n; c++)
			if (!h[c].group)
				worksheet_merge_range(ws, top, (lxw_col_t)c, top + 1, (lxw_col_t)c, h[c].label, fm->head);
	}
	lxw_row_t next = top + (grouped ? 2 : 1);
	worksheet_repeat_rows(ws, top, next - 1);
	return next;
}

/* A column as wide as what its field holds. */
static double field_width(const kp_field *fd, const char *label)
{
	double w;
	switch (fd->type) {
	case FT_TEXTAREA: w = 36; break;
	case FT_MULTICHOICE: w = 24; break;
	case FT_INTEGER: w = 8; break;
	case FT_CHOICE: w = fd->choices ? list_width(fd->choices) + 3 : 10; break;
	case FT_PHONE: w = 16; break;
	case FT_EMAIL: w = 22; break;
	case FT_RECORD: w = 24; break;
	case FT_DATE: w = 15; break;      /* 2016年12月31日 on one line */
	case FT_YEARMONTH: w = 12; break; /* 2016年12月 */
	default: w = fd->max_chars <= 10 ? fd->max_chars * 2 + 3 : 16; break;
	}
	int lw = text_print_width(label) + 3;
	if (lw > 14)
		lw = 14; /* a long label wraps in the header */
	return w > lw ? w : lw;
}

static void put_header(sheet *s)
{
	xlsx_heading *h = xcalloc(s->ncols, sizeof *h);
	for (size_t c = 0; c < s->ncols; c++)
		h[c] = (xlsx_heading){s->cols[c].group, s->cols[c].label, s->cols[c].width};
	s->row = xlsx_header(s->ws, s->fm, s->row, h, s->ncols);
	free(h);
	/* A month typed in Excel where the table ends (August under July) takes
	 * its column's format: text keeps 「2016年8月」 as typed, where 常规
	 * makes it a date. */
	for (size_t c = 0; c < s->ncols; c++)
		if (s->cols[c].field >= 0 && field_holds_month(&s->f->fields[s->cols[c].field]))
			worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, s->cols[c].width, s->fm->typed_text);
}

/* 合计: a SUM over the column for integer fields, its value cached so
 * readers that do not calculate still see it; the label merged across
 * 序号 and 单位 when they stand side by side (附表1). */
static void put_total(sheet *s, lxw_row_t first)
{
	worksheet_set_row(s->ws, s->row, xlsx_height(1), NULL);
	for (size_t c = 0; c < s->ncols; c++) {
		const column *col = &s->cols[c];
		if (col->field == -1 && c + 1 < s->ncols && s->cols[c + 1].field == -2) {
			/* as the seed draws it: 合计 across 序号 and 单位 */
			worksheet_merge_range(s->ws, s->row, (lxw_col_t)c, s->row, (lxw_col_t)(c + 1), s->f->total_row,
					      s->fm->total);
			c++;
			continue;
		}
		if (col->field == -2 || (col->field == -1 && !s->f->per_unit)) {
			worksheet_write_string(s->ws, s->row, (lxw_col_t)c,
					       col->field == -2 ? s->f->total_row : "", s->fm->total);
			continue;
		}
		if (col->field < 0 || s->f->fields[col->field].type != FT_INTEGER) {
			worksheet_write_blank(s->ws, s->row, (lxw_col_t)c, s->fm->total);
			continue;
		}
		char a[16], b[16], formula[48];
		lxw_rowcol_to_cell(a, first, (lxw_col_t)c);
		lxw_rowcol_to_cell(b, s->row - 1, (lxw_col_t)c);
		snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, b);
		worksheet_write_formula_num(s->ws, s->row, (lxw_col_t)c, formula, s->fm->total,
					    (double)s->totals.sum[col->field]);
	}
	s->row++;
}

/* A ruled row with nothing in it. */
static void blank_row(sheet *s, lxw_row_t row)
{
	worksheet_set_row(s->ws, row, xlsx_height(2), NULL);
	for (size_t c = 0; c < s->ncols; c++)
		worksheet_write_blank(s->ws, row, (lxw_col_t)c, s->fm->text);
}

/* Widths are in the unit of the default font's digit (宋体, xlsx_open):
 * 7 to 8 px in Excel, 6.2 pt in LibreOffice's Noto Serif CJK SC (measured:
 * a list of 176 stored units printed on 741 pt at 68 %). A4 between margins
 * of 0.5 inch holds 523 pt portrait and 770 landscape; a sheet is wider than
 * the page by the stored extra 0.71 a column, and is shrunk to fit: these
 * are the units a page holds at 90 % in LibreOffice (at about full size in
 * Excel), with that extra. */
#define LO_UNIT_PT 6.2
#define LEAST_SCALE 0.9
#define PAGE_MARGIN_IN 0.5
#define PORTRAIT_PT 523.0
#define LANDSCAPE_PT 770.0
/* the narrowest a column gives way to: five Chinese characters */
#define LEAST_WIDTH 11.0

static double page_units(double pt, size_t ncols)
{
	return pt / (LO_UNIT_PT * LEAST_SCALE) - 0.71 * (double)ncols;
}

bool xlsx_landscape(const double *widths, size_t ncols)
{
	return ncols > 6 || xlsx_span(widths, 0, ncols - 1) > page_units(PORTRAIT_PT, ncols);
}

/* The wide columns give way in proportion to what each has over its
 * floor (least: five Chinese characters, a date's whole width), until the
 * sheet fits the page at LEAST_SCALE: a long text keeps the widest column
 * (taking a unit at a time from the widest narrowed it to the width of a
 * name), and the text wraps onto more lines (the rows grow to hold it)
 * instead of the whole page being printed small. */
void xlsx_fit_page(double *widths, const double *least, size_t ncols)
{
	double over = xlsx_span(widths, 0, ncols - 1) -
		      page_units(xlsx_landscape(widths, ncols) ? LANDSCAPE_PT : PORTRAIT_PT, ncols);
	double excess = 0;
	for (size_t c = 0; c < ncols; c++)
		excess += widths[c] > least[c] ? widths[c] - least[c] : 0;
	if (over <= 0 || excess <= 0)
		return;
	double keep = over < excess ? (excess - over) / excess : 0;
	for (size_t c = 0; c < ncols; c++)
		if (widths[c] > least[c])
			widths[c] = least[c] + floor((widths[c] - least[c]) * keep);
}

/* A page's head holds at most this many characters a side: the table's
 * name and whose pages they are side by side on one line of portrait A4
 * (47 characters of 11 pt between margins of half an inch). */
#define HEAD_LEFT_CHARS 16
#define HEAD_RIGHT_CHARS 28

static void head_side(strbuf *b, const char *code, const char *text, int chars)
{
	char *q = text_quote(text, chars); /* on one line: a line break is a space */
	char *clean = utf8_sanitize(q, false);
	sb_adds(b, code);
	sb_adds(b, XLSX_FOOT_FONT);
	for (const char *p = clean; *p; p++) {
		if (*p == '&')
			sb_addc(b, '&');
		sb_addc(b, *p);
	}
	free(q);
	free(clean);
}

char *xlsx_page_header(const char *left, const char *right)
{
	strbuf b = STRBUF_INIT;
	head_side(&b, "&L", left, HEAD_LEFT_CHARS);
	head_side(&b, "&R", right, HEAD_RIGHT_CHARS);
	return sb_take(&b);
}

void xlsx_page_setup(lxw_worksheet *ws, const double *widths, size_t ncols, int year, bool one_page,
		     const char *header)
{
	worksheet_set_paper(ws, 9); /* A4 */
	if (xlsx_landscape(widths, ncols))
		worksheet_set_landscape(ws);
	worksheet_set_margins(ws, PAGE_MARGIN_IN, PAGE_MARGIN_IN, -1, -1);
	worksheet_fit_to_pages(ws, 1, one_page ? 1 : 0);
	/* a table narrower than the page sat at its left edge */
	worksheet_center_horizontally(ws);
	char footer[96];
	snprintf(footer, sizeof footer, msg(MSG_X_FOOTER), XLSX_FOOT_FONT, year, XLSX_FOOT_FONT);
	worksheet_set_footer(ws, footer);
	if (header)
		worksheet_set_header(ws, header);
}

void xlsx_signatures(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t row, size_t ncols)
{
	worksheet_set_row(ws, row, xlsx_height(1), NULL);
	/* each across its third of the table: in the 序号 column alone
	 * 「填报人：」 wrapped, its 「：」 on a line of its own */
	const char *labels[] = {msg(MSG_X_FILLED_BY), msg(MSG_X_CHECKED_BY), msg(MSG_X_DATE)};
	for (size_t i = 0; i < 3; i++) {
		lxw_col_t from = (lxw_col_t)(i * ncols / 3), to = (lxw_col_t)((i + 1) * ncols / 3);
		if (to > from + 1)
			worksheet_merge_range(ws, row, from, row, to - 1, labels[i], fm->line);
		else
			worksheet_write_string(ws, row, from, labels[i], fm->line);
	}
}

/* One sheet: 附表N, title, the line under it, header, rows, total, and the
 * signature lines where the form has them. */
static int fill_sheet(kp_env *e, sheet *s, int attachment, const char *title, const char *unit_line,
		      const char *header, long long unit_id, const char *state, bool signatures, char **err)
{
	s->row = xlsx_title(s->ws, s->fm, s->widths, s->ncols, attachment, title, unit_line);
	put_header(s);
	lxw_row_t first = s->row;
	totals_init(&s->totals, s->f);
	int rc = store_each(e->store, s->f, unit_id, state, put_row, s, err);
	if (rc == KP_OK && s->f->total_row && s->row > first)
		put_total(s, first);
	/* No records: ruled rows to fill in by hand, as the seed's 附表4 has
	 * them under its header (two lines tall, room to write). */
	if (rc == KP_OK && s->row == first)
		for (int i = 0; i < XLSX_EMPTY_ROWS; i++)
			blank_row(s, s->row++);
	totals_free(&s->totals);
	s->row++;
	if (signatures)
		xlsx_signatures(s->ws, s->fm, s->row, s->ncols);
	xlsx_page_setup(s->ws, s->widths, s->ncols, store_year(e->store), false, header);
	return rc == KP_OK ? 0 : -1;
}

/* A sheet name: at most 31 characters, none of []:*?/\ . */
static char *sheet_name(const char *s)
{
	char *n = xstrdup(s);
	for (char *p = n; *p; p++)
		if (strchr("[]:*?/\\\\", *p))
			*p = '_';
	return n;
}

/* kepu creates the file itself, so a path that cannot be written is
 * refused in kepu's words before any work; libxlsxwriter then writes over
 * it (its own messages go nowhere: xlsx_lib.c). */
lxw_workbook *xlsx_open(const char *path, bool constant_memory, char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666); /* never overwrite */
	if (fd < 0) {
		*err = errno == EEXIST ? xasprintf(msg(MSG_C_OUT_EXISTS), path)
				       : xasprintf(msg(MSG_X_CANT_WRITE), path, strerror(errno));
		return NULL;
	}
	close(fd);
	lxw_workbook_options o = {.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE};
	errno = 0;
	lxw_workbook *wb = workbook_new_opt(path, &o);
	if (!wb) {
		int e = errno;
		*err = xlsx_lib_error()[0] ? xasprintf(msg(MSG_C_NO_XLSX_LIB), xlsx_lib_error())
					   : xasprintf(msg(MSG_X_CANT_WRITE), path,
						       e ? strerror(e) : msg(MSG_C_WRITE_ERROR));
		unlink(path);
		return NULL;
	}
	/* docProps name kepu (app.xml, libxlsxwriter's own, is replaced by xlsx_close) */
	lxw_doc_properties props = {.author = "kepu", .company = (char *)msg(MSG_X_DOC_COMPANY),
				    .comments = "kepu " KEPU_VERSION};
	workbook_set_properties(wb, &props);
	/* The default format's font (libxlsxwriter's Calibri, the first format)
	 * is the unit of every column's width: 宋体, the cells' own, so a width
	 * holds as many digits as it says. LibreOffice without Calibri measured
	 * the unit in DejaVu Sans, a third wider, and shrank the lists to 60 %. */
	lxw_format *base = STAILQ_FIRST(wb->formats);
	format_set_font_name(base, XLSX_FONT);
	format_set_font_family(base, 3);
	format_set_font_scheme(base, "");
	format_set_theme(base, 0);
	return wb;
}

/* A workbook not written whole is removed: half a file must not pass for
 * the whole one. */
int xlsx_close(lxw_workbook *wb, const char *path, int rc, char **err)
{
	errno = 0;
	lxw_error x = workbook_close(wb);
	int e = errno;
	if (rc == 0 && x != LXW_NO_ERROR) {
		*err = xasprintf(msg(MSG_X_CANT_WRITE), path, e ? strerror(e) : msg(MSG_C_WRITE_ERROR));
		rc = -1;
	}
	if (rc == 0 && xlsx_app_rewrite(path, err) != 0)
		rc = -1;
	if (rc != 0)
		unlink(path);
	return rc;
}

bool unit_is_county(const char *name)
{
	/* A 县, 市 or 区 is one; a development zone (开发区, 示范区) or a
	 * 管委会 is not, as the city's documents list them apart. */
	static const char *const ends[] = {"县", "市", "区"}, *const zones[] = {"开发区", "示范区"};
	size_t len = strlen(name);
	bool yes = false;
	for (size_t i = 0; i < 3; i++)
		yes |= len > strlen(ends[i]) && !strcmp(name + len - strlen(ends[i]), ends[i]);
	for (size_t i = 0; i < 2; i++)
		yes &= !(len >= strlen(zones[i]) && !strcmp(name + len - strlen(zones[i]), zones[i]));
	return yes;
}

char *xlsx_line(const char *tmpl, const char *unit, int year)
{
	strbuf b = STRBUF_INIT;
	const char *p = tmpl;
	for (const char *o; (o = strchr(p, '{'));) {
		sb_add(&b, p, (size_t)(o - p));
		if (!strncmp(o, "{unit}", 6)) {
			sb_adds(&b, unit);
			p = o + 6;
		} else if (!strncmp(o, "{year}", 6)) {
			sb_printf(&b, "%d", year);
			p = o + 6;
		} else if (!strncmp(o, "{county}", 8)) {
			sb_adds(&b, unit_is_county(unit) ? msg(MSG_X_COUNTY) : "");
			p = o + 8;
		} else {
			sb_addc(&b, '{');
			p = o + 1;
		}
	}
	sb_adds(&b, p);
	return sb_take(&b);
}

/* LibreOffice Calc opens at most 10,000 sheets (MAXTABCOUNT in its
 * sc/inc/address.hxx) and refuses a bigger book; long before that, a book
 * of thousands of one-record sheets takes minutes and gigabytes to open or
 * print in any office program. kepu writes and reads such a book, and
 * says so: never split without being asked, as the book is the one the
 * clerk asked for. */
#define XLSX_SHEETS_OFFICE 1000

int export_xlsx(kp_env *e, const kp_form *f, const kp_view *v, long long unit_id, const char *state,
		const char *path, char **note, char **err)
{
	*note = NULL;
	if (!v && f->paper) { /* one record a page, as the form is printed */
		size_t sheets = 0;
		int rc = export_paper(e, f, unit_id, state, path, &sheets, err);
		if (rc == 0 && sheets > XLSX_SHEETS_OFFICE)
			*note = xasprintf(msg(MSG_X_MANY_SHEETS), sheets, (size_t)XLSX_SHEETS_OFFICE);
		return rc;
	}
	lxw_workbook *wb = xlsx_open(path, true, err);
	if (!wb)
		return -1;
	xlsx_formats fm;
	xlsx_add_formats(wb, &fm);
	const kp_form *src = v ? v->source : f;
	column *cols = xcalloc(src->nfields + 2, sizeof *cols);
	size_t n = 0;
	cols[n++] = (column){-1, msg(MSG_UI_COL_SEQ), NULL, 6};
	if (!v)
		cols[n++] = (column){-2, f->unit_label, NULL, 18};
	if (v)
		for (size_t c = 0; c < v->ncolumns; c++) {
			const kp_field *fd = &src->fields[v->columns[c].field];
			cols[n++] = (column){v->columns[c].field, v->columns[c].label, NULL,
					     field_width(fd, v->columns[c].label)};
		}
	else
		for (size_t i = 0; i < f->nfields; i++)
			cols[n++] = (column){(int)i, f->fields[i].label, f->fields[i].group,
					     field_width(&f->fields[i], f->fields[i].label)};
	double *widths = xcalloc(n, sizeof *widths);
	double *least = xcalloc(n, sizeof *least);
	for (size_t c = 0; c < n; c++) {
		widths[c] = cols[c].width;
		kp_ftype type = cols[c].field >= 0 ? src->fields[cols[c].field].type : FT_COUNT;
		least[c] = type == FT_DATE || type == FT_YEARMONTH || widths[c] < LEAST_WIDTH ? widths[c] : LEAST_WIDTH;
	}
	xlsx_fit_page(widths, least, n);
	free(least);
	for (size_t c = 0; c < n; c++)
		cols[c].width = widths[c];
	const char *title = v ? (v->description ? v->description : v->title)
			      : f->description ? f->description : f->title;
	const char *tmpl = v ? v->line : f->line;
	int attachment = v ? v->attachment : f->attachment;
	kp_unit *units = NULL;
	size_t nunits = store_units(e->store, &units);
	xlsx_cell *cells = xcalloc(n, sizeof *cells);
	int rc = 0;
	/* A view of every unit: a sheet per unit, numbered from 1 in each. */
	for (size_t u = 0; u < nunits && rc == 0; u++) {
		bool this_unit = unit_id ? units[u].id == unit_id : v != NULL;
		if (!this_unit && (unit_id || v))
			continue;
		char *name = sheet_name(this_unit ? units[u].name : src->title);
		/* A form only the city writes (附表1) names no 填报单位: its year alone. */
		const char *deflt = !v && f->written_by == WRITER_CITY ? msg(MSG_X_YEAR_LINE) : msg(MSG_X_UNIT_LINE);
		char *line = xlsx_line(tmpl ? tmpl : deflt, this_unit ? units[u].name : msg(MSG_X_ALL_UNITS),
				       store_year(e->store));
		/* every page names its table and unit: a page of a long list, printed alone */
		char *header = xlsx_page_header(v ? v->title : f->title, this_unit ? units[u].name : msg(MSG_X_ALL_UNITS));
		sheet s = {src, workbook_add_worksheet(wb, name), &fm, cols, widths, n, 0, 0, {0}, cells, e->store};
		rc = fill_sheet(e, &s, attachment, title, line, header, this_unit ? units[u].id : 0, state,
				attachment == 0, err);
		free(name);
		free(line);
		free(header);
		if (!this_unit)
			break; /* a form's records of every unit: one sheet */
	}
	unit_list_free(units, nunits);
	free(cells);
	free(widths);
	free(cols);
	return xlsx_close(wb, path, rc, err);
}
