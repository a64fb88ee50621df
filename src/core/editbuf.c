/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/editbuf.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

void eb_init(editbuf *b, size_t max_chars, bool multiline)
{
	memset(b, 0, sizeof *b);
	b->max_chars = max_chars;
	b->multiline = multiline;
}

void eb_free(editbuf *b)
{
	free(b->cp);
	b->cp = NULL;
	b->len = b->cap = b->cur = b->hscroll = 0;
}

static void reserve(editbuf *b, size_t n)
{
	if (n <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 16;
	while (cap < n)
		cap *= 2;
	b->cp = xrealloc(b->cp, cap * sizeof *b->cp);
	b->cap = cap;
}

void eb_set(editbuf *b, const char *s)
{
	b->len = b->cur = b->hscroll = 0;
	b->sel = false;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID || (cp_is_unsafe(cp) && !(cp == '\n' && b->multiline)))
			cp = '?'; /* stored text is shown, never interpreted */
		reserve(b, b->len + 1);
		b->cp[b->len++] = cp;
	}
	b->cur = b->len;
}

void eb_select_all(editbuf *b)
{
	b->sel = b->len > 0;
	b->cur = b->len;
}

char *eb_text(const editbuf *b)
{
	strbuf s = STRBUF_INIT;
	for (size_t i = 0; i < b->len; i++)
		sb_addcp(&s, b->cp[i]);
	return sb_take(&s);
}

bool eb_insert(editbuf *b, uint32_t cp)
{
	if (cp == '\n' ? !b->multiline : cp_is_unsafe(cp))
		return false;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return false;
	if (b->sel)
		eb_clear(b);
	if (b->max_chars && b->len >= b->max_chars)
		return false;
	reserve(b, b->len + 1);
	memmove(b->cp + b->cur + 1, b->cp + b->cur, (b->len - b->cur) * sizeof *b->cp);
	b->cp[b->cur++] = cp;
	b->len++;
	return true;
}

/* A selection goes whole, as typing over it would replace it. */
static bool drop_selection(editbuf *b)
{
	if (!b->sel)
		return false;
	eb_clear(b);
	return true;
}

/* On the selection made on entry Backspace is the clerk's way to fix the
 * last character (魏都区科技局 → …科技委), not to empty the field: it ends
 * the selection (the cursor is at its end) and removes one character. */
bool eb_backspace(editbuf *b)
{
	b->sel = false;
	if (b->cur == 0)
		return false;
	b->cur--;
	return eb_delete(b);
}

bool eb_delete(editbuf *b)
{
	if (drop_selection(b))
		return true;
	if (b->cur >= b->len)
		return false;
	memmove(b->cp + b->cur, b->cp + b->cur + 1, (b->len - b->cur - 1) * sizeof *b->cp);
	b->len--;
	return true;
}

void eb_left(editbuf *b)
{
	b->sel = false;
	if (b->cur > 0)
		b->cur--;
}

void eb_right(editbuf *b)
{
	b->sel = false;
	if (b->cur < b->len)
		b->cur++;
}

void eb_home(editbuf *b)
{
	b->sel = false;
	while (b->cur > 0 && b->cp[b->cur - 1] != '\n')
		b->cur--;
}

void eb_end(editbuf *b)
{
	b->sel = false;
	while (b->cur < b->len && b->cp[b->cur] != '\n')
		b->cur++;
}

void eb_kill_to_end(editbuf *b)
{
	if (drop_selection(b))
		return;
	size_t end = b->cur;
	while (end < b->len && b->cp[end] != '\n')
		end++;
	if (end == b->cur && end < b->len)
		end++; /* at a line end: join the next line */
	if (end == b->cur)
		return; /* nothing to kill (and an empty buffer has no array yet) */
	memmove(b->cp + b->cur, b->cp + end, (b->len - end) * sizeof *b->cp);
	b->len -= end - b->cur;
}

void eb_clear(editbuf *b)
{
	b->len = b->cur = b->hscroll = 0;
	b->sel = false;
}

int eb_view(editbuf *b, int width)
{
	if (width < 2)
		width = 2;
	if (b->hscroll > b->cur)
		b->hscroll = b->cur;
	/* Leave one cell for the cursor after the last character. */
	for (;;) {
		int w = 0;
		for (size_t i = b->hscroll; i < b->cur; i++)
			w += cp_width(b->cp[i]);
		int need = b->cur < b->len ? cp_width(b->cp[b->cur]) : 1;
		if (w + need <= width || b->hscroll >= b->cur)
			return w;
		b->hscroll++;
	}
}

eb_line eb_lay(editbuf *b, int width, bool right)
{
	eb_line l = {0, 0, false};
	int room = width + (right && b->cur == b->len); /* the cursor may stand past the window */
	int cx = eb_view(b, room);
	if (b->hscroll > 0) { /* the start is hidden: its mark takes a cell */
		l.mark = true;
		l.lead = 1;
		cx = eb_view(b, room - 1);
	}
	if (right) {
		int tw = 0;
		for (size_t i = b->hscroll; i < b->len; i++)
			tw += cp_width(b->cp[i]);
		if (tw < width - l.lead)
			l.lead = width - tw;
	}
	l.cursor = l.lead + cx;
	return l;
}

size_t eb_wrap(const editbuf *b, int width, eb_row **out)
{
	size_t n = 0, cap = 8;
	eb_row *rows = xmalloc(cap * sizeof *rows);
	size_t start = 0;
	int w = 0;
	for (size_t i = 0; i <= b->len; i++) {
		bool end = i == b->len;
		bool nl = !end && b->cp[i] == '\n';
		int cw = (end || nl) ? 0 : cp_width(b->cp[i]);
		if (!end && !nl && w + cw > width && i > start) {
			if (n == cap)
				rows = xrealloc(rows, (cap *= 2) * sizeof *rows);
			rows[n++] = (eb_row){start, i};
			start = i;
			w = 0;
		}
		if (end || nl) {
			if (n == cap)
				rows = xrealloc(rows, (cap *= 2) * sizeof *rows);
			rows[n++] = (eb_row){start, i};
			start = i + 1;
			w = 0;
			continue;
		}
		w += cw;
	}
	*out = rows;
	return n;
}

void eb_cursor_rc(const editbuf *b, const eb_row *rows, size_t nrows, size_t *row, int *col)
{
	size_t r = 0;
	/* The cursor belongs to the last row that starts at or before it. */
	for (size_t i = 0; i < nrows; i++)
		if (rows[i].start <= b->cur)
			r = i;
	int c = 0;
	for (size_t i = rows[r].start; i < b->cur && i < rows[r].end; i++)
		c += cp_width(b->cp[i]);
	*row = r;
	*col = c;
}

/* Put the cursor in row r at the column nearest to col. */
static void goto_rc(editbuf *b, const eb_row *row, int col)
{
	int w = 0;
	size_t i = row->start;
	while (i < row->end && w + cp_width(b->cp[i]) <= col)
		w += cp_width(b->cp[i++]);
	b->cur = i;
}

static bool move_row(editbuf *b, int width, int delta)
{
	b->sel = false;
	eb_row *rows;
	size_t n = eb_wrap(b, width, &rows), r;
	int col;
	eb_cursor_rc(b, rows, n, &r, &col);
	bool ok = delta < 0 ? r > 0 : r + 1 < n;
	if (ok)
		goto_rc(b, &rows[delta < 0 ? r - 1 : r + 1], col);
	free(rows);
	return ok;
}

bool eb_up(editbuf *b, int width) { return move_row(b, width, -1); }
bool eb_down(editbuf *b, int width) { return move_row(b, width, +1); }
