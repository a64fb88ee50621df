/* Tables: units (附表1) and one table per form, created from its YAML. */
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

static const char units_ddl[] =
	"CREATE TABLE IF NOT EXISTS units ("
	" id INTEGER PRIMARY KEY,"
	" seq INTEGER NOT NULL,"
	" name TEXT NOT NULL UNIQUE)";

/* Records per form and unit, kept by triggers: a list knows its size
 * without counting a million rows. */
static const char counts_ddl[] =
	"CREATE TABLE IF NOT EXISTS kp_counts ("
	" tbl TEXT NOT NULL,"
	" unit_id INTEGER NOT NULL,"
	" state TEXT NOT NULL DEFAULT '',"  /* a reviewed form's records by state */
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (tbl, unit_id, state))";

static bool has_column(kp_store *s, const char *t, const char *c);

/* kp_counts is derived data: one of an older shape (no state) is dropped,
 * and every form's counts are rebuilt with its triggers. */
static int ensure_counts(kp_store *s, char **err)
{
	if (!has_column(s, "kp_counts", "state") &&
	    db_exec(s, "DROP TABLE IF EXISTS kp_counts", err) != KP_OK)
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
	char *sql = xasprintf("SELECT id FROM \"%s\" WHERE unit_id = ? ORDER BY id LIMIT 1", f->table);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	long long id = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, unit_id);
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
static bool has_column(kp_store *s, const char *t, const char *c)
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

/* The text a list filter searches: the listed fields of a row (`row` is
 * NEW, or t), joined by U+001F so a match never spans two fields. */
static void find_expr(strbuf *b, const kp_form *f, const char *row)
{
	bool any = false;
	for (size_t i = 0; i < f->nfields; i++) {
		if (!store_searchable(&f->fields[i]))
			continue;
		sb_printf(b, "%sifnull(%s.\"%s\", '')", any ? " || char(31) || " : "", row, f->fields[i].id);
		any = true;
	}
	if (!any)
		sb_adds(b, "''");
}

/* The statement that creates one of the triggers keeping kp_find_<table>
 * and kp_counts in step with the table (which: 'i'nsert, 'u'pdate,
 * 'd'elete). A reviewed form is counted per state. */
static char *trigger_sql(const kp_form *f, char which)
{
	strbuf b = STRBUF_INIT, e = STRBUF_INIT;
	const char *t = f->table;
	const char *st_new = f->review ? "NEW.kp_state" : "''", *st_old = f->review ? "OLD.kp_state" : "''";
	find_expr(&e, f, "NEW");
	if (which == 'i')
		sb_printf(&b, "CREATE TRIGGER \"%s_kp_ai\" AFTER INSERT ON \"%s\" BEGIN"
			  " INSERT INTO \"kp_find_%s\" (id, unit_id, text) VALUES (NEW.id, NEW.unit_id, %s);"
			  " INSERT INTO kp_counts (tbl, unit_id, state, n) VALUES ('%s', NEW.unit_id, %s, 1)"
			  " ON CONFLICT (tbl, unit_id, state) DO UPDATE SET n = n + 1; END",
			  t, t, t, sb_str(&e), t, st_new);
	else if (which == 'u')
		sb_printf(&b, "CREATE TRIGGER \"%s_kp_au\" AFTER UPDATE ON \"%s\" BEGIN"
			  " UPDATE \"kp_find_%s\" SET unit_id = NEW.unit_id, text = %s WHERE id = NEW.id;"
			  " UPDATE kp_counts SET n = n - 1 WHERE tbl = '%s' AND unit_id = OLD.unit_id"
			  " AND state = %s AND (OLD.unit_id <> NEW.unit_id OR %s <> %s);"
			  " INSERT INTO kp_counts (tbl, unit_id, state, n) SELECT '%s', NEW.unit_id, %s, 1"
			  " WHERE OLD.unit_id <> NEW.unit_id OR %s <> %s"
			  " ON CONFLICT (tbl, unit_id, state) DO UPDATE SET n = n + 1; END",
			  t, t, t, sb_str(&e), t, st_old, st_old, st_new, t, st_new, st_old, st_new);
	else
		sb_printf(&b, "CREATE TRIGGER \"%s_kp_ad\" AFTER DELETE ON \"%s\" BEGIN"
			  " DELETE FROM \"kp_find_%s\" WHERE id = OLD.id;"
			  " UPDATE kp_counts SET n = n - 1 WHERE tbl = '%s' AND unit_id = OLD.unit_id"
			  " AND state = %s; END",
			  t, t, t, t, st_old);
	sb_free(&e);
	return sb_take(&b);
}

