/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The audit screen's model: see audit_model.h. */
#include "ui/audit_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "ui/columns.h"
#include "ui/scrollwin.h"
#include "ui/shell.h"

#define MIN_W 6 /* user, unit and what was done: each at least this wide */

/* What an action is called on screen. */
static const char *action_label(const char *a)
{
	/* the store's one table of the actions it writes */
	const char *label = store_audit_label(a);
	return label ? label : a;
}

/* The form a table belongs to, for its title and labels; NULL for kepu's own. */
static const kp_form *form_of(const kp_env *env, const char *table)
{
	for (size_t i = 0; i < env->cat.nforms; i++)
		if (!strcmp(env->cat.forms[i]->table, table))
			return env->cat.forms[i];
	return NULL;
}

/* kepu's own columns in an audit row, by the names people know. */
static const char *audit_name(const char *column)
{
	static const struct { const char *column; enum kp_msg_id id; } names[] = {
		{"kp_state", MSG_UI_AU_STATE}, {"kp_reason", MSG_UI_AU_REASON},
		{"kp_duplicates", MSG_UI_AU_DUP}, {"key", MSG_UI_AU_TICK}, {"kp_year", MSG_UI_AU_YEAR},
		/* the accounts' and the years' rows (store/auth.c, tally.c, years.c) */
		{"name", MSG_UI_LOGIN_NAME}, {"typed_name", MSG_AU_TYPED_NAME}, {"role", MSG_UI_AC_ROLE}, {"address", MSG_UI_AU_ADDRESS},
		{"reason", MSG_UI_AU_WHY}, {"year", MSG_UI_AU_YEAR}, {"from_year", MSG_UI_AU_FROM_YEAR},
		{"unit", MSG_P_COL_UNIT}, {"units", MSG_UI_AU_UNITS}, /* a closed year reopened for a unit */
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(names[i].column, column))
			return msg(names[i].id);
	return column;
}

static const char *audit_value(const char *column, const char *v)
{
	if (!strcmp(column, "kp_state") && v[0])
		return state_label(state_of(v));
	if (!strcmp(column, "kp_duplicates") && v[0])
		return msg(MSG_UI_AU_DUP_MARKED);
	if (!strcmp(column, "role") && v[0])
		return msg(!strcmp(v, "city") ? MSG_P_OWNER_CITY : MSG_P_COL_UNIT);
	return v;
}

static void lines_free(audit_model *m)
{
	for (size_t i = 0; i < m->ndline; i++)
		free(m->dline[i]);
	free(m->dline);
	m->dline = NULL;
	m->ndline = m->dtop = 0;
}

static void detail_free(audit_model *m)
{
	for (size_t i = 0; i < m->ndetail; i++)
		free(m->detail[i]);
	free(m->detail);
	m->detail = NULL;
	m->ndetail = 0;
	lines_free(m);
}

/* Each change wrapped at the pane's width as the screen wraps text
 * (text_line_end: no line starts with a closing mark or a space), one
 * string a line, so the pane scrolls by lines. */
static void lay_detail(audit_model *m, const au_ctx *c)
{
	lines_free(m);
	int w = (c->cols > 0 ? c->cols : 80) - 4;
	m->laid_w = c->cols;
	for (size_t i = 0; i < m->ndetail; i++) {
		size_t len = strlen(m->detail[i]), n = 0;
		uint32_t *cp = xcalloc(len + 1, sizeof *cp);
		for (size_t at = 0; at < len;)
			at += utf8_decode(m->detail[i] + at, len - at, &cp[n++]);
		for (size_t start = 0; start < n; ) {
			size_t end = text_line_end(cp, start, n, w > 1 ? w : 1);
			strbuf b = STRBUF_INIT;
			for (size_t k = start; k < end; k++)
				sb_addcp(&b, cp[k]);
			m->dline = xrealloc(m->dline, (m->ndline + 1) * sizeof *m->dline);
			m->dline[m->ndline++] = sb_take(&b);
			start = text_line_next(cp, end, n);
		}
		free(cp);
	}
}

size_t au_detail_shown(const audit_model *m)
{
	return m->ndline <= AU_DETAIL_ROWS ? m->ndline : AU_DETAIL_ROWS - 1;
}

/* The keys the table binds to a in the audit screen ("Tab"), for a mark
 * that names them. */
static const char *keys_of(kp_action a)
{
	static kp_key_line lines[48];
	size_t n = keymap_lines(CTX_AUDIT, lines, sizeof lines / sizeof lines[0]);
	for (size_t i = 0; i < n; i++)
		if (lines[i].action == a)
			return lines[i].keys;
	return "";
}

