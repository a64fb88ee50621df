/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The monthly briefing's model driven by keys with no terminal: on
 * 2016-08-10 it opens on July (two reports, one late, the rest missing
 * and named), Right/Tab go to the next month and Left back round the
 * reporting months, Up/Down/PgDn scroll the units with a mark for those
 * not shown, Esc closes. */
#include "unit_env.h"

#include "core/clock.h"
#include "model_keys.h"
#include "ui/briefing_model.h"

#define MONTHLY(m) "month", m, "training_sessions", "0", "training_people", "0", \
	"activity_sessions", "1", "activity_people", "50", "resources", "0"

typedef struct {
	fixture *fx;
	bfm_ctx c;
	briefing_model m;
} story;

static int story_setup(void **state)
{
	clock_set_today("2016-08-10");
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (bfm_ctx){&s->fx->env};
	clock_set_today("2016-08-03"); /* on time */
	save_record(s->fx, "monthly", "魏都区", MONTHLY("2016-07"), NULL);
	clock_set_today("2016-08-04"); /* a day late */
	save_record(s->fx, "monthly", "长葛市", MONTHLY("2016-07"), NULL);
	clock_set_today("2016-08-10");
	*state = s;
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	bfm_free(&s->m);
	return story_free(s);
}

static void months(void **state)
{
	story *s = *state;
	assert_int_equal(bfm_init(&s->m, &s->c).kind, MR_HANDLED);
	assert_int_equal(s->m.nmonths, 6); /* 2016-07 … 2016-12 */
	assert_string_equal(s->m.b.month, "2016-07");
	assert_true(s->m.due);
	assert_int_equal(s->m.b.nreported, 2);
	assert_int_equal(s->m.b.nlate, 1);
	assert_int_equal(s->m.b.totals[3], 100); /* 参与人数 of the two */
	assert_non_null(strstr(s->m.missing, "许昌县"));
	assert_null(strstr(s->m.missing, "魏都区"));
	/* Right and Tab: the months after; August's deadline has not come */
	assert_int_equal(bfm_key(&s->m, &s->c, FN(KEY_RIGHT)).kind, MR_HANDLED);
	assert_string_equal(s->m.b.month, "2016-08");
	assert_false(s->m.due);
	assert_int_equal(s->m.b.nreported, 0);
	bfm_key(&s->m, &s->c, TAB);
	assert_string_equal(s->m.b.month, "2016-09");
	/* Left back, and round from the first month to the last */
	bfm_key(&s->m, &s->c, FN(KEY_LEFT));
	bfm_key(&s->m, &s->c, FN(KEY_LEFT));
	assert_string_equal(s->m.b.month, "2016-07");
	bfm_key(&s->m, &s->c, FN(KEY_LEFT));
	assert_string_equal(s->m.b.month, "2016-12");
	assert_int_equal(bfm_key(&s->m, &s->c, ESC).kind, MR_CLOSE);
}

/* A figure with its [records] wider than its cell (207[19090]): the cell
 * shows 207*, the detail line the records' figure (it was cut: 207[190>). */
static void wide_records_on_the_detail_line(void **state)
{
	story *s = *state;
	sql_run(s->fx->path, "UPDATE monthly SET activity_people = 1234567 WHERE unit_id ="
			     " (SELECT id FROM units WHERE name = '魏都区')");
	assert_int_equal(bfm_init(&s->m, &s->c).kind, MR_HANDLED);
	assert_non_null(strstr(s->m.missing, "；*魏都区 参与人数 已认定记录的数 [0]"));
	assert_null(strstr(s->m.missing, "长葛市")); /* 50[0] fits: the control */
}

/* A report changed after its deadline (#10): where the 报送 column holds
 * 「+08-03（8月10日修改）」 the cell says it; at 80 columns (7 cells) the
 * cell is 「+08-03*」 and the detail line says it, never 「+08-03>」; a
 * report not changed keeps its cell (the control). */
