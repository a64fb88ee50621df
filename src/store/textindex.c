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

/* The filter as an FTS5 string, its " doubled. */
static void quoted(strbuf *b, const char *text, size_t len)
{
	sb_addc(b, '"');
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '"')
			sb_addc(b, '"');
		sb_addc(b, text[i]);
	}
	sb_addc(b, '"');
}

/* A phrase's cost in FTS5 is the length of its trigrams' record lists:
 * one in (nearly) every record (138 of a generated telephone number, 中学)
 * is read whole for every filter holding it, and grows with the table.
 * So a filter's trigrams are sampled first: PROBE_WINDOWS runs of
 * PROBE_IDS record numbers spread over the table (an FTS5 rowid range is
 * a seek), and a trigram in at least half of the sampled records is left
 * out of the query, which becomes the phrases of the filter between such
 * trigrams (each a substring of it: every record holding the filter holds
 * them, and kp_contains still decides). That query is kept only when it
 * is itself rare in the sample (at most one sampled record in
 * PROBE_RARE): a few rare trigrams with the common ones left out could
 * find more candidates than the phrase, each tested by kp_contains. */
#define PROBE_WINDOWS 2
#define PROBE_IDS 512
#define PROBE_RARE 64

typedef struct {
	sqlite3_stmt *count; /* ?1 the query; ?2k, ?2k+1 window k's first and last id */
	long long lo[PROBE_WINDOWS], sampled;
} probe;

static bool probe_open(kp_store *s, const kp_form *f, probe *p)
{
	char *sql = xasprintf("SELECT ifnull(max(id), 0) FROM \"%s\"", f->table);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	long long records = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	strbuf in_table = STRBUF_INIT, in_index = STRBUF_INIT;
	for (int k = 0; k < PROBE_WINDOWS; k++) {
		long long mid = records * (2 * k + 1) / (2 * PROBE_WINDOWS);
		p->lo[k] = mid - PROBE_IDS / 2 > 1 ? mid - PROBE_IDS / 2 : 1;
		sb_printf(&in_table, "%s(SELECT count(*) FROM \"%s\" WHERE id BETWEEN ?%d AND ?%d)", k ? " + " : "",
			  f->table, 2 * k + 2, 2 * k + 3);
		sb_printf(&in_index, "%s(SELECT count(*) FROM \"%s_kp_tri\" WHERE \"%s_kp_tri\" MATCH ?1"
			  " AND rowid BETWEEN ?%d AND ?%d)", k ? " + " : "", f->table, f->table, 2 * k + 2, 2 * k + 3);
	}
	sql = xasprintf("SELECT %s", sb_str(&in_table)); /* ?1 unused: the windows as below */
	sb_free(&in_table);
	st = db_prepare(s, sql, NULL);
	free(sql);
	p->sampled = 0;
	for (int k = 0; st && k < PROBE_WINDOWS; k++) {
		sqlite3_bind_int64(st, 2 * k + 2, p->lo[k]);
		sqlite3_bind_int64(st, 2 * k + 3, p->lo[k] + PROBE_IDS - 1);
	}
	if (st && sqlite3_step(st) == SQLITE_ROW)
		p->sampled = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sql = xasprintf("SELECT %s", sb_str(&in_index));
	sb_free(&in_index);
	p->count = p->sampled ? db_prepare(s, sql, NULL) : NULL;
	free(sql);
	for (int k = 0; p->count && k < PROBE_WINDOWS; k++) {
		sqlite3_bind_int64(p->count, 2 * k + 2, p->lo[k]);
		sqlite3_bind_int64(p->count, 2 * k + 3, p->lo[k] + PROBE_IDS - 1);
	}
	return p->count != NULL;
}

/* How many sampled records the FTS5 query finds. */
static long long probe_count(probe *p, const char *query)
{
	sqlite3_reset(p->count);
	sqlite3_bind_text(p->count, 1, query, -1, SQLITE_STATIC);
	long long n = sqlite3_step(p->count) == SQLITE_ROW ? sqlite3_column_int64(p->count, 0) : 0;
	sqlite3_reset(p->count);
	return n;
}

/* The phrases of the filter (of n characters starting at at[0..n]) that
 * leave out its common trigrams, joined by AND, into b; false (b as it
 * was) when the phrase of the whole filter is the query to make. */
static bool rare_phrases(kp_store *s, const kp_form *f, const char *filter, const size_t *at, size_t n,
			 strbuf *b)
{
	probe p;
	if (n < 4)
		return false;
	/* The same filter again (the count, the next page): the same answer
	 * as a moment ago. It only narrows, so an old one is never wrong. */
	char *key = xasprintf("%s\x1f%s", f->table, filter);
	if (s->probed && !strcmp(s->probed, key)) {
		free(key);
		sb_adds(b, s->probed_query);
		return s->probed_query[0] != '\0';
	}
	if (!probe_open(s, f, &p)) {
		free(key);
		return false;
	}
	size_t ntri = n - 2, ncommon = 0;
	bool *common = xcalloc(ntri, sizeof *common);
	strbuf q = STRBUF_INIT;
	for (size_t j = 0; j < ntri; j++) {
		size_t same = 0; /* a trigram repeated (000 of 13800000001) is probed once */
		while (same < j && (at[same + 3] - at[same] != at[j + 3] - at[j] ||
				    memcmp(filter + at[same], filter + at[j], at[j + 3] - at[j])))
			same++;
		if (same < j) {
			common[j] = common[same];
		} else {
			sb_clear(&q);
			quoted(&q, filter + at[j], at[j + 3] - at[j]);
			common[j] = 2 * probe_count(&p, sb_str(&q)) >= p.sampled;
		}
		ncommon += common[j];
	}
	sb_clear(&q);
	for (size_t j = 0; j < ntri && ncommon && ncommon < ntri; j++) {
		if (common[j] || (j && !common[j - 1]))
			continue;
		size_t end = j; /* the run of rare trigrams j..end: characters j..end + 2 */
		while (end + 1 < ntri && !common[end + 1])
			end++;
		if (q.len)
			sb_adds(&q, " AND ");
		quoted(&q, filter + at[j], at[end + 3] - at[j]);
	}
	bool rare = q.len && PROBE_RARE * probe_count(&p, sb_str(&q)) <= p.sampled;
	if (!rare)
		sb_clear(&q);
	sb_adds(b, sb_str(&q));
	free(s->probed);
	free(s->probed_query);
	s->probed = key;
	s->probed_query = sb_take(&q);
	free(common);
	sqlite3_finalize(p.count);
	return rare;
}

char *textindex_match(kp_store *s, const kp_form *f, const char *filter, const char *initials,
		      long long unit, const char **table_kind)
{
	if (!textindex_on(s, f) || !filter || !filter[0])
		return NULL;
	size_t len = strlen(filter), n = 0;
	size_t *at = xcalloc(len + 1, sizeof *at); /* where each character starts, and the end */
	for (size_t i = 0; i < len; n++) {
		uint32_t cp;
		at[n] = i;
		i += utf8_decode(filter + i, len - i, &cp);
	}
	at[n] = len;
	bool tri = n >= 3;
	*table_kind = tri ? "tri" : "gram";
	/* Every column: the initials' and the unit's characters are never
	 * typed, so the fields' text alone can match the filter as typed. */
	strbuf b = STRBUF_INIT;
	sb_addc(&b, '(');
	if (!tri || !rare_phrases(s, f, filter, at, n, &b))
		quoted(&b, filter, len);
	free(at);
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
