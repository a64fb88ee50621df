/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The section 五 checklist: every milestone with its due date and state
 * (the list), and the 19 units × unit milestones (the matrix); Tab
 * switches. Space ticks a milestone that is confirmed by hand. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/checklist.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define DUE_W 14
#define OWNER_W 6
#define STATE_W 14
#define UNITS_W 5
#define UNIT_W 16
#define CELL_W 7
#define MARK_W 6 /* the last column needs no gap */

typedef struct {
	ui_screen base;
	kp_checklist c;
	bool matrix;
	size_t row, col;   /* list: item; matrix: unit and unit-item column */
	size_t *cols;      /* matrix columns: indexes of the unit items */
	size_t ncols;
	int top;
} checklist_screen;

kp_role state_role(kp_ms_state st)
{
	static const kp_role roles[] = {[MS_OPEN] = R_NORMAL, [MS_OVERDUE] = R_OVERDUE,
					[MS_DONE] = R_DONE, [MS_LATE] = R_LATE};
	return roles[st];
}

static void rebuild(checklist_screen *cs, ui_app *app)
{
	checklist_free(&cs->c);
	free(cs->cols);
	checklist_build(&cs->c, app->env, APP_SCOPE(app));
	cs->cols = xcalloc(cs->c.n ? cs->c.n : 1, sizeof *cs->cols);
	cs->ncols = 0;
	for (size_t i = 0; i < cs->c.n; i++)
		if (cs->c.items[i].m->owner == OWNER_UNIT)
			cs->cols[cs->ncols++] = i;
}

static size_t nrows(const checklist_screen *cs)
{
	return cs->matrix ? cs->c.nunits : cs->c.n;
}

/* The item and unit under the cursor (unit CHECK_ALL in the list). */
static const kp_check_item *current(const checklist_screen *cs, size_t *unit)
{
	if (!cs->matrix) {
		*unit = CHECK_ALL;
		return cs->row < cs->c.n ? &cs->c.items[cs->row] : NULL;
	}
	*unit = cs->row;
	return cs->ncols && cs->row < cs->c.nunits ? &cs->c.items[cs->cols[cs->col]] : NULL;
}

static void draw_list_row(checklist_screen *cs, int y, size_t i)
{
	const kp_check_item *it = &cs->c.items[i];
	bool sel = i == cs->row;
	attr_t a = sel ? theme_attr(R_SELECTED) : theme_attr(R_NORMAL);
	char due[24], title[256], state[96], units[32] = "";
	date_official(due, it->y, it->mo, it->d);
	check_item_title(it, title, sizeof title);
	kp_ms_state st = check_item_state(&cs->c, it);
	check_item_describe(&cs->c, it, CHECK_ALL, false, state, sizeof state);
	if (it->m->owner == OWNER_UNIT)
		snprintf(units, sizeof units, "%d/%zu", it->ndone + it->nlate, cs->c.nunits);
	int title_w = COLS - 2 - DUE_W - OWNER_W - STATE_W - UNITS_W - 4;
	draw_fill(y, 0, COLS, a);
	int x = 1;
	draw_text(y, x, DUE_W, due, a, false);
	x += DUE_W + 1;
	draw_text(y, x, OWNER_W, check_owner_text(it->m), a, false);
	x += OWNER_W + 1;
	draw_text(y, x, title_w, title, a, false);
	x += title_w + 1;
	draw_text(y, x, STATE_W, state, sel ? a : theme_attr(state_role(st)), false);
	x += STATE_W + 1;
	draw_text(y, x, UNITS_W, units, a, false);
}

static void draw_list(checklist_screen *cs, int y, int rows)
{
	int title_w = COLS - 2 - DUE_W - OWNER_W - STATE_W - UNITS_W - 4;
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	draw_text(y, 1, DUE_W, msg(MSG_R_COL_DUE), h, false);
	draw_text(y, 2 + DUE_W, OWNER_W, msg(MSG_R_COL_OWNER), h, false);
	draw_text(y, 3 + DUE_W + OWNER_W, title_w, msg(MSG_R_COL_ITEM), h, false);
	draw_text(y, 4 + DUE_W + OWNER_W + title_w, STATE_W, msg(MSG_R_COL_STATE), h, false);
	draw_text(y, 5 + DUE_W + OWNER_W + title_w + STATE_W, UNITS_W, msg(MSG_UI_CK_UNITS), h, false);
	for (int k = 0; k < rows && cs->top + k < (int)cs->c.n; k++)
		draw_list_row(cs, y + 1 + k, (size_t)(cs->top + k));
}

static int cell_x(size_t k) { return 2 + UNIT_W + (int)k * CELL_W; }

static void draw_matrix(checklist_screen *cs, int y, int rows)
{
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	draw_text(y, 1, UNIT_W, msg(MSG_P_COL_UNIT), h, false);
	for (size_t k = 0; k < cs->ncols && cell_x(k) + MARK_W <= COLS; k++) {
		char head[32];
		check_item_heading(&cs->c.items[cs->cols[k]], head, sizeof head);
		draw_text(y, cell_x(k), MARK_W, head, h, false);
	}
	for (int r = 0; r < rows && cs->top + r < (int)cs->c.nunits; r++) {
		size_t u = (size_t)(cs->top + r);
		int yy = y + 1 + r;
		draw_fill(yy, 0, COLS, theme_attr(R_NORMAL));
		draw_text(yy, 1, UNIT_W, cs->c.units[u].name,
			  u == cs->row ? theme_attr(R_SECTION) : theme_attr(R_NORMAL), false);
		for (size_t k = 0; k < cs->ncols && cell_x(k) + MARK_W <= COLS; k++) {
			kp_ms_state st = check_item_unit_state(&cs->c.items[cs->cols[k]], u);
			char mark[4] = {' ', state_mark(st), ' ', '\0'};
			bool sel = u == cs->row && k == cs->col;
			draw_text(yy, cell_x(k), 3, mark,
				  sel ? theme_attr(R_SELECTED) : theme_attr(state_role(st)), false);
		}
	}
}

