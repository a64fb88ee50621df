/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Internal to store/: the connection and helpers shared by its files. */
#ifndef KP_STORE_DB_H
#define KP_STORE_DB_H
#include <sodium.h>
#include <sqlite3.h>

#include "core/strbuf.h"
#include "store/store.h"

struct kp_store {
	sqlite3 *db;
	kp_session_kind kind; /* on whose behalf (session.c) */
	char *actor;          /* who: the account or the administrator, for audit rows */
	long long actor_unit; /* a unit session's unit, 0 otherwise */
	int year;             /* the programme year every read and write belongs to (years.c) */
	int base_year;        /* the first programme year (config/schedule.yaml) */
	sqlite3_stmt *audit_st; /* the audit insert, prepared once */
	sqlite3_stmt *head_st, *head_set; /* the chain's head: read, moved (chain.c) */
	bool chain_on;        /* kp_chain exists: audit rows are chained */
	crypto_generichash_state *acc; /* each seal made is hashed into it (seal_begin) */
	struct kp_reseal { char *key; sqlite3_stmt *st; } *reseal; /* seal.c's statements, by table and rows */
	size_t nreseal;
	sqlite3_stmt *att_seals; /* a record's attachments' seals (chain.c) */
	bool pending;         /* a writer sealed its rows itself: the next audit row takes… */
	unsigned char pending_seal[32]; /* …this hash of their seals */
	const kp_form **referrers; /* forms with a record field (refs.c), as ensured */
	size_t nreferrers;
	const kp_catalog *cat; /* the forms' rules every written record passes (values.c) */
	unsigned char proof_key[crypto_shorthash_KEYBYTES]; /* store_validate's proofs (values.c), made at open */
	bool text_index;      /* FTS5 with its trigram tokenizer is there (textindex.c) */
	char **indexed;       /* the tables whose text index is in place, as ensured */
	size_t nindexed;
	/* the last filter whose trigrams were sampled (textindex.c): its
	 * table and text, and the query made of them ("": the whole phrase);
	 * the next page of the list, or the count, asks again */
	char *probed, *probed_query;
	int refused_field;    /* the field the last store_insert/store_update was refused for, or -1 */
	/* the records this session was shown in full (store_view), each
	 * at the version last shown: what the city may approve (session.c) */
	struct kp_viewed { char *table; long long id; int version; } *viewed;
	size_t nviewed;
	sqlite3_stmt *closed_st; /* a year's closing, asked before every unit's write (session.c) */
	/* The referee (city, administrator) writing into a closed year: the
	 * year while the write's audit row is to say so (session_write_year,
	 * db_audit), and the last such year a write was audited in. */
	int closed_pending, closed_written;
};

/* values.c: KP_OK when r carries store_validate's proof for exactly its
 * values, or (no proof, or one for other values) when every non-empty value
 * of r passes its field's rules and the rules between fields
 * (form_validate); else KP_ERR with *err naming the field and the reason.
 * Every write of a record's values calls it first. */
int values_check(kp_store *s, const kp_form *f, const kp_record *r, char **err);

/* A state code as the user knows it (草稿 …). */
const char *state_words(const char *code);
/* Record fields (refs.c, #19). Remember f's record fields and index them
 * (store_ensure_form, in its transaction). */
int refs_ensure(kp_store *s, const kp_form *f, char **err);
/* Put in each record field of r that holds a name (or name（unit）) the
 * number of the one record it names, and check every number changed from
 * old's: a record of the named form the session may see, of r's unit, in
 * the state the field asks. KP_ERR with *err naming the field. The values
 * replaced are kept in *held until refs_restore puts them back (always
 * call it, also after KP_ERR). */
int refs_resolve(kp_store *s, const kp_form *f, const kp_record *old, kp_record *r, char ***held,
		 char **err);
void refs_restore(const kp_form *f, kp_record *r, char **held);
/* KP_ERR with *err when a record of another form refers to record id of f
 * (its delete is refused: a nomination never points at nothing). */
int refs_block_delete(kp_store *s, const kp_form *f, long long id, char **err);

/* The session's rules, applied by every read and write of store/
 * (session.c). Each returns KP_OK or KP_ERR with *err naming what was
 * refused and why. */
