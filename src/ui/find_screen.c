/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 专家检索 (四（六）科普快速反应机制): type words or pinyin initials and the
 * talents the account may see are found as you type, approved first, each
 * with 姓名, 工作单位, 联系电话, state and why it matched; Enter opens the
 * record. The search itself is domain/find.c. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/editbuf.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/find.h"
#include "ui/draw.h"
#include "ui/screens.h"

#define NAME_W 10
#define EMPLOYER_W 22
#define PHONE_W 14
#define STATE_W 6
#define DETAIL_ROWS 3 /* the selected talent's unit and why, below the list */

typedef struct {
	ui_screen base;
	const kp_form *f;
	kp_finder *fd;
	editbuf text;
	const kp_hit *hits;
	size_t n, sel;
	int top;
} find_screen;

static void search(find_screen *fs)
{
	char *t = eb_text(&fs->text);
	fs->n = finder_search(fs->fd, t, NULL, &fs->hits);
	free(t);
	fs->sel = 0;
	fs->top = 0;
}

/* The records as they are now (the screen above may have changed one). */
static bool reload(find_screen *fs, ui_app *app)
{
	char *err = NULL;
	finder_close(fs->fd);
	fs->fd = finder_open(app->env, fs->f, &err);
	if (!fs->fd) {
		app_status(app, true, "%s", err);
		free(err);
		return false;
	}
	search(fs);
	return true;
}

/* The i-th column shown (姓名, 工作单位, 联系电话), or "". */
static const char *shown(const find_screen *fs, size_t entry, size_t i)
{
	return i < fs->f->search->nshow ? finder_value(fs->fd, entry, fs->f->search->show[i]) : "";
}

static const char *show_label(const find_screen *fs, size_t i)
{
	return i < fs->f->search->nshow ? fs->f->fields[fs->f->search->show[i]].label : "";
}

static void find_draw(ui_screen *s, ui_app *app)
{
	find_screen *fs = (find_screen *)s;
	char right[64];
	snprintf(right, sizeof right, msg(MSG_UI_FD_COUNT), fs->n, finder_size(fs->fd));
	app_chrome(app, msg(MSG_UI_MENU_FIND), right, msg(MSG_UI_FD_HINT), CTX_FIND);
	int y = app_body_top();
	int lw = draw_text(y, 1, COLS - 2, msg(MSG_UI_FD_PROMPT), theme_attr(R_LABEL), false);
	char *t = eb_text(&fs->text);
	int tw = draw_text(y, 2 + lw, COLS - 3 - lw, t, theme_attr(R_FIELD), false);
	free(t);
	app->cursor_y = y;
	app->cursor_x = 2 + lw + tw;
	y++;
	int rows = app_body_height() - 2 - DETAIL_ROWS;
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	int x_emp = 2 + NAME_W, x_ph = x_emp + 1 + EMPLOYER_W, x_st = x_ph + 1 + PHONE_W, x_why = x_st + 1 + STATE_W;
	draw_fill(y, 0, COLS, h);
	draw_text(y, 1, NAME_W, show_label(fs, 0), h, false);
	draw_text(y, x_emp, EMPLOYER_W, show_label(fs, 1), h, false);
	draw_text(y, x_ph, PHONE_W, show_label(fs, 2), h, false);
	draw_text(y, x_st, STATE_W, msg(MSG_UI_COL_STATE), h, false);
	draw_text(y, x_why, COLS - x_why - 1, msg(MSG_C_FIND_WHY), h, false);
	fs->top = app_scroll(fs->sel, fs->top, rows);
	if (!fs->n)
		draw_text(y + 2, 2, COLS - 4, msg(MSG_UI_FD_NONE), theme_attr(R_HELP), false);
	strbuf why = STRBUF_INIT;
	for (int k = 0; k < rows && fs->top + k < (int)fs->n; k++) {
		const kp_hit *hit = &fs->hits[fs->top + k];
		attr_t at = theme_attr((size_t)(fs->top + k) == fs->sel ? R_SELECTED : R_NORMAL);
		int yy = y + 1 + k;
		draw_fill(yy, 0, COLS, at);
		draw_text(yy, 1, NAME_W, shown(fs, hit->entry, 0), at, false);
		draw_text(yy, x_emp, EMPLOYER_W, shown(fs, hit->entry, 1), at, false);
		draw_text(yy, x_ph, PHONE_W, shown(fs, hit->entry, 2), at, false);
		draw_text(yy, x_st, STATE_W, finder_state(fs->fd, hit->entry), at, false);
		sb_clear(&why);
		finder_why(fs->fd, hit, &why);
		draw_text(yy, x_why, COLS - x_why - 1, sb_str(&why), at, false);
	}
	int dy = y + 1 + rows;
	draw_fill(dy, 0, COLS, h);
	if (fs->n) {
		const kp_hit *hit = &fs->hits[fs->sel];
		char *head = xasprintf(msg(MSG_UI_FD_DETAIL), shown(fs, hit->entry, 0), finder_unit(fs->fd, hit->entry),
				       shown(fs, hit->entry, 2));
		draw_text(dy, 1, COLS - 2, head, h, false);
		free(head);
		sb_clear(&why);
		finder_why(fs->fd, hit, &why);
		draw_wrapped(dy + 1, 2, COLS - 4, DETAIL_ROWS - 1, sb_str(&why), theme_attr(R_NORMAL));
	}
	sb_free(&why);
}

static void find_key(ui_screen *s, ui_app *app, kp_key key)
{
	find_screen *fs = (find_screen *)s;
	size_t page = (size_t)(app_body_height() - 2 - DETAIL_ROWS);
	kp_action a = keymap_lookup(CTX_FIND, key);
	if (app_move(&fs->sel, fs->n, a, page))
		return;
	switch (a) {
	case ACT_ACCEPT:
		if (fs->n) {
			ui_screen *rec = form_screen_new(app, fs->f, finder_id(fs->fd, fs->hits[fs->sel].entry));
			if (rec)
				app_push(app, rec);
		}
		return;
	case ACT_BACKSPACE:
		if (eb_backspace(&fs->text))
			search(fs);
		return;
	case ACT_QUIT:
		if (fs->text.len) {
			eb_clear(&fs->text);
			search(fs);
		} else {
			fs->base.closing = true;
		}
		return;
	default:
		break;
	}
	if (!key.fn && key.code >= ' ' && key.code != 127 && eb_insert(&fs->text, key.code))
		search(fs);
}

static void find_resume(ui_screen *s, ui_app *app)
{
	find_screen *fs = (find_screen *)s;
	size_t sel = fs->sel;
	if (reload(fs, app))
		fs->sel = sel < fs->n ? sel : 0;
}

static void find_destroy(ui_screen *s)
{
	find_screen *fs = (find_screen *)s;
	finder_close(fs->fd);
	eb_free(&fs->text);
	free(fs);
}

ui_screen *find_screen_new(ui_app *app)
{
	const kp_form *f = catalog_search_form(&app->env->cat);
	if (!f)
		return NULL;
	find_screen *fs = xcalloc(1, sizeof *fs);
	fs->base = (ui_screen){find_draw, find_key, find_resume, find_destroy, NULL, false};
	fs->f = f;
	eb_init(&fs->text, 40, false);
	if (!reload(fs, app)) {
		find_destroy(&fs->base);
		return NULL;
	}
	return &fs->base;
}
