/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/columns.h"

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

int columns_place(const int *width, size_t n, size_t frozen, size_t first, int x, int end, int gap,
		  int *shown)
{
	bool fits = true;
	for (size_t c = 0; c < n; c++) {
		shown[c] = 0;
		if (c >= frozen && c < first)
			continue;
		fits = fits && x + width[c] <= end;
		if (fits) {
			shown[c] = width[c];
			x += width[c] + gap;
		}
	}
	return x - gap;
}
