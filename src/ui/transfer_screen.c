/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Export and import from the terminal: pick a form, then a file by name in
 * the account's exchange folder, or move it by ZMODEM to or from the user's
 * PC. No server path is ever taken here (domain/exchange.h). Limited to the
 * user's unit, as every other path is. */
#include <curses.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/editbuf.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/exchange.h"
#include "domain/review.h"
#include "domain/transfer.h"
#include "domain/import_source.h"
#include "ui/draw.h"
#include "ui/popup.h"
#include "ui/screens.h"

#define RESULT_LINES 12

typedef struct {
	ui_screen base;
	bool importing;
	popup pick;            /* which form (an export: or view, 附表4) */
	const char **titles;
	kp_entry *entries;     /* what titles name, in 附表 order */
	const kp_form *form;   /* the form, or the view's source */
	const kp_view *view;   /* an export of a view, else NULL */
	const char *state;     /* a reviewed form's export: this state's code (Tab), or NULL for all */
	kp_exchange x;         /* fd < 0: the folder could not be opened */
	char *folder_err;
	editbuf name;
	char **files;          /* import: the folder's files, to choose with Up/Down */
	size_t nfiles, sel;
	char **refused;        /* import: what else is there, each with why it is not read */
	size_t nrefused;
	char *result[RESULT_LINES];
	size_t nresult;
	bool done;
	bool checked;          /* import: the dry run of src passed; Enter imports it */
	int ready;             /* import: the rows that dry run found to save or update */
	bool update;           /* import: rows repeating stored records update them */
	size_t keep;           /* import: the lines above the checked outcome */
	FILE *src;             /* import: the file checked, kept open for the import */
	char *src_label;       /* its name for messages and the audit trail */
	char *written;         /* export: the file written, for sending */
} transfer_screen;

static void add_result(transfer_screen *ts, const char *line)
{
	if (ts->nresult < RESULT_LINES)
		ts->result[ts->nresult++] = xstrdup(line);
}

static void clear_results(transfer_screen *ts)
{
	for (size_t i = 0; i < ts->nresult; i++)
		free(ts->result[i]);
	ts->nresult = 0;
}

/* A file chosen or received earlier is let go: a new one is checked afresh. */
static void drop_source(transfer_screen *ts)
{
	if (ts->src)
		fclose(ts->src);
	ts->src = NULL;
	free(ts->src_label);
	ts->src_label = NULL;
	ts->checked = false;
	ts->ready = 0;
	ts->update = false;
}


/* 附表2-魏都区-20160810.xlsx: the form's short name (its title up to the
 * first space), the unit, the day; -2, -3… when that is taken. */
static void propose_name(transfer_screen *ts, ui_app *app)
{
	int y, m, d;
	clock_today(&y, &m, &d);
	const char *t = ts->view ? ts->view->title : ts->form->title, *sp = strchr(t, ' ');
	const char *unit = !APP_IS_CITY(app) ? app->account.unit_name
			 : app->unit_id && app->unit_name ? app->unit_name : msg(MSG_X_ALL_UNITS);
	char *stem = xasprintf("%.*s-%s%s%s-%04d%02d%02d", sp ? (int)(sp - t) : (int)strlen(t), t, unit,
			       ts->state ? "-" : "", ts->state ? state_label(state_of(ts->state)) : "",
			       y % 10000, m % 100, d % 100);
	char *name = exchange_fresh_name(&ts->x, stem, ".xlsx");
	eb_set(&ts->name, name);
	free(name);
	free(stem);
}

static void refresh_files(transfer_screen *ts)
{
	exchange_list_free(ts->files, ts->nfiles);
	exchange_list_free(ts->refused, ts->nrefused);
	ts->files = ts->refused = NULL;
	ts->nfiles = ts->nrefused = 0;
	if (ts->x.fd >= 0)
		ts->nfiles = exchange_list(&ts->x, &ts->files, &ts->refused, &ts->nrefused);
	if (ts->sel >= ts->nfiles)
		ts->sel = 0;
}

/* Esc after a check or an import: back one step, to choosing a file. */
static void back_to_files(transfer_screen *ts, ui_app *app)
{
	drop_source(ts);
	clear_results(ts);
	ts->done = false;
	app->status[0] = '\0';
	refresh_files(ts);
}

