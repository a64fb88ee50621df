/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/paper_read.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/date.h"
#include "core/json.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/xlsx.h"
#include "domain/xlsx_read.h"
#include "form/validate.h"

/* What a quoted cell is cut to in a message. */
#define QUOTE_CHARS 30
/* paper_read's answer for a first sheet that is no one-record layout. */
#define NOT_PAPER 1
/* The pages a row of the layout may go on over: kepu prints a box of
 * 3,000 characters (the longest field) on at most about 70, a character a
 * line. A forged sheet of a million continued rows is refused, not read
 * (every cell is checked against every known one). */
#define PIECES_MAX 100

typedef struct {
	long row; /* -1: nowhere */
	size_t col;
} pos;

struct paper_places {
	int year;      /* the programme year the rows go into (0: not checked) */
	char **sheets; /* the sheet of each CSV data row */
	pos *at;       /* at[i * ncols + c]: the cell of column c in sheet i */
	unsigned char *kinds; /* what that cell held (enum xlsx_kind) */
	size_t n, ncols;
};

typedef struct {
	const kp_catalog *cat;
	const kp_form *f;
	FILE *out;
	paper_places *pl;
	bool unit;       /* the layout prints the unit ({unit}): CSV column 0 */
	bool sheet_unit; /* else the sheets' names do ("3 王伟（魏都区）"): column 0 too */
	size_t ncols;
	bool decided;    /* the first sheet was a one-record layout */
	/* the sheet being read */
	const xlsx_sheet *s;
	char **vals;     /* by CSV column */
	pos *at;
	pos *known;      /* every cell the layout gives a meaning */
	size_t nknown;
	char *why;       /* the first problem, with its sheet and cell */
	/* pages whose foot names another year than the import's */
	int other_year, nother;
	char *other_sheet;
} preader;

/* The year a kepu page's foot names ("&L2016 年度&C…", font codes
 * &"宋体,Regular" before it allowed), or 0 when it names none (a form
 * filled in by hand). */
static int foot_year(const char *foot)
{
	const char *p = foot ? strstr(foot, "&L") : NULL;
	if (!p)
		return 0;
	for (p += 2; p[0] == '&' && p[1] == '"';) {
		const char *q = strchr(p + 2, '"');
		if (!q)
			return 0;
		p = q + 1;
	}
	char *end;
	long y = strtol(p, &end, 10);
	while (*end == ' ')
		end++;
	return end - p >= 4 && y >= 1900 && y <= 9999 && !strncmp(end, msg(MSG_X_YEAR_WORD), strlen(msg(MSG_X_YEAR_WORD)))
		       ? (int)y : 0;
}

static size_t column_of_field(const preader *pr, int k)
{
	return (pr->unit || pr->sheet_unit ? 1 : 0) + (size_t)k;
}

static char *cell_name(pos p)
{
	char letters[8];
	csv_column_letters((int)p.col, letters);
	return xasprintf("%s%ld", letters, p.row + 1);
}

/* text cut to QUOTE_CHARS characters (…), for a message. */
/* The first problem of the file, said with its sheet and cell; the rest
 * of the sheet is still walked, but nothing more is said. */
static void problem(preader *pr, pos at, char *reason)
{
	if (!pr->why) {
		char *cell = cell_name(at);
		pr->why = xasprintf(msg(MSG_C_PAPER_AT), pr->s->name, cell, reason);
		free(cell);
	}
	free(reason);
}

static const char *cell_at(const preader *pr, pos p)
{
	return xlsx_sheet_at(pr->s, p.row, p.col);
}

/* A formula whose result the file does not keep (written by a program,
 * never saved in Excel or WPS) shows what it computes, not the empty cell
 * read: said, naming what the layout puts there (what), never read as
 * empty. True when it is one. */
