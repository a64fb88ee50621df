/* SPDX-License-Identifier: MulanPSL-2.0 */
/* On 2 January the default year is the new one, but last year's 12月月报
 * (due 01-03) and the city's 12月简报 (01-05) are still owed: the home
 * screen's and kepu checklist's list (checklist_add_carried) keeps last
 * year's open and overdue items, each with its year, until done or until
 * the city closes that year; done ones and a never-opened year add none. */
#include "unit_env.h"

#include <string.h>

#include "core/clock.h"
#include "model_keys.h"
#include "ui/checklist_model.h"

static int setup_2017(void **state)
{
	clock_set_today("2016-12-20");
	int rc = setup(state);
	fixture *fx = *state;
	char *err = NULL;
	if (!rc && (store_session(fx->env.store, SESSION_CITY, "admin", 0, &err) != KP_OK ||
		    env_open_year(&fx->env, 2017, 2016, &err) != 0 || env_use_year(&fx->env, 2017, &err) != 0)) {
		fprintf(stderr, "%s\n", err);
		rc = -1;
	}
	clock_set_today("2017-01-02");
	return rc;
}

/* The item of that year (0: this year's) stored under key, or NULL. */
static const kp_check_item *item(const kp_checklist *c, const char *key, int year)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->items[i].key, key) && c->items[i].year == year)
			return &c->items[i];
	return NULL;
}

static void build(fixture *fx, kp_checklist *c, long long unit)
{
	assert_int_equal(checklist_build(c, &fx->env, unit), 0);
	checklist_add_carried(c, &fx->env, unit);
	assert_int_equal(store_year(fx->env.store), 2017); /* the session stays in its year */
}

static void file_december(fixture *fx, const char *unit)
{
	char *err = NULL;
	assert_int_equal(env_use_year(&fx->env, 2016, &err), 0);
	save_record(fx, "monthly", unit, "month", "2016-12", "training_sessions", "0", "training_people", "0",
		    "activity_sessions", "1", "activity_people", "20", "resources", "0", NULL);
	assert_int_equal(env_use_year(&fx->env, 2017, &err), 0);
}

static void test_last_years_open_items_shown(void **state)
{
	fixture *fx = *state;
	long long wd = store_unit_id(fx->env.store, "魏都区");
	kp_checklist c;
	/* before: the year's own list has nothing of 2016 */
	assert_int_equal(checklist_build(&c, &fx->env, wd), 0);
	assert_null(item(&c, "monthly:2016-12", 0));
	assert_non_null(item(&c, "monthly:2017-07", 0));
	checklist_free(&c);
	build(fx, &c, wd);
	const kp_check_item *dec = item(&c, "monthly:2016-12", 2016);
	assert_non_null(dec);
	assert_int_equal(dec->state[0], MS_OPEN);
	assert_int_equal(dec->y * 10000 + dec->mo * 100 + dec->d, 20170103);
	char title[160];
	check_item_title(dec, title, sizeof title);
	assert_non_null(strstr(title, "2016年度"));
	assert_non_null(strstr(title, "12月"));
	assert_int_equal(item(&c, "submit", 2016)->state[0], MS_OVERDUE);
	assert_non_null(item(&c, "monthly:2017-07", 0)); /* this year's too */
	assert_true(c.items[0].year == 2016);            /* due first: listed first */
	checklist_free(&c);
	/* the city's view: its own 12月简报 */
	build(fx, &c, 0);
	assert_non_null(item(&c, "briefing:2016-12", 2016));
	checklist_free(&c);
	/* done: no longer carried (for that unit) */
	file_december(fx, "魏都区");
	build(fx, &c, wd);
	assert_null(item(&c, "monthly:2016-12", 2016));
	assert_non_null(item(&c, "submit", 2016));
	checklist_free(&c);
}

static void test_closed_year_not_carried(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	assert_int_equal(store_year_close(fx->env.store, 2016, true, &err), KP_OK);
	kp_checklist c;
	build(fx, &c, 0);
	for (size_t i = 0; i < c.n; i++)
		assert_int_equal(c.items[i].year, 0);
	assert_null(c.carried);
	checklist_free(&c);
	/* reopened: carried again (the control) */
	assert_int_equal(store_year_close(fx->env.store, 2016, false, &err), KP_OK);
	build(fx, &c, 0);
	assert_non_null(item(&c, "briefing:2016-12", 2016));
	checklist_free(&c);
	/* 2017 looked at in 2016 (not begun): 2016 is not last year yet */
	clock_set_today("2016-12-20");
	build(fx, &c, 0);
	assert_null(c.carried);
	checklist_free(&c);
}

/* The checklist screen (c) lists what the home screen lists: last year's
 * items still owed in front, each with its year; Space on one ticks it in
 * its own year (2016), not in the year worked in, and then it leaves. The
 * matrix's columns scroll so the selected one is always shown. */
static void test_screen_carries_as_home(void **state)
{
	fixture *fx = *state;
	kp_checklist home;
	build(fx, &home, 0); /* the home screen's list (glance_build) */
	ckm_ctx c = {&fx->env, 0, true, "admin"};
	checklist_model m;
	ckm_init(&m, &c);
	assert_int_equal(m.c.n, home.n);
	for (size_t i = 0; i < home.n; i++) {
		assert_string_equal(m.c.items[i].key, home.items[i].key);
		assert_int_equal(m.c.items[i].year, home.items[i].year);
	}
	checklist_free(&home);
	assert_non_null(item(&m.c, "briefing:2016-12", 2016));
	const kp_check_item *b = item(&m.c, "breakdown", 2016);
	assert_non_null(b);
	ckm_arrange(&m, 40);
	while (&m.c.items[m.row] != b)
		assert_int_equal(ckm_key(&m, &c, FN(KEY_DOWN)).kind, MR_HANDLED);
	assert_non_null(strstr(m.detail, "2016年度"));
	assert_true(ckm_acts(&m, &c, ACT_TOGGLE));
	assert_int_equal(ckm_key(&m, &c, SPACE).kind, MR_SAVED);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_ticks WHERE key = 'breakdown' AND year = 2016"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_ticks WHERE key = 'breakdown' AND year = 2017"), 0);
	assert_null(item(&m.c, "breakdown", 2016)); /* done: no longer owed */
	assert_non_null(item(&m.c, "breakdown", 0));
	/* the matrix: 8 columns of more; Right to the last keeps it shown */
	assert_int_equal(ckm_key(&m, &c, TAB).kind, MR_HANDLED);
	assert_true(m.ncols > 8);
	for (size_t k = 0; k < m.ncols; k++) {
		ckm_key(&m, &c, FN(KEY_RIGHT));
		ckm_fit_cols(&m, 8);
		assert_true(m.col >= m.col_top && m.col < m.col_top + 8);
	}
	assert_int_equal(m.col, m.ncols - 1);
	assert_int_equal(m.col_top, m.ncols - 8);
	while (m.col)
		ckm_key(&m, &c, FN(KEY_LEFT));
	ckm_fit_cols(&m, 8);
	assert_int_equal(m.col_top, 0);
	ckm_free(&m);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_last_years_open_items_shown, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_closed_year_not_carried, setup_2017, teardown),
		cmocka_unit_test_setup_teardown(test_screen_carries_as_home, setup_2017, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
