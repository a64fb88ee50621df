/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu installed setgid to the data group (docs/security.md): what the
 * caller may still choose, and the fixed places of everything else. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/common.h"
#include "core/msg.h"
#include "core/paths.h"
#include "core/priv.h"

extern char **environ;

/* A site directory that is there (read as the caller, like every
 * definition), else NULL: the built-in definitions. */
static const char *existing_dir(const char *dir)
{
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? dir : NULL;
}

/* A KEPU_* variable a clerk's session may carry: the terminal's encoding
 * only picks the caller's own locale and opens nothing. */
static bool harmless(const char *var)
{
	static const char keep[] = "KEPU_TERMINAL_ENCODING=";
	return !strncmp(var, keep, sizeof keep - 1);
}

int cli_confine(kp_opts *o, const char *option, const char *command, bool admin_only)
{
	/* ncurses honours these once kepu runs as its caller: a terminal
	 * description read into a process that can take the data group back
	 * is not the caller's to choose. */
	unsetenv("TERMINFO");
	unsetenv("TERMINFO_DIRS");
	unsetenv("TERMCAP");
	const char *group = priv_group_name();
	if (!priv_is_admin()) {
		/* Refused, not ignored: a command line (or a ForceCommand) that
		 * names another file must not quietly open the fixed one. */
		if (option) {
			fprintf(stderr, "kepu: ");
			fprintf(stderr, msg(MSG_C_PRIV_OPTION), option, group, group);
			fputc('\n', stderr);
			return EXIT_USAGE;
		}
		for (char **v = environ; *v; v++) {
			if (strncmp(*v, "KEPU_", 5) || harmless(*v))
				continue;
			const char *eq = strchr(*v, '=');
			fprintf(stderr, "kepu: ");
			fprintf(stderr, msg(MSG_C_PRIV_ENV), (int)(eq ? eq - *v : (long)strlen(*v)), *v, group,
				group);
			fputc('\n', stderr);
			return EXIT_USAGE;
		}
		if (admin_only) {
			fprintf(stderr, "kepu: ");
			fprintf(stderr, msg(MSG_C_PRIV_ADMIN), command, group);
			fputc('\n', stderr);
			return EXIT_USAGE;
		}
	}
	/* The terminal interface and the administrators' commands work on the
	 * installed database unless an administrator names another; check and
	 * keys open none unless asked. */
	if (!o->db && (!command || admin_only))
		o->db = kp_installed_db;
	if (!o->screens)
		o->screens = existing_dir(kp_site_screens);
	if (!o->config)
		o->config = existing_dir(kp_site_config);
	return EXIT_OK;
}