static bool formula_at(preader *pr, pos p, const char *what)
{
	if (xlsx_sheet_kind(pr->s, p.row, p.col) != XLSX_FORMULA)
		return false;
	char *q = text_quote(what, QUOTE_CHARS);
	problem(pr, p, xasprintf(msg(MSG_C_PAPER_FORMULA), q, msg(MSG_C_FORMULA_NO_VALUE)));
	free(q);
	return true;
}

static void know(preader *pr, pos p)
{
	pr->known = xrealloc(pr->known, (pr->nknown + 1) * sizeof *pr->known);
	pr->known[pr->nknown++] = p;
}

static bool same_label(const char *a, const char *b)
{
	char *x = text_label_key(a ? a : ""), *y = text_label_key(b ? b : "");
	bool same = !strcmp(x, y);
	free(x);
	free(y);
	return same;
}

/* A label of the layout: it must be there, as printed (spaces and
 * punctuation aside). */
static void check_label(preader *pr, pos p, const char *label)
{
	know(pr, p);
	const char *v = cell_at(pr, p);
	if (formula_at(pr, p, label) || same_label(v, label))
		return;
	char *want = text_quote(label, QUOTE_CHARS), *got = text_quote(v && v[0] ? v : msg(MSG_C_PAPER_EMPTY), QUOTE_CHARS);
	problem(pr, p, xasprintf(msg(MSG_C_PAPER_LABEL), want, got, pr->f->title));
	free(want);
	free(got);
}

/* The rows of a grid row: the tallest range merged down from it. */
static long rows_of(const xlsx_sheet *s, long row)
{
	long most = 1;
	for (size_t i = 0; i < s->nmerged; i++)
		if (s->merged[i].row1 == row && s->merged[i].row2 - row + 1 > most)
			most = s->merged[i].row2 - row + 1;
	return most;
}

/* --- values --------------------------------------------------------------- */

static bool space_at(const char *p, size_t *len)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
		*len = 1;
		return true;
	}
	*len = 3;
	return !strncmp(p, "　", 3);
}

static const char *skip_spaces(const char *p)
{
	size_t n;
	while (*p && space_at(p, &n))
		p += n;
	return p;
}

/* A box as typed or printed: 1 ticked (■, or ☑ ✓ √ typed for it), 0 not
 * (□), -1 no box; *len its bytes. */
static int box_at(const char *p, size_t *len)
{
	uint32_t cp;
	*len = utf8_decode(p, strlen(p), &cp);
	switch (cp) {
	case 0x25A0: case 0x25A3: case 0x2611: case 0x2612: case 0x2713: case 0x2714: case 0x221A:
	case 0x2588:
		return 1;
	case 0x25A1: case 0x2610:
		return 0;
	}
	return -1;
}

/* A choice printed as boxes (□科普讲解　■科普写作 …, the choices in their
 * order), back into the value: the ticked choice, or a JSON array of them
 * for a multi-select; the text in brackets after the last one into
 * *other. NULL after a problem. */
