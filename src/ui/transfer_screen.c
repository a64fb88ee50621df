/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Export and import from the terminal: pick a form, then a file by name in
 * the account's exchange folder, or move it by ZMODEM to or from the user's
 * PC. No server path is ever taken here (domain/exchange.h). Limited to the
 * user's unit, as every other path is. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/exchange.h"
#include "domain/review.h"
#include "domain/transfer.h"
#include "ui/draw.h"
#include "ui/popup.h"
#include "ui/transfer_model.h"
#include "ui/handover.h"
#include "ui/screens.h"

#define RESULT_LINES 12

typedef struct {
	ui_screen base;
	transfer_model m;
	eb_line name;   /* the file's name laid out, 「<」 when its start scrolled away (arranged for this frame) */
} transfer_screen;

#define NAME_X 12

/* The lines the exchange folder's path may take: at 80 columns over 300
 * cells, far beyond any folder set up; a longer one ends its last line
 * with 「>」. */
#define FOLDER_LINES 4

/* The folder, or how an SFTP client reaches it, or why it cannot be opened. */
static char *folder_line(const transfer_screen *ts)
{
	return ts->m.x.fd < 0 ? xstrdup(ts->m.folder_err)
	     : ts->m.x.sftp   ? exchange_how(&ts->m.x, true)
			      : xasprintf(msg(MSG_UI_TR_FOLDER), ts->m.x.path);
}

/* The screen line of the file's name: under the form's line, the folder
 * (over the lines it needs) and how ZMODEM reaches it. */
static int name_row(const transfer_screen *ts)
{
	int y = app_body_top() + 1;
	if (ts->m.x.fd >= 0) {
		char *line = folder_line(ts);
		int used = wrapped_height(COLS - 4, line);
		free(line);
		y += used > FOLDER_LINES ? FOLDER_LINES - 1 : used > 1 ? used - 1 : 0;
	}
	return y + 3;
}

/* Before each frame: the name's scroll to its cursor and the outcome's
 * lines that fit, so drawing changes nothing. */
static void transfer_arrange(ui_screen *s, ui_app *app)
{
	(void)app;
	transfer_screen *ts = (transfer_screen *)s;
	ts->name = eb_lay(&ts->m.name, COLS - NAME_X - 2, false);
	if (ts->m.mode != TM_PICK)
		tm_fit(&ts->m, LINES - 3 - (name_row(ts) + 2), COLS - 4, wrapped_height);
}

/* While an import runs: rows so far and a bar of the file read, on the
 * status line (the screen does not take keys meanwhile). */
typedef struct {
	ui_app *app;
	const transfer_model *m;
} import_progress;

static void show_progress(void *ctx, long long rows, long long bytes)
{
	import_progress *p = ctx;
	if (rows < 0)
		return;
	app_status(p->app, false, msg(MSG_UI_TR_PROGRESS), rows);
	int w = draw_text(LINES - 2, 1, COLS - 2, p->app->status, theme_attr(R_STATUS), true);
	long long size = p->m->src_size;
	if (size > 0 && COLS - w - 4 >= 10)
		draw_bar(LINES - 2, w + 3, COLS - w - 4, 100.0 * (double)bytes / (double)size,
			 theme_attr(R_BAR), theme_attr(R_HELP));
	refresh();
}

/* The session's side of the model: the unit the work is limited to. */
static tm_ctx ctx_of(ui_app *app, import_progress *pr)
{
	bool city = APP_IS_CITY(app);
	return (tm_ctx){app->env, city ? app->unit_name : app->account.unit_name,
			city ? app->unit_id : APP_SCOPE(app), show_progress, pr};
}

/* F5 on the import screen: one file from the user's PC by ZMODEM, the
 * terminal handed to rz meanwhile. */
