/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu: no subcommand opens the terminal interface; otherwise the CLI. */
#include <locale.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/msg.h"
#include "core/priv.h"

int main(int argc, char **argv)
{
	/* Installed setgid, kepu gives up the data group before it reads
	 * anything of its caller's (docs/security.md). */
	if (priv_init() != 0) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_PRIV_INIT));
		return EXIT_DATA;
	}
	/* The terminal's locale decides how keys are decoded and text encoded
	 * (UTF-8 or GB18030); kepu's own data is UTF-8 regardless. */
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
