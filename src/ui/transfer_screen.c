/* Export and import from the terminal: pick a form, give a file on the
 * server, and kepu writes or reads it — limited to the user's unit, as
 * every other path is. The result stays on screen with the download hint. */
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/editbuf.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/transfer.h"
#include "ui/draw.h"
#include "ui/popup.h"
#include "ui/screens.h"

#define RESULT_LINES 12

typedef struct {
	ui_screen base;
	bool importing;
	popup pick;            /* which form */
	const char **titles;
	const kp_form *form;
	editbuf path;
	char *result[RESULT_LINES];
	size_t nresult;
	bool done;
} transfer_screen;

static void add_result(transfer_screen *ts, const char *line)
{
	if (ts->nresult < RESULT_LINES)
		ts->result[ts->nresult++] = xstrdup(line);
}

/* ~/kepu-talent-20160810.csv: a new file in the user's home directory. */
static void default_path(transfer_screen *ts)
{
	int y, m, d;
	clock_today(&y, &m, &d);
	const char *home = getenv("HOME");
	char *p = xasprintf("%s/kepu-%s-%04d%02d%02d.csv", home && home[0] ? home : ".", ts->form->id,
			    y % 10000, m % 100, d % 100);
	eb_set(&ts->path, p);
	free(p);
}

static void run_export(transfer_screen *ts, ui_app *app, const char *path)
{
	char *err = NULL;
	if (access(path, F_OK) == 0) { /* never overwrite: it may be last week's */
		err = xasprintf(msg(MSG_C_OUT_EXISTS), path);
	} else {
		FILE *out = fopen(path, "wb");
		export_options o = {NULL, NULL};
		long long unit = APP_IS_CITY(app) ? app->unit_id : APP_SCOPE(app);
		if (!out)
			err = xasprintf("%s: %s", path, strerror(errno));
		else if (export_csv(app->env, ts->form, unit, &o, out, &err) != 0 || fclose(out) != 0) {
			if (!err)
				err = xstrdup(msg(MSG_C_WRITE_ERROR));
			unlink(path);
		}
	}
	if (err) {
		app_status(app, true, "%s", err);
		free(err);
		return;
	}
	char *line = xasprintf(msg(MSG_UI_TR_EXPORTED), ts->form->title, path);
	add_result(ts, line);
	free(line);
	line = xasprintf(msg(MSG_UI_TR_SZ), path);
	add_result(ts, line);
	free(line);
	ts->done = true;
}

static void run_import(transfer_screen *ts, ui_app *app, const char *path)
{
	char *err = NULL, *report = NULL;
	size_t len = 0;
	FILE *raw = fopen(path, "rb"), *in = NULL;
	if (!raw)
		err = xasprintf("%s: %s", path, strerror(errno));
	else if (!(in = import_decode(raw, NULL, &err)))
		fclose(raw);
	if (err) {
		app_status(app, true, "%s", err);
		free(err);
		return;
	}
	/* A unit user's rows all go to its own unit: a row naming another unit
	 * is an error, never a write into that unit. */
	import_options o = {APP_IS_CITY(app) ? app->unit_name : app->account.unit_name, false, NULL};
	FILE *rep = open_memstream(&report, &len);
	import_stats st;
	int rc = import_csv(app->env, ts->form, in, &o, rep, &st);
	fclose(rep);
	if (in != raw)
		fclose(in);
	fclose(raw);
	char *line = rc == 0 ? xasprintf(msg(MSG_C_IMPORTED), st.saved, ts->form->title, path)
			     : xasprintf(msg(MSG_C_IMPORT_FAILED), st.errors + st.fatal);
	add_result(ts, line);
	free(line);
	for (char *p = report, *nl; p && *p && ts->nresult < RESULT_LINES; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		add_result(ts, p);
		if (!nl)
			break;
	}
	free(report);
	ts->done = true;
}

