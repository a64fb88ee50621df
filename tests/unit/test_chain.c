/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The audit chain (#27): each change made behind kepu's back is found
 * and named; an untouched database and one after --accept pass. */
#include "unit_env.h"

#include <sqlite3.h>

#include "domain/review.h"
#include "store/db.h"
#include "store/store.h"

static kp_chain_report check(fixture *fx)
{
	const char *t[64];
	for (size_t i = 0; i < fx->env.cat.nforms; i++)
		t[i] = fx->env.cat.forms[i]->table;
	kp_chain_report r;
	char *err = NULL;
	if (store_chain_check(fx->env.store, t, fx->env.cat.nforms, &r, &err) != KP_OK)
		fail_msg("%s", err);
	return r;
}

static bool has(const kp_chain_report *r, kp_chain_kind k, const char *table, long long rec, const char *col,
		long long audit_id)
{
	for (size_t i = 0; i < r->n; i++) {
		const kp_chain_finding *f = &r->f[i];
		if (f->kind == k && (!table || (f->table && !strcmp(f->table, table))) && (!rec || f->record == rec) &&
		    (!col || (f->column && !strcmp(f->column, col))) && (!audit_id || f->audit_id == audit_id))
			return true;
	}
	return false;
}

/* The example: a name changed with the sqlite3 shell. */
static void rename_outside(fixture *fx, long long id)
{
	char *sql = sqlite3_mprintf("UPDATE talent SET name = '甄假名' WHERE id = %lld", id);
	sql_run(fx->path, sql);
	sqlite3_free(sql);
}

static long long two_talents(fixture *fx)
{
	save_record(fx, "talent", "魏都区", "name", "张三", "phone", "13900000001", NULL);
	return save_record(fx, "talent", "魏都区", "name", "李四", "phone", "13900000002", NULL);
}

static void test_untouched_passes(void **state)
{
	fixture *fx = *state;
	two_talents(fx);
	kp_chain_report r = check(fx);
	assert_int_equal(r.n, 0);
	assert_true(r.rows >= 3); /* the first link and two inserts */
	chain_report_free(&r);
}

static void test_changed_field_named_then_accepted(void **state)
{
	fixture *fx = *state;
	long long id = two_talents(fx);
	rename_outside(fx, id);
	kp_chain_report r = check(fx);
	assert_int_equal(r.n, 1);
	assert_true(has(&r, CHAIN_RECORD, "talent", id, "name", 0));
	/* Only an administrator may accept. */
	char *err = NULL;
	assert_int_equal(store_session(fx->env.store, SESSION_CITY, "shikexie", 0, &err), KP_OK);
	assert_int_equal(store_chain_accept(fx->env.store, &r, "更正", &err), KP_ERR);
	assert_non_null(err);
	free(err);
	chain_report_free(&r);
	r = check(fx);
	assert_int_equal(r.n, 1); /* the refusal changed nothing */
	chain_report_free(&r);
	fixture admin = *fx;
	env_close(&fx->env);
	kp_diag d = {0};
	assert_int_equal(env_load_definitions(&admin.env, NULL, NULL, &d), 0);
	assert_int_equal(env_open_db(&admin.env, fx->path, false, &err), 0);
	*fx = admin;
	r = check(fx);
	assert_int_equal(store_chain_accept(fx->env.store, &r, "核实后的更正", &err), KP_OK);
	chain_report_free(&r);
	r = check(fx);
	assert_int_equal(r.n, 0);
	chain_report_free(&r);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action = 'accept'"
					   " AND changes LIKE '%核实后的更正%'"), 1);
}

static void test_blob_byte_named(void **state)
{
	fixture *fx = *state;
	long long id = save_record(fx, "activity", "魏都区", "name", "讲座", "held_on", "2016-07-08", NULL);
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	char data[] = "%PDF-1.4 evidence";
	FILE *in = fmemopen(data, sizeof data - 1, "rb");
	kp_new_attachment na = {.name = "a.pdf", .type = "application/pdf", .in = in, .size = sizeof data - 1};
	long long aid;
	char *err = NULL;
	if (store_attach(fx->env.store, f, id, &na, &aid, &err) != KP_OK)
		fail_msg("%s", err);
	fclose(in);
	kp_chain_report r = check(fx);
	assert_int_equal(r.n, 0); /* control */
	chain_report_free(&r);
	sql_run(fx->path, "UPDATE kp_attachments SET data = CAST(replace(CAST(data AS TEXT), 'evidence', 'evidencf') AS BLOB)");
	r = check(fx);
	assert_int_equal(r.n, 1);
	assert_true(has(&r, CHAIN_RECORD, "activity", id, "data", 0));
	assert_int_equal(r.f[0].attachment, aid);
	chain_report_free(&r);
}

