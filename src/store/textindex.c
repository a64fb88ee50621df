/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The list filter's text index (issue #26). Two FTS5 tables per form, both
 * reading their text from one view of the form's searchable fields plus
 * the pinyin initials of the first (姓名, 活动名称: what a clerk types by
 * its initials; every field's would double what an import writes):
 *
 *   <table>_kp_tri   SQLite's trigram tokenizer, folding case (the filter
 *                    takes ABC for abc): filters of three characters or
 *                    more, as a phrase (a substring);
 *   <table>_kp_gram  kepu's own tokenizer (kp_gram): every character and
 *                    every pair of neighbouring characters, Latin letters
 *                    folded to lower case, for filters of one or two
 *                    characters (a Chinese surname, a name being typed),
 *                    which no trigram can answer.
 *
 * The store keeps both in step with the records inside the writer's
 * transaction (forget a record's text before it changes, index it after);
 * an import indexes its new rows in one statement at its end. The index
 * only narrows: kp_contains still decides every row, and the list's unit,
 * year and state conditions are those of the table, so a filter answers
 * exactly what the scan answered. Without FTS5 or its trigram tokenizer
 * (a SQLite built without them) the filter scans as before. The tokenizer
 * and the view's functions are in tokens.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "store/db.h"

/* What the index holds and how (tokenizers, initials): see view_sql. */
#define TEXT_INDEX_VERSION 5
#define FTS_HASH_BYTES (8 << 20)

bool store_text_index(const kp_store *s) { return s->text_index; }

bool store_searchable(const kp_field *f)
{
	/* Every text the clerk typed, long texts too: the filter's hint says
	 * 任何文字字段, and a word remembered from a 简介 must find its record. */
	return !ftype_info(f->type)->integer_column;
}

/* The searchable columns, quoted and comma-separated (prefix before each). */
static void columns(strbuf *b, const kp_form *f, const char *prefix)
{
	bool first = true;
	for (size_t i = 0; i < f->nfields; i++)
		if (store_searchable(&f->fields[i])) {
			sb_printf(b, "%s%s\"%s\"", first ? "" : ", ", prefix, f->fields[i].id);
			first = false;
		}
}

const kp_field *textindex_initials_field(const kp_form *f)
{
	for (size_t i = 0; i < f->nfields; i++)
		if (store_searchable(&f->fields[i]))
			return &f->fields[i];
	return NULL;
}

bool textindex_on(const kp_store *s, const kp_form *f)
{
	for (size_t i = 0; s->text_index && i < s->nindexed; i++)
		if (!strcmp(s->indexed[i], f->table))
			return true;
	return false;
}

/* Can f have an index at all (FTS5 here, a searchable field)? */
static bool indexable(const kp_store *s, const kp_form *f) { return s->text_index && textindex_initials_field(f); }

static char *view_sql(const kp_form *f)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "CREATE VIEW \"%s_kp_text\" AS SELECT id, ", f->table);
	columns(&b, f, "");
	sb_printf(&b, ", kp_initials(\"%s\"", textindex_initials_field(f)->id);
	/* the version of what the index holds: a kepu that stores it otherwise
	 * changes it, and the index is made again */
	sb_printf(&b, ") AS kp_initials, kp_unit_token(unit_id) AS kp_unit /* kepu text index %d */ FROM \"%s\"",
		  TEXT_INDEX_VERSION, f->table);
	return sb_take(&b);
}

static const char *const kinds[2][2] = {
	{"tri", "tokenize='trigram case_sensitive 0', detail=full"},
	{"gram", "tokenize='kp_gram', detail=none"},
};

/* Run each statement (freed after) until one fails. */
static int run_all(kp_store *s, char **sql, size_t n, char **err)
{
	int rc = KP_OK;
	for (size_t i = 0; i < n; i++) {
		if (rc == KP_OK)
			rc = db_exec(s, sql[i], err);
		free(sql[i]);
	}
	return rc;
}

static int rebuild(kp_store *s, const kp_form *f, char **err)
{
	char *sql[2];
	for (int k = 0; k < 2; k++)
		sql[k] = xasprintf("INSERT INTO \"%s_kp_%s\" (\"%s_kp_%s\") VALUES ('rebuild')", f->table,
				   kinds[k][0], f->table, kinds[k][0]);
	return run_all(s, sql, 2, err);
}

