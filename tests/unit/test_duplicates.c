/* SPDX-License-Identifier: MulanPSL-2.0 */
/* An import finds every row repeating a person (附表2's unique_hint: 姓名
 * and 联系电话) however the store gets there: the first import into an
 * empty table (a filter instead of look-ups, the hint's index made at the
 * end), an import into a table with rows (look-ups until the filter is
 * worth reading the table into, then the filter), within the file and
 * against stored rows, the unit's own and another unit's, for the city and
 * for a unit's session (whose rows repeating another unit's person are
 * saved and marked). Also the filter itself (core/bloom.c). Activities,
 * resources and projects have a unique_hint too: an activity imported
 * twice (a unit's ranking counted each copy) is refused. */
#include "unit_env.h"

#include "import_text.h"

#include "core/bloom.h"
#include "core/clock.h"
#include "core/dupkey.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/save.h"
#include "domain/transfer.h"
#include "form/phone.h"
#include "store/db.h"

#define HEADER "填报单位,姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n"
/* similar_hint's 联系电话 first: the same index finds a similar person */
#define HINT_SQL "CREATE INDEX \"talent_kp_hint\" ON \"talent\" (\"phone\", \"name\")"

/* One row: unit, name, phone number ending in n, at a workplace of n's
 * (the same 姓名 at the same 工作单位 is a similar person: similar_hint). */
static void row(strbuf *b, const char *unit, const char *name, int n)
{
	sb_printf(b, "%s,%s,男,40,汉族,群众,大学本科,许昌学院%d系,138%08d,其他\n", unit, name, n, n);
}

static int import_into(kp_env *e, const char *form, const char *csv, bool update, char **report,
		       import_stats *st)
{
	return import_text(e, form, csv, (import_options){.update = update}, report, st);
}

static int import(kp_env *e, const char *csv, bool update, char **report, import_stats *st)
{
	return import_into(e, "talent", csv, update, report, st);
}

/* Import csv into form: it saves saved rows, leaves out same as repeats,
 * and its report says said (and also, unless NULL). */
static void import_says(fixture *fx, const char *form, const char *csv, int saved, int same, const char *said,
			const char *also)
{
	char *rep;
	import_stats st;
	assert_int_equal(import_into(&fx->env, form, csv, false, &rep, &st), 0);
	assert_int_equal(st.saved, saved);
	assert_int_equal(st.same, same);
	assert_non_null(strstr(rep, said));
	assert_true(!also || strstr(rep, also));
	free(rep);
}

/* An import of csv saving saved rows, its report silent about other
 * units (a unit is told of another unit's person by 姓名 and 联系电话
 * only: docs/security.md). */
static void import_silent(fixture *fx, const char *csv, int saved)
{
	char *rep;
	import_stats st;
	assert_int_equal(import_into(&fx->env, "talent", csv, false, &rep, &st), 0);
	assert_int_equal(st.saved, saved);
	assert_null(strstr(rep, "其他单位"));
	free(rep);
}

/* The hint's index, as schema.c makes it (left out during a first import). */
static void assert_hint_index(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(path, &db);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE name = 'talent_kp_hint'", -1,
					    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), HINT_SQL);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void test_first_import_finds_repeats(void **state)
{
	fixture *fx = *state;
	strbuf b = STRBUF_INIT;
	sb_adds(&b, HEADER);
	row(&b, "魏都区", "张三", 1);
	row(&b, "魏都区", "李四", 2);
	row(&b, "魏都区", "张三", 1); /* row 4: the file's row 2, same unit */
	row(&b, "长葛市", "李四", 2); /* row 5: the file's row 3, another unit */
	row(&b, "长葛市", "张三", 9); /* another number: another person */
	char *rep;
	import_stats st;
	assert_int_equal(import(&fx->env, sb_str(&b), false, &rep, &st), 0);
	assert_int_equal(st.saved, 3);
	assert_int_equal(st.same, 1);        /* row 4: --update would change it */
	assert_int_equal(st.same_locked, 1); /* row 5: another unit's, never */
	assert_non_null(strstr(rep, "第4行: 与本文件第 2 行重复（姓名、联系电话相同），没有再次导入"));
	assert_non_null(strstr(rep, "第5行: 与本文件第 3 行（魏都区的记录）重复（姓名、联系电话相同），没有导入"));
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 3);
	assert_hint_index(fx->path);
	sb_free(&b);
}

/* With --update, a repeat within the first file updates the row the file
 * saved a moment before. */
static void test_first_import_updates_repeats(void **state)
{
	fixture *fx = *state;
	const char *csv = HEADER "魏都区,张三,男,40,汉族,群众,大学本科,许昌学院,13800000001,其他\n"
			  "魏都区,张三,男,41,汉族,群众,大学本科,许昌学院,13800000001,其他\n";
	char *rep;
	import_stats st;
	assert_int_equal(import(&fx->env, csv, true, &rep, &st), 0);
	free(rep);
	assert_int_equal(st.saved, 1);
	assert_int_equal(st.updated, 1);
	assert_int_equal(sql_int(fx->path, "SELECT age * 10 + version FROM talent"), 412);
	assert_hint_index(fx->path);
}

