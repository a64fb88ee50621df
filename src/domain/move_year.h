/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A record moved to another programme year (#27) with every rule a fresh
 * save in that year meets. */
#ifndef KEPU_DOMAIN_MOVE_YEAR_H
#define KEPU_DOMAIN_MOVE_YEAR_H

#include "domain/env.h"

/* Move record id of f to year `to`: its stored values are checked as a
 * save in `to` checks them (form_validate under to's schedule: its
 * programme months, 考核年度, reporting months), then store_move_year
 * (who may move what, in_year dates). 0, or -1 with *err; the session
 * stays in its year either way. */
int env_move_year(kp_env *e, const kp_form *f, long long id, int to, char **err);
/* May the session move a record of year `from` (0: of several years)
 * into some other opened year (a unit never into one not begun)? F5 is
 * offered only then. */
bool move_year_to_any(kp_store *s, int from);

#endif
