/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 专家检索's model driven by keys with no terminal: the city finds every
 * unit's talents by words and by pinyin initials as typed, each with why;
 * Backspace and Esc widen again, Enter opens the selected record, Esc on
 * nothing typed closes; a record changed meanwhile is found as it is now
 * after the screen above closes; a unit finds only its own talents. */
#include "unit_env.h"

#include "model_keys.h"
#include "ui/find_model.h"

typedef struct {
	fixture *fx;
	fnd_ctx c;
	long long zhang, li, wang;
} story;

static long long talent(fixture *fx, const char *unit, const char *name, const char *specialty, const char *employer,
			const char *profile)
{
	return save_record(fx, "talent", unit, "name", name, "specialty", specialty, "employer", employer, "phone",
			   "13800000000", "service_categories", "[\"农村科普\"]", "profile", profile, NULL);
}

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (fnd_ctx){&s->fx->env, 10};
	s->zhang = talent(s->fx, "魏都区", "张一", "食品安全", "魏都区科技局", "");
	s->li = talent(s->fx, "长葛市", "李二", "网络安全", "长葛市第一中学", "曾讲食品安全");
	s->wang = talent(s->fx, "长葛市", "王三", "防灾减灾", "长葛市应急局", "");
	*state = s;
	return 0;
}

static int story_teardown(void **state) { return story_free(*state); }

static void city_finds_as_typed(void **state)
{
	story *s = *state;
	find_model m;
	assert_int_equal(fnd_init(&m, &s->c).kind, FND_HANDLED);
	assert_int_equal(m.n, 3); /* nothing typed: everyone */
	/* End and Home go to the last and first result, as in other lists */
	fnd_key(&m, &s->c, FN(KEY_END));
	assert_int_equal(m.sel, 2);
	fnd_key(&m, &s->c, FN(KEY_HOME));
	assert_int_equal(m.sel, 0);
	TYPE_KEYS("食品安全", fnd_key(&m, &s->c, k));
	assert_int_equal(m.n, 2);
	assert_string_equal(fnd_shown(&m, 0, 0), "张一"); /* 科普专长 weighs more than the profile */
	assert_string_equal(fnd_label(&m, 0), "姓名");
	assert_int_equal(m.nwhy, 2);
	assert_non_null(strstr(m.why[0], "食品安全"));
	fnd_key(&m, &s->c, FN(KEY_DOWN));
	fnd_result r = fnd_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, FND_OPEN);
	assert_int_equal(r.id, s->li);
	/* Esc widens to everyone; pinyin initials find 王三 (防灾减灾: fzjz) */
	assert_int_equal(fnd_key(&m, &s->c, ESC).kind, FND_HANDLED);
	assert_int_equal(m.n, 3);
	TYPE_KEYS("fzjz", fnd_key(&m, &s->c, k));
	assert_int_equal(m.n, 1);
	assert_int_equal(fnd_key(&m, &s->c, ENTER).id, s->wang);
	TYPE_KEYS("x", fnd_key(&m, &s->c, k)); /* nobody */
	assert_int_equal(m.n, 0);
	assert_int_equal(fnd_key(&m, &s->c, ENTER).kind, FND_HANDLED);
	fnd_key(&m, &s->c, FN(KEY_BACKSPACE));
	assert_int_equal(m.n, 1);
	/* changed behind the screen: found as it is now when it comes back */
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE talent SET name = '王三丰' WHERE id = %lld", s->wang);
	sql_run(s->fx->path, sql);
	assert_int_equal(fnd_reload(&m, &s->c).kind, FND_HANDLED);
	assert_string_equal(fnd_shown(&m, 0, 0), "王三丰");
	fnd_key(&m, &s->c, ESC);
	assert_int_equal(fnd_key(&m, &s->c, ESC).kind, FND_CLOSE);
	fnd_free(&m);
}

static void unit_finds_its_own(void **state)
{
	story *s = *state;
	sign_in_unit(s->fx, "长葛市");
	find_model m;
	assert_int_equal(fnd_init(&m, &s->c).kind, FND_HANDLED);
	assert_int_equal(m.n, 2);
	TYPE_KEYS("食品", fnd_key(&m, &s->c, k));
	assert_int_equal(m.n, 1); /* 张一 of 魏都区 is not there */
	assert_string_equal(fnd_shown(&m, 0, 0), "李二");
	assert_string_equal(finder_unit(m.fd, m.hits[0].entry), "长葛市");
	fnd_free(&m);
}

/* A page too short for the hits: its last line counts those above and
 * below (they were hidden with no mark); a page that fits has none. */
static void hidden_hits_counted(void **state)
{
	story *s = *state;
	fnd_ctx two = {&s->fx->env, 2}; /* a hit and the mark's line */
	find_model m;
	assert_int_equal(fnd_init(&m, &two).kind, FND_HANDLED);
	assert_int_equal(m.n, 3);
	assert_true(m.win.mark);
	assert_int_equal(m.nwhy, 1);
	assert_string_equal(m.more, "↓ 还有 2 项");
	fnd_key(&m, &two, FN(KEY_DOWN));
	assert_string_equal(m.more, "↑ 上面还有 1 项  ↓ 还有 1 项");
	fnd_key(&m, &two, FN(KEY_END));
	assert_int_equal(m.top, 2);
	assert_string_equal(m.more, "↑ 上面还有 2 项");
	fnd_set_rows(&m, &s->c); /* ten rows: all fit, no mark */
	assert_false(m.win.mark);
	assert_int_equal(m.nwhy, 3);
	assert_string_equal(m.more, "");
	fnd_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(city_finds_as_typed, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unit_finds_its_own, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(hidden_hits_counted, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
