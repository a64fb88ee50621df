/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * columns: how a table's spare width is shared, for every screen with
 * columns (lists, the audit): a cell at a time, in turn, to each column
 * narrower than its values, so no column is cut while another has room
 * it does not need. No terminal: the screens pass widths in and out.
 */
#ifndef KP_COLUMNS_H
#define KP_COLUMNS_H
#include <stdbool.h>
#include <stddef.h>

/* Give up to spare cells, one at a time in turn, to each width[i] below
 * want[i]; returns the cells no column wanted. */
int columns_share(int *width, const int *want, size_t n, int spare);

/* Which of n columns show from x to end (display cells), gap cells apart:
 * the frozen ones (0 … frozen-1) and then those from first on, each at
 * width[i] while it fits and none after one that does not; the columns
 * between (scrolled out at the left) are not shown. shown[i] is its width
 * or 0; returns where the last one shown ends. */
int columns_place(const int *width, size_t n, size_t frozen, size_t first, int x, int end, int gap,
		  int *shown);

#endif
