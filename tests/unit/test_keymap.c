/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The key bar: every screen's line of keys fits an 80-column terminal, so
 * no key (Esc 返回, F1 帮助) is cut off at the right edge. */
#include "unit.h"

#include <curses.h> /* KEY_F: key codes only */
#include <term.h>   /* the terminfo entries the offices use */

#include "core/msg.h"
#include "core/utf8.h"
#include "ui/keymap.h"
#include "ui/term.h"

#define BAR_COLS 80

/* Every context a screen draws its bar with: each alone, and a form with
 * each kind of field (form_screen.c passes CTX_FORM | the field's). */
static void every_bar_fits(void **state)
{
	(void)state;
	unsigned ctxs[CTX_COUNT + 9];
	unsigned n = 0;
	for (unsigned c = 0; c < CTX_COUNT; c++)
		ctxs[n++] = 1u << c;
	/* and where F9 only withdraws (its row says 撤回) */
	const unsigned field[] = {CTX_TEXT, CTX_TEXTAREA, CTX_CHOICE, CTX_MULTI};
	for (unsigned w = 0; w < 2; w++)
		for (unsigned k = 0; k < 4; k++)
			ctxs[n++] = CTX_FORM | field[k] | (w ? CTX_WITHDRAW : 0);
	ctxs[n++] = CTX_LIST | CTX_WITHDRAW;
	int over = 0;
	for (unsigned i = 0; i < 4 * n; i++) { /* each as the city's, then as a unit's (its own F9) */
		unsigned ctx = ctxs[i % n] | (i % (2 * n) < n ? CTX_CITY : CTX_UNIT);
		keymap_fkeys(i < 2 * n ? 12 : 4); /* and again on a VT100, its Ctrl keys in their place */
		const char *bar = keymap_bar(ctx);
		int w = utf8_width(bar);
		if (w > BAR_COLS) {
			fprintf(stderr, "context %#x: %d columns: %s\n", ctx, w, bar);
			over++;
		}
	}
	keymap_fkeys(12);
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
	/* an F-key it lacks gives its place to the Ctrl key (the item vanished) */
	assert_non_null(strstr(keymap_bar(CTX_FORM | CTX_TEXT | CTX_UNIT), "^W 提交"));
	assert_non_null(strstr(keymap_bar(CTX_FORM | CTX_TEXT | CTX_CITY), "^W 审核"));
	assert_non_null(strstr(keymap_bar(CTX_FORM | CTX_TEXT | CTX_UNIT), "^R 附件"));
	const char *files = keymap_bar(CTX_FILES);
	assert_non_null(strstr(files, "^Y "));
	assert_non_null(strstr(files, "^R "));
	assert_non_null(strstr(files, "^E "));
	assert_non_null(strstr(files, "^D "));
	assert_null(strstr(files, "F5"));
	kp_key_line help[64]; /* F1's help too */
	size_t n = keymap_lines(CTX_FORM | CTX_UNIT, help, 64);
	for (size_t i = 0; i < n; i++)
		assert_null(strstr(help[i].keys, "F10"));
	assert_true(n > 3);
	/* the screens' words name those keys too (「按 F5 … 按 F6」 before) */
	char said[512];
	keymap_say(CTX_FILES, msg(MSG_UI_EV_NONE), said, sizeof said);
	assert_string_equal(said, "这条记录还没有附件。按 ^Y 从本机发送（ZMODEM），或按 ^R 从交换文件夹添加。");
	keymap_say(CTX_TRANSFER, msg(MSG_UI_TR_SZ), said, sizeof said);
	assert_non_null(strstr(said, "按 ^Y 发送到本机（ZMODEM"));
	keymap_say(CTX_IMPORT, msg(MSG_UI_TR_SAME_HINT), said, sizeof said);
	assert_non_null(strstr(said, "按 ^R 改为"));
	keymap_say(CTX_LIST, "按 F7 或 Ctrl-N 新建；F6/^R 排序", said, sizeof said);
	assert_string_equal(said, "按 ^N 新建；^R 排序");
	keymap_say(CTX_FORM | CTX_TEXT | CTX_UNIT, msg(MSG_UI_REVIEW_SAVE_FIRST), said, sizeof said);
	assert_string_equal(said, "这是新记录：先按 F2 保存，再按 ^W。");
	keymap_fkeys(12);
	keymap_say(CTX_FILES, msg(MSG_UI_EV_NONE), said, sizeof said); /* the control: all twelve */
	assert_string_equal(said, msg(MSG_UI_EV_NONE));
	assert_non_null(strstr(keymap_bar(CTX_FORM | CTX_TEXT | CTX_UNIT), "F9 提交"));
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

/* A control key a terminfo entry names (PuTTY's and the linux console's
 * kspd=^Z, every entry's kbs=^? or ^H) reaches kepu as that KEY_ code
 * under that TERM: each must do what the control character does, in
 * every context and role (^Z 撤销 was dead under TERM=putty). */
static const struct { uint32_t ch; int key; } same_key[] = {
	{0x1a, KEY_SUSPEND}, {127, KEY_BACKSPACE}, {8, KEY_BACKSPACE},
};

static void terminfo_control_keys_bound_alike(void **state)
{
	(void)state;
	int differ = 0;
	for (unsigned c = 0; c < CTX_COUNT; c++)
		for (unsigned role = CTX_UNIT; role <= CTX_CITY; role <<= 1)
			for (size_t i = 0; i < sizeof same_key / sizeof same_key[0]; i++) {
				unsigned ctx = (1u << c) | role;
				kp_action by_ch = keymap_lookup(ctx, (kp_key){false, same_key[i].ch});
				kp_action by_key = keymap_lookup(ctx, (kp_key){true, (uint32_t)same_key[i].key});
				if (by_ch != by_key) {
					fprintf(stderr, "context %#x: %#x does %d, key %#o does %d\n", ctx,
						same_key[i].ch, by_ch, same_key[i].key, by_key);
					differ++;
				}
			}
	assert_int_equal(differ, 0);
	/* positive control: the form's ^Z is 撤销 both ways */
	assert_int_equal(keymap_lookup(CTX_FORM | CTX_TEXT, (kp_key){true, (uint32_t)KEY_SUSPEND}), ACT_UNDO);
}

/* Every key capability that is one control character in the entries the
 * offices use is in same_key above (a new trap fails here, naming it). */
static void terminfo_control_keys_known(void **state)
{
	(void)state;
	const char *terms[] = {"putty", "putty-256color", "linux", "cygwin", "xterm", "vt100", "screen"};
	int unknown = 0, seen_kspd = 0;
	for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++) {
		int err = 0;
		if (setupterm(terms[t], 1, &err) != OK) {
			fprintf(stderr, "no terminfo entry for %s (ncurses-term)\n", terms[t]);
			unknown++;
			continue;
		}
		for (size_t n = 0; strnames[n]; n++) {
			if (strnames[n][0] != 'k')
				continue;
			const char *v = tigetstr(strnames[n]);
			if (!v || v == (char *)-1 || !v[0] || v[1] || ((unsigned char)v[0] >= 32 && v[0] != 127))
				continue;
			bool known = false;
			for (size_t i = 0; i < sizeof same_key / sizeof same_key[0]; i++)
				known |= same_key[i].ch == (unsigned char)v[0];
			if (!known) {
				fprintf(stderr, "%s: %s=%#x is not in same_key\n", terms[t], strnames[n], v[0]);
				unknown++;
			}
			seen_kspd += !strcmp(strnames[n], "kspd");
		}
		del_curterm(cur_term);
	}
	assert_int_equal(unknown, 0);
	assert_true(seen_kspd >= 3); /* positive control: putty, putty-256color and linux have it */
}

