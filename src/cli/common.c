/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "cli/common.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/auth.h"

const char *unix_login(void)
{
	const struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name)
		return pw->pw_name;
	const char *u = getenv("USER");
	return u ? u : "?";
}

int cli_open_to(const kp_opts *o, kp_env *e, bool create, FILE *errs)
{
	kp_diag d = {0};
	if (env_load_definitions(e, o->screens, o->config, &d) != 0) {
		diag_print(&d, errs);
		diag_free(&d);
		env_close(e);
		return EXIT_DATA;
	}
	if (!o->db) {
		fprintf(errs, "kepu: %s\n", msg(MSG_C_NEED_DB));
		env_close(e);
		return EXIT_USAGE;
	}
	char *err = NULL;
	if (env_open_db(e, o->db, create, &err) != 0) {
		fprintf(errs, "kepu: %s\n", err);
		free(err);
		env_close(e);
		return EXIT_DATA;
	}
	int year = 0;
	if (o->year && (env_parse_year(e, o->year, &year, &err) != 0 || env_use_year(e, year, &err) != 0)) {
		fprintf(errs, "kepu: %s\n", err);
		free(err);
		env_close(e);
		return EXIT_DATA;
	}
	if (auth_init() != 0) {
		fprintf(errs, "kepu: %s\n", msg(MSG_A_HASH_FAILED));
		env_close(e);
		return EXIT_DATA;
	}
	/* The command line is the server's administrators: their writes are
	 * audited under the Unix login, marked as from the command line. */
	char *who = xasprintf(msg(MSG_C_ACTOR), unix_login());
	int rc = store_session(e->store, SESSION_ADMIN, who, 0, &err);
	free(who);
	if (rc != KP_OK) {
		fprintf(errs, "kepu: %s\n", err);
		free(err);
		env_close(e);
		return EXIT_DATA;
	}
	return EXIT_OK;
}

void cli_closed_year_note(kp_env *e)
{
	int year = store_closed_year_written(e->store);
	if (!year)
		return;
	char *as = xasprintf(msg(MSG_AU_CLOSED_YEAR_AS), year,
			     msg(store_session_kind(e->store) == SESSION_ADMIN ? MSG_AU_AS_ADMIN : MSG_P_OWNER_CITY));
	fprintf(stderr, msg(MSG_C_CLOSED_YEAR_WRITTEN), as);
	fputc('\n', stderr);
	free(as);
}

int cli_close(kp_env *e, char *err, int rc)
{
	if (err) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		rc = EXIT_DATA;
	}
	if (e->store) /* what was written stays written, said or not: said */
		cli_closed_year_note(e);
	env_close(e);
	return rc;
}

int cli_open(const kp_opts *o, kp_env *e, bool create)
{
	return cli_open_to(o, e, create, stderr);
}

int cli_open_form(const kp_opts *o, kp_env *e, const char *id, const kp_form **f)
{
	return cli_open_form_or_view(o, e, id, f, NULL);
}

int cli_open_form_or_view(const kp_opts *o, kp_env *e, const char *id, const kp_form **f,
			  const kp_view **v)
{
	int rc = cli_open(o, e, false);
	if (rc != EXIT_OK)
		return rc;
	*f = catalog_form(&e->cat, id);
	if (v)
		*v = *f ? NULL : catalog_view(&e->cat, id);
	if (*f || (v && *v))
		return EXIT_OK;
	char *ids = catalog_form_ids(&e->cat);
	fprintf(stderr, "kepu: ");
	fprintf(stderr, msg(MSG_C_UNKNOWN_FORM), id, ids);
	fputc('\n', stderr);
	free(ids);
	env_close(e);
	return EXIT_DATA;
}

int cli_as_unit(kp_env *e, const char *unit, char **err)
{
	if (!unit)
		return KP_OK;
	long long id = store_unit_id(e->store, unit);
	if (!id) {
		*err = xasprintf(msg(MSG_S_NO_UNIT), unit);
		return KP_ERR;
	}
	char *who = xstrdup(store_session_user(e->store));
	int rc = store_session(e->store, SESSION_UNIT, who, id, err);
	free(who);
	return rc;
}

bool cli_get_record(kp_env *e, const kp_form *f, long long id, kp_record *rec, char **err)
{
	if (store_get(e->store, f, id, rec, NULL) == KP_OK)
		return true;
	*err = xasprintf(msg(MSG_C_SAVE_NO_RECORD), f->title, id);
	return false;
}

void cli_cell(FILE *out, const char *s, int width, bool right)
{
	char *clean = utf8_sanitize(s, false);
	int pad = width - utf8_width(clean);
	if (right)
		fprintf(out, "%*s", pad > 0 ? pad : 0, "");
	fputs(clean, out);
	if (!right)
		fprintf(out, "%*s", pad > 0 ? pad : 0, "");
	free(clean);
}

FILE *cli_create(const char *path, char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0) {
		*err = errno == EEXIST ? xasprintf(msg(MSG_C_OUT_EXISTS), path) : xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	FILE *f = fdopen(fd, "wb");
	if (!f) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		unlink(path);
	}
	return f;
}

int cli_output_to(const char *path)
{
	char *err = NULL;
	FILE *f = cli_create(path, &err);
	if (!f) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		return EXIT_DATA;
	}
	fflush(stdout);
	int rc = dup2(fileno(f), STDOUT_FILENO) < 0 ? EXIT_DATA : EXIT_OK;
	fclose(f);
	if (rc != EXIT_OK) {
		fprintf(stderr, "kepu: %s: %s\n", path, strerror(errno));
		unlink(path);
	}
	return rc;
}

/* The largest number taken for an attachment or a record: 18 digits. */
#define NUMBER_MAX 999999999999999999LL

bool cli_parse_number(const char *s, const char *what, long long *out, char **err)
{
	size_t n = strlen(s);
	if (n && n <= 18 && strspn(s, "0123456789") == n && (*out = strtoll(s, NULL, 10)) > 0)
		return true;
	char *shown = utf8_sanitize(s, false);
	*err = xasprintf(msg(MSG_C_ATT_BAD_NUMBER), what, shown, NUMBER_MAX);
	free(shown);
	return false;
}

bool cli_spool_begin(cli_spool *s)
{
	fflush(stdout);
	s->held = tmpfile();
	s->real = s->held ? dup(STDOUT_FILENO) : -1;
	if (s->real < 0 || dup2(fileno(s->held), STDOUT_FILENO) < 0) {
		if (s->real >= 0)
			close(s->real);
		if (s->held)
			fclose(s->held);
		return false;
	}
	return true;
}

int cli_spool_end(cli_spool *s, bool show)
{
	int rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1;
	int held = fileno(s->held);
	if (rc == 0 && show && lseek(held, 0, SEEK_SET) == 0) {
		char buf[65536];
		ssize_t n;
		while (rc == 0 && (n = read(held, buf, sizeof buf)) > 0)
			for (ssize_t done = 0, w; rc == 0 && done < n; done += w)
				if ((w = write(s->real, buf + done, (size_t)(n - done))) < 0)
					rc = -1;
	}
	dup2(s->real, STDOUT_FILENO);
	close(s->real);
	fclose(s->held);
	clearerr(stdout);
	if (rc != 0)
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_WRITE_ERROR));
	return rc;
}
