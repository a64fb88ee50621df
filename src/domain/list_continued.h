/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A list row whose text went on in the rows under it (xlsx.c:xlsx_row):
 * those rows carry 「2（续）」 in the 序号 column and the rest of the
 * texts, each piece the text's own bytes, so the import joins them back
 * into the one record (transfer.c). */
#ifndef KP_LIST_CONTINUED_H
#define KP_LIST_CONTINUED_H
#include <stdbool.h>

#include "core/csv.h"

/* Does the 序号 cell say its row goes on the row numbered seq
 * (「2（续）」 under 2)? Spaces around either are no part of it. */
bool continued_of(const char *cell, const char *seq);
/* Does the 序号 cell say it continues a row at all (it holds 续)? */
bool continued_marked(const char *cell);
/* A copy of the row r into w (its cells owned, free with continued_free). */
void continued_hold(csv_reader *w, const csv_reader *r);
/* The continuation r joined to w, cell by cell, as the pieces are; its
 * 序号 cell (seq) is not a piece. */
void continued_add(csv_reader *w, const csv_reader *r, size_t seq);
void continued_free(csv_reader *w);

#endif
