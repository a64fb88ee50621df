/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/menu_model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/checklist.h"

/* An item opened by the keymap's key for act (for a form: the digit). */
static menu_item item(item_kind kind, const kp_form *f, const kp_view *v, kp_action act, char digit)
{
	char key = act == ACT_M_FORM ? digit : act == ACT_NONE ? 0 : keymap_letter(CTX_MENU, act);
	return (menu_item){kind, f, v, act, key};
}

/* A per-unit form of numbers only (附表1) is edited as a table; one with
 * text (年度工作计划) as a form. */
static bool table_form(const kp_form *f)
{
	for (size_t i = 0; i < f->nfields; i++)
		if (f->fields[i].type != FT_INTEGER)
			return false;
	return true;
}

void mm_init(menu_model *m, const mm_ctx *c)
{
	memset(m, 0, sizeof *m);
	reopen_prompt_init(&m->reopen);
	const kp_catalog *cat = &c->env->cat;
	kp_store *st = c->env->store;
	kp_entry *es;
	size_t ne = catalog_entries(cat, true, &es);
	/* Two per form at most, and the eleven fixed items below. */
	m->items = xcalloc(ne * 2 + 11, sizeof *m->items);
	m->items[m->n++] = item(ITEM_CHECKLIST, NULL, NULL, ACT_M_CHECKLIST, 0);
	m->items[m->n++] = item(ITEM_PROGRESS, NULL, NULL, ACT_M_PROGRESS, 0);
	if (c->city && schedule_nmonths(&cat->schedule)) /* the briefing sums every unit */
		m->items[m->n++] = item(ITEM_BRIEFING, NULL, NULL, ACT_M_BRIEFING, 0);
	for (size_t i = 0; i < ne; i++) {
		const kp_form *f = es[i].form;
		char key = es[i].attachment ? (char)('0' + es[i].attachment) : 0;
		kp_action act = key ? ACT_M_FORM : ACT_NONE;
		if (f && cat->schedule.report_form && !strcmp(f->id, cat->schedule.report_form))
			act = ACT_M_MONTHLY; /* the monthly report: due every month */
		if (es[i].view)
			m->items[m->n++] = item(ITEM_VIEW, NULL, es[i].view, act, key);
		else if (f->per_unit && table_form(f)) /* one row of numbers per unit */
			m->items[m->n++] = item(ITEM_TABLE, f, NULL, act, key);
		else if (f->per_unit) /* one record per unit, written by the unit */
			m->items[m->n++] = item(ITEM_RECORD, f, NULL, act, key);
		else if (store_may_write_form(st, f)) {
			m->items[m->n++] = item(ITEM_FORM, f, NULL, act, key);
			m->items[m->n++] = item(ITEM_LIST, f, NULL, ACT_NONE, 0);
		} else { /* the city's (推荐名单): a unit reads its own rows, writes none */
			m->items[m->n++] = item(ITEM_LIST, f, NULL, act, key);
		}
	}
	free(es);
	m->items[m->n++] = item(ITEM_EXPORT, NULL, NULL, ACT_M_EXPORT, 0);
	m->items[m->n++] = item(ITEM_IMPORT, NULL, NULL, ACT_M_IMPORT, 0);
	if (catalog_search_form(cat))
		m->items[m->n++] = item(ITEM_FIND, NULL, NULL, ACT_M_FIND, 0);
	if (c->city) {
		m->items[m->n++] = item(ITEM_AUDIT, NULL, NULL, ACT_M_AUDIT, 0);
		m->items[m->n++] = item(ITEM_ACCOUNTS, NULL, NULL, ACT_M_ACCOUNTS, 0); /* z: 账号 */
	}
	m->items[m->n++] = item(ITEM_PASSWORD, NULL, NULL, ACT_M_PASSWORD, 0);
	m->items[m->n++] = item(ITEM_ADVANCE, NULL, NULL, ACT_NONE, 0);
	m->items[m->n++] = item(ITEM_QUIT, NULL, NULL, ACT_QUIT, 0);
	mm_count(m, c);
}

/* Is the year worked in fixed to this session (a unit: closed by the city,
 * or not begun — store.h's one rule)? */
static bool closed_here(const mm_ctx *c)
{
	return !store_may_change_year(c->env->store, store_year(c->env->store));
}

