/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * The persons a batch may meet: a filter (core/bloom.c) over the
 * unique_hint values (附表2: 姓名 and 联系电话) of every row of the form's
 * table, whatever its unit, and of every row the batch writes. A row whose
 * values the filter has certainly not seen has no stored record to repeat
 * (stored_same, records.c) nor to be marked against (dup_mark_in_tx), so
 * the batch skips those look-ups; a "maybe" runs them as before. The
 * answers are therefore exactly those of the look-ups: the filter only
 * saves the SQL that would have found nothing (an import of 100,000 new
 * people spent half its writing time on it).
 *
 * The table's rows are read into the filter once, when the look-ups it
 * saves will have cost about as much: at once for an empty table (the
 * first import), never for a few rows into a big one. The batch holds the
 * writer's transaction throughout, so the table changes only by its own
 * writes, which it adds.
 *
 * A form with a near_hint has a third filter, of each row's unit and near
 * keys (core/nearkey.h), so the look-up of the unit's near record
 * (dup_seen) is skipped in the same way; one with similar_hint rules over
 * fields outside the hint (附表2: 姓名 and 工作单位) a fourth, of each
 * rule's folded values.
 *
 * Into an empty table, the hint's index is also left out while the filter
 * answers every row "no" (nothing then reads it), and made again, sorted
 * in one go, before the first look-up or at the batch's end: the same
 * index, without the page cache thrashing between inserts at random
 * places in it (most of the rest of that writing time). A rollback puts
 * the index back by itself.
 */
#include <stdlib.h>
#include <string.h>

#include "core/bloom.h"
#include "core/dupkey.h"
#include "core/nearkey.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "form/phone.h"
#include "store/db.h"

/* A look-up by the hint index costs about as much as reading this many
 * rows of that index in order (附表2: about 2 µs against 0.1 µs). */
#define LOOKUP_PER_ROWS 16

struct kp_persons {
	kp_store *s;
	const kp_form *f;
	kp_bloom seen;
	kp_bloom near;     /* the similar_hint values of the same rows */
	kp_bloom akin;     /* their units and near_hint keys */
	kp_bloom alike;    /* each similar_hint rule's values over other fields, with its number */
	long long *unit_ids; /* the units' names, for the near keys of places */
	char **unit_names;
	size_t nunits;
	bool filled;       /* every row of the table is in `seen` */
	bool unindexed;    /* the hint's index is dropped until needed */
	bool unread;       /* reading the table failed: always look up */
	long long lookups; /* made before it was filled */
	long long rows;    /* the table's rows at most, when the batch began */
	struct place_slot *places; /* place fields' keys by value (place_key), or NULL */
};

/* A place field's key is the costliest to fold (core/dupkey.h) and a
 * file's rows share few workplaces (a school's teachers one after
 * another): the keys are kept by value, one per slot of its hash. */
#define PLACE_SLOTS 1024
struct place_slot {
	const kp_field *fd;
	char *raw, *key;
	size_t n;
};

static const char *place_key(kp_persons *p, const kp_field *fd, const char *v, size_t n)
{
	if (!p->places)
		p->places = xcalloc(PLACE_SLOTS, sizeof *p->places);
	struct place_slot *slot = &p->places[bloom_hash(BLOOM_SEED, v, n) % PLACE_SLOTS];
	if (slot->fd != fd || slot->n != n || !slot->raw || memcmp(slot->raw, v, n)) {
		free(slot->raw);
		free(slot->key);
		slot->fd = fd;
		slot->n = n;
		slot->raw = xstrndup(v, n);
		slot->key = text_dup_key_as(slot->raw, DUPKEY_PLACE, fd->place);
	}
	return slot->key;
}

/* One value of the hint into the hash. NULL or "" is never a person (never
 * equal to a row's value in SQL, and never looked up): *ok turns false. */
static uint64_t hash_value(uint64_t h, const char *v, size_t n, bool *ok)
{
	if (!v || !n)
		*ok = false;
	return bloom_hash(h, v ? v : "", n);
}

/* hash_value of fd's value as the duplicate rule compares it (dup_same):
 * free text by its text_dup_key_as, a phone number without its extension. */
