/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/env.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/msg.h"
#include "core/priv.h"
#include "core/xalloc.h"
#include "domain/auth.h"

int env_load_definitions(kp_env *e, const char *screens_dir, const char *config_dir, kp_diag *d)
{
	memset(e, 0, sizeof *e);
	return catalog_load(&e->cat, screens_dir, config_dir, d) ? -1 : 0;
}

/* Is f a per-unit form whose first values are columns of data/units.yaml
 * (附表1)? Others (年度工作计划) start empty: a unit writes its own. */
static bool seeded_from_units(const kp_form *f, const kp_units *units)
{
	if (!f->per_unit)
		return false;
	for (size_t k = 0; k < units->ncolumns; k++)
		if (form_field_index(f, units->columns[k]) >= 0)
			return true;
	return false;
}

/* Give every unit its record of a per-unit form, with the first values
 * from data/units.yaml (columns named like the fields). */
static int seed_per_unit(kp_env *e, const kp_form *f, const kp_units *units, char **err)
{
	kp_record *missing = xcalloc(units->n ? units->n : 1, sizeof *missing);
	size_t n = 0;
	for (size_t i = 0; i < units->n; i++) {
		long long unit = store_unit_id(e->store, units->units[i].name);
		if (!unit || store_unit_record(e->store, f, unit))
			continue;
		kp_record *r = &missing[n++];
		record_init(r, f->nfields);
		r->unit_id = unit;
		for (size_t k = 0; k < f->nfields; k++) {
			const char *v = unit_value(units, i, f->fields[k].id);
			if (v)
				record_set(r, k, v);
		}
	}
	int rc = n ? store_insert_many(e->store, f, missing, n, err) : KP_OK;
	records_free(missing, n);
	return rc;
}

static int open_db(kp_env *e, const char *db, bool create, char **err)
{
	struct stat st;
	if (!create && stat(db, &st) != 0) {
		*err = xasprintf(msg(MSG_S_OPEN), db, msg(MSG_S_NO_FILE));
		return -1;
	}
	if (store_open(db, &e->store, err) != KP_OK)
		return -1;
	store_set_catalog(e->store, &e->cat);
	e->db = xstrdup(db);
	kp_diag d = {0};
	kp_units units;
	if (units_load(&units, &d) != 0) {
		*err = diag_format(&d, 0);
		diag_free(&d);
		return -1;
	}
	int rc = store_ensure_units(e->store, &units, err);
	/* Years before every table that keeps a year: a database of an older
	 * kepu gets the schedule's year for what it holds. */
	if (rc == KP_OK)
		rc = store_ensure_years(e->store, e->cat.schedule.year, err);
	if (rc == KP_OK)
		rc = store_ensure_drafts(e->store, err);
	if (rc == KP_OK)
		rc = store_ensure_ticks(e->store, err);
	if (rc == KP_OK)
		rc = store_ensure_duplicates(e->store, err);
	if (rc == KP_OK)
		rc = store_ensure_attachments(e->store, err);
	if (rc == KP_OK)
		rc = store_ensure_auth(e->store, err);
	if (rc == KP_OK && auth_init() != 0) {
		*err = xstrdup(msg(MSG_A_HASH_FAILED));
		rc = KP_ERR;
	}
	if (rc == KP_OK && auth_ensure_dummy(e, err) != 0) /* before any login can need it */
		rc = KP_ERR;
	for (size_t i = 0; rc == KP_OK && i < e->cat.nforms; i++) {
		rc = store_ensure_form(e->store, e->cat.forms[i], err);
		if (rc == KP_OK)
			rc = store_ensure_text_index(e->store, e->cat.forms[i], err);
		if (rc == KP_OK && seeded_from_units(e->cat.forms[i], &units))
			rc = seed_per_unit(e, e->cat.forms[i], &units, err);
	}
	units_free(&units);
	if (rc == KP_OK) { /* after every form's table: the chain's first link seals them */
		const char **t = xcalloc(e->cat.nforms + 1, sizeof *t);
		for (size_t i = 0; i < e->cat.nforms; i++)
			t[i] = e->cat.forms[i]->table;
		rc = store_ensure_chain(e->store, t, e->cat.nforms, err);
		free(t);
	}
	if (rc == KP_OK)
		rc = store_schema_done(e->store, err);
	if (rc == KP_OK && env_use_year(e, env_default_year(e), err) != 0)
		rc = KP_ERR;
	return rc == KP_OK ? 0 : -1;
}

