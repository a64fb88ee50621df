/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The near-repeat key: see nearkey.h. Works on code points, from the end
 * of a name and the start of a place. */
#include "core/nearkey.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"

typedef struct {
	uint32_t *cp;
	size_t n;
} cps;

static cps decode(const char *s)
{
	size_t len = strlen(s), i = 0;
	cps c = {xcalloc(len + 1, sizeof(uint32_t)), 0};
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp != UTF8_INVALID)
			c.cp[c.n++] = cp;
	}
	return c;
}

static char *encode(const cps *c)
{
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < c->n; i++)
		sb_addcp(&b, c->cp[i]);
	return sb_take(&b);
}

/* 0..9 for a Chinese digit, 10 for 十, 100 for 百, else -1. */
static int numeral(uint32_t cp)
{
	static const uint32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
	for (int d = 0; d < 10; d++)
		if (cp == digits[d])
			return d;
	if (cp == 0x96F6) /* 零 */
		return 0;
	if (cp == 0x5341) /* 十 */
		return 10;
	if (cp == 0x767E) /* 百 */
		return 100;
	return -1;
}

/* The number a run of numerals says, or -1 when it is none: digits alone
 * are read one by one (二〇一六 = 2016); with 十 or 百, as counted
 * (二十三 = 23, 一百零五 = 105, 十二 = 12); 百 without its digit (百千万)
 * is no number. *digits: the run was digits alone. */
static long long run_value(const uint32_t *c, size_t n, bool *digits)
{
	*digits = true;
	for (size_t i = 0; i < n; i++)
		if (numeral(c[i]) >= 10)
			*digits = false;
	if (*digits)
		return 0;
	long long v = 0;
	int pending = -1, last_unit = 1000;
	for (size_t i = 0; i < n; i++) {
		int d = numeral(c[i]);
		if (d >= 10) {
			if (d >= last_unit || (d == 100 && pending < 1))
				return -1;
			v += (long long)(pending < 0 ? 1 : pending) * d;
			last_unit = d;
			pending = -1;
		} else if (d == 0) {
			if (pending > 0)
				return -1;
			pending = -1;
		} else if (pending > 0) {
			return -1; /* 二三十 */
		} else {
			pending = d;
		}
	}
	return v + (pending > 0 ? pending : 0);
}

/* Chinese numerals that make a number, as ASCII digits. A run's number
 * is at most one digit longer than the run (十 is 10, 一百 is 100). */
static void fold_numerals(cps *c)
{
	cps out = {xcalloc(c->n * 2 + 1, sizeof(uint32_t)), 0};
	for (size_t i = 0, j; i < c->n; i = j) {
		for (j = i; j < c->n && numeral(c->cp[j]) >= 0;)
			j++;
		if (j == i) {
			out.cp[out.n++] = c->cp[j++];
			continue;
		}
		bool digits;
		long long v = run_value(c->cp + i, j - i, &digits);
		if (digits) {
			for (size_t k = i; k < j; k++)
				out.cp[out.n++] = (uint32_t)('0' + numeral(c->cp[k]));
		} else if (v >= 0) {
			char num[24];
			int len = snprintf(num, sizeof num, "%lld", v);
			for (int k = 0; k < len; k++)
				out.cp[out.n++] = (uint32_t)num[k];
		} else {
			for (size_t k = i; k < j; k++)
				out.cp[out.n++] = c->cp[k];
		}
	}
	free(c->cp);
	*c = out;
}

static bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* 期 场 次 讲: what 第N counts. */
static bool is_counter(uint32_t cp) { return cp == 0x671F || cp == 0x573A || cp == 0x6B21 || cp == 0x8BB2; }

static bool is_separator(uint32_t cp)
{
	return cp == '-' || cp == '_' || cp == '.' || cp == '#' || cp == ':' || cp == 0x3001 || cp == 0xB7 ||
	       cp == 0x2014 || cp == 0x2013;
}

/* The opening bracket of a closing one, or 0. */
static uint32_t opener(uint32_t cp)
{
	switch (cp) {
	case ')': return '(';
	case ']': return '[';
	case 0x3011: return 0x3010; /* 】 */
	case 0x3015: return 0x3014; /* 〕 */
	case 0x3009: return 0x3008; /* 〉 */
	}
	return 0;
}

