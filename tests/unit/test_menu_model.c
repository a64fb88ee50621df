/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The main menu's model driven by keys with no terminal: quitting is asked
 * (F10, Esc, q and the 退出 item), the city's queue and its key, a unit's
 * counts by state, a programme year opened (and closed, reopened) by the
 * city (refused for a unit), the items that do not fit marked above and below. */
#include "unit_env.h"

#include "core/clock.h"
#include "model_keys.h"
#include "ui/menu_model.h"


typedef struct {
	fixture *fx;
	mm_ctx c;
	menu_model m;
} story;

static int city_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (mm_ctx){&s->fx->env, true, 0, 0, "admin", false};
	mm_init(&s->m, &s->c);
	*state = s;
	return 0;
}

/* Signed in as 许昌学院's account instead. */
static void as_unit(story *s)
{
	kp_store *st = s->fx->env.store;
	long long u = store_unit_id(st, "许昌学院");
	char *err = NULL;
	if (store_session(st, SESSION_UNIT, "xcxy", u, &err) != KP_OK)
		fail_msg("%s", err);
	s->c = (mm_ctx){&s->fx->env, false, u, u, "xcxy", false};
	mm_free(&s->m);
	mm_init(&s->m, &s->c);
}

static int story_teardown(void **state)
{
	story *s = *state;
	mm_free(&s->m);
	return story_free(s);
}

/* 许昌学院 submits record id of form (and id2 of form2, when given); then
 * the city signs in again (kepu started afresh) and the menu opens. */
static void submit_then_city(story *s, const char *form, long long id, const char *form2, long long id2)
{
	kp_store *st = s->fx->env.store;
	char *err = NULL;
	if (store_session(st, SESSION_UNIT, "xcxy", store_unit_id(st, "许昌学院"), &err) != KP_OK ||
	    store_set_state(st, catalog_form(&s->fx->env.cat, form), id, "draft", "submitted", "", "submit",
			    &err) != KP_OK ||
	    (form2 && store_set_state(st, catalog_form(&s->fx->env.cat, form2), id2, "draft", "submitted", "",
				      "submit", &err) != KP_OK))
		fail_msg("%s", err);
	mm_free(&s->m);
	env_close(&s->fx->env);
	reopen(s->fx);
	if (store_session(s->fx->env.store, SESSION_CITY, "admin", 0, &err) != KP_OK)
		fail_msg("%s", err);
	mm_init(&s->m, &s->c);
}

/* Two 附表2 people of 许昌学院, the first submitted for review by its unit;
 * then the city signs in again and the menu opens. */
static void submit_one(story *s)
{
	long long id = save_person(s->fx, "王芳", "13812345678");
	save_person(s->fx, "李明", "13812345679");
	submit_then_city(s, "talent", id, NULL, 0);
}

static mm_kind press(story *s, kp_key k) { return mm_key(&s->m, &s->c, k).kind; }

/* Issue 23 (6): F10 ended the session at once (over SSH: logged out). */
static void test_quit_is_asked(void **state)
{
	story *s = *state;
	char q[256];
	const kp_key keys[] = {FN(KEY_F(10)), CH(27), CH('q')};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		assert_int_equal(press(s, keys[i]), MM_HANDLED);
		assert_int_equal(s->m.mode, MM_CONFIRM_QUIT);
		mm_question(&s->m, q, sizeof q);
		assert_non_null(strstr(q, "退出 kepu？"));
		/* a second F10 is no yes: asked again, never quit */
		assert_int_equal(press(s, FN(KEY_F(10))), MM_HANDLED);
		assert_int_equal(s->m.mode, MM_CONFIRM_QUIT);
		assert_int_equal(press(s, CH('n')), MM_HANDLED); /* stays */
		assert_int_equal(s->m.mode, MM_BROWSE);
	}
	/* another key is ignored, the question stays: 2 opens nothing, Enter
	 * opens no item */
	assert_int_equal(press(s, FN(KEY_F(10))), MM_HANDLED);
	assert_int_equal(press(s, CH('2')), MM_HANDLED);
	assert_int_equal(press(s, CH('\r')), MM_HANDLED);
	assert_int_equal(press(s, FN(KEY_DOWN)), MM_HANDLED);
	assert_int_equal(s->m.mode, MM_CONFIRM_QUIT);
	assert_int_equal(s->m.sel, 0);
	assert_int_equal(press(s, CH('N')), MM_HANDLED); /* N answers no */
	assert_int_equal(s->m.mode, MM_BROWSE);
	assert_int_equal(press(s, CH('2')), MM_PICK_UNIT); /* positive control: 2 opens 附表2 */
	assert_int_equal(s->m.mode, MM_BROWSE);
	assert_int_equal(press(s, CH('q')), MM_HANDLED);
	assert_int_equal(press(s, CH('y')), MM_QUIT); /* positive control: y quits */
	/* the 退出 item asks as well */
	s->m.sel = s->m.n - 1;
	assert_int_equal(s->m.items[s->m.sel].kind, ITEM_QUIT);
	assert_int_equal(press(s, CH('\r')), MM_HANDLED);
	assert_int_equal(s->m.mode, MM_CONFIRM_QUIT);
	assert_int_equal(press(s, CH(27)), MM_HANDLED); /* Esc answers no */
	assert_int_equal(s->m.mode, MM_BROWSE);
}