int session_need(kp_store *s, unsigned kinds, char **err);
/* The unit a read is limited to: 0 for every unit (administrator, city),
 * the session's own for a unit. Bound into the SQL of every read. */
long long session_scope(const kp_store *s);
/* May the session write r (a new record when old is NULL) of f? Checks
 * the form, the unit, the state and every field the session may not set. */
int session_may_write(kp_store *s, const kp_form *f, const kp_record *old, const kp_record *r,
		      char **err);
/* The fields of r the session may not set hold what old holds (""
 * without old): the part of session_may_write an import's row can be
 * judged by only once the stored record it repeats is found. */
int session_may_write_fields(kp_store *s, const kp_form *f, const kp_record *old, const kp_record *r,
			     char **err);
/* session_may_write without those fields: what refuses a row whatever
 * stored record it turns out to repeat. */
int session_may_write_any(kp_store *s, const kp_form *f, const kp_record *r, char **err);
/* May the session move old (of a reviewed form) from one state to another? */
int session_may_move(kp_store *s, const kp_form *f, const kp_record *old, const char *from,
		     const char *to, char **err);
/* The form showed record id of f at version to the session (store_view). */
void session_mark_viewed(kp_store *s, const kp_form *f, long long id, int version);
/* The session wrote version from+1 of record id over version from: if it
 * had been shown from, it has seen what it wrote too (store_update). */
void session_mark_written(kp_store *s, const kp_form *f, long long id, int from);
/* The programme year bound into every year-bound statement (years.c). */
int session_year(const kp_store *s);
/* May the session read records of this unit? (its own, or the city's any) */
bool session_may_see(const kp_store *s, long long unit_id);
/* May the session add or remove old's attachments? Its form takes them
 * (evidence), and old may be changed by the session (as a write). */
int session_may_attach(kp_store *s, const kp_form *f, const kp_record *old, char **err);
/* An SQL condition: record alias other of f stands against a record of
 * unit (an SQL expression) — the same unit's record always, another unit's
 * only once put to the city (submitted or approved). A unit's draft or
 * returned record claims no file from another unit's record and is not
 * named at its review (t7h #3, #4): it is the later one's matter at its own
 * review, if it is ever submitted. A form without review: every record.
 * Caller frees. */
char *session_stands_sql(const kp_form *f, const char *other, const char *unit);
/* The SQL condition under which record alias other's file claims what
 * record alias mine also has (the 佐证 count): the same unit's always;
 * another unit's once it was put to the city, and never from an approved
 * record unless approved itself. "1" for a form without review. */
char *session_claims_sql(const kp_form *f, const char *other, const char *mine);
/* The next number of table's rows (a form's records, kp_attachments),
 * above the highest ever used (kp_seq) and the highest stored: numbers
 * are never handed out twice (records.c); db_seq_used keeps the last one
 * used. Both inside the writer's transaction. */
int db_seq_next(kp_store *s, const char *table, long long *next, char **err);
#define KP_SEQ_DDL "CREATE TABLE IF NOT EXISTS kp_seq (tbl TEXT PRIMARY KEY, last INTEGER NOT NULL)"
int db_seq_used(kp_store *s, const char *table, long long last);
/* Remove every attachment of a record (its delete, in the writer's
 * transaction). */
int store_detach_record(kp_store *s, const kp_form *f, long long record_id);
/* Mark r (just written, the session's own) as a possible duplicate of
 * every other record holding its unique_hint values (unless not same: an
 * import's filter is sure none does), in the caller's transaction
 * (duplicates.c), and with near the same unit's records near it
 * (near_hint, the first 20); *marked says whether any pair was new. */
int dup_mark_in_tx(kp_store *s, const kp_form *f, const kp_record *r, bool same, bool near, bool *marked,
		   char **err);
/* " AND <col>"field" = <other>" as the duplicate rule compares fd's values:
 * free text by kp_dupkey (text_dup_key_as, by dup_key_how), a typed value
 * as stored. A place names its prefixes :place_<field id>: bind them with
 * dup_bind_places. */
void dup_same(strbuf *b, const kp_field *fd, const char *col, const char *other);
/* How fd's free text is compared (core/dupkey.h): a place (its `place`
 * prefixes), a person's name (a pattern that normalises name dots), else
 * as text. */
