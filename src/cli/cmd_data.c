/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu init, check, import, export, backup. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/common.h"
#include "cli/progress.h"
#include "core/clock.h"
#include "core/embedded.h"
#include "core/msg.h"
#include "domain/heads.h"
#include "core/priv.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/exchange.h"
#include "domain/demo.h"
#include "domain/review.h"
#include "domain/transfer.h"
#include "domain/xlsx.h"
#include "domain/import_source.h"

/* The days the demonstration's records were entered, whatever the clock
 * says when `kepu init --demo` runs: the demo tells one story on 2016-08-10
 * (make demo), where the checklist, the 月报, the briefing and the ranking
 * agree — talents and plans before 7月15日, the July 月报 of five units on
 * 8月1日 (before 8月3日), activities and resources (none dated later) on
 * 8月10日. */
static const struct { const char *form, *day; } demo_days[] = {
	{"talent", "2016-07-12"}, {"plan", "2016-07-14"}, {"monthly", "2016-08-01"},
	{"activity", "2016-08-10"}, {"resource", "2016-08-10"},
};

static const char *demo_day(const char *form)
{
	for (size_t i = 0; i < sizeof demo_days / sizeof demo_days[0]; i++)
		if (!strcmp(demo_days[i].form, form))
			return demo_days[i].day;
	return NULL;
}

/* Demonstration records, one CSV per form, shipped in data/demo/. */
static int load_demo(kp_env *e, int *count)
{
	*count = 0;
	char was[11];
	clock_fixed_day(was);
	for (size_t i = 0; i < e->cat.nforms; i++) {
		const kp_form *f = e->cat.forms[i];
		char path[256];
		snprintf(path, sizeof path, "data/demo/%s.csv", f->id);
		const struct kp_embedded *demo = embedded_find(path);
		if (!demo)
			continue;
		FILE *in = fmemopen((void *)demo->data, demo->len, "r");
		if (demo_day(f->id))
			clock_set_today(demo_day(f->id));
		import_stats st;
		import_options io = {.source = path};
		int rc = in ? import_csv(e, f, in, &io, stderr, &st) : -1;
		if (in)
			fclose(in);
		if (was[0])
			clock_set_today(was);
		else
			clock_use_system();
		if (rc != 0)
			return -1;
		*count += st.saved;
	}
	return 0;
}

int cmd_init(const kp_opts *o)
{
	struct stat st;
	if (o->db && stat(o->db, &st) == 0) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_C_DB_EXISTS), o->db);
		fputc('\n', stderr);
		return EXIT_DATA;
	}
	/* The file is made here, with its mode, before SQLite opens it: SQLite
	 * would make it 0666 less the umask (world-writable under umask 000)
	 * and gives -wal and -shm the database file's mode. Installed setgid,
	 * every session opens it as the data group: 0660; a developer's build,
	 * its owner alone: 0600. */
	char *err = NULL;
	if (o->db && store_check_companions(o->db, &err) != KP_OK) {
		/* made first, the file would be checked as an existing database */
		fprintf(stderr, "kepu: %s\n", err ? err : "");
		free(err);
		return EXIT_DATA;
	}
	mode_t mode = priv_elevated() ? 0660 : 0600;
	int fd = o->db ? open(o->db, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) : -1;
	if (o->db && (fd < 0 || fchmod(fd, mode) != 0)) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_C_DB_MODE), (unsigned)mode, o->db, strerror(errno));
		fputc('\n', stderr);
		if (fd >= 0)
			close(fd);
		return EXIT_DATA;
	}
	if (fd >= 0)
		close(fd);
	kp_env e;
	int rc = cli_open(o, &e, true);
	if (rc != EXIT_OK) {
		if (o->db)
			unlink(o->db); /* the empty file made above, so that init can be run again */
		return rc;
	}
	int demo = 0;
	if (o->demo && load_demo(&e, &demo) != 0)
		rc = EXIT_DATA;
	kp_unit *u;
	size_t n = store_units(e.store, &u);
	if (rc == EXIT_OK) {
		printf(msg(MSG_C_INIT_DONE), o->db, (int)n, demo);
		putchar('\n');
		rc = cli_first_accounts(&e, o->demo);
	}
	if (rc == EXIT_OK && o->demo && demo_progress(&e, &err) != 0) {
		fprintf(stderr, "kepu: %s\n", err ? err : "");
		rc = EXIT_DATA;
	}
	free(err);
	unit_list_free(u, n);
	env_close(&e);
	return rc;
}

