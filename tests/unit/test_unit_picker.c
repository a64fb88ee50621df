/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The city's unit picker driven by keys with no terminal: every unit of
 * 附表1 offered, the last choice highlighted first, typing pinyin initials
 * filters, Enter returns the unit (id and name) for the caller to act on,
 * Esc returns nothing chosen; a unit account is never offered it (the
 * menu and list models open its own unit's form at once). */
#include "unit_env.h"

#include "model_keys.h"
#include "ui/menu_model.h"
#include "ui/unit_picker.h"

typedef struct {
	fixture *fx;
	unit_picker p;
} story;

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	picker_init(&s->p, s->fx->env.store);
	*state = s;
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	picker_free(&s->p);
	return story_free(s);
}

static const char *highlighted(const unit_picker *p)
{
	return p->pop.items[p->pop.match[p->pop.sel]];
}

static void initials_filter_and_enter_returns_the_unit(void **state)
{
	story *s = *state;
	long long wd = store_unit_id(s->fx->env.store, "魏都区");
	assert_true(wd > 0);
	picker_open(&s->p, 0);
	assert_true(s->p.pop.open);
	assert_true(s->p.n > 2);
	assert_int_equal(s->p.pop.nmatch, s->p.n); /* control: all before typing */
	pick_result r;
	TYPE_KEYS("wdq", assert_int_equal((r = picker_key(&s->p, k)).kind, PICK_OPEN));
	assert_int_equal(s->p.pop.nmatch, 1);
	assert_string_equal(highlighted(&s->p), "魏都区");
	r = picker_key(&s->p, ENTER);
	assert_int_equal(r.kind, PICK_CHOSEN);
	assert_int_equal(r.id, wd);
	assert_string_equal(r.name, "魏都区");
	assert_false(s->p.pop.open);
}

static void last_choice_first(void **state)
{
	story *s = *state;
	long long cg = store_unit_id(s->fx->env.store, "长葛市");
	picker_open(&s->p, cg);
	assert_string_equal(highlighted(&s->p), "长葛市");
	pick_result r = picker_key(&s->p, ENTER);
	assert_int_equal(r.kind, PICK_CHOSEN);
	assert_int_equal(r.id, cg);
}

static void esc_chooses_nothing(void **state)
{
	story *s = *state;
	picker_open(&s->p, 0);
	TYPE_KEYS("wd", picker_key(&s->p, k));
	pick_result r = picker_key(&s->p, ESC);
	assert_int_equal(r.kind, PICK_NONE);
	assert_int_equal(r.id, 0);
	assert_null(r.name);
	assert_false(s->p.pop.open);
}

/* The menu's 2: the city is offered the picker (and
 * the form opens for the unit it chose), a unit account never is (the
 * list's F7 likewise: test_list_model). */
static void unit_account_never_offered(void **state)
{
	story *s = *state;
	kp_env *e = &s->fx->env;
	const kp_form *talent = catalog_form(&e->cat, "talent");
	menu_model m;
	mm_ctx c = {e, true, 0, 0, "admin", false};
	mm_init(&m, &c);
	assert_int_equal(mm_key(&m, &c, CH('2')).kind, MM_PICK_UNIT); /* control: the city */
	picker_open(&s->p, 0);
	TYPE_KEYS("xcxy", picker_key(&s->p, k));
	pick_result p = picker_key(&s->p, ENTER);
	assert_int_equal(p.kind, PICK_CHOSEN);
	assert_string_equal(p.name, "许昌学院");
	c.entry_unit = p.id; /* what the menu makes of it (app_set_pick) */
	mm_result r = mm_picked(&m, &c);
	assert_int_equal(r.kind, MM_OPEN);
	assert_ptr_equal(r.open.form, talent);
	mm_free(&m);

	long long u = sign_in_unit(s->fx, "许昌学院");
	c = (mm_ctx){e, false, u, u, "wd", false};
	mm_init(&m, &c);
	r = mm_key(&m, &c, CH('2'));
	assert_int_equal(r.kind, MM_OPEN); /* at once, no picker */
	assert_ptr_equal(r.open.form, talent);
	mm_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(initials_filter_and_enter_returns_the_unit, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(last_choice_first, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(esc_chooses_nothing, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unit_account_never_offered, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