int dup_key_how(const kp_field *fd);
/* Bind each place field's prefixes that st names (dup_same). */
void dup_bind_places(sqlite3_stmt *st, const kp_form *f);
/* After record id of f was changed (in the writer's transaction): its
 * possible-repeat marks whose two records no longer hold the same hint (or
 * similar_hint) values are taken off, audited. */
int dup_unmark_stale(kp_store *s, const kp_form *f, long long id, long long unit_id);
/* What a possible duplicate has in common with a record. */
typedef enum {
	DUP_SAME,    /* the unique_hint values */
	DUP_SIMILAR, /* the similar_hint values, other hint values differing */
	DUP_NEAR,    /* the same unit's, the hint values agreeing by near_hint */
	DUP_ALIKE,   /* a similar_hint rule's values over other fields (姓名, 工作单位) */
	DUP_NEAR_DAY /* the same unit's, by near_hint's day rule (the same 完成日期, any 名称) */
} dup_kind;
/* The first record the session reads (r's unit's first) holding r's
 * similar_hint values while other hint values differ (kind DUP_SIMILAR),
 * or r's unit's record near it (DUP_NEAR, not the same); *stp is made once
 * and finalized by the caller (duplicates.c). */
bool dup_seen(kp_store *s, const kp_form *f, const kp_record *r, dup_kind kind, sqlite3_stmt **stp, kp_dup *out);
/* Does the near rule compare a typed value as stored (an activity's date),
 * which its index seeks? Else its look-up reads the unit's rows. */
bool dup_near_typed(const kp_form *f);
/* Which import rows near_hint's day rule must look up (near_day.c): a
 * "no" of near_day_maybe is certain. Made for a batch, its rows added as
 * written; the table is read at the first question. */
typedef struct kp_near_day kp_near_day;
kp_near_day *near_day_new(kp_store *s, const kp_form *f);
bool near_day_maybe(kp_near_day *d, const kp_record *r);
void near_day_add(kp_near_day *d, const kp_record *r);
void near_day_free(kp_near_day *d);
/* The first record of any unit (r's unit's first) holding r's values of
 * similar_hint's rule f->alike[rule], the hint's others differing; out
 * names it only if the session reads it (its unit's; the city any). */
bool dup_alike(kp_store *s, const kp_form *f, const kp_record *r, size_t rule, sqlite3_stmt **stp, kp_dup *out);
/* The persons (unique_hint values) a batch may meet (persons.c), in the
 * batch's transaction: *out NULL when the form's must always be looked up.
 * persons_maybe sets *maybe false when no row of the table can hold r's
 * values (the look-ups are then needless), *near likewise for its
 * similar_hint values, *akin for its near_hint keys (with its unit),
 * *alike for similar_hint's rules over other fields;
 * persons_add tells it of a row
 * the batch wrote; persons_end before the commit or rollback. rows: how
 * many the table may hold (more is fine). Each returns KP_OK or KP_ERR
 * with *err. */
typedef struct kp_persons kp_persons;
int persons_begin(kp_store *s, const kp_form *f, long long rows, kp_persons **out, char **err);
int persons_maybe(kp_persons *p, const kp_record *r, bool *maybe, bool *near, bool *akin, bool *alike,
		  char **err);
void persons_add(kp_persons *p, const kp_record *r);
int persons_end(kp_persons *p, bool commit, char **err);
/* Create (or drop) a form's unique_hint index, always the same one. */
int schema_hint_index(kp_store *s, const kp_form *f, bool create, char **err);
/* The stored record `WHERE t.<key> = value` (id, or unit_id for a per-unit
 * form), read inside the writer's transaction; false when there is none
 * or it is another unit's than a unit session's (records.c). */
bool db_stored(kp_store *s, const kp_form *f, const char *key, long long value, kp_record *out);
/* Record id as a question about it finds it (any session; a record the
 * session may not read is missing): KP_OK with *old (the caller frees), or
 * KP_ENOTFOUND (KP_ERR: no session) with *err. */
int db_record_asked(kp_store *s, const kp_form *f, long long id, kp_record *old, char **err);
/* May the session move old to programme year `to`? The
 * year's rules apply: its in_year dates, its not_after: year values. */
