/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/menu.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/glance.h"
#include "ui/unit_picker.h"
#include "ui/screens.h"

typedef enum {
	ITEM_CHECKLIST, ITEM_PROGRESS, ITEM_BRIEFING, ITEM_FORM, ITEM_LIST, ITEM_TABLE, ITEM_RECORD,
	ITEM_VIEW, ITEM_EXPORT, ITEM_IMPORT, ITEM_FIND, ITEM_AUDIT, ITEM_ACCOUNTS, ITEM_PASSWORD, ITEM_ADVANCE, ITEM_QUIT
} item_kind;

typedef struct {
	item_kind kind;
	const kp_form *form;
	const kp_view *view;
	char hotkey; /* '2' for 附表2, 'u', 'q'; 0 for none */
} menu_item;

typedef struct {
	ui_screen base;
	menu_item *items;
	size_t n, sel;
	int top;                   /* first item shown */
	unit_picker pick;
	bool picked; /* a unit was just picked for the item being opened */
	const menu_item *after_pick; /* open this once a unit is chosen */
	glance at_a_glance;
} menu;

/* A per-unit form of numbers only (附表1) is edited as a table; one with
 * text (年度工作计划) as a form. */
static bool table_form(const kp_form *f)
{
	for (size_t i = 0; i < f->nfields; i++)
		if (f->fields[i].type != FT_INTEGER)
			return false;
	return true;
}

/* The user's own way of typing: full fields (a whole mobile number) move on
 * by themselves, or wait for Tab. Kept with the account. */
static void toggle_advance(ui_app *app)
{
	char *err = NULL;
	bool on = !app->account.auto_advance;
	if (store_user_set_auto_advance(app->env->store, app->account.name, on, &err) != KP_OK) {
		app_status(app, true, "%s", err);
		free(err);
		return;
	}
	app->account.auto_advance = on;
	app_status(app, false, "%s", msg(on ? MSG_UI_ADVANCE_NOW_ON : MSG_UI_ADVANCE_NOW_OFF));
}

static void push(ui_app *app, ui_screen *s)
{
	if (s)
		app_push(app, s);
}

/* A form that needs the unit the record belongs to: the city picks it
 * first, every time (the last choice offered first). */
static bool need_unit(menu *m, ui_app *app, const menu_item *it)
{
	if (app->unit_id || m->picked)
		return false;
	m->after_pick = it;
	picker_open(&m->pick, app);
	return true;
}

/* One key moves to the next programme year opened (after the newest: the
 * oldest); every screen opened then shows that year's. */
static void next_year(ui_app *app)
{
	kp_year *y;
	size_t n = store_years(app->env->store, &y);
	int now = store_year(app->env->store), to = n ? y[0].year : now;
	for (size_t i = 0; i < n; i++)
		if (y[i].year > now) {
			to = y[i].year;
			break;
		}
	years_free(y, n);
	char *err = NULL;
	if (to == now)
		app_status(app, false, msg(MSG_Y_ONLY_ONE), now);
	else if (env_use_year(app->env, to, &err) != 0)
		app_status(app, true, "%s", err);
	else
		app_status(app, false, msg(MSG_Y_SWITCHED), to);
	free(err);
}

static void activate(menu *m, ui_app *app, const menu_item *it)
{
	app->status[0] = '\0';
	switch (it->kind) {
	case ITEM_CHECKLIST:
		push(app, checklist_screen_new(app));
		break;
	case ITEM_PROGRESS:
		push(app, progress_screen_new(app));
		break;
	case ITEM_BRIEFING:
		push(app, briefing_screen_new(app));
		break;
	case ITEM_FORM:
		if (!need_unit(m, app, it))
			push(app, form_screen_new(app, it->form, 0));
		break;
	case ITEM_RECORD: /* the unit's one record (年度工作计划), new or stored */
		if (!need_unit(m, app, it))
			push(app, form_screen_new(app, it->form,
						  store_unit_record(app->env->store, it->form, app_entry_unit(app))));
		break;
	case ITEM_LIST:
		app_push(app, list_screen_new(app, it->form));
		break;
	case ITEM_TABLE:
		app_push(app, table_screen_new(app, it->form));
		break;
	case ITEM_VIEW:
		app_push(app, view_screen_new(app, it->view));
		break;
	case ITEM_EXPORT:
	case ITEM_IMPORT:
		push(app, transfer_screen_new(app, it->kind == ITEM_IMPORT));
		break;
	case ITEM_FIND:
		push(app, find_screen_new(app));
		break;
	case ITEM_AUDIT:
		push(app, audit_screen_new(app));
		break;
	case ITEM_ACCOUNTS:
		push(app, accounts_screen_new(app));
		break;
	case ITEM_PASSWORD:
		push(app, login_screen_new(app, true));
		break;
	case ITEM_ADVANCE:
		toggle_advance(app);
		break;
	case ITEM_QUIT:
		app->quit = true;
		break;
	}
}

