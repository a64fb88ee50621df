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
/* A column as a new string ("" for NULL). */
char *db_text(sqlite3_stmt *st, int col);

#endif