/* A first import refused whole, or a dry run, leaves the index as it was. */
static void test_first_import_rolled_back(void **state)
{
	fixture *fx = *state;
	const char *csv = HEADER "魏都区,张三,男,40,汉族,群众,大学本科,许昌学院,13800000001,其他\n"
			  "魏都区,李四,男,四十,汉族,群众,大学本科,许昌学院,13800000002,其他\n";
	char *rep;
	import_stats st;
	assert_int_equal(import(&fx->env, csv, false, &rep, &st), -1);
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 0);
	assert_hint_index(fx->path);
	size_t len;
	FILE *out = open_memstream(&rep, &len);
	FILE *in = fmemopen((void *)csv, strlen(csv) - strlen(strchr(csv + strlen(HEADER), '\n') + 1), "r");
	import_options o = {.source = "test.csv", .dry_run = true};
	assert_int_equal(import_csv(&fx->env, catalog_form(&fx->env.cat, "talent"), in, &o, out, &st), 0);
	fclose(in);
	fclose(out);
	free(rep);
	assert_int_equal(st.ready, 1);
	assert_hint_index(fx->path);
}

/* Into a table of 40 people: the first rows are looked up one by one, then
 * the table is read into the filter (40 rows cost about 3 look-ups); repeats
 * are found on both sides of that moment, of stored rows and of the file's. */
static void test_import_into_filled_table(void **state)
{
	fixture *fx = *state;
	strbuf b = STRBUF_INIT;
	sb_adds(&b, HEADER);
	for (int i = 0; i < 40; i++)
		row(&b, i % 2 ? "长葛市" : "魏都区", "王五", 100 + i);
	char *rep;
	import_stats st;
	assert_int_equal(import(&fx->env, sb_str(&b), false, &rep, &st), 0);
	free(rep);
	assert_int_equal(st.saved, 40);
	sb_clear(&b);
	sb_adds(&b, HEADER);
	row(&b, "魏都区", "赵六", 1);   /* new, looked up */
	row(&b, "魏都区", "王五", 102); /* a stored person of this unit, looked up */
	row(&b, "魏都区", "钱七", 2);   /* new: the table goes into the filter */
	row(&b, "魏都区", "赵六", 1);   /* the file's row 2, read into the filter */
	row(&b, "魏都区", "钱七", 2);   /* the file's row 4, added to the filter */
	row(&b, "魏都区", "王五", 103); /* a stored person of 长葛市, from the filter */
	row(&b, "魏都区", "王五", 140); /* nobody's */
	assert_int_equal(import(&fx->env, sb_str(&b), false, &rep, &st), 0);
	assert_int_equal(st.saved, 3);
	assert_int_equal(st.same, 3);
	assert_int_equal(st.same_locked, 1); /* 长葛市's 王五 */
	assert_non_null(strstr(rep, "第3行: 与已有的第 3 号记录重复"));
	assert_non_null(strstr(rep, "第5行: 与本文件第 2 行重复"));
	assert_non_null(strstr(rep, "第6行: 与本文件第 4 行重复"));
	assert_non_null(strstr(rep, "第7行: 与长葛市的第 4 号记录重复"));
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 43);
	sb_free(&b);
}

/* A unit's session sees only its own people: a repeat of its own is left
 * out, within the file as against the table; another unit's person is
 * saved and marked for the city, whether the table is read into the filter
 * or looked up row by row. */
static void test_unit_import(void **state)
{
	fixture *fx = *state;
	kp_env u = {.cat = fx->env.cat};
	char *err = NULL;
	assert_int_equal(store_open(fx->path, &u.store, &err), KP_OK);
	assert_int_equal(store_session(u.store, SESSION_UNIT, "wd", store_unit_id(u.store, "魏都区"), &err), KP_OK);
	char *rep;
	import_stats st;
	/* the first import, into an empty table */
	const char *first = HEADER "魏都区,张三,男,40,汉族,群众,大学本科,许昌学院,13800000001,其他\n"
			    "魏都区,张三,男,40,汉族,群众,大学本科,许昌学院,13800000001,其他\n";
	assert_int_equal(import(&u, first, false, &rep, &st), 0);
	assert_non_null(strstr(rep, "第3行: 与本文件第 2 行重复"));
	free(rep);
	assert_int_equal(st.saved, 1);
	assert_int_equal(st.same, 1);
	/* the city's people of 长葛市 */
	strbuf b = STRBUF_INIT;
	sb_adds(&b, HEADER);
	for (int i = 0; i < 40; i++)
		row(&b, "长葛市", "王五", 100 + i);
	assert_int_equal(import(&fx->env, sb_str(&b), false, &rep, &st), 0);
	free(rep);
	sb_clear(&b);
	sb_adds(&b, HEADER);
	row(&b, "魏都区", "王五", 100); /* 长葛市's, looked up: saved, marked */
	row(&b, "魏都区", "张三", 1);   /* its own, looked up */
	row(&b, "魏都区", "孙八", 3);   /* new: the table goes into the filter */
	row(&b, "魏都区", "王五", 139); /* 长葛市's, from the filter: saved, marked */
	row(&b, "魏都区", "孙八", 3);   /* the file's row 4 */
	assert_int_equal(import(&u, sb_str(&b), false, &rep, &st), 0);
	assert_non_null(strstr(rep, "2 行可能与其他单位的记录重复，已标记"));
	assert_null(strstr(rep, "长葛市")); /* nothing of the other unit's */
	free(rep);
	assert_int_equal(st.saved, 3);
	assert_int_equal(st.same, 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates d JOIN talent m ON m.id = d.id"
					   " JOIN talent o ON o.id = d.other WHERE m.phone = o.phone"
					   " AND m.unit_id <> o.unit_id"), 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 2);
	sb_free(&b);
	store_close(u.store);
	assert_hint_index(fx->path);
}

static uint64_t key(int i)
{
	char s[16];
	int n = snprintf(s, sizeof s, "%d", i);
	return bloom_hash(BLOOM_SEED, s, (size_t)n);
}

