/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The prompts drawn (their models are review_prompt.c, year_prompt.c and
 * reopen_prompt.c): the review's actions, or the reason being typed on the
 * status line; the years to move into; the city's reopening of a year. */
#include <curses.h>
#include <stdio.h>

#include "core/msg.h"
#include "ui/draw.h"
#include "ui/reopen_prompt.h"
#include "ui/review_prompt.h"
#include "ui/year_prompt.h"

void review_prompt_draw(review_prompt *p, ui_app *app, int y)
{
	if (p->actions.open)
		popup_draw(&p->actions, y, y, 20);
	if (p->confirming) {
		char q[512];
		if (p->twins[0]) /* the repeat is in the title already */
			snprintf(q, sizeof q, msg(MSG_UI_TWIN_CONFIRM), p->id, p->twins);
		else
			snprintf(q, sizeof q, msg(MSG_UI_DUP_CONFIRM), p->id, p->dups);
		draw_text(LINES - 2, 1, COLS - 2, q, theme_attr(R_ERROR), true);
		return;
	}
	if (!p->asking_reason)
		return;
	char q[128];
	snprintf(q, sizeof q, msg(MSG_UI_ASK_REASON), review_label(p->pending));
	reason_line_draw(app, q, &p->reason, p->reason_full);
}

void reason_line_draw(ui_app *app, const char *question, editbuf *b, bool full)
{
	/* a refused key is said on the status line: the reason goes above it */
	int row = full ? LINES - 3 : LINES - 2;
	int w = draw_text(row, 1, COLS - 2, question, theme_attr(R_ERROR), true);
	eb_line l = eb_lay(b, COLS - 2 - w, false); /* 「<」 when the start scrolled away */
	draw_edit(row, 1 + w, COLS - 2 - w, b, l, theme_attr(R_FIELD));
	app->cursor_y = row;
	app->cursor_x = 1 + w + l.cursor;
}

void reopen_prompt_draw(reopen_prompt *p, ui_app *app, int y)
{
	if (p->stage == RP_SCOPE)
		popup_draw(&p->scope, y, y, 20);
	if (p->stage != RP_REASON)
		return;
	char q[320];
	snprintf(q, sizeof q, msg(MSG_UI_ASK_REOPEN_REASON), p->year, p->unit_name);
	reason_line_draw(app, q, &p->reason, p->reason_full);
}

void year_prompt_draw(year_prompt *p, int y)
{
	if (p->years.open)
		popup_draw(&p->years, y, y, 20);
}