static tm_result receive_file(transfer_screen *ts, ui_app *app, const tm_ctx *c)
{
	char *say = xasprintf(msg(MSG_UI_TR_RZ_START), EXCHANGE_MAX_MIB);
	ui_leave_curses_saying(say);
	free(say);
	char *err = NULL, *name = NULL;
	long long size = 0;
	FILE *in = exchange_receive(app->env->db, EXCHANGE_MAX_MIB, false, &name, &size, &err);
	ui_resume_curses();
	tm_result r = tm_received(&ts->m, c, in, name, size, err);
	free(name);
	free(err);
	return r;
}

/* F5 after an export: the file down the SSH session with ZMODEM; kepu runs
 * sz itself, since a ForceCommand login has no shell to run it from. */
static void send_file(transfer_screen *ts, ui_app *app)
{
	if (!exchange_have("sz")) {
		app_status(app, true, "%s", msg(MSG_UI_TR_NO_SZ));
		return;
	}
	char *err = NULL;
	/* the Ctrl-X way out on its own line before sz's header (never between
	 * the header and the terminal's answer) */
	ui_leave_curses_saying(msg(MSG_UI_TR_SZ_START)); /* one line at 80 columns */
	int rc = exchange_send(&ts->m.x, ts->m.written, &err);
	ui_resume_curses();
	if (rc == 0)
		app_status(app, false, msg(MSG_UI_TR_SENT), ts->m.written);
	else if (rc == EXCHANGE_CANCELLED)
		app_status(app, true, msg(MSG_UI_TR_SEND_CANCELLED), ts->m.written);
	else if (err)
		app_status(app, true, "%s", err);
	else
		app_status(app, true, msg(MSG_UI_TR_SEND_FAILED), ts->m.written);
	free(err);
}

static void transfer_draw(ui_screen *s, ui_app *app)
{
	transfer_screen *ts = (transfer_screen *)s;
	const char *title = msg(ts->m.importing ? MSG_UI_MENU_IMPORT : MSG_UI_MENU_EXPORT);
	unsigned ctx = ts->m.importing ? CTX_IMPORT : CTX_TRANSFER;
	/* the hint of the step the user is at */
	enum kp_msg_id hint = (ts->m.mode == TM_PICK) ? MSG_UI_TR_PICK_HINT
			    : !ts->m.importing ? MSG_UI_TR_EXPORT_HINT
			    : (ts->m.mode == TM_DONE) ? MSG_UI_TR_DONE_HINT
			    : (ts->m.mode == TM_CHECKED) ? MSG_UI_TR_CHECKED_HINT : MSG_UI_TR_IMPORT_HINT;
	app_keys(app, tm_acts, &ts->m, NULL);
	app_chrome(app, title, app->unit_name, msg(hint), (ts->m.mode == TM_PICK) ? CTX_POPUP : ctx);
	int y = app_body_top() + 1;
	if (ts->m.mode == TM_PICK) {
		popup_draw(&ts->m.pick, y, y, 4);
		return;
	}
	char *line = ts->m.state ? xasprintf(msg(MSG_UI_TR_FORM_STATE), ts->m.view ? ts->m.view->title : ts->m.form->title,
					   state_label(state_of(ts->m.state)))
			       : xasprintf(msg(!ts->m.importing && ts->m.form->review ? MSG_UI_TR_FORM_ALL : MSG_UI_TR_FORM),
					   ts->m.view ? ts->m.view->title : ts->m.form->title);
	draw_text(y, 2, COLS - 4, line, theme_attr(R_SECTION), false);
	free(line);
	/* The folder, or how an SFTP client reaches it; how ZMODEM does. */
	line = folder_line(ts);
	if (ts->m.x.fd < 0) { /* what to do about it, whole */
		draw_wrapped(y + 1, 2, COLS - 4, 2, line, theme_attr(R_ERROR));
	} else { /* the whole folder, over the lines it needs (bounded), the rest below them */
		int used = draw_wrapped(y + 1, 2, COLS - 4, FOLDER_LINES, line, theme_attr(R_NORMAL));
		y += used > 1 ? used - 1 : 0;
	}
	free(line);
	if (ts->m.x.fd >= 0) {
		line = exchange_how(&ts->m.x, false);
		draw_text(y + 2, 2, COLS - 4, line, theme_attr(R_LABEL), false);
		free(line);
	}
	draw_text(y + 3, 2, 10, msg(MSG_UI_TR_FILE), theme_attr(R_LABEL), false);
	int w = COLS - NAME_X - 2;
	/* a name offered is selected: typing will replace it, shown so */
	kp_role role = ts->m.mode == TM_DONE ? R_FIELD : ts->m.name.sel ? R_SELECTED : R_FOCUS;
	draw_edit(y + 3, NAME_X, w, &ts->m.name, ts->name, theme_attr(role));
	int rows = LINES - 3 - (y + 5);
	/* wrapped: a refusal names the sheet, the cell and what to do instead;
	 * the lines tm_fit found room for, and the mark of the rest */
	int last = y + 5 + rows - (ts->m.more[0] ? 1 : 0);
	for (size_t i = ts->m.rtop, row = (size_t)(y + 5); i < ts->m.rtop + ts->m.rshown && (int)row < last; i++) {
		int used = draw_wrapped((int)row, 2, COLS - 4, last - (int)row, ts->m.result[i], theme_attr(R_NORMAL));
		row += used ? (size_t)used : 1;
	}
	if (ts->m.nresult && ts->m.more[0])
		draw_text(last, 2, COLS - 4, ts->m.more, theme_attr(R_LABEL), false);
	if (ts->m.importing && !ts->m.nresult && !(ts->m.mode == TM_DONE)) {
		draw_text(y + 5, 2, COLS - 4, msg(ts->m.nfiles ? MSG_UI_TR_FILES : MSG_UI_TR_NO_FILES),
			  theme_attr(R_LABEL), false);
		int top = app_scroll(ts->m.sel, 0, rows - 1);
		int r = 0;
		for (; r < rows - 1 && (size_t)(top + r) < ts->m.nfiles; r++) {
			size_t i = (size_t)(top + r);
			draw_text(y + 6 + r, 4, COLS - 6, ts->m.files[i],
				  theme_attr(i == ts->m.sel ? R_SELECTED : R_NORMAL), i == ts->m.sel);
		}
		/* below the files: what is there but will not be read, and why */
		for (size_t i = 0; r < rows - 1 && i < ts->m.nrefused; r++, i++)
			draw_text(y + 6 + r, 4, COLS - 6, ts->m.refused[i], theme_attr(R_ERROR), false);
	}
	if (!(ts->m.mode == TM_DONE)) {
		app->cursor_y = y + 3;
		app->cursor_x = NAME_X + ts->name.cursor;
	}
}

