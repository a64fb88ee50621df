/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The schedule (config/schedule.yaml), due dates and lateness, the
 * checklist from the data and from ticks, the monthly briefing, prefill and
 * the ranking's score. */
#include "unit_env.h"

#include "core/clock.h"
#include "core/date.h"
#include "core/xalloc.h"
#include "domain/briefing.h"
#include "domain/checklist.h"
#include "domain/prefill.h"
#include "domain/progress.h"
#include "domain/review.h"
#include "form/catalog.h"

/* ---- dates ---- */

static void test_serials_and_weekdays(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(date_serial(1970, 1, 1), 0);
	assert_int_equal(date_serial(2016, 3, 1) - date_serial(2016, 2, 28), 2); /* leap */
	assert_int_equal(date_serial(2017, 3, 1) - date_serial(2017, 2, 28), 1);
	assert_int_equal(date_serial(2000, 3, 1) - date_serial(2000, 2, 28), 2); /* 400 rule */
	assert_int_equal(date_serial(2100, 3, 1) - date_serial(2100, 2, 28), 1); /* 100 rule */
	for (long n = date_serial(1999, 12, 25); n < date_serial(2017, 1, 10); n += 13) {
		date_from_serial(n, &y, &m, &d);
		assert_int_equal(date_serial(y, m, d), n);
	}
	assert_int_equal(date_weekday(2016, 7, 15), 5); /* a Friday */
	assert_int_equal(date_weekday(2016, 6, 1), 3);  /* the document's date: Wednesday */
	char buf[24];
	date_official(buf, 2016, 7, 5);
	assert_string_equal(buf, "2016年7月5日");
	long s;
	assert_true(date_serial_of("2016-08-03 23:59:59", &s));
	assert_int_equal(s, date_serial(2016, 8, 3));
	assert_false(date_serial_of("2016-02-30", &s));
	assert_false(date_serial_of("", &s));
}

static void test_clock_override(void **state)
{
	(void)state;
	int y, m, d;
	char now[20];
	assert_false(clock_set_today("2016-13-01"));
	assert_true(clock_set_today("2016年8月4日"));
	clock_today(&y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 20160804);
	clock_now(now);
	assert_int_equal(strncmp(now, "2016-08-04 ", 11), 0);
	assert_int_equal(strlen(now), 19);
}

/* ---- the schedule file ---- */

static kp_schedule parse(const char *yaml, kp_diag *d, int *rc)
{
	kp_schedule s;
	*rc = schedule_parse(&s, "s.yaml", yaml, strlen(yaml), d);
	return s;
}

#define HEAD "year: 2016\nreporting: {from: 7, to: 12, form: monthly, field: month}\nmilestones:\n"

static void test_due_dates(void **state)
{
	(void)state;
	kp_diag d = {0};
	int rc, y, m, day;
	kp_schedule s = parse(HEAD
		"  - {id: a, item: 1, title: t, brief: b, owner: city, due: 6月底, done: manual}\n"
		"  - {id: b, item: 2, title: t, brief: b, owner: unit, due: 7月15日, done: manual}\n"
		"  - {id: c, item: 6, title: t, brief: b, owner: unit, due: 每月3日, done: manual}\n"
		"  - {id: e, item: 9, title: t, brief: b, owner: city, due: 2月底, done: manual}\n",
		&d, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(s.n, 4);
	milestone_due(&s, &s.ms[0], 0, &y, &m, &day);
	assert_int_equal(y * 10000 + m * 100 + day, 20160630);
	milestone_due(&s, &s.ms[1], 0, &y, &m, &day);
	assert_int_equal(y * 10000 + m * 100 + day, 20160715);
	assert_true(s.ms[2].monthly);
	assert_int_equal(schedule_nmonths(&s), 6);
	milestone_due(&s, &s.ms[2], 0, &y, &m, &day); /* July's report */
	assert_int_equal(y * 10000 + m * 100 + day, 20160803);
	milestone_due(&s, &s.ms[2], 5, &y, &m, &day); /* December's: next year */
	assert_int_equal(y * 10000 + m * 100 + day, 20170103);
	milestone_due(&s, &s.ms[3], 0, &y, &m, &day); /* 2016 is a leap year */
	assert_int_equal(y * 10000 + m * 100 + day, 20160229);
	schedule_free(&s);
	s = parse("year: 2017\nreporting: {from: 7, to: 12, form: monthly, field: month}\nmilestones:\n"
		  "  - {id: e, item: 9, title: t, brief: b, owner: city, due: 2月底, done: manual}\n",
		  &d, &rc);
	milestone_due(&s, &s.ms[0], 0, &y, &m, &day);
	assert_int_equal(y * 10000 + m * 100 + day, 20170228);
	schedule_free(&s);
	diag_free(&d);
}

static void test_lateness(void **state)
{
	(void)state;
	long due = date_serial(2016, 8, 3);
	assert_int_equal(ms_state(due, due - 1, NULL), MS_OPEN);
	assert_int_equal(ms_state(due, due, ""), MS_OPEN);       /* due today: still open */
	assert_int_equal(ms_state(due, due + 1, NULL), MS_OVERDUE);
	assert_int_equal(ms_state(due, due + 9, "2016-08-03 23:59:59"), MS_DONE); /* on the day */
	assert_int_equal(ms_state(due, due + 9, "2016-08-04 00:00:00"), MS_LATE); /* the 4th */
	assert_int_equal(ms_state(due, due - 5, "2016-07-20 10:00:00"), MS_DONE);
	/* seen on a past day, what was done later is not done yet */
	assert_int_equal(ms_state(due, date_serial(2016, 7, 19), "2016-07-20 10:00:00"), MS_OPEN);
	assert_int_equal(ms_state(due, due + 1, "2016-08-05 10:00:00"), MS_OVERDUE);
	assert_int_equal(state_mark(MS_DONE), '+');
	assert_int_equal(state_mark(MS_LATE), '~');
	assert_int_equal(state_mark(MS_OPEN), '.');
	assert_int_equal(state_mark(MS_OVERDUE), '!');
}

static void test_schedule_errors(void **state)
{
	(void)state;
	kp_diag d = {0};
	int rc;
	kp_schedule s = parse(HEAD
		"  - {id: a, item: 1, title: t, brief: b, owner: town, due: 7月15日, done: manual}\n"
		"  - {id: b, item: 2, title: t, brief: 很长的简称, owner: unit, due: 7月32日, done: manual}\n"
		"  - {id: a, item: 3, title: t, brief: b, owner: city, due: 下周, done: sometimes}\n"
		"  - {id: c, item: 4, title: t, brief: b, owner: city, due: 2月29日, done: manual}\n",
		&d, &rc);
	assert_int_equal(rc, -1);
	char *all = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&all, &len);
	diag_print(&d, out);
	fclose(out);
	assert_non_null(strstr(all, "s.yaml:4:49: owner 应为 city"));
	assert_non_null(strstr(all, "s.yaml:5:39: 简称「很长的简称」太长"));
	assert_non_null(strstr(all, "s.yaml:5:64: 截止日期「7月32日」无法识别"));
	assert_non_null(strstr(all, "s.yaml:6:5: 事项标识「a」重复（第一次出现在第 4 行）"));
	assert_non_null(strstr(all, "截止日期「下周」无法识别"));
	assert_non_null(strstr(all, "而不是「sometimes」"));
	assert_null(strstr(all, "2月29日")); /* 2016 has one */
	free(all);
	schedule_free(&s);
	diag_free(&d);
}

