/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/drafts_model.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "ui/scrollwin.h"

void dm_load(drafts_model *m, const dm_ctx *c)
{
	pending_free(m->p, m->n);
	free(m->dropped);
	m->n = drafts_pending(c->env, c->user, &m->p, &m->dropped);
	if (m->sel >= m->n)
		m->sel = m->n ? m->n - 1 : 0;
}

void dm_record_text(const kp_pending *p, char *out, size_t len)
{
	int n = p->record_id ? snprintf(out, len, msg(MSG_UI_DRAFTS_RECORD), p->record_id)
			     : snprintf(out, len, "%s", msg(MSG_UI_DRAFTS_NEW));
	if (p->closed && n >= 0 && (size_t)n < len)
		snprintf(out + n, len - (size_t)n, msg(MSG_UI_DRAFTS_CLOSED), p->closed);
}

int dm_record_w(const drafts_model *m)
{
	int w = utf8_width(msg(MSG_UI_DRAFTS_NEW));
	for (size_t i = 0; i < m->n; i++) {
		char t[48];
		dm_record_text(&m->p[i], t, sizeof t);
		w = utf8_width(t) > w ? utf8_width(t) : w;
	}
	return w;
}

void dm_free(drafts_model *m)
{
	pending_free(m->p, m->n);
	free(m->dropped);
	*m = (drafts_model){0};
}

/* The question's answer: y deletes the selected draft, n keeps it; any
 * other key leaves the question asked. */
static dm_result answer(drafts_model *m, const dm_ctx *c, kp_key key)
{
	kp_action a = keymap_lookup(CTX_CONFIRM, key);
	if (a != ACT_YES && a != ACT_NO)
		return (dm_result){DM_HANDLED, 0, NULL, 0};
	m->mode = DM_BROWSE;
	dm_kind k = DM_KEPT;
	if (a == ACT_YES)
		k = store_draft_delete(c->env->store, c->user, m->p[m->sel].id) == KP_OK ? DM_DROPPED
											 : DM_REFUSED;
	dm_load(m, c);
	return (dm_result){k == DM_DROPPED && !m->n ? DM_DROPPED_LAST : k, 0, NULL, 0};
}

dm_result dm_resume(drafts_model *m, const dm_ctx *c)
{
	dm_load(m, c);
	return (dm_result){m->n ? DM_HANDLED : DM_MENU, 0, NULL, 0};
}

void dm_arrange(drafts_model *m, int lines)
{
	m->win = sw_fit(m->n, m->sel, m->win.top, lines);
	sw_mark(&m->win, m->more, sizeof m->more);
}

dm_result dm_key(drafts_model *m, const dm_ctx *c, kp_key key)
{
	if (m->mode == DM_CONFIRM_DROP)
		return answer(m, c, key);
	kp_action a = keymap_lookup(CTX_DRAFTS, key);
	if (sw_move(&m->sel, m->n, a, m->win.shown ? m->win.shown : c->rows))
		return (dm_result){DM_HANDLED, 0, NULL, 0};
	switch (a) {
	case ACT_ACCEPT:
		if (m->n) /* the city may have closed or reopened the year since the list was read */
			pending_recheck(c->env, &m->p[m->sel]);
		if (m->n && m->p[m->sel].closed) /* nothing typed there could be saved */
			return (dm_result){DM_CLOSED, 0, NULL, 0};
		if (m->n)
			return (dm_result){DM_OPEN, m->p[m->sel].id, m->p[m->sel].form, m->p[m->sel].record_id};
		break;
	case ACT_DELETE_RECORD:
		if (m->n)
			m->mode = DM_CONFIRM_DROP;
		break;
	case ACT_QUIT:
		return (dm_result){DM_MENU, 0, NULL, 0};
	default:
		break;
	}
	return (dm_result){DM_HANDLED, 0, NULL, 0};
}

bool dm_acts(const void *model, const void *ctx, kp_action a)
{
	const drafts_model *m = model;
	(void)ctx;
	if (m->mode == DM_CONFIRM_DROP)
		return a == ACT_YES || a == ACT_NO;
	switch (a) {
	case ACT_YES:
	case ACT_NO:
		return false;
	case ACT_ACCEPT:
	case ACT_DELETE_RECORD:
		return m->n > 0;
	default:
		return true;
	}
}
