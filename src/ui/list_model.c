/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A record list's model: keyset paging (the same cost on every page),
 * sorting by any column, filtering as you type, the review state filter,
 * marks, delete and the move into another year with confirmation
 * (list_model.h). */
#include "ui/list_model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/move_year.h"
#include "domain/review.h"
#include "ui/columns.h"
#include "ui/scrollwin.h"

static lm_result result(lm_kind k)
{
	lm_result r = {.kind = k};
	return r;
}

static lm_result said(lm_kind k, bool error, enum kp_msg_id id, ...)
{
	lm_result r = result(k);
	va_list ap;
	va_start(ap, id);
	vsnprintf(r.text, sizeof r.text, msg(id), ap);
	va_end(ap);
	r.error = error;
	return r;
}

bool lm_is_marked(const list_model *m, long long id)
{
	for (size_t i = 0; i < m->nmarked; i++)
		if (m->marked[i] == id)
			return true;
	return false;
}

static void toggle_mark(list_model *m, const kp_record *r)
{
	for (size_t i = 0; i < m->nmarked; i++)
		if (m->marked[i] == r->id) {
			m->marked_year[i] = m->marked_year[--m->nmarked];
			m->marked[i] = m->marked[m->nmarked];
			return;
		}
	m->marked = xrealloc(m->marked, (m->nmarked + 1) * sizeof *m->marked);
	m->marked_year = xrealloc(m->marked_year, (m->nmarked + 1) * sizeof *m->marked_year);
	m->marked_year[m->nmarked] = r->year;
	m->marked[m->nmarked++] = r->id;
}

int lm_move_from(const list_model *m)
{
	if (!m->nmarked)
		return m->n ? m->rows[m->sel].year : 0;
	for (size_t i = 1; i < m->nmarked; i++)
		if (m->marked_year[i] != m->marked_year[0])
			return 0;
	return m->marked_year[0];
}

const char *lm_cell(const list_model *m, size_t i, size_t k) { return m->shown[i * m->ncols + k]; }

static void drop_shown(list_model *m)
{
	for (size_t i = 0; m->shown && i < m->n * m->ncols; i++)
		free(m->shown[i]);
	free(m->shown);
	m->shown = NULL;
}

/* The page's cells as drawn, column by column: the drawing reads no
 * database (a record field's labels are one query per page). */
static void read_shown(list_model *m, kp_store *s)
{
	size_t cells = m->n * m->ncols;
	m->shown = xcalloc(cells ? cells : 1, sizeof *m->shown);
	const char **vals = xcalloc(m->n ? m->n : 1, sizeof *vals);
	char **col = xcalloc(m->n ? m->n : 1, sizeof *col);
	for (size_t k = 0; k < m->ncols; k++) {
		int f = m->fields[k];
		for (size_t i = 0; i < m->n; i++)
			vals[i] = m->rows[i].vals[f];
		store_shown_many(s, &m->form->fields[f], vals, m->n, col);
		for (size_t i = 0; i < m->n; i++)
			m->shown[i * m->ncols + k] = col[i];
	}
	free(col);
	free(vals);
}

static void count_beyond(list_model *m, const lm_ctx *c);

/* New rows: replace the page and its cells; keep the selection on a row;
 * a view numbers from the first row's place in the unit; whether rows are
 * hidden above and below (the screen marks them). */
static void set_rows(list_model *m, const lm_ctx *c, kp_record *rows, size_t n)
{
	drop_shown(m);
	records_free(m->rows, m->n);
	m->rows = rows;
	m->n = n;
	read_shown(m, c->store);
	if (m->sel >= m->n)
		m->sel = m->n ? m->n - 1 : 0;
	if (m->view && m->n)
		m->first_rank = store_query_rank(c->store, m->form, &m->q, m->rows[0].id);
	count_beyond(m, c);
}

/* A row as a keyset anchor: its sort value and id. */
static kp_anchor anchor_of(const list_model *m, const kp_record *r)
{
	return (kp_anchor){m->q.sort >= 0 ? r->vals[m->q.sort] : NULL, r->id};
}

/* Up to a page after (or before) the anchor row, or from the start (end)
 * when it is NULL. */
