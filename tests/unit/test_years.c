/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Programme years (#19): opening a year, what it copies, what it refuses,
 * and that one year's records, ticks and counts never reach another's. */
#include "unit_env.h"

#include <string.h>

#include "core/clock.h"
#include "domain/checklist.h"
#include "domain/progress.h"
#include "domain/review.h"

static int setup_2016(void **state)
{
	clock_set_today("2016-07-01");
	return setup(state);
}

static long long approved_activity(fixture *fx, const char *unit, const char *name, const char *day)
{
	long long id = save_record(fx, "activity", unit, "name", name, "held_on", day, "form", "科普讲座", "targets",
			    "[\"校园\"]", "place", "一中", "participants", "30", NULL);
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	char *err = NULL;
	if (review_apply(&fx->env, f, id, REV_SUBMIT, NULL, &err) ||
	    review_apply(&fx->env, f, id, REV_APPROVE, NULL, &err))
		fail_msg("%s", err);
	return id;
}

static void open_year(fixture *fx, int year, int from)
{
	char *err = NULL;
	if (env_open_year(&fx->env, year, from, &err) != 0)
		fail_msg("%s", err);
}

static void use_year(fixture *fx, int year)
{
	char *err = NULL;
	if (env_use_year(&fx->env, year, &err) != 0)
		fail_msg("%s", err);
}

/* The activities (科普活动, column 1 of the score) done by unit in the
 * session's year. */
static long long activities_done(fixture *fx, const char *unit)
{
	kp_progress p;
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	long long id = store_unit_id(fx->env.store, unit), n = -1;
	const kp_progress_row *r = progress_unit(&p, id);
	if (r)
		n = r->done[1];
	progress_free(&p);
	return n;
}

static void test_open_copies_quotas_and_schedule(void **state)
{
	fixture *fx = *state;
	const char *p = fx->path;
	sql_run(p, "UPDATE quota SET activity = 17 WHERE unit_id = 1");
	open_year(fx, 2017, 2016);
	/* 19 quotas each year, the new ones with the old values, new numbers */
	assert_int_equal(sql_int(p, "SELECT count(*) FROM quota WHERE kp_year = 2016"), 19);
	assert_int_equal(sql_int(p, "SELECT count(*) FROM quota WHERE kp_year = 2017"), 19);
	assert_int_equal(sql_int(p, "SELECT activity FROM quota WHERE kp_year = 2017 AND unit_id = 1"), 17);
	assert_int_equal(sql_int(p, "SELECT count(*) FROM quota a JOIN quota b ON a.unit_id = b.unit_id"
				    " AND a.kp_year = 2016 AND b.kp_year = 2017 WHERE a.talent IS NOT b.talent"
				    " OR a.project IS NOT b.project OR b.id <= 19"), 0);
	assert_int_equal(sql_int(p, "SELECT last FROM kp_seq WHERE tbl = 'quota'"), 38);
	assert_int_equal(sql_int(p, "SELECT from_year FROM kp_years WHERE year = 2017"), 2016);
	assert_int_equal(sql_int(p, "SELECT count(*) FROM kp_audit WHERE action = 'year_open'"), 1);
	/* nothing of 2016 changed; the session stays in 2016 until it moves */
	assert_int_equal(store_year(fx->env.store), 2016);
	assert_int_equal(sql_int(p, "SELECT max(version) FROM quota WHERE kp_year = 2016"), 1);
	/* 2017's schedule: the same milestones, due in 2017, and its months */
	use_year(fx, 2017);
	assert_int_equal(fx->env.cat.schedule.year, 2017);
	const kp_list *months = catalog_list(&fx->env.cat, KP_REPORT_MONTH_LIST);
	assert_string_equal(months->items[0], "2017-07");
	clock_set_today("2017-07-01");
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	const kp_check_item *submit = checklist_item(&c, "submit");
	assert_int_equal(submit->y, 2017);
	assert_int_equal(submit->mo, 7);
	assert_int_equal(submit->d, 15);
	assert_int_equal(checklist_item(&c, "monthly:2017-07")->y, 2017);
	checklist_free(&c);
	/* the quota table of the year: its own records */
	const kp_form *q = catalog_form(&fx->env.cat, "quota");
	long long id17 = store_unit_record(fx->env.store, q, 1);
	use_year(fx, 2016);
	assert_true(store_unit_record(fx->env.store, q, 1) != id17);
	assert_int_equal(fx->env.cat.schedule.year, 2016);
	assert_string_equal(catalog_list(&fx->env.cat, KP_REPORT_MONTH_LIST)->items[0], "2016-07");
}

static void test_refusals(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	open_year(fx, 2017, 2016);
	assert_int_equal(env_open_year(&fx->env, 2017, 2016, &err), -1); /* twice */
	assert_non_null(strstr(err, "2017 年度已经开启"));
	free(err);
	err = NULL;
	assert_int_equal(env_open_year(&fx->env, 2018, 2015, &err), -1); /* from nothing */
	assert_non_null(strstr(err, "2015"));
	assert_non_null(strstr(err, "2016、2017"));
	free(err);
	err = NULL;
	assert_int_equal(env_open_year(&fx->env, 1999, 2016, &err), -1);
	assert_non_null(strstr(err, "2000"));
	free(err);
	err = NULL;
	assert_int_equal(env_use_year(&fx->env, 2019, &err), -1);
	assert_non_null(strstr(err, "没有开启 2019 年度；已开启的年度：2016、2017"));
	free(err);
	err = NULL;
	assert_int_equal(store_year(fx->env.store), 2016); /* a refusal moves nothing */
	int y = 0;
	assert_int_equal(env_parse_year(&fx->env, "２０１８", &y, &err), -1);
	free(err);
	err = NULL;
	assert_int_equal(env_parse_year(&fx->env, "2018", &y, &err), 0);
	assert_int_equal(y, 2018);
	/* a unit's session may not open a year: the store says so */
	assert_int_equal(store_session(fx->env.store, SESSION_UNIT, "wd", store_unit_id(fx->env.store, "魏都区"),
				       &err), KP_OK);
	assert_int_equal(env_open_year(&fx->env, 2018, 2016, &err), -1);
	assert_non_null(strstr(err, "市科协"));
	free(err);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_years"), 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM quota WHERE kp_year = 2018"), 0);
	/* …nor file anything in a year that has not begun: copies of 2016's
	 * activities must not wait there to count for 2017 */
	const kp_form *act = catalog_form(&fx->env.cat, "activity");
	kp_record r;
	record_init(&r, act->nfields);
	r.unit_id = store_unit_id(fx->env.store, "魏都区");
	record_set(&r, (size_t)form_field_index(act, "name"), "讲座");
	use_year(fx, 2017);
	clock_set_today("2016-12-31");
	err = NULL;
	assert_int_equal(store_insert(fx->env.store, act, &r, &err), KP_ERR);
	assert_non_null(strstr(err, "2017 年度还没有开始"));
	free(err);
	err = NULL;
	clock_set_today("2017-01-01"); /* begun: the unit files in it */
	assert_int_equal(store_insert(fx->env.store, act, &r, &err), KP_OK);
	record_free(&r);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE kp_year = 2017"), 1);
}

