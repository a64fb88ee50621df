/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Records of any form: insert, update (with version check), delete, read. */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

#define NOW "kp_now()" /* kepu's clock (db.c) */

void record_init(kp_record *r, size_t n)
{
	memset(r, 0, sizeof *r);
	r->nvals = n;
	r->vals = xcalloc(n, sizeof *r->vals);
	for (size_t i = 0; i < n; i++)
		r->vals[i] = xstrdup("");
}

void record_free(kp_record *r)
{
	for (size_t i = 0; i < r->nvals; i++)
		free(r->vals[i]);
	free(r->vals);
	free(r->unit_name);
	free(r->created_at);
	free(r->updated_at);
	free(r->state);
	free(r->reason);
	memset(r, 0, sizeof *r);
}

void records_free(kp_record *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		record_free(&r[i]);
	free(r);
}

void record_set(kp_record *r, size_t i, const char *v)
{
	free(r->vals[i]);
	r->vals[i] = xstrdup(v ? v : "");
}

static char *select_sql(const kp_form *f, const char *where_order);
static char *select_cols_sql(const kp_form *f, bool vals, const char *where_order);
static void read_head(sqlite3_stmt *st, kp_record *r);
static void read_row(sqlite3_stmt *st, const kp_form *f, kp_record *r);

bool db_stored(kp_store *s, const kp_form *f, const char *key, long long value, kp_record *out)
{
	/* A per-unit form's record is the unit's of the session's year. */
	bool by_unit = !strcmp(key, "unit_id");
	char *where = xasprintf("WHERE t.%s = ?1 AND (?2 = 0 OR t.unit_id = ?2)%s", key,
				by_unit ? " AND t.kp_year = ?3" : "");
	char *sql = select_sql(f, where);
	free(where);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	bool found = false;
	if (st) {
		sqlite3_bind_int64(st, 1, value);
		sqlite3_bind_int64(st, 2, session_scope(s));
		if (by_unit)
			sqlite3_bind_int(st, 3, session_year(s));
		if ((found = sqlite3_step(st) == SQLITE_ROW))
			read_row(st, f, out);
	}
	sqlite3_finalize(st);
	return found;
}

/* The audit row of a record write: each field whose value changed, as
 * field id, old, new (old NULL: an insert; new NULL: a delete). */
static int audit_record(kp_store *s, const kp_form *f, long long id, long long unit_id,
			const char *action, char *const *old, char *const *new)
{
	char **ch = xcalloc(3 * f->nfields + 1, sizeof *ch);
	size_t n = 0;
	for (size_t i = 0; i < f->nfields; i++) {
		const char *o = old ? old[i] : "", *v = new ? new[i] : "";
		if (!strcmp(o, v))
			continue;
		ch[n++] = f->fields[i].id;
		ch[n++] = (char *)o;
		ch[n++] = (char *)v;
	}
	int rc = db_audit(s, NULL, f->table, id, unit_id, action, ch, n);
	free(ch);
	return rc;
}

/* Bind field values from parameter `first` on: empty is NULL, integers as
 * integers. */
static void bind_values(sqlite3_stmt *st, const kp_form *f, const kp_record *r, int first)
{
	for (size_t i = 0; i < f->nfields; i++) {
		int p = first + (int)i;
		const char *v = r->vals[i];
		if (!v || !v[0])
			sqlite3_bind_null(st, p);
		else if (ftype_info(f->fields[i].type)->integer_column)
			sqlite3_bind_int64(st, p, strtoll(v, NULL, 10));
		else
			sqlite3_bind_text(st, p, v, -1, SQLITE_STATIC);
	}
}

/* The seal of a new row, made by the INSERT itself from the same
 * parameters (an import seals its rows without a second statement each);
 * NULL when it cannot be (the rows are then sealed after). */
static char *insert_seal(kp_store *s, const kp_form *f, size_t at)
{
	size_t n = f->nfields + 6;
	const char **cols = xcalloc(n, sizeof *cols);
	char **exprs = xcalloc(n, sizeof *exprs);
	static const char *const fixed[] = {"unit_id", "version", "created_at", "updated_at", "id", "kp_year"};
	for (size_t i = 0; i < 6; i++)
		cols[i] = fixed[i];
	exprs[0] = xstrdup("?1");
	exprs[1] = xstrdup("1");
	exprs[2] = xasprintf("?%zu", at);
	exprs[3] = xasprintf("?%zu", at);
	exprs[4] = xasprintf("?%zu", at + 1);
	exprs[5] = xasprintf("?%zu", at + 2);
	for (size_t i = 0; i < f->nfields; i++) {
		cols[6 + i] = f->fields[i].id;
		exprs[6 + i] = xasprintf("?%zu", i + 2);
	}
	char *e = seal_insert_expr(s, f->table, cols, (const char *const *)exprs, n);
	for (size_t i = 0; i < n; i++)
		free(exprs[i]);
	free(exprs);
	free(cols);
	return e;
}

static char *insert_sql(kp_store *s, const kp_form *f, bool *sealed)
{
	strbuf b = STRBUF_INIT;
	/* ?1 the unit, ?2… the fields, then the time (an import's rows are all
	 * saved at the moment it began), the record's number and its
	 * programme year (the session's). */
	size_t at = f->nfields + 2;
	/* A per-unit form's INSERT may become an update: sealed after. */
	char *seal = f->per_unit ? NULL : insert_seal(s, f, at);
	*sealed = seal != NULL;
	sb_printf(&b, "INSERT INTO \"%s\" (unit_id, version, created_at, updated_at, id, kp_year", f->table);
	for (size_t i = 0; i < f->nfields; i++)
		sb_printf(&b, ", \"%s\"", f->fields[i].id);
	sb_printf(&b, "%s) VALUES (?1, 1, ?%zu, ?%zu, ?%zu, ?%zu", seal ? ", kp_seal" : "", at, at, at + 1, at + 2);
	for (size_t i = 0; i < f->nfields; i++)
		sb_printf(&b, ", ?%zu", i + 2);
	if (seal)
		sb_printf(&b, ", %s", seal);
	free(seal);
	sb_adds(&b, ")");
	if (f->per_unit) { /* a unit's one record: an import replaces its values */
		sb_printf(&b, " ON CONFLICT (kp_year, unit_id) DO UPDATE SET version = version + 1, updated_at = ?%zu", at);
		for (size_t i = 0; i < f->nfields; i++)
			sb_printf(&b, ", \"%s\" = excluded.\"%s\"", f->fields[i].id, f->fields[i].id);
	}
	return sb_take(&b);
}

/* A failed write: a second record of the same unit and unique value (one
 * 月报 per month) is said in the form's words. */
static int write_fail(kp_store *s, const kp_form *f, const kp_record *r, char **err)
{
	if (f->unique >= 0 && sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE) {
		s->refused_field = f->unique;
		if (err)
			db_set_err(err, xasprintf(msg(MSG_S_DUPLICATE), f->fields[f->unique].label,
					 r->vals[f->unique]));
		return KP_ERR;
	}
	return db_fail(s, err);
}

/* Record numbers are never handed out twice, even after the newest record
 * is deleted (an audit row names one record forever): kp_seq keeps the
 * highest number each form has used (schema.c seeds it). The next one is
 * above both it and the table's own highest, so rows added outside kepu
 * are respected too. Read and written inside the writer's transaction. */
