/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A clerk's keys into the form screen's model, with no terminal: the
 * story's database and session (unit_env.h), keys and typed text in, each
 * key's result and the values and rows out. For the model stories of
 * tests/unit/test_*_stories.c. */
#ifndef KP_FORM_STORY_H
#define KP_FORM_STORY_H
#include "unit_env.h"

#include "model_keys.h"
#include "ui/form_model.h"

#define F2 FN(KEY_F(2))
#define BSPACE FN(KEY_BACKSPACE)
#define HOME FN(KEY_HOME)
#define END FN(KEY_END)
#define RIGHT FN(KEY_RIGHT)
#define DOWN FN(KEY_DOWN)

typedef struct {
	fixture *fx;
	fm_ctx c;
} form_story;

static inline int form_story_setup(void **state)
{
	form_story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (fm_ctx){&s->fx->env, "admin", true, NULL, 60, 0};
	*state = s;
	return 0;
}

static inline int form_story_teardown(void **state) { return story_free(*state); }

/* Sign out: the database opened afresh, with no session yet (a session
 * never changes whose it is). */
static inline void sign_out(form_story *s)
{
	env_close(&s->fx->env);
	reopen(s->fx);
}

/* The session of a unit's account (user of unit), as after its login. */
static inline void story_sign_in_unit(form_story *s, const char *user, const char *unit)
{
	char *err = NULL;
	if (store_session(s->fx->env.store, SESSION_UNIT, user, store_unit_id(s->fx->env.store, unit), &err) != KP_OK)
		fail_msg("%s", err ? err : user);
	s->c.user = user;
}

static inline void story_sign_in_city(form_story *s, const char *user)
{
	char *err = NULL;
	if (store_session(s->fx->env.store, SESSION_CITY, user, 0, &err) != KP_OK)
		fail_msg("%s", err ? err : user);
	s->c.user = user;
}

/* Form form_id, record id (0: a new one for unit). */
static inline form_model *open_record(form_story *s, const char *form_id, long long id, const char *unit)
{
	fm_result r;
	form_model *m = fm_new(&s->c, catalog_form(&s->fx->env.cat, form_id), id,
			       store_unit_id(s->fx->env.store, unit), unit, &r);
	if (!m)
		fail_msg("%s", r.text);
	return m;
}

static inline fm_result key(form_story *s, form_model *m, kp_key k) { return fm_key(m, &s->c, k); }

/* Each character of text typed as a key; the last key's result. */
static inline fm_result type(form_story *s, form_model *m, const char *text)
{
	fm_result r = {0};
	TYPE_KEYS(text, r = key(s, m, k));
	return r;
}

/* The value of field as the form holds it; the caller frees it. */
static inline char *field_value(form_model *m, const char *field)
{
	int i = form_field_index(m->form, field);
	assert_true(i >= 0);
	return fs_get_value(&m->form->fields[i], &m->fs[i]);
}

static inline void assert_value(form_model *m, const char *field, const char *want)
{
	char *v = field_value(m, field);
	assert_string_equal(v, want);
	free(v);
}

static inline void assert_focus(form_model *m, const char *field)
{
	assert_string_equal(m->form->fields[m->focus].id, field);
}

static inline void assert_said(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("said \"%s\", not \"%s\"", text, part);
}

static inline void assert_unsaid(const char *text, const char *part)
{
	if (strstr(text, part))
		fail_msg("said \"%s\", which has \"%s\"", text, part);
}

/* The first column of the first row of sql, as text ("(none)": no row). */
static inline char *sql_text(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *v = NULL;
	sqlite3_open(path, &db);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = strdup(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "(null)");
	else if (sqlite3_errcode(db) != SQLITE_OK && sqlite3_errcode(db) != SQLITE_DONE)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v ? v : strdup("(none)");
}

static inline void assert_sql(form_story *s, const char *sql, const char *want)
{
	char *v = sql_text(s->fx->path, sql);
	if (strcmp(v, want))
		fail_msg("%s\n  got:  %s\n  want: %s", sql, v, want);
	free(v);
}

/* 姓名 to 政治面貌 of 附表2 (民族 汉族), the focus left on 学历. A choice
 * is typed to filter its list, and Enter takes it. */
static inline void person(form_story *s, form_model *m, const char *name, const char *gender, const char *age,
			  const char *political)
{
	type(s, m, name); key(s, m, TAB);
	type(s, m, gender); key(s, m, ENTER);
	type(s, m, age); key(s, m, TAB);
	type(s, m, "汉"); key(s, m, ENTER);
	type(s, m, political); key(s, m, ENTER);
}

/* 附表2's required fields from the first to 联系电话, as a clerk types
 * them: the cursor ends on 联系电话. */
static inline void fill_to_phone(form_story *s, form_model *m, const char *name)
{
	person(s, m, name, "男", "45", "中共");
	type(s, m, "本科"); key(s, m, ENTER);        /* the list moves on, and the habitual */
	key(s, m, TAB); key(s, m, TAB); key(s, m, TAB); /* Tab is absorbed; 主要从事行业, 科普专长 */
	type(s, m, "许昌学院农学院"); key(s, m, TAB);
	key(s, m, TAB);                              /* 职务（职称） */
}

/* Every required field of 附表2 from the first, as a clerk types them
 * (lib.sh's fill_required): the cursor ends on 服务类别, first box ticked. */
static inline void fill_required(form_story *s, form_model *m, const char *name, const char *phone)
{
	fill_to_phone(s, m, name);
	type(s, m, phone); key(s, m, TAB);           /* a whole mobile moves on; this Tab is absorbed */
	key(s, m, TAB); key(s, m, TAB);              /* 电子邮箱, QQ号或微信号 */
	key(s, m, SPACE);                            /* 服务类别: 青少年科普 */
}

#endif
