/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Internal to cli/: opening what a subcommand needs, with its errors on
 * stderr. */
#ifndef KP_CLI_COMMON_H
#define KP_CLI_COMMON_H
#include <stdio.h>

#include "cli/cli.h"
#include "domain/env.h"

/* Load the definitions and open the database named by o (which must exist
 * unless create). Prints problems; returns EXIT_OK or an exit status. */
int cli_open(const kp_opts *o, kp_env *e, bool create);
/* The same, with the problems printed to errs. */
int cli_open_to(const kp_opts *o, kp_env *e, bool create, FILE *errs);
/* cli_open (the database must exist), then the form named by id; on
 * failure everything is closed and printed. Returns EXIT_OK or a status. */
int cli_open_form(const kp_opts *o, kp_env *e, const char *id, const kp_form **f);
/* The same for a form or a view (exports take either): exactly one of *f
 * and *v is set on success. */
int cli_open_form_or_view(const kp_opts *o, kp_env *e, const char *id, const kp_form **f,
			  const kp_view **v);

/* kepu check's audit chain and heads log (cmd_chain.c), on the opened e:
 * prints what differs (with --accept, records it). Returns an exit status. */
int check_chain(kp_env *e, const kp_opts *o);

/* --unit UNIT: narrow e's session to that unit's (a unit account's rights
 * and view, as import, find and attachments act for a unit); nothing when
 * unit is NULL. KP_OK, or KP_ERR with *err (no such unit). */
int cli_as_unit(kp_env *e, const char *unit, char **err);

/* Record id of f as the session sees it, into rec (record_free it); else
 * false with *err the one answer for a missing record and another unit's
 * (C_SAVE_NO_RECORD: which of the two is not said). */
bool cli_get_record(kp_env *e, const kp_form *f, long long id, kp_record *rec, char **err);

/* kepu runs setgid (priv_elevated): a caller who is not an administrator
 * may not name a file or day (option is the first of --db, --screens,
 * --config, --today given, or NULL; KEPU_* variables likewise) nor run an
 * admin_only command (NULL for the terminal interface); the database and
 * site definitions default to the installed ones. Prints why and returns
 * EXIT_USAGE, or EXIT_OK. */
int cli_confine(kp_opts *o, const char *option, const char *command, bool admin_only);

/* A new file for an export (O_EXCL: an existing file is never written
 * over, it may be last month's report). NULL and *err set when it cannot
 * be made. */
FILE *cli_create(const char *path, char **err);
/* --output for a command that prints its result: standard output becomes
 * the new file path (cli_create's rules). Prints why and returns EXIT_DATA
 * when it cannot be made, else EXIT_OK. */
int cli_output_to(const char *path);

/* A record's or attachment's number, 1 to 18 digits; else false with *err
 * naming what (记录编号) and the bounds. */
bool cli_parse_number(const char *s, const char *what, long long *out, char **err);
/* A command's standard output, held in an unlinked temporary file until
 * the command ends: a command that meets a damaged table then prints
 * nothing but its message (a CSV header already written would pass for an
 * empty export). */
typedef struct {
	int real; /* the real standard output, dup'ed */
	FILE *held;
} cli_spool;
/* Start holding standard output; false (nothing held) when no temporary
 * file can be made. */
bool cli_spool_begin(cli_spool *s);
/* Give the held output to the real standard output (show), or drop it;
 * the real one is standard output again. 0, or -1 when it could not be
 * written (said on stderr). */
int cli_spool_end(cli_spool *s, bool show);

/* The end of a subcommand: err (if any) printed and freed, e closed;
 * returns EXIT_DATA after an error, else rc. */
int cli_close(kp_env *e, char *err, int rc);
/* After a command's writes: when one went into a closed year (the
 * administrator or the city may, store_closed_year_written), say so on
 * stderr — every such write, never in silence. */
void cli_closed_year_note(kp_env *e);

/* The Unix login running kepu. */
const char *unix_login(void);

/* kepu init: the first city account (its initial password printed once)
 * and, with the demo, demonstration accounts. */
int cli_first_accounts(kp_env *e, bool demo);

/* Print s sanitised, padded with spaces to `width` display cells (right
 * aligned when right). */
void cli_cell(FILE *out, const char *s, int width, bool right);

#endif
