/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Reads for the checklist, the monthly report and the progress table, and
 * the checklist's manual ticks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "form/schedule.h"
#include "store/db.h"

char *store_first_saved(kp_store *s, const kp_form *f, long long unit_id, int field,
			const char *value)
{
	/* When each record came into the year: made there, or moved in later
	 * (kp_entered, schema.c). MIN over the index of that expression: one
	 * index probe. A reviewed form's record counts once handed to the
	 * city (submitted or approved: a draft, or one returned, is still the
	 * unit's), from the submit that stands — the first one after its last
	 * withdrawal (a submission taken back on the 10th and made again on
	 * the 20th was made on the 20th; one the city returned or reopened
	 * is the unit's again the same way) — (the audit's kp_audit_record index)
	 * if that was after it came. */
	char *only = field < 0 ? xstrdup("") : xasprintf(" AND \"%s\" = ?2", f->fields[field].id);
	char *sql = xasprintf("SELECT min(%s) FROM \"%s\" t WHERE unit_id = ?1%s%s"
			      " AND (?3 = 0 OR unit_id = ?3) AND (?4 = 0 OR kp_year = ?4)",
			      f->review ? "max(ifnull(kp_entered, created_at), ifnull((SELECT min(a.at) FROM kp_audit a"
					  " WHERE a.form = ?5 AND a.record_id = t.id AND a.action = 'submit'"
					  " AND a.id > ifnull((SELECT max(w.id) FROM kp_audit w WHERE w.form = ?5"
					  " AND w.record_id = t.id AND w.action IN ('withdraw', 'return', 'reopen')), 0)), ''))"
					: "ifnull(kp_entered, created_at)",
			      f->table, only, f->review ? " AND kp_state IN ('submitted', 'approved')" : "");
	free(only);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	char *at = NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, unit_id);
		if (field >= 0)
			sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, session_scope(s));
		sqlite3_bind_int(st, 4, session_year(s));
		if (f->review)
			sqlite3_bind_text(st, 5, f->table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
			at = db_text(st, 0);
	}
	sqlite3_finalize(st);
	return at;
}

char *store_last_unit_change(kp_store *s, const kp_form *f, long long unit_id, int field,
			     const char *value, const char *before)
{
	/* The audit keeps each change with its values (records.c): one that
	 * changed none ('[]') is no change. */
	char *sql = xasprintf("SELECT max(a.at) FROM \"%s\" t JOIN kp_audit a ON a.form = ?5 AND a.record_id = t.id"
			      " WHERE t.unit_id = ?1 AND t.\"%s\" = ?2 AND (?3 = 0 OR t.unit_id = ?3)"
			      " AND (?4 = 0 OR t.kp_year = ?4) AND a.action = 'update' AND a.changes <> '[]'"
			      " AND a.at < ?6 AND a.user NOT IN (SELECT name FROM kp_users WHERE role = 'city')",
			      f->table, f->fields[field].id);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	char *at = NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, unit_id);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, session_scope(s));
		sqlite3_bind_int(st, 4, session_year(s));
		sqlite3_bind_text(st, 5, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, before, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
			at = db_text(st, 0);
	}
	sqlite3_finalize(st);
	return at;
}

long long store_find(kp_store *s, const kp_form *f, long long unit_id, int field, const char *value)
{
	char *sql = xasprintf("SELECT id FROM \"%s\" WHERE unit_id = ?1 AND \"%s\" = ?2"
			      " AND (?3 = 0 OR unit_id = ?3) AND (?4 = 0 OR kp_year = ?4) ORDER BY id LIMIT 1",
			      f->table, f->fields[field].id);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	long long id = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, unit_id);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, session_scope(s));
		sqlite3_bind_int(st, 4, session_year(s));
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return id;
}

void store_unit_counts(kp_store *s, const kp_form *f, const char *state, const kp_unit *units,
		       size_t n, long long *out)
{
	memset(out, 0, n * sizeof *out);
	sqlite3_stmt *st = db_prepare(s, "SELECT unit_id, sum(n) FROM kp_counts WHERE tbl = ?1"
					 " AND (?2 IS NULL OR state = ?2) AND (?3 = 0 OR unit_id = ?3)"
					 " AND (?4 = 0 OR year = ?4) GROUP BY unit_id", NULL);
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, session_scope(s));
		sqlite3_bind_int(st, 4, session_year(s));
		if (state)
			sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	}
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < n; i++)
			if (units[i].id == id)
				out[i] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
}

