/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The generic form screen's view: draws the form_model of any
 * screens/NAME.yaml form and shows what each key did (the model's result)
 * on the status line; what keys do is in form_model.c. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "ui/draw.h"
#include "ui/form_layout.h"
#include "ui/form_model.h"
#include "ui/review_keys.h"
#include "ui/screens.h"
#include "ui/term.h"

typedef struct {
	ui_screen base;
	form_model *m;
	int top;             /* first form row on screen */
	size_t hint_field;   /* the field whose hint is due, and since when (ms) */
	long long hint_since;
	form_layout layout;  /* for layout_cols columns: computed once per width */
	int layout_cols;
	bool hint_shown;     /* the focused field's hint is due (arranged for this frame) */
	int cursor_col;      /* the cursor's cell in the focused line (arranged for this frame) */
	review_prompt review; /* F9 on the record opened: the list's prompt */
	bool dup_drawn;       /* the 「再按 F2 仍要保存」 warning is on screen */
} form_screen;

/* "[x] 青少年科普" for option i. */
static char *option_text(const kp_field *fd, const field_state *st, size_t i)
{
	return xasprintf("[%c] %s", st && st->checked[i] ? 'x' : ' ', fd->choices->items[i]);
}

#define OPTION_GAP 2

/* Lay the options of a multi-select out in rows of width cells; x/y of
 * option i are written when wanted. Returns the number of rows. */
static int place_options(const kp_field *fd, int width, int *xs, int *ys)
{
	int x = 0, y = 0;
	for (size_t i = 0; i < fd->choices->n; i++) {
		char *t = option_text(fd, NULL, i);
		int w = utf8_width(t);
		free(t);
		if (x > 0 && x + w > width) {
			x = 0;
			y++;
		}
		if (xs)
			xs[i] = x;
		if (ys)
			ys[i] = y;
		x += w + OPTION_GAP;
	}
	return y + 1;
}

static int mc_rows(const kp_field *fd, int width) { return place_options(fd, width, NULL, NULL); }

/* The layout for the terminal's width now: recomputed only when it
 * changed (a resize), never per key. */
static const form_layout *layout_now(form_screen *fs)
{
	if (fs->layout_cols != COLS || !fs->layout.rows) {
		layout_free(&fs->layout);
		layout_compute(&fs->layout, fs->m->form, COLS, mc_rows);
		fs->layout_cols = COLS;
	}
	return &fs->layout;
}

/* --- drawing ------------------------------------------------------------ */

/* Every field is drawn plain, its empty cells as a line to write on (___),
 * the same whether it has the focus or not: on a slow link an echo then
 * costs what the character does (a coloured box costs about 20 bytes a
 * keystroke), and moving to the next field repaints no box, only the
 * marker (>) and the cursor. A field with an error keeps its red box. */
static attr_t field_attr(const form_screen *fs, size_t i)
{
	return theme_attr(fs->m->fs[i].error ? R_ERROR_FIELD : R_NORMAL);
}

/* After a value drawn in `used` of w cells: the rest as the line to write
 * on, or blank in an error's box (drawn padded). */
static void value_rest(const form_screen *fs, size_t i, int y, int x, int w, int used)
{
	if (!fs->m->fs[i].error)
		draw_blanks(y, x + used, w - used, theme_attr(R_NORMAL));
}

/* A field's hint waits until the user pauses in it: a fast typist moving
 * on pays no bytes for it (make bench); one who stops to think gets it. */
#define HINT_DELAY_MS 800

static void arrange_hint(form_screen *fs)
{
	long long now = clock_ms();
	if (fs->hint_field != fs->m->focus || !fs->hint_since) {
		fs->hint_field = fs->m->focus;
		fs->hint_since = now;
	}
	fs->hint_shown = now - fs->hint_since >= HINT_DELAY_MS;
}

static void draw_single(form_screen *fs, ui_app *app, const form_layout *l, size_t i, int sy)
{
	const kp_field *fd = &fs->m->form->fields[i];
	field_state *st = &fs->m->fs[i];
	int w = layout_field_width(l, fd);
	attr_t a = field_attr(fs, i);
	bool boxed = st->error != NULL;
	if (fd->type == FT_CHOICE || fd->type == FT_RECORD) {
		/* a record's label was read when the frame was arranged */
		const char *v = fd->type == FT_RECORD ? (st->ref_label ? st->ref_label : st->ref ? st->ref : "")
			      : st->choice >= 0 ? fd->choices->items[st->choice] : "";
		value_rest(fs, i, sy, l->value_x, w, draw_text(sy, l->value_x, w, v, a, boxed));
		if (i == fs->m->focus) { /* the cursor shows where the focus is */
			app->cursor_y = sy;
			app->cursor_x = l->value_x;
		}
		return;
	}
	if (st->eb.sel) /* typing will replace it: shown so */
		a = theme_attr(R_SELECTED);
	value_rest(fs, i, sy, l->value_x, w,
		   draw_cps(sy, l->value_x, w, st->eb.cp + st->eb.hscroll, st->eb.len - st->eb.hscroll, a,
			    boxed));
	if (i == fs->m->focus) {
		app->cursor_y = sy;
		app->cursor_x = l->value_x + fs->cursor_col;
	}
}

static void draw_textarea(form_screen *fs, ui_app *app, const form_layout *l, size_t i, int sy,
			  int body_top, int body_h)
{
	const kp_field *fd = &fs->m->form->fields[i];
	field_state *st = &fs->m->fs[i];
	eb_row *rows;
	size_t n = eb_wrap(&st->eb, l->value_w - 1, &rows), crow;
	int ccol;
	eb_cursor_rc(&st->eb, rows, n, &crow, &ccol);
	attr_t a = field_attr(fs, i);
	for (int r = 0; r < fd->lines; r++) {
		int y = sy + r;
		if (y < body_top || y >= body_top + body_h)
			continue;
		size_t k = st->vscroll + (size_t)r;
		int used = k < n ? draw_cps(y, l->value_x, l->value_w, st->eb.cp + rows[k].start,
					    rows[k].end - rows[k].start, a, st->error != NULL)
				 : 0;
		if (st->error && k >= n)
			draw_fill(y, l->value_x, l->value_w, a);
		value_rest(fs, i, y, l->value_x, l->value_w, used);
	}
	/* Rows the box does not show are said under the label, beside the
	 * box: 「↑ 上面还有 2 行」 on its second row, 「↓ 还有 3 行」 on its last
	 * (a 个人基本情况 of 7 rows looked complete in its 4). The first row
	 * is the label's. */
	size_t below = n > st->vscroll + (size_t)fd->lines ? n - st->vscroll - (size_t)fd->lines : 0;
	char mark[64];
	if (st->vscroll && fd->lines > 1 && sy + 1 >= body_top && sy + 1 < body_top + body_h) {
		snprintf(mark, sizeof mark, msg(MSG_UI_ROWS_ABOVE), st->vscroll);
		draw_text(sy + 1, 2, l->label_w, mark, theme_attr(R_LABEL), false);
	}
	int last = sy + fd->lines - 1;
	if (below && fd->lines > 1 && last >= body_top && last < body_top + body_h) {
		snprintf(mark, sizeof mark, msg(MSG_UI_ROWS_BELOW), below);
		draw_text(last, 2, l->label_w, mark, theme_attr(R_LABEL), false);
	}
	int cy = sy + (int)(crow - st->vscroll);
	if (i == fs->m->focus && cy >= body_top && cy < body_top + body_h) {
		app->cursor_y = cy;
		app->cursor_x = l->value_x + ccol;
	}
	free(rows);
}

static void draw_multi(form_screen *fs, const form_layout *l, size_t i, int sy, int body_top,
		       int body_h)
{
	const kp_field *fd = &fs->m->form->fields[i];
	field_state *st = &fs->m->fs[i];
	int *xs = xcalloc(fd->choices->n, sizeof *xs), *ys = xcalloc(fd->choices->n, sizeof *ys);
	place_options(fd, l->value_w, xs, ys);
	for (size_t k = 0; k < fd->choices->n; k++) {
		int y = sy + ys[k];
		if (y < body_top || y >= body_top + body_h)
			continue;
		char *t = option_text(fd, st, k);
		attr_t a = theme_attr(R_NORMAL);
		if (st->error)
			a = theme_attr(R_ERROR_FIELD);
		else if (i == fs->m->focus && k == st->mcur)
			a = theme_attr(R_FOCUS);
		draw_text(y, l->value_x + xs[k], utf8_width(t), t, a, false);
		free(t);
	}
	free(xs);
	free(ys);
}

/* Scroll so that the focused field (and its section title) is on screen. */
static void scroll_to_focus(form_screen *fs, const form_layout *l, int body_h)
{
	const layout_row *r = layout_field(l, fs->m->focus);
	int want_top = r->y;
	if (r > l->rows && r[-1].field < 0)
		want_top = r[-1].y; /* include the section title */
	if (want_top < fs->top)
		fs->top = want_top;
	if (r->y + r->h > fs->top + body_h)
		fs->top = r->y + r->h - body_h;
	if (fs->top < 0)
		fs->top = 0;
}

/* The line under the form: the focused field's own message (unless the
 * status line already says the same: then what a valid value is), the
 * city's field a unit reads, a returned record's reason, the duplicate
 * note, or the field's hint once due. */
static const char *help_text(const form_screen *fs, const ui_app *app, char *why, size_t len)
{
	const kp_field *ff = &fs->m->form->fields[fs->m->focus];
	const char *err = fs->m->fs[fs->m->focus].error;
	if (fs->m->mode == FM_CONFIRM_LEAVE || fs->m->mode == FM_OFFER)
		return NULL; /* a question is the one thing said at the bottom */
	if (err)
		return strcmp(err, app->status) ? err : fs->hint_shown ? ff->help : NULL;
	if (!store_may_write_field(app->env->store, ff)) {
		/* 省辖市科协意见 on a unit's screen: the city's words, to read */
		snprintf(why, len, msg(MSG_UI_CITY_FIELD_READ), ff->label);
		return why;
	}
	if (fs->m->rec.reason && fs->m->rec.reason[0]) { /* a returned record says why, whole */
		snprintf(why, len, msg(MSG_UI_RETURNED_WHY), fs->m->rec.reason);
		return why;
	}
	if (fs->m->dup_note)
		return fs->m->dup_note;
	return fs->hint_shown ? ff->help : NULL;
}

/* Before each frame (the app's measure step): the layout for this width,
 * the hint's timer, each line's and textarea's scroll to its cursor, a
 * record field's label, and the form's scroll to the focus. The drawing
 * then changes nothing. */
static void form_arrange(ui_screen *s, ui_app *app)
{
	form_screen *fs = (form_screen *)s;
	const form_layout *l = layout_now(fs);
	arrange_hint(fs);
	if (fs->m->mode == FM_EDIT || fs->m->mode == FM_PICK)
		term_rows_pasted(); /* a row pasted unmarked comes whole (term.h) */
	for (size_t i = 0; i < fs->m->form->nfields; i++) {
		const kp_field *fd = &fs->m->form->fields[i];
		field_state *st = &fs->m->fs[i];
		if (fd->type == FT_RECORD) {
			ref_shown(app->env->store, fd, st);
		} else if (fd->type == FT_TEXTAREA) {
			eb_row *rows;
			size_t n = eb_wrap(&st->eb, l->value_w - 1, &rows), crow;
			int ccol;
			eb_cursor_rc(&st->eb, rows, n, &crow, &ccol);
			if (i != fs->m->focus) /* read from its first row, as on paper */
				st->vscroll = 0;
			else if (crow < st->vscroll)
				st->vscroll = crow;
			else if (crow >= st->vscroll + (size_t)fd->lines)
				st->vscroll = crow - (size_t)fd->lines + 1;
			free(rows);
		} else if (fs_is_text(fd)) {
			if (i == fs->m->focus)
				fs->cursor_col = eb_view(&st->eb, layout_field_width(l, fd));
			else
				st->eb.hscroll = 0;
		}
	}
	char why[1200];
	int rows = app_bottom_rows(app, help_text(fs, app, why, sizeof why));
	scroll_to_focus(fs, l, app_body_height() - (rows - 2));
}

static fm_ctx ctx_of(form_screen *fs, ui_app *app)
{
	return (fm_ctx){app->env, app->user, app->account.auto_advance,
			app_last_saved(app, fs->m->form), layout_now(fs)->value_w - 1, 0};
}

static void form_draw(ui_screen *s, ui_app *app)
{
	form_screen *fs = (form_screen *)s;
	const kp_form *f = fs->m->form;
	const form_layout *lay = layout_now(fs);
	form_layout l = *lay;
	char why[1200];
	const char *help = help_text(fs, app, why, sizeof why);
	/* Help and status wrapped whole: the form gives up rows for them. */
	app->room = app_bottom_rows(app, help);
	int body_top = app_body_top(), body_h = app_body_height() - (app->room - 2);

	for (size_t r = 0; r < l.n; r++) {
		const layout_row *row = &l.rows[r];
		int sy = body_top + row->y - fs->top;
		if (sy + row->h <= body_top || sy >= body_top + body_h)
			continue;
		if (row->field < 0) {
			if (sy >= body_top)
				draw_text(sy, 1, COLS - 2, f->sections[row->section], theme_attr(R_SECTION), false);
			continue;
		}
		size_t i = (size_t)row->field;
		const kp_field *fd = &f->fields[i];
		if (sy >= body_top) {
			draw_text(sy, 1, 1, i == fs->m->focus ? ">" : " ", theme_attr(R_NORMAL), false);
			draw_text(sy, 2, l.label_w, fd->label, theme_attr(R_LABEL), false);
			if (fd->required)
				draw_text(sy, l.star_x, 1, msg(MSG_UI_REQUIRED_MARK), theme_attr(R_REQUIRED), false);
		}
		if (fd->type == FT_TEXTAREA)
			draw_textarea(fs, app, &l, i, sy, body_top, body_h);
		else if (fd->type == FT_MULTICHOICE)
			draw_multi(fs, &l, i, sy, body_top, body_h);
		else if (sy >= body_top)
			draw_single(fs, app, &l, i, sy);
	}

	char title[512], right[256];
	snprintf(title, sizeof title, "%s：", f->title);
	size_t tl = strlen(title);
	snprintf(title + tl, sizeof title - tl, msg(fm_title_words(fs->m)), fs->m->rec.id);
	if (f->review) { /* where the record is in its review */
		tl = strlen(title);
		snprintf(title + tl, sizeof title - tl, "（%s", state_label(state_of(fs->m->rec.state)));
		tl = strlen(title);
		if (f->evidence && fs->m->rec.id)
			snprintf(title + tl, sizeof title - tl, msg(MSG_UI_EV_COUNT), fs->m->nfiles);
		tl = strlen(title);
		snprintf(title + tl, sizeof title - tl, "）");
	}
	snprintf(right, sizeof right, "%s：%s", f->unit_label, fs->m->rec.unit_name);
	const review_prompt *rp = &fs->review;
	bool reviewing = review_prompt_active(rp);
	fm_ctx c = ctx_of(fs, app);
	unsigned ctx = reviewing ? (rp->actions.open ? CTX_POPUP : rp->confirming ? CTX_CONFIRM : CTX_REASON)
		       : fs->m->mode == FM_PICK ? CTX_POPUP
		       : fs->m->mode == FM_CONFIRM_LEAVE || fs->m->mode == FM_OFFER ? CTX_CONFIRM
										   : fm_keyctx(fs->m, &c);
	if (!reviewing) { /* the prompt's keys are its own */
		app_keys(app, fm_acts, fs->m, &c);
		app_keys_later(app, fm_later);
	}
	app_chrome(app, title, right, help, ctx);
	if (fs->m->dup_warned && !fs->dup_drawn) /* only an F2 pressed after it confirms */
		term_drop_typeahead();
	fs->dup_drawn = fs->m->dup_warned;
	if (reviewing) {
		review_prompt_draw(&fs->review, app, body_top + 2);
		return;
	}
	if (fs->m->mode == FM_CONFIRM_LEAVE) {
		char q[256];
		snprintf(q, sizeof q, msg(fs->m->keep_year ? MSG_UI_ASK_LEAVE_CLOSED : MSG_UI_ASK_LEAVE), fs->m->keep_year);
		draw_text(LINES - 2, 1, COLS - 2, q, theme_attr(R_ERROR), true);
	}
	if (fs->m->mode == FM_OFFER) {
		char q[256];
		snprintf(q, sizeof q, msg(MSG_UI_DRAFT_OFFER), fs->m->offer.updated_at);
		draw_text(LINES - 2, 1, COLS - 2, q, theme_attr(R_ERROR), true);
	}
	if (fs->m->mode == FM_PICK) {
		const layout_row *r = layout_field(&l, fs->m->focus);
		int sy = body_top + r->y - fs->top;
		popup_draw(&fs->m->pick, sy, sy, l.value_x);
		app->cursor_y = -1;
	}
}

/* --- keys: the model acts, the view shows what it did ------------------ */


static void show(form_screen *fs, ui_app *app, const fm_result *r)
{
	if (r->text[0])
		app_status(app, r->error, "%s", r->text);
	else if (fs->m->mode == FM_CONFIRM_LEAVE) /* the question replaces a refusal said before it */
		app_status(app, false, "%s", "");
	switch (r->kind) {
	case FM_REFUSED:
		if (!r->text[0])
			beep(); /* full: max_chars reached */
		break;
	case FM_CLOSE:
		fs->base.closing = true;
		break;
	case FM_OPEN:
		if (r->open == FM_OPEN_REVIEW) {
			mr_result rr = review_prompt_open(&fs->review, app->env->store, fs->m->form, &fs->m->rec);
			app_show_result(app, &fs->base, &rr);
			break;
		}
		fs->base.open = (ui_open){r->open == FM_OPEN_LIST ? SCR_LIST : SCR_EVIDENCE, fs->m->form, NULL,
					  r->open == FM_OPEN_LIST ? 0 : fs->m->rec.id};
		fs->base.closing = r->replace;
		break;
	case FM_SAVED:
		if (fs->m->rec.id) /* an edit saved: back to where it came from */
			fs->base.closing = true;
		else /* a new record: the next starts, 同上 offers this one's values */
			app_remember(app, fs->m->form, fs->m->saved);
		break;
	case FM_HANDLED:
	case FM_MERGED:
		break;
	}
}

static void form_key(ui_screen *s, ui_app *app, kp_key key)
{
	form_screen *fs = (form_screen *)s;
	if (review_prompt_active(&fs->review)) {
		/* decided (or refused as stale): back to where the record was
		 * opened, which shows it as it is now */
		mr_result rr = review_prompt_take(&fs->review, app, &fs->base, key);
		if (rr.kind == MR_SAVED)
			fs->base.closing = true;
		return;
	}
	fm_ctx c = ctx_of(fs, app);
	size_t more = key_printable(key) ? term_burst_ahead() : 0;
	if (more) { /* text pasted unmarked: whole or not at all, never cut at the field's end */
		uint32_t *cps = xcalloc(1 + more, sizeof *cps);
		cps[0] = key.code;
		memcpy(cps + 1, term_burst_chars(), more * sizeof *cps);
		fm_result b = fm_burst(fs->m, &c, cps, 1 + more);
		free(cps);
		if (b.kind == FM_REFUSED) {
			term_burst_drop(more);
			show(fs, app, &b);
			return;
		}
	}
	bool paste = key.fn && key.code == TERM_KEY_PASTE;
	fm_result r = !paste			? fm_key(fs->m, &c, key)
		      : term_paste_text() ? fm_paste(fs->m, &c, term_paste_text())
					  : fm_paste_lost(fs->m, term_paste_refusal());
	show(fs, app, &r);
}

static void form_persist(ui_screen *s, ui_app *app, bool now)
{
	form_screen *fs = (form_screen *)s;
	fm_ctx c = ctx_of(fs, app);
	fm_result r = fm_persist(fs->m, &c, now);
	show(fs, app, &r);
	review_prompt_persist(&fs->review, app->env, now); /* a 退回 reason being typed */
}

/* Back from the attachments (or the list): their count afresh. */
static void form_resume(ui_screen *s, ui_app *app)
{
	form_screen *fs = (form_screen *)s;
	fm_ctx c = ctx_of(fs, app);
	fm_count_files(fs->m, &c);
}

static void form_destroy(ui_screen *s)
{
	form_screen *fs = (form_screen *)s;
	fm_free(fs->m);
	review_prompt_free(&fs->review);
	layout_free(&fs->layout);
	free(fs);
}

ui_screen *form_screen_new(ui_app *app, const kp_form *f, long long id)
{
	fm_ctx c = {app->env, app->user, app->account.auto_advance, app_last_saved(app, f), 0,
		    app->draft_pick};
	app->draft_pick = 0;
	fm_result r;
	form_model *m = fm_new(&c, f, id, app_entry_unit(app), app_entry_unit_name(app), &r);
	if (!m) {
		app_status(app, r.error, "%s", r.text);
		return NULL;
	}
	if (r.text[0]) /* a draft chosen at sign-in, restored */
		app_status(app, r.error, "%s", r.text);
	form_screen *fs = xcalloc(1, sizeof *fs);
	fs->base = (ui_screen){form_draw, form_key, form_resume, form_destroy, form_persist, false,
			       {SCR_NONE, NULL, NULL, 0}, form_arrange};
	fs->m = m;
	review_prompt_init(&fs->review);
	return &fs->base;
}