static void item_text(ui_app *app, const menu_item *it, char *buf, size_t len)
{
	switch (it->kind) {
	case ITEM_CHECKLIST:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_CHECKLIST));
		break;
	case ITEM_PROGRESS:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_PROGRESS));
		break;
	case ITEM_BRIEFING:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_BRIEFING));
		break;
	case ITEM_RECORD:
		snprintf(buf, len, msg(MSG_UI_MENU_RECORD), it->form->title);
		break;
	case ITEM_FORM:
		snprintf(buf, len, msg(MSG_UI_MENU_FORM), it->form->title);
		break;
	case ITEM_LIST:
		snprintf(buf, len, msg(MSG_UI_MENU_LIST), it->form->title);
		break;
	case ITEM_TABLE:
		snprintf(buf, len, msg(MSG_UI_MENU_TABLE), it->form->title);
		break;
	case ITEM_VIEW:
		snprintf(buf, len, msg(MSG_UI_MENU_VIEW), it->view->title);
		break;
	case ITEM_EXPORT:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_EXPORT));
		break;
	case ITEM_IMPORT:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_IMPORT));
		break;
	case ITEM_FIND:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_FIND));
		break;
	case ITEM_AUDIT:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_AUDIT));
		break;
	case ITEM_ACCOUNTS:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_ACCOUNTS));
		break;
	case ITEM_PASSWORD:
		snprintf(buf, len, msg(MSG_UI_MENU_PASSWORD), app->account.name);
		break;
	case ITEM_ADVANCE:
		snprintf(buf, len, "%s", msg(app->account.auto_advance ? MSG_UI_MENU_ADVANCE_ON : MSG_UI_MENU_ADVANCE_OFF));
		break;
	case ITEM_QUIT:
		snprintf(buf, len, "%s", msg(MSG_UI_MENU_QUIT));
		break;
	}
}

static void menu_draw(ui_screen *s, ui_app *app)
{
	menu *m = (menu *)s;
	/* The programme year is at the title line's right edge (app_chrome);
	 * y moves it. */
	char unit[160];
	if (app->unit_name)
		snprintf(unit, sizeof unit, msg(MSG_UI_UNIT_LINE), app->unit_name);
	app_chrome(app, msg(MSG_UI_APP_TITLE), app->unit_name ? unit : NULL, msg(MSG_UI_MENU_HINT),
		   m->pick.pop.open ? CTX_POPUP : CTX_MENU);
	int y = app_body_top();
	y += glance_draw(&m->at_a_glance, app, y) + 1;
	draw_text(y++, 4, COLS - 8, msg(MSG_UI_MENU_TITLE), theme_attr(R_SECTION), false);
	int rows = app_body_top() + app_body_height() - y;
	m->top = app_scroll(m->sel, m->top, rows);
	for (size_t i = (size_t)m->top; i < m->n && y < app_body_top() + app_body_height(); i++, y++) {
		char text[256], key[8] = "   ";
		if (m->items[i].hotkey)
			snprintf(key, sizeof key, "[%c]", m->items[i].hotkey);
		item_text(app, &m->items[i], text, sizeof text);
		attr_t a = i == m->sel ? theme_attr(R_SELECTED) : theme_attr(R_NORMAL);
		draw_fill(y, 4, COLS - 8, a);
		draw_text(y, 5, 4, key, a, false);
		draw_text(y, 10, COLS - 15, text, a, false);
	}
	if (m->pick.pop.open)
		picker_draw(&m->pick, app_body_top() + 2, 20);
}

