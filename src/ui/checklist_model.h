/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * checklist_model: what the section 五 checklist screen is — every
 * milestone with its due date and state, the units × unit milestones
 * matrix, the item (or cell) under the cursor described in full, the rows
 * that fit on the page with a mark for the rest, and one mode: the list or
 * the matrix (Tab) — and what a key does to it. Space ticks a milestone
 * confirmed by hand, for whom the session may. Each key returns an
 * mr_result (handled, refused with a message, close, saved: a tick
 * stored). It never draws, never reads the terminal's size (the lines
 * come to ckm_arrange) and never writes the status line:
 * checklist_screen.c draws it; tests/unit/test_checklist_model.c drives it
 * with no terminal.
 */
#ifndef KP_CHECKLIST_MODEL_H
#define KP_CHECKLIST_MODEL_H
#include <stdbool.h>

#include "domain/checklist.h"
#include "ui/keymap.h"
#include "ui/model_result.h"
#include "ui/scrollwin.h"

typedef enum { CKM_LIST, CKM_MATRIX } ckm_mode;

typedef struct {
	kp_env *env;
	long long scope;  /* the unit the session sees (0: the city, every unit) */
	bool city;        /* the session is the city's (it confirms the city's milestones) */
	const char *user; /* who ticks, for the record */
} ckm_ctx;

typedef struct {
	kp_checklist c;
	ckm_mode mode;
	size_t row, col;  /* list: item; matrix: unit and unit-item column */
	size_t *cols;     /* matrix columns: indexes of the unit items */
	size_t ncols;
	size_t col_top;   /* matrix: the first column shown (ckm_fit_cols) */
	char *detail;     /* the item (or cell) under the cursor in full (made per change) */
	scrollwin win;    /* the rows on the page (ckm_arrange) */
	char more[128];   /* the mark under them when some are hidden, else "" */
} checklist_model;

void ckm_init(checklist_model *m, const ckm_ctx *c);
void ckm_free(checklist_model *m);
/* Evaluate again (a screen above closed: records may have changed). */
void ckm_load(checklist_model *m, const ckm_ctx *c);
/* The screen's title: the list, or the matrix of every unit (the city's)
 * or of the session's own (a unit sees its row alone: 本单位完成情况). */
enum kp_msg_id ckm_title(const checklist_model *m, const ckm_ctx *c);
/* The rows of the mode shown: items, or units. */
size_t ckm_rows(const checklist_model *m);
/* The page has `lines` lines for the rows and the mark. */
void ckm_arrange(checklist_model *m, int lines);
/* The matrix has room for fit columns: those shown (from col_top) keep the
 * selected one in view (last year's carried columns come first and push
 * this year's to the right). */
void ckm_fit_cols(checklist_model *m, size_t fit);
mr_result ckm_key(checklist_model *m, const ckm_ctx *c, kp_key key);
/* Does action a act now (kp_acts_fn: the key line lists Space only where
 * it ticks)? ctx is the ckm_ctx. */
bool ckm_acts(const void *model, const void *ctx, kp_action a);

#endif
