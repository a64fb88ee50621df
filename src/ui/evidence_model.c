/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The 附件 screen's model: see evidence_model.h. */
#include "ui/evidence_model.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/evidence.h"
#include "domain/review.h"
#include "domain/zmodem.h"
#include "ui/shell.h"

static ev_result said(ev_kind kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static ev_result said(ev_kind kind, const char *fmt, ...)
{
	ev_result r = {kind, ""};
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r.text, sizeof r.text, fmt, ap);
	va_end(ap);
	return r;
}

/* The files as they are now, and the record's state (the city's review
 * may have moved it; a record gone meanwhile keeps what was read). */
static void reload(evidence_model *m, const ev_ctx *c)
{
	attachments_free(m->files, m->n);
	m->n = store_attachments(c->env->store, m->form, m->rec.id, &m->files);
	if (m->sel >= m->n)
		m->sel = m->n ? m->n - 1 : 0;
	m->top = (size_t)app_scroll(m->sel, (int)m->top, (int)(c->rows ? c->rows : 1));
	kp_record r;
	if (store_get(c->env->store, m->form, m->rec.id, &r, NULL) == KP_OK) {
		record_free(&m->rec);
		m->rec = r;
	}
	m->fixed = !store_may_change_year(c->env->store, m->rec.year) ||
		   (m->form->review && !store_may_edit_state(c->env->store, m->rec.state));
}

ev_result ev_init(evidence_model *m, const ev_ctx *c, const kp_form *f, long long id)
{
	memset(m, 0, sizeof *m);
	m->form = f;
	if (store_get(c->env->store, f, id, &m->rec, NULL) != KP_OK)
		return said(EV_REFUSED, msg(MSG_UI_NO_SUCH_RECORD), id);
	reload(m, c);
	return said(EV_HANDLED, "%s", "");
}

void ev_free(evidence_model *m)
{
	zmodem_visit_ended();
	attachments_free(m->files, m->n);
	m->files = NULL;
	m->n = 0;
	record_free(&m->rec);
}

bool ev_acts(const void *model, const void *ctx, kp_action a)
{
	const evidence_model *m = model;
	(void)ctx;
	if (m->mode == EV_CONFIRM_DELETE)
		return a == ACT_YES || a == ACT_NO;
	if (m->fixed && (a == ACT_RECEIVE || a == ACT_DELETE_RECORD))
		return false; /* the key bar offers what the store would allow */
	return (a != ACT_SEND && a != ACT_DELETE_RECORD) || m->n > 0;
}

/* Said before a transfer or a question, not after (the store decides anyway). */
static bool locked(const evidence_model *m, const ev_ctx *c, ev_result *r)
{
	if (!store_may_change_year(c->env->store, m->rec.year)) { /* before a file is sent for nothing */
		*r = said(EV_REFUSED, msg(MSG_UI_YEAR_CLOSED_READ), m->rec.year);
		return true;
	}
	if (!m->form->review || store_may_edit_state(c->env->store, m->rec.state))
		return false;
	*r = said(EV_REFUSED, msg(MSG_UI_EV_LOCKED), state_label(state_of(m->rec.state)));
	return true;
}

static ev_result detach(evidence_model *m, const ev_ctx *c)
{
	char *err = NULL, *name = xstrdup(m->files[m->sel].name);
	ev_result r = store_detach(c->env->store, m->form, m->files[m->sel].id, &err) == KP_OK
		? said(EV_HANDLED, msg(MSG_UI_EV_DELETED), name)
		: said(EV_REFUSED, "%s", err ? err : msg(MSG_S_CHANGED));
	free(err);
	free(name);
	reload(m, c);
	return r;
}

ev_result ev_key(evidence_model *m, const ev_ctx *c, kp_key key)
{
	ev_result r = said(EV_HANDLED, "%s", "");
	if (m->mode == EV_CONFIRM_DELETE) {
		kp_action a = keymap_lookup(CTX_CONFIRM, key);
		if (a == ACT_YES || a == ACT_NO)
			m->mode = EV_BROWSE;
		return a == ACT_YES && m->n ? detach(m, c) : r;
	}
	kp_action a = keymap_lookup(CTX_FILES, key);
	if (app_move(&m->sel, m->n, a, c->rows)) {
		m->top = (size_t)app_scroll(m->sel, (int)m->top, (int)(c->rows ? c->rows : 1));
		return r;
	}
	switch (a) {
	case ACT_RECEIVE:
		if (!locked(m, c, &r))
			r.kind = EV_RECEIVE;
		return r;
	case ACT_SEND:
		if (m->n)
			r.kind = EV_SEND;
		return r;
	case ACT_DELETE_RECORD:
		if (m->n && !locked(m, c, &r))
			m->mode = EV_CONFIRM_DELETE;
		return r;
	case ACT_QUIT:
		r.kind = EV_CLOSE;
		return r;
	default:
		return r;
	}
}

ev_result ev_received(evidence_model *m, const ev_ctx *c, FILE *in, const char *name, long long size,
		      const char *err)
{
	if (!in)
		return said(EV_REFUSED, "%s", err ? err : "");
	char *why = NULL;
	long long id = 0;
	ev_result r;
	if (evidence_add(c->env, m->form, m->rec.id, in, name, size, &id, &why) != 0) {
		r = said(EV_REFUSED, "%s", why ? why : msg(MSG_S_CHANGED));
		reload(m, c);
	} else {
		char sz[32];
		evidence_size_text(size, sz, sizeof sz);
		reload(m, c);
		r = said(EV_HANDLED, "%s", "");
		for (size_t i = 0; i < m->n; i++)
			if (m->files[i].id == id) {
				m->sel = i;
				m->top = (size_t)app_scroll(m->sel, (int)m->top, (int)(c->rows ? c->rows : 1));
				r = said(EV_HANDLED, msg(MSG_UI_EV_ADDED), m->files[i].name, m->files[i].type, sz);
			}
		char *twins = store_attachment_twins(c->env->store, m->form, m->rec.id, id);
		size_t used = strlen(r.text);
		if (twins) /* said to the uploader, as the city will see it */
			snprintf(r.text + used, sizeof r.text - used, msg(MSG_UI_EV_TWIN), twins);
		free(twins);
	}
	free(why);
	return r;
}

void ev_question(const evidence_model *m, char *out, size_t len)
{
	if (m->mode == EV_CONFIRM_DELETE && m->n)
		snprintf(out, len, msg(MSG_UI_EV_ASK_DELETE), m->files[m->sel].name);
	else if (len)
		out[0] = '\0';
}