void mm_item_text(const menu_item *it, const mm_ctx *c, char *buf, size_t len)
{
	/* Each item says what this role may do there: [kind] = {the city's, a
	 * unit's}. 附表1 says 修改 only to whom may change it (the city), a unit
	 * sees its own 附表4 and its own checklist row. */
	static const enum kp_msg_id words[][2] = {
		[ITEM_CHECKLIST] = {MSG_UI_MENU_CHECKLIST, MSG_UI_MENU_CHECKLIST_OWN},
		[ITEM_PROGRESS] = {MSG_UI_MENU_PROGRESS, MSG_UI_MENU_PROGRESS},
		[ITEM_BRIEFING] = {MSG_UI_MENU_BRIEFING, MSG_UI_MENU_BRIEFING},
		[ITEM_FORM] = {MSG_UI_MENU_FORM, MSG_UI_MENU_FORM},
		[ITEM_LIST] = {MSG_UI_MENU_LIST, MSG_UI_MENU_LIST_READ},
		[ITEM_TABLE] = {MSG_UI_MENU_TABLE, MSG_UI_MENU_TABLE_READ},
		[ITEM_RECORD] = {MSG_UI_MENU_RECORD_ANY, MSG_UI_MENU_RECORD},
		[ITEM_VIEW] = {MSG_UI_MENU_VIEW, MSG_UI_MENU_VIEW_OWN},
		[ITEM_EXPORT] = {MSG_UI_MENU_EXPORT, MSG_UI_MENU_EXPORT},
		[ITEM_IMPORT] = {MSG_UI_MENU_IMPORT, MSG_UI_MENU_IMPORT},
		[ITEM_FIND] = {MSG_UI_MENU_FIND, MSG_UI_MENU_FIND},
		[ITEM_AUDIT] = {MSG_UI_MENU_AUDIT, MSG_UI_MENU_AUDIT},
		[ITEM_ACCOUNTS] = {MSG_UI_MENU_ACCOUNTS, MSG_UI_MENU_ACCOUNTS},
		[ITEM_PASSWORD] = {MSG_UI_MENU_PASSWORD, MSG_UI_MENU_PASSWORD},
		[ITEM_ADVANCE] = {MSG_UI_MENU_ADVANCE_OFF, MSG_UI_MENU_ADVANCE_ON},
		[ITEM_QUIT] = {MSG_UI_MENU_QUIT, MSG_UI_MENU_QUIT},
	};
	int k = c->city ? 0 : 1;
	if (!c->city && closed_here(c) && (it->kind == ITEM_FORM || it->kind == ITEM_RECORD)) {
		/* nothing to fill in there: what the item opens is for reading */
		int y = store_year(c->env->store);
		bool ahead = !store_year_closed(c->env->store, y);
		snprintf(buf, len,
			 msg(it->kind == ITEM_FORM ? (ahead ? MSG_UI_MENU_FORM_AHEAD : MSG_UI_MENU_FORM_CLOSED)
						   : (ahead ? MSG_UI_MENU_RECORD_AHEAD : MSG_UI_MENU_RECORD_CLOSED)),
			 it->form->title, y);
		return;
	}
	if (it->kind == ITEM_TABLE || it->kind == ITEM_LIST) /* 查看 where this role only reads */
		k = it->form && store_may_write_form(c->env->store, it->form) ? 0 : 1;
	else if (it->kind == ITEM_ADVANCE)
		k = c->auto_advance ? 1 : 0;
	/* the form's or view's title, or the account's name (修改密码（%s）) */
	const char *arg = it->form ? it->form->title : it->view ? it->view->title : c->user;
	snprintf(buf, len, msg(words[it->kind][k]), arg);
}

static void queue_free(menu_model *m)
{
	popup_close(&m->queue);
	for (size_t i = 0; i < m->nqueue; i++)
		free(m->queue_items[i]);
	free(m->queue_items);
	free(m->queue_forms);
	m->queue_items = NULL;
	m->queue_forms = NULL;
	m->nqueue = 0;
}

void mm_free(menu_model *m)
{
	queue_free(m);
	reopen_prompt_free(&m->reopen);
	free(m->still_due);
	free(m->items);
	free(m->tally);
	memset(m, 0, sizeof *m);
}

