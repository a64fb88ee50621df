/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The audit chain (#27): every audit row carries the hash of the row
 * before it (prev), of its own content and of the seals of the records it
 * wrote (seal.c), so a row removed, changed or moved, and a record changed
 * behind kepu's back, show in kepu check. kp_chain holds the newest hash:
 * rows cut off the end show too. Rows are appended in the writer's
 * transaction, so two sessions never fork the chain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/json.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

static void put_text(crypto_generichash_state *h, const char *t)
{
	crypto_generichash_update(h, (const unsigned char *)(t ? t : ""), strlen(t ? t : "") + 1);
}

static void put_int(crypto_generichash_state *h, long long v)
{
	unsigned char b[8];
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)((unsigned long long)v >> (8 * i));
	crypto_generichash_update(h, b, sizeof b);
}

typedef struct {
	long long id, unit_id, record_id;
	const char *at, *user, *form, *action, *changes;
	const unsigned char *prev, *seal; /* seal NULL: the row wrote no record */
} chain_row;

static void row_hash(const chain_row *r, unsigned char out[CHAIN_HASH])
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, CHAIN_HASH);
	crypto_generichash_update(&h, r->prev, CHAIN_HASH);
	put_int(&h, r->id);
	put_text(&h, r->at);
	put_text(&h, r->user);
	put_int(&h, r->unit_id);
	put_text(&h, r->form);
	put_int(&h, r->record_id);
	put_text(&h, r->action);
	put_text(&h, r->changes);
	const unsigned char has = r->seal != NULL;
	crypto_generichash_update(&h, &has, 1);
	if (r->seal)
		crypto_generichash_update(&h, r->seal, CHAIN_HASH);
	crypto_generichash_final(&h, out, CHAIN_HASH);
}

/* The head (the newest row's id and hash; zeros before the first) and
 * the id the next row gets. */
static int head(kp_store *s, long long *head_id, unsigned char hash[CHAIN_HASH], long long *next)
{
	if (!s->head_st)
		s->head_st = db_prepare(s, "SELECT (SELECT audit_id FROM kp_chain WHERE id = 1),"
					   " (SELECT hash FROM kp_chain WHERE id = 1), (SELECT max(id) FROM kp_audit)", NULL);
	sqlite3_stmt *st = s->head_st;
	if (!st)
		return KP_ERR;
	sqlite3_reset(st);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return KP_ERR;
	}
	*head_id = sqlite3_column_int64(st, 0);
	memset(hash, 0, CHAIN_HASH);
	if (sqlite3_column_bytes(st, 1) == CHAIN_HASH)
		memcpy(hash, sqlite3_column_blob(st, 1), CHAIN_HASH);
	long long max = sqlite3_column_int64(st, 2);
	*next = (max > *head_id ? max : *head_id) + 1;
	sqlite3_reset(st);
	return KP_OK;
}

static bool chain_exists(kp_store *s)
{
	if (s->chain_on)
		return true;
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM sqlite_schema WHERE name = 'kp_chain'", NULL);
	s->chain_on = st && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return s->chain_on;
}

/* Insert r as the row after the head (id next_id), and move the head; a
 * row before the chain began (a new file's first seeding, chained is
 * false) gets the next rowid and no hashes. */
