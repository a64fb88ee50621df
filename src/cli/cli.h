/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * cli: kepu's subcommands. main() parses the options once into kp_opts and
 * either runs the TUI or the subcommand named by the first argument.
 */
#ifndef KP_CLI_H
#define KP_CLI_H
#include <stdbool.h>

typedef struct {
	const char *db;      /* --db or KEPU_DB */
	const char *screens; /* --screens or KEPU_SCREENS */
	const char *config;  /* --config or KEPU_CONFIG */
	const char *month;   /* --month YYYY-MM */
	const char *role;    /* --role city|unit */
	const char *since;   /* --since DATE */
	const char *user;    /* --user NAME */
	const char *unit;    /* --unit */
	const char *for_unit; /* --for-unit: import a unit's rows with the administrator's rights */
	const char *sheet;    /* --sheet: the sheet of a list workbook to import */
	const char *form;    /* --form: audit rows of one form (talent or 附表2) */
	const char *words;   /* --words: audit rows whose changes hold these */
	const char *encoding; /* --encoding */
	const char *rejects;  /* --skip-invalid FILE */
	const char *format;   /* --format csv|xlsx */
	const char *state;    /* --state: a reviewed form's records in this state only */
	const char *output;   /* --output FILE */
	const char *category; /* --category: kepu find's 服务类别 */
	const char *year;     /* --year: the programme year worked in */
	const char *from;     /* --from: year open's source year */
	const char *to_year;  /* --to-year: kepu move's target year */
	const char *record;   /* --record N: attachments list of one record; the record save changes */
	const char *reason;   /* --reason: why kepu check --accept accepts */
	bool accept;          /* --accept: record check's findings as an administrator's change */
	bool demo, dry_run, update;
	bool rebuild_index;   /* --rebuild-index: kepu check makes a stale text index again */
	bool force;           /* --force: attachments get may replace FILE; save keeps a possible duplicate */
	char **args;         /* positional arguments after the subcommand */
	int nargs;
} kp_opts;

/* Exit statuses: success, bad data or definitions, wrong usage. */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

/* Run kepu with argv; returns the exit status. */
int cli_main(int argc, char **argv);

int cmd_init(const kp_opts *o);
int cmd_check(const kp_opts *o);
int cmd_import(const kp_opts *o);
int cmd_export(const kp_opts *o);
int cmd_backup(const kp_opts *o);
int cmd_keys(const kp_opts *o);
int cmd_checklist(const kp_opts *o);
int cmd_report(const kp_opts *o);
int cmd_user(const kp_opts *o);
int cmd_audit(const kp_opts *o);
int cmd_find(const kp_opts *o);
int cmd_year(const kp_opts *o);
int cmd_move(const kp_opts *o);
int cmd_save(const kp_opts *o);
int cmd_attachments(const kp_opts *o);
int cmd_tui(const kp_opts *o);

#endif
