/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/transfer.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bqueue.h"
#include "core/csv.h"
#include "core/clock.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/import_totals.h"
#include "domain/list_continued.h"
#include "domain/roll_import.h"
#include "domain/save.h"
#include "domain/xlsx_read.h"
#include "form/validate.h"

#define STATE_COL (-4) /* an export's 状态: ignored, and said to be */
#define SKIP_COL (-3) /* ignored: 序号, 备注, a column the form has not */
#define UNIT_COL (-2)
#define NO_COL (-1)

/* How far down a header may be (title rows, 填报单位 lines, a blank row),
 * and how long a header cell may be to be read as a label. */
#define MAX_TITLE_ROWS 20
#define MAX_LABEL_BYTES 600

typedef struct {
	kp_env *e;
	const kp_form *f;
	FILE *report;
	const import_options *o;
	import_stats *st;
	strbuf reasons; /* this row's problems, for the rejects file */
	kp_unit *units; /* read once: a row names its unit, and there are 19 */
	size_t nunits;
	const char **raw; /* a row's cells by field, and their problems: reused */
	char **why;
	bool *locked; /* fields the session may not write */
	bool told_locked; /* a cell of one was said not to be imported */
	int *col;     /* the file's column of each field, or -1 */
	char **keys;  /* label keys: each field's label, id and aliases (nkeys) */
	int *key_field;
	size_t nkeys;
	int max_rows; /* the session's bound on one import's data rows */
} importer;

/* A line of the report. What it quotes comes from the file: sanitised, so
 * an escape sequence in a cell never reaches the terminal. */
static void say(importer *im, const char *text)
{
	char *clean = utf8_sanitize(text, false);
	fputs(clean, im->report);
	fputc('\n', im->report);
	free(clean);
}

static long long unit_by_name(const importer *im, const char *name)
{
	for (size_t i = 0; i < im->nunits; i++)
		if (!strcmp(im->units[i].name, name))
			return im->units[i].id;
	return 0;
}

/* Where a row (col -1) or a cell is: 第3行 B列 in a list; for a file read
 * another way (a sheet a record), as its reader names it. */
static char *place(const importer *im, int row, int col)
{
	if (im->o->place)
		return im->o->place(im->o->place_ctx, row, col);
	if (col < 0)
		return xasprintf(msg(MSG_C_PLACE_ROW), row);
	char letters[8];
	csv_column_letters(col, letters);
	return xasprintf(msg(MSG_C_PLACE_CELL), row, letters);
}

/* A problem with one cell (col -1: with the row); the row is not saved.
 * read (may be NULL): what the cell held, for the report (the rejects
 * file has the row itself). */
static void problem_read(importer *im, int row, int col, const char *label, const char *reason,
			 const char *read)
{
	char *at = place(im, row, col);
	char *why = read ? xasprintf(msg(MSG_C_READ_SUFFIX), reason, read) : NULL;
	/* a column with no header has no name to give: the place alone */
	char *t = label[0] ? xasprintf(msg(MSG_C_ROW_ERROR), at, label, why ? why : reason)
			   : xasprintf(msg(MSG_C_ROW_NOTE), at, why ? why : reason);
	free(at);
	free(why);
	say(im, t);
	free(t);
	if (label[0])
		sb_printf(&im->reasons, "%s%s: %s", im->reasons.len ? "；" : "", label, reason);
	else
		sb_printf(&im->reasons, "%s%s", im->reasons.len ? "；" : "", reason);
	im->st->errors++;
}

static void problem(importer *im, int row, int col, const char *label, const char *reason)
{
	problem_read(im, row, col, label, reason, NULL);
}

/* A number with as many decimals as a double holds (30.000000000000004):
 * the leftover of a formula's binary arithmetic, which Excel shows rounded
 * (30), so the clerk cannot see why it is not a whole number. */
#define NOISE_DECIMALS 10
static bool float_noise(const char *v)
{
	const char *dot = strchr(v, '.');
	return dot && strspn(dot + 1, "0123456789") >= NOISE_DECIMALS;
}

/* The number as Excel's General format shows it (at most 10 significant digits). */
struct shown { char s[32]; };
static struct shown rounded(const char *v)
{
	struct shown r;
	snprintf(r.s, sizeof r.s, "%.10g", strtod(v, NULL));
	return r;
}

/* What the cell at row, col held, as a message says it: a workbook's
 * number, date or text, a CSV's text (cut to QUOTE_CHARS characters). */
#define QUOTE_CHARS 40
static char *what_was_read(const importer *im, int row, int col, const char *value)
{
	int kind = im->o->kind && col >= 0 ? im->o->kind(im->o->place_ctx, row, col) : XLSX_UNKNOWN;
	static const enum kp_msg_id said[] = {
		[XLSX_TEXT] = MSG_C_READ_TEXT, [XLSX_NUMBER] = MSG_C_READ_NUMBER, [XLSX_DATE] = MSG_C_READ_DATE,
		[XLSX_TIME] = MSG_C_READ_TIME, [XLSX_BOOL] = MSG_C_READ_BOOL, [XLSX_UNKNOWN] = MSG_C_READ_CSV};
	if (kind == XLSX_NUMBER && float_noise(value))
		return xasprintf(msg(MSG_C_READ_NUMBER_ROUNDED), value, rounded(value).s);
	/* a logical cell holds 1 or 0; Excel, LibreOffice and WPS show TRUE, FALSE */
	const char *shown = kind != XLSX_BOOL ? value : !strcmp(value, "1") ? "TRUE" : !strcmp(value, "0") ? "FALSE" : value;
	char *v = text_quote(shown, QUOTE_CHARS);
	char *t = xasprintf(msg(said[kind >= 0 && kind <= XLSX_UNKNOWN ? kind : XLSX_UNKNOWN]), v);
	free(v);
	return t;
}

/* A problem with a cell that holds something: the reason, and what was read. */
static void cell_problem(importer *im, int row, int col, const char *label, const char *reason,
			 const char *value)
{
	char *read = value && value[0] ? what_was_read(im, row, col, value) : NULL;
	problem_read(im, row, col, label, reason, read);
	free(read);
}

/* A problem with the whole file: nothing is saved. */
static void fatal(importer *im, const char *text)
{
	say(im, text);
	im->st->errors++;
	im->st->fatal++;
}

