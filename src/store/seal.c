/* Record seals (#27): each record row (and each attachment row) carries in
 * kp_seal one entry per non-empty column, a 2-byte tag of the column's
 * name and a 6-byte BLAKE2b digest of its name and value. kepu's writes
 * make it; kepu check recomputes it, so a value changed outside kepu is
 * named by its column. The audit chain (chain.c) hashes each seal it
 * writes, so the chain commits to what every record held. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

static unsigned tag_of(const char *name, size_t n)
{
	unsigned h = 2166136261u; /* FNV-1a folded to 16 bits: only which column */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return (h ^ (h >> 16)) & 0xffffu;
}

/* One column's entry; false for NULL (an empty column has none). Integers
 * and text hash their text, so a value keeps its seal whichever type the
 * column's affinity gave it. */
static bool entry(const char *name, size_t nlen, sqlite3_value *v, unsigned char out[SEAL_ENTRY])
{
	int type = sqlite3_value_type(v);
	if (type == SQLITE_NULL)
		return false;
	const unsigned char kind = type == SQLITE_BLOB ? 'b' : 't';
	const void *p = type == SQLITE_BLOB ? sqlite3_value_blob(v) : (const void *)sqlite3_value_text(v);
	size_t n = (size_t)sqlite3_value_bytes(v);
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 16);
	crypto_generichash_update(&h, (const unsigned char *)name, nlen + 1);
	crypto_generichash_update(&h, &kind, 1);
	if (n)
		crypto_generichash_update(&h, p, n);
	unsigned char d[16];
	crypto_generichash_final(&h, d, sizeof d);
	unsigned t = tag_of(name, nlen);
	out[0] = (unsigned char)(t >> 8);
	out[1] = (unsigned char)t;
	memcpy(out + 2, d, SEAL_ENTRY - 2);
	return true;
}

/* kp_seal('col', value, 'col', value, …): the seal of a row. With a batch
 * digest open (chain.c), each seal made is added to it, in row order. */
static void sql_seal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	kp_store *s = sqlite3_user_data(ctx);
	unsigned char *buf = xmalloc((size_t)(argc / 2 + 1) * SEAL_ENTRY);
	size_t n = 0;
	for (int i = 0; i + 1 < argc; i += 2) {
		const char *name = (const char *)sqlite3_value_text(argv[i]);
		if (name && entry(name, (size_t)sqlite3_value_bytes(argv[i]), argv[i + 1], buf + n))
			n += SEAL_ENTRY;
	}
	if (s->sealing)
		crypto_generichash_update(s->batch_seal, buf, n);
	sqlite3_result_blob(ctx, buf, (int)n, free);
}

void seal_register(kp_store *s)
{
	sqlite3_create_function(s->db, "kp_seal", -1, SQLITE_UTF8, s, sql_seal, NULL, NULL);
}

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

int seal_rows(kp_store *s, const char *table, const char *where, long long a, const char *t)
{
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
	if (!st)
		return KP_ERR;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_text(st, 2, t ? t : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
	sqlite3_finalize(st);
	return rc;
}

void seal_begin(kp_store *s)
{
	if (!s->batch_seal)
		s->batch_seal = xmalloc(sizeof *s->batch_seal);
	crypto_generichash_init(s->batch_seal, NULL, 0, CHAIN_HASH);
	s->sealing = true;
}

bool seal_end(kp_store *s, unsigned char out[CHAIN_HASH])
{
	if (!s->sealing)
		return false;
	crypto_generichash_final(s->batch_seal, out, CHAIN_HASH);
	s->sealing = false;
	return true;
}

bool seal_is_record(const char *table)
{
	return strncmp(table, "kp_", 3) != 0;
}

/* Which columns of the row at st (columns from `first` on, named c)
 * differ from its seal: fn for each. */
static int compare_row(sqlite3_stmt *st, int first, char *const *c, size_t n, const seal_row *row,
		       seal_diff_fn fn, void *ctx)
{
	const unsigned char *seal = sqlite3_column_blob(st, first - 1);
	size_t len = (size_t)sqlite3_column_bytes(st, first - 1) / SEAL_ENTRY;
	if (sqlite3_column_type(st, first - 1) == SQLITE_NULL)
		return fn(row, NULL, ctx); /* never sealed: written outside kepu */
	bool *used = xcalloc(len + 1, sizeof *used);
	bool *empty = xcalloc(n + 1, sizeof *empty);
	int rc = KP_OK;
	unsigned char e[SEAL_ENTRY];
	for (size_t i = 0; rc == KP_OK && i < n; i++) {
		if (!(entry(c[i], strlen(c[i]), sqlite3_column_value(st, first + (int)i), e))) {
			empty[i] = true;
			continue;
		}
		size_t k = 0;
		while (k < len && (used[k] || memcmp(seal + k * SEAL_ENTRY, e, SEAL_ENTRY)))
			k++;
		if (k < len)
			used[k] = true;
		else
			rc = fn(row, c[i], ctx);
	}
	/* A column emptied: its name's entry is left over in the seal. */
	for (size_t i = 0; rc == KP_OK && i < n; i++) {
		unsigned t = tag_of(c[i], strlen(c[i]));
		for (size_t k = 0; empty[i] && k < len; k++)
			if (!used[k] && seal[k * SEAL_ENTRY] == t >> 8 && seal[k * SEAL_ENTRY + 1] == (t & 0xff)) {
				used[k] = true;
				rc = fn(row, c[i], ctx);
				break;
			}
	}
	free(empty);
	free(used);
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
	int rc = st ? KP_OK : KP_ERR, step = SQLITE_DONE;
	while (rc == KP_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *tbl = (const char *)sqlite3_column_text(st, 0);
		seal_row row = {.table = tbl ? tbl : table, .record = sqlite3_column_int64(st, 1),
				.attachment = sqlite3_column_int64(st, 2)};
		rc = compare_row(st, 4, c, n, &row, fn, ctx);
	}
	if (rc == KP_OK && step != SQLITE_DONE)
		rc = KP_ERR;
	sqlite3_finalize(st);
	seal_columns_free(c, n);
	return rc;
}
