/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/xlsx_report.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/xlsx.h"
#include "domain/xlsx_common.h"

/* One column: its group (a heading over several, or NULL), its label, and
 * whether the 合计 row sums it. */
typedef struct {
	xlsx_heading h;
	bool sum;
} rcol;

typedef struct {
	lxw_worksheet *ws;
	xlsx_formats fm;
	const rcol *cols;
	size_t ncols;
	double *widths;
	lxw_row_t row, first;
	size_t lines; /* the row's, as its most wrapped cell so far */
} report;

static void header(report *r)
{
	xlsx_heading *h = xcalloc(r->ncols, sizeof *h);
	for (size_t c = 0; c < r->ncols; c++)
		h[c] = r->cols[c].h;
	r->row = r->first = xlsx_header(r->ws, &r->fm, r->row, h, r->ncols);
	free(h);
}

/* A row starts at its column 0 one line tall; a cell that wraps to more
 * (a late report's 报送时间 and its 修改 mark) makes it taller. */
static void row_lines(report *r, size_t c, size_t lines)
{
	if (c == 0)
		r->lines = 0;
	if (lines > r->lines) {
		r->lines = lines;
		worksheet_set_row(r->ws, r->row, xlsx_height(lines), NULL);
	}
}

static void text(report *r, size_t c, const char *s, bool total)
{
	row_lines(r, c, text_wrap(s, xlsx_fit(r->widths[c]), NULL));
	worksheet_write_string(r->ws, r->row, (lxw_col_t)c, s, total ? r->fm.total : r->fm.text);
}

static void number(report *r, size_t c, double v, bool total)
{
	row_lines(r, c, 1);
	if (total && r->cols[c].sum && r->row > r->first) { /* =SUM(…), its value cached */
		char a[16], b[16], f[48];
		lxw_rowcol_to_cell(a, r->first, (lxw_col_t)c);
		lxw_rowcol_to_cell(b, r->row - 1, (lxw_col_t)c);
		snprintf(f, sizeof f, "=SUM(%s:%s)", a, b);
		worksheet_write_formula_num(r->ws, r->row, (lxw_col_t)c, f, r->fm.total, v);
	} else {
		worksheet_write_number(r->ws, r->row, (lxw_col_t)c, v, total ? r->fm.total : r->fm.number);
	}
}

/* Start a sheet: title, line, header. */
static lxw_workbook *begin(report *r, const char *path, const char *sheet, const char *title,
			   const char *line, const rcol *cols, size_t ncols, char **err)
{
	lxw_workbook *wb = xlsx_open(path, true, err);
	if (!wb)
		return NULL;
	xlsx_add_formats(wb, &r->fm);
	r->ws = workbook_add_worksheet(wb, sheet);
	r->cols = cols;
	r->ncols = ncols;
	r->widths = xcalloc(ncols, sizeof *r->widths);
	for (size_t c = 0; c < ncols; c++)
		r->widths[c] = cols[c].h.width;
	r->row = xlsx_title(r->ws, &r->fm, r->widths, ncols, 0, title, line);
	header(r);
	return wb;
}

/* After the rows: notes, one per row across the table, then signatures.
 * A report is a row a unit: it prints on one page, so the notes and the
 * signature line stay with the table (never a page of their own). */
static int end(report *r, lxw_workbook *wb, const char *path, char *const *notes, size_t nnotes,
	       int year, char **err)
{
	r->row++;
	for (size_t i = 0; i < nnotes; i++) /* wrapped inside the page, as tall as they need */
		r->row = xlsx_note(r->ws, &r->fm, r->row, notes[i], r->widths, r->ncols);
	xlsx_signatures(r->ws, &r->fm, r->row + 1, r->ncols);
	xlsx_page_setup(r->ws, r->widths, r->ncols, year, true, NULL); /* one page: its title names it */
	free(r->widths);
	return xlsx_close(wb, path, 0, err);
}

int briefing_xlsx(const kp_briefing *b, const char *path, char **err)
{
	size_t n = b->ncols + 3;
	rcol *cols = xcalloc(n, sizeof *cols);
	cols[0] = (rcol){{NULL, msg(MSG_UI_COL_SEQ), 6}, false};
	cols[1] = (rcol){{NULL, msg(MSG_P_COL_UNIT), 18}, false};
	for (size_t k = 0; k < b->ncols; k++) {
		const kp_field *fd = &b->form->fields[b->cols[k]];
		cols[2 + k] = (rcol){{fd->group, fd->label, 11}, true};
	}
	cols[n - 1] = (rcol){{NULL, msg(MSG_R_COL_SAVED), 16}, false};
	char due[24];
	date_official(due, b->due_y, b->due_m, b->due_d);
	char *title = xasprintf(msg(MSG_R_BRIEFING), atoi(b->month), atoi(b->month + 5), due);
	char *line = xasprintf(msg(MSG_X_REPORTED), b->nreported, b->n, b->nlate);
	report r;
	lxw_workbook *wb = begin(&r, path, b->month, title, line, cols, n, err);
	int rc = -1;
	if (wb) {
		for (size_t i = 0; i < b->n; i++, r.row++) {
			const kp_briefing_row *row = &b->rows[i];
			number(&r, 0, (double)(i + 1), false);
			text(&r, 1, row->name, false);
			for (size_t k = 0; k < b->ncols; k++)
				if (row->reported)
					number(&r, 2 + k, (double)row->vals[k], false);
				else
					text(&r, 2 + k, "", false);
			/* the day as every kepu paper writes one: 2016年8月1日 */
			char day[24] = "", when[128];
			int y, m, d;
			char saved[11];
			snprintf(saved, sizeof saved, "%.10s", row->saved_at);
			if (row->reported && date_parse(saved, &y, &m, &d))
				date_official(day, y, m, d);
			snprintf(when, sizeof when, "%s%s%s", row->reported ? day : msg(MSG_R_NOT_REPORTED),
				 row->late ? msg(MSG_R_LATE_MARK) : "", row->changed);
			text(&r, n - 1, when, false);
		}
		text(&r, 0, "", true);
		text(&r, 1, msg(MSG_P_TOTAL), true);
		for (size_t k = 0; k < b->ncols; k++)
			number(&r, 2 + k, (double)b->totals[k], true);
		text(&r, n - 1, "", true);
		r.row++;
		char *notes[] = {briefing_missing_text(b)};
		/* the month's year: the one its title names */
		rc = end(&r, wb, path, notes, 1, atoi(b->month), err);
		free(notes[0]);
	}
	free(title);
	free(line);
	free(cols);
	return rc;
}