static void show(transfer_screen *ts, ui_app *app, const tm_result *r)
{
	if (r->clear_status)
		app->status[0] = '\0';
	if (r->text[0])
		app_status(app, r->error, "%s", r->text);
	if (r->kind == TM_CLOSE)
		ts->base.closing = true;
}

static void transfer_key(ui_screen *s, ui_app *app, kp_key key)
{
	transfer_screen *ts = (transfer_screen *)s;
	import_progress pr = {app, &ts->m};
	tm_ctx c = ctx_of(app, &pr);
	tm_result r = tm_key(&ts->m, &c, key);
	show(ts, app, &r);
	if (r.kind == TM_RECEIVE) {
		r = receive_file(ts, app, &c);
		show(ts, app, &r);
	} else if (r.kind == TM_SEND) {
		send_file(ts, app);
	}
}

static void transfer_destroy(ui_screen *s)
{
	transfer_screen *ts = (transfer_screen *)s;
	tm_free(&ts->m);
	free(ts);
}

ui_screen *transfer_screen_new(ui_app *app, bool importing)
{
	transfer_screen *ts = xcalloc(1, sizeof *ts);
	ts->base = (ui_screen){transfer_draw, transfer_key, NULL, transfer_destroy, NULL, false,
			       {SCR_NONE, NULL, NULL, 0}, transfer_arrange};
	tm_ctx c = ctx_of(app, NULL);
	tm_init(&ts->m, &c, app->env->db, app->user, importing);
	return &ts->base;
}
