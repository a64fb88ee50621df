#include "core/csv.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

void csv_open(csv_reader *r, FILE *fp)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
}

static void clear_cells(csv_reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->cells[i]);
	r->n = 0;
}

static void push(csv_reader *r, strbuf *cell)
{
	if (r->n == r->cap)
		r->cells = xrealloc(r->cells, (r->cap = r->cap ? r->cap * 2 : 16) * sizeof *r->cells);
	r->cells[r->n++] = sb_take(cell);
}

static int next_byte(csv_reader *r)
{
	if (r->npend)
		return r->pend[--r->npend];
	return getc(r->fp);
}

static void unread(csv_reader *r, int c)
{
	if (c != EOF)
		r->pend[r->npend++] = c;
}

/* Skip a UTF-8 byte order mark at the start of the file. */
static void skip_bom(csv_reader *r)
{
	int a = next_byte(r), b = EOF, c = EOF;
	if (a == 0xEF && (b = next_byte(r)) == 0xBB && (c = next_byte(r)) == 0xBF)
		return;
	unread(r, c); /* pushed back in reverse order */
	unread(r, b);
	unread(r, a);
}

int csv_next(csv_reader *r)
{
	if (!r->bom_checked) {
		r->bom_checked = true;
		skip_bom(r);
	}
	for (;;) {
		clear_cells(r);
		strbuf cell = STRBUF_INIT;
		bool quoted = false, any = false;
		int c;
		for (;;) {
			c = next_byte(r);
			if (quoted) {
				if (c == EOF) {
					sb_free(&cell);
					r->record++;
					return -1;
				}
				if (c == '"') {
					int d = next_byte(r);
					if (d == '"') {
						sb_addc(&cell, '"');
						continue;
					}
					unread(r, d);
					quoted = false;
					continue;
				}
				sb_addc(&cell, (char)c);
				continue;
			}
			if (c == EOF || c == '\n') {
				if (cell.len || r->n || any)
					push(r, &cell);
				sb_free(&cell);
				break;
			}
			if (c == '\r')
				continue;
			any = true;
			if (c == '"' && cell.len == 0) {
				quoted = true;
				continue;
			}
			if (c == ',') {
				push(r, &cell);
				continue;
			}
			sb_addc(&cell, (char)c);
		}
		if (r->n == 0) { /* blank line */
			if (c == EOF)
				return 0;
			r->record++;
			continue;
		}
		r->record++;
		return 1;
	}
}

void csv_close(csv_reader *r)
{
	clear_cells(r);
	free(r->cells);
	r->cells = NULL;
	r->cap = 0;
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

char *csv_unneutralise(const char *s)
{
	return s[0] == '\'' && csv_looks_like_formula(s + 1) ? xstrdup(s + 1) : xstrdup(s);
}
