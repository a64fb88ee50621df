#include "domain/transfer.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/bqueue.h"
#include "core/csv.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "form/validate.h"

#define SKIP_COL (-3) /* informative, ignored: 序号, and 错误 of a rejects file */
#define UNIT_COL (-2)
#define NO_COL (-1)

typedef struct {
	kp_env *e;
	const kp_form *f;
	FILE *report;
	import_stats *st;
	strbuf reasons; /* this row's problems, for the rejects file */
	kp_unit *units; /* read once: a row names its unit, and there are 19 */
	size_t nunits;
	const char **raw; /* a row's cells by field, and their problems: reused */
	char **why;
	bool *locked; /* fields the session may not write; set when a cell of one is refused */
	bool *told;
} importer;

static long long unit_by_name(const importer *im, const char *name)
{
	for (size_t i = 0; i < im->nunits; i++)
		if (!strcmp(im->units[i].name, name))
			return im->units[i].id;
	return 0;
}

static void problem(importer *im, int row, const char *label, const char *reason)
{
	fprintf(im->report, msg(MSG_C_ROW_ERROR), row, label, reason);
	fputc('\n', im->report);
	sb_printf(&im->reasons, "%s%s: %s", im->reasons.len ? "；" : "", label, reason);
	im->st->errors++;
}

/* A problem with the whole file: nothing is saved. */
static void fatal(importer *im, const char *text)
{
	fprintf(im->report, "%s\n", text);
	im->st->errors++;
	im->st->fatal++;
}

/* The rejects file: the row as it came (spreadsheet-safe) and its reasons. */
static void reject(FILE *out, const csv_reader *r, const char *reasons)
{
	for (size_t c = 0; c < r->n; c++) {
		char *safe = csv_neutralise(r->cells[c]);
		csv_write_cell(out, safe, c == 0);
		free(safe);
	}
	char *safe = csv_neutralise(reasons);
	csv_write_cell(out, safe, r->n == 0);
	free(safe);
	csv_end_record(out);
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
		else if ((im->f->per_unit && !strcmp(h, msg(MSG_UI_COL_SEQ))) ||
			 !strcmp(h, msg(MSG_C_REJECT_REASON)))
			k = SKIP_COL; /* a corrected rejects file comes back as it is */
		else if (im->f->review && !strcmp(h, msg(MSG_UI_COL_STATE)))
			k = SKIP_COL; /* an export's 状态: states change by review only */
		for (size_t j = 0; j < i && k != NO_COL; j++)
			if (map[j] == k) {
				char *t = xasprintf(msg(MSG_C_DUP_COLUMN), h);
				fatal(im, t);
				free(t);
			}
		if (k == NO_COL) {
			char *t = xasprintf(msg(MSG_C_UNKNOWN_COLUMN), h, im->f->id);
			fatal(im, t);
			free(t);
		}
		if (k == UNIT_COL)
			*unit_col = (int)i;
		map[i] = k;
		free(h);
	}
	return map;
}

/* A value in a column the session may not write (省辖市科协意见 from a
 * unit) refuses the whole file: what the file says would not be what is
 * saved. The column itself may be there, empty (a unit's own export). */
static void refuse_locked_cells(importer *im, int row, const char **raw)
{
	for (size_t i = 0; i < im->f->nfields; i++) {
		if (!im->locked[i] || !raw[i] || im->told[i])
			continue;
		char *v = text_trim(raw[i]);
		if (v[0]) {
			const kp_field *fd = &im->f->fields[i];
			char *t = xasprintf(msg(MSG_C_COLUMN_NOT_YOURS), row, fd->label,
					    msg(fd->written_by == WRITER_CITY ? MSG_P_OWNER_CITY : MSG_C_THE_UNIT));
			fatal(im, t);
			free(t);
			im->told[i] = true;
		}
		free(v);
	}
}

