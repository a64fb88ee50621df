/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Attachments (#19): files a clerk sends as evidence of a record, kept in
 * the database itself as BLOBs, so WAL, kepu backup (VACUUM INTO) and a
 * restore keep them in step with their records. Every statement reaches a
 * file only through its record's row, under the session's unit scope. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/picture.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "store/db.h"

/* A file's content hash (BLAKE2b, 32 bytes): the same photo sent as the
 * evidence of two records is found by it (#9). */
#define CONTENT_HASH crypto_generichash_BYTES

/* kp_content_hash(data): the migration's, for the files kept before
 * hashes were (one file's bytes in memory at a time). */
static void sql_content_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	unsigned char h[CONTENT_HASH];
	const void *p = sqlite3_value_blob(argv[0]);
	crypto_generichash(h, sizeof h, p, p ? (unsigned long long)sqlite3_value_bytes(argv[0]) : 0, NULL, 0);
	sqlite3_result_blob(ctx, h, sizeof h, SQLITE_TRANSIENT);
}

/* kp_picture_hash(type, data): the content hash (core/picture.c) of the
 * files kept before it was (schema 9), one file in memory at a time. */
static void sql_picture_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	unsigned char h[PICTURE_HASH];
	const char *type = (const char *)sqlite3_value_text(argv[0]);
	const void *p = sqlite3_value_blob(argv[1]);
	picture_hash_mem(type ? type : "", p ? p : "", p ? (size_t)sqlite3_value_bytes(argv[1]) : 0, h);
	sqlite3_result_blob(ctx, h, sizeof h, SQLITE_TRANSIENT);
}

/* The data last: a listing never reads a file's pages. */
int store_ensure_attachments(kp_store *s, char **err)
{
	if (db_exec(s,
		    "CREATE TABLE IF NOT EXISTS kp_attachments ("
		    " id INTEGER PRIMARY KEY,"
		    " tbl TEXT NOT NULL,"
		    " record_id INTEGER NOT NULL,"
		    " unit_id INTEGER NOT NULL,"
		    " name TEXT NOT NULL,"
		    " type TEXT NOT NULL,"
		    " size INTEGER NOT NULL,"
		    " sent_by TEXT NOT NULL,"
		    " sent_at TEXT NOT NULL,"
		    " kp_seal BLOB," /* seal.c */
		    " data BLOB NOT NULL)", err) != KP_OK)
		return KP_ERR;
	if (!db_has_column(s, "kp_attachments", "kp_seal") &&
	    db_exec(s, "ALTER TABLE kp_attachments ADD COLUMN kp_seal BLOB", err) != KP_OK)
		return KP_ERR;
	if (db_exec(s, "CREATE INDEX IF NOT EXISTS kp_attachments_record ON kp_attachments (tbl, record_id)", err) !=
	    KP_OK)
		return KP_ERR;
	/* Schema 7: the hashes beside the rows, not in them, so that the
	 * rows' seals (seal.c) and the audit chain stay as they were made;
	 * the files kept before are hashed here, once (each file read once). */
	sqlite3_create_function(s->db, "kp_content_hash", 1, SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
				sql_content_hash, NULL, NULL);
	sqlite3_create_function(s->db, "kp_picture_hash", 2, SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
				sql_picture_hash, NULL, NULL);
	if (db_exec(s,
		    "CREATE TABLE IF NOT EXISTS kp_attachment_hashes ("
		    " id INTEGER PRIMARY KEY," /* kp_attachments.id */
		    " hash BLOB NOT NULL," /* the bytes' */
		    " content BLOB)", err) != KP_OK) /* what the picture draws: core/picture.c */
		return KP_ERR;
	/* Schema 9 (t5h #11): the content hash beside the bytes' one */
	if (!db_has_column(s, "kp_attachment_hashes", "content") &&
	    db_exec(s, "ALTER TABLE kp_attachment_hashes ADD COLUMN content BLOB", err) != KP_OK)
		return KP_ERR;
	if (db_exec(s, "CREATE INDEX IF NOT EXISTS kp_attachment_hashes_hash ON kp_attachment_hashes (hash)", err) !=
		    KP_OK ||
	    db_exec(s, "CREATE INDEX IF NOT EXISTS kp_attachment_hashes_content ON kp_attachment_hashes (content)",
		    err) != KP_OK)
		return KP_ERR;
	/* Schema 12: the content hash's definition beside it (PICTURE_HASH_DEF:
	 * 2 a PNG's pixels, a JPEG's tables in force); a row hashed by another
	 * definition is hashed again, here, once. */
	if (!db_has_column(s, "kp_attachment_hashes", "content_def") &&
	    db_exec(s, "ALTER TABLE kp_attachment_hashes ADD COLUMN content_def INTEGER", err) != KP_OK)
		return KP_ERR;
	static const char *const hash_kept[] = {
		"INSERT INTO kp_attachment_hashes (id, hash, content, content_def)"
		" SELECT a.id, kp_content_hash(a.data), kp_picture_hash(a.type, a.data), ?1"
		" FROM kp_attachments a WHERE NOT EXISTS (SELECT 1 FROM kp_attachment_hashes h WHERE h.id = a.id)",
		"UPDATE kp_attachment_hashes SET content = (SELECT kp_picture_hash(a.type, a.data)"
		" FROM kp_attachments a WHERE a.id = kp_attachment_hashes.id), content_def = ?1"
		" WHERE content_def IS NOT ?1"};
	for (size_t i = 0; i < sizeof hash_kept / sizeof *hash_kept; i++) {
		sqlite3_stmt *st = db_prepare(s, hash_kept[i], err);
		if (!st)
			return KP_ERR;
		sqlite3_bind_int(st, 1, PICTURE_HASH_DEF);
		int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
		sqlite3_finalize(st);
		if (rc != KP_OK)
			return rc;
	}
	return KP_OK;
}

