/* Internal to store/: the connection and helpers shared by its files. */
#ifndef KP_STORE_DB_H
#define KP_STORE_DB_H
#include <sqlite3.h>

#include "store/store.h"

struct kp_store {
	sqlite3 *db;
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
/* A column as a new string ("" for NULL). */
char *db_text(sqlite3_stmt *st, int col);

#endif
