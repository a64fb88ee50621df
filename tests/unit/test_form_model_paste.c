/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Pastes into 附表2's form model with no terminal: one ^Z takes back a
 * pasted row, a value pasted into a field is put in as typing puts it, a
 * phone number holds a mobile's 11 digits however they come, and a
 * bracketed paste is one paste however its bytes arrive (fed in pieces to
 * core/pastemark, then to the model). Values and the database are read
 * after each. */
#include "form_story.h"

#include "core/pastemark.h"
#include "ui/term.h"

#define UNDO CTRL('z')

static const char UNIT[] = "许昌学院";

static form_model *open_form(form_story *s) { return open_record(s, "talent", 0, UNIT); }

static void focus_on(form_model *m, const char *field)
{
	int i = form_field_index(m->form, field);
	assert_true(i >= 0);
	fm_focus(m, (size_t)i);
}

/* Text pasted without marks (one burst of keys) about to be typed. */
static fm_result burst(form_story *s, form_model *m, const char *text)
{
	uint32_t cps[256];
	size_t n = 0;
	TYPE_KEYS(text, cps[n++] = k.code);
	return fm_burst(m, &s->c, cps, n);
}

/* A row of 14 cells from Excel over what the clerk had typed (choices and
 * a box too): one ^Z puts every field back as it was, says so, and the
 * record saves with the typed values. ^Z takes back only a paste that is
 * still the last change: a field typed after it is undone first, then the
 * paste; once another field is changed, the paste stays (the control). */
static void undo_pasted_row(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s);
	fill_required(s, m, "张海旺", "13937412345");
	assert_value(m, "service_categories", "青少年科普");
	fm_focus(m, 0);
	static const char row[] = "王小明\t女\t38\t回族\t群众\t大专\t教育\t植物保护\t许昌市第一中学\t教师\t"
				  "13837400012\twxm@163.com\twxm2016\t农村科普、社区科普\r\n";
	fm_result r = fm_paste(m, &s->c, row);
	assert_int_equal(r.kind, FM_HANDLED);
	assert_false(r.error);
	assert_said(r.text, "已粘贴 14 项，其中 9 项替换了原来的内容（第一处「姓名」）；按 ^Z 撤销这次粘贴");
	assert_value(m, "political", "群众");
	assert_value(m, "education", "大学专科");
	assert_value(m, "service_categories", "农村科普、社区科普");
	assert_focus(m, "profile");
	assert_true(fm_acts(m, &s->c, ACT_UNDO)); /* the key bar offers it */
	r = key(s, m, UNDO);
	assert_int_equal(r.kind, FM_HANDLED);
	assert_string_equal(r.text, "已撤销这次粘贴：14 项恢复为粘贴前的内容。");
	assert_value(m, "name", "张海旺");
	assert_value(m, "gender", "男");
	assert_value(m, "age", "45");
	assert_value(m, "ethnicity", "汉族");
	assert_value(m, "political", "中共党员");
	assert_value(m, "education", "大学本科");
	assert_value(m, "industry", "");
	assert_value(m, "employer", "许昌学院农学院");
	assert_value(m, "phone", "13937412345");
	assert_value(m, "email", "");
	assert_value(m, "service_categories", "青少年科普");
	assert_focus(m, "name");
	assert_int_equal(key(s, m, UNDO).kind, FM_REFUSED); /* one paste, taken back once */
	assert_false(fm_acts(m, &s->c, ACT_UNDO));
	/* typed after the paste: that field first, then the paste */
	fm_paste(m, &s->c, row);
	type(s, m, "一九八五年生。");
	r = key(s, m, UNDO);
	assert_said(r.text, "「个人基本情况」已恢复");
	assert_value(m, "name", "王小明");
	r = key(s, m, UNDO);
	assert_said(r.text, "已撤销这次粘贴");
	assert_value(m, "name", "张海旺");
	/* another field changed after the paste: ^Z leaves the paste */
	fm_paste(m, &s->c, row);
	focus_on(m, "email");
	type(s, m, "wxm@126.com");
	key(s, m, TAB);
	r = key(s, m, UNDO);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_value(m, "name", "王小明");
	assert_value(m, "email", "wxm@126.com");
	/* the e-mail typed back as pasted: the paste is the last change again */
	key(s, m, FN(KEY_BTAB));
	type(s, m, "wxm@163.com");
	key(s, m, TAB);
	r = key(s, m, UNDO);
	assert_said(r.text, "已撤销这次粘贴");
	assert_value(m, "name", "张海旺");
	assert_value(m, "email", "");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_sql(s, "SELECT name || '|' || gender || '|' || political || '|' || education || '|' || employer || '|' || "
		      "phone || '|' || service_categories || '|' || ifnull(email, '') FROM talent",
		   "张海旺|男|中共党员|大学本科|许昌学院农学院|13937412345|[\"青少年科普\"]|");
	fm_free(m);
}