static int append(kp_store *s, chain_row *r, long long next_id, bool chained)
{
	if (!s->audit_st)
		s->audit_st = db_prepare(s,
			"INSERT INTO kp_audit (id, at, user, unit_id, form, record_id, action, changes, prev, seal, hash)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL);
	if (!s->head_set && chained)
		s->head_set = db_prepare(s, "INSERT INTO kp_chain (id, audit_id, hash, at) VALUES (1, ?1, ?2, ?3)"
					    " ON CONFLICT (id) DO UPDATE SET audit_id = ?1, hash = ?2, at = ?3", NULL);
	sqlite3_stmt *st = s->audit_st, *hs = s->head_set;
	if (!st || (chained && !hs))
		return KP_ERR;
	unsigned char hash[CHAIN_HASH];
	r->id = next_id;
	row_hash(r, hash);
	sqlite3_reset(st);
	if (chained) {
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_blob(st, 9, r->prev, CHAIN_HASH, SQLITE_STATIC);
		if (r->seal)
			sqlite3_bind_blob(st, 10, r->seal, CHAIN_HASH, SQLITE_STATIC);
		sqlite3_bind_blob(st, 11, hash, CHAIN_HASH, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 2, r->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->user, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, r->unit_id);
	sqlite3_bind_text(st, 5, r->form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, r->record_id);
	sqlite3_bind_text(st, 7, r->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, r->changes, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
	sqlite3_clear_bindings(st);
	sqlite3_reset(st);
	if (rc == KP_OK && chained) {
		sqlite3_reset(hs);
		sqlite3_bind_int64(hs, 1, r->id);
		sqlite3_bind_blob(hs, 2, hash, CHAIN_HASH, SQLITE_STATIC);
		sqlite3_bind_text(hs, 3, r->at, -1, SQLITE_STATIC);
		rc = sqlite3_step(hs) == SQLITE_DONE ? KP_OK : KP_ERR;
		sqlite3_reset(hs);
	}
	return rc;
}

/* Hash the seals q (?1 id, ?2 form) reads into h. */
static int feed(sqlite3_stmt *q, long long id, const char *form, crypto_generichash_state *h)
{
	sqlite3_reset(q);
	sqlite3_bind_int64(q, 1, id);
	if (form)
		sqlite3_bind_text(q, 2, form, -1, SQLITE_STATIC);
	int step;
	while ((step = sqlite3_step(q)) == SQLITE_ROW)
		crypto_generichash_update(h, sqlite3_column_blob(q, 0), (size_t)sqlite3_column_bytes(q, 0));
	sqlite3_reset(q);
	return step == SQLITE_DONE ? KP_OK : KP_ERR;
}

#define ATTACHMENT_SEALS "SELECT kp_seal FROM kp_attachments WHERE tbl = ?2 AND record_id = ?1 ORDER BY id"

int db_audit(kp_store *s, const char *user, const char *form, long long record_id,
	     long long unit_id, const char *action, char *const *changes, size_t nchanges)
{
	/* An action missing from the one table of labels (audit_actions.c)
	 * would show as its raw code: refused, so any test of its path fails. */
	if (!store_audit_label(action))
		return KP_ERR;
	char now[20];
	clock_now(now);
	/* The referee's write into a closed year (session_write_year): its row
	 * says so, the year and as whom, so the city reading the audit sees it. */
	char **with = NULL, *note = NULL;
	if (s->closed_pending) {
		note = xasprintf(msg(MSG_AU_CLOSED_YEAR_AS), s->closed_pending,
				 msg(s->kind == SESSION_ADMIN ? MSG_AU_AS_ADMIN : MSG_P_OWNER_CITY));
		with = xcalloc(nchanges + 3, sizeof *with);
		memcpy(with, changes, nchanges * sizeof *with);
		with[nchanges] = (char *)msg(MSG_AU_CLOSED_YEAR);
		with[nchanges + 1] = "";
		with[nchanges + 2] = note;
		changes = with;
		nchanges += 3;
		s->closed_written = s->closed_pending;
		s->closed_pending = 0;
	}
	char *json = json_array_encode(changes, nchanges);
	free(with);
	free(note);
	chain_row r = {.at = now, .user = user ? user : s->actor ? s->actor : "", .form = form,
		       .record_id = record_id, .unit_id = unit_id, .action = action, .changes = json};
	int rc = KP_OK;
	unsigned char seal[CHAIN_HASH], prev[CHAIN_HASH];
	/* One record written: its row and its attachments, as they are now
	 * (none after a delete), unless the writer sealed a batch itself. A
	 * batch being sealed (an import's) goes on after this row. */
	if (s->pending) {
		memcpy(seal, s->pending_seal, CHAIN_HASH);
		s->pending = false;
		r.seal = seal;
	} else if (seal_is_record(form) && record_id > 0 && chain_exists(s)) {
		crypto_generichash_state h, *batch = s->acc;
		seal_begin(s, &h);
		rc = seal_rows(s, form, "id = ?1", record_id, NULL);
		/* Attachments never change: only a new one is sealed (its bytes
		 * are read once), the others' seals are taken as they are. */
		s->acc = NULL;
		if (!s->att_seals)
			s->att_seals = db_prepare(s, ATTACHMENT_SEALS, NULL);
		if (rc != KP_OK || !s->att_seals ||
		    seal_rows(s, "kp_attachments", "tbl = ?2 AND record_id = ?1 AND kp_seal IS NULL", record_id,
			      form) != KP_OK || feed(s->att_seals, record_id, form, &h) != KP_OK)
			rc = KP_ERR;
		crypto_generichash_final(&h, seal, CHAIN_HASH);
		s->acc = batch;
		r.seal = seal;
	}
	r.prev = prev;
	/* A login's row may come outside a transaction: the head is read and
	 * moved in one, so no other writer slips between. */
	bool own = rc == KP_OK && chain_exists(s) && sqlite3_get_autocommit(s->db);
	if (own && db_begin(s, NULL) != KP_OK)
		rc = KP_ERR;
	long long head_id, next = 0;
	memset(prev, 0, sizeof prev);
	bool chained = chain_exists(s);
	if (rc == KP_OK && (!chained || (rc = head(s, &head_id, prev, &next)) == KP_OK))
		rc = append(s, &r, next, chained);
	if (own)
		rc = db_end(s, rc, NULL);
	free(json);
	return rc;
}

static const char *const chain_ddl[] = {
	"CREATE TABLE IF NOT EXISTS kp_chain ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" audit_id INTEGER NOT NULL,"
	" hash BLOB NOT NULL,"
	" at TEXT NOT NULL)",
};

int store_ensure_chain(kp_store *s, const char *const *tables, size_t n, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	bool begun = chain_exists(s);
	int rc = KP_OK;
	for (size_t i = 0; rc == KP_OK && i < sizeof chain_ddl / sizeof chain_ddl[0]; i++)
		rc = db_exec(s, chain_ddl[i], err);
	if (rc == KP_OK && !begun) {
		/* The first link seals every record as it is now: what came
		 * before cannot be vouched for, and the audit says so. */
		s->chain_on = true;
		crypto_generichash_state h;
		seal_begin(s, &h);
		long long count = 0;
		for (size_t i = 0; rc == KP_OK && i <= n; i++) {
			const char *t = i < n ? tables[i] : "kp_attachments";
			if (seal_rows(s, t, "?1 = ?1", 0, NULL) != KP_OK)
				rc = db_fail(s, err);
			else if (i < n)
				count += sqlite3_changes(s->db);
		}
		seal_finish(s, &h);
		char *what = xasprintf("%lld", count);
		char *ch[] = {(char *)msg(MSG_AU_SEALED), "", what};
		if (rc == KP_OK && db_audit(s, NULL, "kp_audit", 0, 0, "chain_start", ch, 3) != KP_OK)
			rc = db_fail(s, err);
		free(what);
	}
	if (rc != KP_OK)
		s->chain_on = begun;
	return db_end(s, rc, err);
}

static void add(kp_chain_report *r, kp_chain_finding f)
{
	r->f = xrealloc(r->f, (r->n + 1) * sizeof *r->f);
	r->f[r->n++] = f;
}

static int on_diff(const seal_row *row, const char *column, const char *value, void *ctx)
{
	add(ctx, (kp_chain_finding){.kind = column ? CHAIN_RECORD : CHAIN_UNSEALED, .table = xstrdup(row->table),
				    .record = row->record, .attachment = row->attachment,
				    .column = column ? xstrdup(column) : NULL, .value = value ? xstrdup(value) : NULL});
	return KP_OK;
}

/* Was a break at audit row id accepted (kepu check --accept)? */
static bool accepted(kp_store *s, long long id)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM kp_audit WHERE action = 'accept_chain' AND record_id = ?", NULL);
	bool yes = false;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		yes = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return yes;
}

static void chain_finding(kp_store *s, kp_chain_report *r, kp_chain_kind kind, long long pos, long long id,
			  long long count)
{
	if (!accepted(s, id))
		add(r, (kp_chain_finding){.kind = kind, .position = pos, .audit_id = id, .count = count});
}

/* Walk the chain from its first link: each row's own hash, its link to the
 * row before, and the head kp_chain remembers. */
static int walk(kp_store *s, kp_chain_report *r)
{
	/* From the first link; with that removed, from the first row hashed. */
	sqlite3_stmt *st = db_prepare(s, "SELECT id, at, user, unit_id, form, record_id, action, changes, prev, seal,"
					 " hash FROM kp_audit WHERE id >= coalesce((SELECT min(id) FROM kp_audit"
					 " WHERE action = 'chain_start'), (SELECT min(id) FROM kp_audit WHERE hash IS NOT NULL))"
					 " ORDER BY id", NULL);
	if (!st)
		return KP_ERR;
	unsigned char last[CHAIN_HASH] = {0}, h[CHAIN_HASH];
	long long pos = 0, last_id = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		chain_row c = {.id = sqlite3_column_int64(st, 0), .at = (const char *)sqlite3_column_text(st, 1),
			       .user = (const char *)sqlite3_column_text(st, 2), .unit_id = sqlite3_column_int64(st, 3),
			       .form = (const char *)sqlite3_column_text(st, 4),
			       .record_id = sqlite3_column_int64(st, 5),
			       .action = sqlite3_column_text(st, 6) ? (const char *)sqlite3_column_text(st, 6) : "",
			       .changes = (const char *)sqlite3_column_text(st, 7)};
		bool whole = sqlite3_column_bytes(st, 8) == CHAIN_HASH && sqlite3_column_bytes(st, 10) == CHAIN_HASH &&
			     (sqlite3_column_type(st, 9) == SQLITE_NULL || sqlite3_column_bytes(st, 9) == CHAIN_HASH);
		pos++;
		c.prev = whole ? sqlite3_column_blob(st, 8) : last;
		c.seal = whole ? sqlite3_column_blob(st, 9) : NULL;
		if (whole)
			row_hash(&c, h);
		const unsigned char *stored = sqlite3_column_blob(st, 10);
		if (!whole || memcmp(h, stored, CHAIN_HASH))
			chain_finding(s, r, CHAIN_CHANGED, pos, c.id, 0);
		else if (memcmp(c.prev, last, CHAIN_HASH) || (last_id && c.id != last_id + 1))
			chain_finding(s, r, CHAIN_MISSING, pos, c.id, c.id - last_id - 1);
		else if (pos > 1 && (!strcmp(c.action, "chain_start") || !strcmp(c.action, "guard_restored")))
			chain_finding(s, r, CHAIN_GUARD, pos, c.id, 0); /* kp_chain or a guard was dropped */
		if (whole)
			memcpy(last, stored, CHAIN_HASH);
		last_id = c.id;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return KP_ERR;
	r->rows = pos;
	long long head_id, next;
	unsigned char hh[CHAIN_HASH];
	if (head(s, &head_id, hh, &next) != KP_OK)
		return KP_ERR;
	if (head_id != last_id || memcmp(hh, last, CHAIN_HASH))
		chain_finding(s, r, CHAIN_TRUNCATED, pos, next, head_id - last_id);
	r->head_id = last_id;
	memcpy(r->head, last, CHAIN_HASH);
	return KP_OK;
}

/* The hash db_audit takes of a record's seals now: its row's, then its
 * attachments' by id. */
static int seals_now(sqlite3_stmt *row, sqlite3_stmt *att, const char *form, long long id,
		     unsigned char out[CHAIN_HASH])
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, CHAIN_HASH);
	int rc = feed(row, id, NULL, &h) == KP_OK && feed(att, id, form, &h) == KP_OK ? KP_OK : KP_ERR;
	crypto_generichash_final(&h, out, CHAIN_HASH);
	return rc;
}

