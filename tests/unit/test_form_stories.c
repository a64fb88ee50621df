/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Keys → state → database stories of the form screen, run on its model
 * with no terminal (tests/unit/form_story.h). They were the tmux scenarios
 * duplicate_person, typing_replaces (its 附表1 part, a table screen without
 * a model yet, stays in tmux), activity_resource (its import half is
 * test_import_stories.c's) and pinyin_choice; the terminal added nothing. */
#include "form_story.h"

#include "core/clock.h"
#include "ui/list_model.h"
#include "ui/review_prompt.h"
#include "domain/transfer.h"

#define OTHER_NAME "王建国"
#define OTHER_PHONE "13900001111"

/* 魏都区's person, stored as the demo's are: its number. */
static long long weidu_person(form_story *s)
{
	return save_record(s->fx, "talent", "魏都区", "name", OTHER_NAME, "gender", "男", "age", "50", "ethnicity",
			   "汉族", "political", "群众", "education", "大学本科", "employer", "魏都区第一中学", "phone",
			   OTHER_PHONE, "service_categories", "[\"青少年科普\"]", NULL);
}

/* An import of one row of 附表2 for unit by a session of that unit: its
 * report (what the CLI prints on stderr) and counts. */
static int import_row(form_story *s, const char *unit, bool dry_run, char **report, import_stats *st)
{
	static const char csv[] = "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n"
				  OTHER_NAME ",男,45,汉族,群众,本科,禹州市第一中学," OTHER_PHONE ",青少年科普\n";
	size_t len;
	FILE *rep = open_memstream(report, &len);
	FILE *in = fmemopen((void *)csv, strlen(csv), "r");
	import_options o = {.source = "imp.csv", .unit = unit, .dry_run = dry_run};
	*st = (import_stats){0};
	int rc = import_csv(&s->fx->env, catalog_form(&s->fx->env.cat, "talent"), in, &o, rep, st);
	fclose(in);
	fclose(rep);
	return rc;
}

/* The same person twice (附表2's unique_hint: 姓名 and 联系电话): a unit's
 * clerk is warned with one sentence that names no other unit's data, a
 * second F2 saves anyway and marks the pair for the city; a changed value
 * is checked again. The city sees the pair named on the record (another
 * unit's only once submitted), and is
 * itself told which record a person it types repeats. A unit importing
 * another unit's person: saved, marked, told with the count only. */
static void duplicate_person(void **state)
{
	form_story *s = *state;
	clock_set_today("2016-08-10");
	long long other = weidu_person(s);
	story_sign_in_unit(s, "xcxy", "许昌学院");
	form_model *m = open_record(s, "talent", 0, "许昌学院");
	fill_required(s, m, OTHER_NAME, OTHER_PHONE);
	fm_result r = key(s, m, F2);
	assert_int_not_equal(r.kind, FM_SAVED);
	assert_string_equal(r.text, "再按 F2 仍要保存：可能与其他单位的记录重复，请与市科协核实。");
	assert_unsaid(r.text, "魏都区");
	char num[32];
	snprintf(num, sizeof num, "第 %lld 号", other);
	assert_unsaid(r.text, num);
	assert_sql(s, "SELECT count(*) FROM talent WHERE name = '" OTHER_NAME "'", "1");
	r = key(s, m, F2); /* the clerk insists */
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已标记为可能重复，由市科协核实");
	long long new_id = r.saved_id;
	char want[160], sql[200];
	snprintf(want, sizeof want, "%lld|%lld|xcxy", new_id, other);
	assert_sql(s, "SELECT id || '|' || other || '|' || marked_by FROM kp_duplicates", want);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE action = 'duplicate' AND record_id = %lld",
		 new_id);
	assert_sql(s, sql, "1");
	/* A changed value is checked again: a new mobile for the same 姓名 at
	 * the same 工作单位 is the same person again (similar_hint, t3h #2):
	 * warned naming the unit's record, saved and marked on a second F2. */
	type(s, m, OTHER_NAME); key(s, m, TAB);
	type(s, m, "男"); key(s, m, ENTER);
	type(s, m, "45"); key(s, m, TAB);
	type(s, m, "汉"); key(s, m, ENTER);
	type(s, m, "中共"); key(s, m, ENTER);
	type(s, m, "本科"); key(s, m, ENTER);
	for (int i = 0; i < 5; i++) /* the first absorbed: the list moved on */
		key(s, m, TAB);
	type(s, m, "13700001234");
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); key(s, m, SPACE);
	r = key(s, m, F2);
	assert_int_not_equal(r.kind, FM_SAVED);
	snprintf(want, sizeof want, "可能与第 %lld 号记录（许昌学院，" OTHER_NAME "）重复：姓名、工作单位相同，联系电话不同，请核实。",
		 new_id);
	assert_said(r.text, want);
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已标记为可能重复，由市科协核实");
	snprintf(want, sizeof want, "已保存（第 %lld 号记录）", new_id + 1);
	assert_said(r.text, want);
	fm_free(m);

	/* The city: the list filtered by the name holds the three; the second
	 * is the marked one, and its record names the pair. */
	sign_out(s);
	story_sign_in_city(s, "shikexie");
	const kp_form *talent = catalog_form(&s->fx->env.cat, "talent");
	int cols[] = {form_field_index(talent, "name")};
	lm_ctx lc = {s->fx->env.store, 19, true, false, &s->fx->env};
	list_model l;
	lm_init(&l, talent, NULL, cols, 1);
	lm_restart(&l, &lc);
	TYPE_KEYS(OTHER_NAME, lm_key(&l, &lc, k));
	assert_int_equal(l.total, 3);
	lm_key(&l, &lc, DOWN);
	lm_result lr = lm_key(&l, &lc, ENTER);
	lm_free(&l);
	assert_int_equal(lr.kind, LM_OPEN);
	assert_int_equal(lr.id, new_id);
	m = open_record(s, "talent", new_id, "许昌学院");
	assert_non_null(m->dup_note);
	/* 魏都区's record, a draft, is not named against 许昌学院's (t7h #4:
	 * another unit's draft casts no doubt); 许昌学院's own draft is */
	snprintf(want, sizeof want, "可能重复：第 %lld 号记录（许昌学院，" OTHER_NAME "）", new_id + 1);
	assert_string_equal(m->dup_note, want);
	fm_free(m);
	/* Typing the same person for 许昌学院: the same unit's first is named;
	 * for 长葛市, 魏都区's. */
	m = open_record(s, "talent", 0, "许昌学院");
	fill_required(s, m, OTHER_NAME, OTHER_PHONE);
	r = key(s, m, F2);
	assert_int_not_equal(r.kind, FM_SAVED);
	snprintf(want, sizeof want, "可能与第 %lld 号记录（许昌学院，" OTHER_NAME "）重复（姓名、联系电话相同），请核实。",
		 new_id);
	assert_said(r.text, want);
	assert_int_equal(key(s, m, ESC).kind, FM_HANDLED); /* 确定放弃? */
	assert_int_equal(key(s, m, CH('y')).kind, FM_CLOSE);
	fm_free(m);
	m = open_record(s, "talent", 0, "长葛市");
	fill_required(s, m, OTHER_NAME, OTHER_PHONE);
	r = key(s, m, F2);
	assert_int_not_equal(r.kind, FM_SAVED);
	snprintf(want, sizeof want, "可能与第 %lld 号记录（魏都区，" OTHER_NAME "）重复（姓名、联系电话相同），请核实。",
		 other);
	assert_said(r.text, want);
	fm_free(m);
	assert_sql(s, "SELECT count(*) FROM talent WHERE name = '" OTHER_NAME "'", "3");

	/* 禹州市 imports 魏都区's person. A dry run saves and marks nothing and
	 * says nothing of other units' people (else a unit could ask, without
	 * trace, whether a name and phone are another's). */
	sign_out(s);
	story_sign_in_unit(s, "yzs", "禹州市");
	long long marks = sql_int(s->fx->path, "SELECT count(*) FROM kp_duplicates");
	char *rep = NULL;
	import_stats st;
	assert_int_equal(import_row(s, "禹州市", true, &rep, &st), 0);
	assert_unsaid(rep, "其他单位");
	assert_int_equal(st.rows, 1); /* the CLI's 检查了 1 条，可以导入 1 条 */
	assert_int_equal(st.ready, 1);
	free(rep);
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_duplicates"), marks);
	assert_int_equal(import_row(s, "禹州市", false, &rep, &st), 0);
	assert_said(rep, "1 行可能与其他单位的记录重复，已标记，请与市科协核实");
	assert_unsaid(rep, "魏都区");
	free(rep);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM kp_duplicates WHERE id = (SELECT max(id) FROM talent) AND other = %lld", other);
	assert_sql(s, sql, "1");
	/* Marked against both records it repeats: 魏都区's and 许昌学院's. */
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_duplicates"), marks + 2);
}

