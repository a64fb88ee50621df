/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The form screen's model driven by keys with no terminal: each story
 * types into 附表2 (talent), checks what each key returned (the result and
 * its message) and what the database holds. These were tmux scenarios
 * (bad_phone, leave_confirm, data_entry_aids, two_sessions, talent_entry,
 * choice_aliases); the terminal added nothing to them. */
#include "form_story.h"

#include "core/clock.h"
#include "domain/drafts.h"

#define F5 FN(KEY_F(5))
#define F10 FN(KEY_F(10))

/* Every story here types into 许昌学院's records. */
static const char UNIT[] = "许昌学院";

static long long unit_id(form_story *s) { return store_unit_id(s->fx->env.store, UNIT); }

static form_model *open_form(form_story *s, long long id) { return open_record(s, "talent", id, UNIT); }

/* A wrong phone number is refused as 联系电话 is left (Tab, Enter, Down,
 * Shift-Tab), named as F2 names it, the focus staying there with the text
 * selected, nothing written: it was refused only at F2, the clerk pages
 * on. The correction typed replaces it, and the record saves; required
 * fields left empty are named at F2, the first one first. */
static void bad_phone(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	fill_to_phone(s, m, "李四");
	assert_focus(m, "phone");
	type(s, m, "1381234567"); /* a mobile of 10 digits */
	static const kp_key leave[] = {TAB, ENTER, FN(KEY_DOWN), FN(KEY_BTAB), FN(KEY_UP)};
	for (size_t i = 0; i < sizeof leave / sizeof *leave; i++) {
		fm_result r = key(s, m, leave[i]);
		assert_int_equal(r.kind, FM_REFUSED);
		assert_true(r.error);
		assert_said(r.text, "联系电话：不是有效的电话号码");
		assert_focus(m, "phone");
		assert_true(m->fs[m->focus].eb.sel);
	}
	assert_sql(s, "SELECT count(*) FROM talent", "0");
	type(s, m, "13812345678"); /* replaces it, and a whole mobile moves on */
	assert_value(m, "phone", "13812345678");
	assert_focus(m, "email");
	key(s, m, TAB); /* absorbed */
	key(s, m, TAB); key(s, m, TAB);
	key(s, m, SPACE);
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 1 号记录）");
	assert_sql(s, "SELECT name || ' ' || phone FROM talent", "李四 13812345678");
	r = key(s, m, F2); /* the next record, empty */
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "姓名：必须填写");
	assert_focus(m, "name");
	assert_sql(s, "SELECT count(*) FROM talent", "1");
	fm_free(m);
}

/* A field with a pattern is checked as it is left too (a one-character
 * 姓名, a QQ号 of 3 digits), and a value half typed never holds the clerk:
 * emptied, the field is left (F2 judges a required one); Esc asks about
 * the unsaved input and leaves; a value only read through (a stored record
 * opened) is not judged on leaving. */
static void pattern_on_leave(void **state)
{
	form_story *s = *state;
	/* a value as loaded, not typed (a stored one a pattern changed since
	 * would refuse), is only read through: Tab moves on */
	form_model *m = open_form(s, 0);
	size_t name = m->focus;
	fs_set_value(&m->form->fields[name], &m->fs[name], "李");
	assert_int_equal(key(s, m, TAB).kind, FM_HANDLED);
	assert_focus(m, "gender");
	fm_free(m);
	m = open_form(s, 0);
	type(s, m, "李");
	fm_result r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "姓名：");
	assert_focus(m, "name");
	assert_true(m->fs[m->focus].eb.sel);
	type(s, m, "李四"); /* replaces the selected 李 */
	assert_int_equal(key(s, m, TAB).kind, FM_HANDLED);
	assert_focus(m, "gender");
	assert_value(m, "name", "李四");
	m->focus = 0; /* to QQ号或微信号 */
	while (strcmp(m->form->fields[m->focus].id, "qq_wechat"))
		fm_focus(m, m->focus + 1);
	type(s, m, "123");
	r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "QQ号或微信号：应为 QQ 号");
	key(s, m, CTRL('A')); /* emptied */
	key(s, m, CTRL('K'));
	assert_value(m, "qq_wechat", "");
	assert_int_equal(key(s, m, TAB).kind, FM_HANDLED);
	assert_focus(m, "service_categories");
	fm_focus(m, m->focus - 1); /* back, typed half again: Esc still leaves */
	type(s, m, "12");
	assert_int_equal(key(s, m, TAB).kind, FM_REFUSED);
	assert_int_equal(key(s, m, ESC).kind, FM_HANDLED);
	assert_int_equal(m->mode, FM_CONFIRM_LEAVE);
	assert_int_equal(key(s, m, CH('y')).kind, FM_CLOSE);
	fm_free(m);
}

/* A date outside the working year is refused as 日期 is left, in the
 * words F2 would use pages on; a date in it moves on (the control). */
static void date_year_on_leave(void **state)
{
	form_story *s = *state;
	form_model *m = open_record(s, "activity", 0, UNIT);
	while (strcmp(m->form->fields[m->focus].id, "held_on"))
		fm_focus(m, m->focus + 1);
	type(s, m, "2015-08-05");
	fm_result r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_true(r.error);
	assert_said(r.text, "2015-08-05 不在 2016 年度");
	assert_focus(m, "held_on");
	assert_true(m->fs[m->focus].eb.sel);
	type(s, m, "2016-08-05"); /* replaces it */
	assert_int_equal(key(s, m, TAB).kind, FM_HANDLED);
	assert_int_not_equal(strcmp(m->form->fields[m->focus].id, "held_on"), 0);
	fm_free(m);
}

/* Leaving with typed values asks first: n stays with the values, y leaves
 * without saving; an untouched form leaves at once. */
static void leave_confirm(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	type(s, m, "赵六");
	fm_result r = key(s, m, ESC);
	assert_int_equal(r.kind, FM_HANDLED);
	assert_int_equal(m->mode, FM_CONFIRM_LEAVE);
	r = key(s, m, CH('n'));
	assert_int_equal(r.kind, FM_HANDLED);
	assert_int_equal(m->mode, FM_EDIT);
	assert_value(m, "name", "赵六");
	key(s, m, F10);
	assert_int_equal(m->mode, FM_CONFIRM_LEAVE);
	r = key(s, m, CH('y'));
	assert_int_equal(r.kind, FM_CLOSE);
	assert_sql(s, "SELECT count(*) FROM talent", "0");
	fm_free(m);
	m = open_form(s, 0);
	r = key(s, m, CTRL('X'));
	assert_int_equal(r.kind, FM_CLOSE); /* positive control: nothing typed, no question */
	fm_free(m);
}

/* Heads-down entry: a whole mobile number moves on by itself, 工作单位
 * stays for the next record, F5/^Y copies a field of the record saved
 * before (同上), and the message counts the records of this sitting. */
