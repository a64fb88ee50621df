/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * store: the only place with SQL. One SQLite file in WAL mode, shared by
 * many SSH sessions. Every statement is prepared with bound parameters;
 * identifiers (table and column names) come only from validated form
 * definitions. Every write runs in BEGIN IMMEDIATE; no transaction is ever
 * left open between calls (so never while the UI waits for a key).
 *
 * Order of calls: store_open; store_ensure_units, then store_ensure_form and
 * store_ensure_text_index for each form (idempotent; adds new columns,
 * never drops anything); then the record functions; store_close.
 *
 * Errors: functions return 0 on success or a negative KP_E* code and set
 * *err to a new message (caller frees) where they take an err argument.
 * err may always be NULL: the message is then dropped, the code still
 * says what happened (tests/unit/test_store.c calls every getter so).
 */
#ifndef KP_STORE_H
#define KP_STORE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "form/catalog.h"
#include "form/form.h"
#include "form/schedule.h"
#include "form/units.h"

enum { KP_OK = 0, KP_ERR = -1, KP_ECONFLICT = -2, KP_ENOTFOUND = -3, KP_ESAME = -4, KP_ESAME_LOCKED = -5, KP_ESIMILAR = -6,
       KP_ENEAR = -7, KP_EDUP = -8 };

typedef struct kp_store kp_store;

/* store_validate's word that a record's values passed their form's rules:
 * bound to exactly those values (values.c). */
typedef unsigned long long kp_proof;

typedef struct {
	long long id;       /* 0 for a new record */
	long long unit_id;
	int version;        /* as read; an update must quote it */
	char *unit_name;    /* filled by reads */
	int unit_seq;       /* the unit's 序号, filled by reads */
	char *created_at, *updated_at;
	char *state;        /* a reviewed form's: draft, submitted, approved, returned */
	char *reason;       /* why it was last returned ("" if never) */
	int year;           /* the programme year it belongs to (filled by reads) */
	char **vals;        /* one per form field, "" when empty; owned */
	size_t nvals;
	kp_proof proof;     /* store_validate's proof that vals pass the form's rules; 0: none */
} kp_record;

/* A record with n empty values. */
void record_init(kp_record *r, size_t n);
void record_free(kp_record *r);
/* Replace value i with a copy of v. */
void record_set(kp_record *r, size_t i, const char *v);

/* Who an account is: the city office (市科协), every unit, or one unit. */
typedef enum { USER_CITY, USER_UNIT } kp_user_role;

/*
 * The session: on whose behalf every read and write of the store runs.
 * This is kepu's one trust boundary: every path (screens, lists, 附表4,
 * reports, the checklist, review, imports, exports, the command line)
 * reads and writes through a store whose session decides, in the SQL of
 * each statement, which units' rows exist for it and what it may change.
 *
 * - SESSION_ADMIN: kepu's own seeding and a server administrator's command
 *   line: everything.
 * - SESSION_CITY: a city account: every unit's rows, the fields and forms
 *   the YAML gives the city (written_by: city), the city's review steps.
 * - SESSION_UNIT: one unit's account: its own unit's rows only (another
 *   unit's record answers like a missing one), only the fields and forms a
 *   unit may write, only its draft or returned records, the unit's review
 *   steps.
 * - SESSION_NONE: before a login: only the login itself.
 *
 * A store opens as SESSION_ADMIN. A session only ever narrows: admin →
 * none, city or unit; none → the account that logs in; city → unit; a
 * unit session is final.
 */
typedef enum { SESSION_ADMIN, SESSION_CITY, SESSION_UNIT, SESSION_NONE } kp_session_kind;

/* Narrow the session to kind, named user (a unit's id for SESSION_UNIT).
 * KP_ERR with *err when that would widen it or the unit does not exist. */
int store_session(kp_store *s, kp_session_kind kind, const char *user, long long unit_id,
		  char **err);
kp_session_kind store_session_kind(const kp_store *s);
/* store_get, for showing the record in full (the form): the session
 * remembers the version it was shown, and the city approves (认定) only a
 * version it was shown so (session.c). A new session has been shown none. */
int store_view(kp_store *s, const kp_form *f, long long id, kp_record *r, char **err);
void store_forget_viewed(kp_store *s);
/* The unit the session is limited to, or 0 (administrator, city). */
long long store_session_unit(const kp_store *s);
/* The session's user name ("" before a login). */
const char *store_session_user(const kp_store *s);

/* The rules, for a screen's early word (the store applies them anyway). */
bool store_may_write_form(const kp_store *s, const kp_form *f);
bool store_may_write_field(const kp_store *s, const kp_field *fd);
/* May a record of a reviewed form in this state (a code: draft …) be
 * changed or deleted? */
bool store_may_edit_state(const kp_store *s, const char *state);
/* May the session move a record into programme year `year` (a unit: not
 * into a year not begun)? */
bool store_may_enter_year(const kp_store *s, int year);
/* May the session move a reviewed record from one state to another? */
bool store_may_move(const kp_store *s, const char *from, const char *to);
/* May the session change records of programme year `year` (a unit: not
 * in a year the city closed, nor in one not begun)? Asks the database. */
