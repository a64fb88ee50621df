/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/shell.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "ui/draw.h"
#include "ui/scrollwin.h"

void app_status(ui_app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	va_end(ap);
	app->status_error = error;
	app->status_gen++;
}

struct ditto_memory {
	const kp_form *form;
	char **vals;
};

const char *const *app_last_saved(const ui_app *app, const kp_form *f)
{
	for (size_t i = 0; i < app->nditto; i++)
		if (app->ditto[i].form == f)
			return (const char *const *)app->ditto[i].vals;
	return NULL;
}

void app_remember(ui_app *app, const kp_form *f, char *const *vals)
{
	size_t i = 0;
	while (i < app->nditto && app->ditto[i].form != f)
		i++;
	if (i == app->nditto) {
		app->ditto = xrealloc(app->ditto, (app->nditto + 1) * sizeof *app->ditto);
		app->ditto[app->nditto++] = (struct ditto_memory){f, xcalloc(f->nfields, sizeof(char *))};
	}
	for (size_t k = 0; k < f->nfields; k++) {
		free(app->ditto[i].vals[k]);
		app->ditto[i].vals[k] = xstrdup(vals[k]);
	}
}

void app_free_state(ui_app *app)
{
	for (size_t i = 0; i < app->nditto; i++) {
		for (size_t k = 0; k < app->ditto[i].form->nfields; k++)
			free(app->ditto[i].vals[k]);
		free(app->ditto[i].vals);
	}
	free(app->ditto);
	free(app->unit_name);
	free(app->pick_name);
	user_free(&app->account);
}

void app_set_unit(ui_app *app, long long id, const char *name)
{
	free(app->unit_name);
	app->unit_id = id;
	app->unit_name = xstrdup(name);
}

void app_set_pick(ui_app *app, long long id, const char *name)
{
	free(app->pick_name);
	app->pick_id = id;
	app->pick_name = xstrdup(name);
}

long long app_entry_unit(const ui_app *app) { return app->unit_id ? app->unit_id : app->pick_id; }

const char *app_entry_unit_name(const ui_app *app)
{
	const char *n = app->unit_id ? app->unit_name : app->pick_name;
	return n ? n : "";
}

int app_scroll(size_t sel, int top, int rows)
{
	if ((int)sel < top)
		return (int)sel;
	if ((int)sel >= top + rows)
		return (int)sel - rows + 1;
	return top;
}

void app_show_result(ui_app *app, ui_screen *s, const mr_result *r)
{
	if (r->text[0])
		app_status(app, r->error, "%s", r->text);
	if (r->kind == MR_CLOSE)
		s->closing = true;
}

bool app_move(size_t *sel, size_t n, kp_action a, size_t page)
{
	return sw_move(sel, n, a, page);
}

int app_body_top(void) { return 1; }
int app_body_height(void) { return LINES - 4; }

#define HELP_ROWS_MAX 5 /* a returned record's reason of 200 characters, whole */

static int status_rows(const ui_app *app)
{
	return app->status[0] && wrapped_height(COLS - 2, app->status) > 1 ? 2 : 1;
}

int app_bottom_rows(const ui_app *app, const char *help)
{
	int hh = help && help[0] ? wrapped_height(COLS - 2, help) : 1;
	return (hh > HELP_ROWS_MAX ? HELP_ROWS_MAX : hh) + status_rows(app);
}

int app_detail_room(ui_app *app, const char *help, int max)
{
	int hh = help && help[0] ? wrapped_height(COLS - 2, help) : 1;
	if (hh > max)
		hh = max;
	app->room = hh + status_rows(app);
	return app->room - 2 > 0 ? app->room - 2 : 0;
}

/* The programme year at the right edge of the title line, so no screen of
 * 2017 passes for 2016's: 「2017 年度」, or 「2017」 when the title and the
 * screen's own right text would not be whole beside it, or nothing when not
 * even that fits (and before a login, when there is no year to work in).
 * The title and the right text never give way to the year. */
