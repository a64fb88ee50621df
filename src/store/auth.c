/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Accounts, login attempts and the audit trail. Password hashes come in
 * already hashed (domain/auth.c); nothing here sees a password. */
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

static const char *const auth_ddl[] = {
	"CREATE TABLE IF NOT EXISTS kp_users ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" role TEXT NOT NULL CHECK (role IN ('city', 'unit')),"
	" unit_id INTEGER REFERENCES units (id),"
	" hash TEXT NOT NULL,"
	" must_change INTEGER NOT NULL DEFAULT 1,"
	" disabled INTEGER NOT NULL DEFAULT 0,"
	" locked INTEGER NOT NULL DEFAULT 0,"
	" auto_advance INTEGER NOT NULL DEFAULT 1,"
	" created_at TEXT NOT NULL)",
	/* Recent failed logins per name typed (known or not, so an unknown
	 * name is treated exactly like a known one) and per client address. */
	"CREATE TABLE IF NOT EXISTS kp_login_throttle ("
	" scope TEXT NOT NULL CHECK (scope IN ('name', 'addr')),"
	" key TEXT NOT NULL,"
	" failures INTEGER NOT NULL,"
	" last_failed INTEGER NOT NULL,"
	" PRIMARY KEY (scope, key)) WITHOUT ROWID",
	/* Recent failed logins per name typed and address (#27): a name that
	 * fails from many addresses at once is being guessed at by many
	 * machines, which the per-address back-off alone never slows. Rows
	 * older than LOGIN_FORGET are removed as failures come. */
	"CREATE TABLE IF NOT EXISTS kp_login_spread ("
	" name TEXT NOT NULL,"
	" addr TEXT NOT NULL,"
	" failures INTEGER NOT NULL,"
	" last_failed INTEGER NOT NULL,"
	" PRIMARY KEY (name, addr)) WITHOUT ROWID",
	"CREATE INDEX IF NOT EXISTS kp_login_spread_last ON kp_login_spread (last_failed)",
	/* The counts of the old rule, which locked a name after 20 failures:
	 * dropping them ends any lockout guessing caused. */
	"DROP TABLE IF EXISTS kp_login_attempts",
	/* The hash an unknown name is checked against (one row): made once
	 * with the parameters of every real hash, so a login never computes one. */
	"CREATE TABLE IF NOT EXISTS kp_dummy_hash ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" hash TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS kp_audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" user TEXT NOT NULL,"
	" unit_id INTEGER NOT NULL,"
	" form TEXT NOT NULL,"
	" record_id INTEGER NOT NULL,"
	" action TEXT NOT NULL,"
	" changes TEXT NOT NULL)",
	"CREATE INDEX IF NOT EXISTS kp_audit_at ON kp_audit (at)",
	"CREATE INDEX IF NOT EXISTS kp_audit_record ON kp_audit (form, record_id, action, at)",
	/* Written once: no statement of kepu's changes or removes an audit row,
	 * and these make sure no statement can. */
	"CREATE TRIGGER IF NOT EXISTS kp_audit_no_update BEFORE UPDATE ON kp_audit"
	" BEGIN SELECT RAISE(ABORT, 'kp_audit is append-only'); END",
	"CREATE TRIGGER IF NOT EXISTS kp_audit_no_delete BEFORE DELETE ON kp_audit"
	" BEGIN SELECT RAISE(ABORT, 'kp_audit is append-only'); END",
};

