/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/pinyin.h"

#include <string.h>

#include "core/pinyin_table.h"
#include "core/utf8.h"

#define MAX_CHARS 64
#define MAX_READINGS 8

size_t pinyin_of(uint32_t cp, const char **out, size_t max)
{
	if (cp < PINYIN_FIRST || cp > PINYIN_LAST)
		return 0;
	size_t i = cp - PINYIN_FIRST, n = 0;
	for (unsigned k = pinyin_first[i]; k < pinyin_first[i + 1] && n < max; k++)
		out[n++] = pinyin_syllables[pinyin_readings[k]];
	return n;
}

static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

/* Can typed[j..] be consumed starting at character i? With max 1, by
 * each character's customary reading only (Unihan's kMandarin, first). */
static bool match_from(const uint32_t *cp, size_t n, size_t i, const char *typed, size_t j, size_t max)
{
	if (!typed[j])
		return true;
	if (i == n)
		return false;
	const char *r[MAX_READINGS];
	size_t nr = pinyin_of(cp[i], r, max);
	if (nr == 0) /* not a Han character we know: typed as it is */
		return cp[i] < 128 && lower((char)cp[i]) == typed[j] &&
		       match_from(cp, n, i + 1, typed, j + 1, max);
	for (size_t k = 0; k < nr; k++) {
		size_t common = 0; /* how much of the reading the typed text spells */
		while (r[k][common] && r[k][common] == typed[j + common])
			common++;
		for (size_t len = common; len > 0; len--) /* the longest prefix first */
			if (match_from(cp, n, i + 1, typed, j + len, max))
				return true;
	}
	return false;
}

static bool match_readings(const char *text, const char *typed, size_t max)
{
	char t[MAX_CHARS + 1];
	size_t m = 0;
	bool letter = false; /* without one, this is plain text (strstr's job) */
	for (; typed[m]; m++) {
		char c = lower(typed[m]);
		if (m == MAX_CHARS || c <= ' ' || c > '~')
			return false;
		letter |= c >= 'a' && c <= 'z';
		t[m] = c;
	}
	t[m] = '\0';
	if (!letter)
		return false;
	uint32_t cp[MAX_CHARS];
	size_t n = 0, len = strlen(text), i = 0;
	while (i < len && n < MAX_CHARS)
		i += utf8_decode(text + i, len - i, &cp[n++]);
	for (size_t start = 0; start < n; start++)
		if (match_from(cp, n, start, t, 0, max))
			return true;
	return false;
}

bool pinyin_match(const char *text, const char *typed)
{
	return match_readings(text, typed, MAX_READINGS);
}

bool pinyin_match_customary(const char *text, const char *typed)
{
	return match_readings(text, typed, 1);
}