static int seq_next(kp_store *s, const kp_form *f, long long *next, char **err)
{
	char *sql = xasprintf("SELECT max(ifnull((SELECT last FROM kp_seq WHERE tbl = ?1), 0),"
			      " ifnull((SELECT max(id) FROM \"%s\"), 0)) + 1", f->table);
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_ROW ? KP_OK : db_fail(s, err);
	*next = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

static int seq_used(kp_store *s, const kp_form *f, long long last)
{
	sqlite3_stmt *st = db_prepare(s, "INSERT INTO kp_seq (tbl, last) VALUES (?1, ?2)"
				      " ON CONFLICT (tbl) DO UPDATE SET last = max(last, excluded.last)", NULL);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, last);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
	sqlite3_finalize(st);
	return rc;
}

struct kp_batch {
	kp_store *s;
	const kp_form *f;
	sqlite3_stmt *st;
	kp_counter *counts;
	long long next_id;            /* the number the next new record gets */
	const char *source;          /* an import's file: one audit row for its inserts */
	bool sealed;                  /* its INSERT seals each row (insert_sql) */
	crypto_generichash_state seals; /* an import's: the hash of the seals of its rows */
	long long first, last, added; /* the ids it inserted */
	long long unit;               /* their unit, or 0 when they are of several */
	bool update;                  /* a row repeating a stored record updates it */
	sqlite3_stmt *upd;            /* …with this, made when first needed */
	sqlite3_stmt *same;           /* the look-up of a row's person, likewise */
	sqlite3_stmt *same_vals;      /* …reading its values (an update, a row with the other side's cells) */
	sqlite3_stmt *near;           /* …and of a similar person (similar_hint) */
	sqlite3_stmt *akin;           /* …and of the unit's near record (near_hint) */
	sqlite3_stmt **alike;         /* …and by similar_hint's rules over other fields */
	bool force;                   /* a row only similar (or near) to a record is saved, marked */
	long long forced, forced_near; /* rows so saved */
	kp_persons *persons;          /* which rows need that look-up (an import's) */
	char *labels;                 /* the form's unique_hint labels, for every repeat's message */
	long long marked;             /* a unit's rows marked as possibly another unit's person */
	long long row;                /* the file's row of the record being added (0: none) */
	long long *rows;              /* …of each record it inserted (first + i), for a repeat's message */
	size_t caprows;
	char now[20];
};

void store_batch_update(kp_batch *b, bool update) { b->update = update; }
void store_batch_force(kp_batch *b, bool force) { b->force = force; }
long long store_batch_forced(const kp_batch *b, bool near) { return near ? b->forced_near : b->forced; }
void store_batch_row(kp_batch *b, long long row) { b->row = row; }

/* Is record id one the batch inserted? Its text is indexed at the batch's
 * end (textindex_add of first..last), so a later row that changes it
 * neither forgets nor adds it now. */
static bool batch_pending(const kp_batch *b, long long id) { return b->added && id >= b->first; }

/* The text index around a write of record id by the batch: forget before,
 * add after. */
static int batch_index(kp_batch *b, long long id, bool after)
{
	if (batch_pending(b, id))
		return KP_OK;
	return after ? textindex_add(b->s, b->f, id, id) : textindex_forget(b->s, b->f, id);
}
long long store_batch_marked(const kp_batch *b) { return b->marked; }

/* The labels of a form's unique_hint fields, joined with 、. */
static char *hint_labels(const kp_form *f)
{
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < f->nhint; i++)
		sb_printf(&b, "%s%s", i ? "、" : "", f->fields[f->hint[i]].label);
	return sb_take(&b);
}

/* The stored record holding r's unique_hint values that the session may
 * read (r's unit's first), in the writer's transaction; the statement is
 * made once a batch (*stp). Without vals, out has its number, unit, version
 * and state only (nvals 0): all that says why a row repeats it, and a file
 * of many repeats no longer copies every stored value of each. */
static bool stored_same(kp_store *s, const kp_form *f, const kp_record *r, bool vals, sqlite3_stmt **stp,
			kp_record *out)
{
	for (size_t i = 0; i < f->nhint; i++)
		if (!r->vals[f->hint[i]] || !r->vals[f->hint[i]][0])
			return false;
	if (!*stp) {
		/* r's unit's first, else the first the session sees: two seeks
		 * of the person index, where ORDER BY made a temporary b-tree
		 * each row (a file of repeats spent a tenth of its time there) */
		strbuf hint = STRBUF_INIT, w = STRBUF_INIT;
		bool typed = false; /* a column the hint index seeks on (schema_hint_index) */
		for (size_t i = 0; i < f->nhint; i++) {
			char arg[24];
			snprintf(arg, sizeof arg, "?%zu", i + 3);
			dup_same(&hint, &f->fields[f->hint[i]], "", arg);
			typed |= f->fields[f->hint[i]].type != FT_TEXT;
		}
		/* free text compared folded leaves the planner only the typed
		 * columns: "+unit_id" keeps it off the unit index (a scan of
		 * the unit's rows for every row of a file: 5,000 repeats took 7 s) */
		const char *unit = typed ? "+unit_id" : "unit_id";
		sb_printf(&w, "WHERE t.id = coalesce((SELECT min(id) FROM \"%s\" WHERE %s = ?2 AND (?1 = 0 OR %s = ?1)%s),"
			  " (SELECT min(id) FROM \"%s\" WHERE (?1 = 0 OR %s = ?1)%s))",
			  f->table, unit, unit, sb_str(&hint), f->table, unit, sb_str(&hint));
		sb_free(&hint);
		char *sql = select_cols_sql(f, vals, sb_str(&w));
		sb_free(&w);
		*stp = db_prepare(s, sql, NULL);
		free(sql);
	}
	sqlite3_stmt *st = *stp;
	bool found = false;
	if (st) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, session_scope(s));
		sqlite3_bind_int64(st, 2, r->unit_id);
		for (size_t i = 0; i < f->nhint; i++)
			sqlite3_bind_text(st, (int)i + 3, r->vals[f->hint[i]], -1, SQLITE_STATIC);
		dup_bind_places(st, f);
		if ((found = sqlite3_step(st) == SQLITE_ROW) && vals)
			read_row(st, f, out);
		else if (found) {
			memset(out, 0, sizeof *out);
			read_head(st, out);
		}
		sqlite3_reset(st);
	}
	return found;
}

/* r repeats the stored record old: KP_ESAME and why, unless the batch
 * updates and old may take r's values (KP_OK: update it); KP_ESAME_LOCKED
 * when an update could not change old either. */
static int same_person(kp_batch *b, const kp_record *r, const kp_record *old, char **err)
{
	const kp_form *f = b->f;
	if (!b->labels) /* made once: a file of repeats says them on every row */
		b->labels = hint_labels(f);
	const char *labels = b->labels;
	int rc = KP_ESAME_LOCKED; /* --update would not change it: never hinted */
	/* A record this file made a moment ago is named by the file's row:
	 * its number means nothing to the clerk reading the file. */
	long long row = batch_pending(b, old->id) && old->id - b->first < b->added ? b->rows[old->id - b->first] : 0;
	if (row && old->unit_id != r->unit_id)
		db_set_err(err, xasprintf(msg(MSG_S_SAME_IN_FILE_OTHER), row, old->unit_name, labels));
	else if (row && !b->update) {
		rc = KP_ESAME;
		db_set_err(err, xasprintf(msg(MSG_S_SAME_IN_FILE), row, labels));
	} else if (row)
		rc = KP_OK;
	else if (old->unit_id != r->unit_id)
		db_set_err(err, xasprintf(msg(MSG_S_SAME_OTHER_UNIT), old->unit_name, old->id, labels));
	else if (f->review && !strcmp(old->state, "approved"))
		db_set_err(err, xasprintf(msg(MSG_S_SAME_APPROVED), old->id, labels));
	else if (f->review && !store_may_edit_state(b->s, old->state))
		db_set_err(err, xasprintf(msg(MSG_S_SAME_LOCKED), old->id, labels, state_words(old->state)));
	else if (!b->update) { /* --update would change it */
		rc = KP_ESAME;
		db_set_err(err, xasprintf(msg(MSG_S_SAME), old->id, labels));
	} else {
		rc = KP_OK;
	}
	return rc;
}