bool store_may_change_year(kp_store *s, int year);
/* The same rule, with why not in *err (a closed year, one not begun). */
int store_why_year_fixed(kp_store *s, int year, char **err);
/* The closed year this session last wrote into as the referee (the city
 * or the administrator may: their audit rows say so), else 0 — for a
 * command to say it wrote into a closed year. */
int store_closed_year_written(const kp_store *s);
/* May the session change or delete rec, a monthly report? A unit not once
 * the city summed its month up for the province (schedule_summary_day);
 * *err (may be NULL) says so, naming the day. Other forms: KP_OK. */
int store_may_change_report(kp_store *s, const kp_form *f, const kp_record *rec, char **err);

/* Has any statement found the database damaged (SQLITE_CORRUPT,
 * SQLITE_NOTADB)? Then nothing read from it can be trusted: front ends say
 * so (naming the recovery from a backup) instead of showing what came. */
bool store_damaged(void);
/* What SQLite said of the damage (for the message). */
const char *store_damage_reason(void);

int store_open(const char *path, kp_store **out, char **err);
void store_close(kp_store *s);
/* Does the database already hold kepu's tables? */
bool store_is_initialised(kp_store *s);

/* Units: insert those missing (by name); nothing else changes. */
int store_ensure_units(kp_store *s, const kp_units *u, char **err);
/* All units (id, 序号, name) in 序号 order; caller frees with unit_list_free. */
size_t store_units(kp_store *s, kp_unit **out);
/* The name of the unit with this id (new string), or NULL. */
char *store_unit_name(kp_store *s, long long id);
/* The id of the unit with this name, or 0. */
long long store_unit_id(kp_store *s, const char *name);

/* Programme years (years.c). Every record, quota, tick and count belongs
 * to one; the session's year (store_set_year) is the one every statement
 * reads, counts and writes: a new record is stored in it, a list of a form
 * shows that year's records (a pool form's, 附表2, every year's), the
 * checklist, progress, ranking and briefing count that year's. */
#define KP_YEAR_MIN 2000
#define KP_YEAR_MAX 2099
typedef struct {
	int year, from;     /* from: the year it was opened from, 0 for the first */
	char *by, *at;      /* who opened it, when */
	char *closed_by, *closed_at; /* who closed it, when; NULL while it is open */
	bool own_schedule;  /* its schedule is stored (else config/schedule.yaml's) */
} kp_year;
/* Before any form: the years table, the first year (base, the schedule's)
 * when none is opened, and the session's year set to it. Refuses a
 * database whose schema version is newer than this kepu's. */
int store_ensure_years(kp_store *s, int base, char **err);
/* After every table is brought up to date: the schema version stored. */
int store_schema_done(kp_store *s, char **err);
/* The years opened, oldest first; caller frees with years_free. */
size_t store_years(kp_store *s, kp_year **out);
void years_free(kp_year *y, size_t n);
/* "2016、2017" (a new string), for messages. */
char *store_years_text(kp_store *s);
/* The field the last store_insert or store_update was refused for (a
 * date outside the programme year, a 月报 month the unit has already), or
 * -1 (written, or refused for no field: rights, state, the database), so
 * a form can put the clerk there. */
int store_refused_field(const kp_store *s);
/* The session's year; KP_ENOTFOUND with *err naming the years opened. */
int store_set_year(kp_store *s, int year, char **err);
int store_year(const kp_store *s);
/* A year's schedule.yaml text (*schedule NULL: config/schedule.yaml's),
 * or KP_ENOTFOUND with *err. */
int store_year_schedule(kp_store *s, int year, char **schedule, char **err);
/* Open year from year `from` (city or administrator): the records of the
 * forms in copy (附表1's quotas) are copied into it and its schedule is
 * from's (base_schedule when from's is config/schedule.yaml's). Nothing
 * of from changes. Refused: a year opened already, a from not opened, a
 * year outside KP_YEAR_MIN..KP_YEAR_MAX. Audited. */
int store_year_open(kp_store *s, int year, int from, const char *base_schedule,
		    const kp_form *const *copy, size_t ncopy, char **err);
/* Close year (close) or reopen it (city or administrator). A closed year
 * is read as before; a unit changes nothing of it (session.c), the city
 * still approves what was submitted, and returns nothing. Refused: a year
 * not opened, one already so (a closed year still open to some units is
 * closed to them). Audited (year_close, year_reopen). */
int store_year_close(kp_store *s, int year, bool close, char **err);
/* Has the city closed year — to this session (a unit's: unless it was
 * reopened for the unit)? */
bool store_year_closed(kp_store *s, int year);
/* A closed year reopened for one unit (year_units.c): that unit may change
 * its records of the year again, every other unit's stay fixed. The
 * city's (or the administrator's), with a reason (1 to YEAR_REASON_MAX
 * characters, trimmed); audited (year_reopen_unit). Refused: a year not
 * opened or not closed, no such unit, one it is open to already.
 * store_year_close_for ends it for that unit (year_close_unit); closing
 * or reopening the whole year ends it for every unit. */
#define YEAR_REASON_MAX 200
int store_year_open_for(kp_store *s, int year, long long unit_id, const char *reason, char **err);
int store_year_close_for(kp_store *s, int year, long long unit_id, char **err);
typedef struct {
	long long unit_id;
	char *name, *reason, *by, *at; /* the unit's name; why, by whom, when it was reopened */
} kp_year_unit;
/* The units closed year is open to, by unit number; caller frees. */
size_t store_year_units(kp_store *s, int year, kp_year_unit **out);
void year_units_free(kp_year_unit *u, size_t n);
/* Their names 「魏都区、许昌学院」 (a new string), or NULL for none. */
char *store_year_units_text(kp_store *s, int year);