static void load(list_model *m, const lm_ctx *c, const kp_record *after, bool backward)
{
	kp_anchor a;
	if (after)
		a = anchor_of(m, after);
	kp_record *rows;
	size_t n = store_query_page(c->store, m->form, &m->q, after ? &a : NULL, backward, c->rows, &rows);
	set_rows(m, c, rows, n);
}

/* Is there a row before (or after) r in the list now (another session
 * may have changed it since the page was read)? */
static bool has_neighbour(list_model *m, const lm_ctx *c, const kp_record *r, bool before)
{
	kp_anchor a = anchor_of(m, r);
	kp_record *one;
	size_t n = store_query_page(c->store, m->form, &m->q, &a, before, 1, &one);
	records_free(one, n);
	return n > 0;
}

/* How many rows of the list come before (or after) r, up to
 * KP_COUNT_CAP + 1. */
static long long beyond(list_model *m, const lm_ctx *c, const kp_record *r, bool before)
{
	kp_anchor a = anchor_of(m, r);
	return store_query_beyond(c->store, m->form, &m->q, &a, before);
}

/* The rows above and below the page, each counted up to KP_COUNT_CAP;
 * when one side is within it and the total is exact, the other is the
 * rest. Only in the middle of a list over twice the cap do both say
 * 「1000 多项」. */
static void count_beyond(list_model *m, const lm_ctx *c)
{
	m->more_above = m->more_below = 0;
	m->exact = false;
	if (!m->n)
		return;
	bool exact = !(m->q.filter && m->q.filter[0]) || m->total <= KP_COUNT_CAP;
	long long rest = m->total - (long long)m->n;
	m->more_above = beyond(m, c, &m->rows[0], true);
	if (exact && m->more_above <= KP_COUNT_CAP) {
		m->more_below = rest > m->more_above ? rest - m->more_above : 0;
		m->exact = true;
		return;
	}
	m->more_below = m->n == c->rows ? beyond(m, c, &m->rows[m->n - 1], false) : 0;
	if (exact && m->more_below <= KP_COUNT_CAP) {
		m->more_above = rest > m->more_below ? rest - m->more_below : 0;
		m->exact = true;
	}
}

void lm_more(const list_model *m, char *out, size_t len)
{
	/* a side counted only to the cap says so: 「↓ 还有 1000 多项」 */
	bool up = !m->exact && m->more_above > KP_COUNT_CAP, down = !m->exact && m->more_below > KP_COUNT_CAP;
	sw_mark_n(up ? KP_COUNT_CAP : (size_t)m->more_above, up, down ? KP_COUNT_CAP : (size_t)m->more_below, down,
		  out, len);
}

void lm_restart(list_model *m, const lm_ctx *c)
{
	kp_record *rows;
	m->sel = 0;
	size_t n = store_query_open(c->store, m->form, &m->q, c->rows, &rows, &m->total);
	set_rows(m, c, rows, n);
}

/* The cursor back on record id after a reload moved the rows under it
 * (another session's change): a key pressed next, F9 above all, must act
 * on the record the clerk was looking at, not on whichever took its place. */
static void select_id(list_model *m, long long id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->rows[i].id == id) {
			m->sel = i;
			return;
		}
}

void lm_back(list_model *m, const lm_ctx *c)
{
	lm_reload(m, c);
	eb_select_all(&m->filter);
}

void lm_reload(list_model *m, const lm_ctx *c)
{
	m->total = store_query_count(c->store, m->form, &m->q);
	if (!m->n) {
		load(m, c, NULL, false);
		return;
	}
	long long at = m->rows[m->sel].id;
	kp_anchor a = anchor_of(m, &m->rows[0]);
	kp_record *prev;
	size_t n = store_query_page(c->store, m->form, &m->q, &a, true, 1, &prev);
	load(m, c, n ? &prev[0] : NULL, false);
	records_free(prev, n);
	if (m->n == 0)
		load(m, c, NULL, true); /* the page emptied: show the last one */
	select_id(m, at);
}

void lm_set_unit(list_model *m, const lm_ctx *c, long long unit_id)
{
	m->q.unit_id = unit_id;
	lm_restart(m, c);
}

