/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The first screen: a user name and a password (never shown), then — for
 * an initial password — the new password twice, before any data screen. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/editbuf.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/auth.h"
#include "domain/demo.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define LABEL_W 14
#define FIELD_W 24

typedef struct {
	ui_screen base;
	bool changing;     /* setting a new password (after logging in) */
	bool voluntary;    /* opened from the menu: Esc goes back */
	editbuf f[2];      /* name and password, or the new password twice */
	int focus;
} login_screen;

static void clear_secret(editbuf *b)
{
	/* Overwrite before freeing: a password lingers in memory no longer
	 * than it must. */
	memset(b->cp, 0, b->cap * sizeof *b->cp);
	eb_clear(b);
}

static void login_draw(ui_screen *s, ui_app *app)
{
	login_screen *ls = (login_screen *)s;
	app_chrome(app, msg(MSG_UI_APP_TITLE), NULL,
		   msg(ls->changing ? MSG_UI_LOGIN_NEW_HINT : MSG_UI_LOGIN_HINT), CTX_LOGIN);
	int y = app_body_top() + 3, x = COLS / 2 - (LABEL_W + FIELD_W) / 2;
	if (x < 2)
		x = 2;
	draw_text(y, x, COLS - x - 1, msg(ls->changing ? MSG_UI_LOGIN_NEW_TITLE : MSG_UI_LOGIN_TITLE),
		  theme_attr(R_SECTION), false);
	static const enum kp_msg_id labels[2][2] = {{MSG_UI_LOGIN_NAME, MSG_UI_LOGIN_PASSWORD},
						    {MSG_UI_LOGIN_NEW, MSG_UI_LOGIN_AGAIN}};
	for (int i = 0; i < 2; i++) {
		int yy = y + 2 + 2 * i;
		bool secret = ls->changing || i == 1;
		attr_t a = theme_attr(i == ls->focus ? R_FOCUS : R_FIELD);
		draw_text(yy, x, LABEL_W, msg(labels[ls->changing][i]), theme_attr(R_LABEL), false);
		draw_fill(yy, x + LABEL_W, FIELD_W, a);
		int cx = 0;
		if (!secret) {
			cx = eb_view(&ls->f[i], FIELD_W);
			draw_cps(yy, x + LABEL_W, FIELD_W, ls->f[i].cp + ls->f[i].hscroll,
				 ls->f[i].len - ls->f[i].hscroll, a, true);
		}
		if (secret)
			draw_text(yy, x + LABEL_W + FIELD_W + 2, COLS - x - LABEL_W - FIELD_W - 3,
				  msg(MSG_UI_LOGIN_HIDDEN), theme_attr(R_HELP), false);
		if (i == ls->focus) {
			app->cursor_y = yy;
			app->cursor_x = x + LABEL_W + cx;
		}
	}
}

/* In: the account's drafts, then the menu (or back to the menu). */
static void enter(login_screen *ls)
{
	for (int i = 0; i < 2; i++)
		clear_secret(&ls->f[i]);
	ls->base.closing = true;
	if (!ls->voluntary)
		ls->base.open = (ui_open){SCR_SIGNED_IN, NULL, NULL, 0};
}

/* The city learns at sign-in that a name is being guessed at (#27). */
static void attack_note(ui_app *app)
{
	char *note = app->account.role == USER_CITY ? auth_attack_note(app->env, (long long)time(NULL)) : NULL;
	if (note)
		app_status(app, true, "%s", note);
	free(note);
}

