/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/glance.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/utf8.h"
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

static void clear_pieces(glance *g)
{
	for (size_t i = 0; i < g->npieces; i++)
		free(g->pieces[i].text);
	g->npieces = 0;
	g->height = 0;
}

/* Lay a piece at (row, x): one line cut with a mark to w cells, or wrapped
 * whole over its lines, at most max (wrap). Takes text. Returns the cells
 * (one line) or the rows (wrapped) it takes. */
static int lay(glance *g, int row, int x, int w, int max, kp_role role, char *text)
{
	if (g->npieces == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->pieces = xrealloc(g->pieces, g->cap * sizeof *g->pieces);
	}
	int rows = 1, used;
	if (max) {
		rows = wrapped_height(w, text);
		rows = rows < max ? rows : max;
		used = rows;
	} else {
		int tw = utf8_width(text);
		used = w <= 0 ? 0 : tw < w ? tw : w;
	}
	g->pieces[g->npieces++] = (gl_piece){row, x, w, rows, max > 0, role, text};
	if (row + (max ? rows : 1) > g->height)
		g->height = row + (max ? rows : 1);
	return used;
}

void glance_build(glance *g, ui_app *app)
{
	glance_free(g);
	checklist_build(&g->c, app->env, APP_SCOPE(app));
	/* on 2 January last year's 12月月报 is still due: not out of sight */
	checklist_add_carried(&g->c, app->env, APP_SCOPE(app));
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
	clear_pieces(g);
	free(g->pieces);
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

/* Items after lead, joined by 「、」 and ended by tail, with a line break
 * before an item that does not fit what is left of its line: titles hold
 * 「、」 themselves (上报附表2、3、4和…), and a line ending inside one reads
 * as two items. An item longer than a line is wrapped by draw_wrapped's
 * rules and the next starts a new line. */
static char *join_whole(const char *lead, char **items, size_t n, const char *tail, int width)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, lead);
	int used = utf8_width(lead);
	for (size_t i = 0; i < n; i++) {
		char *item = xasprintf("%s%s", items[i], i + 1 < n ? "、" : tail);
		int w = utf8_width(item);
		if (used && used + w > width) {
			sb_adds(&b, "\n");
			used = 0;
		}
		sb_adds(&b, item);
		used = used + w > width ? width : used + w;
		free(item);
	}
	return sb_take(&b);
}

/* The overdue items by name, in as many whole names as OVERDUE_LINES hold,
 * the rest counted (等，另有 3 项). */
static int lay_overdue(glance *g, const ui_app *app, size_t u, int overdue, int row, int cols)
{
	char **titles = xcalloc((size_t)overdue, sizeof *titles);
	char *text = NULL;
	int named = 0;
	for (size_t i = 0; i < g->c.n && named < overdue; i++) {
		const kp_check_item *it = &g->c.items[i];
		if (!concerns(app, it) || seen_state(g, it, u) != MS_OVERDUE)
			continue;
		char title[256];
		check_item_title(it, title, sizeof title);
		titles[named] = xstrdup(title);
		char *tail = overdue > named + 1 ? xasprintf(msg(MSG_UI_GL_OVERDUE_MORE), "", overdue - named - 1)
						 : xstrdup("");
		char *t = join_whole(msg(MSG_UI_GL_OVERDUE_NAMED), titles, (size_t)named + 1, tail, cols - 6);
		free(tail);
		if (named && wrapped_height(cols - 6, t) > OVERDUE_LINES) {
			free(t);
			break;
		}
		free(text);
		text = t;
		named++;
	}
	for (int k = 0; k < overdue; k++)
		free(titles[k]);
	free(titles);
	return lay(g, row, 4, cols - 6, OVERDUE_LINES, R_OVERDUE, text ? text : xstrdup(""));
}

/* A unit's returned records, each reason whole (wrapped); those that do
 * not fit whole are counted on the last line. */
static int lay_returned(glance *g, int row, int cols)
{
	int used = 0;
	size_t k = 0;
	for (; k < g->nreturned; k++) {
		int h = wrapped_height(cols - 6, g->returned[k]);
		bool last = k + 1 == g->nreturned && !g->more_returned;
		if (used + h + (last ? 0 : 1) > RETURNED_LINES && k > 0)
			break;
		used += lay(g, row + used, 4, cols - 6, h, R_ERROR, xstrdup(g->returned[k]));
	}
	long long more = g->more_returned + (long long)(g->nreturned - k);
	if (more)
		used += lay(g, row + used, 4, cols - 6, 1, R_ERROR, xasprintf(msg(MSG_UI_GL_RETURNED_MORE), more));
	return used;
}

