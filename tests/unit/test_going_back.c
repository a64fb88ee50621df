/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Going back (issue 23, 5): F3 on a form with nothing typed gives the
 * form's place to its list, so Esc there returns to where the form came
 * from and not into an empty form (where the next menu key became 姓名);
 * with something typed the form stays under the list, its input kept. */
#include "unit_env.h"

#include "model_keys.h"
#include "ui/form_model.h"


static form_model *open_form(fixture *fx, fm_ctx *c, long long id)
{
	*c = (fm_ctx){&fx->env, "admin", false, NULL, 40, 0};
	fm_result res;
	form_model *m = fm_new(c, catalog_form(&fx->env.cat, "talent"), id,
			       store_unit_id(fx->env.store, "许昌学院"), "许昌学院", &res);
	if (!m)
		fail_msg("%s", res.text);
	return m;
}

static void test_empty_form_gives_way(void **state)
{
	fixture *fx = *state;
	fm_ctx c;
	form_model *m = open_form(fx, &c, 0);
	fm_result r = fm_key(m, &c, FN(KEY_F(3)));
	assert_int_equal(r.kind, FM_OPEN);
	assert_int_equal(r.open, FM_OPEN_LIST);
	assert_true(r.replace); /* today: the form stayed under the list */
	fm_free(m);
}

static void test_typed_form_stays(void **state)
{
	fixture *fx = *state;
	fm_ctx c;
	form_model *m = open_form(fx, &c, 0);
	fm_key(m, &c, CH('m'));
	fm_result r = fm_key(m, &c, FN(KEY_F(3)));
	assert_int_equal(r.kind, FM_OPEN);
	assert_false(r.replace); /* the input is not thrown away by opening the list */
	fm_free(m);
}

static void test_unchanged_record_gives_way(void **state)
{
	fixture *fx = *state;
	long long id = save_person(fx, "王芳", "13812345678");
	fm_ctx c;
	form_model *m = open_form(fx, &c, id);
	fm_result r = fm_key(m, &c, CH('\t'));
	r = fm_key(m, &c, FN(KEY_F(3)));
	assert_int_equal(r.kind, FM_OPEN);
	assert_true(r.replace);
	fm_free(m);
}

static int city(void **state)
{
	*state = setup_city();
	return *state ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_form_gives_way, city, teardown),
		cmocka_unit_test_setup_teardown(test_typed_form_stays, city, teardown),
		cmocka_unit_test_setup_teardown(test_unchanged_record_gives_way, city, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
