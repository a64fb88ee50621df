#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "core/clock.h"
#include "core/msg.h"
#include "core/paths.h"
#include "core/priv.h"
#include "store/store.h"
#include "version.h"

typedef struct {
	const char *name;
	int (*run)(const kp_opts *o);
	int min_args, max_args;
	bool admin; /* installed setgid: for administrators only */
	const char *usage;
} command;

/* The subcommand table: name, handler, positional arguments, whether it
 * needs an administrator when kepu is installed setgid, usage line. */
static const command commands[] = {
	{"init",   cmd_init,   0, 0, true, "kepu init --db FILE [--demo]"},
	{"check",  cmd_check,  0, 0, false, "kepu check [--screens DIR] [--db FILE]"},
	{"import", cmd_import, 2, 2, true, "kepu import FORM FILE.csv --db FILE [--unit UNIT] [--dry-run]\n"
				     "              [--encoding utf-8|gb18030] [--skip-invalid BAD.csv]"},
	{"export", cmd_export, 1, 1, true, "kepu export FORM --db FILE [--unit UNIT] [--state 已认定] [--encoding gb18030]\n"
				     "              [--format xlsx --output FILE.xlsx]"},
	{"backup", cmd_backup, 1, 1, true, "kepu backup --db FILE OUT.db"},
	{"checklist", cmd_checklist, 0, 0, true, "kepu checklist --db FILE [--today DATE]"},
	{"report", cmd_report, 1, 1, true, "kepu report monthly --month YYYY-MM --db FILE [--format xlsx --output F]\n"
				     "  kepu report progress --db FILE [--today DATE] [--format xlsx --output F]"},
	{"user",   cmd_user,   1, 2, true, "kepu user add NAME --role city|unit [--unit UNIT] --db FILE\n"
				     "  kepu user passwd|lock|unlock|disable NAME | list --db FILE"},
	{"audit",  cmd_audit,  0, 0, true, "kepu audit --db FILE [--since DATE] [--user NAME]"},
	{"keys",   cmd_keys,   0, 0, false, "kepu keys        (every key of every screen, as Markdown)"},
};