/* Each move keeps the row it leaves alive while it anchors the next page. */
static void move_down(list_model *m, const lm_ctx *c)
{
	if (m->sel + 1 < m->n) {
		m->sel++;
	} else if (m->n == c->rows && has_neighbour(m, c, &m->rows[m->n - 1], false)) {
		kp_record first = m->rows[0];
		m->rows[0] = (kp_record){0};
		load(m, c, &first, false); /* scroll on by one row */
		record_free(&first);
		m->sel = m->n - 1;
	}
}

static void move_up(list_model *m, const lm_ctx *c)
{
	if (m->sel > 0) {
		m->sel--;
	} else if (m->n && has_neighbour(m, c, &m->rows[0], true)) {
		kp_record last = m->rows[m->n - 1];
		m->rows[m->n - 1] = (kp_record){0};
		load(m, c, &last, true); /* scroll back by one row */
		record_free(&last);
		m->sel = 0;
	}
}

static void page_down(list_model *m, const lm_ctx *c)
{
	if (!m->n || !has_neighbour(m, c, &m->rows[m->n - 1], false))
		return; /* already on the last page */
	kp_record last = m->rows[m->n - 1];
	m->rows[m->n - 1] = (kp_record){0};
	load(m, c, &last, false);
	record_free(&last);
	m->sel = 0;
}

static void page_up(list_model *m, const lm_ctx *c)
{
	if (m->n) {
		kp_record first = m->rows[0];
		m->rows[0] = (kp_record){0};
		load(m, c, &first, true);
		record_free(&first);
	}
	if (m->n < c->rows)
		load(m, c, NULL, false); /* less than a page before: the first page */
	m->sel = 0;
}

bool lm_cols_left(const list_model *m) { return m->col_first > m->frozen; }

/* Right acts while a column after the shown ones is hidden and one is left
 * to scroll out. */
static bool cols_right(const list_model *m) { return m->cols_right && m->col_first + 1 < m->ncols; }

int lm_place_columns(list_model *m, const int *width, int x, int end, int gap, int *shown)
{
	int used = columns_place(width, m->ncols, m->frozen, m->col_first, x, end, gap, shown);
	m->cols_right = m->ncols && !shown[m->ncols - 1];
	return used;
}

/* Up, Down, pages, first, last, the columns sideways: the same in a list
 * and a view. */
static bool move(list_model *m, const lm_ctx *c, kp_action a)
{
	switch (a) {
	case ACT_LEFT:
		m->col_first -= lm_cols_left(m);
		return true;
	case ACT_RIGHT:
		m->col_first += cols_right(m);
		return true;
	case ACT_UP: move_up(m, c); return true;
	case ACT_DOWN: move_down(m, c); return true;
	case ACT_PAGE_DOWN: page_down(m, c); return true;
	case ACT_PAGE_UP: page_up(m, c); return true;
	case ACT_HOME:
		load(m, c, NULL, false);
		m->sel = 0;
		return true;
	case ACT_END:
		load(m, c, NULL, true);
		m->sel = m->n ? m->n - 1 : 0;
		return true;
	default:
		return false;
	}
}

/* The next order: each column ascending, then descending, then the next. */
static void next_sort(list_model *m, const lm_ctx *c)
{
	if (!m->q.descending) {
		m->q.descending = true;
	} else {
		m->q.descending = false;
		do
			m->q.sort++;
		while (m->q.sort < (int)m->form->nfields && m->form->fields[m->q.sort].type == FT_TEXTAREA);
		if (m->q.sort >= (int)m->form->nfields)
			m->q.sort = -1;
	}
	lm_restart(m, c);
}

static void set_filter(list_model *m, const lm_ctx *c)
{
	free(m->filter_text);
	m->filter_text = eb_text(&m->filter);
	m->q.filter = m->filter_text;
	lm_restart(m, c);
}

static lm_result open_row(const list_model *m)
{
	lm_result r = result(LM_OPEN);
	r.id = m->rows[m->sel].id;
	return r;
}

static lm_result view_key(list_model *m, const lm_ctx *c, kp_key key)
{
	kp_action a = keymap_lookup(CTX_VIEW, key);
	if (move(m, c, a))
		return result(LM_HANDLED);
	switch (a) {
	case ACT_ACCEPT:
		return m->n ? open_row(m) : result(LM_HANDLED);
	case ACT_UNIT:
		return c->city ? result(LM_PICK_UNIT) : said(LM_REFUSED, true, MSG_UI_OWN_UNIT_ONLY);
	case ACT_QUIT:
		return result(LM_CLOSE);
	default:
		return result(LM_HANDLED);
	}
}

