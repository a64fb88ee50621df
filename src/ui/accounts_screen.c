/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 账号管理, the city's: every account with its role, unit, state, recent
 * failed logins and how long its next try must wait; the city locks and
 * unlocks an account, or resets its password (the new initial password is
 * shown once, whole, in a box under the table until the next key). The
 * view of accounts_model: it only draws, and shows what a key's result
 * says. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/auth.h"
#include "ui/accounts_model.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define NAME_W 18
#define ROLE_W 8
#define UNIT_W 18
#define STATE_W 10
#define FAIL_W 10

typedef struct {
	ui_screen base;
	accounts_model m;
} accounts_screen;

static ac_ctx ctx_of(ui_app *app)
{
	int rows = app_body_height() - 1;
	return (ac_ctx){app->env, app->account.name, (long long)time(NULL), rows > 1 ? (size_t)rows : 1};
}

/* A box over the last rows of the body: the lines of text wrapped inside
 * it, then the password on a line of its own (may be NULL). */
static void draw_box(const char *text, const char *password, const char *tail)
{
	int w = COLS - 4, h = 6, y = app_body_top() + app_body_height() - h;
	attr_t a = theme_attr(R_FOCUS);
	for (int k = 0; k < h; k++)
		draw_fill(y + k, 1, COLS - 2, a);
	int used = draw_wrapped(y + 1, 2, w, 2, text, a);
	if (password)
		draw_text(y + 1 + used, 4, w - 2, password, a | A_BOLD, false);
	if (tail)
		draw_text(y + h - 2, 2, w, tail, a, false);
}

static void accounts_draw(ui_screen *s, ui_app *app)
{
	const accounts_model *m = &((accounts_screen *)s)->m;
	app_chrome(app, msg(MSG_UI_MENU_ACCOUNTS), NULL, msg(MSG_UI_AC_HINT),
		   m->mode == AC_CONFIRM_RESET ? CTX_CONFIRM : CTX_ACCOUNTS);
	int y = app_body_top(), rows = app_body_height() - 1;
	int x[] = {1, 2 + NAME_W, 3 + NAME_W + ROLE_W, 4 + NAME_W + ROLE_W + UNIT_W,
		   5 + NAME_W + ROLE_W + UNIT_W + STATE_W, 6 + NAME_W + ROLE_W + UNIT_W + STATE_W + FAIL_W};
	static const enum kp_msg_id head[] = {MSG_UI_LOGIN_NAME, MSG_UI_AC_ROLE, MSG_P_COL_UNIT,
					      MSG_UI_AC_STATE, MSG_UI_AC_FAILURES, MSG_UI_AC_WAIT};
	int w[] = {NAME_W, ROLE_W, UNIT_W, STATE_W, FAIL_W, COLS - x[5] - 1};
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	for (int c = 0; c < 6; c++)
		draw_text(y, x[c], w[c], msg(head[c]), h, false);
	for (int k = 0; k < rows && m->top + (size_t)k < m->n; k++) {
		size_t i = m->top + (size_t)k;
		const kp_user *u = &m->users[i];
		attr_t at = theme_attr(i == m->sel ? R_SELECTED : R_NORMAL);
		char fail[16] = "", left[32] = "";
		if (m->failures[i])
			snprintf(fail, sizeof fail, "%d", m->failures[i]);
		if (m->wait[i])
			snprintf(left, sizeof left, msg(MSG_UI_AC_SECONDS), m->wait[i]);
		const char *cell[] = {u->name, msg(u->role == USER_CITY ? MSG_P_OWNER_CITY : MSG_P_COL_UNIT),
				      u->unit_name, auth_state_label(u), fail, left};
		draw_fill(y + 1 + k, 0, COLS, at);
		for (int c = 0; c < 6; c++)
			draw_text(y + 1 + k, x[c], w[c], cell[c], at, false);
	}
	if (m->mode == AC_CONFIRM_RESET) {
		char *ask = xasprintf(msg(MSG_UI_AC_ASK_RESET), m->users[m->sel].name);
		draw_box(ask, NULL, NULL);
		free(ask);
	} else if (m->mode == AC_SHOW_PASSWORD) {
		char *done = xasprintf(msg(MSG_UI_AC_RESET), m->reset_name);
		draw_box(done, m->reset_password, msg(MSG_UI_AC_NOTED));
		free(done);
	}
}

static void accounts_key(ui_screen *s, ui_app *app, kp_key key)
{
	accounts_screen *as = (accounts_screen *)s;
	ac_ctx c = ctx_of(app);
	mr_result r = ac_key(&as->m, &c, key);
	if (as->m.mode != AC_BROWSE) /* the box asks, or shows the password: what was said is answered */
		app->status[0] = '\0';
	app_show_result(app, s, &r);
}

static void accounts_destroy(ui_screen *s)
{
	accounts_screen *as = (accounts_screen *)s;
	ac_free(&as->m);
	free(as);
}

ui_screen *accounts_screen_new(ui_app *app)
{
	accounts_screen *as = xcalloc(1, sizeof *as);
	as->base = (ui_screen){accounts_draw, accounts_key, NULL, accounts_destroy, NULL, false,
			       {SCR_NONE, NULL, NULL, 0}, NULL};
	ac_ctx c = ctx_of(app);
	mr_result r = ac_init(&as->m, &c);
	if (r.kind == MR_REFUSED) { /* accounts are the city's (the store says) */
		app_status(app, true, "%s", r.text);
		accounts_destroy(&as->base);
		return NULL;
	}
	return &as->base;
}
