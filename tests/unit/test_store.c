/* SPDX-License-Identifier: MulanPSL-2.0 */
/* store/ and domain/transfer: schema from YAML, records with versions,
 * keyset pages, all-or-nothing imports, exports. */
#include "unit_env.h"

#include <pthread.h>
#include <sqlite3.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/env.h"
#include "domain/totals.h"
#include "domain/transfer.h"
#include "form/catalog.h"


/* One value from the database by plain SQL, as a new string. */
static char *sql1(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_stmt *st;
	char *r = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		r = strdup(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return r ? r : strdup("(none)");
}

static void assert_sql(const char *path, const char *sql, const char *want)
{
	char *got = sql1(path, sql);
	if (strcmp(got, want) != 0)
		fail_msg("%s → “%s”, want “%s”", sql, got, want);
	free(got);
}

static kp_form *load_form(fixture *fx, const char *text)
{
	kp_diag d = {0};
	kp_form *f = form_load(&fx->env.cat, "t.yaml", text, strlen(text), &d);
	diag_print(&d, stderr);
	diag_free(&d);
	assert_non_null(f);
	return f;
}

static void test_open_settings(void **state)
{
	fixture *fx = *state;
	assert_sql(fx->path, "PRAGMA journal_mode", "wal");
	assert_true(store_is_initialised(fx->env.store));
}

static void test_units_and_quotas_match_attachment_1(void **state)
{
	fixture *fx = *state;
	assert_sql(fx->path, "SELECT count(*) FROM units", "19");
	assert_sql(fx->path, "SELECT count(*) FROM quota", "19");
	assert_sql(fx->path,
		   "SELECT sum(talent)||'/'||sum(activity)||'/'||sum(resource)||'/'||sum(project) FROM quota",
		   "1170/134/119/37");
	assert_sql(fx->path, "SELECT name FROM units WHERE seq = 18", "心理咨询师协会");
	assert_sql(fx->path, "SELECT q.project FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 18",
		   "1");
	assert_sql(fx->path, "SELECT q.talent FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 15",
		   "80");
	kp_unit *u;
	size_t n = store_units(fx->env.store, &u);
	assert_int_equal(n, 19);
	assert_string_equal(u[0].name, "魏都区");
	assert_string_equal(u[18].name, "中小企业家协会");
	unit_list_free(u, n);
	/* Opening the database again keeps what the city changed, and a unit
	 * never gets a second quota record. */
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	sqlite3_exec(db, "UPDATE quota SET talent = 120 WHERE unit_id = (SELECT id FROM units WHERE seq = 1)",
		     NULL, NULL, NULL);
	char *msg = NULL;
	int rc = sqlite3_exec(db, "INSERT INTO quota (unit_id, created_at, updated_at) SELECT unit_id, 'x', 'x'"
			      " FROM quota LIMIT 1", NULL, NULL, &msg);
	assert_int_not_equal(rc, SQLITE_OK);
	sqlite3_free(msg);
	sqlite3_close(db);
	kp_env again;
	kp_diag d = {0};
	char *err = NULL;
	assert_int_equal(env_load_definitions(&again, NULL, NULL, &d), 0);
	assert_int_equal(env_open_db(&again, fx->path, false, &err), 0);
	env_close(&again);
	assert_sql(fx->path, "SELECT q.talent FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = 1",
		   "120");
	assert_sql(fx->path, "SELECT count(*) FROM quota", "19");
	assert_true(store_unit_id(fx->env.store, "许昌学院") > 0);
	assert_int_equal(store_unit_id(fx->env.store, "火星"), 0);
}

static void test_schema_from_yaml_and_columns_added(void **state)
{
	fixture *fx = *state;
	assert_sql(fx->path, "SELECT type FROM pragma_table_info('talent') WHERE name = 'age'",
		   "INTEGER");
	assert_sql(fx->path, "SELECT type FROM pragma_table_info('talent') WHERE name = 'name'", "TEXT");
	/* id, unit_id, version, created_at, updated_at, kp_year, the review's
	 * kp_state and kp_reason, kp_seal, kp_entered (a move's), and the 19 fields */
	assert_sql(fx->path, "SELECT count(*) FROM pragma_table_info('talent')", "29");

	kp_form *v1 = load_form(fx, "id: s\ntitle: S\ntable: survey\nfields:\n"
				    "  - {id: a, label: 甲, type: text}\n  - {id: b, label: 乙, type: integer}\n");
	char *err = NULL;
	assert_int_equal(store_ensure_form(fx->env.store, v1, &err), KP_OK);
	kp_record r;
	record_init(&r, 2);
	r.unit_id = store_unit_id(fx->env.store, "魏都区");
	record_set(&r, 0, "第一版");
	record_set(&r, 1, "7");
	assert_int_equal(store_insert(fx->env.store, v1, &r, &err), KP_OK);
	record_free(&r);

	/* A field added to the YAML adds a column; one removed drops nothing. */
	kp_form *v2 = load_form(fx, "id: s\ntitle: S\ntable: survey\nfields:\n"
				    "  - {id: a, label: 甲, type: text}\n  - {id: c, label: 丙, type: date}\n");
	assert_int_equal(store_ensure_form(fx->env.store, v2, &err), KP_OK);
	assert_sql(fx->path, "SELECT count(*) FROM pragma_table_info('survey') WHERE name IN ('a','b','c')",
		   "3");
	assert_sql(fx->path, "SELECT a || '/' || b || '/' || ifnull(c, 'null') FROM survey", "第一版/7/null");
	record_init(&r, 2);
	r.unit_id = store_unit_id(fx->env.store, "魏都区");
	record_set(&r, 0, "第二版");
	record_set(&r, 1, "2016-07-15");
	assert_int_equal(store_insert(fx->env.store, v2, &r, &err), KP_OK);
	record_free(&r);
	assert_sql(fx->path, "SELECT count(*) FROM survey", "2");
	assert_sql(fx->path, "SELECT c FROM survey WHERE a = '第二版'", "2016-07-15");
	/* The new field is searchable at once: the search table was rebuilt. */
	kp_query q = {-1, false, "07-15", 0, NULL, false};
	assert_int_equal(store_query_count(fx->env.store, v2, &q), 1);
	q.filter = "第一版";
	assert_int_equal(store_query_count(fx->env.store, v2, &q), 1);
	q.filter = NULL;
	assert_int_equal(store_query_count(fx->env.store, v2, &q), 2);
	form_free(v1);
	form_free(v2);
}

static kp_record talent_record(fixture *fx, const char *name)
{
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, "许昌学院");
	record_set(&r, (size_t)form_field_index(f, "name"), name);
	record_set(&r, (size_t)form_field_index(f, "age"), "40");
	record_set(&r, (size_t)form_field_index(f, "service_categories"), "[\"其他\"]");
	return r;
}