static char *unbox(preader *pr, pos at, const kp_field *fd, const char *text, char **other)
{
	const kp_list *l = fd->choices;
	const char *p = text ? text : "";
	char **ticked = xcalloc(l->n + 1, sizeof *ticked);
	size_t nt = 0, len;
	for (size_t i = 0; i < l->n; i++) {
		p = skip_spaces(p);
		int box = box_at(p, &len);
		const char *item = box < 0 ? NULL : skip_spaces(p + len);
		if (!item || strncmp(item, l->items[i], strlen(l->items[i]))) {
			problem(pr, at, xasprintf(msg(MSG_C_PAPER_BOX), fd->label, i + 1, l->items[i],
						  l->items[i], l->items[i]));
			free(ticked);
			return NULL;
		}
		if (box)
			ticked[nt++] = l->items[i];
		p = item + strlen(l->items[i]);
	}
	p = skip_spaces(p);
	const char *close = NULL;
	if (other && (!strncmp(p, "（", 3) || *p == '(')) { /* 其他（…） */
		const char *open_end = p + (*p == '(' ? 1 : 3);
		size_t n = strlen(p);
		if (n >= 3 && !strcmp(p + n - 3, "）"))
			close = p + n - 3;
		else if (p[n - 1] == ')')
			close = p + n - 1;
		if (close) {
			*other = xstrndup(open_end, (size_t)(close - open_end));
			p = p + n;
		}
	}
	if (*p) {
		char *q = text_quote(p, QUOTE_CHARS);
		problem(pr, at, xasprintf(msg(MSG_C_PAPER_BOX_TAIL), fd->label, q));
		free(q);
		free(ticked);
		return NULL;
	}
	char *v;
	if (fd->type == FT_MULTICHOICE) {
		v = json_array_encode(ticked, nt);
	} else if (nt > 1) {
		strbuf b = STRBUF_INIT;
		for (size_t i = 0; i < nt; i++)
			sb_printf(&b, "「%s」", ticked[i]);
		problem(pr, at, xasprintf(msg(MSG_C_PAPER_ONE_BOX), fd->label, sb_str(&b)));
		sb_free(&b);
		v = NULL;
	} else {
		v = xstrdup(nt ? ticked[0] : "");
	}
	free(ticked);
	return v;
}

/* The blanks a printed form leaves for a date or a month (　　年　　月) are
 * no value. */
static char *unblank(const kp_field *fd, char *v)
{
	if ((fd->type == FT_DATE && same_label(v, msg(MSG_X_EMPTY_DATE))) ||
	    (fd->type == FT_YEARMONTH && same_label(v, msg(MSG_X_EMPTY_YM))))
		v[0] = '\0';
	return v;
}

/* Cut white space (and empty lines) off the end of s, in place. */
static void trim_end(char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n && strchr(" \t\r\n", s[n - 1]))
			n--;
		else if (n >= 3 && !strncmp(s + n - 3, "　", 3))
			n -= 3;
		else
			break;
		s[n] = '\0';
	}
}

/* An opinion box without what is printed under it: （盖章） and 年 月 日,
 * when still as printed (a date written in is the clerk's text). */
static void unseal(char *s)
{
	const char *printed[] = {msg(MSG_X_SIGN_DATE), msg(MSG_X_SEAL)};
	for (size_t i = 0; i < 2; i++) {
		trim_end(s);
		char *nl = strrchr(s, '\n');
		if (same_label(nl ? nl + 1 : s, printed[i]))
			*(nl ? nl : s) = '\0';
	}
	trim_end(s);
}

/* A field's text (its cell's, or its pieces' joined) back into its value
 * (NULL after a problem); at is its first cell. */
static char *field_value(preader *pr, const kp_pcell *c, pos at, const char *text)
{
	const kp_field *fd = &pr->f->fields[c->field];
	if (c->boxes) {
		char *other = NULL;
		char *v = unbox(pr, at, fd, text, c->other >= 0 ? &other : NULL);
		if (c->other >= 0) {
			size_t col = column_of_field(pr, c->other);
			free(pr->vals[col]);
			pr->vals[col] = other ? other : xstrdup("");
			pr->at[col] = at;
		}
		return v;
	}
	const char *t = text ? text : "";
	if (c->caption && text_starts_with(t, c->caption)) {
		t += strlen(c->caption);
		if (*t == '\n')
			t++;
	}
	char *v = xstrdup(t);
	if (c->seal)
		unseal(v);
	return unblank(fd, v);
}

/* The value of {name} of a template into its column. */
static void template_value(preader *pr, const char *name, const char *v, pos at)
{
	if (!strcmp(name, "year"))
		return; /* the programme year, printed: the import's year decides */
	int k = form_field_index(pr->f, name);
	size_t col;
	if (!strcmp(name, "unit"))
		col = 0;
	else if (k >= 0)
		col = column_of_field(pr, k);
	else
		return;
	char *t = text_trim(v);
	free(pr->vals[col]);
	pr->vals[col] = k >= 0 ? unblank(&pr->f->fields[k], t) : t;
	pr->at[col] = at;
}

