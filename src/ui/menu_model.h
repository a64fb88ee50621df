/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * menu_model: what the main menu is — its items (every form, its list,
 * the screens of the account's role), the selection and the first item
 * shown, the records of each reviewed form by state (the city's queue,
 * a unit's own counts), and one mode (browsing, asking to quit, asking to
 * open, close or reopen a programme year) — and what a key does to it. Each key returns an
 * mm_result: handled, refused with a message, open a screen, pick the
 * unit first, the typing habit or the year changed, quit. It never draws,
 * never reads the terminal's size (the rows come with mm_arrange) and never
 * writes the status line: menu.c draws it and shows the result;
 * tests/unit/test_menu_model.c drives it with no terminal.
 *
 * Order of calls: mm_init, mm_count (again after a screen above closed),
 * mm_key per key (mm_picked after the unit picker chose), mm_free.
 */
#ifndef KP_MENU_MODEL_H
#define KP_MENU_MODEL_H
#include <stdbool.h>

#include "domain/env.h"
#include "domain/review.h"
#include "ui/keymap.h"
#include "ui/popup.h"
#include "ui/reopen_prompt.h"
#include "ui/scrollwin.h"
#include "ui/shell.h"

typedef enum {
	ITEM_CHECKLIST, ITEM_PROGRESS, ITEM_BRIEFING, ITEM_FORM, ITEM_LIST, ITEM_TABLE, ITEM_RECORD,
	ITEM_VIEW, ITEM_EXPORT, ITEM_IMPORT, ITEM_FIND, ITEM_AUDIT, ITEM_ACCOUNTS, ITEM_PASSWORD, ITEM_ADVANCE, ITEM_QUIT
} item_kind;

typedef struct {
	item_kind kind;
	const kp_form *form;
	const kp_view *view;
	kp_action act; /* its key in the keymap table (ACT_M_FORM: the digit in hotkey); ACT_NONE */
	char hotkey;   /* shown beside it: '2' for 附表2, 'c', 'q'; 0 for none */
} menu_item;

typedef enum { MM_BROWSE, MM_CONFIRM_QUIT, MM_CONFIRM_YEAR, MM_CONFIRM_CLOSE, MM_PICK_QUEUE, MM_REOPEN } mm_mode;

typedef enum {
	MM_HANDLED,   /* done (text may say something) */
	MM_REFUSED,   /* could not act: text says why */
	MM_OPEN,      /* open the screen in `open` */
	MM_PICK_UNIT, /* the city picks the unit first, then mm_picked */
	MM_ADVANCE,   /* the account's typing habit is now `on` (stored) */
	MM_YEAR,      /* the programme year worked in, or the years, changed */
	MM_QUIT       /* end the session (asked and answered) */
} mm_kind;

typedef struct {
	mm_kind kind;
	bool error;
	bool on;       /* MM_ADVANCE */
	char text[512];
	ui_open open;  /* MM_OPEN */
} mm_result;

/* What the model needs from the session, with each call. */
typedef struct {
	kp_env *env;
	bool city;              /* the session sees every unit (and referees) */
	long long own_unit;     /* a unit account's unit; 0 for the city */
	long long entry_unit;   /* the unit a new record goes to (app_entry_unit) */
	const char *user;       /* the account's name */
	bool auto_advance;      /* the account's typing habit now */
} mm_ctx;

/* A reviewed form's records by state, in the session's scope and year. */
typedef struct {
	const kp_form *form;
	long long n[ST_COUNT]; /* a pool form's 已认定: this year's only, as the ranking counts them */
	long long carried;     /* a pool form (附表2): talents approved in an earlier year, still listed */
} mm_tally;

typedef struct {
	menu_item *items;
	size_t n, sel;
	scrollwin win;       /* the items shown (mm_arrange) and the mark of those hidden */
	mm_mode mode;
	int open_year, open_from; /* MM_CONFIRM_YEAR: the year to open, from which */
	int close_year;      /* MM_CONFIRM_CLOSE: the year to close (or reopen, */
	bool closing;        /* …when this is false) */
	char *still_due;     /* …the year's unit items not yet due, in words (owned), or NULL */
	bool insisting;      /* …asked a second time: close all the same? */
	const menu_item *after_pick; /* MM_PICK_UNIT: open this once a unit is chosen */
	mm_tally *tally;
	size_t ntally;
	size_t nyears;       /* programme years opened (y moves among them) */
	popup queue;         /* MM_PICK_QUEUE: the forms with records waiting, with their counts */
	char **queue_items;  /* …its items (owned), */
	const kp_form **queue_forms; /* …and the form of each */
	size_t nqueue;
	reopen_prompt reopen; /* MM_REOPEN: x in a closed year — for every unit, one unit, or closed again */
} menu_model;

void mm_init(menu_model *m, const mm_ctx *c);
void mm_free(menu_model *m);
/* Count each reviewed form's records by state, and the years, afresh. */
void mm_count(menu_model *m, const mm_ctx *c);
/* What waits, as the menu shows it under the glance: the city's queue per
 * form (r opens it), or a unit's own records of each reviewed form by
 * state, each count named by its state (a pool form's talents approved in
 * an earlier year as 往年已认定, apart from this year's 已认定 that the
 * ranking counts); NULL when nothing does. Caller frees. */
char *mm_counts_text(const menu_model *m, const mm_ctx *c);
mm_result mm_key(menu_model *m, const mm_ctx *c, kp_key key);
/* The unit picker chose (c->entry_unit is it): the item waiting opens, or
 * the reason of the year's reopening for that unit is asked. */
mm_result mm_picked(menu_model *m, const mm_ctx *c);
/* The unit picker was closed with nothing chosen. */
void mm_unpicked(menu_model *m);
/* Does the binding's action act in the menu now (this role, this mode)?
 * What its key line lists (keymap_bar_if). */
bool mm_acts(const void *model, const void *ctx, kp_action a);
/* Of the digits (one row), those with a form behind them in this menu. */
bool mm_key_acts(const void *model, const void *ctx, kp_key k);
/* The menu has `lines` lines for its items: those shown keep the
 * selection in view, and when not every item fits, the last line is the
 * mark of those hidden (scrollwin.h). */
void mm_arrange(menu_model *m, int lines);
/* The item's words, which say what this role may do there (「查看」 where
 * it may only look). */
void mm_item_text(const menu_item *it, const mm_ctx *c, char *buf, size_t len);
/* Records of the reviewed forms waiting for the city's review. */
long long mm_waiting(const menu_model *m);
/* The y/n question of a confirming mode; "" else. */
void mm_question(const menu_model *m, char *out, size_t len);

#endif
