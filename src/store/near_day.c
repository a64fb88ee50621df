/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Which import rows near_hint's day rule need not look up: a Bloom filter
 * of the table's rows by what the rule compares exactly (unit, the day's
 * fields, typed hint fields the same) and an author key (the first name,
 * or all of them: two entries a row). The look-up itself (duplicates.c)
 * seeks the day's rows by index, but 10,000 resources of one day by as
 * many authors would each read all the others. A "no" is certain, a
 * "maybe" is looked up, so the answers are the look-ups'. */
#include <stdlib.h>
#include <string.h>

#include "core/bloom.h"
#include "core/nearkey.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

struct kp_near_day {
	kp_store *s;
	const kp_form *f;
	kp_bloom seen;
	bool filled; /* the table's rows are in seen */
	bool unread; /* reading them failed: always look up */
};

kp_near_day *near_day_new(kp_store *s, const kp_form *f)
{
	kp_near_day *d = xcalloc(1, sizeof *d);
	d->s = s;
	d->f = f;
	return d;
}

/* The hash of a row's unit, day values and typed hint values (v, the
 * form's fields in order) with its author key how (NEAR_FIRST or
 * NEAR_AUTHORS); *ok false when a compared value is empty (never near). */
static uint64_t day_hash(const kp_form *f, long long unit, const char *const *v, int how, bool *ok)
{
	uint64_t h = bloom_hash(BLOOM_SEED, &unit, sizeof unit);
	h = bloom_hash(h, &how, sizeof how);
	for (size_t k = 0; k < f->nnear_day; k++) {
		const char *x = v[f->near_day[k]] ? v[f->near_day[k]] : "";
		size_t n = strlen(x);
		*ok &= n > 0;
		h = bloom_hash(bloom_hash(h, x, n), &n, sizeof n);
	}
	for (size_t i = 0; i < f->nhint; i++) {
		const char *x = v[f->hint[i]] ? v[f->hint[i]] : "";
		bool typed = f->fields[f->hint[i]].type != FT_TEXT;
		/* under any for the near rule: the same for the day rule; the
		 * fields not hashed may be anything */
		if (typed && (f->near[i] == NEAR_ANY || f->near[i] == NEAR_SAME)) {
			size_t n = strlen(x);
			*ok &= n > 0;
			h = bloom_hash(bloom_hash(h, x, n), &n, sizeof n);
		} else if (f->near[i] == NEAR_FIRST) {
			*ok &= x[0] != '\0';
			char *key = text_near_key(x, how, NULL, NULL);
			size_t n = strlen(key);
			h = bloom_hash(bloom_hash(h, key, n), &n, sizeof n);
			free(key);
		}
	}
	return h;
}

static void add_values(kp_near_day *d, long long unit, const char *const *v)
{
	bool ok = true;
	uint64_t first = day_hash(d->f, unit, v, NEAR_FIRST, &ok);
	uint64_t all = day_hash(d->f, unit, v, NEAR_AUTHORS, &ok);
	if (ok) {
		bloom_add(&d->seen, first);
		bloom_add(&d->seen, all);
	}
}

/* Every row of the table into the filter. */
static void fill(kp_near_day *d)
{
	const kp_form *f = d->f;
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "SELECT unit_id");
	for (size_t i = 0; i < f->nfields; i++)
		sb_printf(&b, ", \"%s\"", f->fields[i].id);
	sb_printf(&b, " FROM \"%s\"", f->table);
	sqlite3_stmt *st = db_prepare(d->s, sb_str(&b), NULL);
	sb_free(&b);
	bloom_init(&d->seen);
	const char **v = xcalloc(f->nfields ? f->nfields : 1, sizeof *v);
	int rc = SQLITE_DONE;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < f->nfields; i++)
			v[i] = (const char *)sqlite3_column_text(st, (int)i + 1);
		add_values(d, sqlite3_column_int64(st, 0), v);
	}
	d->unread = !st || rc != SQLITE_DONE;
	sqlite3_finalize(st);
	free(v);
	d->filled = true;
}

bool near_day_maybe(kp_near_day *d, const kp_record *r)
{
	if (!d->filled)
		fill(d);
	if (d->unread)
		return true;
	const char *const *v = (const char *const *)r->vals;
	bool ok = true;
	uint64_t first = day_hash(d->f, r->unit_id, v, NEAR_FIRST, &ok);
	uint64_t all = day_hash(d->f, r->unit_id, v, NEAR_AUTHORS, &ok);
	return ok && (bloom_maybe(&d->seen, first) || bloom_maybe(&d->seen, all));
}

void near_day_add(kp_near_day *d, const kp_record *r)
{
	if (d && d->filled)
		add_values(d, r->unit_id, (const char *const *)r->vals);
}

void near_day_free(kp_near_day *d)
{
	if (!d)
		return;
	if (d->filled)
		bloom_free(&d->seen);
	free(d);
}
