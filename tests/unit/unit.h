/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Shared by the cmocka unit tests: the cmocka prelude and small helpers. */
#ifndef KP_UNIT_H
#define KP_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the headers above first. */
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Widths of CJK characters need a UTF-8 locale. */
static inline void unit_locale(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "zh_CN.UTF-8");
}

/* A fresh path for a temporary database; caller frees and unlinks. */
static inline char *unit_tmp_db(void)
{
	char tmpl[] = "/tmp/kepu-unit-XXXXXX";
	int fd = mkstemp(tmpl);
	if (fd < 0)
		abort();
	close(fd);
	unlink(tmpl);
	return strdup(tmpl);
}

static inline void unit_rm_db(char *path)
{
	char buf[512];
	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
	free(path);
}

#endif
