/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * import_totals: the 合计 and 小计 rows offices write under a list (合计
 * under 序号 or 单位, the other text columns empty, each number the sum of
 * the column above) recognised while importing: a row of sums agreeing
 * with the rows above is no record and is skipped, one that disagrees is
 * reported (it is no record either, and its figures say the list is not
 * what the office counted).
 */
#ifndef KP_IMPORT_TOTALS_H
#define KP_IMPORT_TOTALS_H
#include <stddef.h>

#include "form/form.h"

typedef struct import_totals import_totals;

/* For a list of f whose column c holds field field_of[c] (negative: no
 * field: 序号, the unit column, a column ignored) over ncols columns. */
import_totals *import_totals_new(const kp_form *f, const int *field_of, size_t ncols);
void import_totals_free(import_totals *t);

enum { TOTALS_DATA, TOTALS_AGREE, TOTALS_DISAGREE };
/* A row of the list: TOTALS_DATA (a record: its numbers are added to the
 * sums), TOTALS_AGREE (a 合计/小计 row equal to the sums above), or
 * TOTALS_DISAGREE with *why (the first column that differs, what it says
 * and what the rows above add up to; caller frees). */
int import_totals_row(import_totals *t, char *const *cells, size_t n, char **why);

#endif