static void test_shipped_schedule(void **state)
{
	(void)state;
	kp_catalog cat;
	kp_diag d = {0};
	assert_int_equal(catalog_load(&cat, NULL, NULL, &d), 0);
	const kp_schedule *s = &cat.schedule;
	assert_int_equal(s->year, 2016);
	assert_int_equal(s->n, 11);
	const kp_list *months = catalog_list(&cat, KP_REPORT_MONTH_LIST);
	assert_non_null(months);
	assert_int_equal(months->n, 6);
	assert_string_equal(months->items[0], "2016-07");
	assert_string_equal(months->items[5], "2016-12");
	assert_int_equal(cat.scoring.ncols, 4);
	assert_int_equal(cat.scoring.cap_percent, 100);
	catalog_free(&cat);
	diag_free(&d);
}

/* A site schedule naming a form that does not exist is refused with its
 * position, and so is a prefill pointing at a field of the wrong type. */
static void test_config_references(void **state)
{
	(void)state;
	char dir[] = "/tmp/kepu-cfg-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/schedule.yaml", dir);
	FILE *f = fopen(path, "w");
	fputs(HEAD "  - {id: a, item: 1, title: t, brief: b, owner: unit, due: 7月15日,\n"
		   "     done: {records: [talent, nosuch]}}\n", f);
	fclose(f);
	kp_catalog cat;
	kp_diag d = {0};
	assert_true(catalog_load(&cat, NULL, dir, &d) > 0);
	char *first = diag_format(&d, 0);
	assert_string_equal(first, "config/schedule.yaml:5:12: 没有名为「nosuch」的表单（或它有错误，未能载入）");
	free(first);
	catalog_free(&cat);
	diag_free(&d);
	unlink(path);
	rmdir(dir);

	strcpy(dir, "/tmp/kepu-cfg-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/x.yaml", dir);
	f = fopen(path, "w");
	fputs("id: x\ntitle: X\ntable: x\nfields:\n"
	      "  - {id: month, label: 月份, type: yearmonth}\n"
	      "  - {id: n, label: 数, type: integer,\n"
	      "     prefill: {from: activity, date: name, month: month}}\n", f);
	fclose(f);
	assert_true(catalog_load(&cat, dir, NULL, &d) > 0);
	first = diag_format(&d, 0);
	assert_non_null(strstr(first, "x.yaml:7:15: n 的 prefill：表单「activity」中没有合适的「name」"));
	free(first);
	catalog_free(&cat);
	diag_free(&d);
	unlink(path);
	rmdir(dir);
}

/* A site patterns.yaml whose area_codes table is wrong is refused with
 * each problem's position: a code that is no area code, a length other
 * than 7 or 8. */
static void test_area_codes(void **state)
{
	(void)state;
	char dir[] = "/tmp/kepu-cfg-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/patterns.yaml", dir);
	FILE *f = fopen(path, "w");
	fputs("local_area_code: '0374'\n"
	      "area_codes:\n"
	      "  '0374': {digits: 7, place: 许昌}\n"
	      "  '374': {digits: 7, place: 许昌}\n"
	      "  '0371': {digits: 9, place: 郑州}\n"
	      "patterns:\n"
	      "  plain_text: {pattern: '\\A\\S.*\\z'}\n", f);
	fclose(f);
	kp_catalog cat;
	kp_diag d = {0};
	assert_true(catalog_load(&cat, NULL, dir, &d) > 0);
	char *first = diag_format(&d, 0), *second = diag_format(&d, 1);
	assert_non_null(strstr(first, "patterns.yaml:4:3: 「374」不是区号"));
	assert_non_null(strstr(second, "patterns.yaml:5:11: 区号 0371 须给出 digits（本地号码位数，7 或 8）"));
	free(first);
	free(second);
	/* the good entry is kept */
	assert_non_null(catalog_area(&cat, "0374"));
	assert_int_equal(catalog_area(&cat, "0374")->digits, 7);
	assert_null(catalog_area(&cat, "0371"));
	catalog_free(&cat);
	diag_free(&d);
	unlink(path);
	rmdir(dir);
}

/* ---- the checklist, briefing, prefill and ranking on a database ---- */

/* Every save in these tests names its day; the fixture starts on 7月1日. */
static int setup_day(void **state)
{
	clock_set_today("2016-07-01");
	return setup(state);
}

/* Save a record of form for unit on day (field, value pairs, NULL-ended). */
#define save_on(fx, day, ...) (clock_set_today(day), save_record(fx, __VA_ARGS__))