/* The rejects file: the row as it came (spreadsheet-safe) and its reasons. */
static void reject(FILE *out, const csv_reader *r, const char *reasons)
{
	for (size_t c = 0; c < r->n; c++) {
		char *safe = csv_neutralise(r->cells[c]);
		csv_write_cell(out, safe, c == 0);
		free(safe);
	}
	char *safe = csv_neutralise(reasons);
	csv_write_cell(out, safe, r->n == 0);
	free(safe);
	csv_end_record(out);
}

static void add_key(importer *im, const char *label, int k)
{
	im->keys = xrealloc(im->keys, (im->nkeys + 1) * sizeof *im->keys);
	im->key_field = xrealloc(im->key_field, (im->nkeys + 1) * sizeof *im->key_field);
	im->keys[im->nkeys] = text_label_key(label);
	im->key_field[im->nkeys++] = k;
}

/* The keys a header cell is compared with, made once: so each cell costs
 * the same whatever the header's width (the header is matched in linear
 * time). Labels compare without spaces, brackets or punctuation. */
static void make_keys(importer *im)
{
	const kp_form *f = im->f;
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		add_key(im, fd->label, (int)i);
		add_key(im, fd->id, (int)i);
		for (size_t a = 0; a < fd->naliases; a++)
			add_key(im, fd->aliases[a], (int)i);
	}
	add_key(im, UNIT_COLUMN, UNIT_COL);
	add_key(im, f->unit_label, UNIT_COL);
	add_key(im, "unit", UNIT_COL);
	/* kepu's own columns, ignored without a word: a rejects file's 错误
	 * and 序号 (a row's number in a list, never a value); an export's 状态
	 * is ignored with a word (states change by review only: a clerk who
	 * wrote 已认定 there must not think it counts) */
	add_key(im, msg(MSG_C_REJECT_REASON), SKIP_COL);
	add_key(im, msg(MSG_UI_COL_SEQ), SKIP_COL);
	if (f->review)
		add_key(im, msg(MSG_UI_COL_STATE), STATE_COL);
}

/* What a header cell names: a field, the unit column, one of kepu's own
 * columns (SKIP_COL), or nothing (NO_COL). */
static int column_kind(const importer *im, const char *cell)
{
	if (strlen(cell) > MAX_LABEL_BYTES)
		return NO_COL;
	char *key = text_label_key(cell);
	int k = NO_COL;
	for (size_t i = 0; i < im->nkeys && k == NO_COL; i++)
		if (key[0] && !strcmp(key, im->keys[i]))
			k = im->key_field[i];
	free(key);
	return k;
}

/* How many columns of the form a row names. */
static int named_columns(const importer *im, const csv_reader *r)
{
	int n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += column_kind(im, r->cells[i]) != NO_COL;
	return n;
}

typedef struct {
	size_t n;
	char **cells; /* the header's cells, copied (the reader reuses its own) */
	int *map;     /* what each names */
	int row;      /* its row in the file; two rows: the first */
} header;

static void header_free(header *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->cells[i]);
	free(h->cells);
	free(h->map);
}

static void header_take(header *h, const importer *im, const csv_reader *r)
{
	h->n = r->n;
	h->cells = xcalloc(r->n + 1, sizeof *h->cells);
	h->map = xcalloc(r->n + 1, sizeof *h->map);
	for (size_t i = 0; i < r->n; i++) {
		h->cells[i] = text_trim(r->cells[i]);
		h->map[i] = column_kind(im, h->cells[i]);
	}
	h->row = r->record;
}

/* A grouped header's second row (附表1: 指标分配 over 科普人才 …): it names
 * columns only where the first row names none. Merged into h if so. */
static bool header_merge(header *h, const importer *im, const csv_reader *r)
{
	int adds = 0;
	for (size_t i = 0; i < r->n; i++) {
		char *c = text_trim(r->cells[i]);
		bool empty = !c[0];
		int k = empty ? NO_COL : column_kind(im, c);
		bool free_slot = i >= h->n || h->map[i] == NO_COL;
		free(c);
		if (k != NO_COL && !free_slot)
			return false;
		if (empty)
			continue;
		if (k == NO_COL)
			return false; /* text under a header that is not a label: data */
		adds++;
	}
	if (!adds)
		return false;
	if (r->n > h->n) {
		h->cells = xrealloc(h->cells, r->n * sizeof *h->cells);
		h->map = xrealloc(h->map, r->n * sizeof *h->map);
		for (size_t i = h->n; i < r->n; i++) {
			h->cells[i] = xstrdup("");
			h->map[i] = NO_COL;
		}
		h->n = r->n;
	}
	for (size_t i = 0; i < r->n; i++) {
		char *c = text_trim(r->cells[i]);
		if (c[0]) {
			free(h->cells[i]);
			h->cells[i] = c;
			h->map[i] = column_kind(im, c);
		} else {
			free(c);
		}
	}
	return true;
}

/* Check the header: a column named twice, the columns ignored (one
 * warning), the required ones missing (one message). */
static void check_header(importer *im, header *h, int *unit_col)
{
	const kp_form *f = im->f;
	*unit_col = NO_COL;
	strbuf ignored = STRBUF_INIT, missing = STRBUF_INIT;
	const char *state = NULL; /* an export's 状态 column */
	for (size_t i = 0; i < h->n; i++) {
		int k = h->map[i];
		if (k == NO_COL && h->cells[i][0]) {
			sb_printf(&ignored, "%s%s", ignored.len ? "、" : "", h->cells[i]);
			h->map[i] = SKIP_COL;
			continue;
		}
		if (k == STATE_COL) {
			state = h->cells[i];
			h->map[i] = SKIP_COL;
			continue;
		}
		bool dup = k == UNIT_COL ? *unit_col != NO_COL : k >= 0 && im->col[k] >= 0;
		if (dup) {
			char letters[8];
			csv_column_letters((int)i, letters);
			char *t = xasprintf(msg(MSG_C_DUP_COLUMN), h->row, letters, h->cells[i]);
			fatal(im, t);
			free(t);
		} else if (k == UNIT_COL) {
			*unit_col = (int)i;
		} else if (k >= 0) {
			im->col[k] = (int)i;
		}
	}
	for (size_t i = 0; i < f->nfields; i++)
		if (im->col[i] < 0 && f->fields[i].required)
			sb_printf(&missing, "%s「%s」", missing.len ? "、" : "", f->fields[i].label);
	/* a 汇总表 (附表4) lacking fields is said to be one, in one message */
	char *roll = missing.len ? roll_refusal(&im->e->cat, f, h->cells, h->n, sb_str(&missing)) : NULL;
	if (state && !roll) {
		char *t = xasprintf(msg(MSG_C_STATE_IGNORED), h->row, state);
		say(im, t);
		free(t);
	}
	if (ignored.len && !roll) {
		char *t = xasprintf(msg(MSG_C_IGNORED_COLUMNS), h->row, sb_str(&ignored), f->title);
		say(im, t);
		free(t);
	}
	if (missing.len) {
		char *t = roll ? roll : xasprintf(msg(MSG_C_MISSING_COLUMNS), h->row, sb_str(&missing), f->title);
		fatal(im, t);
		free(t);
	}
	sb_free(&ignored);
	sb_free(&missing);
}

