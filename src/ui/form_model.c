/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The generic form screen's model: values, focus, mode and what each key
 * does (form_model.h). Saving goes through domain/save.c, like every front
 * end that saves a record. */
#include "ui/form_model.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/excelclip.h"
#include "core/json.h"
#include "core/pinyin.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/drafts.h"
#include "domain/prefill.h"
#include "domain/review.h"
#include "domain/save.h"
#include "form/validate.h"
#include "ui/term.h"

void fm_say(fm_result *r, bool error, enum kp_msg_id id, ...)
{
	va_list ap;
	va_start(ap, id);
	vsnprintf(r->text, sizeof r->text, msg(id), ap);
	va_end(ap);
	r->msg = id;
	r->error = error;
}

static fm_result result(fm_kind k)
{
	fm_result r = {.kind = k, .msg = MSG_COUNT};
	return r;
}

static fm_result refused(enum kp_msg_id id)
{
	fm_result r = result(FM_REFUSED);
	if (id != MSG_COUNT)
		fm_say(&r, true, id);
	return r;
}

bool fs_is_text(const kp_field *fd)
{
	return fd->type != FT_CHOICE && fd->type != FT_MULTICHOICE && fd->type != FT_RECORD;
}

unsigned fm_field_ctx(const kp_field *fd)
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

static void clear_errors(form_model *m)
{
	for (size_t i = 0; i < m->form->nfields; i++) {
		free(m->fs[i].error);
		m->fs[i].error = NULL;
	}
}

void fm_focus(form_model *m, size_t i)
{
	m->fs[m->focus].eb.sel = false;
	m->focus = i;
	m->fs[i].mfind[0] = '\0';
	free(m->on_entry);
	m->on_entry = fs_get_value(&m->form->fields[i], &m->fs[i]);
	/* One rule for every text field, one line or many: a field entered
	 * with a value is selected, so typing replaces it and never lands in
	 * front of it or after it; a cursor key keeps the value to edit it. */
	if (fs_is_text(&m->form->fields[i]))
		eb_select_all(&m->fs[i].eb);
}

/* An empty field that belongs to another's choice not taken (其他类别
 * beside 科普活动) is passed over: the Tab meant for the next field would
 * put its value there (validate.c refuses it). One with a value is not,
 * so the clerk can reach it and clear it. */
static bool passed_over(const form_model *m, size_t i)
{
	const kp_field *fd = &m->form->fields[i];
	if (fd->only_when < 0)
		return false;
	char *v = fs_get_value(fd, &m->fs[i]);
	char *owner = fs_get_value(&m->form->fields[fd->only_when], &m->fs[fd->only_when]);
	bool over = !v[0] && !field_applies(m->form, i, owner);
	free(v);
	free(owner);
	return over;
}

/* The focus never wraps: a Tab past the last field that went round to the
 * first, selected, let the next letter wipe 活动名称. False at an end. */
static bool move_focus(form_model *m, int delta)
{
	size_t to = m->focus;
	do {
		if (delta < 0 ? to == 0 : to + 1 >= m->form->nfields)
			return false;
		to = delta < 0 ? to - 1 : to + 1;
	} while (passed_over(m, to));
	fm_focus(m, to);
	return true;
}

/* The one rule after any refusal that names a field (F2, a store's
 * refusal, a pasted cell): the first refused field takes the focus with
 * its text selected, so the correction typed next replaces it there. */
static void refused_at(form_model *m, size_t first)
{
	if (first >= m->form->nfields)
		return;
	m->advanced = false;
	m->full_from = 0;
	/* Refused where the clerk is: ^Z still brings back the value the
	 * refused text was typed over (罗德明 under 王五1), not the refusal. */
	char *kept = first == m->focus ? m->on_entry : NULL;
	if (kept)
		m->on_entry = NULL;
	fm_focus(m, first);
	if (kept) {
		free(m->on_entry);
		m->on_entry = kept;
	}
	/* Too short a narrative (至少要写 10 个字) is corrected by writing on:
	 * selected, the next key wiped what was written (t80j j11); the
	 * cursor waits at its end instead. */
	const kp_field *fd = &m->form->fields[first];
	if (fd->min_chars && fs_is_text(fd)) {
		char *v = fs_get_value(fd, &m->fs[first]);
		if (v[0] && (int)text_content_chars(v) < fd->min_chars)
			m->fs[first].eb.sel = false; /* eb_select_all left the cursor at the end */
		free(v);
	}
}

/* Leaving a typed field (Tab, Enter, an arrow, a full field's advance): a
 * value its type or pattern refuses (a 10-digit mobile, 2016-13-01, a
 * name with digits) is refused now, naming the field, as F2 would say it,
 * with the text selected for the correction: at F2 the clerk was pages on.
 * Empty is left to F2 (a required field may be filled later), and Esc or
 * F10 still leave the form (asking about the unsaved input), so a value
 * half typed never holds the clerk in the field. */
static bool refuse_leave(form_model *m, const fm_ctx *c, fm_result *r)
{
	const kp_field *fd = &m->form->fields[m->focus];
	if (!fs_is_text(fd) || m->readonly || !m->fs[m->focus].typed || !m->fs[m->focus].eb.len)
		return false; /* a stored value only read through is F2's to judge */
	char *raw = fs_get_value(fd, &m->fs[m->focus]), *out = NULL, *why = NULL;
	bool bad = !field_validate(&c->env->cat, fd, raw, &out, &why);
	char *year_why = !bad && fd->in_year ? store_year_why(c->env->store, m->form, m->focus, out,
							      m->rec.id ? m->rec.year : store_year(c->env->store))
					     : NULL;
	if (bad) {
		*r = result(FM_REFUSED);
		fm_say(r, true, MSG_V_FIELD, fd->label, why);
	} else if (year_why) { /* 2015-08-05 in 2016: the store's own words, now */
		*r = result(FM_REFUSED);
		snprintf(r->text, sizeof r->text, "%s", year_why);
		r->error = true;
		bad = true;
	}
	if (bad)
		refused_at(m, m->focus);
	free(year_why);
	free(raw);
	free(out);
	free(why);
	return bad;
}

/* The one rule for a move the model makes by itself (a full field, a
 * choice taken from its list with Enter): the very next key, if it is the
 * Tab or Enter the clerk presses out of habit, asks for the move already
 * made, so it is absorbed (fm_key) when `forgive`, however long after. No
 * time window: a clerk who looks at the paper before the habitual Tab
 * (1.2 s) had it skip 对象, the place typed into 参与人数. */
static void advance(form_model *m, const fm_ctx *c, bool forgive, fm_result *r)
{
	m->advanced = !refuse_leave(m, c, r) && move_focus(m, +1) && forgive;
}

/* Every field from r (when NULL, as a new record starts: field_initial);
 * focus on the first, nothing dirty. */
static void load_values(form_model *m, const kp_catalog *cat, const kp_record *r)
{
	for (size_t i = 0; i < m->form->nfields; i++) {
		char *initial = r ? NULL : field_initial(cat, &m->form->fields[i]);
		fs_set_value(&m->form->fields[i], &m->fs[i], r ? r->vals[i] : initial);
		free(initial);
		m->fs[i].mcur = 0; /* each record's boxes start at the first */
		m->fs[i].typed = false;
	}
	clear_errors(m);
	m->focus = 0;
	fm_focus(m, 0);
	m->dirty = false;
}

static void set_orig(form_model *m, char *const *vals)
{
	for (size_t i = 0; i < m->form->nfields; i++) {
		free(m->orig[i]);
		m->orig[i] = xstrdup(vals[i]);
	}
}

static void edited(form_model *m, field_state *st)
{
	m->dirty = true;
	st->typed = true;
	m->dup_warned = false; /* changed values are checked again */
	m->draft_due = true;
	free(st->error);
	st->error = NULL;
	st->paste_bad = false;
}

/* Every field's value, a new array the caller frees (values_free). */
static char **values_now(const form_model *m)
{
	char **v = xcalloc(m->form->nfields, sizeof *v);
	for (size_t i = 0; i < m->form->nfields; i++)
		v[i] = fs_get_value(&m->form->fields[i], &m->fs[i]);
	return v;
}

static void values_free(const form_model *m, char **v)
{
	for (size_t i = 0; v && i < m->form->nfields; i++)
		free(v[i]);
	free(v);
}

static void forget_paste(form_model *m)
{
	values_free(m, m->pre_paste);
	values_free(m, m->post_paste);
	m->pre_paste = m->post_paste = NULL;
}

/* --- drafts ------------------------------------------------------------- */

/* A draft's pair naming the field typing stopped in: no field id starts
 * with '@' (form_load's identifiers), so a reader matching pairs to fields
 * passes over it. */
#define DRAFT_FOCUS "@focus"

