/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/prefill.h"

static long long tally(kp_env *e, const kp_field *fd, long long unit_id, const char *month, bool approved)
{
	const kp_prefill *p = fd->prefill;
	const kp_form *src = catalog_form(&e->cat, p->from); /* checked when loaded */
	int sum = p->sum ? form_field_index(src, p->sum) : -1;
	int when = p->when_field ? form_field_index(src, p->when_field) : -1;
	kp_tally t = {form_field_index(src, p->date), month, sum, when, p->when_is, p->evidence, approved};
	return store_month_tally(e->store, src, unit_id, &t);
}

long long prefill_value(kp_env *e, const kp_field *fd, long long unit_id, const char *month)
{
	return tally(e, fd, unit_id, month, false);
}

long long prefill_approved(kp_env *e, const kp_field *fd, long long unit_id, const char *month)
{
	return tally(e, fd, unit_id, month, true);
}
