/* SPDX-License-Identifier: MulanPSL-2.0 */
/* store/textindex: the list filter through its text index answers exactly
 * what the scan of every record answered (the same rows in the same order,
 * the same unit and year scope), after inserts, edits, deletes, records of
 * another year and a rolled-back batch; kepu check finds an index that
 * disagrees and makes it again. */
#include "unit_env.h"

#include <ctype.h>

#include "core/strbuf.h"
#include "store/db.h"

#define UNITS 3
static const char *const units[UNITS] = {"魏都区", "许昌学院", "长葛市"};

/* Generated values: CJK names (surnames repeat, as they do), Latin in both
 * cases, digits, polyphonic characters for the initials. */
static void value(char *out, size_t n, const char *field, unsigned i)
{
	static const char *const sur[] = {"王", "李", "张", "长孙", "Li", "wang", "欧阳", "乐"};
	static const char *const giv[] = {"建国", "芳", "小明", "Anna", "行长", "国强", "a\"b", "重阳"};
	if (!strcmp(field, "name"))
		snprintf(out, n, "%s%s%u", sur[i % 8], giv[(i / 3) % 8], i % 13);
	else if (!strcmp(field, "employer"))
		snprintf(out, n, "%s第%u中学 Dept%u", units[i % UNITS], i % 7, i % 5);
	else if (!strcmp(field, "profile")) /* a long text */
		snprintf(out, n, "从事%s科普%u年，主讲用电安全 SAFETY%u", i % 2 ? "农业" : "医学", i % 9, i % 4);
	else
		snprintf(out, n, "13%09u", i * 7919u % 1000000000u);
}

static long long add(fixture *fx, const kp_form *f, unsigned i)
{
	char name[64], emp[96], phone[32], profile[128];
	value(name, sizeof name, "name", i);
	value(emp, sizeof emp, "employer", i);
	value(phone, sizeof phone, "phone", i);
	value(profile, sizeof profile, "profile", i);
	return save_record(fx, f->id, units[i % UNITS], "name", name, "employer", emp, "phone", phone,
			   "profile", profile, NULL);
}

/* What the scan answered: every record the session lists (store_each, in
 * id order, the list's unit and year), kept when one searchable field (long
 * texts too) contains the filter, Latin letters in either case. */
typedef struct {
	const kp_form *f;
	const char *filter;
	long long *ids;
	char **names; /* each row's 姓名 (the sorted list's key) */
	size_t n;
} oracle;

static bool contains_folded(const char *hay, const char *needle)
{
	for (const char *p = hay; *p; p++) {
		size_t k = 0;
		while (needle[k] && p[k] && tolower((unsigned char)p[k]) == tolower((unsigned char)needle[k]))
			k++;
		if (!needle[k])
			return true;
	}
	return !needle[0];
}

static int oracle_row(const kp_record *r, void *ctx)
{
	oracle *o = ctx;
	for (size_t i = 0; i < o->f->nfields; i++)
		if (store_searchable(&o->f->fields[i]) && contains_folded(r->vals[i], o->filter)) {
			o->ids = realloc(o->ids, (o->n + 1) * sizeof *o->ids);
			o->names = realloc(o->names, (o->n + 1) * sizeof *o->names);
			o->ids[o->n] = r->id;
			o->names[o->n++] = strdup(r->vals[form_field_index(o->f, "name")]);
			break;
		}
	return 0;
}

/* The scan's rows in 姓名 order (the same name: by number), as a list
 * sorted by 姓名 shows them (SQLite compares text bytewise). */
static const oracle *sorting;
static int by_name(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(sorting->names[i], sorting->names[j]);
	return c ? c : (sorting->ids[i] > sorting->ids[j]) - (sorting->ids[i] < sorting->ids[j]);
}

/* The list sorted by 姓名 and filtered: whether it reads the index's
 * candidates (few) or walks the sort's index (many), the scan's rows in
 * 姓名 order, page by page. */
