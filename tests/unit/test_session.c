/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The session layer (store/session.c) tried as a unit clerk who wants
 * better figures would: every read and write of another unit's rows, of
 * the city's fields and forms, of review steps, accounts and the audit
 * trail, through the store itself — whatever the caller asks. Also the
 * review workflow, the audit trail and record numbers that are never
 * handed out twice. */
#include "form_story.h" /* unit_env.h, and sql_text */

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/filetype.h"
#include "core/msg.h"
#include "domain/evidence.h"
#include "domain/exchange.h"
#include "domain/move_year.h"
#include "domain/review.h"
#include "domain/transfer.h"

/* A second connection to the fixture's database in a session of its own,
 * as another SSH login would have. */
typedef struct {
	kp_env env; /* shares the fixture's definitions; owns only its store */
} as_session;

static void open_as(fixture *fx, as_session *a, kp_session_kind kind, const char *user, const char *unit)
{
	char *err = NULL;
	a->env.cat = fx->env.cat;
	assert_int_equal(store_open(fx->path, &a->env.store, &err), KP_OK);
	long long id = unit ? store_unit_id(a->env.store, unit) : 0;
	assert_int_equal(store_session(a->env.store, kind, user, id, &err), KP_OK);
}

static void close_as(as_session *a) { store_close(a->env.store); }

static const kp_form *form(fixture *fx, const char *id) { return catalog_form(&fx->env.cat, id); }

/* A new talent of unit, named name, written in store s (its session). */
static long long add_talent(kp_store *s, const kp_form *f, const char *unit, const char *name, char **err)
{
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(s, unit);
	record_set(&r, (size_t)form_field_index(f, "name"), name);
	int rc = store_insert(s, f, &r, err);
	long long id = rc == KP_OK ? r.id : 0;
	record_free(&r);
	return id;
}

static void test_sessions_only_narrow(void **state)
{
	fixture *fx = *state;
	as_session u;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	char *err = NULL;
	assert_int_equal(store_session(u.env.store, SESSION_CITY, "wd", 0, &err), KP_ERR);
	free(err), err = NULL;
	assert_int_equal(store_session(u.env.store, SESSION_ADMIN, "wd", 0, &err), KP_ERR);
	free(err), err = NULL;
	assert_int_equal(store_session(u.env.store, SESSION_UNIT, "wd", store_unit_id(u.env.store, "长葛市"), &err), KP_ERR);
	free(err), err = NULL;
	assert_int_equal(store_session_kind(u.env.store), SESSION_UNIT);
	assert_int_equal(store_session_unit(u.env.store), store_unit_id(u.env.store, "魏都区"));
	close_as(&u);
	/* Before a login nothing is read or written. */
	const kp_form *f = form(fx, "talent");
	assert_true(add_talent(fx->env.store, f, "魏都区", "张三", &err) > 0);
	as_session none;
	open_as(fx, &none, SESSION_NONE, "", NULL);
	kp_record *rows;
	kp_query q = {-1, false, NULL, 0, NULL, false};
	assert_int_equal(store_query_page(none.env.store, f, &q, NULL, false, 10, &rows), 0);
	free(rows);
	assert_int_equal(store_query_count(none.env.store, f, &q), 0);
	assert_int_equal(add_talent(none.env.store, f, "魏都区", "李四", &err), 0);
	assert_string_equal(err, "请先登录");
	free(err), err = NULL;
	/* … and then one login: a unit, for good. */
	assert_int_equal(store_session(none.env.store, SESSION_UNIT, "wd", store_unit_id(none.env.store, "魏都区"), &err), KP_OK);
	assert_int_equal(store_session(none.env.store, SESSION_CITY, "wd", 0, &err), KP_ERR);
	free(err);
	close_as(&none);
}

static int count_row(const kp_record *r, void *ctx)
{
	(void)r;
	(*(int *)ctx)++;
	return 0;
}

static void test_unit_reads_only_its_own(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	char *err = NULL;
	long long mine = add_talent(fx->env.store, f, "魏都区", "张三", &err);
	long long theirs = add_talent(fx->env.store, f, "长葛市", "李四", &err);
	as_session u;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	kp_store *s = u.env.store;
	long long other = store_unit_id(s, "长葛市"), own = store_unit_id(s, "魏都区");
	kp_record r;
	assert_int_equal(store_get(s, f, theirs, &r, &err), KP_ENOTFOUND); /* like a missing one */
	free(err), err = NULL;
	assert_int_equal(store_get(s, f, mine, &r, &err), KP_OK);
	record_free(&r);
	/* Lists, whatever unit the caller asks for. */
	kp_record *rows;
	long long total;
	for (long long ask = 0; ask <= other; ask += other) {
		kp_query q = {-1, false, NULL, ask, NULL, false};
		size_t n = store_query_open(s, f, &q, 10, &rows, &total);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(rows[i].unit_id, own);
		records_free(rows, n);
		assert_int_equal(store_query_count(s, f, &q), ask ? 0 : 1);
		q.filter = "李";
		assert_int_equal(store_query_count(s, f, &q), 0);
	}
	int seen = 0;
	assert_int_equal(store_each(s, f, other, NULL, count_row, &seen, &err), KP_OK);
	assert_int_equal(seen, 0);
	assert_int_equal(store_each(s, f, 0, NULL, count_row, &seen, &err), KP_OK);
	assert_int_equal(seen, 1);
	/* The checklist's and reports' reads. */
	assert_null(store_first_saved(s, f, other, -1, NULL));
	assert_int_equal(store_find(s, f, other, form_field_index(f, "name"), "李四"), 0);
	assert_int_equal(store_unit_record(s, form(fx, "quota"), other), 0);
	assert_true(store_unit_record(s, form(fx, "quota"), own) > 0);
	kp_unit *units;
	size_t nu = store_units(s, &units);
	long long *c = calloc(nu, sizeof *c);
	store_unit_counts(s, f, NULL, units, nu, c);
	for (size_t i = 0; i < nu; i++)
		assert_int_equal(c[i], units[i].id == own ? 1 : 0);
	free(c);
	unit_list_free(units, nu);
	/* Accounts and the audit trail are the city's. */
	kp_user *users;
	assert_int_equal(store_users(s, &users, NULL), 0);
	kp_audit_row *a;
	kp_audit_query aq = {.since = NULL};
	assert_int_equal(store_audit_page(s, &aq, 0, 10, &a, NULL), 0);
	free(a);
	close_as(&u);
}