/* The database behind the definitions: SQLite's own check of the file,
 * then each form's record counts against its table (an edit made outside
 * kepu, with the sqlite3 shell, leaves them behind: counted again). */
static int check_db(const kp_opts *o)
{
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	char *err = NULL;
	if (store_quick_check(e.store, &err) != KP_OK) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_C_DB_DAMAGED), o->db, err);
		fputc('\n', stderr);
		rc = EXIT_DATA;
	}
	/* A stale text index is reported and the walk goes on: the audit
	 * chain below names the record and field an outside edit changed.
	 * Accepting that edit makes the index from the records too. */
	bool stale = false;
	for (size_t i = 0; rc == EXIT_OK && i < e.cat.nforms; i++) {
		const kp_form *f = e.cat.forms[i];
		bool changed;
		if (store_recount(e.store, f, &changed, &err) != KP_OK) {
			fprintf(stderr, "kepu: %s\n", err);
			rc = EXIT_DATA;
		} else if (changed) {
			printf(msg(MSG_C_RECOUNTED), f->title);
			putchar('\n');
		}
		if (rc != EXIT_OK)
			break;
		if (store_text_check(e.store, f, o->rebuild_index || o->accept, &changed, &err) != KP_OK) {
			fprintf(stderr, "kepu: %s\n", err);
			free(err);
			err = NULL;
			stale = true;
		} else if (changed) {
			printf(msg(MSG_C_REINDEXED), f->title);
			putchar('\n');
		}
	}
	if (rc == EXIT_OK && !store_text_index(e.store)) {
		printf("%s", msg(MSG_C_NO_TEXT_INDEX));
		putchar('\n');
	}
	if (rc == EXIT_OK && !stale) {
		printf(msg(MSG_C_DB_OK), o->db);
		putchar('\n');
	}
	if (rc == EXIT_OK) {
		rc = check_chain(&e, o);
		if (stale && rc == EXIT_OK)
			rc = EXIT_DATA;
	}
	free(err);
	env_close(&e);
	return rc;
}

int cmd_check(const kp_opts *o)
{
	kp_env e;
	kp_diag d = {0};
	int rc = env_load_definitions(&e, o->screens, o->config, &d);
	diag_print(&d, stderr);
	if (rc == 0) {
		printf(msg(MSG_C_CHECK_OK), (int)(e.cat.nforms + e.cat.nviews));
		putchar('\n');
	}
	diag_free(&d);
	env_close(&e);
	if (rc != 0)
		return EXIT_DATA;
	return o->db ? check_db(o) : EXIT_OK;
}

/* An import's report on a stream of its own over stderr, buffered as
 * stdio buffers a file (line by line on a terminal): stderr writes each
 * line by itself, and a file of 150,000 repeated rows spent a system call
 * on every one. stderr itself when the descriptor cannot be copied. */
static FILE *report_open(void)
{
	int fd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
	FILE *r = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (r)
		return r;
	if (fd >= 0)
		close(fd);
	return stderr;
}

static void report_close(FILE *r)
{
	if (r != stderr)
		fclose(r);
}

