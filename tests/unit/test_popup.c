/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A choice popup's keys with no terminal (#23: Tab in a popup did
 * nothing). Over a form's field, Tab moves on to the next field and
 * Shift-Tab back, taking the item the clerk picked in the popup (typed or
 * moved to) and keeping the field's value when nothing was picked; a popup
 * with no field after it takes a picked item on Tab as on Enter. The
 * window follows the highlight as keys move it, not as it is drawn. */
#include "unit.h"

#include "model_keys.h"
#include "ui/popup.h"

static char *const items[] = {"科普讲座", "科普展览", "科技咨询", "培训", "其他", "a6", "a7",
			      "a8", "a9", "a10", "a11", "a12"};
#define NITEMS (sizeof items / sizeof items[0])

static void tab_over_a_field(void **state)
{
	(void)state;
	popup p = {0};
	size_t chosen = 99;
	/* opened on the current value (科技咨询), nothing picked: moves on, keeps it */
	popup_open(&p, "形式", items, NITEMS, 2, 0);
	assert_int_equal(popup_key_field(&p, TAB, &chosen), POPUP_NEXT);
	assert_true(chosen == POPUP_KEEP);
	assert_int_equal(popup_key_field(&p, FN(KEY_BTAB), &chosen), POPUP_PREV);
	assert_true(chosen == POPUP_KEEP);
	/* typed: kpzl is 科普展览; Tab takes it and moves on */
	TYPE_KEYS("kpzl", popup_key_field(&p, k, &chosen));
	assert_int_equal(popup_key_field(&p, TAB, &chosen), POPUP_NEXT);
	assert_int_equal(chosen, 1);
	popup_close(&p);
	/* moved to with Down: taken */
	popup_open(&p, "形式", items, NITEMS, -1, 0);
	popup_key_field(&p, FN(KEY_DOWN), &chosen);
	popup_key_field(&p, FN(KEY_DOWN), &chosen);
	assert_int_equal(popup_key_field(&p, TAB, &chosen), POPUP_NEXT);
	assert_int_equal(chosen, 2);
	/* typed to nothing: Tab, Shift-Tab and Enter neither take nor move on */
	TYPE_KEYS("zzz", popup_key_field(&p, k, &chosen));
	assert_int_equal(p.nmatch, 0);
	assert_int_equal(popup_key_field(&p, TAB, &chosen), POPUP_NOMATCH);
	assert_int_equal(popup_key_field(&p, FN(KEY_BTAB), &chosen), POPUP_NOMATCH);
	assert_int_equal(popup_key_field(&p, ENTER, &chosen), POPUP_NOMATCH);
	assert_int_equal(chosen, 2);
	assert_true(p.open);
	/* opened by a first character typed: that is a pick */
	popup_close(&p);
	popup_open(&p, "形式", items, NITEMS, -1, 0x57F9 /* 培 */);
	assert_int_equal(popup_key_field(&p, TAB, &chosen), POPUP_NEXT);
	assert_int_equal(chosen, 3); /* 培训: peixun */
	/* Enter and Esc as before */
	assert_int_equal(popup_key_field(&p, ENTER, &chosen), POPUP_ACCEPT);
	assert_int_equal(popup_key_field(&p, ESC, &chosen), POPUP_CANCEL);
	popup_close(&p);
}

static void tab_alone(void **state)
{
	(void)state;
	popup p = {0};
	size_t chosen = 99;
	popup_open(&p, "单位", items, NITEMS, -1, 0);
	assert_int_equal(popup_key(&p, TAB, &chosen), POPUP_CONTINUE); /* nothing picked: nothing guessed */
	assert_int_equal(chosen, 99);
	popup_key(&p, FN(KEY_DOWN), &chosen);
	assert_int_equal(popup_key(&p, TAB, &chosen), POPUP_ACCEPT);
	assert_int_equal(chosen, 1);
	popup_close(&p);
}

/* Initials found only by a rare reading of a character (革 read jí) come
 * after those found by every character's customary one: mj + Enter never
 * takes 民革会员 while 民建会员 and 民进会员 match; mg still finds 民革. */
static void rare_readings_last(void **state)
{
	(void)state;
	static char *const parties[] = {"中共党员", "民革会员", "民盟盟员", "民建会员", "民进会员", "群众"};
	popup p = {0};
	size_t chosen = 99;
	popup_open(&p, "政治面貌", parties, 6, -1, 0);
	TYPE_KEYS("mj", popup_key(&p, k, &chosen));
	assert_int_equal(p.nmatch, 3);
	assert_string_equal(parties[p.match[0]], "民建会员");
	assert_string_equal(parties[p.match[1]], "民进会员");
	assert_string_equal(parties[p.match[2]], "民革会员"); /* still offered, last */
	assert_int_equal(popup_key(&p, ENTER, &chosen), POPUP_ACCEPT);
	assert_int_equal(chosen, 3);
	popup_close(&p);
	popup_open(&p, "政治面貌", parties, 6, -1, 0); /* the control: its customary reading */
	TYPE_KEYS("mg", popup_key(&p, k, &chosen));
	assert_int_equal(p.nmatch, 1);
	assert_int_equal(popup_key(&p, ENTER, &chosen), POPUP_ACCEPT);
	assert_int_equal(chosen, 1);
	popup_close(&p);
}

/* A picker of forms: fb finds every 附表, fb2 only 附表2 (#15). */
static void letters_and_digits(void **state)
{
	(void)state;
	static char *const forms[] = {"附表1 任务指标分配表", "附表2 科普人才库推荐表",
				      "附表3 重点项目入库表", "科普活动记录"};
	popup p = {0};
	size_t chosen = 99;
	popup_open(&p, "表", forms, 4, -1, 0);
	TYPE_KEYS("fb", popup_key(&p, k, &chosen));
	assert_int_equal(p.nmatch, 3);
	TYPE_KEYS("2", popup_key(&p, k, &chosen));
	assert_int_equal(p.nmatch, 1);
	assert_int_equal(popup_key(&p, ENTER, &chosen), POPUP_ACCEPT);
	assert_int_equal(chosen, 1);
	popup_close(&p);
}

static void window_follows_keys(void **state)
{
	(void)state;
	popup p = {0};
	size_t chosen;
	popup_open(&p, "形式", items, NITEMS, (int)NITEMS - 1, 0); /* the last: the window scrolled to it */
	assert_int_equal(p.sel, NITEMS - 1);
	assert_int_equal(p.top, NITEMS - 10);
	popup_key_field(&p, FN(KEY_HOME), &chosen);
	assert_int_equal(p.top, 0);
	popup_key_field(&p, FN(KEY_END), &chosen);
	assert_int_equal(p.top, NITEMS - 10);
	popup_close(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tab_over_a_field),
		cmocka_unit_test(tab_alone),
		cmocka_unit_test(rare_readings_last),
		cmocka_unit_test(letters_and_digits),
		cmocka_unit_test(window_follows_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
