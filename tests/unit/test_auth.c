/* Accounts (Argon2id) and the login rules (slow-down, lockout, unknown
 * names treated like known ones). The review workflow and the audit trail
 * are in test_session.c. */
#include "unit_env.h"

#include <sqlite3.h>

#include "core/json.h"
#include "domain/auth.h"

/* The audit rows of these tests name their writer. */
static int setup_actor(void **state)
{
	if (auth_init() || setup(state))
		return -1;
	char *err = NULL;
	return store_session(((fixture *)*state)->env.store, SESSION_ADMIN, "tester", 0, &err);
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

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hashing),
		cmocka_unit_test(test_delays),
		cmocka_unit_test_setup_teardown(test_login_rules, setup_actor, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
