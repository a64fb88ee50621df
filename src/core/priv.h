/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * priv: kepu installed setgid to the data's group (see docs/security.md).
 * The clerk's own Unix identity cannot open the database; kepu opens it,
 * and the per-account exchange folders, with the data group, and does
 * everything else (terminal, ZMODEM children, temporary files) as the user
 * who ran it.
 *
 * Order: priv_init() first thing in main(); then priv_raise()/priv_drop()
 * around each open of the database or an exchange folder; priv_drop_for_good()
 * in a child before it execs another program.
 */
#ifndef KP_PRIV_H
#define KP_PRIV_H
#include <stdbool.h>

/* Remember the caller's and the data group's ids and drop to the caller's.
 * Returns 0, or -1 when the privilege cannot be dropped (kepu must stop). */
int priv_init(void);
/* Was kepu started with more privilege than its caller (setgid, setuid)? */
bool priv_elevated(void);
/* May the caller administer kepu (users, init, backup, other files)? When
 * not elevated: whoever could run kepu on the file. When elevated: root, or
 * a member of the data group (who could open the file anyway). */
bool priv_is_admin(void);
/* The data group's name (for messages), or its number. */
const char *priv_group_name(void);
/* Effective group = the data group, for an open of the database or an
 * exchange folder; no-op when not elevated. 0 or -1. */
int priv_raise(void);
/* Effective group = the caller's again. */
void priv_drop(void);
/* Real, effective and saved group = the caller's: for a child before exec. */
void priv_drop_for_good(void);

#endif