void attachment_clear(kp_attachment *a)
{
	free(a->name);
	free(a->type);
	free(a->by);
	free(a->at);
	free(a->unit_name);
	free(a->state);
}

void attachments_free(kp_attachment *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		attachment_clear(&a[i]);
	free(a);
}

/* The columns of a listing, joined to the record so that the record's
 * unit, as the session may see it, decides: ?1 the table, ?3 the scope,
 * then the caller's conditions. A reviewed form's record gives its state. */
static char *select_sql(const kp_form *f, const char *where)
{
	return xasprintf("SELECT a.id, a.record_id, t.unit_id, a.name, a.type, a.size, a.sent_by, a.sent_at, u.name, %s"
			 " FROM kp_attachments a JOIN \"%s\" t ON t.id = a.record_id JOIN units u ON u.id = t.unit_id"
			 " WHERE a.tbl = ?1 AND (?3 = 0 OR t.unit_id = ?3) %s",
			 f->review ? "t.kp_state" : "''", f->table, where);
}

static void read_attachment(sqlite3_stmt *st, kp_attachment *a)
{
	a->id = sqlite3_column_int64(st, 0);
	a->record_id = sqlite3_column_int64(st, 1);
	a->unit_id = sqlite3_column_int64(st, 2);
	a->name = db_text(st, 3);
	a->type = db_text(st, 4);
	a->size = sqlite3_column_int64(st, 5);
	a->by = db_text(st, 6);
	a->at = db_text(st, 7);
	a->unit_name = db_text(st, 8);
	a->state = db_text(st, 9);
}

size_t store_attachments_where(kp_store *s, const kp_form *f, long long record_id, long long unit_id,
			       kp_attachment **out)
{
	*out = NULL;
	char *sql = select_sql(f, "AND (?2 = 0 OR a.record_id = ?2) AND (?4 = 0 OR t.unit_id = ?4) ORDER BY a.id");
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	size_t n = 0, cap = 0;
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
		sqlite3_bind_int64(st, 3, session_scope(s));
		sqlite3_bind_int64(st, 4, unit_id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (n == cap)
				*out = xrealloc(*out, (cap = cap ? 2 * cap : 8) * sizeof **out);
			read_attachment(st, &(*out)[n++]);
		}
	}
	sqlite3_finalize(st);
	return n;
}

size_t store_attachments(kp_store *s, const kp_form *f, long long record_id, kp_attachment **out)
{
	return store_attachments_where(s, f, record_id, 0, out);
}

int store_attachment_find(kp_store *s, const kp_form *f, long long id, kp_attachment *a, char **err)
{
	char *sql = select_sql(f, "AND a.id = ?2");
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, session_scope(s));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_attachment(st, a);
	else if (rc == SQLITE_DONE)
		db_set_err(err, xasprintf(msg(MSG_S_NO_ATTACHMENT), id));
	else
		db_fail(s, err);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? KP_OK : rc == SQLITE_DONE ? KP_ENOTFOUND : KP_ERR;
}