static bool write_draft(form_model *m, const fm_ctx *c, fm_result *r)
{
	const kp_form *f = m->form;
	kp_draft d = {.id = m->draft_id, .record_id = m->rec.id, .unit_id = m->rec.unit_id,
		      .base_version = m->rec.version, .npairs = f->nfields + 1, .year = m->rec.year};
	d.pairs = xcalloc(d.npairs * 2, sizeof *d.pairs);
	for (size_t i = 0; i < f->nfields; i++) {
		d.pairs[2 * i] = xstrdup(f->fields[i].id);
		d.pairs[2 * i + 1] = fs_get_value(&f->fields[i], &m->fs[i]);
	}
	d.pairs[2 * f->nfields] = xstrdup(DRAFT_FOCUS);
	d.pairs[2 * f->nfields + 1] = xstrdup(f->fields[m->focus].id);
	char *err = NULL;
	bool ok = store_draft_save(c->env->store, c->user, f->id, &d, &err) == KP_OK;
	if (ok) {
		m->draft_id = d.id;
		m->draft_due = false;
		m->draft_saved = time(NULL);
	} else {
		fm_say(r, true, MSG_UI_DRAFT_FAILED, err);
	}
	free(err);
	draft_free(&d);
	return ok;
}

/* This sitting's draft goes (saved, or thrown away on purpose). */
static void drop_draft(form_model *m, const fm_ctx *c)
{
	if (m->draft_id)
		store_draft_delete(c->env->store, c->user, m->draft_id);
	m->draft_id = 0;
	m->draft_due = false;
}

/* A new record whose every field is as a new record starts: nothing
 * typed that a draft or a question before leaving would keep. */
static bool blank(const form_model *m, const fm_ctx *c)
{
	if (m->rec.id)
		return false;
	bool same = true;
	for (size_t i = 0; i < m->form->nfields && same; i++) {
		const kp_field *fd = &m->form->fields[i];
		char *v = fs_get_value(fd, &m->fs[i]);
		char *initial = field_initial(&c->env->cat, fd);
		same = !strcmp(v, initial);
		free(initial);
		free(v);
	}
	return same;
}

fm_result fm_persist(form_model *m, const fm_ctx *c, bool now)
{
	fm_result r = result(FM_HANDLED);
	if (!m->dirty || !m->draft_due || (!now && time(NULL) - m->draft_saved < DRAFT_EVERY_S))
		return r;
	if (blank(m, c)) /* typed and taken back: no 「（未填任何项）」 draft */
		drop_draft(m, c);
	else
		write_draft(m, c, &r);
	return r;
}

/* Put the offered draft's values into the fields (matched by field id, so
 * a changed form definition restores what still fits). */
static void restore_draft(form_model *m, const fm_ctx *c, fm_result *r)
{
	const kp_draft *d = &m->offer;
	int stopped = -1;
	for (size_t k = 0; k < d->npairs; k++) {
		int i = form_field_index(m->form, d->pairs[2 * k]);
		if (i >= 0)
			fs_set_value(&m->form->fields[i], &m->fs[i], d->pairs[2 * k + 1]);
		else if (!strcmp(d->pairs[2 * k], DRAFT_FOCUS))
			stopped = form_field_index(m->form, d->pairs[2 * k + 1]);
	}
	char *unit = store_unit_name(c->env->store, d->unit_id);
	if (unit) {
		free(m->rec.unit_name);
		m->rec.unit_name = unit;
		m->rec.unit_id = d->unit_id;
	}
	m->rec.version = d->base_version;
	m->dirty = true;
	fm_focus(m, stopped >= 0 ? (size_t)stopped : m->focus);
	/* Typing goes on where it stopped: after the half-typed value, not
	 * over it (the one exception to the selection on entry). */
	if (stopped >= 0 && fs_is_text(&m->form->fields[stopped])) {
		editbuf *eb = &m->fs[stopped].eb;
		eb->sel = false;
		eb->cur = eb->len;
	}
	fm_say(r, false, MSG_UI_DRAFT_RESTORED);
	/* This sitting keeps it as a draft of its own: were the one restored
	 * still another session's, that session's writes stay apart. */
	m->draft_id = 0;
	m->draft_due = true;
	if (write_draft(m, c, r))
		store_draft_delete(c->env->store, c->user, d->id);
}

/* The offered draft is of a record submitted or approved since: deleted
 * with a notice (its values would go back over the decided ones). */
static bool outdated(form_model *m, const fm_ctx *c, fm_result *r)
{
	char *why = draft_outdated(c->env, m->form, m->rec.id);
	if (!why)
		return false;
	store_draft_delete(c->env->store, c->user, m->offer.id);
	snprintf(r->text, sizeof r->text, "%s", why);
	r->msg = MSG_UI_DRAFT_OUTDATED;
	r->error = true;
	free(why);
	return true;
}

static fm_result answer_offer(form_model *m, const fm_ctx *c, kp_action a)
{
	fm_result r = result(FM_HANDLED);
	if (a == ACT_YES)
		restore_draft(m, c, &r);
	else if (a == ACT_NO)
		store_draft_delete(c->env->store, c->user, m->offer.id);
	else
		return refused(MSG_COUNT);
	draft_free(&m->offer);
	m->mode = FM_EDIT;
	return r;
}

/* --- saving ------------------------------------------------------------- */

/* Why this user may not change the focused field now, or false when it may. */
static bool locked(form_model *m, const fm_ctx *c, fm_result *r)
{
	const kp_field *fd = &m->form->fields[m->focus];
	bool ro = m->readonly;
	if (!ro && store_may_write_field(c->env->store, fd))
		return false; /* r as it was: a key taken is no refusal (it beeped) */
	*r = result(FM_REFUSED);
	if (m->closed_year)
		fm_say(r, true, MSG_UI_YEAR_CLOSED_READ, m->closed_year);
	else if (m->report_locked)
		snprintf(r->text, sizeof r->text, "%s", m->report_locked);
	else if (ro)
		fm_say(r, true, MSG_UI_READ_ONLY, state_label(state_of(m->rec.state)));
	else
		fm_say(r, true, fd->written_by == WRITER_CITY ? MSG_UI_CITY_WRITES : MSG_UI_UNIT_WRITES,
		       fd->label);
	return true;
}

/* A new record saved: ready for the next, keeping the sticky fields. */
static void next_record(form_model *m, const fm_ctx *c, char *const *vals)
{
	const kp_form *f = m->form;
	if (!m->saved)
		m->saved = xcalloc(f->nfields, sizeof *m->saved);
	for (size_t i = 0; i < f->nfields; i++) {
		free(m->saved[i]);
		m->saved[i] = xstrdup(vals[i]);
	}
	m->rec.id = 0;
	load_values(m, &c->env->cat, NULL);
	for (size_t i = 0; i < f->nfields; i++)
		if (f->fields[i].sticky) /* …keeping what stays the same */
			fs_set_value(&f->fields[i], &m->fs[i], vals[i]);
	fm_focus(m, 0);
}

/* After a refusal: the record's review state as stored now (submitted or
 * approved meanwhile), for the title and the read-only lock. */
static void restate(form_model *m, const fm_ctx *c)
{
	kp_record now;
	if (!m->form->review || store_get(c->env->store, m->form, m->rec.id, &now, NULL) != KP_OK)
		return;
	free(m->rec.state);
	m->rec.state = now.state;
	now.state = NULL;
	m->readonly = !review_editable(c->env->store, state_of(m->rec.state)) || m->closed_year;
	record_free(&now);
}

/* The year of the record being typed, when the city closed it after the
 * form opened (the unit's save is refused), else 0. */
static int closed_meanwhile(const form_model *m, const fm_ctx *c)
{
	int year = m->rec.id ? m->rec.year : store_year(c->env->store);
	return !store_may_change_year(c->env->store, year) && store_year_closed(c->env->store, year) ? year : 0;
}