static void menu_key(ui_screen *s, ui_app *app, kp_key key)
{
	menu *m = (menu *)s;
	if (m->pick.pop.open) {
		popup_result r = picker_key(&m->pick, app, key);
		const menu_item *then = m->after_pick;
		if (r != POPUP_CONTINUE)
			m->after_pick = NULL;
		if (r == POPUP_ACCEPT && then) {
			m->picked = true; /* for this opening only */
			activate(m, app, then);
			m->picked = false;
		}
		return;
	}
	switch (keymap_lookup(CTX_MENU, key)) {
	case ACT_UP:
		m->sel = m->sel ? m->sel - 1 : m->n - 1;
		return;
	case ACT_DOWN:
		m->sel = (m->sel + 1) % m->n;
		return;
	case ACT_HOME:
		m->sel = 0;
		return;
	case ACT_END:
		m->sel = m->n - 1;
		return;
	case ACT_ACCEPT:
		activate(m, app, &m->items[m->sel]);
		return;
	case ACT_YEAR: /* the glance holds the old schedule's milestones: gone first */
		glance_free(&m->at_a_glance);
		next_year(app);
		glance_build(&m->at_a_glance, app);
		return;
	case ACT_QUIT:
		app->quit = true;
		return;
	default:
		break;
	}
	for (size_t i = 0; !key.fn && i < m->n; i++)
		if (m->items[i].hotkey && (uint32_t)m->items[i].hotkey == key.code) {
			m->sel = i;
			activate(m, app, &m->items[i]);
			return;
		}
}

static void menu_resume(ui_screen *s, ui_app *app)
{
	glance_build(&((menu *)s)->at_a_glance, app); /* what the screen above changed */
}

static void menu_destroy(ui_screen *s)
{
	menu *m = (menu *)s;
	glance_free(&m->at_a_glance);
	picker_free(&m->pick);
	free(m->items);
	free(m);
}

ui_screen *menu_new(ui_app *app)
{
	menu *m = xcalloc(1, sizeof *m);
	m->base = (ui_screen){menu_draw, menu_key, menu_resume, menu_destroy, NULL, false};
	const kp_catalog *cat = &app->env->cat;
	kp_entry *es;
	size_t ne = catalog_entries(cat, true, &es);
	bool city = APP_IS_CITY(app);
	/* Two per form at most, and the eleven fixed items below. */
	m->items = xcalloc(ne * 2 + 11, sizeof *m->items);
	m->items[m->n++] = (menu_item){ITEM_CHECKLIST, NULL, NULL, 'c'};
	m->items[m->n++] = (menu_item){ITEM_PROGRESS, NULL, NULL, 'p'};
	if (city && schedule_nmonths(&cat->schedule)) /* the briefing sums every unit */
		m->items[m->n++] = (menu_item){ITEM_BRIEFING, NULL, NULL, 'b'};
	for (size_t i = 0; i < ne; i++) {
		const kp_form *f = es[i].form;
		char key = es[i].attachment ? (char)('0' + es[i].attachment) : 0;
		if (f && cat->schedule.report_form && !strcmp(f->id, cat->schedule.report_form))
			key = 'm'; /* the monthly report: due every month */
		if (es[i].view)
			m->items[m->n++] = (menu_item){ITEM_VIEW, NULL, es[i].view, key};
		else if (f->per_unit && table_form(f)) /* one row of numbers per unit */
			m->items[m->n++] = (menu_item){ITEM_TABLE, f, NULL, key};
		else if (f->per_unit) /* one record per unit, written by the unit */
			m->items[m->n++] = (menu_item){ITEM_RECORD, f, NULL, key};
		else if (store_may_write_form(app->env->store, f)) {
			m->items[m->n++] = (menu_item){ITEM_FORM, f, NULL, key};
			m->items[m->n++] = (menu_item){ITEM_LIST, f, NULL, 0};
		} else { /* the city's (推荐名单): a unit reads its own rows, writes none */
			m->items[m->n++] = (menu_item){ITEM_LIST, f, NULL, key};
		}
	}
	free(es);
	m->items[m->n++] = (menu_item){ITEM_EXPORT, NULL, NULL, 'e'};
	m->items[m->n++] = (menu_item){ITEM_IMPORT, NULL, NULL, 'i'};
	if (catalog_search_form(cat))
		m->items[m->n++] = (menu_item){ITEM_FIND, NULL, NULL, 'f'};
	if (city) {
		m->items[m->n++] = (menu_item){ITEM_AUDIT, NULL, NULL, 'a'};
		m->items[m->n++] = (menu_item){ITEM_ACCOUNTS, NULL, NULL, 'z'}; /* 账号 */
	}
	m->items[m->n++] = (menu_item){ITEM_PASSWORD, NULL, NULL, 'w'};
	m->items[m->n++] = (menu_item){ITEM_ADVANCE, NULL, NULL, 0};
	m->items[m->n++] = (menu_item){ITEM_QUIT, NULL, NULL, 'q'};
	picker_init(&m->pick, app);
	glance_build(&m->at_a_glance, app);
	return &m->base;
}