/* Whatever was added is always "maybe"; others are mostly "no". */
static void test_bloom(void **state)
{
	(void)state;
	kp_bloom b;
	bloom_init(&b);
	for (int i = 0; i < 100000; i += 2)
		bloom_add(&b, key(i));
	int wrong = 0;
	for (int i = 0; i < 100000; i++) {
		if (i % 2 == 0)
			assert_true(bloom_maybe(&b, key(i)));
		else
			wrong += bloom_maybe(&b, key(i));
	}
	assert_true(wrong < 10);
	/* chained values: ("ab", "c") is not ("a", "bc") */
	assert_true(bloom_hash(bloom_hash(BLOOM_SEED, "ab", 2), "c", 1) !=
		    bloom_hash(bloom_hash(BLOOM_SEED, "a", 1), "bc", 2));
	bloom_free(&b);
}

/* The records the tester's file c13 held: one activity three times (the
 * third with a blank after the name and the date written 2016年7月1日),
 * imported by the unit itself. */
static int setup_august(void **state)
{
	clock_set_today("2016-08-10");
	return setup(state);
}

static void test_activity_repeats(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	const char *csv = ACT_HEADER ACT_ROW("节约能源资源科普报告会", "2016-07-01", "许昌市第一高级中学")
		ACT_ROW("节约能源资源科普报告会", "2016-07-01", "许昌市第一高级中学")
		ACT_ROW("节约能源资源科普报告会 ", "2016年7月1日", "许昌市第一高级中学")
		ACT_ROW("节约能源资源科普报告会", "2016-07-02", "许昌市第一高级中学"); /* another day: another activity */
	import_says(fx, "activity", csv, 2, 2, "第3行: 与本文件第 2 行重复（活动名称、日期、地点相同），没有再次导入",
		    "第4行: 与本文件第 2 行重复");
	/* the same file again: every row repeats a stored record */
	import_says(fx, "activity", csv, 0, 4, "第2行: 与已有的第 1 号记录重复（活动名称、日期、地点相同），没有再次导入",
		    "第5行: 与已有的第 2 号记录重复");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 2);
}

static void test_resource_repeats(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	const char *csv = "填报单位,名称,类型,作者,完成日期\n"
			  "魏都区,小麦病虫害防治图解,科普漫画,王建国,2016-07-10\n"
			  "魏都区,小麦病虫害防治图解,科普漫画,王建国,2016-07-10\n"
			  "魏都区,小麦病虫害防治图解,科普漫画,李红,2016-07-10\n"; /* another author's */
	import_says(fx, "resource", csv, 2, 1, "第3行: 与本文件第 2 行重复（名称、类型、作者相同），没有再次导入", NULL);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM resource"), 2);
}

/* Padding is no new record: full-width letters and digits, ASCII case and
 * spaces (ASCII, ideographic) are folded by the rule, within the file and
 * against the table; a different title is still new (the control). */
static void test_repeats_through_padding(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	const char *csv = "填报单位,名称,类型,作者,完成日期\n"
			  "魏都区,小麦病虫害防治图解（2016版）E,科普漫画,王建国,2016-07-10\n"
			  "魏都区,小麦病虫害防治图解（２０１６版）ｅ,科普漫画,王　建国,2016-07-10\n"
			  "魏都区,小麦病虫害防治图解（2017版）E,科普漫画,王建国,2016-07-10\n";
	import_says(fx, "resource", csv, 2, 1, "第3行: 与本文件第 2 行重复（名称、类型、作者相同），没有再次导入", NULL);
	const char *again = "填报单位,名称,类型,作者,完成日期\n"
			    "魏都区,小麦 病虫害防治图解 （2016版）e,科普漫画,王建国 ,2016-07-10\n";
	import_says(fx, "resource", again, 0, 1, "与已有的第 1 号记录重复", NULL);
	/* the save path: the same key, before saving */
	const kp_form *f = catalog_form(&fx->env.cat, "resource");
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, 1, &r, NULL), KP_OK);
	r.id = 0;
	record_set(&r, (size_t)form_field_index(f, "name"), "小麦病虫害防治图解（２０１６版）Ｅ");
	kp_dup d;
	assert_true(store_find_duplicate(fx->env.store, f, &r, &d));
	assert_int_equal(d.id, 1);
	dup_free(&d);
	/* look-alikes (validation refuses them as typed; a record stored before
	 * that, or a Cyrillic letter among Han ones, still meets the rule):
	 * Kangxi radicals, a CJK radical, a compatibility ideograph, a combining
	 * accent, a private-use character, Cyrillic е and Greek Ε for E */
	static const char *const alike[] = {
		"\xe2\xbc\xa9麦病\xe2\xbe\x8d害防治图解（2016版）E", "小\xe2\xbb\xa8病虫害防治图解（2016版）E",
		"小麦病\xcc\x81虫害防治图解（2016版）E", "小麦病虫害防治图解\xee\x80\x80（2016版）E",
		"小麦病虫害防治图解（2016版）\xd0\xb5", "小麦病虫害防治图解（2016版）\xce\x95",
		"小麦病虫害防治\xef\xa8\x99解（2016版）E", /* U+FA19 is 神, not 图: the control below */
	};
	for (size_t i = 0; i < sizeof alike / sizeof alike[0]; i++) {
		record_set(&r, (size_t)form_field_index(f, "name"), alike[i]);
		bool found = store_find_duplicate(fx->env.store, f, &r, &d);
		if (found != (i + 1 < sizeof alike / sizeof alike[0]))
			fail_msg("「%s」: %s", alike[i], found ? "found" : "not found");
		dup_free(&d);
	}
	record_set(&r, (size_t)form_field_index(f, "name"), "小麦病虫害防治图解（2018版）E");
	assert_false(store_find_duplicate(fx->env.store, f, &r, &d));
	dup_free(&d);
	record_free(&r);
}