/* The template as a reader sees it: {start} as 「项目实施时间（起）」. */
static char *template_shown(const kp_form *f, const char *t)
{
	strbuf b = STRBUF_INIT;
	for (const char *p = t; *p; p++) {
		const char *e = *p == '{' ? strchr(p, '}') : NULL;
		if (!e) {
			sb_addc(&b, *p);
			continue;
		}
		char *name = xstrndup(p + 1, (size_t)(e - p - 1));
		int k = !strcmp(name, "year") ? -1 : form_field_index(f, name);
		sb_printf(&b, "〔%s〕", !strcmp(name, "year") ? msg(MSG_X_YEAR_WORD)
				     : k >= 0			 ? f->fields[k].label
				     : f->unit_label		 ? f->unit_label
								 : name);
		free(name);
		p = e;
	}
	return sb_take(&b);
}

/* A month of a range written without its year (「2016年7月至12月」, as
 * people write it): the year of the month before it in the same cell
 * (*y, *m; 0 when none), for a month later in that year. An earlier month
 * (「2016年7月至3月」: 2017?) is refused, never guessed. Returns the value
 * to read, v itself or a new string in *owned. */
static const char *range_month(preader *pr, const char *name, const char *v, int *y, int *m, pos at,
			       char **owned)
{
	int k = form_field_index(pr->f, name);
	if (k < 0 || !field_holds_month(&pr->f->fields[k]))
		return v;
	char *t = text_trim(v);
	size_t n = strspn(t, "0123456789");
	int month = n >= 1 && n <= 2 && !strcmp(t + n, "月") ? atoi(t) : 0;
	const char *read = v;
	if (*y && month >= 1 && month <= 12) {
		if (month >= *m)
			read = *owned = xasprintf("%d年%d月", *y, month);
		else
			problem(pr, at, xasprintf(msg(MSG_C_PAPER_MONTH_YEAR), t, *y, *m, *y + 1, month));
	}
	free(t);
	char *u = text_trim(read);
	if (!yearmonth_parse(u, y, m))
		*y = *m = 0;
	free(u);
	return read;
}

/* A text printed from a template ("{start}至{end}", "…：{unit}　申报时间：
 * {declared_on}") back into its values: the template's own words (spaces
 * around them aside) must be in the text (of the cell at), in order; what
 * lies between them is the values. */
static void untemplate(preader *pr, const char *t, pos at, const char *text)
{
	char *s = text_trim(text ? text : "");
	const char *p = s;
	bool ok = true;
	char *name = NULL;
	int y = 0, m = 0; /* the month a range began with */
	for (const char *q = t; ok;) {
		const char *o = strchr(q, '{');
		const char *e = o ? strchr(o, '}') : NULL;
		if (o && !e)
			o = NULL;
		char *lit0 = xstrndup(q, o ? (size_t)(o - q) : strlen(q));
		char *lit = text_trim(lit0);
		free(lit0);
		const char *found = !lit[0] ? (name ? p + strlen(p) : p) : name ? strstr(p, lit) : p;
		if (found && !name && strncmp(p, lit, strlen(lit)))
			found = NULL; /* the words before the first value begin the cell */
		if (!found) {
			ok = false;
		} else if (name) {
			char *v = xstrndup(p, (size_t)(found - p)), *whole = NULL;
			template_value(pr, name, range_month(pr, name, v, &y, &m, at, &whole), at);
			free(whole);
			free(v);
		}
		free(name);
		name = NULL;
		if (found)
			p = skip_spaces(found + strlen(lit));
		free(lit);
		if (!ok || !o)
			break;
		name = xstrndup(o + 1, (size_t)(e - o - 1));
		q = e + 1;
	}
	free(name);
	if (ok && *p)
		ok = false; /* text after the template's last words */
	if (!ok) {
		char *want = template_shown(pr->f, t), *got = text_quote(s[0] ? s : msg(MSG_C_PAPER_EMPTY), QUOTE_CHARS);
		problem(pr, at, xasprintf(msg(MSG_C_PAPER_TEMPLATE), want, got));
		free(want);
		free(got);
	}
	free(s);
}

