/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The record list of any form, drawn from its list_model (list_model.c
 * holds the paging, sorting, filtering, marks, deleting and moving): open,
 * new, the review and year prompts and the unit picker act on the model's
 * results; a y/n question of the model is the status line's. A
 * view (附表4) is the same list of one unit's records under the view's
 * columns, numbered 1… within the unit, read-only. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "form/validate.h"
#include "ui/columns.h"
#include "ui/draw.h"
#include "ui/list_model.h"
#include "ui/review_keys.h"
#include "ui/year_prompt.h"
#include "ui/unit_picker.h"
#include "ui/screens.h"
#include "ui/term.h"

#define ID_W 6
#define UNIT_W 16
#define STATE_W 6 /* 已提交 */
#define COL_GAP 1
#define MAX_COL_W 12

typedef struct {
	int field;
	const char *label;
	int width;  /* at least this wide, or not shown */
	int want;   /* as wide as its values may be: the spare width goes to it */
	int shown;  /* this frame's width (share_width), 0: not shown */
} list_column;

typedef struct {
	ui_screen base;
	list_model m;
	list_column *cols;
	int *fields;         /* the columns' fields, for the model */
	size_t ncols;
	unit_picker pick;    /* views: which unit; lists: the unit of a new record (the city) */
	char *unit_name;     /* views: the unit shown, chosen here (the city) */
	review_prompt review; /* F9 */
	year_prompt year;    /* F5: the record into another programme year */
} list_screen;

/* One header row; the last line says how many rows are above and below
 * the page (its own line, so no row's cells are covered). */
static int body_rows(void) { return app_body_height() - 2; }

static lm_ctx ctx_of(ui_app *app)
{
	return (lm_ctx){app->env->store, (size_t)(body_rows() > 0 ? body_rows() : 1), APP_IS_CITY(app),
			app->unit_id != 0, app->env};
}

/* A record field's 雷盼盼（长葛市科技局）. */
#define REF_COL_W 24

/* The width a column's values may take (column_width: what it gets at
 * least). */
static int column_want(const kp_field *fd)
{
	int w;
	switch (fd->type) {
	case FT_INTEGER: w = 4; break;
	case FT_PHONE: w = 13; break;
	case FT_DATE: w = 10; break;
	case FT_YEARMONTH: w = 7; break;
	case FT_EMAIL: w = 18; break;
	case FT_CHOICE: w = list_width(fd->choices); break;
	default: w = fd->max_chars * 2; break;
	}
	int lw = utf8_width(fd->label);
	if (w < lw)
		w = lw;
	if (fd->type == FT_RECORD) /* 姓名（工作单位）: a name alone says too little */
		return REF_COL_W;
	return w;
}

static int column_width(const kp_field *fd)
{
	int w = column_want(fd);
	return fd->type != FT_RECORD && w > MAX_COL_W ? MAX_COL_W : w;
}

/* The key columns and those from the scroll position on that fit are
 * shown (lm_place_columns); columns hidden at either side are marked in
 * the header (「<」 「>」: Left/Right bring them in). The width left at the
 * right goes, a cell at a time in turn, to those whose values are wider
 * (活动名称 is not cut at 12 cells while the row's end is empty). */
static void share_width(list_screen *ls, int x)
{
	int end = COLS - 1;
	int *shown = xcalloc(ls->ncols + 1, sizeof *shown), *want = xcalloc(ls->ncols + 1, sizeof *want);
	for (size_t c = 0; c < ls->ncols; c++)
		want[c] = ls->cols[c].width;
	int used = lm_place_columns(&ls->m, want, x, end, COL_GAP, shown);
	for (size_t c = 0; c < ls->ncols; c++)
		want[c] = shown[c] ? ls->cols[c].want : 0; /* a column not shown gets none */
	columns_share(shown, want, ls->ncols, end - used);
	for (size_t c = 0; c < ls->ncols; c++)
		ls->cols[c].shown = shown[c];
	free(shown);
	free(want);
}