/* A value pasted into a field that holds one is put in as typing puts it:
 * over the value selected on entry (said, ^Z brings it back), at the
 * cursor once the clerk moved it inside (said: the value is kept), whole
 * or not at all; the focus stays in the field, as typing keeps it. */
static void paste_into_value(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s);
	fill_required(s, m, "张海旺", "13937412345");
	focus_on(m, "employer"); /* entered: 许昌学院农学院 selected */
	fm_result r = fm_paste(m, &s->c, "许昌市第一中学\r\n");
	assert_int_equal(r.kind, FM_HANDLED);
	assert_string_equal(r.text, "已粘贴 7 个字，替换了「工作单位」原来的内容；按 ^Z 恢复。");
	assert_value(m, "employer", "许昌市第一中学");
	assert_focus(m, "employer");
	r = key(s, m, UNDO);
	assert_said(r.text, "「工作单位」已恢复");
	assert_value(m, "employer", "许昌学院农学院");
	key(s, m, END); /* the cursor inside: the paste goes there, the value stays */
	r = fm_paste(m, &s->c, "附属中学");
	assert_string_equal(r.text, "已在「工作单位」的光标处插入粘贴的 4 个字，原来的内容保留；按 ^Z 恢复。");
	assert_value(m, "employer", "许昌学院农学院附属中学");
	key(s, m, HOME);
	r = fm_paste(m, &s->c, "河南省");
	assert_said(r.text, "光标处插入粘贴的 3 个字");
	assert_value(m, "employer", "河南省许昌学院农学院附属中学");
	/* an empty cell's line end alone: the value stays, nothing is edited */
	m->dirty = false;
	r = fm_paste(m, &s->c, "\r\n");
	assert_int_equal(r.kind, FM_HANDLED);
	assert_value(m, "employer", "河南省许昌学院农学院附属中学");
	assert_false(m->dirty);
	/* an empty field: said as a paste, nothing replaced */
	focus_on(m, "title");
	r = fm_paste(m, &s->c, "高级农艺师");
	assert_string_equal(r.text, "已粘贴 5 个字。");
	/* more than the field holds: refused whole, naming the bound */
	focus_on(m, "qq_wechat");
	r = fm_paste(m, &s->c, "zhanghaiwang_kepu_2016_xuchang");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_string_equal(r.text, "粘贴的文字有 30 个字，「QQ号或微信号」最多 20 个字（还能填 20 个）；一个字也没有填入。");
	assert_value(m, "qq_wechat", "");
	/* a character the field refuses as a key: refused whole */
	focus_on(m, "age");
	r = fm_paste(m, &s->c, "46岁");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "年龄：");
	assert_said(r.text, "粘贴的内容一个字也没有填入");
	assert_value(m, "age", "45");
	r = fm_paste(m, &s->c, "46"); /* the control */
	assert_int_equal(r.kind, FM_HANDLED);
	assert_value(m, "age", "46");
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_sql(s, "SELECT employer || '|' || title || '|' || age || '|' || ifnull(qq_wechat, '') FROM talent",
		   "河南省许昌学院农学院附属中学|高级农艺师|46|");
	fm_free(m);
}

