/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The audit screen's model driven by keys with no terminal: the city's
 * trail of 12 saved people, paged (more read on demand, a more-below mark
 * while rows are hidden, none at the end), filtered as typed (Esc clears
 * the filter, then closes); a time is never cut at 80 columns, the free
 * text is; a unit's session is refused by the store. */
#include "unit_env.h"

#include "core/strbuf.h"
#include "core/utf8.h"
#include "model_keys.h"
#include "domain/env.h"
#include "store/db.h"
#include "ui/audit_model.h"

#define PEOPLE 12
#define ROWS 4

typedef struct {
	fixture *fx;
	au_ctx c;
} story;

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (au_ctx){&s->fx->env, ROWS, 80};
	for (int i = 0; i < PEOPLE; i++) {
		char name[32], phone[32];
		snprintf(name, sizeof name, "审计人%c%c", 'a' + i / 10, 'a' + i % 10);
		snprintf(phone, sizeof phone, "138000000%02d", i);
		save_person(s->fx, name, phone);
	}
	*state = s;
	return 0;
}

static int story_teardown(void **state) { return story_free(*state); }

static void paging_and_mark(void **state)
{
	story *s = *state;
	audit_model m;
	assert_int_equal(au_init(&m, &s->c).kind, MR_HANDLED);
	assert_int_equal(m.n, 2 * ROWS); /* two pages read, more waiting */
	assert_true(m.more);
	char more[128];
	au_more_text(&m, &s->c, more, sizeof more);
	char want[64];
	/* older rows unread: no number (it jumped 11, 23, 11 with the rows
	 * read), the same on every page until all are read */
	assert_string_equal(more, "↓ 还有更早的记录（↓ 或 PgDn 载入）");
	au_key(&m, &s->c, FN(KEY_NPAGE));
	assert_true(m.more || m.n > 2 * ROWS);
	char again[128];
	au_more_text(&m, &s->c, again, sizeof again);
	assert_string_equal(again, m.more ? more : "");
	au_key(&m, &s->c, FN(KEY_HOME));
	/* the newest first, with what was done and the change */
	assert_non_null(strstr(m.what[0], "附表2"));
	assert_true(m.ndetail > 0);
	assert_non_null(strstr(m.detail[0], "审计人"));
	/* PgDn to the end reads the rest; nothing hidden: no mark */
	for (int i = 0; i < 10; i++)
		assert_int_equal(au_key(&m, &s->c, FN(KEY_NPAGE)).kind, MR_HANDLED);
	assert_false(m.more);
	assert_true(m.n >= PEOPLE);
	assert_int_equal(m.sel, m.n - 1);
	assert_true(m.top + ROWS >= m.n);
	au_more_text(&m, &s->c, more, sizeof more);
	assert_string_equal(more, "");
	/* Home: at the top, the rest hidden below is marked with its count */
	au_key(&m, &s->c, FN(KEY_HOME));
	assert_int_equal(m.sel, 0);
	assert_int_equal(m.top, 0);
	au_more_text(&m, &s->c, more, sizeof more);
	snprintf(want, sizeof want, "↓ 还有 %zu 项", m.n - ROWS);
	assert_string_equal(more, want);
	au_free(&m);
}

/* At 80 columns the detail header's mark stays whole beside the longest
 * header (推荐科普作品创作大赛作品名单, the longest title): it was cut to 「…载>」. With
 * nothing below, the words have the line (the control). */
static void mark_whole_at_80(void **state)
{
	story *s = *state;
	audit_model m;
	assert_int_equal(au_init(&m, &s->c).kind, MR_HANDLED);
	assert_true(m.more);
	snprintf(m.head, sizeof m.head, msg(MSG_UI_AU_CHANGES_OF), "推荐科普作品创作大赛作品名单", 123LL);
	char more[128];
	int room = au_head_room(&m, &s->c, 80, more, sizeof more);
	int mw = utf8_width(more);
	assert_string_equal(more, "↓ 还有更早的记录（↓ 或 PgDn 载入）");
	assert_true(utf8_width(m.head) > room);   /* the words give way… */
	assert_true(1 + room + 2 <= 80 - 1 - mw);  /* …before the whole mark, which ends in the margin */
	m.more = false;                            /* all read, the page at the end: no mark */
	m.top = m.n > ROWS ? m.n - ROWS : 0;
	assert_int_equal(au_head_room(&m, &s->c, 80, more, sizeof more), 78);
	assert_string_equal(more, "");
	au_free(&m);
}