/* A column title, with ^ or v when the list is sorted by it. The arrow is
 * never cut (「性>」): after a title as wide as its column it takes the gap;
 * a title cut to its column gives the arrow its last cell. */
static void draw_title(const list_screen *ls, int y, int x, int w, const char *label, int field,
		       attr_t a, bool gap_taken)
{
	const char *arrow = ls->m.view || ls->m.q.sort != field ? "" : ls->m.q.descending ? "v" : "^";
	int room = utf8_width(label) > w || (gap_taken && utf8_width(label) >= w) ? w - 1 : w;
	int used = draw_text(y, x, arrow[0] ? room : w, label, a, false);
	if (arrow[0])
		draw_text(y, x + used, 1, arrow, a, false);
}

/* Where the form's columns start: after 编号, 填报单位 (a list) and 状态
 * (a reviewed form), as draw_row draws them. */
static int fields_x(const list_screen *ls)
{
	return 1 + ID_W + COL_GAP + (ls->m.view ? 0 : UNIT_W + COL_GAP) + (ls->m.form->review ? STATE_W + COL_GAP : 0);
}

static void draw_row(const list_screen *ls, int y, const kp_record *r, size_t i, attr_t a)
{
	draw_fill(y, 0, COLS, a);
	if (r && lm_is_marked(&ls->m, r->id)) /* in the margin: marked for F9 */
		draw_text(y, 0, 1, "*", a | A_BOLD, false);
	char num[24];
	/* 编号 is the record's id; a view's 序号 its place in the unit. */
	snprintf(num, sizeof num, "%lld", !r ? 0LL : ls->m.view ? ls->m.first_rank + (long long)i + 1 : r->id);
	if (!r && ls->m.cols_right) /* in the header's margin: more columns are there */
		draw_text(y, COLS - 1, 1, ">", a | A_BOLD, false);
	int x = 1;
	if (r)
		draw_text(y, x, ID_W, num, a, false);
	else
		draw_title(ls, y, x, ID_W, msg(ls->m.view ? MSG_UI_COL_SEQ : MSG_UI_COL_ID), -1, a, false);
	x += ID_W + COL_GAP;
	if (!ls->m.view) {
		draw_text(y, x, UNIT_W, r ? r->unit_name : ls->m.form->unit_label, a, false);
		x += UNIT_W + COL_GAP;
	}
	if (ls->m.form->review) { /* 草稿, 已提交, 已认定, 退回 */
		draw_text(y, x, STATE_W, r ? state_label(state_of(r->state)) : msg(MSG_UI_COL_STATE), a, false);
		x += STATE_W + COL_GAP;
	}
	bool left = lm_cols_left(&ls->m);
	for (size_t c = 0; c < ls->ncols; c++) {
		const list_column *col = &ls->cols[c];
		if (c >= ls->m.frozen && c < ls->m.col_first) /* scrolled out at the left */
			continue;
		/* a view's last column, when it fits, takes the rest of the row */
		int w = c + 1 == ls->ncols && ls->m.view && col->shown ? COLS - 1 - x : col->shown;
		if (w <= 0 || x + w > COLS - 1) /* the same columns on every row */
			break;
		if (!r) {
			/* the gap after the key columns says columns are hidden there */
			draw_title(ls, y, x, w, col->label, col->field, a, left && c + 1 == ls->m.frozen);
			if (left && c + 1 == ls->m.frozen)
				draw_text(y, x + w, 1, "<", a | A_BOLD, false);
		} else {
			draw_text(y, x, w, lm_cell(&ls->m, i, c), a, false);
		}
		x += w + COL_GAP;
	}
}

