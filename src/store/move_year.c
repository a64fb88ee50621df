/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A record moved to another programme year (#27): filed in the wrong
 * year, it keeps its number, state, attachments and history instead of
 * being deleted and typed again. Who may move what, and the target year's
 * rules, are the session's (session_may_move_year). */
#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "store/db.h"

/* The counts follow the record: one less in its year, one more in to's. */
static int count_move(kp_store *s, const kp_form *f, const kp_record *old, int to)
{
	kp_counter *from = counter_begin(s, f, old->year);
	counter_add(from, old->unit_id, old->state, -1);
	int rc = counter_end(from, true);
	kp_counter *into = counter_begin(s, f, to);
	counter_add(into, old->unit_id, old->state, 1);
	return counter_end(into, rc == KP_OK) == KP_OK ? rc : KP_ERR;
}

static int move(kp_store *s, const kp_form *f, const kp_record *old, int to, char **err)
{
	/* It entered year `to` now, unless it was made in that year (kp_entered,
	 * schema.c): a draft of last year moved in late counts as late. */
	char *sql = xasprintf("UPDATE \"%s\" SET kp_year = ?1, version = version + 1, updated_at = kp_now(),"
			      " kp_entered = CASE WHEN substr(created_at, 1, 4) = CAST(?1 AS TEXT) THEN NULL"
			      " ELSE kp_now() END"
			      " WHERE id = ?2 AND version = ?3 AND (?4 = 0 OR unit_id = ?4)", f->table);
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_int(st, 1, to);
	sqlite3_bind_int64(st, 2, old->id);
	sqlite3_bind_int(st, 3, old->version);
	sqlite3_bind_int64(st, 4, session_scope(s));
	int rc = KP_ERR;
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail(s, err);
	} else if (sqlite3_changes(s->db) == 0) {
		db_set_err(err, xstrdup(msg(MSG_S_CHANGED)));
		rc = KP_ECONFLICT;
	} else {
		char was[16], now[16];
		snprintf(was, sizeof was, "%d", old->year);
		snprintf(now, sizeof now, "%d", to);
		char *ch[] = {"kp_year", was, now};
		if ((rc = count_move(s, f, old, to)) != KP_OK ||
		    (rc = db_audit(s, NULL, f->table, old->id, old->unit_id, "move_year", ch, 3)) != KP_OK)
			db_fail(s, err);
	}
	sqlite3_finalize(st);
	return rc;
}

int store_may_move_year(kp_store *s, const kp_form *f, long long id, int to, char **err)
{
	kp_record old;
	int rc = db_record_asked(s, f, id, &old, err);
	if (rc != KP_OK)
		return rc;
	rc = session_may_move_year(s, f, &old, to, err);
	record_free(&old);
	return rc;
}

int store_move_year(kp_store *s, const kp_form *f, long long id, int to, char **err)
{
	char *schedule = NULL;
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	if (store_year_schedule(s, to, &schedule, err) != KP_OK) /* names the years opened */
		return KP_ENOTFOUND;
	free(schedule);
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	kp_record old;
	int rc = KP_ENOTFOUND;
	if (!db_stored(s, f, "id", id, &old)) {
		db_set_err(err, xstrdup(msg(MSG_S_CHANGED))); /* missing, or another unit's */
	} else {
		rc = session_may_move_year(s, f, &old, to, err) == KP_OK ? move(s, f, &old, to, err) : KP_ERR;
		record_free(&old);
	}
	return db_end(s, rc, err);
}
