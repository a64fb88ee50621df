/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * briefing_model: what the city's monthly 工作简报 screen (五.6) is — the
 * month shown, every unit's figures for it, the totals, whether its
 * deadline has come, who has not reported, and the units that fit on the
 * page with a mark for the rest — and what a key does to it: Left/Right
 * and Tab change the month (round the programme's reporting months),
 * Up/Down and PgUp/PgDn scroll the units. The screen has one mode, so it
 * holds none. Each key returns an mr_result (handled, refused with a
 * message, close). It never draws, never reads the terminal's size (the
 * lines come to bfm_arrange) and never writes the status line:
 * briefing_screen.c draws it; tests/unit/test_briefing_model.c drives it
 * with no terminal.
 */
#ifndef KP_BRIEFING_MODEL_H
#define KP_BRIEFING_MODEL_H
#include <stdbool.h>

#include "domain/briefing.h"
#include "ui/keymap.h"
#include "ui/model_result.h"
#include "ui/scrollwin.h"

/* A figure's cell on screen: 207[190] fits, a wider figure[records] is
 * shown as 207* with the records' figure on the detail line. */
#define BFM_NUM_W 8

typedef struct {
	kp_env *env;
} bfm_ctx;

typedef struct {
	kp_briefing b;
	int month, nmonths; /* index of the reporting month shown, of how many */
	bool due;           /* the month's deadline has come (today, at load) */
	char *missing;      /* 「未报送的单位：…」 and the [records] too wide for
			     * their cell, 「*魏都区 参与人数 [19090]」 (made per load) */
	size_t top;         /* the first unit shown: Up/Down scroll the table */
	scrollwin win;      /* the units on the page (bfm_arrange) */
	char more[128];     /* the units above or below it, else "" */
	bool mark_line;     /* bfm_fit: the mark has its line, above 合计 */
	int saved_w;        /* the 报送 column's cells (bfm_saved_room; 0: no limit) */
} briefing_model;

/* The month a briefing written today is about: last month, within the
 * reporting months. Refused (and nothing to show) when the schedule has
 * no reporting months. */
mr_result bfm_init(briefing_model *m, const bfm_ctx *c);
void bfm_free(briefing_model *m);
/* Read the month again (a screen above closed: reports may be new). */
mr_result bfm_load(briefing_model *m, const bfm_ctx *c);
/* The page has `lines` lines for the units. */
void bfm_arrange(briefing_model *m, int lines);
/* The page has `lines` lines for the units, 合计 under them and, when
 * units are hidden, the mark between (合计 covers every unit, so the mark
 * is above it, as on the ranking). */
void bfm_fit(briefing_model *m, int lines);
mr_result bfm_key(briefing_model *m, const bfm_ctx *c, kp_key key);
/* The 报送 column has w display cells: a report changed after its
 * deadline that does not fit, 「+08-01（8月10日修改）」, is shown 「+08-01*」
 * with the change on the detail line (missing), as a wide figure is. */
void bfm_saved_room(briefing_model *m, int w);
/* A unit's 报送 cell as it fits in that room: 「未到期」, 「!未报送」 or
 * the first save's month and day (+ on time, ~ late) with any change. */
void bfm_saved_cell(const briefing_model *m, const kp_briefing_row *r, char *out, size_t len);

#endif
