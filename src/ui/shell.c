/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/shell.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/drafts.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/scrollwin.h"
#include "ui/term.h"
#include "ui/title_line.h"

void app_status(ui_app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	va_end(ap);
	app->status_error = error;
	app->status_gen++;
}

struct ditto_memory {
	const kp_form *form;
	char **vals;
};

const char *const *app_last_saved(const ui_app *app, const kp_form *f)
{
	for (size_t i = 0; i < app->nditto; i++)
		if (app->ditto[i].form == f)
			return (const char *const *)app->ditto[i].vals;
	return NULL;
}

void app_remember(ui_app *app, const kp_form *f, char *const *vals)
{
	size_t i = 0;
	while (i < app->nditto && app->ditto[i].form != f)
		i++;
	if (i == app->nditto) {
		app->ditto = xrealloc(app->ditto, (app->nditto + 1) * sizeof *app->ditto);
		app->ditto[app->nditto++] = (struct ditto_memory){f, xcalloc(f->nfields, sizeof(char *))};
	}
	for (size_t k = 0; k < f->nfields; k++) {
		free(app->ditto[i].vals[k]);
		app->ditto[i].vals[k] = xstrdup(vals[k]);
	}
}

void app_free_state(ui_app *app)
{
	for (size_t i = 0; i < app->nditto; i++) {
		for (size_t k = 0; k < app->ditto[i].form->nfields; k++)
			free(app->ditto[i].vals[k]);
		free(app->ditto[i].vals);
	}
	free(app->ditto);
	free(app->unit_name);
	free(app->pick_name);
	user_free(&app->account);
}

void app_set_unit(ui_app *app, long long id, const char *name)
{
	free(app->unit_name);
	app->unit_id = id;
	app->unit_name = xstrdup(name);
}

void app_set_pick(ui_app *app, long long id, const char *name)
{
	free(app->pick_name);
	app->pick_id = id;
	app->pick_name = xstrdup(name);
}

long long app_entry_unit(const ui_app *app) { return app->unit_id ? app->unit_id : app->pick_id; }

const char *app_entry_unit_name(const ui_app *app)
{
	const char *n = app->unit_id ? app->unit_name : app->pick_name;
	return n ? n : "";
}

int app_scroll(size_t sel, int top, int rows)
{
	if ((int)sel < top)
		return (int)sel;
	if ((int)sel >= top + rows)
		return (int)sel - rows + 1;
	return top;
}

void app_show_result(ui_app *app, ui_screen *s, const mr_result *r)
{
	if (r->text[0])
		app_status(app, r->error, "%s", r->text);
	if (r->kind == MR_CLOSE)
		s->closing = true;
}

bool app_move(size_t *sel, size_t n, kp_action a, size_t page)
{
	return sw_move(sel, n, a, page);
}

int app_body_top(void) { return 1; }
int app_body_height(void) { return LINES - 4; }

/* The fewest rows a screen keeps above its help (the field being typed
 * and its neighbours): the help takes the rest it needs. A fixed five cut
 * a returned record's reason of 200 characters (six rows at 80 columns)
 * with 「>」. */
#define BODY_ROWS_MIN 6

static int status_rows(const ui_app *app)
{
	return app->status[0] && wrapped_height(COLS - 2, app->status) > 1 ? 2 : 1;
}

int app_bottom_rows(const ui_app *app, const char *help)
{
	int st = status_rows(app), max = app_body_height() + 2 - BODY_ROWS_MIN - st;
	int hh = help && help[0] ? wrapped_height(COLS - 2, help) : 1;
	if (max < 1)
		max = 1;
	return (hh > max ? max : hh) + st;
}

int app_detail_room(ui_app *app, const char *help, int max)
{
	int hh = help && help[0] ? wrapped_height(COLS - 2, help) : 1;
	if (hh > max)
		hh = max;
	app->room = hh + status_rows(app);
	return app->room - 2 > 0 ? app->room - 2 : 0;
}

void app_key_acts(ui_app *app, kp_key_acts_fn key_acts) { app->key_acts = key_acts; }

void app_keys_later(ui_app *app, kp_acts_fn later) { app->later = later; }

void app_keys(ui_app *app, kp_acts_fn acts, const void *model, const void *ctx)
{
	app->acts = acts;
	app->acts_model = model;
	app->acts_ctx = ctx;
}

void app_screen_name(const ui_open *o, char *out, size_t len)
{
	switch (o->id) {
	case SCR_MENU:
		snprintf(out, len, "%s", msg(MSG_UI_BACK_MENU));
		break;
	case SCR_LIST:
	case SCR_QUEUE:
		snprintf(out, len, "%s", msg(MSG_UI_BACK_LIST));
		break;
	case SCR_DRAFTS:
		snprintf(out, len, "%s", msg(MSG_UI_BACK_DRAFTS));
		break;
	case SCR_FORM:
		if (o->record_id)
			snprintf(out, len, msg(MSG_UI_BACK_RECORD), o->record_id);
		else
			snprintf(out, len, "%s", msg(MSG_UI_BACK_NEW));
		break;
	case SCR_VIEW: { /* 「附表4」 of 「附表4 科普人才信息汇总表」 */
		const char *t = o->view ? o->view->title : "", *sp = strchr(t, ' ');
		snprintf(out, len, "%.*s", sp ? (int)(sp - t) : (int)strlen(t), t);
		break;
	}
	default:
		snprintf(out, len, "%s", msg(MSG_UI_PREVIOUS));
		break;
	}
}