static void sorted_as_scan(fixture *fx, const kp_form *f, const oracle *o, long long unit)
{
	size_t *order = malloc((o->n + 1) * sizeof *order);
	for (size_t i = 0; i < o->n; i++)
		order[i] = i;
	sorting = o;
	qsort(order, o->n, sizeof *order, by_name);
	kp_query q = {form_field_index(f, "name"), false, o->filter, unit, NULL, false};
	size_t got = 0;
	kp_anchor a = {NULL, 0};
	char *key = NULL;
	for (;;) {
		kp_record *r;
		size_t n = store_query_page(fx->env.store, f, &q, got ? &a : NULL, false, 6, &r);
		for (size_t i = 0; i < n; i++, got++) {
			if (got >= o->n || r[i].id != o->ids[order[got]])
				fail_msg("sorted, filter “%s”, unit %lld: row %zu is %lld, the scan's %lld", o->filter,
					 unit, got, r[i].id, got < o->n ? o->ids[order[got]] : -1);
			free(key);
			key = strdup(r[i].vals[form_field_index(f, "name")]);
			a = (kp_anchor){key, r[i].id};
		}
		records_free(r, n);
		if (n < 6)
			break;
	}
	free(key);
	assert_int_equal(got, o->n);
	free(order);
}

/* The list of f filtered by text, for unit (0: all), page by page both
 * ways and counted, equals the scan's answer; sorted by 姓名 too. */
static void same_as_scan(fixture *fx, const kp_form *f, const char *text, long long unit)
{
	oracle o = {f, text, NULL, NULL, 0};
	char *err = NULL;
	if (store_each(fx->env.store, f, unit, NULL, oracle_row, &o, &err) != KP_OK)
		fail_msg("%s", err);
	kp_query q = {-1, false, text, unit, NULL, false};
	size_t got = 0;
	kp_anchor a = {NULL, 0};
	for (;;) {
		kp_record *r;
		size_t n = store_query_page(fx->env.store, f, &q, got ? &a : NULL, false, 7, &r);
		for (size_t i = 0; i < n; i++, got++) {
			if (got >= o.n || r[i].id != o.ids[got])
				fail_msg("filter “%s”, unit %lld: row %zu is %lld, the scan's %lld", text, unit, got,
					 r[i].id, got < o.n ? o.ids[got] : -1);
			a.id = r[i].id;
		}
		records_free(r, n);
		if (n < 7)
			break;
	}
	if (got != o.n)
		fail_msg("filter “%s”, unit %lld: %zu rows, the scan %zu", text, unit, got, o.n);
	/* backward from the end: the last page, in list order */
	kp_record *r;
	size_t n = store_query_page(fx->env.store, f, &q, NULL, true, 5, &r);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(r[i].id, o.ids[o.n - n + i]);
	records_free(r, n);
	long long want = o.n > KP_COUNT_CAP ? KP_COUNT_CAP + 1 : (long long)o.n;
	assert_int_equal(store_query_count(fx->env.store, f, &q), want);
	if (o.n)
		assert_int_equal(store_query_rank(fx->env.store, f, &q, o.ids[o.n - 1]), (long long)o.n - 1);
	if (form_field_index(f, "name") >= 0)
		sorted_as_scan(fx, f, &o, unit);
	for (size_t i = 0; i < o.n; i++)
		free(o.names[i]);
	free(o.names);
	free(o.ids);
}

/* Every filter of one, two, three and four characters cut from the
 * values, and some that match nothing, for every unit scope. */
