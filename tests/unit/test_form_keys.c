/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The clerk's keys the tester at 80x24 found wrong (#23), into 附表2's
 * form model with no terminal: Tab on the last field, a paste of two rows
 * and a row wider than the fields left. Each checks the values after. */
#include "form_story.h"

#include "core/clock.h"
#include "core/utf8.h"

/* Tab on the last field stays there and says how to save: wrapping to the
 * first field with it selected let the next letter wipe 姓名. Shift-Tab on
 * the first field stays too. */
static void tab_stops_at_last(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "talent", 0, "许昌学院");
	type(s, m, "钱七");
	fm_result r = key(s, m, (kp_key){true, (uint32_t)KEY_BTAB});
	assert_focus(m, "name");
	assert_said(r.text, "已是第一项");
	size_t last = m->form->nfields - 1;
	fm_focus(m, last - 1);
	r = key(s, m, TAB); /* the positive control: a Tab before the last moves */
	assert_int_equal(m->focus, last);
	assert_string_equal(r.text, "");
	r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_HANDLED);
	assert_int_equal(m->focus, last);
	assert_said(r.text, "已是最后一项：F2/^S 保存");
	type(s, m, "同意");
	assert_value(m, "name", "钱七");
	assert_value(m, "city_opinion", "同意");
	fm_free(m);
}

/* A form holds one record: a paste of two rows (as Excel copies them,
 * each ending in CRLF) is refused whole, naming the rows, and changes
 * nothing; one row ending in CRLF still pastes (the positive control). */
static void paste_two_rows(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "talent", 0, "许昌学院");
	fm_result r = fm_paste(m, &s->c, "钱一\t男\t30\t汉族\t党员\t本科\t\t\t许昌学院\t教师\t13837400011\r\n"
					 "孙二\t女\t31\t回族\t群众\t大专\t\t\t许昌学院\t化学教师\t13837400012\r\n");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_true(r.error);
	assert_said(r.text, "粘贴的内容有 2 行；表单一次只能粘贴一行（多行请用导入）");
	assert_value(m, "name", "");
	assert_value(m, "phone", "");
	assert_focus(m, "name");
	assert_false(m->dirty);
	r = fm_paste(m, &s->c, "钱一\t男\t30\t汉族\t党员\t本科\t\t\t许昌学院\t教师\t13837400011\r\n\r\n");
	assert_int_equal(r.kind, FM_HANDLED);
	assert_said(r.text, "已粘贴 11 项。");
	assert_value(m, "name", "钱一");
	assert_value(m, "phone", "13837400011");
	fm_free(m);
}

/* A row with a cell for every field of the form fills it from the first
 * field wherever the cursor is; a row wider than the fields from the
 * cursor on is refused whole, naming the counts: no cell dropped without
 * a word. A shorter row still fills from the cursor. */
static void paste_wide_row(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "talent", 0, "许昌学院");
	size_t nf = m->form->nfields, employer = (size_t)form_field_index(m->form, "employer");
	assert_int_equal(nf, 19);
	const char *whole = "孙二\t女\t31\t回族\t群众\t大专\t\t\t许昌学院\t讲师\t13837400012\t\t\t青少年科普"
			    "\t\t\t\t\t\r\n";
	fm_focus(m, employer);
	fm_result r = fm_paste(m, &s->c, whole);
	assert_int_equal(r.kind, FM_HANDLED);
	assert_value(m, "name", "孙二");
	assert_value(m, "employer", "许昌学院");
	assert_value(m, "phone", "13837400012");
	assert_value(m, "service_categories", "青少年科普");
	/* 21 cells, the last filled, from 工作单位 (11 fields left): refused. */
	form_model *m2 = open_record(s, "talent", 0, "许昌学院");
	fm_focus(m2, employer);
	r = fm_paste(m2, &s->c, "孙溢出\t女\t31\t回族\t群众\t大专\t\t\t许昌学院\t讲师\t13837400012\t\t\t"
				"青少年科普\t\t\t\t\t\t\t多余");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "粘贴的一行有 21 项，从「工作单位」到最后只有 11 项");
	assert_value(m2, "employer", "");
	assert_value(m2, "name", "");
	assert_false(m2->dirty);
	/* Five cells from 工作单位 fit: they fill from there. */
	r = fm_paste(m2, &s->c, "许昌学院\t讲师\t13837400012\t\tqq123");
	assert_int_equal(r.kind, FM_HANDLED);
	assert_value(m2, "employer", "许昌学院");
	assert_value(m2, "qq_wechat", "qq123");
	assert_value(m2, "name", "");
	fm_free(m2);
	fm_free(m);
}

