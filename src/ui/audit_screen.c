/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The audit trail for the city: every change, login and decision, newest
 * first; typing filters by user, unit, form (附表2), record number, date or
 * words in the changes, each blank-separated word narrowing further; the
 * selected row's old and new values are shown below the list. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/editbuf.h"
#include "core/json.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define AT_W 16   /* 2016-08-10 09:30: the seconds are in the database */
#define USER_W 14
#define UNIT_W 12
#define DETAIL_ROWS 7

typedef struct {
	ui_screen base;
	kp_audit_row *rows;
	size_t n, sel;
	bool more;        /* older rows exist beyond those loaded */
	int top;
	editbuf filter;
	char *text;
} audit_screen;

/* What an action is called on screen. */
static const char *action_label(const char *a)
{
	static const struct { const char *code; enum kp_msg_id id; } names[] = {
		{"insert", MSG_AU_INSERT}, {"update", MSG_AU_UPDATE}, {"delete", MSG_AU_DELETE},
		{"import", MSG_AU_IMPORT},
		{"login", MSG_AU_LOGIN}, {"login_failed", MSG_AU_LOGIN_FAILED},
		{"password_change", MSG_AU_PASSWORD}, {"password_reset", MSG_AU_RESET},
		{"user_add", MSG_AU_USER_ADD}, {"user_disable", MSG_AU_USER_DISABLE},
		{"user_lock", MSG_AU_USER_LOCK}, {"user_unlock", MSG_AU_USER_UNLOCK},
		{"submit", MSG_RV_SUBMIT}, {"approve", MSG_RV_APPROVE}, {"return", MSG_RV_RETURN},
		{"reopen", MSG_RV_REOPEN}, {"withdraw", MSG_RV_WITHDRAW},
		{"duplicate", MSG_UI_AU_DUP}, {"tick", MSG_AU_TICK}, {"untick", MSG_AU_UNTICK},
		{"chain_start", MSG_AU_CHAIN_START}, {"accept", MSG_AU_ACCEPT},
		{"accept_chain", MSG_AU_ACCEPT_CHAIN}, {"guard_restored", MSG_AU_GUARD_RESTORED},
		{"move_year", MSG_AU_MOVE_YEAR},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(names[i].code, a))
			return msg(names[i].id);
	return a;
}

/* The form a table belongs to, for its title and labels; NULL for kepu's own. */
static const kp_form *form_of(ui_app *app, const char *table)
{
	for (size_t i = 0; i < app->env->cat.nforms; i++)
		if (!strcmp(app->env->cat.forms[i]->table, table))
			return app->env->cat.forms[i];
	return NULL;
}

static void load_more(audit_screen *as, ui_app *app)
{
	kp_audit_query q = {.text = as->text, .forms = app->env->cat.forms, .nforms = app->env->cat.nforms};
	size_t want = (size_t)app_body_height();
	kp_audit_row *page;
	size_t n = store_audit_page(app->env->store, &q, as->n ? as->rows[as->n - 1].id : 0, want, &page);
	as->rows = xrealloc(as->rows, (as->n + n + 1) * sizeof *as->rows);
	memcpy(as->rows + as->n, page, n * sizeof *page);
	free(page); /* the strings moved into as->rows */
	as->n += n;
	as->more = n == want;
}

static void restart(audit_screen *as, ui_app *app)
{
	audit_rows_free(as->rows, as->n);
	as->rows = NULL;
	as->n = as->sel = 0;
	as->top = 0;
	free(as->text);
	as->text = eb_text(&as->filter);
	load_more(as, app);
}

/* kepu's own columns in an audit row, by the names people know. */
static const char *audit_name(const char *column)
{
	if (!strcmp(column, "kp_state"))
		return msg(MSG_UI_AU_STATE);
	if (!strcmp(column, "kp_reason"))
		return msg(MSG_UI_AU_REASON);
	if (!strcmp(column, "kp_duplicates"))
		return msg(MSG_UI_AU_DUP);
	if (!strcmp(column, "key"))
		return msg(MSG_UI_AU_TICK);
	if (!strcmp(column, "kp_year"))
		return msg(MSG_UI_AU_YEAR);
	return column;
}

static const char *audit_value(const char *column, const char *v)
{
	if (!strcmp(column, "kp_state") && v[0])
		return state_label(state_of(v));
	if (!strcmp(column, "kp_duplicates") && v[0])
		return msg(MSG_UI_AU_DUP_MARKED);
	return v;
}