static int drop(kp_store *s, const kp_form *f, char **err)
{
	char *sql[] = {
		xasprintf("DROP TABLE IF EXISTS \"%s_kp_tri\"", f->table),
		xasprintf("DROP TABLE IF EXISTS \"%s_kp_gram\"", f->table),
		xasprintf("DROP VIEW IF EXISTS \"%s_kp_text\"", f->table),
	};
	return run_all(s, sql, 3, err);
}

int store_ensure_text_index(kp_store *s, const kp_form *f, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	/* The view's text names the columns: a field added to the YAML (or an
	 * index made by an older kepu) makes it differ, and the index is made
	 * afresh from the records. */
	char *want = textindex_initials_field(f) ? view_sql(f) : xstrdup(""); /* "": no index */
	char *name = xasprintf("%s_kp_text", f->table);
	sqlite3_stmt *st = db_prepare(s, "SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?1", err);
	int rc = st ? KP_OK : KP_ERR;
	bool same = false;
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		same = sqlite3_step(st) == SQLITE_ROW &&
		       !strcmp((const char *)sqlite3_column_text(st, 0), want);
		sqlite3_finalize(st);
	}
	free(name);
	if (rc == KP_OK && !(same && indexable(s, f)))
		rc = drop(s, f, err);
	if (rc == KP_OK && !same && indexable(s, f)) {
		strbuf cols = STRBUF_INIT;
		columns(&cols, f, "");
		char *sql[5] = {xstrdup(want)};
		for (int k = 0; k < 2; k++) {
			/* no column sizes (nothing ranks): one write a record less */
			sql[2 * k + 1] = xasprintf("CREATE VIRTUAL TABLE \"%s_kp_%s\" USING fts5(%s, kp_initials, kp_unit,"
						   " content='%s_kp_text', content_rowid='id', columnsize=0, %s)",
						   f->table, kinds[k][0], sb_str(&cols), f->table, kinds[k][1]);
			/* An import's tokens gather in memory up to this before they
			 * are written as a segment (FTS5's default, 1 MiB, writes and
			 * merges many small ones). */
			sql[2 * k + 2] = xasprintf("INSERT INTO \"%s_kp_%s\" (\"%s_kp_%s\", rank) VALUES ('hashsize', %d)",
						   f->table, kinds[k][0], f->table, kinds[k][0], FTS_HASH_BYTES);
		}
		sb_free(&cols);
		rc = run_all(s, sql, 5, err);
		if (rc == KP_OK)
			rc = rebuild(s, f, err);
	}
	free(want);
	rc = db_end(s, rc, err);
	if (rc == KP_OK && indexable(s, f) && !textindex_on(s, f)) {
		s->indexed = xrealloc(s->indexed, (s->nindexed + 1) * sizeof *s->indexed);
		s->indexed[s->nindexed++] = xstrdup(f->table);
	}
	return rc;
}

/* Both tables: 'delete' (the text as the view has it now) or insert, of
 * the records lo..hi. */
static int write_range(kp_store *s, const kp_form *f, bool forget, long long lo, long long hi)
{
	if (!textindex_on(s, f))
		return KP_OK;
	strbuf cols = STRBUF_INIT;
	columns(&cols, f, "");
	int rc = KP_OK;
	for (int k = 0; k < 2 && rc == KP_OK; k++) {
		const char *tk = kinds[k][0];
		char *sql = forget
			? xasprintf("INSERT INTO \"%s_kp_%s\" (\"%s_kp_%s\", rowid, %s, kp_initials, kp_unit)"
				    " SELECT 'delete', id, %s, kp_initials, kp_unit FROM \"%s_kp_text\""
				    " WHERE id BETWEEN ?1 AND ?2",
				    f->table, tk, f->table, tk, sb_str(&cols), sb_str(&cols), f->table)
			: xasprintf("INSERT INTO \"%s_kp_%s\" (rowid, %s, kp_initials, kp_unit)"
				    " SELECT id, %s, kp_initials, kp_unit FROM \"%s_kp_text\" WHERE id BETWEEN ?1 AND ?2",
				    f->table, tk, sb_str(&cols), sb_str(&cols), f->table);
		sqlite3_stmt *st = db_prepare(s, sql, NULL);
		free(sql);
		if (!st)
			rc = KP_ERR;
		else {
			sqlite3_bind_int64(st, 1, lo);
			sqlite3_bind_int64(st, 2, hi);
			rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
			sqlite3_finalize(st);
		}
	}
	sb_free(&cols);
	return rc;
}

