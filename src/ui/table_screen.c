/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The table of a per-unit form (附表1): one row per unit, the computed 合计
 * row under them, each cell edited in place and saved on Enter. What the
 * table is and what a key does is table_model.c; this draws it and shows
 * each key's result. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/table_model.h"
#include "ui/term.h"

#define SEQ_W 4
#define UNIT_W 18
#define GAP 2

typedef struct {
	ui_screen base;
	table_model m;
	eb_line cell;   /* the cell edited laid out, right-aligned as numbers are (arranged for this frame) */
} table_screen;

static tbm_ctx ctx_of(ui_app *app)
{
	return (tbm_ctx){app->env, APP_SCOPE(app)};
}

static int col_width(const kp_field *fd)
{
	int w = utf8_width(fd->label);
	return w < 8 ? 8 : w;
}

static void draw_cells(table_screen *ts, ui_app *app, int y, const kp_record *r, bool header)
{
	const table_model *m = &ts->m;
	const kp_form *f = m->form;
	attr_t base = header ? theme_attr(R_SECTION) | A_UNDERLINE
		    : r ? theme_attr(R_NORMAL) : theme_attr(R_SECTION);
	draw_fill(y, 0, COLS, base);
	char seq[16] = "";
	if (r)
		snprintf(seq, sizeof seq, "%d", r->unit_seq);
	draw_text(y, 1, SEQ_W, header ? msg(MSG_UI_COL_SEQ) : seq, base, false);
	draw_text(y, 1 + SEQ_W + GAP, UNIT_W,
		  header ? f->unit_label : r ? r->unit_name : f->total_row, base, false);
	int x = 1 + SEQ_W + GAP + UNIT_W + GAP;
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		int w = col_width(fd);
		if (x + w > COLS - 1)
			break;
		bool cursor = r && r == &m->rows[m->row] && i == m->col;
		attr_t a = cursor ? theme_attr(R_FOCUS) : base;
		if (header) {
			draw_text(y, x, w, fd->label, a, true);
		} else if (cursor && m->mode == TBM_EDIT) {
			draw_edit(y, x, w, &m->cell, ts->cell, m->cell.sel ? theme_attr(R_SELECTED) : a);
			app->cursor_y = y;
			app->cursor_x = x + ts->cell.cursor;
		} else {
			const char *v = r ? r->vals[i] : m->total[i];
			draw_fill(y, x, w, a);
			draw_text(y, x + w - utf8_width(v), utf8_width(v), v, a, false); /* numbers right */
		}
		x += w + GAP;
	}
}

/* Before each frame: the rows that fit under the header, and the edited
 * cell's scroll, so drawing changes nothing. */
static void table_arrange(ui_screen *s, ui_app *app)
{
	(void)app;
	table_screen *ts = (table_screen *)s;
	tbm_arrange(&ts->m, app_body_height() - 1);
	if (ts->m.mode == TBM_EDIT)
		ts->cell = eb_lay(&ts->m.cell, col_width(&ts->m.form->fields[ts->m.col]), true);
}

static void table_draw(ui_screen *s, ui_app *app)
{
	table_screen *ts = (table_screen *)s;
	const table_model *m = &ts->m;
	char right[64];
	snprintf(right, sizeof right, msg(MSG_UI_TABLE_COUNT), (int)m->n);
	const kp_field *fd = &m->form->fields[m->col];
	/* a session that may not change the table is not offered to */
	const char *help = !m->may_write ? msg(MSG_UI_TABLE_READ_HINT) : fd->help ? fd->help : msg(MSG_UI_TABLE_HINT);
	app_chrome(app, m->form->title, right, help,
		   m->mode == TBM_EDIT ? CTX_CELL : m->may_write ? CTX_TABLE : CTX_TABLE_READ);
	int y = app_body_top();
	draw_cells(ts, app, y++, NULL, true);
	for (size_t k = 0; k < m->win.shown; k++)
		draw_cells(ts, app, y++, &m->rows[m->win.top + k], false);
	if (m->win.mark)
		draw_text(y++, 1, COLS - 2, m->more, theme_attr(R_HELP), true);
	if (m->form->total_row)
		draw_cells(ts, app, y, NULL, false);
}

static void table_key(ui_screen *s, ui_app *app, kp_key key)
{
	table_screen *ts = (table_screen *)s;
	tbm_ctx c = ctx_of(app);
	mr_result r;
	if (key.fn && key.code == TERM_KEY_PASTE) {
		const char *why = term_paste_refusal();
		r = why ? mr_say(MR_REFUSED, "%s", why) : tbm_paste(&ts->m, term_paste_text());
	} else {
		r = tbm_key(&ts->m, &c, key);
	}
	app_show_result(app, &ts->base, &r);
}

static void table_destroy(ui_screen *s)
{
	table_screen *ts = (table_screen *)s;
	tbm_free(&ts->m);
	free(ts);
}

ui_screen *table_screen_new(ui_app *app, const kp_form *f)
{
	table_screen *ts = xcalloc(1, sizeof *ts);
	ts->base = (ui_screen){table_draw, table_key, NULL, table_destroy, NULL, false,
			       {SCR_NONE, NULL, NULL, 0}, table_arrange};
	tbm_ctx c = ctx_of(app);
	mr_result r = tbm_init(&ts->m, &c, f);
	app_show_result(app, &ts->base, &r);
	return &ts->base;
}
