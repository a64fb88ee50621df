/* SPDX-License-Identifier: MulanPSL-2.0 */
#define _GNU_SOURCE /* getresuid, setresgid */
#include "core/priv.h"

#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static gid_t caller_gid, data_gid;
static uid_t caller_uid;
static bool elevated;

int priv_init(void)
{
	uid_t ruid, euid, suid;
	gid_t rgid, egid, sgid;
	if (getresuid(&ruid, &euid, &suid) != 0 || getresgid(&rgid, &egid, &sgid) != 0)
		return -1;
	caller_uid = ruid;
	caller_gid = rgid;
	data_gid = egid;
	/* setuid installs are not a supported model: refuse to run as one. */
	if (euid != ruid)
		return -1;
	elevated = egid != rgid;
	if (!elevated)
		return 0;
	if (setegid(caller_gid) != 0 || getegid() != caller_gid)
		return -1;
	return 0;
}

bool priv_elevated(void) { return elevated; }

bool priv_is_admin(void)
{
	if (!elevated || caller_uid == 0)
		return true;
	int n = getgroups(0, NULL);
	if (n <= 0)
		return false;
	gid_t *g = calloc((size_t)n, sizeof *g);
	if (!g)
		return false;
	n = getgroups(n, g);
	bool member = false;
	for (int i = 0; i < n && !member; i++)
		member = g[i] == data_gid;
	free(g);
	return member;
}

const char *priv_group_name(void)
{
	static char name[64];
	const struct group *g = getgrgid(data_gid);
	if (g && g->gr_name)
		snprintf(name, sizeof name, "%s", g->gr_name);
	else
		snprintf(name, sizeof name, "%lu", (unsigned long)data_gid);
	return name;
}

int priv_raise(void)
{
	if (!elevated)
		return 0;
	return setegid(data_gid) == 0 ? 0 : -1;
}

void priv_drop(void)
{
	if (elevated && setegid(caller_gid) != 0)
		abort(); /* never carry on with the data group */
}

void priv_drop_for_good(void)
{
	if (elevated && setresgid(caller_gid, caller_gid, caller_gid) != 0)
		_exit(127);
}
