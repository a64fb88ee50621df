/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/utf8.h"

#include <string.h>
#include <wchar.h>

#include "core/strbuf.h"

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t n;
	uint32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = UTF8_INVALID;
		return 1;
	}
	if (len < n) {
		*cp = UTF8_INVALID;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = UTF8_INVALID;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = UTF8_INVALID;
		return 1;
	}
	*cp = v;
	return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			return false;
	}
	return true;
}

size_t utf8_count(const char *s)
{
	size_t n = 0, len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

int cp_width(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7F)
		return 1; /* drawn as '?' after sanitising */
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

bool cp_is_odd_space(uint32_t cp)
{
	return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F;
}

bool cp_is_unsafe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return true;
	if (cp < 0xAD || (cp > 0x3164 && cp < 0xFE00))
		return false; /* the common cases: ASCII and Latin-1; CJK, kana, Hangul */
	switch (cp) {
	case 0x2028: case 0x2029: /* line and paragraph separators */
		return true;
	}
	if (cp >= 0xFFF9 && cp <= 0xFFFB) /* interlinear annotation controls */
		return true;
	return cp_is_ignorable(cp);
}

/* Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt 15.0):
 * characters a font draws as nothing, so two values that look the same
 * would differ (a soft hyphen, a zero-width space, a variation selector,
 * a bidi control, a Hangul filler, tags). */
bool cp_is_ignorable(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
		{0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160},
		{0x17B4, 0x17B5}, {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E},
		{0x2060, 0x206F}, {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF},
		{0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
		{0xE0000, 0xE0FFF},
	};
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return true;
	return false;
}

bool cp_refused_in_text(uint32_t cp)
{
	return cp == UTF8_INVALID || (cp_is_unsafe(cp) && cp != '\t' && cp != '\r' && cp != '\n');
}

size_t utf8_first_unsafe(const char *s, size_t len, uint32_t *cp)
{
	size_t nth = 0;
	for (size_t i = 0; i < len;) {
		nth++;
		i += utf8_decode(s + i, len - i, cp);
		if (cp_refused_in_text(*cp))
			return nth;
	}
	return 0;
}

size_t cps_first_unsafe(const uint32_t *cps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cp_refused_in_text(cps[i]))
			return i + 1;
	return 0;
}

char *utf8_sanitize(const char *s, bool keep_newlines)
{
	strbuf b = STRBUF_INIT;
	size_t len = strlen(s), i = 0, kept = 0; /* s[kept..i) is copied as it is */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) { /* printable ASCII */
			i++;
			continue;
		}
		if (c >= 0xE4 && c <= 0xE9 && i + 2 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)s[i + 2] & 0xC0) == 0x80) { /* U+4000..U+9FFF: CJK, never unsafe */
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		char with = cp == '\n' && keep_newlines ? '\n'
			  : cp == '\t' ? ' '
			  : cp == UTF8_INVALID || cp_is_unsafe(cp) ? '?' : 0;
		if (with) { /* the safe run before it in one copy: a report line is mostly such */
			sb_add(&b, s + kept, i - kept);
			sb_addc(&b, with);
			kept = i + n;
		}
		i += n;
	}
	sb_add(&b, s + kept, len - kept);
	return sb_take(&b);
}

int utf8_width(const char *s)
{
	int w = 0;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		w += (cp == UTF8_INVALID || cp_is_unsafe(cp)) ? 1 : cp_width(cp);
	}
	return w;
}