int cmd_import(const kp_opts *o)
{
	kp_env e;
	const kp_form *f;
	int rc = cli_open_form(o, &e, o->args[0], &f);
	if (rc != EXIT_OK)
		return rc;
	char *err = NULL;
	/* --unit: on behalf of that unit, with a unit's rules; --for-unit: the
	 * rows that unit's, with the administrator's rights. */
	if (o->unit && o->for_unit) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_UNIT_OR_FOR_UNIT));
		env_close(&e);
		return EXIT_USAGE;
	}
	if (o->for_unit && !store_unit_id(e.store, o->for_unit))
		err = xasprintf(msg(MSG_S_NO_UNIT), o->for_unit);
	else
		cli_as_unit(&e, o->unit, &err);
	/* Never the database itself, under any name: its open and close here
	 * would release this process's SQLite locks. */
	FILE *raw = err ? NULL : exchange_read_path(o->db, o->args[1], &err);
	import_origin *pl = NULL;
	FILE *in = !raw ? NULL : import_source(&e.cat, f, raw, o->args[1], o->encoding, o->sheet,
							 store_year(e.store), &pl, &err);
	FILE *rejects = NULL;
	if (in && o->rejects) { /* never overwrite: it may be last week's corrections */
		int fd = open(o->rejects, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0)
			err = errno == EEXIST ? xasprintf(msg(MSG_C_OUT_EXISTS), o->rejects)
					      : xasprintf("%s: %s", o->rejects, strerror(errno));
		else if (!(rejects = fdopen(fd, "wb"))) {
			err = xasprintf("%s: %s", o->rejects, strerror(errno));
			close(fd);
		}
	}
	if (err) { /* it may quote the file (a cell reference): sanitised */
		char *clean = utf8_sanitize(err, false);
		fprintf(stderr, "kepu: %s\n", clean);
		free(clean);
		free(err);
		if (in && in != raw)
			fclose(in);
		if (raw)
			fclose(raw);
		import_origin_free(pl);
		env_close(&e);
		return EXIT_DATA;
	}
	if (rejects)
		fputs("\xEF\xBB\xBF", rejects); /* for Excel, like every export */
	import_stats st;
	struct stat fs;
	cli_progress pr;
	cli_progress_init(&pr, msg(MSG_C_WORD_IMPORT), fstat(fileno(in), &fs) == 0 ? (long long)fs.st_size : 0, 0);
	import_options io = {.source = o->args[1], .unit = o->unit ? o->unit : o->for_unit, .dry_run = o->dry_run, .rejects = rejects,
			     .progress = cli_progress_cb, .progress_ctx = &pr, .update = o->update, .force = o->force};
	import_source_places(&io, pl); /* a workbook: its sheets, cells and what they held */
	FILE *report = report_open();
	rc = import_csv(&e, f, in, &io, report, &st);
	report_close(report);
	import_origin_free(pl);
	if (in != raw)
		fclose(in);
	fclose(raw);
	if (rejects)
		fclose(rejects);
	if (st.same) {
		fprintf(stderr, msg(MSG_C_SAME_SKIPPED), st.same);
		fputc('\n', stderr);
	}
	if (st.same_locked) {
		fprintf(stderr, msg(MSG_C_SAME_LOCKED), st.same_locked);
		fputc('\n', stderr);
	}
	if (st.similar) {
		fprintf(stderr, msg(MSG_C_SIMILAR_SKIPPED), st.similar);
		fputc('\n', stderr);
	}
	if (st.near) {
		fprintf(stderr, msg(MSG_C_NEAR_SKIPPED), st.near);
		fputc('\n', stderr);
	}
	if (rc != 0) {
		if (o->dry_run) {
			printf(msg(MSG_C_CHECKED), st.rows, st.ready);
			putchar('\n');
		}
		fprintf(stderr, msg(MSG_C_IMPORT_FAILED), st.errors);
		fputc('\n', stderr);
	} else if (o->dry_run) {
		printf(msg(MSG_C_CHECKED), st.rows, st.ready);
		putchar('\n');
	} else {
		printf(msg(MSG_C_IMPORTED), st.saved, store_year(e.store), f->title, o->db);
		putchar('\n');
		if (st.updated) {
			printf(msg(MSG_C_UPDATED), st.updated);
			putchar('\n');
		}
		if (st.rejected) {
			fprintf(stderr, msg(MSG_C_REJECTED), st.rejected, o->rejects);
			fputc('\n', stderr);
		}
	}
	if (rejects && !st.rejected && rc == 0)
		remove(o->rejects); /* nothing to fix */
	cli_closed_year_note(&e);
	env_close(&e);
	return rc == 0 ? EXIT_OK : EXIT_DATA;
}

