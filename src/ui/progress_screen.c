/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Section 六: each unit's done against its 附表1 quotas, the completion
 * score with a bar, ranked (Tab: in 序号 order), the 合计 line and the
 * formula the score follows. What the screen is and what a key does is
 * progress_model.c; this draws it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/progress_model.h"
#include "ui/screens.h"

#define RANK_W 6 /* 并列19 */
#define UNIT_W 16
#define SCORE_W 7
#define MAX_COLS 8

typedef struct {
	ui_screen base;
	progress_model m;
	int extra; /* body rows the detail takes beyond one line (arranged for this frame) */
	int note_h; /* rows the 免 note takes, wrapped (arranged for this frame) */
} progress_screen;

static pgm_ctx ctx_of(ui_app *app)
{
	return (pgm_ctx){app->env, APP_SCOPE(app)};
}

static int col_w(const progress_screen *ps, size_t k)
{
	int w = utf8_width(ps->m.p.labels[k]);
	return w < 8 ? 8 : w;
}

static void draw_row(progress_screen *ps, int y, const kp_progress_row *r, bool header, bool sel)
{
	const kp_progress *p = &ps->m.p;
	attr_t a = header ? theme_attr(R_SECTION) | A_UNDERLINE
		 : sel ? theme_attr(R_SELECTED) : r == &p->total ? theme_attr(R_SECTION)
		 : theme_attr(R_NORMAL);
	draw_fill(y, 0, COLS, a);
	char *rank = !header && r != &p->total ? progress_rank_text(r) : xstrdup("");
	draw_text(y, 1, RANK_W, header ? msg(MSG_R_COL_RANK) : rank, a, false);
	free(rank);
	draw_text(y, 2 + RANK_W, UNIT_W, header ? msg(MSG_P_COL_UNIT) : r->name, a, false);
	int x = 3 + RANK_W + UNIT_W;
	for (size_t k = 0; k < p->ncols && k < MAX_COLS; k++) {
		int w = col_w(ps, k);
		if (header)
			draw_text(y, x, w, p->labels[k], a, false);
		else {
			char *c = progress_cell_text(r, k);
			draw_text(y, x, w, c, a, false);
			free(c);
		}
		x += w + 1;
	}
	if (header) {
		draw_text(y, x, COLS - x - 1, msg(MSG_P_SCORE), a, false);
		return;
	}
	char *score = progress_score_text(r);
	int sw = utf8_width(score); /* right-aligned as 「  3.3%」 is: 「    免」 */
	draw_text(y, x + (sw < SCORE_W - 1 ? SCORE_W - 1 - sw : 0), SCORE_W, score, a, false);
	free(score);
	int bar = COLS - x - SCORE_W - 2;
	if (bar >= 4 && !r->exempt) /* no bar for a score it has not */
		draw_bar(y, x + SCORE_W, bar, r->score, sel ? a : theme_attr(R_BAR),
			 sel ? a : theme_attr(R_HELP));
}

/* Before each frame: the room the detail takes (app_chrome uses it next)
 * and the rows it leaves for the units (header, 合计, the formula and its
 * note have their own lines). */
static void progress_arrange(ui_screen *s, ui_app *app)
{
	progress_screen *ps = (progress_screen *)s;
	ps->extra = app_detail_room(app, ps->m.detail, 2);
	ps->note_h = ps->m.p.exempt_note ? wrapped_height(COLS - 2, ps->m.p.exempt_note) : 0;
	pgm_arrange(&ps->m, app_body_height() - ps->extra - 4 - ps->note_h);
}

static void progress_draw(ui_screen *s, ui_app *app)
{
	progress_screen *ps = (progress_screen *)s;
	const progress_model *m = &ps->m;
	app_chrome(app, msg(m->order == PGM_BY_SEQ ? MSG_UI_PROGRESS_SEQ : MSG_UI_PROGRESS_TITLE), NULL,
		   m->detail, CTX_REPORT);
	int y = app_body_top(), h = app_body_height() - ps->extra;
	draw_row(ps, y, NULL, true, false);
	int k = 1;
	for (size_t i = 0; i < m->win.shown; i++, k++)
		draw_row(ps, y + k, m->rows[m->win.top + i], false, m->win.top + i == m->sel);
	if (m->win.mark) /* units are hidden: how many, and 合计 still under them */
		draw_text(y + k++, 1, COLS - 2, m->more, theme_attr(R_HELP), true);
	if (m->total)
		draw_row(ps, y + k, &m->p.total, false, false);
	if (m->p.exempt_note) { /* how a 免 column scores, why a 免 unit is unranked: whole */
		for (int i = 0; i < ps->note_h; i++)
			draw_fill(y + h - 2 - ps->note_h + i, 0, COLS, theme_attr(R_HELP));
		draw_wrapped(y + h - 2 - ps->note_h, 1, COLS - 2, ps->note_h, m->p.exempt_note, theme_attr(R_HELP));
	}
	draw_text(y + h - 2, 1, COLS - 2, m->p.formula, theme_attr(R_NORMAL), true);
	draw_text(y + h - 1, 1, COLS - 2, m->p.formula_note, theme_attr(R_HELP), true);
}

static void progress_key(ui_screen *s, ui_app *app, kp_key key)
{
	progress_screen *ps = (progress_screen *)s;
	pgm_ctx c = ctx_of(app);
	mr_result r = pgm_key(&ps->m, &c, key);
	app_show_result(app, &ps->base, &r);
}

static void progress_resume(ui_screen *s, ui_app *app)
{
	progress_screen *ps = (progress_screen *)s;
	pgm_ctx c = ctx_of(app);
	mr_result r = pgm_load(&ps->m, &c);
	app_show_result(app, &ps->base, &r);
}

static void progress_destroy(ui_screen *s)
{
	progress_screen *ps = (progress_screen *)s;
	pgm_free(&ps->m);
	free(ps);
}

ui_screen *progress_screen_new(ui_app *app)
{
	progress_screen *ps = xcalloc(1, sizeof *ps);
	ps->base = (ui_screen){progress_draw, progress_key, progress_resume, progress_destroy, NULL,
			       false, {SCR_NONE, NULL, NULL, 0}, progress_arrange};
	pgm_ctx c = ctx_of(app);
	mr_result r = pgm_init(&ps->m, &c);
	app_show_result(app, &ps->base, &r);
	return &ps->base;
}
