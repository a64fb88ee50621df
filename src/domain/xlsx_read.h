/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx_read: each worksheet of an .xlsx file as CSV, so a unit's
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
/* An OLE2 compound file: Excel 97-2003's .xls, WPS's .et, or an .xlsx
 * with a password to open (encrypted inside such a file). */
bool xlsx_is_ole(FILE *in);
/* A table saved as a web page or as Excel 2003's XML, whatever its name
 * (.xls from web systems and WPS, renamed .xlsx or .csv): told by its
 * start, after a BOM (UTF-8 or UTF-16) and blanks — <html, <table, <!DOCTYPE
 * html …, or <?xml with Excel 2003's namespace. Read as CSV it would only
 * be 「找不到表头」; said for what it is. */
typedef enum { XLSX_MARKUP_NONE, XLSX_MARKUP_HTML, XLSX_MARKUP_XML2003 } xlsx_markup_kind;
xlsx_markup_kind xlsx_markup(FILE *in);
/* What a number format shows of the number stored (ECMA-376 Part 1,
 * 18.8.30-31): the number itself, a day (YYYY-MM-DD), a month (YYYY-MM: a
 * year and a month, no day), a time of day, or a fixed count of decimals
 * (XLSX_SHOWS_DECIMALS + n: 2016.1 shown as 2016.10). */
enum { XLSX_SHOWS_NUMBER, XLSX_SHOWS_DAY, XLSX_SHOWS_MONTH, XLSX_SHOWS_TIME, XLSX_SHOWS_DECIMALS };
/* A custom format code (numFmt formatCode), and a built-in format by id. */
unsigned char xlsx_format_shows(const char *code);
unsigned char xlsx_builtin_shows(int id);

/* What a cell held: text, a number, a number shown as a date or a time,
 * TRUE/FALSE; unknown when not kept (a file that is not a workbook); a
 * formula the file keeps no result of (written by a program, never opened
 * in Excel or WPS): read as empty, which is not what the cell shows. */
enum xlsx_kind { XLSX_TEXT, XLSX_NUMBER, XLSX_DATE, XLSX_TIME, XLSX_BOOL, XLSX_UNKNOWN, XLSX_FORMULA };

/* The kinds of a sheet's cells, by the row and column of its CSV. */
typedef struct xlsx_kinds xlsx_kinds;
/* The kind of the cell at row (1-based, as the CSV's records) and col (0-based). */
int xlsx_kind_at(const xlsx_kinds *k, int row, int col);
void xlsx_kinds_free(xlsx_kinds *k);
/* How many cells were formulas read by the result the file keeps (what
 * Excel last computed, not recomputed here), and the first one's row and
 * col as xlsx_kind_at takes them. */
long xlsx_formulas(const xlsx_kinds *k, int *row, int *col);

/* A sheet as UTF-8 CSV (rows the sheet skips kept as blank rows, so the
 * CSV's row numbers are the sheet's), with its cells' kinds. */
typedef struct {
	const char *name;  /* as the workbook names it (the tab) */
	int index, count;  /* its place (1…) among count sheets */
	long filled;       /* cells holding something */
	FILE *csv;         /* a temporary file; fn may take it (set it NULL) */
	xlsx_kinds *kinds; /* likewise */
	const char *hidden; /* a hidden cell holding something, as a refusal; or NULL */
} xlsx_csv;
typedef int (*xlsx_csv_fn)(void *ctx, xlsx_csv *sheet, char **err);
/* Every sheet of the workbook in (read from the stream itself; name is for
 * messages) as CSV, one at a time, in the workbook's order, until fn returns
 * other than 0. Returns what fn returned last, or -1 with *err. */
int xlsx_each_csv(FILE *in, const char *name, xlsx_csv_fn fn, void *ctx, char **err);

/* A sheet's cells that hold something (rows and columns from 0; a formula
 * without its result is kept, empty, as XLSX_FORMULA), sorted by
 * row then column, and its merged ranges (a merged range's value is its
 * first cell's). */
typedef struct {
	long row;
	size_t col;
	char *text;
	unsigned char kind; /* enum xlsx_kind */
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
	char *footer;       /* the printed page's foot as Excel codes it (&L…&C…), or NULL */
	char *hidden;       /* a hidden cell holding something, as a refusal; or NULL */
} xlsx_sheet;

/* Called with each sheet; 0 goes on, anything else stops and is returned
 * (a negative value with *err set). */
typedef int (*xlsx_sheet_fn)(void *ctx, const xlsx_sheet *s, char **err);
/* Every sheet of the workbook in, in the workbook's order, one at a time
 * (the same bounds as xlsx_each_csv, per sheet, and at most XLSX_MAX_SHEETS
 * sheets). Returns what fn returned last, or -1 with *err. */
int xlsx_each_sheet(FILE *in, const char *name, xlsx_sheet_fn fn, void *ctx, char **err);
/* The text of a cell, or NULL when it is empty. */
const char *xlsx_sheet_at(const xlsx_sheet *s, long row, size_t col);
/* What that cell held (enum xlsx_kind; XLSX_TEXT when it is empty). */
int xlsx_sheet_kind(const xlsx_sheet *s, long row, size_t col);

#endif