static size_t years(const mm_ctx *c, int *newest, int *next);

void mm_count(menu_model *m, const mm_ctx *c)
{
	int newest, next;
	m->nyears = years(c, &newest, &next);
	const kp_catalog *cat = &c->env->cat;
	free(m->tally);
	m->tally = xcalloc(cat->nforms ? cat->nforms : 1, sizeof *m->tally);
	m->ntally = 0;
	for (size_t i = 0; i < cat->nforms; i++) {
		const kp_form *f = cat->forms[i];
		if (!f->review)
			continue;
		mm_tally *t = &m->tally[m->ntally++];
		t->form = f;
		for (int s = 0; s < ST_COUNT; s++) {
			kp_query q = {-1, false, NULL, 0, state_code((kp_state)s), false};
			t->n[s] = store_query_count(c->env->store, f, &q);
		}
		if (f->pool) { /* carried from earlier years: not this year's 已认定 (the ranking's count) */
			t->carried = store_count_carried(c->env->store, f, state_code(ST_APPROVED));
			t->n[ST_APPROVED] -= t->carried;
		}
	}
}

char *mm_counts_text(const menu_model *m, const mm_ctx *c)
{
	strbuf b = STRBUF_INIT;
	int year = store_year(c->env->store);
	char *open = c->city ? store_year_units_text(c->env->store, year) : NULL;
	if (open) { /* the closed year's exceptions first: the referee sees whom it let back in */
		char *clean = utf8_sanitize(open, false);
		sb_printf(&b, msg(MSG_UI_YEAR_OPEN_TO), year, clean);
		sb_adds(&b, "；");
		free(clean);
		free(open);
	}
	size_t lead = b.len; /* the queue's first words come after it */
	for (size_t i = 0; i < m->ntally; i++) {
		const mm_tally *t = &m->tally[i];
		char name[128];
		form_short_title(t->form, name, sizeof name);
		if (c->city && t->n[ST_SUBMITTED]) {
			sb_adds(&b, b.len > lead ? "、" : msg(MSG_UI_QUEUE));
			sb_printf(&b, msg(MSG_UI_QUEUE_FORM), name, t->n[ST_SUBMITTED]);
		} else if (!c->city) { /* each count named by its state, the states with none left out */
			static const kp_state order[] = {ST_APPROVED, ST_COUNT, ST_SUBMITTED, ST_RETURNED, ST_DRAFT};
			bool named = false;
			for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
				/* ST_COUNT: the carried talents, after this year's approved */
				long long n = order[k] == ST_COUNT ? t->carried : t->n[order[k]];
				if (!n)
					continue;
				if (!named)
					sb_printf(&b, "%s%s ", b.len ? "；" : "", name);
				sb_printf(&b, msg(MSG_UI_TALLY), named ? " / " : "",
					  order[k] == ST_COUNT ? msg(MSG_UI_TALLY_CARRIED) : state_label(order[k]), n);
				named = true;
			}
		}
	}
	if (c->city)
		sb_adds(&b, b.len > lead ? msg(MSG_UI_QUEUE_KEY) : msg(MSG_UI_QUEUE_EMPTY));
	char *text = b.len ? xstrdup(sb_str(&b)) : NULL;
	sb_free(&b);
	return text;
}

long long mm_waiting(const menu_model *m)
{
	long long n = 0;
	for (size_t i = 0; i < m->ntally; i++)
		n += m->tally[i].n[ST_SUBMITTED];
	return n;
}

static mm_result result(mm_kind kind) { return (mm_result){.kind = kind}; }

static mm_result refused(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static mm_result refused(const char *fmt, ...)
{
	mm_result r = result(MM_REFUSED);
	r.error = true;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r.text, sizeof r.text, fmt, ap);
	va_end(ap);
	return r;
}

/* The user's own way of typing: full fields (a whole mobile number) move on
 * by themselves, or wait for Tab. Kept with the account. */
static mm_result toggle_advance(const mm_ctx *c)
{
	char *err = NULL;
	bool on = !c->auto_advance;
	if (store_user_set_auto_advance(c->env->store, c->user, on, &err) != KP_OK) {
		mm_result r = refused("%s", err ? err : "");
		free(err);
		return r;
	}
	mm_result r = result(MM_ADVANCE);
	r.on = on;
	snprintf(r.text, sizeof r.text, "%s", msg(on ? MSG_UI_ADVANCE_NOW_ON : MSG_UI_ADVANCE_NOW_OFF));
	return r;
}