int session_may_move_year(kp_store *s, const kp_form *f, const kp_record *old, int to, char **err);
/* May the session delete old? */
int session_may_delete(kp_store *s, const kp_form *f, const kp_record *old, char **err);
/* May the session change anything of programme year `year` (records,
 * their states, ticks)? A unit nothing once the city closed it. */
int session_may_change_year(kp_store *s, int year, char **err);
/* The same for a write of unit_id's data into year, about to be made: for
 * the referee writing into a year closed (to that unit), allowed and the
 * fact kept for the write's audit row (closed_pending). */
int session_write_year(kp_store *s, int year, long long unit_id, char **err);
/* May the session keep a draft typed for year (begun; closed is fine)? */
int session_may_draft_year(kp_store *s, int year, char **err);
/* Is year closed to the session (a unit: unless the city reopened it for
 * that unit)? *when (when asked and closed) is when, a new string. */
bool session_year_closed(kp_store *s, int year, char **when);
/* Is year closed to unit_id (0: closed at all, whatever unit it was
 * reopened for)? */
bool session_year_closed_to(kp_store *s, int year, long long unit_id, char **when);
/* Forget every unit's reopening of year, in the writer's transaction
 * (year_units.c; closing the year again). */
int year_units_clear(kp_store *s, int year, char **err);
#define SESSION_KIND(k) (1u << (k))
#define ANY_SESSION (SESSION_KIND(SESSION_ADMIN) | SESSION_KIND(SESSION_CITY) | SESSION_KIND(SESSION_UNIT))
#define CITY_OR_ADMIN (SESSION_KIND(SESSION_ADMIN) | SESSION_KIND(SESSION_CITY))

/* The list filter's text index (textindex.c). register: kp_gram and
 * kp_initials on a new connection (a backup's copy too: its check reads
 * the index), and whether FTS5's trigram tokenizer is there. forget
 * before a record's text changes or it goes, add
 * after it is written (the records lo..hi), in the writer's transaction.
 * on: does f's list filter use it? match: the FTS5 query of a filter (a
 * new string; NULL to scan), against the table <form>_kp_<*kind>, also
 * matching initials (textindex_initials_of) when not NULL, of the records
 * of one unit when unit is not 0. */
bool textindex_register(sqlite3 *db); /* tokens.c */
/* A record's unit as three private-use characters of plane 15: a marker,
 * the id's high byte and its low byte (units 1..TEXTINDEX_UNIT_MAX). Its
 * own column, never typed, it narrows a unit's list to the unit's records
 * inside the index: one trigram (the whole token) in <table>_kp_tri, the
 * pair of its last two characters (pair_only) in <table>_kp_gram. */
#define TEXTINDEX_UNIT_MAX 65535
void textindex_unit_token(strbuf *b, long long unit, bool pair_only);
int textindex_forget(kp_store *s, const kp_form *f, long long id);
int textindex_add(kp_store *s, const kp_form *f, long long lo, long long hi);
bool textindex_on(const kp_store *s, const kp_form *f);
char *textindex_match(kp_store *s, const kp_form *f, const char *filter, const char *initials,
		      long long unit, const char **kind);
/* Does the filter's index query (match, on table kind) find so many
 * records that a list sorted by a field is better read along that
 * field's index, each row tested, than from the index's candidates
 * sorted? */
bool textindex_dense(kp_store *s, const kp_form *f, const char *kind, const char *match);
/* The field whose pinyin initials the index holds and a filter asking
 * for initials matches: the form's first searchable one (NULL: none, and
 * no index). */
const kp_field *textindex_initials_field(const kp_form *f);
/* The typed letters as the index stores initials (a new string), or NULL
 * when typed is not all Latin letters (tokens.c). */
char *textindex_initials_of(const char *typed);
/* Clear the damage flag a failed FTS5 integrity check raised (the index
 * disagreeing with the records is not a damaged file). */
void db_forget_damage(void);

/* SQLite's page cache (PRAGMA cache_size, KiB when negative): small for a
 * session, SQLite's default for a batch, whose index writes need it. */
#define KP_CACHE_SESSION "-512"
#define KP_CACHE_BATCH "-2000"

/* Prepare sql or set *err. */
sqlite3_stmt *db_prepare(kp_store *s, const char *sql, char **err);
/* Run a statement without results. */
int db_exec(kp_store *s, const char *sql, char **err);
int db_begin(kp_store *s, char **err);   /* BEGIN IMMEDIATE */
/* End the transaction: commit when rc is KP_OK (KP_OK, or KP_ERR with *err
 * when the commit fails), else roll back and return rc. */
