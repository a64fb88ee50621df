/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * kepu-writer: a test tool that saves N 附表2 records through the store, one
 * transaction each, as the form screen does, and prints each record's id on
 * stdout once its transaction has committed. Concurrency and kill -9 tests
 * run many of these at once against one database.
 * Usage: kepu-writer DB N UNIT TAG
 */
#include <stdio.h>
#include <stdlib.h>

#include "domain/env.h"

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: kepu-writer DB N UNIT TAG\n");
		return 2;
	}
	kp_env e;
	kp_diag d = {0};
	char *err = NULL;
	if (env_load_definitions(&e, NULL, NULL, &d) || env_open_db(&e, argv[1], false, &err)) {
		diag_print(&d, stderr);
		fprintf(stderr, "%s\n", err ? err : "");
		return 1;
	}
	const kp_form *f = catalog_form(&e.cat, "talent");
	long long unit = store_unit_id(e.store, argv[3]);
	int n = atoi(argv[2]), failures = 0;
	for (int i = 0; i < n; i++) {
		kp_record r;
		record_init(&r, f->nfields);
		r.unit_id = unit;
		char name[64];
		snprintf(name, sizeof name, "%s-%d", argv[4], i);
		record_set(&r, (size_t)form_field_index(f, "name"), name);
		record_set(&r, (size_t)form_field_index(f, "phone"), "13812345678");
		if (store_insert(e.store, f, &r, &err) == KP_OK) {
			printf("%lld\n", r.id);
			fflush(stdout);
		} else {
			fprintf(stderr, "%s\n", err);
			free(err);
			err = NULL;
			failures++;
		}
		record_free(&r);
	}
	env_close(&e);
	return failures ? 1 : 0;
}