/* Create the form's table or add the columns it lacks (a per-unit form's
 * table allows one record per unit). */
int store_ensure_form(kp_store *s, const kp_form *f, char **err);
/* Count the form's records afresh when kp_counts disagrees with the table
 * (after an edit made outside kepu); *changed says whether it did. */
int store_recount(kp_store *s, const kp_form *f, bool *changed, char **err);
/* SQLite's check of the file (PRAGMA quick_check): KP_OK, or KP_ERR with
 * what is wrong in *err. */
int store_quick_check(kp_store *s, char **err);
/* After store_ensure_form, in every process that writes f's records: its
 * text index (textindex.c) made, filled from the records, when missing or
 * when the searchable fields changed. Without it f's filter scans and its
 * writes leave the index alone (kepu check then finds it behind). */
int store_ensure_text_index(kp_store *s, const kp_form *f, char **err);
/* Does the list filter use its text index (FTS5 with the trigram
 * tokenizer, textindex.c)? false: this SQLite lacks it, and the filter
 * reads every record (slow in a large list). */
bool store_text_index(const kp_store *s);
/* Does f's text index agree with its records (FTS5's integrity check)?
 * KP_ERR with *err saying not, or with repair set make it again from the
 * records (*repaired). Administrator only. */
int store_text_check(kp_store *s, const kp_form *f, bool repair, bool *repaired, char **err);
/* Does a list filter search this field? (Listed text fields: not integers,
 * not long texts.) */
bool store_searchable(const kp_field *f);
/* The id of the unit's record of a per-unit form, or 0. */
long long store_unit_record(kp_store *s, const kp_form *f, long long unit_id);

/* Insert r (r->id and r->version are set). */
int store_insert(kp_store *s, const kp_form *f, kp_record *r, char **err);
/* Insert n records in one transaction: all or nothing. (A per-unit form's
 * record for a unit that has one replaces its values.) */
int store_insert_many(kp_store *s, const kp_form *f, kp_record *r, size_t n, char **err);
/* A stream of inserts in one transaction (imports): begin, add each
 * record, then end with commit (or false to roll everything back). The
 * database is locked for writing from begin to end. With a source (the
 * file imported) the inserts are audited as one row naming it, their
 * count and numbers; without, each with its values. */
typedef struct kp_batch kp_batch;
kp_batch *store_batch_begin(kp_store *s, const kp_form *f, const char *source, char **err);
/* An import's record (a batch with a source) whose unique_hint values
 * (附表2: 姓名 and 联系电话) are those of a stored record the session may
 * read is not added again: KP_ESAME with
 * *err saying which, or KP_ESAME_LOCKED when an update could not change it
 * either (another unit's, approved, or a state the session may not edit). With update set, the stored record takes the new
 * values instead (r->version > 1 then), if it is the same unit's and the
 * session may change it: an approved record never, by an import. */
int store_batch_add(kp_batch *b, kp_record *r, char **err);
void store_batch_update(kp_batch *b, bool update);
/* A record holding a stored record's similar_hint values under other hint
 * values (附表2: its 联系电话, another 姓名) is not added: KP_ESIMILAR with
 * *err naming it; one near the same unit's record (near_hint: 科普讲座（一）
 * and （二） on the same day) KP_ENEAR likewise. With force it is added and
 * marked for the city's review; store_batch_forced counts those (near: the
 * near ones). */
void store_batch_force(kp_batch *b, bool force);
long long store_batch_forced(const kp_batch *b, bool near);
/* The file's row the next record added comes from: a later row repeating
 * it is told 「与本文件第 N 行重复」, not the number the file just gave it. */
void store_batch_row(kp_batch *b, long long row);
/* How many of a unit's imported rows were marked as possibly repeating a
 * person of another unit (kp_duplicates, for the city). */
long long store_batch_marked(const kp_batch *b);
int store_batch_end(kp_batch *b, bool commit, char **err);
/* Update r if its version is still current; else KP_ECONFLICT. */
int store_update(kp_store *s, const kp_form *f, kp_record *r, char **err);
int store_delete(kp_store *s, const kp_form *f, long long id, char **err);
int store_get(kp_store *s, const kp_form *f, long long id, kp_record *r, char **err);

/* Record fields (type: record, #19): what a stored number shows — the
 * named record's fields, 雷盼盼（长葛市科技局）, with its state when it is no
 * longer the one the field asks (〔现为退回〕), or that it is gone — read
 * under the session's scope; a new string ("" for ""). */
char *store_ref_label(kp_store *s, const kp_field *fd, const char *value);
/* A stored value as lists and exports show it: a multi-select joined by
 * 、, a record field's label, the rest as stored; a new string. */
/* The definitions whose rules every record written must pass (a record
 * that fails its form's validation is refused, whoever writes it); env
 * sets them on opening. */
