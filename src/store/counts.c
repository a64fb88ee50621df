/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * kp_counts, the records of each form per unit and state, kept in step by
 * every write in the writer's own transaction: a list knows its size
 * without counting a million rows. Counted per programme year too (kp_year
 * of the record), so a year's progress counts that year's records.
 *
 * This is done here, not by triggers: a trigger's sub-program costs more
 * per row than the insert that fires it (an import of 100,000 rows spent
 * most of its time in them), and a batch adds its counts up once.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/db.h"

/* The forms whose counts kepu keeps (a table not named here is counted
 * afresh once). */
static const char counted_ddl[] = "CREATE TABLE IF NOT EXISTS kp_counted (tbl TEXT PRIMARY KEY)";

typedef struct {
	long long unit;
	char *state;
	long long n;
} count_delta;

struct kp_counter {
	kp_store *s;
	const kp_form *f;
	int year;             /* the programme year of every record counted */
	count_delta *d;
	size_t nd, cap;
};

/* The state a record is counted under: a reviewed form's kp_state, else ''. */
static const char *count_state(const kp_form *f, const char *state)
{
	return f->review && state ? state : "";
}

static bool counted(kp_store *s, const char *table)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM kp_counted WHERE tbl = ?", NULL);
	bool yes = false;
	if (st) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		yes = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return yes;
}

/* Run each statement with ?1 the form's table; KP_OK or the first error.
 * With *rows, the first is a query whose count goes there, and the rest
 * only run when it is not 0. */
static int run_steps(kp_store *s, const kp_form *f, char *const *steps, size_t n, long long *rows,
		     char **err)
{
	int rc = KP_OK;
	for (size_t i = 0; i < n && rc == KP_OK && !(rows && i > 0 && *rows == 0); i++) {
		sqlite3_stmt *st = db_prepare(s, steps[i], err);
		if (!st)
			return KP_ERR;
		if (sqlite3_bind_parameter_count(st))
			sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		int step = sqlite3_step(st);
		if (rows && i == 0 && step == SQLITE_ROW)
			*rows = sqlite3_column_int64(st, 0);
		else if (step != SQLITE_DONE)
			rc = db_fail(s, err);
		sqlite3_finalize(st);
	}
	return rc;
}

/* The form's counts as its table has them (a reviewed form: per state). */
static char *count_sql(const kp_form *f)
{
	const char *state = f->review ? "kp_state" : "''";
	return xasprintf("SELECT unit_id, %s, kp_year, count(*) FROM \"%s\" GROUP BY 1, 2, 3", state,
			 f->table);
}

int counts_ensure(kp_store *s, const kp_form *f, char **err)
{
	if (db_exec(s, counted_ddl, err) != KP_OK)
		return KP_ERR;
	if (counted(s, f->table))
		return KP_OK;
	/* Counted afresh: a new form, or a database of an older kepu whose
	 * triggers kept the counts and a search table (both go). */
	const char *t = f->table;
	char *counts = count_sql(f);
	char *steps[] = {
		xasprintf("DROP TRIGGER IF EXISTS \"%s_kp_ai\"", t),
		xasprintf("DROP TRIGGER IF EXISTS \"%s_kp_au\"", t),
		xasprintf("DROP TRIGGER IF EXISTS \"%s_kp_ad\"", t),
		xasprintf("DROP TABLE IF EXISTS \"kp_find_%s\"", t),
		xstrdup("DELETE FROM kp_counts WHERE tbl = ?1"),
		xasprintf("INSERT INTO kp_counts (tbl, unit_id, state, year, n) SELECT ?1, * FROM (%s)", counts),
		xstrdup("INSERT INTO kp_counted (tbl) VALUES (?1)"),
	};
	size_t n = sizeof steps / sizeof steps[0];
	int rc = run_steps(s, f, steps, n, NULL, err);
	for (size_t i = 0; i < n; i++)
		free(steps[i]);
	free(counts);
	return rc;
}

int store_recount(kp_store *s, const kp_form *f, bool *changed, char **err)
{
	char *counts = count_sql(f);
	/* The rows of kp_counts and of the table's own count that differ. */
	char *steps[] = {
		xasprintf("SELECT count(*) FROM (SELECT * FROM (SELECT unit_id, state, year, n FROM kp_counts"
			  " WHERE tbl = ?1 AND n <> 0 EXCEPT %s) UNION ALL SELECT * FROM (%s EXCEPT"
			  " SELECT unit_id, state, year, n FROM kp_counts WHERE tbl = ?1 AND n <> 0))", counts, counts),
		xstrdup("DELETE FROM kp_counts WHERE tbl = ?1"),
		xasprintf("INSERT INTO kp_counts (tbl, unit_id, state, year, n) SELECT ?1, * FROM (%s)", counts),
	};
	size_t n = sizeof steps / sizeof steps[0];
	long long differ = 0;
	int rc = db_begin(s, err);
	if (rc == KP_OK)
		rc = run_steps(s, f, steps, n, &differ, err);
	for (size_t i = 0; i < n; i++)
		free(steps[i]);
	free(counts);
	*changed = rc == KP_OK && differ > 0;
	if (rc == KP_OK)
		return db_commit(s, err);
	db_rollback(s);
	return KP_ERR;
}

kp_counter *counter_begin(kp_store *s, const kp_form *f, int year)
{
	kp_counter *d = xcalloc(1, sizeof *d);
	d->s = s;
	d->f = f;
	d->year = year;
	return d;
}

void counter_add(kp_counter *d, long long unit, const char *state, long long n)
{
	state = count_state(d->f, state);
	for (size_t i = 0; i < d->nd; i++)
		if (d->d[i].unit == unit && !strcmp(d->d[i].state, state)) {
			d->d[i].n += n;
			return;
		}
	if (d->nd == d->cap)
		d->d = xrealloc(d->d, (d->cap = d->cap ? 2 * d->cap : 8) * sizeof *d->d);
	d->d[d->nd++] = (count_delta){unit, xstrdup(state), n};
}

void counter_move(kp_counter *d, long long unit, const char *from, const char *to)
{
	counter_add(d, unit, from, -1);
	counter_add(d, unit, to, 1);
}

int counter_end(kp_counter *d, bool flush)
{
	int rc = KP_OK;
	sqlite3_stmt *st = flush && d->nd
		? db_prepare(d->s, "INSERT INTO kp_counts (tbl, unit_id, state, year, n) VALUES (?, ?, ?, ?, ?)"
			     " ON CONFLICT (tbl, unit_id, state, year) DO UPDATE SET n = n + excluded.n", NULL)
		: NULL;
	if (flush && d->nd && !st)
		rc = KP_ERR;
	for (size_t i = 0; i < d->nd; i++) {
		if (st && rc == KP_OK && d->d[i].n) {
			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, d->f->table, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, d->d[i].unit);
			sqlite3_bind_text(st, 3, d->d[i].state, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 4, d->year);
			sqlite3_bind_int64(st, 5, d->d[i].n);
			rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
		}
		free(d->d[i].state);
	}
	sqlite3_finalize(st);
	free(d->d);
	free(d);
	return rc;
}