/* 月报's month list on 2016-09-10 (the reporting months run from July):
 * a month already reported is marked 「（已填报）」 before it is chosen, and
 * a month not yet ended (September, and after) is not offered — a monthly
 * report covers a finished month. */
static void month_list_knows(void **state)
{
	form_story *s = *state;
	clock_set_today("2016-09-10");
	save_record(s->fx, "monthly", "许昌学院", "month", "2016-07", "training_sessions", "0", "training_people",
		    "0", "activity_sessions", "1", "activity_people", "50", "resources", "0", NULL);
	form_model *m = open_record(s, "monthly", 0, "许昌学院");
	key(s, m, SPACE);
	assert_int_equal(m->mode, FM_PICK);
	const popup *p = &m->pick;
	assert_int_equal(p->n, 2);
	assert_string_equal(p->items[0], "2016-07（已填报）");
	assert_string_equal(p->items[1], "2016-08"); /* the positive control: unmarked */
	type(s, m, "2016-08");
	fm_result r = key(s, m, ENTER);
	assert_int_not_equal(r.kind, FM_REFUSED);
	assert_value(m, "month", "2016-08");
	/* September typed into the filter finds nothing to take */
	fm_focus(m, 0);
	key(s, m, SPACE);
	type(s, m, "2016-09");
	assert_int_equal(m->pick.nmatch, 0);
	key(s, m, ESC);
	assert_value(m, "month", "2016-08");
	fm_free(m);
	clock_use_system();
}

/* The clerk forgot 性别 and typed the age into its list: Tab (or Enter,
 * or Shift-Tab) with a filter that finds nothing stays in the open list
 * and says so, naming the text and the options — moving on dropped 「29」
 * and put every later value one field off (「qz」 for 政治面貌 became
 * 民族 = 羌族). A filter that finds one option still takes it on Tab, and
 * Tab over a list with nothing typed moves on keeping the value. */
static void tab_refuses_unmatched_filter(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "talent", 0, "许昌学院");
	type(s, m, "刘春燕");
	key(s, m, TAB);
	type(s, m, "29");
	assert_int_equal(m->mode, FM_PICK);
	assert_int_equal(m->pick.nmatch, 0);
	kp_key keys[] = {TAB, ENTER, FN(KEY_BTAB)};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		fm_result r = key(s, m, keys[i]);
		assert_int_equal(r.kind, FM_REFUSED);
		assert_true(r.error);
		assert_said(r.text, "性别：「29」不是可选的项，可选：「男」、「女」，没有填入");
		assert_int_equal(m->mode, FM_PICK);
		assert_focus(m, "gender");
	}
	/* corrected in place: nv finds 女 alone, and Tab takes it */
	key(s, m, BSPACE);
	key(s, m, BSPACE);
	type(s, m, "nv");
	assert_int_equal(m->pick.nmatch, 1);
	fm_result r = key(s, m, TAB);
	assert_int_not_equal(r.kind, FM_REFUSED);
	assert_value(m, "gender", "女");
	assert_focus(m, "age");
	/* the positive control: a list opened with nothing typed, Tab moves on */
	fm_focus(m, (size_t)form_field_index(m->form, "gender"));
	key(s, m, SPACE);
	assert_int_equal(m->mode, FM_PICK);
	r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_HANDLED);
	assert_int_equal(m->mode, FM_EDIT);
	assert_focus(m, "age");
	assert_value(m, "gender", "女");
	fm_free(m);
}

