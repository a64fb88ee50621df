/*
 * units: the 19 units of 附表1 and their four quotas, read from
 * data/units.yaml (embedded).
 */
#ifndef KP_UNITS_H
#define KP_UNITS_H
#include <stddef.h>

#include "core/diag.h"

enum { QUOTA_TALENT, QUOTA_ACTIVITY, QUOTA_RESOURCE, QUOTA_PROJECT, QUOTA_COUNT };

typedef struct {
	long long id; /* database id; 0 before storing */
	int seq;      /* 序号 */
	char *name;
	int quota[QUOTA_COUNT];
} kp_unit;

/* Parse data/units.yaml. Returns the count (0 with problems in d). */
size_t units_load(kp_unit **out, kp_diag *d);
void units_free(kp_unit *u, size_t n);

#endif
