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

typedef struct {
	FILE *fp;
	int record;    /* 1-based number of the record last read */
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
 * the end, -1 for an unterminated quoted cell. Blank lines are skipped. */
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
/* s without the apostrophe csv_neutralise added, if it has one. */
const char *csv_unneutralise(const char *s);

#endif
