/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 合计 and 小计 rows as offices write them (import_totals.c), over the
 * shipped 附表1 (quota): a row of sums agreeing with the rows above is
 * told apart from a record, one disagreeing says which column and what
 * the rows add up to, a row with other text is a record. */
#include "unit_env.h"

#include "domain/import_totals.h"

/* 序号, 单位, then the four integer fields of 附表1 (-1: no field). */
static import_totals *quota_totals(const kp_form *f)
{
	int map[6] = {-1, -1, 0, 1, 2, 3};
	for (int k = 0; k < 4; k++)
		assert_int_equal(f->fields[k].type, FT_INTEGER);
	return import_totals_new(f, map, 6);
}

static int row(import_totals *t, const char *a, const char *b, const char *c, const char *d, const char *e,
	       const char *g, char **why)
{
	char *cells[6] = {(char *)a, (char *)b, (char *)c, (char *)d, (char *)e, (char *)g};
	return import_totals_row(t, cells, 6, why);
}

static void test_total_agrees(void **state)
{
	fixture *fx = *state;
	import_totals *t = quota_totals(catalog_form(&fx->env.cat, "quota"));
	char *why;
	assert_int_equal(row(t, "1", "魏都区", "100", "10", "10", "2", &why), TOTALS_DATA);
	assert_int_equal(row(t, "2", "长葛市", "50", "5", "5", "1", &why), TOTALS_DATA);
	/* 合计 under 序号, 单位 empty; or under 单位; spaces inside */
	assert_int_equal(row(t, "合计", "", "150", "15", "15", "3", &why), TOTALS_AGREE);
	assert_null(why);
	assert_int_equal(row(t, "", "合 计", "150", "15", "15", "3", &why), TOTALS_AGREE);
	assert_int_equal(row(t, "总计", "", "", "", "", "", &why), TOTALS_AGREE);
	import_totals_free(t);
}

static void test_total_disagrees(void **state)
{
	fixture *fx = *state;
	import_totals *t = quota_totals(catalog_form(&fx->env.cat, "quota"));
	char *why;
	row(t, "1", "魏都区", "100", "10", "10", "2", &why);
	assert_int_equal(row(t, "合计", "", "100", "10", "11", "2", &why), TOTALS_DISAGREE);
	assert_non_null(strstr(why, "「资源开发」写的是 11，上面各行之和是 10"));
	free(why);
	/* a number that is not one */
	assert_int_equal(row(t, "合计", "", "一百", "", "", "", &why), TOTALS_DISAGREE);
	assert_non_null(strstr(why, "上面各行之和是 100"));
	free(why);
	import_totals_free(t);
}

static void test_subtotals(void **state)
{
	fixture *fx = *state;
	import_totals *t = quota_totals(catalog_form(&fx->env.cat, "quota"));
	char *why;
	row(t, "1", "魏都区", "100", "10", "10", "2", &why);
	row(t, "2", "长葛市", "50", "5", "5", "1", &why);
	assert_int_equal(row(t, "小计", "", "150", "15", "15", "3", &why), TOTALS_AGREE);
	row(t, "3", "许昌学院", "20", "2", "2", "1", &why);
	/* a 小计 sums the rows since the last one, and closes its group
	 * whether it agrees or not */
	assert_int_equal(row(t, "小计", "", "170", "17", "17", "4", &why), TOTALS_DISAGREE);
	free(why);
	row(t, "4", "鄢陵县", "10", "1", "1", "1", &why);
	assert_int_equal(row(t, "小计", "", "10", "1", "1", "1", &why), TOTALS_AGREE);
	assert_int_equal(row(t, "合计", "", "180", "18", "18", "5", &why), TOTALS_AGREE);
	import_totals_free(t);
}

static void test_two_labels_are_a_record(void **state)
{
	fixture *fx = *state;
	import_totals *t = quota_totals(catalog_form(&fx->env.cat, "quota"));
	char *why;
	/* a label beside a second label, or beside a unit, is a record */
	assert_int_equal(row(t, "合计", "小计", "2", "2", "2", "2", &why), TOTALS_DATA);
	assert_int_equal(row(t, "魏都区", "合计", "2", "2", "2", "2", &why), TOTALS_DATA);
	assert_int_equal(row(t, "", "合 计", "4", "4", "4", "4", &why), TOTALS_AGREE); /* the control */
	import_totals_free(t);
}

static void test_records_are_not_totals(void **state)
{
	fixture *fx = *state;
	import_totals *t = quota_totals(catalog_form(&fx->env.cat, "quota"));
	char *why;
	/* a unit named beside the label, or a label that is not one */
	assert_int_equal(row(t, "合计", "魏都区", "1", "1", "1", "1", &why), TOTALS_DATA);
	assert_int_equal(row(t, "合计数", "", "1", "1", "1", "1", &why), TOTALS_DATA);
	assert_int_equal(row(t, "", "合计", "2", "2", "2", "2", &why), TOTALS_AGREE); /* the control */
	/* a column whose rows were not all whole numbers cannot be checked */
	assert_int_equal(row(t, "3", "禹州市", "x", "1", "1", "1", &why), TOTALS_DATA);
	assert_int_equal(row(t, "合计", "", "2", "", "", "", &why), TOTALS_DISAGREE);
	assert_non_null(strstr(why, "不都是整数"));
	free(why);
	import_totals_free(t);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_total_agrees, setup, teardown),
		cmocka_unit_test_setup_teardown(test_total_disagrees, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subtotals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_records_are_not_totals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_labels_are_a_record, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