static uint64_t hash_field(kp_persons *p, uint64_t h, const kp_field *fd, const char *v, size_t n, bool *ok)
{
	if (fd->type == FT_PHONE && v && n)
		return hash_value(h, v, phone_main_len(v), ok);
	if (fd->type != FT_TEXT || !v || !n)
		return hash_value(h, v, n, ok);
	if (dup_key_how(fd) == DUPKEY_PLACE) {
		const char *place = place_key(p, fd, v, n);
		return hash_value(h, place, strlen(place), ok);
	}
	char *key = text_dup_key_as(v, dup_key_how(fd), fd->place);
	h = hash_value(h, key, strlen(key), ok);
	free(key);
	return h;
}

/* The hash of r's values of fields (the hint's, or the similar ones). */
static uint64_t record_hash(kp_persons *p, const int *fields, size_t n, const kp_record *r, bool *ok)
{
	const kp_form *f = p->f;
	uint64_t h = BLOOM_SEED;
	*ok = true;
	for (size_t i = 0; i < n; i++) {
		const char *v = r->vals[fields[i]];
		h = hash_field(p, h, &f->fields[fields[i]], v, v ? strlen(v) : 0, ok);
	}
	return h;
}

/* The hash of the values v (in rule k's order) of similar_hint's rule k
 * over other fields, folded as the rule compares them (alike_where). */
static uint64_t alike_hash(kp_persons *p, size_t k, const char *const *v, bool *ok)
{
	const kp_form *f = p->f;
	uint64_t h = bloom_hash(BLOOM_SEED, &k, sizeof k);
	*ok = true;
	for (size_t i = 0; i < f->alike[k].n; i++)
		h = hash_field(p, h, &f->fields[f->alike[k].fields[i]], v[i], v[i] ? strlen(v[i]) : 0, ok);
	return h;
}

/* Might r meet a stored row by any of similar_hint's rules over other
 * fields? (add: put r's into the filter instead) */
static bool record_alike(kp_persons *p, const kp_record *r, bool add)
{
	const kp_form *f = p->f;
	bool maybe = false;
	for (size_t k = 0; k < f->nalike; k++) {
		const char **v = xcalloc(f->alike[k].n, sizeof *v);
		for (size_t i = 0; i < f->alike[k].n; i++)
			v[i] = r->vals[f->alike[k].fields[i]];
		bool ok;
		uint64_t h = alike_hash(p, k, v, &ok);
		free(v);
		if (ok && add)
			bloom_add(&p->alike, h);
		else if (ok)
			maybe |= bloom_maybe(&p->alike, h);
	}
	return maybe;
}

/* The name of unit id ("" when unknown: no prefix of its own). */
static const char *unit_name(const kp_persons *p, long long id)
{
	for (size_t i = 0; i < p->nunits; i++)
		if (p->unit_ids[i] == id)
			return p->unit_names[i];
	return "";
}

/* The hash of a row's unit and its hint values (v, in the hint's order) as
 * the near rule compares them (duplicates.c: near_where). A field not
 * compared (NEAR_ANY), or compared by either of two keys (NEAR_FIRST: the
 * first name or all of them), is left out: the filter is coarser, never
 * wrong. */
static uint64_t akin_hash(kp_persons *p, long long unit, const char *const *v, bool *ok)
{
	const kp_form *f = p->f;
	uint64_t h = bloom_hash(BLOOM_SEED, &unit, sizeof unit);
	*ok = true;
	for (size_t i = 0; i < f->nhint; i++) {
		size_t n = v[i] ? strlen(v[i]) : 0;
		if (f->near[i] == NEAR_ANY || f->near[i] == NEAR_FIRST)
			continue;
		if (f->near[i] == NEAR_SAME || !n) {
			h = hash_field(p, h, &f->fields[f->hint[i]], v[i], n, ok);
			continue;
		}
		char *key = text_near_key(v[i], f->near[i], unit_name(p, unit), f->near_prefixes);
		h = hash_value(h, key, strlen(key), ok);
		free(key);
	}
	return h;
}

static uint64_t record_akin(kp_persons *p, const kp_record *r, bool *ok)
{
	const char **v = xcalloc(p->f->nhint, sizeof *v);
	for (size_t i = 0; i < p->f->nhint; i++)
		v[i] = r->vals[p->f->hint[i]];
	uint64_t h = akin_hash(p, r->unit_id, v, ok);
	free(v);
	return h;
}

