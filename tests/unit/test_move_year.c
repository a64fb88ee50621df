/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Records moved between programme years (#27): what moves (the year only:
 * number, state, values, attachments and history stay), who may move what
 * (the city any record; a unit its own draft, tried as a unit that wants a
 * submitted or another unit's record elsewhere), the target year's rules,
 * the counts and the audit row. */
#include "unit_env.h"

#include <string.h>

#include "core/clock.h"
#include "domain/move_year.h"
#include "domain/review.h"

static int setup_2017(void **state)
{
	clock_set_today("2017-08-01");
	int rc = setup(state);
	fixture *fx = *state;
	char *err = NULL;
	if (!rc && env_open_year(&fx->env, 2017, 2016, &err) != 0) {
		fprintf(stderr, "%s\n", err);
		rc = -1;
	}
	return rc;
}

static const kp_form *form(fixture *fx, const char *id) { return catalog_form(&fx->env.cat, id); }

static long long talent(fixture *fx, const char *unit, const char *name)
{
	return save_record(fx, "talent", unit, "name", name, "phone", "13812345678", NULL);
}

static long long activity(fixture *fx, const char *unit, const char *day)
{
	return save_record(fx, "activity", unit, "name", "科普讲座", "held_on", day, "form", "科普讲座",
			   "targets", "[\"校园\"]", "place", "一中", "participants", "30", NULL);
}

/* The store of another login, narrowed to a unit's session. */
static kp_store *unit_store(fixture *fx, const char *unit)
{
	kp_store *s;
	char *err = NULL;
	assert_int_equal(store_open(fx->path, &s, &err), KP_OK);
	assert_int_equal(store_session(s, SESSION_UNIT, "clerk", store_unit_id(s, unit), &err), KP_OK);
	return s;
}

static long long year_of(fixture *fx, const char *table, long long id)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT kp_year FROM %s WHERE id = %lld", table, id);
	return sql_int(fx->path, sql);
}

/* The move refused with a reason holding part, nothing changed. */
static void refused(kp_store *s, const kp_form *f, long long id, int to, const char *part)
{
	char *err = NULL;
	if (store_move_year(s, f, id, to, &err) == KP_OK)
		fail_msg("record %lld moved to %d", id, to);
	if (!err || !strstr(err, part))
		fail_msg("record %lld to %d: “%s” lacks “%s”", id, to, err ? err : "", part);
	free(err);
}

static void moved(kp_store *s, const kp_form *f, long long id, int to)
{
	char *err = NULL;
	if (store_move_year(s, f, id, to, &err) != KP_OK)
		fail_msg("record %lld to %d: %s", id, to, err);
}

static void test_city_moves_talent_keeping_everything(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	long long id = talent(fx, "魏都区", "张明远");
	char *err = NULL;
	assert_int_equal(review_apply(&fx->env, f, id, REV_SUBMIT, NULL, &err), 0);
	assert_int_equal(review_apply(&fx->env, f, id, REV_APPROVE, NULL, &err), 0);
	long long audits = sql_int(fx->path, "SELECT count(*) FROM kp_audit");
	moved(fx->env.store, f, id, 2017);
	/* the same row: number, state, values; the year changed */
	assert_int_equal(year_of(fx, "talent", id), 2017);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE kp_state = 'approved'"
					   " AND name = '张明远' AND phone = '13812345678'"), 1);
	/* its history is still its own, with one row more: the move */
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit"), audits + 1);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE form = 'talent' AND record_id = %lld"
		 " AND action = 'move_year' AND changes = '[\"kp_year\",\"2016\",\"2017\"]'", id);
	assert_int_equal(sql_int(fx->path, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE record_id = %lld AND form = 'talent'", id);
	assert_int_equal(sql_int(fx->path, sql), 4); /* insert, submit, approve, move */
	/* the counts follow it */
	assert_int_equal(sql_int(fx->path, "SELECT sum(n) FROM kp_counts WHERE tbl = 'talent' AND year = 2016"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT sum(n) FROM kp_counts WHERE tbl = 'talent' AND year = 2017"
					   " AND state = 'approved'"), 1);
	bool changed = true;
	assert_int_equal(store_recount(fx->env.store, f, &changed, &err), KP_OK);
	assert_false(changed); /* a fresh count agrees */
	/* and back again */
	moved(fx->env.store, f, id, 2016);
	assert_int_equal(year_of(fx, "talent", id), 2016);
}

static void test_target_year_rules(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "activity");
	long long a16 = activity(fx, "长葛市", "2016-07-06");
	/* an activity's date must fall in the year it moves to */
	refused(fx->env.store, f, a16, 2017, "不能换到 2017 年度：「日期」2016-07-06 不在该年度");
	assert_int_equal(year_of(fx, "activity", a16), 2016);
	/* positive control: the date corrected to 2017, the move goes */
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE activity SET held_on = '2017-07-06' WHERE id = %lld", a16);
	sql_run(fx->path, sql);
	moved(fx->env.store, f, a16, 2017);
	assert_int_equal(year_of(fx, "activity", a16), 2017);
	/* the year must be opened; the same year is no move */
	refused(fx->env.store, f, a16, 2019, "没有开启 2019 年度；已开启的年度：2016、2017");
	refused(fx->env.store, f, a16, 2017, "已经在 2017 年度");
	/* a per-unit form's record (附表1's quotas) never moves */
	const kp_form *q = form(fx, "quota");
	refused(fx->env.store, q, store_unit_record(fx->env.store, q, 1), 2017, "每个单位每年度一份");
	refused(fx->env.store, f, 99999, 2017, "已被其他人修改或删除");
	/* a 月报's month is its year's (in_year on a choice) */
	const kp_form *m = form(fx, "monthly");
	long long rep = save_record(fx, "monthly", "长葛市", "month", "2016-08", NULL);
	refused(fx->env.store, m, rep, 2017, "不能换到 2017 年度：「月份」2016-08 不在该年度");
}