/* A value in a column the session may not write (省辖市科协意见 in a
 * unit's own export) is not imported: the store keeps what it holds and
 * refuses the row only when the value differs from it (write_rows). Said
 * once, at the first such cell. */
static void note_locked_cells(importer *im, int row, const char **raw)
{
	for (size_t i = 0; i < im->f->nfields && !im->told_locked; i++) {
		if (!im->locked[i] || !raw[i])
			continue;
		char *v = text_trim(raw[i]);
		if (v[0]) {
			const kp_field *fd = &im->f->fields[i];
			char *at = place(im, row, im->o->place ? im->col[i] : -1);
			char *t = xasprintf(msg(MSG_C_NOT_YOURS_NOTE), at, fd->label,
					    msg(fd->written_by == WRITER_CITY ? MSG_P_OWNER_CITY : MSG_C_THE_UNIT));
			free(at);
			say(im, t);
			free(t);
			im->told_locked = true;
		}
		free(v);
	}
}

/* The store refused a row for a field the session may not write: said as
 * the cell it is, with how to import the file. NULL for another refusal. */
static char *locked_refusal(importer *im, int row)
{
	int k = store_refused_field(im->e->store);
	if (k < 0 || (size_t)k >= im->f->nfields || !im->locked[k])
		return NULL;
	const kp_field *fd = &im->f->fields[k];
	char *at = place(im, row, im->o->place ? im->col[k] : -1);
	char *t = xasprintf(msg(im->o->place ? MSG_C_CELL_NOT_YOURS : MSG_C_COLUMN_NOT_YOURS), at, fd->label,
			    msg(fd->written_by == WRITER_CITY ? MSG_P_OWNER_CITY : MSG_C_THE_UNIT));
	free(at);
	return t;
}

/* The unit of this row, or 0 after reporting why there is none. */
static long long row_unit(importer *im, int row, int col, const char *cell, long long fixed,
			  const char *fixed_name)
{
	if (!cell)
		return fixed;
	char *name = text_trim(cell);
	long long id = name[0] ? unit_by_name(im, name) : fixed;
	if (name[0] && !id) {
		char *why = xasprintf(msg(MSG_S_NO_UNIT), name);
		problem(im, row, col, im->f->unit_label, why);
		free(why);
	} else if (fixed && id != fixed) {
		char *why = xasprintf(msg(MSG_C_UNIT_MISMATCH), fixed_name);
		problem(im, row, col, im->f->unit_label, why);
		free(why);
		id = 0;
	} else if (!id) {
		problem(im, row, col, im->f->unit_label, msg(MSG_V_REQUIRED));
	}
	free(name);
	return id;
}

/* A number where a month or a day belongs: what Excel keeps of 2016.10 is
 * the number 2016.1, so a month written so cannot be told from January.
 * Never guessed: refused, saying what was stored and how to write it. A
 * number the reader already turned into a date (its cell format said so)
 * never comes here. */
static const char *number_for_date(const kp_field *fd, const char *v, bool refused)
{
	bool month = field_holds_month(fd);
	if (!month && fd->type != FT_DATE)
		return NULL;
	size_t digits = strspn(v, "0123456789");
	if (!digits)
		return NULL;
	if (!v[digits])
		return fd->type == FT_DATE && refused ? msg(MSG_C_DATE_SERIAL) : NULL; /* 42566 */
	if (v[digits] != '.' || strspn(v + digits + 1, "0123456789") != strlen(v + digits + 1))
		return NULL;
	if (month)
		return digits == 4 && !strcmp(v + digits, ".1") ? msg(MSG_C_MONTH_NUMBER) : NULL;
	return refused ? msg(MSG_C_DATE_NUMBER) : NULL;
}

/* A phone Excel kept as a number (refused by the validator): shown as
 * 1.39123E+10 its last digits are gone; a workbook's number cell lost its
 * leading 0 or its dash. Said so, with how to type it as text; NULL when
 * the value is not such a number. */
static char *phone_as_number(const kp_field *fd, const char *raw, int kind)
{
	if (fd->type != FT_PHONE)
		return NULL;
	char *v = text_trim(raw), *end;
	double x = strtod(v, &end);
	char *t = NULL;
	if (v[0] >= '0' && v[0] <= '9' && !*end && x >= 1e6 && (strchr(v, 'E') || strchr(v, 'e'))) {
		char *shown = xasprintf(msg(MSG_C_PHONE_EXPONENT), v);
		t = xasprintf(msg(MSG_C_PHONE_NUMBER), "", shown);
		free(shown);
	} else if (kind == XLSX_NUMBER) {
		char *shown = xasprintf(msg(MSG_C_PHONE_PLAIN), v);
		t = xasprintf(msg(MSG_C_PHONE_NUMBER), shown, "");
		free(shown);
	}
	free(v);
	return t;
}

/* A row is blank when every cell is empty or spaces (bordered rows at the
 * end of a hand-made table; Excel's lines of bare commas). */
static bool blank_row(const csv_reader *r)
{
	for (size_t c = 0; c < r->n; c++)
		if (r->cells[c][0] && !text_blank(r->cells[c]))
			return false;
	return r->nul_cell < 0;
}

/* A row kepu's own list workbooks write below the table (填报人：…), or
 * the 合计 row of an exported per-unit table: written, never data. */