static void test_unit_writes_only_what_a_unit_may(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	char *err = NULL;
	long long theirs = add_talent(fx->env.store, f, "长葛市", "李四", &err);
	as_session u;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	kp_store *s = u.env.store;
	/* Another unit's row: neither written nor read. */
	assert_int_equal(add_talent(s, f, "长葛市", "王五", &err), 0);
	assert_string_equal(err, "只能填报和修改本单位（魏都区）的记录");
	free(err), err = NULL;
	kp_record r;
	record_init(&r, f->nfields);
	r.id = theirs;
	r.version = 1;
	r.unit_id = store_unit_id(s, "长葛市");
	record_set(&r, (size_t)form_field_index(f, "name"), "改掉");
	assert_int_not_equal(store_update(s, f, &r, &err), KP_OK);
	free(err), err = NULL;
	record_free(&r);
	assert_int_not_equal(store_delete(s, f, theirs, &err), KP_OK);
	free(err), err = NULL;
	assert_int_not_equal(store_set_state(s, f, theirs, "draft", "submitted", "", "submit", &err), KP_OK);
	free(err), err = NULL;
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE name = '李四' AND kp_state = 'draft'"), 1);
	/* The city's field, on a new record and on an edit. */
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(s, "魏都区");
	record_set(&r, (size_t)form_field_index(f, "name"), "张三");
	record_set(&r, (size_t)form_field_index(f, "city_opinion"), "同意推荐");
	assert_int_equal(store_insert(s, f, &r, &err), KP_ERR);
	assert_string_equal(err, "「省辖市科协意见」由市科协填写，单位不能填写或修改");
	free(err), err = NULL;
	record_set(&r, (size_t)form_field_index(f, "city_opinion"), "");
	record_set(&r, (size_t)form_field_index(f, "county_opinion"), "同意");
	assert_int_equal(store_insert(s, f, &r, &err), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "city_opinion"), "同意推荐");
	assert_int_equal(store_update(s, f, &r, &err), KP_ERR);
	free(err), err = NULL;
	record_set(&r, (size_t)form_field_index(f, "city_opinion"), "");
	record_set(&r, (size_t)form_field_index(f, "name"), "张三丰");
	assert_int_equal(store_update(s, f, &r, &err), KP_OK);
	/* Submitted: the unit can no longer change or delete it. */
	assert_int_equal(store_set_state(s, f, r.id, "draft", "submitted", "", "submit", &err), KP_OK);
	r.version++;
	record_set(&r, (size_t)form_field_index(f, "name"), "张三");
	assert_int_equal(store_update(s, f, &r, &err), KP_ERR);
	assert_string_equal(err, "这条记录现在是「已提交」，不能修改或删除");
	free(err), err = NULL;
	assert_int_equal(store_delete(s, f, r.id, &err), KP_ERR);
	free(err), err = NULL;
	/* Its own approval is the city's step, not the unit's. */
	assert_int_equal(store_set_state(s, f, r.id, "submitted", "approved", "", "approve", &err), KP_ERR);
	assert_string_equal(err, "不能把记录从「已提交」改为「已认定」");
	free(err), err = NULL;
	record_free(&r);
	/* 附表1 is the city's: its own quota row too. */
	const kp_form *q = form(fx, "quota");
	long long qid = store_unit_record(s, q, store_unit_id(s, "魏都区"));
	assert_int_equal(store_get(s, q, qid, &r, &err), KP_OK);
	record_set(&r, 0, "1");
	assert_int_equal(store_update(s, q, &r, &err), KP_ERR);
	assert_string_equal(err, "「附表1 任务指标分配表」由市科协填写，单位不能修改");
	free(err), err = NULL;
	record_free(&r);
	/* Ticks: its own unit's only. */
	assert_int_equal(store_tick_set(s, "plan", 0, "wd", true, &err), KP_ERR);
	free(err), err = NULL;
	assert_int_equal(store_tick_set(s, "plan", store_unit_id(s, "长葛市"), "wd", true, &err), KP_ERR);
	free(err), err = NULL;
	assert_int_equal(store_tick_set(s, "plan", store_unit_id(s, "魏都区"), "wd", true, &err), KP_OK);
	/* Accounts: its own password only. */
	assert_int_equal(store_user_add(s, "x1", USER_CITY, 0, "h", &err), KP_ERR);
	free(err), err = NULL;
	assert_int_equal(store_user_set_hash(s, "shikexie", "h", false, &err), KP_ERR);
	free(err), err = NULL;
	assert_int_equal(store_user_set_locked(s, "shikexie", true, &err), KP_ERR);
	free(err), err = NULL;
	/* Nor can it end the city's login back-off by saying it logged in. */
	kp_login_try t = {"shikexie", "local", 1000, 0, false};
	assert_int_equal(store_login_result(s, &t, true, 0, NULL), KP_ERR);
	/* Drafts: its own. */
	kp_draft d = {0};
	assert_int_equal(store_draft_save(s, "shikexie", "talent", &d, &err), KP_ERR);
	free(err), err = NULL;
	close_as(&u);
}