static void list_draw(ui_screen *s, ui_app *app)
{
	list_screen *ls = (list_screen *)s;
	char title[256], right[256], help[256];
	bool filtered = ls->m.filter_text[0] != '\0';
	lm_ctx c = ctx_of(app);
	bool reason = review_prompt_active(&ls->review) && !ls->review.actions.open && !ls->review.confirming;
	if (!review_prompt_active(&ls->review) && !ls->pick.pop.open && !year_prompt_active(&ls->year))
		app_keys(app, lm_acts, &ls->m, &c); /* a popup's keys are the popup's, a prompt's its own */
	if (ls->m.view) {
		snprintf(title, sizeof title, "%s", ls->m.view->title);
		snprintf(right, sizeof right, msg(MSG_UI_VIEW_COUNT),
			 ls->unit_name ? ls->unit_name : msg(MSG_UI_UNIT_UNCHOSEN), ls->m.total);
		app_chrome(app, title, right, lm_view_hint(&ls->m, &c), ls->pick.pop.open ? CTX_POPUP : CTX_VIEW);
	} else {
		snprintf(title, sizeof title, msg(MSG_UI_LIST_TITLE), ls->m.form->title);
		if (filtered && ls->m.total > KP_COUNT_CAP)
			snprintf(right, sizeof right, msg(MSG_UI_LIST_FOUND_MANY), KP_COUNT_CAP);
		else
			snprintf(right, sizeof right, msg(filtered ? MSG_UI_LIST_FOUND : MSG_UI_LIST_COUNT),
				 ls->m.total);
		if (ls->m.nmarked)
			lm_marked_hint(&ls->m, &c, help, sizeof help);
		else if (filtered)
			snprintf(help, sizeof help, msg(ls->m.filter.sel ? MSG_UI_LIST_FILTER_NEW : MSG_UI_LIST_FILTER),
				 ls->m.filter_text);
		else if (ls->m.state >= 0)
			snprintf(help, sizeof help, msg(MSG_UI_LIST_STATE), state_label((kp_state)ls->m.state));
		app_chrome(app, title, right,
			   ls->m.nmarked || filtered || ls->m.state >= 0 ? help : msg(MSG_UI_LIST_HINT),
			   reason ? CTX_REASON
			   : ls->review.actions.open || ls->pick.pop.open || year_prompt_active(&ls->year) ? CTX_POPUP
			   : ls->m.mode != LM_BROWSE || ls->review.confirming ? CTX_CONFIRM /* y/n: what acts while asked */
			   : filtered ? CTX_LIST | CTX_FILTERED | lm_review_ctx(&ls->m, &c) /* Esc says it clears */
				      : CTX_LIST | lm_review_ctx(&ls->m, &c));
	}
	int y = app_body_top();
	share_width(ls, fields_x(ls));
	draw_row(ls, y, NULL, 0, theme_attr(R_SECTION) | A_UNDERLINE);
	if (ls->m.n == 0) {
		char none[256];
		lm_empty_text(&ls->m, &c, none, sizeof none);
		draw_text(y + 2, 2, COLS - 4, none, theme_attr(R_HELP), false);
	}
	for (size_t i = 0; i < ls->m.n; i++)
		draw_row(ls, y + 1 + (int)i, &ls->m.rows[i], i,
			 theme_attr(i == ls->m.sel ? R_SELECTED : R_NORMAL));
	char more[160];
	lm_more(&ls->m, more, sizeof more);
	draw_text(y + 1 + (body_rows() > 0 ? body_rows() : 1), 1, COLS - 2, more, theme_attr(R_HELP), false);
	if (ls->pick.pop.open)
		popup_draw(&ls->pick.pop, y + 1, y + 1, 20);
	review_prompt_draw(&ls->review, app, y + 2);
	year_prompt_draw(&ls->year, y + 2);
}

