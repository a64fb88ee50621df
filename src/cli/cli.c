/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "cli/cli.h"

#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "cli/table.h"
#include "core/clock.h"
#include "core/msg.h"
#include "core/paths.h"
#include "core/priv.h"
#include "core/utf8.h"
#include "domain/exchange.h"
#include "store/store.h"
#include "version.h"

static int cmd_help(const kp_opts *o);

/* Every file a command is asked to write (--output, --skip-invalid, the
 * backup's OUT.db, the database init makes), checked once here for every
 * command: never the database, never a name SQLite would take for a
 * companion of a file. */
static int check_outputs(const kp_opts *o, const kp_command *cmd)
{
	const char *outs[] = {o->output, o->rejects, !strcmp(cmd->name, "backup") && o->nargs ? o->args[0] : NULL,
			      !strcmp(cmd->name, "init") ? o->db : NULL};
	for (size_t i = 0; i < sizeof outs / sizeof *outs; i++) {
		char *err = NULL;
		/* init's database is the one file compared with itself: only its name is checked */
		const char *db = i == 3 ? NULL : o->db;
		if (outs[i] && exchange_check_output(AT_FDCWD, db, outs[i], &err) != 0) {
			char *clean = utf8_sanitize(err, false);
			fprintf(stderr, "kepu: %s\n", clean);
			free(clean);
			free(err);
			return EXIT_DATA;
		}
	}
	return EXIT_OK;
}

/* The subcommand table: name, handler, positional arguments, whether it
 * needs an administrator when kepu is installed setgid, whether it is
 * hidden, usage, summary. */