/* The store checks what is written against the form's rules, whoever
 * writes it: a name that is no name, a phone that is no phone, refused
 * with the field named; the same record made valid is stored. */
static void test_store_refuses_invalid_values(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	char *err = NULL;
	kp_record r = talent_record(fx, "x1");
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_ERR);
	assert_non_null(strstr(err, "姓名："));
	free(err), err = NULL;
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 0);
	record_set(&r, (size_t)form_field_index(f, "name"), "张三");
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK); /* positive control */
	record_set(&r, (size_t)form_field_index(f, "phone"), "12345");
	assert_int_equal(store_update(fx->env.store, f, &r, &err), KP_ERR);
	assert_non_null(strstr(err, "联系电话："));
	free(err), err = NULL;
	record_set(&r, (size_t)form_field_index(f, "phone"), "13812345678");
	assert_int_equal(store_update(fx->env.store, f, &r, &err), KP_OK);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE phone = '13812345678'"), 1);
	record_free(&r);
}

/* One account's drafts of new records, one per sitting: a second never
 * writes over the first; a draft deleted while its sitting still types
 * comes back with its next write. Before schema 4 the key was (owner,
 * form, record) and the second replaced the first. */
static kp_draft draft_of(const char *name)
{
	kp_draft d = {.npairs = 1};
	d.pairs = xcalloc(2, sizeof *d.pairs);
	d.pairs[0] = xstrdup("name");
	d.pairs[1] = xstrdup(name);
	return d;
}

static void test_drafts_per_sitting(void **state)
{
	fixture *fx = *state;
	kp_store *s = fx->env.store;
	kp_draft a = draft_of("甲员工"), b = draft_of("乙员工");
	assert_int_equal(store_draft_save(s, "admin", "talent", &a, NULL), KP_OK);
	assert_int_equal(store_draft_save(s, "admin", "talent", &b, NULL), KP_OK);
	assert_true(a.id > 0 && b.id > 0 && a.id != b.id);
	assert_int_equal(store_draft_save(s, "admin", "talent", &a, NULL), KP_OK); /* again: still its own */
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_drafts WHERE record_id = 0"), 2);
	kp_draft *d;
	size_t n = store_drafts_of(s, "admin", 10, &d);
	assert_int_equal(n, 2);
	assert_string_equal(d[0].form, "talent");
	assert_non_null(d[0].created_at);
	drafts_free(d, n);
	assert_int_equal(store_draft_delete(s, "admin", b.id), KP_OK);
	assert_int_equal(store_drafts_of(s, "admin", 10, &d), 1);
	drafts_free(d, 1);
	assert_int_equal(store_draft_save(s, "admin", "talent", &b, NULL), KP_OK);
	kp_draft got;
	assert_int_equal(store_draft_get(s, "admin", b.id, &got), KP_OK);
	assert_string_equal(got.pairs[1], "乙员工");
	draft_free(&got);
	/* An id is not a way into another form's draft. */
	assert_int_equal(store_draft_save(s, "admin", "activity", &b, NULL), KP_ERR);
	draft_free(&a);
	draft_free(&b);
}

/* A schema-3 database's drafts (one per owner, form and record) each
 * become a draft of their own. */
static void test_drafts_from_schema_3(void **state)
{
	fixture *fx = *state;
	env_close(&fx->env);
	sql_run(fx->path, "DROP TABLE kp_drafts; CREATE TABLE kp_drafts (owner TEXT NOT NULL, form TEXT NOT NULL,"
			  " record_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, base_version INTEGER NOT NULL,"
			  " data TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (owner, form, record_id));"
			  "INSERT INTO kp_drafts VALUES ('admin', 'talent', 0, 1, 0, '[\"name\",\"甲员工\"]', '2016-08-01 09:00:00'),"
			  " ('admin', 'talent', 3, 1, 2, '[\"name\",\"乙员工\"]', '2016-08-02 09:00:00');"
			  "PRAGMA user_version = 3");
	reopen(fx);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), 12);
	kp_draft *d;
	size_t n = store_drafts_of(fx->env.store, "admin", 10, &d);
	assert_int_equal(n, 2);
	assert_int_equal(d[0].record_id, 3); /* newest first */
	assert_string_equal(d[0].pairs[1], "乙员工");
	assert_string_equal(d[1].created_at, "2016-08-01 09:00:00");
	assert_string_equal(d[1].pairs[1], "甲员工");
	drafts_free(d, n);
	kp_draft b = draft_of("丙员工");
	assert_int_equal(store_draft_save(fx->env.store, "admin", "talent", &b, NULL), KP_OK);
	assert_int_equal(b.id, 3);
	draft_free(&b);
}

static void test_insert_get_update_conflict_delete(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	char *err = NULL;
	kp_record r = talent_record(fx, "张三");
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	assert_true(r.id > 0);
	assert_int_equal(r.version, 1);

	kp_record a, b;
	assert_int_equal(store_get(fx->env.store, f, r.id, &a, &err), KP_OK);
	assert_int_equal(store_get(fx->env.store, f, r.id, &b, &err), KP_OK);
	assert_string_equal(a.vals[0], "张三");
	assert_string_equal(a.unit_name, "许昌学院");
	assert_string_equal(a.vals[form_field_index(f, "email")], ""); /* NULL reads as "" */
	assert_non_null(a.created_at);

	record_set(&a, 0, "张三丰");
	assert_int_equal(store_update(fx->env.store, f, &a, &err), KP_OK);
	assert_int_equal(a.version, 2);
	/* b still holds version 1: its save is refused and changes nothing */
	record_set(&b, 0, "李四");
	assert_int_equal(store_update(fx->env.store, f, &b, &err), KP_ECONFLICT);
	assert_non_null(strstr(err, "已被其他人修改"));
	free(err);
	err = NULL;
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT name || version FROM talent WHERE id = %lld", r.id);
	assert_sql(fx->path, sql, "张三丰2");

	assert_int_equal(store_delete(fx->env.store, f, r.id, &err), KP_OK);
	assert_int_equal(store_delete(fx->env.store, f, r.id, &err), KP_ENOTFOUND);
	free(err);
	err = NULL;
	kp_record gone;
	assert_int_equal(store_get(fx->env.store, f, r.id, &gone, &err), KP_ENOTFOUND);
	free(err);
	record_free(&r);
	record_free(&a);
	record_free(&b);
}