/* A refused choice with a long list (资源 类型, t80g #18) names as many
 * options as fit the two 80-column status lines and how many there are,
 * never a list cut in the middle of a name. */
static void long_choice_list_fits_status(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "resource", 0, "许昌学院");
	assert_focus(m, "name");
	type(s, m, "科普展板");
	key(s, m, TAB);
	type(s, m, "展板");
	assert_int_equal(m->pick.nmatch, 0);
	fm_result r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "类型：「展板」不是可选的项，可选：「科普微电影」、");
	char said[64];
	const kp_field *kind = &m->form->fields[form_field_index(m->form, "kind")];
	snprintf(said, sizeof said, "」等 %zu 项，没有填入", kind->choices->n);
	assert_said(r.text, said);
	assert_true(utf8_width(r.text) <= 2 * 80);
	fm_free(m);
}

/* 附表3's 联系电话 moves on when a whole mobile number is typed, as
 * 附表2's does: a clerk used to it typed 「13903740001 hd」 into one field.
 * The habitual Tab after it is absorbed; with the account's auto-advance
 * off, the focus stays (the positive control). */
static void project_phone_advances(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "project", 0, "许昌学院");
	fm_focus(m, (size_t)form_field_index(m->form, "phone"));
	type(s, m, "13903740001");
	assert_focus(m, "category");
	key(s, m, TAB);
	assert_focus(m, "category");
	assert_value(m, "phone", "13903740001");
	s->c.auto_advance = false;
	fm_focus(m, (size_t)form_field_index(m->form, "phone"));
	key(s, m, FN(KEY_END));
	key(s, m, BSPACE);
	type(s, m, "2");
	assert_focus(m, "phone");
	assert_value(m, "phone", "13903740002");
	fm_free(m);
}

/* 月报 月份 typed as 「8月」 on 2016-08-10 (t80g #6): read as the year's
 * August and refused for the real reason, August not over; a month not in
 * the list names what can be chosen now and when the next one opens. */
static void typed_month_told_what_opens(void **state)
{
	form_story *s = *state;
	clock_set_today("2016-08-10");
	form_model *m = open_record(s, "monthly", 0, "许昌学院");
	const char *typed[] = {"8月", "3月"}, *said[] = {"月份：「2016-08」这个月还没有过完（今天是 2016-08-10）",
						       "现在可选：2016-07；2016-08 从 2016-09-01 起可以填"};
	for (size_t i = 0; i < 2; i++) {
		assert_focus(m, "month");
		type(s, m, typed[i]);
		fm_result r = key(s, m, TAB);
		assert_int_equal(r.kind, FM_REFUSED);
		assert_said(r.text, said[i]);
		assert_value(m, "month", "");
		key(s, m, BSPACE);
		key(s, m, BSPACE);
	}
	fm_free(m);
	clock_use_system();
}

/* A month picked that the unit has filed already is refused before
 * anything changes: the empty form stays clean (Esc leaves without asking)
 * and a hang-up leaves no 「（未填任何项）」 draft. A value typed and taken
 * back leaves no draft either; a real pick is kept (the positive control). */
