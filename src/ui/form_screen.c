/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The one generic form screen: draws any screens/NAME.yaml form and edits
 * its fields; saving is in form_save.c. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/json.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/prefill.h"
#include "domain/review.h"
#include "form/validate.h"
#include "ui/draw.h"
#include "ui/term.h"
#include "ui/form_layout.h"
#include "ui/form_screen.h"
#include "ui/screens.h"

bool fs_is_text(const kp_field *fd)
{
	return fd->type != FT_CHOICE && fd->type != FT_MULTICHOICE && fd->type != FT_RECORD;
}

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

static unsigned field_ctx(const kp_field *fd)
{
	switch (fd->type) {
	case FT_TEXTAREA: return CTX_TEXTAREA;
	case FT_MULTICHOICE: return CTX_MULTI;
	case FT_CHOICE: case FT_RECORD: return CTX_CHOICE;
	default: return CTX_TEXT;
	}
}

void fs_set_value(const kp_field *fd, field_state *st, const char *v)
{
	if (fs_is_text(fd)) {
		eb_set(&st->eb, v);
		st->eb.cur = 0; /* show the start of long values */
	} else if (fd->type == FT_CHOICE) {
		st->choice = v[0] ? list_find(fd->choices, v) : -1;
	} else if (fd->type == FT_RECORD) {
		ref_set(st, v);
	} else {
		memset(st->checked, 0, fd->choices->n * sizeof *st->checked);
		size_t n;
		char **parts = multi_split(v, &n);
		for (size_t i = 0; i < n; i++) {
			int k = list_find(fd->choices, parts[i]);
			if (k >= 0)
				st->checked[k] = true;
		}
		json_array_free(parts, n);
	}
}

/* The value as typed, in the form the validator reads. */
char *fs_get_value(const kp_field *fd, const field_state *st)
{
	if (fs_is_text(fd))
		return eb_text(&st->eb);
	if (fd->type == FT_CHOICE)
		return xstrdup(st->choice >= 0 ? fd->choices->items[st->choice] : "");
	if (fd->type == FT_RECORD)
		return xstrdup(st->ref ? st->ref : "");
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < fd->choices->n; i++)
		if (st->checked[i]) {
			if (b.len)
				sb_adds(&b, "、");
			sb_adds(&b, fd->choices->items[i]);
		}
	return sb_take(&b);
}

void fs_clear_errors(form_screen *fs)
{
	for (size_t i = 0; i < fs->form->nfields; i++) {
		free(fs->fs[i].error);
		fs->fs[i].error = NULL;
	}
}

void fs_load_values(form_screen *fs, const kp_catalog *cat, const kp_record *r)
{
	for (size_t i = 0; i < fs->form->nfields; i++) {
		char *initial = r ? NULL : field_initial(cat, &fs->form->fields[i]);
		fs_set_value(&fs->form->fields[i], &fs->fs[i], r ? r->vals[i] : initial);
		free(initial);
		fs->fs[i].mcur = 0; /* each record's boxes start at the first */
	}
	fs_clear_errors(fs);
	fs->focus = 0;
	fs_focus(fs, 0);
	fs->top = 0;
	fs->dirty = false;
}

/* --- drawing ------------------------------------------------------------ */

/* Every field is drawn plain, its empty cells as a line to write on (___),
 * the same whether it has the focus or not: on a slow link an echo then
 * costs what the character does (a coloured box costs about 20 bytes a
 * keystroke), and moving to the next field repaints no box, only the
 * marker (>) and the cursor. A field with an error keeps its red box. */
static attr_t field_attr(const form_screen *fs, size_t i)
{
	return theme_attr(fs->fs[i].error ? R_ERROR_FIELD : R_NORMAL);
}

/* After a value drawn in `used` of w cells: the rest as the line to write
 * on, or blank in an error's box (drawn padded). */
static void value_rest(const form_screen *fs, size_t i, int y, int x, int w, int used)
{
	if (!fs->fs[i].error)
		draw_blanks(y, x + used, w - used, theme_attr(R_NORMAL));
}

/* A field's hint waits until the user pauses in it: a fast typist moving
 * on pays no bytes for it (make bench); one who stops to think gets it. */
#define HINT_DELAY_MS 800

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static bool hint_due(form_screen *fs)
{
	long long now = now_ms();
	if (fs->hint_field != fs->focus || !fs->hint_since) {
		fs->hint_field = fs->focus;
		fs->hint_since = now;
	}
	return now - fs->hint_since >= HINT_DELAY_MS;
}

