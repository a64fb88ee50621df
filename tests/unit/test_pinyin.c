/* SPDX-License-Identifier: MulanPSL-2.0 */
/* core/pinyin: the generated Unihan table and matching Latin letters to
 * Chinese options (initials, full syllables, polyphonic characters). */
#include "unit.h"

#include "core/pinyin.h"

static bool has_reading(const char *ch, const char *want)
{
	uint32_t cp = 0;
	unsigned char b0 = (unsigned char)ch[0];
	cp = ((b0 & 0x0F) << 12) | ((ch[1] & 0x3F) << 6) | (ch[2] & 0x3F); /* a 3-byte character */
	const char *r[8];
	size_t n = pinyin_of(cp, r, 8);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(r[i], want))
			return true;
	return false;
}

static void test_table_readings(void **state)
{
	(void)state;
	assert_true(has_reading("汉", "han"));
	assert_true(has_reading("族", "zu"));
	assert_true(has_reading("中", "zhong"));
	/* polyphonic characters keep every common reading */
	assert_true(has_reading("行", "xing"));
	assert_true(has_reading("行", "hang"));
	assert_true(has_reading("长", "chang"));
	assert_true(has_reading("长", "zhang"));
	assert_true(has_reading("还", "hai"));
	assert_true(has_reading("还", "huan"));
	/* ü is typed v */
	assert_true(has_reading("绿", "lv"));
	assert_true(has_reading("略", "lve"));
	assert_false(has_reading("汉", "han4"));
	const char *r[4];
	assert_int_equal(pinyin_of('A', r, 4), 0);
	assert_int_equal(pinyin_of(0x3400, r, 4), 0); /* outside the table's block */
}

static void test_matching(void **state)
{
	(void)state;
	/* the examples */
	assert_true(pinyin_match("汉族", "hz"));
	assert_true(pinyin_match("汉族", "han"));
	assert_true(pinyin_match("蒙古族", "mgz"));
	assert_true(pinyin_match("中共党员", "zgdy"));
	/* full, mixed, any case, from any character */
	assert_true(pinyin_match("汉族", "hanzu"));
	assert_true(pinyin_match("汉族", "hanz"));
	assert_true(pinyin_match("汉族", "HZ"));
	assert_true(pinyin_match("中共党员", "dangyuan"));
	assert_true(pinyin_match("许昌学院", "xcxy"));
	/* a polyphone matches by either reading */
	assert_true(pinyin_match("长葛市", "cgs"));
	assert_true(pinyin_match("长葛市", "zgs"));
	assert_true(pinyin_match("银行", "yh"));
	assert_true(pinyin_match("银行", "yx"));
	/* other characters are typed as they are */
	assert_true(pinyin_match("中专/中技", "zz"));
	assert_true(pinyin_match("QQ群", "qqq"));
	/* no match */
	assert_false(pinyin_match("蒙古族", "hz"));
	assert_false(pinyin_match("汉族", "hzz"));
	assert_false(pinyin_match("汉族", "ahz"));
	assert_false(pinyin_match("汉族", ""));
	assert_false(pinyin_match("汉族", "h z"));
	assert_false(pinyin_match("汉族", "汉"));
}

/* Letters and digits in one typed string (#15): fb2 is 附表2, the digit
 * typed as itself, and finds neither 附表3 nor a text with no 2 after
 * 附表; text with no letter is no pinyin (the caller's substring search). */
static void test_letters_and_digits(void **state)
{
	(void)state;
	assert_true(pinyin_match("附表2 科普人才库推荐表", "fb2"));
	assert_true(pinyin_match("附表3 重点项目入库表", "fb3"));
	assert_true(pinyin_match("附表3 重点项目入库表", "FB3"));
	assert_true(pinyin_match_customary("附表2 科普人才库推荐表", "fb2"));
	assert_true(pinyin_match("附表2 科普人才库推荐表", "fb")); /* the control: fb alone still finds it */
	assert_false(pinyin_match("附表3 重点项目入库表", "fb2"));
	assert_false(pinyin_match("附表1 任务指标分配表", "fb2"));
	assert_false(pinyin_match("附表 2", "fb2")); /* the space is not typed */
	assert_true(pinyin_match("2016年度", "2016nd"));
	assert_false(pinyin_match("附表2", "2"));   /* no letter */
	assert_false(pinyin_match("附表2", "fb2x"));
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_readings),
		cmocka_unit_test(test_matching),
		cmocka_unit_test(test_letters_and_digits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
