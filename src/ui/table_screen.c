/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The table of a per-unit form (附表1): one row per unit, the computed 合计
 * row under them, each cell edited in place and saved on Enter. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/editbuf.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/totals.h"
#include "form/validate.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define SEQ_W 4
#define UNIT_W 18
#define GAP 2

typedef struct {
	ui_screen base;
	const kp_form *form;
	kp_record *rows;
	size_t n, cap;
	kp_totals totals;
	size_t row, col; /* the cell under the cursor: record and field */
	bool editing;
	editbuf cell;
	int top;
} table_screen;

static int collect(const kp_record *r, void *ctx)
{
	table_screen *ts = ctx;
	if (ts->n == ts->cap)
		ts->rows = xrealloc(ts->rows, (ts->cap = ts->cap ? ts->cap * 2 : 32) * sizeof *ts->rows);
	kp_record *c = &ts->rows[ts->n++];
	record_init(c, r->nvals);
	c->id = r->id;
	c->unit_id = r->unit_id;
	c->version = r->version;
	c->unit_seq = r->unit_seq;
	c->unit_name = xstrdup(r->unit_name);
	for (size_t i = 0; i < r->nvals; i++)
		record_set(c, i, r->vals[i]);
	totals_add(&ts->totals, ts->form, c);
	return 0;
}

static void load(table_screen *ts, ui_app *app)
{
	records_free(ts->rows, ts->n);
	ts->rows = NULL;
	ts->n = ts->cap = 0;
	totals_free(&ts->totals);
	totals_init(&ts->totals, ts->form);
	char *err = NULL;
	/* A unit user sees its own row only. */
	if (store_each(app->env->store, ts->form, APP_SCOPE(app), NULL, collect, ts, &err) != KP_OK) {
		app_status(app, true, "%s", err);
		free(err);
	}
	if (ts->row >= ts->n)
		ts->row = ts->n ? ts->n - 1 : 0;
}

static int col_width(const kp_field *fd)
{
	int w = utf8_width(fd->label);
	return w < 8 ? 8 : w;
}

static void draw_cells(table_screen *ts, ui_app *app, int y, const kp_record *r, bool header)
{
	const kp_form *f = ts->form;
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
		bool cursor = r && r == &ts->rows[ts->row] && i == ts->col;
		attr_t a = cursor ? theme_attr(R_FOCUS) : base;
		if (header) {
			draw_text(y, x, w, fd->label, a, true);
		} else if (cursor && ts->editing) {
			int cx = eb_view(&ts->cell, w);
			draw_cps(y, x, w, ts->cell.cp + ts->cell.hscroll, ts->cell.len - ts->cell.hscroll,
				 ts->cell.sel ? theme_attr(R_SELECTED) : a, true);
			app->cursor_y = y;
			app->cursor_x = x + cx;
		} else {
			char *v = r ? xstrdup(r->vals[i]) : totals_text(&ts->totals, f, i);
			draw_fill(y, x, w, a);
			draw_text(y, x + w - utf8_width(v), utf8_width(v), v, a, false); /* numbers right */
			free(v);
		}
		x += w + GAP;
	}
}

static void table_draw(ui_screen *s, ui_app *app)
{
	table_screen *ts = (table_screen *)s;
	char right[64];
	snprintf(right, sizeof right, msg(MSG_UI_TABLE_COUNT), (int)ts->n);
	const kp_field *fd = &ts->form->fields[ts->col];
	app_chrome(app, ts->form->title, right, fd->help ? fd->help : msg(MSG_UI_TABLE_HINT),
		   ts->editing ? CTX_CELL : CTX_TABLE);
	int y = app_body_top();
	draw_cells(ts, app, y, NULL, true);
	int rows = app_body_height() - 2 - (ts->form->total_row ? 1 : 0);
	ts->top = app_scroll(ts->row, ts->top, rows);
	for (int k = 0; k < rows && ts->top + k < (int)ts->n; k++)
		draw_cells(ts, app, y + 1 + k, &ts->rows[ts->top + k], false);
	if (ts->form->total_row)
		draw_cells(ts, app, y + 1 + (rows < (int)ts->n ? rows : (int)ts->n), NULL, false);
}

