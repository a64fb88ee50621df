/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The record list's model driven by keys with no terminal: paging, open,
 * the form's edit seen on return, delete with its question, the filter as
 * typed and #编号, the move into another year (the marked records or the
 * selected one, after a question naming them). Was the tmux scenario
 * list_edit_delete. */
#include "unit_env.h"

#include "core/clock.h"
#include "core/utf8.h"
#include "domain/review.h"
#include "model_keys.h"
#include "ui/form_model.h"
#include "ui/list_model.h"

#define ROWS 18 /* an 80x24 terminal's page (a header line above, the mark's line below) */
#define RECORDS 25

static const char *const digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* 张一五: a person's name for record i (1…), in number order. */
static void name_of(int i, char *out, size_t len)
{
	snprintf(out, len, "张%s%s", digits[i / 10], digits[i % 10]);
}

typedef struct {
	fixture *fx;
	lm_ctx c;
	const kp_form *talent;
	list_model m;
	int fields[3];
} story;

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (lm_ctx){s->fx->env.store, ROWS, true, false, &s->fx->env};
	s->talent = catalog_form(&s->fx->env.cat, "talent");
	for (int i = 1; i <= RECORDS; i++) {
		char name[32], phone[24];
		name_of(i, name, sizeof name);
		snprintf(phone, sizeof phone, "138123456%02d", i); /* one person each (similar_hint) */
		save_person(s->fx, name, phone);
	}
	s->fields[0] = form_field_index(s->talent, "name");
	s->fields[1] = form_field_index(s->talent, "phone");
	s->fields[2] = form_field_index(s->talent, "service_categories");
	lm_init(&s->m, s->talent, NULL, s->fields, 3);
	lm_restart(&s->m, &s->c);
	*state = s;
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	lm_free(&s->m);
	return story_free(s);
}

static lm_result key(story *s, kp_key k) { return lm_key(&s->m, &s->c, k); }

static long long count(story *s, const char *sql) { return sql_int(s->fx->path, sql); }

static void assert_first_row(story *s, int i)
{
	char name[32];
	name_of(i, name, sizeof name);
	assert_true(s->m.n > 0);
	assert_string_equal(lm_cell(&s->m, 0, 0), name);
}

/* Page through, open a record, edit it in the form, delete one with its
 * question: n keeps it, y deletes it. */