/* A project saved twice: the second is found before saving (the form and
 * `kepu save` warn and ask again), and once saved anyway it is marked for
 * the city, who sees the pair. */
static void test_project_repeat_found_and_marked(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "project");
#define PROJECT(executor) "declared_on", "2016-07-12", "name", "社区科普大讲堂", "executor", executor, "contact", "王晓", \
		"phone", "13812345678", "category", "科普活动", "start", "2016-08", "end", "2016-09", NULL
	long long first = save_record(fx, "project", "魏都区", PROJECT("魏都区科协"));
	long long other = save_record(fx, "project", "魏都区", PROJECT("许昌学院")); /* another executor */
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, other, &r, NULL), KP_OK);
	kp_dup d;
	assert_false(store_find_duplicate(fx->env.store, f, &r, &d)); /* control: not a repeat */
	dup_free(&d);
	record_set(&r, (size_t)form_field_index(f, "executor"), "魏都区科协");
	r.id = 0;
	assert_true(store_find_duplicate(fx->env.store, f, &r, &d));
	assert_int_equal(d.id, first);
	assert_false(d.other_unit);
	dup_free(&d);
	record_free(&r);
	long long again = save_record(fx, "project", "魏都区", PROJECT("魏都区科协"));
	assert_int_equal(store_get(fx->env.store, f, again, &r, NULL), KP_OK);
	assert_int_equal(store_mark_duplicate(fx->env.store, f, &r, NULL), KP_OK);
	record_free(&r);
	assert_int_equal(store_session(fx->env.store, SESSION_CITY, "admin", 0, NULL), KP_OK);
	kp_dup *pairs;
	assert_int_equal(store_duplicates_of(fx->env.store, f, again, &pairs), 1);
	assert_int_equal(pairs[0].id, first);
	dup_free(&pairs[0]);
	free(pairs);
	/* edited: another field keeps the mark (the control), another
	 * executor takes it off — a mark is never stale */
	assert_int_equal(store_get(fx->env.store, f, again, &r, NULL), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "contact"), "王晓明");
	assert_int_equal(store_update(fx->env.store, f, &r, NULL), KP_OK);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 1);
	record_set(&r, (size_t)form_field_index(f, "executor"), "许昌市科协");
	assert_int_equal(store_update(fx->env.store, f, &r, NULL), KP_OK);
	record_free(&r);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
	assert_int_equal(store_duplicates_of(fx->env.store, f, again, &pairs), 0);
	free(pairs);
#undef PROJECT
}

/* W2: the same 联系电话 under another 姓名 (similar_hint). A file exported
 * before record 1 was renamed 罗德明 → 罗德民, imported again, made a
 * second 罗德明 with #1's phone; now the row is left out, naming #1, and
 * --force saves it marked for the city. Within one file likewise, the
 * phone compared as stored (+86, dashes, spaces normalised). Same name,
 * another phone: another person (王伟 is too common to warn on). */
/* `kepu import --force` of csv, one row only similar to a stored record:
 * saved, and the report says it is marked. */
static void import_forced(fixture *fx, const char *csv)
{
	char *rep;
	size_t len;
	import_stats st;
	FILE *out = open_memstream(&rep, &len);
	FILE *in = fmemopen((void *)csv, strlen(csv), "r");
	import_options o = {.source = "test.csv", .force = true};
	assert_int_equal(import_csv(&fx->env, catalog_form(&fx->env.cat, "talent"), in, &o, out, &st), 0);
	fclose(in);
	fclose(out);
	assert_int_equal(st.saved, 1);
	assert_non_null(strstr(rep, "1 行可能与已有记录是同一人，按 --force 保存，已标记为可能重复"));
	free(rep);
}

static void test_similar_import(void **state)
{
	fixture *fx = *state;
	const char *old = HEADER "魏都区,罗德明,男,40,汉族,群众,大学本科,许昌学院,13800000001,其他\n";
	import_says(fx, "talent", old, 1, 0, "", NULL);
	sql_run(fx->path, "UPDATE talent SET name = '罗德民' WHERE id = 1");
	char *rep;
	import_stats st;
	assert_int_equal(import(&fx->env, old, false, &rep, &st), 0);
	assert_int_equal(st.similar, 1);
	assert_int_equal(st.ready + st.saved, 0);
	assert_non_null(strstr(rep, "第2行: 可能与第 1 号记录（罗德民）重复：联系电话相同，姓名不同，没有导入"));
	free(rep);
	assert_int_equal(import(&fx->env, old, true, &rep, &st), 0); /* --update does not undo the rename */
	assert_int_equal(st.similar, 1);
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 1);
	/* within one file, and the control: another phone, or the same name */
	const char *csv = HEADER "魏都区,康德明,男,40,汉族,群众,大学本科,许昌学院,13237384804,其他\n"
			  "魏都区,康德民,男,40,汉族,群众,大学本科,许昌学院,+86 132-3738 4804,其他\n"
			  "魏都区,王伟,男,40,汉族,群众,大学本科,许昌学院,13900000001,其他\n"
			  "魏都区,王伟,男,40,汉族,群众,大学本科,许昌市第一中学,13900000002,其他\n";
	import_says(fx, "talent", csv, 3, 0, "第3行: 可能与本文件第 2 行（康德明）重复：联系电话相同，姓名不同，没有导入", NULL);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 4);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
	/* "a different person": --force saves it, marked for the city */
	import_forced(fx, old);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates WHERE other = 1"), 1);
	kp_dup *pairs;
	assert_int_equal(store_duplicates_of(fx->env.store, catalog_form(&fx->env.cat, "talent"), 1, &pairs), 1);
	assert_string_equal(pairs[0].name, "罗德明");
	dup_free(&pairs[0]);
	free(pairs);
}

