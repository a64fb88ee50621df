/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * shell: what every screen shares of the app — the screen vtable, the app's
 * state (account, units, status line, the last record saved per form) and
 * the chrome drawn around a screen body. It constructs no screen and runs
 * no loop (app.c does both), so screens depend on it and never on app.c.
 * Each screen is a small vtable (draw, key, resume, destroy, persist); the
 * status line belongs to the app, so a message survives the screen that
 * set it closing.
 */
#ifndef KP_SHELL_H
#define KP_SHELL_H
#include <stdbool.h>

#include "domain/env.h"
#include "ui/keymap.h"
#include "ui/model_result.h"

typedef struct ui_app ui_app;
typedef struct ui_screen ui_screen;

/* The screens app.c opens from its table (app.c: registry). A screen never
 * constructs another: it names the one to open, with its arguments, in
 * its open request, and the app acts on it after the key. */
typedef enum {
	SCR_NONE, SCR_MENU, SCR_PASSWORD, SCR_FORM, SCR_LIST, SCR_TABLE, SCR_VIEW, SCR_CHECKLIST,
	SCR_PROGRESS, SCR_BRIEFING, SCR_EXPORT, SCR_IMPORT, SCR_FIND, SCR_AUDIT, SCR_ACCOUNTS,
	SCR_EVIDENCE, SCR_QUEUE, /* SCR_LIST of the records waiting for the city's review */
	SCR_DRAFTS,
	SCR_SIGNED_IN /* asked for by the login: the drafts when the account has any, else the menu */
} ui_screen_id;

typedef struct {
	ui_screen_id id;
	const kp_form *form;   /* SCR_FORM, SCR_LIST, SCR_QUEUE, SCR_TABLE, SCR_EVIDENCE */
	const kp_view *view;   /* SCR_VIEW */
	long long record_id;   /* SCR_FORM (0: a new record), SCR_EVIDENCE */
} ui_open;

struct ui_screen {
	void (*draw)(ui_screen *s, ui_app *app);
	void (*key)(ui_screen *s, ui_app *app, kp_key key);
	void (*resume)(ui_screen *s, ui_app *app); /* the screen above closed; may be NULL */
	void (*destroy)(ui_screen *s);
	/* Save unsaved input as a draft: when due (now = false: after keys and
	 * while idle) or at once (now = true: the terminal hung up). May be
	 * NULL. */
	void (*persist)(ui_screen *s, ui_app *app, bool now);
	bool closing; /* set by key(): pop this screen */
	ui_open open; /* set by key(): the screen to open above this one (app.c's table) */
	/* Before each draw: measure (scroll positions for this terminal and
	 * this frame), so that draw changes nothing. May be NULL. */
	void (*arrange)(ui_screen *s, ui_app *app);
};

struct ui_app {
	kp_env *env;
	kp_user account;     /* who logged in (empty until then) */
	const char *user;    /* whose drafts: the account's name */
	long long unit_id;   /* a unit account's own unit; 0 for the city */
	char *unit_name;
	/* The unit the city chose last, for a new record or a roll: the
	 * picker's first line next time, never a narrowing of anything else
	 * (the dashboard, other lists, exports stay on every unit). */
	long long pick_id;
	char *pick_name;
	ui_screen **stack;
	ui_open *opened;     /* what each screen of the stack was opened as (SCR_NONE: the login,
	                      * the help): its name as the screen an Esc above it returns to */
	int depth, cap;
	char status[512];
	bool status_error;
	unsigned status_gen;    /* counts app_status calls: was a message set by this key? */
	int room;               /* rows a screen made for help and status (0: the usual two) */
	bool quit;
	int cursor_y, cursor_x; /* where the terminal cursor goes; y < 0 hides it */
	unsigned keyctx;        /* the key context of the screen drawn last (for help) */
	bool demo;              /* signed in with the demonstration's published password */
	long long draft_pick;   /* the draft chosen at sign-in, for the form opened next (it takes it) */
	kp_acts_fn acts;        /* set by app_keys before app_chrome: which keys act now */
	kp_key_acts_fn key_acts; /* …and of a row's keys, which (app_key_acts; NULL: all) */
	kp_acts_fn later;       /* …and which act later, listed last by F1 (app_keys_later; NULL: none) */
	const void *acts_model, *acts_ctx;
	kp_key_line help[64];   /* what F1 lists: the rows that act in the screen drawn last */
	size_t nhelp;
	struct ditto_memory *ditto; /* the last record saved per form, this session */
	size_t nditto;
};

