/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The expert search (domain/find.c): words and pinyin across the search
 * fields, ranking (approved first, then the weightier field), narrowing as
 * the text grows, the category, and the session's scope — a unit finds
 * only its own talents. */
#include "unit_env.h"

#include "domain/find.h"
#include "domain/review.h"

static long long add(fixture *fx, const char *unit, const char *name, const char *specialty,
		     const char *employer, const char *cats, const char *profile)
{
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, unit);
	record_set(&r, (size_t)form_field_index(f, "name"), name);
	record_set(&r, (size_t)form_field_index(f, "specialty"), specialty);
	record_set(&r, (size_t)form_field_index(f, "employer"), employer);
	record_set(&r, (size_t)form_field_index(f, "phone"), "13800000000");
	record_set(&r, (size_t)form_field_index(f, "service_categories"), cats);
	record_set(&r, (size_t)form_field_index(f, "profile"), profile);
	char *err = NULL;
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	long long id = r.id;
	record_free(&r);
	return id;
}

/* 姓名 is the talent form's first field. */
static const char *name_of(kp_finder *fd, const kp_hit *h) { return finder_value(fd, h->entry, 0); }

static void seed(fixture *fx)
{
	add(fx, "魏都区", "张一", "食品安全", "魏都区科技局", "[\"农村科普\"]", "");
	add(fx, "长葛市", "李二", "网络安全", "长葛市第一中学", "[\"青少年科普\"]", "曾讲食品安全");
	long long w = add(fx, "长葛市", "王三", "防灾减灾", "长葛市应急局", "[\"社区科普\"]", "");
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	char *err = NULL;
	assert_int_equal(store_set_state(fx->env.store, f, w, "draft", "submitted", "", "submit", &err), KP_OK);
	assert_int_equal(store_set_state(fx->env.store, f, w, "submitted", "approved", "", "approve", &err), KP_OK);
}

static void test_words_pinyin_and_rank(void **state)
{
	fixture *fx = *state;
	seed(fx);
	const kp_form *f = catalog_search_form(&fx->env.cat);
	assert_non_null(f);
	char *err = NULL;
	kp_finder *fd = finder_open(&fx->env, f, &err);
	assert_non_null(fd);
	assert_int_equal(finder_size(fd), 3);
	const kp_hit *h;
	/* 科普专长 weighs more than the free text: 张一 before 李二. */
	assert_int_equal(finder_search(fd, "食品安全", NULL, &h), 2);
	assert_string_equal(name_of(fd, &h[0]), "张一");
	assert_string_equal(name_of(fd, &h[1]), "李二");
	strbuf why = STRBUF_INIT;
	finder_why(fd, &h[1], &why);
	assert_non_null(strstr(sb_str(&why), "个人基本情况"));
	/* Pinyin initials, and a mix; marked as pinyin. */
	assert_int_equal(finder_search(fd, "spaq", NULL, &h), 1);
	assert_string_equal(name_of(fd, &h[0]), "张一");
	sb_clear(&why);
	finder_why(fd, &h[0], &why);
	assert_string_equal(sb_str(&why), "科普专长「食品安全」（拼音）");
	/* Narrowing as the text grows gives what a fresh search gives. */
	assert_int_equal(finder_search(fd, "w", NULL, &h), 2); /* 魏都区, 网络 */
	assert_int_equal(finder_search(fd, "wl", NULL, &h), 1);
	assert_string_equal(name_of(fd, &h[0]), "李二");
	assert_int_equal(finder_search(fd, "wlaq", NULL, &h), 1);
	assert_int_equal(finder_search(fd, "wlaqx", NULL, &h), 0);
	/* Approved first, whatever the score: 王三 (已认定) heads 长葛市. */
	assert_int_equal(finder_search(fd, "长葛", NULL, &h), 2);
	assert_string_equal(name_of(fd, &h[0]), "王三");
	assert_string_equal(finder_state(fd, h[0].entry), "已认定");
	/* Every word must match; the category filters. */
	assert_int_equal(finder_search(fd, "长葛 网络", NULL, &h), 1);
	assert_int_equal(finder_search(fd, "", "农村科普", &h), 1);
	assert_string_equal(name_of(fd, &h[0]), "张一");
	assert_int_equal(finder_search(fd, "", "科普", &h), 0); /* a value, not a part of one */
	sb_free(&why);
	finder_close(fd);
}

static void test_unit_finds_its_own(void **state)
{
	fixture *fx = *state;
	seed(fx);
	char *err = NULL;
	assert_int_equal(store_session(fx->env.store, SESSION_UNIT, "cg", store_unit_id(fx->env.store, "长葛市"), &err),
			 KP_OK);
	kp_finder *fd = finder_open(&fx->env, catalog_search_form(&fx->env.cat), &err);
	assert_non_null(fd);
	const kp_hit *h;
	assert_int_equal(finder_size(fd), 2);
	assert_int_equal(finder_search(fd, "食品", NULL, &h), 1); /* 张一 of 魏都区 is not there */
	assert_string_equal(finder_unit(fd, h[0].entry), "长葛市");
	finder_close(fd);
	/* Before a login nothing is found. */
	kp_store *none;
	assert_int_equal(store_open(fx->path, &none, &err), KP_OK);
	assert_int_equal(store_session(none, SESSION_NONE, "", 0, &err), KP_OK);
	kp_env e = {.cat = fx->env.cat, .store = none};
	fd = finder_open(&e, catalog_search_form(&fx->env.cat), &err);
	assert_null(fd);
	free(err);
	store_close(none);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_words_pinyin_and_rank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_finds_its_own, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
