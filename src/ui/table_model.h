/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * table_model: what the table of a per-unit form (附表1) is — every unit's
 * record the session may see, the 合计 row computed from them, the cell
 * under the cursor, the rows that fit on the page, and one mode (moving
 * between cells, or editing one) — and what a key does to it. Each key
 * returns an mr_result (handled, refused with a message, close, saved);
 * a cell is saved through the one save path (domain/save.c). It never
 * draws, never reads the terminal's size (the lines come to tbm_arrange)
 * and never writes the status line: table_screen.c draws it and shows the
 * result; tests/unit/test_table_model.c drives it with no terminal.
 */
#ifndef KP_TABLE_MODEL_H
#define KP_TABLE_MODEL_H
#include <stdbool.h>

#include "core/editbuf.h"
#include "domain/env.h"
#include "domain/totals.h"
#include "ui/keymap.h"
#include "ui/model_result.h"
#include "ui/scrollwin.h"

typedef enum { TBM_BROWSE, TBM_EDIT } tbm_mode;

/* What the model needs from the session. */
typedef struct {
	kp_env *env;
	long long scope; /* the unit every read is limited to (0: the city) */
} tbm_ctx;

typedef struct {
	const kp_form *form;
	kp_record *rows;
	size_t n, cap;
	kp_totals totals;
	char **total;      /* the 合计 row's cells as shown, made once per load */
	size_t row, col;   /* the cell under the cursor: record and field */
	tbm_mode mode;
	editbuf cell;
	size_t cell_max;   /* TBM_EDIT: the characters the field's bounds allow */
	bool may_write;    /* the session may change this form (written_by) */
	scrollwin win;     /* the rows on the page (tbm_arrange) */
	char more[128];    /* the mark under them when some are hidden, else "" */
} table_model;

/* Read the rows; a failure is said in the result (the table is empty). */
mr_result tbm_init(table_model *m, const tbm_ctx *c, const kp_form *f);
void tbm_free(table_model *m);
/* Read the rows again (after a save, or another screen closed). */
mr_result tbm_load(table_model *m, const tbm_ctx *c);
/* The page has `lines` lines for the unit rows, the mark and 合计. */
void tbm_arrange(table_model *m, int lines);
mr_result tbm_key(table_model *m, const tbm_ctx *c, kp_key key);
/* Pasted text: one number goes into the cell under the cursor in place of
 * its value, to be saved by Enter as if typed; a row of cells, an empty
 * paste, a character the cell refuses or too many digits is refused whole
 * (a paste into 附表1 was dropped without a word). */
mr_result tbm_paste(table_model *m, const char *text);

#endif
