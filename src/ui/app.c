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
#include "ui/shell.h"
#include "ui/menu.h"
#include "ui/screens.h"
#include "ui/term.h"

/* s, opened as o, on top. */
static void app_push(ui_app *app, ui_screen *s, ui_open o)
{
	if (app->depth == app->cap) {
		app->cap = app->cap ? app->cap * 2 : 8;
		app->stack = xrealloc(app->stack, (size_t)app->cap * sizeof *app->stack);
		app->opened = xrealloc(app->opened, (size_t)app->cap * sizeof *app->opened);
	}
	app->opened[app->depth] = o;
	app->stack[app->depth++] = s;
}

static const ui_open unnamed = {SCR_NONE, NULL, NULL, 0};

/* --- the screens, by what a screen asks for -------------------------------- */

static ui_screen *open_menu(ui_app *app, const ui_open *o) { (void)o; return menu_new(app); }
static ui_screen *open_password(ui_app *app, const ui_open *o) { (void)o; return login_screen_new(app, true); }
static ui_screen *open_form(ui_app *app, const ui_open *o) { return form_screen_new(app, o->form, o->record_id); }
static ui_screen *open_list(ui_app *app, const ui_open *o) { return list_screen_new(app, o->form, false); }
static ui_screen *open_queue(ui_app *app, const ui_open *o) { return list_screen_new(app, o->form, true); }
static ui_screen *open_table(ui_app *app, const ui_open *o) { return table_screen_new(app, o->form); }
static ui_screen *open_view(ui_app *app, const ui_open *o) { return view_screen_new(app, o->view); }
static ui_screen *open_checklist(ui_app *app, const ui_open *o) { (void)o; return checklist_screen_new(app); }
static ui_screen *open_progress(ui_app *app, const ui_open *o) { (void)o; return progress_screen_new(app); }
static ui_screen *open_briefing(ui_app *app, const ui_open *o) { (void)o; return briefing_screen_new(app); }
static ui_screen *open_export(ui_app *app, const ui_open *o) { (void)o; return transfer_screen_new(app, false); }
static ui_screen *open_import(ui_app *app, const ui_open *o) { (void)o; return transfer_screen_new(app, true); }
static ui_screen *open_find(ui_app *app, const ui_open *o) { (void)o; return find_screen_new(app); }
static ui_screen *open_audit(ui_app *app, const ui_open *o) { (void)o; return audit_screen_new(app); }
static ui_screen *open_accounts(ui_app *app, const ui_open *o) { (void)o; return accounts_screen_new(app); }
static ui_screen *open_drafts(ui_app *app, const ui_open *o) { (void)o; return drafts_screen_new(app); }
static ui_screen *open_evidence(ui_app *app, const ui_open *o)
{
	return evidence_screen_new(app, o->form, o->record_id);
}

/* The one table of screens: only the app constructs one. A constructor
 * returns NULL (with the status said) when the screen cannot open. */
static ui_screen *(*const registry[])(ui_app *, const ui_open *) = {
	[SCR_MENU] = open_menu,           [SCR_PASSWORD] = open_password, [SCR_FORM] = open_form,
	[SCR_LIST] = open_list,           [SCR_TABLE] = open_table,       [SCR_VIEW] = open_view,
	[SCR_CHECKLIST] = open_checklist, [SCR_PROGRESS] = open_progress, [SCR_BRIEFING] = open_briefing,
	[SCR_EXPORT] = open_export,       [SCR_IMPORT] = open_import,     [SCR_FIND] = open_find,
	[SCR_AUDIT] = open_audit,         [SCR_ACCOUNTS] = open_accounts, [SCR_EVIDENCE] = open_evidence,
	[SCR_QUEUE] = open_queue,         [SCR_DRAFTS] = open_drafts,
};

/* Is b the screen a shows (the city's queue is its form's list)? */
static bool same_screen(const ui_open *a, const ui_open *b)
{
	ui_screen_id x = a->id == SCR_QUEUE ? SCR_LIST : a->id, y = b->id == SCR_QUEUE ? SCR_LIST : b->id;
	return x == y && a->form == b->form && a->view == b->view && a->record_id == b->record_id;
}

/* What the key asked to open, above the screen that asked. A screen that
 * closes as it opens another (a form with nothing typed opening its list)
 * hands its place over; when the screen below it is that very screen (the
 * list the form came from with F7), going back to it is the opening, so
 * Esc never has to pass the same screen twice. */