/* Show the roll of another unit: this screen's choice only. */
static void pick_unit(list_screen *ls, ui_app *app, kp_key key)
{
	pick_result r = picker_key(&ls->pick, key);
	if (r.kind == PICK_CHOSEN) {
		app_set_pick(app, r.id, r.name); /* offered first next time */
		free(ls->unit_name);
		ls->unit_name = xstrdup(r.name);
		lm_ctx c = ctx_of(app);
		lm_set_unit(&ls->m, &c, r.id);
	} else if (r.kind == PICK_NONE && !ls->m.q.unit_id) {
		ls->base.closing = true; /* no unit, nothing to show */
	}
}

/* A new record of the unit the city chose (the form reads it from the
 * app's pick, as from the menu). */
static void new_record(list_screen *ls, ui_app *app, kp_key key)
{
	pick_result r = picker_key(&ls->pick, key);
	if (r.kind != PICK_CHOSEN)
		return;
	app_set_pick(app, r.id, r.name);
	ls->base.open = (ui_open){SCR_FORM, ls->m.form, NULL, 0};
}

static void show(list_screen *ls, ui_app *app, const lm_result *r)
{
	if (r->text[0])
		app_status(app, r->error, "%s", r->text);
	list_model *m = &ls->m;
	switch (r->kind) {
	case LM_CLOSE:
		ls->base.closing = true;
		break;
	case LM_OPEN:
		ls->base.open = (ui_open){SCR_FORM, m->form, NULL, r->id};
		break;
	case LM_NEW:
		picker_open(&ls->pick, app->pick_id);
		break;
	case LM_PICK_UNIT:
		picker_open(&ls->pick, app->pick_id);
		break;
	case LM_YEAR: {
		char title[256];
		if (m->nmarked)
			snprintf(title, sizeof title, msg(MSG_UI_YEAR_MOVE_MANY), m->nmarked);
		else
			snprintf(title, sizeof title, msg(MSG_UI_YEAR_MOVE_TITLE), m->rows[m->sel].vals[0]);
		char why[256];
		if (!year_prompt_open(&ls->year, app->env->store, title, lm_move_from(m), why, sizeof why))
			app_status(app, true, "%s", why);
		break;
	}
	case LM_REVIEW: {
		mr_result rr = m->nmarked ? review_prompt_open_many(&ls->review, app->env->store, m->form, m->marked, m->nmarked)
					  : review_prompt_open(&ls->review, app->env->store, m->form, &m->rows[m->sel]);
		app_show_result(app, &ls->base, &rr);
		break;
	}
	case LM_HANDLED:
	case LM_REFUSED:
		break;
	}
}

/* A reason pasted without markers comes whole, to be taken or refused whole (term.h). */
static void list_arrange(ui_screen *s, ui_app *app)
{
	(void)app;
	if (((list_screen *)s)->review.asking_reason)
		term_rows_pasted();
}

static void list_key(ui_screen *s, ui_app *app, kp_key key)
{
	list_screen *ls = (list_screen *)s;
	lm_ctx c = ctx_of(app);
	if (ls->pick.pop.open) {
		if (ls->m.view)
			pick_unit(ls, app, key);
		else
			new_record(ls, app, key);
		return;
	}
	if (review_prompt_active(&ls->review)) {
		bool many = ls->review.nids > 0;
		mr_result rr = review_prompt_take(&ls->review, app, &ls->base, key);
		if (rr.kind == MR_SAVED || rr.kind == MR_REFUSED) {
			if (many) /* each was tried; the status says how it went */
				ls->m.nmarked = 0;
			lm_reload(&ls->m, &c);
		}
		return;
	}
	lm_mode was = ls->m.mode;
	lm_result r = {LM_HANDLED, false, "", 0};
	int to;
	if (year_prompt_active(&ls->year)) {
		if (year_prompt_key(&ls->year, key, &to))
			lm_ask_year(&ls->m, to);
	} else {
		r = lm_key(&ls->m, &c, key);
		show(ls, app, &r);
	}
	/* A question takes the whole status area (a two-line message before it
	 * leaves nothing above it); answered with nothing to say, it goes. */
	char q[sizeof app->status];
	lm_question(&ls->m, q, sizeof q);
	if (q[0])
		app_status(app, true, "%s", q);
	else if (was != LM_BROWSE && !r.text[0])
		app->status[0] = '\0';
}

