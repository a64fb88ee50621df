/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/proc.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* When pid started (clock ticks after boot, /proc/PID/stat field 22), or
 * 0 when it does not run (or /proc cannot say). */
static unsigned long long started(long pid)
{
	char path[48], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* the command name in brackets may hold spaces and ')': after its last */
	char *p = strrchr(buf, ')');
	if (!p)
		return 0;
	p++;
	for (int field = 2; field < 22 && p; field++)
		p = strchr(p + 1, ' ');
	return p ? strtoull(p + 1, NULL, 10) : 0;
}

static void host(char *out, size_t len)
{
	if (gethostname(out, len) != 0)
		snprintf(out, len, "?");
	out[len - 1] = '\0';
}

void proc_name(long pid, char *out, size_t len)
{
	char h[256];
	host(h, sizeof h);
	snprintf(out, len, "%s %ld %llu", h, pid, started(pid));
}

void proc_self(char *out, size_t len) { proc_name((long)getpid(), out, len); }

bool proc_other_alive(const char *name)
{
	char h[256], self[320];
	host(h, sizeof h);
	proc_self(self, sizeof self);
	const char *sp = name ? strrchr(name, ' ') : NULL;
	if (!sp || !strcmp(name, self))
		return false;
	const char *pp = sp;
	while (pp > name && pp[-1] != ' ')
		pp--;
	if (pp == name || (size_t)(pp - 1 - name) != strlen(h) || strncmp(name, h, strlen(h)))
		return false;
	long pid = strtol(pp, NULL, 10);
	unsigned long long start = strtoull(sp + 1, NULL, 10);
	if (pid <= 0 || (kill((pid_t)pid, 0) != 0 && errno != EPERM))
		return false;
	return started(pid) == start;
}