/* Typing replaces, editing edits: a field entered with a value has it
 * selected, so the clerk's first key replaces it (a remembered 工作单位, a
 * name corrected, a pre-filled 0 in 月报), while an arrow, Home or End
 * edits the value in place. */
static void typing_replaces(void **state)
{
	form_story *s = *state;
	clock_use_system();
	form_model *m = open_record(s, "talent", 0, "许昌学院");
	fill_required(s, m, "李秀兰", "13812345678");
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 1 号记录）");
	/* The next teacher: 工作单位 still holds 许昌学院农学院 (sticky); typed over. */
	type(s, m, "王芳"); key(s, m, TAB);
	type(s, m, "女"); key(s, m, ENTER);
	type(s, m, "38"); key(s, m, TAB);
	type(s, m, "汉"); key(s, m, ENTER);
	type(s, m, "群众"); key(s, m, ENTER);
	type(s, m, "本科"); key(s, m, ENTER);
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); /* the first absorbed; 主要从事行业, 科普专长 */
	assert_focus(m, "employer");
	assert_value(m, "employer", "许昌学院农学院");
	type(s, m, "许昌市第一中学"); key(s, m, TAB);
	key(s, m, TAB);
	type(s, m, "13912345678");
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); key(s, m, SPACE); /* the Tab after the mobile is absorbed */
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 2 号记录）");
	assert_sql(s, "SELECT employer FROM talent WHERE id = 2", "许昌市第一中学");
	fm_free(m);

	/* Record 1 opened again: the name is selected; typing replaces it. */
	m = open_record(s, "talent", 1, "许昌学院");
	type(s, m, "李秀英");
	key(s, m, TAB);                              /* 性别: a choice */
	key(s, m, TAB);                              /* 年龄 45: End, then edit in place */
	key(s, m, END); key(s, m, BSPACE);
	type(s, m, "6");
	for (int i = 0; i < 6; i++)
		key(s, m, TAB);
	assert_focus(m, "employer");
	key(s, m, HOME);                             /* typing goes in front of the kept value */
	type(s, m, "河南");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存对第 1 号记录的修改");
	assert_sql(s, "SELECT name || '|' || age || '|' || employer FROM talent WHERE id = 1", "李秀英|46|河南许昌学院农学院");
	fm_free(m);

	/* 月报: the pre-filled 0s are typed over (2, not 20; 120, not 1200). */
	m = open_record(s, "monthly", 0, "许昌学院");
	assert_focus(m, "month");
	key(s, m, SPACE);
	assert_int_equal(m->mode, FM_PICK);
	r = key(s, m, ENTER);
	assert_said(r.text, "预填");
	assert_value(m, "training_sessions", "0");
	type(s, m, "2"); key(s, m, TAB);
	type(s, m, "120"); key(s, m, TAB);
	key(s, m, RIGHT);                            /* 活动场次 0: edited in place, 0 kept */
	type(s, m, "2");
	assert_value(m, "activity_sessions", "02");
	key(s, m, TAB);
	type(s, m, "150"); key(s, m, TAB);           /* 参与人数: the trainees are among them */
	key(s, m, TAB); key(s, m, TAB);
	type(s, m, "七月开展培训两场。");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_sql(s, "SELECT training_sessions || '|' || training_people || '|' || activity_sessions || '|' || activity_people FROM monthly",
		   "2|120|2|150");
	fm_free(m);
}