/* Every store function takes a NULL err (the message is dropped, the code
 * still tells): called so, each with the case that sets a message. The
 * first is what crashed the attachments screen: a record another session
 * deleted, read again. */
static void test_null_err_everywhere(void **state)
{
	fixture *fx = *state;
	kp_store *s = fx->env.store;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	const kp_form *activity = catalog_form(&fx->env.cat, "activity");
	kp_record r = talent_record(fx, "王五");
	assert_int_equal(store_insert(s, talent, &r, NULL), KP_OK);
	kp_record gone;
	assert_int_equal(store_get(s, talent, r.id, &gone, NULL), KP_OK); /* positive control */
	record_free(&gone);

	/* Another session (its own connection) deletes it. */
	kp_env other = {0};
	kp_diag d = {0};
	char *err = NULL;
	assert_int_equal(env_load_definitions(&other, NULL, NULL, &d), 0);
	assert_int_equal(env_open_db(&other, fx->path, false, &err), 0);
	assert_int_equal(store_delete(other.store, catalog_form(&other.cat, "talent"), r.id, NULL), KP_OK);
	env_close(&other);
	diag_free(&d);

	assert_int_equal(store_get(s, talent, r.id, &gone, NULL), KP_ENOTFOUND);
	assert_int_not_equal(store_update(s, talent, &r, NULL), KP_OK);
	assert_int_equal(store_delete(s, talent, r.id, NULL), KP_ENOTFOUND);
	assert_int_not_equal(store_set_state(s, talent, r.id, "draft", "submitted", NULL, "submit", NULL), KP_OK);
	kp_new_attachment na = {.name = "a.pdf", .type = "pdf", .in = stdin, .size = 1};
	long long aid = 0;
	assert_int_not_equal(store_attach(s, activity, 999, &na, &aid, NULL), KP_OK);
	kp_attachment a;
	assert_int_equal(store_attachment_find(s, activity, 999, &a, NULL), KP_ENOTFOUND);
	assert_int_not_equal(store_attachment_copy(s, activity, 999, stdout, NULL), KP_OK);
	assert_int_not_equal(store_detach(s, activity, 999, NULL), KP_OK);

	char *schedule = NULL;
	assert_int_not_equal(store_year_schedule(s, 1999, &schedule, NULL), KP_OK);
	assert_int_not_equal(store_set_year(s, 1999, NULL), KP_OK);
	assert_int_not_equal(store_year_open(s, 1999, 2016, NULL, NULL, 0, NULL), KP_OK);
	assert_int_equal(store_user_add(s, "clerk", USER_CITY, 0, "x", NULL), KP_OK);
	assert_int_not_equal(store_user_add(s, "clerk", USER_CITY, 0, "x", NULL), KP_OK);
	assert_int_not_equal(store_user_disable(s, "nobody", NULL), KP_OK);
	assert_int_not_equal(store_user_set_hash(s, "nobody", "x", false, NULL), KP_OK);
	assert_int_not_equal(store_backup(s, "/nonexistent/dir/copy.db", NULL), KP_OK);
	kp_store *none = NULL;
	assert_int_not_equal(store_open("/nonexistent/dir/x.db", &none, NULL), KP_OK);
	assert_int_equal(store_quick_check(s, NULL), KP_OK);

	/* Signed out: every read finds nothing, every write is refused. */
	long long mine = store_unit_id(s, "许昌学院");
	kp_record theirs = talent_record(fx, "赵六");
	assert_int_equal(store_session(s, SESSION_NONE, NULL, 0, NULL), KP_OK);
	assert_int_not_equal(store_get(s, talent, 1, &gone, NULL), KP_OK);
	assert_int_not_equal(store_insert(s, talent, &theirs, NULL), KP_OK);
	/* A unit's session: another unit's record, a wider session, another's draft. */
	assert_int_equal(store_session(s, SESSION_UNIT, "clerk", store_unit_id(s, "魏都区"), NULL), KP_OK);
	assert_int_not_equal(store_insert(s, talent, &theirs, NULL), KP_OK);
	assert_int_not_equal(store_session(s, SESSION_CITY, "clerk", 0, NULL), KP_OK);
	kp_draft dr = {.unit_id = mine};
	assert_int_not_equal(store_draft_save(s, "someone-else", "talent", &dr, NULL), KP_OK);
	assert_int_not_equal(store_tick_set(s, "submit", mine, "clerk", true, NULL), KP_OK);
	record_free(&theirs);
	record_free(&r);
}

static void test_keyset_pages(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record rs[25];
	for (int i = 0; i < 25; i++) {
		char name[32];
		snprintf(name, sizeof name, "第%d号", i + 1);
		rs[i] = talent_record(fx, name);
	}
	char *err = NULL;
	assert_int_equal(store_insert_many(fx->env.store, f, rs, 25, &err), KP_OK);
	long long first = rs[0].id;
	kp_record *p;
	kp_query q = {-1, false, NULL, 0, NULL, false};
	size_t n = store_query_page(fx->env.store, f, &q, NULL, false, 10, &p);
	assert_int_equal(n, 10);
	assert_int_equal(p[0].id, first);
	long long last_of_page = p[9].id;
	records_free(p, n);
	kp_anchor a = {NULL, last_of_page};
	n = store_query_page(fx->env.store, f, &q, &a, false, 10, &p);
	assert_int_equal(p[0].id, last_of_page + 1);
	records_free(p, n);
	n = store_query_page(fx->env.store, f, &q, NULL, true, 10, &p); /* the last page, in order */
	assert_int_equal(n, 10);
	assert_int_equal(p[9].id, rs[24].id);
	assert_true(p[0].id < p[9].id);
	records_free(p, n);
	a.id = first + 3;
	n = store_query_page(fx->env.store, f, &q, &a, true, 10, &p); /* fewer before */
	assert_int_equal(n, 3);
	assert_int_equal(p[0].id, first);
	records_free(p, n);
	assert_int_equal(store_count(fx->env.store, f), 25);
	for (int i = 0; i < 25; i++)
		record_free(&rs[i]);
}

