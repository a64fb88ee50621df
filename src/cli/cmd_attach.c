/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu attachments list|get|add|remove: the files attached to records
 * (#19) on the server's command line, in the session --unit narrows to: a
 * unit's listing holds its own files only, and another unit's file number
 * is answered as a missing one. add and remove go through the store as
 * the 附件 screen does (its rights, bounds and audit), and a recycled
 * file is said as the screen says it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/common.h"
#include "core/csv.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/evidence.h"
#include "domain/review.h"

/* The form named by its id (activity) or a part of its title, if it takes
 * attachments; else *err lists those that do. */
static const kp_form *evidence_form(const kp_env *e, const char *name, char **err)
{
	strbuf all = STRBUF_INIT;
	for (size_t i = 0; i < e->cat.nforms; i++) {
		const kp_form *f = e->cat.forms[i];
		if (!f->evidence)
			continue;
		if (!strcmp(f->id, name) || (*name && strstr(f->title, name))) {
			sb_free(&all);
			return f;
		}
		sb_printf(&all, "%s%s（%s）", all.len ? "、" : "", f->id, f->title);
	}
	char *shown = utf8_sanitize(name, false);
	*err = xasprintf(msg(MSG_C_ATT_NO_EVIDENCE), shown, sb_str(&all));
	free(shown);
	sb_free(&all);
	return NULL;
}

/* One CSV cell: sanitised (no control characters reach a terminal or a
 * spreadsheet) and a formula-looking value neutralised. */
static void cell(const char *s, bool first)
{
	char *clean = utf8_sanitize(s, false);
	char *safe = csv_neutralise(clean);
	csv_write_cell(stdout, safe, first);
	free(safe);
	free(clean);
}

static void number_cell(long long v, bool first)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", v);
	cell(buf, first);
}

static void list_form(kp_env *e, const kp_form *f, long long record_id)
{
	kp_attachment *a;
	size_t n = store_attachments_where(e->store, f, record_id, 0, &a);
	for (size_t i = 0; i < n; i++) {
		number_cell(a[i].id, true);
		cell(f->title, false);
		number_cell(a[i].record_id, false);
		cell(a[i].unit_name, false);
		cell(a[i].name, false);
		cell(a[i].type, false);
		number_cell(a[i].size, false);
		cell(a[i].by, false);
		cell(a[i].at, false);
		cell(f->review && *a[i].state ? state_label(state_of(a[i].state)) : "", false);
		csv_end_record(stdout);
	}
	attachments_free(a, n);
}

static int list(kp_env *e, const kp_opts *o, char **err)
{
	const kp_form *only = NULL;
	long long record_id = 0;
	if (o->record && !o->form) {
		*err = xstrdup(msg(MSG_C_ATT_RECORD_FORM));
		return EXIT_USAGE;
	}
	if (o->form && !(only = evidence_form(e, o->form, err)))
		return EXIT_DATA;
	if (o->record && !cli_parse_number(o->record, msg(MSG_C_ATT_RECORD), &record_id, err))
		return EXIT_USAGE;
	if (o->output && cli_output_to(o->output) != EXIT_OK)
		return EXIT_DATA;
	fputs("\xEF\xBB\xBF", stdout); /* for Excel, as kepu export */
	static const int head[] = {MSG_C_ATT_ID, MSG_C_ATT_COL_FORM, MSG_C_ATT_RECORD, MSG_C_THE_UNIT,
				   MSG_C_ATT_COL_NAME, MSG_C_ATT_COL_TYPE, MSG_C_ATT_COL_SIZE, MSG_C_ATT_COL_BY,
				   MSG_C_ATT_COL_AT, MSG_R_COL_STATE};
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		cell(msg(head[i]), i == 0);
	csv_end_record(stdout);
	for (size_t i = 0; i < e->cat.nforms; i++)
		if (e->cat.forms[i]->evidence && (!only || only == e->cat.forms[i]))
			list_form(e, e->cat.forms[i], record_id);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_DATA;
}

static char *path_error(const char *path, int errnum)
{
	char *shown = utf8_sanitize(path, false);
	char *e = errnum == EEXIST ? xasprintf(msg(MSG_C_ATT_EXISTS), shown) : xasprintf("%s: %s", shown, strerror(errnum));
	free(shown);
	return e;
}

/* The file the bytes go to: path itself, new (O_EXCL); or with force a
 * new file beside it (*tmp), renamed over path once complete, so a fetch
 * that fails leaves what was there as it was. */
