/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * utf8: decoding, encoding, display width and sanitising of UTF-8 text.
 * kepu stores UTF-8 everywhere and never relies on the locale to decode it,
 * so the same code serves UTF-8 and GB18030 terminals. Widths come from
 * wcwidth() in the current locale (CJK = 2 cells).
 */
#ifndef KP_UTF8_H
#define KP_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID 0xFFFFFFFFu

/* Decode one code point from s (len bytes available, len >= 1). Returns the
 * bytes used (1..4). Overlong forms, surrogates, values above U+10FFFF and
 * truncated sequences give *cp = UTF8_INVALID and consume one byte. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp (must be a valid scalar value) into out; returns 1..4. */
size_t utf8_encode(uint32_t cp, char out[4]);
bool utf8_valid(const char *s, size_t len);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_count(const char *s);

/* Display cells of one code point: 0 for combining marks, 2 for wide CJK,
 * 1 for anything wcwidth does not know. */
int cp_width(uint32_t cp);
/* Display cells of a string (as it will be drawn after sanitising). */
int utf8_width(const char *s);

/* True for code points that must never reach a terminal or an export:
 * C0/C1 controls, DEL, line and paragraph separators, and every default-
 * ignorable code point (cp_is_ignorable). */
bool cp_is_unsafe(uint32_t cp);
/* Unicode's default-ignorable code points: drawn as nothing (zero-width
 * characters, bidi controls, BOM, soft hyphen, variation selectors, tags). */
bool cp_is_ignorable(uint32_t cp);
/* A space of Unicode's class Zs other than the ASCII space and the
 * ideographic space U+3000 (NBSP, en, em, thin, narrow no-break …): it
 * looks like a space or nothing, and nobody types it on purpose. */
bool cp_is_odd_space(uint32_t cp);
/* A character no field takes as text, typed or pasted: UTF8_INVALID or an
 * unsafe code point other than Tab and line ends (cp_is_unsafe: controls,
 * bidi controls, zero-width characters, BOM, soft hyphen …). The one rule
 * of pastes and keys: such a character refuses the whole paste, naming
 * it, and is never dropped from it. */
bool cp_refused_in_text(uint32_t cp);
/* The first such character of the len bytes at s: its number from 1 with
 * *cp, or 0. */
size_t utf8_first_unsafe(const char *s, size_t len, uint32_t *cp);
/* The same over n code points (keys that came in one burst): its number
 * from 1, or 0. */
size_t cps_first_unsafe(const uint32_t *cps, size_t n);
/* A copy of s with every unsafe code point and every invalid byte replaced by
 * '?'; with keep_newlines, '\n' is kept (multi-line text). Tabs become one
 * space. Caller frees. */
char *utf8_sanitize(const char *s, bool keep_newlines);

#endif