/* 「← 」 and the name of the screen Esc returns to; "" when none. */
static void back_mark(const ui_app *app, char *out, size_t len)
{
	out[0] = '\0';
	if (app->depth < 2 || app->opened[app->depth - 2].id == SCR_NONE)
		return;
	char name[256];
	app_screen_name(&app->opened[app->depth - 2], name, sizeof name);
	snprintf(out, len, msg(MSG_UI_BACK_TO), name);
}

void app_chrome(ui_app *app, const char *title, const char *right, const char *help,
		unsigned keyctx)
{
	/* One layout for every title line (title_line.h says what gives way);
	 * the year and 「演示账号」 only once signed in. */
	char back[300], line[2048];
	back_mark(app, back, sizeof back);
	bool in = app->user && app->user[0];
	int year = in ? store_year(app->env->store) : 0;
	title_parts parts = {title, back[0] ? back : NULL, right, in && app->demo, year,
			     year && store_year_closed(app->env->store, year)};
	title_line(&parts, COLS, line, sizeof line);
	draw_text(0, 0, COLS, line, theme_attr(R_TITLE), true);
	int sh = status_rows(app), room = app->room ? app->room : 2, hh = room - sh;
	app->room = 0;
	/* a role's own rows (F9's words); before the database is open, no role's */
	keyctx |= !app->env->store ? 0 : APP_IS_CITY(app) ? CTX_CITY : CTX_UNIT;
	/* the words name the keys this keyboard has (「按 ^Y」 on a VT100) */
	char status[sizeof app->status], hint[2048];
	keymap_say(keyctx, app->status, status, sizeof status);
	if (help) {
		keymap_say(keyctx, help, hint, sizeof hint);
		help = hint;
	}
	attr_t sa = theme_attr(app->status_error ? R_ERROR : R_STATUS), ha = theme_attr(R_HELP);
	if (hh == 1) {
		draw_text(LINES - 2 - sh, 1, COLS - 2, help ? help : "", ha, true);
	} else if (hh > 1) {
		for (int r = 0; r < hh; r++)
			draw_fill(LINES - 1 - sh - hh + r, 0, COLS, ha);
		draw_wrapped(LINES - 1 - sh - hh, 1, COLS - 2, hh, help ? help : "", ha);
	}
	if (sh == 1) {
		draw_text(LINES - 2, 1, COLS - 2, status, sa, true);
	} else {
		draw_fill(LINES - 3, 0, COLS, sa);
		draw_fill(LINES - 2, 0, COLS, sa);
		draw_wrapped(LINES - 3, 1, COLS - 2, 2, status, sa);
	}
	draw_line(LINES - 1, keymap_bar_if(keyctx, app->acts, app->acts_model, app->acts_ctx), R_KEYBAR);
	/* F1 lists what the key line's answer lets act, asked now while the
	 * screen's model and context are there */
	size_t max = sizeof app->help / sizeof app->help[0];
	app->nhelp = keymap_help(keyctx, app->acts, app->key_acts, app->acts_model, app->acts_ctx, app->help, max);
	app->nhelp += keymap_help_later(keyctx, app->acts, app->later, app->acts_model, app->acts_ctx,
					app->help + app->nhelp, max - app->nhelp);
	app->acts = NULL; /* each frame's screen answers afresh */
	app->key_acts = NULL;
	app->later = NULL;
	if ((keyctx & CTX_CONFIRM) && !(app->keyctx & CTX_CONFIRM)) /* a question drawn now */
		term_drop_typeahead();
	app->keyctx = keyctx;
}

bool app_has_drafts(ui_app *app)
{
	kp_draft *d;
	size_t n = store_drafts_of(app->env->store, app->user, KP_DRAFTS_SHOWN, &d);
	bool any = false; /* that no live session of the account is typing, of a form (drafts_pending's) */
	for (size_t i = 0; i < n; i++)
		any |= !d[i].held && catalog_form(&app->env->cat, d[i].form);
	drafts_free(d, n);
	return any;
}

void app_say_reasons_left(ui_app *app)
{
	char *left = reason_drafts_notice(app->env, app->user);
	if (left)
		app_status(app, false, "%s", left);
	free(left);
}

void app_sign_in(ui_app *app, kp_user *u)
{
	user_free(&app->account);
	app->account = *u;
	app->user = app->account.name;
	/* From here on the store reads and writes on this account's behalf
	 * (store.h): the one place that decides what it may see and change. */
	char *err = NULL;
	if (store_session(app->env->store, u->role == USER_CITY ? SESSION_CITY : SESSION_UNIT, u->name,
			  u->unit_id, &err) != KP_OK) {
		app_status(app, true, "%s", err);
		free(err);
		app->quit = true;
		return;
	}
	if (u->role == USER_UNIT) /* a unit user works in its own unit only */
		app_set_unit(app, u->unit_id, u->unit_name);
}
