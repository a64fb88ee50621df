/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * simplified: a traditional character's simplified form (講 → 讲, 發 and
 * 髮 → 发), for comparing only: the near rule (core/nearkey.h) reads
 * 科普講座 as 科普讲座, while the value stays as typed. Never the other way:
 * a simplified character has no one traditional form.
 */
#ifndef KP_SIMPLIFIED_H
#define KP_SIMPLIFIED_H
#include <stdint.h>

/* The simplified form of a traditional character, or 0 (a simplified
 * character, one that is both — 乾, 著 — or no Han character at all). */
uint32_t cp_simplified_of(uint32_t cp);

#endif