/* Each record written one at a time still holds the seals its newest
 * audit row hashed (an import's records are vouched for by their seals). */
static int bound(kp_store *s, kp_chain_report *r)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT a.id, a.form, a.record_id, a.seal FROM kp_audit a"
					 " WHERE a.id IN (SELECT max(id) FROM kp_audit WHERE record_id > 0"
					 " AND seal IS NOT NULL AND action <> 'import' AND substr(form, 1, 3) <> 'kp_'"
					 " GROUP BY form, record_id) ORDER BY a.id", NULL);
	sqlite3_stmt *att = db_prepare(s, ATTACHMENT_SEALS, NULL);
	int rc = st && att ? KP_OK : KP_ERR;
	char *table = NULL;
	sqlite3_stmt *row = NULL;
	while (rc == KP_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *form = (const char *)sqlite3_column_text(st, 1);
		if (!table || strcmp(table, form)) { /* rows come by id: forms mixed */
			free(table);
			sqlite3_finalize(row);
			table = xstrdup(form);
			char *sql = xasprintf("SELECT kp_seal FROM \"%s\" WHERE id = ?1", table);
			row = db_prepare(s, sql, NULL);
			free(sql);
		}
		unsigned char now[CHAIN_HASH];
		long long id = sqlite3_column_int64(st, 2);
		if (!row || seals_now(row, att, form, id, now) != KP_OK)
			rc = KP_ERR;
		else if (sqlite3_column_bytes(st, 3) != CHAIN_HASH || memcmp(now, sqlite3_column_blob(st, 3), CHAIN_HASH))
			add(r, (kp_chain_finding){.kind = CHAIN_UNBOUND, .table = xstrdup(form), .record = id,
						  .audit_id = sqlite3_column_int64(st, 0)});
	}
	free(table);
	sqlite3_finalize(row);
	sqlite3_finalize(att);
	sqlite3_finalize(st);
	return rc;
}