/* Walk a whole query forward page by page, then backward, and check both
 * give every matching record once, in order. */
static void walk(fixture *fx, const kp_form *f, const kp_query *q, long long *ids, size_t *n)
{
	kp_record *p, *prev = NULL;
	size_t k = 0, got;
	kp_anchor a;
	do {
		if (prev)
			a = (kp_anchor){q->sort >= 0 ? prev->vals[q->sort] : NULL, prev->id};
		got = store_query_page(fx->env.store, f, q, prev ? &a : NULL, false, 4, &p);
		for (size_t i = 0; i < got; i++)
			ids[k++] = p[i].id;
		if (prev)
			record_free(prev);
		free(prev);
		prev = NULL;
		if (got) {
			prev = malloc(sizeof *prev);
			*prev = p[got - 1];
			p[got - 1] = (kp_record){0};
		}
		records_free(p, got);
	} while (got == 4);
	if (prev)
		record_free(prev);
	free(prev);
	*n = k;
	/* backward from the end gives the same sequence */
	size_t back = k;
	prev = NULL;
	do {
		if (prev)
			a = (kp_anchor){q->sort >= 0 ? prev->vals[q->sort] : NULL, prev->id};
		got = store_query_page(fx->env.store, f, q, prev ? &a : NULL, true, 4, &p);
		for (size_t i = got; i-- > 0;)
			assert_int_equal(p[i].id, ids[--back]);
		if (prev)
			record_free(prev);
		free(prev);
		prev = NULL;
		if (got) {
			prev = malloc(sizeof *prev);
			*prev = p[0];
			p[0] = (kp_record){0};
		}
		records_free(p, got);
	} while (got == 4);
	if (prev)
		record_free(prev);
	free(prev);
	assert_int_equal(back, 0);
}

static void test_query_sort_filter_unit(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	const char *names[] = {"丙", "甲", "乙", "甲", "丁", "甲乙", "", "乙丙"};
	const char *ages[] = {"30", "25", "", "40", "25", "99", "18", "50"};
	kp_record rs[8];
	for (int i = 0; i < 8; i++) {
		rs[i] = talent_record(fx, names[i]);
		record_set(&rs[i], (size_t)form_field_index(f, "age"), ages[i]);
		if (i >= 6)
			rs[i].unit_id = store_unit_id(fx->env.store, "魏都区");
	}
	char *err = NULL;
	assert_int_equal(store_insert_many(fx->env.store, f, rs, 8, &err), KP_OK);
	long long ids[16];
	size_t n;
	int name = form_field_index(f, "name"), age = form_field_index(f, "age");

	kp_query q = {name, false, NULL, 0, NULL, false}; /* by name, then id: "" 丁 丙 乙 乙丙 甲 甲 甲乙 */
	walk(fx, f, &q, ids, &n);
	assert_int_equal(n, 8);
	long long want[] = {rs[6].id, rs[4].id, rs[0].id, rs[2].id, rs[7].id, rs[1].id, rs[3].id, rs[5].id};
	assert_memory_equal(ids, want, sizeof want);

	q.descending = true;
	walk(fx, f, &q, ids, &n);
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(ids[i], want[7 - i]);

	q = (kp_query){age, false, NULL, 0, NULL, false}; /* integers numerically, empty first */
	walk(fx, f, &q, ids, &n);
	long long by_age[] = {rs[2].id, rs[6].id, rs[1].id, rs[4].id, rs[0].id, rs[3].id, rs[7].id, rs[5].id};
	assert_memory_equal(ids, by_age, sizeof by_age);

	q = (kp_query){-1, false, "乙", 0, NULL, false}; /* 乙 anywhere in a text field */
	walk(fx, f, &q, ids, &n);
	assert_int_equal(n, 3);
	assert_int_equal(store_query_count(fx->env.store, f, &q), 3);

	q = (kp_query){name, true, "甲", store_unit_id(fx->env.store, "许昌学院"), NULL, false};
	walk(fx, f, &q, ids, &n);
	long long jia[] = {rs[5].id, rs[3].id, rs[1].id};
	assert_memory_equal(ids, jia, sizeof jia);
	q.unit_id = store_unit_id(fx->env.store, "魏都区");
	assert_int_equal(store_query_count(fx->env.store, f, &q), 0);
	for (int i = 0; i < 8; i++)
		record_free(&rs[i]);
}

