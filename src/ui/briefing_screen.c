/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The city's monthly 工作简报 (五.6): every unit's figures for a month,
 * the totals and who has not reported; Left/Right change the month. What
 * the screen is and what a key does is briefing_model.c; this draws it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "ui/briefing_model.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define UNIT_W 16
#define NUM_W BFM_NUM_W
#define SAVED_W 16

typedef struct {
	ui_screen base;
	briefing_model m;
	int extra; /* body rows the list of units not reported takes beyond one line */
} briefing_screen;

/* Where the 报送 column starts: after the counts that fit. */
static int saved_x(const kp_briefing *b)
{
	int x = 2 + UNIT_W;
	for (size_t k = 0; k < b->ncols && x + NUM_W < COLS; k++)
		x += NUM_W + 1;
	return x;
}

static void draw_row(const briefing_model *m, int y, const kp_briefing_row *r, int kind)
{
	const kp_briefing *b = &m->b;
	attr_t a = kind == 0 ? theme_attr(R_SECTION) | A_UNDERLINE
		 : kind == 2 ? theme_attr(R_SECTION) : theme_attr(R_NORMAL);
	draw_fill(y, 0, COLS, a);
	draw_text(y, 1, UNIT_W, kind == 0 ? msg(MSG_P_COL_UNIT) : kind == 2 ? msg(MSG_P_TOTAL) : r->name,
		  a, false);
	int x = 2 + UNIT_W;
	for (size_t k = 0; k < b->ncols && x + NUM_W < COLS; k++, x += NUM_W + 1) {
		char v[32] = "";
		if (kind == 0)
			snprintf(v, sizeof v, "%s", b->form->fields[b->cols[k]].label);
		else if (kind == 2)
			snprintf(v, sizeof v, "%lld", b->totals[k]);
		else if (r->reported)
			briefing_cell(r, k, v, sizeof v);
		if (kind == 1 && utf8_width(v) > NUM_W) /* [records] on the detail line */
			snprintf(v, sizeof v, "%lld*", r->vals[k]);
		int w = utf8_width(v) < NUM_W ? utf8_width(v) : NUM_W;
		draw_text(y, x + (kind ? NUM_W - w : 0), w, v, a, false); /* numbers right */
	}
	char s[64];
	if (kind == 0)
		snprintf(s, sizeof s, "%s", msg(MSG_UI_BR_SAVED));
	else if (kind == 2) /* the count is on the title line */
		s[0] = '\0';
	else
		bfm_saved_cell(m, r, s, sizeof s);
	attr_t sa = kind == 1 && !r->reported && !m->due ? theme_attr(R_NORMAL)
		  : kind == 1 ? theme_attr(!r->reported ? R_OVERDUE : r->late ? R_LATE : R_DONE) : a;
	draw_text(y, x, COLS - x - 1, s, sa, false);
}

/* Before each frame: the room for the units not reported, whole (wrapped
 * over up to five lines; app_chrome uses it next), and the rows they
 * leave: header and legend have one each; units, mark and 合计 the rest. */
static void briefing_arrange(ui_screen *s, ui_app *app)
{
	briefing_screen *bs = (briefing_screen *)s;
	bfm_saved_room(&bs->m, COLS - saved_x(&bs->m.b) - 1); /* what does not fit goes to the detail line */
	bs->extra = app_detail_room(app, bs->m.missing, 5);
	bfm_fit(&bs->m, app_body_height() - bs->extra - 2);
}

static void briefing_draw(ui_screen *s, ui_app *app)
{
	briefing_screen *bs = (briefing_screen *)s;
	const briefing_model *m = &bs->m;
	const kp_briefing *b = &m->b;
	char title[160], due[24];
	date_official(due, b->due_y, b->due_m, b->due_d);
	snprintf(title, sizeof title, msg(MSG_UI_BR_TITLE), atoi(b->month), atoi(b->month + 5), due);
	char count[64];
	snprintf(count, sizeof count, msg(MSG_UI_BR_COUNT), b->nreported, b->n);
	app_chrome(app, title, count, m->missing, CTX_BRIEFING);
	int y = app_body_top(), h = app_body_height() - bs->extra;
	draw_row(m, y, NULL, 0);
	int k = 0;
	for (; (size_t)k < m->win.shown; k++)
		draw_row(m, y + 1 + k, &b->rows[m->win.top + (size_t)k], 1);
	if (m->mark_line) /* the units hidden, and 合计 (of every unit) under them */
		draw_text(y + 1 + k++, 1, COLS - 2, m->more, theme_attr(R_HELP), true);
	draw_row(m, y + 1 + k, NULL, 2);
	draw_text(y + h - 1, 1, COLS - 2, msg(MSG_UI_BR_LEGEND), theme_attr(R_HELP), true);
}

static void briefing_key(ui_screen *s, ui_app *app, kp_key key)
{
	briefing_screen *bs = (briefing_screen *)s;
	bfm_ctx c = {app->env};
	mr_result r = bfm_key(&bs->m, &c, key);
	app_show_result(app, &bs->base, &r);
}

static void briefing_resume(ui_screen *s, ui_app *app)
{
	briefing_screen *bs = (briefing_screen *)s;
	bfm_ctx c = {app->env};
	mr_result r = bfm_load(&bs->m, &c);
	app_show_result(app, &bs->base, &r);
}

static void briefing_destroy(ui_screen *s)
{
	briefing_screen *bs = (briefing_screen *)s;
	bfm_free(&bs->m);
	free(bs);
}

ui_screen *briefing_screen_new(ui_app *app)
{
	briefing_screen *bs = xcalloc(1, sizeof *bs);
	bs->base = (ui_screen){briefing_draw, briefing_key, briefing_resume, briefing_destroy, NULL,
			       false, {SCR_NONE, NULL, NULL, 0}, briefing_arrange};
	bfm_ctx c = {app->env};
	mr_result r = bfm_init(&bs->m, &c);
	if (!bs->m.nmonths) { /* no reporting months: nothing to brief */
		briefing_destroy(&bs->base);
		return NULL;
	}
	app_show_result(app, &bs->base, &r);
	return &bs->base;
}
