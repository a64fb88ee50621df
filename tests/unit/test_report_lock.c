/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A month's 月报 once the city summed the month up for the province (五.6:
 * units by the 3rd, the city by the 5th), tried as a unit's clerk would
 * try to inflate it weeks later or take it back: an edit and a delete
 * through the store, a save as the form saves, the form itself — refused
 * after the 5th with the day named and nothing changed; the same on the
 * 5th works (the control); the city corrects it after (audited as the
 * city's). The checklist's on-time mark counts from the unit's last
 * change of the figures, never from the city's. */
#include "unit_env.h"

#include <string.h>

#include "core/clock.h"
#include "core/xalloc.h"
#include "domain/save.h"
#include "model_keys.h"
#include "ui/form_model.h"
#include "ui/list_model.h"

#define LOCKED "已由市科协于 2016年8月5日 汇总报送省科协"

static const kp_form *monthly(fixture *fx) { return catalog_form(&fx->env.cat, "monthly"); }

/* unit's July report, saved (as the form saves it) on day. */
static long long file_july(fixture *fx, const char *unit, const char *day)
{
	clock_set_today(day);
	const kp_form *f = monthly(fx);
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, unit);
	static const char *const v[][2] = {{"month", "2016-07"}, {"training_sessions", "0"},
					   {"training_people", "0"}, {"activity_sessions", "2"},
					   {"activity_people", "50"}, {"resources", "0"}};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		record_set(&r, (size_t)form_field_index(f, v[i][0]), v[i][1]);
	char *err = NULL;
	if (store_insert(fx->env.store, f, &r, &err) != KP_OK)
		fail_msg("%s", err);
	long long id = r.id;
	record_free(&r);
	return id;
}

/* The session's change of record id's 参与人数 to people on day. */
static int change(kp_store *s, const kp_form *f, long long id, const char *people, const char *day,
		  char **err)
{
	clock_set_today(day);
	kp_record r;
	if (store_get(s, f, id, &r, err) != KP_OK)
		return KP_ERR;
	record_set(&r, (size_t)form_field_index(f, "activity_people"), people);
	int rc = store_update(s, f, &r, err);
	record_free(&r);
	return rc;
}

static long long people(fixture *fx, long long id)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT activity_people FROM monthly WHERE id = %lld", id);
	return sql_int(fx->path, sql);
}

static kp_store *city_store(fixture *fx)
{
	kp_store *s;
	char *err = NULL;
	assert_int_equal(store_open(fx->path, &s, &err), KP_OK);
	store_set_catalog(s, &fx->env.cat);
	assert_int_equal(store_session(s, SESSION_CITY, "shikexie", 0, &err), KP_OK);
	return s;
}

/* err is read here, after the call that set it (arguments have no order). */
static void expect_locked(int rc, char **err, const char *what)
{
	if (rc == KP_OK || !*err || !strstr(*err, LOCKED) || !strstr(*err, "请联系市科协"))
		fail_msg("%s: not refused as summed up (rc %d, “%s”)", what, rc, *err ? *err : "");
	free(*err);
	*err = NULL;
}