static void test_unit_import_refused_whole(void **state)
{
	fixture *fx = *state;
	as_session u;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	const kp_form *q = form(fx, "quota"), *f = form(fx, "talent");
	import_stats st;
	char *report = NULL;
	size_t len = 0;
	static const char quota_of[] = "SELECT talent FROM quota WHERE unit_id = (SELECT id FROM units WHERE name = '魏都区')";
	long long before = sql_int(fx->path, quota_of);
	assert_true(before > 1);
	/* 附表1 from a unit. */
	static const char quota_csv[] = "单位,科普人才,科普活动,资源开发,重点项目\n魏都区,1,1,1,1\n";
	FILE *in = fmemopen((char *)quota_csv, sizeof quota_csv - 1, "r");
	FILE *rep = open_memstream(&report, &len);
	import_options o = {.source = "q.csv"};
	assert_int_equal(import_csv(&u.env, q, in, &o, rep, &st), -1);
	fclose(rep);
	fclose(in);
	assert_non_null(strstr(report, "由市科协填写"));
	free(report);
	assert_int_equal(sql_int(fx->path, quota_of), before);
	/* A talent file carrying the city's column, even for a unit's own new rows. */
	static const char csv[] = "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,省辖市科协意见\n"
				  "张三,男,40,汉族,群众,本科,魏都区实验学校,13912345678,青少年科普,\n"
				  "李四,女,41,汉族,群众,本科,魏都区实验学校,13912345679,青少年科普,同意\n";
	in = fmemopen((char *)csv, sizeof csv - 1, "r");
	rep = open_memstream(&report, &len);
	assert_int_equal(import_csv(&u.env, f, in, &o, rep, &st), -1);
	fclose(rep);
	fclose(in);
	assert_non_null(strstr(report, "第3行「省辖市科协意见」有内容：这一列由市科协填写，不能由本账号导入"));
	free(report);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 0);
	/* The column, empty (as in the unit's own export), is no write. */
	static const char empty[] = "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,省辖市科协意见\n"
				    "张三,男,40,汉族,群众,本科,魏都区实验学校,13912345678,青少年科普,\n";
	in = fmemopen((char *)empty, sizeof empty - 1, "r");
	rep = open_memstream(&report, &len);
	assert_int_equal(import_csv(&u.env, f, in, &o, rep, &st), 0);
	fclose(rep);
	fclose(in);
	free(report);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE unit_id = (SELECT id FROM units WHERE name = '魏都区')"), 1);
	/* A unit column naming another unit: refused, not written there. */
	static const char other[] = "填报单位,姓名\n长葛市,王五\n";
	in = fmemopen((char *)other, sizeof other - 1, "r");
	rep = open_memstream(&report, &len);
	o.dry_run = false;
	assert_int_equal(import_csv(&u.env, f, in, &o, rep, &st), -1);
	fclose(rep);
	fclose(in);
	free(report);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE name = '王五'"), 0);
	close_as(&u);
}

/* A unit imports a talent file as u; update: repeats update (F6).
 * Returns import_csv's answer; *report what it said (the caller frees). */
static int import_as(as_session *u, const kp_form *f, const char *csv, bool update, char **report)
{
	size_t len = 0;
	import_stats st;
	import_options o = {.source = "again.csv", .update = update};
	FILE *in = fmemopen((char *)csv, strlen(csv), "r");
	FILE *rep = open_memstream(report, &len);
	int rc = import_csv(&u->env, f, in, &o, rep, &st);
	fclose(rep);
	fclose(in);
	return rc;
}

#define TALENTS "姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别,省辖市科协意见\n"
#define TALENT(name, phone, employer, opinion) name ",男,40,汉族,群众,本科," employer "," phone ",青少年科普," opinion "\n"
static const char opinion_of[] = "SELECT group_concat(name || ':' || ifnull(city_opinion, '') || ':' || ifnull(employer, ''), ' ') "
				 "FROM (SELECT * FROM talent ORDER BY id)";

/* The unit's own export, the city's 省辖市科协意见 in it: imported again
 * as long as that cell is what is stored, or its record is one the import
 * leaves alone (approved); a different opinion on a record the unit may
 * change, one added to a draft, or one on another unit's person, refuses
 * the whole file. */
static void test_unit_reimports_its_export(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	as_session u, c;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	open_as(fx, &c, SESSION_CITY, "shi", NULL);
	char *report = NULL, *err = NULL;
	assert_int_equal(import_as(&u, f, TALENTS TALENT("张三", "13912345601", "一中", "")
				       TALENT("李四", "13912345602", "二中", "") TALENT("王五", "13912345603", "三中", ""),
				   false, &report), 0);
	free(report);
	/* The city's opinions: 张三 approved with one, 李四 returned with one. */
	for (long long id = 1; id <= 2; id++) {
		assert_int_equal(review_apply(&u.env, f, id, REV_SUBMIT, NULL, &err), 0);
		kp_record r;
		assert_int_equal(store_get(c.env.store, f, id, &r, &err), KP_OK);
		record_set(&r, (size_t)form_field_index(f, "city_opinion"), id == 1 ? "同意推荐" : "请补充材料");
		assert_int_equal(store_update(c.env.store, f, &r, &err), KP_OK);
		record_free(&r);
		city_views(c.env.store, f, id);
		assert_int_equal(review_apply(&c.env, f, id, id == 1 ? REV_APPROVE : REV_RETURN, id == 1 ? NULL : "补材料",
					      &err), 0);
	}
	/* Another unit's person, with the city's opinion. */
	save_record(fx, "talent", "长葛市", "name", "赵六", "phone", "13912345604", "city_opinion", "同意推荐", NULL);
	static const char before[] = "张三:同意推荐:一中 李四:请补充材料:二中 王五::三中 赵六:同意推荐:";
	char *was = sql_text(fx->path, opinion_of);
	assert_string_equal(was, before);
	free(was);

	/* The export, 李四's and 王五's 工作单位 changed: checked, then updated
	 * (F6); the opinions as stored, 张三's approved record left alone. */
	static const char own[] = TALENTS TALENT("张三", "13912345601", "一中", "同意推荐")
		TALENT("李四", "13912345602", "二中新址", "请补充材料") TALENT("王五", "13912345603", "三中新址", "");
	assert_int_equal(import_as(&u, f, own, false, &report), 0);
	assert_non_null(strstr(report, "注意：第2行「省辖市科协意见」等由市科协填写的格不导入"));
	free(report);
	assert_int_equal(import_as(&u, f, own, true, &report), 0);
	assert_null(strstr(report, "有内容"));
	free(report);
	was = sql_text(fx->path, opinion_of);
	assert_string_equal(was, "张三:同意推荐:一中 李四:请补充材料:二中新址 王五::三中新址 赵六:同意推荐:");
	free(was);
	/* An approved record is skipped whatever its opinion says. */
	assert_int_equal(import_as(&u, f, TALENTS TALENT("张三", "13912345601", "一中", "改了的意见"), true, &report), 0);
	free(report);
	/* A blank cell keeps what is stored (an export made before the opinion). */
	assert_int_equal(import_as(&u, f, TALENTS TALENT("李四", "13912345602", "二中", ""), true, &report), 0);
	free(report);
	was = sql_text(fx->path, opinion_of);
	assert_string_equal(was, "张三:同意推荐:一中 李四:请补充材料:二中 王五::三中新址 赵六:同意推荐:");
	free(was);

	/* As an attacker: the returned record's opinion changed, checked or
	 * updated; an opinion added to a draft; the other unit's person with
	 * its opinion (a unit never sees it: a new record of its own). */
	static const char *const attacks[] = {
		TALENTS TALENT("李四", "13912345602", "二中", "同意推荐"),
		TALENTS TALENT("王五", "13912345603", "三中新址", "同意推荐"),
		TALENTS TALENT("赵六", "13912345604", "四中", "同意推荐"),
	};
	for (size_t i = 0; i < sizeof attacks / sizeof *attacks; i++)
		for (int update = 0; update <= 1; update++) {
			assert_int_equal(import_as(&u, f, attacks[i], update, &report), -1);
			assert_non_null(strstr(report, "第2行「省辖市科协意见」有内容：这一列由市科协填写，不能由本账号导入"));
			free(report);
		}
	was = sql_text(fx->path, opinion_of);
	assert_string_equal(was, "张三:同意推荐:一中 李四:请补充材料:二中 王五::三中新址 赵六:同意推荐:");
	free(was);
	close_as(&c);
	close_as(&u);
}