/* Every unit's name, for the near keys (a few dozen). */
static void read_units(kp_persons *p)
{
	sqlite3_stmt *st = db_prepare(p->s, "SELECT id, name FROM units", NULL);
	size_t cap = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (p->nunits == cap) {
			cap = cap ? cap * 2 : 32;
			p->unit_ids = xrealloc(p->unit_ids, cap * sizeof *p->unit_ids);
			p->unit_names = xrealloc(p->unit_names, cap * sizeof *p->unit_names);
		}
		p->unit_ids[p->nunits] = sqlite3_column_int64(st, 0);
		p->unit_names[p->nunits++] = db_text(st, 1);
	}
	sqlite3_finalize(st);
}

/* Empty for certain (an error answers "not empty": rows are then looked up). */
static bool table_empty(kp_store *s, const kp_form *f)
{
	char *sql = xasprintf("SELECT 1 FROM \"%s\" LIMIT 1", f->table);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	bool empty = st && sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	return empty;
}

int persons_begin(kp_store *s, const kp_form *f, long long rows, kp_persons **out, char **err)
{
	*out = NULL;
	/* SQL compares text byte for byte, as the hash does; an INTEGER column
	 * would compare "012" equal to "12", so such a hint is always looked up. */
	for (size_t i = 0; i < f->nhint; i++)
		if (ftype_info(f->fields[f->hint[i]].type)->integer_column)
			return KP_OK;
	if (!f->nhint)
		return KP_OK;
	kp_persons *p = xcalloc(1, sizeof *p);
	p->s = s;
	p->f = f;
	p->rows = rows;
	/* A hint of free text only is compared folded, which no index seeks:
	 * each look-up reads the unit's rows, so the first fills the filter
	 * (附表3: 5,000 rows into 5,000 took 6.8 s of look-ups); so does a near
	 * rule that compares no typed value (资源开发: its 类型 is under any). */
	bool typed = false;
	for (size_t i = 0; i < f->nhint; i++)
		typed |= f->fields[f->hint[i]].type != FT_TEXT;
	if (!typed || (f->near && !dup_near_typed(f)))
		p->rows = 0;
	*out = p;
	if (f->near)
		read_units(p);
	if (!table_empty(s, f))
		return KP_OK;
	bloom_init(&p->seen); /* nothing to read into it */
	bloom_init(&p->near);
	bloom_init(&p->akin);
	bloom_init(&p->alike);
	p->filled = true;
	p->unindexed = true;
	return schema_hint_index(s, f, false, err);
}

/* Every row of the table into the filter, by a scan of the hint's index
 * (it holds the values). false on an error: the filter stays unused. */
static bool fill(kp_persons *p)
{
	const kp_form *f = p->f;
	strbuf q = STRBUF_INIT;
	sb_adds(&q, "SELECT ");
	for (size_t i = 0; i < f->nhint; i++)
		sb_printf(&q, "%s\"%s\"", i ? ", " : "", f->fields[f->hint[i]].id);
	if (f->near) /* its unit too (the hint index lacks it: the table is read) */
		sb_adds(&q, ", unit_id");
	int alike_at = (int)f->nhint + (f->near ? 1 : 0); /* each similar_hint rule's over other fields */
	for (size_t k = 0; k < f->nalike; k++)
		for (size_t i = 0; i < f->alike[k].n; i++)
			sb_printf(&q, ", \"%s\"", f->fields[f->alike[k].fields[i]].id);
	sb_printf(&q, " FROM \"%s\"", f->table);
	sqlite3_stmt *st = db_prepare(p->s, sb_str(&q), NULL);
	sb_free(&q);
	if (!st)
		return false;
	bloom_init(&p->seen);
	bloom_init(&p->near);
	bloom_init(&p->akin);
	bloom_init(&p->alike);
	size_t most = f->nhint;
	for (size_t k = 0; k < f->nalike; k++)
		most = f->alike[k].n > most ? f->alike[k].n : most;
	const char **vals = xcalloc(most, sizeof *vals);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t h = BLOOM_SEED, hn = BLOOM_SEED;
		bool ok = true, okn = true;
		for (size_t i = 0; i < f->nhint; i++) {
			const char *v = (const char *)sqlite3_column_text(st, (int)i);
			h = hash_field(p, h, &f->fields[f->hint[i]], v, (size_t)sqlite3_column_bytes(st, (int)i), &ok);
		}
		for (size_t j = 0; j < f->nsimilar; j++) /* in similar_hint's order, as record_hash */
			for (size_t i = 0; i < f->nhint; i++)
				if (f->hint[i] == f->similar[j]) {
					const char *v = (const char *)sqlite3_column_text(st, (int)i);
					hn = hash_field(p, hn, &f->fields[f->hint[i]], v, (size_t)sqlite3_column_bytes(st, (int)i), &okn);
				}
		if (ok)
			bloom_add(&p->seen, h);
		if (okn && f->nsimilar)
			bloom_add(&p->near, hn);
		if (f->near) {
			for (size_t i = 0; i < f->nhint; i++)
				vals[i] = (const char *)sqlite3_column_text(st, (int)i);
			uint64_t ha = akin_hash(p, sqlite3_column_int64(st, (int)f->nhint), vals, &ok);
			if (ok)
				bloom_add(&p->akin, ha);
		}
		for (size_t k = 0, col = (size_t)alike_at; k < f->nalike; k++) {
			for (size_t i = 0; i < f->alike[k].n; i++)
				vals[i] = (const char *)sqlite3_column_text(st, (int)col++);
			uint64_t hl = alike_hash(p, k, vals, &ok);
			if (ok)
				bloom_add(&p->alike, hl);
		}
	}
	free(vals);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		bloom_free(&p->seen);
		bloom_free(&p->near);
		bloom_free(&p->akin);
		bloom_free(&p->alike);
	}
	return rc == SQLITE_DONE;
}

