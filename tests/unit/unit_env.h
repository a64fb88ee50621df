/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Shared by the unit tests of the layers above the store: a fresh database
 * file with the shipped definitions, opened, and removed afterwards. */
#ifndef KP_UNIT_ENV_H
#define KP_UNIT_ENV_H
#include "unit.h"

#include <sqlite3.h>
#include <stdarg.h>

#include "domain/auth.h"
#include "domain/checklist.h"
#include "domain/env.h"

typedef struct {
	kp_env env;
	char *path;
} fixture;

static inline int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	kp_diag d = {0};
	fx->path = unit_tmp_db();
	char *err = NULL;
	if (env_load_definitions(&fx->env, NULL, NULL, &d) || env_open_db(&fx->env, fx->path, true, &err)) {
		diag_print(&d, stderr);
		fprintf(stderr, "%s\n", err ? err : "");
		return -1;
	}
	diag_free(&d);
	*state = fx;
	return 0;
}

/* For tests of the store's own mechanics (paging, counts, numbering) that
 * write records built by hand (第1号, 甲): the store stops checking the
 * forms' rules on what is written (test_store: the check itself). */
static inline int setup_unchecked(void **state)
{
	if (setup(state))
		return -1;
	store_set_catalog(((fixture *)*state)->env.store, NULL);
	return 0;
}

static inline int teardown(void **state)
{
	fixture *fx = *state;
	env_close(&fx->env);
	unit_rm_db(fx->path);
	free(fx);
	return 0;
}

/* A fresh database signed in as the city's admin (a screen's model
 * stories, as after the login screen). NULL when it cannot be set up. */
static inline fixture *setup_city(void)
{
	void *fx;
	char *err = NULL;
	if (setup(&fx))
		return NULL;
	if (store_session(((fixture *)fx)->env.store, SESSION_CITY, "admin", 0, &err) != KP_OK) {
		fprintf(stderr, "%s\n", err ? err : "");
		free(err);
		teardown(&fx);
		return NULL;
	}
	return fx;
}

/* The session becomes the account "wd" of unit (a screen's story as a
 * unit's clerk would see it); returns the unit's id. */
static inline long long sign_in_unit(fixture *fx, const char *unit)
{
	char *err = NULL;
	long long id = store_unit_id(fx->env.store, unit);
	if (store_session(fx->env.store, SESSION_UNIT, "wd", id, &err) != KP_OK)
		fail_msg("%s", err ? err : unit);
	return id;
}

/* The form showed record id of f in full to the session of s, at its
 * version now: what the city may approve (store_view). */
static inline void city_views(kp_store *s, const kp_form *f, long long id)
{
	kp_record r;
	if (store_view(s, f, id, &r, NULL) != KP_OK)
		fail_msg("no record %lld", id);
	record_free(&r);
}

/* A screen's story: a struct of size bytes whose first member is its
 * fixture *, set to setup_city()'s database. NULL when it cannot be set up. */
static inline void *story_new(size_t size)
{
	fixture *fx = setup_city();
	if (!fx)
		return NULL;
	fixture **s = calloc(1, size);
	*s = fx;
	return s;
}

/* Frees a story_new() story and its database. */
static inline int story_free(void *story)
{
	void *fx = *(fixture **)story;
	free(story);
	return teardown(&fx);
}

/* The database at fx->path opened again with the shipped definitions, as
 * kepu does at start-up (after a test made it look older). */
static inline void reopen(fixture *fx)
{
	kp_diag d = {0};
	char *err = NULL;
	if (env_load_definitions(&fx->env, NULL, NULL, &d) || env_open_db(&fx->env, fx->path, false, &err))
		fail_msg("%s", err ? err : "definitions");
	diag_free(&d);
}

/* The first column of the first row of sql on the database at path, read
 * with a connection of its own (as the sqlite3 shell would); -1 if none. */
static inline long long sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	sqlite3_open(path, &db);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* Run sql on the database at path with a connection of its own (as the
 * sqlite3 shell would: behind kepu's back). */
static inline void sql_run(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;
	sqlite3_open(path, &db);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

/* Save a record of form for unit, stored as is (no validation): the
 * field=value pairs after unit, ending with NULL. Returns its number. */
static inline long long save_record(fixture *fx, const char *form, const char *unit, ...)
{
	const kp_form *f = catalog_form(&fx->env.cat, form);
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, unit);
	va_list ap;
	va_start(ap, unit);
	for (const char *id; (id = va_arg(ap, const char *));)
		record_set(&r, (size_t)form_field_index(f, id), va_arg(ap, const char *));
	va_end(ap);
	char *err = NULL;
	store_set_catalog(fx->env.store, NULL); /* as is: a test's data, not a clerk's */
	int rc = store_insert(fx->env.store, f, &r, &err);
	store_set_catalog(fx->env.store, &fx->env.cat);
	if (rc != KP_OK)
		fail_msg("%s", err);
	long long id = r.id;
	record_free(&r);
	return id;
}

/* A whole 附表2 person of 许昌学院 that passes the form's rules; returns
 * its number. */
static inline long long save_person(fixture *fx, const char *name, const char *phone)
{
	return save_record(fx, "talent", "许昌学院", "name", name, "gender", "男", "age", "45", "ethnicity", "汉族",
			   "political", "中共党员", "education", "大学本科", "employer", "许昌学院农学院", "phone", phone,
			   "service_categories", "[\"青少年科普\"]", NULL);
}

/* An account of role (of unit, NULL for the city); returns its initial
 * password (the caller frees), or NULL after saying why on stderr. */
static inline char *add_account(fixture *fx, const char *name, kp_user_role role, const char *unit)
{
	char *password = NULL, *err = NULL;
	long long id = unit ? store_unit_id(fx->env.store, unit) : 0;
	if (auth_add_user(&fx->env, name, role, id, &password, &err) != 0) {
		fprintf(stderr, "%s\n", err ? err : name);
		free(err);
	}
	return password;
}

/* The checklist's item stored under key ("submit", "monthly:2016-07"). */
static inline const kp_check_item *checklist_item(const kp_checklist *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->items[i].key, key))
			return &c->items[i];
	fail_msg("no item %s", key);
	return NULL;
}

#endif
