/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * briefing: the city's monthly 工作简报 (五.6) — every unit's monthly report
 * figures for one month, their totals, who reported late and who has not
 * reported at all.
 */
#ifndef KP_BRIEFING_H
#define KP_BRIEFING_H
#include "domain/env.h"

typedef struct {
	long long unit_id;
	char *name;
	bool reported, late;
	char *saved_at;      /* when the report was first saved, or "" */
	char *changed;       /* "（9月20日修改）": its figures changed after the deadline, or "" */
	long long *vals;     /* per column */
	long long *records;  /* per column: the same figure of the unit's approved records, -1 where
				the form names none (prefill); shown where it differs */
} kp_briefing_row;

typedef struct {
	const kp_form *form; /* the monthly report's form */
	char month[8];
	int due_y, due_m, due_d; /* when reports were due */
	int *cols;           /* the form's integer fields */
	size_t ncols;
	kp_briefing_row *rows; /* in 序号 order */
	size_t n;
	long long *totals;
	size_t nreported, nlate;
} kp_briefing;

/* The briefing for month ("YYYY-MM", one of the reporting months) as of
 * today (clock_today: a report saved later is not in it yet).
 * Returns 0, or -1 with *err (an unknown month, or no monthly milestone). */
int briefing_build(kp_briefing *b, kp_env *e, const char *month, char **err);
void briefing_free(kp_briefing *b);
/* A reported figure as shown: "500", or "500[0]" when the unit's approved
 * records of that kind and month say otherwise (row's column k). */
void briefing_cell(const kp_briefing_row *row, size_t k, char *out, size_t len);
/* "未报送的单位：许昌县、鄢陵县…" (or 无); caller frees. */
char *briefing_missing_text(const kp_briefing *b);
/* The monthly milestone of the report form (its due day), or NULL. */
const kp_milestone *briefing_milestone(const kp_schedule *s);

#endif