const kp_command kp_commands[] = {
	{"init", cmd_init, 0, 0, true, false, "init --db FILE [--demo]",
	 "Create a database: the 19 units of 附表1 with their quotas and a table for every form, and the first city "
	 "account, admin, whose initial password is printed once. Refuses an existing file. Installed setgid, the file "
	 "is made mode 0660 for the data group."},
	{"check", cmd_check, 0, 0, false, false,
	 "check [--screens DIR] [--config DIR] [--db FILE [--rebuild-index] [--accept --reason TEXT]]",
	 "Load every form definition and report each problem as FILE:LINE:COL: message. With a database, also run "
	 "SQLite's check of the file, count each form's records again where an edit made outside kepu left the "
	 "counts behind, and check that each list filter's text index agrees with its records; walk the audit chain "
	 "and compare every record with its audited history, naming each form, record and field changed outside "
	 "kepu and each audit row removed, changed or moved (exit status 1); warn when a chain head a backup or an "
	 "earlier check saw is gone."},
	{"import", cmd_import, 2, 2, true, false,
	 "import FORM FILE --db FILE [--unit UNIT] [--dry-run] [--update] [--force] [--encoding utf-8|gb18030] [--skip-invalid BAD.csv]",
	 "Read a CSV file (UTF-8 or GB18030) or the list sheet of an .xlsx workbook into FORM, validating every cell as "
	 "the form screen does. All or nothing: any invalid cell saves nothing and is reported as 第N行 <label>: "
	 "<reason>, unless --skip-invalid writes the bad rows to a new file."},
	{"export", cmd_export, 1, 1, true, false,
	 "export FORM --db FILE [--unit UNIT] [--state STATE] [--encoding gb18030] [--format csv|xlsx] [--output FILE]",
	 "Write FORM (quota, talent, project, activity, resource, or the view roll) as CSV for Excel (UTF-8 with a "
	 "byte-order mark, CRLF, formula-looking cells neutralised) to standard output or to a new file given with "
	 "--output, or as a workbook in the official layout with --format xlsx --output FILE. An existing file is "
	 "never overwritten."},
	{"backup", cmd_backup, 1, 1, true, false, "backup --db FILE OUT.db",
	 "Copy the live database consistently while others keep working (VACUUM INTO) and check the copy with "
	 "PRAGMA integrity_check. Refuses an existing OUT.db."},
	{"checklist", cmd_checklist, 0, 0, true, false, "checklist --db FILE [--today DATE]",
	 "Print the section 五 checklist as of today: every milestone with its due date, who owes it and its state, "
	 "then the units × milestones matrix."},
	{"report", cmd_report, 1, 1, true, false,
	 "report monthly --month YYYY-MM --db FILE [--format text|xlsx] [--output FILE]\n"
	 "report progress --db FILE [--format text|xlsx] [--output FILE]",
	 "monthly: the city's 工作简报 for one reporting month, every unit's 月报 figures, totals, lateness and the "
	 "units that have not reported. progress: each unit's done/quota and score, ranked (section 六). As text on "
	 "standard output, or with --output in a new file; --format xlsx --output FILE writes a workbook."},
	{"user", cmd_user, 1, 2, true, false,
	 "user add NAME --role city|unit [--unit UNIT] --db FILE\n"
	 "user passwd|lock|unlock|disable NAME --db FILE\n"
	 "user list --db FILE",
	 "Manage kepu accounts: add one (its initial password printed once), give a new initial password, lock, "
	 "unlock, disable, or list them with their state and recent failed logins. Each change is audited."},
	{"audit", cmd_audit, 0, 0, true, false, "audit --db FILE [--since DATE] [--user NAME] [--unit UNIT] [--form FORM] [--words TEXT]",
	 "Print the audit trail, oldest first: time, user, unit, table, record, action and each changed field; the "
	 "options narrow it, all of them together."},
	{"year", cmd_year, 1, 2, true, false,
	 "year list --db FILE\n"
	 "year open YEAR --from YEAR --db FILE [--unit UNIT]\n"
	 "year close|reopen YEAR --db FILE [--unit UNIT] [--force]\n"
	 "year reopen YEAR --for-unit UNIT --reason TEXT --db FILE\n"
	 "year close YEAR --for-unit UNIT --db FILE",
	 "The programme years (the programme runs year after year; 附表1's quotas and the schedule are per year). "
	 "list: the years opened, who opened each and from which, the default one marked *, and whether it is "
	 "closed. open: a new year for "
	 "the city, with the quotas of 附表1 and the schedule's milestones (their dates in the new year) copied from "
	 "--from; nothing of the old year changes. Refused: a year opened already, a --from not opened, a unit's "
	 "session (--unit acts on a unit's behalf). close: the city ends a year: no unit adds, changes, deletes, "
	 "submits, withdraws or imports a record of it, nor attaches a file or ticks a milestone; the city still "
	 "approves what was submitted (a return is refused until the year is reopened); the administrator (no --unit) "
	 "still writes into it, each such command saying so (注意：…以管理员身份写入，已记入审计) and its audit row too; "
	 "the year is read, ranked "
	 "and exported as before; its checklist stays as it was on the closing day. Refused while a unit item of "
	 "the year is not yet due and not done by every unit (the 12月月报 is due in January), naming each with its "
	 "date and the units still owing it, unless --force. reopen: the units may change it again. reopen --for-unit: only "
	 "that unit may change its records of the closed year again (a correction), every other unit's stay fixed; the "
	 "reason is required; close --for-unit ends it for that unit, and closing the year again ends it for every "
	 "unit. list names the units a closed year is open to. All are the city's, audited. Every "
	 "record, quota, tick and report belongs to the year it was "
	 "made in; the talents of 附表2 stay listed in every year."},
	{"save", cmd_save, 2, 101, true, false,
	 "save FORM FIELD=VALUE... --db FILE [--record N] [--unit UNIT] [--force]",
	 "Add a record to FORM, or with --record N change record number N (the fields not named keep their values), "
	 "as the form screen saves one: every field checked by the form's rules (all the refused ones reported), a "
	 "possible duplicate said and not saved unless --force is given (then saved and marked for the city's "
	 "review), the session's rights checked by the store. FIELD is a field's name or label (姓名=张三, "
	 "name=张三); a new record names its unit with the form's unit column (填报单位=许昌学院) or takes --unit's. "
	 "With --unit, as that unit's account: only its own records, never another unit's."},
	{"move", cmd_move, 2, 2, true, false, "move FORM ID --to-year YEAR --db FILE [--unit UNIT]",
	 "Move record number ID of FORM (talent, project, activity, …) to another programme year when it was filed in "
	 "the wrong one: it keeps its number, review state, attachments and history, and the move is audited. The "
	 "year must be opened and its rules hold (an activity's date must fall in it, or the move is refused naming "
	 "the field). The city's decision for any record; with --unit, as that unit's account: only its own record "
	 "before it is submitted (草稿), never into a year not begun. 附表1's per-unit records never move."},
	{"find", cmd_find, 1, 1, true, false, "find TEXT --db FILE [--unit UNIT] [--category CATEGORY]",
	 "The expert search of 科普快速反应机制: the talents (附表2) whose 科普专长, 服务类别, 主要从事行业, 工作单位, "
	 "职务 or free texts hold every word of TEXT, as written or by pinyin (spaq finds 食品安全), as CSV on standard "
	 "output: 姓名, 工作单位, 联系电话, 填报单位, 状态 and why each matched; approved talents first, then the best "
	 "match. An empty TEXT (\"\") lists every talent of the unit or category."},
	{"attachments", cmd_attachments, 1, 2, true, false,
	 "attachments list --db FILE [--form FORM] [--record N] [--unit UNIT] [--output FILE]\n"
	 "attachments get ID --output FILE --db FILE [--unit UNIT] [--force]\n"
	 "attachments add FILE --form FORM --record N --db FILE [--unit UNIT]\n"
	 "attachments remove ID --db FILE [--unit UNIT]",
	 "list: the files attached to records (科普活动, 资源开发) as CSV: 附件编号, 表单, 记录编号, 填报单位, 文件名, 类型, "
	 "大小（字节）, 发送人, 发送时间 and the record's 状态, oldest first. get: write attachment ID's exact bytes to FILE, "
	 "which must not exist unless --force is given (then it is replaced only once the whole file is written). add: "
	 "attach FILE to record N of FORM as the 附件 screen does: its type told from its content, the form's bounds (size, "
	 "files per record), a file already on the record refused, one on another record taken and said; remove: delete "
	 "attachment ID. Both audited, and refused where the screen refuses them (a submitted record, a closed year). With "
	 "--unit, as that unit's account: only its own records' files are listed, added or removed, and another unit's ID "
	 "is answered as a missing one."},
	{"keys", cmd_keys, 0, 0, false, false, "keys",
	 "Print every key of every screen as Markdown, from the program's keymap table."},
	{"help", cmd_help, 0, 1, false, false, "help [COMMAND]",
	 "Print the usage of kepu, or of one command with the options it takes (the same as kepu COMMAND --help)."},
	{"man", cmd_man, 0, 0, false, true, "man", "Print the manual page kepu(1) in roff."},
};
const size_t kp_ncommands = sizeof kp_commands / sizeof kp_commands[0];

