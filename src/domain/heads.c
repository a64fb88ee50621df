/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/heads.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/priv.h"
#include "core/xalloc.h"

/* One line per head: time, audit row id, hash (hex), who saw it. */
#define LINE_MAX_BYTES 1024

static char *log_path(const char *db) { return xasprintf("%s.heads", db); }

/* Opened as the data group, like the database beside it (installed
 * setgid, a clerk's kepu check notes its head too). */
static FILE *open_log(const char *path, bool append)
{
	if (priv_raise() != 0)
		return NULL;
	int flags = (append ? O_WRONLY | O_APPEND | O_CREAT : O_RDONLY) | O_NOFOLLOW | O_CLOEXEC;
	int fd = open(path, flags, priv_elevated() ? 0660 : 0644), saved = errno;
	priv_drop();
	errno = saved;
	FILE *f = fd < 0 ? NULL : fdopen(fd, append ? "a" : "r");
	if (fd >= 0 && !f)
		close(fd);
	return f;
}

static int append(const char *db, const char *line, char **err)
{
	char *path = log_path(db);
	FILE *f = open_log(path, true);
	/* On disk before kepu says it is done: the log outlives a power cut
	 * that takes the database's last commits with it. */
	int rc = f && fputs(line, f) >= 0 && fflush(f) == 0 && fsync(fileno(f)) == 0 ? 0 : -1;
	if (f && fclose(f) != 0)
		rc = -1;
	if (rc)
		*err = xasprintf("%s: %s", path, strerror(errno));
	free(path);
	return rc;
}

int heads_note(const char *db, const char *what, long long id, const unsigned char h[32], char **err)
{
	char hex[65];
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", h[i]);
	char now[20];
	clock_now(now);
	/* A path with a tab or newline would split the line: those become spaces. */
	char *w = xstrdup(what);
	for (char *p = w; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	char *line = xasprintf("%s\t%lld\t%s\t%s\n", now, id, hex, w);
	int rc = append(db, line, err);
	free(line);
	free(w);
	return rc;
}

int heads_accept(const char *db, char **err)
{
	char now[20];
	clock_now(now);
	char *line = xasprintf("%s\t0\t-\taccept\n", now);
	int rc = append(db, line, err);
	free(line);
	return rc;
}

static bool parse(char *line, char **at, long long *id, unsigned char h[32], char **what)
{
	char *f[4], *save = NULL;
	line[strcspn(line, "\n")] = 0;
	for (int i = 0; i < 4; i++)
		if (!(f[i] = strtok_r(i ? NULL : line, "\t", &save)))
			return false;
	*at = f[0];
	*id = strtoll(f[1], NULL, 10);
	*what = f[3];
	if (!strcmp(f[3], "accept"))
		return true;
	if (strlen(f[2]) != 64)
		return false;
	for (int i = 0; i < 32; i++) {
		unsigned v;
		if (sscanf(f[2] + 2 * i, "%2x", &v) != 1)
			return false;
		h[i] = (unsigned char)v;
	}
	return true;
}

int heads_compare(kp_store *s, const char *db, heads_state *out, char **err)
{
	memset(out, 0, sizeof *out);
	char *path = log_path(db);
	FILE *f = open_log(path, false);
	if (!f) {
		int rc = errno == ENOENT ? 0 : -1;
		if (rc)
			*err = xasprintf("%s: %s", path, strerror(errno));
		free(path);
		return rc;
	}
	free(path);
	char line[LINE_MAX_BYTES];
	while (fgets(line, sizeof line, f)) {
		char *at, *what;
		long long id;
		unsigned char h[32];
		if (!parse(line, &at, &id, h, &what))
			continue; /* a torn last line (a crash while appending) */
		if (!strcmp(what, "accept")) {
			out->lost = false;
			continue;
		}
		if (store_chain_has(s, id, h)) {
			snprintf(out->found_at, sizeof out->found_at, "%s", at);
			continue;
		}
		out->lost = true;
		snprintf(out->lost_at, sizeof out->lost_at, "%s", at);
		snprintf(out->lost_what, sizeof out->lost_what, "%s", what);
		out->lost_id = id;
	}
	fclose(f);
	return 0;
}