/* 联系电话 moves on at a mobile's 11 digits; more than that, typed at the
 * full field or pasted (marked or not), is refused as any field's
 * max_chars is, never carried into 电子邮箱. A whole number pasted moves
 * on as one typed does, and the habitual Tab is absorbed; a landline is
 * the validator's to judge. */
static void phone_holds_a_mobile(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s);
	fill_required(s, m, "张海旺", "13937412345");
	focus_on(m, "phone");
	fm_result r = burst(s, m, "139374123456");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_string_equal(r.text, "联系电话：最多 11 个字，粘贴的 12 个字多出 1 个，一个字也没有输入（原来的内容不变）");
	assert_int_equal(burst(s, m, "13937412346").kind, FM_HANDLED); /* the control */
	r = fm_paste(m, &s->c, "139374123461\r\n");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_string_equal(r.text, "粘贴的文字有 12 个字，「联系电话」最多 11 个字（还能填 11 个）；一个字也没有填入。");
	assert_value(m, "phone", "13937412345");
	assert_value(m, "email", "");
	assert_focus(m, "phone");
	r = fm_paste(m, &s->c, "13837400012\r\n");
	assert_int_equal(r.kind, FM_HANDLED);
	assert_focus(m, "email"); /* moved on as if typed */
	key(s, m, TAB); /* the habitual Tab: absorbed */
	assert_focus(m, "email");
	assert_value(m, "email", "");
	/* a field the focus moved to by itself (学历 taken with Enter) is bound too */
	focus_on(m, "education");
	type(s, m, "大专");
	key(s, m, ENTER);
	assert_focus(m, "industry");
	assert_true(m->advanced);
	r = burst(s, m, "农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农业农");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "主要从事行业：最多 50 个字，粘贴的 51 个字多出 1 个");
	/* the account types without auto-advance: the 12th digit is refused */
	s->c.auto_advance = false;
	focus_on(m, "phone");
	type(s, m, "13937412345");
	assert_focus(m, "phone");
	r = key(s, m, CH('6'));
	assert_int_equal(r.kind, FM_REFUSED);
	assert_string_equal(r.text, "联系电话：最多 11 个字，多出的 1 个没有输入");
	assert_value(m, "phone", "13937412345");
	/* a landline with its area code: no mobile's bound */
	focus_on(m, "phone");
	r = fm_paste(m, &s->c, "0374-2965753");
	assert_int_equal(r.kind, FM_HANDLED);
	r = key(s, m, F2);
	assert_int_equal(r.kind, FM_SAVED);
	assert_sql(s, "SELECT phone || '|' || ifnull(email, '') FROM talent", "0374-2965753|");
	fm_free(m);
}

/* t80g #22 / t80h: a 12th digit typed key by key after the phone moved on
 * at 11 (a key struck twice) would begin 电子邮箱 unseen (「4zhang@163.com」):
 * it is refused once, and said; pressed again it is taken (an e-mail may
 * begin with a digit); a letter after the move goes in at once. */
static void twelfth_digit_refused_once(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s);
	fill_required(s, m, "张海旺", "13937412345");
	focus_on(m, "phone");
	type(s, m, "13837400123");
	assert_focus(m, "email");
	fm_result r = key(s, m, CH('4'));
	assert_int_equal(r.kind, FM_REFUSED);
	assert_string_equal(r.text, "联系电话已经填满，光标已跳到下一项；多按的「4」没有填进「电子邮箱」（确要以它开头，请再按一次）。");
	assert_value(m, "phone", "13837400123");
	assert_value(m, "email", "");
	type(s, m, "4");
	assert_value(m, "email", "4"); /* the second press is the clerk's */
	/* control: a letter right after the move goes into 电子邮箱 */
	focus_on(m, "phone");
	type(s, m, "13837400124");
	assert_focus(m, "email");
	type(s, m, "zhang@163.com");
	assert_value(m, "email", "zhang@163.com");
	assert_value(m, "phone", "13837400124");
	fm_free(m);
}

