/*
 * transfer: records in and out of kepu as CSV, validated exactly as the
 * form screen validates them.
 */
#ifndef KP_TRANSFER_H
#define KP_TRANSFER_H
#include <stdbool.h>
#include <stdio.h>

#include "domain/env.h"

/* The column that names a record's unit in imports and exports: the form's
 * unit_label (填报单位 unless the form says otherwise); this is accepted too. */
#define UNIT_COLUMN "填报单位"

typedef struct {
	int rows;   /* data rows read */
	int saved;  /* rows stored (0 unless every row was valid) */
	int errors; /* bad cells and other problems reported */
} import_stats;

/* Import a UTF-8 CSV (BOM optional) whose header holds field labels or ids
 * in any order, plus optionally the unit column (the form's unit_label). unit (may be NULL) is the unit for
 * every row. All or nothing: each problem is written to report as
 * "第N行 <label>: <reason>" (N counts the header as row 1) and then nothing
 * is saved. dry_run validates only. Returns 0 when everything was valid. */
int import_csv(kp_env *e, const kp_form *f, FILE *in, const char *unit, bool dry_run,
	       FILE *report, import_stats *st);

/* How exports are written: the encoding ("utf-8", the default, with a
 * byte-order mark for Excel; or "gb18030" for old systems), and where the
 * characters Excel's GBK code page cannot show are reported. */
typedef struct {
	const char *encoding;
	FILE *report;
} export_options;

/* Write every record (of one unit, or all when unit_id is 0) as CSV (RFC
 * 4180, CRLF): header the unit column and the field labels, multi-select
 * joined with 、, text sanitised, formula-looking cells neutralised with a
 * leading apostrophe (an import takes it off). Returns 0 or -1 with *err. */
int export_csv(kp_env *e, const kp_form *f, long long unit_id, const export_options *o, FILE *out,
	       char **err);

/* Write a view (附表4) as CSV: one unit's records numbered 序号 1…, or with
 * unit_id 0 every unit in 序号 order, each numbered from 1, after a 单位
 * column. Returns 0 or -1 with *err. */
int export_view_csv(kp_env *e, const kp_view *v, long long unit_id, const export_options *o,
		    FILE *out, char **err);

#endif
