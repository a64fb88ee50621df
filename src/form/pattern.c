/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/pattern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

/* Enough for every shipped pattern on any form value, small enough that a
 * catastrophic pattern gives up in about a millisecond (FIELD-NOTES). */
#define MATCH_LIMIT 100000
#define DEPTH_LIMIT 5000
#define HEAP_LIMIT_KIB 4096

/* Made by the first compile, which comes before any thread matches. */
static pcre2_match_context *ctx;

static pcre2_match_context *limits(void)
{
	if (!ctx) {
		ctx = pcre2_match_context_create(NULL);
		if (!ctx)
			abort();
		pcre2_set_match_limit(ctx, MATCH_LIMIT);
		pcre2_set_depth_limit(ctx, DEPTH_LIMIT);
		pcre2_set_heap_limit(ctx, HEAP_LIMIT_KIB);
	}
	return ctx;
}

int pattern_compile(kp_pattern *p, const char *src, int *offset, char *err, size_t errlen)
{
	int code;
	PCRE2_SIZE off;
	/* NEVER_BACKSLASH_C: \C could split a UTF-8 character. */
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C, &code, &off, NULL);
	if (!re) {
		PCRE2_UCHAR buf[256];
		pcre2_get_error_message(code, buf, sizeof buf);
		snprintf(err, errlen, "%s", (const char *)buf);
		/* PCRE2 gives a code-unit offset; report characters, 1-based. */
		char *prefix = xstrndup(src, off);
		*offset = (int)utf8_count(prefix) + 1;
		free(prefix);
		return -1;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
	p->source = xstrdup(src);
	p->code = re;
	limits();
	return 0;
}

pm_result pattern_match(const kp_pattern *p, const char *subject)
{
	size_t len = strlen(subject);
	if (!utf8_valid(subject, len))
		return PM_BAD_UTF;
	/* One pair is enough: only whether it matched is asked (rc 0 is a match
	 * whose groups did not fit). The match's own data, so threads share
	 * nothing they write. */
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	if (!md)
		abort();
	int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, 0, 0, md, ctx);
	pcre2_match_data_free(md);
	if (rc >= 0)
		return PM_MATCH;
	if (rc == PCRE2_ERROR_NOMATCH)
		return PM_NOMATCH;
	return PM_LIMIT; /* match/depth/heap/JIT-stack limit, or another failure */
}

void pattern_free(kp_pattern *p)
{
	free(p->name);
	free(p->source);
	free(p->message);
	pcre2_code_free(p->code);
	memset(p, 0, sizeof *p);
}