/* The years opened, oldest first: how many, the newest, and the one after
 * the year worked in (after the newest: the oldest). */
static size_t years(const mm_ctx *c, int *newest, int *next)
{
	kp_year *y;
	size_t n = store_years(c->env->store, &y);
	int now = store_year(c->env->store);
	*next = n ? y[0].year : now;
	*newest = now;
	for (size_t i = 0; i < n; i++) {
		if (y[i].year > *newest)
			*newest = y[i].year;
		if (y[i].year > now && (*next <= now || y[i].year < *next))
			*next = y[i].year;
	}
	years_free(y, n);
	return n;
}

/* One key moves to the next programme year opened (after the newest: the
 * oldest); every screen opened then shows that year's. */
static mm_result next_year(menu_model *m, const mm_ctx *c)
{
	int newest, to, now = store_year(c->env->store);
	years(c, &newest, &to);
	if (to == now)
		return refused(msg(c->city ? MSG_Y_ONLY_ONE_CITY : MSG_Y_ONLY_ONE), now);
	char *err = NULL;
	if (env_use_year(c->env, to, &err) != 0) {
		mm_result r = refused("%s", err ? err : "");
		free(err);
		return r;
	}
	mm_count(m, c); /* the counts are the year's */
	mm_result r = result(MM_YEAR);
	snprintf(r.text, sizeof r.text, msg(MSG_Y_SWITCHED), to);
	return r;
}

/* The city opens the year after the newest, from the newest (as `kepu
 * year open NEXT --from NEWEST`), once it has said yes to it by name. */
static mm_result ask_open_year(menu_model *m, const mm_ctx *c)
{
	if (!c->city)
		return refused("%s", msg(MSG_SS_CITY_ONLY));
	int next;
	years(c, &m->open_from, &next);
	m->open_year = m->open_from + 1;
	m->mode = MM_CONFIRM_YEAR;
	return result(MM_HANDLED);
}

static mm_result open_year(menu_model *m, const mm_ctx *c)
{
	m->mode = MM_BROWSE;
	char *err = NULL;
	if (env_open_year(c->env, m->open_year, m->open_from, &err) != 0) {
		mm_result r = refused("%s", err ? err : "");
		free(err);
		return r;
	}
	mm_count(m, c); /* y has a year to move to now */
	mm_result r = result(MM_YEAR);
	snprintf(r.text, sizeof r.text, msg(MSG_Y_OPENED_SWITCH), m->open_year, m->open_from);
	return r;
}

/* The city closes the year worked in (no unit changes anything of it
 * then: the store's rule), or reopens it, once it has said yes by name. */
static mm_result ask_close_year(menu_model *m, const mm_ctx *c)
{
	if (!c->city)
		return refused("%s", msg(MSG_SS_CITY_ONLY));
	m->close_year = store_year(c->env->store);
	m->closing = !store_year_closed(c->env->store, m->close_year);
	if (!m->closing) { /* closed: for every unit, for one, or closed to those it was reopened for */
		char *units = store_year_units_text(c->env->store, m->close_year);
		reopen_prompt_open(&m->reopen, m->close_year, units);
		free(units);
		m->mode = MM_REOPEN;
		return result(MM_HANDLED);
	}
	free(m->still_due);
	m->still_due = m->closing ? checklist_still_due(c->env, m->close_year) : NULL;
	m->insisting = false;
	m->mode = MM_CONFIRM_CLOSE;
	return result(MM_HANDLED);
}

static mm_result close_year(menu_model *m, const mm_ctx *c)
{
	if (m->still_due && !m->insisting) { /* items still running: a second, explicit yes */
		m->insisting = true;
		return result(MM_HANDLED);
	}
	m->mode = MM_BROWSE;
	free(m->still_due);
	m->still_due = NULL;
	m->insisting = false; /* answered: the next x (a reopening) asks afresh */
	char *err = NULL;
	if (store_year_close(c->env->store, m->close_year, m->closing, &err) != KP_OK) {
		mm_result r = refused("%s", err ? err : "");
		free(err);
		return r;
	}
	mm_result r = result(MM_YEAR); /* the title says 已结束, or no longer */
	snprintf(r.text, sizeof r.text, msg(m->closing ? MSG_Y_CLOSED : MSG_Y_REOPENED), m->close_year);
	return r;
}

