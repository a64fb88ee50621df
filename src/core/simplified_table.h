/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The generated table (tools/gen_simplified.sh, from Unihan's
 * kSimplifiedVariant, variants, shinjitai) of traditional and variant
 * characters as {character, its simplified form}, sorted. */
#ifndef KP_SIMPLIFIED_TABLE_H
#define KP_SIMPLIFIED_TABLE_H
#include <stddef.h>
#include <stdint.h>

extern const uint32_t simplified_of[][2];
extern const size_t simplified_n;

#endif