static void data_entry_aids(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	person(s, m, "李白", "男", "45", "群众");
	type(s, m, "本科"); key(s, m, ENTER);
	type(s, m, "教育"); key(s, m, TAB);
	key(s, m, TAB);
	type(s, m, "许昌市第一中学"); key(s, m, TAB);
	type(s, m, "教师"); key(s, m, TAB);
	type(s, m, "13812345678"); /* no Tab: a whole mobile number moves on */
	assert_focus(m, "email");
	type(s, m, "libai@163.com");
	key(s, m, TAB); key(s, m, TAB); key(s, m, SPACE);
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 1 号记录），本次已录入 1 份");
	assert_sql(s, "SELECT phone || ' ' || email FROM talent", "13812345678 libai@163.com");
	assert_value(m, "employer", "许昌市第一中学"); /* sticky */
	assert_value(m, "name", "");
	/* 同上 without a record saved before is refused; the app remembers the
	 * saved one (as the view does with m->saved). */
	s->c.last = NULL;
	key(s, m, TAB);
	r = key(s, m, F5);
	assert_int_equal(r.kind, FM_REFUSED);
	key(s, m, FN(KEY_BTAB));
	s->c.last = (const char *const *)m->saved;
	/* 同上 over typed text stays in the field, says it replaced it, and
	 * ^Z brings the typed text back (i7: it moved on, so the habitual Tab
	 * skipped a field, and the typed text was gone without a word) */
	type(s, m, "杜甫");
	r = key(s, m, F5);
	assert_focus(m, "name");
	assert_value(m, "name", s->c.last[form_field_index(m->form, "name")]);
	assert_said(r.text, "「姓名」已照抄上一份，替换了原来的内容；按 ^Z 恢复");
	key(s, m, CTRL('Z'));
	assert_value(m, "name", "杜甫");
	key(s, m, TAB);
	kp_key dittos[] = {F5, F5, CTRL('Y'), F5, F5, CTRL('Y')};
	for (size_t i = 0; i < 6; i++) { /* each copies in place; the clerk's Tab moves on */
		assert_int_equal(key(s, m, dittos[i]).kind, FM_HANDLED);
		key(s, m, TAB);
	}
	assert_value(m, "industry", "教育");
	key(s, m, TAB); key(s, m, TAB);
	type(s, m, "语文教师"); key(s, m, TAB);
	type(s, m, "13912345678");
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); key(s, m, SPACE); /* the first Tab is absorbed */
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 2 号记录），本次已录入 2 份");
	assert_sql(s,
		   "SELECT name || gender || age || ethnicity || political || education || industry || employer "
		   "|| title FROM talent WHERE id = 2",
		   "杜甫男45汉族群众大学本科教育许昌市第一中学语文教师");
	fm_free(m);
}

/* Move the focus n fields on, then replace the value there. */
static void retype(form_story *s, form_model *m, int tabs, const char *text)
{
	for (int i = 0; i < tabs; i++)
		key(s, m, TAB);
	key(s, m, CTRL('A'));
	key(s, m, CTRL('K'));
	type(s, m, text);
}

/* Two sessions edit one record: the second save is refused and merged
 * (the other's change named and shown, nothing of either lost), a second
 * F2 stores both; both changing one field keeps this user's value with the
 * other's beside it, and F2 decides. */