/* A key while x's choices for a closed year are open: every unit (the
 * y/n of reopening), one unit (the picker, then its reason), or closing
 * the year again to the units it was reopened for. */
static mm_result reopen_key(menu_model *m, const mm_ctx *c, kp_key key)
{
	int choice;
	mr_result r = reopen_prompt_key(&m->reopen, c->env->store, key, &choice);
	if (choice == RP_ALL) {
		m->mode = MM_CONFIRM_CLOSE;
		return result(MM_HANDLED);
	}
	if (choice == RP_ONE)
		return result(MM_PICK_UNIT);
	if (!reopen_prompt_active(&m->reopen))
		m->mode = MM_BROWSE;
	if (choice == RP_CLOSE_UNITS) {
		char *err = NULL, *units = store_year_units_text(c->env->store, m->close_year);
		mm_result res = store_year_close(c->env->store, m->close_year, true, &err) == KP_OK
			? result(MM_YEAR)
			: refused("%s", err ? err : "");
		if (res.kind == MM_YEAR)
			snprintf(res.text, sizeof res.text, msg(MSG_Y_CLOSED_UNITS), m->close_year, units ? units : "");
		free(units);
		free(err);
		return res;
	}
	mm_result res = result(r.kind == MR_SAVED ? MM_YEAR : r.kind == MR_REFUSED ? MM_REFUSED : MM_HANDLED);
	res.error = r.error;
	snprintf(res.text, sizeof res.text, "%s", r.text);
	return res;
}

/* The screen each kind of item opens (app.c's table builds it). */
static const ui_screen_id opens[] = {
	[ITEM_CHECKLIST] = SCR_CHECKLIST, [ITEM_PROGRESS] = SCR_PROGRESS, [ITEM_BRIEFING] = SCR_BRIEFING,
	[ITEM_FORM] = SCR_FORM,           [ITEM_LIST] = SCR_LIST,         [ITEM_TABLE] = SCR_TABLE,
	[ITEM_RECORD] = SCR_FORM,         [ITEM_VIEW] = SCR_VIEW,         [ITEM_EXPORT] = SCR_EXPORT,
	[ITEM_IMPORT] = SCR_IMPORT,       [ITEM_FIND] = SCR_FIND,         [ITEM_AUDIT] = SCR_AUDIT,
	[ITEM_ACCOUNTS] = SCR_ACCOUNTS,   [ITEM_PASSWORD] = SCR_PASSWORD,
};

/* picked: the city has just chosen the unit of the new record. */
static mm_result activate(menu_model *m, const mm_ctx *c, const menu_item *it, bool picked)
{
	switch (it->kind) {
	case ITEM_ADVANCE:
		return toggle_advance(c);
	case ITEM_QUIT:
		m->mode = MM_CONFIRM_QUIT;
		return result(MM_HANDLED);
	case ITEM_FORM:
		if (closed_here(c)) { /* a unit's closed year or one not begun: its records to read, no empty form */
			mm_result r = result(MM_OPEN);
			r.open = (ui_open){SCR_LIST, it->form, NULL, 0};
			return r;
		}
		/* fall through */
	case ITEM_RECORD:
		/* A form that needs the unit the record belongs to: the city
		 * picks it first, every time (the last choice offered first). */
		if (!c->own_unit && !picked) {
			m->after_pick = it;
			return result(MM_PICK_UNIT);
		}
		break;
	default:
		break;
	}
	long long id = 0;
	if (it->kind == ITEM_RECORD) /* the unit's one record (年度工作计划), new or stored */
		id = store_unit_record(c->env->store, it->form, c->entry_unit);
	mm_result r = result(MM_OPEN);
	r.open = (ui_open){opens[it->kind], it->form, it->view, id};
	return r;
}

mm_result mm_picked(menu_model *m, const mm_ctx *c)
{
	if (m->mode == MM_REOPEN && m->reopen.stage == RP_PICKING) {
		char *name = store_unit_name(c->env->store, c->entry_unit);
		reopen_prompt_picked(&m->reopen, c->entry_unit, name);
		free(name);
		return result(MM_HANDLED);
	}
	const menu_item *it = m->after_pick;
	m->after_pick = NULL;
	return it ? activate(m, c, it, true) : result(MM_HANDLED);
}