/* Submitted and approved: what the ranking counts. */
static void approve(fixture *fx, const char *form, long long id)
{
	const kp_form *f = catalog_form(&fx->env.cat, form);
	char *err = NULL;
	if (review_apply(&fx->env, f, id, REV_SUBMIT, NULL, &err) || review_apply(&fx->env, f, id, REV_APPROVE, NULL, &err))
		fail_msg("%s", err);
}

static size_t unit_index(const kp_checklist *c, const char *name)
{
	for (size_t u = 0; u < c->nunits; u++)
		if (!strcmp(c->units[u].name, name))
			return u;
	fail_msg("no unit %s", name);
	return 0;
}

#define MONTHLY(m) "month", m, "training_sessions", "0", "training_people", "0", \
	"activity_sessions", "1", "activity_people", "50", "resources", "0"

static void test_monthly_reports_late_and_missing(void **state)
{
	fixture *fx = *state;
	save_on(fx, "2016-08-03", "monthly", "魏都区", MONTHLY("2016-07"), NULL); /* the 3rd: on time */
	save_on(fx, "2016-08-04", "monthly", "长葛市", MONTHLY("2016-07"), NULL); /* the 4th: late */
	save_on(fx, "2016-08-20", "monthly", "禹州市", MONTHLY("2016-08"), NULL); /* early for August */
	clock_set_today("2016-08-04");
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	const kp_check_item *july = checklist_item(&c, "monthly:2016-07");
	assert_int_equal(check_item_unit_state(july, unit_index(&c, "魏都区")), MS_DONE);
	assert_int_equal(check_item_unit_state(july, unit_index(&c, "长葛市")), MS_LATE);
	assert_int_equal(check_item_unit_state(july, unit_index(&c, "禹州市")), MS_OVERDUE);
	assert_int_equal(july->ndone, 1);
	assert_int_equal(july->nlate, 1);
	assert_int_equal(july->noverdue, 17);
	assert_int_equal(check_item_state(&c, july), MS_OVERDUE);
	const kp_check_item *aug = checklist_item(&c, "monthly:2016-08");
	assert_int_equal(check_item_unit_state(aug, unit_index(&c, "禹州市")), MS_OPEN); /* not yet */
	assert_int_equal(check_item_state(&c, aug), MS_OPEN);
	checklist_free(&c);
	clock_set_today("2016-08-21");
	checklist_build(&c, &fx->env, 0);
	aug = checklist_item(&c, "monthly:2016-08");
	assert_int_equal(check_item_unit_state(aug, unit_index(&c, "禹州市")), MS_DONE);
	checklist_free(&c);

	kp_briefing b;
	char *err = NULL;
	assert_int_equal(briefing_build(&b, &fx->env, "2016-07", &err), 0);
	assert_int_equal(b.nreported, 2);
	assert_int_equal(b.nlate, 1);
	assert_int_equal(b.due_m * 100 + b.due_d, 803);
	assert_int_equal(b.totals[3], 100); /* 参与人数 over the two reports */
	size_t missing = 0;
	for (size_t i = 0; i < b.n; i++)
		missing += !b.rows[i].reported;
	assert_int_equal(missing, 17);
	briefing_free(&b);
	assert_int_equal(briefing_build(&b, &fx->env, "2016-06", &err), -1);
	assert_non_null(strstr(err, "2016-07 到 2016-12"));
	free(err);
	briefing_free(&b);
}

static void test_submission_needs_every_form(void **state)
{
	fixture *fx = *state;
	save_on(fx, "2016-07-10", "plan", "许昌学院", "goals", "推荐科普人才五十名，开展活动十场", "measures", "组织志愿服务队进校园进社区",
		"contact", "李秀英", "phone", "13837412345", NULL);
	save_on(fx, "2016-07-12", "talent", "许昌学院", "name", "张海旺", "gender", "男", "age", "45",
		"ethnicity", "汉族", "political", "中共党员", "education", "本科", "industry", "农业",
		"specialty", "果树", "employer", "许昌学院", "title", "教授", "phone", "13837412345",
		"service_categories", "[\"农村科普\"]", NULL);
	clock_set_today("2016-07-20");
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	size_t u = unit_index(&c, "许昌学院");
	assert_int_equal(check_item_unit_state(checklist_item(&c, "submit"), u), MS_OVERDUE); /* no project yet */
	checklist_free(&c);
}

/* 许昌学院's 工作计划 (7月10日), a talent (11日) and a 附表3 draft (12日):
 * what item 五.2 asks for, the talent's and the project's numbers. */
static void save_three(fixture *fx, long long *t, long long *p)
{
	save_on(fx, "2016-07-10", "plan", "许昌学院", "goals", "推荐科普人才五十名，开展活动十场", "measures", "组织志愿服务队进校园进社区",
		"contact", "李秀英", "phone", "13837412345", NULL);
	*t = save_on(fx, "2016-07-11", "talent", "许昌学院", "name", "张海旺", "gender", "男", "age", "45",
			      "ethnicity", "汉族", "political", "中共党员", "education", "本科", "employer",
			      "许昌学院", "phone", "13837412345", "service_categories", "[\"农村科普\"]", NULL);
	*p = save_on(fx, "2016-07-12", "project", "许昌学院", "declared_on", "2016-07-12", "name",
			      "社区科普大讲堂", "executor", "许昌学院", "contact", "王晓", "phone", "13812345678",
			      "category", "科普活动", "start", "2016-08-01", "end", "2016-09-01", NULL);
}

/* save_three, and the talent approved on 7月13日: only the 附表3 draft
 * is still the unit's (its number). */
static long long all_but_the_project(fixture *fx)
{
	long long t, p;
	save_three(fx, &t, &p);
	clock_set_today("2016-07-13");
	approve(fx, "talent", t);
	return p;
}

/* Item 五.2 counts what the unit handed in: a 附表3 left a draft never
 * submitted does not make it 「逾期完成」 (it did before: any record
 * counted), and a draft submitted after the 15th is late from that day,
 * not on time from the day it was typed. */