static void two_sessions(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	fill_required(s, m, "王五", "13800000000");
	assert_int_equal(key(s, m, F2).kind, FM_SAVED);
	fm_free(m);
	form_model *a = open_form(s, 1), *b = open_form(s, 1);
	retype(s, a, 10, "13900000001");
	fm_result r = key(s, a, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存对第 1 号记录的修改");
	retype(s, b, 11, "b@163.com");
	r = key(s, b, F2);
	assert_int_equal(r.kind, FM_MERGED);
	assert_said(r.text, "他人刚修改了这条记录（联系电话）");
	assert_value(b, "phone", "13900000001");
	assert_value(b, "email", "b@163.com");
	assert_sql(s, "SELECT phone || ' ' || ifnull(email, '') || ' v' || version FROM talent WHERE id = 1",
		   "13900000001  v2");
	r = key(s, b, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_sql(s, "SELECT phone || ' ' || email || ' v' || version FROM talent WHERE id = 1",
		   "13900000001 b@163.com v3");
	fm_free(a);
	fm_free(b);

	a = open_form(s, 1);
	b = open_form(s, 1);
	retype(s, a, 9, "研究员");
	assert_int_equal(key(s, a, F2).kind, FM_SAVED);
	retype(s, b, 9, "教授");
	r = key(s, b, F2);
	assert_int_equal(r.kind, FM_MERGED);
	assert_said(r.text, "您和他人都改了：职务（职称）");
	assert_focus(b, "title");
	assert_non_null(b->fs[b->focus].error);
	assert_non_null(strstr(b->fs[b->focus].error, "他人的内容：研究员"));
	assert_sql(s, "SELECT title FROM talent WHERE id = 1", "研究员");
	r = key(s, b, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_sql(s, "SELECT title || ' v' || version FROM talent WHERE id = 1", "教授 v5");
	assert_sql(s, "SELECT count(*) FROM kp_drafts", "0");
	fm_free(a);
	fm_free(b);
}

/* The very next key after an automatic advance, if it is Tab, is absorbed
 * however long the clerk paused (the model keeps no clock: a Tab 1.2 s
 * later once skipped 对象); any other key first ends the forgiveness, and
 * a Tab after it moves (the positive control). */
static void habitual_tab_bound(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	for (int i = 0; i < 3; i++)
		key(s, m, TAB);
	assert_focus(m, "ethnicity");
	type(s, m, "hz"); key(s, m, ENTER);
	assert_value(m, "ethnicity", "汉族");
	assert_focus(m, "political");
	key(s, m, TAB); /* the next key: absorbed */
	assert_focus(m, "political");
	key(s, m, FN(KEY_BTAB));
	type(s, m, "hz"); key(s, m, ENTER);
	assert_focus(m, "political");
	key(s, m, RIGHT); /* another key first */
	key(s, m, TAB); /* moves */
	assert_focus(m, "education");
	fm_free(m);
}

/* After an auto-advance only the first habitual Tab is forgiven. */
static void habitual_tab(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	for (int i = 0; i < 10; i++)
		key(s, m, TAB);
	assert_focus(m, "phone");
	type(s, m, "13937412346");
	assert_focus(m, "email");
	key(s, m, TAB); /* absorbed */
	assert_focus(m, "email");
	key(s, m, TAB);
	assert_focus(m, "qq_wechat");
	/* The account's choice off: the number waits for the clerk's Tab. */
	s->c.auto_advance = false;
	key(s, m, FN(KEY_BTAB));
	key(s, m, FN(KEY_BTAB));
	retype(s, m, 0, "13937412347");
	assert_focus(m, "phone");
	fm_free(m);
}

/* A stored record's draft is offered while the unit may change the record
 * (positive control); once the record is approved, opening it drops the
 * draft with a notice instead of putting 66 back over the approved 45, and
 * the sign-in list does the same. */
static void draft_of_decided_record(void **state)
{
	form_story *s = *state;
	long long id = save_person(s->fx, "钱七", "13912345678");
	sign_in_unit(s->fx, "许昌学院");
	s->c.user = "wd";
	form_model *m = open_form(s, id);
	for (int i = 0; i < 2; i++) /* 姓名, 性别: on to 年龄 */
		key(s, m, TAB);
	key(s, m, FN(KEY_END));
	key(s, m, CH(127));
	key(s, m, CH(127));
	type(s, m, "66");
	assert_value(m, "age", "66");
	fm_persist(m, &s->c, true);
	fm_free(m);
	m = open_form(s, id);
	assert_int_equal(m->mode, FM_OFFER);
	fm_free(m);
	char *sql = sqlite3_mprintf("UPDATE talent SET kp_state = 'approved' WHERE id = %lld", id);
	sql_run(s->fx->path, sql);
	fm_result r;
	m = fm_new(&s->c, catalog_form(&s->fx->env.cat, "talent"), id, unit_id(s), UNIT, &r);
	assert_non_null(m);
	assert_int_equal(m->mode, FM_EDIT);
	char want[64];
	snprintf(want, sizeof want, "第 %lld 号记录已认定，未保存的草稿已作废", id);
	assert_said(r.text, want);
	assert_value(m, "age", "45");
	fm_free(m);
	assert_sql(s, "SELECT count(*) FROM kp_drafts", "0");
	/* the sign-in list: a draft typed before it was submitted */
	sqlite3_free(sql);
	sql = sqlite3_mprintf("UPDATE talent SET kp_state = 'draft' WHERE id = %lld", id);
	sql_run(s->fx->path, sql);
	m = open_form(s, id);
	type(s, m, "八");
	fm_persist(m, &s->c, true);
	fm_free(m);
	kp_pending *p;
	char *dropped = NULL;
	assert_int_equal(drafts_pending(&s->fx->env, "wd", &p, &dropped), 1); /* positive control */
	assert_null(dropped);
	pending_free(p, 1);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("UPDATE talent SET kp_state = 'submitted' WHERE id = %lld", id);
	sql_run(s->fx->path, sql);
	sqlite3_free(sql);
	assert_int_equal(drafts_pending(&s->fx->env, "wd", &p, &dropped), 0);
	snprintf(want, sizeof want, "第 %lld 号记录已提交，未保存的草稿已作废", id);
	assert_non_null(dropped);
	assert_string_equal(dropped, want);
	free(dropped);
	assert_sql(s, "SELECT count(*) FROM kp_drafts", "0");
}

/* A save refused because the record was submitted meanwhile: the form's
 * state (its title, its lock) is the stored one, not still 草稿. */
static void refused_save_restates(void **state)
{
	form_story *s = *state;
	long long id = save_person(s->fx, "钱七", "13912345678");
	sign_in_unit(s->fx, "许昌学院");
	form_model *m = open_form(s, id);
	assert_string_equal(m->rec.state, "draft");
	key(s, m, FN(KEY_END));
	type(s, m, "八");
	char *sql = sqlite3_mprintf("UPDATE talent SET kp_state = 'submitted' WHERE id = %lld", id);
	sql_run(s->fx->path, sql);
	sqlite3_free(sql);
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "已提交");
	assert_string_equal(m->rec.state, "submitted");
	assert_true(m->readonly);
	fm_free(m);
}

/* A row pasted from a sheet fills the fields in order; a choice that is
 * no item stays empty with its message, named in what the paste says; the
 * focus is after the last pasted cell (the clerk's next keys went to the
 * refused one and typed over the pasted values after it); F2 goes there. */
static void paste_row(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	fm_result r = fm_paste(m, &s->c, "王小明\t女\t45\t汉族\t民盟\t学\t\t\t许昌学院农学院\t教授\t13912345678\r\n");
	assert_value(m, "political", "民盟盟员"); /* the one option 民盟 finds */
	assert_value(m, "education", ""); /* 学 finds several: never a guess */
	assert_non_null(strstr(m->fs[form_field_index(m->form, "education")].error, "学历：「学」不是可选的项"));
	fm_focus(m, 0); /* a cell's Latin letters are no pinyin initials: qz is not taken as 群众 */
	fm_paste(m, &s->c, "王小明\t女\t45\t汉族\tqz\t大专\t\t\t许昌学院农学院\t教授\t13912345678\r\n");
	assert_value(m, "political", "");
	assert_non_null(strstr(m->fs[form_field_index(m->form, "political")].error, "政治面貌：「qz」不是可选的项"));
	fm_focus(m, 0); /* the row again, from 姓名 */
	r = fm_paste(m, &s->c, "王小明\t女\t45\t汉族\t党员\t火星学历\t\t\t许昌学院农学院\t教授\t13912345678\r\n");
	assert_int_equal(r.kind, FM_HANDLED);
	assert_true(r.error);
	assert_said(r.text, "已粘贴 11 项，其中 1 项有误，第一处在「学历」");
	assert_value(m, "political", "中共党员");
	assert_value(m, "education", "");
	assert_focus(m, "email"); /* after 联系电话, the last cell */
	assert_non_null(strstr(m->fs[form_field_index(m->form, "education")].error, "学历：「火星学历」不是可选的项"));
	r = key(s, m, F2); /* never saved past it: an optional choice too */
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "学历：「火星学历」不是可选的项");
	assert_focus(m, "education");
	assert_sql(s, "SELECT count(*) FROM talent", "0");
	type(s, m, "大专");
	key(s, m, ENTER);
	assert_value(m, "education", "大学专科");
	for (int i = 0; i < 8; i++) /* the first absorbed: the list moved on */
		key(s, m, TAB);
	key(s, m, SPACE);
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_sql(s, "SELECT name || '|' || political || '|' || education || '|' || phone FROM talent",
		   "王小明|中共党员|大学专科|13912345678");
	fm_free(m);
}

/* A row whose last cell is empty (Excel copies it so): the empty cell
 * empties its field and is no error of the paste, though 学历 is required;
 * only the wrong 性别 is counted. */
static void paste_empty_last_cell(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	fm_result r = fm_paste(m, &s->c, "钱七\t公\t45\t汉族\t党员\t\r\n");
	assert_true(r.error);
	assert_said(r.text, "已粘贴 6 项，其中 1 项有误");
	assert_value(m, "age", "45");
	assert_value(m, "education", "");
	assert_null(m->fs[form_field_index(m->form, "education")].error);
	key(s, m, F2); /* to the refused cell */
	assert_focus(m, "gender");
	r = fm_paste(m, &s->c, "男\t46\t汉族\t党员\t \t");
	assert_false(r.error); /* the positive control: nothing wrong, nothing said wrong */
	assert_said(r.text, "已粘贴 6 项，其中 1 项替换了原来的内容（第一处「年龄」）；按 ^Z 撤销这次粘贴。");
	r = key(s, m, F2); /* F2 asks for the required field the paste left empty */
	assert_int_not_equal(r.kind, FM_SAVED);
	assert_focus(m, "education");
	fm_free(m);
}

/* A stored record's draft left by a closed form is offered on opening it:
 * y restores it, n drops it. */
static void draft_offered(void **state)
{
	form_story *s = *state;
	long long id = save_person(s->fx, "钱七", "13912345678");
	form_model *m = open_form(s, id);
	key(s, m, FN(KEY_END));
	type(s, m, "八");
	fm_persist(m, &s->c, true);
	fm_free(m);
	m = open_form(s, id);
	assert_int_equal(m->mode, FM_OFFER);
	assert_value(m, "name", "钱七");
	fm_result r = key(s, m, CH('y'));
	assert_int_equal(m->mode, FM_EDIT);
	assert_said(r.text, "已恢复草稿");
	assert_value(m, "name", "钱七八");
	fm_free(m);
	m = open_form(s, id); /* still there until saved or dropped: n drops it */
	assert_int_equal(m->mode, FM_OFFER);
	key(s, m, CH('n'));
	fm_free(m);
	m = open_form(s, id);
	assert_int_equal(m->mode, FM_EDIT);
	fm_free(m);
}

/* Two sittings of a new record on one account (an office's two clerks)
 * keep a draft each, written over by neither; a new form opened meanwhile
 * starts empty; the one chosen at sign-in comes back in its form, and is
 * still kept until it is saved. Failed before schema 4: one draft per
 * (account, form, record), the second sitting's replacing the first's. */
static void drafts_per_sitting(void **state)
{
	form_story *s = *state;
	form_model *a = open_form(s, 0), *b = open_form(s, 0);
	type(s, a, "甲员工");
	fm_persist(a, &s->c, true);
	type(s, b, "乙员工");
	fm_persist(b, &s->c, true);
	type(s, a, "甲");
	fm_persist(a, &s->c, true);
	fm_free(a);
	fm_free(b);
	kp_pending *p;
	size_t n = drafts_pending(&s->fx->env, "admin", &p, NULL);
	assert_int_equal(n, 2);
	size_t yi = strcmp(p[0].first, "姓名 乙员工") ? 1 : 0; /* one second: either first */
	assert_string_equal(p[yi].first, "姓名 乙员工");
	assert_string_equal(p[1 - yi].first, "姓名 甲员工甲");
	assert_int_equal(p[yi].record_id, 0);
	assert_ptr_equal(p[yi].form, catalog_form(&s->fx->env.cat, "talent"));
	form_model *m = open_form(s, 0);
	assert_int_equal(m->mode, FM_EDIT);
	assert_value(m, "name", "");
	fm_free(m);
	s->c.draft = p[yi].id;
	m = open_form(s, 0);
	s->c.draft = 0;
	assert_int_equal(m->mode, FM_EDIT);
	assert_value(m, "name", "乙员工");
	fm_free(m);
	pending_free(p, n);
	assert_sql(s, "SELECT count(*) FROM kp_drafts", "2");
}

/* A 月报 month the unit has already reported is refused when it is
 * chosen, before the counts are typed (it was refused only at F2); a free
 * month is taken and prefilled. */
static void reported_month_refused_on_choosing(void **state)
{
	form_story *s = *state;
	clock_set_today("2016-08-10");
	long long july = save_record(s->fx, "monthly", "许昌学院", "month", "2016-07", "training_sessions", "0",
				     "training_people", "0", "activity_sessions", "1", "activity_people", "50",
				     "resources", "0", NULL);
	fm_result r;
	form_model *m = open_record(s, "monthly", 0, UNIT);
	key(s, m, SPACE);
	assert_int_equal(m->mode, FM_PICK);
	type(s, m, "2016-07");
	r = key(s, m, ENTER);
	assert_int_equal(r.kind, FM_REFUSED);
	char want[64];
	snprintf(want, sizeof want, "（第 %lld 号）", july);
	assert_said(r.text, want);
	assert_value(m, "month", "");
	assert_focus(m, "month");
	/* a month typed that is none: the refusal names the months offered
	 * as the list shows them, July reported (it said 「现在可选：2016-07」) */
	key(s, m, SPACE);
	type(s, m, "xyz");
	r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "现在可选：2016-07（已填报）；2016-08 从 2016-09-01 起可以填");
	key(s, m, ESC);
	clock_set_today("2016-09-10"); /* positive control: August, ended, is free */
	key(s, m, SPACE);
	type(s, m, "xyz");
	r = key(s, m, TAB);
	assert_said(r.text, "现在可选：2016-07（已填报） 到 2016-08；2016-09 从");
	key(s, m, ESC);
	key(s, m, SPACE);
	type(s, m, "2016-08");
	r = key(s, m, ENTER);
	assert_int_not_equal(r.kind, FM_REFUSED);
	assert_value(m, "month", "2016-08");
	fm_free(m);
}

