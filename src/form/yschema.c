/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/yschema.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"

void ychk_err(ychk *c, const ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(c->d, c->file, at ? at->line : 0, at ? at->col : 0, "%s", text);
	free(text);
	c->errors++;
}

bool ychk_is_map(ychk *c, const ynode *n)
{
	if (n && n->kind == YN_MAP)
		return true;
	ychk_err(c, n, "%s", msg(MSG_L_WANT_MAP));
	return false;
}

bool ychk_is_seq(ychk *c, const ynode *n)
{
	if (n && n->kind == YN_SEQ)
		return true;
	ychk_err(c, n, "%s", msg(MSG_L_WANT_SEQ));
	return false;
}

void ychk_keys(ychk *c, const ynode *map, const char *const *allowed)
{
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const ynode *k = map->kids[i];
		bool ok = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, k->value) == 0;
		if (!ok)
			ychk_err(c, k, msg(MSG_L_UNKNOWN_KEY), k->value);
		for (size_t j = 0; j < i; j += 2)
			if (strcmp(map->kids[j]->value, k->value) == 0) {
				ychk_err(c, k, msg(MSG_L_DUP_KEY), k->value);
				break;
			}
	}
}

bool ychk_safe_text(ychk *c, const ynode *n)
{
	size_t len = strlen(n->value), i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(n->value + i, len - i, &cp);
		if (cp != '\n' && (cp == UTF8_INVALID || cp_is_unsafe(cp))) {
			ychk_err(c, n, "%s", msg(MSG_L_UNSAFE_TEXT));
			return false;
		}
	}
	return true;
}

const char *ychk_str(ychk *c, const ynode *map, const char *key, bool required)
{
	const ynode *v = yn_get(map, key);
	if (!v) {
		if (required)
			ychk_err(c, map, msg(MSG_L_MISSING_KEY), key);
		return NULL;
	}
	if (v->kind != YN_SCALAR) {
		ychk_err(c, v, "%s", msg(MSG_L_WANT_SCALAR));
		return NULL;
	}
	if (!ychk_safe_text(c, v))
		return NULL;
	if (required && !v->value[0]) {
		ychk_err(c, v, "%s", msg(MSG_L_EMPTY));
		return NULL;
	}
	return v->value;
}

bool ychk_bool(ychk *c, const ynode *map, const char *key, bool def)
{
	const ynode *v = yn_get(map, key);
	if (!v)
		return def;
	if (v->kind == YN_SCALAR && v->plain) {
		if (!strcmp(v->value, "true") || !strcmp(v->value, "yes"))
			return true;
		if (!strcmp(v->value, "false") || !strcmp(v->value, "no"))
			return false;
	}
	ychk_err(c, v, msg(MSG_L_WANT_BOOL), v->kind == YN_SCALAR ? v->value : "…");
	return def;
}

bool ychk_int(ychk *c, const ynode *map, const char *key, long long *out)
{
	const ynode *v = yn_get(map, key);
	if (!v)
		return false;
	if (v->kind == YN_SCALAR && v->plain && v->value[0]) {
		char *end;
		errno = 0;
		long long x = strtoll(v->value, &end, 10);
		if (!*end && !errno) {
			*out = x;
			return true;
		}
	}
	ychk_err(c, v, msg(MSG_L_WANT_INT), v->kind == YN_SCALAR ? v->value : "…");
	return false;
}
