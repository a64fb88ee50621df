/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/checklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/progress.h"

kp_ms_state ms_state(long due, long today, const char *done_at)
{
	long done;
	/* Done after `today` is not done yet: a past day is seen as it was. */
	if (done_at && done_at[0] && date_serial_of(done_at, &done) && done <= today)
		return done <= due ? MS_DONE : MS_LATE;
	return today > due ? MS_OVERDUE : MS_OPEN;
}

void milestone_due(const kp_schedule *s, const kp_milestone *m, int i, int *y, int *mo, int *d)
{
	*y = s->year;
	if (m->monthly) { /* the report on month M is due in month M + 1 */
		schedule_next_month(s->year, s->month_from + i, m->due_day, y, mo, d);
		return;
	}
	*mo = m->due_month;
	*d = m->due_day ? m->due_day : date_days_in_month(*y, *mo);
}

char state_mark(kp_ms_state st)
{
	static const char marks[] = {[MS_OPEN] = '.', [MS_OVERDUE] = '!', [MS_DONE] = '+', [MS_LATE] = '~'};
	return marks[st];
}

/* The later of two times; "" is "not yet". */
static const char *later(const char *a, const char *b)
{
	return strcmp(a, b) >= 0 ? a : b;
}

/* A monthly report counts from the unit's last change of its figures
 * while it could still make one (to the city's summary day, when the
 * store locks it): filed as zeros on time and filled in later is late.
 * first: when it was filed (freed). */
static char *last_change(kp_env *e, const kp_schedule *s, const kp_form *f, long long unit_id,
			 int field, const char *month, char *first)
{
	int y, mo, d, ny, nm, nd;
	if (field < 0 || !schedule_summary_day(s, month, &y, &mo, &d))
		return first;
	long next = date_serial(y, mo, d) + 1;
	date_from_serial(next, &ny, &nm, &nd);
	char before[16];
	snprintf(before, sizeof before, "%04d-%02d-%02d", ny % 10000, nm % 100, nd % 100);
	char *changed = store_last_unit_change(e->store, f, unit_id, field, month, before);
	if (!changed)
		return first;
	char *keep = xstrdup(later(first, changed));
	free(first);
	free(changed);
	return keep;
}

/* Done from the data: the unit has a record in each form (a monthly item:
 * of its month). The time is when the last of those first records came. */
static char *done_by_records(kp_env *e, const kp_schedule *s, const kp_check_item *it,
			     long long unit_id)
{
	char *when = xstrdup("");
	for (size_t k = 0; k < it->m->nrecords; k++) {
		const kp_form *f = catalog_form(&e->cat, it->m->records[k]);
		if (!f) { /* an older year's schedule naming a form no longer shipped */
			free(when);
			return xstrdup("");
		}
		if (progress_exempt_from(e, unit_id, f->id)) /* 免: the city asks none of it (t4h #7) */
			continue;
		int field = it->month[0] && !strcmp(f->id, s->report_form)
				    ? form_field_index(f, s->month_field) : -1;
		char *first = store_first_saved(e->store, f, unit_id, field, it->month);
		if (!first) {
			free(when);
			return xstrdup("");
		}
		first = last_change(e, s, f, unit_id, field, it->month, first);
		char *keep = xstrdup(later(first, when));
		free(first);
		free(when);
		when = keep;
	}
	return when;
}

static const kp_tick *find_tick(const kp_tick *t, size_t n, const char *key, long long unit)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].unit_id == unit && !strcmp(t[i].key, key))
			return &t[i];
	return NULL;
}

