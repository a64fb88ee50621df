/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A damaged database is said so: a read that meets SQLITE_CORRUPT anywhere
 * (here a list of 附表2, and then a login) marks the store damaged, so the
 * front ends show the recovery message instead of an empty list or a
 * wrong-password answer. Its own binary: the mark lasts for the process. */
#include "unit_env.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <sqlite3.h>

#include "domain/auth.h"

/* Overwrite the b-tree page of table t with garbage (after moving the log
 * into the file, so the page read is the one on disk). */
static void damage_table(const char *path, const char *t)
{
	char sql[128];
	sqlite3 *db;
	sqlite3_open(path, &db);
	assert_int_equal(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	snprintf(sql, sizeof sql, "SELECT rootpage FROM sqlite_schema WHERE name = '%s'", t);
	long long page = sql_int(path, sql), size = sql_int(path, "PRAGMA page_size");
	assert_true(page > 1 && size > 0);
	int fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	char junk[64];
	memset(junk, 0x7f, sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, (page - 1) * size), (ssize_t)sizeof junk);
	close(fd);
}

static void test_damaged_table_is_said(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	char *err = NULL;
	for (int i = 0; i < 3; i++) {
		kp_record r;
		record_init(&r, f->nfields);
		r.unit_id = store_unit_id(fx->env.store, "魏都区");
		record_set(&r, (size_t)form_field_index(f, "name"), "张三");
		assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
		record_free(&r);
	}
	env_close(&fx->env);
	damage_table(fx->path, "talent");
	kp_diag d = {0};
	assert_int_equal(env_load_definitions(&fx->env, NULL, NULL, &d), 0);
	assert_int_equal(env_open_db(&fx->env, fx->path, false, &err), 0);
	assert_false(store_damaged());
	f = catalog_form(&fx->env.cat, "talent");
	/* The list reads nothing: that must not pass for "no records". */
	kp_record *rows;
	kp_query q = {-1, false, NULL, 0, NULL};
	size_t n = store_query_page(fx->env.store, f, &q, NULL, false, 10, &rows);
	records_free(rows, n);
	assert_true(store_damaged());
	assert_non_null(strstr(store_damage_reason(), "malformed"));
}

static void test_damaged_accounts_are_not_a_wrong_password(void **state)
{
	fixture *fx = *state;
	char *err = NULL, *password = NULL;
	assert_int_equal(auth_init(), 0);
	assert_int_equal(auth_add_user(&fx->env, "wd", USER_UNIT, store_unit_id(fx->env.store, "魏都区"),
				       &password, &err), 0);
	env_close(&fx->env);
	damage_table(fx->path, "kp_users");
	kp_diag d = {0};
	assert_int_equal(env_load_definitions(&fx->env, NULL, NULL, &d), 0);
	assert_int_equal(env_open_db(&fx->env, fx->path, false, &err), 0);
	kp_user u;
	long wait;
	assert_int_not_equal(auth_login(&fx->env, "wd", password, "local", 1000, &u, &wait), LOGIN_OK);
	/* What the login screen then shows is the damage, not 用户名或密码不正确. */
	assert_true(store_damaged());
	free(password);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest first[] = {
		cmocka_unit_test_setup_teardown(test_damaged_table_is_said, setup, teardown),
	};
	const struct CMUnitTest second[] = {
		cmocka_unit_test_setup_teardown(test_damaged_accounts_are_not_a_wrong_password, setup, teardown),
	};
	/* The mark lasts for the process: the second case runs in a child of
	 * its own (each group prints its count; the runner adds them up). */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(cmocka_run_group_tests(second, NULL, NULL));
	int status = 0;
	waitpid(pid, &status, 0);
	int failed = cmocka_run_group_tests(first, NULL, NULL);
	return failed || !WIFEXITED(status) || WEXITSTATUS(status);
}
