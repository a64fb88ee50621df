/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 账号管理's model: see accounts_model.h. */
#include "ui/accounts_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/auth.h"
#include "ui/shell.h"

static void rows_free(accounts_model *m)
{
	users_free(m->users, m->n);
	free(m->failures);
	free(m->wait);
	m->users = NULL;
	m->failures = NULL;
	m->wait = NULL;
	m->n = 0;
}

/* Each account's recent failures and wait, as of c->now: read again with
 * every key, since a wait runs down while the screen is open. */
static void read_throttle(accounts_model *m, const ac_ctx *c)
{
	for (size_t i = 0; i < m->n; i++)
		auth_throttle(c->env, false, m->users[i].name, c->now, &m->failures[i], &m->wait[i]);
}

/* The accounts and their back-off as they are now; false when refused. */
static bool reload(accounts_model *m, const ac_ctx *c, mr_result *r)
{
	char *err = NULL;
	rows_free(m);
	m->n = store_users(c->env->store, &m->users, &err);
	m->failures = xcalloc(m->n + 1, sizeof *m->failures);
	m->wait = xcalloc(m->n + 1, sizeof *m->wait);
	read_throttle(m, c);
	if (m->sel >= m->n)
		m->sel = m->n ? m->n - 1 : 0;
	m->top = (size_t)app_scroll(m->sel, (int)m->top, (int)(c->rows ? c->rows : 1));
	if (!err)
		return true;
	*r = mr_say(MR_REFUSED, "%s", err);
	free(err);
	return false;
}

mr_result ac_init(accounts_model *m, const ac_ctx *c)
{
	mr_result r = mr_done(MR_HANDLED);
	memset(m, 0, sizeof *m);
	reload(m, c, &r);
	return r;
}

static void forget_reset(accounts_model *m)
{
	if (m->reset_password)
		memset(m->reset_password, 0, strlen(m->reset_password));
	free(m->reset_password);
	free(m->reset_name);
	m->reset_password = m->reset_name = NULL;
}

void ac_free(accounts_model *m)
{
	forget_reset(m);
	rows_free(m);
}

static mr_result toggle_lock(accounts_model *m, const ac_ctx *c)
{
	mr_result r;
	const kp_user *u = &m->users[m->sel];
	bool lock = !u->locked;
	/* The city would shut itself out until the server's administrator
	 * acts: not from here. */
	if (lock && !strcmp(u->name, c->self)) {
		return mr_say(MR_REFUSED, "%s", msg(MSG_UI_AC_SELF));
	}
	char *err = NULL, *name = xstrdup(u->name);
	if (auth_lock(c->env, name, lock, &err) != 0)
		r = mr_say(MR_REFUSED, "%s", err ? err : "");
	else
		r = mr_say(MR_HANDLED, msg(lock ? MSG_UI_AC_LOCKED : MSG_UI_AC_UNLOCKED), name);
	free(err);
	free(name);
	reload(m, c, &r);
	return r;
}

static mr_result reset_password(accounts_model *m, const ac_ctx *c)
{
	mr_result r = mr_done(MR_HANDLED);
	char *err = NULL, *password, *name = xstrdup(m->users[m->sel].name);
	m->mode = AC_BROWSE;
	if (auth_reset_password(c->env, name, &password, &err) != 0) {
		r = mr_say(MR_REFUSED, "%s", err ? err : "");
		free(err);
		free(name);
	} else {
		m->mode = AC_SHOW_PASSWORD;
		m->reset_name = name;
		m->reset_password = password;
	}
	reload(m, c, &r);
	return r;
}

mr_result ac_key(accounts_model *m, const ac_ctx *c, kp_key key)
{
	mr_result r = mr_done(MR_HANDLED);
	read_throttle(m, c);
	if (m->mode == AC_SHOW_PASSWORD) { /* noted: the password goes from the screen */
		forget_reset(m);
		m->mode = AC_BROWSE;
		return r;
	}
	if (m->mode == AC_CONFIRM_RESET) {
		kp_action a = keymap_lookup(CTX_CONFIRM, key);
		if (a == ACT_YES)
			return reset_password(m, c);
		if (a == ACT_NO) {
			m->mode = AC_BROWSE;
			r = mr_say(MR_HANDLED, "%s", msg(MSG_UI_AC_NOT_RESET));
		}
		return r;
	}
	kp_action a = keymap_lookup(CTX_ACCOUNTS, key);
	if (app_move(&m->sel, m->n, a, c->rows)) {
		m->top = (size_t)app_scroll(m->sel, (int)m->top, (int)(c->rows ? c->rows : 1));
		return r;
	}
	switch (a) {
	case ACT_LOCK:
		return m->n ? toggle_lock(m, c) : r;
	case ACT_RESET:
		if (m->n)
			m->mode = AC_CONFIRM_RESET;
		return r;
	case ACT_QUIT:
		return mr_done(MR_CLOSE);
	default:
		return r;
	}
}