/* How many files the record has (in the writer's transaction). */
static long long count_of(kp_store *s, const kp_form *f, long long record_id)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT count(*) FROM kp_attachments WHERE tbl = ?1 AND record_id = ?2", NULL);
	long long n = 0;
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

#define CHUNK 65536

/* The file into the row's zeroblob, a chunk at a time: never the whole
 * file in memory; its content hash into hash. */
static int blob_fill(kp_store *s, long long rowid, FILE *in, long long size, unsigned char hash[CONTENT_HASH],
		     char **err)
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, CONTENT_HASH);
	sqlite3_blob *b;
	if (sqlite3_blob_open(s->db, "main", "kp_attachments", "data", rowid, 1, &b) != SQLITE_OK)
		return db_fail(s, err);
	char *buf = xmalloc(CHUNK);
	long long off = 0;
	int rc = KP_OK;
	while (rc == KP_OK && off < size) {
		size_t want = size - off < CHUNK ? (size_t)(size - off) : CHUNK;
		size_t got = fread(buf, 1, want, in);
		if (got != want) {
			db_set_err(err, xstrdup(msg(MSG_S_ATTACH_SHORT)));
			rc = KP_ERR;
		} else if (sqlite3_blob_write(b, buf, (int)got, (int)off) != SQLITE_OK) {
			rc = db_fail(s, err);
		}
		crypto_generichash_update(&h, (const unsigned char *)buf, got);
		off += (long long)got;
	}
	crypto_generichash_final(&h, hash, CONTENT_HASH);
	free(buf);
	sqlite3_blob_close(b);
	return rc;
}

static bool blob_read_at(void *ctx, uint64_t off, void *buf, size_t n)
{
	return sqlite3_blob_read(ctx, buf, (int)n, (int)off) == SQLITE_OK;
}

/* The stored file's content hash (core/picture.c), read back from its row
 * a window at a time. */
static int picture_of(kp_store *s, long long rowid, const char *type, unsigned char out[PICTURE_HASH], char **err)
{
	sqlite3_blob *b;
	if (sqlite3_blob_open(s->db, "main", "kp_attachments", "data", rowid, 0, &b) != SQLITE_OK)
		return db_fail(s, err);
	bool ok = picture_hash(type, (uint64_t)sqlite3_blob_bytes(b), blob_read_at, b, out);
	sqlite3_blob_close(b);
	return ok ? KP_OK : db_fail(s, err);
}

/* The new file's hashes kept, unless the record has a file of the same
 * bytes or the same picture already: one photo is one piece of evidence
 * (#9), whatever comment or EXIF it carries (t5h #11). */
static int keep_hash(kp_store *s, const kp_form *f, long long record_id, long long id, const kp_new_attachment *na,
		     const unsigned char hash[CONTENT_HASH], const unsigned char content[PICTURE_HASH], char **err)
{
	/* the same bytes said first: 「完全相同」 only when they are */
	sqlite3_stmt *st = db_prepare(s, "SELECT a.name, h.hash = ?3 FROM kp_attachments a"
				      " JOIN kp_attachment_hashes h ON h.id = a.id"
				      " WHERE a.tbl = ?1 AND a.record_id = ?2 AND (h.hash = ?3 OR h.content = ?5) AND a.id <> ?4"
				      " ORDER BY h.hash = ?3 DESC, a.id LIMIT 1",
				      err);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, record_id);
	sqlite3_bind_blob(st, 3, hash, CONTENT_HASH, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	sqlite3_bind_blob(st, 5, content, PICTURE_HASH, SQLITE_STATIC);
	int step = sqlite3_step(st), rc = KP_OK;
	if (step == SQLITE_ROW) {
		enum kp_msg_id same = sqlite3_column_int(st, 1)	   ? MSG_S_ATTACH_SAME
				      : !strcmp(na->type, "PDF") ? MSG_S_ATTACH_SAME_DOCUMENT
								 : MSG_S_ATTACH_SAME_PICTURE;
		db_set_err(err, xasprintf(msg(same), na->name, (const char *)sqlite3_column_text(st, 0)));
		rc = KP_ERR;
	} else if (step != SQLITE_DONE) {
		rc = db_fail(s, err);
	}
	sqlite3_finalize(st);
	/* REPLACE: a row id freed by a removal may come back */
	st = rc == KP_OK ? db_prepare(s, "INSERT OR REPLACE INTO kp_attachment_hashes (id, hash, content, content_def)"
				      " VALUES (?1, ?2, ?3, ?4)", err)
			 : NULL;
	if (rc == KP_OK && !st)
		return KP_ERR;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_blob(st, 2, hash, CONTENT_HASH, SQLITE_STATIC);
		sqlite3_bind_blob(st, 3, content, PICTURE_HASH, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, PICTURE_HASH_DEF);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err);
		sqlite3_finalize(st);
	}
	return rc;
}

