/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The duplicate key of a value by what it holds: see dupkey.h. */
#include "core/dupkey.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/nearkey.h"
#include "core/simplified.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* A name's key: no dots between its parts (cp_is_name_dot), each
 * character simplified; most names need neither, and keep text_dup_key's
 * string (a look-up folds each candidate row's name). */
static char *person_key(const char *s)
{
	char *dup = text_dup_key(s);
	size_t len = strlen(dup), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(dup + i, len - i, &cp);
		if (cp_is_name_dot(cp) || cp_simplified_of(cp))
			break;
		i += k;
	}
	if (i == len)
		return dup;
	strbuf b = STRBUF_INIT;
	sb_add(&b, dup, i);
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(dup + i, len - i, &cp);
		if (cp == UTF8_INVALID || cp_is_name_dot(cp))
			continue;
		uint32_t simple = cp_simplified_of(cp);
		sb_addcp(&b, simple ? simple : cp);
	}
	free(dup);
	return sb_take(&b);
}

/* 科学技术 as 科技 wherever it stands (魏都区科学技术局 = 魏都区科技局);
 * 科学技术协会 is 科协 already (NEAR_PLACE). */
static char *place_key(const char *s, const char *prefixes)
{
	static const char full[] = "科学技术", brief[] = "科技";
	char *near = text_near_key(s, NEAR_PLACE, NULL, prefixes);
	strbuf b = STRBUF_INIT;
	const char *p = near, *at;
	while ((at = strstr(p, full))) {
		sb_add(&b, p, (size_t)(at - p));
		sb_adds(&b, brief);
		p = at + strlen(full);
	}
	sb_adds(&b, p);
	free(near);
	return sb_take(&b);
}

char *text_dup_key_as(const char *s, int how, const char *prefixes)
{
	if (how == DUPKEY_PERSON)
		return person_key(s);
	if (how == DUPKEY_PLACE)
		return place_key(s, prefixes);
	return text_dup_key(s);
}

/* Variants of one character looked at, at most: more is no name. */
#define SPELL_VARIANTS 8

char **text_person_spellings(const char *s, size_t max, size_t *n)
{
	char *key = person_key(s);
	size_t len = strlen(key), nc = 0;
	uint32_t(*opt)[SPELL_VARIANTS + 1] = xcalloc(len + 1, sizeof *opt); /* each place: itself, its variants */
	size_t *nopt = xcalloc(len + 1, sizeof *nopt), total = 1;
	for (size_t i = 0; i < len; nc++) {
		uint32_t cp;
		i += utf8_decode(key + i, len - i, &cp);
		opt[nc][0] = cp;
		size_t v = cp_variants_of(cp, opt[nc] + 1, SPELL_VARIANTS);
		nopt[nc] = 1 + (v < SPELL_VARIANTS ? v : SPELL_VARIANTS);
		total = total <= max ? total * nopt[nc] : total;
	}
	if (total > max) /* the key as it is */
		for (size_t k = 0; k < nc; k++)
			nopt[k] = 1;
	total = 1;
	for (size_t k = 0; k < nc; k++)
		total *= nopt[k];
	char **out = xcalloc(total + 1, sizeof *out);
	out[0] = xstrdup(s);
	size_t *at = xcalloc(nc + 1, sizeof *at); /* an odometer over the places */
	for (size_t t = 0; t < total; t++) {
		strbuf b = STRBUF_INIT;
		for (size_t k = 0; k < nc; k++)
			sb_addcp(&b, opt[k][at[k]]);
		out[t + 1] = sb_take(&b);
		for (size_t k = nc; k-- > 0;) {
			if (++at[k] < nopt[k])
				break;
			at[k] = 0;
		}
	}
	*n = total + 1;
	free(at);
	free(nopt);
	free(opt);
	free(key);
	return out;
}
