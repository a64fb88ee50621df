/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/glance.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define NEXT_SHOWN 3
#define RETURNED_KEPT 8  /* records read for the list; the rest are counted */
#define RETURNED_LINES 6 /* at most, so the menu keeps its room at 80x24 */
#define OVERDUE_LINES 2
#define DUE_W 12      /* 12月31日 and a gap */
#define DUE_W_YEAR 16 /* 2017年12月31日 and a gap */

void glance_build(glance *g, ui_app *app)
{
	glance_free(g);
	checklist_build(&g->c, app->env, APP_SCOPE(app));
	progress_build(&g->p, app->env, APP_SCOPE(app));
	g->built = true;
	if (APP_IS_CITY(app)) /* the city returned them itself */
		return;
	const kp_catalog *cat = &app->env->cat;
	g->returned = xcalloc(RETURNED_KEPT, sizeof *g->returned);
	for (size_t i = 0; i < cat->nforms; i++) {
		const kp_form *f = cat->forms[i];
		if (!f->review)
			continue;
		kp_query q = {-1, false, NULL, 0, state_code(ST_RETURNED), false};
		kp_record *rows;
		long long total;
		size_t n = store_query_open(app->env->store, f, &q, RETURNED_KEPT, &rows, &total);
		for (size_t k = 0; k < n; k++) {
			if (g->nreturned < RETURNED_KEPT)
				g->returned[g->nreturned++] =
					xasprintf(msg(MSG_UI_GL_RETURNED), f->title, rows[k].id,
						  f->nfields ? rows[k].vals[0] : "", rows[k].reason);
			else
				g->more_returned++;
		}
		g->more_returned += total > (long long)n ? total - (long long)n : 0;
		records_free(rows, n);
	}
}

void glance_free(glance *g)
{
	if (g->built) {
		checklist_free(&g->c);
		progress_free(&g->p);
	}
	for (size_t i = 0; i < g->nreturned; i++)
		free(g->returned[i]);
	free(g->returned);
	memset(g, 0, sizeof *g);
}

/* The unit's index in the checklist, or CHECK_ALL for the city's view. */
static size_t viewer(const glance *g, const ui_app *app)
{
	for (size_t u = 0; app->unit_id && u < g->c.nunits; u++)
		if (g->c.units[u].id == app->unit_id)
			return u;
	return CHECK_ALL;
}

/* Does this item concern the viewer? A unit user is shown what units owe. */
static bool concerns(const ui_app *app, const kp_check_item *it)
{
	return APP_IS_CITY(app) || it->m->owner == OWNER_UNIT;
}

static kp_ms_state seen_state(const glance *g, const kp_check_item *it, size_t u)
{
	return u == CHECK_ALL || it->m->owner == OWNER_CITY ? check_item_state(&g->c, it)
							     : check_item_unit_state(it, u);
}

/* The overdue items by name, in as many whole names as OVERDUE_LINES hold,
 * the rest counted (等 3 项). */
static int draw_overdue(const glance *g, ui_app *app, size_t u, int overdue, int y)
{
	strbuf b = STRBUF_INIT;
	char *text = NULL;
	int named = 0;
	for (size_t i = 0; i < g->c.n; i++) {
		const kp_check_item *it = &g->c.items[i];
		if (!concerns(app, it) || seen_state(g, it, u) != MS_OVERDUE)
			continue;
		char title[256];
		check_item_title(it, title, sizeof title);
		sb_printf(&b, "%s%s", named ? "、" : msg(MSG_UI_GL_OVERDUE_NAMED), title);
		char *t = overdue > named + 1 ? xasprintf(msg(MSG_UI_GL_OVERDUE_MORE), sb_str(&b), overdue - named - 1)
					      : xstrdup(sb_str(&b));
		if (named && wrapped_height(COLS - 6, t) > OVERDUE_LINES) {
			free(t);
			break;
		}
		free(text);
		text = t;
		named++;
	}
	int used = draw_wrapped(y, 4, COLS - 6, OVERDUE_LINES, text ? text : "", theme_attr(R_OVERDUE));
	free(text);
	sb_free(&b);
	return used;
}

/* A unit's returned records, each reason whole (wrapped); those that do
 * not fit whole are counted on the last line. */
