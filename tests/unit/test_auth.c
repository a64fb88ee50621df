/* Accounts (Argon2id), the login rules (slow-down, lockout, unknown names
 * treated like known ones), the review state machine, and the audit trail
 * (written with every change, never changed). */
#include "unit_env.h"

#include <sqlite3.h>

#include "core/json.h"
#include "domain/auth.h"
#include "domain/review.h"

/* The audit rows of these tests name their writer. */
static int setup_actor(void **state)
{
	if (auth_init() || setup(state))
		return -1;
	store_set_actor(((fixture *)*state)->env.store, "tester", 0);
	return 0;
}

static long long sql_int(const char *path, const char *sql)
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

static void test_hashing(void **state)
{
	(void)state;
	assert_int_equal(auth_init(), 0);
	char *h = auth_hash("许昌 secret 2016");
	assert_non_null(h);
	assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
	assert_null(strstr(h, "secret"));
	assert_true(auth_verify(h, "许昌 secret 2016"));
	assert_false(auth_verify(h, "许昌 secret 2017"));
	char *h2 = auth_hash("许昌 secret 2016");
	assert_string_not_equal(h, h2); /* salted */
	free(h);
	free(h2);
	char *a = auth_random_password(), *b = auth_random_password();
	assert_int_equal(strlen(a), 10);
	assert_string_not_equal(a, b);
	assert_null(strpbrk(a, "0O1lI"));
	free(a);
	free(b);
}

static void test_delays(void **state)
{
	(void)state;
	assert_int_equal(login_delay(0), 0);
	assert_int_equal(login_delay(4), 0);
	assert_int_equal(login_delay(5), 2);
	assert_int_equal(login_delay(6), 4);
	assert_int_equal(login_delay(9), 32);
	assert_int_equal(login_delay(13), 300);
	assert_int_equal(login_delay(19), 300);
}

/* A unit account whose password is `pw` (already changed, not initial). */
static void add_account(fixture *fx, const char *name, const char *unit, const char *pw)
{
	char *initial, *err = NULL;
	long long id = unit ? store_unit_id(fx->env.store, unit) : 0;
	assert_int_equal(auth_add_user(&fx->env, name, unit ? USER_UNIT : USER_CITY, id, &initial, &err), 0);
	kp_user u;
	assert_int_equal(store_user_get(fx->env.store, name, &u), KP_OK);
	assert_true(u.must_change);
	assert_true(auth_verify(u.hash, initial));
	assert_int_equal(auth_change_password(&fx->env, &u, pw, &err), 0);
	assert_false(u.must_change);
	user_free(&u);
	free(initial);
}

