/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * progress_model: what the progress and ranking screen (section 六) is —
 * each unit's done against its 附表1 quotas with its score, the 合计 row,
 * the formula, the unit selected with what of it waits for review, the
 * rows that fit on the page with a mark for the rest, and one mode: ranked
 * or in 序号 order (Tab) — and what a key does to it. Each key returns an
 * mr_result (handled, refused when it cannot be counted, close). It
 * never draws, never reads the terminal's size (the lines come to
 * pgm_arrange) and never writes the status line: progress_screen.c draws
 * it; tests/unit/test_progress_model.c drives it with no terminal.
 */
#ifndef KP_PROGRESS_MODEL_H
#define KP_PROGRESS_MODEL_H
#include <stdbool.h>

#include "domain/progress.h"
#include "ui/keymap.h"
#include "ui/model_result.h"
#include "ui/scrollwin.h"

typedef enum { PGM_RANKED, PGM_BY_SEQ } pgm_order;

typedef struct {
	kp_env *env;
	long long scope; /* the unit the session sees (0: the city, every unit) */
} pgm_ctx;

typedef struct {
	kp_progress p;
	pgm_order order;
	const kp_progress_row **rows; /* p.rows in the order shown */
	size_t sel;
	char *detail;                 /* the selected unit: what waits for review (made per change) */
	bool total;                   /* the 合计 row is shown: the city's only. A unit
				       * sees its own row alone (every unit's figures
				       * are kept from it: docs/security.md), and a
				       * 合计 of that one row repeated it. */
	scrollwin win;                /* the unit rows on the page (pgm_arrange) */
	char more[128];               /* the mark under them when some are hidden, else "" */
} progress_model;

mr_result pgm_init(progress_model *m, const pgm_ctx *c);
void pgm_free(progress_model *m);
/* Count again (a screen above closed: records may have changed). */
mr_result pgm_load(progress_model *m, const pgm_ctx *c);
/* The page has `lines` lines for the unit rows and the mark (合计 and the
 * formula have their own). */
void pgm_arrange(progress_model *m, int lines);
mr_result pgm_key(progress_model *m, const pgm_ctx *c, kp_key key);

#endif
