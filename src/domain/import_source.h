/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * import_source: the file a user sent, as the CSV the importer reads —
 * whatever it is: a CSV (UTF-8 or GB18030), a list workbook (the sheet that
 * holds the list: every other sheet with something in it is named, never
 * passed over in silence), or a workbook of one-record sheets (推荐表,
 * 入库表: paper_read.c).
 */
#ifndef KP_IMPORT_SOURCE_H
#define KP_IMPORT_SOURCE_H
#include <stdio.h>

#include "domain/paper_read.h"
#include "domain/transfer.h"

/* Where the CSV came from: the sheets and cells of a workbook, what each
 * cell held, the sheets not read. */
typedef struct import_origin import_origin;

/* raw as CSV for import_csv into f (name for messages; encoding of a CSV:
 * NULL or "auto" to tell; sheet: the list sheet to read by its name, NULL
 * for the one holding data). A list workbook with a second sheet that is a
 * list of f too is refused naming it (import them one by one with sheet);
 * another sheet with something in it is named in the report. *org is set
 * for a workbook: give it to import_source_places, and free it after.
 * year: the programme year the import writes to (paper_to_csv checks a
 * one-record book's pages against it).
 * Returns raw itself, a temporary file, or NULL with *err. */
FILE *import_source(const kp_catalog *cat, const kp_form *f, FILE *raw, const char *name,
		    const char *encoding, const char *sheet, int year, import_origin **org, char **err);

/* o's places, cell kinds and notes for what import_source gave. */
void import_source_places(import_options *o, import_origin *org);
void import_origin_free(import_origin *org);

#endif