/* Was record id of table named by a finding already? */
static bool named(const kp_chain_report *r, size_t upto, const char *table, long long from, long long to)
{
	for (size_t k = 0; k < upto; k++)
		if (r->f[k].table && !strcmp(r->f[k].table, table) && r->f[k].record >= from && r->f[k].record <= to)
			return true;
	return false;
}

/* An import's records that nothing changed since still hold the seals its
 * audit row hashed, in order (a record changed since is vouched for by its
 * own newest row, above). */
static int imports_bound(kp_store *s, kp_chain_report *r, size_t upto)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT id, form, changes, seal FROM kp_audit WHERE action = 'import'"
					 " AND seal IS NOT NULL AND id > (SELECT min(id) FROM kp_audit"
					 " WHERE action = 'chain_start') ORDER BY id", NULL);
	sqlite3_stmt *later = db_prepare(s, "SELECT 1 FROM kp_audit WHERE id > ?1 AND form = ?2"
					    " AND record_id BETWEEN ?3 AND ?4 LIMIT 1", NULL);
	int rc = st && later ? KP_OK : KP_ERR;
	while (rc == KP_OK && sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0), first = 0, last = -1;
		const char *form = (const char *)sqlite3_column_text(st, 1);
		char **ch;
		size_t nch;
		/* field, old, new ×3: how many, which numbers (first-last), the file */
		if (json_array_decode((const char *)sqlite3_column_text(st, 2), &ch, &nch) == 0) {
			if (nch >= 6)
				sscanf(ch[5], "%lld-%lld", &first, &last);
			json_array_free(ch, nch);
		}
		if (first > last || named(r, upto, form, first, last) || accepted(s, id))
			continue;
		sqlite3_reset(later);
		sqlite3_bind_int64(later, 1, id);
		sqlite3_bind_text(later, 2, form, -1, SQLITE_STATIC);
		sqlite3_bind_int64(later, 3, first);
		sqlite3_bind_int64(later, 4, last);
		bool changed = sqlite3_step(later) == SQLITE_ROW;
		sqlite3_reset(later);
		if (changed)
			continue;
		char *sql = xasprintf("SELECT kp_seal FROM \"%s\" WHERE id BETWEEN ?1 AND ?2 ORDER BY id", form);
		sqlite3_stmt *rows = db_prepare(s, sql, NULL);
		free(sql);
		crypto_generichash_state h;
		crypto_generichash_init(&h, NULL, 0, CHAIN_HASH);
		unsigned char now[CHAIN_HASH];
		int step = SQLITE_ERROR;
		if (rows) {
			sqlite3_bind_int64(rows, 1, first);
			sqlite3_bind_int64(rows, 2, last);
			while ((step = sqlite3_step(rows)) == SQLITE_ROW)
				crypto_generichash_update(&h, sqlite3_column_blob(rows, 0),
							  (size_t)sqlite3_column_bytes(rows, 0));
		}
		sqlite3_finalize(rows);
		crypto_generichash_final(&h, now, CHAIN_HASH);
		if (step != SQLITE_DONE)
			rc = KP_ERR;
		else if (sqlite3_column_bytes(st, 3) != CHAIN_HASH || memcmp(now, sqlite3_column_blob(st, 3), CHAIN_HASH))
			add(r, (kp_chain_finding){.kind = CHAIN_BATCH, .table = xstrdup(form), .record = first,
						  .count = last - first + 1, .audit_id = id});
	}
	sqlite3_finalize(later);
	sqlite3_finalize(st);
	return rc;
}