static const char ROW[] = "王小明\t女\t45\t汉族\t党员\t大专\t\t\t许昌学院农学院\t教授\t13912345678\r\n";

/* Everything between the marks is one paste however its bytes come: cut
 * at every byte (inside 王's three bytes, inside the end mark), or a byte
 * at a time; the key typed after the end mark is not the paste's. The
 * text fills the form as one row and the record saves. */
static void paste_in_pieces(void **state)
{
	form_story *s = *state;
	char in[256];
	snprintf(in, sizeof in, "%s%sx", ROW, PASTE_END_MARK);
	size_t len = strlen(in), body = len - 1;
	for (size_t cut = 1; cut <= body; cut++) {
		paste_mark p = {0};
		pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
		size_t took = pm_feed(&p, in, cut, 0);
		assert_int_equal(p.state, cut < body ? PM_READING : PM_DONE);
		assert_null(cut < body ? pm_text(&p) : NULL);
		took += pm_feed(&p, in + took, len - took, 0);
		assert_int_equal(took, body);
		assert_int_equal(p.state, PM_DONE);
		assert_string_equal(pm_text(&p), ROW);
		pm_free(&p);
	}
	paste_mark p = {0};
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	for (size_t i = 0; i < body; i++)
		assert_int_equal(pm_feed(&p, in + i, 1, 0), 1);
	assert_int_equal(pm_feed(&p, in + body, 1, 0), 0); /* after the end: the next key's */
	form_model *m = open_form(s);
	fm_result r = fm_paste(m, &s->c, pm_text(&p));
	pm_free(&p);
	assert_said(r.text, "已粘贴 11 项。");
	assert_value(m, "name", "王小明");
	assert_value(m, "phone", "13912345678");
	key(s, m, TAB);
	key(s, m, TAB);
	key(s, m, SPACE);
	assert_int_equal(key(s, m, F2).kind, FM_SAVED);
	assert_sql(s, "SELECT name || '|' || education || '|' || employer || '|' || phone FROM talent",
		   "王小明|大学专科|许昌学院农学院|13912345678");
	fm_free(m);
}

/* The bounds: the bytes of an end mark that is none (ESC [ 2 0 1 x) are
 * text; more than max bytes is refused whole once the end mark comes,
 * bytes that are no text too (naming where); a paste whose end mark does
 * not come within 5 s of quiet, or 30 s in all, ends refused, and the
 * form takes nothing of it, an open list closed. */