static void edit_and_delete(void **state)
{
	story *s = *state;
	assert_int_equal(s->m.total, RECORDS);
	assert_int_equal(s->m.n, ROWS);
	assert_first_row(s, 1);
	assert_int_equal(key(s, FN(KEY_NPAGE)).kind, LM_HANDLED);
	assert_first_row(s, ROWS + 1);
	key(s, FN(KEY_PPAGE));
	assert_first_row(s, 1);
	lm_result r = key(s, CH('\r'));
	assert_int_equal(r.kind, LM_OPEN);
	assert_int_equal(r.id, 1);

	/* The form the list opened: End, one more character, F2. */
	fm_ctx fc = {.env = &s->fx->env, .user = "admin", .auto_advance = true, .wrap_w = 60};
	fm_result fr;
	form_model *f = fm_new(&fc, s->talent, r.id, 0, NULL, &fr);
	assert_non_null(f);
	fm_key(f, &fc, CTRL('E'));
	fm_key(f, &fc, CH(0x534E)); /* 华 */
	fr = fm_key(f, &fc, FN(KEY_F(2)));
	assert_int_equal(fr.kind, FM_SAVED);
	assert_non_null(strstr(fr.text, "已保存对第 1 号记录的修改"));
	fm_free(f);
	lm_reload(&s->m, &s->c); /* back on the list */
	assert_string_equal(lm_cell(&s->m, 0, 0), "张零一华");
	assert_int_equal(count(s, "SELECT version FROM talent WHERE id = 1 AND name = '张零一华'"), 2);

	key(s, FN(KEY_DOWN));
	key(s, FN(KEY_F(8)));
	assert_int_equal(s->m.mode, LM_CONFIRM_DELETE);
	r = key(s, CH('n'));
	assert_int_equal(s->m.mode, LM_BROWSE);
	assert_int_equal(count(s, "SELECT count(*) FROM talent"), RECORDS);
	key(s, CTRL('D'));
	assert_int_equal(s->m.mode, LM_CONFIRM_DELETE);
	r = key(s, CH('y'));
	assert_int_equal(r.kind, LM_HANDLED);
	assert_non_null(strstr(r.text, "已删除"));
	assert_int_equal(count(s, "SELECT count(*) FROM talent WHERE id = 2"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM talent"), RECORDS - 1);
	assert_int_equal(s->m.total, RECORDS - 1);
}

/* Typing filters (Esc clears it first, then leaves); #编号 opens that
 * record; a new record goes to the picker for the city, at once for a
 * unit's account. */
static void filter_and_open(void **state)
{
	story *s = *state;
	const char *text = "张二";
	TYPE_KEYS(text, key(s, k));
	assert_int_equal(s->m.total, 6); /* 张二零 … 张二五 */
	assert_first_row(s, 20);
	/* back from a record: what is typed next is a new filter (张二张三 found nothing) */
	lm_back(&s->m, &s->c);
	assert_int_equal(s->m.total, 6);
	TYPE_KEYS("张三", key(s, k));
	assert_string_equal(s->m.filter_text, "张三");
	TYPE_KEYS("零", key(s, k)); /* control: only the first key replaces */
	assert_string_equal(s->m.filter_text, "张三零");
	lm_back(&s->m, &s->c);
	assert_int_equal(key(s, CH(27)).kind, LM_HANDLED); /* Esc still clears */
	assert_int_equal(s->m.total, RECORDS);
	assert_int_equal(key(s, CH(27)).kind, LM_CLOSE);
	key(s, CH('#'));
	key(s, CH('7'));
	lm_result r = key(s, CH('\r'));
	assert_int_equal(r.kind, LM_OPEN);
	assert_int_equal(r.id, 7);
	assert_int_equal(key(s, FN(KEY_F(7))).kind, LM_NEW); /* the city: which unit first */
	s->c.own_unit = true;
	r = key(s, FN(KEY_F(7)));
	assert_int_equal(r.kind, LM_OPEN);
	assert_int_equal(r.id, 0);
}

/* Type text into the filter, after clearing it (Esc). */
static void filter_by(story *s, const char *text)
{
	if (s->m.filter_text[0])
		key(s, CH(27));
	TYPE_KEYS(text, key(s, k));
}

/* The filter searches what its hint says: the pinyin initials of the name
 * as the pickers do (zs: 张三), a word of a long text, Latin letters in
 * either case. Each failed before: the list never asked for initials, long
 * texts were not searched, and the filter was case-sensitive. */
static void filter_searches_what_the_hint_says(void **state)
{
	story *s = *state;
	long long id = save_record(s->fx, "talent", "许昌学院", "name", "张三", "employer", "abc科技公司", "profile",
				   "长期在社区讲授电力安全用电常识", NULL);
	static const char *const finds[] = {"zs", "用电常识", "ABC", "abc", "Abc科技"};
	for (size_t i = 0; i < sizeof finds / sizeof *finds; i++) {
		filter_by(s, finds[i]);
		if (s->m.total != 1 || s->m.rows[0].id != id)
			fail_msg("filter “%s”: %lld rows", finds[i], (long long)s->m.total);
	}
	filter_by(s, "zsx"); /* positive control's negative: not everything matches */
	assert_int_equal(s->m.total, 0);
	filter_by(s, "张"); /* and the story's own records still do */
	assert_int_equal(s->m.total, RECORDS + 1);
}

/* An empty page says why: no record in the state filtered on (not 「还没有
 * 记录」, the form has 25), none with the filter's text; with every state
 * and a record, nothing to say (the positive control is the form's own
 * empty text when nothing hides records). */
static void empty_text_says_why(void **state)
{
	story *s = *state;
	char text[256];
	lm_set_state(&s->m, &s->c, ST_SUBMITTED);
	assert_int_equal(s->m.n, 0);
	lm_empty_text(&s->m, &s->c, text, sizeof text);
	assert_string_equal(text, "没有「已提交」的记录。按 Tab 换一种状态。");
	lm_set_state(&s->m, &s->c, -1);
	assert_true(s->m.n > 0);
	lm_empty_text(&s->m, &s->c, text, sizeof text);
	assert_string_equal(text, "还没有记录。按 F7 或 Ctrl-N 新建。");
	filter_by(s, "没有这个人");
	lm_empty_text(&s->m, &s->c, text, sizeof text);
	assert_string_equal(text, "没有含「没有这个人」的记录。");
	/* a view (附表4) before a unit is chosen */
	const kp_view *roll = catalog_view(&s->fx->env.cat, "roll");
	assert_non_null(roll);
	list_model v;
	lm_init(&v, roll->source, roll, s->fields, 1);
	lm_empty_text(&v, &s->c, text, sizeof text);
	assert_string_equal(text, "还没有选择单位：按 F4 或 Ctrl-O 选择。");
	lm_free(&v);
}

/* The page says how many rows are hidden below and above it, in the one
 * wording every scrolled list uses (the screen gives it its own line, so
 * it covers no row): none on a list that fits, below on the first page of
 * a longer one, above on the last, both between. Before, it was a bare
 * 「↓下面还有」 over the last row's last column. */
static void more_rows_marked(void **state)
{
	story *s = *state;
	char more[160];
	assert_int_equal(s->m.more_below, 25 - ROWS); /* 25 records, ROWS a page */
	assert_int_equal(s->m.more_above, 0);
	lm_more(&s->m, more, sizeof more);
	assert_string_equal(more, "↓ 还有 7 项");
	for (int i = 0; i < ROWS; i++) /* off the page's end: it scrolls by one */
		key(s, FN(KEY_DOWN));
	lm_more(&s->m, more, sizeof more);
	assert_string_equal(more, "↑ 上面还有 1 项  ↓ 还有 6 项");
	key(s, FN(KEY_END));
	assert_int_equal(s->m.more_below, 0);
	assert_int_equal(s->m.more_above, 25 - ROWS);
	lm_more(&s->m, more, sizeof more);
	assert_string_equal(more, "↑ 上面还有 7 项");
	filter_by(s, "张二");  /* six rows: all shown */
	assert_int_equal(s->m.total, 6);
	assert_int_equal(s->m.more_below, 0);
	assert_int_equal(s->m.more_above, 0);
	lm_more(&s->m, more, sizeof more);
	assert_string_equal(more, "");
}

/* The story in 2017 with 2017 opened: its records are 2016's. */
static int story_2017(void **state)
{
	clock_set_today("2017-08-01");
	if (story_setup(state))
		return -1;
	story *s = *state;
	char *err = NULL;
	if (env_open_year(&s->fx->env, 2017, 2016, &err) != 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	return 0;
}

static long long in_2017(story *s) { return count(s, "SELECT count(*) FROM talent WHERE kp_year = 2017"); }

/* F5 with no marks: the selected record, after a question naming it and
 * the year; n moves nothing. */
static void move_selected(void **state)
{
	story *s = *state;
	key(s, FN(KEY_DOWN));
	assert_int_equal(key(s, FN(KEY_F(5))).kind, LM_YEAR);
	lm_ask_year(&s->m, 2017); /* the year prompt's choice */
	char q[512];
	lm_question(&s->m, q, sizeof q);
	assert_string_equal(q, "确定把「张零二」这条记录移到 2017 年度吗？(y/n)");
	key(s, CH('n'));
	assert_int_equal(s->m.mode, LM_BROWSE);
	assert_int_equal(in_2017(s), 0);
	lm_question(&s->m, q, sizeof q);
	assert_string_equal(q, "");
	key(s, CTRL('Y'));
	lm_ask_year(&s->m, 2017);
	lm_result r = key(s, CH('y'));
	assert_int_equal(r.kind, LM_HANDLED);
	assert_non_null(strstr(r.text, "第 2 号记录换到 2017 年度"));
	assert_int_equal(in_2017(s), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM talent WHERE id = 2 AND kp_year = 2017"), 1);
}

/* The delete question names the record by its number and its name
 * (t80d #17): two people of one name are told apart; n deletes nothing. */
static void delete_names_number(void **state)
{
	story *s = *state;
	key(s, FN(KEY_DOWN));
	assert_int_equal(key(s, FN(KEY_F(8))).kind, LM_HANDLED);
	assert_int_equal(s->m.mode, LM_CONFIRM_DELETE);
	char q[512];
	lm_question(&s->m, q, sizeof q);
	assert_string_equal(q, "确定删除第 2 号记录「张零二」吗？(y/n)");
	key(s, CH('n'));
	assert_int_equal(s->m.mode, LM_BROWSE);
	assert_int_equal(count(s, "SELECT count(*) FROM talent WHERE id = 2"), 1);
}

/* With records marked F5 moves them, not the record under the cursor
 * (which Space moved on to); one another login deleted meanwhile is
 * refused by number, the others move, the marks go. */
static void move_marked_records(void **state)
{
	story *s = *state;
	key(s, FN(KEY_DOWN));
	key(s, CH(' ')); /* 2 */
	key(s, CH(' ')); /* 3; the cursor on 4 */
	key(s, FN(KEY_DOWN));
	key(s, CH(' ')); /* 5 */
	assert_int_equal(s->m.nmarked, 3);
	assert_int_equal(s->m.rows[s->m.sel].id, 6);
	assert_int_equal(lm_move_from(&s->m), 2016); /* the year prompt leaves out theirs */
	char *err = NULL;
	assert_int_equal(store_delete(s->fx->env.store, s->talent, 3, &err), KP_OK);
	assert_int_equal(key(s, FN(KEY_F(5))).kind, LM_YEAR);
	lm_ask_year(&s->m, 2017);
	char q[512];
	lm_question(&s->m, q, sizeof q);
	assert_string_equal(q, "确定把已选的 3 条记录移到 2017 年度吗？(y/n)");
	lm_result r = key(s, CH('y'));
	assert_int_equal(r.kind, LM_REFUSED);
	assert_true(r.error);
	assert_non_null(strstr(r.text, "已移到 2017 年度 2 条。1 条未移：第 3 号（"));
	assert_int_equal(count(s, "SELECT count(*) FROM talent WHERE kp_year = 2017 AND id IN (2, 5)"), 2);
	assert_int_equal(in_2017(s), 2);
	assert_int_equal(count(s, "SELECT kp_year FROM talent WHERE id = 6"), 2016);
	assert_int_equal(s->m.nmarked, 0);
	assert_int_equal(s->m.mode, LM_BROWSE);
}

/* A reload after another session's change keeps the cursor on the record
 * it was on: a row gone above it (a unit withdrew one from the city's list
 * of submitted records) moved the cursor onto the next record, and F9
 * approved that one. */
static void reload_keeps_the_record(void **state)
{
	story *s = *state;
	for (int i = 0; i < 4; i++)
		key(s, FN(KEY_DOWN));
	assert_int_equal(s->m.rows[s->m.sel].id, 5);
	char *err = NULL;
	if (store_delete(s->fx->env.store, s->talent, 2, &err) != KP_OK)
		fail_msg("%s", err);
	lm_reload(&s->m, &s->c);
	assert_int_equal(s->m.rows[s->m.sel].id, 5);
	assert_int_equal(s->m.total, RECORDS - 1);
}

/* The story signed in again (a session is set once per opening, as kepu
 * signs in once): as unit, or as the city when NULL; the list on record 1. */
static void signed_in_again(story *s, const char *unit)
{
	char *err = NULL;
	env_close(&s->fx->env);
	reopen(s->fx);
	if (unit)
		sign_in_unit(s->fx, unit);
	else if (store_session(s->fx->env.store, SESSION_CITY, "shikexie", 0, &err) != KP_OK)
		fail_msg("%s", err);
	s->c.store = s->fx->env.store;
	s->talent = catalog_form(&s->fx->env.cat, "talent");
	s->m.form = s->talent;
	s->c.city = !unit;
	s->c.own_unit = unit;
	lm_restart(&s->m, &s->c);
	while (s->m.rows[s->m.sel].id != 1)
		key(s, FN(KEY_DOWN));
}

/* F9 is offered on the selected row only when the session has an action
 * on it (t80g #19c): a unit has none on its own 已认定 record, but has
 * on a draft (the control); the city has on the approved one. */
static void review_key_only_with_an_action(void **state)
{
	story *s = *state;
	char *err = NULL;
	sign_in_unit(s->fx, "许昌学院");
	if (review_apply(&s->fx->env, s->talent, 1, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	signed_in_again(s, NULL);
	kp_record shown; /* the city approves what it was shown */
	if (store_view(s->fx->env.store, s->talent, 1, &shown, &err) != KP_OK ||
	    review_apply(&s->fx->env, s->talent, 1, REV_APPROVE, NULL, &err))
		fail_msg("%s", err);
	record_free(&shown);
	signed_in_again(s, "许昌学院");
	assert_string_equal(s->m.rows[s->m.sel].state, "approved");
	assert_false(lm_acts(&s->m, &s->c, ACT_REVIEW));
	key(s, s->m.sel ? FN(KEY_UP) : FN(KEY_DOWN));
	assert_int_not_equal(s->m.rows[s->m.sel].id, 1);
	assert_true(lm_acts(&s->m, &s->c, ACT_REVIEW)); /* a draft: 提交 */
	signed_in_again(s, NULL);
	assert_true(lm_acts(&s->m, &s->c, ACT_REVIEW)); /* 撤销认定, 退回修改 */
}

/* Columns wider than the terminal scroll sideways (#10): the name stays,
 * Right brings the hidden column in a column at a time and stops when the
 * last one shows, Left goes back and stops at the name; the key line and
 * F1 offer each only when it acts; the filter, the selection and Enter
 * are untouched. A view's key columns run up to its name. */
static void columns_scroll_sideways(void **state)
{
	story *s = *state;
	const int width[3] = {10, 13, 20}; /* 姓名, 联系电话, 科普人才服务类别 */
	int shown[3];
	TYPE_KEYS("张", key(s, k));
	key(s, FN(KEY_DOWN));
	assert_int_equal(s->m.frozen, 1);
	assert_int_equal(lm_place_columns(&s->m, width, 0, 32, 1, shown), 24);
	assert_true(shown[0] == 10 && shown[1] == 13 && shown[2] == 0);
	assert_true(s->m.cols_right);
	assert_true(lm_acts(&s->m, &s->c, ACT_RIGHT));
	assert_false(lm_acts(&s->m, &s->c, ACT_LEFT));
	assert_false(lm_cols_left(&s->m));
	key(s, FN(KEY_LEFT)); /* nothing at the left: nothing moves */
	assert_int_equal(s->m.col_first, 1);
	assert_int_equal(key(s, FN(KEY_RIGHT)).kind, LM_HANDLED);
	assert_int_equal(lm_place_columns(&s->m, width, 0, 32, 1, shown), 31);
	assert_true(shown[0] == 10 && shown[1] == 0 && shown[2] == 20); /* the name stays */
	assert_false(s->m.cols_right);
	assert_true(lm_cols_left(&s->m));
	assert_false(lm_acts(&s->m, &s->c, ACT_RIGHT));
	assert_true(lm_acts(&s->m, &s->c, ACT_LEFT));
	key(s, FN(KEY_RIGHT)); /* the last column shows: no further */
	assert_int_equal(s->m.col_first, 2);
	/* the filter, the row and Enter as before */
	assert_string_equal(s->m.filter_text, "张");
	assert_int_equal(s->m.sel, 1);
	lm_result r = key(s, ENTER);
	assert_int_equal(r.kind, LM_OPEN);
	assert_int_equal(r.id, 2);
	key(s, FN(KEY_LEFT));
	lm_place_columns(&s->m, width, 0, 32, 1, shown);
	assert_true(shown[1] == 13 && shown[2] == 0 && s->m.cols_right);
	/* room for all: nothing to scroll (the control) */
	lm_place_columns(&s->m, width, 0, 80, 1, shown);
	assert_true(shown[2] == 20 && !s->m.cols_right);
	assert_false(lm_acts(&s->m, &s->c, ACT_RIGHT));
	/* a view's key columns: up to the name, wherever it stands */
	list_model v;
	const int fields[3] = {s->fields[2], s->fields[0], s->fields[1]};
	lm_init(&v, s->talent, NULL, fields, 3);
	assert_int_equal(v.frozen, 2);
	assert_int_equal(v.col_first, 2);
	lm_free(&v);
}

/* The unit's F9 on the key line says what it does on the selected row:
 * 撤回 on its 已提交 record (t80h h15: it said 提交, and the popup offered
 * only 撤回), 提交 on a draft and with records marked (F9 submits them). */
static void f9_named_by_row(void **state)
{
	story *s = *state;
	lm_free(&s->m);
	env_close(&s->fx->env);
	reopen(s->fx); /* the unit's own session */
	sign_in_unit(s->fx, "许昌学院");
	s->talent = catalog_form(&s->fx->env.cat, "talent");
	char *err = NULL;
	if (review_apply(&s->fx->env, s->talent, 1, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	s->c = (lm_ctx){s->fx->env.store, ROWS, false, true, &s->fx->env};
	lm_init(&s->m, s->talent, NULL, s->fields, 3);
	lm_restart(&s->m, &s->c);
	size_t submitted = s->m.n, draft = s->m.n;
	for (size_t i = 0; i < s->m.n; i++)
		*(strcmp(s->m.rows[i].state, "submitted") ? &draft : &submitted) = i;
	assert_true(submitted < s->m.n && draft < s->m.n);
	s->m.sel = submitted;
	const char *bar = keymap_bar_if(CTX_LIST | CTX_UNIT | lm_review_ctx(&s->m, &s->c), lm_acts, &s->m, &s->c);
	assert_non_null(strstr(bar, "F9/^W 撤回"));
	assert_null(strstr(bar, "提交"));
	assert_int_equal(key(s, FN(KEY_F(9))).kind, LM_REVIEW);
	s->m.sel = draft;
	bar = keymap_bar_if(CTX_LIST | CTX_UNIT | lm_review_ctx(&s->m, &s->c), lm_acts, &s->m, &s->c);
	assert_non_null(strstr(bar, "F9/^W 提交"));
	assert_null(strstr(bar, "撤回"));
	s->m.sel = submitted; /* marked: F9 submits the marked ones */
	assert_int_not_equal(key(s, SPACE).kind, LM_REFUSED);
	assert_int_equal(lm_review_ctx(&s->m, &s->c), 0);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(edit_and_delete, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(f9_named_by_row, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(reload_keeps_the_record, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(empty_text_says_why, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(filter_and_open, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(filter_searches_what_the_hint_says, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(more_rows_marked, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(columns_scroll_sideways, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(move_selected, story_2017, story_teardown),
		cmocka_unit_test_setup_teardown(delete_names_number, story_2017, story_teardown),
		cmocka_unit_test_setup_teardown(move_marked_records, story_2017, story_teardown),
		cmocka_unit_test_setup_teardown(review_key_only_with_an_action, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