void mm_unpicked(menu_model *m)
{
	m->after_pick = NULL;
	if (m->mode == MM_REOPEN) {
		reopen_prompt_free(&m->reopen);
		reopen_prompt_init(&m->reopen);
		m->mode = MM_BROWSE;
	}
}

static mm_result open_form_queue(const kp_form *f)
{
	mm_result r = result(MM_OPEN);
	r.open = (ui_open){SCR_QUEUE, f, NULL, 0};
	return r;
}

/* The city's review list (已提交) of the form with records waiting; with
 * more than one such form, a picker offers them with their counts. */
static mm_result open_queue(menu_model *m, const mm_ctx *c)
{
	if (!c->city)
		return refused("%s", msg(MSG_SS_CITY_ONLY));
	mm_count(m, c); /* what was submitted since the menu counted, as the list shows it */
	queue_free(m);
	m->queue_items = xcalloc(m->ntally ? m->ntally : 1, sizeof *m->queue_items);
	m->queue_forms = xcalloc(m->ntally ? m->ntally : 1, sizeof *m->queue_forms);
	for (size_t i = 0; i < m->ntally; i++)
		if (m->tally[i].n[ST_SUBMITTED] > 0) {
			char name[128];
			form_short_title(m->tally[i].form, name, sizeof name);
			m->queue_forms[m->nqueue] = m->tally[i].form;
			m->queue_items[m->nqueue++] = xasprintf(msg(MSG_UI_QUEUE_FORM), name, m->tally[i].n[ST_SUBMITTED]);
		}
	if (m->nqueue == 0) {
		queue_free(m);
		return refused("%s", msg(MSG_UI_QUEUE_EMPTY));
	}
	if (m->nqueue == 1) {
		mm_result r = open_form_queue(m->queue_forms[0]);
		queue_free(m);
		return r;
	}
	popup_open(&m->queue, msg(MSG_UI_QUEUE_PICK), m->queue_items, m->nqueue, 0, 0);
	m->mode = MM_PICK_QUEUE;
	return result(MM_HANDLED);
}

/* A key in the queue's picker: Enter (or Tab after choosing) opens that
 * form's queue, Esc goes back to the menu. */
static mm_result queue_key(menu_model *m, kp_key key)
{
	size_t chosen = POPUP_KEEP;
	popup_result p = popup_key(&m->queue, key, &chosen);
	if (p == POPUP_CONTINUE)
		return result(MM_HANDLED);
	mm_result r = p == POPUP_ACCEPT && chosen < m->nqueue ? open_form_queue(m->queue_forms[chosen])
							      : result(MM_HANDLED);
	m->mode = MM_BROWSE;
	queue_free(m);
	return r;
}

/* y or n to a question. Any other key is ignored, as in the form's leave
 * question: a key taken as a no that then acts (Esc then Enter opening the
 * highlighted item) does what the clerk did not ask for. */
static mm_result answer(menu_model *m, const mm_ctx *c, kp_key key)
{
	switch (keymap_lookup(CTX_CONFIRM, key)) {
	case ACT_YES:
		if (m->mode == MM_CONFIRM_YEAR)
			return open_year(m, c);
		if (m->mode == MM_CONFIRM_CLOSE)
			return close_year(m, c);
		m->mode = MM_BROWSE;
		return result(MM_QUIT);
	case ACT_NO:
		m->mode = MM_BROWSE;
		free(m->still_due);
		m->still_due = NULL;
		return result(MM_HANDLED);
	default:
		return result(MM_HANDLED);
	}
}

