/* Export and import from the terminal: pick a form, give a file on the
 * server, and kepu writes or reads it — limited to the user's unit, as
 * every other path is. The result stays on screen with the download hint. */
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/editbuf.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/transfer.h"
#include "domain/xlsx.h"
#include "domain/xlsx_read.h"
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
	bool checked;          /* import: the dry run passed; Enter imports for real */
	char *written;         /* the file an export wrote, for sending */
} transfer_screen;

static bool ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	return a >= b && !strcasecmp(s + a - b, end);
}

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

/* Is lrzsz's sz on the PATH? */
static bool have_sz(void)
{
	const char *path = getenv("PATH");
	char *dirs = xstrdup(path ? path : "/usr/bin:/bin");
	bool found = false;
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
		char *f = xasprintf("%s/sz", d);
		found = access(f, X_OK) == 0;
		free(f);
	}
	free(dirs);
	return found;
}

static void run_export(transfer_screen *ts, ui_app *app, const char *path)
{
	char *err = NULL;
	if (access(path, F_OK) == 0) { /* never overwrite: it may be last week's */
		err = xasprintf(msg(MSG_C_OUT_EXISTS), path);
	} else {
		long long unit = APP_IS_CITY(app) ? app->unit_id : APP_SCOPE(app);
		if (ends_with(path, ".xlsx")) { /* the official layout, for printing and sending */
			export_xlsx(app->env, ts->form, NULL, unit, path, &err);
		} else {
			FILE *out = fopen(path, "wb");
			export_options o = {NULL, NULL, NULL, NULL};
			if (!out)
				err = xasprintf("%s: %s", path, strerror(errno));
			else if (export_csv(app->env, ts->form, unit, &o, out, &err) != 0 || fclose(out) != 0) {
				if (!err)
					err = xstrdup(msg(MSG_C_WRITE_ERROR));
				unlink(path);
			}
		}
	}
	if (err) {
		app_status(app, true, "%s", err);
		free(err);
		return;
	}
	char *line = xasprintf(msg(MSG_UI_TR_EXPORTED), ts->form->title);
	add_result(ts, line);
	free(line);
	add_result(ts, path);
	add_result(ts, "");
	if (have_sz()) /* lrzsz: Xshell and SecureCRT receive the file over the session */
		add_result(ts, msg(MSG_UI_TR_SZ));
	add_result(ts, msg(MSG_UI_TR_SFTP));
	free(ts->written);
	ts->written = xstrdup(path);
	ts->done = true;
}

/* While an import runs: rows so far and a bar of the file read, on the
 * status line (the screen does not take keys meanwhile). */
typedef struct {
	ui_app *app;
	long long size;
} import_progress;

static void show_progress(void *ctx, long long rows, long long bytes)
{
	import_progress *p = ctx;
	if (rows < 0)
		return;
	app_status(p->app, false, msg(MSG_UI_TR_PROGRESS), rows);
	int w = draw_text(LINES - 2, 1, COLS - 2, p->app->status, theme_attr(R_STATUS), true);
	if (p->size > 0 && COLS - w - 4 >= 10)
		draw_bar(LINES - 2, w + 3, COLS - w - 4, 100.0 * (double)bytes / (double)p->size,
			 theme_attr(R_BAR), theme_attr(R_HELP));
	refresh();
}

static void run_import(transfer_screen *ts, ui_app *app, const char *path)
{
	char *err = NULL, *report = NULL;
	size_t len = 0;
	FILE *raw = fopen(path, "rb"), *in = NULL;
	if (!raw)
		err = xasprintf("%s: %s", path, strerror(errno));
	else if (!(in = xlsx_is_zip(raw) ? xlsx_to_csv(path, &err) : import_decode(raw, NULL, &err)))
		fclose(raw);
	if (err) {
		app_status(app, true, "%s", err);
		free(err);
		return;
	}
	/* A unit user's rows all go to its own unit: a row naming another unit
	 * is an error, never a write into that unit. */
	struct stat fs;
	import_progress pr = {app, fstat(fileno(in), &fs) == 0 ? (long long)fs.st_size : 0};
	/* First a dry run: every cell checked, nothing saved; Enter again imports. */
	bool dry = !ts->checked;
	import_options o = {path, APP_IS_CITY(app) ? app->unit_name : app->account.unit_name, dry, NULL,
			    show_progress, &pr};
	FILE *rep = open_memstream(&report, &len);
	import_stats st;
	int rc = import_csv(app->env, ts->form, in, &o, rep, &st);
	fclose(rep);
	if (in != raw)
		fclose(in);
	fclose(raw);
	for (size_t i = 0; i < ts->nresult; i++)
		free(ts->result[i]);
	ts->nresult = 0;
	char *line = rc != 0 ? xasprintf(msg(MSG_C_IMPORT_FAILED), st.errors + st.fatal)
		   : dry ? xasprintf(msg(MSG_UI_TR_CHECKED), st.rows)
			 : xasprintf(msg(MSG_C_IMPORTED), st.saved, ts->form->title, path);
	add_result(ts, line);
	free(line);
	ts->checked = dry && rc == 0;
	for (char *p = report, *nl; p && *p && ts->nresult < RESULT_LINES; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		add_result(ts, p);
		if (!nl)
			break;
	}
	free(report);
	ts->done = !ts->checked;
}

static void transfer_draw(ui_screen *s, ui_app *app)
{
	transfer_screen *ts = (transfer_screen *)s;
	const char *title = msg(ts->importing ? MSG_UI_MENU_IMPORT : MSG_UI_MENU_EXPORT);
	app_chrome(app, title, app->unit_name, msg(ts->importing ? MSG_UI_TR_IMPORT_HINT : MSG_UI_TR_EXPORT_HINT),
		   ts->pick.open ? CTX_POPUP : CTX_TRANSFER);
	int y = app_body_top() + 1;
	if (ts->pick.open) {
		popup_draw(&ts->pick, y, y, 4);
		return;
	}
	char *line = xasprintf(msg(MSG_UI_TR_FORM), ts->form->title);
	draw_text(y, 2, COLS - 4, line, theme_attr(R_SECTION), false);
	free(line);
	draw_text(y + 2, 2, 12, msg(MSG_UI_TR_FILE), theme_attr(R_LABEL), false);
	int w = COLS - 16;
	int cx = eb_view(&ts->path, w);
	draw_cps(y + 2, 14, w, ts->path.cp + ts->path.hscroll, ts->path.len - ts->path.hscroll,
		 theme_attr(ts->done ? R_FIELD : R_FOCUS), true);
	for (size_t i = 0; i < ts->nresult; i++)
		draw_text(y + 4 + (int)i, 2, COLS - 4, ts->result[i], theme_attr(R_NORMAL), false);
	if (!ts->done) {
		app->cursor_y = y + 2;
		app->cursor_x = 14 + cx;
	}
}

/* Send the exported file down the SSH session with ZMODEM: kepu runs sz
 * itself, since a ForceCommand login has no shell to run it from. */
static void send_file(transfer_screen *ts, ui_app *app)
{
	if (!ts->written)
		return;
	if (!have_sz()) {
		app_status(app, true, "%s", msg(MSG_UI_TR_NO_SZ));
		return;
	}
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		execlp("sz", "sz", "--", ts->written, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		app_status(app, false, msg(MSG_UI_TR_SENT), ts->written);
	else
		app_status(app, true, msg(MSG_UI_TR_SEND_FAILED), ts->written);
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
	switch (keymap_lookup(CTX_TRANSFER, key)) {
	case ACT_SEND:
		send_file(ts, app);
		return;
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
	free(ts->written);
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