static void test_review_and_audit(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	char *err = NULL;
	as_session u, c;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	open_as(fx, &c, SESSION_CITY, "shi", NULL);
	long long mine = add_talent(u.env.store, f, "魏都区", "张三", &err);
	long long theirs = add_talent(c.env.store, f, "长葛市", "李四", &err);
	/* What each side is offered, per state. */
	assert_true(review_allowed(u.env.store, ST_DRAFT, REV_SUBMIT));
	assert_true(review_allowed(u.env.store, ST_RETURNED, REV_SUBMIT));
	assert_false(review_allowed(u.env.store, ST_SUBMITTED, REV_APPROVE));
	assert_false(review_allowed(c.env.store, ST_DRAFT, REV_SUBMIT));
	assert_true(review_allowed(c.env.store, ST_SUBMITTED, REV_APPROVE));
	assert_true(review_allowed(c.env.store, ST_SUBMITTED, REV_RETURN));
	assert_true(review_allowed(c.env.store, ST_APPROVED, REV_REOPEN));
	assert_false(review_allowed(c.env.store, ST_APPROVED, REV_APPROVE));
	assert_true(review_editable(u.env.store, ST_RETURNED));
	assert_false(review_editable(u.env.store, ST_SUBMITTED));
	assert_true(review_editable(c.env.store, ST_SUBMITTED));
	assert_false(review_editable(c.env.store, ST_APPROVED));
	assert_true(store_may_move(u.env.store, "submitted", "draft")); /* 撤回 */
	assert_false(store_may_move(c.env.store, "submitted", "draft"));
	/* The unit cannot approve, cannot touch another unit's record. */
	assert_int_equal(review_apply(&u.env, f, mine, REV_APPROVE, NULL, &err), -1);
	assert_string_equal(err, "不能「认定」：这条记录现在是「草稿」");
	free(err), err = NULL;
	assert_int_equal(review_apply(&u.env, f, theirs, REV_SUBMIT, NULL, &err), -1);
	free(err), err = NULL;
	assert_int_equal(review_apply(&u.env, f, mine, REV_SUBMIT, NULL, &err), 0);
	/* A return needs its reason. */
	assert_int_equal(review_apply(&c.env, f, mine, REV_RETURN, "", &err), -1);
	assert_string_equal(err, "请写明原因");
	free(err), err = NULL;
	/* … and blanks (ASCII and 全角) are no reason; the one kept is trimmed. */
	assert_int_equal(review_apply(&c.env, f, mine, REV_RETURN, " \u3000  ", &err), -1);
	assert_string_equal(err, "请写明原因");
	free(err), err = NULL;
	assert_int_equal(review_apply(&c.env, f, mine, REV_RETURN, "  缺少身份证号 ", &err), 0);
	kp_record r;
	assert_int_equal(store_get(u.env.store, f, mine, &r, &err), KP_OK);
	assert_string_equal(r.state, "returned");
	assert_string_equal(r.reason, "缺少身份证号");
	record_free(&r);
	assert_int_equal(review_apply(&u.env, f, mine, REV_SUBMIT, NULL, &err), 0);
	city_views(c.env.store, f, mine);
	assert_int_equal(review_apply(&c.env, f, mine, REV_APPROVE, NULL, &err), 0);
	/* Approved: the unit cannot resubmit; the city reopens it (a reason needed) … */
	assert_int_equal(review_apply(&u.env, f, mine, REV_SUBMIT, NULL, &err), -1);
	free(err), err = NULL;
	assert_int_equal(review_apply(&c.env, f, mine, REV_REOPEN, "身份证号有误", &err), 0);
	assert_int_equal(review_apply(&u.env, f, mine, REV_SUBMIT, NULL, &err), 0);
	/* … and approves the resubmitted version only once it opened it */
	assert_int_equal(review_apply(&c.env, f, mine, REV_APPROVE, NULL, &err), -1);
	assert_non_null(strstr(err, "的当前内容你还没有打开看过（你看过的是第"));
	free(err), err = NULL;
	city_views(c.env.store, f, mine);
	assert_int_equal(review_apply(&c.env, f, mine, REV_APPROVE, NULL, &err), 0);
	/* Counted by state for the ranking. */
	kp_unit *units;
	size_t n = store_units(c.env.store, &units);
	long long *cnt = calloc(n, sizeof *cnt);
	store_unit_counts(c.env.store, f, "approved", units, n, cnt);
	assert_int_equal(cnt[0], 1);
	store_unit_counts(c.env.store, f, NULL, units, n, cnt);
	assert_int_equal(cnt[0], 1);
	assert_int_equal(cnt[1], 1);
	free(cnt);
	/* The unit's rank comes from every unit's figures, but the store hands
	 * it only its own place and the number of units; another unit's place
	 * is refused. */
	const kp_scoring *sc = &u.env.cat.scoring;
	const kp_form **cfs = calloc(sc->ncols, sizeof *cfs);
	for (size_t k = 0; k < sc->ncols; k++)
		cfs[k] = catalog_form(&u.env.cat, sc->cols[k].count);
	const kp_form *qf = catalog_form(&u.env.cat, sc->quota_form);
	int rank, nunits;
	bool tied;
	assert_int_equal(store_unit_rank(u.env.store, sc, qf, cfs, units[0].id, &rank, &tied, &nunits), KP_OK);
	assert_int_equal(rank, 1); /* the one approved talent */
	assert_int_equal(nunits, (int)n);
	assert_int_equal(store_unit_rank(u.env.store, sc, qf, cfs, units[1].id, &rank, &tied, &nunits), KP_ERR);
	assert_int_equal(rank, 0);
	assert_int_equal(store_unit_rank(c.env.store, sc, qf, cfs, units[1].id, &rank, &tied, &nunits), KP_OK);
	assert_int_equal(rank, 2); /* behind 魏都区, level with the rest */
	free(cfs);
	unit_list_free(units, n);
	/* An edit is audited with old and new values, under its writer. */
	assert_int_equal(store_get(c.env.store, f, theirs, &r, &err), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "name"), "李四光");
	assert_int_equal(store_update(c.env.store, f, &r, &err), KP_OK);
	record_free(&r);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE form = 'talent' AND record_id = %lld"
		 " AND action = 'update' AND changes = '[\"name\",\"李四\",\"李四光\"]' AND user = 'shi'", theirs);
	assert_int_equal(sql_int(fx->path, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE form = 'talent' AND record_id = %lld AND action IN"
		 " ('insert', 'submit', 'return', 'approve', 'reopen')", mine);
	assert_int_equal(sql_int(fx->path, sql), 8);
	/* Audit rows cannot be changed or removed. */
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE kp_audit SET user = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM kp_audit", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_delete(c.env.store, f, theirs, &err), KP_OK);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_audit WHERE form = 'talent' AND record_id = %lld AND action = 'delete'"
		 " AND changes LIKE '%%李四光%%'", theirs);
	assert_int_equal(sql_int(fx->path, sql), 1);
	close_as(&u);
	close_as(&c);
}

