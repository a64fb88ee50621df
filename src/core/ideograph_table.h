/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The generated table (tools/gen_ideographs.sh, from Unicode's data) of
 * code points that stand for a unified ideograph — radicals, strokes and
 * compatibility ideographs — as {code point, ideograph}, sorted. */
#ifndef KP_IDEOGRAPH_TABLE_H
#define KP_IDEOGRAPH_TABLE_H
#include <stddef.h>
#include <stdint.h>

extern const uint32_t ideograph_equiv[][2];
extern const size_t ideograph_nequiv;

#endif