fm_result fm_save(form_model *m, const fm_ctx *c)
{
	fm_result r;
	if (m->readonly && locked(m, c, &r))
		return r;
	const kp_form *f = m->form;
	for (size_t i = 0; i < f->nfields; i++)
		if (m->fs[i].paste_bad) { /* a refused pasted cell (its text emptied) is never saved past */
			r = refused(MSG_COUNT);
			snprintf(r.text, sizeof r.text, "%s", m->fs[i].error);
			r.error = true;
			refused_at(m, i);
			return r;
		}
	char **raw = xcalloc(f->nfields, sizeof *raw);
	for (size_t i = 0; i < f->nfields; i++)
		raw[i] = fs_get_value(&f->fields[i], &m->fs[i]);
	clear_errors(m);
	kp_save_opts o = {m->rec.id ? m->orig : NULL, m->dup_warned, true, NULL};
	kp_save_result s;
	bool editing = m->rec.id != 0;
	record_save(c->env, f, &m->rec, (const char *const *)raw, &o, &s);
	r = result(FM_REFUSED);
	if (s.message)
		snprintf(r.text, sizeof r.text, "%s", s.message);
	r.error = s.error;
	switch (s.status) {
	case SAVE_REFUSED: /* names a field when it is one (a date out of the year, a month reported) */
		m->dup_warned = false;
		if (editing)
			restate(m, c);
		/* fall through */
	case SAVE_INVALID:
		for (size_t i = 0; i < f->nfields; i++) {
			m->fs[i].error = s.field_msg[i];
			s.field_msg[i] = NULL;
		}
		refused_at(m, s.first);
		/* the year closed under the clerk (said first, a field to correct or
		 * not): what was typed is kept for its reopening */
		int closed = closed_meanwhile(m, c);
		if (closed && write_draft(m, c, &r))
			fm_say(&r, true, MSG_UI_CLOSED_DRAFT_KEPT, closed);
		break;
	case SAVE_DUPLICATE:
		m->dup_warned = true;
		break;
	case SAVE_GONE:
		m->dup_warned = false;
		write_draft(m, c, &r);
		break;
	case SAVE_MERGED:
		m->dup_warned = false;
		forget_paste(m); /* another session's values came in: no paste to take back */
		for (size_t i = 0; i < f->nfields; i++) {
			if (s.field_msg[i]) { /* shown under the form while the field has the cursor */
				m->fs[i].error = s.field_msg[i];
				s.field_msg[i] = NULL;
			} else if (strcmp(s.vals[i], raw[i])) {
				fs_set_value(&f->fields[i], &m->fs[i], s.vals[i]);
			}
		}
		refused_at(m, s.first);
		set_orig(m, s.base);
		r.kind = FM_MERGED;
		m->draft_due = true;
		write_draft(m, c, &r);
		break;
	case SAVE_UNCHANGED: /* the values are the stored ones: the draft is too */
		m->dup_warned = false;
		drop_draft(m, c);
		m->dirty = false;
		r.kind = FM_HANDLED;
		break;
	case SAVE_OK:
		m->dup_warned = false;
		forget_paste(m); /* stored: ^Z takes back no paste into what was saved */
		drop_draft(m, c);
		r.kind = FM_SAVED;
		r.saved_id = m->rec.id;
		if (editing) {
			fm_say(&r, false, MSG_UI_UPDATED, m->rec.id);
			m->dirty = false;
		} else {
			fm_say(&r, false, s.marked ? MSG_UI_DUP_MARKED : MSG_UI_SAVED, m->rec.id, ++m->entered);
			next_record(m, c, s.vals);
		}
		break;
	}
	for (size_t i = 0; i < f->nfields; i++)
		free(raw[i]);
	free(raw);
	save_result_free(&s);
	return r;
}

/* --- keys --------------------------------------------------------------- */

/* What field fd would hold had nobody typed in it, its month being month
 * ("": none chosen): the prefill or the value a new record starts with. */
static char *untyped_value(const fm_ctx *c, const form_model *m, const kp_field *fd, const char *month)
{
	if (!month[0])
		return field_initial(&c->env->cat, fd);
	return xasprintf("%lld", prefill_value(c->env, fd, m->rec.unit_id, month));
}

/* A new record's fields computed from the month just chosen (月报's counts
 * from that month's activities and resources); they stay editable. A
 * field the clerk filled (its value is not what the month before gave,
 * typed, pasted or restored from a draft) is never replaced: the month
 * corrected after the numbers were typed keeps them, and says so. */
static void prefill(form_model *m, const fm_ctx *c, size_t changed, const char *before, fm_result *r)
{
	const kp_form *f = m->form;
	if (m->rec.id)
		return; /* a stored report keeps what was corrected by hand */
	char *month = fs_get_value(&f->fields[changed], &m->fs[changed]);
	int n = 0;
	strbuf kept = STRBUF_INIT;
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		if (!fd->prefill || fd->prefill->month != (int)changed || !month[0])
			continue;
		char *now = fs_get_value(fd, &m->fs[i]), *was = untyped_value(c, m, fd, before);
		if (!now[0] || !strcmp(now, was)) {
			char *v = untyped_value(c, m, fd, month);
			fs_set_value(fd, &m->fs[i], v);
			free(v);
			n++;
		} else {
			sb_printf(&kept, "%s「%s」", kept.len ? "、" : "", fd->label);
		}
		free(now);
		free(was);
	}
	if (kept.len)
		fm_say(r, true, MSG_UI_PREFILL_KEPT, month, n, sb_str(&kept), month);
	else if (n)
		fm_say(r, false, MSG_UI_PREFILLED, month, n);
	sb_free(&kept);
	free(month);
}

/* Tab or Enter over a filter that finds nothing: refused as an integer
 * field refuses a letter, naming the text and (a short list) the options. */
static fm_result unmatched(form_model *m, const fm_ctx *c)
{
	const kp_field *fd = &m->form->fields[m->focus];
	char *typed = eb_text(&m->pick.filter);
	char *out = NULL, *why = NULL;
	if (fd->type != FT_CHOICE || field_validate(&c->env->cat, fd, typed, &out, &why)) {
		why = xasprintf(msg(MSG_V_CHOICE), typed);
	} else if (m->pick_labels && field_holds_month(fd)) {
		/* the months offered as the list shows them: one reported is
		 * no month to choose (「现在可选：2016-07（已填报）」) */
		char *plain = field_month_refusal(fd, typed, NULL);
		if (!strcmp(plain, why)) {
			free(why);
			why = field_month_refusal(fd, typed, m->pick_labels);
		}
		free(plain);
	}
	fm_result r = refused(MSG_COUNT);
	fm_say(&r, true, MSG_UI_CHOICE_UNMATCHED, fd->label, why);
	free(out);
	free(why);
	free(typed);
	return r;
}

/* Tab, Shift-Tab or Enter over a filter that finds nothing: the text
 * read as a pasted cell of it is (「8月」, 「2016年8月」 → the list's
 * 2016-08), taken as that key takes an item; POPUP_NOMATCH when it
 * names none. */
static popup_result typed_choice(form_model *m, const fm_ctx *c, kp_key key, size_t *chosen)
{
	const kp_field *fd = &m->form->fields[m->focus];
	if (fd->type != FT_CHOICE)
		return POPUP_NOMATCH;
	char *typed = eb_text(&m->pick.filter), *out = NULL, *why = NULL;
	int at = field_validate(&c->env->cat, fd, typed, &out, &why) && out ? list_find(fd->choices, out) : -1;
	free(typed);
	free(out);
	free(why);
	if (at < 0 || (size_t)at >= m->pick.n)
		return POPUP_NOMATCH;
	*chosen = (size_t)at;
	kp_action a = keymap_lookup(CTX_POPUP, key);
	return a == ACT_NEXT ? POPUP_NEXT : a == ACT_PREV ? POPUP_PREV : POPUP_ACCEPT;
}

/* Tab or Shift-Tab leaving a choice list with a filter typed (and the
 * highlight not moved by hand): the item a pasted cell of that text gets
 * — an item or alias spelled so, else the one item it finds — never the
 * first of several (n finds 男 and 女). Several: refused, naming them;
 * Enter takes the highlighted one. */
static bool tab_choice(form_model *m, size_t *chosen, fm_result *r)
{
	const kp_field *fd = &m->form->fields[m->focus];
	const popup *p = &m->pick;
	if (fd->type != FT_CHOICE || !p->filter.len || p->moved)
		return true;
	char *typed = eb_text(&p->filter);
	int at = list_find(fd->choices, typed);
	if (at >= 0 && (size_t)at < p->n)
		*chosen = (size_t)at;
	else if (p->nmatch == 1)
		*chosen = p->match[0];
	if (at >= 0 || p->nmatch <= 1) {
		free(typed);
		return true;
	}
	strbuf names = {0};
	for (size_t i = 0; i < p->nmatch && i < 6; i++)
		sb_printf(&names, "%s%s", i ? "、" : "", fd->choices->items[p->match[i]]);
	if (p->nmatch > 6)
		sb_printf(&names, msg(MSG_UI_CHOICE_MORE), p->nmatch);
	*r = refused(MSG_COUNT);
	fm_say(r, true, MSG_UI_CHOICE_SEVERAL, fd->label, typed, sb_str(&names));
	sb_free(&names);
	free(typed);
	return false;
}

