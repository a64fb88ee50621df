/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * pinyin: find Chinese options by typing Latin letters, without switching
 * the input method: initials (hz → 汉族), whole syllables (han, hanzu) or a
 * mix (hanz). Readings come from Unihan (tools/gen_pinyin.sh); a
 * polyphonic character matches by any of its readings (长: chang, zhang).
 */
#ifndef KP_PINYIN_H
#define KP_PINYIN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The toneless readings of cp (ü written v): up to max pointers into a
 * static table; returns how many (0 for characters it does not know). */
size_t pinyin_of(uint32_t cp, const char **out, size_t max);

/* Does typed (printable ASCII, letters in any case) match text, starting
 * at any character, each Han character's reading consumed by a prefix of
 * it and other characters typed as they are (fb2 → 附表2)? False when
 * typed has no letter (plain text is the caller's substring search), a
 * space or anything not ASCII. */
bool pinyin_match(const char *text, const char *typed);
/* The same by each character's customary reading only (革 gé, not jí):
 * what a list puts first, so that mj finds 民进 before 民革. */
bool pinyin_match_customary(const char *text, const char *typed);

#endif