int store_attach(kp_store *s, const kp_form *f, long long record_id, const kp_new_attachment *na,
		 long long *id, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	kp_record old;
	int rc = store_get(s, f, record_id, &old, err);
	bool had = rc == KP_OK;
	if (had)
		rc = session_may_attach(s, f, &old, err);
	if (rc == KP_OK && na->size > (long long)f->evidence->max_mib * 1024 * 1024) {
		db_set_err(err, xasprintf(msg(MSG_S_ATTACH_TOO_BIG), na->name, (double)na->size / (1024.0 * 1024.0),
				 f->evidence->max_mib));
		rc = KP_ERR;
	}
	if (rc == KP_OK && count_of(s, f, record_id) >= f->evidence->max_files) {
		db_set_err(err, xasprintf(msg(MSG_S_ATTACH_MANY), f->evidence->max_files));
		rc = KP_ERR;
	}
	sqlite3_stmt *st = rc == KP_OK ? db_prepare(s, "INSERT INTO kp_attachments (tbl, record_id, unit_id, name, type,"
						    " size, sent_by, sent_at, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, kp_now(), zeroblob(?6))",
						    err)
				       : NULL;
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
		sqlite3_bind_int64(st, 3, old.unit_id);
		sqlite3_bind_text(st, 4, na->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, na->type, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, na->size);
		sqlite3_bind_text(st, 7, store_session_user(s), -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err);
		else
			*id = sqlite3_last_insert_rowid(s->db);
		sqlite3_finalize(st);
	} else if (rc == KP_OK) {
		rc = KP_ERR;
	}
	unsigned char hash[CONTENT_HASH], content[PICTURE_HASH];
	if (rc == KP_OK)
		rc = blob_fill(s, *id, na->in, na->size, hash, err);
	if (rc == KP_OK)
		rc = picture_of(s, *id, na->type, content, err);
	if (rc == KP_OK)
		rc = keep_hash(s, f, record_id, *id, na, hash, content, err);
	if (rc == KP_OK) {
		char *what = xasprintf("%s（%s，%lld 字节）", na->name, na->type, na->size);
		char *ch[] = {(char *)msg(MSG_AU_FILE), "", what};
		if ((rc = db_audit(s, NULL, f->table, record_id, old.unit_id, "attach", ch, 3)) != KP_OK)
			db_fail(s, err);
		free(what);
	}
	if (had)
		record_free(&old);
	return db_end(s, rc, err);
}

int store_attachment_copy(kp_store *s, const kp_form *f, long long id, FILE *out, char **err)
{
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	kp_attachment a;
	int rc = store_attachment_find(s, f, id, &a, err);
	if (rc != KP_OK)
		return rc;
	attachment_clear(&a);
	sqlite3_blob *b;
	if (sqlite3_blob_open(s->db, "main", "kp_attachments", "data", id, 0, &b) != SQLITE_OK)
		return db_fail(s, err);
	int size = sqlite3_blob_bytes(b);
	char *buf = xmalloc(CHUNK);
	for (int off = 0; rc == KP_OK && off < size; off += CHUNK) {
		int n = size - off < CHUNK ? size - off : CHUNK;
		if (sqlite3_blob_read(b, buf, n, off) != SQLITE_OK)
			rc = db_fail(s, err);
		else if (fwrite(buf, 1, (size_t)n, out) != (size_t)n) {
			db_set_err(err, xstrdup(msg(MSG_C_WRITE_ERROR)));
			rc = KP_ERR;
		}
	}
	free(buf);
	sqlite3_blob_close(b);
	return rc;
}

