#include "domain/xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/totals.h"
#include "form/validate.h"

#include "domain/xlsx_common.h"
#include "domain/xlsx_lib.h"

/* One column of the printed table: 序号, the unit, or a field. */
typedef struct {
	int field; /* -1: 序号, -2: the unit */
	const char *label;
	const char *group;
} column;

typedef struct {
	const kp_form *f;
	lxw_worksheet *ws;
	xlsx_formats *fm;
	column *cols;
	size_t ncols;
	lxw_row_t row;
	int seq;
	kp_totals totals;
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
	fm->title = fmt(wb, 16, true, false, false, true);
	fm->line = fmt(wb, 11, false, false, false, false);
	fm->head = fmt(wb, 11, true, true, true, true);
	fm->text = fmt(wb, 11, false, true, true, false);
	fm->number = fmt(wb, 11, false, true, false, true);
	fm->total = fmt(wb, 11, true, true, false, true);
}

/* A cell of a record: integers as numbers, the rest as (sanitised) text. */
static void put_value(sheet *s, lxw_col_t c, const kp_field *fd, const char *v)
{
	if (fd->type == FT_INTEGER && v[0]) {
		worksheet_write_number(s->ws, s->row, c, (double)strtoll(v, NULL, 10), s->fm->number);
		return;
	}
	char *shown = fd->type == FT_MULTICHOICE ? multi_join(v) : xstrdup(v);
	char *clean = utf8_sanitize(shown, fd->type == FT_TEXTAREA);
	worksheet_write_string(s->ws, s->row, c, clean, s->fm->text);
	free(clean);
	free(shown);
}

static int put_row(const kp_record *r, void *ctx)
{
	sheet *s = ctx;
	s->seq++;
	for (size_t c = 0; c < s->ncols; c++) {
		const column *col = &s->cols[c];
		if (col->field == -1)
			worksheet_write_number(s->ws, s->row, (lxw_col_t)c,
					       s->f->per_unit ? r->unit_seq : s->seq, s->fm->number);
		else if (col->field == -2)
			worksheet_write_string(s->ws, s->row, (lxw_col_t)c, r->unit_name, s->fm->text);
		else
			put_value(s, (lxw_col_t)c, &s->f->fields[col->field], r->vals[col->field]);
	}
	totals_add(&s->totals, s->f, r);
	s->row++;
	return 0;
}

lxw_row_t xlsx_header(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t top,
		      const xlsx_heading *h, size_t n)
{
	bool grouped = false;
	for (size_t c = 0; c < n; c++)
		grouped |= h[c].group != NULL;
	for (size_t c = 0; c < n; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, h[c].width, NULL);
		if (!grouped) {
			worksheet_write_string(ws, top, (lxw_col_t)c, h[c].label, fm->head);
			continue;
		}
		if (!h[c].group) {
			worksheet_merge_range(ws, top, (lxw_col_t)c, top + 1, (lxw_col_t)c, h[c].label, fm->head);
			continue;
		}
		size_t end = c;
		while (end + 1 < n && h[end + 1].group && !strcmp(h[end + 1].group, h[c].group))
			end++;
		if (end > c)
			worksheet_merge_range(ws, top, (lxw_col_t)c, top, (lxw_col_t)end, h[c].group, fm->head);
		else
			worksheet_write_string(ws, top, (lxw_col_t)c, h[c].group, fm->head);
		for (size_t k = c; k <= end; k++)
			worksheet_write_string(ws, top + 1, (lxw_col_t)k, h[k].label, fm->head);
		c = end;
	}
	lxw_row_t next = top + (grouped ? 2 : 1);
	worksheet_repeat_rows(ws, top, next - 1);
	return next;
}

/* A form's header: 序号 narrow, long labels wide. */
static void put_header(sheet *s)
{
	xlsx_heading *h = xcalloc(s->ncols, sizeof *h);
	for (size_t c = 0; c < s->ncols; c++) {
		const column *col = &s->cols[c];
		h[c] = (xlsx_heading){col->group, col->label,
				      col->field == -1 ? 6 : utf8_width(col->label) > 10 ? 24 : 14};
	}
	s->row = xlsx_header(s->ws, s->fm, s->row, h, s->ncols);
	free(h);
}

/* 合计: a SUM over the column for integer fields, its value cached so
 * readers that do not calculate still see it. */