/* The index back, before anything reads it. */
static int reindex(kp_persons *p, char **err)
{
	if (!p->unindexed)
		return KP_OK;
	p->unindexed = false;
	return schema_hint_index(p->s, p->f, true, err);
}

int persons_maybe(kp_persons *p, const kp_record *r, bool *maybe, bool *near, bool *akin, bool *alike,
		  char **err)
{
	*maybe = true;
	*near = p ? p->f->nsimilar > 0 : true;
	*akin = p ? p->f->near != NULL : true;
	*alike = p ? p->f->nalike > 0 : true;
	if (!p)
		return KP_OK;
	if (!p->filled && !p->unread && ++p->lookups * LOOKUP_PER_ROWS >= p->rows)
		p->unread = !(p->filled = fill(p));
	if (!p->filled)
		return KP_OK;
	const kp_form *f = p->f;
	bool ok;
	uint64_t h = record_hash(p, f->hint, f->nhint, r, &ok);
	*maybe = !ok || bloom_maybe(&p->seen, h);
	if (*near) {
		h = record_hash(p, f->similar, f->nsimilar, r, &ok);
		*near = !ok || bloom_maybe(&p->near, h);
	}
	if (*akin)
		*akin = bloom_maybe(&p->akin, record_akin(p, r, &ok)) || !ok;
	if (*alike)
		*alike = record_alike(p, r, false);
	return *maybe || *near || *akin || *alike ? reindex(p, err) : KP_OK;
}

void persons_add(kp_persons *p, const kp_record *r)
{
	if (!p || !p->filled) /* not filled yet: the scan will read r's row */
		return;
	const kp_form *f = p->f;
	bool ok;
	uint64_t h = record_hash(p, f->hint, f->nhint, r, &ok);
	if (ok)
		bloom_add(&p->seen, h);
	h = record_hash(p, f->similar, f->nsimilar, r, &ok);
	if (ok && f->nsimilar)
		bloom_add(&p->near, h);
	if (f->near && (h = record_akin(p, r, &ok), ok))
		bloom_add(&p->akin, h);
	if (f->nalike)
		record_alike(p, r, true);
}

int persons_end(kp_persons *p, bool commit, char **err)
{
	if (!p)
		return KP_OK;
	int rc = commit ? reindex(p, err) : KP_OK; /* a rollback undoes the drop */
	bloom_free(&p->seen);
	bloom_free(&p->near);
	bloom_free(&p->akin);
	bloom_free(&p->alike);
	for (size_t i = 0; i < p->nunits; i++)
		free(p->unit_names[i]);
	free(p->unit_ids);
	free(p->unit_names);
	for (size_t i = 0; p->places && i < PLACE_SLOTS; i++) {
		free(p->places[i].raw);
		free(p->places[i].key);
	}
	free(p->places);
	free(p);
	return rc;
}
