/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * A closed year reopened for one unit (kp_year_units, years.c): the city,
 * the referee, lets one unit correct its records of a year it closed while
 * every other unit's stay as they were. session.c asks the table before
 * each of a unit's writes; closing the year again (store_year_close)
 * empties it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "store/db.h"

/* Is the year open to unit_id (a row)? */
static bool open_to(kp_store *s, int year, long long unit_id)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM kp_year_units WHERE year = ?1 AND unit_id = ?2", NULL);
	bool open = false;
	if (st) {
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_int64(st, 2, unit_id);
		open = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return open;
}

/* The checks both ways share: the city's, a year opened and closed, a
 * unit that exists (its name in *name). */
static int check(kp_store *s, int year, long long unit_id, char **name, char **err)
{
	*name = NULL;
	if (session_need(s, CITY_OR_ADMIN, err) != KP_OK)
		return KP_ERR;
	kp_year *y;
	size_t n = store_years(s, &y);
	bool known = false;
	for (size_t i = 0; i < n; i++)
		known = known || y[i].year == year;
	years_free(y, n);
	if (!known) {
		char *have = store_years_text(s);
		db_set_err(err, xasprintf(msg(MSG_Y_UNKNOWN), year, have));
		free(have);
		return KP_ENOTFOUND;
	}
	if (!(*name = store_unit_name(s, unit_id))) {
		db_set_err(err, xasprintf(msg(MSG_S_NO_UNIT), "?"));
		return KP_ENOTFOUND;
	}
	if (!session_year_closed_to(s, year, 0, NULL)) {
		db_set_err(err, xasprintf(msg(MSG_Y_UNIT_NOT_CLOSED), year, *name));
		return KP_ERR;
	}
	return KP_OK;
}

/* Reopen year for unit_id (why: the reason, trimmed) or, why NULL, end
 * that: the row written or deleted and audited, in one transaction. */
static int change(kp_store *s, int year, long long unit_id, const char *why, const char *name, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	int rc = KP_OK;
	sqlite3_stmt *st = NULL;
	if (open_to(s, year, unit_id) == (why != NULL)) {
		db_set_err(err, xasprintf(msg(why ? MSG_Y_UNIT_ALREADY_OPEN : MSG_Y_UNIT_NOT_OPEN), year, name));
		rc = KP_ERR;
	} else if (!(st = db_prepare(s, why ? "INSERT INTO kp_year_units (year, unit_id, reason, opened_by, opened_at)"
					      " VALUES (?1, ?2, ?3, ?4, kp_now())"
					    : "DELETE FROM kp_year_units WHERE year = ?1 AND unit_id = ?2", err))) {
		rc = KP_ERR;
	} else {
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_int64(st, 2, unit_id);
		if (why) {
			sqlite3_bind_text(st, 3, why, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, s->actor, -1, SQLITE_STATIC);
		}
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err);
	}
	sqlite3_finalize(st);
	if (rc == KP_OK) {
		char y[12];
		snprintf(y, sizeof y, "%d", year);
		/* opened: for whom and why; ended: whom it was open to */
		char *opened[] = {"year", "", y, "unit", "", (char *)name, "reason", "", (char *)why};
		char *ended[] = {"year", "", y, "unit", (char *)name, ""};
		if ((rc = db_audit(s, NULL, "kp_years", year, unit_id, why ? "year_reopen_unit" : "year_close_unit",
				   why ? opened : ended, why ? 9 : 6)) != KP_OK)
			db_fail(s, err);
	}
	return db_end(s, rc, err);
}

int store_year_open_for(kp_store *s, int year, long long unit_id, const char *reason, char **err)
{
	char *name, *why = text_trim(reason ? reason : "");
	int rc = check(s, year, unit_id, &name, err);
	/* the unit is told nothing else: the audit keeps why it may write */
	if (rc == KP_OK && !why[0]) {
		db_set_err(err, xasprintf(msg(MSG_Y_UNIT_NEED_REASON), year, name));
		rc = KP_ERR;
	} else if (rc == KP_OK && utf8_count(why) > YEAR_REASON_MAX) {
		db_set_err(err, xasprintf(msg(MSG_Y_UNIT_REASON_LONG), YEAR_REASON_MAX, utf8_count(why)));
		rc = KP_ERR;
	}
	if (rc == KP_OK)
		rc = change(s, year, unit_id, why, name, err);
	free(why);
	free(name);
	return rc;
}

int store_year_close_for(kp_store *s, int year, long long unit_id, char **err)
{
	char *name;
	int rc = check(s, year, unit_id, &name, err);
	if (rc == KP_OK)
		rc = change(s, year, unit_id, NULL, name, err);
	free(name);
	return rc;
}

int year_units_clear(kp_store *s, int year, char **err)
{
	sqlite3_stmt *st = db_prepare(s, "DELETE FROM kp_year_units WHERE year = ?", err);
	if (!st)
		return KP_ERR;
	sqlite3_bind_int(st, 1, year);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
	sqlite3_finalize(st);
	return rc;
}

size_t store_year_units(kp_store *s, int year, kp_year_unit **out)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT y.unit_id, u.name, y.reason, y.opened_by, y.opened_at"
				      " FROM kp_year_units y JOIN units u ON u.id = y.unit_id"
				      " WHERE y.year = ? ORDER BY u.id", NULL);
	size_t n = 0, cap = 0;
	kp_year_unit *u = NULL;
	if (st)
		sqlite3_bind_int(st, 1, year);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap)
			u = xrealloc(u, (cap = cap ? cap * 2 : 4) * sizeof *u);
		u[n].unit_id = sqlite3_column_int64(st, 0);
		u[n].name = db_text(st, 1);
		u[n].reason = db_text(st, 2);
		u[n].by = db_text(st, 3);
		u[n].at = db_text(st, 4);
		n++;
	}
	sqlite3_finalize(st);
	*out = u;
	return n;
}

void year_units_free(kp_year_unit *u, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(u[i].name);
		free(u[i].reason);
		free(u[i].by);
		free(u[i].at);
	}
	free(u);
}

char *store_year_units_text(kp_store *s, int year)
{
	kp_year_unit *u;
	size_t n = store_year_units(s, year, &u);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		sb_printf(&b, "%s%s", i ? "、" : "", u[i].name);
	year_units_free(u, n);
	return n ? sb_take(&b) : NULL;
}