static void test_deleted_row_named(void **state)
{
	fixture *fx = *state;
	two_talents(fx);
	long long mid = sql_int(fx->path, "SELECT max(id) - 1 FROM kp_audit");
	char *sql = sqlite3_mprintf("DROP TRIGGER kp_audit_no_delete; DELETE FROM kp_audit WHERE id = %lld", mid);
	sql_run(fx->path, sql);
	sqlite3_free(sql);
	kp_chain_report r = check(fx);
	assert_true(has(&r, CHAIN_MISSING, NULL, 0, NULL, mid + 1));
	assert_int_equal(r.f[0].count, 1);
	chain_report_free(&r);
}

static void test_first_link_removed_named(void **state)
{
	fixture *fx = *state;
	two_talents(fx);
	sql_run(fx->path, "DROP TRIGGER kp_audit_no_delete; DELETE FROM kp_audit WHERE action = 'chain_start'");
	kp_chain_report r = check(fx);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.f[0].kind, CHAIN_MISSING);
	assert_int_equal(r.f[0].position, 1);
	chain_report_free(&r);
}

static void test_swapped_rows_named(void **state)
{
	fixture *fx = *state;
	two_talents(fx);
	long long a = sql_int(fx->path, "SELECT max(id) - 1 FROM kp_audit"), b = a + 1;
	char *sql = sqlite3_mprintf("DROP TRIGGER kp_audit_no_update;"
				    "UPDATE kp_audit SET id = -1 WHERE id = %lld;"
				    "UPDATE kp_audit SET id = %lld WHERE id = %lld;"
				    "UPDATE kp_audit SET id = %lld WHERE id = -1", a, a, b, b);
	sql_run(fx->path, sql);
	sqlite3_free(sql);
	kp_chain_report r = check(fx);
	assert_true(has(&r, CHAIN_CHANGED, NULL, 0, NULL, a));
	assert_true(has(&r, CHAIN_CHANGED, NULL, 0, NULL, b));
	chain_report_free(&r);
}

static void test_truncated_chain_named(void **state)
{
	fixture *fx = *state;
	two_talents(fx);
	sql_run(fx->path, "DROP TRIGGER kp_audit_no_delete;"
			"DELETE FROM kp_audit WHERE id >= (SELECT max(id) - 1 FROM kp_audit)");
	kp_chain_report r = check(fx);
	assert_true(has(&r, CHAIN_TRUNCATED, NULL, 0, NULL, 0));
	chain_report_free(&r);
}

/* Three talents imported from a file (one audit row); the first's number. */
static long long import_three(fixture *fx)
{
	const kp_form *t = catalog_form(&fx->env.cat, "talent");
	char *err = NULL;
	kp_batch *b = store_batch_begin(fx->env.store, t, "名单.csv", &err);
	assert_non_null(b);
	long long first = 0;
	for (int i = 0; i < 3; i++) {
		kp_record r;
		record_init(&r, t->nfields);
		r.unit_id = store_unit_id(fx->env.store, "长葛市");
		/* valid values: the store checks an import's rows too */
		static const char *const names[] = {"王甲", "王乙", "王丙"};
		char phone[32];
		snprintf(phone, sizeof phone, "1390000001%d", i);
		record_set(&r, (size_t)form_field_index(t, "name"), names[i]);
		record_set(&r, (size_t)form_field_index(t, "phone"), phone);
		assert_int_equal(store_batch_add(b, &r, &err), KP_OK);
		first = first ? first : r.id;
		record_free(&r);
	}
	assert_int_equal(store_batch_end(b, true, &err), KP_OK);
	return first;
}

/* Every way kepu writes a record leaves it sealed and the chain whole. */
static void test_every_write_path_chained(void **state)
{
	fixture *fx = *state;
	const kp_form *t = catalog_form(&fx->env.cat, "talent"), *a = catalog_form(&fx->env.cat, "activity");
	char *err = NULL;
	import_three(fx);
	long long act = save_record(fx, "activity", "魏都区", "name", "讲座", "held_on", "2016-07-08", "form", "科普讲座",
				    "targets", "[\"校园\"]", "place", "一中", "participants", "30", NULL);
	if (review_apply(&fx->env, a, act, REV_SUBMIT, NULL, &err) || review_apply(&fx->env, a, act, REV_APPROVE, NULL, &err))
		fail_msg("%s", err);
	long long gone = save_record(fx, "talent", "魏都区", "name", "赵六", "phone", "13900000099", NULL);
	assert_int_equal(store_delete(fx->env.store, t, gone, &err), KP_OK);
	if (env_open_year(&fx->env, 2017, 2016, &err) != 0)
		fail_msg("%s", err);
	long long moved = save_record(fx, "talent", "魏都区", "name", "钱七", "phone", "13900000098", NULL);
	if (store_move_year(fx->env.store, t, moved, 2017, &err) != KP_OK)
		fail_msg("%s", err);
	kp_chain_report r = check(fx);
	assert_int_equal(r.n, 0);
	chain_report_free(&r);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE kp_seal IS NULL"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM quota WHERE kp_year = 2017 AND kp_seal IS NOT NULL"), 19);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE hash IS NULL"
					   " AND id > (SELECT min(id) FROM kp_audit WHERE action = 'chain_start')"), 0);
}