static void title_year(const ui_app *app, int used, char *out, size_t len)
{
	out[0] = '\0';
	if (!app->user || !app->user[0]) /* not signed in: the environment may not even be open yet */
		return;
	const kp_store *st = app->env->store;
	/* A demonstration account says so on every screen, while it can. */
	static const enum kp_msg_id forms[] = {MSG_UI_DEMO_YEAR, MSG_UI_DEMO_YEAR_SHORT, MSG_Y_YEAR, MSG_Y_YEAR_SHORT};
	for (size_t i = app->demo ? 0 : 2; i < sizeof forms / sizeof *forms; i++) {
		snprintf(out, len, msg(forms[i]), store_year(st));
		if (used + 2 + utf8_width(out) + 1 <= COLS)
			return;
	}
	out[0] = '\0';
}

void app_keys(ui_app *app, kp_acts_fn acts, const void *model, const void *ctx)
{
	app->acts = acts;
	app->acts_model = model;
	app->acts_ctx = ctx;
}

void app_screen_name(const ui_open *o, char *out, size_t len)
{
	switch (o->id) {
	case SCR_MENU:
		snprintf(out, len, "%s", msg(MSG_UI_BACK_MENU));
		break;
	case SCR_LIST:
	case SCR_QUEUE:
		snprintf(out, len, "%s", msg(MSG_UI_BACK_LIST));
		break;
	case SCR_DRAFTS:
		snprintf(out, len, "%s", msg(MSG_UI_BACK_DRAFTS));
		break;
	case SCR_FORM:
		if (o->record_id)
			snprintf(out, len, msg(MSG_UI_BACK_RECORD), o->record_id);
		else
			snprintf(out, len, "%s", msg(MSG_UI_BACK_NEW));
		break;
	case SCR_VIEW: { /* 「附表4」 of 「附表4 科普人才信息汇总表」 */
		const char *t = o->view ? o->view->title : "", *sp = strchr(t, ' ');
		snprintf(out, len, "%.*s", sp ? (int)(sp - t) : (int)strlen(t), t);
		break;
	}
	default:
		snprintf(out, len, "%s", msg(MSG_UI_PREVIOUS));
		break;
	}
}

/* A title shortened to fewer cells says too little: then the back mark
 * gives way (a terminal far narrower than 80 columns). */
#define TITLE_MIN_W 12

/* The title in at most width cells: 「附表2 科普人才库推荐表：修改…」 first
 * gives up the form's name (「附表2：修改…」), a form without a number all
 * of it (「修改第 1 号记录（草稿，附件 2 个）」: what the record is matters
 * more), then its end, cut with 「>」 as draw_text cuts. */
static void title_fit(const char *title, int width, char *out, size_t len)
{
	const char *sp = strchr(title, ' '), *colon = strstr(title, "：");
	if (utf8_width(title) > width && sp && colon && sp < colon)
		snprintf(out, len, "%.*s%s", (int)(sp - title), title, colon);
	else if (utf8_width(title) > width && colon && colon[strlen("：")])
		snprintf(out, len, "%s", colon + strlen("："));
	else
		snprintf(out, len, "%s", title);
	if (utf8_width(out) <= width)
		return;
	size_t at = 0, n = strlen(out);
	for (int w = 0; at < n;) {
		uint32_t cp;
		size_t k = utf8_decode(out + at, n - at, &cp);
		if (w + cp_width(cp) > width - 1)
			break;
		w += cp_width(cp);
		at += k;
	}
	if (at + 1 < len) {
		out[at] = '>';
		out[at + 1] = '\0';
	}
}

/* The title with 「← 」 and the screen below's name, when there is one:
 * the way back is always named, and a title too wide for both is
 * shortened (title_fit) — unless too little of it would be left. */