/* r holds the similar_hint values of near (附表2: its 联系电话) under
 * other hint values (姓名), or is near it by near_hint: KP_ESIMILAR (or
 * KP_ENEAR) and why, naming near as same_person names a repeat. */
static int similar_person(kp_batch *b, const kp_dup *near, char **err)
{
	char *why = near->near ? dup_near_why(b->f) : dup_similar_why(b->f, near->alike);
	long long row = batch_pending(b, near->id) && near->id - b->first < b->added ? b->rows[near->id - b->first] : 0;
	if (row)
		db_set_err(err, xasprintf(msg(MSG_S_SIMILAR_IN_FILE), row, near->name, why));
	else if (near->other_unit)
		db_set_err(err, xasprintf(msg(MSG_S_SIMILAR_OTHER_UNIT), near->unit_name, near->id, near->name, why));
	else
		db_set_err(err, xasprintf(msg(MSG_S_SIMILAR), near->id, near->name, why));
	free(why);
	return near->near ? KP_ENEAR : KP_ESIMILAR;
}

/* Update the stored record old with r's values (an import's --update). */
static int batch_update(kp_batch *b, kp_record *r, const kp_record *old, char **err)
{
	const kp_form *f = b->f;
	if (!b->upd) {
		strbuf q = STRBUF_INIT;
		sb_printf(&q, "UPDATE \"%s\" SET version = version + 1, updated_at = ?%zu", f->table,
			  f->nfields + 2);
		for (size_t i = 0; i < f->nfields; i++)
			sb_printf(&q, ", \"%s\" = ?%zu", f->fields[i].id, i + 2);
		sb_printf(&q, " WHERE id = ?%zu AND (?1 = 0 OR unit_id = ?1)", f->nfields + 3);
		b->upd = db_prepare(b->s, sb_str(&q), err);
		sb_free(&q);
		if (!b->upd)
			return KP_ERR;
	}
	sqlite3_reset(b->upd);
	sqlite3_bind_int64(b->upd, 1, session_scope(b->s));
	bind_values(b->upd, f, r, 2);
	sqlite3_bind_text(b->upd, (int)f->nfields + 2, b->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(b->upd, (int)f->nfields + 3, old->id);
	if (batch_index(b, old->id, false) != KP_OK)
		return db_fail(b->s, err);
	if (sqlite3_step(b->upd) != SQLITE_DONE || sqlite3_changes(b->s->db) != 1)
		return write_fail(b->s, f, r, err);
	if (batch_index(b, old->id, true) != KP_OK)
		return db_fail(b->s, err);
	r->id = old->id;
	r->version = old->version + 1;
	if (audit_record(b->s, f, r->id, r->unit_id, "update", old->vals, r->vals) != KP_OK)
		return db_fail(b->s, err);
	return KP_OK;
}

kp_batch *store_batch_begin(kp_store *s, const kp_form *f, const char *source, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return NULL;
	bool sealed;
	char *sql = insert_sql(s, f, &sealed);
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	if (!st) {
		db_rollback(s);
		return NULL;
	}
	db_exec(s, "PRAGMA cache_size=" KP_CACHE_BATCH, NULL);
	kp_batch *b = xcalloc(1, sizeof *b);
	*b = (kp_batch){.s = s, .f = f, .st = st, .counts = counter_begin(s, f, session_year(s)),
			.source = source, .sealed = sealed};
	if (source) /* one audit row for the rows: it hashes their seals */
		seal_begin(s, &b->seals);
	clock_now(b->now);
	sqlite3_bind_text(st, (int)f->nfields + 2, b->now, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, (int)f->nfields + 4, session_year(s));
	if (seq_next(s, f, &b->next_id, err) != KP_OK) {
		store_batch_end(b, false, NULL);
		return NULL;
	}
	/* ids are never reused, so the table holds fewer rows than the next */
	if (source && f->nhint && persons_begin(s, f, b->next_id - 1, &b->persons, err) != KP_OK) {
		store_batch_end(b, false, NULL);
		return NULL;
	}
	return b;
}

/* A new record starts as a draft (the column's default). */
#define NEW_STATE "draft"

static int batch_add(kp_batch *b, kp_record *r, char **err);

/* Does r hold a value in a field the session may not set (a unit's own
 * export of 附表2 carries the city's 省辖市科协意见)? Such a row is judged
 * by the stored record it repeats (session_may_write_fields). */
static bool other_sides_cells(kp_store *s, const kp_form *f, const kp_record *r)
{
	for (size_t i = 0; i < f->nfields; i++)
		if (r->vals[i] && r->vals[i][0] && !store_may_write_field(s, &f->fields[i]))
			return true;
	return false;
}

/* A field the session may not set that a row leaves empty (the column
 * blank or left out) keeps what old holds: the row says nothing of it.
 * The row's own values, for put_back; NULL when none was empty. */
static char **keep_stored(kp_store *s, const kp_form *f, kp_record *r, const kp_record *old)
{
	char **held = NULL;
	for (size_t i = 0; i < f->nfields; i++) {
		if (store_may_write_field(s, &f->fields[i]) || (r->vals[i] && r->vals[i][0]) || !old->vals[i][0])
			continue;
		if (!held)
			held = xcalloc(f->nfields, sizeof *held);
		held[i] = r->vals[i];
		r->vals[i] = old->vals[i];
	}
	return held;
}

/* r's own values back where keep_stored lent old's (before old is freed). */
static void put_back(const kp_form *f, kp_record *r, const kp_record *old, char **held)
{
	if (!held)
		return;
	for (size_t i = 0; i < f->nfields; i++)
		if (r->vals[i] == old->vals[i])
			r->vals[i] = held[i];
	free(held);
}

/* Every batch's rows pass the form's rules, an import's too: checked
 * here, or proved checked once on the importer's reading thread
 * (values_check). A record field's name becomes its record's number for
 * the write only. */
int store_batch_add(kp_batch *b, kp_record *r, char **err)
{
	b->s->refused_field = -1;
	if (values_check(b->s, b->f, r, err) != KP_OK)
		return KP_ERR;
	char **held;
	int rc = refs_resolve(b->s, b->f, NULL, r, &held, err);
	if (rc == KP_OK)
		rc = batch_add(b, r, err);
	refs_restore(b->f, r, held);
	return rc;
}

static int batch_add(kp_batch *b, kp_record *r, char **err)
{
	kp_record old;
	/* A per-unit form's record for a unit that has one is replaced: an
	 * update, audited with its old values. */
	bool replaces = b->f->per_unit && db_stored(b->s, b->f, "unit_id", r->unit_id, &old);
	/* An import's row (a batch with a source) may repeat a stored person:
	 * looked up unless no row can hold its values (persons.c). The screen
	 * warns before saving instead, and a second F2 saves. */
	bool maybe = false, near = false, akin = false, alike = false;
	if (!replaces && b->source && b->f->nhint &&
	    persons_maybe(b->persons, r, &maybe, &near, &akin, &alike, err) != KP_OK)
		return KP_ERR;
	near = near && b->f->nsimilar;
	akin = akin && b->f->near;
	/* only an update (--update) reads the stored values: its audit row and
	 * the session's rights compare them */
	/* a row the session could not write at all (a date outside the year)
	 * is refused for that, not as a repeat of another year's record */
	alike = alike && b->f->nalike;
	if (((maybe && !b->update) || near || akin || alike) && session_may_write_any(b->s, b->f, r, err) != KP_OK)
		return KP_ERR;
	bool theirs = other_sides_cells(b->s, b->f, r), vals = b->update || theirs;
	if (maybe && stored_same(b->s, b->f, r, vals, vals ? &b->same_vals : &b->same, &old)) {
		int rc = same_person(b, r, &old, err);
		char **held = rc == KP_OK || (rc == KP_ESAME && theirs) ? keep_stored(b->s, b->f, r, &old) : NULL;
		/* a repeat an update would change: the other side's cells must be
		 * what is stored, now as then (a check finds what the update would) */
		char *refused = NULL; /* said instead of the repeat */
		if (rc == KP_ESAME && theirs && session_may_write_fields(b->s, b->f, &old, r, &refused) != KP_OK) {
			rc = KP_ERR;
			if (err)
				free(*err);
			db_set_err(err, refused);
		}
		if (rc == KP_OK && (rc = session_may_write(b->s, b->f, &old, r, err)) == KP_OK)
			rc = batch_update(b, r, &old, err);
		put_back(b->f, r, &old, held);
		record_free(&old);
		return rc;
	}
	/* The same 联系电话 under another 姓名, of a record the session reads:
	 * left out unless the importer says they differ (force), and then
	 * marked for the city. Another unit's a unit cannot read is marked
	 * as a repeat is (below). */
	kp_dup similar;
	bool seen = near && dup_seen(b->s, b->f, r, DUP_SIMILAR, &b->near, &similar);
	/* The unit's own record by another numbering or spelling of a place
	 * (near_hint): likewise. */
	bool seen_near = !seen && akin && dup_seen(b->s, b->f, r, DUP_NEAR, &b->akin, &similar);
	/* The same 姓名 at the same 工作单位 (similar_hint's rules over other
	 * fields), of any unit: one the session reads likewise; another
	 * unit's it cannot read is saved and marked, as a repeat is. */
	bool seen_alike = false, unseen_alike = false;
	if (alike && !b->alike)
		b->alike = xcalloc(b->f->nalike, sizeof *b->alike);
	for (size_t k = 0; alike && !seen && !seen_near && !seen_alike && !unseen_alike && k < b->f->nalike; k++)
		if (dup_alike(b->s, b->f, r, k, &b->alike[k], &similar)) {
			seen_alike = similar.id != 0;
			unseen_alike = !seen_alike;
			if (unseen_alike)
				dup_free(&similar);
		}
	if ((seen || seen_near || seen_alike) && !b->force) {
		int rc = similar_person(b, &similar, err);
		dup_free(&similar);
		return rc;
	}
	if (seen || seen_near || seen_alike)
		dup_free(&similar);
	char **held = replaces ? keep_stored(b->s, b->f, r, &old) : NULL;
	if (session_may_write(b->s, b->f, replaces ? &old : NULL, r, err) != KP_OK) {
		put_back(b->f, r, &old, held);
		if (replaces)
			record_free(&old);
		return KP_ERR;
	}
	sqlite3_reset(b->st);
	sqlite3_bind_int64(b->st, 1, r->unit_id);
	bind_values(b->st, b->f, r, 2);
	sqlite3_bind_int64(b->st, (int)b->f->nfields + 3, b->next_id);
	int rc = KP_OK;
	if (replaces && batch_index(b, old.id, false) != KP_OK)
		rc = db_fail(b->s, err);
	else if (sqlite3_step(b->st) != SQLITE_DONE)
		rc = write_fail(b->s, b->f, r, err);
	else if (!replaces)
		b->next_id++;
	else if (batch_index(b, old.id, true) != KP_OK)
		rc = db_fail(b->s, err);
	if (rc == KP_OK) {
		persons_add(b->persons, r);
		r->id = replaces ? old.id : sqlite3_last_insert_rowid(b->s->db);
		r->version = replaces ? old.version + 1 : 1;
		r->year = session_year(b->s);
		if (!replaces)
			counter_add(b->counts, r->unit_id, NEW_STATE, 1);
		if (replaces || !b->source)
			rc = audit_record(b->s, b->f, r->id, r->unit_id, replaces ? "update" : "insert",
					  replaces ? old.vals : NULL, r->vals);
		if (rc != KP_OK)
			db_fail(b->s, err);
	}
	/* A unit's import cannot see other units' people (stored_same is
	 * scoped): a row that may repeat one is saved and marked for the
	 * city, as a second F2 on the form does. */
	bool marked = false;
	if (rc == KP_OK && (seen || seen_near || seen_alike || unseen_alike || ((maybe || near) && session_scope(b->s) > 0)) &&
	    (rc = dup_mark_in_tx(b->s, b->f, r, seen_near, &marked, err)) == KP_OK && marked)
		++*(seen || seen_alike ? &b->forced : seen_near ? &b->forced_near : &b->marked);
	if (rc == KP_OK && !replaces) {
		if (!b->added++) {
			b->first = r->id;
			b->unit = r->unit_id;
		}
		if ((size_t)b->added > b->caprows)
			b->rows = xrealloc(b->rows, (b->caprows = b->caprows ? b->caprows * 2 : 64) * sizeof *b->rows);
		b->rows[b->added - 1] = b->row;
		b->last = r->id;
		if (b->unit != r->unit_id)
			b->unit = 0;
	}
	put_back(b->f, r, &old, held);
	if (replaces)
		record_free(&old);
	return rc;
}

/* An import's inserts as one audit row: how many, which numbers, from
 * where (the records themselves hold the values). */
static int audit_import(kp_batch *b)
{
	char *count = xasprintf("%lld", b->added);
	char *ids = xasprintf("%lld-%lld", b->first, b->last);
	char *ch[] = {(char *)msg(MSG_AU_ROWS), "", count, (char *)msg(MSG_AU_IDS), "", ids,
		      (char *)msg(MSG_AU_FILE), "", (char *)b->source};
	/* Rows the INSERT could not seal are sealed here, in one statement. */
	int rc = b->sealed ? KP_OK : seal_rows(b->s, b->f->table, "id >= ?1 AND kp_seal IS NULL", b->first, NULL);
	seal_finish(b->s, &b->seals);
	if (rc == KP_OK)
		rc = db_audit(b->s, NULL, b->f->table, b->first, b->unit, "import", ch, 9);
	free(ids);
	free(count);
	return rc;
}

int store_batch_end(kp_batch *b, bool commit, char **err)
{
	kp_store *s = b->s;
	sqlite3_finalize(b->st);
	sqlite3_finalize(b->upd);
	sqlite3_finalize(b->same);
	sqlite3_finalize(b->same_vals);
	sqlite3_finalize(b->near);
	sqlite3_finalize(b->akin);
	for (size_t k = 0; b->alike && k < b->f->nalike; k++)
		sqlite3_finalize(b->alike[k]);
	free(b->alike);
	int rc = persons_end(b->persons, commit, NULL); /* its error is said below */
	int counted = counter_end(b->counts, commit && rc == KP_OK);
	if (rc == KP_OK)
		rc = counted;
	if (rc == KP_OK && commit && b->source && b->added)
		rc = audit_import(b);
	if (rc == KP_OK && commit && b->added)
		rc = seq_used(s, b->f, b->next_id - 1);
	/* The batch's new records into the text index at once, in its
	 * transaction: one statement instead of one per row. */
	if (rc == KP_OK && commit && b->added)
		rc = textindex_add(s, b->f, b->first, b->last);
	if (s->acc == &b->seals) /* nothing imported: no row took the hash */
		s->acc = NULL;
	free(b->rows);
	free(b->labels);
	free(b);
	if (commit && rc != KP_OK)
		db_fail(s, err);
	else if (commit && db_commit(s, err) == KP_OK)
		rc = KP_OK;
	else
		rc = KP_ERR;
	if (rc != KP_OK || !commit)
		db_rollback(s);
	db_exec(s, "PRAGMA cache_size=" KP_CACHE_SESSION, NULL);
	return commit ? rc : KP_OK;
}

/* The counts after a single write: a record moved between states (to),
 * or deleted (to NULL). */
static int count_write(kp_store *s, const kp_form *f, int year, long long unit, const char *from,
		       const char *to)
{
	kp_counter *c = counter_begin(s, f, year);
	if (to)
		counter_move(c, unit, from, to);
	else
		counter_add(c, unit, from, -1);
	return counter_end(c, true);
}

int store_insert_many(kp_store *s, const kp_form *f, kp_record *r, size_t n, char **err)
{
	kp_batch *b = store_batch_begin(s, f, NULL, err);
	if (!b)
		return KP_ERR;
	int rc = KP_OK;
	for (size_t i = 0; i < n && rc == KP_OK; i++)
		rc = store_batch_add(b, &r[i], err);
	if (store_batch_end(b, rc == KP_OK, rc == KP_OK ? err : NULL) != KP_OK || rc != KP_OK) {
		for (size_t i = 0; i < n; i++)
			r[i].id = 0;
		return KP_ERR;
	}
	return KP_OK;
}

int store_refused_field(const kp_store *s) { return s->refused_field; }

static int insert(kp_store *s, const kp_form *f, kp_record *r, kp_dup_rule rule, kp_dup *found, char **err);

int store_insert(kp_store *s, const kp_form *f, kp_record *r, char **err)
{
	return insert(s, f, r, KP_DUP_IGNORE, NULL, err);
}

/* The duplicate rule inside the write's transaction: KP_EDUP when refused. */
static int dup_refused(kp_store *s, const kp_form *f, const kp_record *r, kp_dup_rule rule, kp_dup *found)
{
	return rule == KP_DUP_REFUSE && store_find_duplicate(s, f, r, found) ? KP_EDUP : KP_OK;
}

/* Marked on purpose (a second F2), or silently: another unit's record
 * the unit is not told of (kp_dup.quiet). */
static int dup_marked(kp_store *s, const kp_form *f, const kp_record *r, kp_dup_rule rule, const kp_dup *found,
		      char **err)
{
	bool marked;
	bool quiet = rule == KP_DUP_REFUSE && found && found->quiet;
	return rule == KP_DUP_MARK || quiet ? dup_mark_in_tx(s, f, r, true, &marked, err) : KP_OK;
}

static int insert(kp_store *s, const kp_form *f, kp_record *r, kp_dup_rule rule, kp_dup *found, char **err)
{
	s->refused_field = -1;
	/* A unit's one record is changed as that record, never replaced by a
	 * "new" one (an import, store_insert_many, replaces it on purpose). */
	long long have = f->per_unit ? store_unit_record(s, f, r->unit_id) : 0;
	if (have) {
		char *unit = s->kind == SESSION_UNIT ? NULL : store_unit_name(s, r->unit_id);
		db_set_err(err, xasprintf(msg(MSG_S_PER_UNIT_HAVE), unit ? unit : "本单位", f->title, have, have));
		free(unit);
		return KP_ERR;
	}
	kp_batch *b = store_batch_begin(s, f, NULL, err);
	if (!b)
		return KP_ERR;
	int rc = dup_refused(s, f, r, rule, found);
	if (rc == KP_OK)
		rc = store_batch_add(b, r, err);
	if (rc == KP_OK)
		rc = dup_marked(s, f, r, rule, found, err);
	if (store_batch_end(b, rc == KP_OK, rc == KP_OK ? err : NULL) != KP_OK || rc != KP_OK) {
		r->id = 0;
		return rc == KP_OK ? KP_ERR : rc;
	}
	return KP_OK;
}

static int update(kp_store *s, const kp_form *f, kp_record *r, kp_dup_rule rule, kp_dup *found, char **err);

int store_save_checked(kp_store *s, const kp_form *f, kp_record *r, kp_dup_rule rule, kp_dup *found,
		       char **err)
{
	memset(found, 0, sizeof *found);
	return r->id ? update(s, f, r, rule, found, err) : insert(s, f, r, rule, found, err);
}

int store_view(kp_store *s, const kp_form *f, long long id, kp_record *r, char **err)
{
	int rc = store_get(s, f, id, r, err);
	if (rc == KP_OK)
		session_mark_viewed(s, f, id, r->version);
	return rc;
}

int store_update(kp_store *s, const kp_form *f, kp_record *r, char **err)
{
	return update(s, f, r, KP_DUP_IGNORE, NULL, err);
}

static int update(kp_store *s, const kp_form *f, kp_record *r, kp_dup_rule rule, kp_dup *found, char **err)
{
	s->refused_field = -1;
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "UPDATE \"%s\" SET version = version + 1, updated_at = " NOW, f->table);
	for (size_t i = 0; i < f->nfields; i++)
		sb_printf(&b, ", \"%s\" = ?%zu", f->fields[i].id, i + 2);
	sb_printf(&b, " WHERE id = ?%zu AND version = ?%zu AND (?1 = 0 OR unit_id = ?1)", f->nfields + 2,
		  f->nfields + 3);
	if (db_begin(s, err) != KP_OK) {
		sb_free(&b);
		return KP_ERR;
	}
	/* ?1 is the session's unit: the statement itself cannot reach another
	 * unit's row, whatever was checked before. */
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), err);
	sb_free(&b);
	int rc = KP_ERR;
	kp_record old;
	bool had = db_stored(s, f, "id", r->id, &old);
	if (had)
		r->unit_id = old.unit_id; /* an update never moves a record to another unit */
	char **held = NULL;
	if (st && had && dup_refused(s, f, r, rule, found) == KP_EDUP) {
		sqlite3_finalize(st);
		st = NULL;
		rc = KP_EDUP;
	}
	if (st && had && (session_may_write(s, f, &old, r, err) != KP_OK ||
			  values_check(s, f, r, err) != KP_OK ||
			  refs_resolve(s, f, &old, r, &held, err) != KP_OK)) {
		sqlite3_finalize(st);
		st = NULL;
	}
	if (st) {
		sqlite3_bind_int64(st, 1, session_scope(s));
		bind_values(st, f, r, 2);
		sqlite3_bind_int64(st, (int)f->nfields + 2, r->id);
		sqlite3_bind_int(st, (int)f->nfields + 3, r->version);
		if (textindex_forget(s, f, r->id) != KP_OK)
			db_fail(s, err);
		else if (sqlite3_step(st) != SQLITE_DONE)
			write_fail(s, f, r, err);
		else if (sqlite3_changes(s->db) == 0 || !had) {
			db_set_err(err, xstrdup(msg(MSG_S_CHANGED)));
			rc = KP_ECONFLICT;
		} else if ((rc = textindex_add(s, f, r->id, r->id)) != KP_OK ||
			   (rc = audit_record(s, f, r->id, old.unit_id, "update", old.vals, r->vals)) != KP_OK ||
			   (rc = dup_unmark_stale(s, f, r->id, old.unit_id)) != KP_OK)
			db_fail(s, err);
	}
	if (had)
		record_free(&old);
	refs_restore(f, r, held);
	sqlite3_finalize(st);
	if (rc == KP_OK)
		rc = dup_marked(s, f, r, rule, found, err);
	if (rc == KP_OK && db_commit(s, err) == KP_OK) {
		session_mark_written(s, f, r->id, r->version);
		r->version++;
		return KP_OK;
	}
	db_rollback(s);
	return rc == KP_OK ? KP_ERR : rc;
}

