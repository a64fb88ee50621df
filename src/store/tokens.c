/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The text index's vocabulary (issue #26), apart from the index itself
 * (textindex.c) so that opening a connection (db.c) needs nothing else of
 * the store: kepu's tokenizer kp_gram and the SQL functions the index's
 * view calls, kp_initials and kp_unit_token.
 */
#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "store/db.h"

/* Polyphonic characters make several strings of initials; a field keeps at
 * most this many (长江 → cj, zj). */
#define INITIAL_VARIANTS 4

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

/* One token with its Latin letters in lower case, as the filter compares
 * (kp_contains): ABC finds abc. A token longer than a pair of characters
 * (a query the index is not asked) goes as it is. */
static int folded(void *ctx, int (*token)(void *, int, const char *, int, int, int), const char *p, size_t n,
		  int at)
{
	char low[16];
	if (n > sizeof low)
		return token(ctx, 0, p, (int)n, at, at + (int)n);
	for (size_t i = 0; i < n; i++)
		low[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] - 'A' + 'a') : p[i];
	return token(ctx, 0, low, (int)n, at, at + (int)n);
}

static int gram_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
			 int (*token)(void *, int, const char *, int, int, int))
{
	(void)t;
	if (n <= 0)
		return SQLITE_OK;
	if (flags & FTS5_TOKENIZE_QUERY)
		return folded(ctx, token, text, (size_t)n, 0);
	size_t len = (size_t)n;
	for (size_t i = 0; i < len;) {
		size_t a = char_len(text + i, len - i);
		int rc = folded(ctx, token, text + i, a, (int)i);
		if (rc == SQLITE_OK && i + a < len) {
			size_t b = char_len(text + i + a, len - i - a);
			rc = folded(ctx, token, text + i, a + b, (int)i);
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

/* A unit as three private-use characters of plane 15 (textindex_unit_token
 * in db.h). */
#define UNIT_MARK 0xF0200u
#define UNIT_HIGH 0xF0000u
#define UNIT_LOW 0xF0100u

void textindex_unit_token(strbuf *b, long long unit, bool pair_only)
{
	if (!pair_only)
		sb_addcp(b, UNIT_MARK);
	sb_addcp(b, UNIT_HIGH + (uint32_t)(unit >> 8));
	sb_addcp(b, UNIT_LOW + (uint32_t)(unit & 0xFF));
}

/* kp_unit_token(unit_id): the column's text ("" outside 1..TEXTINDEX_UNIT_MAX). */
static void sql_unit_token(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	long long unit = sqlite3_value_int64(argv[0]);
	strbuf b = STRBUF_INIT;
	if (unit >= 1 && unit <= TEXTINDEX_UNIT_MAX)
		textindex_unit_token(&b, unit, false);
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
