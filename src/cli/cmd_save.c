/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu save FORM FIELD=VALUE… [--record N] [--unit UNIT] [--force]: one
 * record added or changed from the command line, through record_save, the
 * function the form screen and a table cell save with (the form's rules,
 * the duplicate warning, the store's rights). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/save.h"

#define UNIT_ARG (-2) /* FIELD names the record's unit (填报单位) */

/* The field a FIELD= names: its id, label or an alias, or the unit. */
static int field_named(const kp_form *f, const char *name)
{
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		if (!strcmp(name, fd->id) || !strcmp(name, fd->label))
			return (int)i;
		for (size_t a = 0; a < fd->naliases; a++)
			if (!strcmp(name, fd->aliases[a]))
				return (int)i;
	}
	return !strcmp(name, f->unit_label) || !strcmp(name, "unit") ? UNIT_ARG : -1;
}

/* Print a message quoting what was typed: sanitised. */
static void say(FILE *out, const char *text)
{
	char *clean = utf8_sanitize(text, false);
	fprintf(out, "kepu: %s\n", clean);
	free(clean);
}

/* The FIELD=VALUE arguments into raw (by field; the unit's name into
 * *unit). NULL, or why they are wrong (a usage error). */
static char *read_pairs(const kp_form *f, char **args, int n, const char **raw, const char **unit)
{
	int *at = xcalloc(f->nfields + 1, sizeof *at), unit_at = 0;
	char *why = NULL;
	for (int a = 0; a < n && !why; a++) {
		const char *eq = strchr(args[a], '=');
		if (!eq || eq == args[a]) {
			why = xasprintf(msg(MSG_C_SAVE_NOT_PAIR), args[a]);
			break;
		}
		char *name = xstrndup(args[a], (size_t)(eq - args[a]));
		int k = field_named(f, name);
		int *seen = k == UNIT_ARG ? &unit_at : k >= 0 ? &at[k] : NULL;
		if (!seen) {
			strbuf all = STRBUF_INIT;
			for (size_t i = 0; i < f->nfields; i++)
				sb_printf(&all, "%s%s", i ? "、" : "", f->fields[i].label);
			why = xasprintf(msg(MSG_C_SAVE_NO_FIELD), f->title, name, sb_str(&all));
			sb_free(&all);
		} else if (*seen) {
			why = xasprintf(msg(MSG_C_SAVE_TWICE), name, *seen, a + 1);
		} else {
			*seen = a + 1;
			if (k == UNIT_ARG)
				*unit = eq + 1;
			else
				raw[k] = eq + 1;
		}
		free(name);
	}
	free(at);
	return why;
}

/* What record_save answered, on standard output or standard error. */
static int report(kp_env *e, const kp_form *f, const kp_record *rec, bool update, kp_save_result *res)
{
	if (res->status == SAVE_OK) {
		char *unit = store_unit_name(e->store, rec->unit_id);
		if (update)
			printf(msg(MSG_C_SAVE_CHANGED), f->title, rec->id, unit ? unit : "", rec->version);
		else
			printf(msg(MSG_C_SAVE_NEW), f->title, rec->id, unit ? unit : "");
		putchar('\n');
		if (res->marked)
			printf("%s\n", msg(MSG_C_SAVE_MARKED));
		if (res->message && res->error) /* stored; its mark was refused */
			say(stderr, res->message);
		free(unit);
		return EXIT_OK;
	}
	if (res->status == SAVE_UNCHANGED) { /* nothing to do: not a failure */
		printf("%s\n", res->message);
		return EXIT_OK;
	}
	if (res->status == SAVE_INVALID) { /* every field refused, not only the first */
		for (size_t i = 0; i < res->nfields; i++)
			if (res->field_msg[i])
				say(stderr, res->field_msg[i]);
	} else if (res->message) {
		say(stderr, res->message);
	}
	fprintf(stderr, "kepu: %s\n", msg(MSG_C_SAVE_NOTHING));
	return EXIT_DATA;
}

/* A change of record id: rec as stored, *base its stored values (the base
 * of a merge), the fields not named keep them. False with *err when there
 * is no such record the session can see. */
static bool start_change(kp_env *e, const kp_form *f, long long id, const char *unit, const char **raw,
			 kp_record *rec, char ***base, char **err)
{
	if (!cli_get_record(e, f, id, rec, err))
		return false;
	*base = rec->vals;
	rec->vals = xcalloc(f->nfields, sizeof *rec->vals);
	for (size_t i = 0; i < f->nfields; i++) {
		rec->vals[i] = xstrdup((*base)[i]);
		if (!raw[i])
			raw[i] = (*base)[i];
	}
	/* never moved to another unit behind the user's back: refused */
	if (unit && strcmp(unit, rec->unit_name))
		*err = xasprintf(msg(MSG_C_SAVE_MOVE_UNIT), f->unit_label, id, rec->unit_name);
	return true;
}

/* A new record of the unit named, or of the session's own. The store
 * refuses a unit writing into another (session_may_write), as for every
 * front end. */
static bool start_new(kp_env *e, const kp_form *f, const char *unit, kp_record *rec, char **err)
{
	record_init(rec, f->nfields);
	rec->unit_id = unit ? store_unit_id(e->store, unit) : store_session_unit(e->store);
	if (unit && !rec->unit_id)
		*err = xasprintf(msg(MSG_S_NO_UNIT), unit);
	else if (!rec->unit_id)
		*err = xasprintf(msg(MSG_C_SAVE_NEED_UNIT), f->unit_label);
	return true;
}

int cmd_save(const kp_opts *o)
{
	kp_env e;
	const kp_form *f;
	int rc = cli_open_form(o, &e, o->args[0], &f);
	if (rc != EXIT_OK)
		return rc;
	e.dup_again = msg(MSG_C_SAVE_DUP_AGAIN);
	const char **raw = xcalloc(f->nfields + 1, sizeof *raw);
	const char *unit = NULL;
	char *err = read_pairs(f, o->args + 1, o->nargs - 1, raw, &unit);
	long long id = 0;
	if (!err && o->record)
		cli_parse_number(o->record, msg(MSG_C_ATT_RECORD), &id, &err);
	if (err) {
		say(stderr, err);
		free(err);
		free(raw);
		env_close(&e);
		return EXIT_USAGE;
	}
	kp_record rec;
	char **base = NULL;
	bool have = cli_as_unit(&e, o->unit, &err) == KP_OK &&
		    (id ? start_change(&e, f, id, unit, raw, &rec, &base, &err)
			: start_new(&e, f, unit, &rec, &err));
	rc = EXIT_DATA;
	if (have && !err) {
		kp_save_opts so = {.base = (char *const *)base, .dup_confirmed = o->force, .check_duplicates = true};
		kp_save_result res;
		record_save(&e, f, &rec, raw, &so, &res);
		rc = report(&e, f, &rec, id != 0, &res);
		save_result_free(&res);
	}
	if (err) {
		say(stderr, err);
		free(err);
		err = NULL;
	}
	if (have)
		record_free(&rec);
	if (base) {
		for (size_t i = 0; i < f->nfields; i++)
			free(base[i]);
		free(base);
	}
	free(raw);
	return cli_close(&e, NULL, rc);
}
