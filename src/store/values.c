/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The form's own rules checked on what is written: every front end
 * validates before it saves (domain/save.c, transfer.c), so a value that
 * fails here came round them, and is refused where the data is. */
#include <stdlib.h>

#include "core/xalloc.h"
#include "form/validate.h"
#include "store/db.h"

void store_set_catalog(kp_store *s, const kp_catalog *cat) { s->cat = cat; }

int values_check(kp_store *s, const kp_form *f, const kp_record *r, char **err)
{
	if (!s->cat)
		return KP_OK;
	char **out = xcalloc(f->nfields, sizeof *out), **why = xcalloc(f->nfields, sizeof *why);
	form_validate(s->cat, f, (const char *const *)r->vals, out, why);
	int rc = KP_OK;
	for (size_t i = 0; i < f->nfields; i++) {
		/* An empty value is the front ends' to require: a per-unit form's
		 * records are seeded empty, to be filled in. */
		if (rc == KP_OK && why[i] && r->vals[i][0]) {
			if (err)
				*err = field_message(&f->fields[i], why[i]);
			rc = KP_ERR;
		}
		free(out[i]);
		free(why[i]);
	}
	free(out);
	free(why);
	return rc;
}
