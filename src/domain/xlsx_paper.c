/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx_paper: a form printed as the seed prints it, one record a page — the
 * 附表2 推荐表 and the 附表3 入库表. The layout is data (the form's `paper`
 * key, docs/forms.md); this file knows no form.
 *
 * A sheet per record, each fitted to one A4 page: a record whose texts are
 * long prints smaller rather than on two pages, and a page of one record
 * never depends on another's length (one sheet with page breaks would
 * scale every record alike, to the longest). A workbook of no records
 * holds one blank form, to fill in by hand.
 */
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/json.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/xlsx.h"
#include "domain/xlsx_common.h"
#include "form/validate.h"

/* Above this a grid row is split into rows merged into one box (Excel's
 * limit is 409 pt a row). */
#define ROW_PT_MAX 390.0

typedef struct {
	const kp_form *f;
	const kp_paper *p;
	lxw_workbook *wb;
	xlsx_formats fm;
	int year;              /* the export's programme year: the blank form's */
	int seq;
	lxw_worksheet **pages; /* a sheet a record, numbered once all are written */
	int *years;            /* each page's record's own year (#27): {year} and its foot */
} paper;

/* A value as printed: dates as 2016年7月15日, months as 2016年7月 (blank
 * ones as spaces before 年 月 to write in), several choices joined by 、. */
static char *shown(const kp_field *fd, const char *v)
{
	int y, m, d;
	char buf[32];
	if (fd->type == FT_DATE) {
		if (!v[0] || !date_parse(v, &y, &m, &d))
			return xstrdup(v[0] ? v : msg(MSG_X_EMPTY_DATE));
		date_official(buf, y, m, d);
		return xstrdup(buf);
	}
	if (fd->type == FT_YEARMONTH) {
		if (!v[0] || !yearmonth_parse(v, &y, &m))
			return xstrdup(v[0] ? v : msg(MSG_X_EMPTY_YM));
		return xasprintf("%d年%d月", y, m);
	}
	char *s = fd->type == FT_MULTICHOICE ? multi_join(v) : xstrdup(v);
	char *clean = utf8_sanitize(s, fd->type == FT_TEXTAREA);
	free(s);
	return clean;
}

/* {field}, {unit} and {year} of a template filled from the record. */
static char *fill(const paper *pp, const char *t, const kp_record *r)
{
	const kp_form *f = pp->f;
	strbuf b = STRBUF_INIT;
	const char *p = t;
	for (const char *o; (o = strchr(p, '{'));) {
		const char *e = strchr(o, '}');
		if (!e)
			break;
		sb_add(&b, p, (size_t)(o - p));
		char *name = xstrndup(o + 1, (size_t)(e - o - 1));
		int k = form_field_index(f, name);
		if (!strcmp(name, "unit")) {
			sb_adds(&b, r ? r->unit_name : "");
		} else if (!strcmp(name, "year")) {
			sb_printf(&b, "%d", r ? r->year : pp->year);
		} else if (k >= 0) {
			char *v = shown(&f->fields[k], r ? r->vals[k] : "");
			sb_adds(&b, v);
			free(v);
		}
		free(name);
		p = e + 1;
	}
	sb_adds(&b, p);
	return sb_take(&b);
}

