/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * env: what every front end (TUI or CLI) opens first — the definitions
 * (catalogue, units) and the database, with the schema brought up to date.
 */
#ifndef KP_ENV_H
#define KP_ENV_H
#include "core/diag.h"
#include "form/catalog.h"
#include "store/store.h"

typedef struct {
	kp_catalog cat;
	kp_store *store;
	char *db; /* the database's path, as given: no file screen opens it */
	/* How this front end's user saves a possible duplicate anyway, said
	 * after record_save's warning; NULL: the screens' (F2 again). */
	const char *dup_again;
} kp_env;

/* Load the definitions (screens/ and config/, each overridable by a site
 * directory, may be NULL); every problem goes to d and makes this fail. */
int env_load_definitions(kp_env *e, const char *screens_dir, const char *config_dir, kp_diag *d);
/* Open db (creating it when create is set; otherwise it must exist and be a
 * kepu database), fill the units and create or extend every form's table.
 * Returns 0 or -1 with *err. */
int env_open_db(kp_env *e, const char *db, bool create, char **err);
/* Is there a file at db? Asked as kepu's data group, as the open will be. */
bool env_db_exists(const char *db);
void env_close(kp_env *e);

/* Programme years (store/years.c). env_open_db starts in the default year:
 * the newest opened year that has begun (1 January of it) by kepu's today
 * (--today, KEPU_TODAY), or the oldest opened one when none has. */
int env_default_year(kp_env *e);
/* Work in year: the store's session year and the catalogue's schedule
 * (and reporting months) become that year's. 0, or -1 with *err (an
 * unopened year: the message names the years opened). */
int env_use_year(kp_env *e, int year, char **err);
/* "2017" as a year within KP_YEAR_MIN..KP_YEAR_MAX: 0, or -1 with *err. */
int env_parse_year(kp_env *e, const char *text, int *year, char **err);
/* kepu year open: year from `from`, with the quotas of 附表1 copied and
 * from's schedule. 0, or -1 with *err (refusals: store_year_open). */
int env_open_year(kp_env *e, int year, int from, char **err);

#endif