static void draw_single(form_screen *fs, ui_app *app, const form_layout *l, size_t i, int sy)
{
	const kp_field *fd = &fs->form->fields[i];
	field_state *st = &fs->fs[i];
	int w = layout_field_width(l, fd);
	attr_t a = field_attr(fs, i);
	bool boxed = st->error != NULL;
	if (fd->type == FT_CHOICE || fd->type == FT_RECORD) {
		const char *v = fd->type == FT_RECORD ? ref_shown(app->env->store, fd, st)
			      : st->choice >= 0 ? fd->choices->items[st->choice] : "";
		value_rest(fs, i, sy, l->value_x, w, draw_text(sy, l->value_x, w, v, a, boxed));
		if (i == fs->focus) { /* the cursor shows where the focus is */
			app->cursor_y = sy;
			app->cursor_x = l->value_x;
		}
		return;
	}
	int col = i == fs->focus ? eb_view(&st->eb, w) : (int)(st->eb.hscroll = 0);
	if (st->eb.sel) /* typing will replace it: shown so */
		a = theme_attr(R_SELECTED);
	value_rest(fs, i, sy, l->value_x, w,
		   draw_cps(sy, l->value_x, w, st->eb.cp + st->eb.hscroll, st->eb.len - st->eb.hscroll, a,
			    boxed));
	if (i == fs->focus) {
		app->cursor_y = sy;
		app->cursor_x = l->value_x + col;
	}
}

static void draw_textarea(form_screen *fs, ui_app *app, const form_layout *l, size_t i, int sy,
			  int body_top, int body_h)
{
	const kp_field *fd = &fs->form->fields[i];
	field_state *st = &fs->fs[i];
	eb_row *rows;
	size_t n = eb_wrap(&st->eb, l->value_w - 1, &rows), crow;
	int ccol;
	eb_cursor_rc(&st->eb, rows, n, &crow, &ccol);
	if (crow < st->vscroll)
		st->vscroll = crow;
	if (crow >= st->vscroll + (size_t)fd->lines)
		st->vscroll = crow - (size_t)fd->lines + 1;
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
	/* A mark when there is more text than the box shows. */
	if (n > st->vscroll + (size_t)fd->lines && sy + fd->lines - 1 < body_top + body_h)
		draw_text(sy + fd->lines - 1, l->value_x + l->value_w - 1, 1, "+", a, false);
	int cy = sy + (int)(crow - st->vscroll);
	if (i == fs->focus && cy >= body_top && cy < body_top + body_h) {
		app->cursor_y = cy;
		app->cursor_x = l->value_x + ccol;
	}
	free(rows);
}

