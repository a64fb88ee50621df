/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/menu.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "ui/draw.h"
#include "ui/glance.h"
#include "ui/menu_model.h"
#include "ui/unit_picker.h"

typedef struct {
	ui_screen base;
	menu_model m;
	unit_picker pick;
	glance at_a_glance;
	char *counts;  /* what waits, as laid out (menu_arrange); NULL: none */
	int counts_h;  /* its rows */
	int cols;      /* the width the counts were laid out for; 0: again */
} menu;

static mm_ctx ctx_of(ui_app *app)
{
	return (mm_ctx){app->env, APP_IS_CITY(app), app->unit_id, app_entry_unit(app), app->account.name,
			app->account.auto_advance};
}

#define COUNTS_LINES 2

/* Before each frame: the glance and the counts laid out (again only after
 * a change or a resize), so the menu's items get the rows they leave. */
static void menu_arrange(ui_screen *s, ui_app *app)
{
	menu *mn = (menu *)s;
	if (mn->cols != COLS) {
		free(mn->counts);
		mm_ctx c = ctx_of(app);
		mn->counts = mm_counts_text(&mn->m, &c);
		int h = mn->counts ? wrapped_height(COLS - 6, mn->counts) : 0;
		mn->counts_h = h < COUNTS_LINES ? h : COUNTS_LINES;
		mn->cols = COLS;
	}
	int above = glance_arrange(&mn->at_a_glance, app, COLS) + mn->counts_h + 2; /* a gap, the title */
	mm_arrange(&mn->m, app_body_height() - above); /* the lines left, the mark among them */
}

static void menu_draw(ui_screen *s, ui_app *app)
{
	menu *mn = (menu *)s;
	menu_model *m = &mn->m;
	/* The programme year is at the title line's right edge (app_chrome);
	 * y moves it. */
	char unit[160];
	if (app->unit_name)
		snprintf(unit, sizeof unit, msg(MSG_UI_UNIT_LINE), app->unit_name);
	mm_ctx c = ctx_of(app);
	app_keys(app, mm_acts, m, &c);
	app_key_acts(app, mm_key_acts);
	app_chrome(app, msg(MSG_UI_APP_TITLE), app->unit_name ? unit : NULL, msg(MSG_UI_MENU_HINT),
		   mn->pick.pop.open || m->mode == MM_PICK_QUEUE || m->reopen.stage == RP_SCOPE ? CTX_POPUP
		   : m->reopen.stage == RP_REASON ? CTX_REASON
		   : m->mode != MM_BROWSE	  ? CTX_CONFIRM
						  : CTX_MENU);
	int y = app_body_top();
	glance_draw(&mn->at_a_glance, y);
	y += mn->at_a_glance.height;
	if (mn->counts)
		draw_wrapped(y, 4, COLS - 6, mn->counts_h, mn->counts, theme_attr(R_NORMAL));
	y += mn->counts_h + 1;
	draw_text(y++, 4, COLS - 8, msg(MSG_UI_MENU_TITLE), theme_attr(R_SECTION), false);
	for (size_t i = m->win.top; i < m->win.top + m->win.shown; i++, y++) {
		char text[256], key[8] = "   ";
		if (m->items[i].hotkey)
			snprintf(key, sizeof key, "[%c]", m->items[i].hotkey);
		mm_item_text(&m->items[i], &c, text, sizeof text);
		attr_t a = i == m->sel ? theme_attr(R_SELECTED) : theme_attr(R_NORMAL);
		draw_fill(y, 4, COLS - 8, a);
		draw_text(y, 5, 4, key, a, false);
		draw_text(y, 10, COLS - 15, text, a, false);
	}
	if (m->win.mark) {
		char more[128];
		sw_mark(&m->win, more, sizeof more);
		draw_text(y, 10, COLS - 15, more, theme_attr(R_HELP), false);
	}
	char q[1536];
	mm_question(m, q, sizeof q);
	if (q[0] && utf8_width(q) > COLS - 2) { /* closing a year says what it means: up to 4 lines */
		int rows = wrapped_height(COLS - 2, q);
		rows = rows > 4 ? 4 : rows;
		for (int r = 0; r < rows; r++)
			draw_fill(LINES - 1 - rows + r, 0, COLS, theme_attr(R_ERROR));
		draw_wrapped(LINES - 1 - rows, 1, COLS - 2, rows, q, theme_attr(R_ERROR));
	} else if (q[0]) {
		draw_text(LINES - 2, 1, COLS - 2, q, theme_attr(R_ERROR), true);
	}
	if (mn->pick.pop.open)
		popup_draw(&mn->pick.pop, app_body_top() + 2, app_body_top() + 2, 20);
	if (m->mode == MM_PICK_QUEUE)
		popup_draw(&m->queue, app_body_top() + 2, app_body_top() + 2, 20);
	reopen_prompt_draw(&m->reopen, app, app_body_top() + 2);
}