int store_delete(kp_store *s, const kp_form *f, long long id, char **err)
{
	char *sql = xasprintf("DELETE FROM \"%s\" WHERE id = ?1 AND (?2 = 0 OR unit_id = ?2)", f->table);
	if (db_begin(s, err) != KP_OK) {
		free(sql);
		return KP_ERR;
	}
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	int rc = KP_ERR;
	kp_record old;
	bool had = db_stored(s, f, "id", id, &old);
	if (st && had && (session_may_delete(s, f, &old, err) != KP_OK ||
			  refs_block_delete(s, f, id, err) != KP_OK)) {
		sqlite3_finalize(st);
		st = NULL;
	}
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, session_scope(s));
		if (textindex_forget(s, f, id) != KP_OK || sqlite3_step(st) != SQLITE_DONE)
			db_fail(s, err);
		else if (!had || !sqlite3_changes(s->db))
			rc = KP_ENOTFOUND;
		else if ((rc = count_write(s, f, old.year, old.unit_id, old.state, NULL)) != KP_OK ||
			 (rc = store_detach_record(s, f, id)) != KP_OK ||
			 (rc = audit_record(s, f, id, old.unit_id, "delete", old.vals, NULL)) != KP_OK)
			db_fail(s, err);
	}
	if (had)
		record_free(&old);
	sqlite3_finalize(st);
	if (rc == KP_OK && db_commit(s, err) == KP_OK)
		return KP_OK;
	db_rollback(s);
	if (rc == KP_ENOTFOUND || (rc == KP_ERR && err && !*err))
		db_set_err(err, xstrdup(msg(MSG_S_CHANGED)));
	return rc == KP_OK ? KP_ERR : rc;
}

