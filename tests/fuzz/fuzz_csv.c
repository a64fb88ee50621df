/* SPDX-License-Identifier: MulanPSL-2.0 */
/* libFuzzer: the CSV importer (reader, header matching, validation of every
 * row) on arbitrary files, as a dry run against an in-memory database. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "domain/transfer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static kp_env env;
	static int opened;
	static FILE *sink;
	if (!opened) {
		kp_diag d = {0};
		char *err = NULL;
		if (env_load_definitions(&env, NULL, NULL, &d) || env_open_db(&env, ":memory:", true, &err))
			abort();
		diag_free(&d);
		sink = fopen("/dev/null", "w");
		opened = 1;
	}
	if (size == 0)
		return 0;
	FILE *in = fmemopen((void *)data, size, "r");
	if (!in)
		return 0;
	import_stats st;
	import_options o = {.source = "fuzz.csv", .unit = "许昌学院", .dry_run = true};
	import_csv(&env, catalog_form(&env.cat, "talent"), in, &o, sink, &st);
	fclose(in);
	return 0;
}
