/* SPDX-License-Identifier: MulanPSL-2.0 */
/* An import of CSV text or of a file, as `kepu import` reads it, for the
 * tests of what an import refuses (test_duplicates, test_near, test_paper,
 * test_xlsx_cells). */
#ifndef KP_IMPORT_TEXT_H
#define KP_IMPORT_TEXT_H
#include "unit.h"

#include "domain/env.h"
#include "domain/import_source.h"
#include "domain/transfer.h"

/* Import csv into form with options o (its source "test.csv" unless set);
 * *report is what the import said (the caller frees). */
static inline int import_text(kp_env *e, const char *form, const char *csv, import_options o, char **report,
			      import_stats *st)
{
	size_t len;
	FILE *rep = open_memstream(report, &len);
	FILE *in = fmemopen((void *)csv, strlen(csv), "r");
	if (!o.source)
		o.source = "test.csv";
	int rc = import_csv(e, catalog_form(&e->cat, form), in, &o, rep, st);
	fclose(in);
	fclose(rep);
	return rc;
}

/* Import the file raw (named name: a CSV or a workbook, as import_source
 * tells) into f with options o, its cells placed and kinds known as `kepu
 * import` has them; what it said goes to report. raw stays open. */
static inline int import_file(kp_env *e, const kp_form *f, FILE *raw, const char *name, import_options o,
			      FILE *report, import_stats *st)
{
	char *err = NULL;
	import_origin *org = NULL;
	FILE *in = import_source(&e->cat, f, raw, name, NULL, NULL, store_year(e->store), &org, &err);
	if (!in)
		fail_msg("%s", err);
	import_source_places(&o, org);
	int rc = import_csv(e, f, in, &o, report, st);
	import_origin_free(org);
	if (in != raw)
		fclose(in);
	return rc;
}

/* 科普活动 rows of 魏都区. */
#define ACT_HEADER "填报单位,活动名称,日期,形式,对象,地点,参与人数\n"
#define ACT_ROW(name, date, place) "魏都区," name "," date ",科普报告,校园," place ",30\n"

#endif
