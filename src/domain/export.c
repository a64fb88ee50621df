/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Records out of kepu as CSV that Excel on a Chinese Windows PC opens as it
 * should: every cell through one sink that sanitises, neutralises formulas
 * and encodes. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "domain/totals.h"
#include "domain/transfer.h"
#include "form/validate.h"

typedef struct {
	FILE *out, *report;
	iconv_t to_gb, to_gbk; /* (iconv_t)-1 when writing UTF-8 */
	int row;               /* the spreadsheet row being written; the header is 1 */
	size_t col;
	char **labels;         /* the header, for reports */
	size_t nlabels;
} sink;

static int sink_open(sink *k, const export_options *o, FILE *out, char **err)
{
	memset(k, 0, sizeof *k);
	k->out = out;
	k->report = o && o->report ? o->report : stderr;
	k->to_gb = k->to_gbk = (iconv_t)-1;
	k->row = 1;
	const char *enc = o && o->encoding ? o->encoding : "utf-8";
	if (!strcasecmp(enc, "gb18030")) {
		k->to_gb = iconv_open("GB18030", "UTF-8");
		k->to_gbk = iconv_open("GBK", "UTF-8");
		if (k->to_gb == (iconv_t)-1 || k->to_gbk == (iconv_t)-1) {
			*err = xasprintf(msg(MSG_C_BAD_ENCODING), enc);
			return -1;
		}
	} else if (strcasecmp(enc, "utf-8") && strcasecmp(enc, "utf8")) {
		*err = xasprintf(msg(MSG_C_BAD_ENCODING), enc);
		return -1;
	} else {
		fputs("\xEF\xBB\xBF", out); /* Excel reads a BOM-less UTF-8 file as GBK */
	}
	return 0;
}

/* Tell about each character that GB18030 can hold but GBK (Excel) cannot. */
static void report_not_gbk(sink *k, const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		char buf[8], *in = (char *)s + i, *o = buf;
		size_t inl = n, outl = sizeof buf;
		iconv(k->to_gbk, NULL, NULL, NULL, NULL);
		if (cp >= 0x80 && iconv(k->to_gbk, &in, &inl, &o, &outl) == (size_t)-1) {
			const char *label = k->col < k->nlabels ? k->labels[k->col] : "";
			fprintf(k->report, msg(MSG_C_NOT_GBK), k->row, label, (int)n, s + i);
			fputc('\n', k->report);
		}
		i += n;
	}
}

static char *to_gb18030(sink *k, const char *s)
{
	size_t inl = strlen(s), outl = inl * 4 + 1;
	char *buf = xmalloc(outl), *in = (char *)s, *o = buf;
	iconv(k->to_gb, NULL, NULL, NULL, NULL);
	iconv(k->to_gb, &in, &inl, &o, &outl); /* GB18030 holds every character */
	*o = '\0';
	return buf;
}

/* One cell: sanitised, neutralised, encoded. */
static void sink_cell(sink *k, const char *utf8, bool keep_newlines)
{
	char *clean = utf8_sanitize(utf8, keep_newlines);
	char *safe = csv_neutralise(clean);
	free(clean);
	if (k->to_gb != (iconv_t)-1) {
		report_not_gbk(k, safe);
		char *gb = to_gb18030(k, safe);
		free(safe);
		safe = gb;
	}
	csv_write_cell(k->out, safe, k->col == 0);
	free(safe);
	k->col++;
}

static void sink_header(sink *k, const char *label)
{
	k->labels = xrealloc(k->labels, (k->nlabels + 1) * sizeof *k->labels);
	k->labels[k->nlabels++] = xstrdup(label);
	sink_cell(k, label, false);
}

static void sink_end_row(sink *k)
{
	csv_end_record(k->out);
	k->row++;
	k->col = 0;
}

static int sink_close(sink *k, char **err)
{
	if (k->to_gb != (iconv_t)-1)
		iconv_close(k->to_gb);
	if (k->to_gbk != (iconv_t)-1)
		iconv_close(k->to_gbk);
	for (size_t i = 0; i < k->nlabels; i++)
		free(k->labels[i]);
	free(k->labels);
	if (fflush(k->out) != 0 || ferror(k->out)) {
		*err = xstrdup(msg(MSG_C_WRITE_ERROR));
		return -1;
	}
	return 0;
}

/* Close the sink after the rows: the store's error (rc), if any, is the one
 * reported. */
static int sink_finish(sink *k, int rc, char **err)
{
	char *close_err = NULL;
	int closed = sink_close(k, &close_err);
	if (rc != KP_OK) {
		free(close_err);
		return -1;
	}
	if (closed != 0)
		*err = close_err;
	return closed;
}

/* A stored value as shown in a spreadsheet: a multi-select joined by 、,
 * a record field as the record's 姓名（工作单位） (which an import takes
 * back). */
