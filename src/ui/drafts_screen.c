/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 未保存的草稿, between sign-in and the menu: every draft the account left
 * (offices share an account, so there may be one per colleague), each with
 * when it was typed, its form and its first fields. Enter continues one in
 * its form; F8 throws one away after asking; Esc goes on to the menu and
 * keeps them all. What the screen is and what a key does is drafts_model.c;
 * this draws it and acts on what a key did. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/drafts_model.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define WHEN_W 16
#define FORM_W 22

typedef struct {
	ui_screen base;
	drafts_model m;
} drafts_screen;

static dm_ctx ctx(const ui_app *app)
{
	return (dm_ctx){app->env, app->user, (size_t)app_body_height()};
}

/* Before each frame: the selection in view on this terminal's page. */
static void drafts_arrange(ui_screen *s, ui_app *app)
{
	(void)app;
	drafts_screen *ds = (drafts_screen *)s;
	dm_arrange(&ds->m, app_body_height());
}

static void drafts_draw(ui_screen *s, ui_app *app)
{
	const drafts_screen *ds = (const drafts_screen *)s;
	const drafts_model *m = &ds->m;
	char title[96];
	snprintf(title, sizeof title, msg(MSG_UI_DRAFTS_TITLE), m->n);
	char *ask = NULL;
	if (m->mode == DM_CONFIRM_DROP && m->n)
		ask = xasprintf(msg(MSG_UI_DRAFTS_ASK), m->p[m->sel].when);
	dm_ctx dc = ctx(app);
	app_keys(app, dm_acts, m, &dc);
	app_chrome(app, title, NULL, ask ? ask : msg(MSG_UI_DRAFTS_HINT),
		   ask ? CTX_CONFIRM : CTX_DRAFTS);
	free(ask);
	int y = app_body_top();
	int rw = dm_record_w(m);
	int x[] = {1, 2 + WHEN_W, 3 + WHEN_W + FORM_W, 4 + WHEN_W + FORM_W + rw};
	int w[] = {WHEN_W, FORM_W, rw, COLS - x[3] - 1};
	int k = 0;
	for (; k < (int)m->win.shown && m->win.top + (size_t)k < m->n; k++) {
		const kp_pending *p = &m->p[m->win.top + (size_t)k];
		attr_t at = theme_attr(m->win.top + (size_t)k == m->sel ? R_SELECTED : R_NORMAL);
		char record[48];
		dm_record_text(p, record, sizeof record);
		/* the fields cut between two, marked, never inside one */
		char *first = text_cut_parts(p->first[0] ? p->first : msg(MSG_UI_DRAFTS_EMPTY), DRAFT_SEP, w[3]);
		const char *cell[] = {p->when, p->form->title, record, first};
		draw_fill(y + k, 0, COLS, at);
		for (int c = 0; c < 4; c++)
			draw_text(y + k, x[c], w[c], cell[c], at, false);
		free(first);
	}
	if (m->win.mark)
		draw_text(y + k, 1, COLS - 2, m->more, theme_attr(R_HELP), false);
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
	dm_ctx c = ctx(app);
	dm_result r = dm_key(&ds->m, &c, key);
	switch (r.kind) {
	case DM_OPEN:
		app->draft_pick = r.draft;
		ds->base.open = (ui_open){SCR_FORM, r.form, NULL, r.record_id};
		return;
	case DM_DROPPED: app_status(app, false, "%s", msg(MSG_UI_DRAFTS_DROPPED)); return;
	case DM_KEPT: app_status(app, false, "%s", msg(MSG_UI_DRAFTS_KEPT)); return;
	case DM_REFUSED: app_status(app, true, "%s", msg(MSG_UI_DRAFTS_NOT_DROPPED)); return;
	case DM_CLOSED:
		app_status(app, true, msg(MSG_UI_DRAFTS_YEAR_CLOSED), ds->m.p[ds->m.sel].closed);
		return;
	case DM_DROPPED_LAST: /* none left: on to the menu */
		app_status(app, false, "%s", msg(MSG_UI_DRAFTS_DROPPED));
		to_menu(ds);
		return;
	case DM_MENU:
		to_menu(ds);
		return;
	case DM_HANDLED: return;
	}
}

/* The list read again; drafts of records decided since, dropped, said. */
static void load(drafts_screen *ds, ui_app *app)
{
	dm_ctx c = ctx(app);
	dm_load(&ds->m, &c);
	if (ds->m.dropped)
		app_status(app, true, "%s", ds->m.dropped);
}

/* Back from a draft's form: saved or not, the list is read again; with
 * none left, on to the menu at once (app.c hands it over). */
static void drafts_resume(ui_screen *s, ui_app *app)
{
	drafts_screen *ds = (drafts_screen *)s;
	dm_ctx c = ctx(app);
	if (dm_resume(&ds->m, &c).kind == DM_MENU)
		to_menu(ds);
	else if (ds->m.dropped)
		app_status(app, true, "%s", ds->m.dropped);
}

static void drafts_destroy(ui_screen *s)
{
	drafts_screen *ds = (drafts_screen *)s;
	dm_free(&ds->m);
	free(ds);
}

ui_screen *drafts_screen_new(ui_app *app)
{
	drafts_screen *ds = xcalloc(1, sizeof *ds);
	ds->base = (ui_screen){drafts_draw, drafts_key, drafts_resume, drafts_destroy, NULL, false,
			       {SCR_NONE, NULL, NULL, 0}, drafts_arrange};
	load(ds, app);
	if (!ds->m.n) {
		drafts_destroy(&ds->base);
		return NULL;
	}
	return &ds->base;
}
