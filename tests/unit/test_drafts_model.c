/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The unsaved drafts offered after sign-in, driven by keys with no
 * terminal: Enter opens the selected draft's form with its id, F8 then n
 * keeps it, F8 then y drops it (its row gone from the database), Esc goes
 * on to the menu, and an account with no drafts has none to offer. */
#include "unit_env.h"

#include "core/utf8.h"
#include "model_keys.h"
#include "ui/drafts_model.h"

typedef struct {
	fixture *fx;
	dm_ctx c;
	drafts_model m;
	long long ids[2];
} story;

/* A draft of a new 附表2 person whose name is typed so far. */
static long long draft(story *s, const char *name)
{
	char *pairs[] = {"name", (char *)name};
	kp_draft d = {0, 0, store_unit_id(s->fx->env.store, "许昌学院"), 0, pairs, 1, NULL, NULL, NULL, 0, false};
	char *err = NULL;
	if (store_draft_save(s->fx->env.store, "admin", "talent", &d, &err) != KP_OK)
		fail_msg("%s", err ? err : "draft");
	return d.id;
}

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (dm_ctx){&s->fx->env, "admin", 10};
	*state = s;
	return 0;
}

static int two_drafts(void **state)
{
	if (story_setup(state))
		return -1;
	story *s = *state;
	s->ids[0] = draft(s, "甲员工");
	s->ids[1] = draft(s, "乙员工");
	dm_load(&s->m, &s->c);
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	dm_free(&s->m);
	return story_free(s);
}

static long long drafts_in_db(story *s)
{
	return sql_int(s->fx->path, "SELECT count(*) FROM kp_drafts");
}

static void enter_opens_the_selected(void **state)
{
	story *s = *state;
	assert_int_equal(s->m.n, 2);
	assert_int_equal(dm_key(&s->m, &s->c, FN(KEY_DOWN)).kind, DM_HANDLED);
	assert_int_equal(s->m.sel, 1);
	dm_result r = dm_key(&s->m, &s->c, ENTER);
	assert_int_equal(r.kind, DM_OPEN);
	assert_int_equal(r.draft, s->m.p[1].id);
	assert_true(r.draft == s->ids[0] || r.draft == s->ids[1]);
	assert_ptr_equal(r.form, catalog_form(&s->fx->env.cat, "talent"));
	assert_int_equal(r.record_id, 0);
	assert_int_equal(drafts_in_db(s), 2); /* opening deletes nothing */
}

static void f8_then_n_keeps(void **state)
{
	story *s = *state;
	assert_int_equal(dm_key(&s->m, &s->c, FN(KEY_F(8))).kind, DM_HANDLED);
	assert_int_equal(s->m.mode, DM_CONFIRM_DROP);
	assert_int_equal(dm_key(&s->m, &s->c, CH('x')).kind, DM_HANDLED); /* still asking */
	assert_int_equal(s->m.mode, DM_CONFIRM_DROP);
	assert_int_equal(dm_key(&s->m, &s->c, CH('n')).kind, DM_KEPT);
	assert_int_equal(s->m.mode, DM_BROWSE);
	assert_int_equal(s->m.n, 2);
	assert_int_equal(drafts_in_db(s), 2);
}

