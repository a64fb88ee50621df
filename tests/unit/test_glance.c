/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The lines above the main menu laid out before any drawing, with no
 * terminal: their height is known from glance_arrange (so the menu model
 * arranges its items with the rows left), a returned record's reason
 * takes its whole wrapped lines, a narrower terminal lays them out again,
 * and the same width does not. */
#include "unit_env.h"

#include "core/clock.h"
#include "core/text.h"
#include "core/utf8.h"
#include "ui/glance.h"

static int rows_of(const glance *g)
{
	int h = 0;
	for (size_t i = 0; i < g->npieces; i++)
		if (g->pieces[i].row + g->pieces[i].rows > h)
			h = g->pieces[i].row + g->pieces[i].rows;
	return h;
}

static const gl_piece *piece_with(const glance *g, const char *text)
{
	for (size_t i = 0; i < g->npieces; i++)
		if (strstr(g->pieces[i].text, text))
			return &g->pieces[i];
	return NULL;
}

static void city_lines(void **state)
{
	fixture *fx = *state;
	ui_app app = {.env = &fx->env};
	glance g = {0};
	assert_int_equal(glance_arrange(&g, &app, 80), 0); /* nothing built, nothing laid */
	glance_build(&g, &app);
	int h = glance_arrange(&g, &app, 80);
	assert_true(h >= 3); /* today, the next deadlines, the quota */
	assert_int_equal(h, rows_of(&g));
	assert_int_equal(g.height, h);
	assert_non_null(piece_with(&g, "今天"));
	const gl_piece *first = g.pieces;
	assert_int_equal(glance_arrange(&g, &app, 80), h); /* the same width: laid out once */
	assert_ptr_equal(g.pieces, first);
	glance_free(&g);
}

static void returned_reason_whole(void **state)
{
	fixture *fx = *state;
	long long id = save_person(fx, "王芳", "13812345678");
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	char sql[512];
	snprintf(sql, sizeof sql,
		 "UPDATE \"%s\" SET kp_state = 'returned', kp_reason = '%s' WHERE id = %lld", f->table,
		 "推荐理由过于简单，请补充近三年开展科普活动的次数、受众人数和代表性成果，并附上所在单位的推荐意见。",
		 id);
	sql_run(fx->path, sql);
	sign_in_unit(fx, "许昌学院");
	ui_app app = {.env = &fx->env, .unit_id = store_unit_id(fx->env.store, "许昌学院")};
	glance g = {0};
	glance_build(&g, &app);
	int wide = glance_arrange(&g, &app, 200);
	const gl_piece *p = piece_with(&g, "附上所在单位的推荐意见");
	assert_non_null(p); /* the reason whole, not cut */
	assert_true(p->wrap);
	assert_int_equal(p->rows, 1); /* control: one line at 200 columns */
	int narrow = glance_arrange(&g, &app, 60);
	p = piece_with(&g, "附上所在单位的推荐意见");
	assert_non_null(p);
	assert_true(p->rows >= 3); /* wrapped over its lines at 60 */
	assert_true(narrow >= wide + p->rows - 1);
	assert_int_equal(narrow, rows_of(&g));
	glance_free(&g);
}

/* The lines s takes at width, as draw_wrapped lays them out, into
 * line[0..] (each NUL-ended); returns how many. */
static int screen_lines(const char *s, int width, char line[][512], int max)
{
	uint32_t cp[1024];
	size_t n = 0;
	for (size_t i = 0, len = strlen(s); i < len && n < 1024;)
		i += utf8_decode(s + i, len - i, &cp[n++]);
	int k = 0;
	for (size_t start = 0; start < n && k < max; k++) {
		size_t end = text_line_end(cp, start, n, width), o = 0;
		for (size_t i = start; i < end && o + 5 < 512; i++)
			o += utf8_encode(cp[i], line[k] + o);
		line[k][o] = '\0';
		start = end < n && cp[end] == '\n' ? end + 1 : end;
	}
	return k;
}

/* The overdue items by name at 80 columns: a line ends between two items,
 * never inside one (「五.2 上报附表2、3、」 / 「4和年度工作计划」 read as
 * two), and no line starts with 「、」. */
static void overdue_whole_items(void **state)
{
	fixture *fx = *state;
	assert_true(clock_set_today("2016-08-10"));
	ui_app app = {.env = &fx->env};
	glance g = {0};
	glance_build(&g, &app);
	glance_arrange(&g, &app, 80);
	const gl_piece *p = piece_with(&g, "已逾期：");
	assert_non_null(p);
	char line[4][512];
	int n = screen_lines(p->text, p->w, line, 4);
	assert_int_equal(n, 2); /* control: the names take both lines */
	bool seen = false;
	for (int k = 0; k < n; k++) {
		seen |= strstr(line[k], "五.2 上报附表2、3、4和年度工作计划") != NULL;
		assert_false(text_starts_with(line[k], "、"));
		assert_true(utf8_width(line[k]) <= p->w);
	}
	assert_true(seen);
	glance_free(&g);
	clock_use_system();
}