static void refused_month_leaves_form_clean(void **state)
{
	form_story *s = *state;
	clock_set_today("2016-09-10"); /* 2016-07 and 2016-08 offered */
	save_record(s->fx, "monthly", "许昌学院", "month", "2016-07", "training_sessions", "0", "training_people",
		    "0", "activity_sessions", "1", "activity_people", "50", "resources", "0", NULL);
	const char *drafts = "SELECT count(*) FROM kp_drafts";
	long long before = sql_int(s->fx->path, drafts);
	form_model *m = open_record(s, "monthly", 0, "许昌学院");
	key(s, m, SPACE);
	fm_result r = key(s, m, ENTER); /* 2016-07（已填报） */
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "本单位已填报");
	assert_value(m, "month", "");
	assert_false(m->dirty);
	fm_persist(m, &s->c, true);
	assert_int_equal(sql_int(s->fx->path, drafts), before);
	assert_int_equal(key(s, m, ESC).kind, FM_CLOSE);
	/* typed into a number and taken back: nothing to keep, nothing asked */
	fm_focus(m, (size_t)form_field_index(m->form, "activity_people"));
	type(s, m, "5");
	fm_persist(m, &s->c, true);
	assert_int_equal(sql_int(s->fx->path, drafts), before + 1);
	key(s, m, BSPACE);
	fm_persist(m, &s->c, true);
	assert_int_equal(sql_int(s->fx->path, drafts), before);
	assert_int_equal(key(s, m, ESC).kind, FM_CLOSE);
	/* a month not filed yet is taken and kept */
	fm_focus(m, 0);
	key(s, m, SPACE);
	key(s, m, FN(KEY_DOWN));
	r = key(s, m, ENTER);
	assert_int_not_equal(r.kind, FM_REFUSED);
	assert_value(m, "month", "2016-08");
	assert_true(m->dirty);
	fm_persist(m, &s->c, true);
	assert_int_equal(sql_int(s->fx->path, drafts), before + 1);
	assert_int_equal(key(s, m, ESC).kind, FM_HANDLED);
	assert_int_equal(m->mode, FM_CONFIRM_LEAVE);
	fm_free(m);
	clock_use_system();
}

/* F1's lines for the form now: does one name key k? */
static bool help_names(form_model *m, form_story *s, const char *k)
{
	kp_key_line lines[64];
	size_t n = keymap_help(CTX_FORM | fm_field_ctx(&m->form->fields[m->focus]), fm_acts, NULL, m, &s->c,
			       lines, 64);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(lines[i].keys, k))
			return true;
	return false;
}

/* 赵晓燕's record (工作单位 employer, two paragraphs of 科普工作经历), opened. */
static form_model *open_zhao(form_story *s, const char *employer)
{
	long long id = save_record(s->fx, "talent", "许昌学院", "name", "赵晓燕", "gender", "女", "age", "40",
				   "ethnicity", "汉族", "political", "群众", "education", "大学本科", "employer",
				   employer, "phone", "13837400015", "service_categories", "[\"青少年科普\"]",
				   "experience", "开展健康讲座20余场。\n走进社区10次。", NULL);
	return open_record(s, "talent", id, "许昌学院");
}

/* A paragraph is selected on entry: one letter typed with a Tab too many
 * replaced 科普工作经历 whole. The status line says how it comes back, and
 * ^Z (in F1 only once there is something to undo) restores the field as
 * it was when the focus came to it; with nothing changed it says so. */
static void undo_restores_field(void **state)
{
	form_story *s = *state;
	form_model *m = open_zhao(s, "许昌学院");
	assert_int_equal(keymap_lookup(CTX_FORM | CTX_TEXTAREA, CTRL('Z')), ACT_UNDO);
	fm_focus(m, (size_t)form_field_index(m->form, "experience"));
	assert_false(help_names(m, s, "^Z"));
	fm_result r = key(s, m, CTRL('Z'));
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "「科普工作经历」进入本项后没有改动");
	r = type(s, m, "曾获许昌市优秀科普工作者称号。");
	assert_value(m, "experience", "曾获许昌市优秀科普工作者称号。");
	r = key(s, m, CH('x')); /* appends: the replacement was said on its first key */
	assert_unsaid(r.text, "^Z");
	assert_true(help_names(m, s, "^Z"));
	r = key(s, m, CTRL('Z'));
	assert_int_equal(r.kind, FM_HANDLED);
	assert_said(r.text, "「科普工作经历」已恢复为进入本项时的内容");
	assert_value(m, "experience", "开展健康讲座20余场。\n走进社区10次。");
	/* the first key over the selection says so; another field's own value is its own */
	r = key(s, m, CH('a'));
	assert_said(r.text, "已替换「科普工作经历」原来的内容；按 ^Z 恢复");
	key(s, m, TAB);
	type(s, m, "x");
	key(s, m, CTRL('Z'));
	assert_value(m, "plan", "");
	assert_value(m, "experience", "a");
	fm_free(m);
}

