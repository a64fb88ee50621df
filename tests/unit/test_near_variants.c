/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Near repeats that passed unwarned before (the testers' round): a name in
 * traditional characters, with an edition note or ASCII Roman numerals, a
 * resource filed again as another 类型, its authors parted otherwise or in
 * another order, and another unit's near record, which the city sees when
 * it reviews while the unit learns nothing of it. Each warning has its
 * control: different activities that merely share words, other authors. */
#include "unit_env.h"

#include "core/clock.h"
#include "core/nearkey.h"
#include "core/simplified.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "domain/save.h"
#include "domain/transfer.h"
#include "import_text.h"
#include "model_keys.h"
#include "ui/review_prompt.h"

#define PREFIXES "河南省\n许昌市"

static void key_is(const char *s, int how, const char *unit, const char *want)
{
	char *k = text_near_key(s, how, unit, PREFIXES);
	if (strcmp(k, want))
		fail_msg("「%s」: 「%s」, not 「%s」", s, k, want);
	free(k);
}

/* Traditional → simplified, for comparing only; never the other way, and a
 * character that is simplified too (乾, 著) stays. */
static void test_traditional(void **state)
{
	(void)state;
	key_is("科普講座", NEAR_NUMBERED, NULL, "科普讲座");
	key_is("科普講座（二）", NEAR_NUMBERED, NULL, "科普讲座");
	key_is("頭髮護理講座", NEAR_NUMBERED, NULL, "头发护理讲座"); /* 髮 and 發 are both 发 */
	key_is("發明講座", NEAR_NUMBERED, NULL, "发明讲座");
	key_is("資源開發", NEAR_NUMBERED, NULL, "资源开发");
	key_is("許昌市魏都區文化中心", NEAR_PLACE, "魏都区", "文化中心");
	key_is("臺灣會館", NEAR_PLACE, "魏都区", "台湾会馆");
	key_is("魏都區科學技術協會", NEAR_PLACE, "魏都区", "科协");
	key_is("王建國、李明", NEAR_FIRST, NULL, "王建国");
	/* controls: simplified stays, and so do 乾 著 (simplified characters too) */
	key_is("头发护理讲座", NEAR_NUMBERED, NULL, "头发护理讲座");
	key_is("乾坤著作讲座", NEAR_NUMBERED, NULL, "乾坤著作讲座");
	assert_int_equal(cp_simplified_of(0x8B1B), 0x8BB2); /* 講 → 讲 */
	assert_int_equal(cp_simplified_of(0x8BB2), 0);      /* 讲: none */
	assert_int_equal(cp_simplified_of(0x53D1), 0);      /* 发 is never made 發 or 髮 */
	assert_int_equal(cp_simplified_of(0x4E7E), 0);      /* 乾 */
	assert_int_equal(cp_simplified_of('A'), 0);
}

/* An edition note at the end of a name, bare or bracketed. */
static void test_edition(void **state)
{
	(void)state;
	const char *same[] = {"科普读本（2016版）", "科普读本2016年版", "科普读本（修订版）", "科普读本第二版", "科普读本 第2版",
			      "科普读本（第三版）", "科普读本-2016年修订版", "科普读本(增订版)", "科普读本再版", "科普读本新版",
			      "科普读本（2016年版）（二）", "《科普读本》（修訂版）"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		key_is(same[i], NEAR_NUMBERED, NULL, "科普读本");
	/* controls: a reader's edition, a word with 版, 版 alone */
	key_is("科普读本少年版", NEAR_NUMBERED, NULL, "科普读本少年版");
	key_is("科普读本（青少年版）", NEAR_NUMBERED, NULL, "科普读本(青少年版)");
	key_is("科普版画展", NEAR_NUMBERED, NULL, "科普版画展");
	key_is("科普版", NEAR_NUMBERED, NULL, "科普版");
	key_is("2016版", NEAR_NUMBERED, NULL, "2016版"); /* never down to nothing */
}

/* Roman numerals typed in ASCII, as Ⅱ Ⅳ are. */
static void test_roman(void **state)
{
	(void)state;
	const char *same[] = {"科普讲座II", "科普讲座 IV", "科普讲座（III）", "科普讲座ix", "科普讲座 XII", "科普讲座-V",
			      "科普讲座第II期", "科普讲座Ⅱ"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		key_is(same[i], NEAR_NUMBERED, NULL, "科普讲座");
	key_is("II型糖尿病讲座", NEAR_NUMBERED, NULL, "2型糖尿病讲座"); /* as Ⅱ型 */
	key_is("Ⅱ型糖尿病讲座", NEAR_NUMBERED, NULL, "2型糖尿病讲座");
	/* controls: letters of a word, a numeral no one writes so */
	key_is("科普讲座DIY", NEAR_NUMBERED, NULL, "科普讲座diy");
	key_is("科普讲座mix", NEAR_NUMBERED, NULL, "科普讲座mix");
	key_is("科普讲座iiii", NEAR_NUMBERED, NULL, "科普讲座iiii");
	key_is("科普讲座Vlog", NEAR_NUMBERED, NULL, "科普讲座vlog");
}

/* Authors parted by a space or 和 及 与 、 ，: the first one, and all of them
 * in any order (NEAR_AUTHORS). */
static void test_authors(void **state)
{
	(void)state;
	const char *two[] = {"王建国 李明", "王建国和李明", "王建国及李明", "王建国与李明", "王建国、李明", "王建国，李明",
			     "王建国　李明", "王建國 李明等"};
	for (size_t i = 0; i < sizeof two / sizeof *two; i++) {
		key_is(two[i], NEAR_FIRST, NULL, "王建国");
		key_is(two[i], NEAR_AUTHORS, NULL, "李明、王建国");
	}
	key_is("李明 王建国", NEAR_AUTHORS, NULL, "李明、王建国");
	key_is("李明和王建国", NEAR_FIRST, NULL, "李明");
	/* controls: 和 inside a name, a name in letters, another second author */
	key_is("王和平", NEAR_FIRST, NULL, "王和平");
	key_is("王和平和李明", NEAR_AUTHORS, NULL, "李明、王和平");
	key_is("Wang Jianguo", NEAR_FIRST, NULL, "wangjianguo");
	key_is("王建国、赵云", NEAR_AUTHORS, NULL, "王建国、赵云");
	key_is("王建国 等", NEAR_AUTHORS, NULL, "王建国");
}

/* A place across units, as where it is. */
static void test_place_of_unit(void **state)
{
	(void)state;
	key_is("文化中心", NEAR_PLACE_UNIT, "魏都区", "魏都区文化中心");
	key_is("许昌市魏都区文化中心", NEAR_PLACE_UNIT, "魏都区", "魏都区文化中心");
	key_is("魏都区文化中心", NEAR_PLACE_UNIT, "东城区管委会", "魏都区文化中心");
	key_is("文化中心", NEAR_PLACE_UNIT, "东城区管委会", "东城区文化中心");
	key_is("许昌市文化中心", NEAR_PLACE_UNIT, "东城区管委会", "许昌市文化中心");
	key_is("图书馆", NEAR_PLACE_UNIT, "许昌学院", "许昌学院图书馆");
	key_is("许昌学院图书馆", NEAR_PLACE_UNIT, "医学会", "许昌学院图书馆");
}

static int setup_august(void **state)
{
	clock_set_today("2016-08-10");
	return setup(state);
}

/* record_save (the form, and kepu save) of an activity of 魏都区 on
 * 2016-07-01: SAVE_OK or SAVE_DUPLICATE, and what was said. */
static kp_save_status save_activity(fixture *fx, const char *name, const char *place, char **said)
{
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	const char **raw = xcalloc(f->nfields, sizeof *raw);
	const char *vals[][2] = {{"name", name}, {"held_on", "2016-07-01"}, {"form", "科普报告"}, {"targets", "[\"校园\"]"},
				 {"place", place}, {"participants", "30"}};
	for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
		raw[form_field_index(f, vals[i][0])] = vals[i][1];
	for (size_t i = 0; i < f->nfields; i++)
		raw[i] = raw[i] ? raw[i] : "";
	kp_record rec;
	record_init(&rec, f->nfields);
	rec.unit_id = store_unit_id(fx->env.store, "魏都区");
	kp_save_opts o = {.check_duplicates = true};
	kp_save_result res;
	kp_save_status st = record_save(&fx->env, f, &rec, raw, &o, &res);
	*said = xstrdup(res.message ? res.message : "");
	save_result_free(&res);
	record_free(&rec);
	free(raw);
	return st;
}

/* The form's save (and kepu save's) warns of 科普講座, 科普讲座II and
 * 科普讲座 IV beside 科普讲座（一） the same day; 科普讲座（农业） and
 * 科普讲座（医疗） are two activities (the controls). */
static void test_save_warns(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	char *said;
	assert_int_equal(save_activity(fx, "科普讲座（一）", "文化中心", &said), SAVE_OK);
	free(said);
	const char *near[] = {"科普講座", "科普讲座II", "科普讲座 IV", "科普讲座（2016版）"};
	for (size_t i = 0; i < sizeof near / sizeof *near; i++) {
		assert_int_equal(save_activity(fx, near[i], "許昌市魏都區文化中心", &said), SAVE_DUPLICATE);
		if (!strstr(said, "可能与第 1 号记录（魏都区，科普讲座（一））重复：活动名称（不计编号）、日期、地点"))
			fail_msg("%s: %s", near[i], said);
		free(said);
	}
	assert_int_equal(save_activity(fx, "科普讲座（农业）", "文化中心", &said), SAVE_OK);
	free(said);
	assert_int_equal(save_activity(fx, "科普讲座（医疗）", "文化中心", &said), SAVE_OK);
	free(said);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 3);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
}

/* Import csv into resource; the rows saved and refused as near. */
static void import_resource(fixture *fx, const char *rows, bool force, int saved, int near, const char *said)
{
	char *csv = xasprintf("填报单位,名称,类型,作者,完成日期\n%s", rows);
	char *rep;
	import_stats st;
	assert_int_equal(import_text(&fx->env, "resource", csv, (import_options){.force = force}, &rep, &st), 0);
	if (st.saved != saved || st.near != near || !strstr(rep, said))
		fail_msg("saved %d, near %d (want %d, %d; 「%s」): %s", (int)st.saved, (int)st.near, saved, near, said, rep);
	free(rep);
	free(csv);
}

/* A resource with only its 类型 changed, its authors in another order or
 * parted otherwise, its name with an edition note or in traditional
 * characters: refused by an import, saved marked with --force; other
 * authors are no repeat. */
static void test_resource(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	import_resource(fx, "魏都区,防治图解,科普漫画,李明、王建国,2016-07-10\n", false, 1, 0, "");
	const char *near =
		"魏都区,防治图解,科普挂图,李明、王建国,2016-07-10\n"       /* another 类型 */
		"魏都区,防治图解,科普漫画,王建国 李明,2016-07-10\n"       /* the same two, by a space */
		"魏都区,防治图解,科普漫画,王建国和李明,2016-07-10\n"      /* and by 和 */
		"魏都区,防治图解（2016版）,科普漫画,李明,2016-07-10\n"   /* an edition, the first author */
		"魏都区,防治圖解第二版,科普文章,李明 王建国,2016-07-10\n"; /* all at once */
	import_resource(fx, near, false, 0, 5, "可能与第 1 号记录（防治图解）重复：名称（不计编号）、作者（只计第一位，或全部而不计顺序）相同（不论类型）");
	const char *other =
		"魏都区,防治图解,科普漫画,张三,2016-07-10\n"         /* another author */
		"魏都区,防治图解,科普漫画,王建国、张三,2016-07-10\n" /* another first, another pair */
		"魏都区,防治图解少年版,科普漫画,李明,2016-07-10\n"; /* another work */
	import_resource(fx, other, false, 3, 0, "");
	import_resource(fx, "魏都区,防治图解,科普挂图,王建国和李明,2016-07-10\n", true, 1, 0, "按 --force 保存，已标记为可能重复");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates d JOIN resource t ON t.id = d.id"
					   " WHERE t.kind = '科普挂图' AND t.author = '王建国和李明' AND d.other = 1"), 1);
	/* stored as typed: the keys are only compared */
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM resource WHERE author = '王建国和李明'"), 1);
}

