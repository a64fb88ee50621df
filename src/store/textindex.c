/*
 * The list filter's text index (issue #26). Two FTS5 tables per form, both
 * reading their text from one view of the form's searchable fields plus
 * the pinyin initials of the first (姓名, 活动名称: what a clerk types by
 * its initials; every field's would double what an import writes):
 *
 *   <table>_kp_tri   SQLite's trigram tokenizer, case-sensitive: filters of
 *                    three characters or more, as a phrase (a substring);
 *   <table>_kp_gram  kepu's own tokenizer (kp_gram): every character and
 *                    every pair of neighbouring characters, for filters of
 *                    one or two characters (a Chinese surname, a name being
 *                    typed), which no trigram can answer.
 *
 * The store keeps both in step with the records inside the writer's
 * transaction (forget a record's text before it changes, index it after);
 * an import indexes its new rows in one statement at its end. The index
 * only narrows: kp_contains still decides every row, and the list's unit,
 * year and state conditions are those of the table, so a filter answers
 * exactly what the scan answered. Without FTS5 or its trigram tokenizer
 * (a SQLite built without them) the filter scans as before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/pinyin.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "store/db.h"

/* Polyphonic characters make several strings of initials; a field keeps at
 * most this many (长江 → cj, zj). */
#define INITIAL_VARIANTS 4
/* What the index holds and how (tokenizers, initials): see view_sql. */
#define TEXT_INDEX_VERSION 4
#define FTS_HASH_BYTES (8 << 20)

/* kp_gram's tokens: in a document every character and every pair; a query
 * (one or two characters, textindex_match makes no other) is one token. */
static int gram_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx, (void)argv, (void)argc;
	static int dummy;
	*out = (Fts5Tokenizer *)&dummy;
	return SQLITE_OK;
}

static void gram_delete(Fts5Tokenizer *t) { (void)t; }

static size_t char_len(const char *p, size_t left)
{
	uint32_t cp;
	return utf8_decode(p, left, &cp);
}

static int gram_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
			 int (*token)(void *, int, const char *, int, int, int))
{
	(void)t;
	if (n <= 0)
		return SQLITE_OK;
	if (flags & FTS5_TOKENIZE_QUERY)
		return token(ctx, 0, text, n, 0, n);
	size_t len = (size_t)n;
	for (size_t i = 0; i < len;) {
		size_t a = char_len(text + i, len - i);
		int rc = token(ctx, 0, text + i, (int)a, (int)i, (int)(i + a));
		if (rc == SQLITE_OK && i + a < len) {
			size_t b = char_len(text + i + a, len - i - a);
			rc = token(ctx, 0, text + i, (int)(a + b), (int)i, (int)(i + a + b));
		}
		if (rc != SQLITE_OK)
			return rc;
		i += a;
	}
	return SQLITE_OK;
}

/* An initial is stored as a private-use character (U+E000 + its letter's
 * place in a..z), never as the letter: the index's tokens of initials and
 * of the fields' own text are then apart, so a filter of Latin letters
 * does not meet every record whose initials hold them (许 → x). */
#define INITIAL_BASE 0xE000u

static void add_initial(strbuf *out, char c) { sb_addcp(out, INITIAL_BASE + (uint32_t)(c - 'a')); }

char *textindex_initials_of(const char *typed)
{
	if (!typed || !typed[0])
		return NULL;
	strbuf b = STRBUF_INIT;
	for (const char *p = typed; *p; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		if (c < 'a' || c > 'z') {
			sb_free(&b);
			return NULL;
		}
		add_initial(&b, c);
	}
	return sb_take(&b);
}

/* The initials of one field: each Chinese character by the first letter of
 * its readings, a Latin letter by itself (any case); other characters have
 * none. A polyphonic character multiplies the variants (up to
 * INITIAL_VARIANTS), each on its own line. */