void store_set_catalog(kp_store *s, const kp_catalog *cat);
/* form_validate (raw[i] for field i; out[i] and why[i] new strings or
 * NULL; returns how many fields fail) and, when every field passes under
 * the store's own definitions (cat is the one set above), *proof for the
 * values out: a write of exactly those values is not validated again
 * (0 otherwise: the write validates). Reads nothing but s's key and
 * definitions, so an import's checking thread calls it. */
int store_validate(const kp_store *s, const kp_catalog *cat, const kp_form *f, const char *const *raw,
		   char **out, char **why, kp_proof *proof);
char *store_shown(kp_store *s, const kp_field *fd, const char *v);
/* store_shown for the n values of one field on a page of a list: out[i]
 * (new strings) for vals[i]; a record field's labels come from one query. */
void store_shown_many(kp_store *s, const kp_field *fd, const char *const *vals, size_t n, char **out);
/* The records the field may name for a record of unit_id (the session's
 * to see, that unit's, in the field's state), in number order. */
typedef struct {
	long long id;
	char *label;
} kp_ref_choice;
size_t store_ref_choices(kp_store *s, const kp_field *fd, long long unit_id, kp_ref_choice **out);
void ref_choices_free(kp_ref_choice *c, size_t n);

/* What a list shows: the order, a filter, a unit. */
typedef struct {
	int sort;           /* field index to sort by; -1 sorts by record id */
	bool descending;
	const char *filter; /* text that must appear in one of the text fields; NULL or "" for all */
	long long unit_id;  /* 0: every unit */
	const char *state;  /* a reviewed form: only records in this state; NULL for all */
	bool initials;      /* the filter also matches the pinyin initials of the first text field (wf: 王芳) */
} kp_query;

/* Where a page starts: the record before it (forward) or after it
 * (backward), given by its sort value and id. */
typedef struct {
	const char *key; /* the record's value of the sort field (unused when sort is -1) */
	long long id;
} kp_anchor;

/* Up to limit records of q's list after (forward) or before (backward) the
 * anchor, in list order (keyset paging: every page costs the same, never
 * OFFSET). anchor NULL starts at the first (forward) or last (backward)
 * record. Returns the count; out is caller-freed with records_free. */
size_t store_query_page(kp_store *s, const kp_form *f, const kp_query *q, const kp_anchor *anchor,
			bool backward, size_t limit, kp_record **out);
/* How many records of q's list come after (before, backward) the anchor:
 * the rows below (above) a page, counted up to KP_COUNT_CAP (it returns
 * KP_COUNT_CAP + 1 past it): the whole count of a 50,000-record list
 * sorted by name took 33-58 ms, a page needs two. */
long long store_query_beyond(kp_store *s, const kp_form *f, const kp_query *q, const kp_anchor *anchor,
			     bool backward);
/* The number of records in q's list. A filtered count stops above
 * KP_COUNT_CAP (it returns KP_COUNT_CAP + 1), so typing stays fast. */
long long store_query_count(kp_store *s, const kp_form *f, const kp_query *q);
#define KP_COUNT_CAP 1000
/* Of a pool form's list (附表2: a talent stays listed in later years), the
 * records in state (NULL: any) carried from years before the session's,
 * in the session's scope; 0 for any other form. */
long long store_count_carried(kp_store *s, const kp_form *f, const char *state);
/* Open q's list: its first page (up to limit rows) and its size, counted
 * only when the page is full (what a short page holds is the count). */
size_t store_query_open(kp_store *s, const kp_form *f, const kp_query *q, size_t limit,
			kp_record **out, long long *total);
/* How many records of q's list (in id order) come before the record id:
 * its 序号 minus one. */
long long store_query_rank(kp_store *s, const kp_form *f, const kp_query *q, long long id);
long long store_count(kp_store *s, const kp_form *f);
void records_free(kp_record *r, size_t n);

/* Call fn for every record in id order (a per-unit form: in the units'
 * order) of one unit or all (unit_id 0), of a reviewed form only those in
 * state (NULL: all), streaming.
 * fn returns non-zero to stop. Returns 0 or KP_ERR. */
int store_each(kp_store *s, const kp_form *f, long long unit_id, const char *state,
	       int (*fn)(const kp_record *r, void *ctx), void *ctx, char **err);

/* What the checklist, the monthly report and the progress read. */

/* When the unit's first record of f came into the session's year — saved
 * there, or moved in from another year later ("YYYY-MM-DD HH:MM:SS", a
 * new string) — or NULL when it has none; with field >= 0 only records
 * whose field is value count. A reviewed form's drafts and returned
 * records never count; a record submitted after it came counts from its
 * first submission. */
char *store_first_saved(kp_store *s, const kp_form *f, long long unit_id, int field,
			const char *value);
/* When the unit last changed a value of its record of f whose field is
 * value (a monthly report: the month), before `before` ("YYYY-MM-DD", the
 * day after the unit's last chance), as a new string, or NULL when it
 * never did after saving it. Changes by city accounts are the referee's
 * corrections, not the unit's filing: they do not count. */
char *store_last_unit_change(kp_store *s, const kp_form *f, long long unit_id, int field,
			     const char *value, const char *before);
/* The id of the unit's record of f whose field is value, or 0. */
long long store_find(kp_store *s, const kp_form *f, long long unit_id, int field, const char *value);
/* Records of f per unit: out[i] for units[i] (read from kp_counts, which
 * counts.c keeps in step with every write in the writer's transaction: no
 * scan, and no triggers, which cost an import more than its inserts);
 * with state (a reviewed form), only those in it. */
