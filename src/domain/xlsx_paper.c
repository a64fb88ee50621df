/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx_paper: a form printed as the seed prints it, one record a page — the
 * 附表2 推荐表 and the 附表3 入库表. The layout is data (the form's `paper`
 * key, docs/forms.md); this file knows no form.
 *
 * A sheet per record, fitted to the width of A4: a record whose texts are
 * long runs onto a second page at full size (the seed's 「（可附页）」),
 * kepu cutting the pages itself so that it knows their number for the
 * foot. A page of one record never depends on another's length. A
 * workbook of no records holds one blank form, to fill in by hand.
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
#include "domain/xlsx_stream.h"
#include "form/validate.h"

/* Above this a grid row is split into rows merged into one box (Excel's
 * limit is 409 pt a row). */
#define ROW_PT_MAX 390.0
/* A page's rows in points: A4's 842 less the margins of 0.7 inch above
 * and below (101 pt), less 11 pt for the printing program's rounding of row
 * heights. Fitting to the width only ever shrinks, so the rows of a page
 * never print taller than this. */
#define PAGE_PT 730.0
/* The lines of text a box may hold on a page (its padding and a point
 * for rounding aside), and the fewest worth beginning a long box with at
 * the foot of a page (fewer: it begins on the next). */
#define PAGE_LINES ((size_t)((PAGE_PT - XLSX_PAD_PT - 1) / XLSX_LINE_PT))
#define FOOT_LINES 3

typedef struct {
	const kp_form *f;
	const kp_paper *p;
	xs_book *book;
	int year;          /* the export's programme year: the blank form's */
	int seq;           /* the records written */
	int records;       /* the records counted before the first is written */
	size_t pages;      /* the pages written */
	size_t total;      /* the pages, counted before the first is written */
	bool unit_in_name; /* every unit's records, the layout naming none */
} paper;

/* A value as printed: dates as 2016年7月15日, months as 2016年7月 (blank
 * ones as spaces before 年 月 to write in), several choices joined by 、. */
static char *shown(const kp_field *fd, const char *v)
{
	char *date = xlsx_date(fd, v);
	if (date)
		return date;
	if (fd->type == FT_DATE || fd->type == FT_YEARMONTH)
		return xstrdup(v[0] ? v : msg(fd->type == FT_DATE ? MSG_X_EMPTY_DATE : MSG_X_EMPTY_YM));
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

static int cell_format(const kp_pcell *c)
{
	if (c->kind == PC_LABEL || c->centre)
		return XS_CENTRE;
	return c->kind == PC_FIELD && (c->caption || c->lines > 1 || c->seal) ? XS_BOX : XS_TEXT;
}

/* A text across the whole width at row, as tall as it wraps. */
static unsigned across(xs_book *b, const kp_paper *p, unsigned row, const char *text, int style,
		       double line_pt, double size_ratio)
{
	int cols = (int)(xlsx_fit(xlsx_span(p->widths, 0, p->ncols - 1)) * size_ratio);
	size_t lines = text_wrap(text, cols, NULL);
	xs_row_height(b, row, (double)lines * line_pt + XLSX_PAD_PT);
	xs_put(b, row, 0, row, (unsigned)p->ncols - 1, text, style);
	return row + 1;
}

char *paper_continued(const kp_form *f, const kp_pcell *c)
{
	if (c->kind == PC_LABEL)
		return xasprintf("%s\n%s", c->text, msg(MSG_X_CONTINUED));
	if (c->kind == PC_FIELD && c->caption)
		return xasprintf(msg(MSG_X_CONTINUED_FIELD), f->fields[c->field].label);
	return xstrdup(msg(MSG_X_CONTINUED));
}

/* The cells' texts (NULL: a blank cell) at row in boxes lines tall; a box
 * taller than a row can be is merged over rows. */
static unsigned boxes_at(const paper *pp, unsigned row, const kp_prow *pr, char **texts, size_t lines)
{
	double height = xlsx_height(lines);
	size_t k = (size_t)(height / ROW_PT_MAX) + 1;
	for (size_t j = 0; j < k; j++)
		(j ? xs_row_kept : xs_row_height)(pp->book, row + (unsigned)j, height / (double)k);
	for (size_t i = 0, col = 0; i < pr->n; col += (size_t)pr->cells[i++].span) {
		const kp_pcell *c = &pr->cells[i];
		xs_put(pp->book, row, (unsigned)col, row + (unsigned)k - 1, (unsigned)(col + (size_t)c->span - 1),
		       texts[i], cell_format(c));
	}
	return row + (unsigned)k;
}

/* text cut after its first cap lines at cols, where a line begins: the
 * rest into *rest (NULL: it all fits). A cut at a line break leaves the
 * break at the head of the rest, so the pieces joined are the text.
 * Returns the lines kept. */
static size_t cut_lines(char *text, int cols, size_t cap, char **rest)
{
	size_t *starts;
	size_t n = text_wrap(text, cols, &starts);
	*rest = NULL;
	if (n > cap) {
		size_t at = starts[cap];
		if (at > 0 && text[at - 1] == '\n')
			at--;
		*rest = xstrdup(text + at);
		text[at] = '\0';
		n = cap;
	}
	free(starts);
	return n;
}

/* A grid row taller than a page, in pieces each within a page: the first
 * fills what the page has left, each next a page, under its labels and
 * 「（续）」 (paper_continued), until every cell's text is out. Never cut
 * where a page breaks: a box merged across a break printed its text again
 * on the next page and lost its end (LibreOffice). texts are freed. */
static unsigned pieces(const paper *pp, unsigned row, const kp_prow *pr, char **texts, const int *cols)
{
	size_t cap = (size_t)((xs_room(pp->book, PAGE_PT) - XLSX_PAD_PT - 1) / XLSX_LINE_PT);
	if (cap < FOOT_LINES)
		cap = PAGE_LINES;
	for (bool more = true; more; cap = PAGE_LINES) {
		char **rests = xcalloc(pr->n, sizeof *rests);
		size_t lines = 1;
		more = false;
		for (size_t i = 0; i < pr->n; i++) {
			size_t n = !texts[i] ? 1
				 : pr->cells[i].kind == PC_LABEL ? text_wrap(texts[i], cols[i], NULL)
								  : cut_lines(texts[i], cols[i], cap, &rests[i]);
			lines = n > lines ? n : lines;
			more |= rests[i] != NULL;
		}
		row = boxes_at(pp, row, pr, texts, lines);
		for (size_t i = 0; i < pr->n; i++) {
			const kp_pcell *c = &pr->cells[i];
			char *mark = more ? paper_continued(pp->f, c) : NULL;
			free(texts[i]);
			texts[i] = !more || (c->kind != PC_LABEL && !rests[i]) ? NULL
				 : rests[i] ? xasprintf("%s%s", mark, rests[i]) : xstrdup(mark);
			free(mark);
			free(rests[i]);
		}
		free(rests);
	}
	return row;
}

/* One grid row: each cell as tall as its text (at least its lines), the
 * tallest deciding; a row taller than a page goes on in pieces. */
static unsigned grid_row(const paper *pp, unsigned row, const kp_prow *pr, const kp_record *r)
{
	char **texts = xcalloc(pr->n, sizeof *texts);
	int *cols = xcalloc(pr->n, sizeof *cols);
	size_t most = 1;
	for (size_t i = 0, col = 0; i < pr->n; col += (size_t)pr->cells[i++].span) {
		const kp_pcell *c = &pr->cells[i];
		cols[i] = xlsx_fit(xlsx_span(pp->p->widths, col, col + (size_t)c->span - 1));
		texts[i] = cell_text(pp, c, r, cols[i]);
		size_t lines = text_wrap(texts[i], cols[i], NULL);
		if ((size_t)c->lines > lines)
			lines = (size_t)c->lines;
		most = lines > most ? lines : most;
	}
	row = xlsx_height(most) <= PAGE_PT ? boxes_at(pp, row, pr, texts, most) : pieces(pp, row, pr, texts, cols);
	for (size_t i = 0; i < pr->n; i++)
		free(texts[i]);
	free(texts);
	free(cols);
	return row;
}

/* Cut s after chars characters (at most). */
static void cut_chars(char *s, int chars)
{
	size_t i = 0, len = strlen(s);
	for (int n = 0; i < len && n < chars; n++) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
	}
	s[i] = '\0';
}

/* "3 王伟": the record's number and the naming field's value, and in a
 * workbook of every unit its unit ("3 王伟（魏都区）", the name cut
 * rather than the unit); at most 31 characters, none of []:*?/\' (Excel's
 * rules for a sheet name). */
static char *sheet_name(const paper *pp, const kp_record *r)
{
	char *v = r && pp->p->sheet >= 0 ? utf8_sanitize(r->vals[pp->p->sheet], false) : xstrdup("");
	char *unit = r && pp->unit_in_name ? xasprintf(msg(MSG_X_SHEET_UNIT), r->unit_name) : xstrdup("");
	char *name = xasprintf("%d %s", pp->seq, v);
	int room = 31 - (int)utf8_count(unit);
	cut_chars(name, room > 0 ? room : 0);
	char *whole = xasprintf("%s%s", name, unit);
	free(v);
	free(unit);
	free(name);
	for (char *c = whole; *c; c++)
		if (strchr("[]:*?/\\'", *c))
			*c = '_';
	cut_chars(whole, 31);
	return whole;
}

bool paper_prints_unit(const kp_paper *p)
{
	bool yes = false;
	for (size_t i = 0; i < p->nlines; i++)
		yes |= strstr(p->lines[i], "{unit}") != NULL;
	for (size_t i = 0; i < p->nrows; i++)
		for (size_t j = 0; j < p->rows[i].n; j++)
			yes |= p->rows[i].cells[j].kind == PC_TEXT && strstr(p->rows[i].cells[j].text, "{unit}");
	return yes;
}

char *paper_sheet_unit(const char *sheet)
{
	static const char open[] = "（", close[] = "）";
	size_t len = strlen(sheet), cl = strlen(close);
	const char *o = strstr(sheet, open), *next;
	while (o && (next = strstr(o + 1, open)))
		o = next;
	if (!o || len < cl || strcmp(sheet + len - cl, close))
		return NULL;
	const char *start = o + strlen(open), *end = sheet + len - cl;
	return end > start ? xstrndup(start, (size_t)(end - start)) : NULL;
}

/* One record's sheet laid out (r NULL: the blank form; name NULL: only
 * measured) and cut into pages; returns their number. */
static size_t layout(paper *pp, const kp_record *r, const char *name)
{
	const kp_paper *p = pp->p;
	xs_sheet(pp->book, name, p->widths, p->ncols);
	unsigned row = 0;
	if (pp->f->attachment > 0) {
		char label[32];
		snprintf(label, sizeof label, msg(MSG_X_ATTACHMENT), pp->f->attachment);
		xs_row_height(pp->book, row, 20);
		xs_put(pp->book, row, 0, row, 0, label, XS_LABEL);
		row++;
	}
	for (size_t i = 0; i < p->ntitle; i++) /* 16 pt */
		row = across(pp->book, p, row, p->title[i], XS_TITLE, 24, 11.0 / 16);
	for (size_t i = 0; i < p->nlines; i++) {
		char *t = fill(pp, p->lines[i], r);
		row = across(pp->book, p, row, t, XS_LINE, XLSX_LINE_PT, 1);
		free(t);
	}
	for (size_t i = 0; i < p->nrows; i++)
		row = grid_row(pp, row, &p->rows[i], r);
	return xs_paginate(pp->book, PAGE_PT);
}

/* One record's sheet, written whole before the next: its head names the
 * form and the record, its foot carries its
 * record's year (#27) and 第 N 页，共 M 页 numbered through the book — the
 * sheet's first page number is set, so a page's number does not depend on
 * whether the program prints the sheets as one job or one by one. */
static int page(const kp_record *r, void *ctx)
{
	paper *pp = ctx;
	pp->seq++;
	char *name = sheet_name(pp, r);
	size_t n = layout(pp, r, name);
	free(name);
	char footer[96];
	snprintf(footer, sizeof footer, msg(MSG_X_FOOTER_PAGE), XLSX_FOOT_FONT, r ? r->year : pp->year,
		 XLSX_FOOT_FONT, pp->total);
	/* Left and right half an inch: the 推荐表's columns then print at full
	 * size on the width of A4. */
	static const double margins[4] = {0.5, 0.5, 0.7, 0.7};
	/* Every page names its form and its record (the layout's `header`):
	 * a long form's second page, loose, goes back with its first. */
	char *whose = pp->p->header && r ? fill(pp, pp->p->header, r) : xstrdup(""); /* a blank form: no one's */
	char *header = xlsx_page_header(pp->f->title, whose);
	xs_sheet_end(pp->book, margins, pp->pages + 1, header, footer);
	free(whose);
	free(header);
	pp->pages += n;
	return 0;
}

/* The first pass: each record laid out for its number of pages only. */
static int count(const kp_record *r, void *ctx)
{
	paper *pp = ctx;
	pp->records++;
	pp->total += layout(pp, r, NULL);
	xs_sheet_discard(pp->book);
	return 0;
}

int export_paper(kp_env *e, const kp_form *f, long long unit_id, const char *state, const char *path,
		 size_t *sheets, char **err)
{
	/* Written a sheet at a time (xlsx_stream.c): the city's book of every
	 * unit's forms is as large as the programme, and its memory must not
	 * grow with it. The pages are counted first for their foot. */
	paper pp = {f, f->paper, NULL, store_year(e->store), 0, 0, 0, 0,
		    unit_id == 0 && !paper_prints_unit(f->paper)};
	if (!(pp.book = xs_open(path, err)))
		return -1;
	int rc = store_each(e->store, f, unit_id, state, count, &pp, err);
	if (rc == KP_OK && pp.records == 0) {
		pp.records = 1;
		pp.total = layout(&pp, NULL, NULL);
		xs_sheet_discard(pp.book);
		page(NULL, &pp);
	} else if (rc == KP_OK) {
		rc = store_each(e->store, f, unit_id, state, page, &pp, err);
	}
	/* another session saved, changed or deleted a record between the passes */
	if (rc == KP_OK && (pp.seq != pp.records || pp.pages != pp.total)) {
		*err = xasprintf(msg(MSG_X_PAGES_CHANGED), pp.total, pp.pages, path);
		rc = KP_ERR;
	}
	*sheets = (size_t)pp.seq;
	return xs_close(pp.book, path, rc == KP_OK ? 0 : -1, err);
}
