/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The audit trail for the city: every change, login and decision, newest
 * first; typing filters by user, unit, form (附表2), record number, date or
 * words in the changes, each blank-separated word narrowing further; the
 * selected row's old and new values are shown below the list. The view of
 * audit_model: it only draws, and shows what a key's result says. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "ui/audit_model.h"
#include "ui/draw.h"
#include "ui/screens.h"

typedef struct {
	ui_screen base;
	audit_model m;
} audit_screen;

static au_ctx ctx_of(ui_app *app)
{
	int rows = app_body_height() - 2 - AU_DETAIL_ROWS;
	return (au_ctx){app->env, rows > 1 ? (size_t)rows : 1, COLS};
}

static void audit_arrange(ui_screen *s, ui_app *app)
{
	audit_screen *as = (audit_screen *)s;
	au_ctx c = ctx_of(app);
	au_set_rows(&as->m, &c);
}

/* The selected row's changes, under a header that carries the list's
 * more-below mark on its right. */
static void draw_detail(const audit_screen *as, const au_ctx *c, int y)
{
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	char more[128];
	draw_text(y, 1, au_head_room(&as->m, c, COLS, more, sizeof more), as->m.head, h, false);
	if (more[0])
		draw_text(y, COLS - 1 - utf8_width(more), utf8_width(more), more, h, false);
	/* the changes as the model laid them out (a 200-character reason
	 * wraps whole), from the line Tab scrolled to, and what is hidden */
	size_t shown = au_detail_shown(&as->m);
	for (size_t i = 0; i < shown && as->m.dtop + i < as->m.ndline; i++)
		draw_text(y + 1 + (int)i, 2, COLS - 4, as->m.dline[as->m.dtop + i], theme_attr(R_NORMAL), false);
	char mark[128];
	au_detail_mark(&as->m, mark, sizeof mark);
	if (mark[0])
		draw_text(y + 1 + (int)shown, 2, COLS - 4, mark, theme_attr(R_HELP), false);
}

static void audit_draw(ui_screen *s, ui_app *app)
{
	audit_screen *as = (audit_screen *)s;
	const audit_model *m = &as->m;
	au_ctx c = ctx_of(app);
	char help[256];
	snprintf(help, sizeof help, msg(m->text && m->text[0] ? MSG_UI_LIST_FILTER : MSG_UI_AU_HINT),
		 m->text ? m->text : "");
	app_keys(app, au_acts, m, &c);
	app_chrome(app, msg(MSG_UI_MENU_AUDIT), NULL, help, CTX_AUDIT);
	int y = app_body_top(), x[AU_COLS], w[AU_COLS];
	au_columns(m, COLS, x, w);
	static const enum kp_msg_id head[AU_COLS] = {MSG_UI_AU_AT, MSG_UI_AU_USER, MSG_P_COL_UNIT, MSG_UI_AU_WHAT};
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	for (int k = 0; k < AU_COLS; k++)
		draw_text(y, x[k], w[k], msg(head[k]), h, false);
	if (!m->n)
		draw_text(y + 2, 2, COLS - 4, m->refused ? m->refused : msg(MSG_UI_AU_NONE), theme_attr(R_HELP), false);
	for (size_t k = 0; k < c.rows && m->top + k < m->n; k++) {
		size_t i = m->top + k;
		const kp_audit_row *a = &m->rows[i];
		attr_t at = theme_attr(i == m->sel ? R_SELECTED : R_NORMAL);
		int yy = y + 1 + (int)k;
		const char *cell[AU_COLS] = {a->at, a->user, a->unit_name, m->what[i]};
		draw_fill(yy, 0, COLS, at);
		for (int col = 0; col < AU_COLS; col++)
			draw_text(yy, x[col], w[col], cell[col], at, false);
	}
	draw_detail(as, &c, y + 1 + (int)c.rows);
}

static void audit_key(ui_screen *s, ui_app *app, kp_key key)
{
	audit_screen *as = (audit_screen *)s;
	au_ctx c = ctx_of(app);
	mr_result r = au_key(&as->m, &c, key);
	app_show_result(app, s, &r);
}

static void audit_destroy(ui_screen *s)
{
	audit_screen *as = (audit_screen *)s;
	au_free(&as->m);
	free(as);
}

ui_screen *audit_screen_new(ui_app *app)
{
	audit_screen *as = xcalloc(1, sizeof *as);
	as->base = (ui_screen){audit_draw, audit_key, NULL, audit_destroy, NULL, false, {SCR_NONE, NULL, NULL, 0},
			       audit_arrange};
	au_ctx c = ctx_of(app);
	mr_result r = au_init(&as->m, &c);
	if (r.kind == MR_REFUSED) { /* the trail is the city's (the store says) */
		app_status(app, true, "%s", r.text);
		audit_destroy(&as->base);
		return NULL;
	}
	return &as->base;
}