/* Backspace on a value selected on entry fixes its last character (i17:
 * it emptied 工作单位 and 委 then saved 「委」; two paragraphs went the same
 * way); Del still takes the selection whole, and says how it comes back. */
static void backspace_fixes_selected(void **state)
{
	form_story *s = *state;
	form_model *m = open_zhao(s, "魏都区科技局");
	fm_focus(m, (size_t)form_field_index(m->form, "employer"));
	key(s, m, CTRL('H'));
	type(s, m, "委");
	assert_value(m, "employer", "魏都区科技委");
	fm_focus(m, (size_t)form_field_index(m->form, "experience"));
	key(s, m, CH(127));
	type(s, m, "。");
	assert_value(m, "experience", "开展健康讲座20余场。\n走进社区10次。");
	fm_focus(m, (size_t)form_field_index(m->form, "employer"));
	fm_result r = key(s, m, FN(KEY_DC)); /* the control: Del empties, and says so */
	assert_value(m, "employer", "");
	assert_said(r.text, "已清空「工作单位」原来的内容；按 ^Z 恢复");
	key(s, m, CTRL('Z'));
	assert_value(m, "employer", "魏都区科技委");
	fm_free(m);
}

/* A refused Tab or F2 keeps what ^Z restores: the value the refused text
 * was typed over (i1: 罗德明 → 王五1, Tab refused, ^Z said 「没有改动」). */
static void undo_after_refusal(void **state)
{
	form_story *s = *state;
	long long id = save_person(s->fx, "罗德明", "13837400045");
	form_model *m = open_record(s, "talent", id, "许昌学院");
	assert_focus(m, "name");
	type(s, m, "王五1");
	fm_result r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_focus(m, "name");
	r = key(s, m, CTRL('Z'));
	assert_said(r.text, "「姓名」已恢复为进入本项时的内容");
	assert_value(m, "name", "罗德明");
	size_t age = (size_t)form_field_index(m->form, "age");
	fm_focus(m, age);
	char *was = fs_get_value(&m->form->fields[age], &m->fs[age]);
	type(s, m, "5");
	r = key(s, m, FN(KEY_F(2)));
	assert_int_equal(r.kind, FM_REFUSED);
	assert_focus(m, "age");
	key(s, m, CTRL('Z'));
	assert_value(m, "age", was);
	assert_string_not_equal(was, "5");
	free(was);
	fm_free(m);
}

/* t80j j11: a narrative refused as too short (至少要写 10 个字) at Tab is
 * corrected by writing on: the cursor waits at its end, nothing selected,
 * so the words typed next are added, not put in its place. Control: a
 * value refused for what it is (王五1 in 姓名) is still selected. */
static void too_short_written_on(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "summary", 0, "许昌学院");
	assert_focus(m, "achievements");
	type(s, m, "完成了全年任务");
	fm_result r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "至少要写 10 个字");
	assert_focus(m, "achievements");
	type(s, m, "，共开展科普活动十二场。");
	assert_value(m, "achievements", "完成了全年任务，共开展科普活动十二场。");
	fm_free(m);
	m = open_record(s, "talent", 0, "许昌学院");
	type(s, m, "王五1");
	assert_int_equal(key(s, m, TAB).kind, FM_REFUSED);
	type(s, m, "王五");
	assert_value(m, "name", "王五");
	fm_free(m);
}

/* An approved record (read-only, no F2) is titled 查看, not 修改 (t80d
 * #17); a draft the city may change is 修改 (the control), a new one 新记录. */
static void readonly_titled_view(void **state)
{
	form_story *s = *state;
	long long id = save_person(s->fx, "张丽娟", "13837400045");
	form_model *m = open_record(s, "talent", id, "许昌学院");
	assert_false(m->readonly);
	assert_int_equal(fm_title_words(m), MSG_UI_EDIT_RECORD);
	fm_free(m);
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE talent SET kp_state = 'approved' WHERE id = %lld", id);
	sql_run(s->fx->path, sql);
	m = open_record(s, "talent", id, "许昌学院");
	assert_true(m->readonly);
	assert_false(fm_acts(m, &s->c, ACT_SAVE));
	assert_int_equal(fm_title_words(m), MSG_UI_VIEW_RECORD);
	char title[64];
	snprintf(title, sizeof title, msg(fm_title_words(m)), m->rec.id);
	assert_said(title, "查看第");
	fm_free(m);
	m = open_record(s, "talent", 0, "许昌学院");
	assert_int_equal(fm_title_words(m), MSG_UI_NEW_RECORD);
	fm_free(m);
}

