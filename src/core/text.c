#include "core/text.h"

#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static bool is_trim_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' ||
	       cp == '\f' || cp == 0x3000;
}

char *text_trim(const char *s)
{
	size_t len = strlen(s), i = 0, start = 0, end = 0;
	bool seen = false;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!is_trim_space(cp)) {
			if (!seen)
				start = i;
			seen = true;
			end = i + n;
		}
		i += n;
	}
	return seen ? xstrndup(s + start, end - start) : xstrdup("");
}

/* Rewrite each code point through map(); map returns the replacement or 0
 * to keep the original bytes. */
static char *map_cps(const char *s, uint32_t (*map)(uint32_t))
{
	strbuf b = STRBUF_INIT;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		uint32_t r = cp == UTF8_INVALID ? 0 : map(cp);
		if (r)
			sb_addcp(&b, r);
		else
			sb_add(&b, s + i, n);
		i += n;
	}
	return sb_take(&b);
}

static uint32_t fullwidth(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	if (cp == 0x3002)
		return '.';
	return 0;
}

static uint32_t name_dot(uint32_t cp)
{
	switch (cp) {
	case '.': case 0x2022: case 0x30FB: case 0xFF0E: case 0x2027:
	case 0x22C5: case 0x2219: case 0xFF65: case 0x0387: case 0x16EB:
		return 0x00B7;
	}
	return 0;
}

static uint32_t lower(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') ? cp + 32 : 0;
}

char *text_fold_fullwidth(const char *s) { return map_cps(s, fullwidth); }
char *text_name_dots(const char *s) { return map_cps(s, name_dot); }
char *text_lower_ascii(const char *s) { return map_cps(s, lower); }

char *text_strip_chars(const char *s, const char *chars)
{
	strbuf b = STRBUF_INIT;
	for (; *s; s++)
		if (!strchr(chars, *s))
			sb_addc(&b, *s);
	return sb_take(&b);
}

bool text_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
