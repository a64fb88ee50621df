/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 未保存的草稿, between sign-in and the menu: every draft the account left
 * (offices share an account, so there may be one per colleague), each with
 * when it was typed, its form and its first fields. Enter continues one in
 * its form; F8 throws one away after asking; Esc goes on to the menu and
 * keeps them all. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/drafts.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define WHEN_W 16
#define FORM_W 22
#define RECORD_W 10

typedef struct {
	ui_screen base;
	kp_pending *p;
	size_t n, sel;
	int top;
	bool confirm_drop;
} drafts_screen;

static void reload(drafts_screen *ds, ui_app *app)
{
	pending_free(ds->p, ds->n);
	ds->n = drafts_pending(app->env, app->user, &ds->p);
	if (ds->sel >= ds->n)
		ds->sel = ds->n ? ds->n - 1 : 0;
}

static void drafts_draw(ui_screen *s, ui_app *app)
{
	drafts_screen *ds = (drafts_screen *)s;
	char title[96];
	snprintf(title, sizeof title, msg(MSG_UI_DRAFTS_TITLE), ds->n);
	char *ask = NULL;
	if (ds->confirm_drop && ds->n)
		ask = xasprintf(msg(MSG_UI_DRAFTS_ASK), ds->p[ds->sel].when);
	app_chrome(app, title, NULL, ask ? ask : msg(MSG_UI_DRAFTS_HINT),
		   ask ? CTX_CONFIRM : CTX_DRAFTS);
	free(ask);
	int y = app_body_top(), rows = app_body_height();
	int x[] = {1, 2 + WHEN_W, 3 + WHEN_W + FORM_W, 4 + WHEN_W + FORM_W + RECORD_W};
	int w[] = {WHEN_W, FORM_W, RECORD_W, COLS - x[3] - 1};
	ds->top = app_scroll(ds->sel, ds->top, rows);
	for (int k = 0; k < rows && ds->top + k < (int)ds->n; k++) {
		const kp_pending *p = &ds->p[ds->top + k];
		attr_t at = theme_attr((size_t)(ds->top + k) == ds->sel ? R_SELECTED : R_NORMAL);
		char record[32];
		if (p->record_id)
			snprintf(record, sizeof record, msg(MSG_UI_DRAFTS_RECORD), p->record_id);
		else
			snprintf(record, sizeof record, "%s", msg(MSG_UI_DRAFTS_NEW));
		const char *cell[] = {p->when, p->form->title, record,
				      p->first[0] ? p->first : msg(MSG_UI_DRAFTS_EMPTY)};
		draw_fill(y + k, 0, COLS, at);
		for (int c = 0; c < 4; c++)
			draw_text(y + k, x[c], w[c], cell[c], at, false);
	}
}

/* On to the menu, in this screen's place (as the login does). */
static void to_menu(drafts_screen *ds)
{
	ds->base.closing = true;
	ds->base.open = (ui_open){SCR_MENU, NULL, NULL, 0};
}

static void drafts_key(ui_screen *s, ui_app *app, kp_key key)
{
	drafts_screen *ds = (drafts_screen *)s;
	if (ds->confirm_drop) {
		kp_action a = keymap_lookup(CTX_CONFIRM, key);
		if (a == ACT_YES && store_draft_delete(app->env->store, app->user, ds->p[ds->sel].id) == KP_OK)
			app_status(app, false, "%s", msg(MSG_UI_DRAFTS_DROPPED));
		else if (a == ACT_NO)
			app_status(app, false, "%s", msg(MSG_UI_DRAFTS_KEPT));
		if (a == ACT_YES || a == ACT_NO) {
			ds->confirm_drop = false;
			reload(ds, app);
		}
		return;
	}
	kp_action a = keymap_lookup(CTX_DRAFTS, key);
	if (app_move(&ds->sel, ds->n, a, (size_t)app_body_height()))
		return;
	switch (a) {
	case ACT_ACCEPT:
		if (ds->n) {
			app->draft_pick = ds->p[ds->sel].id;
			ds->base.open = (ui_open){SCR_FORM, ds->p[ds->sel].form, NULL, ds->p[ds->sel].record_id};
		}
		return;
	case ACT_DELETE_RECORD:
		ds->confirm_drop = ds->n > 0;
		return;
	case ACT_QUIT: to_menu(ds); return;
	default: return;
	}
}

/* Back from a draft's form: saved or not, the list is read again. */
static void drafts_resume(ui_screen *s, ui_app *app) { reload((drafts_screen *)s, app); }

static void drafts_destroy(ui_screen *s)
{
	drafts_screen *ds = (drafts_screen *)s;
	pending_free(ds->p, ds->n);
	free(ds);
}

ui_screen *drafts_screen_new(ui_app *app)
{
	drafts_screen *ds = xcalloc(1, sizeof *ds);
	ds->base = (ui_screen){drafts_draw, drafts_key, drafts_resume, drafts_destroy, NULL, false,
			       {SCR_NONE, NULL, NULL, 0}, NULL};
	reload(ds, app);
	if (!ds->n) {
		drafts_destroy(&ds->base);
		return NULL;
	}
	return &ds->base;
}