/* Validate and store the cell being edited; stay in it when refused. */
static void commit(table_screen *ts, ui_app *app)
{
	kp_record *r = &ts->rows[ts->row];
	const kp_field *fd = &ts->form->fields[ts->col];
	char *raw = eb_text(&ts->cell), *out, *why;
	if (!field_validate(&app->env->cat, fd, raw, &out, &why)) {
		char *m = field_message(fd, why);
		app_status(app, true, "%s", m);
		free(m);
		free(why);
		free(raw);
		return;
	}
	free(raw);
	char *old = xstrdup(r->vals[ts->col]);
	record_set(r, ts->col, out);
	char *err = NULL;
	int rc = store_update(app->env->store, ts->form, r, &err);
	if (rc == KP_OK) {
		app_status(app, false, msg(MSG_UI_CELL_SAVED), r->unit_name, fd->label, out);
		ts->editing = false;
		if (ts->row + 1 < ts->n)
			ts->row++;
	} else {
		record_set(r, ts->col, old);
		app_status(app, true, "%s", err);
		if (rc == KP_ECONFLICT) { /* someone else saved first: show theirs */
			ts->editing = false;
			load(ts, app);
			return;
		}
	}
	free(err);
	free(old);
	free(out);
	load(ts, app); /* the 合计 row follows */
}

static void start_edit(table_screen *ts, const char *initial)
{
	eb_clear(&ts->cell);
	ts->cell.max_chars = (size_t)ts->form->fields[ts->col].max_chars;
	eb_set(&ts->cell, initial);
	ts->editing = true;
}

static void cell_key(table_screen *ts, ui_app *app, kp_key key)
{
	switch (keymap_lookup(CTX_CELL, key)) {
	case ACT_ACCEPT: commit(ts, app); return;
	case ACT_QUIT: ts->editing = false; return;
	case ACT_LEFT: eb_left(&ts->cell); return;
	case ACT_RIGHT: eb_right(&ts->cell); return;
	case ACT_HOME: eb_home(&ts->cell); return;
	case ACT_END: eb_end(&ts->cell); return;
	case ACT_BACKSPACE: eb_backspace(&ts->cell); return;
	case ACT_DELETE: eb_delete(&ts->cell); return;
	case ACT_KILL: eb_kill_to_end(&ts->cell); return;
	default: break;
	}
	if (!key.fn && key.code >= ' ' && key.code != 127)
		eb_insert(&ts->cell, key.code);
}

static void table_key(ui_screen *s, ui_app *app, kp_key key)
{
	table_screen *ts = (table_screen *)s;
	if (ts->editing) {
		cell_key(ts, app, key);
		return;
	}
	if (!ts->n) {
		if (keymap_lookup(CTX_TABLE, key) == ACT_QUIT)
			ts->base.closing = true;
		return;
	}
	size_t nf = ts->form->nfields;
	switch (keymap_lookup(CTX_TABLE, key)) {
	case ACT_UP: if (ts->row) ts->row--; return;
	case ACT_DOWN: if (ts->row + 1 < ts->n) ts->row++; return;
	case ACT_LEFT: ts->col = (ts->col + nf - 1) % nf; return;
	case ACT_RIGHT: ts->col = (ts->col + 1) % nf; return;
	case ACT_HOME: ts->row = 0; return;
	case ACT_END: ts->row = ts->n - 1; return;
	case ACT_QUIT: ts->base.closing = true; return;
	default: break;
	}
	bool edits = keymap_lookup(CTX_TABLE, key) == ACT_ACCEPT || (!key.fn && key.code > ' ' && key.code != 127);
	if (edits && !store_may_write_form(app->env->store, ts->form)) { /* written_by: city */
		app_status(app, true, "%s", msg(MSG_UI_QUOTA_CITY));
		return;
	}
	if (keymap_lookup(CTX_TABLE, key) == ACT_ACCEPT) { /* selected: typing replaces, arrows edit */
		start_edit(ts, ts->rows[ts->row].vals[ts->col]);
		eb_select_all(&ts->cell);
		return;
	}
	if (edits) { /* typing replaces the value */
		start_edit(ts, "");
		eb_insert(&ts->cell, key.code);
	}
}

static void table_destroy(ui_screen *s)
{
	table_screen *ts = (table_screen *)s;
	records_free(ts->rows, ts->n);
	totals_free(&ts->totals);
	eb_free(&ts->cell);
	free(ts);
}

ui_screen *table_screen_new(ui_app *app, const kp_form *f)
{
	table_screen *ts = xcalloc(1, sizeof *ts);
	ts->base = (ui_screen){table_draw, table_key, NULL, table_destroy, NULL, false};
	ts->form = f;
	eb_init(&ts->cell, 0, false);
	totals_init(&ts->totals, f);
	load(ts, app);
	return &ts->base;
}
