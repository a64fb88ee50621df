/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The near-repeat key: see nearkey.h. Works on code points, from the end
 * of a name and the start of a place. */
#include "core/nearkey.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lookalike.h"
#include "core/simplified.h"
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

/* 0..9 for a Chinese digit (the financial 壹贰叁… too), 10 for 十 拾,
 * 100 for 百 佰, else -1. */
static int numeral(uint32_t cp)
{
	static const uint32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
	/* 壹 贰 叁 肆 伍 陆 柒 捌 玖, and 貳 參 陸 as printed in traditional script */
	static const uint32_t money[][2] = {{0x58F9, 1}, {0x8D30, 2}, {0x8CB3, 2}, {0x53C1, 3}, {0x53C3, 3},
					    {0x8086, 4}, {0x4F0D, 5}, {0x9646, 6}, {0x9678, 6}, {0x67D2, 7},
					    {0x634C, 8}, {0x7396, 9}};
	for (int d = 0; d < 10; d++)
		if (cp == digits[d])
			return d;
	for (size_t k = 0; k < sizeof money / sizeof *money; k++)
		if (cp == money[k][0])
			return (int)money[k][1];
	if (cp == 0x96F6) /* 零 */
		return 0;
	if (cp == 0x5341 || cp == 0x62FE) /* 十 拾 */
		return 10;
	if (cp == 0x767E || cp == 0x4F70) /* 百 佰 */
		return 100;
	return -1;
}

/* A numbering character that stands for a number: ①..⑳ ⑴..⒇ ⒈..⒛ ㈠..㈩
 * ㊀..㊉ Ⅰ..Ⅻ ⅰ..ⅻ ❶..❿ ➀..➓ ⓫..⓾ ㉑..㊿. Its number, *paren when
 * it carries its brackets (⑴ ㈠ are (1)), or 0 when it is none. */
static int numbering_char(uint32_t cp, bool *paren)
{
	static const uint32_t runs[][3] = {
		{0x2460, 0x2473, 1}, {0x2474, 0x2487, 1}, {0x2488, 0x249B, 1}, {0x3220, 0x3229, 1},
		{0x3280, 0x3289, 1}, {0x2160, 0x216B, 1}, {0x2170, 0x217B, 1}, {0x2776, 0x277F, 1},
		{0x2780, 0x2789, 1}, {0x278A, 0x2793, 1}, {0x24EB, 0x24F4, 11}, {0x24F5, 0x24FE, 1},
		{0x3251, 0x325F, 21}, {0x32B1, 0x32BF, 36},
	};
	*paren = (cp >= 0x2474 && cp <= 0x2487) || (cp >= 0x3220 && cp <= 0x3229);
	for (size_t k = 0; k < sizeof runs / sizeof *runs; k++)
		if (cp >= runs[k][0] && cp <= runs[k][1])
			return (int)(cp - runs[k][0] + runs[k][2]);
	return 0;
}

/* Numbering characters as digits (⑴ as (1)), and the small-form brackets
 * ﹙﹚﹝﹞ as ( ) 〔 〕: what the numbering rule then reads. */
