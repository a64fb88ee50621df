/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Tables: units (附表1) and one table per form, created from its YAML. */
#include <stdlib.h>
#include <string.h>

#include "core/nearkey.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

static const char units_ddl[] =
	"CREATE TABLE IF NOT EXISTS units ("
	" id INTEGER PRIMARY KEY,"
	" seq INTEGER NOT NULL,"
	" name TEXT NOT NULL UNIQUE)";

/* Records per form, unit, state and programme year (counts.c keeps them):
 * a list knows its size without counting a million rows. */
static const char counts_ddl[] =
	"CREATE TABLE IF NOT EXISTS kp_counts ("
	" tbl TEXT NOT NULL,"
	" unit_id INTEGER NOT NULL,"
	" state TEXT NOT NULL DEFAULT '',"  /* a reviewed form's records by state */
	" year INTEGER NOT NULL DEFAULT 0,"
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (tbl, unit_id, state, year))";


/* kp_counts is derived data: one of an older shape (no state, no year) is
 * dropped, and every form's counts are rebuilt (counts_ensure). */
static int ensure_counts(kp_store *s, char **err)
{
	if (!db_has_column(s, "kp_counts", "year") &&
	    (db_exec(s, "DROP TABLE IF EXISTS kp_counts", err) != KP_OK ||
	     db_exec(s, "DROP TABLE IF EXISTS kp_counted", err) != KP_OK))
		return KP_ERR;
	return db_exec(s, counts_ddl, err);
}

int store_ensure_units(kp_store *s, const kp_units *units, char **err)
{
	const kp_unit *u = units->units;
	size_t n = units->n;
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	sqlite3_stmt *st = NULL;
	if (db_exec(s, units_ddl, err) != KP_OK || ensure_counts(s, err) != KP_OK)
		goto fail;
	st = db_prepare(s, "INSERT INTO units (seq, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
			err);
	if (!st)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, u[i].seq);
		sqlite3_bind_text(st, 2, u[i].name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			db_fail(s, err);
			goto fail;
		}
	}
	sqlite3_finalize(st);
	return db_commit(s, err);
fail:
	sqlite3_finalize(st);
	db_rollback(s);
	return KP_ERR;
}

size_t store_units(kp_store *s, kp_unit **out)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT id, seq, name FROM units ORDER BY seq, id", NULL);
	size_t n = 0, cap = 0;
	kp_unit *u = NULL;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap)
			u = xrealloc(u, (cap = cap ? cap * 2 : 32) * sizeof *u);
		u[n].id = sqlite3_column_int64(st, 0);
		u[n].seq = sqlite3_column_int(st, 1);
		u[n].name = db_text(st, 2);
		u[n].values = NULL;
		n++;
	}
	sqlite3_finalize(st);
	*out = u;
	return n;
}

char *store_unit_name(kp_store *s, long long id)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT name FROM units WHERE id = ?", NULL);
	char *name = NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			name = db_text(st, 0);
	}
	sqlite3_finalize(st);
	return name;
}

long long store_unit_record(kp_store *s, const kp_form *f, long long unit_id)
{
	char *sql = xasprintf("SELECT id FROM \"%s\" WHERE unit_id = ?1 AND (?2 = 0 OR unit_id = ?2)"
			      " AND (?3 = 0 OR kp_year = ?3) ORDER BY id LIMIT 1", f->table);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	long long id = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, unit_id);
		sqlite3_bind_int64(st, 2, session_scope(s));
		sqlite3_bind_int(st, 3, session_year(s));
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return id;
}

long long store_unit_id(kp_store *s, const char *name)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT id FROM units WHERE name = ?", NULL);
	long long id = 0;
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return id;
}

/* Does table t have column c? */
bool db_has_column(kp_store *s, const char *t, const char *c)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", NULL);
	bool yes = false;
	if (st) {
		sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c, -1, SQLITE_STATIC);
		yes = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return yes;
}

static bool is_similar(const kp_form *f, int k)
{
	for (size_t j = 0; j < f->nsimilar; j++)
		if (f->similar[j] == k)
			return true;
	return false;
}

/* Is the index called name made by sql (false: another, or none)? */
static bool index_is(kp_store *s, const char *name, const char *sql)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT sql = ?2 FROM sqlite_schema WHERE name = ?1", NULL);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sql, -1, SQLITE_STATIC);
	bool same = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return same;
}

/* The index an import looks a row's person up by; a first import drops it
 * and makes it again (persons.c), so both come from here. Its similar_hint
 * fields come first, so the one index also finds a similar person (the
 * same 联系电话) by its leading columns; one made before in another order
 * is made again. */
