/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A popup drawn (its keys are popup.c's, which never draws): the frame,
 * the filter typed, the window of items around the highlight and what it
 * does not show. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "ui/draw.h"
#include "ui/popup.h"
#include "ui/scrollwin.h"

void popup_draw(popup *p, int below, int above, int x)
{
	int rows = (int)(p->nmatch < POPUP_ROWS ? p->nmatch : POPUP_ROWS);
	if (rows == 0)
		rows = 1;
	int w = utf8_width(p->title) + 4 > 24 ? utf8_width(p->title) + 4 : 24; /* the title whole, if it fits */
	for (size_t i = 0; i < p->n; i++) {
		int iw = utf8_width(p->items[i]) + 4;
		if (iw > w)
			w = iw;
	}
	if (w > COLS - 2)
		w = COLS - 2;
	if (x + w > COLS)
		x = COLS - w;
	int h = rows + 3; /* frame, filter line, frame */
	int y = below + 1;
	if (y + h > LINES - 3)
		y = above - h >= 1 ? above - h : 1;

	attr_t a = theme_attr(R_NORMAL);
	for (int j = 0; j < h; j++)
		draw_fill(y + j, x, w, a);
	draw_frame(y, x, h, w, theme_attr(R_FRAME));
	draw_text(y, x + 2, w - 4, p->title, theme_attr(R_SECTION), false);
	char *f = eb_text(&p->filter);
	char line[128];
	snprintf(line, sizeof line, msg(MSG_UI_CHOICE_FILTER), f);
	free(f);
	draw_text(y + 1, x + 1, w - 2, line, theme_attr(R_HELP), true);
	if (!p->nmatch)
		draw_text(y + 2, x + 1, w - 2, msg(MSG_UI_CHOICE_NONE), a, true);
	for (int r = 0; r < rows && p->top + (size_t)r < p->nmatch; r++) {
		size_t i = p->top + (size_t)r;
		attr_t ia = i == p->sel ? theme_attr(R_SELECTED) : a;
		draw_fill(y + 2 + r, x + 1, w - 2, ia);
		draw_text(y + 2 + r, x + 2, w - 4, p->items[p->match[i]], ia, false);
	}
	/* what the window does not show, on its bottom frame */
	size_t rest = p->nmatch > p->top + (size_t)rows ? p->nmatch - p->top - (size_t)rows : 0;
	if (rest || p->top) {
		char more[160];
		sw_mark_n(p->top, false, rest, false, more, sizeof more);
		if (utf8_width(more) > w - 4) /* a narrow window: what is below first */
			sw_mark_n(rest ? 0 : p->top, false, rest, false, more, sizeof more);
		draw_text(y + h - 1, x + 2, w - 4, more, theme_attr(R_SECTION), false);
	}
}
