/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The record list of any form: keyset paging (the same cost on every page),
 * sorting by any column, filtering as you type, open, new, delete with
 * confirmation. A view (附表4) is the same list of one unit's records under
 * the view's columns, numbered 1… within the unit, read-only. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/editbuf.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "form/validate.h"
#include "ui/draw.h"
#include "ui/review_prompt.h"
#include "ui/year_prompt.h"
#include "ui/unit_picker.h"
#include "ui/screens.h"

#define ID_W 6
#define UNIT_W 16
#define STATE_W 6 /* 已提交 */
#define COL_GAP 1
#define MAX_COL_W 12

typedef struct {
	int field;
	const char *label;
	int width;
} list_column;

typedef struct {
	ui_screen base;
	const kp_form *form;
	const kp_view *view; /* NULL for a form's own list */
	kp_store *store;     /* what record fields show is read from it */
	list_column *cols;
	size_t ncols;
	long long first_rank; /* views: records of the unit before the first row */
	unit_picker pick;    /* views: which unit; lists: the unit of a new record (the city) */
	char *unit_name;     /* views: the unit shown, chosen here (the city) */
	kp_query q;
	editbuf filter;
	char *filter_text; /* q.filter points here */
	kp_record *rows;
	size_t n, sel;
	long long total;
	bool confirm_delete;
	int state;           /* a reviewed form's state filter: -1 all, else a kp_state */
	review_prompt review; /* F9 */
	year_prompt year;    /* F5: the record into another programme year */
	long long *marked;   /* records marked with Space, for one F9 over them all */
	size_t nmarked;
} list_screen;

static int body_rows(void) { return app_body_height() - 1; /* one header row */ }

/* A row as a keyset anchor: its sort value and id. */
static kp_anchor anchor_of(const list_screen *ls, const kp_record *r)
{
	return (kp_anchor){ls->q.sort >= 0 ? r->vals[ls->q.sort] : NULL, r->id};
}

/* After new rows came: keep the selection on a row; a view numbers from
 * the first row's place in the unit. */
static void rows_changed(list_screen *ls, ui_app *app)
{
	if (ls->sel >= ls->n)
		ls->sel = ls->n ? ls->n - 1 : 0;
	if (ls->view && ls->n)
		ls->first_rank = store_query_rank(app->env->store, ls->form, &ls->q, ls->rows[0].id);
}

/* Replace the rows with up to a screenful after (or before) the anchor row,
 * or from the start (end) when it is NULL. */
static void load(list_screen *ls, ui_app *app, const kp_record *after, bool backward)
{
	kp_anchor a;
	if (after)
		a = anchor_of(ls, after);
	kp_record *rows;
	size_t n = store_query_page(app->env->store, ls->form, &ls->q, after ? &a : NULL, backward,
				    (size_t)body_rows(), &rows);
	records_free(ls->rows, ls->n);
	ls->rows = rows;
	ls->n = n;
	rows_changed(ls, app);
}

/* Is there a row before (or after) r in the list? */
static bool has_neighbour(list_screen *ls, ui_app *app, const kp_record *r, bool before)
{
	kp_anchor a = anchor_of(ls, r);
	kp_record *one;
	size_t n = store_query_page(app->env->store, ls->form, &ls->q, &a, before, 1, &one);
	records_free(one, n);
	return n > 0;
}

/* Start again from the first row (a new filter, a new order). */
static void restart(list_screen *ls, ui_app *app)
{
	records_free(ls->rows, ls->n);
	ls->sel = 0;
	ls->n = store_query_open(app->env->store, ls->form, &ls->q, (size_t)body_rows(), &ls->rows,
				 &ls->total);
	rows_changed(ls, app);
}

/* Reload in place after a change (a delete, an edit in the form): the page
 * that starts where this one started. */
static void reload(list_screen *ls, ui_app *app)
{
	ls->total = store_query_count(app->env->store, ls->form, &ls->q);
	if (!ls->n) {
		load(ls, app, NULL, false);
		return;
	}
	kp_anchor a = anchor_of(ls, &ls->rows[0]);
	kp_record *prev;
	size_t n = store_query_page(app->env->store, ls->form, &ls->q, &a, true, 1, &prev);
	load(ls, app, n ? &prev[0] : NULL, false);
	records_free(prev, n);
	if (ls->n == 0)
		load(ls, app, NULL, true); /* the page emptied: show the last one */
}

/* A record field's 雷盼盼（长葛市科技局）. */
#define REF_COL_W 24