/* A digit opens its form: the city picks the unit first; a unit at once. */
static void test_digit_opens(void **state)
{
	story *s = *state;
	const kp_form *talent = catalog_form(&s->fx->env.cat, "talent");
	assert_int_equal(press(s, CH('2')), MM_PICK_UNIT);
	s->c.entry_unit = store_unit_id(s->fx->env.store, "许昌学院");
	mm_result r = mm_picked(&s->m, &s->c);
	assert_int_equal(r.kind, MM_OPEN);
	assert_int_equal(r.open.id, SCR_FORM);
	assert_ptr_equal(r.open.form, talent);
	as_unit(s);
	r = mm_key(&s->m, &s->c, CH('2'));
	assert_int_equal(r.kind, MM_OPEN);
	assert_ptr_equal(r.open.form, talent);
}

/* Issue 23 (7): the city's main screen did not say what waits for it. */
static void test_city_queue(void **state)
{
	story *s = *state;
	const kp_form *talent = catalog_form(&s->fx->env.cat, "talent");
	mm_result r = mm_key(&s->m, &s->c, CH('r'));
	assert_int_equal(r.kind, MM_REFUSED); /* nothing waits yet */
	assert_non_null(strstr(r.text, "没有等待"));
	assert_false(mm_acts(&s->m, &s->c, ACT_M_QUEUE));
	submit_one(s);
	talent = catalog_form(&s->fx->env.cat, "talent");
	assert_int_equal(mm_waiting(&s->m), 1);
	assert_true(mm_acts(&s->m, &s->c, ACT_M_QUEUE));
	r = mm_key(&s->m, &s->c, CH('r'));
	assert_int_equal(r.kind, MM_OPEN);
	assert_int_equal(r.open.id, SCR_QUEUE);
	assert_ptr_equal(r.open.form, talent);
}

/* Issue 23 (7): a unit's counts said only approved records, unnamed. */
static void test_unit_counts_by_state(void **state)
{
	story *s = *state;
	submit_one(s);
	const kp_form *talent = catalog_form(&s->fx->env.cat, "talent");
	as_unit(s);
	const mm_tally *t = NULL;
	for (size_t i = 0; i < s->m.ntally; i++)
		if (s->m.tally[i].form == talent)
			t = &s->m.tally[i];
	assert_non_null(t);
	assert_int_equal(t->n[ST_SUBMITTED], 1);
	assert_int_equal(t->n[ST_DRAFT], 1);
	assert_int_equal(t->n[ST_APPROVED], 0);
	/* the queue is the city's: a unit's r is refused, and not offered */
	assert_int_equal(press(s, CH('r')), MM_REFUSED);
	assert_false(mm_acts(&s->m, &s->c, ACT_M_QUEUE));
}

/* A talent approved in 2016 stays in 2017's 附表2 list (the pool), but
 * 2017's 已认定 (the ranking's count, the glance's 科普人才 0/N) counts
 * only 2017's: the unit's counts say 往年已认定 for it, never 已认定
 * beside a 0 (the control: 2016 says 已认定 1). */