void au_detail_mark(const audit_model *m, char *out, size_t len)
{
	size_t end = m->dtop + au_detail_shown(m);
	out[0] = '\0';
	if (end < m->ndline)
		snprintf(out, len, msg(MSG_UI_AU_LINES_BELOW), m->ndline - end, keys_of(ACT_NEXT));
	else if (m->dtop)
		snprintf(out, len, msg(MSG_UI_AU_LINES_ABOVE), m->dtop, keys_of(ACT_PREV));
}

bool au_acts(const void *model, const void *ctx, kp_action a)
{
	const audit_model *m = model;
	(void)ctx;
	if (a == ACT_NEXT)
		return m->dtop + au_detail_shown(m) < m->ndline;
	if (a == ACT_PREV)
		return m->dtop > 0;
	return true;
}

/* The selected row's changes, read when the selection moves (not per frame). */
static void select_row(audit_model *m, const au_ctx *c)
{
	detail_free(m);
	snprintf(m->head, sizeof m->head, "%s", msg(MSG_UI_AU_CHANGES));
	m->top = (size_t)app_scroll(m->sel, (int)m->top, (int)(c->rows ? c->rows : 1));
	if (!m->n)
		return;
	const kp_audit_row *a = &m->rows[m->sel];
	const kp_form *f = form_of(c->env, a->form);
	if (f) { /* the pane names the record: 「附表2 科普人才库推荐表 第 45 号记录的改动」 */
		char name[64];
		form_short_title(f, name, sizeof name);
		snprintf(m->head, sizeof m->head, msg(MSG_UI_AU_CHANGES_OF), name, a->record_id);
	}
	char **ch;
	size_t n;
	if (json_array_decode(a->changes, &ch, &n) != 0)
		return;
	m->detail = xcalloc(n / 3 + 1, sizeof *m->detail);
	for (size_t i = 0; i + 2 < n; i += 3) {
		int k = f ? form_field_index(f, ch[i]) : -1;
		const char *label = k >= 0 ? f->fields[k].label : audit_name(ch[i]);
		const char *was = audit_value(ch[i], ch[i + 1]), *now = audit_value(ch[i], ch[i + 2]);
		if (!strcmp(was, now)) /* written as it was (an approval's empty 退回原因): no change */
			continue;
		m->detail[m->ndetail++] = xasprintf(msg(MSG_UI_AU_CHANGE), label, was[0] ? was : msg(MSG_UI_AU_EMPTY),
						    now[0] ? now : msg(MSG_UI_AU_EMPTY));
	}
	json_array_free(ch, n);
	lay_detail(m, c);
}

/* The next page of older rows; false when the store refused. */
static bool load_more(audit_model *m, const au_ctx *c)
{
	kp_audit_query q = {.text = m->text, .forms = c->env->cat.forms, .nforms = c->env->cat.nforms};
	size_t want = 2 * (c->rows ? c->rows : 1);
	kp_audit_row *page;
	char *err = NULL;
	size_t n = store_audit_page(c->env->store, &q, m->n ? m->rows[m->n - 1].id : 0, want, &page, &err);
	m->rows = xrealloc(m->rows, (m->n + n + 1) * sizeof *m->rows);
	m->what = xrealloc(m->what, (m->n + n + 1) * sizeof *m->what);
	memcpy(m->rows + m->n, page, n * sizeof *page);
	free(page); /* the strings moved into m->rows */
	for (size_t i = m->n; i < m->n + n; i++) {
		const kp_audit_row *a = &m->rows[i];
		const kp_form *f = form_of(c->env, a->form);
		char name[64] = ""; /* the short name: the record number is never cut at 80 columns */
		if (f)
			form_short_title(f, name, sizeof name);
		m->what[i] = f ? xasprintf("%s %s #%lld", action_label(a->action), name, a->record_id)
			       : xstrdup(action_label(a->action));
	}
	m->n += n;
	m->more = n == want;
	if (err) {
		free(m->refused);
		m->refused = err;
		return false;
	}
	return true;
}

static void rows_free(audit_model *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->what[i]);
	free(m->what);
	audit_rows_free(m->rows, m->n);
	m->what = NULL;
	m->rows = NULL;
	m->n = m->sel = m->top = 0;
}

static void widen(int *want, const char *s)
{
	int w = s ? utf8_width(s) : 0;
	if (w > *want)
		*want = w;
}

/* The view's column wants (au_columns): the headers, every unit's name
 * (a bounded list, one read) and the rows read so far. */
