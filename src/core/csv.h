/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * csv: RFC 4180 reading and writing, streaming one record at a time.
 * The reader accepts a UTF-8 BOM, CRLF or LF, quoted cells with embedded
 * separators, quotes and newlines.
 */
#ifndef KP_CSV_H
#define KP_CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Bounds on one record, so a forged file cannot make the reader hold
 * gigabytes: Excel's own limits (32,767 characters a cell, at most four
 * bytes each; 16,384 columns) and what a row of them can need. */
#define CSV_CELL_MAX (128L << 10)
#define CSV_CELLS_MAX 16384
#define CSV_RECORD_MAX (8L << 20)

/* What csv_next found wrong with a record. */
enum csv_error {
	CSV_OPEN_QUOTE = -1, /* a quoted cell runs to the end of the file */
	CSV_CELL_LONG = -2,  /* a cell over CSV_CELL_MAX bytes */
	CSV_TOO_WIDE = -3,   /* more than CSV_CELLS_MAX cells */
	CSV_RECORD_LONG = -4 /* a record over CSV_RECORD_MAX bytes */
};

typedef struct {
	FILE *fp;
	int record;    /* 1-based number of the record last read */
	long long pos; /* bytes of the file read so far */
	long long *starts; /* where each cell's text starts in the file (0-based byte) */
	/* A NUL byte cannot be kept in a cell (it would end it): the first one
	 * of the record is noted here instead, and the cell goes on without it. */
	int nul_cell;          /* its cell (0-based), or -1 */
	long long nul_at;      /* its byte in the file (0-based) */
	bool bom_checked;
	char in[65536]; /* read ahead from fp */
	size_t at, len;
	char *text;    /* this record's cells, each ending in NUL */
	size_t tlen, tcap;
	size_t *ends;  /* where each cell ends in text, while reading */
	char **cells;  /* the cells (pointing into text), valid until the next read */
	size_t n, cap;
} csv_reader;

void csv_open(csv_reader *r, FILE *fp);
/* Read the next record into r->cells / r->n. Returns 1 for a record, 0 at
 * the end, or an enum csv_error (reading stops there). Blank lines are
 * skipped. A CR is a line end only before LF: a bare CR stays in its cell
 * (to be refused where it is, not deleted). */
int csv_next(csv_reader *r);
void csv_close(csv_reader *r); /* frees cells; does not close fp */

/* Write one cell (quoted when it needs to be), preceded by a comma unless
 * first. */
void csv_write_cell(FILE *out, const char *s, bool first);
void csv_end_record(FILE *out);

/* Would a spreadsheet take this cell for a formula (it starts with = + - @,
 * a tab or a CR, and is not a plain number)? */
bool csv_looks_like_formula(const char *s);
/* A copy safe to open in a spreadsheet: a formula-looking cell gets a
 * leading apostrophe (which csv_unneutralise takes off again). */
char *csv_neutralise(const char *s);
/* "A", "B" … "Z", "AA": column col (from 0) as a spreadsheet names it. */
void csv_column_letters(int col, char out[8]);
/* s without the apostrophe csv_neutralise added, if it has one. */
const char *csv_unneutralise(const char *s);

#endif
