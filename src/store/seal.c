/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Record seals (#27) written and compared: a row's seal made again after
 * each write (one UPDATE prepared per table and rows), the seals hashed
 * into the audit row that records them (chain.c), and kepu check's
 * comparison of every row with its seal, naming the column that changed.
 * The digests themselves are sealfn.c's. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

char **seal_columns(kp_store *s, const char *table, size_t *n)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT name FROM pragma_table_info(?) WHERE name <> 'kp_seal' ORDER BY cid",
				      NULL);
	char **c = NULL;
	size_t cap = 0;
	*n = 0;
	if (st)
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap)
			c = xrealloc(c, (cap = cap ? cap * 2 : 32) * sizeof *c);
		c[(*n)++] = db_text(st, 0);
	}
	sqlite3_finalize(st);
	return c;
}

void seal_columns_free(char **c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i]);
	free(c);
}

/* The UPDATE that seals table's rows WHERE where, prepared once per
 * connection (each record write seals its row: an import's --update
 * writes 100,000). */
static sqlite3_stmt *reseal_statement(kp_store *s, const char *table, const char *where)
{
	char *key = xasprintf("%s\n%s", table, where);
	for (size_t i = 0; i < s->nreseal; i++)
		if (!strcmp(s->reseal[i].key, key)) {
			free(key);
			return s->reseal[i].st;
		}
	size_t n;
	char **c = seal_columns(s, table, &n);
	strbuf q = STRBUF_INIT;
	sb_printf(&q, "UPDATE \"%s\" SET kp_seal = kp_seal(", table);
	for (size_t i = 0; i < n; i++)
		sb_printf(&q, "%s'%s', \"%s\"", i ? ", " : "", c[i], c[i]);
	sb_printf(&q, ") WHERE %s", where);
	seal_columns_free(c, n);
	sqlite3_stmt *st = n ? db_prepare(s, sb_str(&q), NULL) : NULL;
	sb_free(&q);
	if (!st) {
		free(key);
		return NULL;
	}
	s->reseal = xrealloc(s->reseal, (s->nreseal + 1) * sizeof *s->reseal);
	s->reseal[s->nreseal++] = (struct kp_reseal){key, st};
	return st;
}

int seal_rows(kp_store *s, const char *table, const char *where, long long a, const char *t)
{
	sqlite3_stmt *st = reseal_statement(s, table, where);
	if (!st)
		return KP_ERR;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_text(st, 2, t ? t : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

void seal_begin(kp_store *s, crypto_generichash_state *h)
{
	crypto_generichash_init(h, NULL, 0, CHAIN_HASH);
	s->acc = h;
}

void seal_finish(kp_store *s, crypto_generichash_state *h)
{
	crypto_generichash_final(h, s->pending_seal, CHAIN_HASH);
	s->pending = true;
	s->acc = NULL;
}

/* A default kepu's own DDL gives: a number or a quoted text without quotes. */
static bool plain_literal(const char *d)
{
	size_t n = strlen(d);
	if (n >= 2 && d[0] == '\'' && d[n - 1] == '\'')
		return !memchr(d + 1, '\'', n - 2);
	return n && strspn(d, "-0123456789") == n;
}

char *seal_insert_expr(kp_store *s, const char *table, const char *const *cols, const char *const *exprs,
		       size_t n)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT name, dflt_value FROM pragma_table_info(?)"
				      " WHERE name <> 'kp_seal' ORDER BY cid", NULL);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "kp_seal(");
	bool ok = true, first = true;
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *dflt = (const char *)sqlite3_column_text(st, 1);
		const char *e = NULL;
		for (size_t i = 0; !e && i < n; i++)
			if (!strcmp(cols[i], name))
				e = exprs[i];
		if (!e && dflt && !(ok = plain_literal(dflt)))
			break;
		sb_printf(&b, "%s'%s', %s", first ? "" : ", ", name, e ? e : dflt ? dflt : "NULL");
		first = false;
	}
	sqlite3_finalize(st);
	sb_adds(&b, ")");
	if (ok && !first)
		return sb_take(&b);
	sb_free(&b);
	return NULL;
}