static void test_unit_locked_after_summary(void **state)
{
	fixture *fx = *state;
	const kp_form *f = monthly(fx);
	sign_in_unit(fx, "魏都区");
	long long id = file_july(fx, "魏都区", "2016-08-01");
	char *err = NULL;
	/* control: until the city's summary day (the 5th itself) the unit may */
	assert_int_equal(change(fx->env.store, f, id, "60", "2016-08-05", &err), KP_OK);
	assert_int_equal(people(fx, id), 60);
	long long audits = sql_int(fx->path, "SELECT count(*) FROM kp_audit");
	/* after it: inflated, deleted — refused, nothing changed */
	expect_locked(change(fx->env.store, f, id, "90000", "2016-08-06", &err), &err, "edit");
	expect_locked(store_delete(fx->env.store, f, id, &err), &err, "delete");
	clock_set_today("2016-11-20");
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, id, &r, NULL), KP_OK);
	const char **raw = calloc(f->nfields, sizeof *raw);
	for (size_t i = 0; i < f->nfields; i++)
		raw[i] = r.vals[i];
	raw[form_field_index(f, "activity_people")] = "90000";
	kp_save_opts o = {NULL, false, true, NULL};
	kp_save_result res;
	assert_int_not_equal(record_save(&fx->env, f, &r, raw, &o, &res), SAVE_OK);
	assert_non_null(res.message);
	assert_non_null(strstr(res.message, LOCKED));
	save_result_free(&res);
	free(raw);
	record_free(&r);
	assert_int_equal(people(fx, id), 60);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM monthly"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit"), audits);
	/* a month not summed up yet is the unit's: August's report on 09-02 */
	clock_set_today("2016-09-02");
	kp_record aug;
	record_init(&aug, f->nfields);
	aug.unit_id = store_session_unit(fx->env.store);
	record_set(&aug, (size_t)form_field_index(f, "month"), "2016-08");
	record_set(&aug, (size_t)form_field_index(f, "training_sessions"), "0");
	record_set(&aug, (size_t)form_field_index(f, "training_people"), "0");
	record_set(&aug, (size_t)form_field_index(f, "activity_sessions"), "0");
	record_set(&aug, (size_t)form_field_index(f, "activity_people"), "0");
	record_set(&aug, (size_t)form_field_index(f, "resources"), "0");
	assert_int_equal(store_insert(fx->env.store, f, &aug, &err), KP_OK);
	assert_int_equal(store_delete(fx->env.store, f, aug.id, &err), KP_OK);
	record_free(&aug);
	/* the city, the referee, corrects July after the 5th: audited as its own */
	kp_store *city = city_store(fx);
	assert_int_equal(change(city, f, id, "55", "2016-08-10", &err), KP_OK);
	store_close(city);
	assert_int_equal(people(fx, id), 55);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE user = 'shikexie'"
					   " AND action = 'update' AND form = 'monthly'"), 1);
}

static void test_form_reads_only(void **state)
{
	fixture *fx = *state;
	const kp_form *f = monthly(fx);
	long long u = sign_in_unit(fx, "魏都区");
	long long id = file_july(fx, "魏都区", "2016-08-01");
	fm_ctx c = {&fx->env, "wd", false, NULL, 60, 0};
	fm_result r;
	clock_set_today("2016-08-05"); /* control */
	form_model *m = fm_new(&c, f, id, u, "魏都区", &r);
	assert_non_null(m);
	assert_true(fm_acts(m, &c, ACT_SAVE));
	fm_free(m);
	clock_set_today("2016-08-06");
	m = fm_new(&c, f, id, u, "魏都区", &r);
	assert_non_null(m);
	assert_false(fm_acts(m, &c, ACT_SAVE));
	r = fm_key(m, &c, CH('9'));
	assert_non_null(strstr(r.text, LOCKED));
	fm_free(m);
}

/* Filed as zeros on time and filled in after the 3rd is filed late; the
 * city's correction (after the 5th) moves no unit's mark. */
/* The unit's list offers F8 for July's report until the 5th, then no more
 * (the store would refuse it), as the form reads only. */