static void test_unit_counts_carried(void **state)
{
	story *s = *state;
	submit_one(s);
	fixture *fx = s->fx;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	long long id = sql_int(fx->path, "SELECT id FROM talent WHERE kp_state = 'submitted'");
	char *err = NULL;
	city_views(fx->env.store, talent, id);
	if (store_set_state(fx->env.store, talent, id, "submitted", "approved", "", "approve", &err) != KP_OK ||
	    env_open_year(&fx->env, 2017, 2016, &err) != 0)
		fail_msg("%s", err);
	as_unit(s);
	char *text = mm_counts_text(&s->m, &s->c);
	assert_non_null(strstr(text, "附表2 已认定 1 / 草稿 1")); /* control: the year it was approved in */
	free(text);
	assert_int_equal(env_use_year(&fx->env, 2017, &err), 0);
	mm_count(&s->m, &s->c);
	text = mm_counts_text(&s->m, &s->c);
	assert_non_null(strstr(text, "附表2 往年已认定 1 / 草稿 1"));
	assert_null(strstr(text, " 已认定"));
	free(text);
}

/* Issue 23 (10): the city opens a year in the terminal, asked by name. */
static void test_city_opens_year(void **state)
{
	story *s = *state;
	kp_year *y;
	size_t before = store_years(s->fx->env.store, &y);
	int newest = y[before - 1].year;
	years_free(y, before);
	assert_false(mm_acts(&s->m, &s->c, ACT_YEAR)); /* one year: nothing to move to */
	assert_true(mm_acts(&s->m, &s->c, ACT_M_OPEN_YEAR));
	assert_int_equal(press(s, CH('o')), MM_HANDLED);
	assert_int_equal(s->m.mode, MM_CONFIRM_YEAR);
	char q[256], want[16];
	mm_question(&s->m, q, sizeof q);
	snprintf(want, sizeof want, "%d", newest + 1);
	assert_non_null(strstr(q, want));
	assert_int_equal(press(s, CH('n')), MM_HANDLED); /* no: nothing opened */
	assert_int_equal(store_years(s->fx->env.store, &y), before);
	years_free(y, before);
	assert_int_equal(press(s, CH('o')), MM_HANDLED);
	mm_result r = mm_key(&s->m, &s->c, CH('y'));
	assert_int_equal(r.kind, MM_YEAR);
	assert_non_null(strstr(r.text, want));
	size_t after = store_years(s->fx->env.store, &y);
	assert_int_equal(after, before + 1);
	assert_int_equal(y[after - 1].year, newest + 1);
	years_free(y, after);
	assert_true(mm_acts(&s->m, &s->c, ACT_YEAR)); /* now y moves */
	/* the same rules as kepu year open: a year opened twice is refused */
	s->m.open_year = newest + 1;
	s->m.open_from = newest;
	s->m.mode = MM_CONFIRM_YEAR;
	r = mm_key(&s->m, &s->c, CH('y'));
	assert_int_equal(r.kind, MM_REFUSED);
	assert_true(r.error);
}

static void test_unit_may_not_open_year(void **state)
{
	story *s = *state;
	as_unit(s);
	kp_year *y;
	size_t before = store_years(s->fx->env.store, &y);
	years_free(y, before);
	assert_false(mm_acts(&s->m, &s->c, ACT_M_OPEN_YEAR));
	mm_result r = mm_key(&s->m, &s->c, CH('o'));
	assert_int_equal(r.kind, MM_REFUSED);
	assert_non_null(strstr(r.text, "市科协"));
	assert_int_equal(s->m.mode, MM_BROWSE);
	/* and the store refuses the path itself for a unit session */
	char *err = NULL;
	assert_int_not_equal(env_open_year(&s->fx->env, 2030, 2016, &err), 0);
	assert_non_null(err);
	free(err);
	assert_int_equal(store_years(s->fx->env.store, &y), before);
	years_free(y, before);
}

/* x closes the year worked in once the city said yes to the question
 * naming it and what it means; x again, 全部单位, asks to reopen it. */