int cmd_export(const kp_opts *o)
{
	kp_env e;
	const kp_form *f;
	const kp_view *v;
	int rc = cli_open_form_or_view(o, &e, o->args[0], &f, &v);
	if (rc != EXIT_OK)
		return rc;
	long long unit = 0;
	char *err = NULL;
	bool xlsx = o->format && !strcmp(o->format, "xlsx");
	const kp_form *src = f ? f : v->source;
	kp_state st = ST_DRAFT;
	const char *state = o->state && state_parse(o->state, &st) ? state_code(st) : NULL;
	if (o->unit && !(unit = store_unit_id(e.store, o->unit)))
		err = xasprintf(msg(MSG_S_NO_UNIT), o->unit);
	else if (o->state && (!state || !src->review))
		err = src->review ? xasprintf(msg(MSG_C_BAD_STATE), o->state)
				  : xasprintf(msg(MSG_C_NO_REVIEW), src->title);
	else if (o->format && !xlsx && strcmp(o->format, "csv"))
		err = xasprintf(msg(MSG_C_BAD_FORMAT), o->format);
	else if (xlsx && !o->output)
		err = xstrdup(msg(MSG_C_NEED_OUTPUT));
	else if (xlsx) {
		char *note = NULL;
		if (export_xlsx(&e, f, v, unit, state, o->output, &note, &err) == 0 && note)
			fprintf(stderr, "kepu: %s\n", note);
		free(note);
	} else {
		FILE *out = o->output ? cli_create(o->output, &err) : stdout;
		cli_progress pr;
		cli_progress_init(&pr, msg(MSG_C_WORD_EXPORT), 0, store_count(e.store, f ? f : v->source));
		export_options eo = {o->encoding, stderr, cli_progress_cb, &pr, state};
		if (out && v)
			export_view_csv(&e, v, unit, &eo, out, &err);
		else if (out)
			export_csv(&e, f, unit, &eo, out, &err);
		if (out && out != stdout && fclose(out) != 0 && !err)
			err = xasprintf("%s: %s", o->output, strerror(errno));
		/* Half an export must not pass for the whole one; a file we
		 * did not make (it existed) is left alone. */
		if (out && out != stdout && err)
			unlink(o->output);
	}
	return cli_close(&e, err, rc);
}

int cmd_backup(const kp_opts *o)
{
	const char *out = o->args[0];
	struct stat st;
	if (stat(out, &st) == 0) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_C_OUT_EXISTS), out);
		fputc('\n', stderr);
		return EXIT_DATA;
	}
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	char *err = NULL;
	long long id;
	unsigned char h[32];
	char at[20];
	if (store_backup(e.store, out, &err) == KP_OK) {
		printf(msg(MSG_C_BACKUP_DONE), out);
		putchar('\n');
		/* The copy's own head (VACUUM INTO copies kp_chain), remembered
		 * beside the live file: a later restore of anything older shows. */
		if (store_file_head(out, &id, h, at) == KP_OK) {
			printf(msg(MSG_C_BACKUP_HEAD), id, at);
			putchar('\n');
			char *abs = realpath(out, NULL);
			if (heads_note(o->db, abs ? abs : out, id, h, &err) != 0)
				rc = EXIT_DATA;
			free(abs);
		}
		if (err) {
			fprintf(stderr, "kepu: %s\n", err);
			free(err);
			rc = EXIT_DATA;
		}
	} else {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		rc = EXIT_DATA;
	}
	env_close(&e);
	return rc;
}