static void paste_bounds(void **state)
{
	form_story *s = *state;
	paste_mark p = {0};
	pm_start(&p, 64, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	static const char look_alike[] = "许昌\033[201x学院\033[201~";
	assert_int_equal(pm_feed(&p, look_alike, strlen(look_alike), 0), strlen(look_alike));
	assert_int_equal(p.state, PM_CONTROL); /* ended at the real mark, its ESC refused (paste_controls) */
	assert_int_equal(p.bad_char, 3);
	pm_start(&p, 16, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	static const char twenty[] = "一二三四五六七";
	pm_feed(&p, twenty, strlen(twenty), 0);
	assert_int_equal(p.state, PM_READING);
	pm_feed(&p, PASTE_END_MARK, strlen(PASTE_END_MARK), 0);
	assert_int_equal(p.state, PM_TOO_LONG);
	assert_null(pm_text(&p));
	pm_start(&p, 16, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0); /* the control: within the bound */
	pm_feed(&p, "一二三四五" PASTE_END_MARK, 15 + strlen(PASTE_END_MARK), 0);
	assert_string_equal(pm_text(&p), "一二三四五");
	pm_start(&p, 16, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	pm_feed(&p, "王\xe5\x8f" PASTE_END_MARK, 5 + strlen(PASTE_END_MARK), 0); /* 王, then 小 cut short */
	assert_int_equal(p.state, PM_BAD_TEXT);
	assert_int_equal(p.bad_at, 4);
	assert_null(pm_text(&p));
	pm_start(&p, 16, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0); /* a lead byte past Unicode (found by fuzz_pastemark) */
	pm_feed(&p, "a\xf7\x8e\x8b\xbc" PASTE_END_MARK, 5 + strlen(PASTE_END_MARK), 0);
	assert_int_equal(p.state, PM_BAD_TEXT);
	assert_int_equal(p.bad_at, 2);
	/* Time, on the caller's clock: 5 s of quiet without the end mark… */
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	pm_feed(&p, ROW, 20, 100);
	assert_int_equal(pm_wait(&p, 2000), 3100);
	pm_feed(&p, ROW + 20, 10, 4000); /* more came: the quiet starts again */
	assert_int_equal(pm_wait(&p, 8999), 1);
	assert_int_equal(p.state, PM_READING);
	assert_int_equal(pm_wait(&p, 9000), 0);
	assert_int_equal(p.state, PM_NO_END);
	assert_null(pm_text(&p));
	assert_int_equal(pm_feed(&p, PASTE_END_MARK, strlen(PASTE_END_MARK), 9001), 0); /* ended: not the paste's */
	/* …and 30 s in all, however steadily it trickles */
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	long long t = 0;
	for (size_t i = 0; i < 8; i++, t += 4000) {
		assert_int_not_equal(pm_wait(&p, t), 0);
		pm_feed(&p, ROW + i, 1, t);
	}
	assert_int_equal(pm_wait(&p, 29999), 1);
	assert_int_equal(pm_wait(&p, 30000), 0);
	assert_int_equal(p.state, PM_TOO_SLOW);
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0); /* the control: in time */
	pm_feed(&p, ROW, strlen(ROW), 4900);
	pm_feed(&p, PASTE_END_MARK, strlen(PASTE_END_MARK), 9800);
	assert_int_equal(pm_wait(&p, 9800), 0);
	assert_string_equal(pm_text(&p), ROW);
	pm_free(&p);
	form_model *m = open_form(s);
	key(s, m, TAB);
	key(s, m, SPACE); /* 性别's list open */
	assert_int_equal(m->mode, FM_PICK);
	char why[512];
	snprintf(why, sizeof why, msg(MSG_UI_PASTE_NO_END), TERM_PASTE_GAP_MS / 1000);
	fm_result r = fm_paste_lost(m, why);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_true(r.error);
	assert_string_equal(r.text, "粘贴没有结束：5 秒内没有收到终端的粘贴结束标记，一项也没有填入；请再粘贴一次。");
	assert_int_equal(m->mode, FM_EDIT);
	assert_value(m, "name", "");
	assert_value(m, "gender", "");
	assert_false(m->dirty);
	fm_free(m);
}

/* Tab leaving a choice list takes what a pasted cell of the filter's text
 * takes: an alias spelled so (研究生 → 硕士研究生, as pasted), the one item
 * found (团 → 共青团员); a filter finding several stays in the field,
 * naming them, where the first was once stored (n → 男 of 男 and 女). Enter,
 * or the highlight moved by hand, still picks the highlighted one. */
static void tab_takes_as_paste_does(void **state)
{
	form_story *s = *state;
	form_model *m = open_form(s);
	focus_on(m, "education");
	type(s, m, "研究生");
	fm_result r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_HANDLED);
	assert_value(m, "education", "硕士研究生");
	focus_on(m, "education");
	r = fm_paste(m, &s->c, "研究生");
	assert_value(m, "education", "硕士研究生"); /* the same as the paste */
	focus_on(m, "political");
	type(s, m, "团");
	assert_int_equal(key(s, m, TAB).kind, FM_HANDLED);
	assert_value(m, "political", "共青团员");
	focus_on(m, "gender");
	type(s, m, "n");
	r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_true(r.error);
	assert_string_equal(r.text, "性别：「n」可选 男、女，请选一个（Enter 选定高亮项）");
	assert_int_equal(m->mode, FM_PICK); /* still in the field, the list open */
	assert_focus(m, "gender");
	assert_value(m, "gender", "");
	r = key(s, m, ENTER); /* explicit: the highlighted one */
	assert_value(m, "gender", "男");
	focus_on(m, "political");
	type(s, m, "员");
	r = key(s, m, TAB);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "政治面貌：「员」可选 中共党员、");
	key(s, m, FN(KEY_DOWN)); /* moved by hand: Tab takes it */
	assert_int_equal(key(s, m, TAB).kind, FM_HANDLED);
	assert_value(m, "political", "中共预备党员");
	fm_free(m);
}