static void f8_then_y_drops(void **state)
{
	story *s = *state;
	long long gone = s->m.p[0].id, kept = s->m.p[1].id;
	dm_key(&s->m, &s->c, FN(KEY_F(8)));
	assert_int_equal(dm_key(&s->m, &s->c, CH('y')).kind, DM_DROPPED);
	assert_int_equal(s->m.mode, DM_BROWSE);
	assert_int_equal(s->m.n, 1);
	assert_int_equal(s->m.p[0].id, kept);
	assert_int_equal(drafts_in_db(s), 1);
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_drafts WHERE id = %lld", gone);
	assert_int_equal(sql_int(s->fx->path, sql), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_drafts WHERE id = %lld", kept);
	assert_int_equal(sql_int(s->fx->path, sql), 1); /* control: the other is there */
}

/* After the last draft is dropped, or saved in its form (the screen
 * resumes), the clerk goes on to the menu: the screen stayed at 「未保存的
 * 草稿（0 份）」 with keys that did nothing. With one left it stays. */
static void last_draft_goes_on(void **state)
{
	story *s = *state;
	dm_key(&s->m, &s->c, FN(KEY_F(8)));
	assert_int_equal(dm_key(&s->m, &s->c, CH('y')).kind, DM_DROPPED); /* control: one is left */
	assert_int_equal(dm_resume(&s->m, &s->c).kind, DM_HANDLED);
	dm_key(&s->m, &s->c, FN(KEY_F(8)));
	assert_int_equal(dm_key(&s->m, &s->c, CH('y')).kind, DM_DROPPED_LAST);
	assert_int_equal(drafts_in_db(s), 0);
	/* the last one saved in its form: the screen comes back to nothing */
	draft(s, "丙员工");
	dm_load(&s->m, &s->c);
	assert_int_equal(s->m.n, 1);
	sql_run(s->fx->path, "DELETE FROM kp_drafts");
	assert_int_equal(dm_resume(&s->m, &s->c).kind, DM_MENU);
}

static void esc_goes_to_the_menu(void **state)
{
	story *s = *state;
	assert_int_equal(dm_key(&s->m, &s->c, ESC).kind, DM_MENU);
	assert_int_equal(drafts_in_db(s), 2); /* every draft kept */
}

static void no_drafts(void **state)
{
	story *s = *state;
	dm_load(&s->m, &s->c);
	assert_int_equal(s->m.n, 0);
	assert_false(dm_acts(&s->m, &s->c, ACT_ACCEPT)); /* the key line shows no Enter, no F8 */
	assert_false(dm_acts(&s->m, &s->c, ACT_DELETE_RECORD));
	assert_int_equal(dm_key(&s->m, &s->c, ENTER).kind, DM_HANDLED); /* nothing to open */
	assert_int_equal(dm_key(&s->m, &s->c, FN(KEY_F(8))).kind, DM_HANDLED);
	assert_int_equal(s->m.mode, DM_BROWSE); /* nothing to ask about */
	assert_int_equal(dm_key(&s->m, &s->c, ESC).kind, DM_MENU);
	draft(s, "丙员工"); /* control: one written is offered */
	dm_load(&s->m, &s->c);
	assert_int_equal(s->m.n, 1);
	assert_string_equal(s->m.p[0].first, "姓名 丙员工");
	assert_true(dm_acts(&s->m, &s->c, ACT_ACCEPT));
}

/* A unit's draft of a record submitted since is not listed: dropped, and
 * the model names it for the screen to say; a new record's draft stays. */
/* The record column fits its widest text: 「第 1 号记录」 was cut to
 * 「第 1 号记>」 in a fixed 10 cells. */
static void record_column_fits(void **state)
{
	story *s = *state;
	assert_int_equal(dm_record_w(&s->m), utf8_width("新记录")); /* control: new records only */
	s->m.p[0].record_id = 12345;
	char t[48];
	dm_record_text(&s->m.p[0], t, sizeof t);
	assert_string_equal(t, "第 12345 号记录");
	assert_int_equal(dm_record_w(&s->m), utf8_width(t));
}

static void decided_record_dropped(void **state)
{
	story *s = *state;
	long long id = save_person(s->fx, "钱七", "13912345678");
	sign_in_unit(s->fx, "许昌学院");
	s->c.user = "wd";
	char *pairs[] = {"name", "钱七八"};
	kp_draft d = {0, id, store_unit_id(s->fx->env.store, "许昌学院"), 0, pairs, 1, NULL, NULL, NULL, 0, false};
	char *err = NULL;
	assert_int_equal(store_draft_save(s->fx->env.store, "wd", "talent", &d, &err), KP_OK);
	d.id = 0;
	d.record_id = 0; /* a new record's: the positive control */
	assert_int_equal(store_draft_save(s->fx->env.store, "wd", "talent", &d, &err), KP_OK);
	dm_load(&s->m, &s->c);
	assert_int_equal(s->m.n, 2);
	assert_null(s->m.dropped);
	char *sql = sqlite3_mprintf("UPDATE talent SET kp_state = 'submitted' WHERE id = %lld", id);
	sql_run(s->fx->path, sql);
	sqlite3_free(sql);
	dm_load(&s->m, &s->c);
	assert_int_equal(s->m.n, 1);
	assert_int_equal(s->m.p[0].record_id, 0);
	char want[80];
	snprintf(want, sizeof want, "第 %lld 号记录已提交，未保存的草稿已作废", id);
	assert_non_null(s->m.dropped);
	assert_string_equal(s->m.dropped, want);
	assert_int_equal(drafts_in_db(s), 1);
}

/* More drafts than lines (an office's shared account left 22, 20 were
 * shown with no mark): the last line counts those above and below. */
static void hidden_drafts_counted(void **state)
{
	story *s = *state;
	for (int i = 0; i < 3; i++)
		draft(s, "丙员工");
	dm_load(&s->m, &s->c);
	assert_int_equal(s->m.n, 5);
	dm_arrange(&s->m, 5); /* all fit: no mark */
	assert_false(s->m.win.mark);
	assert_string_equal(s->m.more, "");
	dm_arrange(&s->m, 3); /* two drafts and the mark */
	assert_int_equal(s->m.win.shown, 2);
	assert_string_equal(s->m.more, "↓ 还有 3 项");
	dm_key(&s->m, &s->c, FN(KEY_END));
	dm_arrange(&s->m, 3);
	assert_int_equal(s->m.win.top, 3);
	assert_string_equal(s->m.more, "↑ 上面还有 3 项");
	dm_key(&s->m, &s->c, FN(KEY_PPAGE)); /* a page is the rows shown */
	assert_int_equal(s->m.sel, 2);
	dm_arrange(&s->m, 3);
	assert_string_equal(s->m.more, "↑ 上面还有 2 项  ↓ 还有 1 项");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(enter_opens_the_selected, two_drafts, story_teardown),
		cmocka_unit_test_setup_teardown(record_column_fits, two_drafts, story_teardown),
		cmocka_unit_test_setup_teardown(f8_then_n_keeps, two_drafts, story_teardown),
		cmocka_unit_test_setup_teardown(f8_then_y_drops, two_drafts, story_teardown),
		cmocka_unit_test_setup_teardown(esc_goes_to_the_menu, two_drafts, story_teardown),
		cmocka_unit_test_setup_teardown(last_draft_goes_on, two_drafts, story_teardown),
		cmocka_unit_test_setup_teardown(no_drafts, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(hidden_drafts_counted, two_drafts, story_teardown),
		cmocka_unit_test_setup_teardown(decided_record_dropped, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
