/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/briefing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/checklist.h"
#include "domain/prefill.h"

const kp_milestone *briefing_milestone(const kp_schedule *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; s->ms[i].monthly && k < s->ms[i].nrecords; k++)
			if (!strcmp(s->ms[i].records[k], s->report_form))
				return &s->ms[i];
	return NULL;
}

/* Which reporting month is this, or -1. */
static int month_index(const kp_schedule *s, const char *month)
{
	for (int i = 0; i < schedule_nmonths(s); i++) {
		char m[8];
		schedule_month(s, i, m);
		if (!strcmp(m, month))
			return i;
	}
	return -1;
}

static void fill_row(kp_briefing *b, kp_env *e, kp_briefing_row *row, int month_field, long due,
		     long today)
{
	row->vals = xcalloc(b->ncols ? b->ncols : 1, sizeof *row->vals);
	row->records = xcalloc(b->ncols ? b->ncols : 1, sizeof *row->records);
	row->changed = xstrdup("");
	long long id = store_find(e->store, b->form, row->unit_id, month_field, b->month);
	char *first = store_first_saved(e->store, b->form, row->unit_id, month_field, b->month);
	row->saved_at = first ? first : xstrdup("");
	kp_ms_state st = ms_state(due, today, row->saved_at); /* a report saved after today: not yet */
	kp_record r;
	if (!id || (st != MS_DONE && st != MS_LATE) ||
	    store_get(e->store, b->form, id, &r, NULL) != KP_OK)
		return;
	row->reported = true;
	row->late = st == MS_LATE;
	/* The filing time stays the first save's; a report changed after its
	 * deadline says so, or late figures would pass for punctual ones. */
	int y, m, d;
	if (r.version > 1 && r.updated_at && sscanf(r.updated_at, "%d-%d-%d", &y, &m, &d) == 3) {
		long on = date_serial(y, m, d);
		if (on > due && on <= today) {
			free(row->changed);
			row->changed = xasprintf(msg(MSG_R_CHANGED_MARK), m, d);
		}
	}
	for (size_t k = 0; k < b->ncols; k++) {
		const kp_field *fd = &b->form->fields[b->cols[k]];
		row->vals[k] = strtoll(r.vals[b->cols[k]], NULL, 10);
		row->records[k] = fd->prefill ? prefill_approved(e, fd, row->unit_id, b->month) : -1;
		b->totals[k] += row->vals[k];
	}
	record_free(&r);
}

int briefing_build(kp_briefing *b, kp_env *e, const char *month, char **err)
{
	const kp_schedule *s = &e->cat.schedule;
	memset(b, 0, sizeof *b);
	const kp_milestone *m = briefing_milestone(s);
	int mi = month ? month_index(s, month) : -1;
	b->form = catalog_form(&e->cat, s->report_form);
	if (!m || !b->form || mi < 0) {
		char first[8] = "", last[8] = "";
		schedule_month(s, 0, first);
		schedule_month(s, schedule_nmonths(s) - 1, last);
		*err = xasprintf(msg(MSG_B_BAD_MONTH), month ? month : "", first, last);
		return -1;
	}
	snprintf(b->month, sizeof b->month, "%s", month);
	milestone_due(s, m, mi, &b->due_y, &b->due_m, &b->due_d);
	long due = date_serial(b->due_y, b->due_m, b->due_d);
	int ty, tm, td;
	clock_today(&ty, &tm, &td);
	long today = date_serial(ty, tm, td);
	b->cols = xcalloc(b->form->nfields, sizeof *b->cols);
	for (size_t k = 0; k < b->form->nfields; k++)
		if (b->form->fields[k].type == FT_INTEGER)
			b->cols[b->ncols++] = (int)k;
	b->totals = xcalloc(b->ncols ? b->ncols : 1, sizeof *b->totals);
	int month_field = form_field_index(b->form, s->month_field);
	kp_unit *units;
	b->n = store_units(e->store, &units);
	b->rows = xcalloc(b->n ? b->n : 1, sizeof *b->rows);
	for (size_t i = 0; i < b->n; i++) {
		kp_briefing_row *row = &b->rows[i];
		row->unit_id = units[i].id;
		row->name = xstrdup(units[i].name);
		fill_row(b, e, row, month_field, due, today);
		b->nreported += row->reported;
		b->nlate += row->late;
	}
	unit_list_free(units, b->n);
	return 0;
}

void briefing_free(kp_briefing *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->rows[i].name);
		free(b->rows[i].saved_at);
		free(b->rows[i].changed);
		free(b->rows[i].vals);
		free(b->rows[i].records);
	}
	free(b->rows);
	free(b->cols);
	free(b->totals);
	memset(b, 0, sizeof *b);
}

void briefing_cell(const kp_briefing_row *row, size_t k, char *out, size_t len)
{
	if (row->records[k] >= 0 && row->records[k] != row->vals[k])
		snprintf(out, len, "%lld[%lld]", row->vals[k], row->records[k]);
	else
		snprintf(out, len, "%lld", row->vals[k]);
}

char *briefing_missing_text(const kp_briefing *b)
{
	strbuf miss = STRBUF_INIT;
	sb_adds(&miss, msg(MSG_R_MISSING));
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (!b->rows[i].reported)
			sb_printf(&miss, "%s%s", n++ ? "、" : "", b->rows[i].name);
	if (!n)
		sb_adds(&miss, msg(MSG_R_NONE));
	return sb_take(&miss);
}