int env_default_year(kp_env *e)
{
	int ty, tm, td;
	clock_today(&ty, &tm, &td);
	kp_year *y;
	size_t n = store_years(e->store, &y);
	int pick = n ? y[0].year : e->cat.schedule.year;
	for (size_t i = 0; i < n; i++)
		if (y[i].year <= ty) /* its year has begun */
			pick = y[i].year;
	years_free(y, n);
	return pick;
}

int env_use_year(kp_env *e, int year, char **err)
{
	char *text = NULL;
	if (store_year_schedule(e->store, year, &text, err) != KP_OK)
		return -1;
	kp_diag d = {0};
	int rc = catalog_use_schedule(&e->cat, year, text, &d);
	if (rc != 0) {
		char *why = diag_format(&d, 0);
		*err = xasprintf(msg(MSG_Y_SCHEDULE), year, why);
		free(why);
	} else if (store_set_year(e->store, year, err) != KP_OK) {
		rc = -1;
	}
	diag_free(&d);
	free(text);
	return rc;
}

int env_parse_year(kp_env *e, const char *text, int *year, char **err)
{
	char *end = NULL;
	long v = text ? strtol(text, &end, 10) : 0;
	if (!text || !*text || *end || end - text != 4) {
		*err = xasprintf(msg(MSG_Y_NOT_NUMBER), text ? text : "");
		return -1;
	}
	if (v < KP_YEAR_MIN || v > KP_YEAR_MAX) {
		*err = xasprintf(msg(MSG_Y_BOUNDS), (int)v, KP_YEAR_MIN, KP_YEAR_MAX);
		return -1;
	}
	(void)e;
	*year = (int)v;
	return 0;
}

int env_open_year(kp_env *e, int year, int from, char **err)
{
	/* What a new year starts from: the per-unit forms seeded from
	 * data/units.yaml (附表1's quotas); the others (年度工作计划) start
	 * empty, as a unit writes its own each year. */
	kp_units units;
	kp_diag d = {0};
	if (units_load(&units, &d) != 0) {
		*err = diag_format(&d, 0);
		diag_free(&d);
		return -1;
	}
	const kp_form **copy = xcalloc(e->cat.nforms + 1, sizeof *copy);
	size_t n = 0;
	for (size_t i = 0; i < e->cat.nforms; i++)
		if (seeded_from_units(e->cat.forms[i], &units))
			copy[n++] = e->cat.forms[i];
	units_free(&units);
	int rc = store_year_open(e->store, year, from, e->cat.schedule_text, copy, n, err);
	free(copy);
	return rc == KP_OK ? 0 : -1;
}

/* Installed setgid, only kepu's data group can open the database, its
 * -wal and -shm files, and create or remove them in their directory. SQLite
 * opens the last two on the first read, within open_db; they stay open
 * with the connection, so the rest of a session runs as the caller (and so
 * do SQLite's temporary files, made later). */
int env_open_db(kp_env *e, const char *db, bool create, char **err)
{
	if (priv_raise() != 0) {
		*err = xasprintf(msg(MSG_C_PRIV_RAISE), db);
		return -1;
	}
	int rc = open_db(e, db, create, err);
	priv_drop();
	return rc;
}

bool env_db_exists(const char *db)
{
	struct stat st;
	bool yes = priv_raise() == 0 && stat(db, &st) == 0;
	priv_drop();
	return yes;
}

void env_close(kp_env *e)
{
	/* The last session out checkpoints and removes the -wal and -shm
	 * files: as the data group (without it they merely stay). */
	(void)priv_raise();
	store_close(e->store);
	priv_drop();
	free(e->db);
	catalog_free(&e->cat);
	memset(e, 0, sizeof *e);
}