static void test_unit_moves_only_its_own_draft(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	long long own = talent(fx, "魏都区", "王晓");
	long long submitted = talent(fx, "魏都区", "李成");
	long long other = talent(fx, "长葛市", "赵敏");
	char *err = NULL;
	assert_int_equal(review_apply(&fx->env, f, submitted, REV_SUBMIT, NULL, &err), 0);
	kp_store *u = unit_store(fx, "魏都区");
	/* another unit's record answers like a missing one */
	refused(u, f, other, 2017, "已被其他人修改或删除");
	/* once submitted it is the city's to move */
	refused(u, f, submitted, 2017, "单位只能在提交前（草稿）换年度");
	/* not into a year not begun */
	clock_set_today("2016-12-31");
	refused(u, f, own, 2017, "2017 年度还没有开始");
	clock_set_today("2017-08-01");
	/* its own draft: yes */
	moved(u, f, own, 2017);
	assert_int_equal(year_of(fx, "talent", own), 2017);
	assert_int_equal(year_of(fx, "talent", submitted), 2016);
	assert_int_equal(year_of(fx, "talent", other), 2016);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action = 'move_year'"), 1);
	/* a form the city writes (表彰) is not a unit's to move */
	const kp_form *n = form(fx, "commendation");
	long long c = save_record(fx, "commendation", "魏都区", NULL);
	refused(u, n, c, 2017, "由市科协填写，单位不能修改");
	assert_int_equal(year_of(fx, n->table, c), 2016);
	store_close(u);
	/* the city moves the submitted one */
	moved(fx->env.store, f, submitted, 2017);
	assert_int_equal(year_of(fx, "talent", submitted), 2017);
}

static void test_before_sign_in_nothing_moves(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	long long id = talent(fx, "魏都区", "王晓");
	kp_store *s;
	char *err = NULL;
	assert_int_equal(store_open(fx->path, &s, &err), KP_OK);
	assert_int_equal(store_session(s, SESSION_NONE, "", 0, &err), KP_OK);
	refused(s, f, id, 2017, "请先登录");
	store_close(s);
	assert_int_equal(year_of(fx, "talent", id), 2016);
}

/* The checklist's on-time test asks when a unit's first record came into
 * the year: a record moved in counts from the move, unless it was made in
 * that year anyway; the same into a past year. */
static void first_saved_is(fixture *fx, const kp_form *f, const char *unit, const char *want)
{
	char *at = store_first_saved(fx->env.store, f, store_unit_id(fx->env.store, unit), -1, NULL);
	if (!at || strncmp(at, want, strlen(want)))
		fail_msg("%s first saved %s, not %s", unit, at ? at : "(none)", want);
	free(at);
}

/* A talent saved and submitted the same day (drafts never count). */
static long long handed_in(fixture *fx, const char *unit, const char *name)
{
	long long id = talent(fx, unit, name);
	char *err = NULL;
	if (store_set_state(fx->env.store, form(fx, "talent"), id, "draft", "submitted", NULL, "submit", &err) !=
	    KP_OK)
		fail_msg("%s", err);
	return id;
}

static void test_moved_record_counts_from_the_move(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	char *err = NULL;
	clock_set_today("2016-09-01");
	long long old = handed_in(fx, "魏都区", "王晓"); /* a 2016 record, made in 2016 */
	clock_set_today("2017-03-01");
	long long made17 = handed_in(fx, "长葛市", "赵敏"); /* filed in 2016 but made in 2017 */
	assert_int_equal(env_use_year(&fx->env, 2017, &err), 0);
	clock_set_today("2017-07-01");
	handed_in(fx, "魏都区", "李成");
	first_saved_is(fx, f, "魏都区", "2017-07-01");
	clock_set_today("2017-08-01");
	moved(fx->env.store, f, old, 2017);
	first_saved_is(fx, f, "魏都区", "2017-07-01"); /* not 2016-09-01: it came on 08-01 */
	moved(fx->env.store, f, made17, 2017);
	first_saved_is(fx, f, "长葛市", "2017-03-01"); /* made inside 2017: its own time */
	/* into a past year: made in 2017, it came into 2016 with the move */
	clock_set_today("2017-08-02");
	moved(fx->env.store, f, made17, 2016);
	moved(fx->env.store, f, old, 2016);
	assert_int_equal(env_use_year(&fx->env, 2016, &err), 0);
	first_saved_is(fx, f, "长葛市", "2017-08-02");
	first_saved_is(fx, f, "魏都区", "2016-09-01"); /* back where it was made */
}