int store_detach(kp_store *s, const kp_form *f, long long id, char **err)
{
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	kp_attachment a;
	kp_record old;
	int rc = store_attachment_find(s, f, id, &a, err);
	bool found = rc == KP_OK, had = false;
	if (found && (rc = store_get(s, f, a.record_id, &old, err)) == KP_OK) {
		had = true;
		rc = session_may_attach(s, f, &old, err);
	}
	sqlite3_stmt *st = rc == KP_OK ? db_prepare(s, "DELETE FROM kp_attachment_hashes WHERE id = ?1", err) : NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err);
	}
	sqlite3_finalize(st);
	st = rc == KP_OK ? db_prepare(s, "DELETE FROM kp_attachments WHERE id = ?1 AND tbl = ?2", err) : NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, f->table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err);
		sqlite3_finalize(st);
	} else if (rc == KP_OK) {
		rc = KP_ERR;
	}
	if (rc == KP_OK) {
		char *ch[] = {(char *)msg(MSG_AU_FILE), a.name, ""};
		if ((rc = db_audit(s, NULL, f->table, a.record_id, old.unit_id, "detach", ch, 3)) != KP_OK)
			db_fail(s, err);
	}
	if (found)
		attachment_clear(&a);
	if (had)
		record_free(&old);
	return db_end(s, rc, err);
}

int store_detach_record(kp_store *s, const kp_form *f, long long record_id)
{
	static const char *const sql[] = {
		"DELETE FROM kp_attachment_hashes WHERE id IN (SELECT id FROM kp_attachments WHERE tbl = ?1 AND record_id = ?2)",
		"DELETE FROM kp_attachments WHERE tbl = ?1 AND record_id = ?2"};
	int rc = KP_OK;
	for (size_t i = 0; rc == KP_OK && i < 2; i++) {
		sqlite3_stmt *st = db_prepare(s, sql[i], NULL);
		if (!st)
			return KP_ERR;
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
		rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
		sqlite3_finalize(st);
	}
	return rc;
}

/* How many twins are said before 「……还有更多」: a message stays one line. */
#define TWINS_SAID 2

char *store_attachment_twins(kp_store *s, const kp_form *f, long long record_id, long long only)
{
	char *sql = xasprintf("SELECT a.id, a.name, b.record_id, (?4 = 0 OR t.unit_id = ?4)"
			      " FROM kp_attachments a JOIN kp_attachment_hashes ha ON ha.id = a.id"
			      " JOIN kp_attachment_hashes hb ON (hb.hash = ha.hash OR hb.content = ha.content) AND hb.id <> ha.id"
			      " JOIN kp_attachments b ON b.id = hb.id AND b.tbl = a.tbl AND b.record_id <> a.record_id"
			      " JOIN \"%s\" t ON t.id = b.record_id JOIN \"%s\" r ON r.id = a.record_id"
			      " WHERE a.tbl = ?1 AND a.record_id = ?2 AND (?3 = 0 OR a.id = ?3) AND (?4 = 0 OR r.unit_id = ?4)"
			      " ORDER BY a.id, b.record_id",
			      f->table, f->table);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	strbuf b = STRBUF_INIT;
	long long hidden_of = 0;
	int said = 0;
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
		sqlite3_bind_int64(st, 3, only);
		sqlite3_bind_int64(st, 4, session_scope(s));
	}
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		/* another unit's record is not named to a unit, nor said twice */
		bool visible = sqlite3_column_int(st, 3) != 0;
		if ((!visible && hidden_of == id) || said > TWINS_SAID)
			continue;
		if (b.len)
			sb_adds(&b, "；");
		char *name = text_quote((const char *)sqlite3_column_text(st, 1), 24);
		if (said++ == TWINS_SAID)
			sb_adds(&b, msg(MSG_S_ATTACH_TWIN_MORE));
		else if (visible)
			sb_printf(&b, msg(MSG_S_ATTACH_TWIN), name, sqlite3_column_int64(st, 2));
		else
			sb_printf(&b, msg(MSG_S_ATTACH_TWIN_HIDDEN), name), hidden_of = id;
		free(name);
	}
	sqlite3_finalize(st);
	if (!b.len) {
		sb_free(&b);
		return NULL;
	}
	return sb_take(&b);
}