/* A database made before similar_hint has the index as (name, phone):
 * opened, it has it again with the phone first (a look-up by phone alone
 * would otherwise read the whole table). */
static void test_old_hint_index_remade(void **state)
{
	fixture *fx = *state;
	env_close(&fx->env);
	sql_run(fx->path, "DROP INDEX talent_kp_hint; CREATE INDEX talent_kp_hint ON talent (name, phone)");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%(name, phone)'"), 1);
	reopen(fx);
	assert_hint_index(fx->path);
}

/* A unit cannot read another unit's record: its row with that record's
 * phone is saved and marked for the city, as a repeat is, naming nothing. */
static void test_similar_other_unit(void **state)
{
	fixture *fx = *state;
	import_says(fx, "talent",
		    HEADER "长葛市,罗德民,男,40,汉族,群众,大学本科,许昌学院,13800000001,其他\n"
			   "长葛市,张丽,女,40,汉族,群众,大学本科,许昌学院,13800000002,其他\n",
		    2, 0, "", NULL);
	sign_in_unit(fx, "魏都区");
	/* the phone alone: marked for the city, the unit told nothing */
	import_silent(fx, HEADER "魏都区,罗德明,男,40,汉族,群众,大学本科,许昌学院,13800000001,其他\n", 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates WHERE id = 3 AND other = 1"), 1);
	/* control: the same 姓名 and 联系电话 are said, as a count */
	import_says(fx, "talent", HEADER "魏都区,张丽,女,40,汉族,群众,大学本科,许昌学院,13800000002,其他\n", 1, 0,
		    "1 行可能与其他单位的记录重复，已标记", NULL);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates WHERE id = 4 AND other = 2"), 1);
}

/* A person of 许昌学院 saved, and read back into *r; returns its number. */
static long long person_read(fixture *fx, const kp_form *f, const char *name, const char *phone, kp_record *r)
{
	long long id = save_person(fx, name, phone);
	assert_int_equal(store_get(fx->env.store, f, id, r, NULL), KP_OK);
	return id;
}

/* The form and `kepu save` (record_save): 康德民 with #1 康德明's phone
 * written another way is warned of, naming #1 and why; saved anyway, it
 * is marked. Controls: another phone, and the same name with another
 * phone, save at once. */
static void test_similar_save(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record r;
	person_read(fx, f, "康德明", "13237384804", &r);
	const char **raw = xcalloc(f->nfields, sizeof *raw);
	for (size_t i = 0; i < f->nfields; i++)
		raw[i] = r.vals[i];
	size_t name = (size_t)form_field_index(f, "name"), phone = (size_t)form_field_index(f, "phone");
	kp_save_opts o = {.check_duplicates = true};
	kp_save_result res;
	const char *cases[][3] = {{"康德民", "+86 132-3738-4804", "联系电话相同，姓名不同"},
				  {"康德文", "13237384805", NULL},
				  {"康德明", "13237384806", "姓名、工作单位相同，联系电话不同"}, /* a new mobile */
				  {"康得明", "１３２３７３８４８０４", "联系电话相同，姓名不同"}}; /* full-width */
	for (size_t c = 0; c < 4; c++) {
		kp_record rec;
		record_init(&rec, f->nfields);
		rec.unit_id = r.unit_id;
		raw[name] = cases[c][0];
		raw[phone] = cases[c][1];
		kp_save_status want = cases[c][2] ? SAVE_DUPLICATE : SAVE_OK;
		assert_int_equal(record_save(&fx->env, f, &rec, raw, &o, &res), want);
		if (want == SAVE_DUPLICATE) {
			assert_non_null(strstr(res.message, "可能与第 1 号记录（许昌学院，康德明）重复："));
			assert_non_null(strstr(res.message, cases[c][2]));
			save_result_free(&res);
			if (c > 0) {
				record_free(&rec);
				continue;
			}
			kp_save_opts yes = {.check_duplicates = true, .dup_confirmed = true};
			assert_int_equal(record_save(&fx->env, f, &rec, raw, &yes, &res), SAVE_OK);
			assert_true(res.marked);
			assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates d JOIN talent t ON t.id = d.id"
							   " WHERE d.other = 1 AND t.phone = '13237384804'"), 1);
		}
		save_result_free(&res);
		record_free(&rec);
	}
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 1);
	free(raw);
	record_free(&r);
}

/* t3h #2: a landline with an extension (转1, -1, ext 1) is the person's
 * number without it: the same 姓名 is a repeat, another 姓名 a similar
 * person, on the form's path and in an import, whichever side has the
 * extension. Control: another local number with the same extension is
 * not. */
