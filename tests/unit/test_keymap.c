/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The key bar: every screen's line of keys fits an 80-column terminal, so
 * no key (Esc 返回, F1 帮助) is cut off at the right edge. */
#include "unit.h"

#include <curses.h> /* KEY_F: key codes only */

#include "core/utf8.h"
#include "ui/keymap.h"

#define BAR_COLS 80

/* Every context a screen draws its bar with: each alone, and a form with
 * each kind of field (form_screen.c passes CTX_FORM | the field's). */
static void every_bar_fits(void **state)
{
	(void)state;
	unsigned ctxs[CTX_COUNT + 4];
	unsigned n = 0;
	for (unsigned c = 0; c < CTX_COUNT; c++)
		ctxs[n++] = 1u << c;
	ctxs[n++] = CTX_FORM | CTX_TEXT;
	ctxs[n++] = CTX_FORM | CTX_TEXTAREA;
	ctxs[n++] = CTX_FORM | CTX_CHOICE;
	ctxs[n++] = CTX_FORM | CTX_MULTI;
	int over = 0;
	for (unsigned i = 0; i < 2 * n; i++) { /* each as the city's, then as a unit's (its own F9) */
		unsigned ctx = ctxs[i % n] | (i < n ? CTX_CITY : CTX_UNIT);
		const char *bar = keymap_bar(ctx);
		int w = utf8_width(bar);
		if (w > BAR_COLS) {
			fprintf(stderr, "context %#x: %d columns: %s\n", ctx, w, bar);
			over++;
		}
	}
	assert_int_equal(over, 0);
}

/* The two keys every screen needs are in its bar. */
static void bars_name_help_and_back(void **state)
{
	(void)state;
	const unsigned ctxs[] = {CTX_IMPORT, CTX_TRANSFER, CTX_LIST, CTX_REPORT, CTX_CHECKLIST, CTX_FILES};
	for (size_t i = 0; i < sizeof ctxs / sizeof ctxs[0]; i++) {
		const char *bar = keymap_bar(ctxs[i]);
		assert_non_null(strstr(bar, "F1"));
		assert_non_null(strstr(bar, "Esc"));
	}
}

/* No count of Ctrl-X ends kepu: five cancel a ZMODEM transfer, and the
 * ones pressed too many take the clerk back, never out (Ctrl-X quit from
 * the menu and the login before). Positive control: it still leaves a
 * form. */
/* Under a VT100 (F1–F4 only) the key lines name the keys that exist: the
 * menu's 「q/Esc 退出」, the list's 「^N 新建」; with all twelve, F10 and
 * F7 show (the positive control). */
static void vt100_keys(void **state)
{
	(void)state;
	keymap_fkeys(4);
	assert_non_null(strstr(keymap_bar(CTX_MENU), "q/Esc 退出"));
	assert_null(strstr(keymap_bar(CTX_MENU), "F10"));
	assert_non_null(strstr(keymap_bar(CTX_LIST), "^N 新建"));
	assert_null(strstr(keymap_bar(CTX_LIST), "F7"));
	assert_non_null(strstr(keymap_bar(CTX_FORM), "F2/^S"));
	keymap_fkeys(12);
	assert_non_null(strstr(keymap_bar(CTX_MENU), "q/Esc/F10 退出"));
	assert_non_null(strstr(keymap_bar(CTX_LIST), "F7/^N 新建"));
}

static void ctrl_x_never_quits(void **state)
{
	(void)state;
	kp_key x = {false, 0x18};
	assert_int_not_equal(keymap_lookup(CTX_MENU, x), ACT_QUIT);
	assert_int_not_equal(keymap_lookup(CTX_LOGIN, x), ACT_QUIT);
	assert_int_equal(keymap_lookup(CTX_FORM, x), ACT_QUIT);
	assert_int_equal(keymap_lookup(CTX_MENU, (kp_key){true, (uint32_t)KEY_F(10)}), ACT_QUIT);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_bar_fits),
		cmocka_unit_test(vt100_keys),
		cmocka_unit_test(ctrl_x_never_quits),
		cmocka_unit_test(bars_name_help_and_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