static void draw_multi(form_screen *fs, const form_layout *l, size_t i, int sy, int body_top,
		       int body_h)
{
	const kp_field *fd = &fs->form->fields[i];
	field_state *st = &fs->fs[i];
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
		else if (i == fs->focus && k == st->mcur)
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
	const layout_row *r = layout_field(l, fs->focus);
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

static void form_draw(ui_screen *s, ui_app *app)
{
	form_screen *fs = (form_screen *)s;
	const kp_form *f = fs->form;
	form_layout l;
	layout_compute(&l, f, COLS, mc_rows);
	const kp_field *ff = &f->fields[fs->focus];
	/* The field's own message under the form, unless the status line
	 * already says the same: then the help says what a valid value is. */
	const char *err = fs->fs[fs->focus].error;
	const char *help = err && strcmp(err, app->status) ? err : hint_due(fs) ? ff->help : NULL;
	char why[1200];
	if (!err && !store_may_write_field(app->env->store, ff)) {
		/* 省辖市科协意见 on a unit's screen: the city's words, to read */
		snprintf(why, sizeof why, msg(MSG_UI_CITY_FIELD_READ), ff->label);
		help = why;
	} else if (!err && fs->rec.reason && fs->rec.reason[0]) { /* a returned record says why, whole */
		snprintf(why, sizeof why, msg(MSG_UI_RETURNED_WHY), fs->rec.reason);
		help = why;
	} else if (!err && fs->dup_note) {
		help = fs->dup_note;
	}
	/* Help and status wrapped whole: the form gives up rows for them. */
	app->room = app_bottom_rows(app, help);
	int body_top = app_body_top(), body_h = app_body_height() - (app->room - 2);
	scroll_to_focus(fs, &l, body_h);

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
			draw_text(sy, 1, 1, i == fs->focus ? ">" : " ", theme_attr(R_NORMAL), false);
			draw_text(sy, 2, l.label_w, fd->label, theme_attr(R_LABEL), false);
			if (fd->required)
				draw_text(sy, 2 + l.label_w, 1, msg(MSG_UI_REQUIRED_MARK), theme_attr(R_REQUIRED), false);
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
	if (fs->rec.id)
		snprintf(title + tl, sizeof title - tl, msg(MSG_UI_EDIT_RECORD), fs->rec.id);
	else
		snprintf(title + tl, sizeof title - tl, "%s", msg(MSG_UI_NEW_RECORD));
	if (f->review) { /* where the record is in its review */
		tl = strlen(title);
		snprintf(title + tl, sizeof title - tl, "（%s", state_label(state_of(fs->rec.state)));
		tl = strlen(title);
		if (f->evidence && fs->rec.id)
			snprintf(title + tl, sizeof title - tl, msg(MSG_UI_EV_COUNT), fs->nfiles);
		tl = strlen(title);
		snprintf(title + tl, sizeof title - tl, "）");
	}
	snprintf(right, sizeof right, "%s：%s", f->unit_label, fs->rec.unit_name);
	unsigned ctx = fs->pick.open ? CTX_POPUP : CTX_FORM | field_ctx(ff);
	app_chrome(app, title, right, help, ctx);
	if (fs->confirm_leave)
		draw_text(LINES - 2, 1, COLS - 2, msg(MSG_UI_ASK_LEAVE), theme_attr(R_ERROR), true);
	if (fs->offering) {
		char q[256];
		snprintf(q, sizeof q, msg(MSG_UI_DRAFT_OFFER), fs->offer.updated_at);
		draw_text(LINES - 2, 1, COLS - 2, q, theme_attr(R_ERROR), true);
	}
	if (fs->pick.open) {
		const layout_row *r = layout_field(&l, fs->focus);
		int sy = body_top + r->y - fs->top;
		popup_draw(&fs->pick, sy, sy, l.value_x);
		app->cursor_y = -1;
	}
	layout_free(&l);
}

/* --- keys --------------------------------------------------------------- */

void fs_focus(form_screen *fs, size_t i)
{
	fs->fs[fs->focus].eb.sel = false;
	fs->focus = i;
	const kp_field *fd = &fs->form->fields[i];
	/* A line entered with a value is selected, so typing replaces it and
	 * never lands in front of it. A textarea is not: one stray key would
	 * take paragraphs with it; its cursor goes to the start. */
	if (fd->type == FT_TEXTAREA)
		fs->fs[i].eb.cur = 0;
	else if (fs_is_text(fd))
		eb_select_all(&fs->fs[i].eb);
}

void fs_move_focus(form_screen *fs, int delta)
{
	size_t n = fs->form->nfields;
	fs_focus(fs, (fs->focus + n + (size_t)(delta + (int)n)) % n);
	const kp_field *fd = &fs->form->fields[fs->focus];
	if (fd->type == FT_TEXTAREA && delta < 0)
		eb_end(&fs->fs[fs->focus].eb);
}

static void edited(form_screen *fs, field_state *st)
{
	fs->dirty = true;
	fs->dup_warned = false; /* changed values are checked again */
	fs->draft_due = true;
	free(st->error);
	st->error = NULL;
}

/* A new record's fields computed from the month just chosen (月报's counts
 * from that month's activities and resources); they stay editable. */
static void prefill(form_screen *fs, ui_app *app, size_t changed)
{
	const kp_form *f = fs->form;
	if (fs->rec.id)
		return; /* a stored report keeps what was corrected by hand */
	char *month = fs_get_value(&f->fields[changed], &fs->fs[changed]);
	int n = 0;
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		if (!fd->prefill || fd->prefill->month != (int)changed || !month[0])
			continue;
		char v[32];
		snprintf(v, sizeof v, "%lld", prefill_value(app->env, fd, fs->rec.unit_id, month));
		fs_set_value(fd, &fs->fs[i], v);
		n++;
	}
	if (n)
		app_status(app, false, msg(MSG_UI_PREFILLED), month, n);
	free(month);
}