static bool footer_row(const importer *im, const csv_reader *r, int unit_col)
{
	const kp_form *f = im->f;
	if (f->total_row && unit_col >= 0 && (size_t)unit_col < r->n) {
		char *u = text_trim(r->cells[unit_col]);
		bool total = !strcmp(u, f->total_row);
		free(u);
		if (total)
			return true;
	}
	static const enum kp_msg_id sign[] = {MSG_X_FILLED_BY, MSG_X_CHECKED_BY, MSG_X_DATE};
	size_t c = 0;
	while (c < r->n && !r->cells[c][0])
		c++;
	for (size_t i = 0; c < r->n && i < sizeof sign / sizeof sign[0]; i++)
		if (text_starts_with(r->cells[c], msg(sign[i])))
			return true;
	return false;
}

/* What a field holds, as a refusal of a logical cell says it is not. */
static enum kp_msg_id bool_not(const kp_field *fd)
{
	if (field_holds_month(fd))
		return MSG_C_NOT_MONTH;
	return fd->type == FT_INTEGER ? MSG_C_NOT_NUMBER : fd->type == FT_DATE ? MSG_C_NOT_DATE : MSG_C_NOT_TEXT;
}

/* Validate one data row into rec; returns the number of problems. */
static int check_row(importer *im, csv_reader *r, const header *h, int unit_col,
		     long long fixed_unit, const char *unit, kp_record *rec)
{
	const kp_form *f = im->f;
	int before = im->st->errors;
	int row = r->record;
	if (r->nul_cell >= 0) {
		char *t = xasprintf(msg(MSG_C_NUL), (long long)r->nul_at + 1);
		problem(im, row, r->nul_cell, (size_t)r->nul_cell < h->n ? h->cells[r->nul_cell] : "", t);
		free(t);
	}
	const char **raw = im->raw;
	memset(raw, 0, f->nfields * sizeof *raw);
	for (size_t c = 0; c < r->n; c++) {
		int k = c < h->n ? h->map[c] : NO_COL;
		if (k >= 0) { /* a cell an export neutralised comes back as it was */
			raw[k] = csv_unneutralise(r->cells[c]);
		} else if (k == NO_COL && r->cells[c][0] && !text_blank(r->cells[c])) {
			/* text under no header would be lost: said, not dropped */
			cell_problem(im, row, (int)c, "", msg(MSG_C_NO_HEADER_CELL), r->cells[c]);
		}
	}
	const char *ucell = unit_col >= 0 && (size_t)unit_col < r->n ? r->cells[unit_col] : NULL;
	rec->unit_id = row_unit(im, row, unit_col, ucell, fixed_unit, unit);
	note_locked_cells(im, row, raw);
	char **why = im->why;
	record_validate(im->e, f, raw, rec->vals, why, &rec->proof); /* the form's check, once */
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		if (im->o->kind && im->col[i] >= 0 && (!raw[i] || !raw[i][0]) &&
		    im->o->kind(im->o->place_ctx, row, im->col[i]) == XLSX_FORMULA) {
			/* empty as read, not as it shows: never 「必须填写」 nor saved empty */
			char letters[8];
			csv_column_letters(im->col[i], letters);
			char *t = im->o->sheet ? xasprintf(msg(MSG_C_FORMULA_NO_VALUE_AT), im->o->sheet, letters, row)
					       : xstrdup(msg(MSG_C_FORMULA_NO_VALUE)); /* a 推荐表: the place names the sheet */
			problem(im, row, im->col[i], fd->label, t);
			free(t);
			free(why[i]);
			continue;
		}
		int kind = im->o->kind && im->col[i] >= 0 && raw[i] && raw[i][0]
			 ? im->o->kind(im->o->place_ctx, row, im->col[i]) : XLSX_UNKNOWN;
		/* a month typed where Excel makes it a date (yyyy"年"m"月", the 1st):
		 * the reader gives it as 2016-08, the month it shows */
		bool month_date = kind == XLSX_DATE && field_holds_month(fd) && strlen(raw[i]) == 7;
		if ((kind == XLSX_DATE || kind == XLSX_TIME) && fd->type != FT_DATE && !month_date) {
			/* a date format over a number: what shows is not what was typed */
			char *read = what_was_read(im, row, im->col[i], raw[i]);
			char *t = xasprintf(msg(field_holds_month(fd) ? MSG_C_DATE_IN_MONTH : MSG_C_DATE_IN_FIELD), read);
			problem(im, row, im->col[i], fd->label, t);
			free(t);
			free(read);
			free(why[i]);
			continue;
		}
		if (kind == XLSX_BOOL) {
			/* TRUE is never what a clerk meant by a count, a day or a
			 * name, and its 1 would pass for a number */
			char *read = what_was_read(im, row, im->col[i], raw[i]);
			char *t = xasprintf(msg(MSG_C_BOOL_IN_FIELD), read, msg(bool_not(fd)), msg(bool_not(fd)));
			problem(im, row, im->col[i], fd->label, t);
			free(t);
			free(read);
			free(why[i]);
			continue;
		}
		char *v = raw[i] && (field_holds_month(fd) || fd->type == FT_DATE) ? text_trim(raw[i]) : NULL;
		const char *number = v ? number_for_date(fd, v, why[i] != NULL) : NULL;
		char *phone = why[i] && raw[i] ? phone_as_number(fd, raw[i], kind) : NULL;
		if (number) { /* what Excel stored, and how to write it */
			char *t = xasprintf(number, v);
			problem(im, row, im->col[i], fd->label, t);
			free(t);
		} else if (phone) {
			problem(im, row, im->col[i], fd->label, phone);
		} else if (why[i] && !(im->col[i] < 0 && fd->required)) { /* a missing column: said once */
			if (raw[i] && !utf8_valid(raw[i], strlen(raw[i])) && im->col[i] >= 0) {
				size_t at = 0;
				for (uint32_t cp = 0; cp != UTF8_INVALID;)
					at += utf8_decode(raw[i] + at, strlen(raw[i]) - at, &cp);
				char *t = xasprintf(msg(MSG_C_BAD_UTF8_AT), r->starts[im->col[i]] + (long long)at);
				problem(im, row, im->col[i], fd->label, t);
				free(t);
			} else {
				cell_problem(im, row, im->col[i], fd->label, why[i], raw[i]);
			}
		}
		free(v);
		free(phone);
		free(why[i]);
	}
	return im->st->errors - before;
}