/* A changed value whose seal was made again to match (by someone who knows
 * how) still differs from what the chain recorded. */
static void test_resealed_record_found(void **state)
{
	fixture *fx = *state;
	long long id = two_talents(fx);
	rename_outside(fx, id);
	assert_int_equal(seal_rows(fx->env.store, "talent", "id = ?1", id, NULL), KP_OK);
	kp_chain_report r = check(fx);
	assert_int_equal(r.n, 1);
	assert_true(has(&r, CHAIN_UNBOUND, "talent", id, NULL, 0));
	chain_report_free(&r);
}

/* The same for a record of an import, vouched for by the import's row. */
static void test_resealed_import_found(void **state)
{
	fixture *fx = *state;
	long long first = import_three(fx);
	kp_chain_report r = check(fx);
	assert_int_equal(r.n, 0); /* control */
	chain_report_free(&r);
	rename_outside(fx, first + 1);
	assert_int_equal(seal_rows(fx->env.store, "talent", "id = ?1", first + 1, NULL), KP_OK);
	r = check(fx);
	assert_int_equal(r.n, 1);
	assert_true(has(&r, CHAIN_BATCH, "talent", first, NULL, 0));
	assert_int_equal(r.f[0].count, 3);
	char *err = NULL;
	assert_int_equal(store_chain_accept(fx->env.store, &r, "核实", &err), KP_OK);
	chain_report_free(&r);
	r = check(fx);
	assert_int_equal(r.n, 0);
	chain_report_free(&r);
}

/* A database of the kepu before the chain (schema version 1) is sealed as
 * it is when first opened, and the audit says so. */
static void test_migration_seals_first_link(void **state)
{
	fixture *fx = *state;
	long long id = two_talents(fx);
	char *old = sqlite3_mprintf("DROP TRIGGER kp_audit_no_delete; DELETE FROM kp_audit WHERE action = 'chain_start';"
				    "CREATE TRIGGER kp_audit_no_delete BEFORE DELETE ON kp_audit"
				    " BEGIN SELECT RAISE(ABORT, 'kp_audit is append-only'); END;"
				    "DROP TABLE kp_chain; ALTER TABLE kp_audit DROP COLUMN prev;"
				    "ALTER TABLE kp_audit DROP COLUMN seal; ALTER TABLE kp_audit DROP COLUMN hash;"
				    "ALTER TABLE kp_attachments DROP COLUMN kp_seal; PRAGMA user_version = 1;");
	for (size_t i = 0; i < fx->env.cat.nforms; i++) {
		char *more = sqlite3_mprintf("%sALTER TABLE \"%w\" DROP COLUMN kp_seal;", old, fx->env.cat.forms[i]->table);
		sqlite3_free(old);
		old = more;
	}
	long long records = sql_int(fx->path, "SELECT count(*) FROM talent") + sql_int(fx->path, "SELECT count(*) FROM quota");
	env_close(&fx->env);
	sql_run(fx->path, old);
	sqlite3_free(old);
	reopen(fx);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), 12);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action = 'chain_start'"), 1);
	char *sealed = sqlite3_mprintf("SELECT json_extract(changes, '$[2]') FROM kp_audit WHERE action = 'chain_start'");
	assert_true(sql_int(fx->path, sealed) >= records);
	sqlite3_free(sealed);
	kp_chain_report r = check(fx);
	assert_int_equal(r.n, 0);
	chain_report_free(&r);
	rename_outside(fx, id);
	r = check(fx);
	assert_true(has(&r, CHAIN_RECORD, "talent", id, "name", 0));
	chain_report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_untouched_passes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_field_named_then_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_blob_byte_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_row_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_swapped_rows_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_link_removed_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_chain_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_write_path_chained, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resealed_record_found, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resealed_import_found, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_seals_first_link, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