static void filter_then_close(void **state)
{
	story *s = *state;
	audit_model m;
	au_init(&m, &s->c);
	TYPE_KEYS("审计人ab", au_key(&m, &s->c, k));
	assert_int_equal(m.n, 1);
	assert_non_null(strstr(m.detail[0], "审计人ab"));
	assert_int_equal(au_key(&m, &s->c, CH('x')).kind, MR_HANDLED); /* no change holds 审计人abx */
	assert_int_equal(m.n, 0);
	assert_int_equal(au_key(&m, &s->c, FN(KEY_BACKSPACE)).kind, MR_HANDLED);
	assert_int_equal(m.n, 1);
	/* Esc clears the filter first (every row again), then closes */
	assert_int_equal(au_key(&m, &s->c, ESC).kind, MR_HANDLED);
	assert_string_equal(m.text, "");
	assert_int_equal(m.n, 2 * ROWS);
	assert_int_equal(au_key(&m, &s->c, ESC).kind, MR_CLOSE);
	au_free(&m);
}

/* The city renames a talent; typed, the record's number finds the change
 * with its old and new value; user, form title, unit and a changed value
 * narrow together; a word no change holds leaves nothing; another form's
 * title finds none of 附表2's. Was the screen half of the tmux scenario
 * audit. */
static void edit_found_by_words(void **state)
{
	story *s = *state;
	const kp_form *f = catalog_form(&s->fx->env.cat, "talent");
	long long id = save_person(s->fx, "欧阳明", "13900000001");
	kp_record r;
	char *err = NULL;
	assert_int_equal(store_get(s->fx->env.store, f, id, &r, &err), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "name"), "欧阳明远");
	assert_int_equal(store_update(s->fx->env.store, f, &r, &err), KP_OK);
	record_free(&r);
	audit_model m;
	au_init(&m, &s->c);
	char num[32], what[128];
	snprintf(num, sizeof num, "%lld", id);
	snprintf(what, sizeof what, "修改 附表2 #%lld", id);
	TYPE_KEYS(num, au_key(&m, &s->c, k));
	assert_true(m.n >= 2); /* its insert and its update */
	assert_string_equal(m.what[0], what);
	/* the record number is never cut at 80 columns; the pane names it too */
	int x[AU_COLS], w[AU_COLS];
	au_columns(&m, 80, x, w);
	char longest[128];
	snprintf(longest, sizeof longest, "退回修改 附表2 #%lld", id);
	assert_true(utf8_width(longest) <= w[AU_COL_WHAT]);
	snprintf(longest, sizeof longest, "附表2 第 %lld 号记录的改动", id);
	assert_non_null(strstr(m.head, longest));
	assert_string_equal(m.rows[0].user, "admin");
	assert_string_equal(m.detail[0], "姓名：欧阳明 → 欧阳明远");
	au_key(&m, &s->c, ESC);
	TYPE_KEYS("admin 附表2 许昌学院 欧阳明远", au_key(&m, &s->c, k));
	assert_int_equal(m.n, 1);
	assert_string_equal(m.what[0], what);
	au_key(&m, &s->c, CH('x')); /* no change holds 欧阳明远x */
	assert_int_equal(m.n, 0);
	au_key(&m, &s->c, ESC);
	TYPE_KEYS("附表3", au_key(&m, &s->c, k));
	for (size_t i = 0; i < m.n; i++)
		assert_null(strstr(m.what[i], "附表2"));
	au_free(&m);
}

/* #23: at 80x24 the time was cut (「05:4>」). The time keeps its width at
 * every terminal width; the free text takes what is left. */