static void test_phone_extension_compared_without_it(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record r;
	long long first = person_read(fx, f, "雷盼盼", "0374-2864493", &r);
	size_t phone = (size_t)form_field_index(f, "phone"), name = (size_t)form_field_index(f, "name");
	const char *cases[][3] = {{"雷盼盼", "0374-2864493", "0374-2864493转1"},
				  {"雷盼盼", "0374-2864493", "0374-2864493-1"},
				  {"雷盼", "0374-2864493", "0374-2864493ext 12"},
				  {"雷盼盼", "0374-2864494", "0374-2864494转1"}};
	for (size_t c = 0; c < 4; c++) {
		kp_dup d;
		kp_record rec;
		record_init(&rec, f->nfields);
		rec.unit_id = r.unit_id;
		for (size_t i = 0; i < f->nfields; i++)
			record_set(&rec, i, r.vals[i]);
		record_set(&rec, name, cases[c][0]);
		if (c == 3) /* not at 雷盼盼's workplace: not similar_hint's [name, employer] */
			record_set(&rec, (size_t)form_field_index(f, "employer"), "许昌市第一中学");
		char *why = NULL, *v = phone_normalise(&fx->env.cat, cases[c][2], &why);
		assert_non_null(v);
		record_set(&rec, phone, v);
		free(v);
		bool want = c < 3;
		assert_int_equal(store_find_duplicate(fx->env.store, f, &rec, &d), want);
		if (want) {
			assert_int_equal(d.id, first);
			assert_int_equal(d.similar, c == 2);
		}
		dup_free(&d);
		record_free(&rec);
	}
	record_free(&r);
	/* the stored number has the extension, the new one not; and an import */
	save_person(fx, "吕欣", "0374-2864495转8");
	import_says(fx, "talent", HEADER "许昌学院,吕新,男,40,汉族,群众,大学本科,许昌学院,0374-2864495,其他\n", 0, 0,
		    "联系电话相同，姓名不同，没有导入", NULL);
	import_says(fx, "talent", HEADER "许昌学院,吕欣,男,40,汉族,群众,大学本科,许昌学院,0374 2864495 转 8,其他\n"
		    "许昌学院,吕欣,男,40,汉族,群众,大学本科,许昌市第一中学,0374-2864496转8,其他\n", 1, 1, "", NULL);
}

/* record_save (the form and `kepu save`) of a talent of 许昌学院 with
 * employer and phone: its status, and *msg its message (NULL: none). */
static kp_save_status save_talent(fixture *fx, const char *name, const char *employer, const char *phone,
				  bool confirmed, char **said)
{
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	const char **raw = xcalloc(f->nfields, sizeof *raw);
	const char *vals[][2] = {{"name", name}, {"gender", "男"}, {"age", "45"}, {"ethnicity", "汉族"},
				 {"political", "中共党员"}, {"education", "大学本科"}, {"employer", employer},
				 {"phone", phone}, {"service_categories", "[\"青少年科普\"]"}};
	for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
		raw[form_field_index(f, vals[i][0])] = vals[i][1];
	kp_record rec;
	record_init(&rec, f->nfields);
	rec.unit_id = store_unit_id(fx->env.store, "许昌学院");
	kp_save_opts o = {.check_duplicates = true, .dup_confirmed = confirmed};
	kp_save_result res;
	kp_save_status st = record_save(&fx->env, f, &rec, raw, &o, &res);
	*said = res.message ? xstrdup(res.message) : NULL;
	save_result_free(&res);
	record_free(&rec);
	free(raw);
	return st;
}

/* t3h #2: the same unit re-recommends a stored person with a new mobile
 * instead of the office line: the same 姓名 at the same 工作单位 (folded:
 * spaces, full-width) is warned naming the record, saved anyway only when
 * confirmed, and marked for the city, whose review lists the pair.
 * Controls: a namesake elsewhere, another person at the same workplace. */
static void test_same_person_new_phone(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	char *said;
	assert_int_equal(save_talent(fx, "雷盼盼", "长葛市科技局", "0374-2864493", false, &said), SAVE_OK);
	free(said);
	const char *why = "可能与第 1 号记录（许昌学院，雷盼盼）重复：姓名、工作单位相同，联系电话不同，请核实";
	const char *cases[][3] = {{"雷盼盼", "长葛市科技局", "13912340000"},        /* a mobile */
				  {"雷盼盼", "长葛市 科技局", "13912340001"},       /* a space */
				  {"雷盼盼", "长葛市科技局　", "13912340002"},      /* full-width space */
				  {"雷盼盼", "禹州市科技局", NULL},                 /* a namesake elsewhere */
				  {"雷盼", "长葛市科技局", NULL}};                  /* a colleague */
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		const char *phone = cases[c][2] ? cases[c][2] : c == 3 ? "13912340003" : "13912340004";
		kp_save_status st = save_talent(fx, cases[c][0], cases[c][1], phone, false, &said);
		if (!cases[c][2]) {
			assert_int_equal(st, SAVE_OK);
			free(said);
			continue;
		}
		if (st != SAVE_DUPLICATE) /* a refusal of the value itself is no answer either */
			fail_msg("case %zu: %d %s", c, st, said ? said : "");
		assert_non_null(strstr(said, why));
		free(said);
	}
	/* the store's own look-up, with values no form would store as they are */
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, "长葛市");
	record_set(&r, (size_t)form_field_index(f, "name"), "雷盼盼");
	record_set(&r, (size_t)form_field_index(f, "phone"), "13912340009");
	/* 長 is 长 (a place is compared simplified); 长葛市科协 is another workplace */
	const char *folded[] = {"长葛市 科技 局", "長葛市科技局", "长葛市科协"};
	for (size_t c = 0; c < 3; c++) {
		record_set(&r, (size_t)form_field_index(f, "employer"), folded[c]);
		kp_dup d;
		assert_int_equal(store_find_duplicate(fx->env.store, f, &r, &d), c < 2);
		if (c < 2) {
			assert_int_equal(d.id, 1);
			assert_true(d.similar);
			assert_int_equal(d.alike, 1);
			assert_true(d.other_unit);
		}
		dup_free(&d);
	}
	record_free(&r);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 3);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
	/* the clerk says it is another person: saved, marked, shown to the city */
	assert_int_equal(save_talent(fx, "雷盼盼", "长葛市科技局", "13912340000", true, &said), SAVE_OK);
	free(said);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates WHERE id = 4 AND other = 1"), 1);
	kp_dup *pairs;
	assert_int_equal(store_duplicates_of(fx->env.store, f, 4, &pairs), 1);
	assert_int_equal(pairs[0].id, 1);
	assert_string_equal(pairs[0].name, "雷盼盼");
	dup_free(&pairs[0]);
	free(pairs);
	/* changed to another workplace, the mark goes */
	sql_run(fx->path, "UPDATE talent SET employer = '禹州市科协' WHERE id = 4");
	kp_record now;
	assert_int_equal(store_get(fx->env.store, f, 4, &now, NULL), KP_OK);
	assert_int_equal(store_update(fx->env.store, f, &now, NULL), KP_OK);
	record_free(&now);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
}

