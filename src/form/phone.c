/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/phone.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"

/* Pattern names in config/patterns.yaml. */
#define PAT_MOBILE "mobile"
#define PAT_LANDLINE "landline"
#define PAT_LOCAL "local_phone"
/* What a stored number's extension follows (AREA-LOCAL转EXT). */
#define PHONE_EXT "转"

static bool matches(const kp_catalog *cat, const char *name, const char *s)
{
	const kp_pattern *p = catalog_pattern(cat, name);
	return p && pattern_match(p, s) == PM_MATCH;
}

static char *refuse(char **reason, char *why)
{
	*reason = why;
	return NULL;
}

/* area + local, checked against the area's local length when the table
 * lists it, else against the general landline pattern. */
static char *landline(const kp_catalog *cat, const char *area, const char *local, char **reason)
{
	if (!text_all_digits(local))
		return refuse(reason, xasprintf(msg(MSG_V_PHONE_GROUPS), local));
	const kp_area *a = catalog_area(cat, area);
	int n = (int)strlen(local);
	if (a && n != a->digits)
		return refuse(reason, xasprintf(msg(MSG_V_PHONE_LENGTH), a->code, a->place, a->digits, n,
						local));
	char *all = xasprintf("%s%s", area, local);
	bool ok = matches(cat, PAT_LANDLINE, all);
	free(all);
	if (!ok) /* not an area code, or a local number starting 0 or 1 */
		return refuse(reason, xstrdup(msg(MSG_V_PHONE)));
	return xasprintf("%s-%s", area, local);
}

/* What follows an area code: spaces, at most one dash, spaces. */
static const char *after_area(const char *p)
{
	p += strspn(p, " ");
	if (*p == '-')
		p++;
	return p + strspn(p, " ");
}

/* The number without prefix or extension: a mobile, (AREA) LOCAL,
 * AREA-LOCAL, AREA LOCAL, AREALOCAL or a bare local number. */
static char *number(const kp_catalog *cat, const char *s, char **reason)
{
	const char *open = strchr(s, '('), *close = strchr(s, ')');
	if (open || close) { /* only "(AREA)" at the start */
		if (open != s || !close || strchr(s + 1, '(') || strchr(close + 1, ')'))
			return refuse(reason, xstrdup(msg(MSG_V_PHONE_BRACKET)));
		char *area = xstrndup(s + 1, (size_t)(close - s - 1));
		char *r = area[0] == '0' && text_all_digits(area)
				  ? landline(cat, area, after_area(close + 1), reason)
				  : refuse(reason, xstrdup(msg(MSG_V_PHONE_BRACKET)));
		free(area);
		return r;
	}
	char *d = text_strip_chars(s, " -");
	if (matches(cat, PAT_MOBILE, d))
		return d;
	bool digits = text_all_digits(d);
	free(d);
	if (!digits || s[0] == '1')
		return refuse(reason, xstrdup(msg(MSG_V_PHONE)));
	if (s[0] != '0') { /* a local number of the home area: one run of digits */
		if (!text_all_digits(s))
			return refuse(reason, xasprintf(msg(MSG_V_PHONE_GROUPS), s));
		if (!catalog_area(cat, cat->local_area_code) && !matches(cat, PAT_LOCAL, s))
			return refuse(reason, xstrdup(msg(MSG_V_PHONE)));
		return landline(cat, cat->local_area_code, s, reason);
	}
	size_t k = strcspn(s, " -");
	if (s[k]) { /* the area code is written apart */
		char *area = xstrndup(s, k);
		char *r = landline(cat, area, after_area(s + k), reason);
		free(area);
		return r;
	}
	size_t area = (!strncmp(s, "010", 3) || !strncmp(s, "02", 2)) ? 3 : 4;
	if (strlen(s) <= area)
		return refuse(reason, xstrdup(msg(MSG_V_PHONE)));
	char *code = xstrndup(s, area);
	char *r = landline(cat, code, s + area, reason);
	free(code);
	return r;
}

static bool valid_extension(const char *e)
{
	size_t n = strlen(e);
	return n >= 1 && n <= 6 && text_all_digits(e);
}

char *phone_normalise(const kp_catalog *cat, const char *s0, char **reason)
{
	static const char *const prefixes[] = {"(+86)", "+86", "0086", NULL};
	static const char *const ext_marks[] = {"转", "分机", "ext.", "ext", "EXT", "x", "X", "#", NULL};
	const char *s = s0;
	char *with_zero = NULL;
	*reason = NULL;
	for (const char *const *p = prefixes; *p; p++)
		if (text_starts_with(s, *p)) {
			s += strlen(*p);
			if (*s == ' ' || *s == '-')
				s++;
			if (*s != '1' && *s != '0') /* "+86 374 …" is the landline 0374 … */
				s = with_zero = xasprintf("0%s", s);
			break;
		}
	char *main_part = xstrdup(s), *ext = NULL;
	for (const char *const *m = ext_marks; *m && !ext; m++) {
		char *at = strstr(main_part, *m);
		if (at && at != main_part) {
			ext = text_trim(at + strlen(*m)); /* "转 8001"; a space inside is refused below */
			*at = '\0';
		}
	}
	char *trimmed = text_trim(main_part);
	char *r = number(cat, trimmed, reason);
	if (!r && !ext) { /* 0374-2965753-8001: the last group is an extension */
		char *dash = strrchr(trimmed, '-');
		if (dash && valid_extension(dash + 1)) {
			char *again = NULL;
			ext = xstrdup(dash + 1);
			*dash = '\0';
			if ((r = number(cat, trimmed, &again))) {
				free(*reason);
				*reason = NULL;
			}
			free(again); /* the first reason says more of what was typed */
		}
	}
	if (r && ext) {
		char *full = NULL;
		if (valid_extension(ext) && strchr(r, '-'))
			full = xasprintf("%s" PHONE_EXT "%s", r, ext);
		free(r);
		r = full;
		/* Never a guess at what was meant: "转80 01" is not taken as 8001. */
		if (!r)
			*reason = text_all_digits(ext) || !ext[0] ? xstrdup(msg(MSG_V_PHONE))
								  : xasprintf(msg(MSG_V_PHONE_EXT), ext);
	}
	free(ext);
	free(trimmed);
	free(main_part);
	free(with_zero);
	return r;
}

size_t phone_main_len(const char *stored)
{
	const char *ext = strstr(stored, PHONE_EXT);
	return ext ? (size_t)(ext - stored) : strlen(stored);
}