/* --- a sheet ---------------------------------------------------------------- */

/* Where f's layout puts its title's first line: the row under 附表N. */
static long title_row(const kp_form *f)
{
	return f->attachment > 0 ? 1 : 0;
}

/* The form whose one-record layout the sheet is (its title where that
 * layout prints it), or NULL. */
static const kp_form *layout_of(const kp_catalog *cat, const xlsx_sheet *s)
{
	for (size_t i = 0; i < cat->nforms; i++) {
		const kp_form *g = cat->forms[i];
		if (g->paper && g->paper->ntitle && same_label(xlsx_sheet_at(s, title_row(g), 0), g->paper->title[0]))
			return g;
	}
	return NULL;
}

/* What a cell of the layout means, for a message: a field's label, a
 * template as 〔项目实施时间（起）〕至〔…〕 (a new string). */
static char *meaning(const kp_form *f, const kp_pcell *c)
{
	return c->kind == PC_FIELD ? xstrdup(f->fields[c->field].label) : template_shown(f, c->text);
}

/* The text of the cell at, which holds layout cell c's value (a field's,
 * a template's), or NULL after a problem: a formula without its result. */
static char *value_text(preader *pr, pos at, const kp_pcell *c)
{
	know(pr, at);
	char *what = meaning(pr->f, c);
	bool formula = formula_at(pr, at, what);
	free(what);
	const char *t = cell_at(pr, at);
	return formula ? NULL : xstrdup(t ? t : "");
}

/* A line under the title (a template) as its cell's text. */
static char *cell_text(preader *pr, pos at, const char *tmpl)
{
	kp_pcell c = {.kind = PC_TEXT, .text = (char *)tmpl};
	return value_text(pr, at, &c);
}

/* Is row a piece of layout row r continued (xlsx_paper.c, a row taller
 * than a page)? Its labels are there with 「（续）」 under them; a row of
 * no label has a value that begins with its mark. */
static bool continued(const preader *pr, const kp_prow *r, char **marks, long row)
{
	bool labels = false, all = true, any = false;
	for (size_t j = 0, col = 0; j < r->n; col += (size_t)r->cells[j++].span) {
		const char *t = cell_at(pr, (pos){row, col});
		if (r->cells[j].kind == PC_LABEL) {
			labels = true;
			all &= same_label(t, marks[j]);
		} else {
			any |= t && text_starts_with(t, marks[j]);
		}
	}
	return labels ? all : any;
}

/* After a box of no label (a caption's box, a box alone on its row): is
 * the cell at row a piece of it whose 「（续）」 mark was typed over? Its
 * first line has 续 where the next row of the layout (next, NULL after the
 * last) does not begin so. Said at the cell, before the next row's labels
 * are checked against it and refused further down the form. */
static void changed_mark(preader *pr, const kp_prow *r, const kp_prow *next, char **marks, long row)
{
	for (size_t j = 0; j < r->n; j++)
		if (r->cells[j].kind == PC_LABEL)
			return;
	const kp_pcell *n = next && next->n ? &next->cells[0] : NULL;
	const char *begins = !n ? NULL : n->kind == PC_LABEL ? n->text : n->caption;
	for (size_t j = 0, col = 0; j < r->n && !pr->why; col += (size_t)r->cells[j++].span) {
		const char *t = cell_at(pr, (pos){row, col});
		if (!t || (begins && (same_label(t, begins) || text_starts_with(t, begins))))
			continue;
		size_t line = strcspn(t, "\n");
		char *first = xstrndup(t, line);
		if (strstr(first, "续")) {
			char *q = text_quote(first, QUOTE_CHARS);
			problem(pr, (pos){row, col}, xasprintf(msg(MSG_C_PAPER_MARK_CHANGED), marks[j], q));
			free(q);
		}
		free(first);
	}
}