/* The values of the last record of f saved in this session (NULL if none);
 * app_remember stores a copy. */
const char *const *app_last_saved(const ui_app *app, const kp_form *f);
void app_remember(ui_app *app, const kp_form *f, char *const *vals);

void app_status(ui_app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A model's result on screen: its text on the status line; MR_CLOSE closes s. */
void app_show_result(ui_app *app, ui_screen *s, const mr_result *r);
void app_set_unit(ui_app *app, long long id, const char *name);
void app_set_pick(ui_app *app, long long id, const char *name);
/* The unit a new record goes to: a unit account's own, else the city's last
 * choice (0: none yet). */
long long app_entry_unit(const ui_app *app);
const char *app_entry_unit_name(const ui_app *app);
/* The rows the help and the status need, each wrapped whole (a status at
 * most two; the help as long as the body keeps six rows: a returned
 * record's reason of 200 characters takes six at 80 columns): a screen
 * that gives them this many rows above the key bar (shortening its body)
 * says so in app->room before app_chrome. */
int app_bottom_rows(const ui_app *app, const char *help);
/* Before app_chrome: the help (a detail line) wrapped over up to max
 * lines. Returns the body rows it takes beyond the usual one line. */
int app_detail_room(ui_app *app, const char *help, int max);
/* Before app_chrome: the key bar lists only the keys for which acts
 * answers yes (the screen's model, in its mode and the session's role). */
void app_keys(ui_app *app, kp_acts_fn acts, const void *model, const void *ctx);
/* After app_keys, for a screen whose keys of one row act apart (the
 * menu's digits): F1's help lists only the keys key_acts lets act. */
void app_key_acts(ui_app *app, kp_key_acts_fn key_acts);
/* After app_keys: F1's help lists last, as such, the keys that do not act
 * now but later will (a form's ^Z before anything is changed). */
void app_keys_later(ui_app *app, kp_acts_fn later);
/* The name of a screen as the one an Esc goes back to, short (the title
 * keeps its room): 「菜单」, 「列表」, 「第 3 号」, 「填写」, 「附表4」. */
void app_screen_name(const ui_open *o, char *out, size_t len);
/* Draw the title, help, status and key-bar lines around a screen body.
 * The title ends with 「← 」 and the name of the screen below, where Esc
 * returns, when it fits whole beside the right text. A
 * status too long for its line takes the help's line too (wrapped, never
 * cut); with app->room, the help gets the rows above the status. */
void app_chrome(ui_app *app, const char *title, const char *right, const char *help,
		unsigned keyctx);
/* The first of `rows` visible rows (now from top) that keeps row sel in
 * view. */
int app_scroll(size_t sel, int top, int rows);
/* Move a selection among n rows by Up, Down, PgUp/PgDn (page rows), Home or
 * End; false for any other action. */
bool app_move(size_t *sel, size_t n, kp_action a, size_t page);
/* Rows available to a screen body: lines 1 .. LINES-4. */
int app_body_top(void);
int app_body_height(void);

/* Free what the app holds for the session (account, units, ditto). */
void app_free_state(ui_app *app);
/* After a login: the account, the audit's actor and, for a unit user, the
 * unit (fixed). Takes u's strings. */
void app_sign_in(ui_app *app, kp_user *u);
/* Has the signed-in account unsaved drafts (offered before the menu)? */
bool app_has_drafts(ui_app *app);
/* Say the 退回 reasons the account left half-typed at a hang-up
 * (reason_drafts_notice), at sign-in. */
void app_say_reasons_left(ui_app *app);
/* Is the signed-in user the city (all units) rather than one unit? */
#define APP_IS_CITY(app) (store_session_kind((app)->env->store) == SESSION_CITY)
/* The unit every read and write is limited to (the store's session): a
 * unit user's, 0 for the city. */
#define APP_SCOPE(app) store_session_unit((app)->env->store)

#endif
