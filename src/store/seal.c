/* Record seals (#27): each record row (and each attachment row) carries in
 * kp_seal a 16-byte BLAKE2b digest of its non-empty columns (which
 * column, and its value), then a 2-byte digest (FNV-1a) of each column in
 * table order. kepu's
 * writes make it; kepu check recomputes it: the row digest finds any
 * change, the column digests name the column. The audit chain (chain.c)
 * hashes each seal it writes, so the chain commits to what every record
 * held. Empty columns stay out of the row digest, so a column added to a
 * form later leaves the seals made before it valid. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

#define ROW_DIGEST 16
#define COLUMN_DIGEST 2


#define FNV_START 2166136261u

static uint32_t fnv(uint32_t h, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* A column's name as sealed: its FNV-1a hash (the names of one table
 * never collide in practice). */
static uint32_t name_id(const char *name, size_t n) { return fnv(FNV_START, (const unsigned char *)name, n); }

/* v in decimal, as SQLite writes an integer as text, into num (24 bytes);
 * its length. */
static size_t decimal(long long v, char *num)
{
	char tmp[24];
	size_t n = 0;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		tmp[n++] = (char)('0' + u % 10);
	while (u /= 10);
	size_t len = 0;
	if (v < 0)
		num[len++] = '-';
	while (n)
		num[len++] = tmp[--n];
	return len;
}

/* A value's bytes as sealed: integers and text by their text, so a value
 * keeps its seal whichever type the column's affinity gave it (an
 * integer formatted here, as SQLite would, without its conversion). */
static const unsigned char *value_bytes(sqlite3_value *v, size_t *n, unsigned char *kind, char num[24])
{
	int type = sqlite3_value_type(v);
	*kind = type == SQLITE_NULL ? 'n' : type == SQLITE_BLOB ? 'b' : 't';
	if (type == SQLITE_INTEGER) {
		*n = decimal((long long)sqlite3_value_int64(v), num);
		return (const unsigned char *)num;
	}
	const void *p = type == SQLITE_BLOB ? sqlite3_value_blob(v) : (const void *)sqlite3_value_text(v);
	*n = p ? (size_t)sqlite3_value_bytes(v) : 0;
	return p;
}

/* The column digests only name a column (the row digest is what finds a
 * change): FNV-1a over the name's id, the kind and the value, folded to
 * 16 bits. */
static void column_digest(uint32_t id, unsigned char kind, const unsigned char *p, size_t n,
			  unsigned char out[COLUMN_DIGEST])
{
	uint32_t h = fnv(fnv(FNV_START ^ id, &kind, 1), p, n);
	h ^= h >> 16;
	out[0] = (unsigned char)(h >> 8);
	out[1] = (unsigned char)h;
}

static void put32(unsigned char *q, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		q[k] = (unsigned char)(v >> (8 * k));
}

/* The seal of a row: values[i * step] of the column whose name's id is
 * ids[i], n columns; *len bytes. The non-empty columns (name id, kind,
 * length, value) are laid out in one buffer and hashed at once. */
static unsigned char *seal_of(const uint32_t *ids, sqlite3_value **values, int step, int n, size_t *len)
{
	*len = ROW_DIGEST + (size_t)n * COLUMN_DIGEST;
	unsigned char *out = xmalloc(*len), stack[2048], *buf = stack;
	size_t cap = sizeof stack, at = 0;
	for (int i = 0; i < n; i++) {
		unsigned char kind;
		size_t vn;
		char num[24];
		const unsigned char *p = value_bytes(values[i * step], &vn, &kind, num);
		column_digest(ids[i], kind, p, vn, out + ROW_DIGEST + i * COLUMN_DIGEST);
		if (kind == 'n') /* an empty column stays out of the row digest */
			continue;
		if (at + 9 + vn > cap) {
			cap = (at + 9 + vn) * 2;
			buf = buf == stack ? memcpy(xmalloc(cap), stack, at) : xrealloc(buf, cap);
		}
		put32(buf + at, ids[i]);
		buf[at + 4] = kind;
		put32(buf + at + 5, (uint32_t)vn);
		if (vn)
			memcpy(buf + at + 9, p, vn);
		at += 9 + vn;
	}
	crypto_generichash(out, ROW_DIGEST, buf, at, NULL, 0);
	if (buf != stack)
		free(buf);
	return out;
}

/* kp_seal('col', value, 'col', value, …): the seal of a row. With a hash
 * open (seal_begin), each seal made is added to it, in row order. */
static void sql_seal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	kp_store *s = sqlite3_user_data(ctx);
	int n = argc / 2;
	uint32_t stack[64] = {0}, *ids = n <= 64 ? stack : xcalloc((size_t)n, sizeof *ids);
	for (int i = 0; i < n; i++) {
		const char *name = (const char *)sqlite3_value_text(argv[2 * i]);
		ids[i] = name_id(name ? name : "", name ? (size_t)sqlite3_value_bytes(argv[2 * i]) : 0);
	}
	size_t len;
	unsigned char *seal = seal_of(ids, argv + 1, 2, n, &len);
	if (ids != stack)
		free(ids);
	if (s->acc)
		crypto_generichash_update(s->acc, seal, len);
	sqlite3_result_blob(ctx, seal, (int)len, free);
}

void seal_register(kp_store *s)
{
	/* Never from a trigger or view someone put in the file: only kepu's own statements seal. */
	sqlite3_create_function(s->db, "kp_seal", -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, s, sql_seal, NULL, NULL);
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

void seal_statements_free(kp_store *s)
{
	for (size_t i = 0; i < s->nreseal; i++) {
		free(s->reseal[i].key);
		sqlite3_finalize(s->reseal[i].st);
	}
	free(s->reseal);
	s->reseal = NULL;
	s->nreseal = 0;
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
	if (sqlite3_column_type(st, first - 1) == SQLITE_NULL || len < ROW_DIGEST)
		return fn(row, NULL, NULL, ctx); /* never sealed: written outside kepu */
	sqlite3_value **v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = sqlite3_column_value(st, first + (int)i);
	size_t now_len;
	unsigned char *now = seal_of(ids, v, 1, (int)n, &now_len);
	int rc = KP_OK, named = 0;
	if (memcmp(now, seal, ROW_DIGEST)) {
		size_t stored = (len - ROW_DIGEST) / COLUMN_DIGEST;
		for (size_t i = 0; rc == KP_OK && i < n; i++) {
			unsigned char was[COLUMN_DIGEST];
			if (i < stored)
				memcpy(was, seal + ROW_DIGEST + i * COLUMN_DIGEST, COLUMN_DIGEST);
			else /* a column added since: it was empty */
				column_digest(ids[i], 'n', NULL, 0, was);
			if (memcmp(was, now + ROW_DIGEST + i * COLUMN_DIGEST, COLUMN_DIGEST)) {
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
		ids[i] = name_id(c[i], strlen(c[i]));
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
