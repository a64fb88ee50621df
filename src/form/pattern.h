/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * pattern: PCRE2 patterns compiled once (UTF, JIT where available) and
 * matched under match, depth and heap limits, so no pattern from a form file
 * can hang kepu. Named patterns come from config/patterns.yaml.
 *
 * pattern_match may run on several threads at once (an import validates
 * its rows on a second thread, domain/transfer.c): a match reads only the
 * compiled code and the limits, made before any thread starts (at compile
 * time), and has match data of its own.
 */
#ifndef KP_PATTERN_H
#define KP_PATTERN_H
#include <stdbool.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Normalisations a pattern asks for before matching (bit set). */
enum { NORM_FULLWIDTH = 1, NORM_NAME_DOTS = 2, NORM_LOWER = 4 };

typedef struct {
	char *name;    /* NULL for an inline pattern */
	char *source;
	char *message; /* the reason shown when a value does not match, or NULL */
	unsigned normalise;
	pcre2_code *code;
} kp_pattern;

typedef enum { PM_MATCH, PM_NOMATCH, PM_LIMIT, PM_BAD_UTF } pm_result;

/* Compile src. Returns 0, or -1 with *offset (1-based character position)
 * and a message in err. */
int pattern_compile(kp_pattern *p, const char *src, int *offset, char *err, size_t errlen);
pm_result pattern_match(const kp_pattern *p, const char *subject);
void pattern_free(kp_pattern *p);

#endif
