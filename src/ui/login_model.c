/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The login screen's model: see login_model.h. */
#include "ui/login_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/auth.h"
#include "domain/demo.h"

static lg_result said(lg_kind kind, const char *text)
{
	lg_result r = {kind, ""};
	snprintf(r.text, sizeof r.text, "%s", text ? text : "");
	return r;
}

/* Overwrite before clearing: a password lingers in memory no longer than
 * it must. */
static void clear_secret(editbuf *b)
{
	if (b->cp) /* nothing typed yet: nothing held */
		memset(b->cp, 0, b->cap * sizeof *b->cp);
	eb_clear(b);
}

static void wipe(char *s)
{
	memset(s, 0, strlen(s));
	free(s);
}

void lg_init(login_model *m, bool change_only)
{
	memset(m, 0, sizeof *m);
	m->mode = change_only ? LG_CURRENT : LG_SIGN_IN;
	for (int i = 0; i < 2; i++)
		eb_init(&m->f[i], 64, false);
}

void lg_free(login_model *m)
{
	for (int i = 0; i < 2; i++) {
		clear_secret(&m->f[i]);
		eb_free(&m->f[i]);
	}
	user_free(&m->user);
}

bool lg_secret(const login_model *m, int i) { return m->mode != LG_SIGN_IN || i == 1; }

int lg_fields(const login_model *m) { return m->mode == LG_CURRENT ? 1 : 2; }

unsigned lg_context(const login_model *m)
{
	return CTX_LOGIN | (m->mode == LG_CHANGE || m->mode == LG_CURRENT ? CTX_PASSWORD : 0);
}

bool lg_acts(const void *model, const void *ctx, kp_action a)
{
	(void)ctx;
	/* Tab moves only where the step has a next field */
	return (a != ACT_NEXT && a != ACT_PREV) || lg_fields(model) > 1;
}

/* Why a password was not taken: a wait, a lock, or `bad` (wrong). */
static lg_result refusal(kp_login r, long wait, enum kp_msg_id bad)
{
	lg_result res = {LG_REFUSED, ""};
	if (r == LOGIN_WAIT)
		snprintf(res.text, sizeof res.text, msg(MSG_UI_LOGIN_WAIT), wait);
	else
		snprintf(res.text, sizeof res.text, "%s", msg(r == LOGIN_LOCKED ? MSG_UI_LOGIN_LOCKED : bad));
	return res;
}

static lg_result try_login(login_model *m, const lg_ctx *c)
{
	char *name = eb_text(&m->f[0]), *password = eb_text(&m->f[1]);
	kp_user u;
	long wait = 0;
	kp_login r = name[0] ? auth_login(c->env, name, password, c->addr, c->now, &u, &wait) : LOGIN_BAD;
	m->demo = r == LOGIN_OK && !strcmp(password, DEMO_PASSWORD);
	wipe(password);
	free(name);
	clear_secret(&m->f[1]);
	m->focus = 1;
	if (r != LOGIN_OK)
		return refusal(r, wait, MSG_UI_LOGIN_BAD);
	user_free(&m->user);
	m->user = u;
	if (u.must_change) {
		m->mode = LG_MUST_CHANGE;
		m->focus = 0;
		clear_secret(&m->f[0]); /* the name field becomes the new password */
		return said(LG_MUST_CHANGE_FIRST, msg(MSG_UI_LOGIN_MUST_CHANGE));
	}
	clear_secret(&m->f[0]);
	return said(LG_SIGNED_IN, NULL);
}

/* The current password, checked by the auth layer (its back-off too)
 * before a new one is asked for. */
static lg_result try_current(login_model *m, const lg_ctx *c)
{
	char *password = eb_text(&m->f[0]);
	long wait = 0;
	kp_login r = auth_confirm(c->env, c->account, password, c->addr, c->now, &wait);
	wipe(password);
	clear_secret(&m->f[0]);
	if (r != LOGIN_OK)
		return refusal(r, wait, MSG_UI_LOGIN_CURRENT_BAD);
	m->mode = LG_CHANGE;
	return said(LG_HANDLED, NULL);
}

static lg_result try_change(login_model *m, const lg_ctx *c)
{
	char *a = eb_text(&m->f[0]), *b = eb_text(&m->f[1]), *err = NULL;
	lg_result r;
	if (strcmp(a, b))
		r = said(LG_REFUSED, msg(MSG_UI_LOGIN_MISMATCH));
	else if (auth_change_password(c->env, c->account, a, &err) != 0)
		r = said(LG_REFUSED, err);
	else
		r = said(LG_CHANGED, msg(MSG_UI_LOGIN_CHANGED));
	free(err);
	wipe(a);
	wipe(b);
	clear_secret(&m->f[0]);
	clear_secret(&m->f[1]);
	m->focus = 0;
	return r;
}

lg_result lg_key(login_model *m, const lg_ctx *c, kp_key key)
{
	lg_result r = {LG_HANDLED, ""};
	editbuf *b = &m->f[m->focus];
	switch (keymap_lookup(CTX_LOGIN, key)) {
	case ACT_ACCEPT:
		if (m->mode == LG_CURRENT)
			return try_current(m, c);
		if (m->focus == 0) {
			m->focus = 1;
			return r;
		}
		return m->mode == LG_SIGN_IN ? try_login(m, c) : try_change(m, c);
	case ACT_NEXT:
	case ACT_PREV:
		if (lg_fields(m) > 1)
			m->focus = !m->focus;
		eb_select_all(&m->f[m->focus]); /* typing replaces it, as in a form */
		return r;
	case ACT_BACKSPACE:
		eb_backspace(b);
		return r;
	case ACT_QUIT:
		if (m->mode == LG_CHANGE || m->mode == LG_CURRENT) {
			r.kind = LG_CLOSE;
			return r;
		}
		/* nothing is open before the menu: leaving then ends kepu, and
		 * with it the SSH session; an Esc pressed on what was typed, as a
		 * clerk unsure of it does, clears it first */
		if (m->f[0].len || m->f[1].len) {
			eb_clear(&m->f[0]);
			clear_secret(&m->f[1]);
			m->focus = 0;
			return said(LG_REFUSED, msg(MSG_UI_LOGIN_CLEARED));
		}
		r.kind = LG_QUIT;
		return r;
	default:
		break;
	}
	if (!key_printable(key))
		return r;
	if (m->mode == LG_SIGN_IN && m->focus == 0 && b->len >= NAME_MAX_CHARS)
		return said(LG_REFUSED, msg(MSG_A_NAME_RULE)); /* no name is longer */
	eb_insert(b, key.code);
	return r;
}
