/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * dupkey: what the duplicate rule (store/duplicates.c) and an import's
 * look-up filter (store/persons.c) compare of a free-text value, by what the
 * field holds. One function for both, so the SQL side and the C side can
 * never fold differently. Never stored: a value stays as typed.
 */
#ifndef KP_DUPKEY_H
#define KP_DUPKEY_H
#include <stddef.h>

enum {
	DUPKEY_TEXT = 0,   /* text_dup_key: spaces, full-width forms, case, quotes, look-alikes */
	DUPKEY_PERSON = 1, /* a person's name: also traditional and variant characters as
			    * simplified (羅 徳 悳 → 罗 德 德) and no name dots (罗·德明 = 罗德明) */
	DUPKEY_PLACE = 2   /* a place or employer: as the near rule's NEAR_PLACE without a unit
			    * (prefixes left out where the next level follows: 许昌市魏都区科技局 =
			    * 魏都区科技局; a bracketed note at the end: 魏都区科技局（退休）;
			    * traditional as simplified), and 科学技术 as 科技 */
};

/* The key of s compared as how; prefixes ('\n'-joined, outermost first)
 * for DUPKEY_PLACE, may be NULL. Caller frees. */
char *text_dup_key_as(const char *s, int how, const char *prefixes);

/* The spellings of a person's name whose DUPKEY_PERSON key is s's, for a
 * look-up by the name as stored: s itself, then its key with each
 * character as itself or any of its variants (罗德明: 羅德明, 罗徳明, 羅悳明 …),
 * *n of them; s and its key only when there would be more than max.
 * Never a spelling with a dot other than s. Caller frees each and the array. */
char **text_person_spellings(const char *s, size_t max, size_t *n);

#endif