static void run_export(transfer_screen *ts, ui_app *app, const char *name)
{
	char *err = NULL;
	long long unit = APP_IS_CITY(app) ? app->unit_id : APP_SCOPE(app);
	if (ts->x.fd < 0)
		err = xstrdup(ts->folder_err);
	else
		exchange_export(&ts->x, app->env, &(kp_export){ts->form, ts->view, unit, ts->state}, name, &err);
	if (err) {
		app_status(app, true, "%s", err);
		free(err);
		return;
	}
	char *line = xasprintf(msg(MSG_UI_TR_EXPORTED), ts->view ? ts->view->title : ts->form->title);
	add_result(ts, line);
	free(line);

	line = xasprintf("%s%s", ts->x.path, name);
	add_result(ts, line);
	free(line);
	add_result(ts, "");
	if (exchange_have("sz")) /* lrzsz: the PC's terminal receives the file over the session */
		add_result(ts, msg(MSG_UI_TR_SZ));
	add_result(ts, msg(MSG_UI_TR_SFTP));
	free(ts->written);
	ts->written = xstrdup(name);
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

/* Check ts->src (the dry run) or, once checked, import it. The lines
 * before the outcome (where the file came from) stay on screen. */
static void run_import(transfer_screen *ts, ui_app *app, size_t keep)
{
	char *err = NULL, *report = NULL;
	size_t len = 0;
	rewind(ts->src);
	paper_places *pl = NULL;
	FILE *in = import_source(&app->env->cat, ts->form, ts->src, ts->src_label, NULL, &pl, &err);
	if (!in) {
		app_status(app, true, "%s", err);
		free(err);
		drop_source(ts);
		return;
	}
	/* A unit user's rows all go to its own unit: a row naming another unit
	 * is an error, never a write into that unit. */
	struct stat fs;
	import_progress pr = {app, fstat(fileno(in), &fs) == 0 ? (long long)fs.st_size : 0};
	/* First a dry run: every cell checked, nothing saved; Enter again imports. */
	bool dry = !ts->checked;
	import_options o = {.source = ts->src_label,
			    .unit = APP_IS_CITY(app) ? app->unit_name : app->account.unit_name,
			    .dry_run = dry, .progress = show_progress, .progress_ctx = &pr, .update = ts->update};
	import_source_places(&o, pl); /* a workbook of one-record sheets: its sheets and cells */
	FILE *rep = open_memstream(&report, &len);
	import_stats st;
	int rc = import_csv(app->env, ts->form, in, &o, rep, &st);
	paper_places_free(pl);
	fclose(rep);
	if (in != ts->src)
		fclose(in);
	app->status[0] = '\0'; /* the progress: the outcome below says what happened */
	while (ts->nresult > keep)
		free(ts->result[--ts->nresult]);
	char *line = rc != 0 ? xasprintf(msg(MSG_C_IMPORT_FAILED), st.errors) /* fatal ones included */
		   : !dry ? xasprintf(msg(MSG_C_IMPORTED), st.saved, ts->form->title, ts->src_label)
		   : !st.ready ? xasprintf(msg(MSG_UI_TR_CHECKED_NONE), st.rows)
		   : st.ready_update ? xasprintf(msg(MSG_UI_TR_CHECKED_UPD), st.rows, st.ready - st.ready_update, st.ready_update)
				     : xasprintf(msg(MSG_UI_TR_CHECKED), st.rows, st.ready);
	add_result(ts, line);
	free(line);
	if (!dry && rc == 0 && st.updated) {
		line = xasprintf(msg(MSG_C_UPDATED), st.updated);
		add_result(ts, line);
		free(line);
	}
	/* after the outcome, the last line says what the keys do now */
	size_t room = dry && rc == 0 ? RESULT_LINES : RESULT_LINES - 1;
	for (char *p = report, *nl; p && *p && ts->nresult < room; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		add_result(ts, p);
		if (!nl)
			break;
	}
	free(report);
	if (dry && (st.same || ts->update) && ts->nresult < RESULT_LINES) /* the choice, said */
		add_result(ts, msg(ts->update ? MSG_UI_TR_SAME_UPDATE : MSG_UI_TR_SAME_HINT));
	if (dry && rc == 0) {
		ts->checked = true;
		ts->ready = st.ready;
		ts->keep = keep;
	} else {
		add_result(ts, msg(MSG_UI_TR_DONE_KEYS));
		drop_source(ts);
		ts->done = true;
	}
}

/* Enter on the import screen: the name typed or chosen, checked first. */
static void import_named(transfer_screen *ts, ui_app *app, const char *name)
{
	if (ts->checked) { /* the lines above the check's outcome stay; the outcome is replaced */
		if (ts->ready)
			run_import(ts, app, ts->keep);
		else
			app_status(app, true, "%s", msg(MSG_UI_TR_NOTHING));
		return;
	}
	char *err = NULL;
	FILE *in = ts->x.fd < 0 ? NULL : exchange_read(&ts->x, name, &err);
	if (!in) {
		app_status(app, true, "%s", err ? err : ts->folder_err);
		free(err);
		refresh_files(ts); /* what is there now, to choose from */
		return;
	}
	drop_source(ts);
	clear_results(ts);
	ts->src = in;
	ts->src_label = xasprintf("%s%s", ts->x.path, name);
	run_import(ts, app, 0);
}

void ui_leave_curses(void)
{
	def_prog_mode();
	endwin();
}

/* What a cancelled transfer's sender still had on the line would be read
 * as keys (a 'q', an Esc): it is thrown away until the line is quiet for
 * a moment, for ten seconds at most. */
void ui_resume_curses(void)
{
	for (int i = 0; i < 40; i++) {
		tcflush(STDIN_FILENO, TCIFLUSH);
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		if (poll(&p, 1, 250) == 0)
			break;
	}
	reset_prog_mode();
	clearok(curscr, TRUE);
}

/* F5 on the import screen: one file from the user's PC by ZMODEM. */
static void receive_file(transfer_screen *ts, ui_app *app)
{
	if (!exchange_have("rz")) {
		app_status(app, true, "%s", msg(MSG_UI_TR_NO_RZ));
		return;
	}
	drop_source(ts);
	clear_results(ts);
	ui_leave_curses();
	printf("\r\n");
	printf(msg(MSG_UI_TR_RZ_START), EXCHANGE_MAX_MIB);
	printf("\r\n");
	char *err = NULL, *name = NULL;
	long long size = 0;
	FILE *in = exchange_receive(app->env->db, EXCHANGE_MAX_MIB, &name, &size, &err);
	ui_resume_curses();
	if (!in) {
		app_status(app, true, "%s", err);
		free(err);
		return;
	}
	char *line = xasprintf(msg(MSG_UI_TR_RECEIVED), name, size);
	add_result(ts, line);
	free(line);
	ts->src = in;
	ts->src_label = xasprintf(msg(MSG_UI_TR_FROM_PC), name);
	eb_set(&ts->name, "");
	free(name);
	run_import(ts, app, 1);
}

/* F5 after an export: the file down the SSH session with ZMODEM; kepu runs
 * sz itself, since a ForceCommand login has no shell to run it from. */
static void send_file(transfer_screen *ts, ui_app *app)
{
	if (!ts->written)
		return;
	if (!exchange_have("sz")) {
		app_status(app, true, "%s", msg(MSG_UI_TR_NO_SZ));
		return;
	}
	char *err = NULL;
	ui_leave_curses();
	int rc = exchange_send(&ts->x, ts->written, &err);
	ui_resume_curses();
	if (rc == 0)
		app_status(app, false, msg(MSG_UI_TR_SENT), ts->written);
	else if (err)
		app_status(app, true, "%s", err);
	else
		app_status(app, true, msg(MSG_UI_TR_SEND_FAILED), ts->written);
	free(err);
}

static void transfer_draw(ui_screen *s, ui_app *app)
{
	transfer_screen *ts = (transfer_screen *)s;
	const char *title = msg(ts->importing ? MSG_UI_MENU_IMPORT : MSG_UI_MENU_EXPORT);
	unsigned ctx = ts->importing ? CTX_IMPORT : CTX_TRANSFER;
	/* the hint of the step the user is at */
	enum kp_msg_id hint = ts->pick.open ? MSG_UI_TR_PICK_HINT
			    : !ts->importing ? MSG_UI_TR_EXPORT_HINT
			    : ts->done ? MSG_UI_TR_DONE_HINT
			    : ts->checked ? MSG_UI_TR_CHECKED_HINT : MSG_UI_TR_IMPORT_HINT;
	app_chrome(app, title, app->unit_name, msg(hint), ts->pick.open ? CTX_POPUP : ctx);
	int y = app_body_top() + 1;
	if (ts->pick.open) {
		popup_draw(&ts->pick, y, y, 4);
		return;
	}
	char *line = ts->state ? xasprintf(msg(MSG_UI_TR_FORM_STATE), ts->view ? ts->view->title : ts->form->title,
					   state_label(state_of(ts->state)))
			       : xasprintf(msg(!ts->importing && ts->form->review ? MSG_UI_TR_FORM_ALL : MSG_UI_TR_FORM),
					   ts->view ? ts->view->title : ts->form->title);
	draw_text(y, 2, COLS - 4, line, theme_attr(R_SECTION), false);
	free(line);
	/* The folder, or how an SFTP client reaches it; how ZMODEM does. */
	line = ts->x.fd < 0 ? xstrdup(ts->folder_err)
	     : ts->x.sftp   ? exchange_how(&ts->x, true)
			    : xasprintf(msg(MSG_UI_TR_FOLDER), ts->x.path);
	if (ts->x.fd < 0) /* what to do about it, whole */
		draw_wrapped(y + 1, 2, COLS - 4, 2, line, theme_attr(R_ERROR));
	else
		draw_text(y + 1, 2, COLS - 4, line, theme_attr(R_NORMAL), false);
	free(line);
	if (ts->x.fd >= 0) {
		line = exchange_how(&ts->x, false);
		draw_text(y + 2, 2, COLS - 4, line, theme_attr(R_LABEL), false);
		free(line);
	}
	draw_text(y + 3, 2, 10, msg(MSG_UI_TR_FILE), theme_attr(R_LABEL), false);
	int w = COLS - 14;
	int cx = eb_view(&ts->name, w);
	draw_cps(y + 3, 12, w, ts->name.cp + ts->name.hscroll, ts->name.len - ts->name.hscroll,
		 theme_attr(ts->done ? R_FIELD : R_FOCUS), true);
	int rows = LINES - 3 - (y + 5);
	/* wrapped: a refusal names the sheet, the cell and what to do instead */
	for (int i = 0, row = y + 5; i < (int)ts->nresult && row < y + 5 + rows; i++) {
		int used = draw_wrapped(row, 2, COLS - 4, y + 5 + rows - row, ts->result[i], theme_attr(R_NORMAL));
		row += used ? used : 1;
	}
	if (ts->importing && !ts->nresult && !ts->done) {
		draw_text(y + 5, 2, COLS - 4, msg(ts->nfiles ? MSG_UI_TR_FILES : MSG_UI_TR_NO_FILES),
			  theme_attr(R_LABEL), false);
		int top = app_scroll(ts->sel, 0, rows - 1);
		int r = 0;
		for (; r < rows - 1 && (size_t)(top + r) < ts->nfiles; r++) {
			size_t i = (size_t)(top + r);
			draw_text(y + 6 + r, 4, COLS - 6, ts->files[i],
				  theme_attr(i == ts->sel ? R_SELECTED : R_NORMAL), i == ts->sel);
		}
		/* below the files: what is there but will not be read, and why */
		for (size_t i = 0; r < rows - 1 && i < ts->nrefused; r++, i++)
			draw_text(y + 6 + r, 4, COLS - 6, ts->refused[i], theme_attr(R_ERROR), false);
	}
	if (!ts->done) {
		app->cursor_y = y + 3;
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
		ts->view = ts->entries[chosen].view;
		ts->form = ts->view ? ts->view->source : ts->entries[chosen].form;
		if (ts->x.fd >= 0 && !ts->importing)
			propose_name(ts, app);
		return;
	}
	size_t before = ts->name.len;
	kp_action a = keymap_lookup(ts->importing ? CTX_IMPORT : CTX_TRANSFER, key);
	/* After an outcome, editing the name (or receiving) starts over with
	 * another file; only Enter and Esc leave. */
	bool edits = a == ACT_BACKSPACE || a == ACT_DELETE || a == ACT_KILL || a == ACT_RECEIVE ||
		     a == ACT_UP || a == ACT_DOWN || (a == ACT_NONE && !key.fn && key.code >= ' ' && key.code != 127);
	if (ts->done && edits) {
		ts->done = false;
		clear_results(ts);
		app->status[0] = '\0';
		if (ts->importing)
			refresh_files(ts);
	}
	switch (a) {
	case ACT_SEND:
		send_file(ts, app);
		return;
	case ACT_NEXT: /* Tab, as in the lists: every record, then one state after another */
		if (!ts->done && ts->form->review) {
			kp_state st = ts->state ? state_of(ts->state) : ST_COUNT;
			ts->state = st == ST_COUNT ? state_code(ST_DRAFT)
				  : st + 1 < ST_COUNT ? state_code((kp_state)(st + 1)) : NULL;
			if (ts->x.fd >= 0)
				propose_name(ts, app);
		}
		return;
	case ACT_RECEIVE:
		if (!ts->done)
			receive_file(ts, app);
		return;
	case ACT_TOGGLE: /* checked again the other way: what Enter imports is what was checked */
		if (ts->importing && ts->checked && ts->src) {
			ts->update = !ts->update;
			ts->checked = false;
			run_import(ts, app, ts->keep);
		}
		return;
	case ACT_UP:
	case ACT_DOWN:
		if (!ts->done && !ts->nresult && ts->nfiles) {
			/* The first key takes the highlighted file; the next ones move. */
			char *typed = eb_text(&ts->name);
			if (!strcmp(typed, ts->files[ts->sel]))
				app_move(&ts->sel, ts->nfiles, a, 1);
			free(typed);
			eb_set(&ts->name, ts->files[ts->sel]);
		}
		return;
	case ACT_ACCEPT: {
		if (ts->done) {
			ts->base.closing = true;
			return;
		}
		char *name = eb_text(&ts->name);
		if (ts->importing)
			import_named(ts, app, name);
		else
			run_export(ts, app, name);
		free(name);
		return;
	}
	case ACT_QUIT:
		if (ts->importing && (ts->src || ts->nresult || ts->done))
			back_to_files(ts, app);
		else
			ts->base.closing = true;
		return;
	case ACT_LEFT: eb_left(&ts->name); return;
	case ACT_RIGHT: eb_right(&ts->name); return;
	case ACT_HOME: eb_home(&ts->name); return;
	case ACT_END: eb_end(&ts->name); return;
	case ACT_BACKSPACE: eb_backspace(&ts->name); break;
	case ACT_DELETE: eb_delete(&ts->name); break;
	case ACT_KILL: eb_kill_to_end(&ts->name); break;
	default:
		if (!ts->done && !key.fn && key.code >= ' ' && key.code != 127)
			eb_insert(&ts->name, key.code);
		break;
	}
	/* Another name: what was checked is not what Enter would now import. */
	if (ts->importing && !ts->done && ts->name.len != before && ts->src) {
		drop_source(ts);
		clear_results(ts);
	}
}

static void transfer_destroy(ui_screen *s)
{
	transfer_screen *ts = (transfer_screen *)s;
	popup_close(&ts->pick);
	eb_free(&ts->name);
	clear_results(ts);
	drop_source(ts);
	exchange_list_free(ts->files, ts->nfiles);
	exchange_list_free(ts->refused, ts->nrefused);
	exchange_close(&ts->x);
	free(ts->folder_err);
	free(ts->written);
	free(ts->titles);
	free(ts->entries);
	free(ts);
}

ui_screen *transfer_screen_new(ui_app *app, bool importing)
{
	const kp_catalog *cat = &app->env->cat;
	transfer_screen *ts = xcalloc(1, sizeof *ts);
	ts->base = (ui_screen){transfer_draw, transfer_key, NULL, transfer_destroy, NULL, false};
	ts->importing = importing;
	eb_init(&ts->name, EXCHANGE_NAME_MAX, false);
	/* The signed-in account's own folder (exchange_open says where). */
	if (exchange_open(&ts->x, app->env->db, app->user, &ts->folder_err) == 0 && importing)
		refresh_files(ts);
	/* An export may also be of a view (附表4: a unit's, or the city's of every unit). */
	size_t n = catalog_entries(cat, !importing, &ts->entries);
	ts->titles = xcalloc(n ? n : 1, sizeof *ts->titles);
	for (size_t i = 0; i < n; i++)
		ts->titles[i] = ts->entries[i].form ? ts->entries[i].form->title : ts->entries[i].view->title;
	popup_open(&ts->pick, msg(MSG_UI_TR_PICK), (char *const *)ts->titles, n, 0, 0);
	return &ts->base;
}