/* An activity typed through the keyboard: a date, a choice typed to
 * filter, the “五进” multi-select (Space ticks, Right moves), a count in
 * full-width digits as a Chinese input method types them. */
static void activity_typed(void **state)
{
	form_story *s = *state;
	clock_use_system();
	form_model *m = open_record(s, "activity", 0, "禹州市");
	type(s, m, "全国科普日主题活动"); key(s, m, TAB);
	type(s, m, "2016-09-17"); key(s, m, TAB);
	type(s, m, "展览"); key(s, m, ENTER);
	key(s, m, SPACE); key(s, m, RIGHT); key(s, m, RIGHT); key(s, m, SPACE); key(s, m, TAB); /* 校园、社区 */
	type(s, m, "禹州市人民广场"); key(s, m, TAB);
	type(s, m, "１２００"); key(s, m, TAB);
	type(s, m, "赵工"); key(s, m, TAB);
	type(s, m, "科普展板与现场咨询。");
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 1 号记录）");
	assert_sql(s, "SELECT name || '|' || held_on || '|' || form || '|' || targets || '|' || participants FROM activity",
		   "全国科普日主题活动|2016-09-17|科普展览|[\"校园\",\"社区\"]|1200");
	fm_free(m);
}

/* Is item one of the popup's matches now? */
static bool offered(const popup *p, const char *item)
{
	for (size_t i = 0; i < p->nmatch; i++)
		if (!strcmp(p->items[p->match[i]], item))
			return true;
	return false;
}

