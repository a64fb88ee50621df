/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * prefill: the first value of a field that declares `prefill:` (月报's
 * counts), computed from another form's records of the unit in a month.
 */
#ifndef KP_PREFILL_H
#define KP_PREFILL_H
#include "domain/env.h"

/* The value of field fd (which has a prefill) for the unit when the
 * form's month field holds month ("YYYY-MM"). */
long long prefill_value(kp_env *e, const kp_field *fd, long long unit_id, const char *month);
/* The same of the records the city approved: what the briefing shows beside
 * a unit's reported figure, so that the referee sees one the records do not
 * bear out (500 trainings reported, no 科技培训 activity). */
long long prefill_approved(kp_env *e, const kp_field *fd, long long unit_id, const char *month);

#endif