static void evaluate(kp_checklist *c, kp_env *e, const kp_schedule *s, kp_check_item *it,
		     const kp_tick *ticks, size_t nticks)
{
	bool unit = it->m->owner == OWNER_UNIT;
	size_t n = unit ? c->nunits : 1;
	it->state = xcalloc(n ? n : 1, sizeof *it->state);
	it->done_at = xcalloc(n ? n : 1, sizeof *it->done_at);
	it->done_by = xcalloc(n ? n : 1, sizeof *it->done_by);
	for (size_t u = 0; u < n; u++) {
		long long unit_id = unit ? c->units[u].id : 0;
		const kp_tick *t = it->m->nrecords ? NULL : find_tick(ticks, nticks, it->key, unit_id);
		it->done_at[u] = it->m->nrecords ? done_by_records(e, s, it, unit_id)
						 : xstrdup(t ? t->at : "");
		it->done_by[u] = xstrdup(t ? t->by : "");
		it->state[u] = ms_state(it->due, c->today, it->done_at[u]);
		switch (it->state[u]) {
		case MS_DONE: it->ndone++; break;
		case MS_LATE: it->nlate++; break;
		case MS_OVERDUE: it->noverdue++; break;
		case MS_OPEN: it->nopen++; break;
		}
	}
}

static int by_due(const void *a, const void *b)
{
	const kp_check_item *x = a, *y = b;
	return x->due < y->due ? -1 : x->due > y->due;
}

/* The day the city closed the session's year, as a serial, or 0. */
static long closing_day(kp_env *e)
{
	kp_year *y;
	size_t n = store_years(e->store, &y);
	long day = 0;
	for (size_t i = 0; i < n; i++)
		if (y[i].year == store_year(e->store) && y[i].closed_at && !date_serial_of(y[i].closed_at, &day))
			day = 0;
	years_free(y, n);
	return day;
}

static int build(kp_checklist *c, kp_env *e, const kp_schedule *s, long long unit_id)
{
	memset(c, 0, sizeof *c);
	clock_today(&c->ty, &c->tm, &c->td);
	c->today = date_serial(c->ty, c->tm, c->td);
	/* a closed year is the city's record: seen as on its closing day, so an
	 * item still running then is not made late by the calendar afterwards */
	c->closed = closing_day(e);
	if (c->closed && c->closed < c->today)
		c->today = c->closed;
	c->nunits = store_units(e->store, &c->units);
	if (unit_id) { /* keep that unit only */
		size_t k = 0;
		for (size_t i = 0; i < c->nunits; i++) {
			if (c->units[i].id == unit_id && k == 0)
				c->units[k++] = c->units[i];
			else
				free(c->units[i].name);
		}
		c->nunits = k;
	}
	size_t cap = 0;
	for (size_t i = 0; i < s->n; i++)
		cap += s->ms[i].monthly ? (size_t)schedule_nmonths(s) : 1;
	c->items = xcalloc(cap ? cap : 1, sizeof *c->items);
	kp_tick *ticks;
	size_t nticks = store_ticks(e->store, &ticks);
	for (size_t i = 0; i < s->n; i++) {
		const kp_milestone *m = &s->ms[i];
		int times = m->monthly ? schedule_nmonths(s) : 1;
		for (int k = 0; k < times; k++) {
			kp_check_item *it = &c->items[c->n++];
			it->m = m;
			if (m->monthly) {
				schedule_month(s, k, it->month);
				snprintf(it->key, sizeof it->key, "%s:%s", m->id, it->month);
			} else {
				snprintf(it->key, sizeof it->key, "%s", m->id);
			}
			milestone_due(s, m, k, &it->y, &it->mo, &it->d);
			it->due = date_serial(it->y, it->mo, it->d);
			evaluate(c, e, s, it, ticks, nticks);
		}
	}
	ticks_free(ticks, nticks);
	/* stable for equal dates: the document's order */
	for (size_t i = 1; i < c->n; i++)
		for (size_t j = i; j > 0 && by_due(&c->items[j - 1], &c->items[j]) > 0; j--) {
			kp_check_item t = c->items[j];
			c->items[j] = c->items[j - 1];
			c->items[j - 1] = t;
		}
	return 0;
}

int checklist_build(kp_checklist *c, kp_env *e, long long unit_id)
{
	return build(c, e, &e->cat.schedule, unit_id);
}

static void item_free(const kp_checklist *c, kp_check_item *it)
{
	size_t n = it->m->owner == OWNER_UNIT ? c->nunits : 1;
	for (size_t u = 0; u < n; u++) {
		free(it->done_at[u]);
		free(it->done_by[u]);
	}
	free(it->done_at);
	free(it->done_by);
	free(it->state);
}