/* One row of the layout from row on: its labels checked, each value's
 * text taken from its cell — and from the pieces under it on the next
 * pages, marks taken off, when the row was taller than a page — then read
 * into its columns. Returns the row after it. */
static long read_row(preader *pr, const kp_prow *r, const kp_prow *next, long row)
{
	char **texts = xcalloc(r->n, sizeof *texts), **marks = xcalloc(r->n, sizeof *marks);
	for (size_t j = 0; j < r->n; j++)
		marks[j] = paper_continued(pr->f, &r->cells[j]);
	long first = row;
	for (int piece = 0, more = 1; more && !pr->why; more = continued(pr, r, marks, row), piece++) {
		if (piece == PIECES_MAX) {
			problem(pr, (pos){row, 0}, xasprintf(msg(MSG_C_PAPER_PIECES), PIECES_MAX));
			break;
		}
		for (size_t j = 0, col = 0; j < r->n; col += (size_t)r->cells[j++].span) {
			const kp_pcell *c = &r->cells[j];
			pos at = {row, col};
			if (c->kind == PC_LABEL) {
				check_label(pr, at, row == first ? c->text : marks[j]);
				continue;
			}
			char *t = value_text(pr, at, c);
			if (row == first) {
				texts[j] = t;
				continue;
			}
			if (t && t[0] && !text_starts_with(t, marks[j])) {
				char *q = text_quote(t, QUOTE_CHARS);
				problem(pr, at, xasprintf(msg(MSG_C_PAPER_CONTINUED), marks[j], q));
				free(q);
			} else if (t && t[0] && texts[j]) { /* the mark off: the rest as it was, a line break with it */
				char *joined = xasprintf("%s%s", texts[j], t + strlen(marks[j]));
				free(texts[j]);
				texts[j] = joined;
			}
			free(t);
		}
		row += rows_of(pr->s, row);
	}
	if (!pr->why)
		changed_mark(pr, r, next, marks, row);
	for (size_t j = 0, col = 0; j < r->n; col += (size_t)r->cells[j++].span) {
		const kp_pcell *c = &r->cells[j];
		pos at = {first, col};
		if (c->kind == PC_TEXT && texts[j]) {
			untemplate(pr, c->text, at, texts[j]);
		} else if (c->kind == PC_FIELD) {
			char *v = texts[j] ? field_value(pr, c, at, texts[j]) : NULL;
			size_t k = column_of_field(pr, c->field);
			free(pr->vals[k]);
			pr->vals[k] = v ? v : xstrdup("");
			pr->at[k] = at;
		}
		free(texts[j]);
		free(marks[j]);
	}
	free(texts);
	free(marks);
	return row;
}

/* Read the sheet by f's layout into pr->vals. */
static void read_layout(preader *pr)
{
	const kp_form *f = pr->f;
	const kp_paper *p = f->paper;
	long row = 0;
	if (f->attachment > 0) {
		char label[32];
		snprintf(label, sizeof label, msg(MSG_X_ATTACHMENT), f->attachment);
		check_label(pr, (pos){row++, 0}, label);
	}
	for (size_t i = 0; i < p->ntitle; i++)
		check_label(pr, (pos){row++, 0}, p->title[i]);
	for (size_t i = 0; i < p->nlines; i++, row++) {
		pos at = {row, 0};
		char *text = cell_text(pr, at, p->lines[i]);
		if (text)
			untemplate(pr, p->lines[i], at, text);
		free(text);
	}
	for (size_t i = 0; i < p->nrows; i++)
		row = read_row(pr, &p->rows[i], i + 1 < p->nrows ? &p->rows[i + 1] : NULL, row);
	/* text outside the layout would be lost: said, not dropped */
	for (size_t i = 0; i < pr->s->ncells && !pr->why; i++) {
		const xlsx_cell *c = &pr->s->cells[i];
		bool known = false;
		for (size_t j = 0; j < pr->nknown && !known; j++)
			known = pr->known[j].row == c->row && pr->known[j].col == c->col;
		char *t = text_trim(c->text);
		if (!known && c->kind == XLSX_FORMULA) {
			problem(pr, (pos){c->row, c->col}, xasprintf(msg(MSG_C_PAPER_FORMULA), msg(MSG_C_PAPER_OUTSIDE_CELL),
								      msg(MSG_C_FORMULA_NO_VALUE)));
		} else if (!known && t[0]) {
			char *q = text_quote(t, QUOTE_CHARS);
			problem(pr, (pos){c->row, c->col}, xasprintf(msg(MSG_C_PAPER_OUTSIDE), q));
			free(q);
		}
		free(t);
	}
}

