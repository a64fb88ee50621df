/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/totals.h"

#include <stdlib.h>

#include "core/xalloc.h"

void totals_init(kp_totals *t, const kp_form *f)
{
	t->n = f->nfields;
	t->sum = xcalloc(t->n ? t->n : 1, sizeof *t->sum);
}

void totals_add(kp_totals *t, const kp_form *f, const kp_record *r)
{
	for (size_t i = 0; i < t->n; i++)
		if (f->fields[i].type == FT_INTEGER)
			t->sum[i] += strtoll(r->vals[i], NULL, 10);
}

char *totals_text(const kp_totals *t, const kp_form *f, size_t i)
{
	return f->fields[i].type == FT_INTEGER ? xasprintf("%lld", t->sum[i]) : xstrdup("");
}

void totals_free(kp_totals *t)
{
	free(t->sum);
	t->sum = NULL;
	t->n = 0;
}
