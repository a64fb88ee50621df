/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu user add|passwd|list|lock|unlock|disable and kepu audit: accounts
 * and the audit trail from the command line (the server's administrators). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/common.h"
#include "core/date.h"
#include "core/json.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/auth.h"
#include "domain/demo.h"

#define FIRST_ACCOUNT "admin"

/* Demonstration accounts (domain/demo.c), with a published password that
 * need not be changed: for trying kepu out only; whoever signs in with it
 * is told so. */
static int demo_account(kp_env *e, const char *name, const char *unit)
{
	char *hash = auth_hash(DEMO_PASSWORD), *err = NULL;
	long long unit_id = unit ? store_unit_id(e->store, unit) : 0;
	int rc = hash ? store_user_add(e->store, name, unit ? USER_UNIT : USER_CITY, unit_id, hash, &err)
		      : KP_ERR;
	if (rc == KP_OK)
		rc = store_user_set_hash(e->store, name, hash, false, &err);
	if (rc != KP_OK)
		fprintf(stderr, "kepu: %s\n", err ? err : msg(MSG_A_HASH_FAILED));
	free(err);
	free(hash);
	return rc;
}

int cli_first_accounts(kp_env *e, bool demo)
{
	char *password, *err = NULL;
	if (auth_add_user(e, FIRST_ACCOUNT, USER_CITY, 0, &password, &err) != 0) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		return EXIT_DATA;
	}
	printf(msg(MSG_C_FIRST_ACCOUNT), FIRST_ACCOUNT, password);
	putchar('\n');
	free(password);
	for (size_t i = 0; demo && i < demo_naccounts; i++)
		if (demo_account(e, demo_accounts[i].name, demo_accounts[i].unit) != KP_OK)
			return EXIT_DATA;
	if (demo) {
		printf(msg(MSG_C_DEMO_ACCOUNTS), DEMO_PASSWORD);
		putchar('\n');
	}
	return EXIT_OK;
}

static int user_add(kp_env *e, const kp_opts *o, const char *name)
{
	if (!o->role || (strcmp(o->role, "city") && strcmp(o->role, "unit"))) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_NEED_ROLE));
		return EXIT_USAGE;
	}
	kp_user_role role = strcmp(o->role, "city") ? USER_UNIT : USER_CITY;
	long long unit = 0;
	if (role == USER_UNIT && !o->unit) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_UNIT_ROLE));
		return EXIT_USAGE;
	}
	if (o->unit && !(unit = store_unit_id(e->store, o->unit))) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_S_NO_UNIT), o->unit);
		fputc('\n', stderr);
		return EXIT_DATA;
	}
	char *password, *err = NULL;
	if (auth_add_user(e, name, role, unit, &password, &err) != 0) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		return EXIT_DATA;
	}
	printf(msg(MSG_C_USER_ADDED), name, password);
	putchar('\n');
	free(password);
	return EXIT_OK;
}

static int user_passwd(kp_env *e, const char *name)
{
	char *password, *err = NULL;
	if (auth_reset_password(e, name, &password, &err) != 0) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		return EXIT_DATA;
	}
	printf(msg(MSG_C_USER_RESET), name, password);
	putchar('\n');
	free(password);
	return EXIT_OK;
}

static int user_list(kp_env *e)
{
	kp_user *u;
	size_t n = store_users(e->store, &u, NULL);
	long long now = (long long)time(NULL);
	for (size_t i = 0; i < n; i++) {
		cli_cell(stdout, u[i].name, 16, false);
		cli_cell(stdout, msg(u[i].role == USER_CITY ? MSG_P_OWNER_CITY : MSG_P_COL_UNIT), 8, false);
		cli_cell(stdout, u[i].role == USER_CITY ? "" : u[i].unit_name, 18, false);
		cli_cell(stdout, auth_state_label(&u[i]), 10, false);
		int failures;
		long wait;
		auth_throttle(e, false, u[i].name, now, &failures, &wait);
		if (wait)
			printf(msg(MSG_C_USER_THROTTLED), failures, wait);
		else if (failures)
			printf(msg(MSG_C_USER_FAILURES), failures);
		putchar('\n');
	}
	users_free(u, n);
	return EXIT_OK;
}

int cmd_user(const kp_opts *o)
{
	static const char *const named_verbs[] = {"add", "passwd", "lock", "unlock", "disable"};
	const char *verb = o->args[0], *name = o->nargs > 1 ? o->args[1] : NULL;
	bool named = false;
	for (size_t i = 0; i < sizeof named_verbs / sizeof named_verbs[0]; i++)
		named |= !strcmp(verb, named_verbs[i]);
	if ((named && !name) || (!named && strcmp(verb, "list")) || (!named && name)) {
		fprintf(stderr, "usage: %s\n", msg(MSG_C_USER_USAGE));
		return EXIT_USAGE;
	}
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	char *err = NULL;
	if (!strcmp(verb, "add"))
		rc = user_add(&e, o, name);
	else if (!strcmp(verb, "passwd"))
		rc = user_passwd(&e, name);
	else if (!strcmp(verb, "list"))
		rc = user_list(&e);
	else if (!strcmp(verb, "disable") ? store_user_disable(e.store, name, &err) != KP_OK
					  : auth_lock(&e, name, !strcmp(verb, "lock"), &err) != 0) {
		fprintf(stderr, "kepu: %s\n", err);
		rc = EXIT_DATA;
	}
	free(err);
	env_close(&e);
	return rc;
}

static int print_audit(const kp_audit_row *a, void *ctx)
{
	(void)ctx;
	printf("%s  ", a->at);
	cli_cell(stdout, a->user, 16, false);
	cli_cell(stdout, a->unit_name, 18, false);
	printf("%s #%lld %s\n", a->form, a->record_id, a->action);
	char **ch;
	size_t n;
	if (json_array_decode(a->changes, &ch, &n) == 0) {
		for (size_t i = 0; i + 2 < n; i += 3) {
			printf("    %s: ", ch[i]);
			cli_cell(stdout, ch[i + 1], 0, false);
			printf(" -> ");
			cli_cell(stdout, ch[i + 2], 0, false);
			putchar('\n');
		}
		json_array_free(ch, n);
	}
	return 0;
}

int cmd_audit(const kp_opts *o)
{
	/* A filter that names nothing is refused: an empty trail would read as
	 * "nothing happened". The day is compared with the rows' ISO times. */
	int y, m, d;
	char since[16];
	if (o->since && !date_parse(o->since, &y, &m, &d)) {
		fprintf(stderr, "kepu: ");
		if (date_out_of_range(o->since))
			fprintf(stderr, msg(MSG_C_AUDIT_SINCE_RANGE), o->since, DATE_YEAR_MIN, DATE_YEAR_MAX);
		else
			fprintf(stderr, msg(MSG_C_AUDIT_SINCE), o->since);
		fputc('\n', stderr);
		return EXIT_USAGE;
	}
	if (o->since)
		snprintf(since, sizeof since, "%04d-%02d-%02d", y, m, d);
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	if (o->unit && !store_unit_id(e.store, o->unit)) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_C_AUDIT_UNIT), o->unit);
		fputc('\n', stderr);
		env_close(&e);
		return EXIT_DATA;
	}
	kp_audit_query q = {.since = o->since ? since : NULL, .user = o->user, .unit = o->unit, .form = o->form,
			    .words = o->words, .forms = e.cat.forms, .nforms = e.cat.nforms};
	if (store_audit_each(e.store, &q, print_audit, NULL) != KP_OK)
		rc = EXIT_DATA;
	env_close(&e);
	return rc;
}