static int column_width(const kp_field *fd)
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
	return w > MAX_COL_W ? MAX_COL_W : w;
}

/* A column title, with ^ or v when the list is sorted by it. */
static void draw_title(const list_screen *ls, int y, int x, int w, const char *label, int field,
		       attr_t a)
{
	char t[256];
	snprintf(t, sizeof t, "%s%s", label,
		 ls->view || ls->q.sort != field ? "" : ls->q.descending ? "v" : "^");
	draw_text(y, x, w, t, a, false);
}

static bool is_marked(const list_screen *ls, long long id)
{
	for (size_t i = 0; i < ls->nmarked; i++)
		if (ls->marked[i] == id)
			return true;
	return false;
}

static void toggle_mark(list_screen *ls, long long id)
{
	for (size_t i = 0; i < ls->nmarked; i++)
		if (ls->marked[i] == id) {
			ls->marked[i] = ls->marked[--ls->nmarked];
			return;
		}
	ls->marked = xrealloc(ls->marked, (ls->nmarked + 1) * sizeof *ls->marked);
	ls->marked[ls->nmarked++] = id;
}

static void draw_row(const list_screen *ls, int y, const kp_record *r, size_t i, attr_t a)
{
	draw_fill(y, 0, COLS, a);
	if (r && is_marked(ls, r->id)) /* in the margin: marked for F9 */
		draw_text(y, 0, 1, "*", a | A_BOLD, false);
	char num[24];
	/* 编号 is the record's id; a view's 序号 its place in the unit. */
	snprintf(num, sizeof num, "%lld", !r ? 0LL : ls->view ? ls->first_rank + (long long)i + 1 : r->id);
	int x = 1;
	if (r)
		draw_text(y, x, ID_W, num, a, false);
	else
		draw_title(ls, y, x, ID_W, msg(ls->view ? MSG_UI_COL_SEQ : MSG_UI_COL_ID), -1, a);
	x += ID_W + COL_GAP;
	if (!ls->view) {
		draw_text(y, x, UNIT_W, r ? r->unit_name : ls->form->unit_label, a, false);
		x += UNIT_W + COL_GAP;
	}
	if (ls->form->review) { /* 草稿, 已提交, 已认定, 退回 */
		draw_text(y, x, STATE_W, r ? state_label(state_of(r->state)) : msg(MSG_UI_COL_STATE), a, false);
		x += STATE_W + COL_GAP;
	}
	for (size_t c = 0; c < ls->ncols; c++) {
		const list_column *col = &ls->cols[c];
		const kp_field *fd = &ls->form->fields[col->field];
		int w = c + 1 == ls->ncols && ls->view ? COLS - 1 - x : col->width;
		if (w <= 0 || x + w > COLS - 1)
			break;
		if (!r) {
			draw_title(ls, y, x, w, col->label, col->field, a);
		} else {
			char *j = store_shown(ls->store, fd, r->vals[col->field]);
			draw_text(y, x, w, j, a, false);
			free(j);
		}
		x += w + COL_GAP;
	}
}

