/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/date.h"

#include <stdio.h>
#include <string.h>

bool date_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int date_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

/* Read 1..maxd ASCII digits at *s into *v. */
static bool digits(const char **s, int mind, int maxd, int *v)
{
	int n = 0, x = 0;
	while (**s >= '0' && **s <= '9' && n < maxd) {
		x = x * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	*v = x;
	return n >= mind && !(**s >= '0' && **s <= '9');
}

static bool lit(const char **s, const char *t)
{
	size_t n = strlen(t);
	if (strncmp(*s, t, n) != 0)
		return false;
	*s += n;
	return true;
}

/* The separator after the year decides the style: '-', '.', '/' or 年. */
static int sep_after_year(const char **s)
{
	if (lit(s, "年"))
		return 'Y';
	char c = **s;
	if (c == '-' || c == '.' || c == '/') {
		(*s)++;
		return c;
	}
	return 0;
}

static bool year_month(const char **s, int *y, int *m, int *style, int hi)
{
	if (!digits(s, 4, 4, y) || *y < (hi > DATE_YEAR_MAX ? 0 : DATE_YEAR_MIN) || *y > hi)
		return false;
	if (!(*style = sep_after_year(s)))
		return false;
	if (!digits(s, 1, 2, m) || *m < 1 || *m > 12)
		return false;
	return true;
}

/* Any four-digit year when hi is 9999, else DATE_YEAR_MIN..hi. */
static bool parse_day(const char *s, int *y, int *m, int *d, int hi)
{
	int style;
	if (!year_month(&s, y, m, &style, hi))
		return false;
	if (style == 'Y' ? !lit(&s, "月") : *s++ != style)
		return false;
	if (!digits(&s, 1, 2, d) || *d < 1 || *d > date_days_in_month(*y, *m))
		return false;
	if (style == 'Y')
		lit(&s, "日");
	return *s == '\0';
}

bool date_parse(const char *s, int *y, int *m, int *d) { return parse_day(s, y, m, d, DATE_YEAR_MAX); }

bool date_out_of_range(const char *s)
{
	int y, m, d;
	return !date_parse(s, &y, &m, &d) && parse_day(s, &y, &m, &d, 9999);
}

bool yearmonth_parse(const char *s, int *y, int *m)
{
	int style;
	if (!year_month(&s, y, m, &style, DATE_YEAR_MAX))
		return false;
	if (style == 'Y' && !lit(&s, "月"))
		return false;
	return *s == '\0';
}

bool yearmonth_ambiguous(const char *s)
{
	int y, m, style;
	const char *p = s;
	return year_month(&p, &y, &m, &style, DATE_YEAR_MAX) && style == '.' && *p == '\0' && p - s == 6 && m == 1;
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, no tables. */
long date_serial(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_from_serial(long n, int *y, int *m, int *d)
{
	n += 719468;
	long era = (n >= 0 ? n : n - 146096) / 146097;
	long doe = n - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int date_weekday(int y, int m, int d)
{
	long n = date_serial(y, m, d); /* 1970-01-01 was a Thursday */
	return (int)(((n % 7) + 11) % 7);
}

bool date_serial_of(const char *iso, long *out)
{
	int y, m, d;
	char day[11];
	if (!iso || strlen(iso) < 10)
		return false;
	memcpy(day, iso, 10);
	day[10] = '\0';
	if (!date_parse(day, &y, &m, &d))
		return false;
	*out = date_serial(y, m, d);
	return true;
}

void date_official(char *out, int y, int m, int d)
{
	snprintf(out, 24, "%u年%u月%u日", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}