static void measure(audit_model *m, const au_ctx *c)
{
	static const enum kp_msg_id head[AU_COLS] = {MSG_UI_AU_AT, MSG_UI_AU_USER, MSG_P_COL_UNIT, MSG_UI_AU_WHAT};
	for (int k = 0; k < AU_COLS; k++)
		m->want[k] = utf8_width(msg(head[k]));
	kp_unit *units;
	size_t nu = store_units(c->env->store, &units);
	for (size_t i = 0; i < nu; i++)
		widen(&m->want[AU_COL_UNIT], units[i].name);
	unit_list_free(units, nu);
	for (size_t i = 0; i < m->n; i++) {
		const char *cell[AU_COLS] = {m->rows[i].at, m->rows[i].user, m->rows[i].unit_name, m->what[i]};
		for (int k = 0; k < AU_COLS; k++)
			widen(&m->want[k], cell[k]);
	}
}

static mr_result restart(audit_model *m, const au_ctx *c)
{
	rows_free(m);
	free(m->text);
	m->text = eb_text(&m->filter);
	mr_result r = load_more(m, c) ? mr_done(MR_HANDLED) : mr_say(MR_REFUSED, "%s", m->refused);
	measure(m, c);
	select_row(m, c);
	return r;
}

mr_result au_init(audit_model *m, const au_ctx *c)
{
	memset(m, 0, sizeof *m);
	eb_init(&m->filter, 40, false);
	return restart(m, c);
}

void au_free(audit_model *m)
{
	rows_free(m);
	detail_free(m);
	eb_free(&m->filter);
	free(m->text);
	free(m->refused);
}

void au_set_rows(audit_model *m, const au_ctx *c)
{
	m->top = (size_t)app_scroll(m->sel, (int)m->top, (int)(c->rows ? c->rows : 1));
	if (m->laid_w != c->cols) /* a resize: the same changes in the new width, from the top */
		lay_detail(m, c);
}

mr_result au_key(audit_model *m, const au_ctx *c, kp_key key)
{
	mr_result r = mr_done(MR_HANDLED);
	kp_action a = keymap_lookup(CTX_AUDIT, key);
	switch (a) {
	case ACT_DOWN:
	case ACT_PAGE_DOWN: {
		size_t step = a == ACT_DOWN ? 1 : c->rows;
		if (m->sel + step >= m->n && m->more)
			load_more(m, c);
		break;
	}
	case ACT_NEXT: /* the pane's next lines: a page of them, the last kept in view */
		if (au_acts(m, c, a))
			m->dtop = m->dtop + 2 * au_detail_shown(m) < m->ndline ? m->dtop + au_detail_shown(m)
										  : m->ndline - au_detail_shown(m);
		return r;
	case ACT_PREV:
		m->dtop = m->dtop > au_detail_shown(m) ? m->dtop - au_detail_shown(m) : 0;
		return r;
	case ACT_BACKSPACE:
		return eb_backspace(&m->filter) ? restart(m, c) : r;
	case ACT_QUIT:
		if (!m->filter.len)
			return mr_done(MR_CLOSE);
		eb_clear(&m->filter);
		return restart(m, c);
	default:
		break;
	}
	if (app_move(&m->sel, m->n, a, c->rows)) {
		select_row(m, c);
		return r;
	}
	if (key_printable(key) && eb_insert(&m->filter, key.code))
		return restart(m, c);
	return r;
}

void au_columns(const audit_model *m, int cols, int x[AU_COLS], int w[AU_COLS])
{
	/* 4 cells of gaps and margins; the time first, whole. User, unit and
	 * what was done start at MIN_W and share the rest as wide as the
	 * view's values (columns_share); what no column wants goes to the last. */
	w[AU_COL_AT] = AU_AT_W;
	for (int k = AU_COL_USER; k < AU_COLS; k++)
		w[k] = MIN_W;
	int left = columns_share(w + AU_COL_USER, m->want + AU_COL_USER, AU_COLS - AU_COL_USER,
				 cols - 5 - AU_AT_W - (AU_COLS - AU_COL_USER) * MIN_W);
	if (left > 0)
		w[AU_COL_WHAT] += left;
	x[AU_COL_AT] = 1;
	for (int k = 1; k < AU_COLS; k++)
		x[k] = x[k - 1] + w[k - 1] + 1;
}

void au_more_text(const audit_model *m, const au_ctx *c, char *out, size_t len)
{
	/* While older rows are unread their number is not known (counting a
	 * filtered trail reads all of it): no number, which never jumps as
	 * pages are read. Once all are read, the exact count below the page. */
	size_t shown = m->top + c->rows, hidden = m->n > shown ? m->n - shown : 0;
	if (m->more)
		snprintf(out, len, "%s", msg(MSG_UI_AU_MORE));
	else
		sw_mark_n(0, false, hidden, false, out, len);
}

int au_head_room(const audit_model *m, const au_ctx *c, int cols, char *more, size_t len)
{
	au_more_text(m, c, more, len);
	int room = cols - 2 - (more[0] ? utf8_width(more) + 2 : 0); /* margins; two cells before the mark */
	return room > 0 ? room : 0;
}
