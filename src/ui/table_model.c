/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The table of a per-unit form (附表1) without a terminal: rows, cursor,
 * the cell being edited and what each key does (table_model.h). */
#include "ui/table_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/save.h"
#include "form/validate.h"

static int collect(const kp_record *r, void *ctx)
{
	table_model *m = ctx;
	if (m->n == m->cap)
		m->rows = xrealloc(m->rows, (m->cap = m->cap ? m->cap * 2 : 32) * sizeof *m->rows);
	kp_record *c = &m->rows[m->n++];
	record_init(c, r->nvals);
	c->id = r->id;
	c->unit_id = r->unit_id;
	c->version = r->version;
	c->unit_seq = r->unit_seq;
	c->unit_name = xstrdup(r->unit_name);
	for (size_t i = 0; i < r->nvals; i++)
		record_set(c, i, r->vals[i]);
	totals_add(&m->totals, m->form, c);
	return 0;
}

static void free_total(table_model *m)
{
	if (m->total)
		for (size_t i = 0; i < m->form->nfields; i++)
			free(m->total[i]);
	free(m->total);
	m->total = NULL;
}

mr_result tbm_load(table_model *m, const tbm_ctx *c)
{
	records_free(m->rows, m->n);
	m->rows = NULL;
	m->n = m->cap = 0;
	totals_free(&m->totals);
	totals_init(&m->totals, m->form);
	m->may_write = store_may_write_form(c->env->store, m->form);
	mr_result r = mr_done(MR_HANDLED);
	char *err = NULL;
	/* a unit's session reads its own row only (the store's scope) */
	if (store_each(c->env->store, m->form, c->scope, NULL, collect, m, &err) != KP_OK)
		r = mr_say(MR_REFUSED, "%s", err ? err : "");
	free(err);
	free_total(m);
	m->total = xcalloc(m->form->nfields, sizeof *m->total);
	for (size_t i = 0; i < m->form->nfields; i++)
		m->total[i] = totals_text(&m->totals, m->form, i);
	if (m->row >= m->n)
		m->row = m->n ? m->n - 1 : 0;
	return r;
}

mr_result tbm_init(table_model *m, const tbm_ctx *c, const kp_form *f)
{
	memset(m, 0, sizeof *m);
	m->form = f;
	eb_init(&m->cell, 0, false);
	totals_init(&m->totals, f);
	return tbm_load(m, c);
}

void tbm_free(table_model *m)
{
	records_free(m->rows, m->n);
	totals_free(&m->totals);
	free_total(m);
	eb_free(&m->cell);
}

void tbm_arrange(table_model *m, int lines)
{
	/* 合计 keeps its line under the rows; the rest share the page */
	m->win = sw_fit(m->n, m->row, m->win.top, lines - (m->form->total_row ? 1 : 0));
	sw_mark(&m->win, m->more, sizeof m->more);
}

static size_t digits(long long v)
{
	char b[32];
	return (size_t)snprintf(b, sizeof b, "%lld", v);
}

/* What a cell of fd can hold while typing: a number no longer than its
 * bounds allow (100000: six digits), else the field's max_chars. */
static size_t cell_max(const kp_field *fd)
{
	size_t n = (size_t)fd->max_chars;
	if (fd->type == FT_INTEGER && fd->has_min && fd->has_max) {
		size_t lo = digits(fd->min), hi = digits(fd->max), b = lo > hi ? lo : hi;
		if (!n || b < n)
			n = b;
	}
	return n;
}

static void start_edit(table_model *m, const char *initial)
{
	eb_clear(&m->cell);
	m->cell_max = cell_max(&m->form->fields[m->col]);
	m->cell.max_chars = 0; /* the value stored is shown whole, even when longer */
	eb_set(&m->cell, initial);
	m->cell.max_chars = m->cell_max;
	m->mode = TBM_EDIT;
}

