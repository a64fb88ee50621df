/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx_read: the first worksheet of an .xlsx file as CSV, so a unit's
 * spreadsheet goes through the same importer as a CSV file; or every
 * worksheet in turn as its cells (a one-record-a-sheet form, paper_read.c). Reads the zip
 * with minizip (already there for libxlsxwriter; libzip would load OpenSSL
 * into every session) and the XML with expat, streaming the sheet (memory holds
 * the shared strings, not the rows). Shared strings, inline strings and
 * numbers are read; a number whose cell format is a date becomes
 * YYYY-MM-DD; rows the sheet skips stay as blank rows, so row numbers in
 * reports match the spreadsheet's.
 */
#ifndef KP_XLSX_READ_H
#define KP_XLSX_READ_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Does the file start like a zip archive (an .xlsx)? */
bool xlsx_is_zip(FILE *in);
/* A temporary file holding the first sheet of the workbook in (read from
 * the stream itself; name is for messages) as UTF-8 CSV, or NULL with
 * *err. The caller closes both. */
FILE *xlsx_to_csv(FILE *in, const char *name, char **err);

/* A sheet's cells that hold something (rows and columns from 0), sorted by
 * row then column, and its merged ranges (a merged range's value is its
 * first cell's). */
typedef struct {
	long row;
	size_t col;
	char *text;
} xlsx_cell;

typedef struct {
	long row1, row2;
	size_t col1, col2;
} xlsx_range;

typedef struct {
	const char *name;   /* as the workbook names it (the tab) */
	int index, count;   /* its place (1…) among count sheets */
	xlsx_cell *cells;
	size_t ncells;
	xlsx_range *merged;
	size_t nmerged;
} xlsx_sheet;

/* Called with each sheet; 0 goes on, anything else stops and is returned
 * (a negative value with *err set). */
typedef int (*xlsx_sheet_fn)(void *ctx, const xlsx_sheet *s, char **err);
/* Every sheet of the workbook in, in the workbook's order, one at a time
 * (the same bounds as xlsx_to_csv, per sheet, and at most XLSX_MAX_SHEETS
 * sheets). Returns what fn returned last, or -1 with *err. */
int xlsx_each_sheet(FILE *in, const char *name, xlsx_sheet_fn fn, void *ctx, char **err);
/* The text of a cell, or NULL when it is empty. */
const char *xlsx_sheet_at(const xlsx_sheet *s, long row, size_t col);

#endif