static void test_counts_and_search_follow_every_write(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record rs[3] = {talent_record(fx, "甲"), talent_record(fx, "乙"), talent_record(fx, "丙")};
	char *err = NULL;
	assert_int_equal(store_insert_many(fx->env.store, f, rs, 3, &err), KP_OK);
	long long xc = store_unit_id(fx->env.store, "许昌学院"), wd = store_unit_id(fx->env.store, "魏都区");
	kp_query all = {-1, false, NULL, 0, NULL, false}, unit = {-1, false, NULL, xc, NULL, false};
	assert_int_equal(store_query_count(fx->env.store, f, &all), 3);
	assert_int_equal(store_query_count(fx->env.store, f, &unit), 3);
	unit.unit_id = wd;
	assert_int_equal(store_query_count(fx->env.store, f, &unit), 0);
	/* one renamed, one submitted, one deleted: the counts (per unit and
	 * state) and the filter follow each write */
	record_set(&rs[0], (size_t)form_field_index(f, "name"), "丁");
	assert_int_equal(store_update(fx->env.store, f, &rs[0], &err), KP_OK);
	kp_query find = {-1, false, "丁", 0, NULL, false};
	assert_int_equal(store_query_count(fx->env.store, f, &find), 1);
	find.filter = "甲";
	assert_int_equal(store_query_count(fx->env.store, f, &find), 0);
	find.filter = "丁[";  /* the end of 姓名 and the start of 服务类别: no match across fields */
	assert_int_equal(store_query_count(fx->env.store, f, &find), 0);
	find.filter = "[\"其"; /* within one field, anywhere */
	assert_int_equal(store_query_count(fx->env.store, f, &find), 3);
	assert_int_equal(store_set_state(fx->env.store, f, rs[0].id, "draft", "submitted", NULL, "submit",
					 &err), KP_OK);
	kp_query waiting = {-1, false, NULL, xc, "submitted", false}, drafts = {-1, false, NULL, xc, "draft", false};
	assert_int_equal(store_query_count(fx->env.store, f, &waiting), 1);
	assert_int_equal(store_query_count(fx->env.store, f, &drafts), 2);
	assert_int_equal(store_delete(fx->env.store, f, rs[1].id, &err), KP_OK);
	assert_int_equal(store_query_count(fx->env.store, f, &all), 2);
	assert_int_equal(store_query_count(fx->env.store, f, &drafts), 1);
	find.filter = "乙";
	assert_int_equal(store_query_count(fx->env.store, f, &find), 0);
	/* a long text is searched too (the filter's hint says every text
	 * field), from the write that gives it */
	find.filter = "长期从事";
	assert_int_equal(store_query_count(fx->env.store, f, &find), 0);
	record_set(&rs[2], (size_t)form_field_index(f, "profile"), "长期从事科普");
	assert_int_equal(store_update(fx->env.store, f, &rs[2], &err), KP_OK);
	assert_int_equal(store_query_count(fx->env.store, f, &find), 1);
	assert_sql(fx->path, "SELECT sum(n) FROM kp_counts WHERE tbl = 'talent'", "2");
	/* a rolled-back import leaves the counts as they were */
	kp_record more = talent_record(fx, "戊");
	kp_batch *b = store_batch_begin(fx->env.store, f, "more.csv", &err);
	assert_non_null(b);
	assert_int_equal(store_batch_add(b, &more, &err), KP_OK);
	assert_int_equal(store_batch_end(b, false, &err), KP_OK);
	assert_sql(fx->path, "SELECT sum(n) FROM kp_counts WHERE tbl = 'talent'", "2");
	for (int i = 0; i < 3; i++)
		record_free(&rs[i]);
	record_free(&more);
}

/* A database of an older kepu, whose triggers kept the counts and a search
 * table: opened again, they go and the counts are made anew. */
