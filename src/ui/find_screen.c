/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 专家检索 (四（六）科普快速反应机制): type words or pinyin initials and the
 * talents the account may see are found as you type, approved first, each
 * with 姓名, 工作单位, 联系电话, state and why it matched; Enter opens the
 * record. The view of find_model (the search itself is domain/find.c). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/find_model.h"
#include "ui/screens.h"

#define NAME_W 10
#define EMPLOYER_W 22
#define PHONE_W 14
#define STATE_W 6
#define DETAIL_ROWS 3 /* the selected talent's unit and why, below the list */

typedef struct {
	ui_screen base;
	find_model m;
} find_screen;

static fnd_ctx ctx_of(ui_app *app)
{
	int rows = app_body_height() - 2 - DETAIL_ROWS;
	return (fnd_ctx){app->env, rows > 1 ? (size_t)rows : 1};
}

static void find_arrange(ui_screen *s, ui_app *app)
{
	fnd_ctx c = ctx_of(app);
	fnd_set_rows(&((find_screen *)s)->m, &c);
}

static void find_draw(ui_screen *s, ui_app *app)
{
	const find_model *m = &((find_screen *)s)->m;
	fnd_ctx c = ctx_of(app);
	char right[64];
	snprintf(right, sizeof right, msg(MSG_UI_FD_COUNT), m->n, m->fd ? finder_size(m->fd) : 0);
	app_chrome(app, msg(MSG_UI_MENU_FIND), right, msg(MSG_UI_FD_HINT), CTX_FIND);
	int y = app_body_top();
	int lw = draw_text(y, 1, COLS - 2, msg(MSG_UI_FD_PROMPT), theme_attr(R_LABEL), false);
	char *t = eb_text(&m->text);
	int tw = draw_text(y, 2 + lw, COLS - 3 - lw, t, theme_attr(R_FIELD), false);
	free(t);
	app->cursor_y = y;
	app->cursor_x = 2 + lw + tw;
	y++;
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	int x_emp = 2 + NAME_W, x_ph = x_emp + 1 + EMPLOYER_W, x_st = x_ph + 1 + PHONE_W, x_why = x_st + 1 + STATE_W;
	draw_fill(y, 0, COLS, h);
	draw_text(y, 1, NAME_W, fnd_label(m, 0), h, false);
	draw_text(y, x_emp, EMPLOYER_W, fnd_label(m, 1), h, false);
	draw_text(y, x_ph, PHONE_W, fnd_label(m, 2), h, false);
	draw_text(y, x_st, STATE_W, msg(MSG_UI_COL_STATE), h, false);
	draw_text(y, x_why, COLS - x_why - 1, msg(MSG_C_FIND_WHY), h, false);
	if (!m->n)
		draw_text(y + 2, 2, COLS - 4, msg(MSG_UI_FD_NONE), theme_attr(R_HELP), false);
	for (size_t k = 0; k < m->nwhy; k++) {
		size_t i = m->top + k;
		attr_t at = theme_attr(i == m->sel ? R_SELECTED : R_NORMAL);
		int yy = y + 1 + (int)k;
		draw_fill(yy, 0, COLS, at);
		draw_text(yy, 1, NAME_W, fnd_shown(m, i, 0), at, false);
		draw_text(yy, x_emp, EMPLOYER_W, fnd_shown(m, i, 1), at, false);
		draw_text(yy, x_ph, PHONE_W, fnd_shown(m, i, 2), at, false);
		draw_text(yy, x_st, STATE_W, finder_state(m->fd, m->hits[i].entry), at, false);
		draw_text(yy, x_why, COLS - x_why - 1, m->why[k], at, false);
	}
	if (m->win.mark)
		draw_text(y + 1 + (int)m->nwhy, 1, COLS - 2, m->more, theme_attr(R_HELP), false);
	int dy = y + 1 + (int)c.rows;
	draw_fill(dy, 0, COLS, h);
	if (m->n && m->sel - m->top < m->nwhy) {
		char *head = xasprintf(msg(MSG_UI_FD_DETAIL), fnd_shown(m, m->sel, 0),
				       finder_unit(m->fd, m->hits[m->sel].entry), fnd_shown(m, m->sel, 2));
		draw_text(dy, 1, COLS - 2, head, h, false);
		free(head);
		draw_wrapped(dy + 1, 2, COLS - 4, DETAIL_ROWS - 1, m->why[m->sel - m->top], theme_attr(R_NORMAL));
	}
}

static void find_key(ui_screen *s, ui_app *app, kp_key key)
{
	find_screen *fs = (find_screen *)s;
	fnd_ctx c = ctx_of(app);
	fnd_result r = fnd_key(&fs->m, &c, key);
	if (r.kind == FND_OPEN)
		fs->base.open = (ui_open){SCR_FORM, fs->m.form, NULL, r.id};
	else if (r.kind == FND_CLOSE)
		fs->base.closing = true;
}

static void find_resume(ui_screen *s, ui_app *app)
{
	find_screen *fs = (find_screen *)s;
	fnd_ctx c = ctx_of(app);
	fnd_result r = fnd_reload(&fs->m, &c);
	if (r.kind == FND_REFUSED)
		app_status(app, true, "%s", r.text);
}

static void find_destroy(ui_screen *s)
{
	find_screen *fs = (find_screen *)s;
	fnd_free(&fs->m);
	free(fs);
}

ui_screen *find_screen_new(ui_app *app)
{
	find_screen *fs = xcalloc(1, sizeof *fs);
	fs->base = (ui_screen){find_draw, find_key, find_resume, find_destroy, NULL, false,
			       {SCR_NONE, NULL, NULL, 0}, find_arrange};
	fnd_ctx c = ctx_of(app);
	fnd_result r = fnd_init(&fs->m, &c);
	if (r.kind == FND_REFUSED) {
		if (r.text[0])
			app_status(app, true, "%s", r.text);
		find_destroy(&fs->base);
		return NULL;
	}
	return &fs->base;
}