/* Is item chosen in the stored value (one choice, or a JSON array)? */
static bool chosen(const kp_field *fd, const char *v, const char *item)
{
	if (fd->type != FT_MULTICHOICE)
		return !strcmp(v, item);
	char **items;
	size_t n;
	bool yes = false;
	if (json_array_decode(v, &items, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			yes |= !strcmp(items[i], item);
		json_array_free(items, n);
	}
	return yes;
}

/* Every choice as ■ (chosen) or □, per_line a line, in columns of equal
 * width (full-width spaces), as the seed prints them to 涂■. */
static void boxes(strbuf *b, const kp_field *fd, const char *v, int per_line, const char *other)
{
	const kp_list *l = fd->choices;
	int widest = 0;
	for (size_t i = 0; i < l->n; i++) {
		int w = text_print_width(l->items[i]);
		widest = w > widest ? w : widest;
	}
	for (size_t i = 0; i < l->n; i++) {
		sb_adds(b, msg(chosen(fd, v, l->items[i]) ? MSG_X_CHECKED : MSG_X_UNCHECKED));
		sb_adds(b, l->items[i]);
		bool last = i + 1 == l->n;
		if (last && other && other[0])
			sb_printf(b, "（%s）", other);
		if (last)
			break;
		if ((i + 1) % (size_t)per_line == 0) {
			sb_addc(b, '\n');
			continue;
		}
		for (int w = text_print_width(l->items[i]); w < widest + 2; w += 2)
			sb_adds(b, "　");
	}
}

/* The text of a cell for record r (NULL: a blank form). */
static char *cell_text(const paper *pp, const kp_pcell *c, const kp_record *r, int cols)
{
	if (c->kind == PC_LABEL)
		return xstrdup(c->text);
	if (c->kind == PC_TEXT)
		return fill(pp, c->text, r);
	const kp_field *fd = &pp->f->fields[c->field];
	const char *v = r ? r->vals[c->field] : "";
	strbuf b = STRBUF_INIT;
	if (c->caption) {
		sb_adds(&b, c->caption);
		sb_addc(&b, '\n');
	}
	if (c->boxes) {
		char *other = c->other >= 0 && r ? shown(&pp->f->fields[c->other], r->vals[c->other]) : NULL;
		boxes(&b, fd, v, c->boxes, other);
		free(other);
	} else {
		char *s = shown(fd, v);
		sb_adds(&b, s);
		free(s);
	}
	if (c->seal) { /* room to sign, then the stamp and the day at the foot, to the right */
		const char *lines[] = {msg(MSG_X_SEAL), msg(MSG_X_SIGN_DATE)};
		sb_adds(&b, "\n\n");
		for (size_t n = text_wrap(sb_str(&b), cols, NULL); n + 2 < (size_t)c->lines; n++)
			sb_addc(&b, '\n');
		for (size_t i = 0; i < 2; i++) {
			for (int w = text_print_width(lines[i]); w + 2 < cols - 4; w += 2)
				sb_adds(&b, "　");
			sb_adds(&b, lines[i]);
			if (i == 0)
				sb_addc(&b, '\n');
		}
	}
	return sb_take(&b);
}

static lxw_format *cell_format(const paper *pp, const kp_pcell *c)
{
	if (c->kind == PC_LABEL || c->centre)
		return pp->fm.centre;
	return c->kind == PC_FIELD && (c->caption || c->lines > 1 || c->seal) ? pp->fm.box : pp->fm.text;
}

/* A text across the whole width at row, as tall as it wraps. */
static lxw_row_t across(lxw_worksheet *ws, const kp_paper *p, lxw_row_t row, const char *text,
			lxw_format *f, double line_pt, double size_ratio)
{
	int cols = (int)(xlsx_fit(xlsx_span(p->widths, 0, p->ncols - 1)) * size_ratio);
	size_t lines = text_wrap(text, cols, NULL);
	worksheet_set_row(ws, row, (double)lines * line_pt + XLSX_PAD_PT, NULL);
	worksheet_merge_range(ws, row, 0, row, (lxw_col_t)(p->ncols - 1), text, f);
	return row + 1;
}

/* One grid row: each cell as tall as its text (at least its lines), the
 * tallest deciding; a box taller than a row can be is merged over rows. */
static lxw_row_t grid_row(const paper *pp, lxw_worksheet *ws, lxw_row_t row, const kp_prow *pr,
			  const kp_record *r)
{
	char **texts = xcalloc(pr->n, sizeof *texts);
	size_t most = 1;
	for (size_t i = 0, col = 0; i < pr->n; col += (size_t)pr->cells[i++].span) {
		const kp_pcell *c = &pr->cells[i];
		int cols = xlsx_fit(xlsx_span(pp->p->widths, col, col + (size_t)c->span - 1));
		texts[i] = cell_text(pp, c, r, cols);
		size_t lines = text_wrap(texts[i], cols, NULL);
		if ((size_t)c->lines > lines)
			lines = (size_t)c->lines;
		most = lines > most ? lines : most;
	}
	double height = xlsx_height(most);
	size_t k = (size_t)(height / ROW_PT_MAX) + 1;
	for (size_t j = 0; j < k; j++)
		worksheet_set_row(ws, row + (lxw_row_t)j, height / (double)k, NULL);
	for (size_t i = 0, col = 0; i < pr->n; col += (size_t)pr->cells[i++].span) {
		const kp_pcell *c = &pr->cells[i];
		lxw_col_t last = (lxw_col_t)(col + (size_t)c->span - 1);
		if (last > col || k > 1)
			worksheet_merge_range(ws, row, (lxw_col_t)col, row + (lxw_row_t)(k - 1), last, texts[i],
					      cell_format(pp, c));
		else
			worksheet_write_string(ws, row, (lxw_col_t)col, texts[i], cell_format(pp, c));
		free(texts[i]);
	}
	free(texts);
	return row + (lxw_row_t)k;
}

/* "3 王伟": the record's number and the naming field's value, at most 31
 * characters, none of []:*?/\ (Excel's rules for a sheet name). */
static char *sheet_name(const paper *pp, const kp_record *r)
{
	char *v = r && pp->p->sheet >= 0 ? utf8_sanitize(r->vals[pp->p->sheet], false) : xstrdup("");
	char *name = xasprintf("%d %s", pp->seq, v);
	free(v);
	for (char *c = name; *c; c++)
		if (strchr("[]:*?/\\'", *c))
			*c = '_';
	size_t i = 0, len = strlen(name);
	for (int n = 0; i < len && n < 31; n++) {
		uint32_t cp;
		i += utf8_decode(name + i, len - i, &cp);
	}
	name[i] = '\0';
	return name;
}

/* One record's page (r NULL: the blank form). */
static int page(const kp_record *r, void *ctx)
{
	paper *pp = ctx;
	const kp_paper *p = pp->p;
	pp->seq++;
	char *name = sheet_name(pp, r);
	lxw_worksheet *ws = workbook_add_worksheet(pp->wb, name);
	free(name);
	pp->pages = xrealloc(pp->pages, (size_t)pp->seq * sizeof *pp->pages);
	pp->pages[pp->seq - 1] = ws;
	pp->years = xrealloc(pp->years, (size_t)pp->seq * sizeof *pp->years);
	pp->years[pp->seq - 1] = r ? r->year : pp->year;
	for (size_t c = 0; c < p->ncols; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, p->widths[c], NULL);
	lxw_row_t row = 0;
	if (pp->f->attachment > 0) {
		char label[32];
		snprintf(label, sizeof label, msg(MSG_X_ATTACHMENT), pp->f->attachment);
		worksheet_set_row(ws, row, 20, NULL);
		worksheet_write_string(ws, row++, 0, label, pp->fm.label);
	}
	for (size_t i = 0; i < p->ntitle; i++) /* 16 pt */
		row = across(ws, p, row, p->title[i], pp->fm.title, 24, 11.0 / 16);
	for (size_t i = 0; i < p->nlines; i++) {
		char *t = fill(pp, p->lines[i], r);
		row = across(ws, p, row, t, pp->fm.line, XLSX_LINE_PT, 1);
		free(t);
	}
	for (size_t i = 0; i < p->nrows; i++)
		row = grid_row(pp, ws, row, &p->rows[i], r);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 1);
	worksheet_center_horizontally(ws);
	/* Left and right half an inch: the 推荐表's columns then print at full
	 * size on the width of A4. */
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	return 0;
}