void store_unit_counts(kp_store *s, const kp_form *f, const char *state, const kp_unit *units,
		       size_t n, long long *out);
/* A unit's place in the section 六 ranking: its rank (1 best; equal scores,
 * compared exactly, share one: *tied; 0 while no unit has anything
 * counted) and how many units are ranked, from every unit's counts and
 * quotas (count_forms[k] is the form of sc's column k). The only read a
 * unit session makes of other units' figures, so it answers these
 * aggregates and nothing else; unit_id must be one the session may see. */
int store_unit_rank(kp_store *s, const kp_scoring *sc, const kp_form *quota_form,
		    const kp_form *const *count_forms, long long unit_id, int *rank, bool *tied, int *nunits);
/* Each column's city-wide completion over every unit (scoring_means): what
 * a unit exempted from the column scores in it, so a unit's own view
 * scores it as the city's table does. Read like store_unit_rank: only
 * these aggregates leave it. */
void store_score_means(kp_store *s, const kp_scoring *sc, const kp_form *quota_form,
		       const kp_form *const *count_forms, kp_score_mean *means);
/* Move record id to programme year `to` (#27), keeping its number, state,
 * attachments and history; audited (move_year, kp_year old → new). The
 * city moves any record, a unit only its own draft (or a record of a form
 * without review), never into a year not begun; a per-unit form's record
 * never moves. The target year must be opened and its rules hold: an
 * in_year date in it, a not_after: year value not after it — else KP_ERR
 * with *err naming the field. KP_ENOTFOUND: no such year, or no such record
 * for the session (another unit's answers alike); KP_ECONFLICT: changed
 * meanwhile. */
int store_move_year(kp_store *s, const kp_form *f, long long id, int to, char **err);
/* Why value (as validated) of field breaks programme year `year`'s in_year
 * rule, in the words a save is refused with; NULL when it does not. For a
 * field checked as it is left, not at F2 pages on. The caller frees it. */
char *store_year_why(kp_store *s, const kp_form *f, size_t field, const char *value, int year);
/* May the session move record id into year `to` (its state, its unit, the
 * years, the dates)? Asked before the target year's form rules, so a record
 * the session may not move is refused for that, not for a value it could
 * not change anyway. store_move_year asks again in its transaction. */
int store_may_move_year(kp_store *s, const kp_form *f, long long id, int to, char **err);
/* Move a reviewed record from one state to another (with the reason of a
 * return), if it is still in `from`: KP_ECONFLICT otherwise. Audited. */
int store_set_state(kp_store *s, const kp_form *f, long long id, const char *from, const char *to,
		    const char *reason, const char *action, char **err);
/* The same, deciding on the version the reviewer saw (seen, a record's
 * version as read): KP_ECONFLICT with *err saying so when the record has
 * changed since (seen 0: the caller showed no values, as a unit submitting
 * its own records). */
int store_set_state_seen(kp_store *s, const kp_form *f, long long id, int seen, const char *from, const char *to,
			 const char *reason, const char *action, char **err);
/* Of the unit's records of f that t selects: how many, or the sum of a
 * field (t->sum_field). */
typedef struct {
	int date_field;      /* the records whose date falls in month */
	const char *month;
	int sum_field;       /* the sum of this field, or -1 for how many */
	int when_field;      /* only those whose when_field is when_is, when >= 0 */
	const char *when_is;
	bool evidence;       /* only those with at least one attachment */
	bool approved;       /* a reviewed form's: only those the city approved */
} kp_tally;
long long store_month_tally(kp_store *s, const kp_form *f, long long unit_id, const kp_tally *t);

/* A manual tick on the checklist: milestone key, unit (0: the city's
 * own), who and when. */
typedef struct {
	char *key;
	long long unit_id;
	char *by, *at;
} kp_tick;

int store_ensure_ticks(kp_store *s, char **err);
/* Every tick; caller frees with ticks_free. */
size_t store_ticks(kp_store *s, kp_tick **out);
void ticks_free(kp_tick *t, size_t n);
/* Tick (on) or untick a milestone for a unit, in the session's year. */
int store_tick_set(kp_store *s, const char *key, long long unit_id, const char *by, bool on,
		   char **err);
/* The same in programme year `year` (an item carried from last year is
 * ticked in its own), if the session may change that year. */
int store_tick_set_in(kp_store *s, int year, const char *key, long long unit_id, const char *by, bool on,
		      char **err);

/* Accounts (the password hash is made by domain/auth.c). */

typedef struct {
	long long id;
	char *name;
	kp_user_role role;
	long long unit_id;   /* a unit user's unit; 0 for the city */
	char *unit_name;     /* "" for the city */
	char *hash;          /* crypto_pwhash_str output */
	bool must_change;    /* an initial password: change before anything else */
	bool disabled;
	bool locked;         /* by the city (kepu user lock): no login until unlocked */
	bool auto_advance;   /* the user's own choice: full fields move on by themselves */
} kp_user;

/* The account, login-attempt and audit tables (the audit one append-only,
 * enforced by triggers). */
int store_ensure_auth(kp_store *s, char **err);
int store_user_get(kp_store *s, const char *name, kp_user *u);
/* Every account (the city's to see): none for another session, with err
 * (may be NULL) saying why. */