static void usage(FILE *out)
{
	fprintf(out,
		"kepu %s — 许昌市科协“百千万科普工程”填报与管理\n\n"
		"Usage:\n"
		"  kepu [--db FILE] [--screens DIR]   open the terminal interface\n",
		KEPU_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %s\n", commands[i].usage);
	fprintf(out,
		"\nOptions:\n"
		"  --db FILE       the database (default: $KEPU_DB)\n"
		"  --screens DIR   site form definitions overriding the built-in ones\n"
		"                  file by file (default: $KEPU_SCREENS)\n"
		"  --config DIR    site schedule.yaml, ranking.yaml or patterns.yaml\n"
		"                  overriding the built-in ones (default: $KEPU_CONFIG)\n"
		"  --today DATE    work as if today were DATE, e.g. 2016-07-20\n"
		"                  (default: $KEPU_TODAY, else the system clock)\n"
		"  --month YYYY-MM with report monthly: the month of the briefing\n"
		"  --role ROLE     with user add: city (市科协) or unit (单位填报员)\n"
		"  --since DATE    with audit: from that day on\n"
		"  --user NAME     with audit: only that user's changes\n"
		"  --unit UNIT     the unit (单位) rows belong to\n"
		"  --encoding ENC  export: utf-8 (default, with a BOM for Excel) or gb18030;\n"
		"                  import: utf-8, gb18030, or told from the file (default)\n"
		"  --format xlsx   with export: an Excel workbook in the official layout\n"
		"  --output FILE   with --format xlsx: the workbook to write (never overwritten)\n"
		"  --state STATE   with export: only records in this state (草稿 已提交 已认定 退回,\n"
		"                  or draft submitted approved returned)\n"
		"  --skip-invalid BAD.csv  with import: save the valid rows, write the others\n"
		"                  with their reasons to BAD.csv (default: all or nothing)\n"
		"  --demo          with init: add demonstration records\n"
		"  --dry-run       with import: check only, save nothing\n"
		"  -h, --help      this text\n"
		"  -V, --version   the version\n\n"
		"Installed setgid (docs/deploy.md), kepu opens %s and the site\n"
		"definitions in %s and %s when they exist; only\n"
		"administrators (root or the data group) may run the commands other than\n"
		"check and keys, or use --db, --screens, --config, --today or KEPU_*\n"
		"variables (KEPU_TERMINAL_ENCODING excepted).\n\n"
		"Exit status: 0 success, 1 invalid data or definitions, 2 wrong usage\n"
		"(or a command, option or variable not allowed to the caller).\n"
		"Documentation: docs/ (forms.md, cli.md, keys.md, deploy.md, security.md).\n",
		kp_installed_db, kp_site_screens, kp_site_config);
}

int cli_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"screens", required_argument, NULL, 's'},
		{"config", required_argument, NULL, 'c'},
		{"today", required_argument, NULL, 't'},
		{"month", required_argument, NULL, 'm'},
		{"role", required_argument, NULL, 'r'},
		{"since", required_argument, NULL, 'S'},
		{"user", required_argument, NULL, 'U'},
		{"unit", required_argument, NULL, 'u'},
		{"encoding", required_argument, NULL, 'e'},
		{"skip-invalid", required_argument, NULL, 'k'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"state", required_argument, NULL, 'x'},
		{"demo", no_argument, NULL, 'D'},
		{"dry-run", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	kp_opts o = {0};
	o.db = getenv("KEPU_DB");
	o.screens = getenv("KEPU_SCREENS");
	o.config = getenv("KEPU_CONFIG");
	const char *today = getenv("KEPU_TODAY");
	const char *pinned = NULL; /* the first option naming a file or a day */
	int c;
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o.db = optarg; pinned = pinned ? pinned : "--db"; break;
		case 's': o.screens = optarg; pinned = pinned ? pinned : "--screens"; break;
		case 'c': o.config = optarg; pinned = pinned ? pinned : "--config"; break;
		case 't': today = optarg; pinned = pinned ? pinned : "--today"; break;
		case 'm': o.month = optarg; break;
		case 'r': o.role = optarg; break;
		case 'S': o.since = optarg; break;
		case 'U': o.user = optarg; break;
		case 'u': o.unit = optarg; break;
		case 'e': o.encoding = optarg; break;
		case 'k': o.rejects = optarg; break;
		case 'f': o.format = optarg; break;
		case 'o': o.output = optarg; break;
		case 'x': o.state = optarg; break;
		case 'D': o.demo = true; break;
		case 'n': o.dry_run = true; break;
		case 'h': usage(stdout); return EXIT_OK;
		case 'V': printf("kepu %s\n", KEPU_VERSION); return EXIT_OK;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	const command *cmd = NULL;
	if (optind < argc) {
		const char *name = argv[optind];
		for (size_t i = 0; !cmd && i < sizeof commands / sizeof commands[0]; i++)
			if (!strcmp(commands[i].name, name))
				cmd = &commands[i];
		if (!cmd) {
			fprintf(stderr, "kepu: unknown command '%s'\n\n", name);
			usage(stderr);
			return EXIT_USAGE;
		}
		o.args = argv + optind + 1;
		o.nargs = argc - optind - 1;
		if (o.nargs < cmd->min_args || o.nargs > cmd->max_args) {
			fprintf(stderr, "usage: %s\n", cmd->usage);
			return EXIT_USAGE;
		}
	}
	if (priv_elevated()) {
		int rc = cli_confine(&o, pinned, cmd ? cmd->name : NULL, cmd && cmd->admin);
		if (rc != EXIT_OK)
			return rc;
	}
	if (today && *today && !clock_set_today(today)) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_BAD_TODAY));
		return EXIT_USAGE;
	}
	int rc = cmd ? cmd->run(&o) : cmd_tui(&o);
	if (store_damaged()) { /* whatever was printed cannot be trusted */
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_S_DAMAGED), store_damage_reason());
		fputc('\n', stderr);
		return EXIT_DATA;
	}
	return rc;
}