/* 合计 of a done column: only the rows with a quota (a number; 免 is
 * text), as progress.c's add_to_total counts it. */
static void done_total(report *r, size_t c, double v)
{
	char d0[16], d1[16], q0[16], q1[16], f[96];
	lxw_rowcol_to_cell(d0, r->first, (lxw_col_t)c);
	lxw_rowcol_to_cell(d1, r->row - 1, (lxw_col_t)c);
	lxw_rowcol_to_cell(q0, r->first, (lxw_col_t)c + 1);
	lxw_rowcol_to_cell(q1, r->row - 1, (lxw_col_t)c + 1);
	snprintf(f, sizeof f, "=SUMIF(%s:%s,\">0\",%s:%s)", q0, q1, d0, d1);
	row_lines(r, c, 1);
	worksheet_write_formula_num(r->ws, r->row, (lxw_col_t)c, f, r->fm.total, v);
}

int progress_xlsx(const kp_progress *p, const char *path, char **err)
{
	/* 名次 a number (Excel sorts it), 并列 or 免 beside it */
	size_t n = 3 + 2 * p->ncols + 1;
	rcol *cols = xcalloc(n, sizeof *cols);
	cols[0] = (rcol){{NULL, msg(MSG_R_COL_RANK), 6}, false};
	cols[1] = (rcol){{NULL, msg(MSG_X_RANK_MARK), 7}, false};
	cols[2] = (rcol){{NULL, msg(MSG_P_COL_UNIT), 18}, false};
	for (size_t k = 0; k < p->ncols; k++) { /* each column: done and quota under its label */
		cols[3 + 2 * k] = (rcol){{p->labels[k], msg(MSG_X_DONE), 9}, true};
		cols[4 + 2 * k] = (rcol){{p->labels[k], msg(MSG_X_QUOTA), 9}, true};
	}
	cols[n - 1] = (rcol){{NULL, msg(MSG_X_SCORE_PCT), 11}, false};
	char *line = xlsx_line(msg(MSG_X_ALL_UNITS_LINE), "", p->year);
	report r;
	lxw_workbook *wb = begin(&r, path, msg(MSG_P_SCORE), msg(MSG_R_RANKING), line, cols, n, err);
	int rc = -1;
	if (wb) {
		for (size_t i = 0; i <= p->n; i++, r.row++) {
			const kp_progress_row *row = i < p->n ? &p->rows[i] : &p->total;
			bool total = i == p->n;
			if (!total && row->rank)
				number(&r, 0, row->rank, false);
			else /* none while nothing counts, nor for 合计 or a unit exempt from all */
				text(&r, 0, "", total);
			text(&r, 1, total ? "" : row->exempt ? msg(MSG_P_EXEMPT) : row->tied ? msg(MSG_X_TIED) : "", total);
			text(&r, 2, row->name, total);
			for (size_t k = 0; k < p->ncols; k++) {
				if (total && r.row > r.first)
					done_total(&r, 3 + 2 * k, (double)row->done[k]);
				else
					number(&r, 3 + 2 * k, (double)row->done[k], total);
				if (row->quota[k] > 0)
					number(&r, 4 + 2 * k, (double)row->quota[k], total);
				else /* exempt: scored at the city's mean */
					text(&r, 4 + 2 * k, msg(MSG_P_EXEMPT), total);
			}
			/* the score as the screen shows it: rounded once, half-up;
			 * 免 for a unit exempt from all (the notes say why), never a
			 * number it was not scored with */
			if (row->exempt)
				text(&r, n - 1, msg(MSG_P_EXEMPT), false);
			else
				worksheet_write_number(r.ws, r.row, (lxw_col_t)(n - 1), row->score,
						       total ? r.fm.score_total : r.fm.score);
		}
		char *notes[] = {p->formula, p->formula_note, p->exempt_note};
		rc = end(&r, wb, path, notes, p->exempt_note ? 3 : 2, p->year, err);
	}
	free(line);
	free(cols);
	return rc;
}