static void test_login_rules(void **state)
{
	fixture *fx = *state;
	add_account(fx, "wd", "魏都区", "good-password");
	kp_user u;
	long wait;
	long long t = 1000000;
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", t, &u, &wait), LOGIN_OK);
	assert_int_equal(u.role, USER_UNIT);
	assert_string_equal(u.unit_name, "魏都区");
	user_free(&u);
	/* An unknown name: the same answer, and one password check like a known one. */
	unsigned long before = auth_checks();
	assert_int_equal(auth_login(&fx->env, "nobody", "x", t, &u, &wait), LOGIN_BAD);
	assert_int_equal(auth_checks() - before, 1);
	before = auth_checks();
	assert_int_equal(auth_login(&fx->env, "wd", "wrong", t, &u, &wait), LOGIN_BAD);
	assert_int_equal(auth_checks() - before, 1);
	/* Five failures: the next try waits 2 s, then 4 s… for known and unknown alike. */
	for (int i = 1; i < LOGIN_SLOW_AFTER; i++) {
		assert_int_equal(auth_login(&fx->env, "wd", "wrong", t, &u, &wait), LOGIN_BAD);
		assert_int_equal(auth_login(&fx->env, "nobody", "x", t, &u, &wait), i + 1 < LOGIN_SLOW_AFTER ? LOGIN_BAD : LOGIN_BAD);
	}
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", t + 1, &u, &wait), LOGIN_WAIT);
	assert_int_equal(wait, 1);
	assert_int_equal(auth_login(&fx->env, "nobody", "x", t + 1, &u, &wait), LOGIN_WAIT);
	assert_int_equal(wait, 1);
	/* Once the wait is over the right password works and clears the count. */
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", t + 2, &u, &wait), LOGIN_OK);
	user_free(&u);
	int failures;
	long long last;
	store_attempts(fx->env.store, "wd", &failures, &last);
	assert_int_equal(failures, 0);
	/* Twenty failures lock the name, right password or not, until a reset. */
	for (int i = 0; i < LOGIN_LOCK_AFTER; i++, t += 400)
		auth_login(&fx->env, "wd", "wrong", t, &u, &wait);
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", t + 400, &u, &wait), LOGIN_LOCKED);
	char *fresh, *err = NULL;
	assert_int_equal(auth_reset_password(&fx->env, "wd", &fresh, &err), 0);
	assert_int_equal(auth_login(&fx->env, "wd", fresh, t + 800, &u, &wait), LOGIN_OK);
	assert_true(u.must_change); /* a reset password is an initial one */
	assert_string_equal(auth_new_password_problem(&u, "short"), "新密码至少要 8 个字符");
	assert_string_equal(auth_new_password_problem(&u, fresh), "新密码不能与原密码相同");
	assert_null(auth_new_password_problem(&u, "another-good-one"));
	user_free(&u);
	free(fresh);
	/* A disabled account answers like a wrong password. */
	assert_int_equal(store_user_disable(fx->env.store, "wd", &err), KP_OK);
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", t + 900, &u, &wait), LOGIN_BAD);
	/* Every attempt is in the audit trail; no password is. */
	assert_true(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action = 'login_failed'") >= 25);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE changes LIKE '%good-password%'"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_users WHERE hash LIKE '%good-password%'"), 0);
}

static void test_state_machine(void **state)
{
	(void)state;
	/* Every (state, action, role): allowed exactly as the workflow says. */
	static const struct { kp_state st; kp_review a; kp_user_role role; } yes[] = {
		{ST_DRAFT, REV_SUBMIT, USER_UNIT}, {ST_RETURNED, REV_SUBMIT, USER_UNIT},
		{ST_SUBMITTED, REV_APPROVE, USER_CITY}, {ST_SUBMITTED, REV_RETURN, USER_CITY},
		{ST_APPROVED, REV_REOPEN, USER_CITY},
	};
	for (int st = 0; st < ST_COUNT; st++)
		for (int a = 0; a < REV_COUNT; a++)
			for (int r = 0; r < 2; r++) {
				bool want = false;
				for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++)
					want |= yes[k].st == (kp_state)st && yes[k].a == (kp_review)a &&
						yes[k].role == (kp_user_role)r;
				assert_int_equal(review_allowed((kp_state)st, (kp_review)a, (kp_user_role)r), want);
			}
	assert_true(review_editable(ST_DRAFT, USER_UNIT));
	assert_true(review_editable(ST_RETURNED, USER_UNIT));
	assert_false(review_editable(ST_SUBMITTED, USER_UNIT));
	assert_false(review_editable(ST_APPROVED, USER_UNIT));
	assert_false(review_editable(ST_APPROVED, USER_CITY));
	assert_true(review_editable(ST_SUBMITTED, USER_CITY));
	assert_int_equal(state_of(state_code(ST_RETURNED)), ST_RETURNED);
	assert_string_equal(state_label(ST_APPROVED), "已认定");
}

static long long new_talent(fixture *fx, const char *unit, const char *name)
{
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, unit);
	record_set(&r, (size_t)form_field_index(f, "name"), name);
	char *err = NULL;
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	long long id = r.id;
	record_free(&r);
	return id;
}

