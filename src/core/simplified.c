/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/simplified.h"

#include "core/simplified_table.h"

uint32_t cp_simplified_of(uint32_t cp)
{
	if (cp < simplified_of[0][0])
		return 0; /* below every Han character: most of what is typed */
	size_t lo = 0, hi = simplified_n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (simplified_of[mid][0] == cp)
			return simplified_of[mid][1];
		if (simplified_of[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