/* A month typed as a clerk writes it (「8月」, 「2016年8月」, 「2016-8」)
 * and Tab or Enter takes the list's month, as a paste of it does (i6: 「不
 * 是可选的项」); a month not in the list is still refused (the control). */
static void month_typed_as_written(void **state)
{
	form_story *s = *state;
	clock_set_today("2016-10-10");
	const char *typed[] = {"8月", "2016年8月", "2016-8"};
	for (size_t i = 0; i < 3; i++) {
		form_model *m = open_record(s, "monthly", 0, UNIT);
		type(s, m, typed[i]);
		assert_int_equal(m->mode, FM_PICK);
		fm_result r = key(s, m, i == 1 ? ENTER : TAB);
		assert_int_not_equal(r.kind, FM_REFUSED);
		assert_value(m, "month", "2016-08");
		assert_int_equal(m->mode, FM_EDIT);
		assert_int_not_equal(m->focus, (size_t)form_field_index(m->form, "month"));
		fm_free(m);
	}
	form_model *m = open_record(s, "monthly", 0, UNIT);
	type(s, m, "2016-11");
	fm_result r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_value(m, "month", "");
	fm_free(m);
}

/* The unit's own account types a whole 附表2 record, Chinese included,
 * and every value is in the database as the form normalises it; F2 works
 * as well as ^S for the next. Was the tmux scenario talent_entry. */
