/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * lookalike: characters that are drawn like another one but are not it, and
 * the kinds of character no clerk types into a name — what the duplicate
 * key folds and what validation refuses.
 */
#ifndef KP_LOOKALIKE_H
#define KP_LOOKALIKE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The second of the pair whose first is cp in pairs (n of them, sorted by
 * their first), or 0: the generated tables' look-up. */
uint32_t cp_pair_find(const uint32_t (*pairs)[2], size_t n, uint32_t cp);
/* The unified ideograph a Kangxi radical, CJK radical, CJK stroke or CJK
 * compatibility ideograph stands for (⼩ U+2F29 → 小 U+5C0F), or 0. */
uint32_t cp_ideograph_of(uint32_t cp);
/* A Kangxi radical, CJK radical or CJK stroke (a symbol for dictionaries,
 * not a character of a text)? */
bool cp_is_radical(uint32_t cp);
/* The Han character a kana, bopomofo, line-drawing character or dash is
 * drawn like (ー U+30FC → 一, ロ U+30ED → 口, ㄧ U+3127 → 一), or 0: the
 * duplicate key folds them (t5h #13). */
uint32_t cp_han_twin_of(uint32_t cp);
/* The number (1…) of the first character of s that stands for a Han one
 * by Han characters: a run of kana, bopomofo or line drawing next to a Han
 * character, every one of which has a Han twin (第ー, 讲座ㄧ); a run with
 * a kana of its own (アニメ) is kana. 0 when none; *found the character. */
size_t text_han_lookalike(const char *s, uint32_t *found);
/* The ASCII letter a Cyrillic or Greek letter is drawn like (е U+0435 → e,
 * Α U+0391 → A), or 0. */
uint32_t cp_latin_of(uint32_t cp);
/* A private-use code point (U+E000-U+F8FF, planes 15 and 16): drawn by
 * whatever font the computer has, or not at all. */
bool cp_is_private(uint32_t cp);
/* A combining mark (an accent put on the character before it). */
bool cp_is_combining(uint32_t cp);
/* A Han character (CJK unified or compatibility ideograph, any plane). */
bool cp_is_han(uint32_t cp);
/* Which alphabet a letter is of, for words that mix them. */
typedef enum { SCRIPT_NONE, SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_GREEK } kp_script;
kp_script cp_script(uint32_t cp);

#endif