static fm_result choice_key(form_model *m, const fm_ctx *c, kp_key key)
{
	fm_result r = result(FM_HANDLED);
	field_state *st = &m->fs[m->focus];
	size_t chosen = POPUP_KEEP;
	if (keymap_lookup(CTX_FORM, key) == ACT_SAVE) /* F2 over an open list did nothing, unsaid (t80h) */
		return refused(MSG_UI_SAVE_IN_PICK);
	popup_result p = popup_key_field(&m->pick, key, &chosen);
	if (p == POPUP_CONTINUE)
		return r;
	if (p == POPUP_NOMATCH && (p = typed_choice(m, c, key, &chosen)) == POPUP_NOMATCH)
		return unmatched(m, c);
	if ((p == POPUP_NEXT || p == POPUP_PREV) && !tab_choice(m, &chosen, &r))
		return r;
	popup_close(&m->pick);
	m->mode = FM_EDIT;
	if (p == POPUP_CANCEL)
		return r;
	if (chosen != POPUP_KEEP) { /* Tab over a list picked in nothing keeps the value */
		const kp_field *fd = &m->form->fields[m->focus];
		char *taken = NULL, *before = fs_get_value(fd, st); /* the month the numbers were for */
		if (fd->type == FT_RECORD) {
			ref_take(st, chosen);
		} else {
			/* refused now, not at F2 after the whole report is typed,
			 * and before anything changes: the form stays as it was */
			taken = record_value_taken(c->env, m->form, m->focus, m->rec.unit_id, m->rec.id,
						   fd->choices->items[chosen]);
			if (!taken)
				st->choice = (int)chosen;
		}
		if (taken) {
			r = result(FM_REFUSED);
			snprintf(r.text, sizeof r.text, "%s", taken);
			r.error = true;
			free(taken);
			free(before);
			return r;
		}
		edited(m, st);
		prefill(m, c, m->focus, before, &r);
		free(before);
	}
	/* Taken with Enter, the list moves on by itself; with Tab or
	 * Shift-Tab, that key was the move, as from any field. */
	if (p == POPUP_ACCEPT)
		advance(m, c, true, &r);
	else
		move_focus(m, p == POPUP_NEXT ? +1 : -1);
	return r;
}

/* 同上: the focused field takes its value in the last record saved in this
 * session. The cursor stays (the clerk's habitual Tab moves on; moving
 * by itself, that Tab skipped a field), and ^Z brings back what was there
 * just before, which the status line names when it was replaced. */
static fm_result ditto(form_model *m, const fm_ctx *c)
{
	fm_result r;
	if (locked(m, c, &r))
		return r;
	if (!c->last)
		return refused(MSG_UI_NO_DITTO);
	const kp_field *fd = &m->form->fields[m->focus];
	char *before = fs_get_value(fd, &m->fs[m->focus]);
	fs_set_value(fd, &m->fs[m->focus], c->last[m->focus]);
	if (fs_is_text(fd))
		eb_end(&m->fs[m->focus].eb);
	edited(m, &m->fs[m->focus]);
	r = result(FM_HANDLED);
	if (before[0] && strcmp(before, c->last[m->focus]))
		fm_say(&r, false, MSG_UI_DITTO_REPLACED, fd->label);
	else
		fm_say(&r, false, MSG_UI_DITTO_DONE, fd->label);
	free(m->on_entry);
	m->on_entry = before;
	return r;
}

/* Digits from a 1: a mobile number, as far as it is typed. */
static bool mobile_like(const uint32_t *cp, size_t n)
{
	if (!n || cp[0] != '1')
		return false;
	for (size_t i = 0; i < n; i++)
		if (cp[i] < '0' || cp[i] > '9')
			return false;
	return true;
}

#define MOBILE_DIGITS 11

/* The most characters field fd holds of the value cp (0: no bound here;
 * its validator judges the value on leaving): its max_chars, or in a
 * phone field holding a mobile number the number's 11 digits — where it
 * moves on, so a 12th digit is refused like the 101st character of 地点,
 * never carried into the next field. */
static size_t field_max(const kp_field *fd, const uint32_t *cp, size_t n)
{
	if (fd->type == FT_PHONE && mobile_like(cp, n))
		return MOBILE_DIGITS;
	return fd->max_chars > 0 ? (size_t)fd->max_chars : 0;
}

/* A field that declares auto_advance moves on when it is full: a phone
 * field when it holds a whole mobile number (a landline's length varies). */
static bool complete(const kp_field *fd, const editbuf *eb)
{
	size_t max = fd->auto_advance ? field_max(fd, eb->cp, eb->len) : 0;
	return max && eb->len >= max && (fd->type != FT_PHONE || mobile_like(eb->cp, eb->len));
}

/* Were the n characters in put into the text field's buffer eb (at the
 * cursor, or in place of the selected value): how many too many it would
 * hold (0: they fit), its bound in *max. */
static size_t over_by(const kp_field *fd, const editbuf *eb, const uint32_t *in, size_t n, size_t *max)
{
	size_t kept = eb->sel ? 0 : eb->len, at = eb->sel ? 0 : eb->cur, len = kept + n;
	uint32_t *v = xcalloc(len + 1, sizeof *v);
	if (kept) { /* an empty buffer has no array yet */
		memcpy(v, eb->cp, at * sizeof *v);
		memcpy(v + at + n, eb->cp + at, (kept - at) * sizeof *v);
	}
	if (n)
		memcpy(v + at, in, n * sizeof *v);
	*max = field_max(fd, v, len);
	free(v);
	return *max && len > *max ? len - *max : 0;
}

static void free_pick_labels(form_model *m)
{
	for (size_t i = 0; i < m->npick_labels; i++)
		free(m->pick_labels[i]);
	free(m->pick_labels);
	m->pick_labels = NULL;
	m->npick_labels = 0;
}

/* The items of a choice list offered: the months (YYYY-MM) the field's
 * rule takes — not after today's month, and with not_after: ended (月报's
 * month, a report covers a finished month) not today's either. The list
 * is in order, so they are its first. */
static size_t offered(const kp_field *fd, const kp_list *l)
{
	if (!fd->not_after_today)
		return l->n;
	int y, mo, d;
	clock_today(&y, &mo, &d);
	char now[16];
	snprintf(now, sizeof now, "%04d-%02d", y, mo);
	size_t n = 0;
	for (; n < l->n && strlen(l->items[n]) == 7; n++) {
		int cmp = strcmp(l->items[n], now);
		if (cmp > 0 || (cmp == 0 && fd->not_after_ended))
			break;
	}
	return n;
}

/* The items as offered: a value the unit already has a record of, in the
 * form's one-per-unit field (月报's month), is marked 「（已填报）」 before it
 * is chosen (choosing it is refused, naming that record). NULL: as they are. */
static char **pick_labels(form_model *m, const fm_ctx *c, const kp_field *fd, const kp_list *l, size_t n)
{
	if (m->form->unique < 0 || &m->form->fields[m->form->unique] != fd || !n)
		return NULL;
	m->pick_labels = xcalloc(n, sizeof *m->pick_labels);
	m->npick_labels = n;
	for (size_t i = 0; i < n; i++) {
		char *taken = record_value_taken(c->env, m->form, (size_t)m->form->unique, m->rec.unit_id,
						 m->rec.id, l->items[i]);
		m->pick_labels[i] = taken ? xasprintf(msg(MSG_UI_VALUE_REPORTED), l->items[i]) : xstrdup(l->items[i]);
		free(taken);
	}
	return m->pick_labels;
}

/* The choice list, filtered by what is typed (first), its aliases too. */
static fm_result open_choices(form_model *m, const fm_ctx *c, const kp_field *fd, field_state *st,
			      uint32_t first)
{
	fm_result r = result(FM_HANDLED);
	if (fd->type == FT_RECORD) {
		if (!ref_pick_open(m, c->env->store, fd, st, first, &r))
			return r;
	} else {
		const kp_list *l = fd->choices;
		size_t n = offered(fd, l);
		free_pick_labels(m);
		char **labels = pick_labels(m, c, fd, l, n);
		popup_open(&m->pick, fd->label, labels ? labels : l->items, n,
			   st->choice >= 0 && (size_t)st->choice < n ? st->choice : -1, first);
		popup_aliases(&m->pick, l->alias_from, l->alias_to, l->naliases);
	}
	m->mode = FM_PICK;
	return r;
}

/* A letter typed in a multi-choice field (对象: 社区 or sq) moves the
 * cursor to the first option whose name holds the letters typed so far,
 * or whose pinyin they spell, and says Space ticks it; one that finds
 * nothing is not kept, and said. Never a tick by typing: the box ticked
 * stays the clerk's Space. */