/* SELECT list shared by every read: fixed columns, then the fields. */
static char *select_sql(const kp_form *f, const char *where_order)
{
	return select_cols_sql(f, true, where_order);
}

/* The same without the fields' values (read_head's columns only). */
static char *select_cols_sql(const kp_form *f, bool vals, const char *where_order)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "SELECT t.id, t.unit_id, t.version, u.name, t.created_at, t.updated_at, u.seq");
	sb_adds(&b, f->review ? ", t.kp_state, t.kp_reason" : ", '', ''");
	sb_adds(&b, ", t.kp_year");
	for (size_t i = 0; vals && i < f->nfields; i++)
		sb_printf(&b, ", t.\"%s\"", f->fields[i].id);
	sb_printf(&b, " FROM \"%s\" t JOIN units u ON u.id = t.unit_id %s", f->table, where_order);
	return sb_take(&b);
}

/* The columns every read starts with (select_cols_sql). */
static void read_head(sqlite3_stmt *st, kp_record *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->unit_id = sqlite3_column_int64(st, 1);
	r->version = sqlite3_column_int(st, 2);
	r->unit_name = db_text(st, 3);
	r->created_at = db_text(st, 4);
	r->updated_at = db_text(st, 5);
	r->unit_seq = sqlite3_column_int(st, 6);
	r->state = db_text(st, 7);
	r->reason = db_text(st, 8);
	r->year = sqlite3_column_int(st, 9);
}