static void talent_entry(void **state)
{
	form_story *s = *state;
	char *err = NULL;
	assert_int_equal(store_session(s->fx->env.store, SESSION_UNIT, "xcxy1", unit_id(s), &err), KP_OK);
	s->c.user = "xcxy1";
	form_model *m = open_form(s, 0);
	assert_string_equal(m->rec.unit_name, "许昌学院");
	type(s, m, "买买提•艾力"); key(s, m, TAB);
	key(s, m, SPACE); /* the list opens on 男; Down takes 女 */
	assert_int_equal(m->mode, FM_PICK);
	key(s, m, FN(KEY_DOWN));
	key(s, m, ENTER);
	type(s, m, "38"); key(s, m, TAB);
	type(s, m, "维吾尔");
	assert_string_equal(m->pick.items[m->pick.match[m->pick.sel]], "维吾尔族");
	key(s, m, ENTER);
	type(s, m, "九三"); key(s, m, ENTER);
	type(s, m, "硕士"); key(s, m, ENTER);
	type(s, m, "农业"); key(s, m, TAB);
	type(s, m, "果树栽培"); key(s, m, TAB);
	type(s, m, "许昌学院"); key(s, m, TAB);
	type(s, m, "副教授"); key(s, m, TAB);
	type(s, m, "+86 139-3741-2345"); key(s, m, TAB);
	type(s, m, "ＭＭＴ@163.COM"); key(s, m, TAB);
	type(s, m, "mmt_2016"); key(s, m, TAB);
	kp_key right = {true, (uint32_t)KEY_RIGHT};
	kp_key boxes[] = {SPACE, right, right, SPACE, right, right, right, right, right, SPACE};
	for (size_t i = 0; i < sizeof boxes / sizeof boxes[0]; i++)
		key(s, m, boxes[i]);
	type(s, m, "x"); /* not text in a row of boxes: ignored */
	key(s, m, TAB);
	type(s, m, "从事果树栽培研究二十年。"); key(s, m, ENTER); type(s, m, "主持省级课题三项。"); key(s, m, TAB);
	type(s, m, "多次参加全国科普日活动。"); key(s, m, TAB);
	type(s, m, "每季度开展一次果树讲座。"); key(s, m, TAB);
	type(s, m, "同意推荐。"); key(s, m, TAB);
	fm_result r = key(s, m, CTRL('S'));
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 1 号记录）");
	assert_int_equal(m->rec.id, 0); /* ready for the next record */
	assert_sql(s, "SELECT name || '|' || gender || '|' || age || '|' || ethnicity || '|' || political || '|' || "
		      "education || '|' || industry || '|' || specialty || '|' || employer || '|' || title || '|' || "
		      "phone || '|' || email || '|' || qq_wechat FROM talent",
		   "买买提·艾力|女|38|维吾尔族|九三学社社员|硕士研究生|农业|果树栽培|许昌学院|副教授|13937412345|"
		   "MMT@163.com|mmt_2016");
	assert_sql(s, "SELECT service_categories FROM talent", "[\"青少年科普\",\"社区科普\",\"科普创作\"]");
	assert_sql(s, "SELECT profile FROM talent", "从事果树栽培研究二十年。\n主持省级课题三项。");
	assert_sql(s, "SELECT experience || '|' || plan || '|' || county_opinion || '|' || ifnull(city_opinion, 'NULL') "
		      "FROM talent",
		   "多次参加全国科普日活动。|每季度开展一次果树讲座。|同意推荐。|NULL");
	assert_sql(s, "SELECT u.name || t.version FROM talent t JOIN units u ON u.id = t.unit_id", "许昌学院1");
	fill_required(s, m, "张三", "2965753");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 2 号记录）");
	assert_sql(s, "SELECT phone FROM talent WHERE id = 2", "0374-2965753");
	assert_int_equal(key(s, m, ESC).kind, FM_CLOSE);
	fm_free(m);
}

/* Choice lists find an item by its other spellings, in characters or
 * pinyin (党员 is 中共党员, dz and 大专 are 大学专科); the highlighted box of
 * a multi-select starts at the first option for every record. Was the
 * tmux scenario choice_aliases. */
static void choice_aliases(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	type(s, m, "王芳"); key(s, m, TAB);
	type(s, m, "女"); key(s, m, ENTER);
	type(s, m, "38"); key(s, m, TAB);
	type(s, m, "汉"); key(s, m, ENTER);
	type(s, m, "党员");
	assert_string_equal(m->pick.items[m->pick.match[m->pick.sel]], "中共党员");
	key(s, m, ENTER);
	type(s, m, "dz");
	assert_string_equal(m->pick.items[m->pick.match[m->pick.sel]], "大学专科");
	key(s, m, ENTER);
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); /* the first absorbed */
	type(s, m, "许昌学院"); key(s, m, TAB); key(s, m, TAB);
	type(s, m, "13912345678"); key(s, m, TAB); key(s, m, TAB); key(s, m, TAB);
	kp_key right = {true, (uint32_t)KEY_RIGHT};
	key(s, m, right); key(s, m, right); key(s, m, SPACE); /* 社区科普 */
	assert_int_equal(key(s, m, F2).kind, FM_SAVED);
	assert_sql(s, "SELECT political || '|' || education || '|' || service_categories FROM talent",
		   "中共党员|大学专科|[\"社区科普\"]");
	person(s, m, "李强", "男", "40", "群众");
	type(s, m, "大专");
	assert_string_equal(m->pick.items[m->pick.match[m->pick.sel]], "大学专科");
	key(s, m, ENTER);
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); key(s, m, TAB);
	type(s, m, "13912345679"); key(s, m, TAB); key(s, m, TAB); key(s, m, TAB);
	key(s, m, SPACE);
	fm_result r = key(s, m, F2);
	assert_said(r.text, "已保存（第 2 号记录）");
	assert_sql(s, "SELECT education || '|' || service_categories FROM talent WHERE id = 2",
		   "大学专科|[\"青少年科普\"]");
	fm_free(m);
}

/* 附表3: a year-month range that ends before it starts is refused naming
 * both fields, 其他 needs its text, and the corrected record is saved under
 * its 项目申报单位. Was the keyboard half of project_form.sh. */