bool seal_is_record(const char *table)
{
	return strncmp(table, "kp_", 3) != 0;
}

static const char *text_of(sqlite3_stmt *st, int col)
{
	int t = sqlite3_column_type(st, col);
	return t == SQLITE_NULL || t == SQLITE_BLOB ? NULL : (const char *)sqlite3_column_text(st, col);
}

/* Which columns of the row at st (columns from `first` on, named c)
 * differ from its seal: fn for each ("" when the row differs but no
 * column's digest tells which). */
static int compare_row(sqlite3_stmt *st, int first, char *const *c, const uint32_t *ids, size_t n,
		       const seal_row *row, seal_diff_fn fn, void *ctx)
{
	const unsigned char *seal = sqlite3_column_blob(st, first - 1);
	size_t len = (size_t)sqlite3_column_bytes(st, first - 1);
	if (sqlite3_column_type(st, first - 1) == SQLITE_NULL || len < SEAL_ROW_DIGEST)
		return fn(row, NULL, NULL, ctx); /* never sealed: written outside kepu */
	sqlite3_value **v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = sqlite3_column_value(st, first + (int)i);
	size_t now_len;
	unsigned char *now = seal_of(ids, v, 1, (int)n, &now_len);
	int rc = KP_OK, named = 0;
	if (memcmp(now, seal, SEAL_ROW_DIGEST)) {
		size_t stored = (len - SEAL_ROW_DIGEST) / SEAL_COLUMN_DIGEST;
		for (size_t i = 0; rc == KP_OK && i < n; i++) {
			unsigned char was[SEAL_COLUMN_DIGEST];
			if (i < stored)
				memcpy(was, seal + SEAL_ROW_DIGEST + i * SEAL_COLUMN_DIGEST, SEAL_COLUMN_DIGEST);
			else /* a column added since: it was empty */
				seal_column_digest(ids[i], 'n', NULL, 0, was);
			if (memcmp(was, now + SEAL_ROW_DIGEST + i * SEAL_COLUMN_DIGEST, SEAL_COLUMN_DIGEST)) {
				rc = fn(row, c[i], text_of(st, first + (int)i), ctx);
				named++;
			}
		}
		if (rc == KP_OK && !named)
			rc = fn(row, "", NULL, ctx);
	}
	free(now);
	free(v);
	return rc;
}

int seal_compare(kp_store *s, const char *table, seal_diff_fn fn, void *ctx)
{
	size_t n;
	char **c = seal_columns(s, table, &n);
	bool attach = !strcmp(table, "kp_attachments");
	strbuf q = STRBUF_INIT;
	/* An attachment is reported by its record: the form and number. */
	sb_printf(&q, "SELECT %s, kp_seal", attach ? "tbl, record_id, id" : "NULL, id, 0");
	for (size_t i = 0; i < n; i++)
		sb_printf(&q, ", \"%s\"", c[i]);
	sb_printf(&q, " FROM \"%s\" ORDER BY id", table);
	sqlite3_stmt *st = n ? db_prepare(s, sb_str(&q), NULL) : NULL;
	sb_free(&q);
	uint32_t *ids = xcalloc(n + 1, sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = seal_name_id(c[i], strlen(c[i]));
	int rc = st ? KP_OK : KP_ERR, step = SQLITE_DONE;
	while (rc == KP_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *tbl = (const char *)sqlite3_column_text(st, 0);
		seal_row row = {.table = tbl ? tbl : table, .record = sqlite3_column_int64(st, 1),
				.attachment = sqlite3_column_int64(st, 2)};
		rc = compare_row(st, 4, c, ids, n, &row, fn, ctx);
	}
	if (rc == KP_OK && step != SQLITE_DONE)
		rc = KP_ERR;
	sqlite3_finalize(st);
	free(ids);
	seal_columns_free(c, n);
	return rc;
}