/* The sheet as one CSV row, and where its values were. */
static void write_record(preader *pr)
{
	paper_places *pl = pr->pl;
	pl->sheets = xrealloc(pl->sheets, (pl->n + 1) * sizeof *pl->sheets);
	pl->at = xrealloc(pl->at, (pl->n + 1) * pr->ncols * sizeof *pl->at);
	pl->kinds = xrealloc(pl->kinds, (pl->n + 1) * pr->ncols);
	pl->sheets[pl->n] = xstrdup(pr->s->name);
	for (size_t c = 0; c < pr->ncols; c++) {
		char *safe = csv_neutralise(pr->vals[c] ? pr->vals[c] : "");
		csv_write_cell(pr->out, safe, c == 0);
		free(safe);
		pl->at[pl->n * pr->ncols + c] = pr->at[c];
		pl->kinds[pl->n * pr->ncols + c] = (unsigned char)(pr->at[c].row < 0 ? XLSX_UNKNOWN
						   : xlsx_sheet_kind(pr->s, pr->at[c].row, pr->at[c].col));
	}
	csv_end_record(pr->out);
	pl->n++;
}

/* The header, once the first sheet is known to be a one-record form: the
 * unit column (printed by the layout, or named by the sheets: the first
 * one says), then every field. */
static void write_header(preader *pr, const xlsx_sheet *first)
{
	char *unit = pr->unit ? NULL : paper_sheet_unit(first->name);
	pr->sheet_unit = unit != NULL;
	free(unit);
	bool col0 = pr->unit || pr->sheet_unit;
	pr->ncols = pr->f->nfields + (col0 ? 1 : 0);
	pr->pl->ncols = pr->ncols;
	if (col0)
		csv_write_cell(pr->out, pr->f->unit_label, true);
	for (size_t k = 0; k < pr->f->nfields; k++)
		csv_write_cell(pr->out, pr->f->fields[k].label, !col0 && k == 0);
	csv_end_record(pr->out);
}

static int read_sheet(void *ctx, const xlsx_sheet *s, char **err)
{
	preader *pr = ctx;
	if (!s->ncells) /* an empty sheet (Excel's Sheet2) holds nothing to lose */
		return pr->decided ? 0 : NOT_PAPER;
	const kp_form *g = layout_of(pr->cat, s);
	if (!pr->decided && !g)
		return NOT_PAPER;
	if (s->hidden) { /* read, it would be filed unseen */
		*err = xstrdup(s->hidden);
		return -1;
	}
	if (!pr->decided)
		write_header(pr, s);
	pr->decided = true;
	pr->s = s;
	if (g && g != pr->f) {
		*err = xasprintf(msg(MSG_C_PAPER_OTHER), s->name, g->title, pr->f->title, g->title);
		return -1;
	}
	for (size_t c = 0; c < pr->ncols; c++) {
		free(pr->vals[c]);
		pr->vals[c] = NULL;
		pr->at[c] = (pos){-1, 0};
	}
	pr->nknown = 0;
	read_layout(pr); /* a sheet of another layout: its first label says so */
	if (pr->why) {
		*err = pr->why;
		pr->why = NULL;
		return -1;
	}
	if (pr->sheet_unit) /* the unit of a sheet of the all-units workbook */
		pr->vals[0] = paper_sheet_unit(s->name);
	int y = foot_year(s->footer);
	if (pr->pl->year && y && y != pr->pl->year && pr->nother++ == 0) {
		pr->other_year = y;
		pr->other_sheet = xstrdup(s->name);
	}
	write_record(pr);
	return 0;
}

