/* Internal to store/: the connection and helpers shared by its files. */
#ifndef KP_STORE_DB_H
#define KP_STORE_DB_H
#include <sqlite3.h>

#include "store/store.h"

struct kp_store {
	sqlite3 *db;
	char *actor;          /* who writes (audit rows), "" until set */
	long long actor_unit; /* that user's unit, 0 for the city */
	sqlite3_stmt *audit_st; /* the audit insert, prepared once */
};

/* Prepare sql or set *err. */
sqlite3_stmt *db_prepare(kp_store *s, const char *sql, char **err);
/* Run a statement without results. */
int db_exec(kp_store *s, const char *sql, char **err);
int db_begin(kp_store *s, char **err);   /* BEGIN IMMEDIATE */
int db_commit(kp_store *s, char **err);
void db_rollback(kp_store *s);
/* *err = the connection's current error message. */
int db_fail(kp_store *s, char **err);
/* Append an audit row in the current transaction: who (NULL: the actor),
 * the form's table (or kp_users, kp_ticks), the record, its unit, the
 * action, and the changes as field, old, new, field, old, new, … */
int db_audit(kp_store *s, const char *user, const char *form, long long record_id,
	     long long unit_id, const char *action, char *const *changes, size_t nchanges);
/* The counts of a form's records (counts.c): ensure counts them once; a
 * writer collects the changes of a transaction's writes, and end adds
 * them to kp_counts (flush) or drops them (a rollback). */
typedef struct kp_counter kp_counter;
int counts_ensure(kp_store *s, const kp_form *f, char **err);
kp_counter *counter_begin(kp_store *s, const kp_form *f);
void counter_add(kp_counter *d, long long unit, const char *state, long long n);
void counter_move(kp_counter *d, long long unit, const char *from, const char *to);
int counter_end(kp_counter *d, bool flush);
/* A column as a new string ("" for NULL). */
char *db_text(sqlite3_stmt *st, int col);

#endif
