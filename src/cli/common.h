/* Internal to cli/: opening what a subcommand needs, with its errors on
 * stderr. */
#ifndef KP_CLI_COMMON_H
#define KP_CLI_COMMON_H
#include "cli/cli.h"
#include "domain/env.h"

/* Load the definitions and open the database named by o (which must exist
 * unless create). Prints problems; returns EXIT_OK or an exit status. */
int cli_open(const kp_opts *o, kp_env *e, bool create);
/* The form named by id, or NULL after printing the known ids. */
const kp_form *cli_form(const kp_env *e, const char *id);

#endif