/* t5h/t6h: a unit enters its 罗德明 again, another phone each time, his
 * 工作单位 with the city before it, written long, with a status note, or
 * his 姓名 in variant or Japanese characters, with a name dot: each is
 * warned naming the record. Controls: another person at that workplace,
 * the same name at another (the city's bureau too). Another unit is told
 * only by 姓名 and 联系电话; by 姓名 and 工作单位, however spelt, it is
 * told nothing and the record is marked for the city. */
static void test_same_person_other_spelling(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	char *said; /* 许昌学院's records, saved as the administrator */
	assert_int_equal(save_talent(fx, "罗德明", "魏都区科技局", "0374-2864493", false, &said), SAVE_OK);
	free(said);
	const char *why = "可能与第 1 号记录（许昌学院，罗德明）重复：姓名、工作单位相同，联系电话不同，请核实";
	const char *same[][2] = {
		{"罗德明", "魏都区科学技术局"}, {"罗德明", "许昌市魏都区科技局"}, {"罗德明", "许昌魏都区科技局"},
		{"罗德明", "河南省许昌市魏都区科技局"}, {"罗德明", "魏都区科技局（退休）"},
		{"罗德明", "魏都区科技局（已退休）"}, {"罗德明", "魏都区科技局（原）"}, {"罗徳明", "魏都区科技局"},
		{"罗悳明", "魏都区科技局"}, {"羅德明", "魏都区科技局"}, {"罗·德明", "魏都区科技局"},
		{"罗•德明", "魏都区科技局"}, {"罗・德明", "魏都区科技局"}, {"羅徳明", "許昌市魏都區科學技術局（退休）"},
	};
	for (size_t c = 0; c < sizeof same / sizeof *same; c++) {
		char *phone = xasprintf("1391234%04zu", c);
		kp_save_status st = save_talent(fx, same[c][0], same[c][1], phone, false, &said);
		if (st != SAVE_DUPLICATE || !strstr(said, why))
			fail_msg("%s / %s: %d %s", same[c][0], same[c][1], st, said ? said : "");
		free(said);
		free(phone);
	}
	const char *other[][2] = {{"王德明", "魏都区科技局"}, {"罗明", "魏都区科技局"}, {"罗德明", "魏都区教育局"},
				  {"罗德明", "许昌市科技局"}, {"罗德明", "魏都区科协"}};
	for (size_t c = 0; c < sizeof other / sizeof *other; c++) {
		char *phone = xasprintf("1381234%04zu", c);
		kp_save_status st = save_talent(fx, other[c][0], other[c][1], phone, false, &said);
		if (st != SAVE_OK)
			fail_msg("%s / %s: %d %s", other[c][0], other[c][1], st, said ? said : "");
		free(said);
		free(phone);
	}
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 6);
	/* an import the same: the row left out naming the record; the control saved */
	import_says(fx, "talent",
		    HEADER "许昌学院,罗徳明,男,61,汉族,中共党员,中专/中技,许昌市魏都区科技局（退休）,13600000001,其他\n"
			   "许昌学院,赵德明,男,61,汉族,中共党员,中专/中技,许昌市魏都区科技局,13600000002,其他\n",
		    1, 0, "第2行: 可能与第 1 号记录（罗德明）重复：姓名、工作单位相同，联系电话不同，没有导入", NULL);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent WHERE name = '赵德明'"), 1);
	/* the store's own look-up: spaces no form would store */
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, "许昌学院");
	record_set(&r, (size_t)form_field_index(f, "name"), "罗 德 明");
	record_set(&r, (size_t)form_field_index(f, "employer"), "魏都区科技局");
	record_set(&r, (size_t)form_field_index(f, "phone"), "13700000001");
	kp_dup d;
	assert_true(store_find_duplicate(fx->env.store, f, &r, &d));
	assert_int_equal(d.id, 1);
	assert_int_equal(d.alike, 1);
	dup_free(&d);
	/* another unit: told by 姓名 (羅德明 is 罗德明) and 联系电话 */
	sign_in_unit(fx, "魏都区");
	r.unit_id = store_unit_id(fx->env.store, "魏都区");
	record_set(&r, (size_t)form_field_index(f, "name"), "羅德明");
	record_set(&r, (size_t)form_field_index(f, "phone"), "0374-2864493");
	assert_true(store_find_duplicate(fx->env.store, f, &r, &d));
	assert_true(d.other_unit);
	assert_false(d.similar);
	assert_int_equal(d.id, 0); /* never whose */
	dup_free(&d);
	/* …by 姓名 and 工作单位 under another phone: nothing, however spelt; the
	 * record is marked for the city (quiet). Control: another name. */
	record_set(&r, (size_t)form_field_index(f, "phone"), "13700000002");
	const char *names[] = {"罗德明", "罗徳明", "羅悳明", "孙德明"};
	for (size_t c = 0; c < 4; c++) {
		record_set(&r, (size_t)form_field_index(f, "name"), names[c]);
		assert_false(store_find_duplicate(fx->env.store, f, &r, &d));
		assert_null(d.unit_name);
		if (d.quiet != (c < 3))
			fail_msg("%s: quiet %d", names[c], d.quiet);
		dup_free(&d);
	}
	record_free(&r);
}

