/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "store/db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/dupkey.h"
#include "core/msg.h"
#include "core/nearkey.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "form/phone.h"

/* Long enough to outlast another session's largest transaction (an import
 * of at most 100,000 rows, IMPORT_CITY_ROWS: about 10 s); the busy handler
 * retries, and past it the user is told the database is busy (db_fail). */
#define BUSY_TIMEOUT_MS 60000

/* Set once a statement meets a damaged file; SQLite reports it through
 * its error log, whichever statement it was and whether or not the caller
 * looked at the result (a list that gets no rows, a login that finds no
 * account). One database per process, so one flag. */
static bool damaged;
static char damage[160];

static void note_damage(int code)
{
	int primary = code & 0xff;
	if (damaged || (primary != SQLITE_CORRUPT && primary != SQLITE_NOTADB))
		return;
	damaged = true;
	snprintf(damage, sizeof damage, "SQLite: %s", sqlite3_errstr(primary));
}

static void sqlite_log(void *ctx, int code, const char *text)
{
	(void)ctx, (void)text;
	note_damage(code);
}

bool store_damaged(void) { return damaged; }
void db_forget_damage(void) { damaged = false; }
const char *store_damage_reason(void) { return damage; }

int db_fail(kp_store *s, char **err)
{
	int code = sqlite3_extended_errcode(s->db);
	note_damage(code);
	/* another session kept the database for writing past the busy
	 * timeout (a long import): said as such, not as SQLite's "locked" */
	if ((code & 0xff) == SQLITE_BUSY)
		db_set_err(err, xasprintf(msg(MSG_S_BUSY), BUSY_TIMEOUT_MS / 1000));
	else
		db_set_err(err, xasprintf(msg(MSG_S_SQL), sqlite3_errmsg(s->db)));
	return KP_ERR;
}

void db_set_err(char **err, char *text)
{
	if (err)
		*err = text;
	else
		free(text);
}

sqlite3_stmt *db_prepare(kp_store *s, const char *sql, char **err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(s, err);
		return NULL;
	}
	return st;
}

int db_exec(kp_store *s, const char *sql, char **err)
{
	sqlite3_stmt *st = db_prepare(s, sql, err);
	if (!st)
		return KP_ERR;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KP_OK : db_fail(s, err);
}

int db_begin(kp_store *s, char **err) { return db_exec(s, "BEGIN IMMEDIATE", err); }
int db_commit(kp_store *s, char **err) { return db_exec(s, "COMMIT", err); }

int db_end(kp_store *s, int rc, char **err)
{
	if (rc == KP_OK && db_commit(s, err) == KP_OK)
		return KP_OK;
	db_rollback(s);
	return rc == KP_OK ? KP_ERR : rc;
}

void db_rollback(kp_store *s)
{
	s->acc = NULL; /* the seals it made are gone with it */
	s->pending = false;
	if (!sqlite3_get_autocommit(s->db))
		db_exec(s, "ROLLBACK", NULL);
}

char *db_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return xstrdup(t ? (const char *)t : "");
}

/* kp_now(): the time every stored timestamp gets, from kepu's clock, so
 * --today reaches the database too. */
static void sql_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	char now[20];
	clock_now(now);
	sqlite3_result_text(ctx, now, -1, SQLITE_TRANSIENT);
}

/* kp_contains(needle, a, b, …): does one of a, b, … contain needle, Latin
 * letters in either case (ABC finds abc; no other character is folded)? The
 * list filter's test of every row; one call instead of an instr per field
 * (a filter over 100,000 records scans them all when nothing matches). */
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static bool same_folded(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

static bool has(const char *hay, size_t hn, const char *needle, size_t nn)
{
	/* Fields are short: the first byte by memchr (each case of a letter),
	 * then the rest, beats memmem's set-up (a fifth of a filter's time). */
	if (hn < nn)
		return false;
	const char *last = hay + hn - nn;
	char lo = lower(needle[0]), up = lo >= 'a' && lo <= 'z' ? (char)(lo - 'a' + 'A') : lo;
	for (const char *p = hay; p <= last; p++) {
		const char *a = memchr(p, lo, (size_t)(last - p) + 1);
		const char *b = up != lo ? memchr(p, up, (size_t)((a ? a : last + 1) - p)) : NULL;
		if (!(p = b ? b : a))
			return false;
		if (same_folded(p + 1, needle + 1, nn - 1))
			return true;
	}
	return false;
}

static void sql_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *needle = (const char *)sqlite3_value_text(argv[0]);
	size_t nlen = (size_t)sqlite3_value_bytes(argv[0]);
	int found = 0;
	for (int i = 1; i < argc && needle && nlen && !found; i++) {
		const char *hay = (const char *)sqlite3_value_text(argv[i]);
		found = hay && has(hay, (size_t)sqlite3_value_bytes(argv[i]), needle, nlen);
	}
	sqlite3_result_int(ctx, found);
}

/* kp_dupkey(text[, how, prefixes]): text_dup_key_as, for the duplicate
 * rule's comparisons (duplicates.c: dup_same); NULL stays NULL (never
 * equal). */