long long store_month_tally(kp_store *s, const kp_form *f, long long unit_id, const kp_tally *t)
{
	strbuf b = STRBUF_INIT;
	/* Dates are stored as YYYY-MM-DD, so a month is a range of text. */
	if (t->sum_field < 0)
		sb_adds(&b, "SELECT count(*)");
	else
		sb_printf(&b, "SELECT coalesce(sum(\"%s\"), 0)", f->fields[t->sum_field].id);
	const char *date = f->fields[t->date_field].id;
	sb_printf(&b, " FROM \"%s\" r WHERE unit_id = ?1 AND (?4 = 0 OR unit_id = ?4)"
		  " AND (?6 = 0 OR kp_year = ?6) AND \"%s\" >= ?2 || '-01' AND \"%s\" <= ?2 || '-31'", f->table, date, date);
	if (t->when_field >= 0)
		sb_printf(&b, " AND \"%s\" = ?3", f->fields[t->when_field].id);
	if (t->approved && f->review)
		sb_adds(&b, " AND kp_state = 'approved'");
	/* evidence: one attachment at least that is not recycled — a file
	 * whose bytes or picture (t5h #11) were attached to another record of the form before
	 * (a lower id: ids only grow, never reused) is that record's evidence, not this
	 * one's (#9); the city sees the twin at 认定 as well. Another unit's
	 * earlier file counts only once its record was put to the city, and
	 * from an approved record only when approved itself
	 * (session_claims_sql): a rival's draft claims nothing (t7h #3), nor a
	 * copy submitted after the city counted this one (t8h #1). Only the
	 * total leaves the store. */
	if (t->evidence) {
		char *stands = session_claims_sql(f, "ot", "r");
		sb_printf(&b, " AND EXISTS (SELECT 1 FROM kp_attachments a WHERE a.tbl = ?5 AND a.record_id = r.id"
			      " AND NOT EXISTS (SELECT 1 FROM kp_attachment_hashes h"
			      " JOIN kp_attachment_hashes e ON (e.hash = h.hash OR e.content = h.content) AND e.id < h.id"
			      " JOIN kp_attachments o ON o.id = e.id AND o.tbl = a.tbl AND o.record_id <> a.record_id"
			      " JOIN \"%s\" ot ON ot.id = o.record_id WHERE h.id = a.id AND %s))",
			  f->table, stands);
		free(stands);
	}
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), NULL);
	sb_free(&b);
	long long v = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, unit_id);
		sqlite3_bind_text(st, 2, t->month, -1, SQLITE_STATIC);
		if (t->when_field >= 0)
			sqlite3_bind_text(st, 3, t->when_is, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, session_scope(s));
		sqlite3_bind_int(st, 6, session_year(s));
		if (t->evidence)
			sqlite3_bind_text(st, 5, f->table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

static const char ticks_ddl[] = "CREATE TABLE IF NOT EXISTS kp_ticks ("
				" key TEXT NOT NULL,"
				" unit_id INTEGER NOT NULL,"
				" ticked_by TEXT NOT NULL,"
				" ticked_at TEXT NOT NULL,"
				" year INTEGER NOT NULL," /* the programme year ticked */
				" PRIMARY KEY (year, key, unit_id))";

int store_ensure_ticks(kp_store *s, char **err)
{
	if (db_exec(s, ticks_ddl, err) != KP_OK)
		return KP_ERR;
	if (db_has_column(s, "kp_ticks", "year"))
		return KP_OK;
	/* A database of a kepu before programme years: its ticks are the
	 * first year's, copied into the table of the new shape. */
	char *copy = xasprintf("INSERT INTO kp_ticks (key, unit_id, ticked_by, ticked_at, year)"
			       " SELECT key, unit_id, ticked_by, ticked_at, %d FROM kp_ticks_old",
			       s->base_year);
	int rc = db_begin(s, err);
	if (rc == KP_OK && (db_exec(s, "ALTER TABLE kp_ticks RENAME TO kp_ticks_old", err) != KP_OK ||
			    db_exec(s, ticks_ddl, err) != KP_OK || db_exec(s, copy, err) != KP_OK ||
			    db_exec(s, "DROP TABLE kp_ticks_old", err) != KP_OK))
		rc = KP_ERR;
	free(copy);
	if (rc == KP_OK)
		return db_commit(s, err);
	db_rollback(s);
	return KP_ERR;
}

size_t store_ticks(kp_store *s, kp_tick **out)
{
	/* A unit sees its own ticks and the city's own milestones (unit 0). */
	sqlite3_stmt *st = db_prepare(s, "SELECT key, unit_id, ticked_by, ticked_at FROM kp_ticks"
				      " WHERE (?1 = 0 OR unit_id IN (0, ?1)) AND (?2 = 0 OR year = ?2)", NULL);
	if (st) {
		sqlite3_bind_int64(st, 1, session_scope(s));
		sqlite3_bind_int(st, 2, session_year(s));
	}
	size_t n = 0, cap = 0;
	kp_tick *t = NULL;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap)
			t = xrealloc(t, (cap = cap ? cap * 2 : 16) * sizeof *t);
		t[n].key = db_text(st, 0);
		t[n].unit_id = sqlite3_column_int64(st, 1);
		t[n].by = db_text(st, 2);
		t[n].at = db_text(st, 3);
		n++;
	}
	sqlite3_finalize(st);
	*out = t;
	return n;
}