static fm_result multi_find(const kp_field *fd, field_state *st, uint32_t cp)
{
	fm_result r = result(FM_HANDLED);
	char find[sizeof st->mfind], ch[4];
	size_t n = utf8_encode(cp, ch), len = strlen(st->mfind);
	if (len + n >= sizeof find) { /* as long as any option's name: start again */
		len = 0;
		st->mfind[0] = '\0';
	}
	memcpy(find, st->mfind, len);
	memcpy(find + len, ch, n);
	find[len + n] = '\0';
	for (size_t i = 0; i < fd->choices->n; i++) {
		const char *name = fd->choices->items[i];
		if (strstr(name, find) || pinyin_match(name, find)) {
			memcpy(st->mfind, find, len + n + 1);
			st->mcur = i;
			fm_say(&r, false, MSG_UI_MULTI_FOUND, fd->label, name, st->checked[i] ? msg(MSG_UI_MULTI_UNTICK) : msg(MSG_UI_MULTI_TICK));
			return r;
		}
	}
	r = result(FM_REFUSED);
	fm_say(&r, true, MSG_UI_MULTI_NONE, fd->label, find);
	return r;
}

/* Tab right after typing found an option in a multi-choice that is not
 * ticked: the clerk may think the typing chose it. Said once (the finding
 * is forgotten), never ticked for them; Tab again leaves. */
static bool found_unticked(form_model *m, fm_result *r)
{
	const kp_field *fd = &m->form->fields[m->focus];
	field_state *st = &m->fs[m->focus];
	if (fd->type != FT_MULTICHOICE || !st->mfind[0] || st->checked[st->mcur])
		return false;
	st->mfind[0] = '\0';
	*r = result(FM_REFUSED);
	fm_say(r, true, MSG_UI_MULTI_NOT_TICKED, fd->label, fd->choices->items[st->mcur]);
	return true;
}

/* Keys that change or move within the focused field. */
static fm_result field_key(form_model *m, const fm_ctx *c, kp_action a, kp_key key)
{
	const kp_field *fd = &m->form->fields[m->focus];
	field_state *st = &m->fs[m->focus];
	editbuf *eb = &st->eb;
	bool text = fs_is_text(fd);
	bool moves = a == ACT_LEFT || a == ACT_RIGHT || a == ACT_HOME || a == ACT_END || a == ACT_UP ||
		     a == ACT_DOWN;
	fm_result r = result(FM_HANDLED);
	if (!moves && (a != ACT_NONE || key_printable(key)) && locked(m, c, &r))
		return r;
	if (a != ACT_NONE) /* a multi-choice's typed letters find anew after any other key */
		st->mfind[0] = '\0';
	switch (a) {
	case ACT_LEFT:
		if (fd->type == FT_MULTICHOICE)
			st->mcur = st->mcur ? st->mcur - 1 : 0;
		else
			eb_left(eb);
		return r;
	case ACT_RIGHT:
		if (fd->type == FT_MULTICHOICE)
			st->mcur = st->mcur + 1 < fd->choices->n ? st->mcur + 1 : st->mcur;
		else
			eb_right(eb);
		return r;
	case ACT_HOME: eb_home(eb); return r;
	case ACT_END: eb_end(eb); return r;
	case ACT_UP:
		if (!eb_up(eb, c->wrap_w) && !refuse_leave(m, c, &r))
			move_focus(m, -1);
		return r;
	case ACT_DOWN:
		if (!eb_down(eb, c->wrap_w) && !refuse_leave(m, c, &r))
			move_focus(m, +1);
		return r;
	case ACT_BACKSPACE:
	case ACT_DELETE:
		if (fd->type == FT_CHOICE || fd->type == FT_RECORD) {
			st->choice = -1;
			if (fd->type == FT_RECORD)
				ref_set(st, "");
			edited(m, st);
		} else {
			bool clears = a == ACT_DELETE && eb->sel; /* Del takes the selection whole */
			if (a == ACT_BACKSPACE ? eb_backspace(eb) : eb_delete(eb)) {
				edited(m, st);
				if (clears)
					fm_say(&r, false, MSG_UI_CLEARED, fd->label);
			}
		}
		return r;
	case ACT_KILL:
		eb_kill_to_end(eb);
		edited(m, st);
		return r;
	case ACT_NEWLINE:
		/* Enter leaves every other field: on a selected text it starts a
		 * new line after it, never replaces paragraphs. */
		if (eb->sel) {
			eb->sel = false;
			eb->cur = eb->len;
		}
		if (eb_insert(eb, '\n'))
			edited(m, st);
		return r;
	case ACT_TOGGLE:
		st->checked[st->mcur] = !st->checked[st->mcur];
		edited(m, st);
		return r;
	case ACT_OPEN_LIST:
		return open_choices(m, c, fd, st, 0);
	default:
		break;
	}
	if (!key_printable(key))
		return r;
	if (fd->type == FT_CHOICE || fd->type == FT_RECORD)
		return open_choices(m, c, fd, st, key.code);
	if (fd->type == FT_MULTICHOICE)
		return multi_find(fd, st, key.code);
	char *why = text ? field_refuse_key(fd, key.code) : NULL;
	if (why) { /* refused as typed, not at F2; the text stays as it was, not selected */
		r = result(FM_REFUSED);
		fm_say(&r, true, MSG_V_FIELD, fd->label, why);
		free(why);
		return r;
	}
	bool replaces = text && eb->sel && eb->len > 0;
	size_t max, over = text ? over_by(fd, eb, &key.code, 1, &max) : 0;
	if (over) {
		r = result(FM_REFUSED); /* full: said, never a key lost without a word */
		fm_say(&r, true, MSG_UI_TEXT_FULL, fd->label, max, over);
	} else if (text && eb_insert(eb, key.code)) {
		edited(m, st);
		if (replaces) /* the selection on entry went with this key: say how it comes back */
			fm_say(&r, false, MSG_UI_REPLACED, fd->label);
		if (c->auto_advance && complete(fd, eb)) { /* the field's and the user's choice */
			size_t from = m->focus;
			advance(m, c, fd->forgive_tab, &r);
			if (m->focus != from)
				m->full_from = from + 1;
		}
	} else if (text && cp_is_unsafe(key.code)) { /* invisible: said with its code, never dropped unsaid */
		r = result(FM_REFUSED);
		fm_say(&r, true, MSG_UI_KEY_CONTROL, fd->label, (unsigned)key.code);
	} else if (text) {
		return refused(MSG_COUNT); /* a character no field takes */
	}
	return r;
}

/* A paste holding an invisible character (cp_refused_in_text), the nth:
 * refused whole, naming it — never dropped while the rest is filled. */
static fm_result refuse_invisible(size_t nth, uint32_t cp)
{
	fm_result r = refused(MSG_COUNT);
	fm_say(&r, true, cp == 0x1B ? MSG_UI_PASTE_ESC : MSG_UI_PASTE_CONTROL, nth, (unsigned)cp);
	return r;
}

fm_result fm_burst(form_model *m, const fm_ctx *c, const uint32_t *cps, size_t n)
{
	fm_result r = result(FM_HANDLED);
	m->full_from = 0; /* a burst is pasted text, not a key struck twice */
	if (m->mode != FM_EDIT)
		return r;
	const kp_field *fd = &m->form->fields[m->focus];
	const editbuf *eb = &m->fs[m->focus].eb;
	size_t nth = cps_first_unsafe(cps, n);
	if (nth) { /* as a marked paste: whole, named (fm_paste) */
		if (locked(m, c, &r))
			return r;
		return refuse_invisible(nth, cps[nth - 1]);
	}
	size_t max, over = fs_is_text(fd) ? over_by(fd, eb, cps, n, &max) : 0;
	if (!over || locked(m, c, &r))
		return r;
	r = result(FM_REFUSED);
	fm_say(&r, true, MSG_UI_PASTE_BURST_LONG, fd->label, max, n, over);
	return r;
}

/* Text with no Tab pasted into a text field is that field's text, put in
 * as typing puts it: in place of the value selected on entry, else at the
 * cursor (never in front of a value the clerk meant to replace), whole or
 * not at all, and said either way, so ^Z is known. A multi-line field
 * keeps its line ends (paragraphs copied from a document); a line's field
 * takes the one line (the caller refuses more). A field that is full with
 * it moves on as if it were typed. */
