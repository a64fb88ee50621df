/* SPDX-License-Identifier: MulanPSL-2.0 */
/* One save path (#22.7): every front end's values pass record_validate
 * (domain/save.c), and the store refuses, on each write it offers the front
 * ends, a record that fails the form's rules — a record built by hand
 * around the domain, or one changed after its check — while a record
 * carrying its check's proof is written without a second validation. */
#include "unit_env.h"

#include "domain/save.h"

/* A 附表2 talent of 许昌学院 as a clerk would type it (raw), valid unless
 * changed. */
static const char *talent_raw[][2] = {
	{"name", "张三"}, {"gender", "男"}, {"age", "40"}, {"ethnicity", "汉族"}, {"political", "群众"},
	{"education", "本科"}, {"industry", "农业"}, {"specialty", "果树栽培"}, {"employer", "许昌市第一中学"},
	{"title", "教师"}, {"phone", "13812345678"}, {"service_categories", "青少年科普"},
};

static const char **raw_new(const kp_form *f)
{
	const char **raw = calloc(f->nfields, sizeof *raw);
	for (size_t i = 0; i < sizeof talent_raw / sizeof talent_raw[0]; i++) {
		int k = form_field_index(f, talent_raw[i][0]);
		assert_true(k >= 0);
		raw[k] = talent_raw[i][1];
	}
	return raw;
}

/* The record as record_validate makes it: its values and its proof. */
static kp_record checked(fixture *fx, const kp_form *f, const char **raw, int *bad)
{
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, "许昌学院");
	char **vals = calloc(f->nfields, sizeof *vals), **why = calloc(f->nfields, sizeof *why);
	*bad = record_validate(&fx->env, f, raw, vals, why, &r.proof);
	for (size_t i = 0; i < f->nfields; i++) {
		if (vals[i])
			record_set(&r, i, vals[i]);
		free(vals[i]);
		free(why[i]);
	}
	free(vals);
	free(why);
	return r;
}

static void set(kp_record *r, const kp_form *f, const char *field, const char *v)
{
	record_set(r, (size_t)form_field_index(f, field), v);
}

/* A store write refused with its field named (label, or NULL: any); its
 * message freed. */
static void refused(int rc, char **err, const char *label)
{
	assert_int_equal(rc, KP_ERR);
	assert_non_null(*err);
	if (label)
		assert_non_null(strstr(*err, label));
	free(*err);
	*err = NULL;
}

/* The record of valid typed values, as checked: it has its proof. */
static kp_record valid(fixture *fx, const kp_form *f, const char **raw)
{
	int bad;
	kp_record r = checked(fx, f, raw, &bad);
	assert_int_equal(bad, 0);
	assert_true(r.proof != 0);
	return r;
}

/* Each test's start: the fixture, 附表2, a valid typed talent (raw) and
 * its record as checked (*r). */
static fixture *begin(void **state, const kp_form **f, const char ***raw, kp_record *r)
{
	fixture *fx = *state;
	*f = catalog_form(&fx->env.cat, "talent");
	*raw = raw_new(*f);
	*r = valid(fx, *f, *raw);
	return fx;
}

/* The proof: given for valid values only, and only under the store's own
 * definitions. */
static void test_proof_only_for_valid_values(void **state)
{
	const kp_form *f;
	const char **raw;
	kp_record r;
	fixture *fx = begin(state, &f, &raw, &r); /* positive control: valid, a proof */
	record_free(&r);
	int bad;
	raw[form_field_index(f, "phone")] = "12345";
	r = checked(fx, f, raw, &bad);
	assert_int_equal(bad, 1);
	assert_true(r.proof == 0);
	record_free(&r);
	raw[form_field_index(f, "phone")] = "13812345678";
	/* other definitions than the store's: a check, but no proof */
	char *out[64] = {0}, *why[64] = {0};
	assert_true(f->nfields <= 64);
	kp_catalog other = fx->env.cat;
	kp_proof p = 1;
	assert_int_equal(store_validate(fx->env.store, &other, f, raw, out, why, &p), 0);
	assert_true(p == 0);
	for (size_t i = 0; i < f->nfields; i++)
		free(out[i]), free(why[i]);
	free(raw);
}