static void list_draw(ui_screen *s, ui_app *app)
{
	list_screen *ls = (list_screen *)s;
	char title[256], right[256], help[256];
	bool filtered = ls->filter_text[0] != '\0';
	if (ls->view) {
		snprintf(title, sizeof title, "%s", ls->view->title);
		snprintf(right, sizeof right, msg(MSG_UI_VIEW_COUNT), ls->unit_name ? ls->unit_name : "",
			 ls->total);
		app_chrome(app, title, right, msg(MSG_UI_VIEW_HINT), ls->pick.pop.open ? CTX_POPUP : CTX_VIEW);
	} else {
		snprintf(title, sizeof title, msg(MSG_UI_LIST_TITLE), ls->form->title);
		if (filtered && ls->total > KP_COUNT_CAP)
			snprintf(right, sizeof right, msg(MSG_UI_LIST_FOUND_MANY), KP_COUNT_CAP);
		else
			snprintf(right, sizeof right, msg(filtered ? MSG_UI_LIST_FOUND : MSG_UI_LIST_COUNT),
				 ls->total);
		if (ls->nmarked)
			snprintf(help, sizeof help, msg(MSG_UI_LIST_MARKED), ls->nmarked);
		else if (filtered)
			snprintf(help, sizeof help, msg(MSG_UI_LIST_FILTER), ls->filter_text);
		else if (ls->state >= 0)
			snprintf(help, sizeof help, msg(MSG_UI_LIST_STATE), state_label((kp_state)ls->state));
		app_chrome(app, title, right,
			   ls->nmarked || filtered || ls->state >= 0 ? help : msg(MSG_UI_LIST_HINT),
			   ls->review.actions.open || ls->pick.pop.open ? CTX_POPUP : CTX_LIST);
	}
	int y = app_body_top();
	draw_row(ls, y, NULL, 0, theme_attr(R_SECTION) | A_UNDERLINE);
	if (ls->n == 0 && filtered) {
		char none[256];
		snprintf(none, sizeof none, msg(MSG_UI_NO_MATCH), ls->filter_text);
		draw_text(y + 2, 2, COLS - 4, none, theme_attr(R_HELP), false);
	} else if (ls->n == 0) {
		draw_text(y + 2, 2, COLS - 4, msg(MSG_UI_NO_RECORDS), theme_attr(R_HELP), false);
	}
	for (size_t i = 0; i < ls->n; i++)
		draw_row(ls, y + 1 + (int)i, &ls->rows[i], i,
			 theme_attr(i == ls->sel ? R_SELECTED : R_NORMAL));
	if (ls->pick.pop.open)
		picker_draw(&ls->pick, y + 1, 20);
	review_prompt_draw(&ls->review, app, y + 2);
	year_prompt_draw(&ls->year, y + 2);
	if (ls->confirm_delete && ls->n) {
		const kp_record *r = &ls->rows[ls->sel];
		char q[512];
		snprintf(q, sizeof q, msg(MSG_UI_ASK_DELETE), r->vals[0]);
		draw_text(LINES - 2, 1, COLS - 2, q, theme_attr(R_ERROR), true);
	}
}

/* May this user change (or delete) the selected record? A reviewed one
 * only in a state its role may edit. */
static bool may_change(const list_screen *ls, ui_app *app)
{
	const kp_record *r = &ls->rows[ls->sel];
	if (ls->form->review && !review_editable(app->env->store, state_of(r->state))) {
		app_status(app, true, msg(MSG_UI_READ_ONLY), state_label(state_of(r->state)));
		return false;
	}
	return true;
}

static void delete_selected(list_screen *ls, ui_app *app)
{
	char *err = NULL;
	if (store_delete(app->env->store, ls->form, ls->rows[ls->sel].id, &err) == KP_OK)
		app_status(app, false, "%s", msg(MSG_UI_DELETED));
	else
		app_status(app, true, "%s", err);
	free(err);
	reload(ls, app);
}

static void open_form(list_screen *ls, ui_app *app, long long id)
{
	ui_screen *s = form_screen_new(app, ls->form, id);
	if (s)
		app_push(app, s);
}

static void move_down(list_screen *ls, ui_app *app)
{
	if (ls->sel + 1 < ls->n) {
		ls->sel++;
	} else if (ls->n == (size_t)body_rows() && has_neighbour(ls, app, &ls->rows[ls->n - 1], false)) {
		kp_record first = ls->rows[0];
		ls->rows[0] = (kp_record){0}; /* keep it alive while it anchors */
		load(ls, app, &first, false); /* scroll on by one row */
		record_free(&first);
		ls->sel = ls->n - 1;
	}
}

static void move_up(list_screen *ls, ui_app *app)
{
	if (ls->sel > 0) {
		ls->sel--;
	} else if (ls->n && has_neighbour(ls, app, &ls->rows[0], true)) {
		kp_record last = ls->rows[ls->n - 1];
		ls->rows[ls->n - 1] = (kp_record){0};
		load(ls, app, &last, true); /* scroll back by one row */
		record_free(&last);
		ls->sel = 0;
	}
}

static void page_down(list_screen *ls, ui_app *app)
{
	if (!ls->n || !has_neighbour(ls, app, &ls->rows[ls->n - 1], false))
		return; /* already on the last page */
	kp_record last = ls->rows[ls->n - 1];
	ls->rows[ls->n - 1] = (kp_record){0};
	load(ls, app, &last, false);
	record_free(&last);
	ls->sel = 0;
}

static void page_up(list_screen *ls, ui_app *app)
{
	if (ls->n) {
		kp_record first = ls->rows[0];
		ls->rows[0] = (kp_record){0};
		load(ls, app, &first, true);
		record_free(&first);
	}
	if (ls->n < (size_t)body_rows())
		load(ls, app, NULL, false); /* less than a page before: the first page */
	ls->sel = 0;
}