static void read_row(sqlite3_stmt *st, const kp_form *f, kp_record *r)
{
	memset(r, 0, sizeof *r);
	read_head(st, r);
	r->nvals = f->nfields;
	r->vals = xcalloc(f->nfields ? f->nfields : 1, sizeof *r->vals);
	for (size_t i = 0; i < f->nfields; i++)
		r->vals[i] = db_text(st, 10 + (int)i);
}

int store_get(kp_store *s, const kp_form *f, long long id, kp_record *r, char **err)
{
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	/* Another unit's record answers like a missing one. */
	char *sql = select_sql(f, "WHERE t.id = ?1 AND (?2 = 0 OR t.unit_id = ?2)");
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, session_scope(s));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, f, r);
	else if (rc == SQLITE_DONE)
		db_set_err(err, xstrdup(msg(MSG_S_CHANGED)));
	else
		db_fail(s, err);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? KP_OK : rc == SQLITE_DONE ? KP_ENOTFOUND : KP_ERR;
}

/* The sort key as SQL: NULL becomes the lowest value so row-value
 * comparisons never meet NULL. */
static void sort_expr(strbuf *b, const kp_form *f, int sort, const char *prefix)
{
	if (sort < 0)
		sb_printf(b, "%sid", prefix);
	else if (ftype_info(f->fields[sort].type)->integer_column)
		sb_printf(b, "ifnull(%s\"%s\", -9223372036854775807)", prefix, f->fields[sort].id);
	else
		sb_printf(b, "ifnull(%s\"%s\", '')", prefix, f->fields[sort].id);
}

/* How a list of f is limited to the session's programme year (?N): its own
 * records, or for a pool form (附表2) those of that year and before — a
 * talent stays listed in later years, never in earlier ones. */
static const char *year_test(const kp_form *f)
{
	return f->pool ? "<=" : "=";
}

/* A filter's parameters: the text index's query (?9; NULL: a scan) and
 * the typed letters as initials (?10; NULL unless the query asks). */
typedef struct {
	char *match, *initials;
} filter_args;

/* The joins and WHERE clause of a query (parameters: ?1 unit, ?2 filter,
 * ?6 state, ?7 the session's unit, ?8 the year, ?9 and ?10 as above). A
 * filter matches when one of the listed text fields contains it
 * (kp_contains, db.c: each field by itself, so a match never spans two),
 * or, when the query asks, the pinyin initials of the first; the text index
 * (textindex.c), joined as x, finds the candidates, in id order. */
