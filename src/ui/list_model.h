/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * list_model: what a record list is — the query (sort, filter as typed,
 * review state, unit), the page of rows with each cell as shown, the
 * selection, the records marked for F9 and F5, and one mode (browsing, or
 * asking to delete or to move into another year) — and what a key does to it. Each key returns an lm_result
 * (handled, refused with a message, close, open a record, a new record,
 * the review prompt, the unit picker, deleted). It never draws, never
 * reads the terminal's size (the page's rows come in lm_ctx) and never
 * writes the status line: list_screen.c draws it and shows the result;
 * tests/unit/test_list_model.c drives it with no terminal.
 *
 * Order of calls: lm_init, lm_restart (or lm_set_unit for a view), lm_key
 * per key, lm_reload after a screen above it closed, lm_free.
 */
#ifndef KP_LIST_MODEL_H
#define KP_LIST_MODEL_H
#include <stdbool.h>

#include "core/editbuf.h"
#include "domain/env.h"
#include "store/store.h"
#include "ui/keymap.h"

typedef enum { LM_BROWSE, LM_CONFIRM_DELETE, LM_CONFIRM_YEAR } lm_mode;

typedef enum {
	LM_HANDLED,   /* done (text may say something) */
	LM_REFUSED,   /* could not act: text says why */
	LM_CLOSE,     /* the list is done */
	LM_OPEN,      /* open record id (0: a new one; -1: a 编号 that names none) */
	LM_NEW,       /* a new record wanted: the unit is the view's to ask (the city) */
	LM_REVIEW,    /* the review prompt over the marked records, or the selected one */
	LM_YEAR,      /* the marked records, or the selected one, into another programme
	               * year: the screen asks which (the year prompt), then lm_ask_year */
	LM_PICK_UNIT  /* a view: the city chooses whose roll */
} lm_kind;

typedef struct {
	lm_kind kind;
	bool error;
	char text[512];
	long long id; /* LM_OPEN */
} lm_result;

/* What the model needs from the session and the screen, with each call. */
typedef struct {
	kp_store *store;
	size_t rows;   /* rows on a page */
	bool city;     /* the session sees every unit */
	bool own_unit; /* the account works in one unit (new records go there at once) */
	kp_env *env;   /* a move into another year checks that year's form rules */
} lm_ctx;

typedef struct {
	const kp_form *form;
	const kp_view *view;  /* NULL for a form's own list */
	const int *fields;    /* the columns' fields, ncols of them (the view's, borrowed) */
	size_t ncols;
	kp_query q;
	editbuf filter;
	char *filter_text;    /* q.filter points here */
	int state;            /* a reviewed form's state filter: -1 all, else a kp_state */
	kp_record *rows;
	size_t n, sel;
	char **shown;         /* n × ncols: each cell as shown, read once per page */
	long long total;
	long long first_rank; /* views: records of the unit before the first row */
	/* rows of the list before and after the page: exact (one side within
	 * KP_COUNT_CAP, the total known), or each counted up to KP_COUNT_CAP + 1 */
	long long more_above, more_below;
	bool exact;
	lm_mode mode;
	long long *marked;    /* records marked with Space, for one F9 or F5 over them all */
	int *marked_year;     /* each marked record's programme year */
	size_t nmarked;
	int move_to;          /* LM_CONFIRM_YEAR: the year chosen */
	/* Columns wider than the terminal scroll sideways (Left/Right), a
	 * column at a time, under the key columns up to the name (frozen) */
	size_t frozen;        /* columns 0 … frozen-1 always shown */
	size_t col_first;     /* the first column shown after them */
	bool cols_right;      /* lm_place_columns: a column after them is not shown */
} list_model;

void lm_init(list_model *m, const kp_form *f, const kp_view *v, const int *fields, size_t ncols);
void lm_free(list_model *m);
/* From the first row again (a new filter, order, state or unit). */
void lm_restart(list_model *m, const lm_ctx *c);
/* The line under the page: how many rows are above and below it
 * (「↑ 上面还有 N 项  ↓ 还有 N 项」, sw_mark_n); "" when none are. */
void lm_more(const list_model *m, char *out, size_t len);
/* The page that starts where this one started, afresh (after a change). */
void lm_reload(list_model *m, const lm_ctx *c);
/* Back from a record: reloaded, the filter selected, so that what is
 * typed next is a new filter, never appended to the old one. */
void lm_back(list_model *m, const lm_ctx *c);
/* A reviewed form's records in state only (a kp_state; -1: all), from the first. */
void lm_set_state(list_model *m, const lm_ctx *c, int state);
/* A view shows this unit's roll. */
void lm_set_unit(list_model *m, const lm_ctx *c, long long unit_id);
lm_result lm_key(list_model *m, const lm_ctx *c, kp_key key);
/* What an empty page says: why it is empty (a filter, a state, a view's
 * unit not chosen yet) before 「还没有记录」, and F7 only where it acts. */
void lm_empty_text(const list_model *m, const lm_ctx *c, char *out, size_t len);
/* The hint line while records are marked: what the marks are for, as
 * far as the session may act on them (F9 submits them: a unit's; F5 moves
 * them to another year; neither in a year the city closed). */
void lm_marked_hint(const list_model *m, const lm_ctx *c, char *out, size_t len);
/* A view's hint line: F4 (another unit) only where it acts (the city). */
const char *lm_view_hint(const list_model *m, const lm_ctx *c);
bool lm_is_marked(const list_model *m, long long id);
/* Does action a act on the list now (its mode, its rows, the session's
 * role)? What its key line lists (keymap_bar_if); ctx is the lm_ctx. */
bool lm_acts(const void *model, const void *ctx, kp_action a);
/* CTX_WITHDRAW when F9 can only withdraw the selected record (none
 * marked), else 0: the key line's F9 says 撤回, not 提交 (keymap.h). */
unsigned lm_review_ctx(const list_model *m, const lm_ctx *c);
/* The year prompt chose `to`: ask y/n before the marked records (or the
 * selected one) move there. */
void lm_ask_year(list_model *m, int to);
/* The year F5 moves from: the selected record's, or the one year of every
 * marked record (0 when they are of several years: none left out). */
int lm_move_from(const list_model *m);
/* The y/n question of a confirming mode, naming the record(s); "" else. */
void lm_question(const list_model *m, char *out, size_t len);
/* Which columns a row shows from x to end (width[k]: column k's display
 * cells, gap cells apart): the frozen key columns and those from the
 * scroll position on (columns_place); shown[k] is its width or 0. Returns
 * where the last one shown ends. What Right can do follows from it. */
int lm_place_columns(list_model *m, const int *width, int x, int end, int gap, int *shown);
/* Columns are scrolled out at the left (the header's 「<」). */
bool lm_cols_left(const list_model *m);
/* The cell of row i, column k, as shown. */
const char *lm_cell(const list_model *m, size_t i, size_t k);

#endif
