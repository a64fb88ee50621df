/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * columns: how a table's spare width is shared, for every screen with
 * columns (lists, the audit): a cell at a time, in turn, to each column
 * narrower than its values, so no column is cut while another has room
 * it does not need. No terminal: the screens pass widths in and out.
 */
#ifndef KP_COLUMNS_H
#define KP_COLUMNS_H
#include <stddef.h>

/* Give up to spare cells, one at a time in turn, to each width[i] below
 * want[i]; returns the cells no column wanted. */
int columns_share(int *width, const int *want, size_t n, int spare);

#endif