int store_ensure_auth(kp_store *s, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	/* Its guards dropped behind kepu's back are put back, and the chain
	 * says so (kepu check reports it). */
	sqlite3_stmt *g = db_prepare(s, "SELECT count(*) FILTER (WHERE name = 'kp_audit'),"
				     " count(*) FILTER (WHERE name IN ('kp_audit_no_update', 'kp_audit_no_delete'))"
				     " FROM sqlite_schema", err);
	bool dropped = g && sqlite3_step(g) == SQLITE_ROW && sqlite3_column_int(g, 0) && sqlite3_column_int(g, 1) < 2;
	sqlite3_finalize(g);
	for (size_t i = 0; i < sizeof auth_ddl / sizeof auth_ddl[0]; i++)
		if (db_exec(s, auth_ddl[i], err) != KP_OK) {
			db_rollback(s);
			return KP_ERR;
		}
	/* kp_users of an older kepu lacks the columns added since. */
	static const char *const added[][3] = {
		{"kp_users", "locked", "ALTER TABLE kp_users ADD COLUMN locked INTEGER NOT NULL DEFAULT 0"},
		{"kp_users", "auto_advance", "ALTER TABLE kp_users ADD COLUMN auto_advance INTEGER NOT NULL DEFAULT 1"},
		/* The audit chain (chain.c). */
		{"kp_audit", "prev", "ALTER TABLE kp_audit ADD COLUMN prev BLOB"},
		{"kp_audit", "seal", "ALTER TABLE kp_audit ADD COLUMN seal BLOB"},
		{"kp_audit", "hash", "ALTER TABLE kp_audit ADD COLUMN hash BLOB"},
	};
	int rc = KP_OK;
	for (size_t i = 0; rc == KP_OK && i < sizeof added / sizeof added[0]; i++) {
		sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", err);
		if (st) {
			sqlite3_bind_text(st, 1, added[i][0], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, added[i][1], -1, SQLITE_STATIC);
		}
		int has = st ? sqlite3_step(st) : SQLITE_ERROR;
		sqlite3_finalize(st);
		if (has != SQLITE_ROW && has != SQLITE_DONE)
			rc = KP_ERR;
		else if (has == SQLITE_DONE)
			rc = db_exec(s, added[i][2], err);
	}
	char *ch[] = {(char *)msg(MSG_AU_GUARD), "", (char *)msg(MSG_AU_RESTORED)};
	if (rc == KP_OK && dropped && db_audit(s, NULL, "kp_audit", 0, 0, "guard_restored", ch, 3) != KP_OK)
		rc = db_fail(s, err);
	return db_end(s, rc, err);
}

char *store_dummy_hash(kp_store *s)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT hash FROM kp_dummy_hash WHERE id = 1", NULL);
	char *h = st && sqlite3_step(st) == SQLITE_ROW ? db_text(st, 0) : NULL;
	sqlite3_finalize(st);
	return h;
}

int store_set_dummy_hash(kp_store *s, const char *hash, char **err)
{
	/* Another process may have stored one first: that one is kept. */
	sqlite3_stmt *st = db_prepare(s, "INSERT INTO kp_dummy_hash (id, hash) VALUES (1, ?)"
					 " ON CONFLICT (id) DO NOTHING", err);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
	sqlite3_finalize(st);
	return rc;
}

/* Run st (in the caller's transaction) and write its audit row: KP_OK,
 * KP_ENOTFOUND when it changed nothing, or KP_ERR. */
static int write_audited(kp_store *s, sqlite3_stmt *st, const char *action, long long unit_id,
			 char *const *changes, size_t n, char **err)
{
	int rc = KP_ERR;
	if (!st)
		return KP_ERR;
	if (sqlite3_step(st) != SQLITE_DONE)
		db_fail(s, err);
	else if (sqlite3_changes(s->db) == 0)
		rc = KP_ENOTFOUND;
	else
		rc = db_audit(s, NULL, "kp_users", 0, unit_id, action, changes, n);
	sqlite3_finalize(st);
	return rc;
}

static void read_user(sqlite3_stmt *st, kp_user *u)
{
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	u->name = db_text(st, 1);
	u->role = strcmp((const char *)sqlite3_column_text(st, 2), "city") ? USER_UNIT : USER_CITY;
	u->unit_id = sqlite3_column_int64(st, 3);
	u->unit_name = db_text(st, 4);
	u->hash = db_text(st, 5);
	u->must_change = sqlite3_column_int(st, 6);
	u->disabled = sqlite3_column_int(st, 7);
	u->locked = sqlite3_column_int(st, 8);
	u->auto_advance = sqlite3_column_int(st, 9);
}

#define USER_COLUMNS "u.id, u.name, u.role, ifnull(u.unit_id, 0), ifnull(n.name, ''), u.hash," \
		     " u.must_change, u.disabled, u.locked, u.auto_advance FROM kp_users u" \
		     " LEFT JOIN units n ON n.id = u.unit_id"

int store_user_get(kp_store *s, const char *name, kp_user *u)
{
	/* Before a login (to check it) any account; then a unit its own. */
	if (s->kind == SESSION_UNIT && strcmp(name, s->actor) != 0)
		return KP_ENOTFOUND;
	sqlite3_stmt *st = db_prepare(s, "SELECT " USER_COLUMNS " WHERE u.name = ?", NULL);
	int rc = KP_ENOTFOUND;
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			read_user(st, u);
			rc = KP_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

size_t store_users(kp_store *s, kp_user **out, char **err)
{
	*out = NULL;
	if (session_need(s, CITY_OR_ADMIN, err) != KP_OK)
		return 0;
	sqlite3_stmt *st = db_prepare(s, "SELECT " USER_COLUMNS " ORDER BY u.role, n.seq, u.name", NULL);
	size_t n = 0, cap = 0;
	kp_user *u = NULL;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap)
			u = xrealloc(u, (cap = cap ? cap * 2 : 16) * sizeof *u);
		read_user(st, &u[n++]);
	}
	sqlite3_finalize(st);
	*out = u;
	return n;
}