void ticks_free(kp_tick *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(t[i].key);
		free(t[i].by);
		free(t[i].at);
	}
	free(t);
}

int store_tick_set(kp_store *s, const char *key, long long unit_id, const char *by, bool on,
		   char **err)
{
	return store_tick_set_in(s, session_year(s), key, unit_id, by, on, err);
}

int store_tick_set_in(kp_store *s, int year, const char *key, long long unit_id, const char *by, bool on,
		      char **err)
{
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	if (s->kind == SESSION_UNIT && unit_id != s->actor_unit) { /* the city's own, or another unit's */
		char *own = store_unit_name(s, s->actor_unit);
		db_set_err(err, xasprintf(msg(MSG_SS_OTHER_UNIT), own ? own : ""));
		free(own);
		return KP_ERR;
	}
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	s->closed_pending = 0;
	if (session_write_year(s, year, unit_id, err) != KP_OK) /* a closed year's ticks stay */
		return db_end(s, KP_ERR, err);
	sqlite3_stmt *st = db_prepare(s, on
		? "INSERT INTO kp_ticks (key, unit_id, ticked_by, ticked_at, year) VALUES (?1, ?2, ?3, kp_now(), ?4)"
		  " ON CONFLICT (year, key, unit_id) DO NOTHING"
		: "DELETE FROM kp_ticks WHERE key = ?1 AND unit_id = ?2 AND year = ?4", err);
	int rc = KP_ERR;
	if (st) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, unit_id);
		sqlite3_bind_int(st, 4, year);
		if (on)
			sqlite3_bind_text(st, 3, by, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
	}
	if (rc == KP_OK && sqlite3_changes(s->db)) {
		char yy[12];
		snprintf(yy, sizeof yy, "%d", year);
		char *what[] = {"key", on ? "" : (char *)key, on ? (char *)key : "", "year", "", yy};
		if ((rc = db_audit(s, NULL, "kp_ticks", 0, unit_id, on ? "tick" : "untick", what, 6)) != KP_OK)
			db_fail(s, err);
	}
	sqlite3_finalize(st);
	return db_end(s, rc, err);
}

/* Every unit's figures for the ranking: a column's count per unit (from
 * kp_counts) into done[unit][k], unscoped. */
static void all_counts(kp_store *s, const kp_form *f, const char *state, const long long *ids,
		       size_t n, size_t k, size_t ncols, long long *done)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT unit_id, sum(n) FROM kp_counts WHERE tbl = ?1"
					 " AND (?2 IS NULL OR state = ?2) AND (?3 = 0 OR year = ?3)"
					 " GROUP BY unit_id", NULL);
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, session_year(s));
		if (state)
			sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	}
	while (st && sqlite3_step(st) == SQLITE_ROW)
		for (size_t i = 0; i < n; i++)
			if (ids[i] == sqlite3_column_int64(st, 0))
				done[i * ncols + k] = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
}

/* Every unit's done and quota (row-major, n × ncols) into *done, *quota,
 * its ids into *ids: the count of units. */
