/* kepu with no subcommand: the terminal interface; kepu keys: its keys. */
#include <langinfo.h>
#include <stdlib.h>
#include <unistd.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/common.h"
#include "ui/app.h"
#include "ui/encoding.h"
#include "ui/keymap.h"

/* kepu draws UTF-8 or GB18030 (the locale decides). Under a plain C locale
 * Chinese cannot be shown at all, so fall back to C.UTF-8. */
static void ensure_wide_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	if (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "GB18030") == 0 || strcmp(cs, "GBK") == 0)
		return;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		fprintf(stderr, "kepu: no UTF-8 locale; Chinese text will not display\n");
}

int cmd_tui(const kp_opts *o)
{
	ensure_wide_locale();
	if (encoding_settle() != 0)
		return EXIT_DATA;
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	rc = app_run(&e);
	env_close(&e);
	return rc;
}

int cmd_keys(const kp_opts *o)
{
	(void)o;
	keymap_markdown(stdout);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_DATA;
}
