/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * units: the 19 units of 附表1, read from data/units.yaml (embedded): their
 * 序号 and names, and the first values of per-unit forms (the quotas).
 */
#ifndef KP_UNITS_H
#define KP_UNITS_H
#include <stddef.h>

#include "core/diag.h"

typedef struct {
	long long id; /* database id; 0 before storing */
	int seq;      /* 序号 */
	char *name;
	char **values; /* data/units.yaml: one per extra column, in column order */
} kp_unit;

typedef struct {
	kp_unit *units;
	size_t n;
	char **columns; /* names of the extra columns (after seq and name) */
	size_t ncolumns;
} kp_units;

/* Parse data/units.yaml. Returns 0, or -1 with problems in d. */
int units_load(kp_units *u, kp_diag *d);
void units_free(kp_units *u);
/* The unit's value of an extra column, or NULL. */
const char *unit_value(const kp_units *u, size_t unit, const char *column);
/* Free units read from the store (id, seq, name only). */
void unit_list_free(kp_unit *u, size_t n);

#endif