int store_chain_check(kp_store *s, const char *const *tables, size_t n, kp_chain_report *r, char **err)
{
	memset(r, 0, sizeof *r);
	/* One read transaction: the chain and the records as of one moment. */
	int rc = db_exec(s, "BEGIN", err);
	if (rc == KP_OK && walk(s, r) != KP_OK)
		rc = db_fail(s, err);
	for (size_t i = 0; rc == KP_OK && i <= n; i++)
		if (seal_compare(s, i < n ? tables[i] : "kp_attachments", on_diff, r) != KP_OK)
			rc = db_fail(s, err);
	/* A record whose values differ is named by its fields above already. */
	size_t upto = r->n;
	if (rc == KP_OK && bound(s, r) != KP_OK)
		rc = db_fail(s, err);
	for (size_t i = upto; i < r->n; i++)
		if (named(r, upto, r->f[i].table, r->f[i].record, r->f[i].record)) {
			free(r->f[i].table);
			r->f[i--] = r->f[--r->n];
		}
	if (rc == KP_OK && imports_bound(s, r, upto) != KP_OK)
		rc = db_fail(s, err);
	db_exec(s, "COMMIT", NULL);
	return rc;
}

void chain_report_free(kp_chain_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->f[i].table);
		free(r->f[i].column);
		free(r->f[i].value);
	}
	free(r->f);
	memset(r, 0, sizeof *r);
}

