/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Shared by the C benchmarks: a clock in milliseconds, the median of
 * repeated runs, and a database filled with generated 附表2 talents. */
#ifndef KP_BENCH_H
#define KP_BENCH_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "domain/env.h"

static inline double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static inline int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The median of n timings (v is sorted). */
static inline double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, bench_cmp);
	return v[n / 2];
}

/* A talent's fields of a benchmark: what set() puts in record i of unit u
 * besides the unit itself. */
typedef void (*bench_talent_fn)(kp_record *r, const kp_form *f, const kp_unit *u, long long i);

static inline void bench_set(kp_record *r, const kp_form *f, const char *id, const char *v)
{
	record_set(r, (size_t)form_field_index(f, id), v);
}

/* Records number have to n-1 of f (set() fills each), spread over the units, in one import batch
 * audited as from source; exits on a refused record. */
static inline void bench_fill(kp_env *e, const kp_form *f, long long have, long long n,
			      const char *source, bench_talent_fn set)
{
	kp_unit *u;
	size_t nu = store_units(e->store, &u);
	char *err = NULL;
	kp_batch *b = store_batch_begin(e->store, f, source, &err);
	for (long long i = have; b && i < n; i++) {
		kp_record r;
		record_init(&r, f->nfields);
		r.unit_id = u[i % (long long)nu].id;
		set(&r, f, &u[i % (long long)nu], i);
		if (store_batch_add(b, &r, &err) != KP_OK) {
			fprintf(stderr, "%s\n", err);
			exit(1);
		}
		record_free(&r);
	}
	if (!b || store_batch_end(b, true, &err) != KP_OK) {
		fprintf(stderr, "%s\n", err ? err : "");
		exit(1);
	}
	unit_list_free(u, nu);
}

/* Open (creating) db with at least n 附表2 records, the missing ones made
 * by set(); returns 附表2's form, or exits. */
static inline const kp_form *bench_open(kp_env *e, const char *db, long long n, const char *source,
					bench_talent_fn set)
{
	kp_diag d = {0};
	char *err = NULL;
	if (env_load_definitions(e, NULL, NULL, &d) || env_open_db(e, db, true, &err)) {
		fprintf(stderr, "%s\n", err ? err : "definitions");
		exit(1);
	}
	const kp_form *f = catalog_form(&e->cat, "talent");
	long long have = store_count(e->store, f);
	if (have < n)
		bench_fill(e, f, have, n, source, set);
	return f;
}

#endif