void user_free(kp_user *u)
{
	free(u->name);
	free(u->unit_name);
	free(u->hash);
	memset(u, 0, sizeof *u);
}

void users_free(kp_user *u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		user_free(&u[i]);
	free(u);
}

int store_user_add(kp_store *s, const char *name, kp_user_role role, long long unit_id,
		   const char *hash, char **err)
{
	if (session_need(s, CITY_OR_ADMIN, err) != KP_OK || db_begin(s, err) != KP_OK)
		return KP_ERR;
	sqlite3_stmt *st = db_prepare(s,
		"INSERT INTO kp_users (name, role, unit_id, hash, must_change, created_at)"
		" VALUES (?, ?, ?, ?, 1, kp_now()) ON CONFLICT (name) DO NOTHING", err);
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, role == USER_CITY ? "city" : "unit", -1, SQLITE_STATIC);
		if (unit_id)
			sqlite3_bind_int64(st, 3, unit_id);
		else
			sqlite3_bind_null(st, 3);
		sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
	}
	char *what[] = {"name", "", (char *)name, "role", "", role == USER_CITY ? "city" : "unit"};
	int rc = write_audited(s, st, "user_add", unit_id, what, 6, err);
	if (rc == KP_ENOTFOUND) { /* the name is taken */
		db_set_err(err, xasprintf(msg(MSG_A_USER_EXISTS), name));
		rc = KP_ECONFLICT;
	}
	return db_end(s, rc, err);
}

/* UPDATE kp_users … WHERE name = ?, audited as action; with clear, the
 * name's login back-off ends too. */
static int user_update(kp_store *s, const char *name, const char *sql, const char *hash,
		       const char *action, bool clear, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	sqlite3_stmt *st = db_prepare(s, sql, err);
	int p = 1;
	if (st && hash)
		sqlite3_bind_text(st, p++, hash, -1, SQLITE_STATIC);
	if (st)
		sqlite3_bind_text(st, p, name, -1, SQLITE_STATIC);
	char *what[] = {"name", "", (char *)name};
	int rc = write_audited(s, st, action, s->actor_unit, what, 3, err);
	if (rc == KP_ENOTFOUND)
		db_set_err(err, xasprintf(msg(MSG_A_NO_USER), name));
	if (rc == KP_OK && clear) {
		sqlite3_stmt *del = db_prepare(s, "DELETE FROM kp_login_throttle WHERE scope = 'name'"
						  " AND key = ?", err);
		if (del)
			sqlite3_bind_text(del, 1, name, -1, SQLITE_STATIC);
		rc = del && sqlite3_step(del) == SQLITE_DONE ? KP_OK : KP_ERR;
		sqlite3_finalize(del);
	}
	return db_end(s, rc, err);
}

int store_user_set_hash(kp_store *s, const char *name, const char *hash, bool initial, char **err)
{
	/* Anyone signed in chooses their own password; a reset is the city's. */
	bool own = s->kind != SESSION_NONE && !initial && !strcmp(name, s->actor);
	if (!own && session_need(s, CITY_OR_ADMIN, err) != KP_OK)
		return KP_ERR;
	return user_update(s, name,
			   initial ? "UPDATE kp_users SET hash = ?, must_change = 1 WHERE name = ?"
				   : "UPDATE kp_users SET hash = ?, must_change = 0 WHERE name = ?",
			   hash, initial ? "password_reset" : "password_change", true, err);
}

int store_user_disable(kp_store *s, const char *name, char **err)
{
	if (session_need(s, CITY_OR_ADMIN, err) != KP_OK)
		return KP_ERR;
	return user_update(s, name, "UPDATE kp_users SET disabled = 1 WHERE name = ?", NULL,
			   "user_disable", false, err);
}

