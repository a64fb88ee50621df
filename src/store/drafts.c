/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Drafts: what a user was typing into a form, kept until it is saved, so a
 * dropped SSH link or a killed session loses nothing. */
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "store/db.h"

static const char drafts_ddl[] =
	"CREATE TABLE IF NOT EXISTS kp_drafts ("
	" owner TEXT NOT NULL,"
	" form TEXT NOT NULL,"
	" record_id INTEGER NOT NULL," /* 0 for a new record */
	" unit_id INTEGER NOT NULL,"
	" base_version INTEGER NOT NULL,"
	" data TEXT NOT NULL,"          /* JSON [id, value, id, value, …] */
	" updated_at TEXT NOT NULL,"
	" PRIMARY KEY (owner, form, record_id))";

int store_ensure_drafts(kp_store *s, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	if (db_exec(s, drafts_ddl, err) != KP_OK) {
		db_rollback(s);
		return KP_ERR;
	}
	return db_commit(s, err);
}

/* A draft is its owner's alone (the administrator's tools aside). */
static bool owner_ok(const kp_store *s, const char *owner)
{
	return s->kind == SESSION_ADMIN || (s->kind != SESSION_NONE && !strcmp(owner, s->actor));
}

void draft_free(kp_draft *d)
{
	json_array_free(d->pairs, d->npairs * 2);
	free(d->updated_at);
	memset(d, 0, sizeof *d);
}

int store_draft_save(kp_store *s, const char *owner, const char *form, const kp_draft *d,
		     char **err)
{
	if (!owner_ok(s, owner)) {
		db_set_err(err, xstrdup(msg(MSG_SS_DRAFT_OWNER)));
		return KP_ERR;
	}
	char *data = json_array_encode(d->pairs, d->npairs * 2);
	if (db_begin(s, err) != KP_OK) {
		free(data);
		return KP_ERR;
	}
	sqlite3_stmt *st = db_prepare(s,
		"INSERT INTO kp_drafts (owner, form, record_id, unit_id, base_version, data, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, kp_now())"
		" ON CONFLICT (owner, form, record_id) DO UPDATE SET unit_id = excluded.unit_id,"
		" base_version = excluded.base_version, data = excluded.data,"
		" updated_at = excluded.updated_at", err);
	int rc = KP_ERR;
	if (st) {
		sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, d->record_id);
		sqlite3_bind_int64(st, 4, d->unit_id);
		sqlite3_bind_int(st, 5, d->base_version);
		sqlite3_bind_text(st, 6, data, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
	}
	sqlite3_finalize(st);
	free(data);
	return db_end(s, rc, err);
}

int store_draft_load(kp_store *s, const char *owner, const char *form, long long record_id,
		     kp_draft *d)
{
	memset(d, 0, sizeof *d);
	if (!owner_ok(s, owner))
		return KP_ENOTFOUND;
	sqlite3_stmt *st = db_prepare(s,
		"SELECT unit_id, base_version, data, updated_at FROM kp_drafts"
		" WHERE owner = ? AND form = ? AND record_id = ?", NULL);
	int rc = KP_ENOTFOUND;
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, record_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char **items;
		size_t n;
		const char *data = (const char *)sqlite3_column_text(st, 2);
		if (data && json_array_decode(data, &items, &n) == 0 && n % 2 == 0) {
			d->record_id = record_id;
			d->unit_id = sqlite3_column_int64(st, 0);
			d->base_version = sqlite3_column_int(st, 1);
			d->pairs = items;
			d->npairs = n / 2;
			d->updated_at = db_text(st, 3);
			rc = KP_OK;
		} else if (data && json_array_decode(data, &items, &n) == 0) {
			json_array_free(items, n);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

int store_draft_delete(kp_store *s, const char *owner, const char *form, long long record_id)
{
	if (!owner_ok(s, owner) || db_begin(s, NULL) != KP_OK)
		return KP_ERR;
	sqlite3_stmt *st = db_prepare(s,
		"DELETE FROM kp_drafts WHERE owner = ? AND form = ? AND record_id = ?", NULL);
	int rc = KP_ERR;
	if (st) {
		sqlite3_bind_text(st, 1, owner, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, record_id);
		rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
	}
	sqlite3_finalize(st);
	return db_end(s, rc, NULL);
}