static void all_filters_agree(fixture *fx, const kp_form *f)
{
	static const char *const extra[] = {"无此人", "王建国1", "LI", "li", "Dept3", "13", "\"", "a\"b",
					    "第", "中学 D", "长孙行", "x", "dEPT3", "ANNA", "An", "用电安全", "safety2",
					    "电", "农业科普"};
	const char *texts[400];
	size_t nt = 0;
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		texts[nt++] = extra[i];
	char cut[64][16];
	size_t ncut = 0;
	for (unsigned i = 0; i < 16 && ncut < 64; i++) {
		char v[96];
		value(v, sizeof v, i % 2 ? "name" : "employer", i * 5);
		/* characters 1..4 from the second character on */
		const char *p = v;
		p += (unsigned char)*p >= 0xE0 ? 3 : 1;
		for (size_t len = 1; len <= 4 && ncut < 64; len++) {
			size_t bytes = 0;
			for (size_t k = 0; k < len && p[bytes]; k++)
				bytes += (unsigned char)p[bytes] >= 0xE0 ? 3 : 1;
			snprintf(cut[ncut], sizeof cut[ncut], "%.*s", (int)bytes, p);
			texts[nt++] = cut[ncut++];
		}
	}
	for (size_t t = 0; t < nt; t++) {
		same_as_scan(fx, f, texts[t], 0);
		for (int u = 0; u < UNITS; u++)
			same_as_scan(fx, f, texts[t], store_unit_id(fx->env.store, units[u]));
	}
}

static void assert_index_agrees(fixture *fx, const kp_form *f)
{
	bool repaired;
	char *err = NULL;
	if (store_text_check(fx->env.store, f, false, &repaired, &err) != KP_OK)
		fail_msg("%s", err);
	assert_false(repaired);
}

static void test_filter_as_scan(void **state)
{
	fixture *fx = *state;
	assert_true(store_text_index(fx->env.store));
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
				 " ('talent_kp_tri', 'talent_kp_gram', 'talent_kp_text')"), 3);
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	long long ids[300];
	for (unsigned i = 0; i < 300; i++)
		ids[i] = add(fx, talent, i);
	all_filters_agree(fx, talent);
	/* edits: a record's name changes, every field at once, one emptied */
	store_set_catalog(fx->env.store, NULL); /* generated values, written as they are */
	char *err = NULL;
	for (unsigned i = 0; i < 300; i += 7) {
		kp_record r;
		assert_int_equal(store_get(fx->env.store, talent, ids[i], &r, &err), KP_OK);
		char v[96];
		value(v, sizeof v, "name", i + 1000);
		record_set(&r, (size_t)form_field_index(talent, "name"), v);
		if (i % 2)
			record_set(&r, (size_t)form_field_index(talent, "employer"), i % 3 ? "" : "乐山市长寿路");
		if (store_update(fx->env.store, talent, &r, &err) != KP_OK)
			fail_msg("%s", err);
		/* a stale version is refused and rolled back, index and all */
		r.version--;
		record_set(&r, (size_t)form_field_index(talent, "name"), "不应出现");
		assert_int_equal(store_update(fx->env.store, talent, &r, &err), KP_ECONFLICT);
		free(err);
		err = NULL;
		record_free(&r);
	}
	/* deletes */
	for (unsigned i = 3; i < 300; i += 11)
		if (store_delete(fx->env.store, talent, ids[i], &err) != KP_OK)
			fail_msg("%s", err);
	/* a batch rolled back leaves nothing in the index */
	kp_batch *b = store_batch_begin(fx->env.store, talent, NULL, &err);
	assert_non_null(b);
	for (int i = 0; i < 5; i++) {
		kp_record r;
		record_init(&r, talent->nfields);
		r.unit_id = store_unit_id(fx->env.store, units[0]);
		record_set(&r, (size_t)form_field_index(talent, "name"), "回滚人");
		assert_int_equal(store_batch_add(b, &r, &err), KP_OK);
		record_free(&r);
	}
	assert_int_equal(store_batch_end(b, false, &err), KP_OK);
	kp_query gone = {-1, false, "回滚", 0, NULL, false};
	assert_int_equal(store_query_count(fx->env.store, talent, &gone), 0);
	/* positive control: the same filter finds a record that has it */
	save_record(fx, "talent", units[1], "name", "未回滚人", NULL);
	assert_int_equal(store_query_count(fx->env.store, talent, &gone), 1);
	all_filters_agree(fx, talent);
	assert_index_agrees(fx, talent);
}