int db_end(kp_store *s, int rc, char **err);
int db_commit(kp_store *s, char **err);
void db_rollback(kp_store *s);
/* *err = the connection's current error message. */
int db_fail(kp_store *s, char **err);
/* *err = text (owned by the caller from then on), or text freed when the
 * caller passed no err: every store function takes a NULL err. */
void db_set_err(char **err, char *text);
/* Append an audit row in the current transaction: who (NULL: the actor),
 * the form's table (or kp_users, kp_ticks), the record, its unit, the
 * action, and the changes as field, old, new, field, old, new, … */
int db_audit(kp_store *s, const char *user, const char *form, long long record_id,
	     long long unit_id, const char *action, char *const *changes, size_t nchanges);
/* Seals and the audit chain (sealfn.c, seal.c, chain.c, #27). */
#define CHAIN_HASH 32 /* bytes of a chain hash */
#define SEAL_ROW_DIGEST 16   /* a seal: the row's digest, then… */
#define SEAL_COLUMN_DIGEST 2 /* …this many bytes for each column */
/* sealfn.c: the SQL function kp_seal() on s's connection, and its parts:
 * a column name's id, one column's digest, and the seal of n values
 * (values[0], values[step], … name/value pairs when step is 2). */
void seal_register(kp_store *s);
uint32_t seal_name_id(const char *name, size_t n);
void seal_column_digest(uint32_t id, unsigned char kind, const unsigned char *p, size_t n,
			unsigned char out[SEAL_COLUMN_DIGEST]);
unsigned char *seal_of(const uint32_t *ids, sqlite3_value **values, int step, int n, size_t *len);
/* A table's sealed columns (all but kp_seal), in order. */
char **seal_columns(kp_store *s, const char *table, size_t *n);
void seal_columns_free(char **c, size_t n);
/* Seal table's rows WHERE where (?1 bound to a, ?2 to t); the statement
 * is kept for the next call with the same table and where. */
int seal_rows(kp_store *s, const char *table, const char *where, long long a, const char *t);
/* From seal_begin on, every seal made (kp_seal()) is hashed into h, in
 * row order; seal_finish hands the hash to the next audit row (db_audit),
 * which then seals nothing itself. */
void seal_begin(kp_store *s, crypto_generichash_state *h);
void seal_finish(kp_store *s, crypto_generichash_state *h);
/* kp_seal(…) over the columns of table as an INSERT listing cols (with
 * the parameter expressions exprs) stores them, the others taking their
 * defaults; NULL when a default is not a plain literal. */
char *seal_insert_expr(kp_store *s, const char *table, const char *const *cols, const char *const *exprs,
		       size_t n);
/* Is an audit row's form a record table (not kp_users, kp_years …)? */
bool seal_is_record(const char *table);
typedef struct {
	const char *table;    /* the record's form table */
	long long record;     /* its number */
	long long attachment; /* an attachment's id, 0 for the record row */
} seal_row;
/* column NULL: the row was never sealed; value: the column's text now
 * (NULL when empty or bytes). */
typedef int (*seal_diff_fn)(const seal_row *row, const char *column, const char *value, void *ctx);
/* fn for every column of table whose value differs from its row's seal. */
int seal_compare(kp_store *s, const char *table, seal_diff_fn fn, void *ctx);
/* The counts of a form's records (counts.c): ensure counts them once; a
 * writer collects the changes of a transaction's writes, and end adds
 * them to kp_counts (flush) or drops them (a rollback). */
typedef struct kp_counter kp_counter;
int counts_ensure(kp_store *s, const kp_form *f, char **err);
/* Does table t have column c? (schema.c) */
bool db_has_column(kp_store *s, const char *t, const char *c);
/* The counts of records of one programme year. */
kp_counter *counter_begin(kp_store *s, const kp_form *f, int year);
void counter_add(kp_counter *d, long long unit, const char *state, long long n);
void counter_move(kp_counter *d, long long unit, const char *from, const char *to);
int counter_end(kp_counter *d, bool flush);
/* A column as a new string ("" for NULL). */
char *db_text(sqlite3_stmt *st, int col);

#endif