static void test_years_do_not_mix(void **state)
{
	fixture *fx = *state;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent"), *activity = catalog_form(&fx->env.cat, "activity");
	long long t16 = save_record(fx, "talent", "魏都区", "name", "李明", "phone", "13803741234", NULL);
	approved_activity(fx, "魏都区", "一六年讲座", "2016-07-08");
	clock_set_today("2016-07-05");
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	assert_int_equal(checklist_tick(&fx->env, checklist_item(&c, "breakdown"), 0, "王科长", true, NULL), 0);
	checklist_free(&c);
	assert_int_equal(activities_done(fx, "魏都区"), 1);

	open_year(fx, 2017, 2016);
	use_year(fx, 2017);
	clock_set_today("2017-07-05");
	/* 2017 starts empty: no activity, no tick; the talent is still in the pool */
	assert_int_equal(activities_done(fx, "魏都区"), 0);
	assert_int_equal(store_count(fx->env.store, activity), 0);
	assert_int_equal(store_count(fx->env.store, talent), 1);
	kp_record r;
	char *err = NULL;
	assert_int_equal(store_get(fx->env.store, talent, t16, &r, &err), KP_OK);
	assert_int_equal(r.year, 2016);
	record_free(&r);
	checklist_build(&c, &fx->env, 0);
	assert_int_equal(check_item_state(&c, checklist_item(&c, "breakdown")), MS_OVERDUE);
	assert_int_equal(checklist_tick(&fx->env, checklist_item(&c, "register"), store_unit_id(fx->env.store, "长葛市"), "x",
					true, NULL), 0);
	checklist_free(&c);
	/* an activity of 2016 filed in 2017 is refused: it belongs to 2016 */
	const kp_form *act = catalog_form(&fx->env.cat, "activity");
	kp_record old;
	record_init(&old, act->nfields);
	old.unit_id = store_unit_id(fx->env.store, "长葛市");
	record_set(&old, (size_t)form_field_index(act, "held_on"), "2016-12-20");
	assert_int_equal(store_insert(fx->env.store, act, &old, &err), KP_ERR);
	assert_non_null(strstr(err, "日期：2016-12-20 不在 2017 年度，这是 2016 年度的记录"));
	free(err);
	err = NULL;
	record_free(&old);
	/* two activities in 2017, for 长葛市 */
	approved_activity(fx, "长葛市", "一七年讲座", "2017-07-08");
	approved_activity(fx, "长葛市", "一七年培训", "2017-07-09");
	assert_int_equal(activities_done(fx, "长葛市"), 2);
	assert_int_equal(activities_done(fx, "魏都区"), 0);
	int rank = 0, n = 0;
	bool tied;
	kp_scoring *sc = &fx->env.cat.scoring;
	const kp_form *cols[8];
	for (size_t k = 0; k < sc->ncols; k++)
		cols[k] = catalog_form(&fx->env.cat, sc->cols[k].count);
	const kp_form *quota = catalog_form(&fx->env.cat, "quota");
	assert_int_equal(store_unit_rank(fx->env.store, sc, quota, cols, store_unit_id(fx->env.store, "长葛市"),
					 &rank, &tied, &n), KP_OK);
	assert_int_equal(rank, 1);
	assert_int_equal(store_count(fx->env.store, activity), 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE kp_year = 2017"), 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_ticks WHERE year = 2017"), 1);
	/* a talent of 2017 joins the pool: listed in 2017 beside 2016's */
	save_record(fx, "talent", "长葛市", "name", "周新年", "phone", "13903745678", NULL);
	assert_int_equal(store_count(fx->env.store, talent), 2);

	/* back in 2016: exactly as it was */
	use_year(fx, 2016);
	clock_set_today("2016-07-06");
	assert_int_equal(activities_done(fx, "魏都区"), 1);
	assert_int_equal(activities_done(fx, "长葛市"), 0);
	assert_int_equal(store_count(fx->env.store, activity), 1);
	/* …but never in an earlier year: 2016's lists are as they were sent */
	assert_int_equal(store_count(fx->env.store, talent), 1);
	assert_int_equal(store_unit_rank(fx->env.store, sc, quota, cols, store_unit_id(fx->env.store, "长葛市"),
					 &rank, &tied, &n), KP_OK);
	assert_true(rank > 1);
	checklist_build(&c, &fx->env, 0);
	assert_int_equal(check_item_state(&c, checklist_item(&c, "breakdown")), MS_LATE);
	assert_int_equal(checklist_item(&c, "register")->ndone, 0);
	checklist_free(&c);
	/* a count kept by every write agrees with the table, year by year */
	bool changed = true;
	assert_int_equal(store_recount(fx->env.store, activity, &changed, &err), KP_OK);
	assert_false(changed);
}