static void draw_detail(audit_screen *as, ui_app *app, int y)
{
	draw_fill(y, 0, COLS, theme_attr(R_SECTION) | A_UNDERLINE);
	draw_text(y, 1, COLS - 2, msg(MSG_UI_AU_CHANGES), theme_attr(R_SECTION) | A_UNDERLINE, false);
	if (!as->n)
		return;
	const kp_audit_row *a = &as->rows[as->sel];
	const kp_form *f = form_of(app, a->form);
	char **ch;
	size_t n;
	if (json_array_decode(a->changes, &ch, &n) != 0)
		return;
	int row = 1;
	for (size_t i = 0; i + 2 < n && row < DETAIL_ROWS; i += 3, row++) {
		int k = f ? form_field_index(f, ch[i]) : -1;
		const char *label = k >= 0 ? f->fields[k].label : audit_name(ch[i]);
		const char *was = audit_value(ch[i], ch[i + 1]), *now = audit_value(ch[i], ch[i + 2]);
		char *line = xasprintf(msg(MSG_UI_AU_CHANGE), label, was[0] ? was : msg(MSG_UI_AU_EMPTY),
				       now[0] ? now : msg(MSG_UI_AU_EMPTY));
		draw_text(y + row, 2, COLS - 4, line, theme_attr(R_NORMAL), false);
		free(line);
	}
	json_array_free(ch, n);
}

static void audit_draw(ui_screen *s, ui_app *app)
{
	audit_screen *as = (audit_screen *)s;
	char help[256];
	snprintf(help, sizeof help, msg(as->text && as->text[0] ? MSG_UI_LIST_FILTER : MSG_UI_AU_HINT),
		 as->text ? as->text : "");
	app_chrome(app, msg(MSG_UI_MENU_AUDIT), NULL, help, CTX_AUDIT);
	int y = app_body_top(), rows = app_body_height() - 1 - DETAIL_ROWS;
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	draw_text(y, 1, AT_W, msg(MSG_UI_AU_AT), h, false);
	draw_text(y, 2 + AT_W, USER_W, msg(MSG_UI_AU_USER), h, false);
	draw_text(y, 3 + AT_W + USER_W, UNIT_W, msg(MSG_P_COL_UNIT), h, false);
	draw_text(y, 4 + AT_W + USER_W + UNIT_W, COLS - 5 - AT_W - USER_W - UNIT_W, msg(MSG_UI_AU_WHAT), h, false);
	as->top = app_scroll(as->sel, as->top, rows);
	if (!as->n)
		draw_text(y + 2, 2, COLS - 4, msg(MSG_UI_AU_NONE), theme_attr(R_HELP), false);
	for (int k = 0; k < rows && as->top + k < (int)as->n; k++) {
		const kp_audit_row *a = &as->rows[as->top + k];
		attr_t at = theme_attr((size_t)(as->top + k) == as->sel ? R_SELECTED : R_NORMAL);
		int yy = y + 1 + k;
		draw_fill(yy, 0, COLS, at);
		draw_text(yy, 1, AT_W, a->at, at, false);
		draw_text(yy, 2 + AT_W, USER_W, a->user, at, false);
		draw_text(yy, 3 + AT_W + USER_W, UNIT_W, a->unit_name, at, false);
		const kp_form *f = form_of(app, a->form);
		char what[256];
		if (f)
			snprintf(what, sizeof what, "%s %s #%lld", action_label(a->action), f->title, a->record_id);
		else
			snprintf(what, sizeof what, "%s", action_label(a->action));
		draw_text(yy, 4 + AT_W + USER_W + UNIT_W, COLS - 5 - AT_W - USER_W - UNIT_W, what, at, false);
	}
	draw_detail(as, app, y + 1 + rows);
}

static void audit_key(ui_screen *s, ui_app *app, kp_key key)
{
	audit_screen *as = (audit_screen *)s;
	int page = app_body_height() - 1 - DETAIL_ROWS;
	switch (keymap_lookup(CTX_AUDIT, key)) {
	case ACT_UP: as->sel = as->sel ? as->sel - 1 : 0; return;
	case ACT_DOWN:
	case ACT_PAGE_DOWN: {
		size_t step = keymap_lookup(CTX_AUDIT, key) == ACT_DOWN ? 1 : (size_t)page;
		if (as->sel + step >= as->n && as->more)
			load_more(as, app);
		as->sel = as->sel + step < as->n ? as->sel + step : (as->n ? as->n - 1 : 0);
		return;
	}
	case ACT_PAGE_UP: as->sel = as->sel > (size_t)page ? as->sel - (size_t)page : 0; return;
	case ACT_HOME: as->sel = 0; return;
	case ACT_BACKSPACE:
		if (eb_backspace(&as->filter))
			restart(as, app);
		return;
	case ACT_QUIT:
		if (as->filter.len) {
			eb_clear(&as->filter);
			restart(as, app);
		} else {
			as->base.closing = true;
		}
		return;
	default:
		break;
	}
	if (key_printable(key) && eb_insert(&as->filter, key.code))
		restart(as, app);
}

static void audit_destroy(ui_screen *s)
{
	audit_screen *as = (audit_screen *)s;
	audit_rows_free(as->rows, as->n);
	eb_free(&as->filter);
	free(as->text);
	free(as);
}

ui_screen *audit_screen_new(ui_app *app)
{
	if (!APP_IS_CITY(app))
		return NULL;
	audit_screen *as = xcalloc(1, sizeof *as);
	as->base = (ui_screen){audit_draw, audit_key, NULL, audit_destroy, NULL, false, {SCR_NONE, NULL, NULL, 0}, NULL};
	eb_init(&as->filter, 40, false);
	restart(as, app);
	return &as->base;
}