static void choice_key(form_screen *fs, ui_app *app, kp_key key)
{
	field_state *st = &fs->fs[fs->focus];
	size_t chosen;
	popup_result r = popup_key(&fs->pick, key, &chosen);
	if (r == POPUP_CONTINUE)
		return;
	popup_close(&fs->pick);
	if (r == POPUP_ACCEPT) {
		if (fs->form->fields[fs->focus].type == FT_RECORD)
			ref_take(st, chosen);
		else
			st->choice = (int)chosen;
		edited(fs, st);
		prefill(fs, app, fs->focus);
		fs_move_focus(fs, +1);
	}
}

/* 同上: the focused field takes its value in the last record saved in this
 * session, and the cursor moves on. */
static void ditto(form_screen *fs, ui_app *app)
{
	const char *const *last = app_last_saved(app, fs->form);
	if (!last) {
		app_status(app, true, "%s", msg(MSG_UI_NO_DITTO));
		return;
	}
	const kp_field *fd = &fs->form->fields[fs->focus];
	fs_set_value(fd, &fs->fs[fs->focus], last[fs->focus]);
	if (fs_is_text(fd))
		eb_end(&fs->fs[fs->focus].eb);
	edited(fs, &fs->fs[fs->focus]);
	fs_move_focus(fs, +1);
}

/* A field that declares auto_advance moves on when it is full: max_chars
 * typed, or a phone field holding a whole mobile number. */
static bool complete(const kp_field *fd, const editbuf *eb)
{
	if (!fd->auto_advance)
		return false;
	if (fd->type != FT_PHONE)
		return fd->max_chars > 0 && eb->len >= (size_t)fd->max_chars;
	if (eb->len != 11 || eb->cp[0] != '1')
		return false;
	for (size_t i = 0; i < eb->len; i++)
		if (eb->cp[i] < '0' || eb->cp[i] > '9')
			return false;
	return true;
}

/* Why this user may not change the focused field now (a status line), or
 * false when it may. */
static bool locked(form_screen *fs, ui_app *app)
{
	const kp_field *fd = &fs->form->fields[fs->focus];
	if (fs->readonly)
		app_status(app, true, msg(MSG_UI_READ_ONLY), state_label(state_of(fs->rec.state)));
	else if (!store_may_write_field(app->env->store, fd))
		app_status(app, true, msg(fd->written_by == WRITER_CITY ? MSG_UI_CITY_WRITES
									 : MSG_UI_UNIT_WRITES), fd->label);
	else
		return false;
	return true;
}

/* The choice list, filtered by what is typed (first), its aliases too. */
static void open_choices(form_screen *fs, ui_app *app, const kp_field *fd, field_state *st,
			 uint32_t first)
{
	if (fd->type == FT_RECORD) {
		ref_pick_open(fs, app, fd, st, first);
		return;
	}
	const kp_list *l = fd->choices;
	popup_open(&fs->pick, fd->label, l->items, l->n, st->choice, first);
	popup_aliases(&fs->pick, l->alias_from, l->alias_to, l->naliases);
}

/* Keys that change or move within the focused field. */
static void field_key(form_screen *fs, ui_app *app, kp_action a, kp_key key, int value_w)
{
	const kp_field *fd = &fs->form->fields[fs->focus];
	field_state *st = &fs->fs[fs->focus];
	editbuf *eb = &st->eb;
	bool text = fs_is_text(fd);
	bool moves = a == ACT_LEFT || a == ACT_RIGHT || a == ACT_HOME || a == ACT_END || a == ACT_UP ||
		     a == ACT_DOWN;
	if (!moves && (a != ACT_NONE || (!key.fn && key.code >= ' ')) && locked(fs, app))
		return;
	switch (a) {
	case ACT_LEFT:
		if (fd->type == FT_MULTICHOICE)
			st->mcur = st->mcur ? st->mcur - 1 : 0;
		else
			eb_left(eb);
		return;
	case ACT_RIGHT:
		if (fd->type == FT_MULTICHOICE)
			st->mcur = st->mcur + 1 < fd->choices->n ? st->mcur + 1 : st->mcur;
		else
			eb_right(eb);
		return;
	case ACT_HOME: eb_home(eb); return;
	case ACT_END: eb_end(eb); return;
	case ACT_UP:
		if (!eb_up(eb, value_w - 1))
			fs_move_focus(fs, -1);
		return;
	case ACT_DOWN:
		if (!eb_down(eb, value_w - 1))
			fs_move_focus(fs, +1);
		return;
	case ACT_BACKSPACE:
	case ACT_DELETE:
		if (fd->type == FT_CHOICE || fd->type == FT_RECORD) {
			st->choice = -1;
			if (fd->type == FT_RECORD)
				ref_set(st, "");
			edited(fs, st);
		} else if (a == ACT_BACKSPACE ? eb_backspace(eb) : eb_delete(eb)) {
			edited(fs, st);
		}
		return;
	case ACT_KILL:
		eb_kill_to_end(eb);
		edited(fs, st);
		return;
	case ACT_NEWLINE:
		if (eb_insert(eb, '\n'))
			edited(fs, st);
		return;
	case ACT_TOGGLE:
		st->checked[st->mcur] = !st->checked[st->mcur];
		edited(fs, st);
		return;
	case ACT_OPEN_LIST:
		open_choices(fs, app, fd, st, 0);
		return;
	default:
		break;
	}
	if (key.fn || key.code < ' ' || key.code == 127)
		return;
	if (fd->type == FT_CHOICE || fd->type == FT_RECORD)
		open_choices(fs, app, fd, st, key.code);
	else if (text && eb_insert(eb, key.code)) {
		edited(fs, st);
		if (app->account.auto_advance && complete(fd, eb)) { /* the field's and the user's choice */
			fs_move_focus(fs, +1);
			fs->advanced = fd->forgive_tab;
		}
	} else if (text) {
		beep(); /* full: max_chars reached */
	}
}

