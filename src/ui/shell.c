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
#include "store/store.h"
#include "ui/draw.h"

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

bool app_move(size_t *sel, size_t n, kp_action a, size_t page)
{
	size_t last = n ? n - 1 : 0;
	switch (a) {
	case ACT_UP: *sel = *sel ? *sel - 1 : 0; return true;
	case ACT_DOWN: *sel = *sel < last ? *sel + 1 : *sel; return true;
	case ACT_PAGE_UP: *sel = *sel > page ? *sel - page : 0; return true;
	case ACT_PAGE_DOWN: *sel = *sel + page < last ? *sel + page : last; return true;
	case ACT_HOME: *sel = 0; return true;
	case ACT_END: *sel = last; return true;
	default: return false;
	}
}

int app_body_top(void) { return 1; }
int app_body_height(void) { return LINES - 4; }

#define HELP_ROWS_MAX 5 /* a returned record's reason of 200 characters, whole */

static int status_rows(const ui_app *app)
{
	return app->status[0] && wrapped_height(COLS - 2, app->status) > 1 ? 2 : 1;
}

int app_bottom_rows(const ui_app *app, const char *help)
{
	int hh = help && help[0] ? wrapped_height(COLS - 2, help) : 1;
	return (hh > HELP_ROWS_MAX ? HELP_ROWS_MAX : hh) + status_rows(app);
}

int app_detail_room(ui_app *app, const char *help, int max)
{
	int hh = help && help[0] ? wrapped_height(COLS - 2, help) : 1;
	if (hh > max)
		hh = max;
	app->room = hh + status_rows(app);
	return app->room - 2 > 0 ? app->room - 2 : 0;
}

/* The programme year at the right edge of the title line, so no screen of
 * 2017 passes for 2016's: 「2017 年度」, or 「2017」 when the title and the
 * screen's own right text would not be whole beside it, or nothing when not
 * even that fits (and before a login, when there is no year to work in).
 * The title and the right text never give way to the year. */
static void title_year(const ui_app *app, int used, char *out, size_t len)
{
	out[0] = '\0';
	if (!app->user || !app->user[0]) /* not signed in: the environment may not even be open yet */
		return;
	const kp_store *st = app->env->store;
	/* A demonstration account says so on every screen, while it can. */
	static const enum kp_msg_id forms[] = {MSG_UI_DEMO_YEAR, MSG_UI_DEMO_YEAR_SHORT, MSG_Y_YEAR, MSG_Y_YEAR_SHORT};
	for (size_t i = app->demo ? 0 : 2; i < sizeof forms / sizeof *forms; i++) {
		snprintf(out, len, msg(forms[i]), store_year(st));
		if (used + 2 + utf8_width(out) + 1 <= COLS)
			return;
	}
	out[0] = '\0';
}

void app_chrome(ui_app *app, const char *title, const char *right, const char *help,
		unsigned keyctx)
{
	attr_t ta = theme_attr(R_TITLE);
	draw_fill(0, 0, COLS, ta);
	char year[64];
	int rw = right ? utf8_width(right) : 0;
	title_year(app, 1 + utf8_width(title) + (right ? 2 + rw : 0), year, sizeof year);
	int yw = utf8_width(year), yx = COLS - yw - 1, rx = (yw ? yx - 2 : COLS - 1) - rw;
	draw_text(0, 1, (right ? rx : yw ? yx : COLS - 1) - 2, title, ta, false);
	if (right)
		draw_text(0, rx, rw, right, ta, false);
	if (yw)
		draw_text(0, yx, yw, year, ta, false);
	int sh = status_rows(app), room = app->room ? app->room : 2, hh = room - sh;
	app->room = 0;
	attr_t sa = theme_attr(app->status_error ? R_ERROR : R_STATUS), ha = theme_attr(R_HELP);
	if (hh == 1) {
		draw_text(LINES - 2 - sh, 1, COLS - 2, help ? help : "", ha, true);
	} else if (hh > 1) {
		for (int r = 0; r < hh; r++)
			draw_fill(LINES - 1 - sh - hh + r, 0, COLS, ha);
		draw_wrapped(LINES - 1 - sh - hh, 1, COLS - 2, hh, help ? help : "", ha);
	}
	if (sh == 1) {
		draw_text(LINES - 2, 1, COLS - 2, app->status, sa, true);
	} else {
		draw_fill(LINES - 3, 0, COLS, sa);
		draw_fill(LINES - 2, 0, COLS, sa);
		draw_wrapped(LINES - 3, 1, COLS - 2, 2, app->status, sa);
	}
	draw_line(LINES - 1, keymap_bar(keyctx), R_KEYBAR);
	app->keyctx = keyctx;
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