/* The stored definition of a trigger, or NULL. */
static char *stored_trigger(kp_store *s, const char *name)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
				      NULL);
	char *sql = NULL;
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			sql = db_text(st, 0);
	}
	sqlite3_finalize(st);
	return sql;
}

/* Bring the search table, the counts and their triggers up to date with
 * the form; rebuilt only when the form's listed fields changed. */
static int ensure_index_tables(kp_store *s, const kp_form *f, char **err)
{
	char *want = trigger_sql(f, 'i');
	char *name = xasprintf("%s_kp_ai", f->table);
	char *have = stored_trigger(s, name);
	bool same = have && !strcmp(have, want);
	free(have);
	free(name);
	free(want);
	if (same)
		return KP_OK;
	const char *t = f->table;
	strbuf e = STRBUF_INIT;
	find_expr(&e, f, "t");
	char *steps[] = {
		xasprintf("DROP TRIGGER IF EXISTS \"%s_kp_ai\"", t),
		xasprintf("DROP TRIGGER IF EXISTS \"%s_kp_au\"", t),
		xasprintf("DROP TRIGGER IF EXISTS \"%s_kp_ad\"", t),
		xasprintf("CREATE TABLE IF NOT EXISTS \"kp_find_%s\" (id INTEGER PRIMARY KEY,"
			  " unit_id INTEGER NOT NULL, text TEXT NOT NULL)", t),
		xasprintf("DELETE FROM \"kp_find_%s\"", t),
		xasprintf("INSERT INTO \"kp_find_%s\" (id, unit_id, text) SELECT t.id, t.unit_id, %s"
			  " FROM \"%s\" t", t, sb_str(&e), t),
		xasprintf("DELETE FROM kp_counts WHERE tbl = '%s'", t),
		xasprintf("INSERT INTO kp_counts (tbl, unit_id, state, n) SELECT '%s', unit_id, %s, count(*)"
			  " FROM \"%s\" GROUP BY unit_id, %s", t, f->review ? "kp_state" : "''", t,
			  f->review ? "kp_state" : "''"),
		trigger_sql(f, 'i'), trigger_sql(f, 'u'), trigger_sql(f, 'd'),
	};
	sb_free(&e);
	int rc = KP_OK;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (rc == KP_OK)
			rc = db_exec(s, steps[i], err);
		free(steps[i]);
	}
	return rc;
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
	if (rc == KP_OK) {
		sql = xasprintf("CREATE %sINDEX IF NOT EXISTS \"%s_unit\" ON \"%s\" (unit_id%s)",
				f->per_unit ? "UNIQUE " : "", f->table, f->table, f->per_unit ? "" : ", id");
		rc = db_exec(s, sql, err);
		free(sql);
	}
	if (rc == KP_OK) { /* the checklist asks when a unit's first record came */
		sql = xasprintf("CREATE INDEX IF NOT EXISTS \"%s_kp_created\" ON \"%s\" (unit_id, created_at)",
				f->table, f->table);
		rc = db_exec(s, sql, err);
		free(sql);
	}
	/* A reviewed form's records carry their state (草稿 … 已认定) and the
	 * reason of the last return. */
	if (rc == KP_OK && f->review && !has_column(s, f->table, "kp_state")) {
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
		if (has_column(s, f->table, fd->id))
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
	if (rc == KP_OK)
		rc = ensure_index_tables(s, f, err);
	if (rc != KP_OK) {
		db_rollback(s);
		return KP_ERR;
	}
	return db_commit(s, err);
}