/* Choice lists answer to pinyin typed in Latin letters, no input method
 * needed: hz → 汉族 (and 赫哲族), mgz → 蒙古族, zgdy → 中共党员, and the
 * unit picker's list (unit_picker.c's popup over the units) to xcxy →
 * 许昌学院. */
static void pinyin_choice(void **state)
{
	form_story *s = *state;
	clock_use_system();
	kp_unit *units;
	size_t n = store_units(s->fx->env.store, &units);
	char **names = calloc(n, sizeof *names);
	for (size_t i = 0; i < n; i++)
		names[i] = units[i].name;
	popup pick = {0};
	popup_open(&pick, "请选择填报单位", names, n, -1, 0);
	for (const char *p = "xcxy"; *p; p++)
		assert_int_equal(popup_key(&pick, CH(*p), &(size_t){0}), POPUP_CONTINUE);
	assert_true(offered(&pick, "许昌学院"));
	assert_false(offered(&pick, "魏都区"));
	size_t chosen = n;
	assert_int_equal(popup_key(&pick, ENTER, &chosen), POPUP_ACCEPT);
	assert_string_equal(names[chosen], "许昌学院");
	popup_close(&pick);
	free(names);
	unit_list_free(units, n);

	form_model *m = open_record(s, "talent", 0, "许昌学院");
	type(s, m, "王安石"); key(s, m, TAB);
	type(s, m, "n"); key(s, m, ENTER);                  /* 男 (nan) */
	assert_value(m, "gender", "男");
	type(s, m, "60"); key(s, m, TAB);
	type(s, m, "hz");
	assert_int_equal(m->mode, FM_PICK);
	assert_true(offered(&m->pick, "赫哲族"));
	assert_true(offered(&m->pick, "汉族"));
	assert_false(offered(&m->pick, "蒙古族"));
	key(s, m, ENTER);                                   /* the first: 汉族 */
	assert_value(m, "ethnicity", "汉族");
	key(s, m, (kp_key){true, (uint32_t)KEY_BTAB});
	assert_focus(m, "ethnicity");
	type(s, m, "mgz"); key(s, m, ENTER);
	assert_value(m, "ethnicity", "蒙古族");
	type(s, m, "zgdy"); key(s, m, ENTER);
	assert_value(m, "political", "中共党员");
	type(s, m, "bk"); key(s, m, ENTER);
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); /* the first absorbed: the list moved on */
	type(s, m, "许昌学院"); key(s, m, TAB); key(s, m, TAB);
	type(s, m, "13812345678");
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); key(s, m, SPACE); /* the habitual Tab after the mobile is absorbed */
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 1 号记录）");
	assert_sql(s, "SELECT gender || ethnicity || political || education FROM talent", "男蒙古族中共党员大学本科");
	fm_free(m);
}