/* A database of a kepu before programme years: its records, quotas and
 * ticks become the schedule's year (2016), nothing lost. */
static void test_migration(void **state)
{
	fixture *fx = *state;
	save_record(fx, "talent", "魏都区", "name", "李明", "phone", "13803741234", NULL);
	approved_activity(fx, "魏都区", "讲座", "2016-07-08");
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	assert_int_equal(checklist_tick(&fx->env, checklist_item(&c, "breakdown"), 0, "王科长", true, NULL), 0);
	checklist_free(&c);
	env_close(&fx->env);
	/* back to the old shape */
	sql_run(fx->path, "DROP TABLE kp_years; DROP TABLE kp_counts; DROP TABLE kp_counted;"
			  "ALTER TABLE kp_ticks RENAME TO t; CREATE TABLE kp_ticks (key TEXT NOT NULL,"
			  " unit_id INTEGER NOT NULL, ticked_by TEXT NOT NULL, ticked_at TEXT NOT NULL,"
			  " PRIMARY KEY (key, unit_id)); INSERT INTO kp_ticks SELECT key, unit_id, ticked_by,"
			  " ticked_at FROM t; DROP TABLE t;"
			  "DROP INDEX quota_kp_year_unit; ALTER TABLE quota DROP COLUMN kp_year;"
			  "CREATE UNIQUE INDEX quota_unit ON quota (unit_id);"
			  "ALTER TABLE talent DROP COLUMN kp_year; ALTER TABLE activity DROP COLUMN kp_year;"
			  "PRAGMA user_version = 0");
	kp_diag d = {0};
	char *err = NULL;
	if (env_load_definitions(&fx->env, NULL, NULL, &d) || env_open_db(&fx->env, fx->path, false, &err))
		fail_msg("%s", err ? err : "definitions");
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), 12);
	assert_int_equal(sql_int(fx->path, "SELECT group_concat(year) FROM kp_years"), 2016);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM quota WHERE kp_year = 2016"), 19);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE kp_year = 2016"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_ticks WHERE year = 2016 AND key = 'breakdown'"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'quota_unit'"), 0);
	assert_int_equal(activities_done(fx, "魏都区"), 1);
	/* and a second year opens on it */
	open_year(fx, 2017, 2016);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM quota WHERE kp_year = 2017"), 19);
	/* a newer kepu's database is refused, not half read */
	env_close(&fx->env);
	sql_run(fx->path, "PRAGMA user_version = 99");
	assert_int_equal(env_load_definitions(&fx->env, NULL, NULL, &d), 0);
	assert_int_equal(env_open_db(&fx->env, fx->path, false, &err), -1);
	assert_non_null(strstr(err, "较新版本"));
	free(err);
}

static void test_default_year(void **state)
{
	fixture *fx = *state;
	open_year(fx, 2017, 2016);
	open_year(fx, 2019, 2017);
	clock_set_today("2016-12-31");
	assert_int_equal(env_default_year(&fx->env), 2016);
	clock_set_today("2018-03-01"); /* 2019 has not begun */
	assert_int_equal(env_default_year(&fx->env), 2017);
	clock_set_today("2015-03-01"); /* none has: the first */
	assert_int_equal(env_default_year(&fx->env), 2016);
	clock_set_today("2020-01-01");
	assert_int_equal(env_default_year(&fx->env), 2019);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_copies_quotas_and_schedule, setup_2016, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup_2016, teardown),
		cmocka_unit_test_setup_teardown(test_years_do_not_mix, setup_2016, teardown),
		cmocka_unit_test_setup_teardown(test_migration, setup_2016, teardown),
		cmocka_unit_test_setup_teardown(test_default_year, setup_2016, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