/* The city's own save of a record it opened (its 省辖市科协意见) counts as
 * seen: 认定 follows without opening it again. Only a save over the
 * version it was shown, in this session: another session's later save, or
 * a save over a version never opened, still asks for an opening first. */
static void test_city_own_save_counts_as_seen(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	size_t opinion = (size_t)form_field_index(f, "city_opinion");
	char *err = NULL;
	as_session u, c, c2;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	open_as(fx, &c, SESSION_CITY, "shi", NULL);
	open_as(fx, &c2, SESSION_CITY, "shi2", NULL);
	long long a = add_talent(u.env.store, f, "魏都区", "张三", &err);
	long long b = add_talent(u.env.store, f, "魏都区", "李四", &err);
	assert_int_equal(review_apply(&u.env, f, a, REV_SUBMIT, NULL, &err), 0);
	assert_int_equal(review_apply(&u.env, f, b, REV_SUBMIT, NULL, &err), 0);
	/* Opened, its opinion written and saved: approved at once. */
	kp_record r;
	assert_int_equal(store_view(c.env.store, f, a, &r, &err), KP_OK);
	record_set(&r, opinion, "经审核，同意认定。");
	assert_int_equal(store_update(c.env.store, f, &r, &err), KP_OK);
	record_free(&r);
	assert_int_equal(review_apply(&c.env, f, a, REV_APPROVE, NULL, &err), 0);
	/* Opened and saved, then saved again by another city session: the
	 * version now is not one this session was shown or wrote. */
	assert_int_equal(store_view(c.env.store, f, b, &r, &err), KP_OK);
	record_set(&r, opinion, "同意。");
	assert_int_equal(store_update(c.env.store, f, &r, &err), KP_OK);
	record_free(&r);
	assert_int_equal(store_get(c2.env.store, f, b, &r, &err), KP_OK);
	record_set(&r, opinion, "另一位写的意见。");
	assert_int_equal(store_update(c2.env.store, f, &r, &err), KP_OK);
	record_free(&r);
	assert_int_equal(review_apply(&c.env, f, b, REV_APPROVE, NULL, &err), -1);
	assert_non_null(strstr(err, "的当前内容你还没有打开看过（你看过的是第"));
	free(err), err = NULL;
	/* The other session saved over a version it never opened: not seen. */
	assert_int_equal(review_apply(&c2.env, f, b, REV_APPROVE, NULL, &err), -1);
	assert_non_null(strstr(err, "的当前内容你还没有打开看过"));
	free(err), err = NULL;
	city_views(c.env.store, f, b);
	assert_int_equal(review_apply(&c.env, f, b, REV_APPROVE, NULL, &err), 0);
	close_as(&u);
	close_as(&c);
	close_as(&c2);
}

/* The city moves a unit's draft into a year not begun: the unit may not
 * submit, edit, attach to or delete it there until that year begins — the
 * rule that keeps a unit from filing into it. */
static void test_unit_writes_nothing_in_a_year_not_begun(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	char *err = NULL;
	clock_set_today("2016-12-31");
	assert_int_equal(env_open_year(&fx->env, 2017, 2016, &err), 0);
	as_session u;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	long long id = add_talent(u.env.store, f, "魏都区", "张三", &err);
	assert_true(id > 0);
	assert_int_equal(store_move_year(fx->env.store, f, id, 2017, &err), KP_OK);
	assert_int_equal(review_apply(&u.env, f, id, REV_SUBMIT, NULL, &err), -1);
	assert_non_null(strstr(err, "2017 年度还没有开始"));
	free(err), err = NULL;
	kp_record r;
	assert_int_equal(store_get(u.env.store, f, id, &r, &err), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "name"), "张三丰");
	assert_int_equal(store_update(u.env.store, f, &r, &err), KP_ERR);
	assert_non_null(strstr(err, "2017 年度还没有开始"));
	free(err), err = NULL;
	assert_int_equal(store_delete(u.env.store, f, id, &err), KP_ERR);
	assert_non_null(strstr(err, "2017 年度还没有开始"));
	free(err), err = NULL;
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE kp_state = 'draft' AND name = '张三'"), 1);
	/* Once 2017 has begun, the same submit and edit go through. */
	clock_set_today("2017-01-02");
	assert_int_equal(store_update(u.env.store, f, &r, &err), KP_OK);
	assert_int_equal(review_apply(&u.env, f, id, REV_SUBMIT, NULL, &err), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE kp_state = 'submitted' AND name = '张三丰'"), 1);
	record_free(&r);
	close_as(&u);
}

