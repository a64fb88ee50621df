/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The form model's key line and F1 help as the keymap table makes them
 * (keymap_bar_if, keymap_help, keymap_help_later with fm_acts, fm_later
 * and fm_keyctx), at 80 columns: a choice field names Space 选项; F1 lists
 * ^Z and F5 even before they have anything to do (t80h h8); F9 is on the
 * key line of every kind of field where it acts, named by what it does
 * (提交, 撤回 or 审核; t80h h7). */
#include "form_story.h"

#include "core/utf8.h"
#include "domain/review.h"

#define BAR_COLS 80

/* The key line of m as form_screen draws it for the session's role. */
static const char *bar(form_story *s, form_model *m, bool city)
{
	const char *b = keymap_bar_if(fm_keyctx(m, &s->c) | (city ? CTX_CITY : CTX_UNIT), fm_acts, m, &s->c);
	if (utf8_width(b) > BAR_COLS)
		fail_msg("%d columns: %s", utf8_width(b), b);
	return b;
}

/* F1's line for action a: 'n' it acts now, 'l' it is listed as acting
 * later, 0 not listed. */
static char help_has(form_story *s, form_model *m, kp_action a)
{
	kp_key_line lines[64];
	unsigned ctx = fm_keyctx(m, &s->c) | CTX_UNIT;
	size_t n = keymap_help(ctx, fm_acts, NULL, m, &s->c, lines, 64);
	n += keymap_help_later(ctx, fm_acts, fm_later, m, &s->c, lines + n, 64 - n);
	for (size_t i = 0; i < n; i++)
		if (lines[i].action == a)
			return lines[i].later ? 'l' : 'n';
	return 0;
}

static void focus_on(form_model *m, const char *field) { fm_focus(m, (size_t)form_field_index(m->form, field)); }

/* The tester's 吴九 Tab into 性别, F1: ^Z 撤销 and F5 同上 are listed
 * (after the keys that act now, as keys with nothing to do yet: pressed,
 * each says why); the key line names Space 选项. The controls: a record
 * saved before (F5 acts) and a field changed (^Z acts) list them as
 * acting; a record only read lists neither. */
static void choice_help_and_bar(void **state)
{
	form_story *s = *state;
	story_sign_in_unit(s, "weidu", "魏都区");
	form_model *m = open_record(s, "talent", 0, "魏都区");
	type(s, m, "吴九");
	key(s, m, TAB);
	assert_focus(m, "gender");
	assert_non_null(strstr(bar(s, m, false), "Space 选项"));
	assert_int_equal(help_has(s, m, ACT_UNDO), 'l');
	assert_int_equal(help_has(s, m, ACT_DITTO), 'l');
	assert_int_equal(help_has(s, m, ACT_OPEN_LIST), 'n');
	assert_said(key(s, m, CTRL('Z')).text, "进入本项后没有改动");
	assert_said(key(s, m, FN(KEY_F(5))).text, "本次还没有保存过记录");
	/* a record saved before in the session: F5 acts now */
	const char *last[32] = {0};
	for (size_t i = 0; i < m->form->nfields && i < 32; i++)
		last[i] = "";
	last[form_field_index(m->form, "gender")] = "女";
	s->c.last = last;
	assert_int_equal(help_has(s, m, ACT_DITTO), 'n');
	assert_int_equal(key(s, m, FN(KEY_F(5))).kind, FM_HANDLED);
	assert_value(m, "gender", "女");
	s->c.last = NULL;
	key(s, m, TAB); /* 同上 stays in the field: the clerk's Tab moves on */
	/* a field changed: ^Z acts now */
	type(s, m, "45");
	assert_focus(m, "age");
	assert_int_equal(help_has(s, m, ACT_UNDO), 'n');
	fm_free(m);

	long long id = save_record(s->fx, "talent", "魏都区", "name", "罗德明", NULL);
	char *err = NULL;
	if (review_apply(&s->fx->env, catalog_form(&s->fx->env.cat, "talent"), id, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	m = open_record(s, "talent", id, "魏都区"); /* 已提交: read only */
	assert_true(m->readonly);
	focus_on(m, "gender");
	assert_int_equal(help_has(s, m, ACT_UNDO), 0);
	assert_int_equal(help_has(s, m, ACT_DITTO), 0);
	fm_free(m);
}

/* F9 on the key line of a line, a choice, a multi-line and a multi-choice
 * field, within 80 columns: 提交 on the unit's draft, 撤回 on its 已提交
 * record (never 提交 there, nor 提交/撤回), 审核 for the city. */
static void f9_named_in_every_field(void **state)
{
	static const char *const fields[] = {"name", "gender", "profile", "service_categories"};
	form_story *s = *state;
	long long id = save_record(s->fx, "talent", "魏都区", "name", "罗德明", NULL);
	sign_out(s); /* the definitions are read again: f after it */
	story_sign_in_unit(s, "weidu", "魏都区");
	const kp_form *f = catalog_form(&s->fx->env.cat, "talent");
	form_model *m = open_record(s, "talent", id, "魏都区");
	for (size_t i = 0; i < 4; i++) {
		focus_on(m, fields[i]);
		const char *b = bar(s, m, false);
		if (!strstr(b, "F9 提交") || strstr(b, "撤回"))
			fail_msg("draft, %s: %s", fields[i], b);
	}
	fm_free(m);
	char *err = NULL;
	if (review_apply(&s->fx->env, f, id, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	m = open_record(s, "talent", id, "魏都区");
	for (size_t i = 0; i < 4; i++) {
		focus_on(m, fields[i]);
		const char *b = bar(s, m, false);
		if (!strstr(b, "F9 撤回") || strstr(b, "提交"))
			fail_msg("已提交, %s: %s", fields[i], b);
	}
	assert_int_equal(key(s, m, FN(KEY_F(9))).open, FM_OPEN_REVIEW); /* and F9 acts */
	fm_free(m);
	sign_out(s);
	story_sign_in_city(s, "shikexie");
	m = open_record(s, "talent", id, "魏都区");
	for (size_t i = 0; i < 4; i++) {
		focus_on(m, fields[i]);
		const char *b = bar(s, m, true);
		if (!strstr(b, "F9 审核"))
			fail_msg("city, %s: %s", fields[i], b);
	}
	fm_free(m);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(choice_help_and_bar, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(f9_named_in_every_field, form_story_setup, form_story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