static bool of_record(const kp_chain_finding *f)
{
	return f->kind == CHAIN_RECORD || f->kind == CHAIN_UNSEALED || f->kind == CHAIN_UNBOUND;
}

static bool same_record(const kp_chain_finding *a, const kp_chain_finding *b)
{
	return of_record(a) && of_record(b) && !strcmp(a->table, b->table) && a->record == b->record;
}

/* The unit of a record (0 when it is gone), for its audit row. */
static long long unit_of(kp_store *s, const char *table, long long id)
{
	char *sql = xasprintf("SELECT unit_id FROM \"%s\" WHERE id = ?1", table);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	long long unit = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			unit = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return unit;
}

/* Accept the findings f[0..n) of one record: its rows resealed as they
 * are, one audit row naming each field with its value now, and the reason. */
static int accept_record(kp_store *s, const kp_chain_finding *f, size_t n, const char *reason)
{
	char **ch = xcalloc(3 * n + 3, sizeof *ch);
	size_t k = 0;
	int rc = KP_OK;
	for (size_t i = 0; rc == KP_OK && i < n; i++) {
		const char *t = f[i].attachment ? "kp_attachments" : f[i].table;
		rc = seal_rows(s, t, "id = ?1", f[i].attachment ? f[i].attachment : f[i].record, NULL);
		ch[k++] = (char *)(!f[i].column ? msg(MSG_AU_UNSEALED)
				   : f[i].column[0] ? f[i].column : msg(MSG_C_CHAIN_SOME_VALUE));
		ch[k++] = (char *)msg(MSG_AU_OUTSIDE);
		ch[k++] = f[i].value ? f[i].value : "";
	}
	ch[k++] = (char *)msg(MSG_AU_REASON);
	ch[k++] = "";
	ch[k++] = (char *)reason;
	if (rc == KP_OK)
		rc = db_audit(s, NULL, f->table, f->record, unit_of(s, f->table, f->record), "accept", ch, k);
	free(ch);
	return rc;
}