void checklist_free(kp_checklist *c)
{
	for (size_t i = 0; i < c->n; i++)
		item_free(c, &c->items[i]);
	free(c->items);
	unit_list_free(c->units, c->nunits);
	if (c->carried) {
		schedule_free(c->carried);
		free(c->carried);
	}
	memset(c, 0, sizeof *c);
}

/* Is the item still owed, as the viewer (one unit, or the city: any unit
 * or itself) sees it? */
static bool still_owed(const kp_checklist *c, const kp_check_item *it, long long unit_id)
{
	kp_ms_state st = unit_id && it->m->owner == OWNER_UNIT ? it->state[0] : check_item_state(c, it);
	return st == MS_OPEN || st == MS_OVERDUE;
}

/* The previous programme year's checklist, its schedule in *sched: built in
 * that year (the store's statements count its records and ticks), then
 * the session back in its own. -1 when there is none to carry: not
 * opened, closed by the city (its record is settled), or the session's
 * year has not begun. */
static int build_previous(kp_checklist *p, kp_env *e, long long unit_id, kp_schedule *sched)
{
	int cur = store_year(e->store), prev = cur - 1, ty;
	clock_today(&ty, &(int){0}, &(int){0});
	if (ty < cur) /* a year looked at before it begins: last year is this one still */
		return -1;
	kp_year *y;
	size_t n = store_years(e->store, &y);
	bool open = false;
	for (size_t i = 0; i < n; i++)
		open |= y[i].year == prev && !y[i].closed_at;
	years_free(y, n);
	char *text = NULL;
	if (!open || store_year_schedule(e->store, prev, &text, NULL) != KP_OK)
		return -1;
	const char *src = text ? text : e->cat.schedule_text ? e->cat.schedule_text : "";
	kp_diag d = {0};
	int rc = schedule_parse(sched, "schedule.yaml", src, strlen(src), &d);
	diag_free(&d);
	free(text);
	sched->year = prev; /* its dates read in that year (catalog_use_schedule) */
	if (rc != 0 || store_set_year(e->store, prev, NULL) != KP_OK) {
		schedule_free(sched);
		return -1;
	}
	build(p, e, sched, unit_id);
	store_set_year(e->store, cur, NULL);
	return 0;
}

void checklist_add_carried(kp_checklist *c, kp_env *e, long long unit_id)
{
	kp_schedule *sched = xcalloc(1, sizeof *sched);
	kp_checklist p;
	if (c->carried || build_previous(&p, e, unit_id, sched) != 0) {
		free(sched);
		return;
	}
	size_t keep = 0;
	for (size_t i = 0; i < p.n; i++)
		if (p.nunits == c->nunits && still_owed(&p, &p.items[i], unit_id))
			keep++;
	kp_check_item *items = xcalloc(keep + c->n + 1, sizeof *items);
	size_t k = 0;
	for (size_t i = 0; i < p.n; i++) {
		if (p.nunits == c->nunits && still_owed(&p, &p.items[i], unit_id)) {
			items[k] = p.items[i];
			items[k++].year = sched->year;
		} else {
			item_free(&p, &p.items[i]);
		}
	}
	/* due before this year's (the last year's are due by its January) */
	memcpy(items + k, c->items, c->n * sizeof *items);
	free(c->items);
	c->items = items;
	c->n += keep;
	c->carried = sched;
	free(p.items);
	p.items = NULL;
	p.n = 0;
	checklist_free(&p);
}

kp_ms_state check_item_state(const kp_checklist *c, const kp_check_item *it)
{
	if (it->m->owner == OWNER_CITY)
		return it->state[0];
	if ((size_t)(it->ndone + it->nlate) == c->nunits)
		return it->nlate ? MS_LATE : MS_DONE;
	return it->noverdue ? MS_OVERDUE : MS_OPEN;
}

kp_ms_state check_item_unit_state(const kp_check_item *it, size_t unit)
{
	return it->state[it->m->owner == OWNER_UNIT ? unit : 0];
}