static int open_target(const char *path, bool force, char **tmp, char **err)
{
	int fd;
	if (force) {
		*tmp = xasprintf("%s.kepu-XXXXXX", path);
		if ((fd = mkstemp(*tmp)) >= 0) {
			mode_t mask = umask(0);
			umask(mask);
			fchmod(fd, 0666 & ~mask); /* as a file the caller made; mkstemp's 0600 is for the temporary */
		}
	} else {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	}
	if (fd < 0) {
		*err = path_error(path, errno);
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

static int get(kp_env *e, const kp_opts *o, char **err)
{
	long long id;
	if (!cli_parse_number(o->args[1], msg(MSG_C_ATT_ID), &id, err))
		return EXIT_USAGE;
	if (!o->output) {
		*err = xstrdup(msg(MSG_C_ATT_NEED_OUTPUT));
		return EXIT_USAGE;
	}
	const kp_form *f;
	kp_attachment a;
	if (evidence_find(e, id, &f, &a, err) != 0)
		return EXIT_DATA;
	char *tmp = NULL;
	int fd = open_target(o->output, o->force, &tmp, err);
	FILE *out = fd < 0 ? NULL : fdopen(fd, "wb");
	int rc = out ? store_attachment_copy(e->store, f, id, out, err) : KP_ERR;
	if (fd >= 0 && !out) {
		*err = path_error(o->output, errno);
		close(fd);
	}
	if (out) {
		bool flushed = fflush(out) == 0 && fsync(fileno(out)) == 0;
		if (fclose(out) != 0 || !flushed) {
			if (rc == KP_OK)
				*err = path_error(o->output, errno);
			rc = KP_ERR;
		}
	}
	if (rc == KP_OK && tmp && rename(tmp, o->output) != 0) {
		*err = path_error(o->output, errno);
		rc = KP_ERR;
	}
	if (rc != KP_OK && fd >= 0)
		unlink(tmp ? tmp : o->output); /* never a part of the file */
	if (rc == KP_OK) {
		char *name = utf8_sanitize(a.name, false), *path = utf8_sanitize(o->output, false);
		printf(msg(MSG_C_ATT_WRITTEN), id, name, a.type, a.size, f->title, a.record_id, path);
		putchar('\n');
		free(name);
		free(path);
	}
	free(tmp);
	attachment_clear(&a);
	return rc == KP_OK ? EXIT_OK : EXIT_DATA;
}

/* add FILE --form FORM --record N: the file attached to that record. */
static int add(kp_env *e, const kp_opts *o, char **err)
{
	long long record_id, id = 0;
	if (!o->form || !o->record) {
		*err = xstrdup(msg(MSG_C_ATT_ADD_WHERE));
		return EXIT_USAGE;
	}
	if (!cli_parse_number(o->record, msg(MSG_C_ATT_RECORD), &record_id, err))
		return EXIT_USAGE;
	const kp_form *f = evidence_form(e, o->form, err);
	kp_record rec;
	if (!f || !cli_get_record(e, f, record_id, &rec, err)) /* another unit's: as a missing one */
		return EXIT_DATA;
	record_free(&rec);
	if (evidence_add_path(e, f, record_id, o->args[1], &id, err) != 0)
		return EXIT_DATA;
	kp_attachment a;
	if (store_attachment_find(e->store, f, id, &a, err) != KP_OK)
		return EXIT_DATA;
	char *name = utf8_sanitize(a.name, false);
	printf(msg(MSG_C_ATT_ADDED), name, a.type, a.size, f->title, record_id, id);
	putchar('\n');
	free(name);
	attachment_clear(&a);
	char *note = evidence_twin_note(e, f, record_id, id);
	if (note) /* taken, as on the 附件 screen, and said */
		fprintf(stderr, "kepu: %s\n", note);
	free(note);
	return EXIT_OK;
}

/* remove ID: the attachment deleted from its record. */
static int remove_one(kp_env *e, const kp_opts *o, char **err)
{
	long long id;
	if (!cli_parse_number(o->args[1], msg(MSG_C_ATT_ID), &id, err))
		return EXIT_USAGE;
	const kp_form *f;
	kp_attachment a;
	if (evidence_find(e, id, &f, &a, err) != 0)
		return EXIT_DATA;
	int rc = store_detach(e->store, f, id, err) == KP_OK ? EXIT_OK : EXIT_DATA;
	if (rc == EXIT_OK) {
		char *name = utf8_sanitize(a.name, false);
		printf(msg(MSG_C_ATT_REMOVED), id, name, f->title, a.record_id);
		putchar('\n');
		free(name);
	}
	attachment_clear(&a);
	return rc;
}

int cmd_attachments(const kp_opts *o)
{
	static const struct {
		const char *verb;
		int nargs;
		int (*run)(kp_env *e, const kp_opts *o, char **err);
	} verbs[] = {{"list", 1, list}, {"get", 2, get}, {"add", 2, add}, {"remove", 2, remove_one}};
	size_t v = 0;
	while (v < sizeof verbs / sizeof *verbs && strcmp(verbs[v].verb, o->args[0]))
		v++;
	if (v == sizeof verbs / sizeof *verbs || o->nargs != verbs[v].nargs) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_ATT_USAGE));
		return EXIT_USAGE;
	}
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	char *err = NULL;
	if (cli_as_unit(&e, o->unit, &err) == KP_OK)
		rc = verbs[v].run(&e, o, &err);
	else
		rc = EXIT_DATA;
	/* cli_close makes any error EXIT_DATA; wrong usage stays 2. */
	int usage = rc == EXIT_USAGE;
	rc = cli_close(&e, err, rc);
	return usage ? EXIT_USAGE : rc;
}