/* The unit of this row, or 0 after reporting why there is none. */
static long long row_unit(importer *im, int row, const char *cell, long long fixed,
			  const char *fixed_name)
{
	if (!cell)
		return fixed;
	char *name = text_trim(cell);
	long long id = name[0] ? unit_by_name(im, name) : fixed;
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
	const char **raw = im->raw;
	memset(raw, 0, f->nfields * sizeof *raw);
	for (size_t c = 0; c < r->n; c++)
		if (map[c] >= 0) /* a cell an export neutralised comes back as it was */
			raw[map[c]] = csv_unneutralise(r->cells[c]);
	const char *ucell = unit_col >= 0 && (size_t)unit_col < r->n ? r->cells[unit_col] : NULL;
	rec->unit_id = row_unit(im, r->record, ucell, fixed_unit, unit);
	refuse_locked_cells(im, r->record, raw);
	char **why = im->why;
	form_validate(&im->e->cat, f, raw, rec->vals, why);
	for (size_t i = 0; i < f->nfields; i++) {
		if (why[i])
			problem(im, r->record, f->fields[i].label, why[i]);
		free(why[i]);
	}
	return im->st->errors - before;
}

#define MAX_TITLE_ROWS 5

/* Does any cell of the row name a column of f? */
static bool names_a_column(const kp_form *f, const csv_reader *r)
{
	bool found = false;
	for (size_t i = 0; i < r->n && !found; i++) {
		char *h = text_trim(r->cells[i]);
		found = form_field_index(f, h) >= 0 || !strcmp(h, f->unit_label) ||
			!strcmp(h, UNIT_COLUMN);
		free(h);
	}
	return found;
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

/* Valid rows on their way from the reader to the writer, and how far the
 * reader had come when it sent them (for the progress display). The values
 * are copied into one buffer, so the writer frees a chunk in a few calls
 * (freeing each value on the other thread costs more than writing it). */
#define CHUNK_ROWS 256
#define QUEUE_CHUNKS 2
typedef struct {
	size_t n, nfields;
	int rows;
	long long bytes;
	long long unit[CHUNK_ROWS];
	strbuf text;  /* every value, each ending in NUL */
	size_t *at;   /* where value k of row i starts: at[i * nfields + k] */
	char **vals;  /* the same as pointers, once the chunk is sent */
} chunk;

static chunk *chunk_new(size_t nfields)
{
	chunk *c = xcalloc(1, sizeof *c);
	c->nfields = nfields;
	c->text = (strbuf)STRBUF_INIT;
	c->at = xcalloc(CHUNK_ROWS * nfields, sizeof *c->at);
	c->vals = xcalloc(CHUNK_ROWS * nfields, sizeof *c->vals);
	return c;
}

static void chunk_free(chunk *c)
{
	sb_free(&c->text);
	free(c->at);
	free(c->vals);
	free(c);
}

static void chunk_add(chunk *c, const kp_record *rec)
{
	c->unit[c->n] = rec->unit_id;
	for (size_t k = 0; k < c->nfields; k++) {
		c->at[c->n * c->nfields + k] = c->text.len;
		sb_add(&c->text, rec->vals[k], strlen(rec->vals[k]) + 1);
	}
	c->n++;
}

/* What the reader needs besides the importer: the file, its header map,
 * and (when saving) the queue to the writer. */
typedef struct {
	importer *im;
	const import_options *o;
	FILE *in;
	csv_reader *r;
	const int *map;
	size_t ncols;
	int unit_col;
	long long fixed_unit;
	const char *unit; /* its name, for messages */
	bqueue *q;   /* NULL: nothing is saved (a dry run, or a fatal header) */
	chunk *c;    /* being filled */
	int sent_at; /* rows read when the last chunk went */
} reader;

static void send_chunk(reader *rd, int rows)
{
	chunk *c = rd->c;
	c->rows = rows;
	c->bytes = (long long)ftell(rd->in);
	for (size_t i = 0; i < c->n * c->nfields; i++) /* the text moves no more */
		c->vals[i] = c->text.s + c->at[i];
	bqueue_put(rd->q, c);
	rd->c = chunk_new(rd->im->f->nfields);
	rd->sent_at = rows;
}

/* Read and check every row, so the report lists every bad cell at once;
 * rows to save go to the writer. */
static void read_rows(reader *rd)
{
	importer *im = rd->im;
	const import_options *o = rd->o;
	const kp_form *f = im->f;
	import_stats *st = im->st;
	int rc;
	while ((rc = csv_next(rd->r)) != 0) {
		if (rc > 0 && is_total_row(f, rd->r, rd->unit_col))
			continue; /* computed, not data */
		st->rows++;
		if (rd->q && (rd->c->n == CHUNK_ROWS || st->rows - rd->sent_at >= KP_PROGRESS_EVERY))
			send_chunk(rd, st->rows - 1);
		else if (!rd->q && o->progress && st->rows % KP_PROGRESS_EVERY == 0)
			o->progress(o->progress_ctx, st->rows, (long long)ftell(rd->in));
		if (rc < 0) {
			char *t = xasprintf(msg(MSG_C_CSV_QUOTE), rd->r->record);
			fatal(im, t);
			free(t);
			break;
		}
		/* Values NULL until validated: a row is saved only when all are. */
		kp_record rec = {.nvals = f->nfields, .vals = xcalloc(f->nfields, sizeof(char *))};
		sb_clear(&im->reasons);
		int bad = check_row(im, rd->r, rd->map, rd->ncols, rd->unit_col, rd->fixed_unit, rd->unit, &rec);
		if (bad && o->rejects) {
			reject(o->rejects, rd->r, sb_str(&im->reasons));
			st->rejected++;
		} else if (!bad && rd->q && (o->rejects || !st->errors)) {
			chunk_add(rd->c, &rec);
		}
		record_free(&rec);
	}
	if (rd->q) {
		send_chunk(rd, st->rows);
		bqueue_close(rd->q);
	}
}

static void *reader_thread(void *arg)
{
	read_rows(arg);
	return NULL;
}

/* The writer, on the calling thread (the database connection and the
 * progress display stay there): saves what the reader sends until it
 * closes the queue. Returns the rows saved; *err after a failed write
 * (the rest is then only drained). */
static int write_rows(kp_batch *b, bqueue *q, const import_options *o, char **err)
{
	int saved = 0;
	chunk *c;
	while ((c = bqueue_take(q))) {
		for (size_t i = 0; i < c->n && !*err; i++) {
			kp_record rec = {.unit_id = c->unit[i], .nvals = c->nfields,
					 .vals = c->vals + i * c->nfields};
			if (store_batch_add(b, &rec, err) == KP_OK)
				saved++;
		}
		if (o->progress && c->rows)
			o->progress(o->progress_ctx, c->rows, c->bytes);
		chunk_free(c);
	}
	return saved;
}

/* Read every row and save the valid ones: when saving, the reader runs on
 * a second thread so that checking the next rows overlaps writing these
 * (an import then takes about as long as its writes alone). */
static void read_and_save(reader *rd, kp_batch *b, char **err)
{
	bqueue q;
	pthread_t t;
	if (!b) {
		read_rows(rd);
		return;
	}
	bqueue_init(&q, QUEUE_CHUNKS);
	rd->q = &q;
	rd->c = chunk_new(rd->im->f->nfields);
	int rc = pthread_create(&t, NULL, reader_thread, rd);
	if (rc != 0) { /* out of threads: nothing saved */
		*err = xasprintf(msg(MSG_C_NO_THREAD), strerror(rc));
		chunk_free(rd->c);
		bqueue_free(&q);
		return;
	}
	rd->im->st->saved = write_rows(b, &q, rd->o, err);
	pthread_join(t, NULL);
	chunk_free(rd->c);
	bqueue_free(&q);
}

int import_csv(kp_env *e, const kp_form *f, FILE *in, const import_options *o, FILE *report,
	       import_stats *st)
{
	importer im = {e, f, report, st, STRBUF_INIT, NULL, 0, NULL, NULL, NULL, NULL};
	memset(st, 0, sizeof *st);
	csv_reader r;
	csv_open(&r, in);
	long long fixed_unit = 0;
	const char *unit = o->unit;
	char *own = NULL;
	if (store_session_unit(e->store)) /* a unit session imports into its own unit */
		unit = own = store_unit_name(e->store, store_session_unit(e->store));
	if (unit && !(fixed_unit = store_unit_id(e->store, unit))) {
		char *why = xasprintf(msg(MSG_S_NO_UNIT), unit);
		fatal(&im, why);
		free(why);
	} else if (o->unit && own && strcmp(o->unit, own)) {
		char *why = xasprintf(msg(MSG_SS_OTHER_UNIT), own);
		fatal(&im, why);
		free(why);
	}
	if (!store_may_write_form(e->store, f)) { /* 附表1 from a unit: the store would refuse each row */
		char *why = xasprintf(msg(MSG_SS_CITY_FORM), f->title);
		fatal(&im, why);
		free(why);
	}
	int rc = csv_next(&r);
	if (rc <= 0) {
		char *t = rc < 0 ? xasprintf(msg(MSG_C_CSV_QUOTE), r.record)
				 : xstrdup(msg(MSG_C_EMPTY_FILE));
		fatal(&im, t);
		free(t);
		csv_close(&r);
		return -1;
	}
	/* Title lines above the header (a spreadsheet's 表名, 填报单位) name
	 * no column: the header is the first row that does. */
	while (rc > 0 && r.record < MAX_TITLE_ROWS && !names_a_column(f, &r))
		rc = csv_next(&r);
	if (rc <= 0) {
		fatal(&im, msg(MSG_C_NO_HEADER));
		csv_close(&r);
		return -1;
	}
	reader rd = {&im, o, in, &r, NULL, r.n, NO_COL, fixed_unit, unit, NULL, NULL, 0};
	int *map = map_header(&im, &r, &rd.unit_col);
	rd.map = map;
	im.nunits = store_units(e->store, &im.units);
	im.raw = xcalloc(f->nfields + 1, sizeof *im.raw);
	im.why = xcalloc(f->nfields + 1, sizeof *im.why);
	im.locked = xcalloc(f->nfields + 1, sizeof *im.locked);
	im.told = xcalloc(f->nfields + 1, sizeof *im.told);
	for (size_t i = 0; i < f->nfields; i++)
		im.locked[i] = !store_may_write_field(e->store, &f->fields[i]);
	if (!unit && rd.unit_col == NO_COL)
		fatal(&im, msg(MSG_C_NEED_UNIT));
	if (o->rejects) /* the same header, and a column for the reasons */
		reject(o->rejects, &r, msg(MSG_C_REJECT_REASON));
	char *err = NULL;
	kp_batch *b = NULL;
	if (!st->fatal && !o->dry_run && !(b = store_batch_begin(e->store, f, o->source ? o->source : "", &err))) {
		fatal(&im, err);
		free(err);
		err = NULL;
	}
	read_and_save(&rd, b, &err);
	if (err) { /* a write failed: nothing is kept */
		fatal(&im, err);
		free(err);
		err = NULL;
	}
	if (o->progress)
		o->progress(o->progress_ctx, -1, (long long)ftell(in));
	/* All or nothing, unless bad rows go to the rejects file. */
	bool commit = !st->fatal && (o->rejects || !st->errors);
	if (b && store_batch_end(b, commit, &err) != KP_OK && commit)
		fatal(&im, err);
	if (!b || !commit)
		st->saved = 0;
	free(err);
	free(map);
	sb_free(&im.reasons);
	unit_list_free(im.units, im.nunits);
	free(im.raw);
	free(im.why);
	free(im.locked);
	free(im.told);
	csv_close(&r);
	free(own);
	return st->fatal || (!o->rejects && st->errors) ? -1 : 0;
}

FILE *import_decode(FILE *in, const char *encoding, char **err)
{
	bool gb;
	if (!encoding || !strcasecmp(encoding, "auto")) {
		char head[65536];
		size_t n = fread(head, 1, sizeof head, in);
		rewind(in);
		/* a multi-byte character may be cut at the end of the sample */
		size_t i = 0;
		gb = false;
		while (i < n && !gb) {
			uint32_t cp;
			size_t k = utf8_decode(head + i, n - i, &cp);
			gb = cp == UTF8_INVALID && n - i >= 4;
			i += k;
		}
	} else if (!strcasecmp(encoding, "gb18030") || !strcasecmp(encoding, "gbk")) {
		gb = true;
	} else if (!strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8")) {
		gb = false;
	} else {
		*err = xasprintf(msg(MSG_C_BAD_ENCODING), encoding);
		return NULL;
	}
	if (!gb)
		return in;
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	FILE *out = cd == (iconv_t)-1 ? NULL : tmpfile();
	if (!out) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		*err = xasprintf(msg(MSG_C_BAD_ENCODING), "gb18030");
		return NULL;
	}
	char ibuf[16384], obuf[65536];
	size_t left = 0, got;
	bool bad = false;
	while (!bad && (got = fread(ibuf + left, 1, sizeof ibuf - left, in)) > 0) {
		char *ip = ibuf, *op = obuf;
		size_t il = left + got, ol = sizeof obuf;
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno != EINVAL)
			bad = true; /* EINVAL: a character continues in the next chunk */
		fwrite(obuf, 1, (size_t)(op - obuf), out);
		memmove(ibuf, ip, il);
		left = il;
	}
	iconv_close(cd);
	if (bad || left) {
		fclose(out);
		*err = xstrdup(msg(MSG_C_BAD_GB18030));
		return NULL;
	}
	rewind(out);
	return out;
}