/* The option table: every option, what it is for and its help. */
const kp_option kp_options[] = {
	{"db", 'd', false, "FILE", NULL,
	 "The database (default: $KEPU_DB; installed setgid, the installed one)."},
	{"screens", 's', false, "DIR", NULL,
	 "Site form definitions that override the built-in ones file by file (default: $KEPU_SCREENS)."},
	{"config", 'c', false, "DIR", NULL,
	 "A site directory whose schedule.yaml, ranking.yaml or patterns.yaml replace the built-in ones "
	 "(default: $KEPU_CONFIG)."},
	{"today", 't', false, "DATE", NULL,
	 "Work as if today were DATE, e.g. 2016-07-20 (default: $KEPU_TODAY, else the system clock)."},
	{"month", 'm', false, "YYYY-MM", "report", "With report monthly: the month of the briefing."},
	{"year", 'Y', false, "YEAR", "checklist report export import find",
	 "The programme year to work in (default: the newest year opened that has begun by today, see kepu year "
	 "list). An unopened year is refused, naming the years opened."},
	{"from", 'R', false, "YEAR", "year", "With year open: the year whose quotas and schedule the new year starts from."},
	{"to-year", 'T', false, "YEAR", "move", "With move: the programme year the record moves to."},
	{"role", 'r', false, "ROLE", "user", "With user add: city (市科协) or unit (单位填报员)."},
	{"since", 'S', false, "DATE", "audit", "With audit: from that day on."},
	{"user", 'U', false, "NAME", "audit", "With audit: only that user's rows."},
	{"unit", 'u', false, "UNIT", "import export user audit find year attachments move save",
	 "The unit (单位 of 附表1) that imported rows belong to, that an export or a search is limited to, of a new "
	 "unit account, or whose audit rows are printed; import, find, year, attachments, move and save act as that unit's account."},
	{"for-unit", 'Q', false, "UNIT", "import year",
	 "With import: the unit whose records a file without a 填报单位 column holds (a 推荐表 or 入库表), imported "
	 "with the administrator's rights, so the city's opinion on the form is kept (--unit imports with the unit's "
	 "rights instead). With year reopen (and --reason): reopen a closed year for that unit only; with year close: "
	 "end that unit's reopening."},
	{"sheet", 'H', false, "NAME", "import",
	 "With import of an .xlsx list: read the sheet NAME (a workbook holding several lists; without it the sheet "
	 "holding data is read, and a second list of the same form is refused, naming its sheet)."},
	{"category", 'g', false, "CATEGORY", "find",
	 "With find: only talents with this 科普人才服务类别, e.g. 农村科普."},
	{"form", 'F', false, "FORM", "audit attachments",
	 "With audit or attachments list: only the rows of that form, by its name (talent, activity) or a part of its "
	 "title (附表2, 科普活动); with attachments add: the form of the record the file goes to."},
	{"record", 'N', false, "N", "attachments save",
	 "With attachments list and --form: only the files of record number N; with attachments add: the record the "
	 "file goes to; with save: change record number N."},
	{"force", 'W', false, NULL, "attachments save import year",
	 "With attachments get: replace FILE if it exists; with save: save a possible duplicate, marked for the "
	 "city's review; with import: save the rows said to be possibly a stored person under another name (附表2: "
	 "the same 联系电话, another 姓名), or near a record of the same unit (near_hint: 科普讲座（一） and （二） on one "
	 "day), marked for the city's review (rows repeating a record are never saved twice); with year close: close "
	 "while a unit item of the year is not yet due."},
	{"words", 'w', false, "TEXT", "audit",
	 "With audit: only the rows whose changed fields or values contain TEXT (e.g. a name or a return's reason)."},
	{"encoding", 'e', false, "ENC", "import export",
	 "export: utf-8 (default, with a byte-order mark for Excel) or gb18030; import: utf-8, gb18030, or told from "
	 "the file (default)."},
	{"skip-invalid", 'k', false, "BAD.csv", "import",
	 "Save the valid rows and write the others, with their reasons, to the new file BAD.csv (default: all or "
	 "nothing)."},
	{"format", 'f', false, "FORMAT", "export report",
	 "csv (export's default), text (report's default) or xlsx: an Excel workbook in the official layout, which "
	 "needs --output."},
	{"output", 'o', true, "FILE", "export report attachments",
	 "Write to FILE instead of standard output; FILE must not exist (it is never overwritten, save by attachments "
	 "get --force)."},
	{"state", 'x', false, "STATE", "export",
	 "Only the records of a reviewed form (附表2, 附表3, 附表4) in this state: 草稿, 已提交, 已认定 or 退回 "
	 "(or draft, submitted, approved, returned), e.g. the approved talents the city sends on."},
	{"accept", 'A', false, NULL, "check",
	 "After showing what differs from the audit chain, record it as this administrator's audited change "
	 "and seal the records as they are now (administrators only; needs --reason). Also settles heads the "
	 "heads log names that are lost."},
	{"reason", 'J', false, "TEXT", "check year",
	 "With check --accept: why the outside change is accepted; with year reopen --for-unit: why the year is "
	 "reopened for that unit (up to 200 characters). Kept in the audit."},
	{"demo", 'D', false, NULL, "init", "Add the demonstration records and accounts (never for real data)."},
	{"dry-run", 'n', false, NULL, "import", "Check every row and report; save nothing."},
	{"rebuild-index", 'I', false, NULL, "check",
	 "Make a list filter's text index again from the records when it disagrees with them (after an edit made "
	 "outside kepu)."},
	{"update", 'P', false, NULL, "import",
	 "A row naming a person already stored (the form's unique_hint: 附表2's 姓名 and 联系电话) updates "
	 "that record instead of being left out; an approved (已认定) record is never changed by an import."},
	{"help", 'h', true, NULL, NULL, "Print the usage (of COMMAND when one is given) and exit."},
	{"version", 'V', true, NULL, NULL, "Print the version and exit."},
};
const size_t kp_noptions = sizeof kp_options / sizeof kp_options[0];