int store_user_set_auto_advance(kp_store *s, const char *name, bool on, char **err)
{
	/* A way of typing: each account its own (the city may set anyone's). */
	bool own = s->kind != SESSION_NONE && !strcmp(name, s->actor);
	if (!own && session_need(s, CITY_OR_ADMIN, err) != KP_OK)
		return KP_ERR;
	return user_update(s, name,
			   on ? "UPDATE kp_users SET auto_advance = 1 WHERE name = ?"
			      : "UPDATE kp_users SET auto_advance = 0 WHERE name = ?",
			   NULL, on ? "auto_advance_on" : "auto_advance_off", false, err);
}

int store_user_set_locked(kp_store *s, const char *name, bool locked, char **err)
{
	if (session_need(s, CITY_OR_ADMIN, err) != KP_OK)
		return KP_ERR;
	return user_update(s, name,
			   locked ? "UPDATE kp_users SET locked = 1 WHERE name = ?"
				  : "UPDATE kp_users SET locked = 0 WHERE name = ?",
			   NULL, locked ? "user_lock" : "user_unlock", !locked, err);
}

void store_attempts(kp_store *s, bool by_addr, const char *key, int *failures, long long *last_failed)
{
	*failures = 0;
	*last_failed = 0;
	/* Before a login, to decide it; then the city's, or a unit's own name. */
	if (s->kind == SESSION_UNIT && (by_addr || strcmp(key, s->actor)))
		return;
	sqlite3_stmt *st = db_prepare(s, "SELECT failures, last_failed FROM kp_login_throttle"
					 " WHERE scope = ? AND key = ?", NULL);
	if (st) {
		sqlite3_bind_text(st, 1, by_addr ? "addr" : "name", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*failures = sqlite3_column_int(st, 0);
			*last_failed = sqlite3_column_int64(st, 1);
		}
	}
	sqlite3_finalize(st);
}

/* One more failure under (scope, key) at now; a count whose last failure
 * is before forget_before starts again at one. */
static int count_failure(kp_store *s, const char *scope, const char *key, long long now,
			 long long forget_before)
{
	sqlite3_stmt *st = db_prepare(s,
		"INSERT INTO kp_login_throttle (scope, key, failures, last_failed) VALUES (?1, ?2, 1, ?3)"
		" ON CONFLICT (scope, key) DO UPDATE SET last_failed = ?3,"
		" failures = CASE WHEN last_failed < ?4 THEN 1 ELSE failures + 1 END", NULL);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, forget_before);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
	sqlite3_finalize(st);
	return rc;
}

/* The failure under (name, addr) in kp_login_spread, and the rows too old
 * to matter gone, so the table holds 15 minutes of failures at most. */
static int spread_failure(kp_store *s, const kp_login_try *t)
{
	sqlite3_stmt *st = db_prepare(s,
		"INSERT INTO kp_login_spread (name, addr, failures, last_failed) VALUES (?1, ?2, 1, ?3)"
		" ON CONFLICT (name, addr) DO UPDATE SET last_failed = ?3,"
		" failures = CASE WHEN last_failed < ?4 THEN 1 ELSE failures + 1 END", NULL);
	sqlite3_stmt *old = db_prepare(s, "DELETE FROM kp_login_spread WHERE last_failed < ?", NULL);
	int rc = KP_ERR;
	if (st && old) {
		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, t->addr, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, t->now);
		sqlite3_bind_int64(st, 4, t->forget_before);
		sqlite3_bind_int64(old, 1, t->forget_before);
		rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_step(old) == SQLITE_DONE ? KP_OK : KP_ERR;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(old);
	return rc;
}

void store_login_spread(kp_store *s, const char *name, long long since, int *addrs, int *failures)
{
	*addrs = *failures = 0;
	if (s->kind == SESSION_UNIT && strcmp(name, s->actor))
		return;
	sqlite3_stmt *st = db_prepare(s, "SELECT count(*), ifnull(sum(failures), 0) FROM kp_login_spread"
					 " WHERE name = ?1 AND last_failed >= ?2", NULL);
	if (st) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, since);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*addrs = sqlite3_column_int(st, 0);
			*failures = sqlite3_column_int(st, 1);
		}
	}
	sqlite3_finalize(st);
}