static void time_never_cut(void **state)
{
	story *s = *state;
	audit_model m;
	au_init(&m, &s->c);
	int at = utf8_width(m.rows[0].at);
	assert_int_equal(at, 19);
	static const int widths[] = {60, 80, 120};
	for (size_t i = 0; i < 3; i++) {
		int x[AU_COLS], w[AU_COLS];
		au_columns(&m, widths[i], x, w);
		assert_true(w[AU_COL_AT] >= at);
		assert_true(x[AU_COL_USER] > x[AU_COL_AT] + at); /* a gap after the whole time */
		assert_true(x[AU_COL_WHAT] + w[AU_COL_WHAT] <= widths[i] - 1);
		assert_true(w[AU_COL_WHAT] >= 6);
	}
	/* at 80 the free text is the column that gives way */
	int x[AU_COLS], w[AU_COLS];
	au_columns(&m, 120, x, w);
	int wide = w[AU_COL_WHAT];
	au_columns(&m, 80, x, w);
	assert_true(w[AU_COL_WHAT] < wide);
	assert_int_equal(w[AU_COL_AT], AU_AT_W);
	au_free(&m);
}

/* The columns share the width as the view's values need: the longest
 * unit name (城乡一体化示范区, 16 cells) is whole at 80 columns while what
 * was done has room to spare; it was cut to 「城乡一体化>」 at a fixed 12.
 * Paging never moves a column: the widths are the view's, measured when it
 * opened, not each page's (the unit column narrowed on a page with no
 * 城乡一体化示范区 row, and every column after it moved). */
static void unit_names_whole(void **state)
{
	story *s = *state;
	save_record(s->fx, "activity", "城乡一体化示范区", "name", "科普讲座", NULL);
	audit_model m;
	au_init(&m, &s->c);
	assert_string_equal(m.rows[0].unit_name, "城乡一体化示范区");
	int x[AU_COLS], w[AU_COLS];
	au_columns(&m, 80, x, w);
	assert_true(w[AU_COL_UNIT] >= utf8_width("城乡一体化示范区"));
	for (size_t i = m.top; i < m.top + ROWS && i < m.n; i++) {
		assert_true(utf8_width(m.rows[i].user) <= w[AU_COL_USER]);
		assert_true(utf8_width(m.what[i]) <= w[AU_COL_WHAT]);
	}
	assert_int_equal(x[AU_COL_WHAT] + w[AU_COL_WHAT], 80 - 1); /* the rest to what was done */
	for (int page = 0; page < 3; page++) {
		au_key(&m, &s->c, FN(KEY_NPAGE));
		int xp[AU_COLS], wp[AU_COLS];
		au_columns(&m, 80, xp, wp);
		assert_true(m.top > 0); /* control: the first row is off the page */
		assert_memory_equal(xp, x, sizeof x);
		assert_memory_equal(wp, w, sizeof w);
	}
	au_free(&m);
}

/* Rows that are no form's (a programme year opened) name their changes in
 * words, never by the store's column names (「from_year：（空） → 2016」). */
static void changes_in_words(void **state)
{
	story *s = *state;
	char *err = NULL;
	assert_int_equal(store_year_open(s->fx->env.store, 2017, 2016, NULL, NULL, 0, &err), KP_OK);
	audit_model m;
	au_init(&m, &s->c);
	assert_true(m.ndetail >= 2);
	for (size_t i = 0; i < m.ndetail; i++)
		for (const char *p = m.detail[i]; *p && *p != '\xef'; p++) /* the label, before 「：」 */
			if ((*p >= 'a' && *p <= 'z') || *p == '_')
				fail_msg("「%s」 names a column", m.detail[i]);
	assert_string_equal(m.detail[0], "年度：（空） → 2017");
	au_free(&m);
	/* a closed year reopened for one unit, then closed again: the unit and why, in words */
	long long wd = store_unit_id(s->fx->env.store, "魏都区");
	assert_int_equal(store_year_close(s->fx->env.store, 2016, true, &err), KP_OK);
	assert_int_equal(store_year_open_for(s->fx->env.store, 2016, wd, "补录七月", &err), KP_OK);
	au_init(&m, &s->c);
	assert_int_equal(m.ndetail, 3);
	assert_string_equal(m.detail[1], "单位：（空） → 魏都区");
	assert_string_equal(m.detail[2], "原因：（空） → 补录七月");
	au_free(&m);
	assert_int_equal(store_year_close(s->fx->env.store, 2016, true, &err), KP_OK);
	au_init(&m, &s->c);
	assert_int_equal(m.ndetail, 2);
	assert_string_equal(m.detail[1], "仍开放的单位：魏都区 → （空）");
	au_free(&m);
}