size_t store_users(kp_store *s, kp_user **out, char **err);
void user_free(kp_user *u);
void users_free(kp_user *u, size_t n);
/* A new account with an initial password (KP_ECONFLICT: the name is taken). */
int store_user_add(kp_store *s, const char *name, kp_user_role role, long long unit_id,
		   const char *hash, char **err);
/* A new hash: initial (reset by the city: must be changed, lockout ended)
 * or chosen by the user. KP_ENOTFOUND for an unknown name. */
int store_user_set_hash(kp_store *s, const char *name, const char *hash, bool initial, char **err);
int store_user_disable(kp_store *s, const char *name, char **err);
/* Lock or unlock an account (audited); unlocking also ends the name's
 * login back-off. KP_ENOTFOUND for an unknown name. */
/* The account's choice of auto-advance (its own, or any for the city),
 * audited. */
int store_user_set_auto_advance(kp_store *s, const char *name, bool on, char **err);
int store_user_set_locked(kp_store *s, const char *name, bool locked, char **err);
/* The hash an unknown name's password is checked against (caller frees),
 * or NULL before one is stored. */
char *store_dummy_hash(kp_store *s);
/* Store it, unless one is stored already. */
int store_set_dummy_hash(kp_store *s, const char *hash, char **err);
/* Recent failed logins under a name typed (known or not) or from a client
 * address (by_addr), and when the last was (Unix seconds). */
void store_attempts(kp_store *s, bool by_addr, const char *key, int *failures, long long *last_failed);
/* A login try: the name typed, the client's address, when (Unix seconds),
 * and before when an earlier failure is forgotten; confirm: a signed-in
 * account giving its current password to change it (a failure is counted
 * as a login's, audited as password_failed). */
typedef struct {
	const char *name, *addr;
	long long now, forget_before;
	bool confirm;
} kp_login_try;
/* Record a login (ending the name's back-off) or a failed one (counted
 * under the name and the address); why: the reason, for the audit
 * ("unknown": no account has the name, which is then audited as typed
 * text, never as the acting user). */
int store_login_result(kp_store *s, const kp_login_try *t, bool ok, long long unit_id, const char *why);

/* Failed logins of a name from many addresses (#27): how many addresses
 * failed under name since `since` (Unix seconds), and how many times in all
 * (a unit session learns this of its own name only). */
void store_login_spread(kp_store *s, const char *name, long long since, int *addrs, int *failures);
/* The city's: the names (at most max, most addresses first) that failed
 * from at least min_addrs addresses since `since`; each name a new string
 * (attacks_free). */
typedef struct {
	char *name;
	int addrs, failures;
	long long last_failed;
} kp_attack;
size_t store_login_attacks(kp_store *s, long long since, int min_addrs, kp_attack *out, size_t max);
void attacks_free(kp_attack *a, size_t n);

/* The audit trail: one row per change, login or decision. */
typedef struct {
	long long id;
	char *at, *user;
	long long unit_id;
	char *unit_name;     /* "" for the city's own rows */
	char *form;          /* the table (a form's), kp_users or kp_ticks */
	long long record_id;
	char *action;        /* insert, update, delete, login, login_failed, submit … */
	char *changes;       /* JSON array: field, old, new, field, old, new … */
} kp_audit_row;

#define AUDIT_WORDS 4 /* words of a typed filter that must all match */
typedef struct {
	const char *since;   /* "YYYY-MM-DD": rows from that day on; NULL: all */
	const char *user;    /* only this user's; NULL: all */
	const char *unit;    /* only rows of the unit of this name; NULL: all */
	const char *form;    /* only rows of the form with this table or whose title holds it (附表2) */
	const char *words;   /* only rows whose changed fields or values hold it */
	/* Each blank-separated word (up to AUDIT_WORDS) in the user, unit, form
	 * (table or title), record number, time or changes; NULL: all. */
	const char *text;
	/* The forms whose titles form and text may name (the catalogue). */
	kp_form *const *forms;
	size_t nforms;
} kp_audit_query;

/* What an audit action is called on screen (认定, 开启新年度), or
 * NULL for a code the store never writes (db_audit refuses those). */
const char *store_audit_label(const char *action);
/* The i-th action the store writes, or NULL past the last (for tests). */
const char *store_audit_action(size_t i);

/* Every matching row, oldest first. fn returns non-zero to stop. */
int store_audit_each(kp_store *s, const kp_audit_query *q,
		     int (*fn)(const kp_audit_row *a, void *ctx), void *ctx);
/* Up to limit matching rows older than before_id (0: the newest), newest
 * first. Caller frees with audit_rows_free. A session that may not read
 * the trail (a unit's) gets none, and err (may be NULL) says why. */
size_t store_audit_page(kp_store *s, const kp_audit_query *q, long long before_id, size_t limit,
			kp_audit_row **out, char **err);
void audit_rows_free(kp_audit_row *a, size_t n);