static void sql_dupkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *v = (const char *)sqlite3_value_text(argv[0]);
	if (!v) {
		sqlite3_result_null(ctx);
		return;
	}
	int how = argc == 3 ? sqlite3_value_int(argv[1]) : DUPKEY_TEXT;
	const char *prefixes = argc == 3 ? (const char *)sqlite3_value_text(argv[2]) : NULL;
	sqlite3_result_text(ctx, text_dup_key_as(v, how, prefixes), -1, free);
}

/* kp_phonemain(text): a stored number without its extension
 * (phone_main_len), for the duplicate rule (duplicates.c). */
static void sql_phonemain(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *v = (const char *)sqlite3_value_text(argv[0]);
	if (!v) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, v, (int)phone_main_len(v), SQLITE_TRANSIENT);
}

/* kp_nearkey(how, text, unit, prefixes): text_near_key, for the
 * near-repeat rule (duplicates.c); NULL stays NULL (never equal). */
static void sql_nearkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *v = (const char *)sqlite3_value_text(argv[1]);
	if (!v) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, text_near_key(v, sqlite3_value_int(argv[0]), (const char *)sqlite3_value_text(argv[2]),
					       (const char *)sqlite3_value_text(argv[3])), -1, free);
}

int store_check_companions(const char *path, char **err)
{
	static const char *const companion[] = {"-wal", "-journal", "-shm"};
	for (size_t i = 0; i < sizeof companion / sizeof *companion; i++) {
		char *name = xasprintf("%s%s", path, companion[i]);
		struct stat st;
		bool there = lstat(name, &st) == 0;
		if (there)
			db_set_err(err, xasprintf(msg(MSG_S_COMPANION), path, name));
		free(name);
		if (there)
			return KP_ERR;
	}
	return KP_OK;
}

int store_open(const char *path, kp_store **out, char **err)
{
	*out = NULL;
	/* A new database beside a -wal or -journal SQLite would play back into
	 * it: another database's pages (store_check_companions). */
	struct stat st;
	if (lstat(path, &st) != 0 && errno == ENOENT && store_check_companions(path, err) != KP_OK)
		return KP_ERR;
	kp_store *s = xcalloc(1, sizeof *s);
	s->refused_field = -1;
	if (sodium_init() < 0)
		abort(); /* no source of random bytes: nothing kepu seals could be trusted */
	randombytes_buf(s->proof_key, sizeof s->proof_key);
	/* A connection is only ever used by the thread that opened it, and
	 * kepu never asks SQLite how much memory it uses: so no mutex on each
	 * call and allocation (a fifth of an import's writing). Only possible
	 * before the library starts, so once. */
	static bool configured;
	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, NULL);
		configured = true;
	}
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
				 NULL);
	if (rc != SQLITE_OK) {
		db_set_err(err, xasprintf(msg(MSG_S_OPEN), path,
				 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc)));
		sqlite3_close(s->db);
		free(s);
		return KP_ERR;
	}
	/* The busy timeout must come before WAL is switched on (FIELD-NOTES):
	 * in the other order concurrent openers fail at once. */
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_create_function(s->db, "kp_now", 0, SQLITE_UTF8, NULL, sql_now, NULL, NULL);
	sqlite3_create_function(s->db, "kp_contains", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				NULL, sql_contains, NULL, NULL);
	for (int n = 1; n <= 3; n += 2) /* kp_dupkey(text) and kp_dupkey(text, how, prefixes) */
		sqlite3_create_function(s->db, "kp_dupkey", n, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					NULL, sql_dupkey, NULL, NULL);
	sqlite3_create_function(s->db, "kp_phonemain", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				sql_phonemain, NULL, NULL);
	sqlite3_create_function(s->db, "kp_nearkey", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				sql_nearkey, NULL, NULL);
	s->text_index = textindex_register(s->db);
	seal_register(s);
	/* Until a front end narrows it: kepu's own seeding. */
	s->kind = SESSION_ADMIN;
	s->actor = xstrdup(msg(MSG_S_SYSTEM_ACTOR));
	static const char *const pragmas[] = {
		/* For a new file only (an existing one keeps its size): 16 KiB
		 * pages write an import of 100,000 records in a third less time
		 * and scan a filter faster; a one-record save writes a few more
		 * KiB to the log, which nobody notices. */
		"PRAGMA page_size=16384",
		"PRAGMA journal_mode=WAL",
		"PRAGMA synchronous=FULL",
		"PRAGMA foreign_keys=ON",
		"PRAGMA trusted_schema=OFF",
		/* A session's reads are pages and index look-ups: 512 KiB of
		 * cache keeps memory at the form the same at a million records
		 * as at none (SQLite's default, 2 MiB, filled as the database
		 * grew). A batch (an import) takes the default back. */
		("PRAGMA cache_size=" KP_CACHE_SESSION),
	};
	for (size_t i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++) {
		char *e = NULL;
		if (db_exec(s, pragmas[i], &e) != KP_OK) {
			db_set_err(err, xasprintf(msg(MSG_S_OPEN), path, e));
			free(e);
			store_close(s);
			return KP_ERR;
		}
	}
	*out = s;
	return KP_OK;
}