/* Where numbering c[..n) ends with starts: 第?N(期|场|次|讲)? or a
 * separator; n when there is none. */
static size_t numbering_start(const uint32_t *c, size_t n)
{
	size_t i = n;
	if (i && is_separator(c[i - 1]))
		return i - 1;
	if (i && is_counter(c[i - 1]) && i >= 2 && is_digit(c[i - 2]))
		i--;
	size_t end = i;
	while (i && is_digit(c[i - 1]))
		i--;
	if (i == end)
		return n;
	if (i && c[i - 1] == 0x7B2C) /* 第 */
		i--;
	return i;
}

/* The start of a bracketed part closing c[..n), or n. */
static size_t bracket_start(const uint32_t *c, size_t n)
{
	uint32_t open = n ? opener(c[n - 1]) : 0;
	if (!open)
		return n;
	for (size_t i = n - 1; i-- > 0;)
		if (c[i] == open)
			return i;
	return n;
}

static void strip_numbering(cps *c)
{
	for (;;) {
		size_t at = numbering_start(c->cp, c->n);
		if (at == c->n) {
			size_t b = bracket_start(c->cp, c->n);
			/* only a number in it: (1), （第1期）, not (本部) */
			if (b < c->n && b + 1 < c->n - 1 && numbering_start(c->cp + b + 1, c->n - 2 - b) == 0)
				at = b;
		}
		if (at == c->n || at == 0) /* nothing more, or nothing would be left */
			return;
		c->n = at;
	}
}

/* Does c begin with p (and, unless whole, go on after it)? */
static bool begins(const cps *c, const cps *p, bool whole)
{
	return p->n && (p->n < c->n || (whole && p->n == c->n)) && !memcmp(c->cp, p->cp, p->n * sizeof *p->cp);
}

/* The unit's own 区/县/市 name: its name through the first of those. */
static cps unit_prefix(const char *unit)
{
	cps u = decode(unit ? unit : "");
	size_t i = 0;
	while (i < u.n && u.cp[i] != 0x533A && u.cp[i] != 0x53BF && u.cp[i] != 0x5E02)
		i++;
	u.n = i < u.n && i > 0 ? i + 1 : 0;
	return u;
}

/* A level of the chain is left out where the next level down follows it
 * (许昌市魏都区…), the unit's own name wherever it begins what is left:
 * 许昌市文化中心 is the city's, not 魏都区文化中心. */
static void strip_place(cps *c, const char *unit, const char *prefixes)
{
	size_t np = prefixes && *prefixes ? 2 : 1; /* the unit's, and one more a newline */
	for (const char *p = prefixes ? prefixes : ""; *p; p++)
		np += *p == '\n';
	cps *chain = xcalloc(np, sizeof *chain); /* outermost first, the unit's last */
	const char *p = prefixes ? prefixes : "";
	for (size_t k = 0; k + 1 < np; k++) {
		const char *nl = strchr(p, '\n');
		char *one = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		char *key = text_dup_key(one);
		chain[k] = decode(key);
		free(key);
		free(one);
		p = nl ? nl + 1 : p + strlen(p);
	}
	chain[np - 1] = unit_prefix(unit);
	size_t from = 0;
	for (size_t k = 0; k < np; k++) {
		cps rest = {c->cp + from, c->n - from};
		if (!begins(&rest, &chain[k], false))
			continue;
		cps next = {rest.cp + chain[k].n, rest.n - chain[k].n};
		if (k + 1 == np || begins(&next, &chain[k + 1], true))
			from += chain[k].n;
	}
	memmove(c->cp, c->cp + from, (c->n - from) * sizeof *c->cp);
	c->n -= from;
	size_t b = bracket_start(c->cp, c->n);
	if (b > 0 && b < c->n)
		c->n = b;
	for (size_t k = 0; k < np; k++)
		free(chain[k].cp);
	free(chain);
}

char *text_near_key(const char *s, int how, const char *unit, const char *prefixes)
{
	char *dup = text_dup_key(s);
	cps c = decode(dup);
	free(dup);
	fold_numerals(&c);
	if (how == NEAR_NUMBERED)
		strip_numbering(&c);
	else if (how == NEAR_PLACE)
		strip_place(&c, unit, prefixes);
	char *key = encode(&c);
	free(c.cp);
	return key;
}