/* The form's and kepu save's path (store_insert), written around the
 * domain: a value the form refuses, with no proof, with a made-up proof,
 * or changed after a real check, is refused and nothing is stored. */
static void test_insert_refuses_around_the_domain(void **state)
{
	const kp_form *f;
	const char **raw;
	kp_record r;
	fixture *fx = begin(state, &f, &raw, &r);
	char *err = NULL;
	set(&r, f, "name", "x1"); /* changed after its check: the proof is for 张三 */
	refused(store_insert(fx->env.store, f, &r, &err), &err, "姓名：");
	r.proof = 0x1234; /* a proof not made by the store */
	refused(store_insert(fx->env.store, f, &r, &err), &err, NULL);
	r.proof = 0; /* none */
	refused(store_insert(fx->env.store, f, &r, &err), &err, NULL);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 0);
	record_free(&r);
	r = valid(fx, f, raw); /* positive control: as checked */
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE name = '张三'"), 1);
	/* valid values built by hand, without a proof: validated by the store, stored */
	set(&r, f, "name", "李四");
	r.proof = 0;
	r.id = 0;
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	record_free(&r);
	free(raw);
}

/* A table cell's path (store_update), and the form's on an edit: the
 * proof of the record as read does not cover a value changed since. */
static void test_update_refuses_around_the_domain(void **state)
{
	const kp_form *f;
	const char **raw;
	kp_record r;
	fixture *fx = begin(state, &f, &raw, &r);
	char *err = NULL;
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	set(&r, f, "age", "abc");
	refused(store_update(fx->env.store, f, &r, &err), &err, "年龄：");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE age = '40' AND version = 1"), 1);
	set(&r, f, "age", "41"); /* positive control: valid, checked by the store itself */
	assert_int_equal(store_update(fx->env.store, f, &r, &err), KP_OK);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE age = '41'"), 1);
	record_free(&r);
	free(raw);
}

/* An import's path (a batch with a source, as transfer.c writes): before
 * #22 its rows were trusted to be checked on the reading thread; a row
 * written around that check is refused, and so is one changed after it,
 * on the insert and on the --update of a stored person. */
static void test_import_batch_refuses_around_the_domain(void **state)
{
	const kp_form *f;
	const char **raw;
	kp_record r;
	fixture *fx = begin(state, &f, &raw, &r);
	char *err = NULL;
	kp_batch *b = store_batch_begin(fx->env.store, f, "名单.csv", &err);
	assert_non_null(b);
	store_batch_update(b, true);
	assert_int_equal(store_batch_add(b, &r, &err), KP_OK); /* positive control */
	record_free(&r);
	r = valid(fx, f, raw); /* the same person again: an update */
	set(&r, f, "phone", "138123456789");
	refused(store_batch_add(b, &r, &err), &err, "联系电话：");
	record_free(&r);
	raw[form_field_index(f, "name")] = "王五";
	r = valid(fx, f, raw);
	set(&r, f, "gender", "未知");
	refused(store_batch_add(b, &r, &err), &err, "性别：");
	r.proof = 0;
	refused(store_batch_add(b, &r, &err), &err, NULL);
	record_free(&r);
	assert_int_equal(store_batch_end(b, true, &err), KP_OK);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE phone = '13812345678' AND gender = '男'"), 1);
	free(raw);
}

/* record_save, the domain function itself, on the form's path: refused
 * before the store with the field named, then saved once valid. */