static void put_total(sheet *s, lxw_row_t first)
{
	for (size_t c = 0; c < s->ncols; c++) {
		const column *col = &s->cols[c];
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

void xlsx_page_setup(lxw_worksheet *ws, size_t ncols)
{
	worksheet_set_paper(ws, 9); /* A4 */
	if (ncols > 6)
		worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
}

void xlsx_title(lxw_worksheet *ws, const xlsx_formats *fm, size_t ncols, const char *title,
		const char *line)
{
	lxw_col_t last = (lxw_col_t)(ncols - 1);
	worksheet_merge_range(ws, 0, 0, 0, last, title, fm->title);
	worksheet_set_row(ws, 0, 30, NULL);
	worksheet_merge_range(ws, 1, 0, 1, last, line, fm->line);
}

void xlsx_signatures(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t row, size_t ncols)
{
	worksheet_write_string(ws, row, 0, msg(MSG_X_FILLED_BY), fm->line);
	worksheet_write_string(ws, row, (lxw_col_t)(ncols / 3), msg(MSG_X_CHECKED_BY), fm->line);
	worksheet_write_string(ws, row, (lxw_col_t)(2 * ncols / 3), msg(MSG_X_DATE), fm->line);
}

/* One sheet: title, unit line, header, rows, total, signature lines. */
static int fill_sheet(kp_env *e, sheet *s, const char *title, const char *unit_line, long long unit_id,
		      char **err)
{
	xlsx_title(s->ws, s->fm, s->ncols, title, unit_line);
	s->row = 2;
	put_header(s);
	lxw_row_t first = s->row;
	totals_init(&s->totals, s->f);
	int rc = store_each(e->store, s->f, unit_id, put_row, s, err);
	if (rc == KP_OK && s->f->total_row && s->row > first)
		put_total(s, first);
	totals_free(&s->totals);
	s->row++;
	xlsx_signatures(s->ws, s->fm, s->row, s->ncols);
	xlsx_page_setup(s->ws, s->ncols);
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

lxw_workbook *xlsx_open(const char *path, char **err)
{
	if (access(path, F_OK) == 0) { /* never overwrite */
		*err = xasprintf(msg(MSG_C_OUT_EXISTS), path);
		return NULL;
	}
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		*err = xlsx_lib_error()[0] ? xasprintf(msg(MSG_C_NO_XLSX_LIB), xlsx_lib_error())
					   : xasprintf("%s: %s", path, strerror(errno));
	return wb;
}

int xlsx_close(lxw_workbook *wb, const char *path, int rc, char **err)
{
	lxw_error x = workbook_close(wb);
	if (rc == 0 && x != LXW_NO_ERROR) {
		*err = xasprintf("%s: %s", path, lxw_strerror(x));
		rc = -1;
	}
	return rc;
}

int export_xlsx(kp_env *e, const kp_form *f, const kp_view *v, long long unit_id, const char *path,
		char **err)
{
	lxw_workbook *wb = xlsx_open(path, err);
	if (!wb)
		return -1;
	xlsx_formats fm;
	xlsx_add_formats(wb, &fm);
	const kp_form *src = v ? v->source : f;
	column *cols = xcalloc(src->nfields + 2, sizeof *cols);
	size_t n = 0;
	cols[n++] = (column){-1, msg(MSG_UI_COL_SEQ), NULL};
	if (!v)
		cols[n++] = (column){-2, f->unit_label, NULL};
	if (v)
		for (size_t c = 0; c < v->ncolumns; c++)
			cols[n++] = (column){v->columns[c].field, v->columns[c].label, NULL};
	else
		for (size_t i = 0; i < f->nfields; i++)
			cols[n++] = (column){(int)i, f->fields[i].label, f->fields[i].group};
	const char *title = v ? (v->description ? v->description : v->title)
			      : f->description ? f->description : f->title;
	kp_unit *units = NULL;
	size_t nunits = store_units(e->store, &units);
	int rc = 0;
	/* A view of every unit: a sheet per unit, numbered from 1 in each. */
	for (size_t u = 0; u < nunits && rc == 0; u++) {
		bool this_unit = unit_id ? units[u].id == unit_id : v != NULL;
		if (!this_unit && (unit_id || v))
			continue;
		char *name = sheet_name(this_unit ? units[u].name : src->title);
		char *line = xasprintf(msg(MSG_X_UNIT_LINE), this_unit ? units[u].name : msg(MSG_X_ALL_UNITS));
		sheet s = {src, workbook_add_worksheet(wb, name), &fm, cols, n, 0, 0, {0}};
		rc = fill_sheet(e, &s, title, line, this_unit ? units[u].id : 0, err);
		free(name);
		free(line);
		if (!this_unit)
			break; /* a form's records of every unit: one sheet */
	}
	unit_list_free(units, nunits);
	free(cols);
	return xlsx_close(wb, path, rc, err);
}
