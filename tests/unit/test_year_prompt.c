/* SPDX-License-Identifier: MulanPSL-2.0 */
/* F5's year prompt with no terminal: with 2016 and 2017 open, the city is
 * offered the other year and Enter chooses it, Esc chooses nothing; with
 * one year open it says so; a unit before 2017 has begun is offered
 * nothing and told why, and 2017 once it has. */
#include "unit_env.h"

#include "core/clock.h"
#include "model_keys.h"
#include "ui/year_prompt.h"

static int open_2017(void **state)
{
	clock_set_today("2017-08-01");
	fixture *fx = setup_city();
	if (!fx)
		return -1;
	*state = fx;
	char *err = NULL;
	if (env_open_year(&fx->env, 2017, 2016, &err) != 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int only_2016(void **state)
{
	clock_set_today("2016-08-10");
	fixture *fx = setup_city();
	*state = fx;
	return fx ? 0 : -1;
}

static void city_chooses(void **state)
{
	fixture *fx = *state;
	year_prompt p = {0};
	char why[256] = "";
	int to = 0;
	assert_true(year_prompt_open(&p, fx->env.store, "移到哪个年度", 2016, why, sizeof why));
	assert_true(year_prompt_active(&p));
	assert_int_equal(p.n, 1);
	assert_string_equal(p.items[0], "2017 年度");
	assert_false(year_prompt_key(&p, ESC, &to)); /* nothing chosen */
	assert_false(year_prompt_active(&p));
	assert_int_equal(to, 0);
	assert_true(year_prompt_open(&p, fx->env.store, "移到哪个年度", 2017, why, sizeof why));
	assert_string_equal(p.items[0], "2016 年度");
	assert_true(year_prompt_key(&p, ENTER, &to));
	assert_int_equal(to, 2016);
	year_prompt_free(&p);
}

static void one_year(void **state)
{
	fixture *fx = *state;
	year_prompt p = {0};
	char why[256] = "";
	assert_false(year_prompt_open(&p, fx->env.store, "移到哪个年度", 2016, why, sizeof why));
	assert_false(year_prompt_active(&p));
	assert_string_equal(why, "只开启了 2016 年度，没有别的年度可换");
	year_prompt_free(&p);
}

static void unit_not_begun(void **state)
{
	fixture *fx = *state;
	kp_store *s = fx->env.store;
	sign_in_unit(fx, "魏都区");
	year_prompt p = {0};
	char why[256] = "";
	clock_set_today("2016-12-31");
	assert_false(year_prompt_open(&p, s, "移到哪个年度", 2016, why, sizeof why));
	assert_non_null(strstr(why, "还没有开始"));
	clock_set_today("2017-08-01");
	assert_true(year_prompt_open(&p, s, "移到哪个年度", 2016, why, sizeof why));
	assert_string_equal(p.items[0], "2017 年度");
	year_prompt_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(city_chooses, open_2017, teardown),
		cmocka_unit_test_setup_teardown(one_year, only_2016, teardown),
		cmocka_unit_test_setup_teardown(unit_not_begun, open_2017, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
