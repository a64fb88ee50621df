/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * phone: telephone numbers as the numbering plans define them (the phone
 * field type). A mobile is 11 digits; a landline is an area code and a
 * local number whose length the area has (config/patterns.yaml
 * area_codes: 许昌 0374 has 7 digits, 郑州 0371 8), written as typed by
 * people: 0374-4396123, (0374) 4396123, 03744396123, +86 374 4396123, a
 * bare local number of the home area, with an extension after 转, 分机, #,
 * ext or a last dash. Brackets must enclose the area code and nothing
 * else; the local number is one run of digits.
 */
#ifndef KP_PHONE_H
#define KP_PHONE_H
#include "form/catalog.h"

/* The stored form of s (already trimmed and folded to ASCII): a mobile's
 * 11 digits, or AREA-LOCAL[转EXT]; NULL with *reason (a new string, the
 * reason without the field's label) when s is no number. */
char *phone_normalise(const kp_catalog *cat, const char *s, char **reason);
/* The length of a stored number without its extension (转EXT): one person
 * is one number whether an extension was written or not, so the
 * duplicate rule compares this part (0374-2864493转1 is 0374-2864493). */
size_t phone_main_len(const char *stored);

#endif
