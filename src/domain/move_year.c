/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The form rules of a move's target year: the same form_validate a save in
 * that year runs, not a second list of rules, so a rule added to the form
 * layer holds for moves too. */
#include "domain/move_year.h"

#include <stdlib.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "form/validate.h"

/* NULL when r's values pass the checks of a save in the catalogue's year,
 * else the first failing field's message (a new string). */
static char *breaks(const kp_catalog *cat, const kp_form *f, const kp_record *r)
{
	char **out = xcalloc(f->nfields, sizeof *out), **why = xcalloc(f->nfields, sizeof *why);
	char *first = NULL;
	if (form_validate(cat, f, (const char *const *)r->vals, out, why))
		for (size_t i = 0; i < f->nfields && !first; i++)
			if (why[i])
				first = field_message(&f->fields[i], why[i]);
	for (size_t i = 0; i < f->nfields; i++) {
		free(out[i]);
		free(why[i]);
	}
	free(out);
	free(why);
	return first;
}

int env_move_year(kp_env *e, const kp_form *f, long long id, int to, char **err)
{
	int back = store_year(e->store);
	kp_record r;
	if (store_get(e->store, f, id, &r, err) != KP_OK)
		return -1;
	if (store_may_move_year(e->store, f, id, to, err) != KP_OK) {
		record_free(&r);
		return -1;
	}
	char *bad = NULL;
	int rc = env_use_year(e, to, err);
	if (rc == 0) {
		bad = breaks(&e->cat, f, &r);
		rc = env_use_year(e, back, err);
	}
	record_free(&r);
	if (rc == 0 && bad) {
		*err = xasprintf(msg(MSG_Y_MOVE_RULE), to, bad);
		rc = -1;
	}
	free(bad);
	if (rc == 0 && store_move_year(e->store, f, id, to, err) != KP_OK)
		rc = -1;
	return rc;
}

bool move_year_to_any(kp_store *s, int from)
{
	kp_year *y;
	size_t n = store_years(s, &y);
	bool any = false;
	for (size_t i = 0; i < n && !any; i++)
		any = y[i].year != from && store_may_enter_year(s, y[i].year);
	years_free(y, n);
	return any;
}
