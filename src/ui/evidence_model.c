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

/* The exchange folder's list of files, let go (after a pick or Esc). */
static void end_pick(evidence_model *m)
{
	popup_close(&m->pick);
	exchange_list_free(m->names, m->nnames);
	m->names = NULL;
	m->nnames = 0;
	m->mode = EV_BROWSE;
}

void ev_free(evidence_model *m)
{
	zmodem_visit_ended();
	end_pick(m);
	if (m->folder)
		exchange_close(&m->x);
	m->folder = false;
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
	if (m->fixed && (a == ACT_RECEIVE || a == ACT_FOLDER_IN || a == ACT_DELETE_RECORD))
		return false; /* the key bar offers what the store would allow */
	return (a != ACT_SEND && a != ACT_DELETE_RECORD && a != ACT_FOLDER_OUT) || m->n > 0;
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

/* The account's exchange folder, opened once for the screen; false with
 * *r saying why it cannot be. */
static bool open_folder(evidence_model *m, const ev_ctx *c, ev_result *r)
{
	char *err = NULL;
	if (!m->folder && c->user && exchange_open(&m->x, c->env->db, c->user, &err) == 0)
		m->folder = true;
	if (!m->folder)
		*r = said(EV_REFUSED, "%s", err ? err : msg(MSG_UI_EV_NO_FOLDER));
	free(err);
	return m->folder;
}

/* Where the clerk's PC reaches the folder: its SFTP address, else its path. */
static char *folder_words(const evidence_model *m)
{
	return m->x.sftp ? exchange_how(&m->x, true) : xstrdup(m->x.path);
}

/* F6: the folder's files to choose from (what exchange_read would open). */
static ev_result pick_from_folder(evidence_model *m, const ev_ctx *c)
{
	ev_result r = said(EV_HANDLED, "%s", "");
	if (locked(m, c, &r) || !open_folder(m, c, &r))
		return r;
	char **refused = NULL;
	size_t nrefused = 0;
	m->nnames = exchange_list(&m->x, &m->names, &refused, &nrefused);
	exchange_list_free(refused, nrefused);
	if (!m->nnames) { /* not refused: how to put one there */
		char *where = folder_words(m);
		r = said(EV_HANDLED, msg(MSG_UI_EV_FOLDER_EMPTY), where);
		free(where);
		end_pick(m);
		return r;
	}
	popup_open(&m->pick, msg(MSG_UI_EV_PICK), m->names, m->nnames, 0, 0);
	m->mode = EV_PICK_FILE;
	return r;
}

/* The file just attached (id) selected, and said. */
static ev_result added(evidence_model *m, const ev_ctx *c, long long id)
{
	reload(m, c);
	ev_result r = said(EV_HANDLED, "%s", "");
	for (size_t i = 0; i < m->n; i++)
		if (m->files[i].id == id) {
			char sz[32];
			evidence_size_text(m->files[i].size, sz, sizeof sz);
			m->sel = i;
			m->top = (size_t)app_scroll(m->sel, (int)m->top, (int)(c->rows ? c->rows : 1));
			r = said(EV_HANDLED, msg(MSG_UI_EV_ADDED), m->files[i].name, m->files[i].type, sz);
		}
	char *twins = evidence_twin_note(c->env, m->form, m->rec.id, id);
	size_t used = strlen(r.text);
	if (twins) /* said to the uploader, as the city will see it */
		snprintf(r.text + used, sizeof r.text - used, "%s", twins);
	free(twins);
	return r;
}

/* A key in the folder's list: Enter attaches the file, Esc lets it go. */
static ev_result pick_key(evidence_model *m, const ev_ctx *c, kp_key key)
{
	size_t chosen;
	popup_result p = popup_key(&m->pick, key, &chosen);
	if (p != POPUP_ACCEPT) {
		if (p != POPUP_CONTINUE)
			end_pick(m);
		return said(EV_HANDLED, "%s", "");
	}
	char *name = xstrdup(m->names[chosen]), *why = NULL;
	end_pick(m);
	long long id = 0;
	ev_result r;
	if (evidence_add_from(c->env, m->form, m->rec.id, &m->x, name, &id, &why) != 0) {
		r = said(EV_REFUSED, "%s", why ? why : msg(MSG_S_CHANGED));
		reload(m, c);
	} else {
		r = added(m, c, id);
	}
	free(why);
	free(name);
	return r;
}

/* F7: a copy of the selected file into the folder, never over a file. */
static ev_result put_in_folder(evidence_model *m, const ev_ctx *c)
{
	ev_result r = said(EV_HANDLED, "%s", "");
	if (!m->n || !open_folder(m, c, &r))
		return r;
	char *err = NULL, *saved = NULL;
	const kp_attachment *a = &m->files[m->sel];
	if (evidence_to_folder(c->env, m->form, a, &m->x, &saved, &err) != 0) {
		r = said(EV_REFUSED, "%s", err ? err : msg(MSG_C_WRITE_ERROR));
	} else {
		char *where = folder_words(m);
		r = said(EV_HANDLED, msg(MSG_UI_EV_PUT), a->name, saved, where);
		free(where);
	}
	free(saved);
	free(err);
	return r;
}

ev_result ev_key(evidence_model *m, const ev_ctx *c, kp_key key)
{
	ev_result r = said(EV_HANDLED, "%s", "");
	if (m->mode == EV_PICK_FILE)
		return pick_key(m, c, key);
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
	case ACT_FOLDER_IN:
		return pick_from_folder(m, c);
	case ACT_FOLDER_OUT:
		return put_in_folder(m, c);
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
		r = added(m, c, id);
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
