/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The ranking's model (section 六) driven by keys with no terminal: the
 * order by score (approved records only), Tab for 序号 order and back,
 * the 合计 row, the selected unit's detail, and the page at 80x24: the
 * units that fit, a mark saying how many do not, 合计 kept. */
#include "unit_env.h"

#include "core/clock.h"
#include "domain/review.h"
#include "model_keys.h"
#include "ui/progress_model.h"


typedef struct {
	fixture *fx;
	pgm_ctx c;
	progress_model m;
} story;

static void approve(fixture *fx, const char *form, long long id)
{
	const kp_form *f = catalog_form(&fx->env.cat, form);
	char *err = NULL;
	if (review_apply(&fx->env, f, id, REV_SUBMIT, NULL, &err) || review_apply(&fx->env, f, id, REV_APPROVE, NULL, &err))
		fail_msg("%s", err);
}

static long long activity(fixture *fx, const char *unit, const char *name)
{
	return save_record(fx, "activity", unit, "name", name, "held_on", "2016-07-08", "form", "科普讲座", "targets",
			   "[\"校园\"]", "place", "p", "participants", "1", NULL);
}

/* The records are written before the city signs in (a unit submits, the
 * city approves: here the store's own, unchecked session does both). */
static int story_setup(void **state)
{
	clock_set_today("2016-07-10");
	void *v;
	if (setup(&v))
		return -1;
	fixture *fx = v;
	/* 气象学会: two approved activities of its 2; 质量学会: a draft, which
	 * counts for nothing; 许昌学院: a talent submitted, waiting */
	approve(fx, "activity", activity(fx, "气象学会", "a"));
	approve(fx, "activity", activity(fx, "气象学会", "b"));
	activity(fx, "质量学会", "c");
	char *err = NULL;
	if (review_apply(&fx->env, catalog_form(&fx->env.cat, "talent"), save_person(fx, "王一帆", "13800000001"),
			 REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	if (store_session(fx->env.store, SESSION_CITY, "admin", 0, &err) != KP_OK)
		fail_msg("%s", err);
	story *s = calloc(1, sizeof *s);
	s->fx = fx;
	s->c = (pgm_ctx){&fx->env, 0};
	*state = s;
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	pgm_free(&s->m);
	return story_free(s);
}

static size_t find(const progress_model *m, const char *name)
{
	for (size_t i = 0; i < m->p.n; i++)
		if (!strcmp(m->rows[i]->name, name))
			return i;
	fail_msg("no unit %s", name);
	return 0;
}

static void order_and_total(void **state)
{
	story *s = *state;
	assert_int_equal(pgm_init(&s->m, &s->c).kind, MR_HANDLED);
	assert_int_equal(s->m.p.n, 19);
	assert_int_equal(s->m.order, PGM_RANKED);
	assert_string_equal(s->m.rows[0]->name, "气象学会");
	assert_int_equal(s->m.rows[0]->rank, 1);
	assert_string_not_equal(s->m.rows[1]->name, "质量学会"); /* its draft does not count */
	assert_int_equal(s->m.rows[1]->rank, 2);
	assert_int_equal(s->m.p.total.quota[0], 1170);
	assert_int_equal(s->m.p.total.quota[1], 134);
	assert_int_equal(s->m.p.total.done[1], 2);
	assert_true(s->m.total); /* the city's 合计 of every unit */
	/* Tab: 序号 order from 魏都区; Tab again: ranked */
	assert_int_equal(pgm_key(&s->m, &s->c, TAB).kind, MR_HANDLED);
	assert_int_equal(s->m.order, PGM_BY_SEQ);
	assert_string_equal(s->m.rows[0]->name, "魏都区");
	for (size_t i = 1; i < s->m.p.n; i++)
		assert_true(s->m.rows[i - 1]->seq < s->m.rows[i]->seq);
	pgm_key(&s->m, &s->c, TAB);
	assert_int_equal(s->m.order, PGM_RANKED);
	assert_string_equal(s->m.rows[0]->name, "气象学会");
	/* the detail follows the selection: 许昌学院's talent waits for review */
	assert_non_null(strstr(s->m.detail, "气象学会："));
	size_t xc = find(&s->m, "许昌学院");
	for (size_t i = 0; i < xc; i++)
		pgm_key(&s->m, &s->c, FN(KEY_DOWN));
	assert_int_equal(s->m.sel, xc);
	assert_non_null(strstr(s->m.detail, "许昌学院："));
	assert_non_null(strstr(s->m.detail, "待审核 1"));
	assert_int_equal(pgm_key(&s->m, &s->c, ESC).kind, MR_CLOSE);
}

/* A unit sees its own row and no 合计: the sum of its one row was the row
 * again, and the sum of every unit is their figures, kept from a unit. */
static void unit_no_total(void **state)
{
	story *s = *state;
	s->c.scope = sign_in_unit(s->fx, "气象学会");
	assert_int_equal(pgm_init(&s->m, &s->c).kind, MR_HANDLED);
	assert_int_equal(s->m.p.n, 1);
	assert_string_equal(s->m.rows[0]->name, "气象学会");
	assert_int_equal(s->m.rows[0]->rank, 1); /* its place among all */
	assert_false(s->m.total);
}

/* 80x24: 20 body lines less the header, 合计 and the formula's two: 16
 * for the units — 15 and the mark 「↓ 还有 4 项」; a detail of two lines
 * takes one more. At the end, the mark says what is above. */
static void page_mark(void **state)
{
	story *s = *state;
	pgm_init(&s->m, &s->c);
	pgm_arrange(&s->m, 16);
	assert_int_equal(s->m.win.shown, 15);
	assert_true(s->m.win.mark);
	assert_string_equal(s->m.more, "↓ 还有 4 项");
	pgm_arrange(&s->m, 15);
	assert_int_equal(s->m.win.shown, 14);
	assert_string_equal(s->m.more, "↓ 还有 5 项");
	/* PgDn moves a page of the rows shown; End shows the last unit */
	pgm_key(&s->m, &s->c, FN(KEY_NPAGE));
	assert_int_equal(s->m.sel, 14);
	pgm_key(&s->m, &s->c, FN(KEY_END));
	pgm_arrange(&s->m, 15);
	assert_int_equal(s->m.sel, 18);
	assert_int_equal(s->m.win.top + s->m.win.shown, 19);
	assert_string_equal(s->m.more, "↑ 上面还有 5 项");
	pgm_arrange(&s->m, 19); /* room for every unit: no mark */
	assert_int_equal(s->m.win.shown, 19);
	assert_false(s->m.win.mark);
	assert_string_equal(s->m.more, "");
}

/* A unit exempt from every column (all quotas 0) is unranked: its 名次
 * and 完成度 say 免, never the city's mean as a score of its own, and the
 * note under the ranking says why (the control: with a quota, no note). */
static void exempt_from_all(void **state)
{
	story *s = *state;
	pgm_init(&s->m, &s->c);
	assert_null(s->m.p.exempt_note);
	pgm_free(&s->m);
	const kp_form *q = catalog_form(&s->fx->env.cat, "quota");
	long long id = sql_int(s->fx->path, "SELECT q.id FROM quota q JOIN units u ON u.id = q.unit_id"
					    " WHERE u.name = '质量学会'");
	kp_record r;
	char *err = NULL;
	if (store_get(s->fx->env.store, q, id, &r, &err) != KP_OK)
		fail_msg("%s", err);
	for (size_t k = 0; k < q->nfields; k++)
		if (q->fields[k].type == FT_INTEGER)
			record_set(&r, k, "0");
	if (store_update(s->fx->env.store, q, &r, &err) != KP_OK)
		fail_msg("%s", err);
	record_free(&r);
	pgm_init(&s->m, &s->c);
	const kp_progress_row *row = s->m.rows[find(&s->m, "质量学会")];
	assert_true(row->exempt);
	assert_int_equal(row->rank, 0);
	char *score = progress_score_text(row), *rank = progress_rank_text(row);
	assert_string_equal(score, "免");
	assert_string_equal(rank, "免");
	free(score);
	free(rank);
	assert_non_null(s->m.p.exempt_note);
	assert_non_null(strstr(s->m.p.exempt_note, "各项指标均为 0，不参加排名"));
	assert_int_equal(s->m.p.nunits, 18); /* not counted among the ranked */
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(order_and_total, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unit_no_total, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(page_mark, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(exempt_from_all, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