/* Valid rows on their way from the reader to the writer, and how far the
 * reader had come when it sent them (for the progress display). The values
 * are copied into one buffer, so the writer frees a chunk in a few calls
 * (freeing each value on the other thread costs more than writing it). */
#define CHUNK_ROWS 256
#define QUEUE_CHUNKS 2
typedef struct {
	size_t n, nfields;
	int rows;
	long long bytes;
	long long unit[CHUNK_ROWS];
	int row[CHUNK_ROWS]; /* each one's row in the file, for the report */
	kp_proof proof[CHUNK_ROWS]; /* each one's validation, which the store verifies */
	strbuf text;  /* every value, each ending in NUL */
	size_t *at;   /* where value k of row i starts: at[i * nfields + k] */
	char **vals;  /* the same as pointers, once the chunk is sent */
} chunk;

static chunk *chunk_new(size_t nfields)
{
	chunk *c = xcalloc(1, sizeof *c);
	c->nfields = nfields;
	c->text = (strbuf)STRBUF_INIT;
	c->at = xcalloc(CHUNK_ROWS * nfields, sizeof *c->at);
	c->vals = xcalloc(CHUNK_ROWS * nfields, sizeof *c->vals);
	return c;
}

static void chunk_free(chunk *c)
{
	sb_free(&c->text);
	free(c->at);
	free(c->vals);
	free(c);
}

static void chunk_add(chunk *c, const kp_record *rec, int row)
{
	c->unit[c->n] = rec->unit_id;
	c->row[c->n] = row;
	c->proof[c->n] = rec->proof;
	for (size_t k = 0; k < c->nfields; k++) {
		c->at[c->n * c->nfields + k] = c->text.len;
		sb_add(&c->text, rec->vals[k], strlen(rec->vals[k]) + 1);
	}
	c->n++;
}

/* What the reader needs besides the importer: the file, its header,
 * and (when saving) the queue to the writer. */
typedef struct {
	importer *im;
	FILE *in;
	csv_reader *r;
	const header *h;
	int unit_col;
	long long fixed_unit;
	const char *unit; /* its name, for messages */
	int pending;      /* csv_next's answer for a row read but not yet taken, or 0 */
	bqueue *q;   /* NULL: nothing is saved (a fatal header) */
	chunk *c;    /* being filled */
	int sent_at; /* rows read when the last chunk went */
	import_totals *totals; /* the sums a 合计 or 小计 row is checked against */
	int seq_col; /* the header's 序号, whose 「2（续）」 joins rows (list_continued.h); -1: none */
} reader;

static void send_chunk(reader *rd, int rows)
{
	chunk *c = rd->c;
	c->rows = rows;
	c->bytes = (long long)ftell(rd->in);
	for (size_t i = 0; i < c->n * c->nfields; i++) /* the text moves no more */
		c->vals[i] = c->text.s + c->at[i];
	bqueue_put(rd->q, c);
	rd->c = chunk_new(rd->im->f->nfields);
	rd->sent_at = rows;
}

/* Why csv_next stopped reading, naming the bound. */
static char *csv_error(int rc, int row)
{
	switch (rc) {
	case CSV_CELL_LONG:
		return xasprintf(msg(MSG_C_CSV_CELL_LONG), row, CSV_CELL_MAX >> 10);
	case CSV_TOO_WIDE:
		return xasprintf(msg(MSG_C_CSV_WIDE), row, CSV_CELLS_MAX);
	case CSV_RECORD_LONG:
		return xasprintf(msg(MSG_C_CSV_RECORD_LONG), row, CSV_RECORD_MAX >> 20);
	default:
		return xasprintf(msg(MSG_C_CSV_QUOTE), row);
	}
}

/* A 合计 or 小计 row as offices write them: skipped when its sums agree
 * with the rows above, reported when they do not; never a record. */
static bool rows_of_sums(reader *rd)
{
	importer *im = rd->im;
	char *why;
	int kind = import_totals_row(rd->totals, rd->r->cells, rd->r->n, &why);
	if (kind == TOTALS_AGREE)
		im->st->totals++;
	if (kind != TOTALS_DISAGREE)
		return kind == TOTALS_AGREE;
	char *at = place(im, rd->r->record, -1);
	char *t = xasprintf("%s：%s", at, why);
	say(im, t);
	im->st->errors++;
	if (im->o->rejects) {
		reject(im->o->rejects, rd->r, why);
		im->st->rejected++;
	}
	free(t);
	free(at);
	free(why);
	return true;
}

/* A continuation row's cells under anything but free text (a number, a
 * date, a choice): kepu writes none there, and joined they would make
 * another value (30 and 0 into 300). Each is reported; how many. */
static int continued_strays(reader *rd)
{
	int n = 0;
	for (size_t c = 0; c < rd->r->n; c++) {
		int k = c < rd->h->n ? rd->h->map[c] : NO_COL;
		if ((int)c == rd->seq_col || !rd->r->cells[c][0] || k < 0)
			continue;
		kp_ftype t = rd->im->f->fields[k].type;
		if (t == FT_TEXT || t == FT_TEXTAREA)
			continue;
		cell_problem(rd->im, rd->r->record, (int)c, rd->h->cells[c], msg(MSG_C_CONTINUED_NOT_TEXT),
			     rd->r->cells[c]);
		n++;
	}
	return n;
}

/* The row just read, and the rows under it marked as its continuation
 * (「2（续）」 under 序号 2), as one row in w; the next row is left pending.
 * How many continued cells were refused (the row is then not saved). */
static int join_continued(reader *rd, csv_reader *w)
{
	size_t seq = (size_t)rd->seq_col;
	continued_hold(w, rd->r);
	char *num = xstrdup(seq < w->n ? w->cells[seq] : "");
	int rc, strays = 0;
	while ((rc = csv_next(rd->r)) > 0 && seq < rd->r->n && continued_of(rd->r->cells[seq], num)) {
		strays += continued_strays(rd);
		continued_add(w, rd->r, seq);
	}
	rd->pending = rc;
	free(num);
	return strays;
}

/* A row marked 「（续）」 that follows no row of its number: refused, never
 * read as a record of its own (its other cells are empty) nor joined to a
 * row it may not belong to. */