static void changed_after_deadline_at_80(void **state)
{
	story *s = *state;
	sql_run(s->fx->path, "UPDATE monthly SET training_sessions = 1, version = version + 1,"
			     " updated_at = '2016-08-10 09:30:00'"
			     " WHERE unit_id = (SELECT id FROM units WHERE name = '魏都区')");
	assert_int_equal(bfm_init(&s->m, &s->c).kind, MR_HANDLED);
	const kp_briefing_row *wd = NULL, *cg = NULL;
	for (size_t i = 0; i < s->m.b.n; i++) {
		if (!strcmp(s->m.b.rows[i].name, "魏都区"))
			wd = &s->m.b.rows[i];
		if (!strcmp(s->m.b.rows[i].name, "长葛市"))
			cg = &s->m.b.rows[i];
	}
	assert_true(wd && cg);
	char cell[64];
	bfm_saved_room(&s->m, 40);
	bfm_saved_cell(&s->m, wd, cell, sizeof cell);
	assert_string_equal(cell, "+08-03（8月10日修改）");
	assert_null(strstr(s->m.missing, "修改"));
	bfm_saved_room(&s->m, 7);
	bfm_saved_cell(&s->m, wd, cell, sizeof cell);
	assert_string_equal(cell, "+08-03*");
	assert_non_null(strstr(s->m.missing, "；*魏都区 报送 +08-03（8月10日修改）"));
	bfm_saved_cell(&s->m, cg, cell, sizeof cell);
	assert_string_equal(cell, "~08-04");
	assert_null(strstr(s->m.missing, "长葛市"));
}

/* Ten lines for 19 units: the mark says 9 below; scrolling moves the
 * table, never past its last unit. */
static void scroll_units(void **state)
{
	story *s = *state;
	bfm_init(&s->m, &s->c);
	bfm_arrange(&s->m, 10);
	assert_int_equal(s->m.win.shown, 10);
	assert_string_equal(s->m.more, "↓ 还有 9 项");
	bfm_key(&s->m, &s->c, FN(KEY_DOWN));
	bfm_arrange(&s->m, 10);
	assert_int_equal(s->m.win.top, 1);
	assert_string_equal(s->m.more, "↑ 上面还有 1 项  ↓ 还有 8 项");
	bfm_key(&s->m, &s->c, FN(KEY_NPAGE));
	bfm_arrange(&s->m, 10);
	assert_int_equal(s->m.win.top, 9);
	assert_int_equal(s->m.win.top + s->m.win.shown, 19);
	assert_string_equal(s->m.more, "↑ 上面还有 9 项");
	bfm_key(&s->m, &s->c, FN(KEY_HOME));
	bfm_arrange(&s->m, 20); /* room for all: no mark */
	assert_int_equal(s->m.win.shown, 19);
	assert_string_equal(s->m.more, "");
}

/* Twelve lines for 19 units, the mark and 合计: the mark has its own line
 * above 合计 (it was under it, on the legend's line), ten units shown; with
 * room for every unit and 合计 there is no mark line. */
static void mark_above_total(void **state)
{
	story *s = *state;
	bfm_init(&s->m, &s->c);
	bfm_fit(&s->m, 12);
	assert_true(s->m.mark_line);
	assert_int_equal(s->m.win.shown, 10);
	assert_string_equal(s->m.more, "↓ 还有 9 项");
	for (int i = 0; i < 9; i++) { /* Down to the last unit, one at a time */
		bfm_key(&s->m, &s->c, (kp_key){true, (uint32_t)KEY_DOWN});
		bfm_fit(&s->m, 12);
	}
	assert_int_equal(s->m.win.top + s->m.win.shown, 19);
	assert_string_equal(s->m.more, "↑ 上面还有 9 项");
	bfm_key(&s->m, &s->c, (kp_key){true, (uint32_t)KEY_HOME});
	bfm_fit(&s->m, 20);
	assert_false(s->m.mark_line);
	assert_int_equal(s->m.win.shown, 19);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(months, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(changed_after_deadline_at_80, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(wide_records_on_the_detail_line, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(scroll_units, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(mark_above_total, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
