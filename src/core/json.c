/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/json.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

char *json_array_encode(char *const *items, size_t n)
{
	strbuf b = STRBUF_INIT;
	sb_addc(&b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_addc(&b, ',');
		sb_addc(&b, '"');
		for (const unsigned char *p = (const unsigned char *)items[i]; *p; p++) {
			if (*p == '"' || *p == '\\') {
				sb_addc(&b, '\\');
				sb_addc(&b, (char)*p);
			} else if (*p < 0x20) {
				sb_printf(&b, "\\u%04x", *p);
			} else {
				sb_addc(&b, (char)*p);
			}
		}
		sb_addc(&b, '"');
	}
	sb_addc(&b, ']');
	return sb_take(&b);
}

static void skip_ws(const char **s)
{
	while (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')
		(*s)++;
}

static int hex4(const char *s, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		unsigned d = (c >= '0' && c <= '9') ? (unsigned)(c - '0')
			   : (c >= 'a' && c <= 'f') ? (unsigned)(c - 'a' + 10)
			   : (c >= 'A' && c <= 'F') ? (unsigned)(c - 'A' + 10) : 16u;
		if (d > 15)
			return -1;
		*v = *v * 16 + d;
	}
	return 0;
}

static char *string(const char **ps)
{
	const char *s = *ps;
	strbuf b = STRBUF_INIT;
	if (*s++ != '"')
		return NULL;
	while (*s != '"') {
		if (!*s || (unsigned char)*s < 0x20)
			goto bad;
		if (*s != '\\') {
			sb_addc(&b, *s++);
			continue;
		}
		s++;
		char c = *s++;
		const char *simple = "\"\\/bfnrt", *value = "\"\\/\b\f\n\r\t";
		const char *k = c ? strchr(simple, c) : NULL;
		if (k) {
			sb_addc(&b, value[k - simple]);
			continue;
		}
		unsigned cp, lo;
		if (c != 'u' || hex4(s, &cp))
			goto bad;
		s += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (s[0] != '\\' || s[1] != 'u' || hex4(s + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
				goto bad;
			s += 6;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			goto bad;
		}
		sb_addcp(&b, cp);
	}
	*ps = s + 1;
	return sb_take(&b);
bad:
	sb_free(&b);
	return NULL;
}

int json_array_decode(const char *s, char ***items, size_t *n)
{
	char **v = NULL;
	size_t k = 0;
	skip_ws(&s);
	if (*s++ != '[')
		return -1;
	skip_ws(&s);
	if (*s == ']') {
		s++;
	} else {
		for (;;) {
			skip_ws(&s);
			char *item = string(&s);
			if (!item)
				goto bad;
			v = xrealloc(v, (k + 1) * sizeof *v);
			v[k++] = item;
			skip_ws(&s);
			if (*s == ',') {
				s++;
				continue;
			}
			if (*s++ != ']')
				goto bad;
			break;
		}
	}
	skip_ws(&s);
	if (*s)
		goto bad;
	*items = v;
	*n = k;
	return 0;
bad:
	json_array_free(v, k);
	return -1;
}

void json_array_free(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}
