/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The heads log (#27): beside the database, FILE.heads remembers each
 * audit-chain head a backup or a check saw, so work that vanished later
 * (a power cut, a truncated -wal, a restore from an older file) is noticed. */
#ifndef KP_DOMAIN_HEADS_H
#define KP_DOMAIN_HEADS_H
#include <stdbool.h>

#include "store/store.h"

/* Append head id (its hash h) to db's log as seen by what (a backup's
 * path, or "kepu check"). 0, or -1 with *err. */
int heads_note(const char *db, const char *what, long long id, const unsigned char h[32], char **err);
/* Append that an administrator accepted the heads lost so far. */
int heads_accept(const char *db, char **err);
typedef struct {
	bool lost;            /* a head the log names is gone */
	char lost_at[20];     /* the newest such: when it was seen */
	char lost_what[256];  /* …by whom (check, or a backup's path) */
	long long lost_id;    /* …its audit row */
	char found_at[20];    /* the newest head the live chain still holds ("" none) */
} heads_state;
/* Compare db's log with the live chain (lines before the last accept
 * are settled). 0, or -1 with *err when the log cannot be read. */
int heads_compare(kp_store *s, const char *db, heads_state *out, char **err);
#endif
