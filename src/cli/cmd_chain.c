/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu check's audit chain (#27): what differs from the audited history,
 * --accept to record it as an administrator's change, and the heads log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "core/msg.h"
#include "core/priv.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/heads.h"

/* A form's title and a column's label, as the clerk knows them. */
static void names(const kp_env *e, const kp_chain_finding *f, const char **form, const char **col)
{
	*form = f->table;
	*col = f->column;
	for (size_t i = 0; i < e->cat.nforms; i++) {
		const kp_form *fm = e->cat.forms[i];
		if (strcmp(fm->table, f->table))
			continue;
		*form = fm->title;
		for (size_t k = 0; f->column && k < fm->nfields; k++)
			if (!strcmp(fm->fields[k].id, f->column))
				*col = fm->fields[k].label;
	}
}

static void print_finding(const kp_env *e, const kp_chain_finding *f)
{
	const char *form, *col;
	char *line = NULL;
	switch (f->kind) {
	case CHAIN_RECORD:
		names(e, f, &form, &col);
		if (!col[0])
			col = msg(MSG_C_CHAIN_SOME_VALUE);
		if (f->attachment)
			line = xasprintf(msg(MSG_C_CHAIN_ATTACH), form, f->record, f->attachment, col);
		else if (f->value)
			line = xasprintf(msg(MSG_C_CHAIN_RECORD), form, f->record, col, f->value);
		else
			line = xasprintf(msg(MSG_C_CHAIN_EMPTIED), form, f->record, col);
		break;
	case CHAIN_UNSEALED:
		names(e, f, &form, &col);
		line = xasprintf(msg(MSG_C_CHAIN_UNSEALED), form, f->record);
		break;
	case CHAIN_UNBOUND:
		names(e, f, &form, &col);
		line = xasprintf(msg(MSG_C_CHAIN_UNBOUND), form, f->record, f->audit_id);
		break;
	case CHAIN_BATCH:
		names(e, f, &form, &col);
		line = xasprintf(msg(MSG_C_CHAIN_BATCH), form, f->record, f->record + f->count - 1, f->audit_id);
		break;
	case CHAIN_CHANGED: line = xasprintf(msg(MSG_C_CHAIN_CHANGED), f->position, f->audit_id); break;
	case CHAIN_MISSING:
		line = xasprintf(msg(MSG_C_CHAIN_MISSING), f->position, f->audit_id, f->count);
		break;
	case CHAIN_TRUNCATED: line = xasprintf(msg(MSG_C_CHAIN_TRUNCATED), f->count, f->position); break;
	case CHAIN_GUARD: line = xasprintf(msg(MSG_C_CHAIN_GUARD), f->position, f->audit_id); break;
	}
	/* Titles and labels come from the site's YAML: sanitised like any text shown. */
	char *clean = utf8_sanitize(line, false);
	printf("%s\n", clean);
	free(clean);
	free(line);
}

/* Heads a backup or an earlier check saw that the live chain lost. */
static int check_heads(kp_env *e, const kp_opts *o, bool accept, char **err)
{
	heads_state h;
	if (heads_compare(e->store, o->db, &h, err) != 0)
		return EXIT_DATA;
	if (!h.lost)
		return EXIT_OK;
	long long id;
	unsigned char hash[32];
	char live[20] = "";
	if (!h.found_at[0] && store_chain_head(e->store, &id, hash, live) == KP_OK)
		snprintf(h.found_at, sizeof h.found_at, "%s", live);
	char *what = utf8_sanitize(h.lost_what, false);
	fprintf(stderr, "kepu: ");
	fprintf(stderr, msg(MSG_C_HEAD_LOST), what, h.lost_at, h.lost_id,
		h.found_at[0] ? h.found_at : msg(MSG_C_HEAD_NONE));
	fputc('\n', stderr);
	free(what);
	if (accept)
		return heads_accept(o->db, err) == 0 ? EXIT_OK : EXIT_DATA;
	return EXIT_DATA;
}

int check_chain(kp_env *e, const kp_opts *o)
{
	char *err = NULL;
	if (o->accept && (!o->reason || !o->reason[0])) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_ACCEPT_REASON));
		return EXIT_USAGE;
	}
	/* The command line is an administrator's only for the data group's
	 * administrators: anyone else's --accept is refused by the session. */
	if (o->accept && !priv_is_admin() &&
	    store_session(e->store, SESSION_CITY, store_session_user(e->store), 0, &err) != KP_OK) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		return EXIT_DATA;
	}
	const char **t = xcalloc(e->cat.nforms + 1, sizeof *t);
	for (size_t i = 0; i < e->cat.nforms; i++)
		t[i] = e->cat.forms[i]->table;
	kp_chain_report r;
	int rc = store_chain_check(e->store, t, e->cat.nforms, &r, &err) == KP_OK ? EXIT_OK : EXIT_DATA;
	free(t);
	for (size_t i = 0; rc == EXIT_OK && i < r.n; i++)
		print_finding(e, &r.f[i]);
	if (rc == EXIT_OK && r.n && o->accept) {
		if (store_chain_accept(e->store, &r, o->reason, &err) == KP_OK) {
			char *reason = utf8_sanitize(o->reason, false);
			printf(msg(MSG_C_CHAIN_ACCEPTED), r.n, store_session_user(e->store), reason);
			putchar('\n');
			free(reason);
		} else
			rc = EXIT_DATA;
	} else if (rc == EXIT_OK && r.n) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_C_CHAIN_BAD), o->db, r.n);
		fputc('\n', stderr);
		rc = EXIT_DATA;
	} else if (rc == EXIT_OK) {
		printf(msg(MSG_C_CHAIN_OK), r.rows);
		putchar('\n');
	}
	chain_report_free(&r);
	int heads = check_heads(e, o, o->accept && rc == EXIT_OK, &err);
	/* Only an intact chain's head is worth remembering. */
	long long id;
	unsigned char h[32];
	char at[20];
	if (rc == EXIT_OK && store_chain_head(e->store, &id, h, at) == KP_OK &&
	    heads_note(o->db, "kepu check", id, h, &err) != 0)
		rc = EXIT_DATA;
	if (err) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		rc = EXIT_DATA;
	}
	return rc != EXIT_OK ? rc : heads;
}
