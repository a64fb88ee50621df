/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * import_source: the file a user sent, as the CSV the importer reads —
 * whatever it is: a CSV (UTF-8 or GB18030), a list workbook (its first
 * sheet), or a workbook of one-record sheets (推荐表, 入库表: paper_read.c).
 */
#ifndef KP_IMPORT_SOURCE_H
#define KP_IMPORT_SOURCE_H
#include <stdio.h>

#include "domain/paper_read.h"
#include "domain/transfer.h"

/* raw as CSV for import_csv into f (name for messages; encoding of a CSV:
 * NULL or "auto" to tell). *pl is set for a workbook of one-record sheets:
 * give it to import_options.place_ctx, with paper_place, so messages name
 * the sheet and cell, and free it after. Returns raw itself, a temporary
 * file, or NULL with *err. */
FILE *import_source(const kp_catalog *cat, const kp_form *f, FILE *raw, const char *name,
		    const char *encoding, paper_places **pl, char **err);

/* o's place for what import_source gave. */
void import_source_places(import_options *o, paper_places *pl);

#endif
