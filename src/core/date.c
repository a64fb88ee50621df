#include "core/date.h"

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

static bool year_month(const char **s, int *y, int *m, int *style)
{
	if (!digits(s, 4, 4, y) || *y < 1900 || *y > 2100)
		return false;
	if (!(*style = sep_after_year(s)))
		return false;
	if (!digits(s, 1, 2, m) || *m < 1 || *m > 12)
		return false;
	return true;
}

bool date_parse(const char *s, int *y, int *m, int *d)
{
	int style;
	if (!year_month(&s, y, m, &style))
		return false;
	if (style == 'Y' ? !lit(&s, "月") : *s++ != style)
		return false;
	if (!digits(&s, 1, 2, d) || *d < 1 || *d > date_days_in_month(*y, *m))
		return false;
	if (style == 'Y')
		lit(&s, "日");
	return *s == '\0';
}

bool yearmonth_parse(const char *s, int *y, int *m)
{
	int style;
	if (!year_month(&s, y, m, &style))
		return false;
	if (style == 'Y' && !lit(&s, "月"))
		return false;
	return *s == '\0';
}
