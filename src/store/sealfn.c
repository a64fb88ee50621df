/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The SQL function kp_seal() and the digests behind it (#27); seal.c
 * writes and compares the seals with them. Each record row (and each
 * attachment row) carries in kp_seal a 16-byte BLAKE2b digest of its
 * non-empty columns (which column, and its value), then a 2-byte digest
 * (FNV-1a) of each column in table order. kepu's writes make it; kepu
 * check recomputes it: the row digest finds any
 * change, the column digests name the column. The audit chain (chain.c)
 * hashes each seal it writes, so the chain commits to what every record
 * held. Empty columns stay out of the row digest, so a column added to a
 * form later leaves the seals made before it valid. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/db.h"

#define FNV_START 2166136261u

static uint32_t fnv(uint32_t h, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* A column's name as sealed: its FNV-1a hash (the names of one table
 * never collide in practice). */
uint32_t seal_name_id(const char *name, size_t n) { return fnv(FNV_START, (const unsigned char *)name, n); }

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
void seal_column_digest(uint32_t id, unsigned char kind, const unsigned char *p, size_t n,
			  unsigned char out[SEAL_COLUMN_DIGEST])
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
unsigned char *seal_of(const uint32_t *ids, sqlite3_value **values, int step, int n, size_t *len)
{
	*len = SEAL_ROW_DIGEST + (size_t)n * SEAL_COLUMN_DIGEST;
	unsigned char *out = xmalloc(*len), stack[2048], *buf = stack;
	size_t cap = sizeof stack, at = 0;
	for (int i = 0; i < n; i++) {
		unsigned char kind;
		size_t vn;
		char num[24];
		const unsigned char *p = value_bytes(values[i * step], &vn, &kind, num);
		seal_column_digest(ids[i], kind, p, vn, out + SEAL_ROW_DIGEST + i * SEAL_COLUMN_DIGEST);
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
	crypto_generichash(out, SEAL_ROW_DIGEST, buf, at, NULL, 0);
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
		ids[i] = seal_name_id(name ? name : "", name ? (size_t)sqlite3_value_bytes(argv[2 * i]) : 0);
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
