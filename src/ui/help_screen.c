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
#define KEYS_W 22

typedef struct {
	ui_screen base;
	kp_key_line lines[MAX_LINES];
	size_t n;
} help_screen;

static void help_draw(ui_screen *s, ui_app *app)
{
	help_screen *h = (help_screen *)s;
	(void)app;
	int rows = (int)h->n < LINES - 4 ? (int)h->n : LINES - 4;
	int w = COLS - 8, y = (LINES - rows - 2) / 2, x = 4;
	attr_t a = theme_attr(R_NORMAL);
	for (int j = 0; j < rows + 2; j++)
		draw_fill(y + j, x, w, a);
	draw_frame(y, x, rows + 2, w, theme_attr(R_FRAME));
	draw_text(y, x + 2, w - 4, msg(MSG_UI_HELP_TITLE), theme_attr(R_SECTION), false);
	for (int i = 0; i < rows; i++) {
		draw_text(y + 1 + i, x + 2, KEYS_W, h->lines[i].keys, theme_attr(R_SECTION), false);
		draw_text(y + 1 + i, x + 3 + KEYS_W, w - KEYS_W - 5, msg(h->lines[i].what), a, false);
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
