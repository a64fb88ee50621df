/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * strbuf: a growable, always NUL-terminated byte string.
 * Owner calls sb_free (or takes the buffer with sb_take).
 */
#ifndef KP_STRBUF_H
#define KP_STRBUF_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
	char *s;
	size_t len, cap;
} strbuf;

#define STRBUF_INIT {NULL, 0, 0}

void sb_add(strbuf *b, const char *s, size_t n);
void sb_adds(strbuf *b, const char *s);
void sb_addc(strbuf *b, char c);
/* Append the UTF-8 encoding of code point cp. */
void sb_addcp(strbuf *b, uint32_t cp);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_clear(strbuf *b);
/* Return the string (never NULL) and leave b empty; caller frees. */
char *sb_take(strbuf *b);
void sb_free(strbuf *b);
/* The string so far, "" when nothing was added. */
const char *sb_str(const strbuf *b);

#endif