size_t store_login_attacks(kp_store *s, long long since, int min_addrs, kp_attack *out, size_t max)
{
	if (session_need(s, CITY_OR_ADMIN, NULL) != KP_OK)
		return 0;
	sqlite3_stmt *st = db_prepare(s, "SELECT name, count(*), sum(failures), max(last_failed) FROM kp_login_spread"
					 " WHERE last_failed >= ?1 GROUP BY name HAVING count(*) >= ?2"
					 " ORDER BY count(*) DESC, name LIMIT ?3", NULL);
	size_t n = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, since);
		sqlite3_bind_int(st, 2, min_addrs);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
		while (n < max && sqlite3_step(st) == SQLITE_ROW) {
			out[n].name = db_text(st, 0);
			out[n].addrs = sqlite3_column_int(st, 1);
			out[n].failures = sqlite3_column_int(st, 2);
			out[n].last_failed = sqlite3_column_int64(st, 3);
			n++;
		}
	}
	sqlite3_finalize(st);
	return n;
}

void attacks_free(kp_attack *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].name);
}

int store_login_result(kp_store *s, const kp_login_try *t, bool ok, long long unit_id, const char *why)
{
	/* A success ends a name's back-off: only the login itself may say so. */
	if (ok && s->kind != SESSION_NONE && s->kind != SESSION_ADMIN)
		return KP_ERR;
	if (db_begin(s, NULL) != KP_OK)
		return KP_ERR;
	int rc = KP_ERR;
	if (ok) { /* the name's own count ends; the address's is left to age, so
		   * signing in to one's own account never buys more guesses */
		sqlite3_stmt *st = db_prepare(s, "DELETE FROM kp_login_throttle WHERE scope = 'name'"
						 " AND key = ?", NULL);
		if (st) {
			sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
		}
		sqlite3_finalize(st);
	} else {
		rc = count_failure(s, "name", t->name, t->now, t->forget_before);
		if (rc == KP_OK)
			rc = count_failure(s, "addr", t->addr, t->now, t->forget_before);
		if (rc == KP_OK)
			rc = spread_failure(s, t);
	}
	if (rc == KP_OK) {
		/* A name no account has is anyone's text (up to a name's length):
		 * it never stands in the user column the city reads as "who did
		 * it", only as quoted data under typed_name. */
		bool unknown = why && !strcmp(why, "unknown");
		char *typed = unknown ? xasprintf("「%s」", t->name) : NULL;
		char *what[] = {unknown ? "typed_name" : "name", "", unknown ? typed : (char *)t->name,
				"address", "", (char *)t->addr, "reason", "", (char *)(why ? why : "")};
		rc = db_audit(s, unknown ? msg(MSG_AU_UNKNOWN_ACCOUNT) : t->name, "kp_users", 0, unit_id,
			      ok ? "login" : t->confirm ? "password_failed" : "login_failed", what, why ? 9 : 6);
		free(typed);
	}
	return db_end(s, rc, NULL);
}

static void audit_rows_free_one(kp_audit_row *a)
{
	free(a->at);
	free(a->user);
	free(a->unit_name);
	free(a->form);
	free(a->action);
	free(a->changes);
}

/* The words of a typed filter, split at ASCII and 全角 blanks; returns how
 * many (at most AUDIT_WORDS), each a copy in w[]. */
static size_t split_words(const char *text, char *w[AUDIT_WORDS])
{
	size_t n = 0;
	const char *p = text ? text : "";
	while (*p && n < AUDIT_WORDS) {
		size_t k;
		while ((k = *p == ' ' ? 1 : !strncmp(p, "\xE3\x80\x80", 3) ? 3 : 0) != 0)
			p += k;
		const char *start = p;
		while (*p && *p != ' ' && strncmp(p, "\xE3\x80\x80", 3))
			p++;
		if (p > start)
			w[n++] = xstrndup(start, (size_t)(p - start));
	}
	return n;
}

/* The audit rows matching q; ?4 is the paging bound. A form is matched by
 * its table or its title, from a list of the catalogue's titles bound as
 * values (the trail names tables only). */