static bool continued_alone(reader *rd)
{
	importer *im = rd->im;
	size_t seq = (size_t)rd->seq_col;
	if (rd->seq_col < 0 || seq >= rd->r->n || !continued_marked(rd->r->cells[seq]))
		return false;
	sb_clear(&im->reasons);
	cell_problem(im, rd->r->record, rd->seq_col, rd->h->cells[seq], msg(MSG_C_CONTINUED_ALONE), rd->r->cells[seq]);
	if (im->o->rejects) {
		reject(im->o->rejects, rd->r, sb_str(&im->reasons));
		im->st->rejected++;
	}
	return true;
}

/* Read and check every row, so the report lists every bad cell at once;
 * rows to save go to the writer. */
static void read_rows(reader *rd)
{
	importer *im = rd->im;
	const import_options *o = im->o;
	const kp_form *f = im->f;
	import_stats *st = im->st;
	int rc;
	while ((rc = rd->pending ? rd->pending : csv_next(rd->r)) != 0) {
		rd->pending = 0;
		if (rc > 0 && blank_row(rd->r)) {
			st->blank++;
			continue;
		}
		if (rc > 0 && footer_row(im, rd->r, rd->unit_col))
			continue; /* computed or signed, not data */
		if (rc > 0 && rows_of_sums(rd))
			continue;
		if (++st->rows > im->max_rows) { /* before the row is sent: the writer never sees it */
			enum kp_msg_id said = im->max_rows == IMPORT_UNIT_ROWS ? MSG_C_IMPORT_ROWS_UNIT : MSG_C_IMPORT_ROWS;
			char *t = xasprintf(msg(said), im->max_rows);
			fatal(im, t);
			free(t);
			break;
		}
		if (rd->q && (rd->c->n == CHUNK_ROWS || st->rows - rd->sent_at >= KP_PROGRESS_EVERY))
			send_chunk(rd, st->rows - 1);
		else if (!rd->q && o->progress && st->rows % KP_PROGRESS_EVERY == 0)
			o->progress(o->progress_ctx, st->rows, (long long)ftell(rd->in));
		if (rc < 0) {
			char *t = csv_error(rc, rd->r->record);
			fatal(im, t);
			free(t);
			break;
		}
		if (continued_alone(rd))
			continue;
		csv_reader whole, *row = rd->r;
		sb_clear(&im->reasons);
		int strays = 0;
		if (rd->seq_col >= 0) {
			strays = join_continued(rd, &whole);
			row = &whole;
		}
		/* Values NULL until validated: a row is saved only when all are. */
		kp_record rec = {.nvals = f->nfields, .vals = xcalloc(f->nfields, sizeof(char *))};
		int bad = check_row(im, row, rd->h, rd->unit_col, rd->fixed_unit, rd->unit, &rec) + strays;
		if (bad && o->rejects) {
			reject(o->rejects, row, sb_str(&im->reasons));
			st->rejected++;
		} else if (!bad && rd->q && (o->rejects || !st->errors)) {
			chunk_add(rd->c, &rec, row->record);
		}
		record_free(&rec);
		if (row == &whole)
			continued_free(&whole);
	}
	if (rd->q) {
		send_chunk(rd, st->rows);
		bqueue_close(rd->q);
	}
}

static void *reader_thread(void *arg)
{
	read_rows(arg);
	return NULL;
}

/* The writer, on the calling thread (the database connection and the
 * progress display stay there): saves what the reader sends until it
 * closes the queue. A row repeating a stored record is reported and left
 * out (or updates it). *err after a failed write (the rest is then only
 * drained). */
static void write_rows(importer *im, kp_batch *b, bqueue *q, char **err)
{
	const import_options *o = im->o;
	long long until = im->max_rows == IMPORT_UNIT_ROWS
				  ? clock_ms() + (o->write_ms ? o->write_ms : IMPORT_UNIT_SECONDS * 1000LL)
				  : 0;
	chunk *c;
	while ((c = bqueue_take(q))) {
		for (size_t i = 0; i < c->n && !*err; i++) {
			if (until && clock_ms() > until) { /* the rest is drained, the transaction rolled back */
				*err = xasprintf(msg(MSG_C_IMPORT_SLOW_UNIT), IMPORT_UNIT_SECONDS, c->row[i]);
				break;
			}
			kp_record rec = {.unit_id = c->unit[i], .nvals = c->nfields,
					 .vals = c->vals + i * c->nfields, .proof = c->proof[i]};
			char *why = NULL;
			store_batch_row(b, c->row[i]);
			int rc = store_batch_add(b, &rec, &why);
			char *at = rc == KP_OK ? NULL : place(im, c->row[i], -1);
			if (rc == KP_OK && rec.version > 1)
				im->st->updated++;
			else if (rc == KP_OK)
				im->st->saved++;
			else if (rc == KP_ESAME || rc == KP_ESAME_LOCKED || rc == KP_ESIMILAR || rc == KP_ENEAR) {
				char *t = xasprintf(msg(MSG_C_ROW_NOTE), at, why);
				say(im, t);
				free(t);
				if (rc == KP_ESAME)
					im->st->same++;
				else if (rc == KP_ESIMILAR)
					im->st->similar++;
				else if (rc == KP_ENEAR)
					im->st->near++;
				else
					im->st->same_locked++;
			} else if (why) { /* which row the store refused (a record field's name, the session's rules) */
				*err = locked_refusal(im, c->row[i]);
				if (!*err)
					*err = xasprintf(msg(MSG_C_ROW_NOTE), at, why);
			}
			free(at);
			free(why);
		}
		if (o->progress && c->rows)
			o->progress(o->progress_ctx, c->rows, c->bytes);
		chunk_free(c);
	}
}

/* Read every row and save the valid ones: the reader runs on a second
 * thread so that checking the next rows overlaps writing these (an import
 * then takes about as long as its writes alone). */
static void read_and_save(reader *rd, kp_batch *b, char **err)
{
	bqueue q;
	pthread_t t;
	if (!b) {
		read_rows(rd);
		return;
	}
	bqueue_init(&q, QUEUE_CHUNKS);
	rd->q = &q;
	rd->c = chunk_new(rd->im->f->nfields);
	int rc = pthread_create(&t, NULL, reader_thread, rd);
	if (rc != 0) { /* out of threads: nothing saved */
		*err = xasprintf(msg(MSG_C_NO_THREAD), strerror(rc));
		chunk_free(rd->c);
		bqueue_free(&q);
		return;
	}
	write_rows(rd->im, b, &q, err);
	pthread_join(t, NULL);
	chunk_free(rd->c);
	bqueue_free(&q);
}

