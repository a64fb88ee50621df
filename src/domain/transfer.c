#include "domain/transfer.h"

#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/msg.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "form/validate.h"

#define SEQ_COL (-3) /* 序号: informative, ignored on import */
#define UNIT_COL (-2)
#define NO_COL (-1)

typedef struct {
	kp_env *e;
	const kp_form *f;
	FILE *report;
	import_stats *st;
} importer;

static void problem(importer *im, int row, const char *label, const char *reason)
{
	fprintf(im->report, msg(MSG_C_ROW_ERROR), row, label, reason);
	fputc('\n', im->report);
	im->st->errors++;
}

/* Map each header cell to a field index or the unit column. */
static int *map_header(importer *im, csv_reader *r, int *unit_col)
{
	int *map = xcalloc(r->n, sizeof *map);
	*unit_col = NO_COL;
	for (size_t i = 0; i < r->n; i++) {
		char *h = text_trim(r->cells[i]);
		int k = form_field_index(im->f, h);
		if (!strcmp(h, UNIT_COLUMN) || !strcmp(h, im->f->unit_label) || !strcmp(h, "unit"))
			k = UNIT_COL;
		else if (im->f->per_unit && !strcmp(h, msg(MSG_UI_COL_SEQ)))
			k = SEQ_COL;
		for (size_t j = 0; j < i && k != NO_COL; j++)
			if (map[j] == k) {
				fprintf(im->report, msg(MSG_C_DUP_COLUMN), h);
				fputc('\n', im->report);
				im->st->errors++;
			}
		if (k == NO_COL) {
			fprintf(im->report, msg(MSG_C_UNKNOWN_COLUMN), h, im->f->id);
			fputc('\n', im->report);
			im->st->errors++;
		}
		if (k == UNIT_COL)
			*unit_col = (int)i;
		map[i] = k;
		free(h);
	}
	return map;
}

/* The unit of this row, or 0 after reporting why there is none. */
static long long row_unit(importer *im, int row, const char *cell, long long fixed,
			  const char *fixed_name)
{
	if (!cell)
		return fixed;
	char *name = text_trim(cell);
	long long id = name[0] ? store_unit_id(im->e->store, name) : fixed;
	if (name[0] && !id) {
		char *why = xasprintf(msg(MSG_S_NO_UNIT), name);
		problem(im, row, im->f->unit_label, why);
		free(why);
	} else if (fixed && id != fixed) {
		char *why = xasprintf(msg(MSG_C_UNIT_MISMATCH), fixed_name);
		problem(im, row, im->f->unit_label, why);
		free(why);
		id = 0;
	} else if (!id) {
		problem(im, row, im->f->unit_label, msg(MSG_V_REQUIRED));
	}
	free(name);
	return id;
}

/* Validate one data row into rec; returns the number of problems. */
static int check_row(importer *im, csv_reader *r, const int *map, size_t ncols, int unit_col,
		     long long fixed_unit, const char *unit, kp_record *rec)
{
	const kp_form *f = im->f;
	int before = im->st->errors;
	if (r->n > ncols) {
		fprintf(im->report, msg(MSG_C_ROW_WIDTH), r->record, (int)r->n, (int)ncols);
		fputc('\n', im->report);
		im->st->errors++;
		return 1;
	}
	const char **raw = xcalloc(f->nfields, sizeof *raw);
	for (size_t c = 0; c < r->n; c++)
		if (map[c] >= 0) { /* a cell an export neutralised comes back as it was */
			char *plain = csv_unneutralise(r->cells[c]);
			free(r->cells[c]);
			r->cells[c] = plain;
			raw[map[c]] = r->cells[c];
		}
	const char *ucell = unit_col >= 0 && (size_t)unit_col < r->n ? r->cells[unit_col] : NULL;
	rec->unit_id = row_unit(im, r->record, ucell, fixed_unit, unit);
	char **out = xcalloc(f->nfields, sizeof *out), **why = xcalloc(f->nfields, sizeof *why);
	form_validate(&im->e->cat, f, raw, out, why);
	for (size_t i = 0; i < f->nfields; i++) {
		if (why[i])
			problem(im, r->record, f->fields[i].label, why[i]);
		free(why[i]);
		if (out[i]) {
			free(rec->vals[i]);
			rec->vals[i] = out[i];
		}
	}
	free(out);
	free(why);
	free(raw);
	return im->st->errors - before;
}

/* The 合计 row of an exported per-unit table, read back in. */
static bool is_total_row(const kp_form *f, const csv_reader *r, int unit_col)
{
	if (!f->total_row || unit_col < 0 || (size_t)unit_col >= r->n)
		return false;
	char *u = text_trim(r->cells[unit_col]);
	bool yes = !strcmp(u, f->total_row);
	free(u);
	return yes;
}

int import_csv(kp_env *e, const kp_form *f, FILE *in, const char *unit, bool dry_run,
	       FILE *report, import_stats *st)
{
	importer im = {e, f, report, st};
	memset(st, 0, sizeof *st);
	csv_reader r;
	csv_open(&r, in);
	long long fixed_unit = 0;
	if (unit && !(fixed_unit = store_unit_id(e->store, unit))) {
		char *why = xasprintf(msg(MSG_S_NO_UNIT), unit);
		fprintf(report, "%s\n", why);
		free(why);
		st->errors++;
	}
	int rc = csv_next(&r);
	if (rc <= 0) {
		if (rc < 0) {
			fprintf(report, msg(MSG_C_CSV_QUOTE), r.record);
			fputc('\n', report);
		} else {
			fprintf(report, msg(MSG_V_FIELD), "CSV", msg(MSG_V_REQUIRED));
			fputc('\n', report);
		}
		csv_close(&r);
		st->errors++;
		return -1;
	}
	size_t ncols = r.n;
	int unit_col;
	int *map = map_header(&im, &r, &unit_col);
	if (!unit && unit_col == NO_COL) {
		fprintf(report, "%s\n", msg(MSG_C_NEED_UNIT));
		st->errors++;
	}
	char *err = NULL;
	kp_batch *b = NULL;
	if (!st->errors && !dry_run && !(b = store_batch_begin(e->store, f, &err))) {
		fprintf(report, "%s\n", err);
		st->errors++;
	}
	/* Every row is checked, so the report lists every bad cell at once. */
	while ((rc = csv_next(&r)) != 0) {
		if (rc > 0 && is_total_row(f, &r, unit_col))
			continue; /* computed, not data */
		st->rows++;
		if (rc < 0) {
			fprintf(report, msg(MSG_C_CSV_QUOTE), r.record);
			fputc('\n', report);
			st->errors++;
			break;
		}
		kp_record rec;
		record_init(&rec, f->nfields);
		int bad = check_row(&im, &r, map, ncols, unit_col, fixed_unit, unit, &rec);
		if (!bad && !st->errors && b && store_batch_add(b, &rec, &err) != KP_OK) {
			fprintf(report, "%s\n", err);
			free(err);
			err = NULL;
			st->errors++;
		}
		record_free(&rec);
	}
	if (b) {
		bool commit = st->errors == 0;
		if (store_batch_end(b, commit, &err) != KP_OK) {
			fprintf(report, "%s\n", err);
			st->errors++;
		} else if (commit) {
			st->saved = st->rows;
		}
	}
	free(err);
	free(map);
	csv_close(&r);
	return st->errors ? -1 : 0;
}
