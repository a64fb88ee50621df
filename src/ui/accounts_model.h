/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * accounts_model: what 账号管理 is — every account with its state, its
 * recent failed logins and how long its next try must wait (the accounts
 * read once per change, the waits, which run down, with each key; never
 * per frame), the selection, and one mode (browsing, asking
 * whether to reset the selected account's password, showing the new
 * initial password until the next key) — and what a key does (ac_key
 * returns an mr_result: handled with a message, refused with why, close).
 * Who may see and change accounts is the store's to say: a unit's session
 * is refused. accounts_screen.c draws it; tests/unit/test_accounts_model.c
 * drives it with no terminal.
 */
#ifndef KP_ACCOUNTS_MODEL_H
#define KP_ACCOUNTS_MODEL_H
#include <stdbool.h>
#include <stddef.h>

#include "domain/env.h"
#include "ui/keymap.h"
#include "ui/model_result.h"

typedef enum { AC_BROWSE, AC_CONFIRM_RESET, AC_SHOW_PASSWORD } ac_mode;

typedef struct {
	kp_env *env;
	const char *self; /* the signed-in account's name */
	long long now;    /* the clock, for each account's wait */
	size_t rows;      /* rows on a page */
} ac_ctx;

typedef struct {
	kp_user *users;
	int *failures;   /* per account: recent failed logins */
	long *wait;      /* …and the seconds its next try must wait */
	size_t n, sel, top;
	ac_mode mode;
	char *reset_name, *reset_password; /* AC_SHOW_PASSWORD: shown once, then wiped */
} accounts_model;

/* Read the accounts; a session that may not see them gets MR_REFUSED. */
mr_result ac_init(accounts_model *m, const ac_ctx *c);
void ac_free(accounts_model *m);
mr_result ac_key(accounts_model *m, const ac_ctx *c, kp_key key);

#endif