static void test_drafts_never_count(void **state)
{
	fixture *fx = *state;
	long long p = all_but_the_project(fx);
	clock_set_today("2016-07-20");
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	size_t u = unit_index(&c, "许昌学院");
	assert_int_equal(check_item_unit_state(checklist_item(&c, "submit"), u), MS_OVERDUE); /* the 附表3 draft */
	checklist_free(&c);
	char *err = NULL;
	if (review_apply(&fx->env, catalog_form(&fx->env.cat, "project"), p, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	checklist_build(&c, &fx->env, 0);
	assert_int_equal(check_item_unit_state(checklist_item(&c, "submit"), u), MS_LATE); /* submitted on the 20th */
	assert_int_equal(strncmp(checklist_item(&c, "submit")->done_at[u], "2016-07-20", 10), 0);
	checklist_free(&c);
}

/* The 附表3 of all_but_the_project submitted on the 13th (on time: the
 * control), taken back on the 20th (back: the unit's 撤回, or the city's
 * 退回 with reason) and submitted again on 8月10日: handed in that day,
 * late for the 15th (it counted as on time from the first submit). */
static long long taken_back_is_late(fixture *fx, kp_review back, const char *reason)
{
	long long p = all_but_the_project(fx);
	if (back == REV_WITHDRAW)
		sign_in_unit(fx, "许昌学院");
	const kp_form *f = catalog_form(&fx->env.cat, "project");
	char *err = NULL;
	if (review_apply(&fx->env, f, p, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	size_t u = unit_index(&c, "许昌学院");
	assert_int_equal(check_item_unit_state(checklist_item(&c, "submit"), u), MS_DONE); /* control: on time */
	checklist_free(&c);
	clock_set_today("2016-07-20");
	if (review_apply(&fx->env, f, p, back, reason, &err))
		fail_msg("%s", err);
	clock_set_today("2016-08-10");
	if (review_apply(&fx->env, f, p, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	checklist_build(&c, &fx->env, 0);
	u = unit_index(&c, "许昌学院");
	assert_int_equal(check_item_unit_state(checklist_item(&c, "submit"), u), MS_LATE);
	assert_int_equal(strncmp(checklist_item(&c, "submit")->done_at[u], "2016-08-10", 10), 0);
	checklist_free(&c);
	return p;
}

/* A submission withdrawn is no submission. */
static void test_withdrawn_submission_counts_from_resubmit(void **state)
{
	taken_back_is_late(*state, REV_WITHDRAW, NULL);
}

/* Nor one the city returned (junk sent on time, fixed late), nor one it
 * reopened: approved on 8月11日, reopened and submitted on the 20th. */
static void test_returned_submission_counts_from_resubmit(void **state)
{
	fixture *fx = *state;
	long long p = taken_back_is_late(fx, REV_RETURN, "内容不全");
	const kp_form *f = catalog_form(&fx->env.cat, "project");
	char *err = NULL;
	clock_set_today("2016-08-11");
	if (review_apply(&fx->env, f, p, REV_APPROVE, NULL, &err))
		fail_msg("%s", err);
	clock_set_today("2016-08-20");
	if (review_apply(&fx->env, f, p, REV_REOPEN, "重新审核", &err) ||
	    review_apply(&fx->env, f, p, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	assert_int_equal(strncmp(checklist_item(&c, "submit")->done_at[unit_index(&c, "许昌学院")], "2016-08-20", 10), 0);
	checklist_free(&c);
}

/* A 月报 covers a month that is over (五.6: by the 3rd of the next): the
 * store refuses August's on 8月10日 (it was taken and counted on time),
 * whatever the path, and takes it on 9月1日. */
static void test_monthly_report_waits_for_the_month_to_end(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "monthly");
	sign_in_unit(fx, "魏都区");
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, "魏都区");
	const char *vals[] = {"month", "2016-08", "training_sessions", "500", "training_people", "500",
			      "activity_sessions", "500", "activity_people", "500", "resources", "0"};
	for (size_t i = 0; i < sizeof vals / sizeof *vals; i += 2)
		record_set(&r, (size_t)form_field_index(f, vals[i]), vals[i + 1]);
	char *err = NULL;
	clock_set_today("2016-08-10");
	assert_int_not_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	assert_non_null(err);
	assert_non_null(strstr(err, "「2016-08」这个月还没有过完（今天是 2016-08-10）"));
	assert_non_null(strstr(err, "从 2016-09-01 起可以填"));
	free(err);
	err = NULL;
	clock_set_today("2016-09-01");
	if (store_insert(fx->env.store, f, &r, &err) != KP_OK)
		fail_msg("%s", err);
	record_free(&r);
}

/* The referee sees a reported figure the records do not bear out: 魏都区
 * reports 500 trainings for July with one 科技培训 activity approved, and
 * the briefing shows 500[1]; a figure the records match stays plain. */
static void test_briefing_shows_the_records_beside(void **state)
{
	fixture *fx = *state;
	long long a = save_on(fx, "2016-07-20", "activity", "魏都区", "name", "农技培训", "held_on", "2016-07-20",
			      "form", "科技培训", "targets", "[\"乡村\"]", "place", "魏都区农技站", "participants", "30", NULL);
	approve(fx, "activity", a);
	save_on(fx, "2016-08-02", "monthly", "魏都区", "month", "2016-07", "training_sessions", "500",
		"training_people", "30", "activity_sessions", "1", "activity_people", "30", "resources", "0", NULL);
	clock_set_today("2016-08-04");
	kp_briefing b;
	char *err = NULL;
	assert_int_equal(briefing_build(&b, &fx->env, "2016-07", &err), 0);
	const kp_briefing_row *row = NULL;
	for (size_t u = 0; u < b.n; u++)
		row = !strcmp(b.rows[u].name, "魏都区") ? &b.rows[u] : row;
	assert_non_null(row);
	char cell[48];
	for (size_t k = 0; k < b.ncols; k++) {
		const char *id = b.form->fields[b.cols[k]].id;
		briefing_cell(row, k, cell, sizeof cell);
		if (!strcmp(id, "training_sessions"))
			assert_string_equal(cell, "500[1]");
		else if (!strcmp(id, "training_people") || !strcmp(id, "activity_sessions"))
			assert_string_equal(cell, id[0] == 't' ? "30" : "1"); /* as the records say */
	}
	briefing_free(&b);
}

static void test_manual_ticks(void **state)
{
	fixture *fx = *state;
	clock_set_today("2016-07-05");
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	const kp_check_item *breakdown = checklist_item(&c, "breakdown");
	assert_int_equal(check_item_state(&c, breakdown), MS_OVERDUE);
	assert_int_equal(checklist_tick(&fx->env, breakdown, 0, "王科长", true, NULL), 0);
	const kp_check_item *reg = checklist_item(&c, "register");
	size_t u = unit_index(&c, "医学会");
	assert_int_equal(checklist_tick(&fx->env, reg, c.units[u].id, "张伟", true, NULL), 0);
	/* done by the data: no tick */
	assert_int_equal(checklist_tick(&fx->env, checklist_item(&c, "summary"), c.units[u].id, "x", true, NULL), -1);
	checklist_free(&c);
	checklist_build(&c, &fx->env, 0);
	breakdown = checklist_item(&c, "breakdown");
	assert_int_equal(check_item_state(&c, breakdown), MS_LATE); /* ticked on 7月5日 */
	assert_string_equal(breakdown->done_by[0], "王科长");
	assert_int_equal(strncmp(breakdown->done_at[0], "2016-07-05", 10), 0);
	reg = checklist_item(&c, "register");
	assert_int_equal(check_item_unit_state(reg, u), MS_DONE);
	assert_int_equal(reg->ndone, 1);
	assert_int_equal(checklist_tick(&fx->env, reg, c.units[u].id, "张伟", false, NULL), 0);
	checklist_free(&c);
	checklist_build(&c, &fx->env, 0);
	assert_int_equal(checklist_item(&c, "register")->ndone, 0);
	checklist_free(&c);
}

static void test_prefill_counts_the_month(void **state)
{
	fixture *fx = *state;
	save_on(fx, "2016-07-10", "activity", "魏都区", "name", "讲座", "held_on", "2016-07-08", "form",
		"科普讲座", "targets", "[\"校园\"]", "place", "一中", "participants", "120", NULL);
	save_on(fx, "2016-07-13", "activity", "魏都区", "name", "培训", "held_on", "2016-07-12", "form",
		"科技培训", "targets", "[\"乡村\"]", "place", "农技站", "participants", "45", NULL);
	save_on(fx, "2016-07-31", "activity", "魏都区", "name", "八月", "held_on", "2016-08-01", "form",
		"科技培训", "targets", "[\"乡村\"]", "place", "农技站", "participants", "30", NULL);
	save_on(fx, "2016-07-31", "activity", "长葛市", "name", "别的单位", "held_on", "2016-07-02",
		"form", "科技培训", "targets", "[\"乡村\"]", "place", "x", "participants", "99", NULL);
	const kp_form *m = catalog_form(&fx->env.cat, "monthly");
	long long wd = store_unit_id(fx->env.store, "魏都区");
	long long want[][2] = {{0, 1}, {1, 45}, {2, 2}, {3, 165}, {4, 0}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const kp_field *fd = &m->fields[want[i][0] + 1];
		assert_non_null(fd->prefill);
		assert_int_equal(prefill_value(&fx->env, fd, wd, "2016-07"), want[i][1]);
	}
	assert_int_equal(prefill_value(&fx->env, &m->fields[3], wd, "2016-08"), 1);
}

static void test_score_and_ranking(void **state)
{
	fixture *fx = *state;
	const kp_scoring *sc = &fx->env.cat.scoring;
	long long done[] = {50, 10, 20, 0}, quota[] = {100, 10, 10, 0};
	double pct[4];
	kp_score_mean none[4] = {{0, 0}}; /* no unit has a project quota */
	/* (50 + 100 + min(100, 200)) / 3: a 0 quota that no unit has counts
	 * for nobody, not 100 */
	assert_true(scoring_score(sc, none, done, quota, pct) == 83.3);
	assert_true(pct[2] > 199.9);
	assert_true(pct[3] < 0);
	/* 气象学会's quotas are 10/2/2/2: two approved activities make 25%
	 * more; a third, a draft, counts for nothing */
	approve(fx, "activity", save_on(fx, "2016-07-10", "activity", "气象学会", "name", "a", "held_on", "2016-07-08", "form",
		"科普讲座", "targets", "[\"校园\"]", "place", "p", "participants", "1", NULL));
	approve(fx, "activity", save_on(fx, "2016-07-10", "activity", "气象学会", "name", "b", "held_on", "2016-07-09", "form",
		"科普讲座", "targets", "[\"校园\"]", "place", "p", "participants", "1", NULL));
	save_on(fx, "2016-07-10", "activity", "质量学会", "name", "c", "held_on", "2016-07-09", "form",
		"科普讲座", "targets", "[\"校园\"]", "place", "p", "participants", "1", NULL);
	approve(fx, "resource", save_on(fx, "2016-07-10", "resource", "魏都区", "name", "r", "kind", "科普漫画", "author", "x",
		"finished_on", "2016-07-09", NULL));
	kp_progress p;
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	assert_string_equal(p.rows[0].name, "气象学会");
	assert_int_equal(p.rows[0].rank, 1);
	assert_true(p.rows[0].score > 24.99 && p.rows[0].score < 25.01);
	assert_string_equal(p.rows[1].name, "魏都区"); /* 1/10 resources: 2.5% */
	assert_int_equal(p.rows[2].rank, 3);
	assert_int_equal(p.rows[18].rank, 3); /* the rest tie at 0 and share a rank */
	assert_int_equal(p.total.quota[0], 1170);
	assert_int_equal(p.total.quota[1], 134);
	assert_int_equal(p.total.quota[2], 119);
	assert_int_equal(p.total.quota[3], 37);
	assert_int_equal(p.total.done[1], 2);
	assert_non_null(strstr(p.formula, "科普人才 + 科普活动 + 资源开发 + 重点入库项目) / 4"));
	progress_free(&p);
}

/* 附表1 of unit: field set to value, as the city's import would. */
static void set_quota(fixture *fx, const char *unit, const char *field, const char *value)
{
	const kp_form *q = catalog_form(&fx->env.cat, "quota");
	kp_record r;
	char *err = NULL;
	assert_int_equal(store_get(fx->env.store, q, store_unit_record(fx->env.store, q, store_unit_id(fx->env.store, unit)),
				   &r, &err), KP_OK);
	record_set(&r, (size_t)form_field_index(q, field), value);
	store_set_catalog(fx->env.store, NULL);
	if (store_update(fx->env.store, q, &r, &err) != KP_OK)
		fail_msg("%s", err);
	store_set_catalog(fx->env.store, &fx->env.cat);
	record_free(&r);
}

static const kp_progress_row *row_of(const kp_progress *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->rows[i].name, name))
			return &p->rows[i];
	fail_msg("no row %s", name);
	return NULL;
}

static long long activity_on(fixture *fx, const char *unit, const char *name)
{
	return save_on(fx, "2016-07-10", "activity", unit, "name", name, "held_on", "2016-07-08", "form", "科普讲座",
		       "targets", "[\"校园\"]", "place", "p", "participants", "1", NULL);
}

/* t3h #4: 1/6 of 科普活动 and 1/9 of 活动 + 1/18 of 资源 are the same score
 * (both (1/6)/4); as doubles they differ in the last bit and ranked apart.
 * Compared exactly they share the rank, 「并列」 shown, on the city's
 * table and in a unit's own view; a different score does not (control). */
static void test_equal_scores_share_the_rank(void **state)
{
	fixture *fx = *state;
	const kp_scoring *sc = &fx->env.cat.scoring;
	long long d1[] = {0, 1, 0, 0}, q1[] = {100, 6, 10, 2}, d2[] = {0, 1, 1, 0}, q2[] = {50, 9, 18, 2};
	kp_score_mean none[4] = {{0, 0}}; /* every quota here is above 0 */
	long long q3[] = {100, 7, 10, 2};
	assert_int_equal(scoring_cmp(sc, none, d1, q1, d2, q2), 0);
	assert_true(scoring_cmp(sc, none, d1, q1, d1, q3) > 0);
	assert_true(scoring_cmp(sc, none, d1, q3, d1, q1) < 0);
	/* the cap: 30/10 equals 10/10, beyond it nothing counts */
	long long d4[] = {0, 30, 0, 0}, d5[] = {0, 10, 0, 0}, q4[] = {100, 10, 10, 2};
	assert_int_equal(scoring_cmp(sc, none, d4, q4, d5, q4), 0);
	/* the city's 附表1 of the tester's file */
	set_quota(fx, "禹州市", "activity", "6");
	set_quota(fx, "东城区管委会", "activity", "9");
	set_quota(fx, "东城区管委会", "resource", "18");
	approve(fx, "activity", activity_on(fx, "禹州市", "禹州活动"));
	approve(fx, "activity", activity_on(fx, "东城区管委会", "东城活动"));
	approve(fx, "resource", save_on(fx, "2016-07-10", "resource", "东城区管委会", "name", "r", "kind", "科普漫画",
					"author", "x", "finished_on", "2016-07-09", NULL));
	approve(fx, "activity", activity_on(fx, "魏都区", "魏都活动")); /* 1/10: below them */
	kp_progress p;
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	const kp_progress_row *y = row_of(&p, "禹州市"), *d = row_of(&p, "东城区管委会"), *w = row_of(&p, "魏都区");
	assert_int_equal(y->rank, 1);
	assert_int_equal(d->rank, 1);
	assert_true(y->tied && d->tied);
	assert_int_equal(w->rank, 3);
	assert_false(w->tied);
	char *t = progress_rank_text(d);
	assert_string_equal(t, "并列1");
	free(t);
	t = progress_rank_text(w);
	assert_string_equal(t, "3");
	free(t);
	progress_free(&p);
	/* a unit's own view: the store's rank, tied too */
	long long dc = sign_in_unit(fx, "东城区管委会");
	assert_int_equal(progress_build(&p, &fx->env, dc), 0);
	assert_int_equal(p.rows[0].rank, 1);
	assert_true(p.rows[0].tied);
	progress_free(&p);
	env_close(&fx->env); /* a session does not change to another unit's */
	reopen(fx);
	long long wd = sign_in_unit(fx, "魏都区");
	assert_int_equal(progress_build(&p, &fx->env, wd), 0);
	assert_int_equal(p.rows[0].rank, 3);
	assert_false(p.rows[0].tied);
	progress_free(&p);
}

static long long resource_on(fixture *fx, const char *unit, const char *name)
{
	return save_on(fx, "2016-07-10", "resource", unit, "name", name, "kind", "科普漫画", "author", "x",
		       "finished_on", "2016-07-09", NULL);
}

/* t3h #5, t4h #2: a column the city exempted a unit from (quota 0, 「免」)
 * scores the city-wide completion of that column, its weight kept: no free
 * 25 % and first place for a unit with no records, and no gain for asking
 * for 0 either; the legend says what it was scored at. */
static void test_exempt_column_scores_city_mean(void **state)
{
	fixture *fx = *state;
	set_quota(fx, "气象学会", "project", "0");
	approve(fx, "activity", activity_on(fx, "农学会", "农学活动"));
	kp_progress p;
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	const kp_progress_row *q = row_of(&p, "气象学会"), *n = row_of(&p, "农学会");
	assert_true(q->score == 0);
	assert_true(n->score > 0);
	assert_int_equal(p.rows[0].unit_id, n->unit_id);
	assert_true(q->rank > 1);
	char *c = progress_cell_text(q, 3);
	assert_string_equal(c, "免");
	free(c);
	c = progress_cell_text(q, 1); /* control: a column it has */
	assert_string_equal(c, "0/2");
	free(c);
	assert_non_null(strstr(p.formula_note, "免"));
	assert_non_null(p.exempt_note);
	assert_string_equal(p.exempt_note, "免：该项按全市平均完成度 0.0% 计");
	progress_free(&p);
	/* 2/2 activities, and projects at the city's 0: (0 + 100 + 0 + 0) / 4 */
	approve(fx, "activity", activity_on(fx, "气象学会", "气象活动一"));
	approve(fx, "activity", activity_on(fx, "气象学会", "气象活动二"));
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	q = row_of(&p, "气象学会");
	assert_true(q->score > 24.99 && q->score < 25.01);
	progress_free(&p);
}

/* t4h #2 with the tester's 附表1: 长葛市 and 许昌县 did the same work; 长葛市
 * asked for 项目 0. Nobody has a project, so the city's mean of it is 0 %,
 * what 长葛市 would have had: the two stay 并列 (before, 长葛市 went first). */
static void test_asking_for_zero_gains_nothing(void **state)
{
	fixture *fx = *state;
	set_quota(fx, "长葛市", "project", "0");
	const char *both[] = {"长葛市", "许昌县"};
	for (size_t i = 0; i < 2; i++) {
		approve(fx, "activity", activity_on(fx, both[i], "活动一"));
		approve(fx, "activity", activity_on(fx, both[i], "活动二"));
		approve(fx, "resource", resource_on(fx, both[i], "资源"));
	}
	kp_progress p;
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	const kp_progress_row *c = row_of(&p, "长葛市"), *x = row_of(&p, "许昌县");
	assert_int_equal(c->rank, x->rank);
	assert_true(c->tied && x->tied);
	assert_true(c->score == x->score);
	assert_int_equal(c->rank, 1);
	progress_free(&p);
	/* exempt from 科普活动 instead, its strong column: the city's mean of
	 * activities (4 of the other 124) is below 许昌县's 2/10, so asking for
	 * 0 there loses to the peer with the same work */
	set_quota(fx, "长葛市", "project", "2");
	set_quota(fx, "长葛市", "activity", "0");
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	c = row_of(&p, "长葛市"), x = row_of(&p, "许昌县");
	assert_true(x->rank < c->rank);
	assert_false(c->tied);
	progress_free(&p);
	/* … and equal again when its peers' mean is what it would have had:
	 * every other unit with a quota there is 许昌县 (2/10) */
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	char **names = xcalloc(p.n, sizeof *names);
	for (size_t i = 0; i < p.n; i++)
		names[i] = xstrdup(p.rows[i].name);
	size_t nrows = p.n;
	progress_free(&p);
	for (size_t i = 0; i < nrows; i++) {
		if (strcmp(names[i], "许昌县"))
			set_quota(fx, names[i], "activity", "0");
		free(names[i]);
	}
	free(names);
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	c = row_of(&p, "长葛市"), x = row_of(&p, "许昌县");
	assert_int_equal(c->rank, x->rank);
	assert_true(c->tied);
	assert_string_equal(p.exempt_note, "免：该项按全市平均完成度 20.0% 计");
	progress_free(&p);
}

/* t4h #11: one rounding, half-up of the exact score: 8.25 is 8.3 on the
 * screen, in the text report and in the workbook (printf's %.1f of the
 * double gave 8.2, the workbook 8.3). */
static void test_score_rounds_half_up(void **state)
{
	fixture *fx = *state;
	const kp_scoring *sc = &fx->env.cat.scoring;
	kp_score_mean none[4] = {{0, 0}};
	double pct[4];
	long long q[] = {100, 10, 10, 2}, d825[] = {3, 2, 1, 0}, d824[] = {0, 0, 0, 0};
	assert_true(scoring_score(sc, none, d825, q, pct) == 8.3); /* (3 + 20 + 10) / 4 */
	long long q2[] = {100, 7, 10, 2}; /* control: 1/7 / 4 = 3.571…: 3.6, 0: 0.0 */
	long long d2[] = {0, 1, 0, 0};
	assert_true(scoring_score(sc, none, d2, q2, pct) == 3.6);
	assert_true(scoring_score(sc, none, d824, q, pct) == 0);
	kp_score_mean m = {1, 8}; /* 12.5 % → 12.5; 1/16 = 6.25 % → 6.3 */
	assert_true(scoring_mean_pct(&m) == 12.5);
	m.den = 16;
	assert_true(scoring_mean_pct(&m) == 6.3);
	m.den = 0;
	assert_true(scoring_mean_pct(&m) < 0);
}

/* t4h #14: a unit exempt from every column is not ranked (「免」, not in the
 * count of ranked units, here or in its own view); 合计 counts a column's
 * records only of the units with a quota in it. */
static void test_exempt_from_all_unranked(void **state)
{
	fixture *fx = *state;
	const char *cols[] = {"talent", "activity", "resource", "project"};
	for (size_t k = 0; k < 4; k++)
		set_quota(fx, "气象学会", cols[k], "0");
	set_quota(fx, "农学会", "resource", "0");
	approve(fx, "resource", resource_on(fx, "农学会", "农学资源")); /* 1/免 */
	approve(fx, "activity", activity_on(fx, "魏都区", "魏都活动"));
	kp_progress p;
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	const kp_progress_row *q = row_of(&p, "气象学会"), *w = row_of(&p, "魏都区");
	assert_true(q->exempt);
	assert_int_equal(q->rank, 0);
	assert_false(q->tied);
	char *t = progress_rank_text(q);
	assert_string_equal(t, "免");
	free(t);
	t = progress_score_text(q); /* no 完成度 of its own: not the city's mean */
	assert_string_equal(t, "免");
	free(t);
	t = progress_score_text(w); /* control */
	assert_non_null(strstr(t, "%"));
	assert_null(strstr(t, "免"));
	free(t);
	assert_false(w->exempt); /* control */
	assert_int_equal(w->rank, 1);
	assert_int_equal(p.nunits, 18);
	assert_int_equal(p.rows[p.n - 1].unit_id, q->unit_id); /* listed last */
	assert_int_equal(p.total.done[2], 0);   /* 农学会's 1/免 is not in 合计 */
	assert_int_equal(p.total.quota[2], 112); /* 119 less 农学会's 5 and 气象学会's 2 */
	assert_int_equal(p.total.done[1], 1);
	/* the legend names 农学会's 资源开发 alone: 气象学会 is not scored */
	assert_non_null(p.exempt_note);
	/* …and says why 气象学会 has no rank */
	assert_string_equal(p.exempt_note, "免：该项按全市平均完成度 0.0% 计；名次、完成度为「免」的单位各项指标均为 0，不参加排名");
	double total = p.total.score;
	progress_free(&p);
	/* 气象学会's own activity stays out of 合计 and its 完成度 */
	approve(fx, "activity", activity_on(fx, "气象学会", "气象活动"));
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	assert_int_equal(row_of(&p, "气象学会")->done[1], 1); /* control: counted on its row */
	assert_int_equal(p.total.done[1], 1);
	assert_true(p.total.score == total);
	progress_free(&p);
	set_quota(fx, "农学会", "project", "0"); /* two columns: each named */
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	assert_string_equal(p.exempt_note, "免：该项按全市平均完成度计（资源开发 0.0%，重点入库项目 0.0%）"
					 "；名次、完成度为「免」的单位各项指标均为 0，不参加排名");
	progress_free(&p);
	long long qx = sign_in_unit(fx, "气象学会");
	assert_int_equal(progress_build(&p, &fx->env, qx), 0);
	assert_int_equal(p.rows[0].rank, 0);
	assert_int_equal(p.nunits, 18);
	progress_free(&p);
	env_close(&fx->env);
	reopen(fx);
	long long wd = sign_in_unit(fx, "魏都区"); /* control: a ranked unit's view */
	assert_int_equal(progress_build(&p, &fx->env, wd), 0);
	assert_int_equal(p.rows[0].rank, 1);
	assert_int_equal(p.nunits, 18);
	progress_free(&p);
}

/* t4h #7: item 五.2 asks for a record of each of talent, project, plan;
 * a unit the city exempted from 重点入库项目 (quota 0) owes no 附表3: done
 * with its talent and plan. The control: with its quota of 2 the 附表3 draft
 * still leaves it owing. */
static void test_submission_skips_exempt_form(void **state)
{
	fixture *fx = *state;
	all_but_the_project(fx);
	clock_set_today("2016-07-20");
	kp_checklist c;
	checklist_build(&c, &fx->env, 0);
	size_t u = unit_index(&c, "许昌学院");
	assert_int_equal(check_item_unit_state(checklist_item(&c, "submit"), u), MS_OVERDUE);
	checklist_free(&c);
	set_quota(fx, "许昌学院", "project", "0");
	checklist_build(&c, &fx->env, 0);
	assert_int_equal(check_item_unit_state(checklist_item(&c, "submit"), u), MS_DONE);
	assert_int_equal(strncmp(checklist_item(&c, "submit")->done_at[u], "2016-07-13", 10), 0); /* the talent's approval */
	assert_int_equal(check_item_unit_state(checklist_item(&c, "submit"), unit_index(&c, "魏都区")), MS_OVERDUE);
	checklist_free(&c);
}

/* t3h #19: while no unit has anything counted nobody is ranked (every unit
 * would read 「第 1 名」); the first approval ranks them (control). */
static void test_nothing_counted_no_rank(void **state)
{
	fixture *fx = *state;
	kp_progress p;
	assert_int_equal(progress_build(&p, &fx->env, 0), 0);
	for (size_t i = 0; i < p.n; i++)
		assert_int_equal(p.rows[i].rank, 0);
	char *t = progress_rank_text(&p.rows[0]);
	assert_string_equal(t, "");
	free(t);
	progress_free(&p);
	long long wd = store_unit_id(fx->env.store, "魏都区");
	sign_in_unit(fx, "魏都区");
	assert_int_equal(progress_build(&p, &fx->env, wd), 0);
	assert_int_equal(p.rows[0].rank, 0);
	progress_free(&p);
	env_close(&fx->env); /* the city's session again */
	reopen(fx);
	approve(fx, "activity", activity_on(fx, "长葛市", "长葛活动"));
	env_close(&fx->env);
	reopen(fx);
	sign_in_unit(fx, "魏都区");
	assert_int_equal(progress_build(&p, &fx->env, wd), 0);
	assert_int_equal(p.rows[0].rank, 2);
	assert_true(p.rows[0].tied); /* with the other 17 at 0 */
	progress_free(&p);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_serials_and_weekdays),
		cmocka_unit_test(test_clock_override),
		cmocka_unit_test(test_due_dates),
		cmocka_unit_test(test_lateness),
		cmocka_unit_test(test_schedule_errors),
		cmocka_unit_test(test_shipped_schedule),
		cmocka_unit_test(test_config_references),
		cmocka_unit_test(test_area_codes),
		cmocka_unit_test_setup_teardown(test_monthly_reports_late_and_missing, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_submission_needs_every_form, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_drafts_never_count, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_briefing_shows_the_records_beside, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_monthly_report_waits_for_the_month_to_end, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_withdrawn_submission_counts_from_resubmit, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_returned_submission_counts_from_resubmit, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_manual_ticks, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_prefill_counts_the_month, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_score_and_ranking, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_equal_scores_share_the_rank, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_exempt_column_scores_city_mean, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_asking_for_zero_gains_nothing, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_score_rounds_half_up, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_exempt_from_all_unranked, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_submission_skips_exempt_form, setup_day, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_counted_no_rank, setup_day, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