static void project_form(void **state)
{
	form_story *s = *state;
	fm_result r;
	form_model *m = open_record(s, "project", 0, UNIT);
	assert_string_equal(m->rec.unit_name, "许昌学院"); /* the title's 项目申报单位 */
	type(s, m, "2016年7月10日"); key(s, m, TAB);
	type(s, m, "青少年科技创新大赛"); key(s, m, TAB);
	type(s, m, "许昌学院科协"); key(s, m, TAB);
	type(s, m, "周海旺"); key(s, m, TAB);
	type(s, m, "2965753"); key(s, m, TAB);
	type(s, m, "其他"); key(s, m, ENTER);
	key(s, m, TAB); key(s, m, TAB); /* the first absorbed; 其他类别 left empty */
	type(s, m, "2016年9月"); key(s, m, TAB);
	type(s, m, "2016.7");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "其他类别：项目类别为「其他」时必须填写");
	assert_sql(s, "SELECT count(*) FROM project", "0");
	assert_focus(m, "category_other"); /* the first field in error */
	type(s, m, "科普基地建设");
	r = key(s, m, F2);
	assert_said(r.text, "项目实施时间（止）：不能早于项目实施时间（起）");
	assert_sql(s, "SELECT count(*) FROM project", "0");
	key(s, m, CTRL('A'));
	key(s, m, CTRL('K'));
	type(s, m, "2016-12"); key(s, m, TAB);
	type(s, m, "举办全市青少年科技创新大赛。"); key(s, m, TAB);
	type(s, m, "参赛学生五百人次。");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_said(r.text, "已保存（第 1 号记录）");
	assert_sql(s, "SELECT u.name || '|' || declared_on || '|' || p.name || '|' || phone || '|' || category || '|' || "
		      "category_other || '|' || start || '|' || \"end\" FROM project p JOIN units u ON u.id = p.unit_id",
		   "许昌学院|2016-07-10|青少年科技创新大赛|0374-2965753|其他|科普基地建设|2016-09|2016-12");
	fm_free(m);
}

/* 附表3 (#3): 科普活动 picked with Enter moves on past 其他类别 (it belongs
 * to 其他) to the start date, and the habitual Tab after it is absorbed
 * and said, so the date typed next lands in 起, not in 其他类别. A
 * 其他类别 left from an earlier 其他 is not passed over, and F2 refuses
 * it naming both fields until it is cleared. */
/* Each value typed, then Tab: a clerk going down the form. */
static void type_tabbed(form_story *s, form_model *m, const char *const *vals)
{
	for (; *vals; vals++) {
		type(s, m, *vals);
		key(s, m, TAB);
	}
}

static void project_other_belongs(void **state)
{
	form_story *s = *state;
	fm_result r;
	form_model *m = open_record(s, "project", 0, UNIT);
	type_tabbed(s, m, (const char *[]){"2016年7月10日", "社区科普讲座", "许昌学院科协", "周海旺", "2965753", NULL});
	type(s, m, "其他"); key(s, m, ENTER);
	assert_focus(m, "category_other"); /* 其他: its own field next (positive control) */
	type(s, m, "科普基地建设");
	key(s, m, FN(KEY_BTAB));
	type(s, m, "科普活动"); key(s, m, ENTER);
	assert_focus(m, "category_other"); /* holds a value: shown, to be cleared */
	key(s, m, TAB); /* absorbed */
	key(s, m, TAB);
	assert_focus(m, "start");
	type_tabbed(s, m, (const char *[]){"2016-09", "2016-12", "讲座十场。", NULL});
	type(s, m, "听众千人。");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "其他类别：只在项目类别为「其他」时填写，项目类别现在是「科普活动」");
	assert_sql(s, "SELECT count(*) FROM project", "0");
	assert_focus(m, "category_other");
	key(s, m, CTRL('A'));
	key(s, m, CTRL('K'));
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	fm_free(m);

	m = open_record(s, "project", 0, UNIT); /* the walk-through's keys */
	type_tabbed(s, m, (const char *[]){"2016年8月10日", "测试项目", "魏都区科协", "王小明", "0374-2965753", NULL});
	type(s, m, "科普活动"); key(s, m, ENTER);
	assert_focus(m, "start"); /* 其他类别 passed over */
	r = key(s, m, TAB);
	assert_said(r.text, "光标已自动跳到「项目实施时间（起）」，这一下Tab没有再往下跳。");
	assert_focus(m, "start");
	type_tabbed(s, m, (const char *[]){"2016-09", "2016-12", "讲座。", NULL});
	type(s, m, "千人。");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_sql(s, "SELECT category || '|' || ifnull(category_other, '') || '|' || start || '|' || \"end\" FROM project WHERE name = '测试项目'",
		   "科普活动||2016-09|2016-12");
	fm_free(m);
}

/* A record that does not exist opens no model, and says so. */
static void no_such_record(void **state)
{
	form_story *s = *state;
	fm_result r;
	assert_null(fm_new(&s->c, catalog_form(&s->fx->env.cat, "talent"), 42, unit_id(s), UNIT, &r));
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "42");
}

/* --- the clerk's keys (#23) --------------------------------------------- */

static form_model *open_activity(form_story *s) { return open_record(s, "activity", 0, UNIT); }

/* 活动名称, the date given, 形式 by pinyin and Enter (which moves on),
 * 对象 社区, 地点, 参与人数 50: an activity typed heads-down. */
/* The date is put in as a restored draft puts it (not typed: a typed one
 * out of the year is refused as it is left, date_year_on_leave), so that
 * F2 judges it. */
static void activity_typed(form_story *s, form_model *m, const char *date)
{
	type(s, m, "电力安全用电常识讲座"); key(s, m, TAB);
	fs_set_value(&m->form->fields[m->focus], &m->fs[m->focus], date);
	key(s, m, TAB);
	type(s, m, "kpbg"); key(s, m, ENTER);
	kp_key right = {true, (uint32_t)KEY_RIGHT};
	key(s, m, right); key(s, m, right); key(s, m, SPACE); key(s, m, TAB);
	type(s, m, "魏都区社区"); key(s, m, TAB);
	type(s, m, "50");
}

/* Typing in a multi-choice field (#27: 对象 「社区」 Tab left it empty with
 * no word): the letters, Chinese or pinyin, move the cursor to the option
 * they find and say Space ticks it; letters that find nothing are said;
 * nothing is ticked but by Space. */
