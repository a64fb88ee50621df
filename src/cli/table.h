/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Internal to cli/: the one table of subcommands and the one table of
 * options. Parsing, --help, `kepu help COMMAND` and the man page kepu(1)
 * (`kepu man`, written by the build) are all made from them, so the three
 * cannot drift apart. */
#ifndef KP_CLI_TABLE_H
#define KP_CLI_TABLE_H
#include <stdbool.h>
#include <stddef.h>

#include "cli/cli.h"

typedef struct {
	const char *name;
	int (*run)(const kp_opts *o);
	int min_args, max_args;
	bool admin;  /* installed setgid: for administrators only */
	bool hidden; /* for the build (man), left out of --help and kepu(1) */
	const char *usage;   /* one line per form, without "kepu " */
	const char *summary; /* what it does: a paragraph, no line breaks */
} kp_command;

typedef struct {
	const char *name; /* long name, without "--" */
	int key;          /* getopt's value; a letter is also the short option */
	bool short_opt;   /* key is also accepted as -KEY */
	const char *arg;  /* the argument's name, or NULL */
	const char *commands; /* the subcommands it is for, space-separated; NULL: all */
	const char *help; /* a sentence, no line breaks */
} kp_option;

typedef struct {
	const char *name;
	const char *help;
} kp_envvar;

extern const kp_command kp_commands[];
extern const size_t kp_ncommands;
extern const kp_option kp_options[];
extern const size_t kp_noptions;
extern const kp_envvar kp_envvars[];
extern const size_t kp_nenvvars;

/* Whether option o is for the subcommand named cmd (NULL: the terminal
 * interface, which takes the options that are for every command). */
bool cli_option_for(const kp_option *o, const char *cmd);

/* kepu man: kepu(1) in roff, from the tables above. */
int cmd_man(const kp_opts *o);

#endif