/* A move meets every rule a save in the target year meets: 附表3's
 * 实施时间 within that year's programme years (2016 to 2020, or the year
 * itself when later), not only the store's in_year dates. */
static long long project(fixture *fx, const char *start)
{
	return save_record(fx, "project", "魏都区", "declared_on", "2021-01-05", "name", "社区科普大讲堂",
			   "executor", "魏都区科协", "contact", "王晓", "phone", "13812345678", "category",
			   "科普活动", "start", start, "end", start, NULL);
}

static void test_move_meets_the_target_years_save_rules(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "project");
	char *err = NULL;
	clock_set_today("2021-01-05");
	assert_int_equal(env_open_year(&fx->env, 2021, 2017, &err), 0);
	assert_int_equal(env_use_year(&fx->env, 2021, &err), 0);
	long long late = project(fx, "2021-03"), ok = project(fx, "2019-03");
	if (env_move_year(&fx->env, f, late, 2017, &err) == 0)
		fail_msg("a project of 2021-03 moved into 2017");
	if (!err || !strstr(err, "不能换到 2017 年度：项目实施时间（起）：「2021-03」不在本工程的年份内"))
		fail_msg("“%s”", err ? err : "");
	free(err);
	err = NULL;
	assert_int_equal(year_of(fx, "project", late), 2021);
	assert_int_equal(store_year(fx->env.store), 2021); /* the session stays in its year */
	assert_int_equal(fx->env.cat.schedule.year, 2021);
	/* positive control: within 2016–2020 it moves */
	if (env_move_year(&fx->env, f, ok, 2017, &err) != 0)
		fail_msg("%s", err);
	assert_int_equal(year_of(fx, "project", ok), 2017);
	assert_int_equal(store_year(fx->env.store), 2021);
}

/* A unit's submitted record whose date does not fit the target year is
 * refused for its state first, on the domain's path (kepu move, the list's
 * move) as on the store's: the date rule would invite an edit of a record
 * the unit may no longer change (t3h #16). */
static void test_unit_move_refused_for_state_first(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "activity");
	long long sent = activity(fx, "魏都区", "2016-12-28"), draft = activity(fx, "魏都区", "2016-07-07");
	char *err = NULL;
	assert_int_equal(review_apply(&fx->env, f, sent, REV_SUBMIT, NULL, &err), 0);
	sign_in_unit(fx, "魏都区");
	/* 12-20: its date, 12-28, breaks the form's rule of no future date too */
	clock_set_today("2016-12-20");
	if (env_move_year(&fx->env, f, sent, 2017, &err) == 0)
		fail_msg("a submitted record moved");
	if (!err || !strstr(err, "单位只能在提交前（草稿）换年度"))
		fail_msg("“%s”", err ? err : "");
	free(err);
	err = NULL;
	clock_set_today("2017-08-01");
	/* positive control: a draft is refused for its date */
	if (env_move_year(&fx->env, f, draft, 2017, &err) == 0)
		fail_msg("a 2016 date moved into 2017");
	if (!err || !strstr(err, "2016-07-07"))
		fail_msg("“%s”", err ? err : "");
	free(err);
	assert_int_equal(year_of(fx, "activity", sent), 2016);
}

/* A database of a kepu before kp_entered gets the column (NULL: its
 * records count from created_at, as they did) and the index of when
 * records came in place of (unit_id, created_at); nothing else of its
 * rows changes, so their seals hold. */
static void test_entered_of_an_older_database(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	talent(fx, "魏都区", "王晓");
	sql_run(fx->path, "DROP INDEX talent_kp_came; ALTER TABLE talent DROP COLUMN kp_entered;"
			  " CREATE INDEX talent_kp_created ON talent (unit_id, created_at)");
	char *err = NULL;
	if (store_ensure_form(fx->env.store, f, &err) != KP_OK)
		fail_msg("%s", err);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE kp_entered IS NULL"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'talent_kp_created'"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'talent_kp_came'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_city_moves_talent_keeping_everything, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_target_year_rules, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_unit_moves_only_its_own_draft, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_before_sign_in_nothing_moves, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_moved_record_counts_from_the_move, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_unit_move_refused_for_state_first, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_move_meets_the_target_years_save_rules, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_entered_of_an_older_database, setup_2017, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