static void list_resume(ui_screen *s, ui_app *app)
{
	lm_ctx c = ctx_of(app);
	lm_back(&((list_screen *)s)->m, &c);
}

/* A 退回 reason being typed: kept as a draft (review_prompt_persist). */
static void list_persist(ui_screen *s, ui_app *app, bool now)
{
	review_prompt_persist(&((list_screen *)s)->review, app->env, now);
}

static void list_destroy(ui_screen *s)
{
	list_screen *ls = (list_screen *)s;
	lm_free(&ls->m);
	review_prompt_free(&ls->review);
	year_prompt_free(&ls->year);
	free(ls->cols);
	free(ls->fields);
	picker_free(&ls->pick);
	free(ls->unit_name);
	free(ls);
}

static list_screen *new_list(ui_app *app, const kp_form *f, const kp_view *v)
{
	list_screen *ls = xcalloc(1, sizeof *ls);
	ls->base = (ui_screen){list_draw, list_key, list_resume, list_destroy, list_persist, false, {SCR_NONE, NULL, NULL, 0}, list_arrange};
	review_prompt_init(&ls->review);
	ls->cols = xcalloc(f->nfields + (v ? v->ncolumns : 0) + 1, sizeof *ls->cols);
	ls->fields = xcalloc(f->nfields + (v ? v->ncolumns : 0) + 1, sizeof *ls->fields);
	picker_init(&ls->pick, app->env->store);
	return ls;
}

/* The model over the columns chosen, from the first row. */
static void model_init(list_screen *ls, const kp_form *f, const kp_view *v)
{
	for (size_t k = 0; k < ls->ncols; k++)
		ls->fields[k] = ls->cols[k].field;
	lm_init(&ls->m, f, v, ls->fields, ls->ncols);
}

/* The model from the first row of unit's records (0: all the session sees). */
static void start(list_screen *ls, ui_app *app, const kp_form *f, const kp_view *v, long long unit)
{
	model_init(ls, f, v);
	lm_ctx c = ctx_of(app);
	lm_set_unit(&ls->m, &c, unit);
}

ui_screen *list_screen_new(ui_app *app, const kp_form *f, bool queue)
{
	list_screen *ls = new_list(app, f, NULL);
	for (size_t i = 0; i < f->nfields; i++)
		if (f->fields[i].type != FT_TEXTAREA)
			ls->cols[ls->ncols++] = (list_column){(int)i, f->fields[i].label,
							      column_width(&f->fields[i]), column_want(&f->fields[i]), 0};
	start(ls, app, f, NULL, 0); /* all the session may see (the store keeps a unit to its own) */
	if (queue) { /* the city's queue: what waits for its review */
		lm_ctx c = ctx_of(app);
		lm_set_state(&ls->m, &c, ST_SUBMITTED);
	}
	return &ls->base;
}

ui_screen *view_screen_new(ui_app *app, const kp_view *v)
{
	list_screen *ls = new_list(app, v->source, v);
	for (size_t c = 0; c < v->ncolumns; c++) {
		const kp_field *fd = &v->source->fields[v->columns[c].field];
		int w = column_width(fd), lw = utf8_width(v->columns[c].label);
		ls->cols[ls->ncols++] = (list_column){v->columns[c].field, v->columns[c].label,
						      w > lw ? w : lw, w > lw ? w : lw, 0};
	}
	ls->unit_name = app->unit_name ? xstrdup(app->unit_name) : NULL;
	if (!app->unit_id) { /* which unit's roll? ask first, showing no unit's rows meanwhile */
		model_init(ls, v->source, v);
		picker_open(&ls->pick, app->pick_id);
	} else {
		start(ls, app, v->source, v, app->unit_id); /* a unit session's own */
	}
	return &ls->base;
}