/* The string kepu sends to switch the keypad on (smkx, after
 * term_keypad_numeric) has no DECKPAM in any entry the offices use: the
 * numpad keeps sending digits (ESC O t was F5 同上 under vt100). The
 * cursor keys keep the mode ncurses reads them in (ESC [?1h stays). */
static void keypad_stays_numeric(void **state)
{
	(void)state;
	const char *terms[] = {"xterm", "xterm-256color", "vt100", "putty", "putty-256color",
			       "screen", "tmux-256color", "linux"};
	int had = 0, left = 0;
	for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++) {
		int err = 0;
		assert_int_equal(setupterm(terms[t], 1, &err), OK);
		char *smkx = tigetstr("smkx");
		bool pam = smkx && smkx != (char *)-1 && strstr(smkx, "\033=");
		had += pam;
		assert_int_equal(term_keypad_numeric(smkx), pam);
		smkx = tigetstr("smkx"); /* what keypad() will send */
		if (smkx && smkx != (char *)-1) {
			left += strstr(smkx, "\033=") != NULL;
			if (pam)
				assert_non_null(strstr(smkx, "\033[?1h"));
		}
		del_curterm(cur_term);
	}
	assert_int_equal(left, 0);
	assert_int_equal(had, 7); /* positive control: all but linux switch it on */
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_bar_fits),
		cmocka_unit_test(vt100_keys),
		cmocka_unit_test(ctrl_x_never_quits),
		cmocka_unit_test(bars_name_help_and_back),
		cmocka_unit_test(terminfo_control_keys_bound_alike),
		cmocka_unit_test(terminfo_control_keys_known),
		cmocka_unit_test(keypad_stays_numeric),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