static const char *title_back(const ui_app *app, const char *title, int width, char *buf, size_t len)
{
	if (app->depth < 2 || app->opened[app->depth - 2].id == SCR_NONE)
		return title;
	char name[256], back[300], fit[600];
	app_screen_name(&app->opened[app->depth - 2], name, sizeof name);
	snprintf(back, sizeof back, msg(MSG_UI_BACK_TO), name);
	snprintf(buf, len, "%s  %s", title, back);
	if (utf8_width(buf) <= width)
		return buf;
	int room = width - 2 - utf8_width(back);
	if (room < TITLE_MIN_W)
		return title;
	title_fit(title, room, fit, sizeof fit);
	snprintf(buf, len, "%s  %s", fit, back);
	return buf;
}

void app_chrome(ui_app *app, const char *title, const char *right, const char *help,
		unsigned keyctx)
{
	attr_t ta = theme_attr(R_TITLE);
	draw_fill(0, 0, COLS, ta);
	/* The back mark gives way to the year (at least 「2016」), as the year
	 * gives way to the title and the right text. */
	char with_back[1024];
	int year_room = app->user && app->user[0] ? 6 : 0;
	title = title_back(app, title, COLS - 2 - (right ? utf8_width(right) + 2 : 0) - year_room, with_back,
			   sizeof with_back);
	char year[64];
	int rw = right ? utf8_width(right) : 0;
	title_year(app, 1 + utf8_width(title) + (right ? 2 + rw : 0), year, sizeof year);
	int yw = utf8_width(year), yx = COLS - yw - 1, rx = (yw ? yx - 2 : COLS - 1) - rw;
	draw_text(0, 1, (right ? rx : yw ? yx : COLS - 1) - 2, title, ta, false);
	if (right)
		draw_text(0, rx, rw, right, ta, false);
	if (yw)
		draw_text(0, yx, yw, year, ta, false);
	int sh = status_rows(app), room = app->room ? app->room : 2, hh = room - sh;
	app->room = 0;
	attr_t sa = theme_attr(app->status_error ? R_ERROR : R_STATUS), ha = theme_attr(R_HELP);
	if (hh == 1) {
		draw_text(LINES - 2 - sh, 1, COLS - 2, help ? help : "", ha, true);
	} else if (hh > 1) {
		for (int r = 0; r < hh; r++)
			draw_fill(LINES - 1 - sh - hh + r, 0, COLS, ha);
		draw_wrapped(LINES - 1 - sh - hh, 1, COLS - 2, hh, help ? help : "", ha);
	}
	if (sh == 1) {
		draw_text(LINES - 2, 1, COLS - 2, app->status, sa, true);
	} else {
		draw_fill(LINES - 3, 0, COLS, sa);
		draw_fill(LINES - 2, 0, COLS, sa);
		draw_wrapped(LINES - 3, 1, COLS - 2, 2, app->status, sa);
	}
	draw_line(LINES - 1, keymap_bar_if(keyctx, app->acts, app->acts_model, app->acts_ctx), R_KEYBAR);
	app->acts = NULL; /* each frame's screen answers afresh */
	app->keyctx = keyctx;
}

bool app_has_drafts(ui_app *app)
{
	kp_draft *d;
	size_t n = store_drafts_of(app->env->store, app->user, 1, &d);
	drafts_free(d, n);
	return n > 0;
}

void app_sign_in(ui_app *app, kp_user *u)
{
	user_free(&app->account);
	app->account = *u;
	app->user = app->account.name;
	/* From here on the store reads and writes on this account's behalf
	 * (store.h): the one place that decides what it may see and change. */
	char *err = NULL;
	if (store_session(app->env->store, u->role == USER_CITY ? SESSION_CITY : SESSION_UNIT, u->name,
			  u->unit_id, &err) != KP_OK) {
		app_status(app, true, "%s", err);
		free(err);
		app->quit = true;
		return;
	}
	if (u->role == USER_UNIT) /* a unit user works in its own unit only */
		app_set_unit(app, u->unit_id, u->unit_name);
}