static sqlite3_stmt *audit_select(kp_store *s, const kp_audit_query *q, bool newest_first,
				  long long before_id, long long limit)
{
	char *w[AUDIT_WORDS];
	size_t nw = split_words(q->text, w);
	strbuf sql = STRBUF_INIT;
	sb_adds(&sql, "WITH titles(tbl, title) AS (VALUES ('', '')");
	for (size_t i = 0; i < q->nforms; i++) /* numbered after the fixed ones */
		sb_printf(&sql, ", (?%zu, ?%zu)", 8 + AUDIT_WORDS + 2 * i, 9 + AUDIT_WORDS + 2 * i);
	sb_adds(&sql, ") SELECT a.id, a.at, a.user, a.unit_id, ifnull(u.name, ''), a.form, a.record_id,"
		" a.action, a.changes FROM kp_audit a LEFT JOIN units u ON u.id = a.unit_id"
		" WHERE (?1 IS NULL OR a.at >= ?1) AND (?2 IS NULL OR a.user = ?2)"
		" AND (?3 IS NULL OR u.name = ?3)"
		" AND (?6 IS NULL OR a.form = ?6 OR EXISTS (SELECT 1 FROM titles t"
		"  WHERE t.tbl = a.form AND t.title <> '' AND instr(t.title, ?6)))"
		" AND (?7 IS NULL OR instr(a.changes, ?7))");
	for (size_t i = 0; i < nw; i++)
		sb_printf(&sql, " AND (instr(a.user, ?%zu) OR instr(ifnull(u.name, ''), ?%zu)"
			  " OR instr(a.form, ?%zu) OR (NOT ?%zu GLOB '*[^0-9]*' AND a.record_id = CAST(?%zu AS INTEGER))"
			  " OR a.at LIKE ?%zu || '%%' OR instr(a.changes, ?%zu) OR EXISTS (SELECT 1 FROM titles t"
			  "  WHERE t.tbl = a.form AND t.title <> '' AND instr(t.title, ?%zu)))",
			  8 + i, 8 + i, 8 + i, 8 + i, 8 + i, 8 + i, 8 + i, 8 + i);
	sb_printf(&sql, " AND (?4 = 0 OR a.id < ?4) ORDER BY a.id %s LIMIT ?5",
		  newest_first ? "DESC" : "ASC");
	sqlite3_stmt *st = db_prepare(s, sb_str(&sql), NULL);
	sb_free(&sql);
	if (st) {
		if (q->since)
			sqlite3_bind_text(st, 1, q->since, -1, SQLITE_STATIC);
		if (q->user)
			sqlite3_bind_text(st, 2, q->user, -1, SQLITE_STATIC);
		if (q->unit)
			sqlite3_bind_text(st, 3, q->unit, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, before_id);
		sqlite3_bind_int64(st, 5, limit);
		if (q->form && q->form[0])
			sqlite3_bind_text(st, 6, q->form, -1, SQLITE_STATIC);
		if (q->words && q->words[0])
			sqlite3_bind_text(st, 7, q->words, -1, SQLITE_STATIC);
		for (size_t i = 0; i < nw; i++)
			sqlite3_bind_text(st, 8 + (int)i, w[i], -1, SQLITE_TRANSIENT);
		int k = 8 + AUDIT_WORDS;
		for (size_t i = 0; i < q->nforms; i++) {
			sqlite3_bind_text(st, k++, q->forms[i]->table, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, k++, q->forms[i]->title, -1, SQLITE_STATIC);
		}
	}
	for (size_t i = 0; i < nw; i++)
		free(w[i]);
	return st;
}

static void read_audit(sqlite3_stmt *st, kp_audit_row *a)
{
	a->id = sqlite3_column_int64(st, 0);
	a->at = db_text(st, 1);
	a->user = db_text(st, 2);
	a->unit_id = sqlite3_column_int64(st, 3);
	a->unit_name = db_text(st, 4);
	a->form = db_text(st, 5);
	a->record_id = sqlite3_column_int64(st, 6);
	a->action = db_text(st, 7);
	a->changes = db_text(st, 8);
}

int store_audit_each(kp_store *s, const kp_audit_query *q,
		     int (*fn)(const kp_audit_row *a, void *ctx), void *ctx)
{
	if (session_need(s, CITY_OR_ADMIN, NULL) != KP_OK)
		return KP_ERR;
	sqlite3_stmt *st = audit_select(s, q, false, 0, -1);
	if (!st)
		return KP_ERR;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kp_audit_row a;
		read_audit(st, &a);
		int stop = fn(&a, ctx);
		audit_rows_free_one(&a);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KP_OK : KP_ERR;
}

size_t store_audit_page(kp_store *s, const kp_audit_query *q, long long before_id, size_t limit,
			kp_audit_row **out, char **err)
{
	sqlite3_stmt *st = session_need(s, CITY_OR_ADMIN, err) == KP_OK
		? audit_select(s, q, true, before_id, (long long)limit) : NULL;
	kp_audit_row *a = xcalloc(limit ? limit : 1, sizeof *a);
	size_t n = 0;
	while (st && n < limit && sqlite3_step(st) == SQLITE_ROW)
		read_audit(st, &a[n++]);
	sqlite3_finalize(st);
	*out = a;
	return n;
}

void audit_rows_free(kp_audit_row *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		audit_rows_free_one(&a[i]);
	free(a);
}