int textindex_forget(kp_store *s, const kp_form *f, long long id)
{
	return write_range(s, f, true, id, id);
}

int textindex_add(kp_store *s, const kp_form *f, long long lo, long long hi)
{
	return write_range(s, f, false, lo, hi);
}

/* How many characters (not bytes) the filter has, counting up to 3. */
static size_t chars_upto3(const char *t)
{
	size_t n = 0;
	uint32_t cp;
	for (size_t i = 0, len = strlen(t); i < len && n < 3; n++)
		i += utf8_decode(t + i, len - i, &cp);
	return n;
}

char *textindex_match(const kp_store *s, const kp_form *f, const char *filter, const char *initials,
		      long long unit, const char **table_kind)
{
	if (!textindex_on(s, f) || !filter || !filter[0])
		return NULL;
	bool tri = chars_upto3(filter) >= 3;
	*table_kind = tri ? "tri" : "gram";
	/* Every column: the initials' and the unit's characters are never
	 * typed, so the fields' text alone can match the filter as typed. */
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "(\"");
	for (const char *p = filter; *p; p++) {
		if (*p == '"')
			sb_addc(&b, '"');
		sb_addc(&b, *p);
	}
	sb_addc(&b, '"');
	if (initials) /* as many characters as the filter: the same table */
		sb_printf(&b, " OR \"%s\"", initials);
	sb_addc(&b, ')');
	if (unit >= 1 && unit <= TEXTINDEX_UNIT_MAX) {
		sb_adds(&b, " AND \"");
		textindex_unit_token(&b, unit, !tri);
		sb_addc(&b, '"');
	}
	return sb_take(&b);
}

bool textindex_dense(kp_store *s, const kp_form *f, const char *kind, const char *match)
{
	/* Walking the sort's index costs about PAGE / density rows, sorting
	 * the candidates about their number: the walk wins above
	 * sqrt(20 * records) candidates (4,500 at a million). */
	char *sql = xasprintf("SELECT ifnull(max(id), 0) FROM \"%s\"", f->table);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	long long records = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	long long cap = 1;
	while (cap * cap < 20 * records)
		cap++;
	sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM \"%s_kp_%s\" WHERE \"%s_kp_%s\" MATCH ?1 LIMIT ?2)",
			f->table, kind, f->table, kind);
	st = db_prepare(s, sql, NULL);
	free(sql);
	long long n = 0;
	if (st) {
		sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, cap + 1);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n > cap;
}

int store_text_check(kp_store *s, const kp_form *f, bool repair, bool *repaired, char **err)
{
	*repaired = false;
	if (session_need(s, SESSION_KIND(SESSION_ADMIN), err) != KP_OK)
		return KP_ERR;
	if (!textindex_on(s, f))
		return KP_OK;
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	bool agree = true;
	bool was_damaged = store_damaged();
	for (int k = 0; k < 2 && agree; k++) {
		/* rank 1: the index is compared with the records' text too */
		char *sql = xasprintf("INSERT INTO \"%s_kp_%s\" (\"%s_kp_%s\", rank) VALUES ('integrity-check', 1)",
				      f->table, kinds[k][0], f->table, kinds[k][0]);
		sqlite3_stmt *st = db_prepare(s, sql, NULL);
		free(sql);
		agree = st && sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
	}
	/* An index that disagrees is said as such (and made again on request),
	 * not taken for a damaged file. */
	if (!agree && !was_damaged)
		db_forget_damage();
	int rc = KP_OK;
	if (!agree && repair) {
		rc = rebuild(s, f, err);
		*repaired = rc == KP_OK;
	} else if (!agree) {
		db_set_err(err, xasprintf(msg(MSG_S_TEXT_INDEX_STALE), f->title));
		rc = KP_ERR;
	}
	return db_end(s, rc, err);
}