static void test_city_closes_year(void **state)
{
	story *s = *state;
	int year = store_year(s->fx->env.store);
	char q[512], want[32];
	assert_true(mm_acts(&s->m, &s->c, ACT_M_CLOSE_YEAR));
	assert_int_equal(press(s, CH('x')), MM_HANDLED);
	assert_int_equal(s->m.mode, MM_CONFIRM_CLOSE);
	mm_question(&s->m, q, sizeof q);
	snprintf(want, sizeof want, "结束 %d 年度？", year);
	assert_non_null(strstr(q, want));
	assert_non_null(strstr(q, "各单位不能再新增、修改、提交或导入"));
	assert_int_equal(press(s, CH('n')), MM_HANDLED); /* no: still open */
	assert_false(store_year_closed(s->fx->env.store, year));
	assert_int_equal(press(s, CH('x')), MM_HANDLED);
	mm_result r = mm_key(&s->m, &s->c, CH('y'));
	assert_int_equal(r.kind, MM_YEAR);
	assert_false(r.error);
	assert_true(store_year_closed(s->fx->env.store, year));
	assert_int_equal(press(s, CH('x')), MM_HANDLED); /* closed: whom to reopen it for */
	assert_int_equal(s->m.mode, MM_REOPEN);
	assert_int_equal(press(s, ENTER), MM_HANDLED); /* 全部单位 */
	mm_question(&s->m, q, sizeof q);
	snprintf(want, sizeof want, "重新开放 %d 年度？", year);
	assert_non_null(strstr(q, want));
	assert_int_equal(mm_key(&s->m, &s->c, CH('y')).kind, MM_YEAR);
	assert_false(store_year_closed(s->fx->env.store, year));
}

/* t4h #4: on 2016-12-31 the 12月月报 (due 2017-01-03) is still running:
 * the question names it and how many units owe it, and a first y only
 * asks again; n there leaves the year open, y then closes it. */
static void test_close_names_items_still_due(void **state)
{
	story *s = *state;
	clock_set_today("2016-12-31");
	char q[1536];
	assert_int_equal(press(s, CH('x')), MM_HANDLED);
	mm_question(&s->m, q, sizeof q);
	assert_non_null(strstr(q, "结束 2016 年度？"));
	assert_non_null(strstr(q, "12月月报：培训、活动、资源情况」2017年1月3日截止，还有 19 个单位未完成"));
	assert_int_equal(press(s, CH('y')), MM_HANDLED); /* the first yes asks again */
	assert_false(store_year_closed(s->fx->env.store, 2016));
	mm_question(&s->m, q, sizeof q);
	assert_non_null(strstr(q, "确定现在就结束 2016 年度"));
	assert_int_equal(press(s, CH('n')), MM_HANDLED);
	assert_false(store_year_closed(s->fx->env.store, 2016));
	assert_int_equal(s->m.mode, MM_BROWSE);
	assert_int_equal(press(s, CH('x')), MM_HANDLED); /* asked afresh, twice again */
	assert_int_equal(press(s, CH('y')), MM_HANDLED);
	assert_int_equal(mm_key(&s->m, &s->c, CH('y')).kind, MM_YEAR);
	assert_true(store_year_closed(s->fx->env.store, 2016));
}

static void test_unit_may_not_close_year(void **state)
{
	story *s = *state;
	as_unit(s);
	int year = store_year(s->fx->env.store);
	assert_false(mm_acts(&s->m, &s->c, ACT_M_CLOSE_YEAR));
	mm_result r = mm_key(&s->m, &s->c, CH('x'));
	assert_int_equal(r.kind, MM_REFUSED);
	assert_int_equal(s->m.mode, MM_BROWSE);
	/* a unit that forces the question is refused by the store */
	s->m.mode = MM_CONFIRM_CLOSE;
	s->m.close_year = year;
	s->m.closing = true;
	r = mm_key(&s->m, &s->c, CH('y'));
	assert_int_equal(r.kind, MM_REFUSED);
	assert_non_null(strstr(r.text, "只有市科协"));
	assert_false(store_year_closed(s->fx->env.store, year));
}

/* Issue 23 (9): rows of the menu hidden at 80x24 without a mark. */
static void test_more_marks(void **state)
{
	story *s = *state;
	mm_arrange(&s->m, 6);
	assert_true(s->m.win.mark); /* the sixth line is the mark */
	assert_int_equal(s->m.win.shown, 5);
	assert_int_equal(s->m.win.top, 0);
	assert_int_equal(s->m.win.below, s->m.n - 5);
	assert_int_equal(press(s, FN(KEY_END)), MM_HANDLED);
	mm_arrange(&s->m, 6);
	assert_int_equal(s->m.win.top, s->m.n - 5);
	assert_int_equal(s->m.win.below, 0);
	assert_true(s->m.sel >= s->m.win.top && s->m.sel < s->m.win.top + s->m.win.shown);
	/* positive control: every item fits, no mark */
	mm_arrange(&s->m, (int)s->m.n);
	assert_false(s->m.win.mark);
	assert_int_equal(s->m.win.shown, s->m.n);
}