static void transfer_draw(ui_screen *s, ui_app *app)
{
	transfer_screen *ts = (transfer_screen *)s;
	const char *title = msg(ts->importing ? MSG_UI_MENU_IMPORT : MSG_UI_MENU_EXPORT);
	app_chrome(app, title, app->unit_name, msg(ts->importing ? MSG_UI_TR_IMPORT_HINT : MSG_UI_TR_EXPORT_HINT),
		   ts->pick.open ? CTX_POPUP : CTX_CELL);
	int y = app_body_top() + 1;
	if (ts->pick.open) {
		popup_draw(&ts->pick, y, y, 4);
		return;
	}
	char *line = xasprintf(msg(MSG_UI_TR_FORM), ts->form->title);
	draw_text(y, 2, COLS - 4, line, theme_attr(R_SECTION), false);
	free(line);
	draw_text(y + 2, 2, 10, msg(MSG_UI_TR_FILE), theme_attr(R_LABEL), false);
	int w = COLS - 14;
	int cx = eb_view(&ts->path, w);
	draw_cps(y + 2, 12, w, ts->path.cp + ts->path.hscroll, ts->path.len - ts->path.hscroll,
		 theme_attr(ts->done ? R_FIELD : R_FOCUS), true);
	for (size_t i = 0; i < ts->nresult; i++)
		draw_text(y + 4 + (int)i, 2, COLS - 4, ts->result[i], theme_attr(R_NORMAL), false);
	if (!ts->done) {
		app->cursor_y = y + 2;
		app->cursor_x = 12 + cx;
	}
}

static void transfer_key(ui_screen *s, ui_app *app, kp_key key)
{
	transfer_screen *ts = (transfer_screen *)s;
	if (ts->pick.open) {
		size_t chosen;
		popup_result r = popup_key(&ts->pick, key, &chosen);
		if (r == POPUP_CONTINUE)
			return;
		popup_close(&ts->pick);
		if (r == POPUP_CANCEL) {
			ts->base.closing = true;
			return;
		}
		ts->form = app->env->cat.forms[chosen];
		if (!ts->importing)
			default_path(ts);
		return;
	}
	switch (keymap_lookup(CTX_CELL, key)) {
	case ACT_ACCEPT: {
		if (ts->done) {
			ts->base.closing = true;
			return;
		}
		char *path = eb_text(&ts->path);
		if (path[0])
			(ts->importing ? run_import : run_export)(ts, app, path);
		free(path);
		return;
	}
	case ACT_QUIT: ts->base.closing = true; return;
	case ACT_LEFT: eb_left(&ts->path); return;
	case ACT_RIGHT: eb_right(&ts->path); return;
	case ACT_HOME: eb_home(&ts->path); return;
	case ACT_END: eb_end(&ts->path); return;
	case ACT_BACKSPACE: eb_backspace(&ts->path); return;
	case ACT_KILL: eb_kill_to_end(&ts->path); return;
	default: break;
	}
	if (!ts->done && !key.fn && key.code >= ' ' && key.code != 127)
		eb_insert(&ts->path, key.code);
}

static void transfer_destroy(ui_screen *s)
{
	transfer_screen *ts = (transfer_screen *)s;
	popup_close(&ts->pick);
	eb_free(&ts->path);
	for (size_t i = 0; i < ts->nresult; i++)
		free(ts->result[i]);
	free(ts->titles);
	free(ts);
}

ui_screen *transfer_screen_new(ui_app *app, bool importing)
{
	const kp_catalog *cat = &app->env->cat;
	transfer_screen *ts = xcalloc(1, sizeof *ts);
	ts->base = (ui_screen){transfer_draw, transfer_key, NULL, transfer_destroy, NULL, false};
	ts->importing = importing;
	eb_init(&ts->path, 400, false);
	ts->titles = xcalloc(cat->nforms ? cat->nforms : 1, sizeof *ts->titles);
	for (size_t i = 0; i < cat->nforms; i++)
		ts->titles[i] = cat->forms[i]->title;
	popup_open(&ts->pick, msg(MSG_UI_TR_PICK), (char *const *)ts->titles, cat->nforms, 0, 0);
	return &ts->base;
}