/* The variables kepu reads. */
const kp_envvar kp_envvars[] = {
	{"KEPU_DB", "The database, when --db is not given."},
	{"KEPU_SCREENS", "The site form directory, when --screens is not given."},
	{"KEPU_CONFIG", "The site config directory, when --config is not given."},
	{"KEPU_TODAY", "The day kepu works on, when --today is not given."},
	{"KEPU_TERMINAL_ENCODING",
	 "utf-8 or gb18030: the encoding of this user's terminal; kepu switches to the matching locale instead of "
	 "probing the terminal. The one KEPU_* variable a setgid kepu accepts from a clerk."},
	{"NO_COLOR", "When set: no colours, attributes only."},
	{"LANG, LC_ALL", "The terminal's locale; without a Chinese one kepu uses C.UTF-8."},
};
const size_t kp_nenvvars = sizeof kp_envvars / sizeof kp_envvars[0];

bool cli_option_for(const kp_option *o, const char *cmd)
{
	if (!o->commands)
		return true;
	if (!cmd)
		return false;
	size_t n = strlen(cmd);
	for (const char *p = o->commands; (p = strstr(p, cmd)); p += n)
		if ((p == o->commands || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

/* Print text wrapped at 78 columns (counting bytes: the help is English
 * with a few CJK words, so a line may end a little short), each line
 * indented by indent spaces, the first after `first` columns already used. */
static void wrap(FILE *out, const char *text, int indent, int first)
{
	int col = first;
	const char *p = text;
	if (indent && first >= indent) { /* a long head: the text starts below it */
		fprintf(out, "\n%*s", indent, "");
		col = indent;
	}
	while (*p) {
		size_t w = strcspn(p, " ");
		if (col > indent && col + 1 + (int)w > 78) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', out);
			col++;
		} else if (col < indent) {
			fprintf(out, "%*s", indent - col, "");
			col = indent;
		}
		fwrite(p, 1, w, out);
		col += (int)w;
		p += w;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

/* One option as --help shows it: "  --name ARG", then its help. */
static void option_line(FILE *out, const kp_option *op)
{
	char head[64];
	int n = op->short_opt ? snprintf(head, sizeof head, "  -%c, --%s", op->key, op->name)
			      : snprintf(head, sizeof head, "  --%s", op->name);
	if (op->arg)
		n += snprintf(head + n, sizeof head - (size_t)n, " %s", op->arg);
	fputs(head, out);
	wrap(out, op->help, 24, n);
}

/* The usage lines of a command, each prefixed "kepu ". */
static void usage_lines(FILE *out, const kp_command *c, const char *lead)
{
	for (const char *p = c->usage; *p;) {
		size_t n = strcspn(p, "\n");
		fprintf(out, "%skepu %.*s\n", lead, (int)n, p);
		p += n + (p[n] == '\n');
	}
}

static void usage(FILE *out)
{
	fprintf(out,
		"kepu %s — 许昌市科协“百千万科普工程”填报与管理\n\n"
		"Usage:\n"
		"  kepu [--db FILE] [--screens DIR] [--config DIR] [--today DATE]\n"
		"                   open the terminal interface\n",
		KEPU_VERSION);
	for (size_t i = 0; i < kp_ncommands; i++)
		if (!kp_commands[i].hidden)
			usage_lines(out, &kp_commands[i], "  ");
	fputs("\nOptions:\n", out);
	for (size_t i = 0; i < kp_noptions; i++)
		option_line(out, &kp_options[i]);
	fprintf(out,
		"\nInstalled setgid (docs/deploy.md), kepu opens %s and the site\n"
		"definitions in %s and %s when they exist; only\n"
		"administrators (root or the data group) may run the commands other than\n"
		"check, keys and help, or use --db, --screens, --config, --today or KEPU_*\n"
		"variables (KEPU_TERMINAL_ENCODING excepted).\n\n"
		"Exit status: 0 success; 1 refused input (invalid data or definitions, an\n"
		"existing output file, a damaged or missing database); 2 wrong usage, or a\n"
		"command, option or variable not allowed to the caller.\n"
		"kepu help COMMAND (or kepu COMMAND --help) describes one command; man kepu.\n",
		kp_installed_db, kp_site_screens, kp_site_config);
}

/* kepu help COMMAND, kepu COMMAND --help: its usage, what it does, and the
 * options it takes. */
static void command_help(FILE *out, const kp_command *c)
{
	fputs("Usage:\n", out);
	usage_lines(out, c, "  ");
	fputc('\n', out);
	wrap(out, c->summary, 0, 0);
	fputs("\nOptions:\n", out);
	for (size_t i = 0; i < kp_noptions; i++)
		if (kp_options[i].commands && cli_option_for(&kp_options[i], c->name))
			option_line(out, &kp_options[i]);
	fputs("  and --db, --screens, --config, --today, --help, --version (kepu --help)\n", out);
}

static const kp_command *find_command(const char *name)
{
	for (size_t i = 0; i < kp_ncommands; i++)
		if (!strcmp(kp_commands[i].name, name))
			return &kp_commands[i];
	return NULL;
}

static int cmd_help(const kp_opts *o)
{
	if (!o->nargs) {
		usage(stdout);
		return EXIT_OK;
	}
	const kp_command *c = find_command(o->args[0]);
	if (!c) {
		fprintf(stderr, "kepu: unknown command '%s'\n\n", o->args[0]);
		usage(stderr);
		return EXIT_USAGE;
	}
	command_help(stdout, c);
	return EXIT_OK;
}

int cli_main(int argc, char **argv)
{
	/* getopt's table, from the option table. */
	struct option longopts[sizeof kp_options / sizeof kp_options[0] + 1];
	char shortopts[8] = "";
	size_t ns = 0;
	for (size_t i = 0; i < kp_noptions; i++) {
		const kp_option *op = &kp_options[i];
		longopts[i] = (struct option){op->name, op->arg ? required_argument : no_argument, NULL, op->key};
		if (op->short_opt && ns + 2 < sizeof shortopts) {
			shortopts[ns++] = (char)op->key;
			if (op->arg)
				shortopts[ns++] = ':';
		}
	}
	longopts[kp_noptions] = (struct option){NULL, 0, NULL, 0};
	kp_opts o = {0};
	o.db = getenv("KEPU_DB");
	o.screens = getenv("KEPU_SCREENS");
	o.config = getenv("KEPU_CONFIG");
	const char *today = getenv("KEPU_TODAY");
	const char *pinned = NULL; /* the first option naming a file or a day */
	bool help = false;
	bool given[128] = {false}; /* by getopt key: what the command line named */
	int c;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c > 0 && c < 128 && given[c]) { /* `--unit 魏都区 --unit 许昌学院`: as which? */
			for (size_t i = 0; i < kp_noptions; i++)
				if (kp_options[i].key == c) {
					fputs("kepu: ", stderr);
					fprintf(stderr, msg(MSG_C_OPTION_TWICE), kp_options[i].name);
					fputc('\n', stderr);
				}
			return EXIT_USAGE;
		}
		if (c > 0 && c < 128)
			given[c] = true;
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
		case 'Q': o.for_unit = optarg; break;
		case 'H': o.sheet = optarg; break;
		case 'F': o.form = optarg; break;
		case 'w': o.words = optarg; break;
		case 'e': o.encoding = optarg; break;
		case 'k': o.rejects = optarg; break;
		case 'f': o.format = optarg; break;
		case 'o': o.output = optarg; break;
		case 'x': o.state = optarg; break;
		case 'g': o.category = optarg; break;
		case 'Y': o.year = optarg; break;
		case 'R': o.from = optarg; break;
		case 'T': o.to_year = optarg; break;
		case 'N': o.record = optarg; break;
		case 'W': o.force = true; break;
		case 'D': o.demo = true; break;
		case 'A': o.accept = true; break;
		case 'J': o.reason = optarg; break;
		case 'n': o.dry_run = true; break;
		case 'I': o.rebuild_index = true; break;
		case 'P': o.update = true; break;
		case 'h': help = true; break;
		case 'V': printf("kepu %s\n", KEPU_VERSION); return EXIT_OK;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	const kp_command *cmd = NULL;
	if (optind < argc) {
		const char *name = argv[optind];
		if (!(cmd = find_command(name))) {
			fprintf(stderr, "kepu: unknown command '%s'\n\n", name);
			usage(stderr);
			return EXIT_USAGE;
		}
		o.args = argv + optind + 1;
		o.nargs = argc - optind - 1;
	}
	/* Help reads nothing and opens nothing: anyone may ask, with any
	 * other arguments on the line. */
	if (help) {
		if (cmd)
			command_help(stdout, cmd);
		else
			usage(stdout);
		return EXIT_OK;
	}
	/* An option another command takes is refused, never passed over:
	 * `checklist --format xlsx --output F` would otherwise print text and
	 * write no file. */
	for (size_t i = 0; cmd && i < kp_noptions; i++) {
		const kp_option *op = &kp_options[i];
		if (op->key > 0 && op->key < 128 && given[op->key] && op->commands && !cli_option_for(op, cmd->name)) {
			fprintf(stderr, "kepu: ");
			fprintf(stderr, msg(MSG_C_OPTION_NOT_FOR), op->name, cmd->name, op->commands);
			fputc('\n', stderr);
			return EXIT_USAGE;
		}
	}
	if (cmd && (o.nargs < cmd->min_args || o.nargs > cmd->max_args)) {
		fputs("usage:\n", stderr);
		usage_lines(stderr, cmd, "  ");
		fprintf(stderr, "(kepu help %s)\n", cmd->name);
		return EXIT_USAGE;
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
	if (cmd && check_outputs(&o, cmd) != EXIT_OK)
		return EXIT_DATA;
	cli_spool spool;
	bool spooled = cmd && cli_spool_begin(&spool);
	int rc = cmd ? cmd->run(&o) : cmd_tui(&o);
	/* Whatever was printed cannot be trusted: none of it is shown. */
	if (spooled && cli_spool_end(&spool, !store_damaged()) != 0 && rc == EXIT_OK)
		rc = EXIT_DATA;
	if (store_damaged()) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_S_DAMAGED), store_damage_reason());
		fputc('\n', stderr);
		return EXIT_DATA;
	}
	return rc;
}
