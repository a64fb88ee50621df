/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The monthly briefing without a terminal (briefing_model.h). */
#include "ui/briefing_model.h"

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* Last month's index within the reporting months. */
static int default_month(const kp_schedule *s)
{
	int y, m, d;
	clock_today(&y, &m, &d);
	int last = (y - s->year) * 12 + m - 1 - s->month_from;
	int n = schedule_nmonths(s);
	return last < 0 ? 0 : last >= n ? n - 1 : last;
}

/* The first save's month and day: the year is the briefing's, and 80
 * columns hold six counts beside it. */
static void saved_day(const kp_briefing_row *r, char *out, size_t len)
{
	snprintf(out, len, "%c%.5s", r->late ? '~' : '+', r->saved_at + (strlen(r->saved_at) >= 10 ? 5 : 0));
}

/* Does the change after the deadline fit in the 报送 column? */
static bool change_fits(const briefing_model *m, const kp_briefing_row *r)
{
	char day[16];
	saved_day(r, day, sizeof day);
	return !m->saved_w || utf8_width(day) + utf8_width(r->changed) <= m->saved_w;
}

void bfm_saved_cell(const briefing_model *m, const kp_briefing_row *r, char *out, size_t len)
{
	if (!r->reported && !m->due) /* not late: its deadline has not come */
		snprintf(out, len, "%s", msg(MSG_UI_BR_NOT_DUE));
	else if (!r->reported)
		snprintf(out, len, "!%s", msg(MSG_R_NOT_REPORTED));
	else {
		saved_day(r, out, len);
		size_t used = strlen(out);
		snprintf(out + used, len - used, "%s", !r->changed[0] ? "" : change_fits(m, r) ? r->changed : "*");
	}
}

/* The detail line: the units not reported, then each [records] too wide
 * for its cell and each change too wide for the 报送 column. */
static void detail(briefing_model *m)
{
	free(m->missing);
	strbuf d = STRBUF_INIT;
	char *missing = briefing_missing_text(&m->b);
	sb_adds(&d, missing);
	free(missing);
	for (size_t i = 0; i < m->b.n; i++)
		for (size_t k = 0; k < m->b.ncols && m->b.rows[i].reported; k++) {
			char v[48];
			briefing_cell(&m->b.rows[i], k, v, sizeof v);
			if (utf8_width(v) > BFM_NUM_W)
				sb_printf(&d, msg(MSG_UI_BR_WIDE) + (sb_str(&d)[0] ? 0 : strlen("；")), m->b.rows[i].name,
					  m->b.form->fields[m->b.cols[k]].label, m->b.rows[i].records[k]);
		}
	for (size_t i = 0; i < m->b.n; i++) {
		const kp_briefing_row *row = &m->b.rows[i];
		if (!row->reported || !row->changed[0] || change_fits(m, row))
			continue;
		char day[16];
		saved_day(row, day, sizeof day);
		sb_printf(&d, msg(MSG_UI_BR_CHANGED) + (sb_str(&d)[0] ? 0 : strlen("；")), row->name, day,
			  row->changed);
	}
	m->missing = sb_take(&d);
}

void bfm_saved_room(briefing_model *m, int w)
{
	if (w == m->saved_w)
		return;
	m->saved_w = w;
	detail(m);
}

mr_result bfm_load(briefing_model *m, const bfm_ctx *c)
{
	mr_result r = mr_done(MR_HANDLED);
	briefing_free(&m->b);
	char month[8], *err = NULL;
	schedule_month(&c->env->cat.schedule, m->month, month);
	if (briefing_build(&m->b, c->env, month, &err) != 0)
		r = mr_say(MR_REFUSED, "%s", err ? err : "");
	free(err);
	int ty, tm, td;
	clock_today(&ty, &tm, &td);
	m->due = date_serial(ty, tm, td) >= date_serial(m->b.due_y, m->b.due_m, m->b.due_d);
	detail(m);
	return r;
}

mr_result bfm_init(briefing_model *m, const bfm_ctx *c)
{
	memset(m, 0, sizeof *m);
	const kp_schedule *s = &c->env->cat.schedule;
	m->nmonths = schedule_nmonths(s);
	if (!m->nmonths) {
		m->missing = xstrdup("");
		return mr_done(MR_REFUSED);
	}
	m->month = default_month(s);
	return bfm_load(m, c);
}

void bfm_free(briefing_model *m)
{
	briefing_free(&m->b);
	free(m->missing);
}

void bfm_arrange(briefing_model *m, int lines)
{
	size_t rows = lines > 1 ? (size_t)lines : 1, n = m->b.n;
	size_t last_top = n > rows ? n - rows : 0;
	if (m->top > last_top)
		m->top = last_top;
	size_t shown = n - m->top < rows ? n - m->top : rows;
	m->win = (scrollwin){m->top, shown, n - m->top - shown, m->top || n - m->top - shown};
	sw_mark(&m->win, m->more, sizeof m->more);
}

void bfm_fit(briefing_model *m, int lines)
{
	size_t top = m->top; /* the trial below may pull it up */
	bfm_arrange(m, lines - 1);
	m->mark_line = m->win.mark;
	if (m->mark_line) {
		m->top = top;
		bfm_arrange(m, lines - 2);
	}
}

mr_result bfm_key(briefing_model *m, const bfm_ctx *c, kp_key key)
{
	mr_result r = mr_done(MR_HANDLED);
	kp_action a = keymap_lookup(CTX_BRIEFING, key);
	/* Up/Down scroll the table a unit at a time, PgUp/PgDn a page */
	size_t page = m->win.shown ? m->win.shown : 1;
	size_t tops = m->b.n > page ? m->b.n - page + 1 : 1;
	if (sw_move(&m->top, tops, a, page))
		return r;
	switch (a) {
	case ACT_LEFT:
	case ACT_RIGHT:
	case ACT_NEXT:
		if (!m->nmonths)
			return r;
		m->month = (m->month + (a == ACT_LEFT ? -1 : 1) + m->nmonths) % m->nmonths;
		return bfm_load(m, c);
	case ACT_QUIT: r.kind = MR_CLOSE; return r;
	default: return r;
	}
}