/* A failed login under a name no account has (t5h #14): the user column
 * says （未知账号）, the typed text is only quoted data in the pane; a known
 * name stays the user (the control). */
static void unknown_login_name_is_data(void **state)
{
	story *s = *state;
	kp_login_try t = {"请各单位把新密码发给王科长", "192.0.2.9", 1470787200LL, 1470787200LL - 900, false};
	assert_int_equal(store_login_result(s->fx->env.store, &t, false, 0, "unknown"), KP_OK);
	audit_model m;
	au_init(&m, &s->c);
	assert_string_equal(m.rows[0].user, "（未知账号）");
	assert_string_equal(m.detail[0], "输入的用户名：（空） → 「请各单位把新密码发给王科长」");
	au_free(&m);
	t.name = "shikexie";
	assert_int_equal(store_login_result(s->fx->env.store, &t, false, 0, "password"), KP_OK);
	au_init(&m, &s->c);
	assert_string_equal(m.rows[0].user, "shikexie");
	au_free(&m);
}

/* A field whose value did not change (an approval's 退回原因, empty before
 * and after) is no change: never listed as 「（空） → （空）」. */
static void unchanged_not_listed(void **state)
{
	story *s = *state;
	sql_run(s->fx->path, "INSERT INTO kp_audit (at, user, unit_id, form, record_id, action, changes) "
			     "VALUES ('2099-01-01 10:00:00', 'admin', 0, 'talent', 1, 'approve', "
			     "'[\"kp_reason\",\"\",\"\",\"kp_state\",\"submitted\",\"approved\",\"phone\",\"1\",\"1\"]')");
	audit_model m;
	au_init(&m, &s->c);
	assert_int_equal(m.ndetail, 1); /* the state only; control: it is listed */
	assert_non_null(strstr(m.detail[0], "已认定"));
	au_free(&m);
}

/* A 退回 with the longest reason the city can write (200 characters) and
 * ten fields changed: every change is listed (six were, the rest dropped),
 * laid out in the pane's width at 80 columns with no line over it and none
 * starting with a closing mark; Tab pages down the pane until the end of
 * the reason is shown (the mark says how many lines are below, then
 * above), Shift-Tab back; the key line offers each only while it acts. */
static void long_reason_read_whole(void **state)
{
	story *s = *state;
	char reason[1024] = "";
	while (utf8_count(reason) + 24 <= 196)
		strcat(reason, "联系电话与工作单位登记不一致，请核对后重新提交；");
	while (utf8_count(reason) < 196)
		strcat(reason, "核");
	strcat(reason, "（完）。");
	assert_int_equal(utf8_count(reason), 200);
	strbuf q = STRBUF_INIT;
	sb_printf(&q, "INSERT INTO kp_audit (at, user, unit_id, form, record_id, action, changes) VALUES "
		      "('2099-01-01 10:00:00', 'admin', 0, 'talent', 1, 'return', '[\"kp_state\",\"submitted\","
		      "\"returned\",\"kp_reason\",\"\",\"%s\"", reason);
	for (int i = 0; i < 8; i++)
		sb_printf(&q, ",\"f%d\",\"旧%d\",\"新%d\"", i, i, i);
	sb_adds(&q, "]')");
	sql_run(s->fx->path, sb_str(&q));
	sb_free(&q);
	audit_model m;
	au_init(&m, &s->c);
	assert_int_equal(m.ndetail, 10);
	assert_true(m.ndline > AU_DETAIL_ROWS);
	strbuf all = STRBUF_INIT;
	for (size_t i = 0; i < m.ndline; i++) {
		assert_true(utf8_width(m.dline[i]) <= 80 - 4);
		uint32_t first;
		utf8_decode(m.dline[i], strlen(m.dline[i]), &first);
		static const uint32_t closing[] = {0xff0c, 0x3002, 0xff1b, 0xff1a, 0x3001, 0xff09, 0x300d};
		for (size_t k = 0; k < sizeof closing / sizeof *closing; k++)
			if (first == closing[k])
				fail_msg("line %zu starts with a closing mark: %s", i, m.dline[i]);
	}
	/* read by keys: each page of the pane, Tab to the next */
	char mark[128];
	au_detail_mark(&m, mark, sizeof mark);
	assert_non_null(strstr(mark, "↓ 改动还有"));
	assert_non_null(strstr(mark, "Tab"));
	assert_false(au_acts(&m, &s->c, ACT_PREV));
	assert_non_null(strstr(keymap_bar_if(CTX_AUDIT, au_acts, &m, &s->c), "Tab"));
	size_t seen = 0, pages = 0;
	for (;;) {
		size_t shown = au_detail_shown(&m);
		assert_true(shown < AU_DETAIL_ROWS); /* one row left for the mark */
		for (size_t i = m.dtop; i < m.dtop + shown; i++)
			if (i >= seen) /* a line shown again (the last page kept full) once */
				sb_adds(&all, m.dline[seen++]);
		if (!au_acts(&m, &s->c, ACT_NEXT))
			break;
		assert_int_equal(au_key(&m, &s->c, TAB).kind, MR_HANDLED);
		assert_true(++pages < 10);
	}
	assert_int_equal(seen, m.ndline);
	assert_non_null(strstr(sb_str(&all), reason)); /* whole, end included */
	assert_non_null(strstr(sb_str(&all), "f7：旧7 → 新7"));
	sb_free(&all);
	au_detail_mark(&m, mark, sizeof mark);
	assert_non_null(strstr(mark, "↑ 上面还有"));
	assert_null(strstr(keymap_bar_if(CTX_AUDIT, au_acts, &m, &s->c), "Tab 看下面"));
	while (au_acts(&m, &s->c, ACT_PREV))
		au_key(&m, &s->c, FN(KEY_BTAB));
	assert_int_equal(m.dtop, 0);
	/* another row: its changes from their first line */
	au_key(&m, &s->c, TAB);
	au_key(&m, &s->c, FN(KEY_DOWN));
	assert_int_equal(m.dtop, 0);
	au_free(&m);
}