/* A paste is all or nothing: a NUL byte (午未\0申酉 once kept 午未) or a
 * terminal's control sequence (子丑\e[31m寅卯 once kept 子丑[31m寅卯) refuses
 * the whole of it, naming which character, and the form takes nothing;
 * Tabs and line ends are no control characters (the control). */
static void paste_controls(void **state)
{
	form_story *s = *state;
	paste_mark p = {0};
	char why[512];
	static const char nul[] = "午未\0申酉" PASTE_END_MARK;
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	assert_int_equal(pm_feed(&p, nul, sizeof nul - 1, 0), sizeof nul - 1);
	assert_int_equal(p.state, PM_NUL);
	assert_int_equal(p.bad_char, 3);
	assert_null(pm_text(&p));
	snprintf(why, sizeof why, msg(MSG_UI_PASTE_NUL), p.bad_char);
	assert_said(why, "粘贴的内容第 3 个字是 NUL 字节（空字符），一项也没有填入");
	static const char esc[] = "子丑\033[31m寅卯" PASTE_END_MARK;
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	assert_int_equal(pm_feed(&p, esc, sizeof esc - 1, 0), sizeof esc - 1);
	assert_int_equal(p.state, PM_CONTROL);
	assert_int_equal(p.bad_char, 3);
	assert_int_equal(p.bad_cp, 0x1B);
	assert_null(pm_text(&p));
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	pm_feed(&p, "子\x07丑" PASTE_END_MARK, 8 + strlen(PASTE_END_MARK), 0); /* a bell */
	assert_int_equal(p.state, PM_CONTROL);
	assert_int_equal(p.bad_cp, 7);
	assert_int_equal(p.bad_char, 2);
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	pm_feed(&p, "子丑\t寅卯\r\n" PASTE_END_MARK, 15 + strlen(PASTE_END_MARK), 0);
	assert_int_equal(p.state, PM_DONE);
	assert_string_equal(pm_text(&p), "子丑\t寅卯\r\n");
	pm_free(&p);
	form_model *m = open_form(s);
	focus_on(m, "name");
	snprintf(why, sizeof why, msg(MSG_UI_PASTE_ESC), (size_t)3);
	fm_result r = fm_paste_lost(m, why);
	assert_int_equal(r.kind, FM_REFUSED);
	assert_true(r.error);
	assert_string_equal(r.text, "粘贴的内容第 3 个字起含有终端控制序列（ESC），一项也没有填入；请只复制文字。");
	assert_value(m, "name", "");
	assert_false(m->dirty);
	fm_free(m);
}

/* A unit's row of 19 cells whose last lands on 省辖市科协意见 (the city
 * writes it): the field keeps its value, and the status says so, naming
 * the cell, where it was once dropped without a word. The control: the
 * same row without that cell says nothing of it. */