static void multi_typed_finds(void **state)
{
	form_story *s = *state;
	form_model *m = open_activity(s);
	fm_focus(m, (size_t)form_field_index(m->form, "targets"));
	fm_result r = type(s, m, "社区");
	assert_int_equal(r.kind, FM_HANDLED);
	assert_said(r.text, "对象：光标在「社区」上，按空格勾选；左右键移动。");
	assert_value(m, "targets", ""); /* found, not ticked */
	key(s, m, SPACE);
	assert_value(m, "targets", "社区");
	r = type(s, m, "yq"); /* 园区 by its pinyin initials */
	assert_said(r.text, "对象：光标在「园区」上，按空格勾选");
	r = type(s, m, "x");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "对象：没有和「yqx」相符的选项；用空格勾选，左右键移动。");
	key(s, m, SPACE); /* the cursor stayed on 园区 */
	assert_value(m, "targets", "社区、园区");
	r = type(s, m, "社");
	assert_said(r.text, "对象：光标在「社区」上，按空格取消勾选");
	key(s, m, SPACE);
	assert_value(m, "targets", "园区");
	/* t80h: F2 over an open choice list is said, and nothing is saved */
	fm_focus(m, (size_t)form_field_index(m->form, "form"));
	key(s, m, SPACE);
	assert_int_equal(m->mode, FM_PICK);
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "列表还开着：先按 Enter 选定一项");
	assert_int_equal(m->mode, FM_PICK);
	assert_sql(s, "SELECT count(*) FROM activity", "0");
	key(s, m, ESC);
	fm_focus(m, (size_t)form_field_index(m->form, "targets"));
	/* t80h: typed, then the habitual Tab with the found option unticked:
	 * said once, nothing ticked; Tab again leaves */
	type(s, m, "乡村");
	r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "对象：光标在「乡村」上，还没有勾选；按空格勾选，或再按 Tab 离开。");
	assert_focus(m, "targets");
	assert_value(m, "targets", "园区");
	key(s, m, TAB);
	assert_focus(m, "place");
	fm_focus(m, (size_t)form_field_index(m->form, "targets"));
	type(s, m, "园区"); /* control: found and already ticked, Tab leaves at once */
	key(s, m, TAB);
	assert_focus(m, "place");
	fm_free(m);
}

/* Any refusal at F2 puts the focus on the first refused field with its
 * text selected: an activity dated last year is refused by the store, and
 * the date typed next replaces the old one there, not 参与人数 (#23.1). */
static void refusal_takes_focus(void **state)
{
	form_story *s = *state;
	int year = store_year(s->fx->env.store);
	char last[32], good[32];
	snprintf(last, sizeof last, "%d-11-20", year - 1);
	snprintf(good, sizeof good, "%d-01-05", year);
	form_model *m = open_activity(s);
	activity_typed(s, m, last);
	assert_focus(m, "participants");
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "日期");
	assert_sql(s, "SELECT count(*) FROM activity", "0");
	assert_focus(m, "held_on");
	assert_true(m->fs[m->focus].eb.sel);
	assert_non_null(m->fs[m->focus].error);
	type(s, m, good);
	assert_value(m, "held_on", good);
	assert_value(m, "participants", "50");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	char want[128];
	snprintf(want, sizeof want, "电力安全用电常识讲座|%s|科普报告|[\"社区\"]|魏都区社区|50", good);
	assert_sql(s, "SELECT name || '|' || held_on || '|' || form || '|' || targets || '|' || place || '|' || "
		      "participants FROM activity",
		   want);
	/* The same rule for a refusal by the form's own rules (positive
	 * control: a required field left empty, focus from the last field
	 * back; a wrong phone is refused as it is left, bad_phone). */
	fm_free(m);
	m = open_form(s, 0);
	fill_required(s, m, "", "13812345678"); /* 姓名 left empty */
	assert_focus(m, "service_categories");
	key(s, m, F2);
	assert_focus(m, "name");
	type(s, m, "李四");
	assert_value(m, "name", "李四");
	fm_free(m);
}

/* 参与人数 (integer) refuses a keystroke it can never hold as it is
 * typed, naming the field and what it takes; the text and the cursor stay
 * as they were, not selected, so the next digit adds to it (#23, keys3). */
static void integer_refuses_key(void **state)
{
	form_story *s = *state;
	int year = store_year(s->fx->env.store);
	char good[32];
	snprintf(good, sizeof good, "%d-01-05", year);
	form_model *m = open_activity(s);
	activity_typed(s, m, good);
	assert_focus(m, "participants");
	fm_result r = type(s, m, "人");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_true(r.error);
	assert_string_equal(r.text, "参与人数：只能填 0 到 1000000 的整数，「人」不是数字，没有输入");
	assert_value(m, "participants", "50");
	assert_false(m->fs[m->focus].eb.sel);
	r = type(s, m, "0");
	assert_int_equal(r.kind, FM_HANDLED); /* positive control: a digit is typed, no refusal (no beep) */
	assert_value(m, "participants", "500");
	assert_int_not_equal(type(s, m, "５").kind, FM_REFUSED); /* a full-width digit folds at F2 */
	key(s, m, FN(KEY_BTAB));
	assert_int_not_equal(type(s, m, "人").kind, FM_REFUSED); /* 地点 is text: taken */
	fm_free(m);
}

/* The store's other refusal of a field, a 月报 month the unit reported
 * already, takes the focus back to 月份 the same way. */
static void month_refused(void **state)
{
	form_story *s = *state;
	fm_result r;
	const kp_form *f = catalog_form(&s->fx->env.cat, "monthly");
	form_model *m = fm_new(&s->c, f, 0, unit_id(s), UNIT, &r);
	form_model *other = fm_new(&s->c, f, 0, unit_id(s), UNIT, &r);
	assert_non_null(m);
	assert_non_null(other);
	/* Both sittings pick the same month before either saves: the choice
	 * is free when picked, so only the store can refuse the second. */
	key(s, m, SPACE); key(s, m, ENTER); /* the first month offered */
	key(s, other, SPACE); key(s, other, ENTER);
	char *month = field_value(m, "month");
	assert_true(month[0] != '\0');
	assert_value(other, "month", month);
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED); /* positive control: the first is stored */
	assert_focus(other, "training_sessions");
	r = key(s, other, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "本单位已有月份");
	assert_focus(other, "month");
	assert_non_null(other->fs[other->focus].error);
	free(month);
	fm_free(other);
	fm_free(m);
}

/* The refusal of a date out of the year names the years that are open;
 * with the date's year open, it says to file the record there (#23.7). */
static void out_of_year_names_years(void **state)
{
	form_story *s = *state;
	int year = store_year(s->fx->env.store);
	char last[32], open[256];
	snprintf(last, sizeof last, "%d-11-20", year - 1);
	form_model *m = open_activity(s);
	activity_typed(s, m, last);
	fm_result r = key(s, m, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	snprintf(open, sizeof open, "日期：%s 不在 %d 年度，也没有开启 %d 年度（已开启的年度：%d），请改正这个日期",
		 last, year, year - 1, year); /* the 「label：…」 form of every refusal, no stray colon */
	assert_said(r.text, open);
	assert_null(strstr(r.text, "请换到该年度"));
	assert_non_null(strstr(m->fs[m->focus].error, open));
	char *err = NULL;
	assert_int_equal(store_year_open(s->fx->env.store, year - 1, year, NULL, NULL, 0, &err), KP_OK);
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_REFUSED);
	snprintf(open, sizeof open, "日期：%s 不在 %d 年度，这是 %d 年度的记录，请换到该年度再填报", last, year,
		 year - 1);
	assert_said(r.text, open);
	fm_free(m);
}