/* Paragraphs (no Tab) pasted into a multi-line field are its text, line
 * ends kept (two lines are no second record there; the first line alone
 * was kept); text longer than the field has room for is refused whole. */
static void paste_paragraphs(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "talent", 0, "许昌学院");
	int profile = form_field_index(m->form, "profile");
	fm_focus(m, (size_t)profile);
	fm_result r = fm_paste(m, &s->c, "一九八五年生。\r\n二〇〇七年毕业于许昌学院。\r\n");
	assert_int_equal(r.kind, FM_HANDLED);
	assert_said(r.text, "已粘贴 21 个字");
	assert_value(m, "profile", "一九八五年生。\n二〇〇七年毕业于许昌学院。");
	size_t max = m->fs[profile].eb.max_chars;
	assert_true(max > 0 && max < 4000);
	char *big = malloc(max * 3 + 8);
	size_t at = 0;
	for (size_t i = 0; i < max; i++, at += 3)
		memcpy(big + at, "字", 3);
	strcpy(big + at, "\n多");
	r = fm_paste(m, &s->c, big);
	free(big);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "一个字也没有填入");
	assert_value(m, "profile", "一九八五年生。\n二〇〇七年毕业于许昌学院。");
	fm_free(m);
}

/* A full text field says what it refused: a key typed at its end, and text
 * pasted unmarked (a burst of keys) that has no room, refused whole — the
 * field keeps what it had, never the first 100 characters of 110. Controls:
 * a burst with room is typed as ever (test_form_model_paste.c: a field
 * that moves on when full is bound alike). */
static fm_result burst_of(form_story *s, form_model *m, uint32_t cp, size_t n)
{
	uint32_t cps[128];
	assert_true(n <= sizeof cps / sizeof cps[0]);
	for (size_t i = 0; i < n; i++)
		cps[i] = cp;
	return fm_burst(m, &s->c, cps, n);
}

static void full_text_said(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "activity", 0, "许昌学院");
	int place = form_field_index(m->form, "place");
	fm_focus(m, (size_t)place);
	assert_int_equal(m->fs[place].eb.max_chars, 100);
	assert_int_equal(burst_of(s, m, 0x5E63, 100).kind, FM_HANDLED);
	assert_value(m, "place", "");
	fm_result r = burst_of(s, m, 0x5E63, 110);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_string_equal(r.text, "地点：最多 100 个字，粘贴的 110 个字多出 10 个，一个字也没有输入（原来的内容不变）");
	char typed[100 * 3 + 1] = "";
	for (int i = 0; i < 98; i++)
		strcat(typed, "幣");
	type(s, m, typed);
	r = burst_of(s, m, 0x5E63, 3);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "粘贴的 3 个字多出 1 个");
	assert_value(m, "place", typed);
	assert_int_equal(burst_of(s, m, 0x5E63, 2).kind, FM_HANDLED);
	type(s, m, "ab");
	strcat(typed, "ab");
	r = key(s, m, CH('Z'));
	assert_int_equal(r.kind, FM_REFUSED);
	assert_string_equal(r.text, "地点：最多 100 个字，多出的 1 个没有输入");
	assert_value(m, "place", typed);
	fm_free(m);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(tab_stops_at_last, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_two_rows, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_wide_row, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(month_list_knows, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_paragraphs, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(full_text_said, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(tab_refuses_unmatched_filter, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(long_choice_list_fits_status, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(project_phone_advances, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(typed_month_told_what_opens, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(refused_month_leaves_form_clean, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(backspace_fixes_selected, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(undo_after_refusal, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(too_short_written_on, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(undo_restores_field, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(readonly_titled_view, form_story_setup, form_story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