/* The first line: today, how many are overdue, the score (and place). */
static void lay_today(glance *g, size_t u, int overdue, const kp_progress_row *row,
		      int cols)
{
	char day[24];
	date_official(day, g->c.ty, g->c.tm, g->c.td);
	int x = 2 + lay(g, 0, 2, cols - 4, 0, R_SECTION, xasprintf(msg(MSG_UI_GL_TODAY), day));
	x += 2 + lay(g, 0, x + 2, cols - x - 4, 0, overdue ? R_OVERDUE : R_DONE,
		     xasprintf(msg(MSG_UI_GL_OVERDUE), overdue));
	if (!row)
		return;
	strbuf b = STRBUF_INIT;
	if (row->exempt) /* no score of its own: the city's mean is not one */
		sb_printf(&b, msg(MSG_UI_GL_SCORE_EXEMPT), row->name);
	else
		sb_printf(&b, msg(MSG_UI_GL_SCORE), u == CHECK_ALL ? msg(MSG_UI_GL_ALL) : row->name, row->score);
	if (u != CHECK_ALL && row->rank) /* the unit's place among all (none while nothing counts) */
		sb_printf(&b, msg(row->tied ? MSG_UI_GL_RANK_TIED : MSG_UI_GL_RANK), row->rank, g->p.nunits);
	lay(g, 0, x + 2, cols - x - 4, 0, R_NORMAL, xstrdup(sb_str(&b)));
	sb_free(&b);
}

/* The next open deadlines, each with its date, title and state. */
static int lay_next(glance *g, const ui_app *app, size_t u, int cols)
{
	int shown = 0;
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
	/* the state column as wide as its widest state, never cut (「. 年度结束时未完成」
	 * after a close was 「. 年度结束时>」 in 14): the title gives way */
	char state[NEXT_SHOWN][96];
	int sw = 14;
	for (int k = 0; k < shown; k++) {
		check_item_describe(&g->c, next[k], u == CHECK_ALL || next[k]->m->owner == OWNER_CITY ? CHECK_ALL : u,
				    false, state[k], sizeof state[k]);
		sw = utf8_width(state[k]) > sw ? utf8_width(state[k]) : sw;
	}
	for (int k = 0; k < shown; k++) {
		const kp_check_item *it = next[k];
		char title[256], day[24];
		check_item_title(it, title, sizeof title);
		if (it->y != g->c.ty)
			date_official(day, it->y, it->mo, it->d);
		else
			snprintf(day, sizeof day, msg(MSG_UI_GL_DUE), it->mo, it->d);
		lay(g, 1 + k, 4, dw, 0, R_NORMAL, xstrdup(day));
		lay(g, 1 + k, 4 + dw, cols - 8 - dw - sw, 0, R_NORMAL, xstrdup(title));
		lay(g, 1 + k, cols - 2 - sw, sw, 0, R_NORMAL, xstrdup(state[k]));
	}
	if (!shown)
		lay(g, 1, 4, cols - 8, 0, R_HELP, xstrdup(msg(MSG_UI_GL_NOTHING_OPEN)));
	return shown ? shown : 1;
}

int glance_arrange(glance *g, const ui_app *app, int cols)
{
	if (!g->built || g->cols == cols)
		return g->height;
	clear_pieces(g);
	g->cols = cols;
	size_t u = viewer(g, app);
	int overdue = 0;
	for (size_t i = 0; i < g->c.n; i++)
		overdue += concerns(app, &g->c.items[i]) && seen_state(g, &g->c.items[i], u) == MS_OVERDUE;
	const kp_progress_row *row = u == CHECK_ALL ? &g->p.total : progress_unit(&g->p, app->unit_id);
	lay_today(g, u, overdue, row, cols);
	int used = 1 + lay_next(g, app, u, cols);
	if (overdue) /* by name: a count alone sends the clerk to the checklist */
		used += lay_overdue(g, app, u, overdue, used, cols);
	used += lay_returned(g, used, cols);
	if (row) {
		strbuf b = STRBUF_INIT; /* what is counted: approved records against the quota */
		sb_adds(&b, msg(MSG_UI_GL_QUOTA));
		for (size_t k = 0; k < g->p.ncols; k++) {
			char *cell = progress_cell_text(row, k);
			sb_printf(&b, "%s%s %s", k ? "  " : "", g->p.labels[k], cell);
			free(cell);
		}
		lay(g, used++, 2, cols - 3, 0, R_NORMAL, xstrdup(sb_str(&b)));
		sb_free(&b);
	}
	g->height = used;
	return used;
}

void glance_draw(const glance *g, int y)
{
	for (size_t i = 0; i < g->npieces; i++) {
		const gl_piece *p = &g->pieces[i];
		if (p->wrap)
			draw_wrapped(y + p->row, p->x, p->w, p->rows, p->text, theme_attr(p->role));
		else
			draw_text(y + p->row, p->x, p->w, p->text, theme_attr(p->role), false);
	}
}
