/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/csv.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

void csv_open(csv_reader *r, FILE *fp)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
}

/* The next byte of the file, or EOF. */
static int next_byte(csv_reader *r)
{
	if (r->at == r->len) {
		r->len = fread(r->in, 1, sizeof r->in, r->fp);
		r->at = 0;
		if (!r->len)
			return EOF;
	}
	r->pos++;
	return (unsigned char)r->in[r->at++];
}

/* The byte next_byte would return, left unread. */
static int peek_byte(csv_reader *r)
{
	int c = next_byte(r);
	if (c != EOF) {
		r->at--;
		r->pos--;
	}
	return c;
}

static void add_byte(csv_reader *r, char c)
{
	if (r->tlen == r->tcap)
		r->text = xrealloc(r->text, r->tcap = r->tcap ? 2 * r->tcap : 1024);
	r->text[r->tlen++] = c;
}

/* End the cell being read, which started at byte start of the file. */
static void end_cell(csv_reader *r, long long start)
{
	add_byte(r, '\0');
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cells = xrealloc(r->cells, r->cap * sizeof *r->cells);
		r->ends = xrealloc(r->ends, r->cap * sizeof *r->ends);
		r->starts = xrealloc(r->starts, r->cap * sizeof *r->starts);
	}
	r->starts[r->n] = start;
	r->ends[r->n++] = r->tlen;
}

/* Skip a UTF-8 byte order mark at the start of the file. */
static void skip_bom(csv_reader *r)
{
	r->len = fread(r->in, 1, sizeof r->in, r->fp);
	if (r->len >= 3 && !memcmp(r->in, "\xEF\xBB\xBF", 3))
		r->at = r->pos = 3;
}

/* Read one record's cells into text; 1, 0 at the end, or an enum csv_error. */
static int read_record(csv_reader *r, int *last)
{
	bool quoted = false, any = false;
	size_t start = 0;          /* where the cell being read starts in text */
	long long from = r->pos;   /* and in the file */
	int c;
	for (;;) {
		c = next_byte(r);
		if (r->tlen - start > (size_t)CSV_CELL_MAX)
			return CSV_CELL_LONG;
		if (r->tlen > (size_t)CSV_RECORD_MAX)
			return CSV_RECORD_LONG;
		if (c == 0) { /* noted, never kept: it would end the cell */
			if (r->nul_cell < 0) {
				r->nul_cell = (int)r->n;
				r->nul_at = r->pos - 1;
			}
			any = true;
			continue;
		}
		if (quoted) {
			if (c == EOF)
				return CSV_OPEN_QUOTE;
			if (c == '"') {
				if (peek_byte(r) == '"')
					add_byte(r, (char)next_byte(r));
				else
					quoted = false;
				continue;
			}
			add_byte(r, (char)c);
			continue;
		}
		if (c == '\r' && peek_byte(r) == '\n')
			continue; /* CRLF ends the line; a bare CR stays in the cell */
		if (c == EOF || c == '\n') {
			if (r->tlen > start || r->n || any)
				end_cell(r, from);
			break;
		}
		any = true;
		if (c == '"' && r->tlen == start) {
			quoted = true;
			from = r->pos;
			continue;
		}
		if (c == ',') {
			if (r->n + 1 >= CSV_CELLS_MAX)
				return CSV_TOO_WIDE;
			end_cell(r, from);
			start = r->tlen;
			from = r->pos;
			continue;
		}
		add_byte(r, (char)c);
	}
	*last = c;
	return 1;
}

int csv_next(csv_reader *r)
{
	if (!r->bom_checked) {
		r->bom_checked = true;
		skip_bom(r);
	}
	for (;;) {
		r->n = r->tlen = 0;
		r->nul_cell = -1;
		int c, rc = read_record(r, &c);
		if (rc < 0) {
			r->record++;
			return rc;
		}
		if (r->n == 0) { /* blank line */
			if (c == EOF)
				return 0;
			r->record++;
			continue;
		}
		/* The text is complete (no more moves): point at the cells. */
		for (size_t i = 0; i < r->n; i++)
			r->cells[i] = r->text + (i ? r->ends[i - 1] : 0);
		r->record++;
		return 1;
	}
}

void csv_close(csv_reader *r)
{
	free(r->text);
	free(r->ends);
	free(r->cells);
	free(r->starts);
	r->starts = NULL;
	r->text = NULL;
	r->ends = NULL;
	r->cells = NULL;
	r->n = r->cap = r->tlen = r->tcap = 0;
}

void csv_write_cell(FILE *out, const char *s, bool first)
{
	if (!first)
		putc(',', out);
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

void csv_end_record(FILE *out) { fputs("\r\n", out); }

bool csv_looks_like_formula(const char *s)
{
	if (!strchr("=+-@\t\r", s[0]) || !s[0])
		return false;
	/* -5 and +3.5 are numbers, not formulas */
	const char *p = s + (s[0] == '-' || s[0] == '+');
	bool digits = false;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits = true;
		else if (*p != '.')
			return true;
	}
	return !digits;
}

char *csv_neutralise(const char *s)
{
	return csv_looks_like_formula(s) ? xasprintf("'%s", s) : xstrdup(s);
}

const char *csv_unneutralise(const char *s)
{
	return s[0] == '\'' && csv_looks_like_formula(s + 1) ? s + 1 : s;
}

void csv_column_letters(int col, char out[8])
{
	char tmp[8];
	int n = 0;
	for (col++; col > 0 && n < 7; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}