/* The header's 序号 column, or -1. */
static int seq_column(const header *h)
{
	char *seq = text_label_key(msg(MSG_UI_COL_SEQ));
	int col = -1;
	for (size_t i = 0; i < h->n && col < 0; i++) {
		char *key = text_label_key(h->cells[i]);
		if (h->map[i] == SKIP_COL && !strcmp(key, seq))
			col = (int)i;
		free(key);
	}
	free(seq);
	return col;
}

/* Find the header in the first MAX_TITLE_ROWS rows (title rows, 填报单位
 * lines and blank rows above it name no column), and its second row when
 * it is grouped. Returns false after saying why there is none. */
static bool find_header(importer *im, csv_reader *r, header *h, int *pending)
{
	int rc;
	while ((rc = csv_next(r)) > 0 && r->record <= MAX_TITLE_ROWS && !named_columns(im, r))
		;
	if (rc <= 0 || r->record > MAX_TITLE_ROWS) {
		char *t = rc < 0 ? csv_error(rc, r->record)
			: r->record == 0 ? xstrdup(msg(MSG_C_EMPTY_FILE))
			: xasprintf(msg(MSG_C_NO_HEADER), MAX_TITLE_ROWS);
		fatal(im, t);
		free(t);
		return false;
	}
	header_take(h, im, r);
	rc = csv_next(r);
	*pending = rc > 0 && header_merge(h, im, r) ? 0 : rc;
	return true;
}

int import_csv(kp_env *e, const kp_form *f, FILE *in, const import_options *o, FILE *report,
	       import_stats *st)
{
	importer im = {.e = e, .f = f, .report = report, .o = o, .st = st, .reasons = STRBUF_INIT,
		       .max_rows = store_session_unit(e->store) ? IMPORT_UNIT_ROWS : IMPORT_CITY_ROWS};
	memset(st, 0, sizeof *st);
	csv_reader r;
	csv_open(&r, in);
	long long fixed_unit = 0;
	const char *unit = o->unit;
	char *own = NULL;
	if (store_session_unit(e->store)) /* a unit session imports into its own unit */
		unit = own = store_unit_name(e->store, store_session_unit(e->store));
	if (unit && !(fixed_unit = store_unit_id(e->store, unit))) {
		char *why = xasprintf(msg(MSG_S_NO_UNIT), unit);
		fatal(&im, why);
		free(why);
	} else if (o->unit && own && strcmp(o->unit, own)) {
		char *why = xasprintf(msg(MSG_SS_OTHER_UNIT), own);
		fatal(&im, why);
		free(why);
	}
	if (!store_may_write_form(e->store, f)) { /* 附表1 from a unit: the store would refuse each row */
		char *why = xasprintf(msg(MSG_SS_CITY_FORM), f->title);
		fatal(&im, why);
		free(why);
	}
	char *fixed = NULL; /* a year closed or not begun: the whole file, said once */
	if (store_why_year_fixed(e->store, store_year(e->store), &fixed) != KP_OK) {
		char *why = xasprintf(msg(MSG_C_YEAR_FIXED_FILE), fixed ? fixed : "");
		fatal(&im, why);
		free(why);
	}
	free(fixed);
	if (o->note)
		say(&im, o->note);
	make_keys(&im);
	im.col = xcalloc(f->nfields + 1, sizeof *im.col);
	for (size_t i = 0; i < f->nfields; i++)
		im.col[i] = -1;
	header h = {0};
	reader rd = {&im, in, &r, &h, NO_COL, fixed_unit, unit, 0, NULL, NULL, 0, NULL, -1};
	char *err = NULL;
	kp_batch *b = NULL;
	if (find_header(&im, &r, &h, &rd.pending)) {
		check_header(&im, &h, &rd.unit_col);
		rd.seq_col = seq_column(&h);
		im.nunits = store_units(e->store, &im.units);
		im.raw = xcalloc(f->nfields + 1, sizeof *im.raw);
		im.why = xcalloc(f->nfields + 1, sizeof *im.why);
		im.locked = xcalloc(f->nfields + 1, sizeof *im.locked);
		for (size_t i = 0; i < f->nfields; i++)
			im.locked[i] = !store_may_write_field(e->store, &f->fields[i]);
		if (!unit && rd.unit_col == NO_COL && !st->fatal) /* a header refused says enough */
			fatal(&im, msg(MSG_C_NEED_UNIT));
		if (o->rejects) { /* the same header, and a column for the reasons */
			csv_reader hr = {.n = h.n, .cells = h.cells};
			reject(o->rejects, &hr, msg(MSG_C_REJECT_REASON));
		}
		/* A dry run writes too, in a transaction it rolls back: so it finds
		 * what the real import would (a row repeating a stored one). */
		if (!st->fatal && !(b = store_batch_begin(e->store, f, o->source ? o->source : "", &err))) {
			fatal(&im, err);
			free(err);
			err = NULL;
		}
		if (b) {
			store_batch_update(b, o->update);
			store_batch_force(b, o->force);
		}
		rd.totals = import_totals_new(f, h.map, h.n);
		read_and_save(&rd, b, &err);
		import_totals_free(rd.totals);
	}
	if (err) { /* a write failed: nothing is kept */
		fatal(&im, err);
		free(err);
		err = NULL;
	}
	if (o->progress)
		o->progress(o->progress_ctx, -1, (long long)ftell(in));
	if (st->blank) {
		char *t = xasprintf(msg(MSG_C_BLANK_ROWS), st->blank);
		say(&im, t);
		free(t);
	}
	if (st->totals) {
		char *t = xasprintf(msg(MSG_C_TOTALS_SKIPPED), st->totals);
		say(&im, t);
		free(t);
	}
	/* All or nothing, unless bad rows go to the rejects file. */
	bool ok = !st->fatal && (o->rejects || !st->errors);
	bool commit = ok && !o->dry_run;
	/* No other unit's data: the count only, and only when the rows are saved
	 * and marked for the city to see; a check that leaves no trace says
	 * nothing of other units' people. */
	if (b && commit && store_batch_marked(b)) {
		char *t = xasprintf(msg(MSG_C_MARKED_OTHERS), store_batch_marked(b));
		say(&im, t);
		free(t);
	}
	for (int near = 0; near < 2; near++)
		if (b && commit && store_batch_forced(b, near)) {
			char *t = xasprintf(msg(near ? MSG_C_MARKED_NEAR : MSG_C_MARKED_SIMILAR), store_batch_forced(b, near));
			say(&im, t);
			free(t);
		}
	if (b && store_batch_end(b, commit, &err) != KP_OK && commit)
		fatal(&im, err);
	if (!b || !commit) {
		st->ready = ok ? st->saved + st->updated : 0;
		st->ready_update = ok ? st->updated : 0;
		st->saved = st->updated = 0;
	}
	free(err);
	header_free(&h);
	sb_free(&im.reasons);
	unit_list_free(im.units, im.nunits);
	for (size_t i = 0; i < im.nkeys; i++)
		free(im.keys[i]);
	free(im.keys);
	free(im.key_field);
	free(im.col);
	free(im.raw);
	free(im.why);
	free(im.locked);
	csv_close(&r);
	free(own);
	return st->fatal || (!o->rejects && st->errors) ? -1 : 0;
}

