/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The section 五 checklist's model driven by keys with no terminal: the
 * items and their states on 2016-07-10, Space ticking the city's 五.1
 * (late: stored with who and when) and unticking it, the refusals (an
 * item the data decides, a unit item outside the matrix, the city's item
 * for a unit's session), Tab to the matrix and a unit's 注册 ticked there,
 * and the page: the units that fit with a mark for the rest. */
#include "unit_env.h"

#include "core/clock.h"
#include "model_keys.h"
#include "ui/checklist_model.h"


typedef struct {
	fixture *fx;
	ckm_ctx c;
	checklist_model m;
} story;

static int story_setup(void **state)
{
	clock_set_today("2016-07-10");
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (ckm_ctx){&s->fx->env, 0, true, "admin"};
	*state = s;
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	ckm_free(&s->m);
	return story_free(s);
}

/* Move the cursor to the item stored under key (list mode). */
static const kp_check_item *go_to(story *s, const char *key)
{
	const kp_check_item *it = checklist_item(&s->m.c, key);
	size_t i = (size_t)(it - s->m.c.items);
	ckm_key(&s->m, &s->c, FN(KEY_HOME));
	for (size_t k = 0; k < i; k++)
		ckm_key(&s->m, &s->c, FN(KEY_DOWN));
	assert_int_equal(s->m.row, i);
	return it;
}

static void tick_city_item(void **state)
{
	story *s = *state;
	ckm_init(&s->m, &s->c);
	assert_int_equal(s->m.mode, CKM_LIST);
	assert_true(s->m.c.n > 10);
	const kp_check_item *it = go_to(s, "breakdown");
	assert_int_equal(check_item_state(&s->m.c, it), MS_OVERDUE);
	assert_non_null(strstr(s->m.detail, "五.1"));
	mr_result r = ckm_key(&s->m, &s->c, SPACE);
	assert_int_equal(r.kind, MR_SAVED);
	assert_string_equal(r.text, "已勾选为完成：五.1 细化分解任务，明确各单位职责");
	assert_int_equal(check_item_state(&s->m.c, checklist_item(&s->m.c, "breakdown")), MS_LATE);
	assert_non_null(strstr(s->m.detail, "admin"));
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_ticks WHERE key = 'breakdown' AND unit_id = 0 "
					      "AND ticked_by = 'admin' AND ticked_at LIKE '2016-07-10%'"), 1);
	/* Space again takes the tick back */
	r = ckm_key(&s->m, &s->c, SPACE);
	assert_int_equal(r.kind, MR_SAVED);
	assert_string_equal(r.text, "已取消勾选：五.1 细化分解任务，明确各单位职责");
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_ticks"), 0);
	assert_int_equal(check_item_state(&s->m.c, checklist_item(&s->m.c, "breakdown")), MS_OVERDUE);
	/* the data decides 五.2; a unit's item is ticked in the matrix */
	go_to(s, "submit");
	r = ckm_key(&s->m, &s->c, SPACE);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_string_equal(r.text, "这一项按录入的数据自动判断是否完成，不能手工勾选。");
	go_to(s, "register");
	r = ckm_key(&s->m, &s->c, SPACE);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_non_null(strstr(r.text, "各单位完成情况"));
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_ticks"), 0);
	assert_string_equal(msg(ckm_title(&s->m, &s->c)), "工作进度检查表（五、组织实施）");
	ckm_key(&s->m, &s->c, TAB); /* the city's matrix: every unit */
	assert_non_null(strstr(msg(ckm_title(&s->m, &s->c)), "各单位完成情况"));
	ckm_key(&s->m, &s->c, TAB);
	assert_int_equal(ckm_key(&s->m, &s->c, ESC).kind, MR_CLOSE);
}

/* Tab: the matrix; 医学会 (the 15th unit) ticks 注册 (五.5). */
static void matrix_tick(void **state)
{
	story *s = *state;
	ckm_init(&s->m, &s->c);
	ckm_key(&s->m, &s->c, TAB);
	assert_int_equal(s->m.mode, CKM_MATRIX);
	assert_int_equal(ckm_rows(&s->m), 19);
	for (int i = 0; i < 14; i++)
		ckm_key(&s->m, &s->c, FN(KEY_DOWN));
	assert_string_equal(s->m.c.units[s->m.row].name, "医学会");
	size_t col = 0;
	while (strcmp(s->m.c.items[s->m.cols[s->m.col]].key, "register")) {
		assert_true(++col < s->m.ncols);
		ckm_key(&s->m, &s->c, FN(KEY_RIGHT));
	}
	assert_non_null(strstr(s->m.detail, "医学会  五.5"));
	mr_result r = ckm_key(&s->m, &s->c, SPACE);
	assert_int_equal(r.kind, MR_SAVED);
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_ticks t JOIN units u ON u.id = t.unit_id "
					      "WHERE u.name = '医学会' AND t.key = 'register'"), 1);
	assert_int_equal(check_item_unit_state(checklist_item(&s->m.c, "register"), s->m.row), MS_DONE);
	assert_int_equal(s->m.mode, CKM_MATRIX); /* still where the clerk was */
	assert_string_equal(s->m.c.units[s->m.row].name, "医学会");
	/* Tab back to the list, from its first item */
	ckm_key(&s->m, &s->c, TAB);
	assert_int_equal(s->m.mode, CKM_LIST);
	assert_int_equal(s->m.row, 0);
}