static void test_counts_of_an_older_database(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record r = talent_record(fx, "甲");
	char *err = NULL;
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE kp_find_talent (id INTEGER PRIMARY KEY, unit_id INTEGER,"
				      " text TEXT); CREATE TRIGGER talent_kp_ai AFTER INSERT ON talent BEGIN"
				      " INSERT INTO kp_find_talent VALUES (NEW.id, NEW.unit_id, ''); END;"
				      " UPDATE kp_counts SET n = 99 WHERE tbl = 'talent';"
				      " DELETE FROM kp_counted WHERE tbl = 'talent'", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	env_close(&fx->env);
	assert_int_equal(env_load_definitions(&fx->env, NULL, NULL, &(kp_diag){0}), 0);
	assert_int_equal(env_open_db(&fx->env, fx->path, false, &err), 0);
	assert_sql(fx->path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('talent_kp_ai', 'kp_find_talent')", "0");
	assert_sql(fx->path, "SELECT sum(n) FROM kp_counts WHERE tbl = 'talent'", "1");
	record_free(&r);
}

static int add_total(const kp_record *r, void *ctx)
{
	void **c = ctx;
	totals_add(c[0], c[1], r);
	return 0;
}

static void test_totals_row(void **state)
{
	fixture *fx = *state;
	const kp_form *q = catalog_form(&fx->env.cat, "quota");
	kp_totals t;
	totals_init(&t, q);
	void *ctx[2] = {&t, (void *)q};
	char *err = NULL;
	assert_int_equal(store_each(fx->env.store, q, 0, NULL, add_total, ctx, &err), KP_OK);
	const char *want[] = {"1170", "134", "119", "37"};
	for (size_t i = 0; i < 4; i++) {
		char *v = totals_text(&t, q, i);
		assert_string_equal(v, want[i]);
		free(v);
	}
	totals_free(&t);
	/* The row follows an edit, and the export ends with it. */
	kp_record r;
	assert_int_equal(store_get(fx->env.store, q, store_unit_record(fx->env.store, q,
				   store_unit_id(fx->env.store, "质量学会")), &r, &err), KP_OK);
	record_set(&r, 0, "25");
	assert_int_equal(store_update(fx->env.store, q, &r, &err), KP_OK);
	record_free(&r);
	char *buf;
	size_t len;
	FILE *out = open_memstream(&buf, &len);
	assert_int_equal(export_csv(&fx->env, q, 0, NULL, out, &err), 0);
	fclose(out);
	assert_non_null(strstr(buf, "\r\n16,质量学会,25,2,2,2\r\n"));
	const char *last = buf + len - strlen(",合计,1175,134,119,37\r\n");
	assert_string_equal(last, ",合计,1175,134,119,37\r\n");
	free(buf);
}

static void test_insert_many_is_all_or_nothing(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record rs[3] = {talent_record(fx, "甲"), talent_record(fx, "乙"), talent_record(fx, "丙")};
	rs[2].unit_id = 9999; /* no such unit: the foreign key refuses it */
	char *err = NULL;
	assert_int_equal(store_insert_many(fx->env.store, f, rs, 3, &err), KP_ERR);
	assert_non_null(strstr(err, "FOREIGN KEY"));
	free(err);
	assert_int_equal(store_count(fx->env.store, f), 0);
	assert_int_equal(rs[0].id, 0);
	for (int i = 0; i < 3; i++)
		record_free(&rs[i]);
}

static int import_text(fixture *fx, const char *csv, const char *unit, bool dry, char **report,
		       import_stats *st)
{
	size_t len;
	FILE *rep = open_memstream(report, &len);
	FILE *in = fmemopen((void *)csv, strlen(csv), "r");
	import_options o = {.source = "test.csv", .unit = unit, .dry_run = dry};
	int rc = import_csv(&fx->env, catalog_form(&fx->env.cat, "talent"), in, &o, rep, st);
	fclose(in);
	fclose(rep);
	return rc;
}

#define GOOD_HEADER "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\r\n"
#define GOOD_ROW "张三,男,40,汉族,群众,大学本科,许昌学院,13812345678,农村科普、其他\r\n"

static void test_import_all_or_nothing(void **state)
{
	fixture *fx = *state;
	char *rep;
	import_stats st;
	const char *csv = GOOD_HEADER GOOD_ROW
		"李四,女,17,汉族,群众,大学本科,许昌学院,12345,农村科普\r\n"
		GOOD_ROW;
	assert_int_equal(import_text(fx, csv, "许昌学院", false, &rep, &st), -1);
	assert_string_equal(rep, "第3行 C列 年龄: 不能小于 18；读到「17」\n"
				 "第3行 H列 联系电话: 不是有效的电话号码（手机 11 位，固话如 0374-2965753）；读到「12345」\n");
	assert_int_equal(st.rows, 3);
	assert_int_equal(st.saved, 0);
	assert_int_equal(st.errors, 2);
	free(rep);
	assert_sql(fx->path, "SELECT count(*) FROM talent", "0");

	/* ids as headers, any order, a BOM, missing optional columns */
	const char *ok = "\xEF\xBB\xBFphone,name,gender,age,ethnicity,political,education,employer,"
			 "service_categories\n13812345678,王五,女,33,回,群众,本科,许昌学院,其他\n";
	assert_int_equal(import_text(fx, ok, "许昌学院", false, &rep, &st), 0);
	assert_string_equal(rep, "");
	assert_int_equal(st.saved, 1);
	free(rep);
	assert_sql(fx->path, "SELECT name||ethnicity||education FROM talent", "王五回族大学本科");
}

/* Progress as the writer reports it: on the calling thread, rows rising. */
typedef struct {
	pthread_t caller;
	long long last;
	int calls, other_thread, backwards;
} progress_seen;

static void note_progress(void *ctx, long long rows, long long bytes)
{
	progress_seen *p = ctx;
	(void)bytes;
	p->calls++;
	p->other_thread += !pthread_equal(p->caller, pthread_self());
	if (rows >= 0) {
		p->backwards += rows < p->last;
		p->last = rows;
	}
}

/* Thousands of rows pass from the reading thread to the writing one in
 * chunks: all saved in order, counted, audited as one import, with
 * progress; a bad row anywhere saves none. */
static void test_import_many_rows(void **state)
{
	fixture *fx = *state;
	enum { N = 2500 };
	strbuf csv = STRBUF_INIT;
	sb_adds(&csv, GOOD_HEADER);
	static const char *const digit[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
	for (int i = 0; i < N; i++) /* 张甲, 张乙, …: the row number in 天干 */
		sb_printf(&csv, "张%s%s%s%s,男,40,汉族,群众,大学本科,许昌学院,138%08d,农村科普\r\n",
			  digit[i / 1000], digit[i / 100 % 10], digit[i / 10 % 10], digit[i % 10], i);
	size_t bad_at = csv.len;
	sb_adds(&csv, "李四,女,17,汉族,群众,大学本科,许昌学院,13812345678,农村科普\r\n");
	char *rep;
	import_stats st;
	assert_int_equal(import_text(fx, sb_str(&csv), "许昌学院", false, &rep, &st), -1);
	assert_string_equal(rep, "第2502行 C列 年龄: 不能小于 18；读到「17」\n");
	assert_int_equal(st.saved, 0);
	free(rep);
	assert_sql(fx->path, "SELECT count(*) FROM talent", "0");

	csv.s[bad_at] = '\0';
	csv.len = bad_at;
	progress_seen seen = {pthread_self(), 0, 0, 0, 0};
	size_t len;
	FILE *out = open_memstream(&rep, &len);
	FILE *in = fmemopen(csv.s, csv.len, "r");
	import_options o = {.source = "张.csv", .unit = "许昌学院", .progress = note_progress, .progress_ctx = &seen};
	assert_int_equal(import_csv(&fx->env, catalog_form(&fx->env.cat, "talent"), in, &o, out, &st), 0);
	fclose(in);
	fclose(out);
	free(rep);
	assert_int_equal(st.saved, N);
	assert_true(seen.calls >= N / KP_PROGRESS_EVERY);
	assert_int_equal(seen.other_thread, 0);
	assert_int_equal(seen.backwards, 0);
	assert_sql(fx->path, "SELECT (SELECT name || phone FROM talent ORDER BY id LIMIT 1) || ' ' ||"
			     " (SELECT name || phone FROM talent ORDER BY id DESC LIMIT 1)",
		   "张甲甲甲甲13800000000 张丙戊癸癸13800002499");
	assert_sql(fx->path, "SELECT n FROM kp_counts WHERE tbl = 'talent' AND state = 'draft'", "2500");
	assert_sql(fx->path, "SELECT u.name FROM kp_audit a JOIN units u ON u.id = a.unit_id WHERE a.form = 'talent'",
		   "许昌学院");
	assert_sql(fx->path, "SELECT action || ' ' || changes FROM kp_audit WHERE form = 'talent'",
		   "import [\"条数\",\"\",\"2500\",\"编号\",\"\",\"1-2500\",\"文件\",\"\",\"张.csv\"]");
	sb_free(&csv);
}

static void test_import_units_and_headers(void **state)
{
	fixture *fx = *state;
	char *rep;
	import_stats st;
	/* an unknown column: one warning; the required ones missing: one message */
	assert_int_equal(import_text(fx, "姓名,爱好\r\n张三,游泳\r\n李四,\r\n", "许昌学院", false, &rep, &st), -1);
	assert_non_null(strstr(rep, "注意：第1行（表头）中的 爱好 不是「附表2 科普人才库推荐表」的项"));
	assert_non_null(strstr(rep, "第1行（表头）缺少必须填写的列：「性别」、「年龄」"));
	assert_null(strstr(rep, "第2行")); /* not once per row */
	free(rep);
	/* text under a column with no header: its place and what it held, no
	 * empty column name (「D列 : 」); a named column's problem keeps its name */
	assert_int_equal(import_text(fx, "姓名,性别,年龄,,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\r\n"
				     "张三,男,四十,多余,汉族,群众,大学本科,许昌学院,13812345678,其他\r\n",
				     "许昌学院", true, &rep, &st), -1);
	assert_non_null(strstr(rep, "第2行 D列: 这一列没有表头，内容无法导入：请写上表头或删去内容；读到「多余」"));
	assert_null(strstr(rep, " : "));
	assert_non_null(strstr(rep, "第2行 C列 年龄: "));
	free(rep);
	/* labels compare without spaces, brackets and punctuation; aliases */
	assert_int_equal(import_text(fx, "姓名 ,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,服务类别,职务(职称)\r\n"
				     "张三,男,40,汉族,群众,大学本科,许昌学院,13812345678,其他,教授\r\n",
				     "许昌学院", true, &rep, &st), 0);
	assert_int_equal(st.ready, 1);
	free(rep);
	assert_int_equal(import_text(fx, GOOD_HEADER GOOD_ROW, NULL, false, &rep, &st), -1);
	assert_non_null(strstr(rep, "请用 --unit（以该单位的权限）或 --for-unit（以管理员的权限）指定单位"));
	free(rep);
	assert_int_equal(import_text(fx, GOOD_HEADER GOOD_ROW, "火星", false, &rep, &st), -1);
	assert_non_null(strstr(rep, "没有名为「火星」的单位"));
	free(rep);
	const char *two = "填报单位," GOOD_HEADER "魏都区," GOOD_ROW "长葛市," GOOD_ROW;
	assert_int_equal(import_text(fx, two, "魏都区", false, &rep, &st), -1);
	assert_non_null(strstr(rep, "第3行 A列 填报单位: 不是本次导入的单位「魏都区」"));
	free(rep);
	assert_int_equal(import_text(fx, two, NULL, true, &rep, &st), 0); /* dry run */
	free(rep);
	assert_sql(fx->path, "SELECT count(*) FROM talent", "0");
	assert_int_equal(import_text(fx, two, NULL, false, &rep, &st), 0);
	/* the same 姓名 and 联系电话 under two units: the second is reported, not added */
	assert_non_null(strstr(rep, "第3行: 与本文件第 2 行（魏都区的记录）重复（姓名、联系电话相同），没有导入"));
	assert_int_equal(st.same, 0); /* another unit's: --update would not change it either */
	assert_int_equal(st.same_locked, 1);
	free(rep);
	assert_sql(fx->path, "SELECT group_concat(u.name) FROM talent t JOIN units u ON u.id = t.unit_id",
		   "魏都区");
}

static void test_export_csv(void **state)
{
	fixture *fx = *state;
	char *rep;
	import_stats st;
	assert_int_equal(import_text(fx, GOOD_HEADER GOOD_ROW, "许昌学院", false, &rep, &st), 0);
	free(rep);
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	sqlite3_exec(db, "UPDATE talent SET employer = 'x\x1b]0;t\x07y', profile = '甲\n乙'", NULL, NULL, NULL);
	sqlite3_close(db);
	char *buf;
	size_t len;
	FILE *out = open_memstream(&buf, &len);
	char *err = NULL;
	assert_int_equal(export_csv(&fx->env, catalog_form(&fx->env.cat, "talent"), 0, NULL, out, &err), 0);
	fclose(out);
	/* a BOM for Excel, then the header */
	assert_true(strncmp(buf, "\xEF\xBB\xBF填报单位,姓名,性别,年龄,",
			    strlen("\xEF\xBB\xBF填报单位,姓名,性别,年龄,")) == 0);
	assert_non_null(strstr(buf, "许昌学院,张三,男,40,汉族,群众,大学本科,,,x?]0;t?y,,13812345678,,,"
				   "农村科普、其他,\"甲\n乙\""));
	assert_null(strchr(buf, 0x1b));
	free(buf);
}

static void test_export_neutralises_formulas_and_encodes(void **state)
{
	fixture *fx = *state;
	char *rep;
	import_stats st;
	const char *csv = "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,科普专长\r\n"
			  "刘䶮,男,40,汉族,群众,大学本科,\"=HYPERLINK(\"\"http://x\"\")\",13812345678,其他,@SUM(A1)\r\n";
	assert_int_equal(import_text(fx, csv, "许昌学院", false, &rep, &st), 0);
	free(rep);
	const kp_form *t = catalog_form(&fx->env.cat, "talent");
	char *buf, *err = NULL, *report;
	size_t len, rlen;
	FILE *out = open_memstream(&buf, &len), *rp = open_memstream(&report, &rlen);
	export_options o = {"utf-8", rp, NULL, NULL, NULL};
	assert_int_equal(export_csv(&fx->env, t, 0, &o, out, &err), 0);
	fclose(out);
	fclose(rp);
	assert_non_null(strstr(buf, ",\"'=HYPERLINK(\"\"http://x\"\")\","));
	assert_non_null(strstr(buf, ",'@SUM(A1),"));
	assert_string_equal(report, "");
	/* the export imports back to the same values */
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	sqlite3_exec(db, "DELETE FROM talent", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(import_text(fx, buf, NULL, false, &rep, &st), 0);
	free(rep);
	assert_sql(fx->path, "SELECT employer || '|' || specialty FROM talent", "=HYPERLINK(\"http://x\")|@SUM(A1)");
	free(buf);
	free(report);
	/* GB18030: converted, with the characters GBK cannot show listed */
	out = open_memstream(&buf, &len);
	rp = open_memstream(&report, &rlen);
	o = (export_options){"gb18030", rp, NULL, NULL, NULL};
	assert_int_equal(export_csv(&fx->env, t, 0, &o, out, &err), 0);
	fclose(out);
	fclose(rp);
	assert_true(strncmp(buf, "\xCC\xEE", 2) == 0); /* 填 in GB18030, no BOM */
	assert_string_equal(report, "第2行 姓名: 「䶮」在 GBK（Excel 默认编码）中无法显示，已按 GB18030 写出\n");
	free(buf);
	free(report);
	o.encoding = "latin1";
	out = open_memstream(&buf, &len);
	assert_int_equal(export_csv(&fx->env, t, 0, &o, out, &err), -1);
	assert_non_null(strstr(err, "不支持的编码「latin1」"));
	free(err);
	fclose(out);
	free(buf);
}

static void test_import_decode(void **state)
{
	(void)state;
	/* 40,000 × 汉 in GB18030 (2 bytes each): chunks of 16 KiB cut inside
	 * characters at odd offsets once a 1-byte prefix shifts them */
	size_t n = 40000;
	char *gb = malloc(2 * n + 2);
	gb[0] = 'x';
	for (size_t i = 0; i < n; i++) {
		gb[1 + 2 * i] = (char)0xBA;
		gb[2 + 2 * i] = (char)0xBA;
	}
	gb[2 * n + 1] = '\n';
	FILE *in = fmemopen(gb, 2 * n + 2, "r");
	char *err = NULL;
	FILE *u = import_decode(in, NULL, &err); /* told from the bytes */
	assert_non_null(u);
	assert_ptr_not_equal(u, in);
	char *line = NULL;
	size_t cap = 0;
	ssize_t len = getline(&line, &cap, u);
	assert_int_equal(len, (ssize_t)(1 + 3 * n + 1));
	assert_memory_equal(line + 1, "汉汉汉", 9);
	assert_memory_equal(line + 1 + 3 * (n - 1), "汉\n", 4);
	free(line);
	fclose(u);
	fclose(in);
	/* UTF-8 comes back as it is */
	const char utf8[] = "姓名\n张三\n";
	in = fmemopen((void *)utf8, sizeof utf8 - 1, "r");
	assert_ptr_equal(import_decode(in, "auto", &err), in);
	fclose(in);
	/* a file that is neither: refused, naming the line and byte where */
	gb[2 * n] = (char)0xFF; /* 0xFF never occurs in GB18030 */
	gb[1001] = '\n';       /* 汉 500 ends line 1 (0xBA 0x0A: never a character) */
	gb[1002] = (char)0xBA;  /* …and line 2 starts one byte on */
	in = fmemopen(gb, 2 * n + 2, "r");
	assert_null(import_decode(in, "gb18030", &err));
	char want[128];
	snprintf(want, sizeof want, "第2行（文件第%zu字节，0xFF）读不下去", 2 * n + 1);
	if (!strstr(err, want))
		fail_msg("%s: want %s", err, want);
	free(err);
	fclose(in);
	/* UTF-8, then GBK: where each reading stops */
	const char mixed[] = "活动名称\n\xBB\xEE\xB6\xAF,\xFF\n";
	in = fmemopen((void *)mixed, sizeof mixed - 1, "r");
	assert_null(import_decode(in, NULL, &err));
	assert_non_null(strstr(err, "前面是 UTF-8，第2行（文件第14字节，0xBB）起不是 UTF-8"));
	assert_non_null(strstr(err, "按 GB18030 读第2行（文件第19字节，0xFF）也读不下去"));
	free(err);
	fclose(in);
	/* UTF-16, with its mark or without: named */
	const char utf16[] = "\xFF\xFE\x3B\x6D\xA8\x52,\0\n\0";
	const char utf16be[] = "\0a\0b\0,\0c\0\n\0d\0e";
	const char *sixteen[] = {utf16, utf16be};
	size_t lens[] = {sizeof utf16 - 1, sizeof utf16be - 1};
	for (size_t k = 0; k < 2; k++) {
		in = fmemopen((void *)sixteen[k], lens[k], "r");
		assert_null(import_decode(in, NULL, &err));
		assert_string_equal(err, "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 的 CSV（Excel：另存为「CSV UTF-8（逗号分隔）」），没有导入");
		free(err);
		fclose(in);
	}
	in = fmemopen(gb, 2 * n + 2, "r");
	assert_null(import_decode(in, "ebcdic", &err));
	free(err);
	fclose(in);
	free(gb);
}

/* A -wal, -journal or -shm left (or planted) beside a name kepu is to make
 * a database at is refused, naming it: the next open would replay it into
 * the new database. Beside an existing database it is SQLite's own. */
static void companion_refused(kp_store *s, const char *out, const char *suffix)
{
	char *planted = xasprintf("%s%s", out, suffix);
	FILE *f = fopen(planted, "w");
	assert_non_null(f);
	fputs("not this database's", f);
	fclose(f);
	char *err = NULL;
	assert_int_equal(store_backup(s, out, &err), KP_ERR);
	if (!err || !strstr(err, planted) || !strstr(err, "日志文件"))
		fail_msg("backup beside %s: “%s”", planted, err ? err : "");
	free(err);
	err = NULL;
	assert_int_equal(access(out, F_OK), -1); /* nothing put there */
	kp_store *made = NULL;
	assert_int_equal(store_open(out, &made, &err), KP_ERR);
	assert_non_null(err && strstr(err, planted));
	free(err);
	assert_int_equal(access(out, F_OK), -1);
	unlink(planted);
	free(planted);
}

static void test_no_database_beside_a_stale_journal(void **state)
{
	fixture *fx = *state;
	char *out = unit_tmp_db();
	companion_refused(fx->env.store, out, "-wal");
	companion_refused(fx->env.store, out, "-journal");
	companion_refused(fx->env.store, out, "-shm");
	/* positive control: with nothing beside it the backup is made */
	char *err = NULL;
	if (store_backup(fx->env.store, out, &err) != KP_OK)
		fail_msg("%s", err);
	assert_int_equal(access(out, F_OK), 0);
	/* an existing database's own -wal is SQLite's, not a reason to refuse */
	char *wal = xasprintf("%s-wal", fx->path);
	assert_int_equal(access(wal, F_OK), 0);
	kp_store *again = NULL;
	assert_int_equal(store_open(fx->path, &again, &err), KP_OK);
	store_close(again);
	free(wal);
	unit_rm_db(out); /* frees out */
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_units_and_quotas_match_attachment_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_from_yaml_and_columns_added, setup, teardown),
		cmocka_unit_test_setup_teardown(test_insert_get_update_conflict_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_drafts_per_sitting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_drafts_from_schema_3, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_refuses_invalid_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_null_err_everywhere, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_database_beside_a_stale_journal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keyset_pages, setup_unchecked, teardown),
		cmocka_unit_test_setup_teardown(test_query_sort_filter_unit, setup_unchecked, teardown),
		cmocka_unit_test_setup_teardown(test_counts_and_search_follow_every_write, setup_unchecked, teardown),
		cmocka_unit_test_setup_teardown(test_counts_of_an_older_database, setup_unchecked, teardown),
		cmocka_unit_test_setup_teardown(test_totals_row, setup, teardown),
		cmocka_unit_test_setup_teardown(test_insert_many_is_all_or_nothing, setup_unchecked, teardown),
		cmocka_unit_test_setup_teardown(test_import_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_many_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_units_and_headers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_neutralises_formulas_and_encodes, setup, teardown),
		cmocka_unit_test(test_import_decode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
