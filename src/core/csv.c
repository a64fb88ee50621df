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
	return (unsigned char)r->in[r->at++];
}

/* The byte next_byte would return, left unread. */
static int peek_byte(csv_reader *r)
{
	int c = next_byte(r);
	if (c != EOF)
		r->at--;
	return c;
}

static void add_byte(csv_reader *r, char c)
{
	if (r->tlen == r->tcap)
		r->text = xrealloc(r->text, r->tcap = r->tcap ? 2 * r->tcap : 1024);
	r->text[r->tlen++] = c;
}

/* End the cell being read. */
static void end_cell(csv_reader *r)
{
	add_byte(r, '\0');
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cells = xrealloc(r->cells, r->cap * sizeof *r->cells);
		r->ends = xrealloc(r->ends, r->cap * sizeof *r->ends);
	}
	r->ends[r->n++] = r->tlen;
}

/* Skip a UTF-8 byte order mark at the start of the file. */
static void skip_bom(csv_reader *r)
{
	r->len = fread(r->in, 1, sizeof r->in, r->fp);
	if (r->len >= 3 && !memcmp(r->in, "\xEF\xBB\xBF", 3))
		r->at = 3;
}

/* Read one record's cells into text; 1, 0 at the end, -1 for an open quote. */
static int read_record(csv_reader *r, int *last)
{
	bool quoted = false, any = false;
	size_t start = 0; /* where the cell being read starts */
	int c;
	for (;;) {
		c = next_byte(r);
		if (quoted) {
			if (c == EOF)
				return -1;
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
		if (c == EOF || c == '\n') {
			if (r->tlen > start || r->n || any)
				end_cell(r);
			break;
		}
		if (c == '\r')
			continue;
		any = true;
		if (c == '"' && r->tlen == start) {
			quoted = true;
			continue;
		}
		if (c == ',') {
			end_cell(r);
			start = r->tlen;
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
		int c;
		if (read_record(r, &c) < 0) {
			r->record++;
			return -1;
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