/* F9 on a record opened (t80g #4, #5) offers what F9 on its row in the
 * list offers, through the same prompt (review_prompt_open on the record
 * as stored): the unit submits its draft, then may only withdraw it (the
 * title says 撤回); the city reviews it. Not with unsaved changes (the
 * decision is on the stored version: said, and the key line leaves it
 * out), nor on a new record, nor where the session may do nothing. */
static void review_from_the_form(void **state)
{
	form_story *s = *state;
	kp_env *e = &s->fx->env;
	clock_set_today("2016-08-10");
	long long id = weidu_person(s);
	char named[96];
	review_prompt p;
	review_prompt_init(&p);
	story_sign_in_unit(s, "weidu", "魏都区");

	form_model *m = open_record(s, "talent", 0, "魏都区"); /* a new record: nothing to decide yet */
	assert_false(fm_acts(m, &s->c, ACT_REVIEW));
	fm_result r = key(s, m, FN(KEY_F(9)));
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "这是新记录：先按 F2 保存，再按 F9。");
	fm_free(m);

	m = open_record(s, "talent", id, "魏都区");
	assert_true(fm_acts(m, &s->c, ACT_REVIEW));
	type(s, m, "王");
	assert_false(fm_acts(m, &s->c, ACT_REVIEW)); /* typed, not saved */
	r = key(s, m, CTRL('W'));
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "还有没保存的修改：先按 F2 保存");
	fm_free(m);

	m = open_record(s, "talent", id, "魏都区");
	r = key(s, m, FN(KEY_F(9)));
	assert_int_equal(r.kind, FM_OPEN);
	assert_int_equal(r.open, FM_OPEN_REVIEW);
	mr_result rr = review_prompt_open(&p, e->store, m->form, &m->rec);
	assert_int_equal(rr.kind, MR_HANDLED);
	snprintf(named, sizeof named, "提交第 %lld 号记录「%s」", id, OTHER_NAME);
	assert_string_equal(p.title, named);
	rr = review_prompt_key(&p, e, ENTER);
	assert_int_equal(rr.kind, MR_SAVED);
	assert_sql(s, "SELECT kp_state FROM talent WHERE id = (SELECT max(id) FROM talent)", "submitted");
	fm_free(m);

	m = open_record(s, "talent", id, "魏都区"); /* 已提交: read only, F9 withdraws */
	assert_true(m->readonly);
	assert_true(fm_acts(m, &s->c, ACT_REVIEW));
	assert_int_equal(key(s, m, FN(KEY_F(9))).open, FM_OPEN_REVIEW);
	review_prompt_open(&p, e->store, m->form, &m->rec);
	snprintf(named, sizeof named, "撤回第 %lld 号记录「%s」", id, OTHER_NAME);
	assert_string_equal(p.title, named);
	popup_close(&p.actions);
	fm_free(m);

	sign_out(s);
	story_sign_in_city(s, "shikexie");
	m = open_record(s, "talent", id, "魏都区");
	assert_true(fm_acts(m, &s->c, ACT_REVIEW));
	assert_int_equal(key(s, m, FN(KEY_F(9))).open, FM_OPEN_REVIEW);
	review_prompt_open(&p, e->store, m->form, &m->rec);
	snprintf(named, sizeof named, "审核第 %lld 号记录「%s」", id, OTHER_NAME);
	assert_string_equal(p.title, named);
	rr = review_prompt_key(&p, e, ENTER); /* the first offered: 认定 */
	assert_int_equal(rr.kind, MR_SAVED);
	assert_sql(s, "SELECT kp_state FROM talent WHERE id = (SELECT max(id) FROM talent)", "approved");
	fm_free(m);

	sign_out(s);
	story_sign_in_unit(s, "weidu", "魏都区");
	m = open_record(s, "talent", id, "魏都区"); /* 已认定: nothing the unit may do */
	assert_false(fm_acts(m, &s->c, ACT_REVIEW));
	fm_free(m);
	review_prompt_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(duplicate_person, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(review_from_the_form, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(typing_replaces, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(activity_typed, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(pinyin_choice, form_story_setup, form_story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
