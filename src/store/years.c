/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * Programme years (#19): the programme runs year after year, each with its
 * quotas (附表1), its schedule (section 五) and its records. kp_years holds
 * the years opened; every form table's kp_year, kp_ticks' and kp_counts'
 * year say which year a row belongs to, and the session's year is bound
 * into every statement that reads or counts a year's rows.
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

/* The shape of kepu's own tables: 1 added programme years, 2 the list
 * filter's text index, 3 the audit chain (an older kepu would write records
 * without either), 4 a draft per sitting (drafts.c), 5 a year's closing
 * (an older kepu would let units write into a closed year), 6 a draft's
 * year and the sitting typing it (drafts.c), 7 the attachments' content
 * hashes (attachments.c: an older kepu would add files unhashed), 8 a closed
 * year reopened for one unit (kp_year_units: an older kepu would keep that
 * unit out), 9 the pictures' content hashes (attachments.c, core/picture.c:
 * an older kepu would add files without one), 12 the content hash's
 * definition beside it (a PNG by its pixels, a JPEG by its tables in force:
 * an older kepu would add files hashed the old way). A database of a newer
 * kepu is refused rather than half understood. */
#define KP_SCHEMA_VERSION 12

static const char years_ddl[] = "CREATE TABLE IF NOT EXISTS kp_years ("
				" year INTEGER PRIMARY KEY,"
				" from_year INTEGER,"      /* the year it was opened from; NULL: the first */
				" schedule TEXT,"          /* its schedule.yaml; NULL: config/schedule.yaml's */
				" opened_by TEXT NOT NULL,"
				" opened_at TEXT NOT NULL,"
				" closed_by TEXT,"         /* who closed it; NULL: open */
				" closed_at TEXT)";

/* A closed year reopened for one unit only (the city's correction for
 * that unit, the others' figures staying fixed): a row while it is open
 * to the unit, gone when the year is closed again (schema 8). */
static const char year_units_ddl[] = "CREATE TABLE IF NOT EXISTS kp_year_units ("
				     " year INTEGER NOT NULL,"
				     " unit_id INTEGER NOT NULL,"
				     " reason TEXT NOT NULL,"
				     " opened_by TEXT NOT NULL,"
				     " opened_at TEXT NOT NULL,"
				     " PRIMARY KEY (year, unit_id))";

static int user_version(kp_store *s)
{
	sqlite3_stmt *st = db_prepare(s, "PRAGMA user_version", NULL);
	int v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return v;
}

int store_ensure_years(kp_store *s, int base, char **err)
{
	int v = user_version(s);
	if (v > KP_SCHEMA_VERSION) {
		db_set_err(err, xasprintf(msg(MSG_Y_NEWER_DB), v, KP_SCHEMA_VERSION));
		return KP_ERR;
	}
	s->base_year = base;
	s->year = base;
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	int rc = db_exec(s, years_ddl, err);
	if (rc == KP_OK)
		rc = db_exec(s, year_units_ddl, err);
	/* schema 5: every year of an older kepu's database is open */
	if (rc == KP_OK && !db_has_column(s, "kp_years", "closed_at") &&
	    ((rc = db_exec(s, "ALTER TABLE kp_years ADD COLUMN closed_by TEXT", err)) != KP_OK ||
	     (rc = db_exec(s, "ALTER TABLE kp_years ADD COLUMN closed_at TEXT", err)) != KP_OK))
		rc = KP_ERR;
	sqlite3_stmt *st = rc == KP_OK
		? db_prepare(s, "INSERT INTO kp_years (year, opened_by, opened_at)"
			     " SELECT ?1, 'kepu', kp_now() WHERE NOT EXISTS (SELECT 1 FROM kp_years)", err)
		: NULL;
	if (rc == KP_OK && !st)
		rc = KP_ERR;
	if (st) {
		sqlite3_bind_int(st, 1, base);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err);
		sqlite3_finalize(st);
	}
	return db_end(s, rc, err);
}

int store_schema_done(kp_store *s, char **err)
{
	char *sql = xasprintf("PRAGMA user_version = %d", KP_SCHEMA_VERSION);
	int rc = user_version(s) == KP_SCHEMA_VERSION ? KP_OK : db_exec(s, sql, err);
	free(sql);
	return rc;
}

int store_year(const kp_store *s) { return s->year; }

size_t store_years(kp_store *s, kp_year **out)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT year, ifnull(from_year, 0), opened_by, opened_at,"
				      " schedule IS NOT NULL, closed_by, closed_at FROM kp_years ORDER BY year", NULL);
	size_t n = 0, cap = 0;
	kp_year *y = NULL;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap)
			y = xrealloc(y, (cap = cap ? cap * 2 : 4) * sizeof *y);
		y[n].year = sqlite3_column_int(st, 0);
		y[n].from = sqlite3_column_int(st, 1);
		y[n].by = db_text(st, 2);
		y[n].at = db_text(st, 3);
		y[n].own_schedule = sqlite3_column_int(st, 4) != 0;
		bool closed = sqlite3_column_type(st, 6) != SQLITE_NULL;
		y[n].closed_by = closed ? db_text(st, 5) : NULL;
		y[n].closed_at = closed ? db_text(st, 6) : NULL;
		n++;
	}
	sqlite3_finalize(st);
	*out = y;
	return n;
}