static void test_record_numbers_never_reused(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "talent");
	char *err = NULL;
	long long a = add_talent(fx->env.store, f, "魏都区", "张甲", &err);
	long long b = add_talent(fx->env.store, f, "魏都区", "李乙", &err);
	assert_int_equal(store_delete(fx->env.store, f, b, &err), KP_OK);
	long long c = add_talent(fx->env.store, f, "魏都区", "王丙", &err);
	assert_true(c > b && b > a);
	/* Another connection (another session) continues from the same number. */
	as_session u;
	open_as(fx, &u, SESSION_UNIT, "wd", "魏都区");
	assert_int_equal(store_delete(u.env.store, f, c, &err), KP_OK);
	long long d = add_talent(u.env.store, f, "魏都区", "赵丁", &err);
	assert_true(d > c);
	close_as(&u);
	/* A database of an older kepu, without kp_seq, whose newest record
	 * was deleted: the audit trail still names it, so it is not reused. */
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE kp_seq", NULL, NULL, NULL), SQLITE_OK);
	char sql[128];
	snprintf(sql, sizeof sql, "DELETE FROM talent WHERE id = %lld", d);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	env_close(&fx->env);
	kp_diag diag = {0};
	assert_int_equal(env_load_definitions(&fx->env, NULL, NULL, &diag), 0);
	assert_int_equal(env_open_db(&fx->env, fx->path, false, &err), 0);
	f = form(fx, "talent");
	long long e = add_talent(fx->env.store, f, "魏都区", "钱戊", &err);
	assert_true(e > d);
}

/* A file of these bytes, open for reading. */
static FILE *file_of(const char *bytes, size_t n)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	rewind(f);
	return f;
}

#define PNG "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"

/* 魏都区's session u and the city's c, with an activity of each side's
 * unit: mine (魏都区's) and theirs (长葛市's). */
static void two_activities(fixture *fx, as_session *u, as_session *c, long long *mine, long long *theirs)
{
	const kp_form *f = form(fx, "activity");
	char *err = NULL;
	open_as(fx, u, SESSION_UNIT, "wd", "魏都区");
	open_as(fx, c, SESSION_CITY, "city", NULL);
	*mine = add_talent(u->env.store, f, "魏都区", "科普讲座", &err);
	*theirs = add_talent(c->env.store, f, "长葛市", "科普展览", &err);
	assert_true(*mine > 0 && *theirs > 0);
}

/* Attachments (#19) tried by a unit clerk: another unit's record id and
 * another unit's attachment id find nothing and change nothing; an
 * approved record's files stay; the limits hold; types go by content. */
static void test_attachments_as_an_attacker(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "activity"), *talent = form(fx, "talent");
	as_session u, c;
	long long mine, theirs;
	two_activities(fx, &u, &c, &mine, &theirs);
	char *err = NULL;
	FILE *png = file_of(PNG, sizeof PNG - 1);
	long long id = 0, their_file = 0;
	assert_int_equal(evidence_add(&u.env, f, mine, png, "照片.png", sizeof PNG - 1, &id, &err), 0);
	/* Another unit's record: no such record, nothing attached. */
	assert_int_equal(evidence_add(&u.env, f, theirs, png, "x.png", sizeof PNG - 1, &their_file, &err), -1);
	assert_string_equal(err, msg(MSG_S_CHANGED));
	free(err), err = NULL;
	assert_int_equal(evidence_add(&c.env, f, theirs, png, "长葛.png", sizeof PNG - 1, &their_file, &err), 0);
	kp_attachment *a;
	assert_int_equal(store_attachments(u.env.store, f, theirs, &a), 0);
	attachments_free(a, 0);
	/* Another unit's attachment id: not read, not removed. */
	FILE *out = tmpfile();
	assert_int_equal(store_attachment_copy(u.env.store, f, their_file, out, &err), KP_ENOTFOUND);
	free(err), err = NULL;
	assert_int_equal(ftell(out), 0);
	assert_int_not_equal(store_detach(u.env.store, f, their_file, &err), KP_OK);
	free(err), err = NULL;
	/* Nor through another form's table. */
	assert_int_equal(store_attachments(u.env.store, talent, mine, &a), 0);
	attachments_free(a, 0);
	assert_int_not_equal(store_attachment_copy(u.env.store, talent, id, out, &err), KP_OK);
	free(err), err = NULL;
	assert_int_equal(store_attachments(c.env.store, f, theirs, &a), 1);
	assert_string_equal(a[0].name, "长葛.png");
	assert_string_equal(a[0].by, "city");
	attachments_free(a, 1);
	/* Its own: listed and read back byte for byte. */
	assert_int_equal(store_attachments(u.env.store, f, mine, &a), 1);
	assert_string_equal(a[0].type, "PNG");
	assert_int_equal(a[0].size, sizeof PNG - 1);
	attachments_free(a, 1);
	assert_int_equal(store_attachment_copy(u.env.store, f, id, out, &err), KP_OK);
	assert_int_equal(ftell(out), sizeof PNG - 1);
	fclose(out);
	/* Types by content, whatever the name says. */
	FILE *text = file_of("hello", 5);
	assert_int_equal(evidence_add(&u.env, f, mine, text, "照片.jpg", 5, &id, &err), -1);
	assert_non_null(strstr(err, "「照片.jpg」不是可以作为附件的文件"));
	free(err), err = NULL;
	fclose(text);
	assert_int_equal(filetype_detect(png), FTYPE_PNG);
	FILE *t;
	assert_int_equal(filetype_detect(t = file_of("\xff\xd8\xff\xe0", 4)), FTYPE_JPEG), fclose(t);
	assert_int_equal(filetype_detect(t = file_of("%PDF-1.4", 8)), FTYPE_PDF), fclose(t);
	assert_int_equal(filetype_detect(t = file_of("\0\0\0\x18" "ftypmp42", 12)), FTYPE_MP4), fclose(t);
	assert_int_equal(filetype_detect(t = file_of("PK\3\4 not a document", 20)), FTYPE_NONE), fclose(t);
	/* The limits: one file's size, files per record (the form's). */
	assert_int_equal(evidence_add(&u.env, f, mine, png, "大.png", 21LL * 1024 * 1024, &id, &err), -1);
	assert_non_null(strstr(err, "超过了每个附件 20 MiB 的上限"));
	free(err), err = NULL;
	for (int i = 1; i < f->evidence->max_files; i++) { /* other photos: the same one is taken once */
		char other[] = PNG "0";
		other[sizeof other - 2] = (char)('0' + i);
		FILE *p = file_of(other, sizeof other - 1);
		assert_int_equal(evidence_add(&u.env, f, mine, p, "照片.png", sizeof other - 1, &id, &err), 0);
		fclose(p);
	}
	FILE *last = file_of(PNG "z", sizeof PNG);
	assert_int_equal(evidence_add(&u.env, f, mine, last, "照片.png", sizeof PNG, &id, &err), -1);
	fclose(last);
	assert_non_null(strstr(err, "已有 10 个附件"));
	free(err), err = NULL;
	/* Approved: the unit neither adds nor removes one. */
	assert_int_equal(review_apply(&u.env, f, mine, REV_SUBMIT, NULL, &err), 0);
	city_views(c.env.store, f, mine);
	assert_int_equal(review_apply(&c.env, f, mine, REV_APPROVE, NULL, &err), 0);
	assert_int_equal(store_detach(u.env.store, f, id, &err), KP_ERR);
	assert_string_equal(err, "这条记录现在是「已认定」，不能修改或删除");
	free(err), err = NULL;
	assert_int_equal(store_attachments(u.env.store, f, mine, &a), 10);
	attachments_free(a, 10);
	/* A deleted record takes its files with it. */
	assert_int_equal(store_delete(c.env.store, f, theirs, &err), KP_OK);
	assert_int_equal(store_attachment_copy(c.env.store, f, their_file, stdout, &err), KP_ENOTFOUND);
	free(err), err = NULL;
	fclose(png);
	close_as(&u);
	close_as(&c);
}

