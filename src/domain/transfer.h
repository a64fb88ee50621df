/* SPDX-License-Identifier: MulanPSL-2.0 */
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
	int rows;     /* data rows read (blank, 合计 and signature rows not counted) */
	int blank;    /* blank rows skipped */
	int totals;   /* 合计 and 小计 rows agreeing with the rows above, skipped */
	int saved;    /* rows stored as new records */
	int updated;  /* rows that updated the stored record they repeat (update) */
	int same;     /* rows repeating a stored record, left out (update would change it) */
	int same_locked; /* rows repeating a record update could not change either, left out */
	int similar;  /* rows only similar to a record (similar_hint), left out (force saves them) */
	int near;     /* rows near the unit's record (near_hint), left out (force saves them) */
	int ready;    /* a dry run: the rows the import would save or update */
	int ready_update; /* a dry run: of ready, the rows that would update a stored record */
	int errors;   /* bad cells and other problems reported */
	int rejected; /* rows written to the rejects file (with skip_invalid) */
	int fatal;    /* problems that stop the whole import (header, file, database) */
} import_stats;

/* Progress of a long import or export: the rows done so far and, for an
 * import, the bytes of the file read. Called every KP_PROGRESS_EVERY rows
 * and once at the end (rows < 0 then: finished). */
typedef void (*kp_progress_fn)(void *ctx, long long rows, long long bytes);
#define KP_PROGRESS_EVERY 1000

typedef struct {
	const char *source; /* the file read, named in the audit trail's one row */
	const char *unit;  /* the unit of every row, or NULL (a unit column then) */
	bool dry_run;      /* check and report, save nothing */
	FILE *rejects;     /* NULL: all or nothing. Else save the valid rows and
			    * write the others here, with their reasons, as CSV */
	kp_progress_fn progress; /* may be NULL */
	void *progress_ctx;
	bool update;       /* a row repeating a stored record (the form's unique_hint)
			    * updates it, unless approved; else it is left out */
	bool force;        /* a row only similar to a record (similar_hint: 附表2's
			    * 联系电话 under another 姓名), or near the unit's record
			    * (near_hint), is saved and marked for the city; else it is
			    * left out */
	/* Where row, col (-1: the whole row) of the CSV is in the file the
	 * user sent, for messages (工作表「张三」 B3); NULL: 第N行 B列. */
	char *(*place)(void *ctx, int row, int col);
	void *place_ctx;
	/* What the cell at row, col held in the workbook (enum xlsx_kind, with
	 * place_ctx), so a message says what was read; NULL: a CSV's text. */
	int (*kind)(void *ctx, int row, int col);
	const char *note;  /* a line for the top of the report, or NULL */
	const char *sheet; /* the list sheet read, for a cell's message, or NULL */
	long long write_ms; /* a unit's bound on the writing, in ms; 0: IMPORT_UNIT_SECONDS
			     * (a test gives one already spent, < 0) */
} import_options;

/* Data rows one import reads at most (blank, 合计 and signature rows not
 * counted): the import is one write transaction, and while it runs every
 * other session's save waits (store/db.c's busy timeout). A unit files a
 * few hundred records a year; the city imports for every unit (the
 * province's pool in issue #26's benchmark: 100,000 rows, about 10 s at
 * worst). A file with more is refused whole, naming the bound. */
#define IMPORT_UNIT_ROWS 10000
#define IMPORT_CITY_ROWS 100000
/* …and how long a unit's import may write: within the row bound rows that
 * are near repeats of one another and of the unit's records (each compared
 * with every stored record of its unit and day) took minutes, every other
 * session waiting. Stopped then, nothing saved, the bound named. */
#define IMPORT_UNIT_SECONDS 20

/* Import a UTF-8 CSV (BOM optional) whose header holds field labels,
 * aliases or ids in any order (compared without spaces and punctuation),
 * plus optionally the unit column (the form's unit_label). The header is
 * the first of the first 20 rows that names a column, with a grouped
 * header's second row; other columns are ignored with one warning, blank
 * rows skipped and counted, kepu's 合计 and signature rows skipped. Each
 * problem is written to report as "第N行 B列 <label>: <reason>" (N, B: the
 * file's row and column), what it quotes sanitised. All or nothing unless
 * o->rejects is set. Returns 0 when everything was saved (or, with
 * rejects, everything valid was). */
int import_csv(kp_env *e, const kp_form *f, FILE *in, const import_options *o, FILE *report,
	       import_stats *st);

/* Does a header naming a column of f stand in the first rows of the CSV
 * in (as import_csv looks for it)? in is rewound. */
bool import_finds_header(const kp_form *f, FILE *in);

/* The input as UTF-8: in itself when it is UTF-8, else a temporary file
 * holding it converted from GB18030 (memory does not grow with the file).
 * encoding: "utf-8", "gb18030" or NULL/"auto" to tell from the first 64 KiB.
 * Returns NULL with *err on failure; the caller closes what it gets (and
 * in, if different). */
FILE *import_decode(FILE *in, const char *encoding, char **err);

/* How exports are written: the encoding ("utf-8", the default, with a
 * byte-order mark for Excel; or "gb18030" for old systems), and where the
 * characters Excel's GBK code page cannot show are reported. */
typedef struct {
	const char *encoding;
	FILE *report;
	kp_progress_fn progress; /* may be NULL */
	void *progress_ctx;
	const char *state;       /* a reviewed form's records in this state only; NULL: all */
} export_options;

/* Write every record (of one unit, or all when unit_id is 0) as CSV (RFC
 * 4180, CRLF): header the unit column, the field labels and, for a reviewed
 * form, 状态 (read back, never imported), multi-select
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