/* The next order: each column ascending, then descending, then the next. */
static void next_sort(list_screen *ls, ui_app *app)
{
	if (!ls->q.descending) {
		ls->q.descending = true;
	} else {
		ls->q.descending = false;
		do
			ls->q.sort++;
		while (ls->q.sort < (int)ls->form->nfields &&
		       ls->form->fields[ls->q.sort].type == FT_TEXTAREA);
		if (ls->q.sort >= (int)ls->form->nfields)
			ls->q.sort = -1;
	}
	restart(ls, app);
}

static void set_filter(list_screen *ls, ui_app *app)
{
	free(ls->filter_text);
	ls->filter_text = eb_text(&ls->filter);
	ls->q.filter = ls->filter_text;
	restart(ls, app);
}

/* Show the roll of another unit: this screen's choice only. */
static void pick_unit(list_screen *ls, ui_app *app, kp_key key)
{
	popup_result r = picker_key(&ls->pick, app, key);
	if (r == POPUP_ACCEPT) {
		ls->q.unit_id = app->pick_id;
		free(ls->unit_name);
		ls->unit_name = xstrdup(app->pick_name);
		restart(ls, app);
	} else if (r == POPUP_CANCEL && !ls->q.unit_id) {
		ls->base.closing = true; /* no unit, nothing to show */
	}
}

static void view_key(list_screen *ls, ui_app *app, kp_key key)
{
	if (ls->pick.pop.open) {
		pick_unit(ls, app, key);
		return;
	}
	switch (keymap_lookup(CTX_VIEW, key)) {
	case ACT_UP: move_up(ls, app); break;
	case ACT_DOWN: move_down(ls, app); break;
	case ACT_PAGE_DOWN: page_down(ls, app); break;
	case ACT_PAGE_UP: page_up(ls, app); break;
	case ACT_HOME: load(ls, app, NULL, false); ls->sel = 0; break;
	case ACT_END: load(ls, app, NULL, true); ls->sel = ls->n ? ls->n - 1 : 0; break;
	case ACT_ACCEPT:
		if (ls->n)
			open_form(ls, app, ls->rows[ls->sel].id);
		break;
	case ACT_UNIT:
		if (APP_IS_CITY(app))
			picker_open(&ls->pick, app);
		else
			app_status(app, true, "%s", msg(MSG_UI_OWN_UNIT_ONLY));
		break;
	case ACT_QUIT: ls->base.closing = true; break;
	default: break;
	}
}

static void list_key(ui_screen *s, ui_app *app, kp_key key)
{
	list_screen *ls = (list_screen *)s;
	if (ls->view) {
		view_key(ls, app, key);
		return;
	}
	if (ls->pick.pop.open) {
		if (picker_key(&ls->pick, app, key) == POPUP_ACCEPT)
			open_form(ls, app, 0);
		return;
	}
	if (review_prompt_active(&ls->review)) {
		bool many = ls->review.nids > 0;
		if (review_prompt_key(&ls->review, app, key)) {
			if (many) /* each was tried; the status says how it went */
				ls->nmarked = 0;
			reload(ls, app);
		}
		return;
	}
	if (year_prompt_active(&ls->year)) {
		if (year_prompt_key(&ls->year, app, key))
			reload(ls, app);
		return;
	}
	if (ls->confirm_delete) {
		kp_action a = keymap_lookup(CTX_CONFIRM, key);
		if (a == ACT_YES)
			delete_selected(ls, app);
		if (a == ACT_YES || a == ACT_NO)
			ls->confirm_delete = false;
		return;
	}
	switch (keymap_lookup(CTX_LIST, key)) {
	case ACT_UP: move_up(ls, app); break;
	case ACT_DOWN: move_down(ls, app); break;
	case ACT_PAGE_DOWN: page_down(ls, app); break;
	case ACT_PAGE_UP: page_up(ls, app); break;
	case ACT_HOME:
		load(ls, app, NULL, false);
		ls->sel = 0;
		break;
	case ACT_END:
		load(ls, app, NULL, true);
		ls->sel = ls->n ? ls->n - 1 : 0;
		break;
	case ACT_SORT: next_sort(ls, app); break;
	case ACT_BACKSPACE:
		if (eb_backspace(&ls->filter))
			set_filter(ls, app);
		break;
	case ACT_ACCEPT:
		if (ls->filter_text[0] == '#') /* #123: the record with that 编号 */
			open_form(ls, app, atoll(ls->filter_text + 1) > 0 ? atoll(ls->filter_text + 1) : -1);
		else if (ls->n)
			open_form(ls, app, ls->rows[ls->sel].id);
		break;
	case ACT_NEW: /* the city chooses the unit first, as from the menu */
		if (app->unit_id)
			open_form(ls, app, 0);
		else
			picker_open(&ls->pick, app);
		break;
	case ACT_DELETE_RECORD:
		if (ls->n && may_change(ls, app))
			ls->confirm_delete = true;
		break;
	case ACT_NEXT: /* Tab: the next state, then all */
		if (ls->form->review) {
			ls->state = ls->state + 1 < ST_COUNT ? ls->state + 1 : -1;
			ls->q.state = ls->state >= 0 ? state_code((kp_state)ls->state) : NULL;
			restart(ls, app);
		}
		break;
	case ACT_REVIEW:
		if (ls->nmarked)
			review_prompt_open_many(&ls->review, app, ls->form, ls->marked, ls->nmarked);
		else if (ls->n)
			review_prompt_open(&ls->review, app, ls->form, &ls->rows[ls->sel]);
		break;
	case ACT_YEAR:
		if (ls->n)
			year_prompt_open(&ls->year, app, ls->form, &ls->rows[ls->sel]);
		break;
	case ACT_TOGGLE: /* Space marks a reviewed record; elsewhere it is filter text */
		if (ls->form->review && ls->n) {
			toggle_mark(ls, ls->rows[ls->sel].id);
			move_down(ls, app);
		} else if (!ls->form->review && eb_insert(&ls->filter, key.code)) {
			set_filter(ls, app);
		}
		break;
	case ACT_QUIT:
		if (ls->filter.len) { /* Esc clears the filter first */
			eb_clear(&ls->filter);
			set_filter(ls, app);
		} else {
			ls->base.closing = true;
		}
		break;
	default:
		if (!key.fn && key.code >= ' ' && key.code != 127 && eb_insert(&ls->filter, key.code))
			set_filter(ls, app);
		break;
	}
}

