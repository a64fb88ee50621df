/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Drafts: what a user was typing into a form, kept until it is saved, so a
 * dropped SSH link or a killed session loses nothing. Each sitting of a
 * form writes its own draft (its own id): offices share an account, and a
 * second session typing a new record must never replace the first's. */
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/msg.h"
#include "core/proc.h"
#include "core/xalloc.h"
#include "store/db.h"

static const char drafts_ddl[] =
	"CREATE TABLE IF NOT EXISTS kp_drafts ("
	" id INTEGER PRIMARY KEY,"        /* one sitting's draft */
	" owner TEXT NOT NULL,"
	" form TEXT NOT NULL,"
	" record_id INTEGER NOT NULL," /* 0 for a new record */
	" unit_id INTEGER NOT NULL,"
	" base_version INTEGER NOT NULL,"
	" data TEXT NOT NULL,"          /* JSON [id, value, id, value, …] */
	" created_at TEXT NOT NULL,"    /* when its typing began */
	" updated_at TEXT NOT NULL,"
	" year INTEGER,"                /* the programme year it is typed in (NULL: before schema 6) */
	" held_by TEXT)";               /* the process of the sitting typing it (proc_self) */

/* Schema 3 kept one draft per (owner, form, record): each becomes a draft
 * of its own, begun when it was last written. */
static const char *const drafts_v4[] = {
	"ALTER TABLE kp_drafts RENAME TO kp_drafts_v3",
	drafts_ddl,
	"INSERT INTO kp_drafts (owner, form, record_id, unit_id, base_version, data, created_at,"
	" updated_at) SELECT owner, form, record_id, unit_id, base_version, data, updated_at,"
	" updated_at FROM kp_drafts_v3 ORDER BY updated_at",
	"DROP TABLE kp_drafts_v3",
};

int store_ensure_drafts(kp_store *s, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	int rc = KP_OK;
	if (db_has_column(s, "kp_drafts", "owner") && !db_has_column(s, "kp_drafts", "id"))
		for (size_t i = 0; rc == KP_OK && i < sizeof drafts_v4 / sizeof *drafts_v4; i++)
			rc = db_exec(s, drafts_v4[i], err);
	else
		rc = db_exec(s, drafts_ddl, err);
	/* schema 6: a draft's year and its sitting; older drafts have neither
	 * (offered as before) */
	if (rc == KP_OK && !db_has_column(s, "kp_drafts", "held_by") &&
	    (rc = db_exec(s, "ALTER TABLE kp_drafts ADD COLUMN year INTEGER", err)) == KP_OK)
		rc = db_exec(s, "ALTER TABLE kp_drafts ADD COLUMN held_by TEXT", err);
	if (rc == KP_OK)
		rc = db_exec(s, "CREATE INDEX IF NOT EXISTS kp_drafts_owner ON kp_drafts (owner, form, record_id)",
			     err);
	return db_end(s, rc, err);
}

/* A draft is its owner's alone (the administrator's tools aside). */
static bool owner_ok(const kp_store *s, const char *owner)
{
	return s->kind == SESSION_ADMIN || (s->kind != SESSION_NONE && !strcmp(owner, s->actor));
}

void draft_free(kp_draft *d)
{
	json_array_free(d->pairs, d->npairs * 2);
	free(d->form);
	free(d->created_at);
	free(d->updated_at);
	memset(d, 0, sizeof *d);
}

void drafts_free(kp_draft *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		draft_free(&d[i]);
	free(d);
}