static void show(menu *mn, ui_app *app, const mm_result *r)
{
	if (r->text[0])
		app_status(app, r->error, "%s", r->text);
	switch (r->kind) {
	case MM_OPEN:
		mn->base.open = r->open;
		break;
	case MM_PICK_UNIT:
		picker_open(&mn->pick, app->pick_id);
		break;
	case MM_ADVANCE:
		app->account.auto_advance = r->on;
		break;
	case MM_QUIT:
		app->quit = true;
		break;
	case MM_YEAR: /* the glance is rebuilt after the key (menu_key) */
	case MM_HANDLED:
	case MM_REFUSED:
		break;
	}
}

static void menu_key(ui_screen *s, ui_app *app, kp_key key)
{
	menu *mn = (menu *)s;
	if (mn->pick.pop.open) {
		pick_result r = picker_key(&mn->pick, key);
		if (r.kind == PICK_CHOSEN) {
			app_set_pick(app, r.id, r.name); /* offered first next time */
			mm_ctx c = ctx_of(app);
			mm_result res = mm_picked(&mn->m, &c);
			show(mn, app, &res);
		} else if (r.kind == PICK_NONE) {
			mm_unpicked(&mn->m);
		}
		return;
	}
	/* A key that may change the year worked in replaces the schedule the
	 * glance points into: the glance goes first, and comes back after. */
	if (keymap_lookup(CTX_MENU, key) == ACT_YEAR || mn->m.mode == MM_CONFIRM_YEAR)
		glance_free(&mn->at_a_glance);
	mm_ctx c = ctx_of(app);
	mm_result r = mm_key(&mn->m, &c, key);
	show(mn, app, &r);
	if (!mn->at_a_glance.built)
		glance_build(&mn->at_a_glance, app);
	mn->cols = 0; /* the counts, and the year they are of, may have changed */
}

static void menu_resume(ui_screen *s, ui_app *app)
{
	menu *mn = (menu *)s;
	mm_ctx c = ctx_of(app);
	glance_build(&mn->at_a_glance, app); /* what the screen above changed */
	mm_count(&mn->m, &c);
	mn->cols = 0;
}

static void menu_destroy(ui_screen *s)
{
	menu *mn = (menu *)s;
	glance_free(&mn->at_a_glance);
	free(mn->counts);
	picker_free(&mn->pick);
	mm_free(&mn->m);
	free(mn);
}

ui_screen *menu_new(ui_app *app)
{
	menu *mn = xcalloc(1, sizeof *mn);
	mn->base = (ui_screen){menu_draw, menu_key, menu_resume, menu_destroy, NULL, false, {SCR_NONE, NULL, NULL, 0},
			     menu_arrange};
	mm_ctx c = ctx_of(app);
	mm_init(&mn->m, &c);
	picker_init(&mn->pick, app->env->store);
	glance_build(&mn->at_a_glance, app);
	return &mn->base;
}