static fm_result paste_text(form_model *m, const fm_ctx *c, const char *text)
{
	const kp_field *fd = &m->form->fields[m->focus];
	field_state *st = &m->fs[m->focus];
	editbuf *eb = &st->eb;
	size_t end = strlen(text);
	while (end && (text[end - 1] == '\r' || text[end - 1] == '\n'))
		end--;
	if (!eb->multiline) /* a cell copied alone may come after a line end */
		while (end && (*text == '\r' || *text == '\n'))
			text++, end--;
	uint32_t *cps = xcalloc(end + 1, sizeof *cps);
	size_t n = 0;
	char *why = NULL;
	for (size_t at = 0; at < end;) {
		uint32_t cp;
		at += utf8_decode(text + at, end - at, &cp);
		if (cp == '\r') { /* CRLF or a lone CR: one line end */
			cp = '\n';
			at += at < end && text[at] == '\n';
		}
		if (!why && cp == '\n' && !eb->multiline) /* a cell copied with a line break in it */
			why = xstrdup(msg(MSG_V_NEWLINE));
		if (!why) /* a letter in 年龄: refused as the key would be */
			why = field_refuse_key(fd, cp);
		cps[n++] = cp;
	}
	if (!n) { /* nothing but line ends: the value stays as it is */
		free(cps);
		return result(FM_HANDLED);
	}
	size_t max, over = over_by(fd, eb, cps, n, &max);
	fm_result r;
	if (why || over) {
		free(cps);
		r = refused(MSG_COUNT);
		if (why)
			fm_say(&r, true, MSG_UI_PASTE_KEY_REFUSED, fd->label, why);
		else
			fm_say(&r, true, MSG_UI_PASTE_TEXT_LONG, n, fd->label, max, n - over);
		free(why);
		return r;
	}
	bool replaced = eb->sel && eb->len, inserted = !eb->sel && eb->len;
	size_t put = 0;
	for (size_t i = 0; i < n; i++)
		put += eb_insert(eb, cps[i]);
	free(cps);
	edited(m, st);
	r = result(FM_HANDLED);
	if (replaced)
		fm_say(&r, false, MSG_UI_PASTE_TEXT_REPLACED, put, fd->label);
	else if (inserted)
		fm_say(&r, false, MSG_UI_PASTE_TEXT_INSERTED, fd->label, put);
	else
		fm_say(&r, false, MSG_UI_PASTE_TEXT_OK, put);
	if (c->auto_advance && complete(fd, eb))
		advance(m, c, fd->forgive_tab, &r);
	return r;
}

/* The rows of a paste: its lines holding more than blanks (a line end at
 * the end, as Excel copies a row, makes no second row). */
static size_t paste_rows(const char *text)
{
	size_t rows = 0;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\r\n");
		if (strspn(p, " \t") < n)
			rows++;
		p += n;
		p += strspn(p, "\r\n");
	}
	return rows;
}

/* The first line's cells, between Tabs. */
static char **split_row(const char *text, size_t *n)
{
	size_t len = strcspn(text, "\r\n"), k = 1;
	for (size_t i = 0; i < len; i++)
		k += text[i] == '\t';
	char **cells = xcalloc(k, sizeof *cells);
	const char *p = text;
	for (size_t i = 0; i < k; i++) {
		size_t w = strcspn(p, "\t\r\n");
		cells[i] = xstrndup(p, w);
		p += w + 1;
	}
	*n = k;
	return cells;
}

/* How many cells up to the last holding more than spaces (Excel copies
 * a row's empty last cells: they hold nothing). */
static size_t to_last_filled(char *const *cell, size_t n)
{
	size_t last = 0;
	for (size_t i = 0; i < n; i++)
		if (cell[i][strspn(cell[i], " ")])
			last = i + 1;
	return last;
}

/* A row of cells into the form. */
static fm_result paste_cells(form_model *m, const fm_ctx *c, char *const *cell, size_t cells)
{
	fm_result r;
	const kp_form *f = m->form;
	/* A row as wide as the form fills it from the first field wherever the
	 * cursor is; one wider than the fields from the cursor on is refused
	 * whole, naming the counts (never cells dropped without a word). */
	size_t filled_cells = to_last_filled(cell, cells);
	size_t k = cells == f->nfields || filled_cells == f->nfields ? 0 : m->focus;
	if (filled_cells > f->nfields - k) {
		r = refused(MSG_COUNT);
		fm_say(&r, true, MSG_UI_PASTE_WIDE, filled_cells, f->fields[k].label, f->nfields - k,
		       f->nfields);
		return r;
	}
	size_t filled = 0, bad = 0, first_bad = f->nfields, replaced = 0, first_replaced = 0;
	size_t first_k = k, passed = 0, first_passed = 0; /* cells the session may not write */
	for (size_t i = 0; i < cells && k < f->nfields; i++, k++) {
		const char *p = cell[i];
		const kp_field *fd = &f->fields[k];
		field_state *st = &m->fs[k];
		/* Fields the session may not write keep their value, their cell
		 * is passed over. */
		if (store_may_write_field(c->env->store, fd)) {
			char *out = NULL, *why = NULL;
			/* An empty cell (Excel copies a row's empty last cells) is no
			 * error of the paste: it empties the field, and F2 asks for a
			 * required one. */
			bool blank = p[strspn(p, " ")] == '\0';
			bool ok = blank || field_validate(&c->env->cat, fd, p, &out, &why);
			char *was = fs_get_value(fd, st);
			int one = ok || fd->type != FT_CHOICE ? -1 : popup_unique(fd->choices, offered(fd, fd->choices), p);
			if (one >= 0) { /* the one option the list's filter finds, as Enter there takes it */
				free(why);
				why = NULL;
				ok = field_validate(&c->env->cat, fd, fd->choices->items[one], &out, &why);
			}
			if (blank || ((fd->type == FT_CHOICE || fd->type == FT_MULTICHOICE) && !ok))
				fs_set_value(fd, st, ""); /* no such item: nothing chosen (and no value to read) */
			else
				fs_set_value(fd, st, fd->type == FT_CHOICE || fd->type == FT_MULTICHOICE ? out : p);
			char *now = fs_get_value(fd, st);
			if (was[0] && strcmp(was, now) && !replaced++) /* a value there was not the clerk's to lose unsaid */
				first_replaced = k;
			free(now);
			free(was);
			edited(m, st);
			if (!ok) {
				st->error = field_message(fd, why);
				st->paste_bad = true;
				bad++;
				if (first_bad == f->nfields)
					first_bad = k;
			}
			filled++;
			free(out);
			free(why);
		} else if (p[strspn(p, " ")] && !passed++) { /* never dropped without a word */
			first_passed = k;
		}
	}
	/* after the last pasted cell, even past a refused one: the clerk's
	 * next keys (Tabs, a paragraph) were meant for the fields after the
	 * row, and typed over pasted values there; F2 goes to the refused one.
	 * One cell (no Tab) is the field's value: the focus stays, as a value
	 * typed there keeps it. */
	if (cells > 1)
		fm_focus(m, k < f->nfields ? k : f->nfields - 1);
	r = result(FM_HANDLED);
	if (bad)
		fm_say(&r, true, MSG_UI_PASTED, filled, bad, f->fields[first_bad].label);
	else if (replaced)
		fm_say(&r, false, MSG_UI_PASTED_REPLACED, filled, replaced, f->fields[first_replaced].label);
	else
		fm_say(&r, false, MSG_UI_PASTED_OK, filled);
	if (passed) {
		const kp_field *fd = &f->fields[first_passed];
		size_t end = strlen(r.text);
		snprintf(r.text + end, sizeof r.text - end, msg(MSG_UI_PASTE_NOT_YOURS), first_passed - first_k + 1,
			 cell[first_passed - first_k], fd->label,
			 msg(fd->written_by == WRITER_CITY ? MSG_UI_PASTE_CITY : MSG_UI_PASTE_UNIT));
		end = strlen(r.text);
		if (passed > 1)
			snprintf(r.text + end, sizeof r.text - end, msg(MSG_UI_PASTE_NOT_YOURS_MORE), passed - 1);
	}
	return r;
}

/* The paste's text into the form: a field's text, or a row of cells. */
static fm_result paste_in(form_model *m, const fm_ctx *c, const char *text)
{
	fm_result r;
	const kp_form *f = m->form;
	const kp_field *at = &f->fields[m->focus];
	size_t cells;
	char **cell = excel_clip_cells(text, &cells); /* a cell with line breaks, as Excel quotes it */
	if (cell && cells == 1 && fs_is_text(at)) {
		r = paste_text(m, c, cell[0]);
		excel_clip_free(cell, cells);
		return r;
	}
	if (cell) {
		r = paste_cells(m, c, cell, cells);
		excel_clip_free(cell, cells);
		return r;
	}
	bool one_value = !strchr(text, '\t');
	if (at->type == FT_TEXTAREA && one_value)
		return paste_text(m, c, text);
	/* A form holds one record: more than one row (line ends only at the
	 * end do not count) is refused whole, never its first row kept. */
	size_t rows = paste_rows(text);
	if (rows > 1) {
		r = refused(MSG_COUNT);
		fm_say(&r, true, MSG_UI_PASTE_ROWS, rows);
		return r;
	}
	if (one_value && fs_is_text(at))
		return paste_text(m, c, text);
	cell = split_row(text, &cells);
	r = paste_cells(m, c, cell, cells);
	excel_clip_free(cell, cells);
	return r;
}

