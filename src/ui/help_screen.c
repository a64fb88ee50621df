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
} help_screen;

static void help_draw(ui_screen *s, ui_app *app)
{
	help_screen *h = (help_screen *)s;
	(void)app;
	/* the keys with nothing to do yet come last, under a line saying so */
	size_t first_later = 0;
	while (first_later < h->n && !h->lines[first_later].later)
		first_later++;
	int all = (int)h->n + (first_later < h->n);
	int rows = all < LINES - 4 ? all : LINES - 4;
	/* wide enough at 80 columns for the longest words of a field's key
	 * (^Z 撤销's) to be read whole */
	int w = COLS - 4, y = (LINES - rows - 2) / 2, x = 2;
	attr_t a = theme_attr(R_NORMAL);
	for (int j = 0; j < rows + 2; j++)
		draw_fill(y + j, x, w, a);
	draw_frame(y, x, rows + 2, w, theme_attr(R_FRAME));
	draw_text(y, x + 2, w - 4, msg(MSG_UI_HELP_TITLE), theme_attr(R_SECTION), false);
	for (int r = 0, i = 0; r < rows; r++) {
		if ((size_t)i == first_later && r == i) {
			draw_text(y + 1 + r, x + 2, w - 4, msg(MSG_UI_HELP_LATER), theme_attr(R_HELP), false);
			continue;
		}
		draw_text(y + 1 + r, x + 2, KEYS_W, h->lines[i].keys, theme_attr(R_SECTION), false);
		draw_text(y + 1 + r, x + 3 + KEYS_W, w - KEYS_W - 5, msg(h->lines[i].what), a, false);
		i++;
	}
}

static void help_key(ui_screen *s, ui_app *app, kp_key key)
{
	(void)app;
	(void)key;
	s->closing = true; /* any key goes back */
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