static int draw_returned(const glance *g, int y)
{
	int used = 0;
	size_t k = 0;
	for (; k < g->nreturned; k++) {
		int h = wrapped_height(COLS - 6, g->returned[k]);
		bool last = k + 1 == g->nreturned && !g->more_returned;
		if (used + h + (last ? 0 : 1) > RETURNED_LINES && k > 0)
			break;
		used += draw_wrapped(y + used, 4, COLS - 6, h, g->returned[k], theme_attr(R_ERROR));
	}
	long long more = g->more_returned + (long long)(g->nreturned - k);
	if (more) {
		char line[160];
		snprintf(line, sizeof line, msg(MSG_UI_GL_RETURNED_MORE), more);
		used += draw_wrapped(y + used, 4, COLS - 6, 1, line, theme_attr(R_ERROR));
	}
	return used;
}

int glance_draw(const glance *g, ui_app *app, int y)
{
	if (!g->built)
		return 0;
	size_t u = viewer(g, app);
	int overdue = 0;
	for (size_t i = 0; i < g->c.n; i++)
		overdue += concerns(app, &g->c.items[i]) && seen_state(g, &g->c.items[i], u) == MS_OVERDUE;
	const kp_progress_row *row = u == CHECK_ALL ? &g->p.total : progress_unit(&g->p, app->unit_id);
	char day[24], line[256];
	date_official(day, g->c.ty, g->c.tm, g->c.td);
	snprintf(line, sizeof line, msg(MSG_UI_GL_TODAY), day);
	int x = 2 + draw_text(y, 2, COLS - 4, line, theme_attr(R_SECTION), false);
	snprintf(line, sizeof line, msg(MSG_UI_GL_OVERDUE), overdue);
	x += 2 + draw_text(y, x + 2, COLS - x - 4, line, theme_attr(overdue ? R_OVERDUE : R_DONE), false);
	if (row) {
		snprintf(line, sizeof line, msg(MSG_UI_GL_SCORE), u == CHECK_ALL ? msg(MSG_UI_GL_ALL) : row->name,
			 row->score);
		if (u != CHECK_ALL && row->rank) { /* the unit's place among all */
			size_t len = strlen(line);
			snprintf(line + len, sizeof line - len, msg(MSG_UI_GL_RANK), row->rank, g->p.nunits);
		}
		draw_text(y, x + 2, COLS - x - 4, line, theme_attr(R_NORMAL), false);
	}
	int used = 1, shown = 0;
	const kp_check_item *next[NEXT_SHOWN];
	bool other_year = false; /* a due date not in today's year says its year */
	for (size_t i = 0; i < g->c.n && shown < NEXT_SHOWN; i++) {
		const kp_check_item *it = &g->c.items[i];
		if (concerns(app, it) && seen_state(g, it, u) == MS_OPEN) {
			next[shown++] = it;
			other_year |= it->y != g->c.ty;
		}
	}
	int dw = other_year ? DUE_W_YEAR : DUE_W;
	for (int k = 0; k < shown; k++) {
		const kp_check_item *it = next[k];
		char title[256], state[96];
		check_item_title(it, title, sizeof title);
		check_item_describe(&g->c, it, u == CHECK_ALL || it->m->owner == OWNER_CITY ? CHECK_ALL : u,
				    false, state, sizeof state);
		if (it->y != g->c.ty)
			date_official(day, it->y, it->mo, it->d);
		else
			snprintf(day, sizeof day, msg(MSG_UI_GL_DUE), it->mo, it->d);
		int yy = y + used++;
		draw_text(yy, 4, dw, day, theme_attr(R_NORMAL), false);
		draw_text(yy, 4 + dw, COLS - 22 - dw, title, theme_attr(R_NORMAL), false);
		draw_text(yy, COLS - 16, 14, state, theme_attr(R_NORMAL), false);
	}
	if (!shown)
		draw_text(y + used++, 4, COLS - 8, msg(MSG_UI_GL_NOTHING_OPEN), theme_attr(R_HELP), false);
	if (overdue) /* by name: a count alone sends the clerk to the checklist */
		used += draw_overdue(g, app, u, overdue, y + used);
	used += draw_returned(g, y + used);
	if (row) {
		strbuf b = STRBUF_INIT; /* what is counted: approved records against the quota */
		sb_adds(&b, msg(MSG_UI_GL_QUOTA));
		for (size_t k = 0; k < g->p.ncols; k++)
			sb_printf(&b, "%s%s %lld/%lld", k ? "  " : "", g->p.labels[k], row->done[k],
				  row->quota[k]);
		draw_text(y + used++, 2, COLS - 3, sb_str(&b), theme_attr(R_NORMAL), false);
		sb_free(&b);
	}
	return used;
}
