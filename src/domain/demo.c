/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/review.h"

const kp_demo_account demo_accounts[] = {
	{"shikexie", NULL}, {"weidu", "魏都区"}, {"xcxy", "许昌学院"},
};
const size_t demo_naccounts = sizeof demo_accounts / sizeof demo_accounts[0];

typedef struct {
	kp_env *e;
	long long *id;
	char (*day)[11];
	size_t n;
} demo_rows;

static int collect(const kp_record *r, void *ctx)
{
	demo_rows *d = ctx;
	for (size_t i = 0; i < demo_naccounts; i++)
		if (demo_accounts[i].unit && r->unit_id == store_unit_id(d->e->store, demo_accounts[i].unit))
			return 0;
	d->id = xrealloc(d->id, (d->n + 1) * sizeof *d->id);
	d->day = xrealloc(d->day, (d->n + 1) * sizeof *d->day);
	d->id[d->n] = r->id;
	snprintf(d->day[d->n], sizeof d->day[d->n], "%.10s", r->created_at ? r->created_at : "");
	d->n++;
	return 0;
}

/* What record k of a form goes through: 0–2 approved, 3 submitted, 4
 * returned, 5 a draft. */
enum { STEPS_APPROVED = 3, STEP_RETURNED = 4, STEP_CYCLE = 6 };

static int step(kp_env *e, const kp_form *f, long long id, const char *day, kp_review a, char **err)
{
	if (day[0])
		clock_set_today(day);
	kp_record r; /* the demo's city reads each record before it decides */
	if (a == REV_APPROVE) {
		if (store_view(e->store, f, id, &r, err) != KP_OK)
			return -1;
		record_free(&r);
	}
	return review_apply(e, f, id, a, a == REV_RETURN ? msg(MSG_C_DEMO_REASON) : NULL, err);
}

int demo_progress(kp_env *e, char **err)
{
	char was[11];
	clock_fixed_day(was);
	size_t nf = e->cat.nforms;
	demo_rows *rows = xcalloc(nf, sizeof *rows);
	int rc = 0;
	/* The units hand their records in first, then the city decides: a
	 * session only ever narrows. */
	for (size_t i = 0; rc == 0 && i < nf; i++) {
		const kp_form *f = e->cat.forms[i];
		if (!f->review)
			continue;
		rows[i].e = e;
		if (store_each(e->store, f, 0, NULL, collect, &rows[i], err) != KP_OK)
			rc = -1;
		for (size_t k = 0; rc == 0 && k < rows[i].n; k++)
			if (k % STEP_CYCLE <= STEP_RETURNED)
				rc = step(e, f, rows[i].id[k], rows[i].day[k], REV_SUBMIT, err);
	}
	if (rc == 0 && store_session(e->store, SESSION_CITY, demo_accounts[0].name, 0, err) != KP_OK)
		rc = -1;
	for (size_t i = 0; i < nf; i++) {
		const kp_form *f = e->cat.forms[i];
		for (size_t k = 0; rc == 0 && k < rows[i].n; k++)
			if (k % STEP_CYCLE < STEPS_APPROVED)
				rc = step(e, f, rows[i].id[k], rows[i].day[k], REV_APPROVE, err);
			else if (k % STEP_CYCLE == STEP_RETURNED)
				rc = step(e, f, rows[i].id[k], rows[i].day[k], REV_RETURN, err);
		free(rows[i].id);
		free(rows[i].day);
	}
	free(rows);
	if (was[0])
		clock_set_today(was);
	else
		clock_use_system();
	return rc;
}
