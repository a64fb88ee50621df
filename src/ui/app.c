/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/app.h"

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
#include "ui/encoding.h"
#include "ui/menu.h"
#include "ui/screens.h"
#include "ui/term.h"

void app_push(ui_app *app, ui_screen *s)
{
	if (app->depth == app->cap)
		app->stack = xrealloc(app->stack, (size_t)(app->cap = app->cap ? app->cap * 2 : 8) *
							  sizeof *app->stack);
	app->stack[app->depth++] = s;
}

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

static void forget_all(ui_app *app)
{
	for (size_t i = 0; i < app->nditto; i++) {
		for (size_t k = 0; k < app->ditto[i].form->nfields; k++)
			free(app->ditto[i].vals[k]);
		free(app->ditto[i].vals);
	}
	free(app->ditto);
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
	static const enum kp_msg_id forms[] = {MSG_Y_YEAR, MSG_Y_YEAR_SHORT};
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
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
	char year[32];
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

static void draw_too_small(bool ignored)
{
	erase();
	char text[256];
	snprintf(text, sizeof text, msg(MSG_UI_TOO_SMALL), COLS, LINES);
	/* Wrapped: the message must be readable in a 40-column window. */
	int y = LINES / 3;
	y += draw_wrapped(y, 0, COLS, LINES - y, text, theme_attr(R_ERROR));
	if (ignored)
		draw_wrapped(y, 0, COLS, LINES - y, msg(MSG_UI_KEYS_IGNORED), theme_attr(R_ERROR));
}

/* The database answered that it is damaged: nothing read from it can be
 * trusted, so no screen is drawn from it again. The message stays until a
 * key, then kepu ends. */
static void show_damaged(void)
{
	erase();
	char *text = xasprintf(msg(MSG_S_DAMAGED), store_damage_reason());
	int used = draw_wrapped(2, 2, COLS - 4, LINES - 6, text, theme_attr(R_ERROR));
	draw_text(used + 3, 2, COLS - 4, msg(MSG_UI_ANY_KEY_QUITS), theme_attr(R_HELP), false);
	free(text);
	curs_set(0);
	refresh();
	kp_key key;
	while (term_read_key(&key) == KEY_READ_IDLE)
		;
}

/* Remove the screens that asked to close (the top one, or one below a
 * screen it opened in its place: the login under the menu); the screen
 * left on top resumes. */
static void drop_closed(ui_app *app)
{
	bool top_closed = app->depth > 0 && app->stack[app->depth - 1]->closing;
	int kept = 0;
	for (int i = 0; i < app->depth; i++) {
		ui_screen *s = app->stack[i];
		if (s->closing)
			s->destroy(s);
		else
			app->stack[kept++] = s;
	}
	app->depth = kept;
	if (top_closed && kept > 0 && app->stack[kept - 1]->resume)
		app->stack[kept - 1]->resume(app->stack[kept - 1], app);
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

/* Every screen keeps what the user typed: the terminal is gone. */
static void persist_all(ui_app *app)
{
	for (int i = app->depth - 1; i >= 0; i--)
		if (app->stack[i]->persist)
			app->stack[i]->persist(app->stack[i], app, true);
}

int app_run(kp_env *env, bool probe, app_opener open, void *ctx)
{
	ui_app app = {0};
	app.env = env;
	app.user = "";
	if (!term_start()) {
		fprintf(stderr, "kepu: the terminal interface needs a terminal (use the CLI: kepu --help)\n");
		return 1;
	}
	app_push(&app, login_screen_new(&app, false));
	int rc = 0;
	bool ignored = false; /* keys dropped while the window is too small */
	while (!app.quit && app.depth > 0) {
		if (store_damaged()) {
			show_damaged();
			rc = 1;
			break;
		}
		ui_screen *top = app.stack[app.depth - 1];
		app.cursor_y = -1;
		if (term_too_small()) {
			draw_too_small(ignored);
		} else {
			ignored = false;
			erase();
			top->draw(top, &app);
		}
		if (app.cursor_y >= 0) {
			move(app.cursor_y, app.cursor_x);
			curs_set(1);
		} else {
			curs_set(0);
		}
		wnoutrefresh(stdscr);
		doupdate();
		if (probe && (rc = encoding_probe_check(LINES - 2)) != 0) { /* the status line */
			rc = 1;
			break;
		}
		probe = false;
		if (open && (rc = open(env, ctx)) != 0)
			break;
		open = NULL;

		kp_key key;
		key_read r = term_read_key(&key);
		if (r == KEY_READ_HANGUP) {
			persist_all(&app);
			break;
		}
		if (r == KEY_READ_RESIZE)
			continue; /* measure, redraw: layouts come from LINES/COLS */
		if (r == KEY_READ_IDLE) {
			if (top->persist)
				top->persist(top, &app, false);
			continue;
		}
		if (keymap_lookup(CTX_FORM, key) == ACT_REDRAW) {
			clearok(curscr, TRUE);
			continue;
		}
		/* A key typed while the screen cannot be drawn would act unseen
		 * (a value typed into a field nobody sees): it is dropped, and
		 * the too-small message says so. */
		if (term_too_small()) {
			ignored = true;
			continue;
		}
		if (keymap_lookup(app.keyctx, key) == ACT_HELP) {
			app_push(&app, help_screen_new(app.keyctx));
			continue;
		}
		unsigned gen = app.status_gen;
		int depth = app.depth;
		top->key(top, &app, key);
		if (top->persist && !top->closing)
			top->persist(top, &app, false);
		drop_closed(&app);
		/* A message belongs to the screen it was said on: on another
		 * screen it would seem to speak of that one. What this key
		 * itself said (保存了, 已提交) stays for the screen it leads to. */
		if (app.status_gen == gen && app.depth > 0 &&
		    (app.depth != depth || app.stack[app.depth - 1] != top))
			app.status[0] = '\0';
	}
	while (app.depth > 0) {
		ui_screen *s = app.stack[--app.depth];
		s->destroy(s);
	}
	free(app.stack);
	free(app.unit_name);
	free(app.pick_name);
	user_free(&app.account);
	forget_all(&app);
	term_stop();
	return rc;
}