/* The foot of every page: its record's year, and 第 N 页，共 M 页 as numbers — a
 * sheet is one page, and a page's number must not depend on whether
 * the program prints the sheets as one job or one by one. */
static void number_pages(const paper *pp)
{
	for (size_t i = 0; i < (size_t)pp->seq; i++) {
		char footer[96];
		snprintf(footer, sizeof footer, msg(MSG_X_FOOTER_PAGE), pp->years[i], i + 1, (size_t)pp->seq);
		worksheet_set_footer(pp->pages[i], footer);
	}
}

int export_paper(kp_env *e, const kp_form *f, long long unit_id, const char *state, const char *path,
		 char **err)
{
	/* Not constant-memory: a sheet per record, and a tall box merges rows
	 * above the one being written. A unit's few hundred forms fit easily. */
	lxw_workbook *wb = xlsx_open(path, false, err);
	if (!wb)
		return -1;
	paper pp = {f, f->paper, wb, {0}, store_year(e->store), 0, NULL, NULL};
	xlsx_add_formats(wb, &pp.fm);
	int rc = store_each(e->store, f, unit_id, state, page, &pp, err);
	if (rc == KP_OK && pp.seq == 0)
		page(NULL, &pp);
	number_pages(&pp);
	free(pp.pages);
	free(pp.years);
	return xlsx_close(wb, path, rc == KP_OK ? 0 : -1, err);
}