/* A choice taken with Enter moves on by itself, and the clerk's habitual
 * Tab then is absorbed as after a full field; the next Tab moves (#23.2). */
static void choice_forgives_tab(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	type(s, m, "王芳"); key(s, m, TAB);
	type(s, m, "女"); key(s, m, ENTER);
	assert_focus(m, "age");
	key(s, m, TAB);
	assert_focus(m, "age");
	type(s, m, "38");
	key(s, m, TAB);
	assert_focus(m, "ethnicity"); /* positive control: a Tab after typing moves */
	key(s, m, SPACE);
	key(s, m, ESC); /* a list closed unchosen moved nothing: Tab moves */
	key(s, m, TAB);
	assert_focus(m, "political");
	assert_value(m, "gender", "女");
	assert_value(m, "age", "38");
	fm_free(m);
}

/* A new record with 性别's list open (Space on it). */
static form_model *gender_list_open(form_story *s)
{
	form_model *m = open_form(s, 0);
	key(s, m, TAB);
	key(s, m, SPACE);
	assert_int_equal(m->mode, FM_PICK);
	return m;
}

/* Tab in a field's list takes the highlighted item and moves on, as Tab
 * does elsewhere; that Tab was the move, so the next one moves again. */
static void tab_in_list(void **state)
{
	form_story *s = *state;
	form_model *m = gender_list_open(s);
	key(s, m, FN(KEY_DOWN));
	key(s, m, TAB);
	assert_int_equal(m->mode, FM_EDIT);
	assert_value(m, "gender", "女");
	assert_focus(m, "age");
	key(s, m, TAB);
	assert_focus(m, "ethnicity");
	type(s, m, "火星"); /* nothing matches: Tab is refused there (tab_refuses_unmatched_filter); */
	assert_int_equal(key(s, m, TAB).kind, FM_REFUSED);
	assert_focus(m, "ethnicity");
	key(s, m, ESC); /* closed, the list took nothing: Tab moves on */
	key(s, m, TAB);
	assert_int_equal(m->mode, FM_EDIT);
	assert_value(m, "ethnicity", "");
	assert_focus(m, "political");
	/* Back with Shift-Tab over 民族's list opened and left as it was. */
	key(s, m, FN(KEY_BTAB));
	key(s, m, FN(KEY_BTAB));
	key(s, m, FN(KEY_BTAB));
	assert_focus(m, "gender");
	key(s, m, SPACE);
	key(s, m, FN(KEY_BTAB));
	assert_focus(m, "name");
	assert_value(m, "gender", "女");
	fm_free(m);
}

/* A restored draft resumes where typing stopped: that field has the
 * focus, the cursor after its text, nothing selected, so the next key
 * goes on with it (#23.3). */
static void draft_resumes(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	type(s, m, "张三"); key(s, m, TAB);
	key(s, m, SPACE); key(s, m, ENTER); /* 性别: the list opens on 男 */
	type(s, m, "4");
	fm_persist(m, &s->c, true); /* the line drops */
	fm_free(m);
	kp_pending *p;
	size_t n = drafts_pending(&s->fx->env, "admin", &p, NULL);
	assert_int_equal(n, 1);
	s->c.draft = p[0].id; /* chosen at the next sign-in */
	pending_free(p, n);
	m = open_form(s, 0);
	s->c.draft = 0;
	assert_focus(m, "age");
	assert_false(m->fs[m->focus].eb.sel);
	assert_int_equal(m->fs[m->focus].eb.cur, 1);
	type(s, m, "5");
	assert_value(m, "age", "45");
	assert_value(m, "name", "张三");
	key(s, m, FN(KEY_BTAB));
	key(s, m, FN(KEY_BTAB));
	assert_true(m->fs[m->focus].eb.sel); /* positive control: a field entered is selected */
	fm_free(m);
}

/* One selection rule for one line and many: a textarea entered with text,
 * from above or below, is selected and typing replaces it; a cursor key
 * keeps it; Enter there starts a new line after it, never replaces it. */
static void textarea_selected(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s, 0);
	int profile = form_field_index(m->form, "profile");
	fm_focus(m, (size_t)profile);
	type(s, m, "从事果树栽培研究二十年。");
	key(s, m, TAB);
	key(s, m, FN(KEY_BTAB));
	assert_focus(m, "profile");
	assert_true(m->fs[profile].eb.sel);
	key(s, m, ENTER);
	assert_value(m, "profile", "从事果树栽培研究二十年。\n");
	type(s, m, "主持课题三项。");
	key(s, m, FN(KEY_BTAB));
	key(s, m, TAB);
	assert_true(m->fs[profile].eb.sel);
	type(s, m, "新写");
	assert_value(m, "profile", "新写");
	key(s, m, TAB);
	key(s, m, FN(KEY_BTAB));
	key(s, m, FN(KEY_LEFT)); /* kept, edited in place */
	type(s, m, "的");
	assert_value(m, "profile", "新的写");
	fm_free(m);
}

/* A paste never goes into an open list: the list closes and the row fills
 * the fields from the focused one; a paste longer than the terminal keeps
 * is refused whole, naming the bound (#23.4). */
static void paste_over_list(void **state)
{
	form_story *s = *state;
	form_model *m = gender_list_open(s);
	fm_result r = fm_paste(m, &s->c, "男\t45\t汉族");
	assert_int_equal(m->mode, FM_EDIT);
	assert_said(r.text, "已粘贴 3 项");
	assert_value(m, "gender", "男");
	assert_value(m, "age", "45");
	assert_value(m, "ethnicity", "汉族");
	r = fm_paste(m, &s->c, NULL);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "8192");
	assert_value(m, "political", "");
	/* A cell that is no option of a row of boxes: nothing ticked, said. */
	fm_focus(m, (size_t)form_field_index(m->form, "service_categories"));
	r = fm_paste(m, &s->c, "火星科普");
	assert_said(r.text, "已粘贴 1 项，其中 1 项有误");
	assert_value(m, "service_categories", "");
	assert_non_null(m->fs[form_field_index(m->form, "service_categories")].error);
	fm_free(m);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(bad_phone, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(leave_confirm, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(pattern_on_leave, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(date_year_on_leave, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(data_entry_aids, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(two_sessions, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(habitual_tab, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(habitual_tab_bound, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_row, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_empty_last_cell, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(draft_offered, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(draft_of_decided_record, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(refused_save_restates, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(drafts_per_sitting, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(month_typed_as_written, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(reported_month_refused_on_choosing, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(no_such_record, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(talent_entry, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(choice_aliases, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(project_other_belongs, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(multi_typed_finds, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(project_form, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(integer_refuses_key, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(refusal_takes_focus, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(out_of_year_names_years, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(month_refused, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(choice_forgives_tab, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(tab_in_list, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(draft_resumes, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(textarea_selected, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_over_list, form_story_setup, form_story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