int store_draft_save(kp_store *s, const char *owner, const char *form, kp_draft *d, char **err)
{
	if (!owner_ok(s, owner)) {
		db_set_err(err, xstrdup(msg(MSG_SS_DRAFT_OWNER)));
		return KP_ERR;
	}
	/* Typed while the city closed the year: kept for its reopening */
	int year = d->year ? d->year : s->year;
	if (session_may_draft_year(s, year, err) != KP_OK)
		return KP_ERR;
	/* The sitting typing it: a colleague signing in on the same account
	 * is not offered it while this process runs (proc.h). */
	char self[320];
	proc_self(self, sizeof self);
	char *data = json_array_encode(d->pairs, d->npairs * 2);
	if (db_begin(s, err) != KP_OK) {
		free(data);
		return KP_ERR;
	}
	/* A draft deleted meanwhile (taken over by another session) is
	 * written again: its sitting is still typing it. */
	sqlite3_stmt *st = db_prepare(s,
		"INSERT INTO kp_drafts (id, owner, form, record_id, unit_id, base_version, data,"
		" created_at, updated_at, year, held_by)"
		" VALUES (nullif(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, kp_now(), kp_now(), ?8, ?9)"
		" ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id,"
		" base_version = excluded.base_version, data = excluded.data,"
		" updated_at = excluded.updated_at, year = excluded.year, held_by = excluded.held_by WHERE kp_drafts.owner = excluded.owner AND kp_drafts.form = excluded.form",
		err);
	int rc = KP_ERR;
	if (st) {
		sqlite3_bind_int64(st, 1, d->id);
		sqlite3_bind_text(st, 2, owner, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, form, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, d->record_id);
		sqlite3_bind_int64(st, 5, d->unit_id);
		sqlite3_bind_int(st, 6, d->base_version);
		sqlite3_bind_text(st, 7, data, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 8, year);
		sqlite3_bind_text(st, 9, self, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
		if (rc == KP_OK && sqlite3_changes(s->db) != 1) { /* the id is another's draft */
			db_set_err(err, xstrdup(msg(MSG_SS_DRAFT_OWNER)));
			rc = KP_ERR;
		}
	}
	sqlite3_finalize(st);
	free(data);
	if (rc == KP_OK && !d->id)
		d->id = sqlite3_last_insert_rowid(s->db);
	return db_end(s, rc, err);
}

static const char draft_cols[] =
	"SELECT id, form, record_id, unit_id, base_version, data, created_at, updated_at,"
	" ifnull(year, 0), held_by FROM kp_drafts";

/* The draft of st's row into d: KP_OK, or KP_ERR for data not understood. */
static int read_row(sqlite3_stmt *st, kp_draft *d)
{
	memset(d, 0, sizeof *d);
	char **items;
	size_t n;
	const char *data = (const char *)sqlite3_column_text(st, 5);
	if (!data || json_array_decode(data, &items, &n) != 0)
		return KP_ERR;
	if (n % 2) {
		json_array_free(items, n);
		return KP_ERR;
	}
	d->id = sqlite3_column_int64(st, 0);
	d->form = db_text(st, 1);
	d->record_id = sqlite3_column_int64(st, 2);
	d->unit_id = sqlite3_column_int64(st, 3);
	d->base_version = sqlite3_column_int(st, 4);
	d->pairs = items;
	d->npairs = n / 2;
	d->created_at = db_text(st, 6);
	d->updated_at = db_text(st, 7);
	d->year = sqlite3_column_int(st, 8);
	d->held = proc_other_alive((const char *)sqlite3_column_text(st, 9));
	return KP_OK;
}

/* The first draft st answers (its parameters bound), or KP_ENOTFOUND. */
static int read_one(sqlite3_stmt *st, kp_draft *d)
{
	int rc = KP_ENOTFOUND;
	while (rc == KP_ENOTFOUND && sqlite3_step(st) == SQLITE_ROW)
		if (read_row(st, d) == KP_OK)
			rc = KP_OK;
	sqlite3_finalize(st);
	return rc;
}

int store_draft_load(kp_store *s, const char *owner, const char *form, long long record_id,
		     kp_draft *d)
{
	memset(d, 0, sizeof *d);
	if (!owner_ok(s, owner))
		return KP_ENOTFOUND;
	char *sql = xasprintf("%s WHERE owner = ? AND form = ? AND record_id = ?"
			      " ORDER BY updated_at DESC, id DESC", draft_cols);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, record_id);
	return read_one(st, d);
}

int store_draft_get(kp_store *s, const char *owner, long long id, kp_draft *d)
{
	memset(d, 0, sizeof *d);
	if (!owner_ok(s, owner))
		return KP_ENOTFOUND;
	char *sql = xasprintf("%s WHERE owner = ? AND id = ?", draft_cols);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	return read_one(st, d);
}

size_t store_drafts_of(kp_store *s, const char *owner, size_t max, kp_draft **out)
{
	*out = NULL;
	if (!owner_ok(s, owner))
		return 0;
	char *sql = xasprintf("%s WHERE owner = ? ORDER BY updated_at DESC, id DESC LIMIT ?", draft_cols);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	size_t n = 0;
	kp_draft *d = max ? xcalloc(max, sizeof *d) : NULL;
	if (st) {
		sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (long long)max);
	}
	while (st && n < max && sqlite3_step(st) == SQLITE_ROW)
		if (read_row(st, &d[n]) == KP_OK)
			n++;
	sqlite3_finalize(st);
	if (!n) {
		free(d);
		d = NULL;
	}
	*out = d;
	return n;
}

int store_draft_delete(kp_store *s, const char *owner, long long id)
{
	if (!owner_ok(s, owner) || db_begin(s, NULL) != KP_OK)
		return KP_ERR;
	sqlite3_stmt *st = db_prepare(s, "DELETE FROM kp_drafts WHERE owner = ? AND id = ?", NULL);
	int rc = KP_ERR;
	if (st) {
		sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
	}
	sqlite3_finalize(st);
	return db_end(s, rc, NULL);
}
