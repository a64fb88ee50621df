/* The record list of any form: keyset paging (the same cost on every page),
 * open, new, delete with confirmation. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "form/validate.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define ID_W 6
#define UNIT_W 14
#define COL_GAP 1
#define MAX_COL_W 12

typedef struct {
	ui_screen base;
	const kp_form *form;
	kp_record *rows;
	size_t n, sel;
	long long total;
	bool confirm_delete;
} list_screen;

static int body_rows(void) { return app_body_height() - 1; /* one header row */ }

/* Replace the rows with up to a screenful read by keyset: forward after
 * id `from`, or backward before it (0 = from the end). */
static void load(list_screen *ls, ui_app *app, long long from, bool backward)
{
	records_free(ls->rows, ls->n);
	ls->n = store_page(app->env->store, ls->form, from, backward, (size_t)body_rows(), &ls->rows);
	ls->total = store_count(app->env->store, ls->form);
	if (ls->sel >= ls->n)
		ls->sel = ls->n ? ls->n - 1 : 0;
}

/* The page whose first row is the record with this id (or the next one). */
static void page_from(list_screen *ls, ui_app *app, long long id)
{
	load(ls, app, id - 1, false);
}

/* The id of the record just before id, or 0. */
static long long id_before(ui_app *app, const kp_form *f, long long id)
{
	kp_record *r;
	size_t n = store_page(app->env->store, f, id, true, 1, &r);
	long long prev = n ? r[0].id : 0;
	records_free(r, n);
	return prev;
}

/* Reload in place after a change (a delete, an edit in the form). */
static void reload(list_screen *ls, ui_app *app)
{
	page_from(ls, app, ls->n ? ls->rows[0].id : 0);
	if (ls->n == 0)
		load(ls, app, 0, true); /* the page emptied: show the last one */
}

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
	return w > MAX_COL_W ? MAX_COL_W : w;
}

static void draw_row(const list_screen *ls, int y, const kp_record *r, attr_t a)
{
	draw_fill(y, 0, COLS, a);
	char id[24];
	snprintf(id, sizeof id, "%lld", r ? r->id : 0LL);
	int x = 1;
	draw_text(y, x, ID_W, r ? id : msg(MSG_UI_COL_ID), a, false);
	x += ID_W + COL_GAP;
	draw_text(y, x, UNIT_W, r ? r->unit_name : ls->form->unit_label, a, false);
	x += UNIT_W + COL_GAP;
	for (size_t i = 0; i < ls->form->nfields; i++) {
		const kp_field *fd = &ls->form->fields[i];
		if (fd->type == FT_TEXTAREA)
			continue;
		int w = column_width(fd);
		if (x + w > COLS - 1)
			break;
		if (!r) {
			draw_text(y, x, w, fd->label, a, false);
		} else if (fd->type == FT_MULTICHOICE) {
			char *j = multi_join(r->vals[i]);
			draw_text(y, x, w, j, a, false);
			free(j);
		} else {
			draw_text(y, x, w, r->vals[i], a, false);
		}
		x += w + COL_GAP;
	}
}

static void list_draw(ui_screen *s, ui_app *app)
{
	list_screen *ls = (list_screen *)s;
	char title[256], right[64];
	snprintf(title, sizeof title, msg(MSG_UI_LIST_TITLE), ls->form->title);
	snprintf(right, sizeof right, msg(MSG_UI_LIST_COUNT), ls->total);
	app_chrome(app, title, right, NULL, CTX_LIST);
	int y = app_body_top();
	draw_row(ls, y, NULL, theme_attr(R_SECTION) | A_UNDERLINE);
	if (ls->n == 0)
		draw_text(y + 2, 2, COLS - 4, msg(MSG_UI_NO_RECORDS), theme_attr(R_HELP), false);
	for (size_t i = 0; i < ls->n; i++)
		draw_row(ls, y + 1 + (int)i, &ls->rows[i],
			 theme_attr(i == ls->sel ? R_SELECTED : R_NORMAL));
	if (ls->confirm_delete && ls->n) {
		const kp_record *r = &ls->rows[ls->sel];
		char q[512];
		snprintf(q, sizeof q, msg(MSG_UI_ASK_DELETE), r->vals[0]);
		draw_text(LINES - 2, 1, COLS - 2, q, theme_attr(R_ERROR), true);
	}
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
	if (!id && !app->unit_id) {
		app_status(app, true, "%s", msg(MSG_UI_PICK_UNIT));
		return;
	}
	ui_screen *s = form_screen_new(app, ls->form, id);
	if (s)
		app_push(app, s);
}

static void move_down(list_screen *ls, ui_app *app)
{
	if (ls->sel + 1 < ls->n) {
		ls->sel++;
	} else if (ls->n == (size_t)body_rows() && id_before(app, ls->form, 0) > ls->rows[ls->sel].id) {
		page_from(ls, app, ls->rows[1].id); /* scroll on by one row */
		ls->sel = ls->n - 1;
	}
}

static void move_up(list_screen *ls, ui_app *app)
{
	long long prev;
	if (ls->sel > 0) {
		ls->sel--;
	} else if (ls->n && (prev = id_before(app, ls->form, ls->rows[0].id))) {
		page_from(ls, app, prev); /* scroll back by one row */
		ls->sel = 0;
	}
}

static void page_down(list_screen *ls, ui_app *app)
{
	if (!ls->n || id_before(app, ls->form, 0) <= ls->rows[ls->n - 1].id)
		return; /* already on the last page */
	load(ls, app, ls->rows[ls->n - 1].id, false);
	ls->sel = 0;
}

static void page_up(list_screen *ls, ui_app *app)
{
	if (ls->n)
		load(ls, app, ls->rows[0].id, true);
	if (ls->n < (size_t)body_rows())
		load(ls, app, 0, false); /* less than a page before: the first page */
	ls->sel = 0;
}

static void list_key(ui_screen *s, ui_app *app, kp_key key)
{
	list_screen *ls = (list_screen *)s;
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
		load(ls, app, 0, false);
		ls->sel = 0;
		break;
	case ACT_END:
		load(ls, app, 0, true);
		ls->sel = ls->n ? ls->n - 1 : 0;
		break;
	case ACT_ACCEPT:
		if (ls->n)
			open_form(ls, app, ls->rows[ls->sel].id);
		break;
	case ACT_NEW:
		open_form(ls, app, 0);
		break;
	case ACT_DELETE_RECORD:
		if (ls->n)
			ls->confirm_delete = true;
		break;
	case ACT_QUIT:
		ls->base.closing = true;
		break;
	default:
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
	free(ls);
}

ui_screen *list_screen_new(ui_app *app, const kp_form *f)
{
	list_screen *ls = xcalloc(1, sizeof *ls);
	ls->base = (ui_screen){list_draw, list_key, list_resume, list_destroy, NULL, false};
	ls->form = f;
	load(ls, app, 0, false);
	return &ls->base;
}
