/* SPDX-License-Identifier: MulanPSL-2.0 */
/* What `kepu import` and `kepu export` do with a form's rules, run on the
 * domain functions the CLI calls (domain/transfer.h), with no terminal and
 * no process of its own. Were the e2e scenario project_form and the import
 * half of activity_resource. */
#include "unit_env.h"

#include "domain/transfer.h"

#define HEADER "项目申报单位,申报时间,项目名称,项目完成单位,联系人,联系电话,项目类别,项目实施时间（起）,项目实施时间（止）\n"

/* Import csv into form_id as the CLI does (unit: --unit, or NULL for a
 * unit column); what it reported. */
static int import(fixture *fx, const char *form_id, const char *unit, const char *csv, char **report)
{
	size_t len;
	FILE *rep = open_memstream(report, &len);
	FILE *in = fmemopen((void *)csv, strlen(csv), "r");
	import_options o = {.source = "p.csv", .unit = unit};
	import_stats st = {0};
	int rc = import_csv(&fx->env, catalog_form(&fx->env.cat, form_id), in, &o, rep, &st);
	fclose(in);
	fclose(rep);
	return rc;
}

static void assert_has(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("\"%s\" lacks \"%s\"", text, part);
}

/* 附表3's rules on an import: a year-month range that ends before it
 * starts is refused naming the row, the column and both fields, and
 * nothing is saved; corrected, the row is imported and exported under the
 * form's headers. (The same rules typed on the form screen are
 * test_form_model.c's project_form.) */
static void project_rules_on_import(void **state)
{
	fixture *fx = *state;
	char *rep = NULL;
	int rc = import(fx, "project", NULL, HEADER "魏都区,2016-07-01,社区科普大讲堂,魏都区科协,李四,13812345678,科普活动,2016-08,2016-07\n",
			&rep);
	assert_int_not_equal(rc, 0);
	assert_has(rep, "第2行 I列 项目实施时间（止）: 不能早于项目实施时间（起）");
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM project"), 0);
	rc = import(fx, "project", NULL, HEADER "魏都区,2016-07-01,社区科普大讲堂,魏都区科协,李四,13812345678,科普活动,2016-07,2016-08\n",
		    &rep);
	if (rc != 0)
		fail_msg("%s", rep);
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM project"), 1);
	char *out = NULL, *err = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	export_options o = {0};
	rc = export_csv(&fx->env, catalog_form(&fx->env.cat, "project"), 0, &o, f, &err);
	fclose(f);
	if (rc != 0)
		fail_msg("%s", err ? err : "export");
	assert_true(!strncmp(out, "\xef\xbb\xbf" "项目申报单位,申报时间,项目名称,", strlen("\xef\xbb\xbf" "项目申报单位,申报时间,项目名称,")));
	assert_has(out, "\n魏都区,2016-07-01,社区科普大讲堂,");
	free(out);
}

/* Resources imported for a unit: a date written the Chinese way is stored
 * as a date; a type not in the list refuses the file, naming the row, the
 * column and the value. */
static void resource_import(void **state)
{
	fixture *fx = *state;
	char *rep = NULL;
	int rc = import(fx, "resource", "医学会",
			"名称,类型,作者,完成日期,简介\n"
			"防灾减灾科普动画,科普动漫,许昌学院动画社,2016年10月8日,三集\n"
			"科普挂图《健康生活》,科普挂图,市医学会,2016-11-01,\n",
			&rep);
	if (rc != 0)
		fail_msg("%s", rep);
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM resource WHERE kind || finished_on IN "
					   "('科普动漫2016-10-08', '科普挂图2016-11-01')"), 2);
	rc = import(fx, "resource", "医学会", "名称,类型,作者,完成日期\n微电影,电影,某,2016-01-01\n", &rep);
	assert_int_not_equal(rc, 0);
	assert_has(rep, "第2行 B列 类型: 「电影」不是可选的项");
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM resource"), 2);
}

/* The invisible characters a paste refuses (a bidi control, a zero-width
 * space, a BOM inside the text, a soft hyphen) refuse an imported cell
 * too, naming its row, column and code point, and nothing is saved (the
 * file is one piece); the control: the same row without it is imported. */
static void invisible_in_import(void **state)
{
	fixture *fx = *state;
	static const struct { const char *name, *said; } bad[] = {
		{"社区\u202e科普大讲堂", "第2行 C列 项目名称: 第3个字是看不见的控制字符或格式字符 U+202E"},
		{"社区科普\u200b大讲堂", "第2行 C列 项目名称: 第5个字是看不见的控制字符或格式字符 U+200B"},
		{"社区科普大讲堂\ufeff", "第2行 C列 项目名称: 第8个字是看不见的控制字符或格式字符 U+FEFF"},
		{"社区科\u00ad普大讲堂", "第2行 C列 项目名称: 第4个字是看不见的控制字符或格式字符 U+00AD"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char csv[512], *rep = NULL;
		snprintf(csv, sizeof csv, HEADER "魏都区,2016-07-01,%s,魏都区科协,李四,13812345678,科普活动,2016-07,2016-08\n",
			 bad[i].name);
		assert_int_not_equal(import(fx, "project", NULL, csv, &rep), 0);
		assert_has(rep, bad[i].said);
		free(rep);
		assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM project"), 0);
	}
	char *rep = NULL;
	if (import(fx, "project", NULL, HEADER "魏都区,2016-07-01,社区科普大讲堂,魏都区科协,李四,13812345678,科普活动,2016-07,2016-08\n",
		   &rep) != 0)
		fail_msg("%s", rep);
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM project"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(project_rules_on_import, setup, teardown),
		cmocka_unit_test_setup_teardown(resource_import, setup, teardown),
		cmocka_unit_test_setup_teardown(invisible_in_import, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
