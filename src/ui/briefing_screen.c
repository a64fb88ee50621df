/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The city's monthly 工作简报 (五.6): every unit's figures for a month,
 * the totals and who has not reported; Left/Right change the month. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/briefing.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define UNIT_W 16
#define NUM_W 8
#define SAVED_W 16

typedef struct {
	ui_screen base;
	kp_briefing b;
	int month;   /* index of the reporting month shown */
	size_t top;  /* the first unit shown: Up/Down scroll the table */
	int rows;    /* units the last draw had room for */
	bool due;    /* the month's deadline has come */
} briefing_screen;

/* The month a briefing written today is about: last month, within the
 * reporting months. */
static int default_month(const kp_schedule *s)
{
	int y, m, d;
	clock_today(&y, &m, &d);
	int last = (y - s->year) * 12 + m - 1 - s->month_from; /* last month's index */
	int n = schedule_nmonths(s);
	return last < 0 ? 0 : last >= n ? n - 1 : last;
}

static void rebuild(briefing_screen *bs, ui_app *app)
{
	briefing_free(&bs->b);
	char month[8], *err = NULL;
	schedule_month(&app->env->cat.schedule, bs->month, month);
	if (briefing_build(&bs->b, app->env, month, &err) != 0) {
		app_status(app, true, "%s", err);
		free(err);
	}
}

static void draw_row(briefing_screen *bs, int y, const kp_briefing_row *r, int kind)
{
	const kp_briefing *b = &bs->b;
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
		else if (kind == 2 || r->reported)
			snprintf(v, sizeof v, "%lld", kind == 2 ? b->totals[k] : r->vals[k]);
		int w = utf8_width(v);
		draw_text(y, x + (kind ? NUM_W - w : 0), w, v, a, false); /* numbers right */
	}
	char s[64];
	if (kind == 0)
		snprintf(s, sizeof s, "%s", msg(MSG_UI_BR_SAVED));
	else if (kind == 2) /* the count is on the title line */
		s[0] = '\0';
	else if (!r->reported && !bs->due) /* not late: its deadline has not come */
		snprintf(s, sizeof s, "%s", msg(MSG_UI_BR_NOT_DUE));
	else if (!r->reported)
		snprintf(s, sizeof s, "!%s", msg(MSG_R_NOT_REPORTED));
	else
		/* The month and day: the year is the briefing's, and 80 columns
		 * hold six counts beside it. */
		snprintf(s, sizeof s, "%c%.5s", r->late ? '~' : '+', r->saved_at + (strlen(r->saved_at) >= 10 ? 5 : 0));
	attr_t sa = kind == 1 && !r->reported && !bs->due ? theme_attr(R_NORMAL)
		  : kind == 1 ? theme_attr(!r->reported ? R_OVERDUE : r->late ? R_LATE : R_DONE) : a;
	draw_text(y, x, COLS - x - 1, s, sa, false);
}

static void briefing_draw(ui_screen *s, ui_app *app)
{
	briefing_screen *bs = (briefing_screen *)s;
	const kp_briefing *b = &bs->b;
	char title[160], due[24];
	date_official(due, b->due_y, b->due_m, b->due_d);
	snprintf(title, sizeof title, msg(MSG_UI_BR_TITLE), atoi(b->month), atoi(b->month + 5), due);
	int ty, tm, td;
	clock_today(&ty, &tm, &td);
	bs->due = date_serial(ty, tm, td) >= date_serial(b->due_y, b->due_m, b->due_d);
	char *missing = briefing_missing_text(b);
	char count[64];
	snprintf(count, sizeof count, msg(MSG_UI_BR_COUNT), b->nreported, b->n);
	/* the units not reported, whole: wrapped over up to five lines */
	int extra = app_detail_room(app, missing, 5);
	app_chrome(app, title, count, missing, CTX_BRIEFING);
	free(missing);
	int y = app_body_top(), h = app_body_height() - extra, rows = h - 3;
	bs->rows = rows > 1 ? rows : 1;
	size_t last_top = b->n > (size_t)bs->rows ? b->n - (size_t)bs->rows : 0;
	if (bs->top > last_top)
		bs->top = last_top;
	draw_row(bs, y, NULL, 0);
	int k = 0;
	for (; k < rows && bs->top + (size_t)k < b->n; k++)
		draw_row(bs, y + 1 + k, &b->rows[bs->top + (size_t)k], 1);
	draw_row(bs, y + 1 + k, NULL, 2);
	/* the units below (or above) the window, said before the legend */
	size_t below = b->n - bs->top - (size_t)k;
	char *more = below || bs->top ? xasprintf(msg(below ? MSG_UI_MORE_BELOW : MSG_UI_MORE_ABOVE), below ? below : bs->top)
				      : xstrdup("");
	char *legend = xasprintf("%s%s%s", more, more[0] ? "  " : "", msg(MSG_UI_BR_LEGEND));
	draw_text(y + h - 1, 1, COLS - 2, legend, theme_attr(R_HELP), true);
	free(legend);
	free(more);
}

static void briefing_key(ui_screen *s, ui_app *app, kp_key key)
{
	briefing_screen *bs = (briefing_screen *)s;
	int months = schedule_nmonths(&app->env->cat.schedule);
	kp_action a = keymap_lookup(CTX_BRIEFING, key);
	/* Up/Down scroll the table a unit at a time, PgUp/PgDn a window */
	size_t tops = bs->b.n > (size_t)bs->rows ? bs->b.n - (size_t)bs->rows + 1 : 1;
	if (app_move(&bs->top, tops, a, (size_t)bs->rows))
		return;
	switch (a) {
	case ACT_LEFT:
	case ACT_RIGHT:
	case ACT_NEXT: {
		int step = a == ACT_LEFT ? -1 : 1;
		bs->month = (bs->month + step + months) % months;
		rebuild(bs, app);
		break;
	}
	case ACT_QUIT: bs->base.closing = true; break;
	default: break;
	}
}

static void briefing_resume(ui_screen *s, ui_app *app)
{
	rebuild((briefing_screen *)s, app);
}

static void briefing_destroy(ui_screen *s)
{
	briefing_screen *bs = (briefing_screen *)s;
	briefing_free(&bs->b);
	free(bs);
}

ui_screen *briefing_screen_new(ui_app *app)
{
	if (schedule_nmonths(&app->env->cat.schedule) == 0)
		return NULL;
	briefing_screen *bs = xcalloc(1, sizeof *bs);
	bs->base = (ui_screen){briefing_draw, briefing_key, briefing_resume, briefing_destroy, NULL,
			       false};
	bs->month = default_month(&app->env->cat.schedule);
	rebuild(bs, app);
	return &bs->base;
}