static size_t all_figures(kp_store *s, const kp_scoring *sc, const kp_form *quota_form,
			  const kp_form *const *count_forms, long long **ids_out, long long **done_out,
			  long long **quota_out)
{
	size_t n = 0, cap = 32, nc = sc->ncols ? sc->ncols : 1;
	long long *ids = xcalloc(cap, sizeof *ids);
	sqlite3_stmt *st = db_prepare(s, "SELECT id FROM units ORDER BY id", NULL);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap)
			ids = xrealloc(ids, (cap *= 2) * sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	long long *done = xcalloc(n * nc + 1, sizeof *done), *quota = xcalloc(n * nc + 1, sizeof *quota);
	for (size_t k = 0; k < sc->ncols; k++)
		all_counts(s, count_forms[k], count_forms[k]->review ? sc->cols[k].state : NULL, ids, n, k,
			   nc, done);
	strbuf sql = STRBUF_INIT;
	sb_adds(&sql, "SELECT unit_id");
	for (size_t k = 0; k < sc->ncols; k++) /* ids the form loader validated */
		sb_printf(&sql, ", \"%s\"", sc->cols[k].quota);
	sb_printf(&sql, " FROM \"%s\" WHERE ?1 = 0 OR kp_year = ?1", quota_form->table);
	st = db_prepare(s, sb_str(&sql), NULL);
	sb_free(&sql);
	if (st)
		sqlite3_bind_int(st, 1, session_year(s));
	while (st && sqlite3_step(st) == SQLITE_ROW)
		for (size_t i = 0; i < n; i++)
			if (ids[i] == sqlite3_column_int64(st, 0))
				for (size_t k = 0; k < sc->ncols; k++)
					quota[i * nc + k] = sqlite3_column_int64(st, (int)k + 1);
	sqlite3_finalize(st);
	*ids_out = ids;
	*done_out = done;
	*quota_out = quota;
	return n;
}

void store_score_means(kp_store *s, const kp_scoring *sc, const kp_form *quota_form,
		       const kp_form *const *count_forms, kp_score_mean *means)
{
	long long *ids, *done, *quota;
	size_t n = all_figures(s, sc, quota_form, count_forms, &ids, &done, &quota);
	scoring_means(sc, done, quota, n, means);
	free(ids);
	free(done);
	free(quota);
}

int store_unit_rank(kp_store *s, const kp_scoring *sc, const kp_form *quota_form,
		    const kp_form *const *count_forms, long long unit_id, int *rank, bool *tied, int *nunits)
{
	*rank = *nunits = 0;
	*tied = false;
	if (!unit_id || !session_may_see(s, unit_id))
		return KP_ERR;
	/* Deliberately unscoped: the one read of other units' figures a unit
	 * session makes. Nothing of them leaves this function but the two
	 * numbers. */
	size_t nc = sc->ncols ? sc->ncols : 1;
	long long *ids, *done, *quota;
	size_t n = all_figures(s, sc, quota_form, count_forms, &ids, &done, &quota);
	kp_score_mean *means = xcalloc(nc, sizeof *means);
	scoring_means(sc, done, quota, n, means);
	size_t own = n;
	bool any = false; /* anything counted anywhere: else nobody is ranked */
	int ranked = 0;   /* a unit exempt from every column is not */
	long long *none = xcalloc(nc, sizeof *none);
	for (size_t i = 0; i < n; i++) {
		if (scoring_all_exempt(sc, quota + i * nc))
			continue;
		ranked++;
		any |= scoring_cmp(sc, means, done + i * nc, quota + i * nc, none, quota + i * nc) > 0;
	}
	for (size_t i = 0; i < n; i++)
		if (ids[i] == unit_id)
			own = i;
	bool ranks = own < n && !scoring_all_exempt(sc, quota + own * nc);
	int better = 0; /* equal scores share a rank, as in the city's table */
	for (size_t i = 0; i < n && ranks; i++) {
		if (scoring_all_exempt(sc, quota + i * nc))
			continue;
		int c = scoring_cmp(sc, means, done + i * nc, quota + i * nc, done + own * nc, quota + own * nc);
		better += c > 0;
		*tied |= c == 0 && i != own;
	}
	if (own < n) {
		*rank = any && ranks ? better + 1 : 0;
		*tied &= any && ranks;
		*nunits = ranked;
	}
	bool found = own < n;
	free(ids);
	free(done);
	free(quota);
	free(means);
	free(none);
	return found ? KP_OK : KP_ERR;
}