static void test_review_and_audit(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	long long mine = new_talent(fx, "魏都区", "张三"), theirs = new_talent(fx, "长葛市", "李四");
	kp_user unit = {0, "wd", USER_UNIT, store_unit_id(fx->env.store, "魏都区"), "魏都区", "", false, false};
	kp_user city = {0, "shi", USER_CITY, 0, "", "", false, false};
	char *err = NULL;
	/* The unit cannot approve, cannot touch another unit's record. */
	assert_int_equal(review_apply(&fx->env, f, mine, &unit, REV_APPROVE, NULL, &err), -1);
	assert_string_equal(err, "不能「认定」：这条记录现在是「草稿」");
	free(err), err = NULL;
	assert_int_equal(review_apply(&fx->env, f, theirs, &unit, REV_SUBMIT, NULL, &err), -1);
	free(err), err = NULL;
	assert_int_equal(review_apply(&fx->env, f, mine, &unit, REV_SUBMIT, NULL, &err), 0);
	/* A return needs its reason. */
	assert_int_equal(review_apply(&fx->env, f, mine, &city, REV_RETURN, "", &err), -1);
	assert_string_equal(err, "请写明原因");
	free(err), err = NULL;
	assert_int_equal(review_apply(&fx->env, f, mine, &city, REV_RETURN, "缺少身份证号", &err), 0);
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, mine, &r, &err), KP_OK);
	assert_string_equal(r.state, "returned");
	assert_string_equal(r.reason, "缺少身份证号");
	record_free(&r);
	assert_int_equal(review_apply(&fx->env, f, mine, &unit, REV_SUBMIT, NULL, &err), 0);
	assert_int_equal(review_apply(&fx->env, f, mine, &city, REV_APPROVE, NULL, &err), 0);
	/* Approved: the unit cannot resubmit; the city reopens it (a reason needed) … */
	assert_int_equal(review_apply(&fx->env, f, mine, &unit, REV_SUBMIT, NULL, &err), -1);
	free(err), err = NULL;
	assert_int_equal(review_apply(&fx->env, f, mine, &city, REV_REOPEN, "身份证号有误", &err), 0);
	assert_int_equal(store_get(fx->env.store, f, mine, &r, &err), KP_OK);
	assert_string_equal(r.state, "returned");
	record_free(&r);
	/* … and it goes round again. */
	assert_int_equal(review_apply(&fx->env, f, mine, &unit, REV_SUBMIT, NULL, &err), 0);
	assert_int_equal(review_apply(&fx->env, f, mine, &city, REV_APPROVE, NULL, &err), 0);
	/* Counted by state for the ranking. */
	kp_unit *units;
	size_t n = store_units(fx->env.store, &units);
	long long *c = calloc(n, sizeof *c);
	store_unit_counts(fx->env.store, f, "approved", units, n, c);
	assert_int_equal(c[0], 1);
	store_unit_counts(fx->env.store, f, NULL, units, n, c);
	assert_int_equal(c[0], 1);
	assert_int_equal(c[1], 1);
	free(c);
	unit_list_free(units, n);
	/* An edit is audited with old and new values. */
	assert_int_equal(store_get(fx->env.store, f, theirs, &r, &err), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "name"), "李四光");
	assert_int_equal(store_update(fx->env.store, f, &r, &err), KP_OK);
	record_free(&r);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE form = 'talent' AND record_id = %lld"
		 " AND action = 'update' AND changes = '[\"name\",\"李四\",\"李四光\"]' AND user = 'tester'", theirs);
	assert_int_equal(sql_int(fx->path, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE form = 'talent' AND record_id = %lld AND action IN"
		 " ('insert', 'submit', 'return', 'approve', 'reopen')", mine);
	assert_int_equal(sql_int(fx->path, sql), 8);
	/* Audit rows cannot be changed or removed. */
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE kp_audit SET user = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM kp_audit", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_delete(fx->env.store, f, theirs, &err), KP_OK);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE form = 'talent' AND record_id = %lld AND action = 'delete'"
		 " AND changes LIKE '%%李四光%%'", theirs);
	assert_int_equal(sql_int(fx->path, sql), 1);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hashing),
		cmocka_unit_test(test_delays),
		cmocka_unit_test_setup_teardown(test_login_rules, setup_actor, teardown),
		cmocka_unit_test(test_state_machine),
		cmocka_unit_test_setup_teardown(test_review_and_audit, setup_actor, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