static void paste_cell_not_yours(void **state)
{
	form_story *s = *state;
	story_sign_in_unit(s, "xcxy", UNIT);
	form_model *m = open_form(s);
	static const char head[] = "王小明\t女\t38\t汉族\t群众\t大专\t教育\t植物保护\t许昌学院\t教师\t"
				   "13837400012\twxm@163.com\twxm2016\t农村科普\t简介\t经历\t计划\t同意推荐";
	char row[1024];
	snprintf(row, sizeof row, "%s\t同意，已认定\r\n", head);
	fm_result r = fm_paste(m, &s->c, row);
	assert_int_equal(r.kind, FM_HANDLED);
	assert_string_equal(r.text, "已粘贴 18 项。第 19 格「同意，已认定」落在「省辖市科协意见」（由市科协填写），没有填入。");
	assert_value(m, "city_opinion", "");
	assert_value(m, "county_opinion", "同意推荐");
	fm_free(m);
	m = open_form(s);
	r = fm_paste(m, &s->c, head);
	assert_string_equal(r.text, "已粘贴 18 项。");
	fm_free(m);
}

/* Excel quotes a cell holding a line break, its quotes doubled: one such
 * cell pasted into a textarea is its text (once kept with the quotes), a
 * row with one is one row (once refused as 「2 行」), CRLF in a cell a line
 * end as textareas keep it. A quote of no such pattern stays as typed. */
/* text pasted into field of a new record holds want. */
static void pasted_as(form_story *s, const char *field, const char *text, const char *want)
{
	form_model *m = open_form(s);
	focus_on(m, field);
	assert_false(fm_paste(m, &s->c, text).error);
	assert_value(m, field, want);
	fm_free(m);
}

static void excel_quoting(void **state)
{
	form_story *s = *state;
	pasted_as(s, "profile", "\"从事环保宣传五年。\r\n组织，\"\"绿色家庭\"\"评选。\"\r\n",
		  "从事环保宣传五年。\n组织，\"绿色家庭\"评选。");
	form_model *m = open_form(s);
	fm_result r = fm_paste(m, &s->c, "周八\t男\t44\t汉族\t群众\t大学本科\t教育\t天文科普\t许昌市第三中学\t教师\t"
			       "13837400789\t\t\t青少年科普\t\"爱好天文二十年。\r\"\"星空课堂\"\"主讲。\"\r\r");
	/* as a terminal turning LF into CR sends it (tmux, PuTTY) */
	assert_int_equal(r.kind, FM_HANDLED);
	assert_string_equal(r.text, "已粘贴 15 项。");
	assert_value(m, "profile", "爱好天文二十年。\n\"星空课堂\"主讲。");
	assert_value(m, "name", "周八");
	fm_free(m);
	/* the controls: quotes of no Excel pattern are the clerk's text; two rows stay two */
	pasted_as(s, "profile", "\"绿色家庭\"评选", "\"绿色家庭\"评选");
	pasted_as(s, "profile", "\"绿色家庭\"", "\"绿色家庭\""); /* no line break: Excel would not quote it */
	pasted_as(s, "profile", "\"甲\n乙\"丙", "\"甲\n乙\"丙"); /* a quote closing mid-cell */
	m = open_form(s);
	r = fm_paste(m, &s->c, "周八\t\"甲\n乙\"\r\n王五\t男\r\n");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "粘贴的内容有");
	assert_value(m, "name", "");
	fm_free(m);
}

/* One rule for invisible characters (utf8_first_unsafe): a bidi control
 * U+202E between 子丑 and 寅卯 (it reorders what the city reads), a zero-width space,
 * a BOM inside the text, a soft hyphen refuse the whole paste naming the
 * character and its code, as a C0/C1 control does — in the terminal's
 * paste (pastemark) and in the model, a field's text or a row of cells —
 * where U+202E was once dropped and the rest filled (「已粘贴 4 个字；其中
 * 1 个是看不见的控制字符」). Typed, such a key is refused naming it. The
 * controls: the same text without it is pasted, and CJK, the ideographic
 * space and a Tab pass. */