/* What each field of 附表2 is compared as (dup_key_how), and the loader's
 * `place`: text fields only, each prefix a one-line text. */
static void test_place_loaded(void **state)
{
	fixture *fx = *state;
	const kp_form *t = catalog_form(&fx->env.cat, "talent");
	const kp_field *employer = &t->fields[form_field_index(t, "employer")];
	assert_string_equal(employer->place, "河南省\n许昌市");
	assert_int_equal(dup_key_how(employer), DUPKEY_PLACE);
	assert_int_equal(dup_key_how(&t->fields[form_field_index(t, "name")]), DUPKEY_PERSON);
	assert_int_equal(dup_key_how(&t->fields[form_field_index(t, "specialty")]), DUPKEY_TEXT);
	const char *head = "id: t\ntitle: 测试\ntable: t\nfields:\n";
	const char *bad[] = {"  - {id: d, label: D, type: date, place: [许昌市]}\n",
			     "  - {id: a, label: A, type: text, place: ['']}\n"};
	for (size_t i = 0; i < 2; i++) {
		char *text = xasprintf("%s%s", head, bad[i]);
		kp_diag d = {0};
		kp_form *f = form_load(&fx->env.cat, "t.yaml", text, strlen(text), &d);
		if (f)
			fail_msg("loaded: %s", bad[i]);
		diag_free(&d);
		free(text);
	}
	char *text = xasprintf("%s%s", head, "  - {id: a, label: A, type: text, place: [河南省, 许昌市]}\n"); /* control */
	kp_diag d = {0};
	kp_form *f = form_load(&fx->env.cat, "t.yaml", text, strlen(text), &d);
	assert_non_null(f);
	assert_string_equal(f->fields[0].place, "河南省\n许昌市");
	form_free(f);
	diag_free(&d);
	free(text);
}

#define LEI "长葛市,雷盼盼,男,61,汉族,中共党员,中专/中技,长葛市科技局,"

/* An import: the row is left out naming the row and the record (the
 * file's row within one file); --force saves it marked. A unit's row
 * repeating another unit's person is saved and marked, naming nothing;
 * the city's is refused naming that unit's record. Controls: namesakes
 * elsewhere, colleagues. */
static void test_same_person_new_phone_import(void **state)
{
	fixture *fx = *state;
	import_says(fx, "talent", HEADER LEI "0374-2864493,其他\n", 1, 0, "", NULL);
	char *rep;
	import_stats st;
	const char *again = HEADER LEI "13912340000,其他\n"
			    "长葛市,雷盼盼,男,61,汉族,中共党员,中专/中技,长葛市教育局,13912340001,其他\n"
			    "长葛市,雷盼,男,61,汉族,中共党员,中专/中技,长葛市科技局,13912340002,其他\n"
			    "长葛市,雷盼,男,61,汉族,中共党员,中专/中技,长葛市 科技局,13912340003,其他\n";
	assert_int_equal(import(&fx->env, again, false, &rep, &st), 0);
	assert_int_equal(st.similar, 2);
	assert_int_equal(st.saved, 2);
	assert_non_null(strstr(rep, "第2行: 可能与第 1 号记录（雷盼盼）重复：姓名、工作单位相同，联系电话不同，没有导入"));
	assert_non_null(strstr(rep, "第5行: 可能与本文件第 4 行（雷盼）重复：姓名、工作单位相同，联系电话不同，没有导入"));
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM talent"), 3);
	/* --force: saved, marked */
	import_forced(fx, HEADER LEI "13912340000,其他\n");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates WHERE id = 4 AND other = 1"), 1);
	/* another unit's: the city is told which; a unit is told nothing (姓名
	 * and 工作单位 known of a rival's experts would probe its
	 * recommendations), its row marked for the city */
	const char *wd = HEADER "魏都区,雷盼盼,男,61,汉族,中共党员,中专/中技,长葛市科技局,13912340005,其他\n";
	import_says(fx, "talent", wd, 0, 0, "可能与长葛市的第 1 号记录（雷盼盼）重复：姓名、工作单位相同，联系电话不同", NULL);
	sign_in_unit(fx, "魏都区");
	import_silent(fx, wd, 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates WHERE id = 5 AND other IN (1, 4)"), 2);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_first_import_finds_repeats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_import_updates_repeats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_import_rolled_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_into_filled_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unit_import, setup, teardown),
		cmocka_unit_test(test_bloom),
		cmocka_unit_test_setup_teardown(test_activity_repeats, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_resource_repeats, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_project_repeat_found_and_marked, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_similar_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_similar_other_unit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_old_hint_index_remade, setup, teardown),
		cmocka_unit_test_setup_teardown(test_phone_extension_compared_without_it, setup, teardown),
		cmocka_unit_test_setup_teardown(test_similar_save, setup, teardown),
		cmocka_unit_test_setup_teardown(test_repeats_through_padding, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_person_new_phone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_person_new_phone_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_person_other_spelling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_place_loaded, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