/* The store's refusal, said as it said it; takes err. */
static lm_result refused(char *err)
{
	lm_result r = result(LM_REFUSED);
	r.error = true;
	snprintf(r.text, sizeof r.text, "%s", err ? err : "");
	free(err);
	return r;
}

static lm_result delete_one(list_model *m, const lm_ctx *c)
{
	char *err = NULL;
	if (store_delete(c->store, m->form, m->rows[m->sel].id, &err) == KP_OK)
		return said(LM_HANDLED, false, MSG_UI_DELETED);
	return refused(err);
}

void lm_ask_year(list_model *m, int to)
{
	if (!m->nmarked && !m->n)
		return;
	m->move_to = to;
	m->mode = LM_CONFIRM_YEAR;
}

void lm_question(const list_model *m, char *out, size_t len)
{
	out[0] = '\0';
	if (m->mode == LM_CONFIRM_YEAR && m->nmarked)
		snprintf(out, len, msg(MSG_UI_ASK_MOVE_MANY), m->nmarked, m->move_to);
	else if (m->mode == LM_CONFIRM_YEAR && m->n)
		snprintf(out, len, msg(MSG_UI_ASK_MOVE_YEAR), m->rows[m->sel].vals[0], m->move_to);
	else if (m->mode == LM_CONFIRM_DELETE && m->n)
		snprintf(out, len, msg(MSG_UI_ASK_DELETE), m->rows[m->sel].id, m->rows[m->sel].vals[0]);
}

/* One record moved, or why not. */
static lm_result move_one(list_model *m, const lm_ctx *c)
{
	char *err = NULL;
	long long id = m->rows[m->sel].id;
	if (env_move_year(c->env, m->form, id, m->move_to, &err) == 0)
		return said(LM_HANDLED, false, MSG_Y_MOVED, m->form->title, id, m->move_to);
	return refused(err);
}

/* Each marked record moved under the same rules as one, as F9 submits
 * them: how many moved, which did not and why, by number; the marks go. */
static lm_result move_marked(list_model *m, const lm_ctx *c)
{
	size_t done = 0, failed = 0;
	strbuf why = STRBUF_INIT;
	for (size_t i = 0; i < m->nmarked; i++) {
		char *err = NULL;
		if (env_move_year(c->env, m->form, m->marked[i], m->move_to, &err) == 0) {
			done++;
		} else {
			if (failed++)
				sb_adds(&why, "；");
			sb_printf(&why, msg(MSG_UI_NOT_SUBMITTED_ONE), m->marked[i], err ? err : "");
		}
		free(err);
	}
	lm_result r = said(failed ? LM_REFUSED : LM_HANDLED, failed > 0, MSG_UI_MOVED_MANY, m->move_to, done);
	if (failed) {
		size_t used = strlen(r.text);
		snprintf(r.text + used, sizeof r.text - used, msg(MSG_UI_NOT_MOVED), failed, sb_str(&why));
	}
	sb_free(&why);
	m->nmarked = 0;
	return r;
}

/* y: delete, or move into the year chosen; n: nothing. */
static lm_result confirm(list_model *m, const lm_ctx *c, kp_key key)
{
	kp_action a = keymap_lookup(CTX_CONFIRM, key);
	lm_result r = result(LM_HANDLED);
	if (a == ACT_YES) {
		r = m->mode == LM_CONFIRM_DELETE ? delete_one(m, c) : m->nmarked ? move_marked(m, c) : move_one(m, c);
		lm_reload(m, c);
	}
	if (a == ACT_YES || a == ACT_NO)
		m->mode = LM_BROWSE;
	return r;
}

/* Why F8 does not act on the selected row, at once (not after 「确定删除？」
 * y): the store's own words for a closed year or a summed-up 月报, the
 * review state's otherwise. */
