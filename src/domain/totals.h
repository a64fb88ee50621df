/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * totals: a form's computed row of sums (合计 in 附表1), from the records
 * as they are — never stored.
 */
#ifndef KP_TOTALS_H
#define KP_TOTALS_H
#include "form/form.h"
#include "store/store.h"

typedef struct {
	long long *sum; /* one per field; meaningful for integer fields */
	size_t n;
} kp_totals;

void totals_init(kp_totals *t, const kp_form *f);
/* Add a record's values. */
void totals_add(kp_totals *t, const kp_form *f, const kp_record *r);
/* The total of field i as text ("" for fields that are not integers). */
char *totals_text(const kp_totals *t, const kp_form *f, size_t i);
void totals_free(kp_totals *t);

#endif