/* Records of two programme years: a pool form (附表2) lists a year's and
 * the earlier ones, any other form its own year's; the index is of every
 * year, the scope the table's. */
static void test_years_and_units(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	const kp_form *activity = catalog_form(&fx->env.cat, "activity");
	for (unsigned i = 0; i < 60; i++) {
		add(fx, talent, i);
		char name[64];
		value(name, sizeof name, "name", i);
		save_record(fx, "activity", units[i % UNITS], "name", name, "held_on", "2016-07-08", NULL);
	}
	if (env_open_year(&fx->env, 2017, 2016, &err) != 0 || env_use_year(&fx->env, 2017, &err) != 0)
		fail_msg("%s", err);
	for (unsigned i = 60; i < 120; i++) {
		add(fx, talent, i);
		char name[64];
		value(name, sizeof name, "name", i);
		save_record(fx, "activity", units[i % UNITS], "name", name, "held_on", "2017-07-08", NULL);
	}
	all_filters_agree(fx, talent);
	all_filters_agree(fx, activity);
	assert_int_equal(env_use_year(&fx->env, 2016, &err), 0);
	all_filters_agree(fx, talent);
	all_filters_agree(fx, activity);
	/* a unit's session sees its own records only, through the index too */
	assert_int_equal(store_session(fx->env.store, SESSION_UNIT, "u", store_unit_id(fx->env.store, units[1]),
				       &err), KP_OK);
	kp_query q = {-1, false, "王", 0, NULL, false};
	kp_record *r;
	size_t n = store_query_page(fx->env.store, talent, &q, NULL, false, 50, &r);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(r[i].unit_name, units[1]);
	records_free(r, n);
	all_filters_agree(fx, talent);
}

/* Pinyin initials are a column of the index: a query that asks for them
 * finds 王芳 by wf, 长孙 by both cs and zs; the plain filter does not. */
static void test_initials(void **state)
{
	fixture *fx = *state;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	long long wang = save_record(fx, "talent", units[0], "name", "王芳", NULL);
	long long zhang = save_record(fx, "talent", units[0], "name", "长孙无忌", NULL);
	long long li = save_record(fx, "talent", units[0], "name", "李四", NULL);
	struct {
		const char *typed;
		long long id;
	} cases[] = {{"wf", wang}, {"ls", li}, {"cswj", zhang}, {"zswj", zhang}, {"sw", zhang}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		kp_query q = {-1, false, cases[i].typed, 0, NULL, true};
		kp_record *r;
		size_t n = store_query_page(fx->env.store, talent, &q, NULL, false, 10, &r);
		if (n != 1 || r[0].id != cases[i].id)
			fail_msg("initials “%s”: %zu rows", cases[i].typed, n);
		records_free(r, n);
		q.initials = false; /* the plain filter: the letters themselves */
		assert_int_equal(store_query_count(fx->env.store, talent, &q), 0);
	}
	kp_query none = {-1, false, "xyz", 0, NULL, true};
	assert_int_equal(store_query_count(fx->env.store, talent, &none), 0);
}

/* A filter whose trigrams are in every record but its last few (telephone
 * numbers of one prefix) asks the index for the rare part only, and still
 * answers what the scan answers; a rare part that would find many records
 * leaves the whole phrase. */