/* An open file of a fixture made by another program (tests/fixtures/attach). */
static FILE *fixture_file(const char *name, long long *size)
{
	char path[256];
	snprintf(path, sizeof path, "tests/fixtures/attach/%s", name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*size = ftell(f);
	rewind(f);
	return f;
}

/* kepu attachments' reads: every file the session may see across a form,
 * narrowed by record and unit, each with its unit and its record's state;
 * an attachment found by number alone (evidence_find) in a unit's session
 * only if it is the unit's own, the same words for another unit's number
 * as for one that does not exist. Real office files are taken by content,
 * an ODT named .docx is not. */
/* name in the exchange folder x, holding n bytes (a sparse tail past
 * what is written: a size without the disk). */
static void folder_file(const kp_exchange *x, const char *name, const char *bytes, size_t n, long long size)
{
	int fd = openat(x->fd, name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, bytes, n), (ssize_t)n);
	if (size > (long long)n)
		assert_int_equal(ftruncate(fd, size), 0);
	close(fd);
}

/* The content of name in the folder, as text. */
static char *folder_text(const kp_exchange *x, const char *name)
{
	char buf[256] = "";
	int fd = openat(x->fd, name, O_RDONLY);
	if (fd < 0)
		return strdup("(none)");
	ssize_t got = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[got > 0 ? got : 0] = '\0';
	return strdup(buf);
}

/* A PuTTY clerk's attachments go through the account's exchange folder
 * (F6, F7 on the 附件 screen): the same checks as a ZMODEM upload — the
 * store's rights (another unit's record, an approved one), the size, the
 * type — and the folder's own (a link, pointing anywhere, never opened).
 * A copy put back never replaces a file there. */
static void test_attach_from_exchange_folder(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "activity");
	as_session u, c;
	long long mine, theirs;
	two_activities(fx, &u, &c, &mine, &theirs);
	char *err = NULL;
	long long done = add_talent(u.env.store, f, "魏都区", "科普展览", &err);
	assert_true(done > 0);
	assert_int_equal(review_apply(&u.env, f, done, REV_SUBMIT, NULL, &err), 0);
	city_views(c.env.store, f, done);
	assert_int_equal(review_apply(&c.env, f, done, REV_APPROVE, NULL, &err), 0);
	kp_exchange x;
	char account[32]; /* this run's own folder: /tmp/exchange/ is shared */
	snprintf(account, sizeof account, "wd%ld", (long)getpid());
	assert_int_equal(exchange_open(&x, fx->path, account, &err), 0);
	folder_file(&x, "照片.png", PNG, sizeof PNG - 1, 0);
	folder_file(&x, "大.png", PNG, sizeof PNG - 1, 21LL * 1024 * 1024);
	folder_file(&x, "说明.txt", "hello", 5, 0);
	assert_int_equal(symlinkat("照片.png", x.fd, "链接.png"), 0);   /* to a file of the folder */
	assert_int_equal(symlinkat(fx->path, x.fd, "库.png"), 0);       /* to the database */
	long long id = 0;
	/* Its own draft: attached, listed, byte for byte (positive control). */
	assert_int_equal(evidence_add_from(&u.env, f, mine, &x, "照片.png", &id, &err), 0);
	kp_attachment *a;
	assert_int_equal(store_attachments(u.env.store, f, mine, &a), 1);
	assert_string_equal(a[0].name, "照片.png");
	assert_string_equal(a[0].type, "PNG");
	assert_int_equal(a[0].size, sizeof PNG - 1);
	/* Refused, nothing attached: */
	const struct {
		long long *record;
		const char *name, *why;
	} refusals[] = {
		{&theirs, "照片.png", "已被其他人修改或删除"},     /* another unit's record: as if gone */
		{&done, "照片.png", "「已认定」"},               /* approved */
		{&mine, "大.png", "超过"},                        /* over the size bound */
		{&mine, "说明.txt", "不是可以作为附件的文件"},    /* not a type that is taken */
		{&mine, "链接.png", "是符号链接"},                /* a link, even to the folder's own file */
		{&mine, "库.png", "是符号链接"},                  /* …or to the database */
		{&mine, "../照片.png", "「../照片.png」"},         /* a path, not a name */
		{&mine, "没有.png", "没有"},                      /* not there */
	};
	for (size_t i = 0; i < sizeof refusals / sizeof *refusals; i++) {
		assert_int_equal(evidence_add_from(&u.env, f, *refusals[i].record, &x, refusals[i].name, &id, &err), -1);
		if (!strstr(err, refusals[i].why))
			fail_msg("%s: %s", refusals[i].name, err);
		free(err), err = NULL;
	}
	kp_attachment *none;
	assert_int_equal(store_attachments(c.env.store, f, theirs, &none), 0);
	attachments_free(none, 0);
	assert_int_equal(store_attachments(c.env.store, f, done, &none), 0);
	attachments_free(none, 0);
	assert_int_equal(store_attachments(u.env.store, f, mine, &none), 1);
	attachments_free(none, 1);
	/* Back into the folder: never over the file there, nor the link. */
	folder_file(&x, "照片.png", "kept", 4, 0);
	char *saved = NULL;
	assert_int_equal(evidence_to_folder(&u.env, f, &a[0], &x, &saved, &err), 0);
	assert_string_equal(saved, "照片-2.png");
	free(saved);
	char *t = folder_text(&x, "照片.png");
	assert_string_equal(t, "kept");
	free(t);
	t = folder_text(&x, "照片-2.png");
	assert_memory_equal(t, PNG, 8);
	free(t);
	assert_int_equal(evidence_to_folder(&u.env, f, &a[0], &x, &saved, &err), 0);
	assert_string_equal(saved, "照片-3.png");
	free(saved);
	/* Another unit's attachment: the unit's session reads none of it. */
	long long their_file = 0;
	FILE *png = file_of(PNG, sizeof PNG - 1);
	assert_int_equal(evidence_add(&c.env, f, theirs, png, "长葛.png", sizeof PNG - 1, &their_file, &err), 0);
	fclose(png);
	kp_attachment theirs_a = {.id = their_file, .name = (char *)"长葛.png"};
	assert_int_equal(evidence_to_folder(&u.env, f, &theirs_a, &x, &saved, &err), -1);
	free(err), err = NULL;
	t = folder_text(&x, "长葛.png");
	assert_string_equal(t, "(none)"); /* nothing left behind */
	free(t);
	attachments_free(a, 1);
	static const char *const made[] = {"照片.png", "大.png", "说明.txt", "链接.png", "库.png", "照片-2.png", "照片-3.png"};
	for (size_t i = 0; i < sizeof made / sizeof *made; i++)
		unlinkat(x.fd, made[i], 0);
	char *dir = strdup(x.path);
	exchange_close(&x);
	rmdir(dir);
	free(dir);
	close_as(&c);
	close_as(&u);
}

