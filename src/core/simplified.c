/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/simplified.h"

#include "core/lookalike.h"
#include "core/simplified_table.h"

uint32_t cp_simplified_of(uint32_t cp)
{
	if (cp < simplified_of[0][0])
		return 0; /* below every Han character: most of what is typed */
	return cp_pair_find(simplified_of, simplified_n, cp);
}

size_t cp_variants_of(uint32_t cp, uint32_t *out, size_t max)
{
	size_t n = 0; /* the table is sorted by the other side: read whole (a few thousand pairs) */
	for (size_t i = 0; i < simplified_n; i++)
		if (simplified_of[i][1] == cp) {
			if (n < max)
				out[n] = simplified_of[i][0];
			n++;
		}
	return n;
}