/* The key line lists Space only where it ticks: not on a matrix cell the
 * data decides, nor on the city's item for a unit's session; on 注册 it
 * does (the positive control). */
static void space_where_it_acts(void **state)
{
	story *s = *state;
	ckm_init(&s->m, &s->c);
	ckm_key(&s->m, &s->c, TAB);
	bool by_data = false, manual = false;
	for (size_t k = 0; k < s->m.ncols; k++, ckm_key(&s->m, &s->c, FN(KEY_RIGHT))) {
		const kp_check_item *it = &s->m.c.items[s->m.cols[s->m.col]];
		bool acts = ckm_acts(&s->m, &s->c, ACT_TOGGLE);
		const char *bar = keymap_bar_if(CTX_CHECKLIST, ckm_acts, &s->m, &s->c);
		assert_int_equal(strstr(bar, "Space") != NULL, acts);
		assert_int_equal(acts, !it->m->nrecords);
		by_data |= it->m->nrecords > 0;
		manual |= !strcmp(it->key, "register") && acts;
	}
	assert_true(by_data);
	assert_true(manual);
	ckm_free(&s->m);
	s->c = (ckm_ctx){&s->fx->env, sign_in_unit(s->fx, "魏都区"), false, "wd"};
	ckm_init(&s->m, &s->c);
	go_to(s, "breakdown");
	assert_false(ckm_acts(&s->m, &s->c, ACT_TOGGLE));
	assert_true(ckm_acts(&s->m, &s->c, ACT_DOWN));
}

/* The unit's own 注册 cell in the matrix (ticked by hand). */
static void to_register_cell(story *s)
{
	ckm_init(&s->m, &s->c);
	ckm_key(&s->m, &s->c, TAB);
	while (strcmp(s->m.c.items[s->m.cols[s->m.col]].key, "register") != 0 && s->m.col + 1 < s->m.ncols)
		ckm_key(&s->m, &s->c, FN(KEY_RIGHT));
	assert_string_equal(s->m.c.items[s->m.cols[s->m.col]].key, "register");
}

/* t4h #13: in a year the city closed, a unit's key line offers no Space
 * (pressed anyway, the store refuses naming the year); open, it does. */
static void closed_year_no_space(void **state)
{
	story *s = *state;
	s->c = (ckm_ctx){&s->fx->env, sign_in_unit(s->fx, "魏都区"), false, "wd"};
	to_register_cell(s);
	assert_true(ckm_acts(&s->m, &s->c, ACT_TOGGLE)); /* the control: open */
	assert_non_null(strstr(keymap_bar_if(CTX_CHECKLIST, ckm_acts, &s->m, &s->c), "Space"));
	kp_store *city;
	char *err = NULL;
	assert_int_equal(store_open(s->fx->path, &city, &err), KP_OK);
	assert_int_equal(store_session(city, SESSION_CITY, "shikexie", 0, &err), KP_OK);
	assert_int_equal(store_year_close(city, store_year(s->fx->env.store), true, &err), KP_OK);
	store_close(city);
	ckm_free(&s->m);
	to_register_cell(s);
	assert_false(ckm_acts(&s->m, &s->c, ACT_TOGGLE));
	assert_null(strstr(keymap_bar_if(CTX_CHECKLIST, ckm_acts, &s->m, &s->c), "Space"));
	mr_result r = ckm_key(&s->m, &s->c, SPACE);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_non_null(strstr(r.text, "年度已由市科协结束"));
}

/* A unit's session sees its own row, titled so (本单位完成情况, not
 * 各单位), and may not confirm the city's item. */
static void unit_refused(void **state)
{
	story *s = *state;
	s->c = (ckm_ctx){&s->fx->env, sign_in_unit(s->fx, "魏都区"), false, "wd"};
	ckm_init(&s->m, &s->c);
	go_to(s, "breakdown");
	mr_result r = ckm_key(&s->m, &s->c, SPACE);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_string_equal(r.text, "这一项由市科协确认完成。");
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_ticks"), 0);
	go_to(s, "register");
	r = ckm_key(&s->m, &s->c, SPACE);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_string_equal(r.text, "本单位的事项请按 Tab 到「本单位完成情况」中勾选。");
	ckm_key(&s->m, &s->c, TAB);
	assert_int_equal(ckm_rows(&s->m), 1);
	assert_non_null(strstr(msg(ckm_title(&s->m, &s->c)), "本单位完成情况"));
}

/* The matrix at 80x24: 20 body lines less the header and a two-line
 * detail: 18 for 19 units — 17 and 「↓ 还有 2 项」. */
static void page_mark(void **state)
{
	story *s = *state;
	ckm_init(&s->m, &s->c);
	ckm_key(&s->m, &s->c, TAB);
	ckm_arrange(&s->m, 18);
	assert_int_equal(s->m.win.shown, 17);
	assert_string_equal(s->m.more, "↓ 还有 2 项");
	ckm_key(&s->m, &s->c, FN(KEY_NPAGE)); /* a page is the rows shown */
	assert_int_equal(s->m.row, 17);
	ckm_arrange(&s->m, 18);
	assert_string_equal(s->m.more, "↑ 上面还有 1 项  ↓ 还有 1 项");
	ckm_arrange(&s->m, 19);
	assert_false(s->m.win.mark);
	assert_string_equal(s->m.more, "");
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(tick_city_item, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(matrix_tick, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unit_refused, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(closed_year_no_space, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(space_where_it_acts, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(page_mark, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
