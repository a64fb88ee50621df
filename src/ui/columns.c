/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/columns.h"

#include <stdbool.h>

int columns_share(int *width, const int *want, size_t n, int spare)
{
	for (bool given = true; spare > 0 && given;) {
		given = false;
		for (size_t i = 0; i < n && spare > 0; i++)
			if (width[i] < want[i]) {
				width[i]++;
				spare--;
				given = true;
			}
	}
	return spare;
}