/* The audit chain (#27, chain.c). */
typedef enum {
	CHAIN_RECORD,    /* a record's column differs from its seal */
	CHAIN_UNSEALED,  /* a record row kepu never wrote */
	CHAIN_UNBOUND,   /* a record's seal is not the one its newest audit row hashed */
	CHAIN_BATCH,     /* an import's records (record … record + count - 1) are not sealed as its row says */
	CHAIN_CHANGED,   /* an audit row changed, moved or unsealed */
	CHAIN_MISSING,   /* audit rows missing before this one */
	CHAIN_TRUNCATED, /* rows missing at the end */
	CHAIN_GUARD,     /* the chain restarted or a guard trigger was dropped */
} kp_chain_kind;
typedef struct {
	kp_chain_kind kind;
	char *table;          /* records: the form's table */
	long long record;     /* …its number */
	long long attachment; /* …an attachment's id, 0 for the record row */
	char *column;         /* CHAIN_RECORD: the column (a field's id), "" when no digest tells */
	char *value;          /* …its value now (NULL: empty, or an attachment's bytes) */
	long long position;   /* audit rows: the place in the chain (1: its first link) */
	long long audit_id;   /* …and the row's id */
	long long count;      /* CHAIN_MISSING, CHAIN_TRUNCATED: how many rows */
} kp_chain_finding;
typedef struct {
	kp_chain_finding *f;
	size_t n;
	long long rows;    /* links walked */
	long long head_id; /* the newest link found */
	unsigned char head[32];
} kp_chain_report;
/* Start the chain on a database without one: every record of tables (the
 * forms') and every attachment sealed as it is now, said in the audit. */
int store_ensure_chain(kp_store *s, const char *const *tables, size_t n, char **err);
/* Walk the chain and compare every record of tables (and every
 * attachment) with its seal. r->n findings (0: intact). */
int store_chain_check(kp_store *s, const char *const *tables, size_t n, kp_chain_report *r, char **err);
/* Record r's findings as an administrator's audited change, with reason,
 * resealing the records as they are (administrators only). */
int store_chain_accept(kp_store *s, const kp_chain_report *r, const char *reason, char **err);
void chain_report_free(kp_chain_report *r);
/* The head kp_chain remembers (KP_ENOTFOUND before the chain began). */
int store_chain_head(kp_store *s, long long *id, unsigned char hash[32], char at[20]);
/* The same of the database file at path (a backup), opened read-only. */
int store_file_head(const char *path, long long *id, unsigned char hash[32], char at[20]);
/* Does the live chain hold row id with this hash? */
bool store_chain_has(kp_store *s, long long id, const unsigned char hash[32]);

/* A consistent copy of the live database in out (which must not exist),
 * made with VACUUM INTO while other sessions keep working into a temporary
 * file beside out, synced, checked with PRAGMA integrity_check and only
 * then named out (mode 0600). On failure nothing is left. Returns 0, or
 * KP_ERR with *err. */
int store_backup(kp_store *s, const char *out, char **err);
/* KP_ERR with *err naming it when path-wal, path-journal or path-shm
 * exists: a database made or put at path would take it for its own and
 * the next open replay another database's pages into it. store_open (for
 * a file it creates) and store_backup refuse so. */
int store_check_companions(const char *path, char **err);

/* A draft: the values a user typed into a form, as (field id, value)
 * pairs, so a changed form definition still restores what matches. Each
 * sitting of a form keeps its own (id): two sessions of one account never
 * write over each other's. */
typedef struct {
	long long id;         /* 0: not yet written (a save gives it one) */
	long long record_id;  /* 0: a new record */
	long long unit_id;
	int base_version;     /* the version the edit started from */
	char **pairs;         /* id, value, id, value, … (2 * npairs strings) */
	size_t npairs;
	char *form;           /* filled by reads: the form's id */
	char *created_at;     /* filled by reads: when its typing began */
	char *updated_at;     /* filled by reads: when it was last written */
	int year;             /* its programme year (0 on a save: the session's; on a read: not known) */
	bool held;            /* filled by reads: another process still types it (a live sitting) */
} kp_draft;

int store_ensure_drafts(kp_store *s, char **err);
/* Write the owner's draft d of this form: a new one when d->id is 0 (then
 * d->id is set), else that one (written again if it was deleted). */
int store_draft_save(kp_store *s, const char *owner, const char *form, kp_draft *d, char **err);
/* The owner's newest draft of this form and record: KP_OK with *d filled,
 * or KP_ENOTFOUND. */
int store_draft_load(kp_store *s, const char *owner, const char *form, long long record_id,
		     kp_draft *d);
/* The owner's draft id: KP_OK with *d filled, or KP_ENOTFOUND. */
int store_draft_get(kp_store *s, const char *owner, long long id, kp_draft *d);
/* The owner's drafts, newest first, at most max; free with drafts_free. */
size_t store_drafts_of(kp_store *s, const char *owner, size_t max, kp_draft **out);
int store_draft_delete(kp_store *s, const char *owner, long long id);
void draft_free(kp_draft *d);
void drafts_free(kp_draft *d, size_t n);

/* Attachments (#19): files kept with a record of a form that takes them
 * (evidence), in kp_attachments. A session sees and changes only the
 * attachments of records it may see and change (session.c), another
 * unit's answering like a missing one. */
typedef struct {
	long long id, record_id, unit_id, size;
	char *name, *type;   /* the name as sent (made safe), the type found in its content */
	char *by, *at;       /* who sent it, when */
	char *unit_name;     /* its record's unit */
	char *state;         /* its record's review state (a code: draft …), "" for a form without review */
} kp_attachment;