static void paste_invisible(void **state)
{
	form_story *s = *state;
	static const struct { const char *text; unsigned cp; size_t nth; } bad[] = {
		{"子丑\u202e寅卯", 0x202E, 3}, {"子\u200b丑", 0x200B, 2}, {"子丑寅\ufeff卯", 0xFEFF, 4},
		{"子\u00ad丑", 0x00AD, 2}, {"\u2066子丑", 0x2066, 1}, {"子\u061c丑", 0x061C, 2},
		{"子\u200d丑", 0x200D, 2}, {"子\u200f丑", 0x200F, 2},
	};
	char why[512], want[512];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		paste_mark p = {0};
		char in[64];
		snprintf(in, sizeof in, "%s" PASTE_END_MARK, bad[i].text);
		pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
		pm_feed(&p, in, strlen(in), 0);
		assert_int_equal(p.state, PM_CONTROL);
		assert_int_equal(p.bad_cp, bad[i].cp);
		assert_int_equal(p.bad_char, bad[i].nth);
		pm_free(&p);
		form_model *m = open_form(s);
		focus_on(m, "name");
		fm_result r = fm_paste(m, &s->c, bad[i].text);
		assert_int_equal(r.kind, FM_REFUSED);
		assert_true(r.error);
		snprintf(want, sizeof want, "粘贴的内容第 %zu 个字是看不见的控制字符或格式字符（U+%04X），一项也没有填入",
			 bad[i].nth, bad[i].cp);
		assert_said(r.text, want);
		assert_value(m, "name", "");
		assert_false(m->dirty);
		fm_free(m);
	}
	/* a row of cells: nothing of it filled, the character named */
	form_model *m = open_form(s);
	fm_result r = fm_paste(m, &s->c, "周八\t男\t4\u200b4\t汉族\r\n");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "粘贴的内容第 7 个字是看不见的控制字符或格式字符（U+200B）");
	assert_value(m, "name", "");
	assert_value(m, "gender", "");
	/* typed: refused naming the field and the code, the value as it was */
	focus_on(m, "name");
	type(s, m, "子丑");
	r = key(s, m, (kp_key){.code = 0x202E});
	assert_int_equal(r.kind, FM_REFUSED);
	snprintf(why, sizeof why, "%s：U+202E 是看不见的控制字符或格式字符，没有输入",
		 m->form->fields[form_field_index(m->form, "name")].label);
	assert_string_equal(r.text, why);
	assert_value(m, "name", "子丑");
	fm_free(m);
	/* unmarked (a burst of keys, as a terminal that does not mark a paste
	 * sends it): the same, never 子丑 typed and 寅卯 after the refusal */
	m = open_form(s);
	focus_on(m, "name");
	r = burst(s, m, "子丑\u202e寅卯");
	assert_int_equal(r.kind, FM_REFUSED);
	assert_said(r.text, "粘贴的内容第 3 个字是看不见的控制字符或格式字符（U+202E），一项也没有填入");
	assert_int_equal(burst(s, m, "子丑寅卯").kind, FM_HANDLED); /* the control: taken, typed on */
	fm_free(m);
	/* the controls */
	pasted_as(s, "name", "子丑寅卯", "子丑寅卯");
	pasted_as(s, "profile", "子丑\u3000寅卯\n辰巳", "子丑\u3000寅卯\n辰巳");
	paste_mark p = {0};
	pm_start(&p, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, 0);
	pm_feed(&p, "子丑\u3000寅\t卯" PASTE_END_MARK, strlen("子丑\u3000寅\t卯" PASTE_END_MARK), 0);
	assert_int_equal(p.state, PM_DONE);
	pm_free(&p);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(undo_pasted_row, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_into_value, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(twelfth_digit_refused_once, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(phone_holds_a_mobile, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_in_pieces, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_bounds, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_controls, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_invisible, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(paste_cell_not_yours, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(excel_quoting, form_story_setup, form_story_teardown),
		cmocka_unit_test_setup_teardown(tab_takes_as_paste_does, form_story_setup, form_story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
