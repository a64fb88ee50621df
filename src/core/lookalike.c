/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/lookalike.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/ideograph_table.h"
#include "core/utf8.h"
#include "core/xalloc.h"

uint32_t cp_pair_find(const uint32_t (*pairs)[2], size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pairs[mid][0] == cp)
			return pairs[mid][1];
		if (pairs[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

uint32_t cp_ideograph_of(uint32_t cp)
{
	if (cp < 0x2E80 || (cp > 0x31EF && cp < 0xF900) || (cp > 0xFAFF && cp < 0x2F800))
		return 0; /* the common case: outside every range the table holds */
	return cp_pair_find(ideograph_equiv, ideograph_nequiv, cp);
}

bool cp_is_radical(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x2EFF) || (cp >= 0x2F00 && cp <= 0x2FDF) || (cp >= 0x31C0 && cp <= 0x31EF);
}

/* Kana, bopomofo and line-drawing characters drawn like a Han character
 * but neither radicals nor NFKC-equal to it (t5h #13: 许昌市第ー高级中学 is
 * not 许昌市第一高级中学), as {look-alike, Han}; half-width katakana too
 * (the key folds NFKC after these). Sorted by the look-alike. */
static const uint32_t han_like[][2] = {
	{0x1173, 0x4E00}, /* ᅳ Hangul jungseong eu */
	{0x2012, 0x4E00}, /* ‒ figure dash */
	{0x2013, 0x4E00}, /* – en dash */
	{0x2014, 0x4E00}, /* — em dash */
	{0x2015, 0x4E00}, /* ― horizontal bar */
	{0x23AF, 0x4E00}, /* ⎯ horizontal line extension */
	{0x2500, 0x4E00}, /* ─ box drawing */
	{0x2501, 0x4E00}, /* ━ */
	{0x30A8, 0x5DE5}, /* エ 工 */
	{0x30AB, 0x529B}, /* カ 力 */
	{0x30BF, 0x5915}, /* タ 夕 */
	{0x30C8, 0x535C}, /* ト 卜 */
	{0x30CB, 0x4E8C}, /* ニ 二 */
	{0x30CF, 0x516B}, /* ハ 八 */
	{0x30D2, 0x5315}, /* ヒ 匕 */
	{0x30E0, 0x53B6}, /* ム 厶 */
	{0x30ED, 0x53E3}, /* ロ 口 */
	{0x30FC, 0x4E00}, /* ー prolonged sound mark */
	{0x3107, 0x5182}, /* ㄇ 冂 */
	{0x3108, 0x531A}, /* ㄈ 匚 */
	{0x3109, 0x5200}, /* ㄉ 刀 */
	{0x310F, 0x5382}, /* ㄏ 厂 */
	{0x3119, 0x53B6}, /* ㄙ 厶 */
	{0x311A, 0x4E2B}, /* ㄚ 丫 */
	{0x3120, 0x5E7A}, /* ㄠ 幺 */
	{0x3121, 0x53C8}, /* ㄡ 又 */
	{0x3126, 0x513F}, /* ㄦ 儿 */
	{0x3127, 0x4E00}, /* ㄧ bopomofo i */
	{0x3161, 0x4E00}, /* ㅡ Hangul letter eu */
	{0xFF0D, 0x4E00}, /* － full-width hyphen-minus */
	{0xFF70, 0x4E00}, /* ｰ */
	{0xFF74, 0x5DE5}, /* ｴ */
	{0xFF76, 0x529B}, /* ｶ */
	{0xFF80, 0x5915}, /* ﾀ */
	{0xFF84, 0x535C}, /* ﾄ */
	{0xFF86, 0x4E8C}, /* ﾆ */
	{0xFF8A, 0x516B}, /* ﾊ */
	{0xFF8B, 0x5315}, /* ﾋ */
	{0xFF91, 0x53B6}, /* ﾑ */
	{0xFF9B, 0x53E3}, /* ﾛ */
	{0xFFDA, 0x4E00}, /* ￚ half-width Hangul eu */
};

uint32_t cp_han_twin_of(uint32_t cp)
{
	if (cp < 0x1173 || cp > 0xFFDA)
		return 0;
	return cp_pair_find(han_like, sizeof han_like / sizeof han_like[0], cp);
}

/* Kana, bopomofo, half-width kana, line drawing, Hangul letters (jamo:
 * Korean words are written in syllables): the scripts whose runs are
 * judged as a whole (a word of real kana keeps its ニ). */
static bool kana_like(uint32_t cp)
{
	return (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0x3105 && cp <= 0x312F) || (cp >= 0x31A0 && cp <= 0x31BF) ||
	       (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF65 && cp <= 0xFF9F) || (cp >= 0x2500 && cp <= 0x257F) ||
	       (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E) || (cp >= 0xFFA0 && cp <= 0xFFDC);
}

size_t text_han_lookalike(const char *s, uint32_t *found)
{
	size_t len = strlen(s), n = 0, at = 0;
	uint32_t *cp = xmalloc((len + 1) * sizeof *cp); /* never more code points than bytes */
	for (size_t i = 0; i < len;) {
		size_t k = utf8_decode(s + i, len - i, &cp[n++]);
		i += k ? k : 1;
	}
	for (size_t i = 0; i < n && !at;) {
		if (!kana_like(cp[i])) {
			i++;
			continue;
		}
		size_t j = i;
		bool all = true; /* every character of the run has a Han twin */
		for (; j < n && kana_like(cp[j]); j++)
			all = all && cp_han_twin_of(cp[j]);
		if (all && ((i > 0 && cp_is_han(cp[i - 1])) || (j < n && cp_is_han(cp[j])))) {
			at = i + 1;
			*found = cp[i];
		}
		i = j;
	}
	free(cp);
	return at;
}

/* The Cyrillic and Greek letters Unicode's confusables data (UTS #39,
 * confusables.txt) maps to a single ASCII letter, as {letter, ASCII}. */
static const uint16_t latin_like[][2] = {
	{0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'},
	{0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'},
	{0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B1, 'a'}, {0x03B9, 'i'}, {0x03BD, 'v'}, {0x03BF, 'o'},
	{0x03C1, 'p'}, {0x03C5, 'u'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0410, 'A'},
	{0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'},
	{0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'}, {0x0430, 'a'},
	{0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'},
	{0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x0501, 'd'}, {0x051B, 'q'},
	{0x051D, 'w'},
};

uint32_t cp_latin_of(uint32_t cp)
{
	if (cp < 0x0391 || cp > 0x051D)
		return 0;
	for (size_t i = 0; i < sizeof latin_like / sizeof latin_like[0]; i++)
		if (latin_like[i][0] == cp)
			return latin_like[i][1];
	return 0;
}

bool cp_is_private(uint32_t cp)
{
	return (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0x10FFFD);
}

/* The combining diacritical blocks: marks, extended, supplement, for
 * symbols, half marks. */
bool cp_is_combining(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F);
}

bool cp_is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

kp_script cp_script(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 &&
								     cp != 0xF7))
		return SCRIPT_LATIN;
	if (cp >= 0x0370 && cp <= 0x03FF && cp != 0x037E && cp != 0x0387)
		return SCRIPT_GREEK;
	if (cp >= 0x0400 && cp <= 0x052F)
		return SCRIPT_CYRILLIC;
	return SCRIPT_NONE;
}
