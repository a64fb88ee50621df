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