static void field_initials(strbuf *out, const char *v)
{
	size_t len = strlen(v);
	char choice[64][8]; /* per character its distinct initials (a Han one's) */
	size_t nchoice[64], nch = 0;
	const char *start[64];
	size_t clen[64];
	for (size_t i = 0; i < len && nch < 64;) {
		uint32_t cp;
		size_t k = utf8_decode(v + i, len - i, &cp);
		const char *r[8];
		size_t nr = cp == UTF8_INVALID ? 0 : pinyin_of(cp, r, 8);
		nchoice[nch] = 0;
		for (size_t j = 0; j < nr; j++) {
			char c = r[j][0];
			if (!memchr(choice[nch], c, nchoice[nch]))
				choice[nch][nchoice[nch]++] = c;
		}
		start[nch] = v + i;
		clen[nch] = k;
		nch++;
		i += k;
	}
	size_t variants = 1;
	for (size_t c = 0; c < nch && variants < INITIAL_VARIANTS; c++)
		if (nchoice[c] > 1)
			variants = variants * nchoice[c] > INITIAL_VARIANTS ? INITIAL_VARIANTS
									  : variants * nchoice[c];
	for (size_t var = 0; var < variants; var++) {
		if (out->len)
			sb_addc(out, '\n');
		size_t digit = var; /* mixed-radix over the polyphonic characters */
		for (size_t c = 0; c < nch; c++) {
			char l = clen[c] == 1 ? start[c][0] : 0;
			if (nchoice[c]) {
				add_initial(out, choice[c][digit % nchoice[c]]);
				digit /= nchoice[c];
			} else if (l >= 'A' && l <= 'Z')
				add_initial(out, (char)(l - 'A' + 'a'));
			else if (l >= 'a' && l <= 'z')
				add_initial(out, l);
		}
	}
}

/* kp_initials(a, b, …): the initials of every field, each variant on its
 * own line (so a match never spans two fields). */
static void sql_initials(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < argc; i++) {
		const char *v = (const char *)sqlite3_value_text(argv[i]);
		if (v && v[0])
			field_initials(&b, v);
	}
	sqlite3_result_text(ctx, sb_str(&b), (int)b.len, SQLITE_TRANSIENT);
	sb_free(&b);
}

/* A record's unit as three private-use characters of plane 15: a marker,
 * the id's high byte and its low byte (units 1..65535). Its own column,
 * never typed, it narrows a unit's list to the unit's records inside the
 * index: one trigram (the whole token) in <table>_kp_tri, the pair of its
 * last two characters in <table>_kp_gram. */
#define UNIT_MARK 0xF0200u
#define UNIT_HIGH 0xF0000u
#define UNIT_LOW 0xF0100u
#define UNIT_MAX 65535

static void unit_token(strbuf *b, long long unit, bool pair_only)
{
	if (!pair_only)
		sb_addcp(b, UNIT_MARK);
	sb_addcp(b, UNIT_HIGH + (uint32_t)(unit >> 8));
	sb_addcp(b, UNIT_LOW + (uint32_t)(unit & 0xFF));
}

/* kp_unit_token(unit_id): the column's text ("" outside 1..UNIT_MAX). */
static void sql_unit_token(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	long long unit = sqlite3_value_int64(argv[0]);
	strbuf b = STRBUF_INIT;
	if (unit >= 1 && unit <= UNIT_MAX)
		unit_token(&b, unit, false);
	sqlite3_result_text(ctx, sb_str(&b), (int)b.len, SQLITE_TRANSIENT);
	sb_free(&b);
}

static fts5_api *fts5(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

bool textindex_register(sqlite3 *db)
{
	sqlite3_create_function(db, "kp_initials", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				NULL, sql_initials, NULL, NULL);
	sqlite3_create_function(db, "kp_unit_token", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				NULL, sql_unit_token, NULL, NULL);
	fts5_api *api = fts5(db);
	void *ud;
	fts5_tokenizer trigram;
	if (!api || api->xFindTokenizer(api, "trigram", &ud, &trigram) != SQLITE_OK)
		return false;
	static fts5_tokenizer gram = {gram_create, gram_delete, gram_tokenize};
	return api->xCreateTokenizer(api, "kp_gram", NULL, &gram, NULL) == SQLITE_OK;
}

bool store_text_index(const kp_store *s) { return s->text_index; }

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

bool textindex_on(const kp_store *s, const kp_form *f) { return s->text_index && textindex_initials_field(f); }

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
	{"tri", "tokenize='trigram case_sensitive 1', detail=full"},
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

int textindex_ensure(kp_store *s, const kp_form *f, char **err)
{
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
	if (rc == KP_OK && !(same && textindex_on(s, f)))
		rc = drop(s, f, err);
	if (rc == KP_OK && !same && textindex_on(s, f)) {
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
	for (size_t i = 0, len = strlen(t); i < len && n < 3; n++)
		i += char_len(t + i, len - i);
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
	if (unit >= 1 && unit <= UNIT_MAX) {
		sb_adds(&b, " AND \"");
		unit_token(&b, unit, !tri);
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
