/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * simplified: a traditional or variant character's simplified form (講 → 讲,
 * 發 and 髮 → 发, 徳 → 德), for comparing only: the near rule (core/nearkey.h) reads
 * 科普講座 as 科普讲座, while the value stays as typed. Never the other way:
 * a simplified character has no one traditional form.
 */
#ifndef KP_SIMPLIFIED_H
#define KP_SIMPLIFIED_H
#include <stddef.h>
#include <stdint.h>

/* The simplified form of a traditional character, or 0 (a simplified
 * character, one that is both — 乾, 著 — or no Han character at all). */
uint32_t cp_simplified_of(uint32_t cp);

/* The characters whose simplified form is cp, at most max into out
 * (羅 of 罗; 徳 悳 of 德): how many there are, all of them even beyond max. */
size_t cp_variants_of(uint32_t cp, uint32_t *out, size_t max);

#endif
