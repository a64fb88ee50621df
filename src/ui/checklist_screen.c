/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The section 五 checklist: every milestone with its due date and state
 * (the list), and the 19 units × unit milestones (the matrix); Tab
 * switches. Space ticks a milestone that is confirmed by hand. What the
 * screen is and what a key does is checklist_model.c; this draws it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "ui/checklist_model.h"
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
	checklist_model m;
	int extra; /* body rows the detail takes beyond one line (arranged for this frame) */
} checklist_screen;

static ckm_ctx ctx_of(ui_app *app)
{
	return (ckm_ctx){app->env, APP_SCOPE(app), APP_IS_CITY(app), app->user};
}

/* The theme role that colours a checklist state. */
static kp_role state_role(kp_ms_state st)
{
	static const kp_role roles[] = {[MS_OPEN] = R_NORMAL, [MS_OVERDUE] = R_OVERDUE,
					[MS_DONE] = R_DONE, [MS_LATE] = R_LATE};
	return roles[st];
}

static void draw_list_row(const checklist_model *m, int y, size_t i)
{
	const kp_check_item *it = &m->c.items[i];
	bool sel = i == m->row;
	attr_t a = sel ? theme_attr(R_SELECTED) : theme_attr(R_NORMAL);
	char due[24], title[256], state[96], units[32] = "";
	date_official(due, it->y, it->mo, it->d);
	check_item_title(it, title, sizeof title);
	kp_ms_state st = check_item_state(&m->c, it);
	check_item_describe(&m->c, it, CHECK_ALL, false, state, sizeof state);
	if (it->m->owner == OWNER_UNIT)
		snprintf(units, sizeof units, "%d/%zu", it->ndone + it->nlate, m->c.nunits);
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

static void draw_list(const checklist_model *m, int y)
{
	int title_w = COLS - 2 - DUE_W - OWNER_W - STATE_W - UNITS_W - 4;
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	draw_text(y, 1, DUE_W, msg(MSG_R_COL_DUE), h, false);
	draw_text(y, 2 + DUE_W, OWNER_W, msg(MSG_R_COL_OWNER), h, false);
	draw_text(y, 3 + DUE_W + OWNER_W, title_w, msg(MSG_R_COL_ITEM), h, false);
	draw_text(y, 4 + DUE_W + OWNER_W + title_w, STATE_W, msg(MSG_R_COL_STATE), h, false);
	draw_text(y, 5 + DUE_W + OWNER_W + title_w + STATE_W, UNITS_W, msg(MSG_UI_CK_UNITS), h, false);
	for (size_t k = 0; k < m->win.shown; k++)
		draw_list_row(m, y + 1 + (int)k, m->win.top + k);
}

static int cell_x(size_t k) { return 2 + UNIT_W + (int)k * CELL_W; }

/* The matrix columns that fit the terminal: all of them, or as many as
 * leave a cell for 「>」. */
static size_t cols_fit(const checklist_model *m)
{
	int all = (COLS - cell_x(0) - MARK_W) / CELL_W + 1, n = (COLS - 1 - cell_x(0) - MARK_W) / CELL_W + 1;
	if (all > 0 && (size_t)all >= m->ncols)
		return (size_t)all;
	return n > 0 ? (size_t)n : 1;
}

/* Does shown column k start another programme year than the one before
 * (last year's carried columns, then this year's)? A 「|」 between them
 * tells the two 「上报」 apart. */
static bool year_starts(const checklist_model *m, size_t k)
{
	return k && m->c.items[m->cols[m->col_top + k]].year != m->c.items[m->cols[m->col_top + k - 1]].year;
}

static void draw_matrix(const checklist_model *m, int y)
{
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	draw_text(y, 1, UNIT_W, msg(MSG_P_COL_UNIT), h, false);
	size_t fit = cols_fit(m), shown = m->ncols - m->col_top < fit ? m->ncols - m->col_top : fit;
	for (size_t k = 0; k < shown; k++) {
		char head[32];
		check_item_heading(&m->c.items[m->cols[m->col_top + k]], head, sizeof head);
		draw_text(y, cell_x(k), MARK_W, head, h, false);
		if (year_starts(m, k))
			draw_text(y, cell_x(k) - 1, 1, "|", h, false);
	}
	if (m->col_top) /* columns hidden on either side, as a list's header marks them */
		draw_text(y, cell_x(0) - 1, 1, "<", h, false);
	if (m->col_top + shown < m->ncols)
		draw_text(y, COLS - 1, 1, ">", h, false);
	for (size_t r = 0; r < m->win.shown; r++) {
		size_t u = m->win.top + r;
		int yy = y + 1 + (int)r;
		draw_fill(yy, 0, COLS, theme_attr(R_NORMAL));
		draw_text(yy, 1, UNIT_W, m->c.units[u].name,
			  u == m->row ? theme_attr(R_SECTION) : theme_attr(R_NORMAL), false);
		for (size_t k = 0; k < shown; k++) {
			kp_ms_state st = check_item_unit_state(&m->c.items[m->cols[m->col_top + k]], u);
			char mark[4] = {' ', state_mark(st), ' ', '\0'};
			bool sel = u == m->row && m->col_top + k == m->col;
			draw_text(yy, cell_x(k), 3, mark,
				  sel ? theme_attr(R_SELECTED) : theme_attr(state_role(st)), false);
			if (year_starts(m, k))
				draw_text(yy, cell_x(k) - 1, 1, "|", theme_attr(R_HELP), false);
		}
	}
}

/* Before each frame: the room the detail takes (app_chrome uses it next)
 * and the rows it leaves (the header has a line). */
static void checklist_arrange(ui_screen *s, ui_app *app)
{
	checklist_screen *cs = (checklist_screen *)s;
	cs->extra = app_detail_room(app, cs->m.detail, 2);
	ckm_arrange(&cs->m, app_body_height() - 1 - cs->extra);
	ckm_fit_cols(&cs->m, cols_fit(&cs->m));
}

static void checklist_draw(ui_screen *s, ui_app *app)
{
	checklist_screen *cs = (checklist_screen *)s;
	const checklist_model *m = &cs->m;
	char right[64], day[24];
	date_official(day, m->c.ty, m->c.tm, m->c.td);
	snprintf(right, sizeof right, msg(MSG_UI_GL_TODAY), day); /* as the menu's glance says it */
	ckm_ctx c = ctx_of(app);
	app_keys(app, ckm_acts, m, &c);
	/* The matrix's legend takes the room of today's date, which its marks
	 * already count from (the list beside it names the date). */
	app_chrome(app, msg(ckm_title(m, &c)),
		   m->mode == CKM_MATRIX ? NULL : right, m->detail, CTX_CHECKLIST);
	int y = app_body_top();
	if (m->mode == CKM_MATRIX)
		draw_matrix(m, y);
	else
		draw_list(m, y);
	if (m->win.mark)
		draw_text(y + 1 + (int)m->win.shown, 1, COLS - 2, m->more, theme_attr(R_HELP), true);
}

static void checklist_key(ui_screen *s, ui_app *app, kp_key key)
{
	checklist_screen *cs = (checklist_screen *)s;
	ckm_ctx c = ctx_of(app);
	mr_result r = ckm_key(&cs->m, &c, key);
	app_show_result(app, &cs->base, &r);
}

static void checklist_resume(ui_screen *s, ui_app *app)
{
	checklist_screen *cs = (checklist_screen *)s;
	ckm_ctx c = ctx_of(app);
	ckm_load(&cs->m, &c);
}

static void checklist_destroy(ui_screen *s)
{
	checklist_screen *cs = (checklist_screen *)s;
	ckm_free(&cs->m);
	free(cs);
}

ui_screen *checklist_screen_new(ui_app *app)
{
	checklist_screen *cs = xcalloc(1, sizeof *cs);
	cs->base = (ui_screen){checklist_draw, checklist_key, checklist_resume, checklist_destroy,
			       NULL, false, {SCR_NONE, NULL, NULL, 0}, checklist_arrange};
	ckm_ctx c = ctx_of(app);
	ckm_init(&cs->m, &c);
	return &cs->base;
}