static lm_result delete_refused(const list_model *m, const lm_ctx *c)
{
	const kp_record *row = &m->rows[m->sel];
	char *err = NULL;
	if (store_why_year_fixed(c->store, store_year(c->store), &err) != KP_OK ||
	    store_may_change_report(c->store, m->form, row, &err) != KP_OK)
		return refused(err);
	if (!store_may_write_form(c->store, m->form))
		return said(LM_REFUSED, true, m->form->written_by == WRITER_CITY ? MSG_SS_CITY_FORM : MSG_SS_UNIT_FIELD,
			    m->form->title);
	return said(LM_REFUSED, true, MSG_UI_READ_ONLY, state_label(state_of(row->state)));
}

lm_result lm_key(list_model *m, const lm_ctx *c, kp_key key)
{
	if (m->view)
		return view_key(m, c, key);
	if (m->mode != LM_BROWSE)
		return confirm(m, c, key);
	kp_action a = keymap_lookup(CTX_LIST | (c->city ? CTX_CITY : CTX_UNIT), key);
	if (move(m, c, a))
		return result(LM_HANDLED);
	lm_result r = result(LM_HANDLED);
	switch (a) {
	case ACT_SORT:
		next_sort(m, c);
		break;
	case ACT_BACKSPACE:
		if (eb_backspace(&m->filter))
			set_filter(m, c);
		break;
	case ACT_ACCEPT:
		if (m->filter_text[0] == '#') { /* #123: the record with that 编号 */
			r = result(LM_OPEN);
			r.id = atoll(m->filter_text + 1) > 0 ? atoll(m->filter_text + 1) : -1;
		} else if (m->n) {
			r = open_row(m);
		}
		break;
	case ACT_NEW: /* the city chooses the unit first, as from the menu */
		r = result(c->own_unit ? LM_OPEN : LM_NEW);
		break;
	case ACT_DELETE_RECORD:
		if (!m->n)
			break;
		/* the key line's own answer: F8 asks 「确定删除」 only where it acts */
		if (!lm_acts(m, c, ACT_DELETE_RECORD))
			return delete_refused(m, c);
		m->mode = LM_CONFIRM_DELETE;
		break;
	case ACT_NEXT: /* Tab: the next state, then all */
		if (m->form->review)
			lm_set_state(m, c, m->state + 1 < ST_COUNT ? m->state + 1 : -1);
		break;
	case ACT_REVIEW:
		if (m->nmarked && !review_may_submit(c->store)) /* many at once: a submit only */
			return said(LM_REFUSED, true, MSG_UI_NONE_TO_SUBMIT);
		if (m->nmarked || m->n)
			r = result(LM_REVIEW);
		break;
	case ACT_YEAR: /* the marked records, as F9 takes them, else the selected one */
		if (m->nmarked || m->n)
			r = result(LM_YEAR);
		break;
	case ACT_TOGGLE: /* Space marks a reviewed record; elsewhere it is filter text */
		if (m->form->review && m->n) {
			toggle_mark(m, &m->rows[m->sel]);
			move_down(m, c);
		} else if (!m->form->review && eb_insert(&m->filter, key.code)) {
			set_filter(m, c);
		}
		break;
	case ACT_QUIT:
		if (!m->filter.len)
			return result(LM_CLOSE);
		eb_clear(&m->filter); /* Esc clears the filter first */
		set_filter(m, c);
		break;
	default:
		if (key_printable(key) && eb_insert(&m->filter, key.code))
			set_filter(m, c);
		break;
	}
	return r;
}

void lm_set_state(list_model *m, const lm_ctx *c, int state)
{
	m->state = state;
	m->q.state = state >= 0 ? state_code((kp_state)state) : NULL;
	lm_restart(m, c);
}

unsigned lm_review_ctx(const list_model *m, const lm_ctx *c)
{
	return !m->view && m->form->review && !m->nmarked && m->sel < m->n &&
			       review_only_withdraw(c->store, state_of(m->rows[m->sel].state))
		       ? CTX_WITHDRAW
		       : 0;
}

