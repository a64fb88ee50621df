#include "ui/glance.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define NEXT_SHOWN 3

void glance_build(glance *g, ui_app *app)
{
	glance_free(g);
	checklist_build(&g->c, app->env, APP_SCOPE(app));
	progress_build(&g->p, app->env, APP_SCOPE(app));
	g->built = true;
}

void glance_free(glance *g)
{
	if (g->built) {
		checklist_free(&g->c);
		progress_free(&g->p);
	}
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
		draw_text(y, x + 2, COLS - x - 4, line, theme_attr(R_NORMAL), false);
	}
	int used = 1, shown = 0;
	for (size_t i = 0; i < g->c.n && shown < NEXT_SHOWN; i++) {
		const kp_check_item *it = &g->c.items[i];
		if (!concerns(app, it) || seen_state(g, it, u) != MS_OPEN)
			continue;
		char title[256], state[96];
		check_item_title(it, title, sizeof title);
		check_item_describe(&g->c, it, u == CHECK_ALL || it->m->owner == OWNER_CITY ? CHECK_ALL : u,
				    false, state, sizeof state);
		snprintf(day, sizeof day, msg(MSG_UI_GL_DUE), it->mo, it->d);
		int yy = y + used++;
		draw_text(yy, 4, 12, day, theme_attr(R_NORMAL), false);
		draw_text(yy, 16, COLS - 34, title, theme_attr(R_NORMAL), false);
		draw_text(yy, COLS - 16, 14, state, theme_attr(R_NORMAL), false);
		shown++;
	}
	if (!shown)
		draw_text(y + used++, 4, COLS - 8, msg(MSG_UI_GL_NOTHING_OPEN), theme_attr(R_HELP), false);
	if (row) {
		strbuf b = STRBUF_INIT;
		for (size_t k = 0; k < g->p.ncols; k++)
			sb_printf(&b, "%s%s %lld/%lld", k ? "  " : "", g->p.labels[k], row->done[k],
				  row->quota[k]);
		draw_text(y + used++, 2, COLS - 3, sb_str(&b), theme_attr(R_NORMAL), false);
		sb_free(&b);
	}
	return used;
}