mm_result mm_key(menu_model *m, const mm_ctx *c, kp_key key)
{
	if (m->mode == MM_PICK_QUEUE)
		return queue_key(m, key);
	if (m->mode == MM_REOPEN)
		return reopen_key(m, c, key);
	if (m->mode != MM_BROWSE)
		return answer(m, c, key);
	kp_action a = keymap_lookup(CTX_MENU, key);
	switch (a) {
	case ACT_UP:
		m->sel = m->sel ? m->sel - 1 : m->n - 1;
		return result(MM_HANDLED);
	case ACT_DOWN:
		m->sel = (m->sel + 1) % m->n;
		return result(MM_HANDLED);
	case ACT_HOME:
		m->sel = 0;
		return result(MM_HANDLED);
	case ACT_END:
		m->sel = m->n - 1;
		return result(MM_HANDLED);
	case ACT_ACCEPT:
		return activate(m, c, &m->items[m->sel], false);
	case ACT_YEAR:
		return next_year(m, c);
	case ACT_M_OPEN_YEAR:
		return ask_open_year(m, c);
	case ACT_M_CLOSE_YEAR:
		return ask_close_year(m, c);
	case ACT_M_QUEUE:
		return open_queue(m, c);
	case ACT_QUIT: /* F10, Esc and q: asked first (over SSH the session ends with it) */
		m->mode = MM_CONFIRM_QUIT;
		return result(MM_HANDLED);
	default:
		break;
	}
	for (size_t i = 0; a != ACT_NONE && i < m->n; i++)
		if (m->items[i].act == a && (a != ACT_M_FORM || (uint32_t)m->items[i].hotkey == key.code)) {
			m->sel = i;
			return activate(m, c, &m->items[i], false);
		}
	return result(MM_HANDLED);
}

bool mm_acts(const void *model, const void *ctx, kp_action a)
{
	const menu_model *m = model;
	const mm_ctx *c = ctx;
	if (m->mode == MM_PICK_QUEUE || m->mode == MM_REOPEN) /* a popup's keys, or the reason's */
		return a != ACT_YES && a != ACT_NO;
	if (m->mode != MM_BROWSE)
		return a == ACT_YES || a == ACT_NO;
	switch (a) {
	case ACT_YES:
	case ACT_NO:
		return false;
	case ACT_YEAR: /* with one year opened there is nothing to move to */
		return m->nyears > 1;
	case ACT_M_OPEN_YEAR:
	case ACT_M_CLOSE_YEAR:
		return c->city;
	case ACT_M_QUEUE:
		return c->city && mm_waiting(m) > 0;
	case ACT_M_FORM:
	case ACT_M_MONTHLY:
	case ACT_M_CHECKLIST:
	case ACT_M_PROGRESS:
	case ACT_M_BRIEFING:
	case ACT_M_EXPORT:
	case ACT_M_IMPORT:
	case ACT_M_FIND:
	case ACT_M_AUDIT:
	case ACT_M_ACCOUNTS:
	case ACT_M_PASSWORD:
		for (size_t i = 0; i < m->n; i++)
			if (m->items[i].act == a)
				return true;
		return false;
	default:
		return true;
	}
}

bool mm_key_acts(const void *model, const void *ctx, kp_key k)
{
	const menu_model *m = model;
	(void)ctx;
	if (m->mode != MM_BROWSE || k.fn || k.code < '1' || k.code > '9')
		return true;
	for (size_t i = 0; i < m->n; i++)
		if (m->items[i].act == ACT_M_FORM && (uint32_t)m->items[i].hotkey == k.code)
			return true;
	return false;
}

void mm_arrange(menu_model *m, int lines)
{
	m->win = sw_fit(m->n, m->sel, m->win.top, lines);
}

void mm_question(const menu_model *m, char *out, size_t len)
{
	if (m->mode == MM_CONFIRM_QUIT)
		snprintf(out, len, "%s", msg(MSG_UI_ASK_QUIT));
	else if (m->mode == MM_CONFIRM_YEAR)
		snprintf(out, len, msg(MSG_UI_ASK_OPEN_YEAR), m->open_year, m->open_from);
	else if (m->mode == MM_CONFIRM_CLOSE && m->insisting)
		snprintf(out, len, msg(MSG_UI_ASK_CLOSE_INSIST), m->close_year);
	else if (m->mode == MM_CONFIRM_CLOSE && m->still_due)
		snprintf(out, len, msg(MSG_UI_ASK_CLOSE_DUE), m->close_year, m->still_due);
	else if (m->mode == MM_CONFIRM_CLOSE)
		snprintf(out, len, msg(m->closing ? MSG_UI_ASK_CLOSE_YEAR : MSG_UI_ASK_REOPEN_YEAR), m->close_year);
	else
		out[0] = '\0';
}