FILE *paper_to_csv(const kp_catalog *cat, const kp_form *f, FILE *in, const char *name, int year,
		   paper_places **pl, char **err)
{
	*pl = NULL;
	*err = NULL;
	if (!f->paper)
		return NULL; /* read as a list; another form's sheets then have no header */
	preader pr = {.cat = cat, .f = f, .unit = paper_prints_unit(f->paper)};
	/* room for a unit column; ncols is told by the first sheet */
	pr.ncols = f->nfields + (pr.unit ? 1 : 0);
	pr.vals = xcalloc(f->nfields + 1, sizeof *pr.vals);
	pr.at = xcalloc(f->nfields + 1, sizeof *pr.at);
	pr.pl = xcalloc(1, sizeof *pr.pl);
	pr.pl->ncols = pr.ncols;
	pr.pl->year = year;
	pr.out = tmpfile();
	if (!pr.out)
		*err = xasprintf(msg(MSG_C_BAD_XLSX), name);
	int rc = pr.out ? xlsx_each_sheet(in, name, read_sheet, &pr, err) : -1;
	if (rc == 0 && pr.nother) { /* never a record saved into another year than its page's */
		*err = xasprintf(msg(MSG_C_PAPER_YEAR), name, pr.nother, pr.other_year, pr.other_sheet, year,
				 pr.other_year, pr.other_year);
		rc = -1;
	}
	free(pr.other_sheet);
	for (size_t c = 0; c <= f->nfields; c++)
		free(pr.vals[c]);
	free(pr.vals);
	free(pr.at);
	free(pr.known);
	free(pr.why);
	if (rc != 0 || !pr.decided) { /* refused (*err), or a list (NOT_PAPER, or no cell at all) */
		if (pr.out)
			fclose(pr.out);
		paper_places_free(pr.pl);
		return NULL;
	}
	rewind(pr.out);
	*pl = pr.pl;
	return pr.out;
}

char *paper_place(void *ctx, int row, int col)
{
	const paper_places *pl = ctx;
	size_t i = (size_t)(row - 2); /* row 1 is the header */
	if (row < 2 || i >= pl->n)
		return xasprintf(msg(MSG_C_PLACE_ROW), row);
	pos p = col >= 0 && (size_t)col < pl->ncols ? pl->at[i * pl->ncols + (size_t)col] : (pos){-1, 0};
	if (p.row < 0)
		return xasprintf(msg(MSG_C_PAPER_SHEET), pl->sheets[i]);
	char *cell = cell_name(p);
	char *t = xasprintf(msg(MSG_C_PAPER_CELL), pl->sheets[i], cell);
	free(cell);
	return t;
}

int paper_kind(void *ctx, int row, int col)
{
	const paper_places *pl = ctx;
	size_t i = (size_t)(row - 2);
	if (row < 2 || i >= pl->n || col < 0 || (size_t)col >= pl->ncols)
		return XLSX_UNKNOWN;
	return pl->kinds[i * pl->ncols + (size_t)col];
}

void paper_places_free(paper_places *pl)
{
	if (!pl)
		return;
	for (size_t i = 0; i < pl->n; i++)
		free(pl->sheets[i]);
	free(pl->sheets);
	free(pl->at);
	free(pl->kinds);
	free(pl);
}
