/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Section 六: each unit's done against its 附表1 quotas, the completion
 * score with a bar, ranked (Tab: in 序号 order), the 合计 line and the
 * formula the score follows. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/progress.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define RANK_W 4
#define UNIT_W 16
#define SCORE_W 7
#define MAX_COLS 8

typedef struct {
	ui_screen base;
	kp_progress p;
	bool by_seq;           /* Tab: 序号 order instead of rank */
	const kp_progress_row **order;
	size_t sel;
	int top;
} progress_screen;

static int seq_order(const void *a, const void *b)
{
	const kp_progress_row *const *x = a, *const *y = b;
	return (*x)->seq - (*y)->seq;
}

static void arrange(progress_screen *ps)
{
	for (size_t i = 0; i < ps->p.n; i++)
		ps->order[i] = &ps->p.rows[i];
	if (ps->by_seq)
		qsort(ps->order, ps->p.n, sizeof *ps->order, seq_order);
}

static void rebuild(progress_screen *ps, ui_app *app)
{
	progress_free(&ps->p);
	free(ps->order);
	if (progress_build(&ps->p, app->env, APP_SCOPE(app)) != 0)
		app_status(app, true, "%s", msg(MSG_UI_PROGRESS_FAILED));
	ps->order = xcalloc(ps->p.n ? ps->p.n : 1, sizeof *ps->order);
	arrange(ps);
}

static int col_w(const progress_screen *ps, size_t k)
{
	int w = utf8_width(ps->p.labels[k]);
	return w < 8 ? 8 : w;
}


static void draw_row(progress_screen *ps, int y, const kp_progress_row *r, bool header, bool sel)
{
	attr_t a = header ? theme_attr(R_SECTION) | A_UNDERLINE
		 : sel ? theme_attr(R_SELECTED) : r == &ps->p.total ? theme_attr(R_SECTION)
		 : theme_attr(R_NORMAL);
	draw_fill(y, 0, COLS, a);
	char cell[48] = "";
	if (!header && r != &ps->p.total)
		snprintf(cell, sizeof cell, "%d", r->rank);
	draw_text(y, 1, RANK_W, header ? msg(MSG_R_COL_RANK) : cell, a, false);
	draw_text(y, 2 + RANK_W, UNIT_W, header ? msg(MSG_P_COL_UNIT) : r->name, a, false);
	int x = 3 + RANK_W + UNIT_W;
	for (size_t k = 0; k < ps->p.ncols && k < MAX_COLS; k++) {
		int w = col_w(ps, k);
		if (header)
			draw_text(y, x, w, ps->p.labels[k], a, false);
		else {
			snprintf(cell, sizeof cell, "%lld/%lld", r->done[k], r->quota[k]);
			draw_text(y, x, w, cell, a, false);
		}
		x += w + 1;
	}
	if (header) {
		draw_text(y, x, COLS - x - 1, msg(MSG_P_SCORE), a, false);
		return;
	}
	snprintf(cell, sizeof cell, "%5.1f%%", r->score);
	draw_text(y, x, SCORE_W, cell, a, false);
	int bar = COLS - x - SCORE_W - 2;
	if (bar >= 4)
		draw_bar(y, x + SCORE_W, bar, r->score, sel ? a : theme_attr(R_BAR),
			 sel ? a : theme_attr(R_HELP));
}

static void progress_draw(ui_screen *s, ui_app *app)
{
	progress_screen *ps = (progress_screen *)s;
	/* The help line: the selected unit's talents and projects by review
	 * state (the score counts the approved ones). */
	char *waiting = ps->p.n ? progress_waiting_text(&ps->p, ps->order[ps->sel]) : NULL;
	char *help = waiting && waiting[0] ? xasprintf("%s：%s", ps->order[ps->sel]->name, waiting)
					   : xstrdup("");
	int extra = app_detail_room(app, help, 2);
	app_chrome(app, msg(ps->by_seq ? MSG_UI_PROGRESS_SEQ : MSG_UI_PROGRESS_TITLE), NULL, help,
		   CTX_REPORT);
	free(help);
	free(waiting);
	int y = app_body_top(), h = app_body_height() - extra;
	int rows = h - 4; /* header, 合计, the formula and its note */
	ps->top = app_scroll(ps->sel, ps->top, rows);
	draw_row(ps, y, NULL, true, false);
	int k = 0;
	for (; k < rows && ps->top + k < (int)ps->p.n; k++)
		draw_row(ps, y + 1 + k, ps->order[ps->top + k], false, (size_t)(ps->top + k) == ps->sel);
	draw_row(ps, y + 1 + k, &ps->p.total, false, false);
	draw_text(y + h - 2, 1, COLS - 2, ps->p.formula, theme_attr(R_NORMAL), true);
	draw_text(y + h - 1, 1, COLS - 2, ps->p.formula_note, theme_attr(R_HELP), true);
}

static void progress_key(ui_screen *s, ui_app *app, kp_key key)
{
	progress_screen *ps = (progress_screen *)s;
	(void)app;
	kp_action a = keymap_lookup(CTX_REPORT, key);
	if (app_move(&ps->sel, ps->p.n, a, ps->p.n)) /* a page is the whole table */
		return;
	switch (a) {
	case ACT_NEXT:
		ps->by_seq = !ps->by_seq;
		arrange(ps);
		break;
	case ACT_QUIT: ps->base.closing = true; break;
	default: break;
	}
}

static void progress_resume(ui_screen *s, ui_app *app)
{
	rebuild((progress_screen *)s, app);
}

static void progress_destroy(ui_screen *s)
{
	progress_screen *ps = (progress_screen *)s;
	progress_free(&ps->p);
	free(ps->order);
	free(ps);
}

ui_screen *progress_screen_new(ui_app *app)
{
	progress_screen *ps = xcalloc(1, sizeof *ps);
	ps->base = (ui_screen){progress_draw, progress_key, progress_resume, progress_destroy, NULL,
			       false};
	rebuild(ps, app);
	return &ps->base;
}