static void open_requested(ui_app *app, ui_screen *from)
{
	ui_open o = from->open;
	from->open = (ui_open){SCR_NONE, NULL, NULL, 0};
	if (o.id == SCR_NONE)
		return;
	if (o.id == SCR_SIGNED_IN) { /* the account's unsaved drafts first, when it has any */
		app_say_reasons_left(app);
		o.id = app_has_drafts(app) ? SCR_DRAFTS : SCR_MENU;
	}
	if (from->closing && app->depth >= 2 && app->stack[app->depth - 1] == from &&
	    same_screen(&app->opened[app->depth - 2], &o))
		return;
	ui_screen *s = registry[o.id](app, &o);
	if (s)
		app_push(app, s, o);
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
		if (s->closing) {
			s->destroy(s);
		} else {
			app->opened[kept] = app->opened[i];
			app->stack[kept++] = s;
		}
	}
	app->depth = kept;
	ui_screen *top = kept > 0 ? app->stack[kept - 1] : NULL;
	if (!top_closed || !top || !top->resume)
		return;
	top->resume(top, app);
	/* A screen with nothing left to show on coming back (the drafts, the
	 * last one saved) asks for its next screen then, not on a key. */
	if (top->open.id != SCR_NONE || top->closing) {
		open_requested(app, top);
		drop_closed(app);
	}
}

/* Every screen keeps what the user typed: the terminal is gone. */
static void persist_all(ui_app *app)
{
	for (int i = app->depth - 1; i >= 0; i--)
		if (app->stack[i]->persist)
			app->stack[i]->persist(app->stack[i], app, true);
}

/* One frame: the top screen measured and drawn (or the too-small
 * message), the cursor placed, one update of the terminal. */
static void paint_frame(ui_app *app, ui_screen *top, bool ignored)
{
	app->cursor_y = -1;
	app->acts = NULL; /* a screen's answer is for its own frame: app_keys before its chrome */
	if (term_too_small()) {
		draw_too_small(ignored);
	} else {
		ui_screen *below = help_screen_is(top) && app->depth > 1 ? app->stack[app->depth - 2] : NULL;
		if (below && below->arrange)
			below->arrange(below, app);
		if (top->arrange)
			top->arrange(top, app);
		erase();
		if (below) { /* the help is read beside what it is about, drawn as when on top */
			app->depth--;
			below->draw(below, app);
			app->depth++;
			app->cursor_y = -1;
		}
		top->draw(top, app);
	}
	if (app->cursor_y >= 0) {
		move(app->cursor_y, app->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* A key for the top screen, then what it asked for: a screen opened from
 * the table, screens closed, its input kept as a draft when due. */
static void hand_key(ui_app *app, ui_screen *top, kp_key key)
{
	unsigned gen = app->status_gen;
	top->key(top, app, key);
	open_requested(app, top);
	if (top->persist && !top->closing)
		top->persist(top, app, false);
	drop_closed(app);
	/* A message answers the key before: the next key, unless it says
	 * something itself, clears it (on another screen it would seem to
	 * speak of that one; on this one it would outstay what it said).
	 * What this key itself said (保存了, 已提交) stays, on the screen it
	 * leads to too. */
	if (app->status_gen == gen)
		app->status[0] = '\0';
}

int app_run(kp_env *env, bool probe, app_opener open, void *ctx)
{
	ui_app app = {0};
	app.env = env;
	app.user = "";
	term_start_result started = term_start();
	if (started == TERM_UNKNOWN) {
		const char *type = getenv("TERM");
		bool shown = type && *type && strlen(type) <= 64;
		for (const char *c = type; shown && *c; c++) /* the terminal's own words are no place for controls */
			shown = *c > ' ' && *c < 0x7f;
		fputs("kepu: ", stderr);
		if (shown)
			fprintf(stderr, msg(MSG_UI_TERM_UNKNOWN), type);
		else
			fputs(msg(MSG_UI_TERM_UNSET), stderr);
		fputs("\n", stderr);
		return 1;
	}
	if (started != TERM_STARTED) {
		fprintf(stderr, "kepu: the terminal interface needs a terminal (use the CLI: kepu --help)\n");
		return 1;
	}
	app_push(&app, login_screen_new(&app, false), unnamed);
	bool asked = probe && encoding_probe_send(LINES - 2); /* the status line */
	int rc = 0;
	bool ignored = false; /* keys dropped while the window is too small */
	while (!app.quit && app.depth > 0) {
		if (store_damaged()) {
			show_damaged();
			rc = 1;
			break;
		}
		ui_screen *top = app.stack[app.depth - 1];
		paint_frame(&app, top, ignored);
		if (!term_too_small())
			ignored = false;
		if (asked && (rc = encoding_probe_check()) != 0) {
			rc = 1;
			break;
		}
		asked = false;
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
			app_push(&app, help_screen_new(app.help, app.nhelp), unnamed);
			continue;
		}
		/* The letter that closes the help over the login is the one the
		 * clerk began the name or password with: typed, not lost (t5h #17). */
		bool typed_on = help_screen_is(top) && app.depth > 1 && login_screen_is(app.stack[app.depth - 2]) &&
				key_printable(key);
		hand_key(&app, top, key);
		if (typed_on)
			hand_key(&app, app.stack[app.depth - 1], key);
	}
	while (app.depth > 0) {
		ui_screen *s = app.stack[--app.depth];
		s->destroy(s);
	}
	free(app.stack);
	free(app.opened);
	app_free_state(&app);
	term_stop();
	return rc;
}
