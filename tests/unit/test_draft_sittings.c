/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Offices share an account. A new record's draft that another live
 * session of the account is still typing is not offered at sign-in (a
 * colleague would continue the other's record); once that session is
 * gone — hung up, killed — it is offered again at once. A draft of a year
 * the city closed is listed as such and not opened, and a unit saves no
 * new draft there (the store refuses it, naming the year). */
#include "unit_env.h"

#include <signal.h>
#include <sys/wait.h>

#include "core/clock.h"
#include "core/proc.h"
#include "model_keys.h"
#include "ui/drafts_model.h"

static long long draft(fixture *fx, const char *owner, const char *name, char **err)
{
	char *pairs[] = {"name", (char *)name};
	kp_draft d = {.unit_id = store_unit_id(fx->env.store, "许昌学院"), .pairs = pairs, .npairs = 1};
	return store_draft_save(fx->env.store, owner, "talent", &d, err) == KP_OK ? d.id : 0;
}

/* The drafts offered to owner at sign-in, their first fields in one line. */
static size_t offered(fixture *fx, const char *owner, char *seen, size_t len)
{
	kp_pending *p;
	size_t n = drafts_pending(&fx->env, owner, &p, NULL);
	seen[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(seen + strlen(seen), len - strlen(seen), "%s|", p[i].first);
	pending_free(p, n);
	return n;
}

static void held_by(fixture *fx, long long id, const char *name)
{
	char sql[512];
	snprintf(sql, sizeof sql, "UPDATE kp_drafts SET held_by = '%s' WHERE id = %lld", name, id);
	sql_run(fx->path, sql);
}

static void test_live_sitting_not_offered(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "许昌学院");
	char *err = NULL, seen[256];
	long long mine = draft(fx, "wd", "甲员工", &err);
	long long theirs = draft(fx, "wd", "乙员工", &err);
	assert_true(mine && theirs);
	/* written by this process: its own sitting is over by sign-in */
	assert_int_equal(offered(fx, "wd", seen, sizeof seen), 2);
	/* another session, still running, types 乙员工 */
	int go[2];
	assert_int_equal(pipe(go), 0);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		char c;
		close(go[1]);
		_exit(read(go[0], &c, 1) < 0);
	}
	close(go[0]);
	char name[320];
	proc_name((long)child, name, sizeof name);
	held_by(fx, theirs, name);
	assert_int_equal(offered(fx, "wd", seen, sizeof seen), 1);
	assert_non_null(strstr(seen, "甲员工"));
	assert_null(strstr(seen, "乙员工"));
	/* the session hangs up (or is killed): offered again at once */
	close(go[1]);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_int_equal(offered(fx, "wd", seen, sizeof seen), 2);
	assert_non_null(strstr(seen, "乙员工"));
	/* a name of another host, or nonsense, holds nothing */
	held_by(fx, theirs, "elsewhere 1 1");
	assert_int_equal(offered(fx, "wd", seen, sizeof seen), 2);
}

static void test_closed_year_drafts(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	clock_set_today("2016-12-20");
	kp_store *city;
	assert_int_equal(store_open(fx->path, &city, &err), KP_OK);
	assert_int_equal(store_session(city, SESSION_CITY, "shikexie", 0, &err), KP_OK);
	sign_in_unit(fx, "许昌学院");
	/* typed in 2016 while it is open; and by a sitting the city closed the
	 * year under (t80g #23: kept for the reopening, not lost) */
	assert_true(draft(fx, "wd", "丙员工", &err) > 0);
	assert_int_equal(store_year_close(city, 2016, true, &err), KP_OK);
	assert_true(draft(fx, "wd", "丁员工", &err) > 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_drafts"), 2);
	/* but none into a year not begun (the control: the same call refused) */
	kp_draft ahead = {.unit_id = store_unit_id(fx->env.store, "许昌学院"), .year = 2017,
			  .pairs = (char *[]){"name", "戊员工"}, .npairs = 1};
	assert_int_equal(store_draft_save(fx->env.store, "wd", "talent", &ahead, &err), KP_ERR);
	assert_non_null(strstr(err, "2017 年度还没有开始"));
	free(err);
	err = NULL;
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_drafts"), 2);
	/* both listed, said closed, not opened */
	drafts_model m = {0};
	dm_ctx c = {&fx->env, "wd", 10};
	dm_load(&m, &c);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.p[0].closed, 2016);
	assert_int_equal(m.p[1].closed, 2016);
	char text[64];
	dm_record_text(&m.p[0], text, sizeof text);
	assert_non_null(strstr(text, "2016 年度已结束"));
	assert_int_equal(dm_key(&m, &c, ENTER).kind, DM_CLOSED);
	dm_free(&m);
	/* reopened: it opens again (the control) */
	assert_int_equal(store_year_close(city, 2016, false, &err), KP_OK);
	dm_load(&m, &c);
	assert_int_equal(m.p[0].closed, 0);
	assert_int_equal(dm_key(&m, &c, ENTER).kind, DM_OPEN);
	dm_free(&m);
	store_close(city);
}

/* A schema-5 database's drafts (no year, no sitting) are kept and offered
 * as before once it is brought to schema 6. */
static void test_older_drafts_migrated(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "许昌学院");
	char *err = NULL, seen[256];
	assert_true(draft(fx, "wd", "戊员工", &err) > 0);
	env_close(&fx->env);
	sql_run(fx->path, "ALTER TABLE kp_drafts DROP COLUMN held_by; ALTER TABLE kp_drafts DROP COLUMN year;"
			  " PRAGMA user_version = 5");
	reopen(fx);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), 12);
	sign_in_unit(fx, "许昌学院");
	assert_int_equal(offered(fx, "wd", seen, sizeof seen), 1);
	assert_non_null(strstr(seen, "戊员工"));
	assert_true(draft(fx, "wd", "己员工", &err) > 0); /* and written with both again */
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_drafts WHERE year = 2016 AND held_by IS NOT NULL"), 1);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_live_sitting_not_offered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_closed_year_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_older_drafts_migrated, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