void years_free(kp_year *y, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(y[i].by);
		free(y[i].at);
		free(y[i].closed_by);
		free(y[i].closed_at);
	}
	free(y);
}

char *store_years_text(kp_store *s)
{
	kp_year *y;
	size_t n = store_years(s, &y);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		sb_printf(&b, "%s%d", i ? "、" : "", y[i].year);
	years_free(y, n);
	return sb_take(&b);
}

/* The year's row: KP_OK with *schedule (NULL: config/schedule.yaml's) and
 * *opened_at when asked, or KP_ENOTFOUND. */
static int year_row(kp_store *s, int year, char **schedule, char **opened_at)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT schedule, opened_at FROM kp_years WHERE year = ?", NULL);
	int rc = KP_ENOTFOUND;
	if (st) {
		sqlite3_bind_int(st, 1, year);
		if (sqlite3_step(st) == SQLITE_ROW) {
			rc = KP_OK;
			if (schedule)
				*schedule = sqlite3_column_type(st, 0) == SQLITE_NULL ? NULL : db_text(st, 0);
			if (opened_at)
				*opened_at = db_text(st, 1);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* "没有开启 Y 年度；已开启的年度：…" (or the message fmt of the same shape). */
static char *unknown_year(kp_store *s, enum kp_msg_id fmt, int year)
{
	char *have = store_years_text(s);
	char *m = xasprintf(msg(fmt), year, have);
	free(have);
	return m;
}

int store_year_schedule(kp_store *s, int year, char **schedule, char **err)
{
	*schedule = NULL;
	if (year_row(s, year, schedule, NULL) == KP_OK)
		return KP_OK;
	db_set_err(err, unknown_year(s, MSG_Y_UNKNOWN, year));
	return KP_ENOTFOUND;
}

int store_set_year(kp_store *s, int year, char **err)
{
	if (year_row(s, year, NULL, NULL) != KP_OK) {
		db_set_err(err, unknown_year(s, MSG_Y_UNKNOWN, year));
		return KP_ENOTFOUND;
	}
	s->year = year;
	return KP_OK;
}

/* Copy f's records of year from into year (new numbers above every one the
 * form has used, the new year's counts), in the writer's transaction. */
static int copy_form(kp_store *s, const kp_form *f, int year, int from, char **err)
{
	strbuf cols = STRBUF_INIT;
	for (size_t i = 0; i < f->nfields; i++)
		sb_printf(&cols, ", \"%s\"", f->fields[i].id);
	const char *t = f->table, *c = sb_str(&cols);
	char *steps[] = {
		xasprintf("INSERT INTO \"%s\" (id, unit_id, version, created_at, updated_at, kp_year%s)"
			  " SELECT max(ifnull((SELECT last FROM kp_seq WHERE tbl = ?1), 0),"
			  " ifnull((SELECT max(id) FROM \"%s\"), 0)) + row_number() OVER (ORDER BY id),"
			  " unit_id, 1, kp_now(), kp_now(), ?2%s FROM \"%s\" WHERE kp_year = ?3 ORDER BY id",
			  t, c, t, c, t),
		xasprintf("INSERT INTO kp_seq (tbl, last) SELECT ?1, ifnull(max(id), 0) FROM \"%s\" WHERE true"
			  " ON CONFLICT (tbl) DO UPDATE SET last = max(last, excluded.last)", t),
		xasprintf("INSERT INTO kp_counts (tbl, unit_id, state, year, n) SELECT ?1, unit_id, %s, ?2,"
			  " count(*) FROM \"%s\" WHERE kp_year = ?2 GROUP BY 2, 3", f->review ? "kp_state" : "''", t),
	};
	sb_free(&cols);
	size_t n = sizeof steps / sizeof steps[0];
	/* The copies are numbered above every record there is: the text index
	 * takes the records above the highest now. */
	char *top = xasprintf("SELECT ifnull(max(id), 0) FROM \"%s\"", t);
	sqlite3_stmt *q = db_prepare(s, top, err);
	free(top);
	long long above = q && sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	int rc = above < 0 ? KP_ERR : KP_OK;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = rc == KP_OK ? db_prepare(s, steps[i], err) : NULL;
		if (rc == KP_OK && !st)
			rc = KP_ERR;
		if (st) {
			for (int p = 1; p <= sqlite3_bind_parameter_count(st); p++) {
				if (p == 1)
					sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
				else
					sqlite3_bind_int(st, p, p == 2 ? year : from);
			}
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(s, err);
			sqlite3_finalize(st);
		}
		free(steps[i]);
	}
	if (rc == KP_OK && textindex_add(s, f, above + 1, INT64_MAX) != KP_OK)
		rc = db_fail(s, err);
	return rc;
}

int store_year_open(kp_store *s, int year, int from, const char *base_schedule,
		    const kp_form *const *copy, size_t ncopy, char **err)
{
	if (session_need(s, CITY_OR_ADMIN, err) != KP_OK)
		return KP_ERR;
	if (year < KP_YEAR_MIN || year > KP_YEAR_MAX) {
		db_set_err(err, xasprintf(msg(MSG_Y_BOUNDS), year, KP_YEAR_MIN, KP_YEAR_MAX));
		return KP_ERR;
	}
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	char *schedule = NULL, *at = NULL;
	int rc = KP_ERR;
	if (year_row(s, year, NULL, &at) == KP_OK)
		db_set_err(err, xasprintf(msg(MSG_Y_EXISTS), year, at));
	else if (year_row(s, from, &schedule, NULL) != KP_OK)
		db_set_err(err, unknown_year(s, MSG_Y_FROM_UNKNOWN, from));
	else
		rc = KP_OK;
	/* The new year keeps the shape of the old one's schedule; its dates are
	 * read in the new year (schedule.c). */
	sqlite3_stmt *st = rc == KP_OK
		? db_prepare(s, "INSERT INTO kp_years (year, from_year, schedule, opened_by, opened_at)"
			     " VALUES (?1, ?2, ?3, ?4, kp_now())", err)
		: NULL;
	if (rc == KP_OK && !st)
		rc = KP_ERR;
	if (st) {
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_int(st, 2, from);
		sqlite3_bind_text(st, 3, schedule ? schedule : base_schedule, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, s->actor, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err);
		sqlite3_finalize(st);
	}
	/* The records carried on are sealed, and hashed into the year's row. */
	crypto_generichash_state h;
	seal_begin(s, &h);
	for (size_t i = 0; rc == KP_OK && i < ncopy; i++)
		if ((rc = copy_form(s, copy[i], year, from, err)) == KP_OK &&
		    seal_rows(s, copy[i]->table, "kp_year = ?1 AND kp_seal IS NULL", year, NULL) != KP_OK)
			rc = db_fail(s, err);
	seal_finish(s, &h);
	if (rc == KP_OK) {
		char y[12], f[12];
		snprintf(y, sizeof y, "%d", year);
		snprintf(f, sizeof f, "%d", from);
		char *what[] = {"year", "", y, "from_year", "", f};
		if ((rc = db_audit(s, NULL, "kp_years", year, 0, "year_open", what, 6)) != KP_OK)
			db_fail(s, err);
	}
	free(schedule);
	free(at);
	return db_end(s, rc, err);
}

bool store_year_closed(kp_store *s, int year) { return session_year_closed(s, year, NULL); }

/* The city, the referee, ends a year: the units' figures in it stay what
 * they were when it closed (session.c refuses every change of a unit's). */
int store_year_close(kp_store *s, int year, bool close, char **err)
{
	if (session_need(s, CITY_OR_ADMIN, err) != KP_OK)
		return KP_ERR;
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	char *when = NULL, *units = NULL;
	int rc = KP_ERR;
	bool was = false;
	if (year_row(s, year, NULL, NULL) != KP_OK)
		db_set_err(err, unknown_year(s, MSG_Y_UNKNOWN, year));
	/* closed, but reopened for some units: closing again closes it to them */
	else if ((was = session_year_closed_to(s, year, 0, &when)) == close &&
		 !(close && (units = store_year_units_text(s, year))))
		db_set_err(err, close ? xasprintf(msg(MSG_Y_ALREADY_CLOSED), year, when)
				      : xasprintf(msg(MSG_Y_NOT_CLOSED), year));
	else
		rc = KP_OK;
	/* a unit's reopening ends with any change of the whole year's state */
	if (rc == KP_OK)
		rc = year_units_clear(s, year, err);
	sqlite3_stmt *st = rc == KP_OK && was != close
		? db_prepare(s, close ? "UPDATE kp_years SET closed_by = ?2, closed_at = kp_now() WHERE year = ?1"
				      : "UPDATE kp_years SET closed_by = NULL, closed_at = NULL WHERE year = ?1", err)
		: NULL;
	if (rc == KP_OK && was != close && !st)
		rc = KP_ERR;
	if (st) {
		sqlite3_bind_int(st, 1, year);
		if (close)
			sqlite3_bind_text(st, 2, s->actor, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(s->db) != 1)
			rc = db_fail(s, err);
		sqlite3_finalize(st);
	}
	if (rc == KP_OK) {
		char y[12];
		snprintf(y, sizeof y, "%d", year);
		/* the action says which way; the units it was still open to */
		char *what[] = {"year", "", y, "units", units ? units : "", ""};
		if ((rc = db_audit(s, NULL, "kp_years", year, 0, close ? "year_close" : "year_reopen", what,
				   units ? 6 : 3)) != KP_OK)
			db_fail(s, err);
	}
	free(units);
	free(when);
	return db_end(s, rc, err);
}