/* The trail is the city's: a unit's session is refused, saying why. */
static void unit_refused(void **state)
{
	story *s = *state;
	audit_model m;
	assert_int_equal(au_init(&m, &s->c).kind, MR_HANDLED); /* the city's session reads it */
	assert_true(m.n > 0);
	au_free(&m);
	sign_in_unit(s->fx, "许昌学院");
	mr_result r = au_init(&m, &s->c);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_true(r.text[0] != '\0');
	assert_int_equal(m.n, 0);
	/* keys on what was refused change nothing and do not crash */
	assert_int_equal(au_key(&m, &s->c, FN(KEY_NPAGE)).kind, MR_HANDLED);
	assert_int_equal(au_key(&m, &s->c, CH('a')).kind, MR_REFUSED);
	au_free(&m);
}

/* Every action the store writes has a Chinese label from one table (the
 * audit showed 「year_open」); the store refuses to write an action missing
 * from it, so no raw code can reach the screen. */
static void actions_have_labels(void **state)
{
	story *s = *state;
	size_t n = 0;
	for (const char *a; (a = store_audit_action(n)); n++) {
		const char *label = store_audit_label(a);
		assert_non_null(label);
		for (const char *p = label; *p; p++)
			if ((*p >= 'a' && *p <= 'z') || *p == '_')
				fail_msg("%s is shown as %s", a, label);
	}
	assert_true(n >= 30);
	assert_null(store_audit_label("no_such_action"));
	char *err = NULL;
	assert_int_not_equal(db_audit(s->fx->env.store, NULL, "kp_years", 0, 0, "no_such_action", NULL, 0),
			     KP_OK);
	/* A year opened in the terminal: its row says so in Chinese. */
	assert_int_equal(env_open_year(&s->fx->env, 2017, 2016, &err), 0);
	free(err);
	audit_model m;
	au_init(&m, &s->c);
	assert_string_equal(m.what[0], "开启新年度");
	au_free(&m);
}

int main(void)
{
	unit_locale(); /* widths of the header's words and mark */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(paging_and_mark, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(filter_then_close, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(mark_whole_at_80, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(edit_found_by_words, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unit_names_whole, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(time_never_cut, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(changes_in_words, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unchanged_not_listed, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(long_reason_read_whole, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unit_refused, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unknown_login_name_is_data, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(actions_have_labels, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
