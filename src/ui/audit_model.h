/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * audit_model: what the audit screen is — the filter as typed, the rows
 * loaded so far (newest first, more on demand), each row's "what" as
 * shown, the selection and its scroll, and the selected row's changes —
 * and what a key does to it (au_key returns an mr_result: handled, refused
 * with why, close). It never draws and never reads the terminal's size:
 * the page's rows come in au_ctx and the columns' widths from
 * au_columns. audit_screen.c draws it; tests/unit/test_audit_model.c
 * drives it with no terminal. What a session may read of the trail is the
 * store's to say (store_audit_page).
 */
#ifndef KP_AUDIT_MODEL_H
#define KP_AUDIT_MODEL_H
#include <stdbool.h>
#include <stddef.h>

#include "core/editbuf.h"
#include "domain/env.h"
#include "ui/keymap.h"
#include "ui/model_result.h"

/* A time as stored (2016-08-10 09:30:45): the column's width, given
 * before any other column's, so no time is ever cut. */
#define AU_AT_W 19
#define AU_DETAIL_ROWS 6 /* the pane of the selected row's changes, below the list */

enum { AU_COL_AT, AU_COL_USER, AU_COL_UNIT, AU_COL_WHAT, AU_COLS };

typedef struct {
	kp_env *env;
	size_t rows; /* list rows on a page */
	int cols;    /* the terminal's width: the changes are laid out in cols - 4 cells */
} au_ctx;

typedef struct {
	editbuf filter;
	char *text;          /* the filter the rows were read with */
	kp_audit_row *rows;
	char **what;         /* each row's action, form and number as shown */
	size_t n, sel, top;
	bool more;           /* older rows exist beyond those loaded */
	int want[AU_COLS];   /* the cells each column's values need, fixed per view (au_columns) */
	char **detail;       /* the selected row's changes, "label：was → now", every one */
	char head[160];      /* the changes' header, naming the selected row's record */
	size_t ndetail;
	char **dline;        /* the changes wrapped into the pane's lines (display widths) */
	size_t ndline, dtop; /* how many; the first shown (Tab, Shift-Tab scroll) */
	int laid_w;          /* the width they were laid out in */
	char *refused;       /* the store would not read the trail for this session */
} audit_model;

/* Read the newest rows; a session that may not read the trail gets an
 * MR_REFUSED result saying why (and no rows). */
mr_result au_init(audit_model *m, const au_ctx *c);
void au_free(audit_model *m);
mr_result au_key(audit_model *m, const au_ctx *c, kp_key key);
/* The page's rows changed (the terminal's size): keep the selection in
 * view, the changes laid out in the width. */
void au_set_rows(audit_model *m, const au_ctx *c);
/* The pane under the list: the changes' lines it shows from dtop (all of
 * them when they fit its AU_DETAIL_ROWS, else one fewer), and its mark
 * for what is hidden (「↓ 还有 N 行改动（Tab 往下看）」, or above), "" when
 * nothing is: a 200-character 退回原因 is read whole, never cut. */
size_t au_detail_shown(const audit_model *m);
void au_detail_mark(const audit_model *m, char *out, size_t len);
/* Does a acts now: Tab and Shift-Tab while the pane has lines that way. */
bool au_acts(const void *model, const void *ctx, kp_action a);
/* Columns at a terminal cols wide: the time's whole width first; user,
 * unit and what was done share the rest as wide as the view's values need
 * (a unit's whole name while there is room), the room no column needs to
 * what was done. The values are measured once per view (opened, filter
 * changed), not per page, so paging never moves a column: every unit's
 * name, and the rows read then (the newest two pages); an older row read
 * later that is wider is cut with a mark. x[] and w[] get each column's
 * start and width. */
void au_columns(const audit_model *m, int cols, int x[AU_COLS], int w[AU_COLS]);
/* What is below the page, for its more-below mark: "" when nothing is;
 * 「↓ 还有更早的记录」 (no number) while older rows are unread, 「↓ 还有 N
 * 项」 once all are. */
void au_more_text(const audit_model *m, const au_ctx *c, char *out, size_t len);
/* The detail header at a terminal cols wide: its words from column 1 in
 * the cells this returns, the more-mark (au_more_text into more) whole at
 * the right edge, cols - 1 - its width. The words give way to the mark
 * (cut with their own 「>」): a mark cut to 「…载>」 said nothing. */
int au_head_room(const audit_model *m, const au_ctx *c, int cols, char *more, size_t len);

#endif
