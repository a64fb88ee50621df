/* kepu: no subcommand opens the terminal interface; otherwise the CLI. */
#include <locale.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
	/* The terminal's locale decides how keys are decoded and text encoded
	 * (UTF-8 or GB18030); kepu's own data is UTF-8 regardless. */
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