static void test_list_offers_no_delete(void **state)
{
	fixture *fx = *state;
	const kp_form *f = monthly(fx);
	sign_in_unit(fx, "魏都区");
	file_july(fx, "魏都区", "2016-08-01");
	lm_ctx c = {fx->env.store, 10, false, true, &fx->env};
	int fields[] = {form_field_index(f, "month")};
	list_model m;
	clock_set_today("2016-08-05"); /* control */
	lm_init(&m, f, NULL, fields, 1);
	lm_restart(&m, &c);
	assert_int_equal(m.n, 1);
	assert_true(lm_acts(&m, &c, ACT_DELETE_RECORD));
	assert_non_null(strstr(keymap_bar_if(CTX_LIST | CTX_UNIT, lm_acts, &m, &c), "F8"));
	assert_int_equal(lm_key(&m, &c, FN(KEY_F(8))).kind, LM_HANDLED);
	assert_int_equal(m.mode, LM_CONFIRM_DELETE); /* 「确定删除？」 */
	assert_int_equal(lm_key(&m, &c, CH('n')).kind, LM_HANDLED);
	clock_set_today("2016-08-06");
	assert_false(lm_acts(&m, &c, ACT_DELETE_RECORD));
	assert_true(lm_acts(&m, &c, ACT_NEW)); /* another month's report may still be filed */
	/* the key line and F1 offer no F8; the key says why at once, asks nothing */
	assert_null(strstr(keymap_bar_if(CTX_LIST | CTX_UNIT, lm_acts, &m, &c), "F8"));
	kp_key_line help[64];
	size_t nh = keymap_help(CTX_LIST | CTX_UNIT, lm_acts, NULL, &m, &c, help, 64);
	assert_true(nh > 0);
	for (size_t i = 0; i < nh; i++) /* nor marks or review states: 月报 is not reviewed */
		assert_true(help[i].action != ACT_DELETE_RECORD && help[i].action != ACT_TOGGLE &&
			    help[i].action != ACT_NEXT && help[i].action != ACT_REVIEW);
	lm_result r = lm_key(&m, &c, FN(KEY_F(8)));
	assert_int_equal(r.kind, LM_REFUSED);
	assert_non_null(strstr(r.text, LOCKED));
	assert_int_equal(m.mode, LM_BROWSE);
	lm_free(&m);
}

static void test_checklist_counts_last_unit_change(void **state)
{
	fixture *fx = *state;
	const kp_form *f = monthly(fx);
	char *pw = add_account(fx, "shikexie", USER_CITY, NULL);
	assert_non_null(pw);
	free(pw);
	char *err = NULL;
	assert_int_equal(store_session(fx->env.store, SESSION_CITY, "admin", 0, &err), KP_OK);
	long long kept = file_july(fx, "魏都区", "2016-08-01");
	long long later = file_july(fx, "长葛市", "2016-08-01");
	long long same = file_july(fx, "禹州市", "2016-08-01");
	kp_store *unit;
	assert_int_equal(store_open(fx->path, &unit, &err), KP_OK);
	store_set_catalog(unit, &fx->env.cat);
	assert_int_equal(store_session(unit, SESSION_UNIT, "cg", store_unit_id(fx->env.store, "长葛市"), &err), KP_OK);
	assert_int_equal(change(unit, f, later, "900", "2016-08-04", &err), KP_OK);
	store_close(unit);
	/* a save that changes no figure is no change: 禹州市 stays on time */
	assert_int_equal(store_open(fx->path, &unit, &err), KP_OK);
	store_set_catalog(unit, &fx->env.cat);
	assert_int_equal(store_session(unit, SESSION_UNIT, "yz", store_unit_id(fx->env.store, "禹州市"), &err), KP_OK);
	assert_int_equal(change(unit, f, same, "50", "2016-08-04", &err), KP_OK);
	store_close(unit);
	kp_store *city = city_store(fx);
	assert_int_equal(change(city, f, kept, "70", "2016-08-04", &err), KP_OK);
	store_close(city);
	clock_set_today("2016-08-20");
	kp_checklist c;
	assert_int_equal(checklist_build(&c, &fx->env, 0), 0);
	const kp_check_item *it = checklist_item(&c, "monthly:2016-07");
	for (size_t i = 0; i < c.nunits; i++) {
		if (!strcmp(c.units[i].name, "魏都区") || !strcmp(c.units[i].name, "禹州市"))
			assert_int_equal(check_item_unit_state(it, i), MS_DONE);
		else if (!strcmp(c.units[i].name, "长葛市"))
			assert_int_equal(check_item_unit_state(it, i), MS_LATE);
	}
	checklist_free(&c);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unit_locked_after_summary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_reads_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_offers_no_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checklist_counts_last_unit_change, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
