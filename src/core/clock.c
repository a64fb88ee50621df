/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/date.h"

static int fixed_y, fixed_m, fixed_d; /* 0: the system's day */
static unsigned fixed_gen;               /* changed by each clock_set_today */

bool clock_set_today(const char *day)
{
	int y, m, d;
	if (!day || !date_parse(day, &y, &m, &d))
		return false;
	fixed_y = y, fixed_m = m, fixed_d = d;
	fixed_gen++;
	return true;
}

void clock_fixed_day(char *out)
{
	out[0] = '\0';
	if (fixed_y)
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)fixed_y % 10000, (unsigned)fixed_m % 100, (unsigned)fixed_d % 100);
}

void clock_use_system(void)
{
	fixed_y = fixed_m = fixed_d = 0;
	fixed_gen++;
}

static struct tm local_now(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return tm;
}

void clock_today(int *y, int *m, int *d)
{
	if (fixed_y) {
		*y = fixed_y, *m = fixed_m, *d = fixed_d;
		return;
	}
	struct tm tm = local_now();
	*y = tm.tm_year + 1900, *m = tm.tm_mon + 1, *d = tm.tm_mday;
}

void clock_now(char *out)
{
	/* Formatted once a second: an import stamps 100,000 rows. */
	static time_t last = (time_t)-1;
	static unsigned last_gen = (unsigned)-1;
	static char text[20];
	time_t t = time(NULL);
	if (t != last || fixed_gen != last_gen) {
		struct tm tm;
		localtime_r(&t, &tm);
		int y, m, d;
		clock_today(&y, &m, &d);
		char buf[64];
		snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, tm.tm_hour, tm.tm_min,
			 tm.tm_sec);
		memcpy(text, buf, 19);
		last = t;
		last_gen = fixed_gen;
	}
	memcpy(out, text, 20);
}

long long clock_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}