static void test_common_trigrams(void **state)
{
	fixture *fx = *state;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	for (unsigned i = 0; i < 300; i++) {
		char name[32], phone[32];
		snprintf(name, sizeof name, "王%c%c", 'a' + i % 26, 'a' + i / 26);
		snprintf(phone, sizeof phone, "1380000%04u", i);
		save_record(fx, "talent", units[i % UNITS], "name", name, "phone", phone, NULL);
	}
	const char *kind;
	char *m = textindex_match(fx->env.store, talent, "13800000123", NULL, 0, &kind);
	assert_string_equal(kind, "tri");
	assert_string_equal(m, "(\"00123\")"); /* 138, 380, 800, 000: in every record */
	free(m);
	m = textindex_match(fx->env.store, talent, "13800000123", NULL, 0, &kind); /* asked again */
	assert_string_equal(m, "(\"00123\")");
	free(m);
	m = textindex_match(fx->env.store, talent, "800001", NULL, 0, &kind); /* 001: a third of them */
	assert_string_equal(m, "(\"800001\")");
	free(m);
	m = textindex_match(fx->env.store, talent, "王ab", NULL, 0, &kind); /* one trigram */
	assert_string_equal(m, "(\"王ab\")");
	free(m);
	static const char *const texts[] = {"13800000123", "13800000299", "13800000300", "0000123", "800001",
					    "1380000", "00012", "王ab", "王a"};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		same_as_scan(fx, talent, texts[t], 0);
		same_as_scan(fx, talent, texts[t], store_unit_id(fx->env.store, units[1]));
	}
}

/* kepu check: an index that disagrees with the records (a change made
 * outside kepu) is found, and made again on request. */
static void test_check_and_rebuild(void **state)
{
	fixture *fx = *state;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	for (unsigned i = 0; i < 40; i++)
		add(fx, talent, i);
	assert_index_agrees(fx, talent);
	/* the sqlite3 shell changes a name behind kepu's back */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE talent SET name = '外来改名' WHERE id = 5", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	bool repaired = true;
	char *err = NULL;
	assert_int_equal(store_text_check(fx->env.store, talent, false, &repaired, &err), KP_ERR);
	assert_false(repaired);
	assert_non_null(strstr(err, "--rebuild-index"));
	free(err);
	err = NULL;
	assert_false(store_damaged()); /* the file is fine; the index is behind */
	/* …and the filter reads it: the new name is not found until rebuilt */
	kp_query stale = {-1, false, "外来改名", 0, NULL, false};
	assert_int_equal(store_query_count(fx->env.store, talent, &stale), 0);
	assert_int_equal(store_text_check(fx->env.store, talent, true, &repaired, &err), KP_OK);
	assert_true(repaired);
	assert_index_agrees(fx, talent);
	same_as_scan(fx, talent, "外来改名", 0);
	kp_query q = {-1, false, "外来", 0, NULL, false};
	assert_int_equal(store_query_count(fx->env.store, talent, &q), 1);
	/* a unit's session may not check or rebuild */
	assert_int_equal(store_session(fx->env.store, SESSION_CITY, "c", 0, &err), KP_OK);
	assert_int_equal(store_text_check(fx->env.store, talent, true, &repaired, &err), KP_ERR);
	free(err);
}

/* A database made before the index (its view missing) gets it when kepu
 * opens it, filled from the records already there. */
static void test_migration(void **state)
{
	fixture *fx = *state;
	const kp_form *talent = catalog_form(&fx->env.cat, "talent");
	for (unsigned i = 0; i < 30; i++)
		add(fx, talent, i);
	env_close(&fx->env);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP VIEW talent_kp_text; PRAGMA user_version = 1", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	reopen(fx);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), 12);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'talent_kp_text'"), 1);
	talent = catalog_form(&fx->env.cat, "talent"); /* the definitions were loaded again */
	assert_index_agrees(fx, talent);
	all_filters_agree(fx, talent);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filter_as_scan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_years_and_units, setup, teardown),
		cmocka_unit_test_setup_teardown(test_initials, setup, teardown),
		cmocka_unit_test_setup_teardown(test_common_trigrams, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_and_rebuild, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