/* Does the form still hold what the last paste left (^Z takes it back)? */
static bool paste_undoable(const form_model *m)
{
	if (!m->pre_paste)
		return false;
	bool same = true;
	for (size_t i = 0; i < m->form->nfields && same; i++) {
		char *v = fs_get_value(&m->form->fields[i], &m->fs[i]);
		same = !strcmp(v, m->post_paste[i]);
		free(v);
	}
	return same;
}

/* ^Z after a paste: every field it changed as it was before, whatever it
 * was (a row of 13 cells, choices and boxes too), the focus where the
 * paste came in. */
static fm_result undo_paste(form_model *m)
{
	size_t n = 0;
	for (size_t i = 0; i < m->form->nfields; i++) {
		if (!strcmp(m->pre_paste[i], m->post_paste[i]) && !m->fs[i].paste_bad)
			continue;
		fs_set_value(&m->form->fields[i], &m->fs[i], m->pre_paste[i]);
		edited(m, &m->fs[i]);
		n++;
	}
	m->advanced = false;
	m->full_from = 0;
	fm_focus(m, m->paste_focus);
	forget_paste(m);
	fm_result r = result(FM_HANDLED);
	fm_say(&r, false, MSG_UI_PASTE_UNDONE, n);
	return r;
}

/* Where a paste comes in: modes, a list open, a field the session may not
 * write. */
static bool paste_refused(form_model *m, const fm_ctx *c, fm_result *r)
{
	m->advanced = false;
	m->full_from = 0;
	if (m->mode == FM_OFFER || m->mode == FM_CONFIRM_LEAVE) { /* a paste answers no question */
		*r = refused(MSG_COUNT);
		return true;
	}
	if (m->mode == FM_PICK) { /* a list open over the field never swallows a row: it closes */
		popup_close(&m->pick);
		m->mode = FM_EDIT;
	}
	return c && locked(m, c, r);
}

fm_result fm_paste_lost(form_model *m, const char *why)
{
	fm_result r;
	if (paste_refused(m, NULL, &r))
		return r;
	r = refused(MSG_COUNT); /* nothing of it is taken */
	snprintf(r.text, sizeof r.text, "%s", why);
	r.error = true;
	return r;
}

fm_result fm_paste(form_model *m, const fm_ctx *c, const char *text)
{
	if (!text) { /* longer than the terminal keeps (term.h) */
		char why[256];
		snprintf(why, sizeof why, msg(MSG_UI_PASTE_TOO_LONG), (size_t)TERM_PASTE_MAX);
		return fm_paste_lost(m, why);
	}
	fm_result r;
	if (paste_refused(m, c, &r))
		return r;
	uint32_t bad;
	size_t nth = utf8_first_unsafe(text, strlen(text), &bad);
	if (nth) /* as the terminal's paste refuses it (pastemark.c) */
		return refuse_invisible(nth, bad);
	size_t focus = m->focus;
	char **before = values_now(m);
	r = paste_in(m, c, text);
	if (r.kind == FM_REFUSED) {
		values_free(m, before);
		return r;
	}
	forget_paste(m);
	m->pre_paste = before;
	m->post_paste = values_now(m);
	m->paste_focus = focus;
	bool changed = false;
	for (size_t i = 0; i < m->form->nfields && !changed; i++)
		changed = strcmp(before[i], m->post_paste[i]) || m->fs[i].paste_bad;
	if (!changed) /* cells only for fields the session may not write: nothing to take back */
		forget_paste(m);
	return r;
}

static fm_result confirm_leave(form_model *m, const fm_ctx *c, kp_key key)
{
	kp_action a = keymap_lookup(CTX_CONFIRM, key);
	if (a == ACT_YES && m->keep_year) { /* the year closed meanwhile: kept, not thrown away */
		fm_result r = result(FM_CLOSE);
		m->mode = FM_EDIT;
		if (write_draft(m, c, &r))
			fm_say(&r, false, MSG_UI_CLOSED_DRAFT_KEPT, m->keep_year);
		else
			r.kind = FM_REFUSED; /* said why: the clerk stays with the input */
		return r;
	}
	if (a == ACT_YES) { /* the user chose to throw the input away */
		drop_draft(m, c);
		m->mode = FM_EDIT;
		return result(FM_CLOSE);
	}
	if (a == ACT_NO)
		m->mode = FM_EDIT;
	return result(FM_HANDLED);
}

/* Has the focused field changed since the focus came to it? */
static bool changed_here(const form_model *m)
{
	if (!m->on_entry)
		return false;
	char *v = fs_get_value(&m->form->fields[m->focus], &m->fs[m->focus]);
	bool changed = strcmp(v, m->on_entry) != 0;
	free(v);
	return changed;
}

/* ^Z: the focused field as it was when the clerk came to it — one key
 * undoes a paragraph replaced by a letter typed over its selection. */
static fm_result undo(form_model *m, const fm_ctx *c)
{
	fm_result r = result(FM_HANDLED);
	const kp_field *fd = &m->form->fields[m->focus];
	if (locked(m, c, &r))
		return r;
	if (!changed_here(m) && paste_undoable(m))
		return undo_paste(m);
	if (!changed_here(m)) {
		r = refused(MSG_COUNT);
		fm_say(&r, false, MSG_UI_UNDO_NOTHING, fd->label);
		return r;
	}
	field_state *st = &m->fs[m->focus];
	fs_set_value(fd, st, m->on_entry);
	if (fs_is_text(fd))
		eb_select_all(&st->eb); /* as on entry: typing replaces it again */
	edited(m, st);
	fm_say(&r, false, MSG_UI_UNDONE, fd->label);
	return r;
}

/* Is every field as stored (typed and taken back with ^Z counts as
 * unchanged)? Each value read as F2 would store it, against the record's. */
static bool as_stored(const form_model *m, const fm_ctx *c)
{
	bool same = true;
	for (size_t i = 0; i < m->form->nfields && same; i++) {
		const kp_field *fd = &m->form->fields[i];
		char *raw = fs_get_value(fd, &m->fs[i]), *out = NULL, *why = NULL;
		same = field_validate(&c->env->cat, fd, raw, &out, &why) && !strcmp(out, m->orig[i]);
		free(raw);
		free(out);
		free(why);
	}
	return same;
}

/* Would the full field from have taken ch, had it room (a digit for a
 * phone)? */
static bool one_too_many(const kp_field *from, uint32_t ch)
{
	if (ch < '0' || ch > '9')
		return false;
	char *why = field_refuse_key(from, ch);
	free(why);
	return !why;
}

fm_result fm_key(form_model *m, const fm_ctx *c, kp_key key)
{
	switch (m->mode) {
	case FM_OFFER: return answer_offer(m, c, keymap_lookup(CTX_CONFIRM, key));
	case FM_PICK: return choice_key(m, c, key);
	case FM_CONFIRM_LEAVE: return confirm_leave(m, c, key);
	case FM_EDIT: break;
	}
	/* The habitual Tab or Enter right after an auto-advance: the move it
	 * asks for has been made, so it is absorbed, and said (a Tab that
	 * silently does nothing looked like a lost key). */
	bool after_advance = m->advanced;
	size_t full_from = m->full_from;
	m->advanced = false;
	m->full_from = 0;
	const kp_field *fd = &m->form->fields[m->focus];
	unsigned role = store_session_kind(c->env->store) == SESSION_CITY ? CTX_CITY : CTX_UNIT;
	if (after_advance && keymap_lookup(CTX_ADVANCED, key) == ACT_ABSORB) {
		fm_result r = result(FM_HANDLED);
		fm_say(&r, false, MSG_UI_TAB_ABSORBED, fd->label, keymap_key_name(key));
		return r;
	}
	if (full_from && key_printable(key) && one_too_many(&m->form->fields[full_from - 1], key.code)) {
		/* a 12th digit of a phone that moved on at 11 (a key struck twice)
		 * would begin the next field unseen: refused once, and said; the
		 * same key again is taken (an e-mail may begin with a digit) */
		fm_result r = result(FM_REFUSED);
		char k[8] = {0};
		utf8_encode(key.code, k);
		fm_say(&r, true, MSG_UI_FULL_EXTRA, m->form->fields[full_from - 1].label, k, fd->label);
		return r;
	}
	kp_action a = keymap_lookup(CTX_FORM | fm_field_ctx(fd) | role, key);
	fm_result r = result(FM_HANDLED);
	switch (a) {
	case ACT_SAVE:
		return fm_save(m, c);
	case ACT_REVIEW: /* what F9 offers on this record in the list (review_prompt.c decides) */
		if (!m->form->review)
			fm_say(&r, true, MSG_UI_NOT_REVIEWED, m->form->title);
		else if (!m->rec.id)
			r = refused(MSG_UI_REVIEW_SAVE_FIRST);
		else if (m->dirty && !as_stored(m, c)) /* the decision is on the version stored, not on what is typed */
			r = refused(MSG_UI_REVIEW_UNSAVED);
		else
			r.kind = FM_OPEN, r.open = FM_OPEN_REVIEW;
		return r;
	case ACT_QUIT:
		if (!m->dirty || blank(m, c)) {
			drop_draft(m, c);
			return result(FM_CLOSE);
		}
		m->keep_year = closed_meanwhile(m, c);
		m->mode = FM_CONFIRM_LEAVE;
		return r;
	case ACT_LIST: /* a form with nothing typed gives its place to the list: Esc there goes back
			* to where the form came from, not into an empty form */
		r.kind = FM_OPEN;
		r.open = FM_OPEN_LIST;
		r.replace = !m->dirty;
		return r;
	case ACT_FILES:
		if (!m->form->evidence) {
			r = refused(MSG_COUNT);
			fm_say(&r, true, MSG_UI_EV_NOT_HERE, m->form->title);
		} else if (!m->rec.id) {
			r = refused(MSG_UI_EV_SAVE_FIRST);
		} else {
			r.kind = FM_OPEN;
			r.open = FM_OPEN_FILES;
		}
		return r;
	case ACT_DITTO:
		return ditto(m, c);
	case ACT_UNDO:
		return undo(m, c);
	case ACT_NEXT:
		if (found_unticked(m, &r))
			return r;
		if (!refuse_leave(m, c, &r) && !move_focus(m, +1))
			fm_say(&r, false, MSG_UI_LAST_FIELD);
		return r;
	case ACT_PREV:
		if (!refuse_leave(m, c, &r) && !move_focus(m, -1))
			fm_say(&r, false, MSG_UI_FIRST_FIELD);
		return r;
	default:
		return field_key(m, c, a, key);
	}
}

