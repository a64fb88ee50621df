/* SPDX-License-Identifier: MulanPSL-2.0 */
/* F1: what every key that acts does on the screen below, from the keymap
 * table as the key line asks it (app_chrome keeps the rows). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define MAX_LINES 64
#define KEYS_W 15 /* the widest keys: 「Left/Shift-Tab」 */

typedef struct {
	ui_screen base;
	kp_key_line lines[MAX_LINES];
	size_t n;
	int top; /* the first row shown, when the rows are more than the box holds */
} help_screen;

/* The first key line with nothing to do yet (n when none). */
static size_t first_later(const help_screen *h)
{
	size_t i = 0;
	while (i < h->n && !h->lines[i].later)
		i++;
	return i;
}

/* The box's rows: the key lines, with the heading of the keys that have
 * nothing to do yet before the first of them. Row r is key line *i, or the
 * heading (false). */
static bool row_line(const help_screen *h, int r, size_t *i)
{
	size_t later = first_later(h);
	*i = (size_t)r < later ? (size_t)r : (size_t)r - (later < h->n);
	return !(later < h->n && (size_t)r == later);
}

static int row_count(const help_screen *h) { return (int)h->n + (first_later(h) < h->n); }

/* How many rows the box shows, and the first one, kept in range: a help
 * longer than the screen is paged, its last row saying what is left (the
 * keys at its end were cut unsaid at 80x24). */
static int shown_rows(help_screen *h, bool *paged)
{
	int all = row_count(h), room = LINES - 4 > 1 ? LINES - 4 : 1;
	*paged = all > room;
	int shown = *paged ? room - 1 : all;
	if (h->top > all - shown)
		h->top = all - shown;
	if (h->top < 0)
		h->top = 0;
	return shown;
}

static void help_draw(ui_screen *s, ui_app *app)
{
	help_screen *h = (help_screen *)s;
	(void)app;
	bool paged;
	int shown = shown_rows(h, &paged), rows = shown + paged;
	/* wide enough at 80 columns for the longest words of a field's key
	 * (^Z 撤销's) to be read whole */
	int w = COLS - 4, y = (LINES - rows - 2) / 2, x = 2;
	attr_t a = theme_attr(R_NORMAL);
	for (int j = 0; j < rows + 2; j++)
		draw_fill(y + j, x, w, a);
	draw_frame(y, x, rows + 2, w, theme_attr(R_FRAME));
	draw_text(y, x + 2, w - 4, msg(MSG_UI_HELP_TITLE), theme_attr(R_SECTION), false);
	for (int r = 0; r < shown; r++) {
		size_t i;
		if (!row_line(h, h->top + r, &i)) {
			draw_text(y + 1 + r, x + 2, w - 4, msg(MSG_UI_HELP_LATER), theme_attr(R_HELP), false);
			continue;
		}
		draw_text(y + 1 + r, x + 2, KEYS_W, h->lines[i].keys, theme_attr(R_SECTION), false);
		draw_text(y + 1 + r, x + 3 + KEYS_W, w - KEYS_W - 5, msg(h->lines[i].what), a, false);
	}
	if (paged) {
		char more[160];
		snprintf(more, sizeof more, msg(MSG_UI_HELP_MORE), h->top + 1, h->top + shown, row_count(h));
		draw_text(y + 1 + shown, x + 2, w - 4, more, theme_attr(R_HELP), false);
	}
}

static void help_key(ui_screen *s, ui_app *app, kp_key key)
{
	(void)app;
	help_screen *h = (help_screen *)s;
	bool paged;
	int shown = shown_rows(h, &paged);
	switch (paged ? keymap_lookup(CTX_POPUP, key) : ACT_NONE) {
	case ACT_UP: h->top--; return;
	case ACT_DOWN: h->top++; return;
	case ACT_PAGE_UP: h->top -= shown; return;
	case ACT_PAGE_DOWN: h->top += shown; return;
	default: s->closing = true; /* any other key goes back */
	}
}

static void help_destroy(ui_screen *s) { free(s); }

bool help_screen_is(const ui_screen *s) { return s->draw == help_draw; }

ui_screen *help_screen_new(const kp_key_line *lines, size_t n)
{
	help_screen *h = xcalloc(1, sizeof *h);
	h->base = (ui_screen){help_draw, help_key, NULL, help_destroy, NULL, false, {SCR_NONE, NULL, NULL, 0}, NULL};
	h->n = n < MAX_LINES ? n : MAX_LINES;
	memcpy(h->lines, lines, h->n * sizeof *lines);
	return &h->base;
}
