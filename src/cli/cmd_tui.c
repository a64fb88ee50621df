/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu with no subcommand: the terminal interface; kepu keys: its keys. */
#include <langinfo.h>
#include <stdlib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/common.h"
#include "core/msg.h"
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

/* What the TUI opens once its first screen is up; problems are kept
 * until the terminal is restored, then printed. */
typedef struct {
	const kp_opts *o;
	FILE *errs;
	bool opened;
} tui_open;

static int open_env(kp_env *e, void *ctx)
{
	tui_open *t = ctx;
	int rc = cli_open_to(t->o, e, false, t->errs);
	t->opened = rc == EXIT_OK;
	/* A SQLite without FTS5's trigram tokenizer still works, slowly in a
	 * large list: said when the terminal is given back. */
	if (t->opened && !store_text_index(e->store))
		fprintf(t->errs, "kepu: %s\n", msg(MSG_C_NO_TEXT_INDEX));
	/* Nobody until a login opens the account's session (store.h). */
	char *err = NULL;
	if (t->opened && store_session(e->store, SESSION_NONE, "", 0, &err) != KP_OK) {
		fprintf(t->errs, "kepu: %s\n", err);
		free(err);
		return EXIT_DATA;
	}
	return rc;
}

int cmd_tui(const kp_opts *o)
{
	ensure_wide_locale();
	int chosen = encoding_settle(); /* else the terminal is asked once the screen is up */
	if (chosen < 0)
		return EXIT_DATA;
	/* What can be told at once is told before the screen changes. */
	if (!o->db || !env_db_exists(o->db)) {
		kp_env e;
		return cli_open(o, &e, false);
	}
	char *errs = NULL;
	size_t len = 0;
	tui_open t = {o, open_memstream(&errs, &len), false};
	if (!t.errs)
		t.errs = stderr;
	kp_env e = {0}; /* the first screen is painted before open_env: no store yet */
	int rc = app_run(&e, chosen == 0, open_env, &t);
	if (t.opened)
		env_close(&e);
	if (t.errs != stderr) {
		fclose(t.errs);
		fputs(errs, stderr);
		free(errs);
	}
	return rc;
}

int cmd_keys(const kp_opts *o)
{
	(void)o;
	keymap_markdown(stdout);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_DATA;
}