static void test_attachment_listing_and_lookup(void **state)
{
	fixture *fx = *state;
	const kp_form *f = form(fx, "activity");
	as_session u, c;
	long long mine, theirs;
	two_activities(fx, &u, &c, &mine, &theirs);
	char *err = NULL;
	long long size, docx_id = 0, xlsx_id = 0, no_id = 0;
	FILE *docx = fixture_file("report.docx", &size);
	assert_int_equal(evidence_add(&u.env, f, mine, docx, "活动总结.docx", size, &docx_id, &err), 0);
	fclose(docx);
	FILE *xlsx = fixture_file("tally.xlsx", &size);
	assert_int_equal(evidence_add(&c.env, f, theirs, xlsx, "统计.xlsx", size, &xlsx_id, &err), 0);
	fclose(xlsx);
	FILE *odt = fixture_file("notes.odt", &size);
	assert_int_equal(evidence_add(&u.env, f, mine, odt, "总结.docx", size, &no_id, &err), -1);
	assert_non_null(strstr(err, "「总结.docx」不是可以作为附件的文件"));
	free(err), err = NULL;
	fclose(odt);

	kp_attachment *a;
	/* The city: both, oldest first; narrowed by unit or by record. */
	assert_int_equal(store_attachments_where(c.env.store, f, 0, 0, &a), 2);
	assert_int_equal(a[0].id, docx_id);
	assert_string_equal(a[0].type, "DOCX");
	assert_string_equal(a[0].unit_name, "魏都区");
	assert_string_equal(a[0].state, "draft");
	assert_string_equal(a[1].type, "XLSX");
	assert_string_equal(a[1].unit_name, "长葛市");
	attachments_free(a, 2);
	long long changge = store_unit_id(c.env.store, "长葛市");
	assert_int_equal(store_attachments_where(c.env.store, f, 0, changge, &a), 1);
	assert_int_equal(a[0].id, xlsx_id);
	attachments_free(a, 1);
	assert_int_equal(store_attachments_where(c.env.store, f, mine, 0, &a), 1);
	assert_int_equal(a[0].id, docx_id);
	attachments_free(a, 1);
	/* The unit: its own only, even when it asks for another unit's. */
	assert_int_equal(store_attachments_where(u.env.store, f, 0, 0, &a), 1);
	assert_int_equal(a[0].id, docx_id);
	attachments_free(a, 1);
	assert_int_equal(store_attachments_where(u.env.store, f, 0, changge, &a), 0);
	attachments_free(a, 0);
	assert_int_equal(store_attachments_where(u.env.store, f, theirs, 0, &a), 0);
	attachments_free(a, 0);

	/* By number alone. */
	const kp_form *found;
	kp_attachment one;
	assert_int_equal(evidence_find(&u.env, docx_id, &found, &one, &err), 0);
	assert_ptr_equal(found, f);
	assert_string_equal(one.name, "活动总结.docx");
	assert_int_equal(one.record_id, mine);
	attachment_clear(&one);
	assert_int_equal(evidence_find(&u.env, xlsx_id, &found, &one, &err), -1);
	char *theirs_said = err;
	err = NULL;
	assert_int_equal(evidence_find(&u.env, xlsx_id + 1000, &found, &one, &err), -1);
	char want[64];
	snprintf(want, sizeof want, "本单位的附件中没有第 %lld 号附件", xlsx_id);
	assert_string_equal(theirs_said, want);
	snprintf(want, sizeof want, "本单位的附件中没有第 %lld 号附件", xlsx_id + 1000);
	assert_string_equal(err, want);
	free(theirs_said);
	free(err), err = NULL;
	assert_int_equal(evidence_find(&c.env, xlsx_id, &found, &one, &err), 0);
	assert_string_equal(one.unit_name, "长葛市");
	attachment_clear(&one);
	/* Read back byte for byte as the office program wrote it. */
	FILE *out = tmpfile();
	assert_int_equal(store_attachment_copy(u.env.store, f, docx_id, out, &err), KP_OK);
	docx = fixture_file("report.docx", &size);
	assert_int_equal(ftell(out), size);
	rewind(out);
	for (long long i = 0; i < size; i++)
		assert_int_equal(fgetc(out), fgetc(docx));
	fclose(docx);
	fclose(out);
	close_as(&u);
	close_as(&c);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sessions_only_narrow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_reads_only_its_own, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_writes_only_what_a_unit_may, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_import_refused_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_reimports_its_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_and_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_city_own_save_counts_as_seen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_writes_nothing_in_a_year_not_begun, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_numbers_never_reused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attachments_as_an_attacker, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attach_from_exchange_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attachment_listing_and_lookup, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