typedef struct {
	const char *name, *type;
	FILE *in;            /* read from its current position */
	long long size;      /* exactly this many bytes */
} kp_new_attachment;

int store_ensure_attachments(kp_store *s, char **err);
/* Attach na to record_id of f (audited), within the form's limits (one
 * file's size, files per record). KP_OK with *id, or KP_ERR /
 * KP_ENOTFOUND with *err. */
int store_attach(kp_store *s, const kp_form *f, long long record_id, const kp_new_attachment *na,
		 long long *id, char **err);
/* The record's attachments, oldest first (none for a record the session
 * may not see); caller frees with attachments_free. */
size_t store_attachments(kp_store *s, const kp_form *f, long long record_id, kp_attachment **out);
/* The attachments of f's records the session may see, oldest first:
 * of record_id only and of unit_id only where they are not 0. */
size_t store_attachments_where(kp_store *s, const kp_form *f, long long record_id, long long unit_id,
			       kp_attachment **out);
void attachments_free(kp_attachment *a, size_t n);
/* Which of record_id's attachments (only attachment `only`, unless 0)
 * have the same content (hash) as an attachment of another record of f,
 * any unit's (#9): 「附件「a.png」与第 26 号记录的附件内容相同」, joined
 * with 「；」; a record the session may not see is not named. NULL: none,
 * or a record the session may not see. Caller frees. */
char *store_attachment_twins(kp_store *s, const kp_form *f, long long record_id, long long only);
/* Attachment id of f's records, as the session may see it: KP_OK with *a
 * filled (attachment_clear frees its strings), else KP_ENOTFOUND with
 * *err (another unit's file answers exactly like a missing one) or KP_ERR. */
int store_attachment_find(kp_store *s, const kp_form *f, long long id, kp_attachment *a, char **err);
void attachment_clear(kp_attachment *a);
/* Write attachment id's bytes to out, a chunk at a time. */
int store_attachment_copy(kp_store *s, const kp_form *f, long long id, FILE *out, char **err);
/* Remove attachment id (audited), as a change of its record. */
int store_detach(kp_store *s, const kp_form *f, long long id, char **err);

/* Possible duplicates (a form's unique_hint, 附表2: 姓名 and 联系电话),
 * looked for in every unit's records. A unit session learns that there is
 * one and whether it is its own; id, unit and name are given only of a
 * record the session may read. */
typedef struct {
	bool found;
	bool other_unit;  /* the match is another unit's record */
	long long id;     /* 0 when the session may not read it */
	char *unit_name;  /* NULL when the session may not read it */
	char *name;       /* the first hint field's value, likewise */
	bool similar;     /* only the similar_hint fields are the same (附表2: 联系电话) */
	bool near;        /* near by near_hint (科普讲座（一）, （二）): the same unit's record; of
			   * store_duplicates_of, one not marked, of any unit */
	int alike;        /* similar and by similar_hint's rule f->alike[alike - 1], or 0 */
	bool quiet;       /* not found, but another unit's record the session may not read is
			   * similar (附表2: the same 联系电话, or 姓名 and 工作单位): marked for
			   * the city on saving, the unit told nothing (it is told only of the
			   * same 姓名 and 联系电话) */
} kp_dup;
void dup_free(kp_dup *d);
/* Why a similar record may be the same: 「联系电话相同，姓名不同」, or by
 * the rule over other fields d->alike names 「姓名、工作单位相同，联系电话不同」. */
char *dup_similar_why(const kp_form *f, int alike);
/* Why a near record may be the same: 「活动名称（不计编号）、日期、地点（…）相同」. */
char *dup_near_why(const kp_form *f);
int store_ensure_duplicates(kp_store *s, char **err);
/* Is there another record with r's hint values, or else with its
 * similar_hint values and others different (d->similar), or else r's
 * unit's record near it by near_hint (d->near)? (r->id 0 for a new one) */
bool store_find_duplicate(kp_store *s, const kp_form *f, const kp_record *r, kp_dup *out);
/* The stored record r was saved although warned: pair it with every record
 * holding its hint values, for the city's review (kp_duplicates). Audited. */
int store_mark_duplicate(kp_store *s, const kp_form *f, const kp_record *r, char **err);
/* A save (r->id 0: insert, else update) with its duplicate look-up in the
 * same write transaction, so of saves made at the same moment each sees
 * the others (a look-up before the transaction let all of them pass).
 * KP_DUP_REFUSE: a possible duplicate is KP_EDUP, *found says which and
 * nothing is written; KP_DUP_MARK (the clerk confirmed): written and
 * marked for the city; KP_DUP_IGNORE: written only. */
typedef enum { KP_DUP_IGNORE, KP_DUP_REFUSE, KP_DUP_MARK } kp_dup_rule;
int store_save_checked(kp_store *s, const kp_form *f, kp_record *r, kp_dup_rule rule, kp_dup *found,
		       char **err);
/* The city's: the records marked as possible duplicates of record id, then
 * (d->near) the records of any unit near it by near_hint that are not
 * marked with it, at most 20: a unit is warned of its own near records
 * only, so another unit's reaches the city here. */
size_t store_duplicates_of(kp_store *s, const kp_form *f, long long id, kp_dup **out);

#endif
