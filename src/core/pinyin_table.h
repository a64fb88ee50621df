/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The generated pinyin table (tools/gen_pinyin.sh, from Unihan): for each
 * character of U+4E00-U+9FFF, indexes into pinyin_syllables of its toneless
 * readings, pinyin_readings[pinyin_first[c]] .. [pinyin_first[c + 1]]. */
#ifndef KP_PINYIN_TABLE_H
#define KP_PINYIN_TABLE_H
#include <stdint.h>

#define PINYIN_FIRST 0x4E00u
#define PINYIN_LAST 0x9FFFu

extern const char pinyin_syllables[][8];
extern const unsigned pinyin_nsyllables;
extern const uint16_t pinyin_first[PINYIN_LAST - PINYIN_FIRST + 2];
extern const uint16_t pinyin_readings[];

#endif