/* Records of two forms waiting: r offers the forms with their counts (it
 * opened the first form only); Down and Enter open the second's queue, Esc
 * goes back to the menu. With one form waiting r opens it at once. */
static void test_city_queue_picker(void **state)
{
	story *s = *state;
	long long id = save_person(s->fx, "王芳", "13812345678");
	long long act = save_record(s->fx, "activity", "许昌学院", "name", "科普讲座", "held_on", "2016-07-08", "form",
				    "科普讲座", "targets", "[\"校园\"]", "place", "一中", "participants", "30", NULL);
	submit_then_city(s, "talent", id, "activity", act);
	assert_int_equal(mm_waiting(&s->m), 2);
	mm_result r = mm_key(&s->m, &s->c, CH('r'));
	assert_int_equal(r.kind, MM_HANDLED);
	assert_int_equal(s->m.mode, MM_PICK_QUEUE);
	assert_int_equal(s->m.nqueue, 2);
	assert_non_null(strstr(s->m.queue_items[0], "1 条"));
	assert_true(mm_acts(&s->m, &s->c, ACT_ACCEPT)); /* the picker's keys on the key line */
	assert_false(mm_acts(&s->m, &s->c, ACT_YES));
	assert_int_equal(press(s, CH(27)), MM_HANDLED); /* Esc: back to the menu */
	assert_int_equal(s->m.mode, MM_BROWSE);
	mm_key(&s->m, &s->c, CH('r'));
	const kp_form *second = s->m.queue_forms[1];
	press(s, FN(KEY_DOWN));
	r = mm_key(&s->m, &s->c, CH('\r'));
	assert_int_equal(r.kind, MM_OPEN);
	assert_int_equal(r.open.id, SCR_QUEUE);
	assert_ptr_equal(r.open.form, second);
	assert_int_equal(s->m.mode, MM_BROWSE);
}

/* t3h #15: records submitted after the menu counted (another clerk's
 * session) are in the picker's counts when r opens it, as in the list it
 * opens, not the counts of sign-in. */
static void test_city_queue_picker_counts_now(void **state)
{
	story *s = *state;
	long long id = save_person(s->fx, "王芳", "13812345678");
	long long act = save_record(s->fx, "activity", "许昌学院", "name", "科普讲座", "held_on", "2016-07-08", "form",
				    "科普讲座", "targets", "[\"校园\"]", "place", "一中", "participants", "30", NULL);
	long long later = save_record(s->fx, "activity", "许昌学院", "name", "科普展览", "held_on", "2016-07-09",
				      "form", "科普讲座", "targets", "[\"校园\"]", "place", "一中", "participants", "30",
				      NULL);
	submit_then_city(s, "talent", id, "activity", act);
	assert_int_equal(mm_waiting(&s->m), 2);
	/* the unit's clerk, in a session of its own, submits one more */
	kp_store *u;
	char *err = NULL;
	assert_int_equal(store_open(s->fx->path, &u, &err), KP_OK);
	if (store_session(u, SESSION_UNIT, "xcxy", store_unit_id(u, "许昌学院"), &err) != KP_OK ||
	    store_set_state(u, catalog_form(&s->fx->env.cat, "activity"), later, "draft", "submitted", "", "submit",
			    &err) != KP_OK)
		fail_msg("%s", err);
	store_close(u);
	assert_int_equal(mm_key(&s->m, &s->c, CH('r')).kind, MM_HANDLED);
	assert_int_equal(s->m.nqueue, 2);
	bool two = false; /* the activities: 2 now (1 at sign-in); 附表2 still 1 */
	for (size_t i = 0; i < s->m.nqueue; i++) {
		if (s->m.queue_forms[i] == catalog_form(&s->fx->env.cat, "activity"))
			two = strstr(s->m.queue_items[i], "2 条") != NULL;
		else
			assert_non_null(strstr(s->m.queue_items[i], "1 条"));
	}
	assert_true(two);
	assert_int_equal(mm_waiting(&s->m), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_quit_is_asked, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_digit_opens, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_city_queue, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_city_queue_picker_counts_now, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_unit_counts_by_state, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_unit_counts_carried, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_city_opens_year, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_unit_may_not_open_year, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_city_closes_year, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_close_names_items_still_due, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_unit_may_not_close_year, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_more_marks, city_setup, story_teardown),
		cmocka_unit_test_setup_teardown(test_city_queue_picker, city_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