static void test_record_save_validates(void **state)
{
	const kp_form *f;
	const char **raw;
	kp_record rec;
	fixture *fx = begin(state, &f, &raw, &rec);
	record_free(&rec);
	raw[form_field_index(f, "age")] = "两百";
	record_init(&rec, f->nfields);
	rec.unit_id = store_unit_id(fx->env.store, "许昌学院");
	kp_save_opts o = {.check_duplicates = true};
	kp_save_result res;
	assert_int_equal(record_save(&fx->env, f, &rec, raw, &o, &res), SAVE_INVALID);
	assert_int_equal(res.first, (size_t)form_field_index(f, "age"));
	save_result_free(&res);
	raw[form_field_index(f, "age")] = "40";
	assert_int_equal(record_save(&fx->env, f, &rec, raw, &o, &res), SAVE_OK);
	assert_true(rec.id > 0);
	save_result_free(&res);
	record_free(&rec);
	free(raw);
}

/* A save whose values are the stored ones (年龄 040 is 40) writes
 * nothing: no version, no audit row; a real change still saves. */
static void test_record_save_unchanged(void **state)
{
	const kp_form *f;
	const char **raw;
	kp_record rec;
	fixture *fx = begin(state, &f, &raw, &rec);
	record_free(&rec);
	record_init(&rec, f->nfields);
	rec.unit_id = store_unit_id(fx->env.store, "许昌学院");
	kp_save_opts o = {.check_duplicates = false};
	kp_save_result res;
	assert_int_equal(record_save(&fx->env, f, &rec, raw, &o, &res), SAVE_OK);
	save_result_free(&res);
	long long audits = sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE form = 'talent'");
	raw[form_field_index(f, "age")] = "040";
	assert_int_equal(record_save(&fx->env, f, &rec, raw, &o, &res), SAVE_UNCHANGED);
	assert_string_equal(res.message, "没有改动，未保存");
	save_result_free(&res);
	assert_int_equal(sql_int(fx->path, "SELECT version FROM talent"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE form = 'talent'"), audits);
	raw[form_field_index(f, "age")] = "041"; /* positive control */
	assert_int_equal(record_save(&fx->env, f, &rec, raw, &o, &res), SAVE_OK);
	save_result_free(&res);
	assert_int_equal(sql_int(fx->path, "SELECT version FROM talent WHERE age = '41'"), 2);
	record_free(&rec);
	free(raw);
}

/* A saved 月报's 月份 is its identity: a unit's update changing it is
 * refused by the store (every path: form, kepu save, import), the field
 * named; its figures change (positive control); the city may correct it. */
static void test_report_month_fixed(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "monthly");
	long long id = save_record(fx, "monthly", "魏都区", "month", "2016-07", "training_sessions", "1",
				   "training_people", "1", "activity_sessions", "1", "activity_people", "1", NULL);
	kp_record r;
	char *err = NULL;
	store_set_catalog(fx->env.store, NULL); /* the rule, not the form's values */
	/* the city's side (here its administrator): a month corrected */
	assert_int_equal(store_get(fx->env.store, f, id, &r, &err), KP_OK);
	set(&r, f, "month", "2016-06");
	assert_int_equal(store_update(fx->env.store, f, &r, &err), KP_OK);
	record_free(&r);
	sign_in_unit(fx, "魏都区");
	assert_int_equal(store_get(fx->env.store, f, id, &r, &err), KP_OK);
	set(&r, f, "month", "2016-07");
	refused(store_update(fx->env.store, f, &r, &err), &err, "不能改「月份」");
	assert_int_equal(store_refused_field(fx->env.store), form_field_index(f, "month"));
	set(&r, f, "month", "2016-06");
	set(&r, f, "training_sessions", "3");
	assert_int_equal(store_update(fx->env.store, f, &r, &err), KP_OK);
	record_free(&r);
	store_set_catalog(fx->env.store, &fx->env.cat);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM monthly WHERE month = '2016-06' AND training_sessions = 3"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM monthly"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_proof_only_for_valid_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_insert_refuses_around_the_domain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_refuses_around_the_domain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_batch_refuses_around_the_domain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_save_validates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_save_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_report_month_fixed, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