/* A character the cell cannot take: said, never dropped in silence. */
static mr_result refuse_char(const table_model *m, uint32_t cp)
{
	const kp_field *fd = &m->form->fields[m->col];
	const char *unit = m->rows[m->row].unit_name;
	char ch[8] = "";
	if (cp_is_unsafe(cp) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return mr_say(MR_REFUSED, msg(MSG_UI_CELL_CONTROL), unit, fd->label, (unsigned)cp);
	utf8_encode(cp, ch);
	if (fd->type == FT_INTEGER && fd->has_min && fd->has_max)
		return mr_say(MR_REFUSED, msg(MSG_UI_CELL_FULL), unit, fd->label, m->cell_max, fd->min,
			      fd->max, ch);
	return mr_say(MR_REFUSED, msg(MSG_UI_CELL_LONG), unit, fd->label, m->cell_max, ch);
}

/* Store the cell being edited through the one save path (the form's rules
 * for this cell); stay in it when refused. *st: how the save went. */
static mr_result commit(table_model *m, const tbm_ctx *c, kp_save_status *st_out)
{
	kp_record *r = &m->rows[m->row];
	const kp_form *f = m->form;
	const kp_field *fd = &f->fields[m->col];
	char **raw = xcalloc(f->nfields, sizeof *raw);
	for (size_t i = 0; i < f->nfields; i++)
		raw[i] = i == m->col ? eb_text(&m->cell) : xstrdup(r->vals[i]);
	kp_save_opts o = {NULL, false, false, fd}; /* a conflict reloads: no merge base */
	kp_save_result res;
	mr_result out;
	switch (record_save(c->env, f, r, (const char *const *)raw, &o, &res)) {
	case SAVE_OK:
		out = mr_say(MR_SAVED, msg(MSG_UI_CELL_SAVED), r->unit_name, fd->label, res.vals[m->col]);
		m->mode = TBM_BROWSE;
		break;
	case SAVE_UNCHANGED:
		out = mr_say(MR_HANDLED, "%s", res.message);
		m->mode = TBM_BROWSE;
		break;
	case SAVE_MERGED:
	case SAVE_GONE: /* someone else saved first: show theirs */
		out = mr_say(MR_REFUSED, "%s", msg(MSG_S_CHANGED));
		m->mode = TBM_BROWSE;
		break;
	default:
		out = mr_say(MR_REFUSED, "%s", res.message ? res.message : "");
		eb_select_all(&m->cell); /* as the form: the correction typed replaces it */
		break;
	}
	kp_save_status st = *st_out = res.status;
	save_result_free(&res);
	for (size_t i = 0; i < f->nfields; i++)
		free(raw[i]);
	free(raw);
	if (st != SAVE_INVALID) { /* the 合计 row follows; a refused write shows what is stored */
		mr_result lr = tbm_load(m, c);
		if (lr.kind == MR_REFUSED)
			return lr;
	}
	return out;
}

/* The cell an arrow, Tab or Shift-Tab goes on to from the one edited:
 * Up and Down in its column, the side arrows in its row, Tab and
 * Shift-Tab in reading order (on from a row's last cell to the next row's
 * first), so a row typed with Tab never comes round over its own first
 * cell. The side arrows stop at the row's ends: 99 ← 98 at a row's first
 * cell saved the 98 in the unit above unseen (t80j j9). false at an
 * edge, with the words saying so. */
static bool next_cell(const table_model *m, kp_action a, enum kp_msg_id *edge)
{
	size_t nf = m->form->nfields;
	switch (a) {
	case ACT_UP: *edge = MSG_UI_CELL_EDGE_UP; return m->row > 0;
	case ACT_DOWN: *edge = MSG_UI_CELL_EDGE_DOWN; return m->row + 1 < m->n;
	case ACT_CELL_RIGHT: *edge = MSG_UI_CELL_EDGE_RIGHT; return m->col + 1 < nf;
	case ACT_CELL_LEFT: *edge = MSG_UI_CELL_EDGE_LEFT; return m->col > 0;
	case ACT_NEXT: *edge = MSG_UI_CELL_EDGE_NEXT; return m->col + 1 < nf || m->row + 1 < m->n;
	default: *edge = MSG_UI_CELL_EDGE_PREV; return m->col > 0 || m->row > 0;
	}
}

static void go(table_model *m, kp_action a)
{
	size_t nf = m->form->nfields;
	if (a == ACT_UP)
		m->row--;
	else if (a == ACT_DOWN)
		m->row++;
	else if (a == ACT_CELL_RIGHT)
		m->col++;
	else if (a == ACT_CELL_LEFT)
		m->col--;
	else if (a == ACT_NEXT && ++m->col == nf)
		m->col = 0, m->row++;
	else if (a == ACT_PREV && m->col-- == 0)
		m->col = nf - 1, m->row--;
}

/* An arrow, Tab or Shift-Tab in the cell: saved as Enter saves it (and
 * kept there when refused), then the next cell is entered with its value
 * selected, so the number typed next replaces it — never appended to the
 * one just saved (110 ↓ 90 was 11090). At the table's edge the edit ends
 * with a note; the cursor stays on the cell just saved, and typing there
 * starts editing it as anywhere else (12 ↑ 13 kept the 13). */
static mr_result save_and_move(table_model *m, const tbm_ctx *c, kp_action a)
{
	kp_save_status st;
	mr_result r = commit(m, c, &st);
	if (st != SAVE_OK && st != SAVE_UNCHANGED)
		return r;
	enum kp_msg_id edge;
	if (!next_cell(m, a, &edge)) {
		size_t len = strlen(r.text);
		snprintf(r.text + len, sizeof r.text - len, "%s", msg(edge));
		return r;
	}
	size_t row = m->row;
	go(m, a);
	if (m->row != row && (a == ACT_NEXT || a == ACT_PREV)) { /* on to another unit: said */
		size_t len = strlen(r.text);
		snprintf(r.text + len, sizeof r.text - len, msg(MSG_UI_CELL_NEW_ROW), m->rows[m->row].unit_name,
			 m->form->fields[m->col].label);
	}
	start_edit(m, m->rows[m->row].vals[m->col]);
	eb_select_all(&m->cell);
	return r;
}

static mr_result cell_key(table_model *m, const tbm_ctx *c, kp_key key)
{
	kp_action a = keymap_lookup(CTX_CELL, key);
	if (a == ACT_ACCEPT) {
		kp_save_status st;
		mr_result r = commit(m, c, &st);
		if (st == SAVE_OK && m->row + 1 < m->n) /* Enter: saved, down to the next unit */
			m->row++;
		return r;
	}
	if (a == ACT_UP || a == ACT_DOWN || a == ACT_CELL_LEFT || a == ACT_CELL_RIGHT || a == ACT_NEXT || a == ACT_PREV)
		return save_and_move(m, c, a);
	if (a == ACT_QUIT)
		m->mode = TBM_BROWSE;
	if (a == ACT_QUIT || keymap_edit_line(&m->cell, a) || !key_printable(key))
		return mr_done(MR_HANDLED);
	/* A keystroke refused leaves the text and cursor as they were, never
	 * selected: the next digit typed must not replace what was typed. */
	const kp_field *fd = &m->form->fields[m->col];
	char *why = field_refuse_key(fd, key.code);
	if (why) {
		mr_result r = mr_say(MR_REFUSED, "%s %s：%s", m->rows[m->row].unit_name, fd->label, why);
		free(why);
		return r;
	}
	if (!eb_insert(&m->cell, key.code))
		return refuse_char(m, key.code);
	return mr_done(MR_HANDLED);
}

mr_result tbm_key(table_model *m, const tbm_ctx *c, kp_key key)
{
	if (m->mode == TBM_EDIT)
		return cell_key(m, c, key);
	kp_action a = keymap_lookup(CTX_TABLE, key);
	if (a == ACT_QUIT)
		return mr_done(MR_CLOSE);
	if (!m->n)
		return mr_done(MR_HANDLED);
	size_t nf = m->form->nfields;
	switch (a) {
	case ACT_UP: if (m->row) m->row--; return mr_done(MR_HANDLED);
	case ACT_DOWN: if (m->row + 1 < m->n) m->row++; return mr_done(MR_HANDLED);
	case ACT_LEFT: if (m->col) m->col--; return mr_done(MR_HANDLED);
	case ACT_RIGHT: if (m->col + 1 < nf) m->col++; return mr_done(MR_HANDLED);
	case ACT_HOME: m->row = 0; return mr_done(MR_HANDLED);
	case ACT_END: m->row = m->n - 1; return mr_done(MR_HANDLED);
	default: break;
	}
	bool edits = a == ACT_ACCEPT || (key_printable(key) && key.code != ' ');
	if (!edits)
		return mr_done(MR_HANDLED);
	if (!m->may_write) /* written_by: city */
		return mr_say(MR_REFUSED, "%s", msg(MSG_UI_QUOTA_CITY));
	if (a == ACT_ACCEPT) { /* selected: typing replaces, arrows edit */
		start_edit(m, m->rows[m->row].vals[m->col]);
		eb_select_all(&m->cell);
		return mr_done(MR_HANDLED);
	}
	start_edit(m, ""); /* typing replaces the value */
	return cell_key(m, c, key);
}

mr_result tbm_paste(table_model *m, const char *text)
{
	if (!m->n)
		return mr_done(MR_HANDLED);
	if (!m->may_write)
		return mr_say(MR_REFUSED, "%s", msg(MSG_UI_QUOTA_CITY));
	char *v = text_trim(text);
	size_t cells = 1;
	for (const char *p = v; *p; p++)
		cells += *p == '\t' || *p == '\n';
	mr_result r = mr_done(MR_HANDLED);
	const kp_field *fd = &m->form->fields[m->col];
	if (!v[0]) {
		r = mr_say(MR_REFUSED, "%s", msg(MSG_UI_CELL_PASTE_EMPTY));
	} else if (cells > 1) { /* a row from Excel: which cell takes which is no guess to make */
		r = mr_say(MR_REFUSED, msg(MSG_UI_CELL_PASTE_ONE), cells);
	} else {
		/* the whole value checked first: a paste is taken whole or not at all */
		for (size_t i = 0, len = strlen(v); i < len && r.kind != MR_REFUSED;) {
			uint32_t cp;
			i += utf8_decode(v + i, len - i, &cp);
			char *why = field_refuse_key(fd, cp);
			if (why)
				r = mr_say(MR_REFUSED, "%s %s：%s", m->rows[m->row].unit_name, fd->label, why);
			free(why);
		}
		/* into a cell being typed (nothing selected) at the cursor, as
		 * a form's field takes one value; else in place of its value */
		bool insert = m->mode == TBM_EDIT && !m->cell.sel;
		size_t held = insert ? m->cell.len : 0;
		if (r.kind != MR_REFUSED && held + utf8_count(v) > cell_max(fd))
			r = mr_say(MR_REFUSED, msg(MSG_UI_CELL_PASTE_LONG), m->rows[m->row].unit_name, fd->label,
				   cell_max(fd));
		if (r.kind != MR_REFUSED && !insert)
			start_edit(m, v); /* saved by Enter, as typed */
		for (size_t i = 0, len = strlen(v); r.kind != MR_REFUSED && insert && i < len;) {
			uint32_t cp;
			i += utf8_decode(v + i, len - i, &cp);
			eb_insert(&m->cell, cp);
		}
	}
	free(v);
	return r;
}