int schema_hint_index(kp_store *s, const kp_form *f, bool create, char **err)
{
	char *name = xasprintf("%s_kp_hint", f->table);
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "CREATE INDEX \"%s\" ON \"%s\" (", name, f->table);
	size_t n = 0;
	/* similar_hint's first, then typed values (a date, a choice), free
	 * text last: the duplicate rule compares free text folded (dup_same),
	 * which no index seeks, so the columns before it do the seeking */
	for (int rank = 2; rank >= 0; rank--)
		for (size_t i = 0; i < f->nhint; i++) {
			const kp_field *fd = &f->fields[f->hint[i]];
			if ((is_similar(f, f->hint[i]) ? 2 : fd->type != FT_TEXT ? 1 : 0) == rank)
				sb_printf(&b, "%s\"%s\"", n++ ? ", " : "", fd->id);
		}
	sb_adds(&b, ")");
	int rc = KP_OK;
	if (!create || !index_is(s, name, sb_str(&b))) {
		char *drop = xasprintf("DROP INDEX IF EXISTS \"%s\"", name);
		rc = db_exec(s, drop, err);
		free(drop);
		if (rc == KP_OK && create)
			rc = db_exec(s, sb_str(&b), err);
	}
	sb_free(&b);
	free(name);
	/* similar_hint's rules over other fields compare folded text, which no
	 * index seeks: each rule's first field is sought as stored
	 * (duplicates.c: alike_where) by an index of its own, left out and
	 * made again with the hint's */
	for (size_t k = 0; k < f->nalike && rc == KP_OK; k++) {
		const char *col = f->fields[f->alike[k].fields[0]].id;
		char *sql = create ? xasprintf("CREATE INDEX IF NOT EXISTS \"%s_kp_alike_%s\" ON \"%s\" (\"%s\")",
					       f->table, col, f->table, col)
				   : xasprintf("DROP INDEX IF EXISTS \"%s_kp_alike_%s\"", f->table, col);
		rc = db_exec(s, sql, err);
		free(sql);
	}
	return rc;
}

/* kp_seq, the highest record number each form has used (records.c): a
 * form it does not know yet starts from its table's highest number or the
 * highest the audit trail names, so numbers deleted before kepu kept
 * kp_seq are not handed out again either. */
static int seq_ensure(kp_store *s, const kp_form *f, char **err)
{
	if (db_exec(s, KP_SEQ_DDL, err) != KP_OK)
		return KP_ERR;
	bool audited = false;
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM sqlite_schema WHERE name = 'kp_audit'", err);
	if (!st)
		return KP_ERR;
	audited = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	char *sql = xasprintf("INSERT INTO kp_seq (tbl, last) SELECT ?1, max(ifnull((SELECT max(id) FROM \"%s\"), 0), %s)"
			      " WHERE NOT EXISTS (SELECT 1 FROM kp_seq WHERE tbl = ?1)", f->table,
			      audited ? "ifnull((SELECT max(record_id) FROM kp_audit WHERE form = ?1), 0)" : "0");
	st = db_prepare(s, sql, err);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
	sqlite3_finalize(st);
	return rc;
}

/* kp_entered, when a record came into its programme year if not when it
 * was made (NULL: created_at): a move (move_year.c) keeps created_at, but
 * the checklist's on-time tests (store_first_saved) must see a record
 * moved in late as late. Its index is the one their MIN reads in one
 * probe, replacing (unit_id, created_at). Rows moved before the column
 * was kept are not filled in: moves were never released without it. */
static int entered_ensure(kp_store *s, const kp_form *f, char **err)
{
	if (!db_has_column(s, f->table, "kp_entered")) {
		char *sql = xasprintf("ALTER TABLE \"%s\" ADD COLUMN kp_entered TEXT", f->table);
		int rc = db_exec(s, sql, err);
		free(sql);
		if (rc != KP_OK)
			return KP_ERR;
	}
	char *steps[] = {
		xasprintf("DROP INDEX IF EXISTS \"%s_kp_created\"", f->table),
		xasprintf("CREATE INDEX IF NOT EXISTS \"%s_kp_came\" ON \"%s\" (unit_id, ifnull(kp_entered, created_at))",
			  f->table, f->table),
	};
	int rc = KP_OK;
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		if (rc == KP_OK)
			rc = db_exec(s, steps[i], err);
		free(steps[i]);
	}
	return rc;
}

/* The index of the near rule's typed values (day: of the day rule's,
 * <table>_kp_near_day): unit_id, then those values. */
static int near_index(kp_store *s, const kp_form *f, bool day, char **err)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "CREATE INDEX IF NOT EXISTS \"%s_kp_near%s\" ON \"%s\" (unit_id", f->table, day ? "_day" : "",
		  f->table);
	for (size_t k = 0; day && k < f->nnear_day; k++)
		sb_printf(&b, ", \"%s\"", f->fields[f->near_day[k]].id);
	for (size_t i = 0; i < f->nhint; i++)
		if ((day ? near_day_how(f->near[i]) : f->near[i]) == NEAR_SAME && f->fields[f->hint[i]].type != FT_TEXT)
			sb_printf(&b, ", \"%s\"", f->fields[f->hint[i]].id);
	sb_adds(&b, ")");
	int rc = db_exec(s, sb_str(&b), err);
	sb_free(&b);
	return rc;
}

