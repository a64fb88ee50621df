/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The first screen: a user name and a password (never shown), then — for
 * an initial password — the new password twice, before any data screen.
 * The view of login_model: it draws, and turns a key's result into the
 * status line, the app's sign-in and the menu. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/auth.h"
#include "domain/demo.h"
#include "ui/draw.h"
#include "ui/login_model.h"
#include "ui/screens.h"

#define LABEL_W 14
#define FIELD_W 24

typedef struct {
	ui_screen base;
	login_model m;
	int cursor_col[2]; /* each field's cursor cell (arranged for this frame) */
} login_screen;

static void login_arrange(ui_screen *s, ui_app *app)
{
	(void)app;
	login_screen *ls = (login_screen *)s;
	for (int i = 0; i < 2; i++)
		ls->cursor_col[i] = lg_secret(&ls->m, i) ? 0 : eb_view(&ls->m.f[i], FIELD_W);
}

static void login_draw(ui_screen *s, ui_app *app)
{
	login_screen *ls = (login_screen *)s;
	const login_model *m = &ls->m;
	/* what each mode asks: its hint, its title and its fields' labels */
	static const enum kp_msg_id says[][4] = {
		[LG_SIGN_IN] = {MSG_UI_LOGIN_HINT, MSG_UI_LOGIN_TITLE, MSG_UI_LOGIN_NAME, MSG_UI_LOGIN_PASSWORD},
		[LG_MUST_CHANGE] = {MSG_UI_LOGIN_NEW_HINT, MSG_UI_LOGIN_NEW_TITLE, MSG_UI_LOGIN_NEW, MSG_UI_LOGIN_AGAIN},
		[LG_CURRENT] = {MSG_UI_LOGIN_CURRENT_HINT, MSG_UI_LOGIN_CURRENT_TITLE, MSG_UI_LOGIN_CURRENT, MSG_COUNT},
		[LG_CHANGE] = {MSG_UI_LOGIN_NEW_HINT, MSG_UI_LOGIN_NEW_TITLE, MSG_UI_LOGIN_NEW, MSG_UI_LOGIN_AGAIN},
	};
	const enum kp_msg_id *said = says[m->mode];
	app_keys(app, lg_acts, m, NULL);
	app_chrome(app, msg(MSG_UI_APP_TITLE), NULL, msg(said[0]), lg_context(m));
	int y = app_body_top() + 3, x = COLS / 2 - (LABEL_W + FIELD_W) / 2;
	if (x < 2)
		x = 2;
	draw_text(y, x, COLS - x - 1, msg(said[1]), theme_attr(R_SECTION), false);
	for (int i = 0; i < lg_fields(m); i++) {
		int yy = y + 2 + 2 * i;
		attr_t a = theme_attr(m->f[i].sel ? R_SELECTED : i == m->focus ? R_FOCUS : R_FIELD);
		draw_text(yy, x, LABEL_W, msg(said[2 + i]), theme_attr(R_LABEL), false);
		draw_fill(yy, x + LABEL_W, FIELD_W, a);
		if (lg_secret(m, i))
			draw_text(yy, x + LABEL_W + FIELD_W + 2, COLS - x - LABEL_W - FIELD_W - 3,
				  msg(MSG_UI_LOGIN_HIDDEN), theme_attr(R_HELP), false);
		else
			draw_cps(yy, x + LABEL_W, FIELD_W, m->f[i].cp + m->f[i].hscroll, m->f[i].len - m->f[i].hscroll,
				 a, true);
		if (i == m->focus) {
			app->cursor_y = yy;
			app->cursor_x = x + LABEL_W + ls->cursor_col[i];
		}
	}
}

/* In: the account's drafts, then the menu (or back to the menu). */
static void enter(login_screen *ls, bool voluntary)
{
	ls->base.closing = true;
	if (!voluntary)
		ls->base.open = (ui_open){SCR_SIGNED_IN, NULL, NULL, 0};
}

/* The city learns at sign-in that a name is being guessed at (#27): read
 * in the city's session, once signed in. */
static void attack_note(ui_app *app)
{
	char *note = app->account.role == USER_CITY ? auth_attack_note(app->env, (long long)time(NULL)) : NULL;
	if (note)
		app_status(app, true, "%s", note);
	free(note);
}

static void login_key(ui_screen *s, ui_app *app, kp_key key)
{
	login_screen *ls = (login_screen *)s;
	bool voluntary = ls->m.mode == LG_CHANGE || ls->m.mode == LG_CURRENT;
	lg_ctx c = {app->env, auth_client_address(), (long long)time(NULL), &app->account};
	lg_result r = lg_key(&ls->m, &c, key);
	switch (r.kind) {
	case LG_SIGNED_IN:
	case LG_MUST_CHANGE_FIRST:
		app_sign_in(app, &ls->m.user); /* takes the account's strings */
		memset(&ls->m.user, 0, sizeof ls->m.user);
		app->status[0] = '\0';
		if (r.kind == LG_MUST_CHANGE_FIRST) {
			app_status(app, false, "%s", r.text);
			return;
		}
		enter(ls, false);
		if ((app->demo = ls->m.demo)) /* said, never asked: the demo must open at once */
			app_status(app, true, msg(MSG_UI_DEMO_SIGNED_IN), DEMO_PASSWORD);
		attack_note(app);
		return;
	case LG_CHANGED:
		app->demo = false; /* its own password now */
		app_status(app, false, "%s", r.text);
		enter(ls, voluntary);
		return;
	case LG_CLOSE: ls->base.closing = true; return;
	case LG_QUIT: app->quit = true; return;
	case LG_REFUSED: app_status(app, true, "%s", r.text); return;
	case LG_HANDLED: return;
	}
}

static void login_destroy(ui_screen *s)
{
	login_screen *ls = (login_screen *)s;
	lg_free(&ls->m);
	free(ls);
}

bool login_screen_is(const ui_screen *s) { return s->draw == login_draw; }

ui_screen *login_screen_new(ui_app *app, bool change_only)
{
	(void)app;
	login_screen *ls = xcalloc(1, sizeof *ls);
	ls->base = (ui_screen){login_draw, login_key, NULL, login_destroy, NULL, false, {SCR_NONE, NULL, NULL, 0},
			       login_arrange};
	lg_init(&ls->m, change_only);
	return &ls->base;
}