/* The city signed in, as after the login. */
static int city_setup(void **state)
{
	*state = setup_city();
	return *state ? 0 : -1;
}

/* On 2 January, 2017 opened: a unit's home still names 2016's 12月月报
 * (due 01-03) with its year, and counts 2016's overdue items. */
static void last_year_still_due(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	clock_set_today("2016-12-20");
	if (env_open_year(&fx->env, 2017, 2016, &err) != 0 || env_use_year(&fx->env, 2017, &err) != 0)
		fail_msg("%s", err);
	clock_set_today("2017-01-02");
	long long wd = sign_in_unit(fx, "魏都区");
	ui_app app = {.env = &fx->env, .unit_id = wd};
	glance g = {0};
	glance_build(&g, &app);
	glance_arrange(&g, &app, 80);
	assert_non_null(piece_with(&g, "2016年度 五.6 12月月报"));
	assert_null(piece_with(&g, "已逾期 0 项"));
	glance_free(&g);
}

/* t80e §10: in the year the city closed on 2016-08-10, a unit's home no
 * longer counts down to 8月31日 (五.5): its open items say they were not
 * done when the year ended. Reopened (the control): 还有 21 天 again. */
static void closed_year_no_countdown(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	clock_set_today("2016-08-10");
	if (store_year_close(fx->env.store, 2016, true, &err) != KP_OK)
		fail_msg("%s", err);
	long long wd = sign_in_unit(fx, "魏都区");
	ui_app app = {.env = &fx->env, .unit_id = wd};
	glance g = {0};
	glance_build(&g, &app);
	glance_arrange(&g, &app, 80);
	assert_non_null(piece_with(&g, "年度结束时未完成"));
	assert_null(piece_with(&g, "还有 21 天"));
	/* t80g #12: the state whole in its column (it was 「. 年度结束时>」 in 14), at 80 and 100 */
	for (int cols = 80; cols <= 100; cols += 20) {
		glance_arrange(&g, &app, cols);
		const gl_piece *p = piece_with(&g, "年度结束时未完成");
		assert_int_equal(p->w, utf8_width(p->text));
		assert_int_equal(p->x + p->w, cols - 2);
	}
	glance_free(&g);
	env_close(&fx->env);
	reopen(fx);
	kp_store *city;
	assert_int_equal(store_open(fx->path, &city, &err), KP_OK);
	assert_int_equal(store_session(city, SESSION_CITY, "shikexie", 0, &err), KP_OK);
	assert_int_equal(store_year_close(city, 2016, false, &err), KP_OK);
	store_close(city);
	sign_in_unit(fx, "魏都区");
	glance_build(&g, &app);
	glance_arrange(&g, &app, 80);
	assert_non_null(piece_with(&g, "还有 21 天"));
	assert_null(piece_with(&g, "年度结束时未完成"));
	glance_free(&g);
	clock_use_system();
}

/* A unit the city exempted from every column (quota 0 in each) has no
 * 完成度 of its own: its home says 免, not the city's mean. */
static void exempt_unit_says_exempt(void **state)
{
	fixture *fx = *state;
	long long wd = sign_in_unit(fx, "魏都区");
	ui_app app = {.env = &fx->env, .unit_id = wd};
	glance g = {0};
	glance_build(&g, &app);
	glance_arrange(&g, &app, 80);
	assert_non_null(piece_with(&g, "魏都区完成度 ")); /* control */
	assert_null(piece_with(&g, "完成度 免"));
	glance_free(&g);
	const kp_form *q = catalog_form(&fx->env.cat, "quota");
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE \"%s\" SET talent = 0, activity = 0, resource = 0, project = 0"
		 " WHERE unit_id = %lld", q->table, wd);
	sql_run(fx->path, sql);
	glance_build(&g, &app);
	glance_arrange(&g, &app, 80);
	assert_non_null(piece_with(&g, "魏都区完成度 免"));
	assert_null(piece_with(&g, "%"));
	glance_free(&g);
}

int main(void)
{
	unit_locale(); /* wrapped lines are measured in display cells */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(city_lines, city_setup, teardown),
		cmocka_unit_test_setup_teardown(returned_reason_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(overdue_whole_items, city_setup, teardown),
		cmocka_unit_test_setup_teardown(last_year_still_due, city_setup, teardown),
		cmocka_unit_test_setup_teardown(closed_year_no_countdown, city_setup, teardown),
		cmocka_unit_test_setup_teardown(exempt_unit_says_exempt, city_setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
