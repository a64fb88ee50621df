/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/draw.h"

#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"

int draw_cps(int y, int x, int width, const uint32_t *cp, size_t n, attr_t attr, bool pad)
{
	if (width <= 0)
		return 0;
	wchar_t *w = xmalloc((n + 2) * sizeof *w);
	size_t k = 0;
	int used = 0;
	bool cut = false;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = cp_is_unsafe(cp[i]) ? '?' : cp[i];
		int cw = cp_width(c);
		if (used + cw > width) {
			cut = true;
			break;
		}
		w[k++] = (wchar_t)c;
		used += cw;
	}
	if (cut) { /* make room for the mark on a character boundary */
		while (k > 0 && used > width - 1)
			used -= cp_width((uint32_t)w[--k]);
		w[k++] = L'>';
		used++;
	}
	w[k] = 0;
	attr_t old;
	short pair;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	mvaddnwstr(y, x, w, (int)k);
	if (pad)
		for (int i = used; i < width; i++)
			addch(' ');
	attr_set(old, pair, NULL);
	free(w);
	return used;
}

int draw_text(int y, int x, int width, const char *s, attr_t attr, bool pad)
{
	size_t len = strlen(s), n = 0, i = 0;
	uint32_t *cp = xmalloc((len + 1) * sizeof *cp);
	while (i < len) {
		uint32_t c;
		i += utf8_decode(s + i, len - i, &c);
		cp[n++] = (c == UTF8_INVALID || c == '\n') ? (c == '\n' ? ' ' : '?') : c;
	}
	int used = draw_cps(y, x, width, cp, n, attr, pad);
	free(cp);
	return used;
}

/* A wide character on row y whose two cells straddle column x (its left
 * half at x - 1) is replaced by two spaces before anything is drawn from x:
 * a narrow character written over half of it makes the terminal erase it
 * whole, while curses still believes it is there and never redraws it —
 * the damage (「青少 科普」, a stray +) a popup left until ^L. */
static void split_wide_at(int y, int x)
{
	if (x <= 0 || x >= COLS || y < 0 || y >= LINES)
		return;
	for (int c = 0; c < x;) {
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1] = {0};
		attr_t a;
		short pair;
		int w = 1;
		if (mvin_wch(y, c, &cc) == OK && getcchar(&cc, wch, &a, &pair, NULL) != ERR)
			w = cp_width((uint32_t)wch[0]) == 2 ? 2 : 1;
		if (w == 2 && c + 1 == x) {
			attr_t old;
			short op;
			attr_get(&old, &op, NULL);
			attr_set(a, pair, NULL);
			mvaddstr(y, c, "  ");
			attr_set(old, op, NULL);
			return;
		}
		c += w;
	}
}

void draw_fill(int y, int x, int width, attr_t attr)
{
	/* A box drawn over text (a popup) must not cut a wide character. */
	split_wide_at(y, x);
	split_wide_at(y, x + width);
	draw_cps(y, x, width, NULL, 0, attr, true);
}

void draw_edit(int y, int x, int width, const editbuf *b, eb_line l, attr_t attr)
{
	draw_cps(y, x, width, NULL, 0, attr, true);
	if (l.mark)
		draw_cps(y, x, 1, (const uint32_t[]){'<'}, 1, attr, false);
	draw_cps(y, x + l.lead, width - l.lead, b->cp + b->hscroll, b->len - b->hscroll, attr, false);
}

void draw_blanks(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attr_t old;
	short pair;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	mvhline(y, x, '_', width);
	attr_set(old, pair, NULL);
}

void draw_line(int y, const char *s, kp_role role)
{
	draw_text(y, 0, COLS, s, theme_attr(role), true);
}

void draw_linef(int y, kp_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[1024];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	draw_line(y, buf, role);
}

void draw_frame(int y, int x, int h, int w, attr_t attr)
{
	attr_t old;
	short pair;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	for (int i = 0; i < w; i++) {
		char c = (i == 0 || i == w - 1) ? '+' : '-';
		mvaddch(y, x + i, c);
		mvaddch(y + h - 1, x + i, c);
	}
	for (int j = 1; j < h - 1; j++) {
		mvaddch(y + j, x, '|');
		mvaddch(y + j, x + w - 1, '|');
	}
	attr_set(old, pair, NULL);
}

void draw_bar(int y, int x, int width, double percent, attr_t fill, attr_t rest)
{
	if (percent < 0)
		percent = 0;
	if (percent > 100)
		percent = 100;
	int full = (int)(percent * width / 100.0 + 0.5);
	for (int i = 0; i < width; i++) {
		attrset(i < full ? fill : rest);
		mvaddch(y, x + i, i < full ? '#' : '.');
	}
	attrset(A_NORMAL);
}

/* Wrap s at width over at most rows lines; drawn from (y, x) when draw.
 * Text longer than rows lines ends the last with 「>」. */
static int wrap(int y, int x, int width, int rows, const char *s, attr_t attr, bool draw)
{
	if (width <= 0 || rows <= 0)
		return 0;
	size_t len = strlen(s), n = 0;
	uint32_t *cp = xcalloc(len + 1, sizeof *cp);
	for (size_t i = 0; i < len;)
		i += utf8_decode(s + i, len - i, &cp[n++]);
	int row = 0;
	size_t start = 0;
	while (start < n && row < rows) {
		size_t end = text_line_end(cp, start, n, width), next = text_line_next(cp, end, n);
		if (draw && row + 1 == rows && next < n) {
			/* the last line and text left over: all of it, cut with
			 * draw_cps's 「>」, never dropped unsaid */
			for (size_t i = start; i < n; i++)
				cp[i] = cp[i] == '\n' ? ' ' : cp[i];
			end = n;
		}
		if (draw)
			draw_cps(y + row, x, width, cp + start, end - start, attr, false);
		row++;
		start = next;
	}
	free(cp);
	return row;
}

int draw_wrapped(int y, int x, int width, int rows, const char *s, attr_t attr)
{
	return wrap(y, x, width, rows, s, attr, true);
}

int wrapped_height(int width, const char *s) { return wrap(0, 0, width, 1 << 20, s, 0, false); }