bool lm_acts(const void *model, const void *ctx, kp_action a)
{
	const list_model *m = model;
	const lm_ctx *c = ctx;
	if (m->mode != LM_BROWSE)
		return a == ACT_YES || a == ACT_NO;
	bool rows = m->n > 0, any = rows || m->nmarked;
	/* a unit in a year the city closed only reads (the store refuses) */
	bool year_open = m->view || store_may_change_year(c->store, store_year(c->store));
	switch (a) {
	case ACT_YES:
	case ACT_NO:
		return false;
	case ACT_UNIT: /* a view: the city's choice of whose roll */
		return c->city;
	case ACT_ACCEPT:
		return rows || (!m->view && m->filter_text[0] == '#');
	case ACT_NEW:
		return !m->view && year_open && store_may_write_form(c->store, m->form);
	case ACT_DELETE_RECORD: /* nor a 月报 the city has summed up (store.h) */
		return !m->view && year_open && rows && store_may_write_form(c->store, m->form) &&
		       (!m->form->review || review_editable(c->store, state_of(m->rows[m->sel].state))) &&
		       store_may_change_report(c->store, m->form, &m->rows[m->sel], NULL) == KP_OK;
	case ACT_REVIEW: /* the selected row: only with an action on it (none on a unit's 已认定) */
		return !m->view && year_open && m->form->review &&
		       (m->nmarked ? review_may_submit(c->store)
				   : rows && review_any(c->store, state_of(m->rows[m->sel].state)));
	case ACT_YEAR: /* only with a year to move to */
		return !m->view && year_open && any && move_year_to_any(c->store, lm_move_from(m));
	case ACT_TOGGLE: /* marks are for F9 and F5 (F1's words say so); elsewhere Space is filter text */
		return m->form->review && (m->view || year_open);
	case ACT_NEXT: /* Tab steps through the review states */
		return m->form->review;
	case ACT_LEFT:
		return lm_cols_left(m);
	case ACT_RIGHT:
		return cols_right(m);
	default:
		return true;
	}
}

void lm_init(list_model *m, const kp_form *f, const kp_view *v, const int *fields, size_t ncols)
{
	*m = (list_model){.form = f, .view = v, .fields = fields, .ncols = ncols, .state = -1};
	/* The key columns: up to the one of the form's first field (the name
	 * that questions and titles use), or the first column */
	m->frozen = ncols ? 1 : 0;
	for (size_t k = 0; k < ncols; k++)
		if (fields[k] == 0)
			m->frozen = k + 1;
	m->col_first = m->frozen;
	m->q = (kp_query){-1, false, NULL, 0, NULL, true}; /* letters find pinyin initials, as the pickers do */
	eb_init(&m->filter, 40, false);
	m->filter_text = xstrdup("");
	m->q.filter = m->filter_text;
}

void lm_free(list_model *m)
{
	drop_shown(m);
	records_free(m->rows, m->n);
	eb_free(&m->filter);
	free(m->filter_text);
	free(m->marked);
	free(m->marked_year);
}

void lm_marked_hint(const list_model *m, const lm_ctx *c, char *out, size_t len)
{
	bool review = lm_acts(m, c, ACT_REVIEW), year = lm_acts(m, c, ACT_YEAR);
	snprintf(out, len,
		 msg(review && year ? MSG_UI_LIST_MARKED
		     : review	    ? MSG_UI_LIST_MARKED_SUBMIT
		     : year	    ? MSG_UI_LIST_MARKED_MOVE
				    : MSG_UI_LIST_MARKED_ONLY),
		 m->nmarked);
}

const char *lm_view_hint(const list_model *m, const lm_ctx *c)
{
	return msg(lm_acts(m, c, ACT_UNIT) ? MSG_UI_VIEW_HINT : MSG_UI_VIEW_HINT_OWN);
}

void lm_empty_text(const list_model *m, const lm_ctx *c, char *out, size_t len)
{
	if (m->view && !m->q.unit_id)
		snprintf(out, len, "%s", msg(MSG_UI_VIEW_NO_UNIT));
	else if (m->filter_text && m->filter_text[0])
		snprintf(out, len, msg(MSG_UI_NO_MATCH), m->filter_text);
	else if (m->state >= 0)
		snprintf(out, len, msg(MSG_UI_NO_STATE), state_label((kp_state)m->state));
	else
		snprintf(out, len, "%s",
			 msg(m->view                     ? MSG_UI_VIEW_EMPTY
			     : lm_acts(m, c, ACT_NEW) ? MSG_UI_NO_RECORDS
						      : MSG_UI_NO_RECORDS_READ)); /* F7 only where it acts */
}