static void try_login(login_screen *ls, ui_app *app)
{
	char *name = eb_text(&ls->f[0]), *password = eb_text(&ls->f[1]);
	kp_user u;
	long wait;
	kp_login r = name[0] ? auth_login(app->env, name, password, auth_client_address(),
					  (long long)time(NULL), &u, &wait)
			     : LOGIN_BAD;
	bool demo = r == LOGIN_OK && !strcmp(password, DEMO_PASSWORD);
	memset(password, 0, strlen(password));
	free(password);
	free(name);
	clear_secret(&ls->f[1]);
	switch (r) {
	case LOGIN_OK:
		app_sign_in(app, &u);
		app->status[0] = '\0';
		if (app->account.must_change) {
			ls->changing = true;
			ls->focus = 0;
			clear_secret(&ls->f[0]); /* the name field becomes the new password */
			app_status(app, false, "%s", msg(MSG_UI_LOGIN_MUST_CHANGE));
		} else {
			enter(ls);
			if ((app->demo = demo)) /* said, never asked: the demo must open at once */
				app_status(app, true, msg(MSG_UI_DEMO_SIGNED_IN), DEMO_PASSWORD);
			attack_note(app);
		}
		return;
	case LOGIN_WAIT:
		app_status(app, true, msg(MSG_UI_LOGIN_WAIT), wait);
		break;
	case LOGIN_LOCKED:
		app_status(app, true, "%s", msg(MSG_UI_LOGIN_LOCKED));
		break;
	case LOGIN_BAD:
		app_status(app, true, "%s", msg(MSG_UI_LOGIN_BAD));
		break;
	}
	ls->focus = 1;
}

static void try_change(login_screen *ls, ui_app *app)
{
	char *a = eb_text(&ls->f[0]), *b = eb_text(&ls->f[1]), *err = NULL;
	if (strcmp(a, b)) {
		app_status(app, true, "%s", msg(MSG_UI_LOGIN_MISMATCH));
	} else if (auth_change_password(app->env, &app->account, a, &err) != 0) {
		app_status(app, true, "%s", err);
		free(err);
	} else {
		app->demo = false; /* its own password now */
		app_status(app, false, "%s", msg(MSG_UI_LOGIN_CHANGED));
		memset(a, 0, strlen(a));
		memset(b, 0, strlen(b));
		free(a);
		free(b);
		enter(ls);
		return;
	}
	memset(a, 0, strlen(a));
	memset(b, 0, strlen(b));
	free(a);
	free(b);
	clear_secret(&ls->f[0]);
	clear_secret(&ls->f[1]);
	ls->focus = 0;
}

static void login_key(ui_screen *s, ui_app *app, kp_key key)
{
	login_screen *ls = (login_screen *)s;
	editbuf *b = &ls->f[ls->focus];
	switch (keymap_lookup(CTX_LOGIN, key)) {
	case ACT_ACCEPT:
		if (ls->focus == 0)
			ls->focus = 1;
		else if (ls->changing)
			try_change(ls, app);
		else
			try_login(ls, app);
		return;
	case ACT_NEXT:
	case ACT_PREV:
		ls->focus = !ls->focus;
		return;
	case ACT_BACKSPACE:
		eb_backspace(b);
		return;
	case ACT_QUIT:
		if (ls->voluntary)
			ls->base.closing = true;
		else
			app->quit = true; /* nothing is open yet: leaving ends kepu */
		return;
	default:
		break;
	}
	if (!key_printable(key))
		return;
	if (!ls->changing && ls->focus == 0 && b->len >= NAME_MAX_CHARS) {
		app_status(app, true, "%s", msg(MSG_A_NAME_RULE)); /* no name is longer */
		return;
	}
	eb_insert(b, key.code);
}

static void login_destroy(ui_screen *s)
{
	login_screen *ls = (login_screen *)s;
	for (int i = 0; i < 2; i++) {
		clear_secret(&ls->f[i]);
		eb_free(&ls->f[i]);
	}
	free(ls);
}

ui_screen *login_screen_new(ui_app *app, bool change_only)
{
	(void)app;
	login_screen *ls = xcalloc(1, sizeof *ls);
	ls->base = (ui_screen){login_draw, login_key, NULL, login_destroy, NULL, false, {SCR_NONE, NULL, NULL, 0}, NULL};
	ls->changing = ls->voluntary = change_only;
	for (int i = 0; i < 2; i++)
		eb_init(&ls->f[i], 64, false);
	return &ls->base;
}
