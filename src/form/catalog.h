/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * catalog: everything kepu knows from its definition files — the named
 * patterns (config/patterns.yaml), the choice lists (data/lists/NAME.yaml) and
 * the forms (screens/NAME.yaml, each overridable from a site directory).
 *
 * Order of calls: catalog_load once at start; then look forms up; at the
 * end catalog_free. The catalogue owns every form, pattern and list.
 */
#ifndef KP_CATALOG_H
#define KP_CATALOG_H
#include "core/diag.h"
#include "form/form.h"
#include "form/schedule.h"

/* An area code of the numbering plan and the length of its local numbers. */
typedef struct {
	char code[8];          /* "0374" */
	int digits;            /* 7 */
	char *place;           /* 许昌, for messages */
} kp_area;

typedef struct {
	kp_pattern *patterns;
	size_t npatterns;
	kp_list *lists;
	size_t nlists;
	kp_form **forms;
	size_t nforms;
	kp_view **views;
	size_t nviews;
	char *local_area_code; /* for bare local phone numbers, e.g. "0374" */
	kp_area *areas;        /* local-number lengths by area code (patterns.yaml area_codes) */
	size_t nareas;
	kp_schedule schedule;  /* the programme year's (config/schedule.yaml's at first) */
	char *schedule_text;   /* config/schedule.yaml as read, for the first year */
	kp_scoring scoring;    /* config/ranking.yaml */
} kp_catalog;

/* The choice list of reporting months ("2016-07" …) made from the schedule,
 * for the monthly report's month field. */
#define KP_REPORT_MONTH_LIST "report_month"

/* Load every definition; screens_dir and config_dir (may be NULL) override
 * screens/ and config/ file by file. Returns the number of problems added
 * to d; on problems the catalogue holds what did load (a form with problems
 * is left out). */
int catalog_load(kp_catalog *cat, const char *screens_dir, const char *config_dir, kp_diag *d);
void catalog_free(kp_catalog *cat);
/* Use a programme year's schedule: text (a stored schedule.yaml; NULL:
 * config/schedule.yaml's) with its dates read in year; the reporting
 * months' list follows. 0, or -1 with the problems in d (nothing changed). */
int catalog_use_schedule(kp_catalog *cat, int year, const char *text, kp_diag *d);

const kp_form *catalog_form(const kp_catalog *cat, const char *id);
/* The one form with a `search` (附表2), or NULL. */
const kp_form *catalog_search_form(const kp_catalog *cat);
const kp_view *catalog_view(const kp_catalog *cat, const char *id);
const kp_pattern *catalog_pattern(const kp_catalog *cat, const char *name);
/* The area code's entry in area_codes, or NULL (a code not listed). */
const kp_area *catalog_area(const kp_catalog *cat, const char *code);
const kp_list *catalog_list(const kp_catalog *cat, const char *name);
/* "talent, quota, …" for messages; caller frees. */
char *catalog_form_ids(const kp_catalog *cat);

/* A form (view NULL) or a view, as people find them: 附表1 … 附表9 by their
 * number, then the others by id. */
typedef struct {
	const kp_form *form;
	const kp_view *view;
	int attachment;
} kp_entry;
/* The forms and, with views, the views, in that order; caller frees *out. */
size_t catalog_entries(const kp_catalog *cat, bool views, kp_entry **out);

/* Load one form from text (used by catalog_load and by tests). Returns the
 * form, or NULL after adding its problems to d. */
kp_form *form_load(const kp_catalog *cat, const char *file, const char *data,
		   size_t len, kp_diag *d);
/* Is this definition a view (it has `view_of`)? */
bool definition_is_view(const char *data, size_t len);
/* Load one view; its columns are checked against the catalogue's forms, so
 * call after they are loaded. NULL after adding problems to d. */
kp_view *view_load(const kp_catalog *cat, const char *file, const char *data, size_t len,
		   kp_diag *d);

#endif