/* The help line: the item (or cell) under the cursor in full; caller frees. */
static char *describe_current(checklist_screen *cs)
{
	size_t u;
	const kp_check_item *it = current(cs, &u);
	if (!it)
		return xstrdup("");
	char due[24], title[256], state[96], who[160] = "";
	date_official(due, it->y, it->mo, it->d);
	check_item_title(it, title, sizeof title);
	check_item_describe(&cs->c, it, u, true, state, sizeof state);
	if (it->m->owner == OWNER_CITY || u != CHECK_ALL) { /* one state: say who or what did it */
		size_t k = it->m->owner == OWNER_UNIT ? u : 0;
		if (it->done_by[k][0])
			snprintf(who, sizeof who, msg(MSG_UI_CK_TICKED), it->done_by[k], it->done_at[k]);
		else if (it->done_at[k][0])
			snprintf(who, sizeof who, msg(MSG_UI_CK_SAVED_AT), it->done_at[k]);
	}
	return xasprintf("%s%s%s  %s  %s%s", u == CHECK_ALL ? "" : cs->c.units[u].name,
			 u == CHECK_ALL ? "" : "  ", title, due, state, who);
}

static void checklist_draw(ui_screen *s, ui_app *app)
{
	checklist_screen *cs = (checklist_screen *)s;
	char right[64], day[24];
	date_official(day, cs->c.ty, cs->c.tm, cs->c.td);
	snprintf(right, sizeof right, msg(MSG_R_TODAY), day);
	char *help = describe_current(cs);
	int extra = app_detail_room(app, help, 2);
	app_chrome(app, msg(cs->matrix ? MSG_UI_CK_MATRIX : MSG_UI_CK_TITLE), right, help,
		   CTX_CHECKLIST);
	free(help);
	int y = app_body_top(), rows = app_body_height() - 1 - extra;
	cs->top = app_scroll(cs->row, cs->top, rows);
	if (cs->matrix)
		draw_matrix(cs, y, rows);
	else
		draw_list(cs, y, rows);
}

static void tick(checklist_screen *cs, ui_app *app)
{
	size_t u;
	const kp_check_item *it = current(cs, &u);
	if (!it)
		return;
	if (it->m->nrecords) {
		app_status(app, true, "%s", msg(MSG_UI_CK_BY_DATA));
		return;
	}
	if (it->m->owner == OWNER_CITY && !APP_IS_CITY(app)) {
		app_status(app, true, "%s", msg(MSG_UI_CK_CITY_TICKS));
		return;
	}
	if (it->m->owner == OWNER_UNIT && u == CHECK_ALL) {
		app_status(app, true, "%s", msg(MSG_UI_CK_IN_MATRIX));
		return;
	}
	size_t k = it->m->owner == OWNER_UNIT ? u : 0;
	bool on = !it->done_at[k][0];
	long long unit_id = it->m->owner == OWNER_UNIT ? cs->c.units[u].id : 0;
	char title[256], *err = NULL;
	check_item_title(it, title, sizeof title);
	if (checklist_tick(app->env, it, unit_id, app->user, on, &err) != 0) {
		app_status(app, true, "%s", err ? err : "");
		free(err);
		return;
	}
	app_status(app, false, msg(on ? MSG_UI_CK_DONE : MSG_UI_CK_UNDONE), title);
	rebuild(cs, app);
}

static void checklist_key(ui_screen *s, ui_app *app, kp_key key)
{
	checklist_screen *cs = (checklist_screen *)s;
	kp_action a = keymap_lookup(CTX_CHECKLIST, key);
	if (app_move(&cs->row, nrows(cs), a, (size_t)(app_body_height() - 3)))
		return;
	switch (a) {
	case ACT_LEFT: cs->col = cs->col ? cs->col - 1 : 0; break;
	case ACT_RIGHT: cs->col = cs->col + 1 < cs->ncols ? cs->col + 1 : cs->col; break;
	case ACT_NEXT:
		cs->matrix = !cs->matrix;
		cs->row = 0;
		cs->top = 0;
		break;
	case ACT_TOGGLE: tick(cs, app); break;
	case ACT_QUIT: cs->base.closing = true; break;
	default: break;
	}
}

static void checklist_resume(ui_screen *s, ui_app *app)
{
	rebuild((checklist_screen *)s, app);
}

static void checklist_destroy(ui_screen *s)
{
	checklist_screen *cs = (checklist_screen *)s;
	checklist_free(&cs->c);
	free(cs->cols);
	free(cs);
}

ui_screen *checklist_screen_new(ui_app *app)
{
	checklist_screen *cs = xcalloc(1, sizeof *cs);
	cs->base = (ui_screen){checklist_draw, checklist_key, checklist_resume, checklist_destroy,
			       NULL, false};
	rebuild(cs, app);
	return &cs->base;
}