/* A row pasted from a sheet (tab-separated): its cells fill the fields in
 * order from the focused one, each checked as if typed; a choice takes the
 * item the cell names (or its alias), else stays empty with the field's
 * message. Fields the session may not write keep their value, their cell
 * is passed over. The focus goes to the first field with a problem. */
static void paste_row(form_screen *fs, ui_app *app, const char *text)
{
	if (locked(fs, app))
		return;
	const kp_form *f = fs->form;
	size_t len = strcspn(text, "\r\n"); /* one row: the first line */
	char *row = xstrndup(text, len), *p = row;
	size_t k = fs->focus, filled = 0, bad = 0, first_bad = f->nfields;
	while (p && k < f->nfields) {
		char *tab = strchr(p, '\t');
		if (tab)
			*tab = '\0';
		const kp_field *fd = &f->fields[k];
		field_state *st = &fs->fs[k];
		if (store_may_write_field(app->env->store, fd)) {
			char *out = NULL, *why = NULL;
			bool ok = field_validate(&app->env->cat, fd, p, &out, &why);
			if (fd->type == FT_CHOICE && !ok)
				st->choice = -1; /* no such item: nothing chosen */
			else
				fs_set_value(fd, st, fd->type == FT_CHOICE || fd->type == FT_MULTICHOICE ? out : p);
			edited(fs, st);
			if (!ok) {
				st->error = field_message(fd, why);
				bad++;
				if (first_bad == f->nfields)
					first_bad = k;
			}
			filled++;
			free(out);
			free(why);
		}
		p = tab ? tab + 1 : NULL;
		k++;
	}
	free(row);
	fs_focus(fs, first_bad < f->nfields ? first_bad : k < f->nfields ? k : f->nfields - 1);
	app_status(app, bad > 0, msg(MSG_UI_PASTED), filled, bad);
}