static void value_cell(kp_store *s, sink *k, const kp_field *fd, const char *v)
{
	char *shown = store_shown(s, fd, v);
	sink_cell(k, shown, fd->type == FT_TEXTAREA);
	free(shown);
}

typedef struct {
	const kp_form *f;
	sink *k;
	kp_totals totals;
	const export_options *o;
	long long rows;
	kp_store *store;
} form_export;

static int form_row(const kp_record *r, void *ctx)
{
	form_export *x = ctx;
	if (x->f->per_unit) { /* like the printed table: 序号 first */
		char seq[16];
		snprintf(seq, sizeof seq, "%d", r->unit_seq);
		sink_cell(x->k, seq, false);
	}
	sink_cell(x->k, r->unit_name, false);
	totals_add(&x->totals, x->f, r);
	for (size_t i = 0; i < x->f->nfields; i++)
		value_cell(x->store, x->k, &x->f->fields[i], r->vals[i]);
	if (x->f->review)
		sink_cell(x->k, state_label(state_of(r->state)), false);
	sink_end_row(x->k);
	if (x->o && x->o->progress && ++x->rows % KP_PROGRESS_EVERY == 0)
		x->o->progress(x->o->progress_ctx, x->rows, 0);
	return ferror(x->k->out) ? 1 : 0;
}

/* The computed row, last: 合计 under the unit column, the sums. */
static void total_row(form_export *x)
{
	if (x->f->per_unit)
		sink_cell(x->k, "", false);
	sink_cell(x->k, x->f->total_row, false);
	for (size_t i = 0; i < x->f->nfields; i++) {
		char *t = totals_text(&x->totals, x->f, i);
		sink_cell(x->k, t, false);
		free(t);
	}
	sink_end_row(x->k);
}

int export_csv(kp_env *e, const kp_form *f, long long unit_id, const export_options *o, FILE *out,
	       char **err)
{
	sink k;
	if (sink_open(&k, o, out, err) != 0)
		return -1;
	if (f->per_unit)
		sink_header(&k, msg(MSG_UI_COL_SEQ));
	sink_header(&k, f->unit_label);
	for (size_t i = 0; i < f->nfields; i++)
		sink_header(&k, f->fields[i].label);
	if (f->review)
		sink_header(&k, msg(MSG_UI_COL_STATE));
	sink_end_row(&k);
	form_export x = {f, &k, {0}, o, 0, e->store};
	totals_init(&x.totals, f);
	int rc = store_each(e->store, f, unit_id, o ? o->state : NULL, form_row, &x, err);
	if (rc == KP_OK && f->total_row)
		total_row(&x);
	totals_free(&x.totals);
	if (o && o->progress)
		o->progress(o->progress_ctx, -1, 0);
	return sink_finish(&k, rc, err);
}

typedef struct {
	const kp_view *v;
	sink *k;
	const char *unit; /* written first when exporting every unit */
	int seq;
	kp_store *store;
} view_export;

static int view_row(const kp_record *r, void *ctx)
{
	view_export *x = ctx;
	char seq[16];
	snprintf(seq, sizeof seq, "%d", ++x->seq);
	if (x->unit)
		sink_cell(x->k, x->unit, false);
	sink_cell(x->k, seq, false);
	for (size_t c = 0; c < x->v->ncolumns; c++) {
		int i = x->v->columns[c].field;
		value_cell(x->store, x->k, &x->v->source->fields[i], r->vals[i]);
	}
	if (x->v->source->review)
		sink_cell(x->k, state_label(state_of(r->state)), false);
	sink_end_row(x->k);
	return ferror(x->k->out) ? 1 : 0;
}

int export_view_csv(kp_env *e, const kp_view *v, long long unit_id, const export_options *o,
		    FILE *out, char **err)
{
	sink k;
	if (sink_open(&k, o, out, err) != 0)
		return -1;
	if (!unit_id)
		sink_header(&k, msg(MSG_C_VIEW_ALL));
	sink_header(&k, msg(MSG_UI_COL_SEQ));
	for (size_t c = 0; c < v->ncolumns; c++)
		sink_header(&k, v->columns[c].label);
	if (v->source->review)
		sink_header(&k, msg(MSG_UI_COL_STATE));
	sink_end_row(&k);
	kp_unit *units = NULL;
	size_t n = unit_id ? 1 : store_units(e->store, &units);
	int rc = KP_OK;
	for (size_t i = 0; i < n && rc == KP_OK; i++) {
		view_export x = {v, &k, unit_id ? NULL : units[i].name, 0, e->store};
		rc = store_each(e->store, v->source, unit_id ? unit_id : units[i].id, o ? o->state : NULL, view_row,
				&x, err);
	}
	unit_list_free(units, unit_id ? 0 : n);
	return sink_finish(&k, rc, err);
}
