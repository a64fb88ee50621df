/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The duplicate key by what a field holds (core/dupkey.h): a person's
 * name under the spellings a clerk may type it in again (variant and
 * Japanese characters, name dots, spaces), an employer under its place
 * prefixes, its long form and a status note; the variant table behind
 * both and the near key (a resource's 図解). Each with controls that
 * must stay apart. */
#include "unit.h"

#include <stdbool.h>

#include "core/dupkey.h"
#include "core/json.h"
#include "core/nearkey.h"
#include "core/simplified.h"

#define PREFIXES "河南省\n许昌市"

static void key_is(const char *s, int how, const char *want)
{
	char *k = text_dup_key_as(s, how, PREFIXES);
	if (strcmp(k, want))
		fail_msg("「%s」: 「%s」, not 「%s」", s, k, want);
	free(k);
}

static void test_person(void **state)
{
	(void)state;
	static const char *const same[] = {
		"罗德明", "罗徳明" /* 徳 U+5FB3, Japanese */, "罗悳明" /* 悳 U+60B3, old form */, "羅德明",
		"罗·德明", "罗•德明" /* U+2022 */, "罗・德明" /* U+30FB */, "罗 德 明", "罗　德明", "羅徳明",
	};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		key_is(same[i], DUPKEY_PERSON, "罗德明");
	key_is("买买提·艾力", DUPKEY_PERSON, "买买提艾力");
	/* controls: other names stay other */
	key_is("王德明", DUPKEY_PERSON, "王德明");
	key_is("罗德名", DUPKEY_PERSON, "罗德名");
	key_is("李昇", DUPKEY_PERSON, "李昇"); /* 昇 is a standard character: not 升 */
	/* as text (every other field) nothing of it changes */
	key_is("羅·德明", DUPKEY_TEXT, "羅·德明");
}

static bool spelt(char **all, size_t n, const char *one)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(all[i], one))
			return true;
	return false;
}

/* What a look-up by the name as stored seeks: the name typed, and each
 * spelling of its key; only those two past the bound. */
static void test_spellings(void **state)
{
	(void)state;
	size_t n;
	char **all = text_person_spellings("罗·德明", 256, &n);
	assert_int_equal(n, 17); /* 罗·德明, then 罗羅 × 德徳悳惪 × 明朙 */
	assert_string_equal(all[0], "罗·德明");
	assert_true(spelt(all, n, "罗德明") && spelt(all, n, "羅徳明") && spelt(all, n, "罗悳明"));
	assert_false(spelt(all, n, "王德明"));
	for (size_t i = 1; i < n; i++) { /* each folds back to the key */
		char *k = text_dup_key_as(all[i], DUPKEY_PERSON, NULL);
		assert_string_equal(k, "罗德明");
		free(k);
	}
	json_array_free(all, n);
	all = text_person_spellings("羅德明", 4, &n);
	assert_int_equal(n, 2);
	assert_string_equal(all[0], "羅德明");
	assert_string_equal(all[1], "罗德明");
	json_array_free(all, n);
}

static void test_place(void **state)
{
	(void)state;
	static const char *const same[] = {
		"魏都区科技局", "魏都区科学技术局", "许昌市魏都区科技局", "许昌魏都区科技局",
		"河南省许昌市魏都区科技局", "魏都区科技局（退休）", "魏都区科技局(已退休)", "魏都区科技局【原】",
		"魏都区 科技局", "許昌市魏都區科學技術局",
	};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		key_is(same[i], DUPKEY_PLACE, "魏都区科技局");
	key_is("魏都区科学技术协会", DUPKEY_PLACE, "魏都区科协");
	/* controls: the city's bureau, 许昌县's, another workplace */
	key_is("许昌市科技局", DUPKEY_PLACE, "许昌市科技局");
	key_is("许昌县科技局", DUPKEY_PLACE, "许昌县科技局");
	key_is("魏都区科协", DUPKEY_PLACE, "魏都区科协");
	key_is("魏都区教育局", DUPKEY_PLACE, "魏都区教育局");
	key_is("许昌学院", DUPKEY_PLACE, "许昌学院");
}

/* The variant table (tools/gen_simplified.sh) the near key reads too: a
 * resource's 図解 or 图觧 is 图解; a standard character is never folded. */
static void test_variants(void **state)
{
	(void)state;
	assert_int_equal(cp_simplified_of(0x56F3), 0x56FE); /* 図 → 图 (reviewed shinjitai) */
	assert_int_equal(cp_simplified_of(0x5FB3), 0x5FB7); /* 徳 → 德 (reviewed shinjitai) */
	assert_int_equal(cp_simplified_of(0x60B3), 0x5FB7); /* 悳 → 德 (kSemanticVariant) */
	assert_int_equal(cp_simplified_of(0x89E7), 0x89E3); /* 觧 → 解 (kSemanticVariant) */
	assert_int_equal(cp_simplified_of(0x5716), 0x56FE); /* 圖 → 图 (kSimplifiedVariant) */
	assert_int_equal(cp_simplified_of(0x6607), 0);      /* 昇: 通用规范汉字表, stays */
	assert_int_equal(cp_simplified_of(0x4F1A), 0);      /* 会: Chinese as it is */
	assert_int_equal(cp_simplified_of(0x5FB7), 0);      /* 德 */
	static const char *const same[] = {"小麦病虫害防治圖解", "小麦病虫害防治図解", "小麦病虫害防治图觧"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		char *k = text_near_key(same[i], NEAR_NUMBERED, NULL, NULL);
		assert_string_equal(k, "小麦病虫害防治图解");
		free(k);
	}
	char *k = text_near_key("小麦病虫害防治图说", NEAR_NUMBERED, NULL, NULL);
	assert_string_equal(k, "小麦病虫害防治图说"); /* control */
	free(k);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_person),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_variants),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