static void form_key(ui_screen *s, ui_app *app, kp_key key)
{
	form_screen *fs = (form_screen *)s;
	if (fs->offering) {
		fs_answer_offer(fs, app, keymap_lookup(CTX_CONFIRM, key));
		return;
	}
	if (fs->pick.open) {
		choice_key(fs, app, key);
		return;
	}
	if (fs->confirm_leave) {
		kp_action a = keymap_lookup(CTX_CONFIRM, key);
		if (a == ACT_YES) { /* the user chose to throw the input away */
			fs_drop_draft(fs, app, fs->rec.id);
			fs->base.closing = true;
		}
		if (a == ACT_YES || a == ACT_NO)
			fs->confirm_leave = false;
		return;
	}
	/* The habitual Tab or Enter right after an auto-advance: the move it
	 * asks for has been made, so it is absorbed. */
	bool after_advance = fs->advanced;
	fs->advanced = false;
	if (key.fn && key.code == TERM_KEY_PASTE) {
		paste_row(fs, app, term_paste_text());
		return;
	}
	if (after_advance && keymap_lookup(CTX_ADVANCED, key) == ACT_ABSORB)
		return;
	const kp_field *fd = &fs->form->fields[fs->focus];
	kp_action a = keymap_lookup(CTX_FORM | field_ctx(fd), key);
	switch (a) {
	case ACT_SAVE:
		if (fs->readonly)
			locked(fs, app);
		else
			fs_save(fs, app);
		return;
	case ACT_QUIT:
		if (fs->dirty)
			fs->confirm_leave = true;
		else
			fs->base.closing = true;
		return;
	case ACT_LIST:
		app_push(app, list_screen_new(app, fs->form));
		return;
	case ACT_FILES:
		if (!fs->form->evidence)
			app_status(app, true, msg(MSG_UI_EV_NOT_HERE), fs->form->title);
		else if (!fs->rec.id)
			app_status(app, true, "%s", msg(MSG_UI_EV_SAVE_FIRST));
		else {
			ui_screen *ev = evidence_screen_new(app, fs->form, fs->rec.id);
			if (ev)
				app_push(app, ev);
		}
		return;
	case ACT_DITTO:
		if (!locked(fs, app))
			ditto(fs, app);
		return;
	case ACT_NEXT:
		fs_move_focus(fs, +1);
		return;
	case ACT_PREV:
		fs_move_focus(fs, -1);
		return;
	default:
		break;
	}
	form_layout l;
	layout_compute(&l, fs->form, COLS, mc_rows);
	int w = l.value_w;
	layout_free(&l);
	field_key(fs, app, a, key, w);
}

/* Back from the attachments (or the list): their count afresh. */
static void count_files(form_screen *fs, ui_app *app)
{
	if (!fs->form->evidence || !fs->rec.id)
		return;
	kp_attachment *a;
	fs->nfiles = store_attachments(app->env->store, fs->form, fs->rec.id, &a);
	attachments_free(a, fs->nfiles);
}

static void form_resume(ui_screen *s, ui_app *app) { count_files((form_screen *)s, app); }

static void form_destroy(ui_screen *s)
{
	form_screen *fs = (form_screen *)s;
	for (size_t i = 0; i < fs->form->nfields; i++) {
		eb_free(&fs->fs[i].eb);
		free(fs->fs[i].checked);
		free(fs->fs[i].error);
		ref_free(&fs->fs[i]);
	}
	popup_close(&fs->pick);
	draft_free(&fs->offer);
	free(fs->dup_note);
	for (size_t i = 0; i < fs->form->nfields; i++)
		free(fs->orig[i]);
	free(fs->orig);
	free(fs->fs);
	record_free(&fs->rec);
	free(fs);
}

ui_screen *form_screen_new(ui_app *app, const kp_form *f, long long id)
{
	form_screen *fs = xcalloc(1, sizeof *fs);
	fs->base = (ui_screen){form_draw, form_key, form_resume, form_destroy, fs_persist, false};
	fs->form = f;
	fs->fs = xcalloc(f->nfields, sizeof *fs->fs);
	fs->orig = xcalloc(f->nfields, sizeof *fs->orig);
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		eb_init(&fs->fs[i].eb, (size_t)fd->max_chars, fd->type == FT_TEXTAREA);
		fs->fs[i].choice = -1;
		if (fd->type == FT_MULTICHOICE)
			fs->fs[i].checked = xcalloc(fd->choices->n, sizeof(bool));
	}
	if (id) {
		char *err = NULL;
		/* Another unit's record is, for a unit session, no record at all
		 * (the store's answer): the same as a number that does not exist. */
		if (id <= 0 || store_get(app->env->store, f, id, &fs->rec, &err) != KP_OK) {
			app_status(app, true, msg(MSG_UI_NO_SUCH_RECORD), id);
			free(err);
			record_init(&fs->rec, f->nfields);
			form_destroy(&fs->base);
			return NULL;
		}
		fs->readonly = f->review && !review_editable(app->env->store, state_of(fs->rec.state));
		fs->dup_note = fs_dup_note(app->env->store, f, id);
		fs_load_values(fs, &app->env->cat, &fs->rec);
		fs_set_orig(fs, &fs->rec);
		count_files(fs, app);
	} else {
		record_init(&fs->rec, f->nfields);
		fs->rec.unit_id = app_entry_unit(app);
		fs->rec.unit_name = xstrdup(app_entry_unit_name(app));
		fs_load_values(fs, &app->env->cat, NULL);
	}
	fs->offering = store_draft_load(app->env->store, app->user, f->id, id, &fs->offer) == KP_OK;
	fs->draft_saved = time(NULL);
	return &fs->base;
}