static filter_args where_clause(strbuf *b, kp_store *s, const kp_form *f, const kp_query *q)
{
	filter_args a = {NULL, NULL};
	bool filtered = q->filter && q->filter[0];
	const char *kind = NULL;
	if (filtered && q->initials)
		a.initials = textindex_initials_of(q->filter);
	if (filtered)
		a.match = textindex_match(s, f, q->filter, a.initials,
					  q->unit_id ? q->unit_id : session_scope(s), &kind);
	/* A list sorted by a field, filtered by common text: its rows come
	 * soonest along the sort's index (the candidates would all be sorted). */
	if (a.match && q->sort >= 0 && textindex_dense(s, f, kind, a.match)) {
		free(a.match);
		a.match = NULL;
	}
	if (a.match)
		sb_printf(b, " JOIN \"%s_kp_%s\" x ON x.rowid = t.id", f->table, kind);
	sb_printf(b, " WHERE (?1 = 0 OR t.unit_id = ?1) AND (?7 = 0 OR t.unit_id = ?7)"
		     " AND (?8 = 0 OR t.kp_year %s ?8)", year_test(f));
	if (f->review && q->state)
		sb_adds(b, " AND t.kp_state = ?6");
	if (!filtered)
		return a;
	if (a.match)
		sb_printf(b, " AND \"%s_kp_%s\" MATCH ?9", f->table, kind);
	strbuf cols = STRBUF_INIT;
	for (size_t i = 0; i < f->nfields; i++)
		if (store_searchable(&f->fields[i]))
			sb_printf(&cols, ", t.\"%s\"", f->fields[i].id);
	sb_printf(b, " AND (kp_contains(?2%s)", sb_str(&cols));
	if (a.initials && cols.len)
		sb_printf(b, " OR kp_contains(?10, kp_initials(t.\"%s\"))", textindex_initials_field(f)->id);
	sb_adds(b, ")");
	sb_free(&cols);
	return a;
}

/* The id the list is ordered and paged by: the text index's rowid when it
 * is joined (so SQLite reads its matches in order and stops at the page). */
static const char *id_column(const filter_args *a) { return a->match ? "x.rowid" : "t.id"; }

static void bind_filter(sqlite3_stmt *st, const kp_query *q, const filter_args *a)
{
	if (q->filter && q->filter[0])
		sqlite3_bind_text(st, 2, q->filter, -1, SQLITE_STATIC);
	if (a->match)
		sqlite3_bind_text(st, 9, a->match, -1, SQLITE_STATIC);
	if (a->initials)
		sqlite3_bind_text(st, 10, a->initials, -1, SQLITE_STATIC);
}

static void filter_args_free(filter_args *a)
{
	free(a->match);
	free(a->initials);
}

/* The index a list sorted by field i pages through, created the first time
 * a list is sorted that way (once; afterwards every page is a seek). */
static void ensure_sort_index(kp_store *s, const kp_form *f, int i)
{
	char *name = xasprintf("%s_kp_sort_%s", f->table, f->fields[i].id);
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?",
				      NULL);
	bool have = false;
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		have = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	if (!have) {
		strbuf key = STRBUF_INIT; /* the ORDER BY expression, so the planner uses it */
		sort_expr(&key, f, i, "");
		char *sql = xasprintf("CREATE INDEX IF NOT EXISTS \"%s\" ON \"%s\" (%s, id)", name,
				      f->table, sb_str(&key));
		sb_free(&key);
		if (db_begin(s, NULL) == KP_OK) {
			if (db_exec(s, sql, NULL) == KP_OK)
				db_commit(s, NULL);
			else
				db_rollback(s);
		}
		free(sql);
	}
	free(name);
}

/* The statement for q's rows after (or before, backward) the anchor in
 * list order, up to limit (-1: all); count: their number instead of the
 * rows. fa is freed by the caller after the statement. */
static sqlite3_stmt *page_stmt(kp_store *s, const kp_form *f, const kp_query *q, const kp_anchor *anchor,
			       bool backward, bool count, long long limit, filter_args *fa)
{
	if (q->sort >= 0)
		ensure_sort_index(s, f, q->sort);
	/* Walking backward reverses the order; the rows are flipped after. */
	bool desc = q->descending != backward;
	strbuf w = STRBUF_INIT, key = STRBUF_INIT;
	*fa = where_clause(&w, s, f, q);
	const char *idc = id_column(fa);
	sort_expr(&key, f, q->sort, "t.");
	if (anchor) {
		const char *op = desc ? "<" : ">";
		if (q->sort < 0)
			sb_printf(&w, " AND %s %s ?4", idc, op);
		else /* (key, id) > (?3, ?4), written so the sort index can seek */
			sb_printf(&w, " AND %s %s= ?3 AND (%s %s ?3 OR t.id %s ?4)", sb_str(&key), op,
				  sb_str(&key), op, op);
	}
	if (q->sort < 0)
		sb_printf(&w, " ORDER BY %s%s LIMIT ?5", idc, desc ? " DESC" : "");
	else
		sb_printf(&w, " ORDER BY %s%s, t.id%s LIMIT ?5", sb_str(&key), desc ? " DESC" : "",
			  desc ? " DESC" : "");
	char *rows = count ? select_cols_sql(f, false, sb_str(&w)) : select_sql(f, sb_str(&w));
	char *sql = count ? xasprintf("SELECT count(*) FROM (%s)", rows) : NULL;
	sb_free(&w);
	sb_free(&key);
	sqlite3_stmt *st = db_prepare(s, sql ? sql : rows, NULL);
	free(rows);
	free(sql);
	if (st) {
		sqlite3_bind_int64(st, 1, q->unit_id);
		bind_filter(st, q, fa);
		if (anchor && q->sort >= 0) {
			if (ftype_info(f->fields[q->sort].type)->integer_column)
				sqlite3_bind_int64(st, 3, anchor->key && anchor->key[0]
							      ? strtoll(anchor->key, NULL, 10)
							      : -9223372036854775807LL);
			else
				sqlite3_bind_text(st, 3, anchor->key ? anchor->key : "", -1, SQLITE_STATIC);
		}
		if (anchor)
			sqlite3_bind_int64(st, 4, anchor->id);
		sqlite3_bind_int64(st, 5, limit);
		sqlite3_bind_int64(st, 7, session_scope(s));
		sqlite3_bind_int(st, 8, session_year(s));
		if (f->review && q->state)
			sqlite3_bind_text(st, 6, q->state, -1, SQLITE_STATIC);
	}
	return st;
}

size_t store_query_page(kp_store *s, const kp_form *f, const kp_query *q, const kp_anchor *anchor,
			bool backward, size_t limit, kp_record **out)
{
	filter_args fa;
	sqlite3_stmt *st = page_stmt(s, f, q, anchor, backward, false, (long long)limit, &fa);
	kp_record *r = xcalloc(limit ? limit : 1, sizeof *r);
	size_t n = 0;
	if (st)
		while (n < limit && sqlite3_step(st) == SQLITE_ROW)
			read_row(st, f, &r[n++]);
	sqlite3_finalize(st);
	filter_args_free(&fa);
	if (backward) /* return them in list order */
		for (size_t i = 0; i < n / 2; i++) {
			kp_record t = r[i];
			r[i] = r[n - 1 - i];
			r[n - 1 - i] = t;
		}
	*out = r;
	return n;
}

long long store_query_beyond(kp_store *s, const kp_form *f, const kp_query *q, const kp_anchor *anchor,
			     bool backward)
{
	filter_args fa;
	sqlite3_stmt *st = page_stmt(s, f, q, anchor, backward, true, KP_COUNT_CAP + 1, &fa);
	long long n = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	filter_args_free(&fa);
	return n;
}