void store_close(kp_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->audit_st);
	sqlite3_finalize(s->head_st);
	sqlite3_finalize(s->head_set);
	sqlite3_finalize(s->att_seals);
	sqlite3_finalize(s->closed_st);
	for (size_t i = 0; i < s->nreseal; i++) { /* seal.c's statements */
		free(s->reseal[i].key);
		sqlite3_finalize(s->reseal[i].st);
	}
	free(s->reseal);
	sqlite3_close(s->db);
	free(s->actor);
	free(s->referrers);
	for (size_t i = 0; i < s->nindexed; i++)
		free(s->indexed[i]);
	free(s->indexed);
	free(s->probed);
	free(s->probed_query);
	store_forget_viewed(s);
	free(s);
}

bool store_is_initialised(kp_store *s)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT 1 FROM sqlite_schema WHERE name = 'units'", NULL);
	bool yes = st && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

int store_quick_check(kp_store *s, char **err)
{
	if (session_need(s, SESSION_KIND(SESSION_ADMIN), err) != KP_OK)
		return KP_ERR;
	sqlite3_stmt *st = db_prepare(s, "PRAGMA quick_check", err);
	if (!st)
		return KP_ERR;
	strbuf problems = STRBUF_INIT;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok"))
			sb_printf(&problems, "%s%s", problems.len ? "; " : "", line);
	}
	sqlite3_finalize(st);
	bool ok = rc == SQLITE_DONE && !problems.len;
	if (rc != SQLITE_DONE && !problems.len)
		db_fail(s, err);
	else if (problems.len)
		db_set_err(err, sb_take(&problems));
	sb_free(&problems);
	return ok ? KP_OK : KP_ERR;
}

/* PRAGMA integrity_check of the file path: NULL when it says "ok", else
 * what it says (caller frees). */
static char *file_check(const char *path)
{
	sqlite3 *copy;
	if (sqlite3_open_v2(path, &copy, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		char *why = xasprintf(msg(MSG_S_OPEN), path, sqlite3_errmsg(copy));
		sqlite3_close(copy);
		return why;
	}
	textindex_register(copy);
	sqlite3_stmt *chk = NULL;
	char *result = NULL;
	if (sqlite3_prepare_v2(copy, "PRAGMA integrity_check", -1, &chk, NULL) == SQLITE_OK &&
	    sqlite3_step(chk) == SQLITE_ROW)
		result = db_text(chk, 0);
	sqlite3_finalize(chk);
	sqlite3_close(copy);
	if (result && !strcmp(result, "ok")) {
		free(result);
		return NULL;
	}
	return result ? result : xstrdup("?");
}

/* The copy is made under a temporary name beside out and given out's name
 * only once it is on disk and checked: a full disk or a bad copy leaves
 * nothing, never a short file that the next night's run (same name)
 * would refuse to replace. link() rather than rename(): out made by
 * someone meanwhile is kept, not replaced. */
int store_backup(kp_store *s, const char *out, char **err)
{
	if (session_need(s, SESSION_KIND(SESSION_ADMIN), err) != KP_OK ||
	    store_check_companions(out, err) != KP_OK)
		return KP_ERR;
	char *tmp = xasprintf("%s.kepu-XXXXXX", out);
	int fd = mkstemp(tmp); /* 0600: a backup holds everything the database does */
	if (fd < 0) {
		db_set_err(err, xasprintf(msg(MSG_S_BACKUP_TEMP), out, strerror(errno)));
		free(tmp);
		return KP_ERR;
	}
	/* VACUUM INTO writes into an empty existing file. */
	sqlite3_stmt *st = db_prepare(s, "VACUUM INTO ?", err);
	int rc = st ? KP_OK : KP_ERR;
	if (st) {
		sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
		sqlite3_finalize(st);
	}
	if (rc == KP_OK && fsync(fd) != 0) {
		db_set_err(err, xasprintf("%s: %s", out, strerror(errno)));
		rc = KP_ERR;
	}
	close(fd);
	char *bad = rc == KP_OK ? file_check(tmp) : NULL;
	if (bad) {
		db_set_err(err, xasprintf(msg(MSG_S_BACKUP_BAD), out, bad));
		free(bad);
		rc = KP_ERR;
	}
	if (rc == KP_OK) /* again: one may have come while the copy was made */
		rc = store_check_companions(out, err);
	if (rc == KP_OK && link(tmp, out) != 0) {
		db_set_err(err, errno == EEXIST ? xasprintf(msg(MSG_C_OUT_EXISTS), out) : xasprintf("%s: %s", out, strerror(errno)));
		rc = KP_ERR;
	}
	unlink(tmp);
	char *journal = xasprintf("%s-journal", tmp); /* should SQLite have left one */
	unlink(journal);
	free(journal);
	free(tmp);
	return rc;
}