int checklist_tick(kp_env *e, const kp_check_item *it, long long unit_id, const char *by, bool on,
		   char **err)
{
	if (it->m->nrecords)
		return -1; /* done by the data, not by hand */
	/* a carried item is ticked in its own year (it->year), not the one worked in */
	return store_tick_set_in(e->store, it->year ? it->year : store_year(e->store), it->key,
				 it->m->owner == OWNER_UNIT ? unit_id : 0, by, on, err);
}

void check_item_describe(const kp_checklist *c, const kp_check_item *it, size_t u,
			 bool with_units, char *out, size_t len)
{
	kp_ms_state st = u == CHECK_ALL ? check_item_state(c, it) : check_item_unit_state(it, u);
	long days = it->due - c->today;
	int n = 0;
	switch (st) {
	case MS_DONE: n = snprintf(out, len, "+ %s", msg(MSG_P_DONE)); break;
	case MS_LATE: n = snprintf(out, len, "~ %s", msg(MSG_P_LATE)); break;
	case MS_OVERDUE: n = snprintf(out, len, msg(MSG_P_OVERDUE), -days); break;
	case MS_OPEN:
		n = c->closed ? snprintf(out, len, "%s", msg(MSG_P_OPEN_AT_CLOSE))
		    : days    ? snprintf(out, len, msg(MSG_P_DAYS_LEFT), days)
			 : snprintf(out, len, "%s", msg(MSG_P_DUE_TODAY));
		break;
	}
	if (with_units && u == CHECK_ALL && it->m->owner == OWNER_UNIT && n >= 0 && (size_t)n < len)
		snprintf(out + n, len - (size_t)n, msg(MSG_P_UNITS_DONE), it->ndone + it->nlate,
			 c->nunits);
}

const char *check_owner_text(const kp_milestone *m)
{
	return msg(m->owner == OWNER_UNIT ? MSG_P_OWNER_UNIT : MSG_P_OWNER_CITY);
}

void check_item_heading(const kp_check_item *it, char *out, size_t len)
{
	if (it->month[0])
		snprintf(out, len, msg(MSG_P_MONTH_HEADING), atoi(it->month + 5));
	else
		snprintf(out, len, "%s", it->m->brief);
}

void check_item_title(const kp_check_item *it, char *out, size_t len)
{
	int n = it->year ? snprintf(out, len, msg(MSG_R_CARRIED_YEAR), it->year) : 0;
	if (n < 0 || (size_t)n >= len)
		return;
	out += n, len -= (size_t)n;
	if (it->month[0])
		snprintf(out, len, msg(MSG_R_MONTHLY_TITLE), it->m->item, atoi(it->month + 5),
			 it->m->title);
	else
		snprintf(out, len, msg(MSG_R_TITLE), it->m->item, it->m->title);
}

#define STILL_DUE_NAMED 2

char *checklist_still_due(kp_env *e, int year)
{
	int cur = store_year(e->store);
	if (store_set_year(e->store, year, NULL) != KP_OK)
		return NULL; /* the closing itself names the years there are */
	kp_checklist c;
	checklist_build(&c, e, 0);
	store_set_year(e->store, cur, NULL);
	strbuf b = STRBUF_INIT;
	int named = 0, more = 0;
	for (size_t i = 0; i < c.n; i++) {
		const kp_check_item *it = &c.items[i];
		if (it->m->owner != OWNER_UNIT || check_item_state(&c, it) != MS_OPEN)
			continue;
		if (named == STILL_DUE_NAMED) { /* the soonest named, the rest counted: one question's room */
			more++;
			continue;
		}
		named++;
		char title[256], day[32];
		check_item_title(it, title, sizeof title);
		date_official(day, it->y, it->mo, it->d);
		if (b.len)
			sb_adds(&b, msg(MSG_FD_SEP));
		sb_printf(&b, msg(MSG_P_STILL_DUE), title, day, (int)c.nunits - it->ndone - it->nlate);
	}
	checklist_free(&c);
	if (more)
		sb_printf(&b, msg(MSG_P_STILL_DUE_MORE), more);
	if (!b.len) {
		sb_free(&b);
		return NULL;
	}
	return sb_take(&b);
}