/* Accept a break of the chain, named by its row: walk() no longer reports it. */
static int accept_break(kp_store *s, const kp_chain_finding *f, const char *reason)
{
	static const enum kp_msg_id what[] = {[CHAIN_BATCH] = MSG_AU_CHAIN_BATCH,
					       [CHAIN_CHANGED] = MSG_AU_CHAIN_CHANGED,
					       [CHAIN_MISSING] = MSG_AU_CHAIN_MISSING,
					       [CHAIN_TRUNCATED] = MSG_AU_CHAIN_TRUNCATED,
					       [CHAIN_GUARD] = MSG_AU_GUARD};
	char *ch[] = {(char *)msg(what[f->kind]), "", "", (char *)msg(MSG_AU_REASON), "", (char *)reason};
	return db_audit(s, NULL, "kp_audit", f->audit_id, 0, "accept_chain", ch, 6);
}

int store_chain_accept(kp_store *s, const kp_chain_report *r, const char *reason, char **err)
{
	if (session_need(s, SESSION_KIND(SESSION_ADMIN), err) != KP_OK)
		return KP_ERR;
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	int rc = KP_OK;
	for (size_t i = 0, n; rc == KP_OK && i < r->n; i += n) {
		/* A record's findings come together (seal.c compares row by row). */
		for (n = 1; i + n < r->n && same_record(&r->f[i], &r->f[i + n]); n++)
			;
		rc = of_record(&r->f[i]) ? accept_record(s, &r->f[i], n, reason) : accept_break(s, &r->f[i], reason);
		if (rc != KP_OK)
			db_fail(s, err);
	}
	return db_end(s, rc, err);
}

static int read_head(sqlite3 *db, long long *id, unsigned char hash[CHAIN_HASH], char at[20])
{
	sqlite3_stmt *st = NULL;
	sqlite3_prepare_v2(db, "SELECT audit_id, hash, at FROM kp_chain WHERE id = 1", -1, &st, NULL);
	int rc = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 1) == CHAIN_HASH ? KP_OK : KP_ENOTFOUND;
	if (rc == KP_OK) {
		*id = sqlite3_column_int64(st, 0);
		memcpy(hash, sqlite3_column_blob(st, 1), CHAIN_HASH);
		snprintf(at, 20, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	return rc;
}

int store_chain_head(kp_store *s, long long *id, unsigned char hash[CHAIN_HASH], char at[20])
{
	return read_head(s->db, id, hash, at);
}

int store_file_head(const char *path, long long *id, unsigned char hash[CHAIN_HASH], char at[20])
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK ? read_head(db, id, hash, at)
										    : KP_ENOTFOUND;
	sqlite3_close(db);
	return rc;
}

bool store_chain_has(kp_store *s, long long id, const unsigned char hash[CHAIN_HASH])
{
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM kp_audit WHERE id = ? AND hash = ?", NULL);
	bool yes = false;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_blob(st, 2, hash, CHAIN_HASH, SQLITE_STATIC);
		yes = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return yes;
}