static void expand_numbering(cps *c)
{
	cps out = {xcalloc(c->n * 4 + 1, sizeof(uint32_t)), 0};
	for (size_t i = 0; i < c->n; i++) {
		uint32_t cp = c->cp[i];
		bool paren;
		int v = numbering_char(cp, &paren);
		if (!v) {
			static const uint32_t small[][2] = {{0xFE59, '('}, {0xFE5A, ')'}, {0xFE5D, 0x3014}, {0xFE5E, 0x3015}};
			for (size_t k = 0; k < sizeof small / sizeof *small; k++)
				cp = cp == small[k][0] ? small[k][1] : cp;
			out.cp[out.n++] = cp;
			continue;
		}
		if (paren)
			out.cp[out.n++] = '(';
		if (v >= 10)
			out.cp[out.n++] = (uint32_t)('0' + v / 10);
		out.cp[out.n++] = (uint32_t)('0' + v % 10);
		if (paren)
			out.cp[out.n++] = ')';
	}
	free(c->cp);
	*c = out;
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
	if (i && (c[i - 1] == 0x7B2C || c[i - 1] == 0x4E4B)) /* 第N, 之N (之一) */
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

/* 上 中 下 续: a part of a series in brackets, （上） as （一）. */
static bool is_part(uint32_t cp) { return cp == 0x4E0A || cp == 0x4E2D || cp == 0x4E0B || cp == 0x7EED; }

/* How long the edition note ending c[..n) is, 0 when there is none:
 * (第)?N(年)?版, 修订版 增订版 再版 新版, a year before those (2016版,
 * 2016年版, 第2版, 2016年修订版); not a reader's edition (少年版 青少年版). */
static size_t edition_len(const uint32_t *c, size_t n)
{
	if (n < 2 || c[n - 1] != 0x7248) /* 版 */
		return 0;
	size_t i = n - 1;
	if (i >= 2 && (c[i - 2] == 0x4FEE || c[i - 2] == 0x589E) && c[i - 1] == 0x8BA2) /* 修订 增订 */
		i -= 2;
	else if (c[i - 1] == 0x518D || c[i - 1] == 0x65B0) /* 再 新 */
		i--;
	if (i >= 2 && c[i - 1] == 0x5E74 && is_digit(c[i - 2])) /* N年 */
		i--;
	size_t digits = i;
	while (i && is_digit(c[i - 1]))
		i--;
	if (i < digits && i && c[i - 1] == 0x7B2C) /* 第N */
		i--;
	return i < n - 1 ? n - i : 0;
}

static void strip_numbering(cps *c)
{
	for (;;) {
		size_t at = numbering_start(c->cp, c->n);
		if (at == c->n)
			at = c->n - edition_len(c->cp, c->n);
		size_t b = at == c->n ? bracket_start(c->cp, c->n) : c->n;
		if (b < c->n && b + 1 < c->n - 1) {
			const uint32_t *in = c->cp + b + 1;
			size_t len = c->n - 2 - b;
			/* only a number or an edition in it: (1), （第1期）, （上）,
			 * （2016版）, not (本部) or （上册） */
			if (numbering_start(in, len) == 0 || edition_len(in, len) == len ||
			    (b + 3 == c->n && is_part(c->cp[b + 1])))
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

/* A level's suffix: 省 市 区 县. */
static bool is_level(uint32_t cp) { return cp == 0x7701 || cp == 0x5E02 || cp == 0x533A || cp == 0x53BF; }

/* A level as written: whole (许昌市), or without its suffix (许昌) when
 * two characters or more are left. */
typedef struct {
	cps full, bare;
} level;

static level level_of(cps full)
{
	level l = {full, {full.cp, 0}};
	if (full.n >= 3 && is_level(full.cp[full.n - 1]))
		l.bare.n = full.n - 1;
	return l;
}

/* How long l is where c begins (whole first), 0 when it is not there;
 * with whole, c may be l and nothing more. */
static size_t level_at(const cps *c, const level *l, bool whole)
{
	if (begins(c, &l->full, whole))
		return l->full.n;
	return begins(c, &l->bare, whole) ? l->bare.n : 0;
}

static bool same_cps(const cps *a, const cps *b)
{
	return a->n && a->n == b->n && !memcmp(a->cp, b->cp, a->n * sizeof *a->cp);
}

/* Does c begin with a name ending in 省 市 区 县 after two to four Han
 * characters (建安区…, 长葛市…)? */
static bool begins_named(const cps *c)
{
	for (size_t i = 0; i < c->n && i < 5; i++) {
		if (i >= 2 && is_level(c->cp[i]))
			return true;
		if (!cp_is_han(c->cp[i]))
			return false;
	}
	return false;
}

/* A level of the chain is left out where the next level down follows it
 * (许昌市魏都区…, 河南许昌魏都区…), the unit's own name wherever it begins
 * what is left: 许昌市文化中心 and 许昌文化中心 are the city's, not
 * 魏都区文化中心. The unit's name without its suffix (魏都) only when no
 * level above is written so (许昌县's 许昌 is the city's). With no unit (a
 * place compared apart from its unit: core/dupkey.h) the last prefix is
 * left out before any 区/县/市 (许昌市魏都区科技局 is 魏都区科技局, 许昌市科技局
 * stays). Returns whether
 * what is left names where it is: a level of the chain above the unit
 * (许昌市文化中心, 许昌学院) or another 区/县/市 (建安区…). */
static bool strip_place(cps *c, const char *unit, const char *prefixes)
{
	size_t np = prefixes && *prefixes ? 2 : 1; /* the unit's, and one more a newline */
	for (const char *p = prefixes ? prefixes : ""; *p; p++)
		np += *p == '\n';
	level *chain = xcalloc(np, sizeof *chain); /* outermost first, the unit's last */
	const char *p = prefixes ? prefixes : "";
	for (size_t k = 0; k + 1 < np; k++) {
		const char *nl = strchr(p, '\n');
		char *one = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		char *key = text_dup_key(one);
		chain[k] = level_of(decode(key));
		free(key);
		free(one);
		p = nl ? nl + 1 : p + strlen(p);
	}
	chain[np - 1] = level_of(unit_prefix(unit));
	for (size_t k = 0; k + 1 < np; k++)
		if (same_cps(&chain[np - 1].bare, &chain[k].bare) || same_cps(&chain[np - 1].bare, &chain[k].full))
			chain[np - 1].bare.n = 0;
	size_t from = 0;
	for (size_t k = 0; k < np; k++) {
		cps rest = {c->cp + from, c->n - from};
		size_t len = level_at(&rest, &chain[k], false);
		if (!len)
			continue;
		cps next = {rest.cp + len, rest.n - len};
		/* with no unit, any 区/县/市 is the level below the last prefix */
		if (k + 1 == np || level_at(&next, &chain[k + 1], true) || (!unit && k + 2 == np && begins_named(&next)))
			from += len;
	}
	memmove(c->cp, c->cp + from, (c->n - from) * sizeof *c->cp);
	c->n -= from;
	size_t b = bracket_start(c->cp, c->n);
	if (b > 0 && b < c->n)
		c->n = b;
	bool named = begins_named(c);
	for (size_t k = 0; k < np; k++) {
		named |= k + 1 < np && level_at(c, &chain[k], true);
		free(chain[k].full.cp);
	}
	free(chain);
	return named;
}

/* A place as where it is (NEAR_PLACE_UNIT): its near key, after the
 * unit's own 区/县/市 name, or whole name, when it names no place itself
 * (魏都区's 文化中心 is 魏都区文化中心, 许昌学院's 图书馆 许昌学院图书馆). */
static void place_of_unit(cps *c, const char *unit, const char *prefixes)
{
	if (strip_place(c, unit, prefixes))
		return;
	cps u = unit_prefix(unit);
	if (!u.n) {
		free(u.cp);
		char *key = text_dup_key(unit ? unit : "");
		u = decode(key);
		free(key);
	}
	uint32_t *both = xcalloc(u.n + c->n + 1, sizeof *both);
	memcpy(both, u.cp, u.n * sizeof *both);
	memcpy(both + u.n, c->cp, c->n * sizeof *both);
	free(u.cp);
	free(c->cp);
	c->cp = both;
	c->n += u.n;
}

/* 科学技术协会 as 科协, the name every unit's 科协 goes by. */
static void fold_kexie(cps *c)
{
	static const uint32_t full[] = {0x79D1, 0x5B66, 0x6280, 0x672F, 0x534F, 0x4F1A};
	const size_t n = sizeof full / sizeof *full;
	size_t o = 0;
	for (size_t i = 0; i < c->n;) {
		if (i + n <= c->n && !memcmp(c->cp + i, full, sizeof full)) {
			c->cp[o++] = 0x79D1, c->cp[o++] = 0x534F; /* 科协 */
			i += n;
		} else {
			c->cp[o++] = c->cp[i++];
		}
	}
	c->n = o;
}

static bool is_letter(uint32_t cp) { return cp_script(cp) != SCRIPT_NONE || is_digit(cp); }

/* The value of a Roman numeral in i v x (lower case: text_dup_key folded
 * it), canonical only (iv, not iiii), or 0. */
static int roman_value(const uint32_t *c, size_t n)
{
	static const char *const tens[] = {"", "x", "xx", "xxx"};
	static const char *const ones[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
	for (int v = 1; v < 40; v++) {
		char want[12];
		size_t len = (size_t)snprintf(want, sizeof want, "%s%s", tens[v / 10], ones[v % 10]);
		size_t k = 0;
		while (k < n && k < len && c[k] == (uint32_t)want[k])
			k++;
		if (k == n && len == n)
			return v;
	}
	return 0;
}

/* Roman numerals typed in ASCII (科普讲座II, 科普讲座 IV, （Ⅱ） as (II)) as
 * digits, as Ⅱ is: a run of i v x with no letter or digit on either side. */
static void fold_roman(cps *c)
{
	size_t o = 0;
	for (size_t i = 0, j; i < c->n; i = j) {
		for (j = i; j < c->n && (c->cp[j] == 'i' || c->cp[j] == 'v' || c->cp[j] == 'x');)
			j++;
		int v = j > i && (i == 0 || !is_letter(c->cp[i - 1])) && (j == c->n || !is_letter(c->cp[j]))
			? roman_value(c->cp + i, j - i) : 0;
		if (!v) { /* no numeral here: the character, or the run, as it is */
			j = j > i ? j : i + 1;
			while (i < j)
				c->cp[o++] = c->cp[i++];
			continue;
		}
		if (v >= 10) /* at most two digits, never longer than the run (x: 10) */
			c->cp[o++] = (uint32_t)('0' + v / 10);
		c->cp[o++] = (uint32_t)('0' + v % 10);
	}
	c->n = o;
}

/* Traditional characters as their simplified form (講 as 讲). */
static void fold_traditional(cps *c)
{
	for (size_t i = 0; i < c->n; i++) {
		uint32_t s = cp_simplified_of(c->cp[i]);
		c->cp[i] = s ? s : c->cp[i];
	}
}

/* s as the near rule reads it before any how: text_dup_key, traditional
 * characters simplified, numbering characters and numerals as digits. */
static cps near_text(const char *s)
{
	char *dup = text_dup_key(s);
	cps c = decode(dup);
	free(dup);
	fold_traditional(&c);
	expand_numbering(&c);
	fold_numerals(&c);
	return c;
}

/* 、 , ; / (full-width forms folded): what parts a list of names. */
static bool is_name_sep(uint32_t cp) { return cp == 0x3001 || cp == ',' || cp == ';' || cp == '/'; }

/* 和 及 与: a list's last part joined in words (王建国和李明). */
static bool is_name_and(uint32_t cp) { return cp == 0x548C || cp == 0x53CA || cp == 0x4E0E; }

static bool is_space(uint32_t cp) { return cp <= ' ' || cp == 0x3000 || cp_is_odd_space(cp); }

/* 、 , ; / as typed, full-width too: where one name ends. */
static bool is_typed_sep(uint32_t cp) { return is_name_sep(cp) || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF0F; }

/* s with a space between two names (王建国 李明) as 、: two characters or
 * more on each side, none of them a letter — a space inside one name (王
 * 建国, 欧阳 明, Wang Jianguo) is left out as text_dup_key leaves it. */
static char *spaces_as_commas(const char *s)
{
	cps r = decode(s);
	strbuf b = STRBUF_INIT;
	size_t since = 0; /* characters of the name before the space */
	for (size_t i = 0, j; i < r.n; i = j) {
		for (j = i; j < r.n && is_space(r.cp[j]);)
			j++;
		if (j == i) {
			since = is_typed_sep(r.cp[j]) ? 0 : since + 1;
			sb_addcp(&b, r.cp[j++]);
			continue;
		}
		size_t after = 0;
		while (j + after < r.n && !is_space(r.cp[j + after]) && !is_typed_sep(r.cp[j + after]))
			after++;
		bool between = since >= 2 && after >= 2 && !is_letter(r.cp[i - 1]) && !is_letter(r.cp[j]);
		sb_addcp(&b, between ? 0x3001 : ' ');
		since = between ? 0 : since;
	}
	free(r.cp);
	return sb_take(&b);
}

/* How many code points of v end it as the author's role (王建国主编,
 * 王建国等编著, 王建国 主编): 主编 编著 编写 编绘 编译 著 编 绘 译, where two
 * characters or more are left before it (王著 is a name) or none (主编
 * parted off by a space: a name that is nothing else is left out). */
static size_t role_at_end(const cps *v)
{
	/* 主编 编著 编写 编绘 编译, then 著 编 绘 译 (0: one character) */
	static const uint32_t roles[][2] = {{0x4E3B, 0x7F16}, {0x7F16, 0x8457}, {0x7F16, 0x5199}, {0x7F16, 0x7ED8},
					    {0x7F16, 0x8BD1}, {0x8457, 0},      {0x7F16, 0},      {0x7ED8, 0},
					    {0x8BD1, 0}};
	for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
		size_t len = roles[r][1] ? 2 : 1;
		if (v->n < len || (v->n - len != 0 && v->n - len < 2))
			continue;
		if (memcmp(v->cp + v->n - len, roles[r], len * sizeof(uint32_t)) == 0)
			return len;
	}
	return 0;
}

/* The names of a list: parted by 、 , ; / and a space (as above), and by
 * 和 及 与 where two characters or more stand on each side (王和平 is one
 * name, 王建国和李明 two); a trailing 等 or 等人 left out, a name that is
 * nothing else (王建国 等) too. */
static size_t split_names(const cps *c, cps *names)
{
	size_t n = 0;
	for (size_t i = 0, j; i <= c->n; i = j + 1) {
		for (j = i; j < c->n && !is_name_sep(c->cp[j]);)
			j++;
		size_t from = i;
		for (size_t k = i + 2; k + 2 < j; k++)
			if (is_name_and(c->cp[k]) && k - from >= 2) {
				names[n++] = (cps){c->cp + from, k - from};
				from = k + 1;
			}
		names[n++] = (cps){c->cp + from, j - from};
	}
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		cps *v = &names[i];
		v->n -= role_at_end(v);
		size_t etc = v->n >= 2 && v->cp[v->n - 2] == 0x7B49 && v->cp[v->n - 1] == 0x4EBA ? 2 /* 等人 */
			     : v->n >= 1 && v->cp[v->n - 1] == 0x7B49                         ? 1 /* 等 */
												: 0;
		if (v->n > etc) {
			v->n -= etc;
			names[kept++] = *v;
		}
	}
	return kept;
}

static int cmp_cps(const void *a, const void *b)
{
	const cps *x = a, *y = b;
	for (size_t i = 0; i < x->n && i < y->n; i++)
		if (x->cp[i] != y->cp[i])
			return x->cp[i] < y->cp[i] ? -1 : 1;
	return x->n < y->n ? -1 : x->n > y->n;
}

/* A list of names by its first (NEAR_FIRST), or as a set (NEAR_AUTHORS:
 * each name once, in code point order, joined by 、). */
static char *authors_key(const char *s, bool first)
{
	char *parted = spaces_as_commas(s);
	cps c = near_text(parted);
	free(parted);
	cps *names = xcalloc(c.n + 1, sizeof *names);
	size_t n = split_names(&c, names);
	strbuf b = STRBUF_INIT;
	if (!n) { /* never down to nothing */
		for (size_t i = 0; i < c.n; i++)
			sb_addcp(&b, c.cp[i]);
	} else if (first) {
		for (size_t i = 0; i < names[0].n; i++)
			sb_addcp(&b, names[0].cp[i]);
	} else {
		qsort(names, n, sizeof *names, cmp_cps);
		for (size_t k = 0; k < n; k++) {
			if (k && !cmp_cps(&names[k - 1], &names[k]))
				continue;
			if (b.len)
				sb_addcp(&b, 0x3001);
			for (size_t i = 0; i < names[k].n; i++)
				sb_addcp(&b, names[k].cp[i]);
		}
	}
	free(names);
	free(c.cp);
	return sb_take(&b);
}

char *text_near_key(const char *s, int how, const char *unit, const char *prefixes)
{
	if (how == NEAR_FIRST || how == NEAR_AUTHORS)
		return authors_key(s, how == NEAR_FIRST);
	cps c = near_text(s);
	if (how == NEAR_NUMBERED) {
		fold_roman(&c);
		strip_numbering(&c);
	} else if (how == NEAR_PLACE || how == NEAR_PLACE_UNIT) {
		fold_kexie(&c);
		if (how == NEAR_PLACE)
			strip_place(&c, unit, prefixes);
		else
			place_of_unit(&c, unit, prefixes);
	}
	char *key = encode(&c);
	free(c.cp);
	return key;
}