size_t store_query_open(kp_store *s, const kp_form *f, const kp_query *q, size_t limit,
			kp_record **out, long long *total)
{
	size_t n = store_query_page(s, f, q, NULL, false, limit, out);
	*total = n < limit ? (long long)n : store_query_count(s, f, q);
	return n;
}

long long store_query_rank(kp_store *s, const kp_form *f, const kp_query *q, long long id)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "SELECT count(*) FROM \"%s\" t", f->table);
	filter_args fa = where_clause(&b, s, f, q);
	sb_printf(&b, " AND %s < ?3", id_column(&fa));
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), NULL);
	sb_free(&b);
	long long n = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, q->unit_id);
		bind_filter(st, q, &fa);
		sqlite3_bind_int64(st, 3, id);
		sqlite3_bind_int64(st, 7, session_scope(s));
		sqlite3_bind_int(st, 8, session_year(s));
		if (f->review && q->state)
			sqlite3_bind_text(st, 6, q->state, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	filter_args_free(&fa);
	return n;
}

long long store_query_count(kp_store *s, const kp_form *f, const kp_query *q)
{
	bool filtered = q->filter && q->filter[0];
	bool by_state = f->review && q->state;
	strbuf b = STRBUF_INIT;
	filter_args fa = {NULL, NULL};
	if (filtered) { /* counted up to a cap: past it the list says "more than" */
		sb_printf(&b, "SELECT count(*) FROM (SELECT 1 FROM \"%s\" t", f->table);
		fa = where_clause(&b, s, f, q);
		sb_printf(&b, " LIMIT %d)", KP_COUNT_CAP + 1);
	} else {
		sb_printf(&b, "SELECT ifnull(sum(n), 0) FROM kp_counts WHERE tbl = ?3"
			      " AND (?1 = 0 OR unit_id = ?1) AND (?7 = 0 OR unit_id = ?7)"
			      " AND (?6 IS NULL OR state = ?6) AND (?8 = 0 OR year %s ?8)", year_test(f));
	}
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), NULL);
	sb_free(&b);
	long long n = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, q->unit_id);
		if (filtered)
			bind_filter(st, q, &fa);
		else
			sqlite3_bind_text(st, 3, f->table, -1, SQLITE_STATIC);
		if (by_state)
			sqlite3_bind_text(st, 6, q->state, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, session_scope(s));
		sqlite3_bind_int(st, 8, session_year(s));
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	filter_args_free(&fa);
	return n;
}

long long store_count_carried(kp_store *s, const kp_form *f, const char *state)
{
	if (!f->pool)
		return 0;
	sqlite3_stmt *st = db_prepare(s, "SELECT ifnull(sum(n), 0) FROM kp_counts WHERE tbl = ?1"
					 " AND (?2 = 0 OR unit_id = ?2) AND (?3 IS NULL OR state = ?3) AND year < ?4",
				      NULL);
	long long n = 0;
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, session_scope(s));
		if (f->review && state)
			sqlite3_bind_text(st, 3, state, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, session_year(s));
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

long long store_count(kp_store *s, const kp_form *f)
{
	kp_query q = {-1, false, NULL, 0, NULL, false};
	return store_query_count(s, f, &q);
}

int store_each(kp_store *s, const kp_form *f, long long unit_id, const char *state,
	       int (*fn)(const kp_record *r, void *ctx), void *ctx, char **err)
{
	/* A per-unit form reads like its table on paper: in the units' order. */
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	const char *order = f->per_unit ? "ORDER BY u.seq, t.id" : "ORDER BY t.id";
	char *where = xasprintf("WHERE (?1 = 0 OR t.unit_id = ?1) AND (?2 = 0 OR t.unit_id = ?2)"
				" AND (?4 = 0 OR t.kp_year %s ?4)%s %s", year_test(f),
				f->review && state ? " AND t.kp_state = ?3" : "", order);
	char *sql = select_sql(f, where);
	free(where);
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int64(st, 2, session_scope(s));
	sqlite3_bind_int(st, 4, session_year(s));
	if (f->review && state)
		sqlite3_bind_text(st, 3, state, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kp_record r;
		read_row(st, f, &r);
		int stop = fn(&r, ctx);
		record_free(&r);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KP_OK : db_fail(s, err);
}

/* What an audit action is called on screen (认定 …), for a refusal. */
static const char *action_word(const char *action)
{
	static const struct {
		const char *code;
		enum kp_msg_id word;
	} words[] = {{"submit", MSG_RV_SUBMIT}, {"approve", MSG_RV_APPROVE}, {"return", MSG_RV_RETURN},
		     {"reopen", MSG_RV_REOPEN}, {"withdraw", MSG_RV_WITHDRAW}, {"unapprove", MSG_AU_UNAPPROVE}};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (!strcmp(action, words[i].code))
			return msg(words[i].word);
	return action;
}

int store_set_state(kp_store *s, const kp_form *f, long long id, const char *from, const char *to,
		    const char *reason, const char *action, char **err)
{
	return store_set_state_seen(s, f, id, 0, from, to, reason, action, err);
}

int store_set_state_seen(kp_store *s, const kp_form *f, long long id, int seen, const char *from, const char *to,
			 const char *reason, const char *action, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	kp_record old;
	bool had = db_stored(s, f, "id", id, &old);
	/* The decision is about the values the reviewer saw: a record changed
	 * since (withdrawn, edited, resubmitted) is refused, never decided on
	 * values nobody looked at. */
	if (had && seen > 0 && old.version != seen) {
		db_set_err(err, xasprintf(msg(MSG_S_CHANGED_SINCE_SEEN), id, seen, old.version, action_word(action)));
		record_free(&old);
		return db_end(s, KP_ECONFLICT, err);
	}
	/* An approval undone (撤销认定) is the city's own correction: the
	 * record is submitted again as the unit left it, with no reason shown
	 * to the unit (a returned record's kp_reason); the audit keeps it. */
	bool undo = !strcmp(from, "approved") && !strcmp(to, "submitted");
	char *sql = xasprintf("UPDATE \"%s\" SET kp_state = ?1, kp_reason = ?2, version = version + 1,"
			      " updated_at = " NOW " WHERE id = ?3 AND kp_state = ?4 AND (?5 = 0 OR unit_id = ?5)",
			      f->table);
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	int rc = KP_ERR;
	if (st && had && session_may_move(s, f, &old, from, to, err) != KP_OK) {
		sqlite3_finalize(st);
		st = NULL;
	}
	if (st) {
		sqlite3_bind_int64(st, 5, session_scope(s));
		sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, undo ? "" : reason ? reason : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, id);
		sqlite3_bind_text(st, 4, from, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			db_fail(s, err);
		else if (!had || !sqlite3_changes(s->db)) {
			db_set_err(err, xstrdup(msg(MSG_S_CHANGED)));
			rc = KP_ECONFLICT;
		} else {
			char *ch[] = {"kp_state", old.state, (char *)to, "kp_reason", old.reason,
				      (char *)(reason ? reason : ""), "reason", "", (char *)(reason ? reason : "")};
			if ((rc = count_write(s, f, old.year, old.unit_id, old.state, to)) != KP_OK ||
			    (rc = db_audit(s, NULL, f->table, id, old.unit_id, action, undo ? ch + 6 : ch,
					   undo ? 3 : 6)) != KP_OK)
				db_fail(s, err);
		}
	}
	sqlite3_finalize(st);
	if (had)
		record_free(&old);
	return db_end(s, rc, err);
}
