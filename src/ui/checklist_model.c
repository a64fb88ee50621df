/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The section 五 checklist without a terminal (checklist_model.h). */
#include "ui/checklist_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/xalloc.h"

size_t ckm_rows(const checklist_model *m)
{
	return m->mode == CKM_MATRIX ? m->c.nunits : m->c.n;
}

/* The item and unit under the cursor (unit CHECK_ALL in the list). */
static const kp_check_item *current(const checklist_model *m, size_t *unit)
{
	if (m->mode == CKM_LIST) {
		*unit = CHECK_ALL;
		return m->row < m->c.n ? &m->c.items[m->row] : NULL;
	}
	*unit = m->row;
	return m->ncols && m->row < m->c.nunits ? &m->c.items[m->cols[m->col]] : NULL;
}

/* The help line: the item (or cell) under the cursor in full. */
static void describe(checklist_model *m)
{
	free(m->detail);
	size_t u;
	const kp_check_item *it = current(m, &u);
	if (!it) {
		m->detail = xstrdup("");
		return;
	}
	char due[24], title[256], state[96], who[160] = "";
	date_official(due, it->y, it->mo, it->d);
	check_item_title(it, title, sizeof title);
	check_item_describe(&m->c, it, u, true, state, sizeof state);
	if (it->m->owner == OWNER_CITY || u != CHECK_ALL) { /* one state: say who or what did it */
		size_t k = it->m->owner == OWNER_UNIT ? u : 0;
		if (it->done_by[k][0])
			snprintf(who, sizeof who, msg(MSG_UI_CK_TICKED), it->done_by[k], it->done_at[k]);
		else if (it->done_at[k][0])
			snprintf(who, sizeof who, msg(MSG_UI_CK_SAVED_AT), it->done_at[k]);
	}
	m->detail = xasprintf("%s%s%s  %s  %s%s", u == CHECK_ALL ? "" : m->c.units[u].name,
			      u == CHECK_ALL ? "" : "  ", title, due, state, who);
}

void ckm_load(checklist_model *m, const ckm_ctx *c)
{
	checklist_free(&m->c);
	free(m->cols);
	checklist_build(&m->c, c->env, c->scope);
	/* last year's items still owed, as the home screen lists them */
	checklist_add_carried(&m->c, c->env, c->scope);
	m->cols = xcalloc(m->c.n ? m->c.n : 1, sizeof *m->cols);
	m->ncols = 0;
	for (size_t i = 0; i < m->c.n; i++)
		if (m->c.items[i].m->owner == OWNER_UNIT)
			m->cols[m->ncols++] = i;
	if (m->row >= ckm_rows(m))
		m->row = ckm_rows(m) ? ckm_rows(m) - 1 : 0;
	if (m->col >= m->ncols)
		m->col = m->ncols ? m->ncols - 1 : 0;
	describe(m);
}

void ckm_init(checklist_model *m, const ckm_ctx *c)
{
	memset(m, 0, sizeof *m);
	ckm_load(m, c);
}

void ckm_free(checklist_model *m)
{
	checklist_free(&m->c);
	free(m->cols);
	free(m->detail);
}

void ckm_arrange(checklist_model *m, int lines)
{
	m->win = sw_fit(ckm_rows(m), m->row, m->win.top, lines);
	sw_mark(&m->win, m->more, sizeof m->more);
}

void ckm_fit_cols(checklist_model *m, size_t fit)
{
	if (!fit)
		fit = 1;
	if (m->col < m->col_top)
		m->col_top = m->col;
	else if (m->col >= m->col_top + fit)
		m->col_top = m->col + 1 - fit;
	if (m->col_top + fit > m->ncols) /* no empty room on the right while columns are hidden on the left */
		m->col_top = m->ncols > fit ? m->ncols - fit : 0;
}

enum kp_msg_id ckm_title(const checklist_model *m, const ckm_ctx *c)
{
	if (m->mode == CKM_LIST)
		return MSG_UI_CK_TITLE;
	return c->scope ? MSG_UI_CK_MATRIX_OWN : MSG_UI_CK_MATRIX;
}

/* Why Space cannot tick the item (or cell) under the cursor, or
 * MSG_COUNT when it can. */
static enum kp_msg_id untickable(const kp_check_item *it, size_t u, const ckm_ctx *c)
{
	if (it->m->nrecords)
		return MSG_UI_CK_BY_DATA;
	if (it->m->owner == OWNER_CITY && !c->city)
		return MSG_UI_CK_CITY_TICKS;
	if (it->m->owner == OWNER_UNIT && u == CHECK_ALL)
		return c->scope ? MSG_UI_CK_IN_MATRIX_OWN : MSG_UI_CK_IN_MATRIX;
	return MSG_COUNT;
}

static mr_result tick(checklist_model *m, const ckm_ctx *c)
{
	size_t u;
	const kp_check_item *it = current(m, &u);
	if (!it)
		return mr_done(MR_HANDLED);
	enum kp_msg_id why = untickable(it, u, c);
	if (why != MSG_COUNT)
		return mr_say(MR_REFUSED, "%s", msg(why));
	size_t k = it->m->owner == OWNER_UNIT ? u : 0;
	bool on = !it->done_at[k][0];
	long long unit_id = it->m->owner == OWNER_UNIT ? m->c.units[u].id : 0;
	char title[256], *err = NULL;
	check_item_title(it, title, sizeof title);
	if (checklist_tick(c->env, it, unit_id, c->user, on, &err) != 0) {
		mr_result r = mr_say(MR_REFUSED, "%s", err ? err : "");
		free(err);
		return r;
	}
	ckm_load(m, c);
	return mr_say(MR_SAVED, msg(on ? MSG_UI_CK_DONE : MSG_UI_CK_UNDONE), title);
}

mr_result ckm_key(checklist_model *m, const ckm_ctx *c, kp_key key)
{
	kp_action a = keymap_lookup(CTX_CHECKLIST, key);
	mr_result r = mr_done(MR_HANDLED);
	if (sw_move(&m->row, ckm_rows(m), a, m->win.shown ? m->win.shown : 1)) {
		describe(m);
		return r;
	}
	switch (a) {
	case ACT_LEFT: m->col = m->col ? m->col - 1 : 0; break;
	case ACT_RIGHT: m->col = m->col + 1 < m->ncols ? m->col + 1 : m->col; break;
	case ACT_NEXT:
		m->mode = m->mode == CKM_LIST ? CKM_MATRIX : CKM_LIST;
		m->row = 0;
		m->win.top = 0;
		break;
	case ACT_TOGGLE: return tick(m, c);
	case ACT_QUIT: return mr_done(MR_CLOSE);
	default: return r;
	}
	describe(m);
	return r;
}

bool ckm_acts(const void *model, const void *ctx, kp_action a)
{
	const checklist_model *m = model;
	if (a != ACT_TOGGLE)
		return true;
	size_t u;
	const kp_check_item *it = current(m, &u);
	const ckm_ctx *c = ctx;
	/* a year closed (or not begun) to this session: Space is not offered;
	 * pressed anyway, the store says why (tick) */
	return it && untickable(it, u, ctx) == MSG_COUNT &&
	       store_may_change_year(c->env->store, it->year ? it->year : store_year(c->env->store));
}