bool fm_acts(const void *model, const void *ctx, kp_action a)
{
	const form_model *m = model;
	const fm_ctx *c = ctx;
	if (m->mode == FM_CONFIRM_LEAVE || m->mode == FM_OFFER)
		return a == ACT_YES || a == ACT_NO;
	switch (a) {
	case ACT_YES:
	case ACT_NO:
		return false;
	case ACT_SAVE: /* a record its user may not change (已提交) */
		return !m->readonly;
	case ACT_FILES: /* attachments belong to a saved record */
		return m->form->evidence && m->rec.id;
	case ACT_DITTO:
		return c && c->last;
	case ACT_UNDO:
		return !m->readonly && (changed_here(m) || paste_undoable(m));
	case ACT_REVIEW: /* only with something the session may do to it as stored */
		return c && m->form->review && m->rec.id && (!m->dirty || as_stored(m, c)) &&
		       review_any(c->env->store, state_of(m->rec.state));
	default:
		return true;
	}
}

bool fm_later(const void *model, const void *ctx, kp_action a)
{
	const form_model *m = model;
	(void)ctx;
	/* a field the session may write: ^Z once it is changed, F5 once a
	 * record is saved (each says so when pressed before) */
	return (a == ACT_UNDO || a == ACT_DITTO) && !m->readonly && m->mode != FM_CONFIRM_LEAVE &&
	       m->mode != FM_OFFER;
}

unsigned fm_keyctx(const form_model *m, const fm_ctx *c)
{
	unsigned ctx = CTX_FORM | fm_field_ctx(&m->form->fields[m->focus]);
	if (m->form->review && m->rec.id && review_only_withdraw(c->env->store, state_of(m->rec.state)))
		ctx |= CTX_WITHDRAW; /* F9 is named by what it does: 撤回 */
	return ctx;
}

enum kp_msg_id fm_title_words(const form_model *m)
{
	if (!m->rec.id)
		return MSG_UI_NEW_RECORD;
	return m->readonly ? MSG_UI_VIEW_RECORD : MSG_UI_EDIT_RECORD;
}

/* --- life --------------------------------------------------------------- */

void fm_count_files(form_model *m, const fm_ctx *c)
{
	if (!m->form->evidence || !m->rec.id)
		return;
	kp_attachment *a;
	m->nfiles = store_attachments(c->env->store, m->form, m->rec.id, &a);
	attachments_free(a, m->nfiles);
}

/* The city's line naming the records id was marked as repeating, or NULL. */
static char *dup_note(kp_store *s, const kp_form *f, long long id)
{
	kp_dup *d;
	size_t n = store_duplicates_of(s, f, id, &d);
	if (!n)
		return NULL;
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_adds(&b, "、");
		sb_printf(&b, msg(MSG_UI_DUP_ITEM), d[i].id, d[i].unit_name, d[i].name);
		dup_free(&d[i]);
	}
	free(d);
	char *note = xasprintf(msg(MSG_UI_DUP_NOTE), sb_str(&b));
	sb_free(&b);
	return note;
}

void fm_free(form_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->form->nfields; i++) {
		eb_free(&m->fs[i].eb);
		free(m->fs[i].checked);
		free(m->fs[i].error);
		ref_free(&m->fs[i]);
		free(m->orig[i]);
		if (m->saved)
			free(m->saved[i]);
	}
	popup_close(&m->pick);
	free_pick_labels(m);
	draft_free(&m->offer);
	free(m->dup_note);
	free(m->report_locked);
	free(m->on_entry);
	forget_paste(m);
	free(m->orig);
	free(m->saved);
	free(m->fs);
	record_free(&m->rec);
	free(m);
}

form_model *fm_new(const fm_ctx *c, const kp_form *f, long long id, long long unit_id,
		   const char *unit_name, fm_result *res)
{
	*res = result(FM_HANDLED);
	form_model *m = xcalloc(1, sizeof *m);
	m->form = f;
	m->fs = xcalloc(f->nfields, sizeof *m->fs);
	m->orig = xcalloc(f->nfields, sizeof *m->orig);
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		eb_init(&m->fs[i].eb, (size_t)fd->max_chars, fd->type == FT_TEXTAREA);
		m->fs[i].choice = -1;
		m->orig[i] = xstrdup("");
		if (fd->type == FT_MULTICHOICE)
			m->fs[i].checked = xcalloc(fd->choices->n, sizeof(bool));
	}
	if (id) {
		char *err = NULL;
		/* Another unit's record is, for a unit session, no record at all
		 * (the store's answer): the same as a number that does not exist. */
		/* shown in full: what the city may approve (store_view) */
		if (id <= 0 || store_view(c->env->store, f, id, &m->rec, &err) != KP_OK) {
			*res = refused(MSG_COUNT);
			fm_say(res, true, MSG_UI_NO_SUCH_RECORD, id);
			free(err);
			record_init(&m->rec, f->nfields);
			fm_free(m);
			return NULL;
		}
		m->readonly = f->review && !review_editable(c->env->store, state_of(m->rec.state));
		m->dup_note = dup_note(c->env->store, f, id);
		load_values(m, &c->env->cat, &m->rec);
		set_orig(m, m->rec.vals);
		fm_count_files(m, c);
	} else {
		record_init(&m->rec, f->nfields);
		m->rec.unit_id = unit_id;
		m->rec.unit_name = xstrdup(unit_name ? unit_name : "");
		load_values(m, &c->env->cat, NULL);
	}
	/* the store refuses a unit's every change there — the year worked in
	 * (a year not begun takes nothing, not even last year's draft opened
	 * from it) or the record's; said before typing */
	int here = store_year(c->env->store), year = id ? m->rec.year : here;
	int fixed = store_why_year_fixed(c->env->store, here, &m->report_locked) != KP_OK ? here
		    : year != here && store_why_year_fixed(c->env->store, year, &m->report_locked) != KP_OK ? year
													       : 0;
	if (fixed) {
		/* closed: said with 换年度; not begun: the store's words, at the first key */
		m->closed_year = store_year_closed(c->env->store, fixed) ? fixed : 0;
		m->readonly = true;
	} else if (store_may_change_report(c->env->store, f, &m->rec, &m->report_locked) != KP_OK) {
		m->readonly = true;
	}
	if (c->draft) { /* chosen at sign-in: restored without asking again */
		if (store_draft_get(c->env->store, c->user, c->draft, &m->offer) == KP_OK &&
		    !strcmp(m->offer.form, f->id) && m->offer.record_id == id && !m->closed_year && !m->report_locked &&
		    !outdated(m, c, res))
			restore_draft(m, c, res);
		draft_free(&m->offer);
	} else if (id && !m->closed_year &&
		   store_draft_load(c->env->store, c->user, f->id, id, &m->offer) == KP_OK) {
		/* A stored record's draft is offered with it; a new record's are
		 * offered at sign-in, each with its first fields (drafts_screen.c),
		 * never to a colleague opening an empty form on the same account. */
		if (outdated(m, c, res))
			draft_free(&m->offer);
		else
			m->mode = FM_OFFER;
	}
	m->draft_saved = time(NULL);
	return m;
}
