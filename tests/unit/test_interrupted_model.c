/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A clerk's typing interrupted, keys into the form and draft models with
 * no terminal: the 月报's month corrected after the numbers were typed
 * (they stay; only what nobody typed takes the new month's prefill), the
 * city closing the year while a unit types a record (kept as a draft at F2
 * and at Esc, never thrown away by a habitual y), and the draft list read
 * before the city reopened the year (Enter asks the store again). */
#include "form_story.h"

#include "core/clock.h"
#include "ui/drafts_model.h"

#define UNIT "许昌学院"

static fm_result pick_month(form_story *s, form_model *m, const char *month)
{
	key(s, m, SPACE);
	assert_int_equal(m->mode, FM_PICK);
	type(s, m, month);
	return key(s, m, ENTER);
}

static void to_field(form_story *s, form_model *m, const char *id)
{
	for (int i = 0; i < 20 && strcmp(m->form->fields[m->focus].id, id); i++)
		key(s, m, FN(KEY_BTAB));
	assert_focus(m, id);
}

/* t80g #25: 2016-08 picked and prefilled, 培训场次 5, 培训人次 200 and
 * 参与人数 1500 typed, then the month corrected to 2016-09: the three
 * typed stay, the rest take September's prefill (资源件数 1), and the
 * message names the three kept. Positive control: with nothing typed,
 * changing the month refills every number. */
static void month_change_keeps_typed(void **state)
{
	form_story *s = *state;
	clock_set_today("2016-10-10");
	save_record(s->fx, "resource", UNIT, "name", "九月挂图", "kind", "科普挂图", "author", "张三",
		    "finished_on", "2016-09-15", NULL);
	form_model *m = open_record(s, "monthly", 0, UNIT);
	fm_result r = pick_month(s, m, "2016-08");
	assert_said(r.text, "已按 2016-08 的活动和资源记录预填 6 项数字");
	assert_value(m, "resources", "0");
	/* nothing typed: September's numbers replace August's, and back */
	to_field(s, m, "month");
	r = pick_month(s, m, "2016-09");
	assert_said(r.text, "已按 2016-09 的活动和资源记录预填 6 项数字");
	assert_false(r.error);
	assert_value(m, "resources", "1");
	to_field(s, m, "month");
	pick_month(s, m, "2016-08");
	assert_value(m, "resources", "0");
	/* the tester's keys: the numbers typed, then the month corrected */
	assert_focus(m, "training_sessions");
	type(s, m, "5"); key(s, m, TAB);
	type(s, m, "200"); key(s, m, TAB);
	key(s, m, TAB);
	type(s, m, "1500"); key(s, m, TAB);
	to_field(s, m, "month");
	r = pick_month(s, m, "2016-09");
	assert_true(r.error);
	assert_said(r.text, "已按 2016-09 的活动和资源记录预填 3 项数字；您已填的「培训场次」、「培训人次」、「参与人数」没有换");
	assert_value(m, "training_sessions", "5");
	assert_value(m, "training_people", "200");
	assert_value(m, "activity_people", "1500");
	assert_value(m, "activity_sessions", "0");
	assert_value(m, "resources", "1");
	fm_free(m);
}

/* A connection of the city's, as the city's own session at another
 * terminal: closes or reopens the year under the unit. */
static void city_closes(form_story *s, bool close)
{
	kp_store *city;
	char *err = NULL;
	assert_int_equal(store_open(s->fx->path, &city, &err), KP_OK);
	assert_int_equal(store_session(city, SESSION_CITY, "shikexie", 0, &err), KP_OK);
	assert_int_equal(store_year_close(city, 2016, close, &err), KP_OK);
	store_close(city);
}

/* 许昌学院's clerk, in December 2016, has typed a 附表2 record's name. */
static form_model *typing(form_story *s)
{
	clock_set_today("2016-12-20");
	story_sign_in_unit(s, "xcxy1", UNIT);
	form_model *m = open_record(s, "talent", 0, UNIT);
	type(s, m, "郑十二");
	return m;
}

static long long drafts_of(form_story *s)
{
	return sql_int(s->fx->path, "SELECT count(*) FROM kp_drafts WHERE data LIKE '%郑十二%'");
}

/* t80g #23/#24: the city closes 2016 while 许昌学院 types a record. F2 is
 * refused and the record kept as a draft, said so; Esc asks to keep it
 * (y keeps, it is not 放弃). Positive control: before the close Esc asks
 * the usual 放弃 question. The draft list read while closed refuses Enter;
 * after the reopen the same list opens it (Enter asks the store), and the
 * form restores the draft. */
static void year_closed_while_typing(void **state)
{
	form_story *s = *state;
	form_model *m = typing(s);
	assert_int_equal(key(s, m, ESC).kind, FM_HANDLED);
	assert_int_equal(m->mode, FM_CONFIRM_LEAVE);
	assert_int_equal(m->keep_year, 0); /* open: the question is 放弃 */
	key(s, m, CH('n'));
	city_closes(s, true);
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "2016 年度已由市科协结束：您填的内容已留作草稿，重新开放后可在「未保存的草稿」里继续");
	assert_int_equal(drafts_of(s), 1);
	assert_int_equal(key(s, m, ESC).kind, FM_HANDLED);
	assert_int_equal(m->mode, FM_CONFIRM_LEAVE);
	assert_int_equal(m->keep_year, 2016);
	r = key(s, m, CH('y'));
	assert_int_equal(r.kind, FM_CLOSE);
	assert_said(r.text, "已留作草稿");
	assert_int_equal(drafts_of(s), 1);
	fm_free(m);

	/* the list, read while the year is closed */
	drafts_model dm = {0};
	dm_ctx dc = {&s->fx->env, "xcxy1", 10};
	dm_load(&dm, &dc);
	assert_int_equal(dm.n, 1);
	assert_int_equal(dm.p[0].closed, 2016);
	assert_int_equal(dm_key(&dm, &dc, ENTER).kind, DM_CLOSED);
	/* reopened while the clerk looks at it: Enter opens it, the line no longer says 已结束 */
	city_closes(s, false);
	dm_result d = dm_key(&dm, &dc, ENTER);
	assert_int_equal(d.kind, DM_OPEN);
	assert_int_equal(dm.p[0].closed, 0);
	char text[64];
	dm_record_text(&dm.p[0], text, sizeof text);
	assert_null(strstr(text, "已结束"));
	/* and closed again meanwhile: refused again (nothing typed there could be saved) */
	city_closes(s, true);
	assert_int_equal(dm_key(&dm, &dc, ENTER).kind, DM_CLOSED);
	city_closes(s, false);
	assert_int_equal(dm_key(&dm, &dc, ENTER).kind, DM_OPEN);
	dm_free(&dm);

	/* continued: restored, completed and saved */
	s->c.draft = d.draft;
	m = open_record(s, "talent", 0, UNIT);
	s->c.draft = 0;
	assert_value(m, "name", "郑十二");
	fm_free(m);
}

/* F2 on a record half typed when the year closed: the year is said (not
 * only the empty fields), and the input kept. */
static void year_closed_half_typed(void **state)
{
	form_story *s = *state;
	form_model *m = typing(s);
	fm_result r = key(s, m, F2); /* control: open, the empty fields are said */
	assert_null(strstr(r.text, "已留作草稿"));
	city_closes(s, true);
	r = key(s, m, F2);
	assert_said(r.text, "已留作草稿");
	assert_int_equal(drafts_of(s), 1);
	fm_free(m);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(month_change_keeps_typed, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(year_closed_while_typing, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(year_closed_half_typed, form_story_setup, form_story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