bool import_finds_header(const kp_form *f, FILE *in)
{
	importer im = {.f = f};
	make_keys(&im);
	csv_reader r;
	csv_open(&r, in);
	bool found = false;
	while (!found && csv_next(&r) > 0 && r.record <= MAX_TITLE_ROWS)
		for (size_t c = 0; c < r.n && !found; c++) {
			int k = column_kind(&im, r.cells[c]);
			found = k >= 0 || k == UNIT_COL;
		}
	csv_close(&r);
	for (size_t i = 0; i < im.nkeys; i++)
		free(im.keys[i]);
	free(im.keys);
	free(im.key_field);
	rewind(in);
	return found;
}

/* A file that begins with UTF-8's byte-order mark but holds another
 * encoding (GBK saved after a BOM): the first bad byte's row and column,
 * counted as the CSV reader counts them (commas and line ends outside
 * quotes). */
static char *bom_not_utf8(const char *head, size_t bad)
{
	int row = 1, col = 0;
	bool quoted = false;
	for (size_t i = 3; i < bad; i++) {
		if (head[i] == '"')
			quoted = !quoted;
		else if (!quoted && head[i] == ',')
			col++;
		else if (!quoted && head[i] == '\n')
			row++, col = 0;
	}
	char letters[8];
	csv_column_letters(col, letters);
	return xasprintf(msg(MSG_C_BOM_NOT_UTF8), row, letters, (long long)bad + 1, (unsigned char)head[bad]);
}

/* UTF-16 (Excel's 「Unicode 文本」, Notepad's 「Unicode」): a byte-order
 * mark, or ASCII's zero high bytes in every other place. */
static bool looks_utf16(const unsigned char *h, size_t n)
{
	if (n >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF)))
		return true;
	size_t zero[2] = {0, 0}, m = n < 512 ? n : 512;
	for (size_t i = 0; i < m; i++)
		zero[i & 1] += h[i] == 0;
	return m >= 8 && (zero[0] * 4 >= m || zero[1] * 4 >= m) && (zero[0] == 0 || zero[1] == 0);
}

/* The line (1…) of byte at of head. */
static long line_at(const char *head, size_t at)
{
	long line = 1;
	for (size_t i = 0; i < at; i++)
		line += head[i] == '\n';
	return line;
}

FILE *import_decode(FILE *in, const char *encoding, char **err)
{
	bool gb;
	char head[65536];
	size_t n = fread(head, 1, sizeof head, in);
	rewind(in);
	size_t i = 0; /* auto: the first byte that is not UTF-8 */
	if (looks_utf16((const unsigned char *)head, n)) { /* read as either, it is neither */
		*err = xstrdup(msg(MSG_C_UTF16));
		return NULL;
	}
	if (!encoding || !strcasecmp(encoding, "auto")) {
		/* a multi-byte character may be cut at the end of the sample */
		gb = false;
		while (i < n && !gb) {
			uint32_t cp;
			size_t k = utf8_decode(head + i, n - i, &cp);
			gb = cp == UTF8_INVALID && n - i >= 4;
			i += gb ? 0 : k;
		}
		if (gb && n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3)) {
			/* it says UTF-8 and is not: never read as GB18030 behind its back */
			*err = bom_not_utf8(head, i);
			return NULL;
		}
	} else if (!strcasecmp(encoding, "gb18030") || !strcasecmp(encoding, "gbk")) {
		gb = true;
	} else if (!strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8")) {
		gb = false;
	} else {
		*err = xasprintf(msg(MSG_C_BAD_ENCODING), encoding);
		return NULL;
	}
	if (!gb)
		return in;
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	FILE *out = cd == (iconv_t)-1 ? NULL : tmpfile();
	if (!out) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		*err = xasprintf(msg(MSG_C_BAD_ENCODING), "gb18030");
		return NULL;
	}
	char ibuf[16384], obuf[65536];
	size_t left = 0, got;
	bool bad = false;
	long long done = 0; /* bytes of the file converted before ibuf */
	long lines = 1;     /* …and the line they end on (0x0A is never part of a GB18030 character) */
	unsigned char at = 0;
	while (!bad && (got = fread(ibuf + left, 1, sizeof ibuf - left, in)) > 0) {
		char *ip = ibuf, *op = obuf;
		size_t il = left + got, ol = sizeof obuf;
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno != EINVAL)
			bad = true; /* EINVAL: a character continues in the next chunk */
		fwrite(obuf, 1, (size_t)(op - obuf), out);
		for (const char *c = ibuf; c < ip; c++)
			lines += *c == '\n';
		done += ip - ibuf;
		at = il ? (unsigned char)*ip : 0;
		memmove(ibuf, ip, il);
		left = il;
	}
	iconv_close(cd);
	if (bad || left) {
		fclose(out);
		/* where it stops: the line and byte a clerk can find in an editor */
		if (i < n && i > 0)
			*err = xasprintf(msg(MSG_C_MIXED_ENCODING), line_at(head, i), (long long)i + 1,
					 (unsigned char)head[i], lines, done + 1, at);
		else
			*err = xasprintf(msg(MSG_C_BAD_GB18030), lines, done + 1, at);
		return NULL;
	}
	rewind(out);
	return out;
}