static void list_resume(ui_screen *s, ui_app *app)
{
	reload((list_screen *)s, app);
}

static void list_destroy(ui_screen *s)
{
	list_screen *ls = (list_screen *)s;
	records_free(ls->rows, ls->n);
	eb_free(&ls->filter);
	review_prompt_free(&ls->review);
	year_prompt_free(&ls->year);
	free(ls->marked);
	free(ls->filter_text);
	free(ls->cols);
	picker_free(&ls->pick);
	free(ls->unit_name);
	free(ls);
}

static list_screen *new_list(ui_app *app, const kp_form *f, const kp_view *v)
{
	list_screen *ls = xcalloc(1, sizeof *ls);
	ls->store = app->env->store;
	ls->base = (ui_screen){list_draw, list_key, list_resume, list_destroy, NULL, false};
	ls->form = f;
	ls->view = v;
	ls->q = (kp_query){-1, false, NULL, 0, NULL};
	ls->state = -1;
	eb_init(&ls->filter, 40, false);
	review_prompt_init(&ls->review);
	ls->filter_text = xstrdup("");
	ls->q.filter = ls->filter_text;
	ls->cols = xcalloc(f->nfields + (v ? v->ncolumns : 0) + 1, sizeof *ls->cols);
	picker_init(&ls->pick, app);
	return ls;
}

ui_screen *list_screen_new(ui_app *app, const kp_form *f)
{
	list_screen *ls = new_list(app, f, NULL);
	ls->q.unit_id = 0; /* all the session may see (the store keeps a unit to its own) */
	for (size_t i = 0; i < f->nfields; i++)
		if (f->fields[i].type != FT_TEXTAREA)
			ls->cols[ls->ncols++] = (list_column){(int)i, f->fields[i].label,
							      column_width(&f->fields[i])};
	restart(ls, app);
	return &ls->base;
}

ui_screen *view_screen_new(ui_app *app, const kp_view *v)
{
	list_screen *ls = new_list(app, v->source, v);
	for (size_t c = 0; c < v->ncolumns; c++) {
		const kp_field *fd = &v->source->fields[v->columns[c].field];
		int w = column_width(fd), lw = utf8_width(v->columns[c].label);
		ls->cols[ls->ncols++] = (list_column){v->columns[c].field, v->columns[c].label,
						      w > lw ? w : lw};
	}
	ls->q.unit_id = app->unit_id; /* a unit session's own; the city chooses */
	ls->unit_name = app->unit_name ? xstrdup(app->unit_name) : NULL;
	if (!ls->q.unit_id) /* which unit's roll? ask first, showing no unit's rows meanwhile */
		picker_open(&ls->pick, app);
	else
		restart(ls, app);
	return &ls->base;
}