/* 长葛市 and 魏都区 file the same lecture: 魏都区's clerk is warned of
 * nothing and learns nothing of it; the city's 认定 names it and asks
 * first. Two units' own 文化中心 are no repeat (the control). */
static void test_city_sees_other_unit(void **state)
{
	fixture *fx = *state;
	long long other = save_record(fx, "activity", "长葛市", "name", "科普讲座（一）", "held_on", "2016-07-01", "place",
				      "魏都区文化中心", "form", "科普报告", "targets", "[\"校园\"]", "participants", "30", NULL);
	long long own = save_record(fx, "activity", "长葛市", "name", "科普讲座（三）", "held_on", "2016-07-01", "place",
				    "文化中心", "form", "科普报告", "targets", "[\"校园\"]", "participants", "30", NULL);
	char *err = NULL;
	kp_store *unit; /* 魏都区's clerk, in a session of its own */
	assert_int_equal(store_open(fx->path, &unit, &err), KP_OK);
	assert_int_equal(store_session(unit, SESSION_UNIT, "wd", store_unit_id(unit, "魏都区"), &err), KP_OK);
	store_set_catalog(unit, &fx->env.cat);
	assert_int_equal(store_set_year(unit, 2016, &err), KP_OK);
	fixture clerk = {.env = {.cat = fx->env.cat, .store = unit}, .path = fx->path};
	char *said;
	assert_int_equal(save_activity(&clerk, "科普講座（二）", "文化中心", &said), SAVE_OK);
	assert_null(strstr(said, "重复"));
	assert_null(strstr(said, "长葛"));
	free(said);
	long long id = sql_int(fx->path, "SELECT max(id) FROM activity");
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	kp_dup *d;
	assert_int_equal(store_duplicates_of(unit, f, id, &d), 0); /* a unit reads no pairs */
	free(d);
	if (review_apply(&clerk.env, f, id, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	store_close(unit);
	assert_int_equal(store_session(fx->env.store, SESSION_CITY, "shi", 0, &err), KP_OK);
	size_t n = store_duplicates_of(fx->env.store, f, id, &d);
	assert_int_equal(n, 1); /* 长葛市's at 魏都区文化中心, not its own 文化中心 */
	assert_int_equal(d[0].id, other);
	assert_string_equal(d[0].unit_name, "长葛市");
	assert_true(d[0].near);
	dup_free(&d[0]);
	free(d);
	assert_int_equal(store_duplicates_of(fx->env.store, f, own, &d), 0); /* the control, seen from it */
	free(d);
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, id, &r, NULL), KP_OK);
	city_views(fx->env.store, f, id);
	review_prompt p;
	review_prompt_init(&p);
	review_prompt_open(&p, fx->env.store, f, &r);
	char flag[80];
	snprintf(flag, sizeof flag, "（可能重复：第 %lld 号，请先核实）", other);
	if (!strstr(p.title, flag))
		fail_msg("%s", p.title);
	while (p.offered[p.actions.sel] != REV_APPROVE)
		review_prompt_key(&p, &fx->env, FN(KEY_DOWN));
	review_prompt_key(&p, &fx->env, ENTER);
	assert_true(p.confirming);
	review_prompt_key(&p, &fx->env, CH('n'));
	review_prompt_free(&p);
	record_free(&r);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE kp_state = 'approved'"), 0);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_traditional),
		cmocka_unit_test(test_edition),
		cmocka_unit_test(test_roman),
		cmocka_unit_test(test_authors),
		cmocka_unit_test(test_place_of_unit),
		cmocka_unit_test_setup_teardown(test_save_warns, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_resource, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_city_sees_other_unit, setup_august, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