/* The near rule's indexes (duplicates.c seeks them): <table>_kp_near when
 * the rule compares a typed value as stored (an activity's 日期),
 * <table>_kp_near_day for its day rule; made where the database lacks
 * them. */
static int schema_near_index(kp_store *s, const kp_form *f, char **err)
{
	bool typed = false;
	for (size_t i = 0; f->near && i < f->nhint; i++)
		typed |= f->near[i] == NEAR_SAME && f->fields[f->hint[i]].type != FT_TEXT;
	int rc = typed ? near_index(s, f, false, err) : KP_OK;
	return rc == KP_OK && f->near && f->near_day ? near_index(s, f, true, err) : rc;
}

int store_ensure_form(kp_store *s, const kp_form *f, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	/* Identifiers are validated by the form loader ([a-z][a-z0-9_]*), so
	 * quoting them is enough; values are never spliced into SQL. */
	char *sql = xasprintf(
		"CREATE TABLE IF NOT EXISTS \"%s\" ("
		" id INTEGER PRIMARY KEY,"
		" unit_id INTEGER NOT NULL REFERENCES units (id),"
		" version INTEGER NOT NULL DEFAULT 1,"
		" created_at TEXT NOT NULL,"
		" updated_at TEXT NOT NULL)", f->table);
	int rc = db_exec(s, sql, err);
	free(sql);
	/* Every record belongs to a programme year (years.c): the rows of a
	 * database made before years were kept get the first year. */
	if (rc == KP_OK && !db_has_column(s, f->table, "kp_year")) {
		sql = xasprintf("ALTER TABLE \"%s\" ADD COLUMN kp_year INTEGER NOT NULL DEFAULT %d",
				f->table, s->base_year);
		rc = db_exec(s, sql, err);
		free(sql);
	}
	if (rc == KP_OK && !db_has_column(s, f->table, "kp_seal")) { /* seal.c */
		sql = xasprintf("ALTER TABLE \"%s\" ADD COLUMN kp_seal BLOB", f->table);
		rc = db_exec(s, sql, err);
		free(sql);
	}
	if (rc == KP_OK && f->per_unit) { /* one record per unit and year */
		sql = xasprintf("DROP INDEX IF EXISTS \"%s_unit\"", f->table);
		rc = db_exec(s, sql, err);
		free(sql);
		if (rc == KP_OK) {
			sql = xasprintf("CREATE UNIQUE INDEX IF NOT EXISTS \"%s_kp_year_unit\" ON \"%s\""
					" (kp_year, unit_id)", f->table, f->table);
			rc = db_exec(s, sql, err);
			free(sql);
		}
	} else if (rc == KP_OK) {
		sql = xasprintf("CREATE INDEX IF NOT EXISTS \"%s_unit\" ON \"%s\" (unit_id, id)",
				f->table, f->table);
		rc = db_exec(s, sql, err);
		free(sql);
	}
	/* A reviewed form's records carry their state (草稿 … 已认定) and the
	 * reason of the last return. */
	if (rc == KP_OK && f->review && !db_has_column(s, f->table, "kp_state")) {
		sql = xasprintf("ALTER TABLE \"%s\" ADD COLUMN kp_state TEXT NOT NULL DEFAULT 'draft'", f->table);
		rc = db_exec(s, sql, err);
		free(sql);
		if (rc == KP_OK) {
			sql = xasprintf("ALTER TABLE \"%s\" ADD COLUMN kp_reason TEXT NOT NULL DEFAULT ''", f->table);
			rc = db_exec(s, sql, err);
			free(sql);
		}
	}
	for (size_t i = 0; rc == KP_OK && i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		if (db_has_column(s, f->table, fd->id))
			continue;
		/* A new field in the YAML becomes a new column; nothing is dropped. */
		sql = xasprintf("ALTER TABLE \"%s\" ADD COLUMN \"%s\" %s", f->table, fd->id,
				ftype_info(fd->type)->integer_column ? "INTEGER" : "TEXT");
		rc = db_exec(s, sql, err);
		free(sql);
	}
	if (rc == KP_OK && f->unique >= 0) {
		sql = xasprintf("CREATE UNIQUE INDEX IF NOT EXISTS \"%s_kp_unique\" ON \"%s\" (unit_id, \"%s\")",
				f->table, f->table, f->fields[f->unique].id);
		rc = db_exec(s, sql, err);
		free(sql);
	}
	if (rc == KP_OK && f->nhint) /* an import looks each row's person up */
		rc = schema_hint_index(s, f, true, err);
	if (rc == KP_OK)
		rc = schema_near_index(s, f, err);
	if (rc == KP_OK)
		rc = counts_ensure(s, f, err);
	if (rc == KP_OK)
		rc = seq_ensure(s, f, err);
	if (rc == KP_OK)
		rc = entered_ensure(s, f, err);
	if (rc == KP_OK)
		rc = refs_ensure(s, f, err);
	if (rc != KP_OK) {
		db_rollback(s);
		return KP_ERR;
	}
	return db_commit(s, err);
}
