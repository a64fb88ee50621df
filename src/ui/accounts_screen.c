/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 账号管理, the city's: every account with its role, unit, state, recent
 * failed logins and how long its next try must wait; the city locks and
 * unlocks an account, or resets its password (the new initial password is
 * shown once, whole, in a box under the table until the next key). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/auth.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define NAME_W 18
#define ROLE_W 8
#define UNIT_W 18
#define STATE_W 10
#define FAIL_W 10

typedef struct {
	ui_screen base;
	kp_user *users;
	size_t n, sel;
	int top;
	bool confirm_reset;
	char *reset_name, *reset_password; /* shown until the next key, then forgotten */
} accounts_screen;

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

static void reload(accounts_screen *as, ui_app *app)
{
	users_free(as->users, as->n);
	as->n = store_users(app->env->store, &as->users);
	if (as->sel >= as->n)
		as->sel = as->n ? as->n - 1 : 0;
}

static void accounts_draw(ui_screen *s, ui_app *app)
{
	accounts_screen *as = (accounts_screen *)s;
	app_chrome(app, msg(MSG_UI_MENU_ACCOUNTS), NULL, msg(MSG_UI_AC_HINT),
		   as->confirm_reset ? CTX_CONFIRM : CTX_ACCOUNTS);
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
	as->top = app_scroll(as->sel, as->top, rows);
	long long now = (long long)time(NULL);
	for (int k = 0; k < rows && as->top + k < (int)as->n; k++) {
		const kp_user *u = &as->users[as->top + k];
		attr_t at = theme_attr((size_t)(as->top + k) == as->sel ? R_SELECTED : R_NORMAL);
		int yy = y + 1 + k, failures;
		long wait;
		auth_throttle(app->env, false, u->name, now, &failures, &wait);
		char fail[16] = "", left[32] = "";
		if (failures)
			snprintf(fail, sizeof fail, "%d", failures);
		if (wait)
			snprintf(left, sizeof left, msg(MSG_UI_AC_SECONDS), wait);
		const char *cell[] = {u->name, msg(u->role == USER_CITY ? MSG_P_OWNER_CITY : MSG_P_COL_UNIT),
				      u->unit_name, auth_state_label(u), fail, left};
		draw_fill(yy, 0, COLS, at);
		for (int c = 0; c < 6; c++)
			draw_text(yy, x[c], w[c], cell[c], at, false);
	}
	if (as->confirm_reset && as->n) {
		char *ask = xasprintf(msg(MSG_UI_AC_ASK_RESET), as->users[as->sel].name);
		draw_box(ask, NULL, NULL);
		free(ask);
	} else if (as->reset_password) {
		char *done = xasprintf(msg(MSG_UI_AC_RESET), as->reset_name);
		draw_box(done, as->reset_password, msg(MSG_UI_AC_NOTED));
		free(done);
	}
}

static void forget_reset(accounts_screen *as)
{
	if (as->reset_password)
		memset(as->reset_password, 0, strlen(as->reset_password));
	free(as->reset_password);
	free(as->reset_name);
	as->reset_password = as->reset_name = NULL;
}

static void toggle_lock(accounts_screen *as, ui_app *app)
{
	const kp_user *u = &as->users[as->sel];
	bool lock = !u->locked;
	/* The city would shut itself out until the server's administrator
	 * acts: not from here. */
	if (lock && !strcmp(u->name, app->account.name)) {
		app_status(app, true, "%s", msg(MSG_UI_AC_SELF));
		return;
	}
	char *err = NULL, *name = xstrdup(u->name);
	if (auth_lock(app->env, name, lock, &err) != 0)
		app_status(app, true, "%s", err);
	else
		app_status(app, false, msg(lock ? MSG_UI_AC_LOCKED : MSG_UI_AC_UNLOCKED), name);
	free(err);
	free(name);
	reload(as, app);
}

static void reset_password(accounts_screen *as, ui_app *app)
{
	char *err = NULL, *password, *name = xstrdup(as->users[as->sel].name);
	if (auth_reset_password(app->env, name, &password, &err) != 0) {
		app_status(app, true, "%s", err);
		free(err);
	} else {
		app->status[0] = '\0';
		as->reset_name = name;
		as->reset_password = password;
		name = NULL;
	}
	free(name);
	reload(as, app);
}

static void accounts_key(ui_screen *s, ui_app *app, kp_key key)
{
	accounts_screen *as = (accounts_screen *)s;
	if (as->reset_password) { /* noted: the password goes from the screen */
		forget_reset(as);
		return;
	}
	if (as->confirm_reset) {
		kp_action a = keymap_lookup(CTX_CONFIRM, key);
		if (a == ACT_YES)
			reset_password(as, app);
		else if (a == ACT_NO)
			app_status(app, false, "%s", msg(MSG_UI_AC_NOT_RESET));
		if (a == ACT_YES || a == ACT_NO)
			as->confirm_reset = false;
		return;
	}
	switch (keymap_lookup(CTX_ACCOUNTS, key)) {
	case ACT_UP: as->sel = as->sel ? as->sel - 1 : 0; return;
	case ACT_DOWN: as->sel = as->sel + 1 < as->n ? as->sel + 1 : as->sel; return;
	case ACT_HOME: as->sel = 0; return;
	case ACT_END: as->sel = as->n ? as->n - 1 : 0; return;
	case ACT_LOCK:
		if (as->n)
			toggle_lock(as, app);
		return;
	case ACT_RESET:
		as->confirm_reset = as->n > 0;
		app->status[0] = '\0';
		return;
	case ACT_QUIT: as->base.closing = true; return;
	default: return;
	}
}

static void accounts_destroy(ui_screen *s)
{
	accounts_screen *as = (accounts_screen *)s;
	forget_reset(as);
	users_free(as->users, as->n);
	free(as);
}

ui_screen *accounts_screen_new(ui_app *app)
{
	if (!APP_IS_CITY(app))
		return NULL;
	accounts_screen *as = xcalloc(1, sizeof *as);
	as->base = (ui_screen){accounts_draw, accounts_key, NULL, accounts_destroy, NULL, false};
	reload(as, app);
	return &as->base;
}
