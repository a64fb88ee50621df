/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * login_model: what the login screen is — two fields (the name and the
 * password, or the new password twice), the focus, and one mode (signing
 * in, setting a new password after signing in with an initial one, or
 * changing one's password from the menu: the current one first) — and what a key does (lg_key
 * returns an lg_result: handled, refused with why, signed in, signed in
 * but the password must change first, password changed, close, quit).
 * Passwords are never shown and are wiped from memory once used. The
 * account signed in waits in m->user for the view to take (app_sign_in);
 * what it may then see is the store's session, set there. Drafts are not
 * offered here: the form model offers its form's draft when it opens.
 * login_screen.c draws it; tests/unit/test_login_model.c drives it.
 */
#ifndef KP_LOGIN_MODEL_H
#define KP_LOGIN_MODEL_H
#include <stdbool.h>

#include "core/editbuf.h"
#include "domain/env.h"
#include "ui/keymap.h"

typedef enum {
	LG_SIGN_IN,     /* name and password */
	LG_MUST_CHANGE, /* signed in with an initial password: a new one first */
	LG_CURRENT,     /* changing one's password from the menu: the current one first */
	LG_CHANGE       /* …then the new one twice */
} lg_mode;

typedef enum {
	LG_HANDLED,
	LG_REFUSED,     /* text says why */
	LG_SIGNED_IN,   /* m->user is signed in: on to the menu */
	LG_MUST_CHANGE_FIRST, /* m->user is signed in, and must set a new password first */
	LG_CHANGED,     /* the new password is set: on to the menu (or back to it) */
	LG_CLOSE,       /* the change was given up: back to the menu */
	LG_QUIT         /* Esc before signing in: kepu ends */
} lg_kind;

typedef struct {
	lg_kind kind;
	char text[512];
} lg_result;

typedef struct {
	kp_env *env;
	const char *addr; /* where the user connects from (auth_client_address) */
	long long now;    /* the clock, for the login back-off */
	kp_user *account; /* LG_MUST_CHANGE, LG_CURRENT, LG_CHANGE: the account signed in */
} lg_ctx;

typedef struct {
	lg_mode mode;
	editbuf f[2]; /* name and password, or the new password twice */
	int focus;
	kp_user user; /* LG_SIGNED_IN, LG_MUST_CHANGE_FIRST: taken by the view */
	bool demo;    /* LG_SIGNED_IN: with the demonstration's published password */
} login_model;

void lg_init(login_model *m, bool change_only);
void lg_free(login_model *m);
lg_result lg_key(login_model *m, const lg_ctx *c, kp_key key);
/* How many fields the mode asks for (LG_CURRENT: one). */
int lg_fields(const login_model *m);
/* The keymap context its step draws with: CTX_LOGIN, with CTX_PASSWORD
 * when opened from the menu (Esc goes back there, not out of kepu). */
unsigned lg_context(const login_model *m);
/* Does action a do anything now (kp_acts_fn: the key bar lists only what
 * does; Tab not in a step of one field)? ctx unused. */
bool lg_acts(const void *model, const void *ctx, kp_action a);
/* Is field i a secret (drawn as a note, never as its text)? */
bool lg_secret(const login_model *m, int i);

#endif
