/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Internal to domain/: what every kepu workbook shares — 宋体 formats, the
 * 附表N label, title and unit lines, rows as tall as their wrapped text,
 * A4 with a page footer, the signature line. */
#ifndef KP_XLSX_COMMON_H
#define KP_XLSX_COMMON_H
#include <stdbool.h>
#include <xlsxwriter.h>

#include "form/form.h"

#define XLSX_FONT "宋体"
/* A page header's or footer's font code (Excel's &"name,style"): they are
 * otherwise in the workbook's default font (libxlsxwriter's Calibri), the
 * digits unlike the Chinese beside them. */
#define XLSX_FOOT_FONT "&\"" XLSX_FONT ",Regular\""
/* A row's height: 11 pt type is 15.8 pt a line in LibreOffice's Noto
 * Serif CJK SC (the stand-in for 宋体, kepu-fonts.conf; measured on a
 * printed 推荐表: a box of 46 short lines at 15.5 lost its last line), 16
 * with room for rounding, plus the padding. Excel's 宋体 needs less. */
#define XLSX_LINE_PT 16.0
/* The ruled empty rows of a list with no records (about the seed's 附表4) */
#define XLSX_EMPTY_ROWS 10
#define XLSX_PAD_PT 4.0
/* Excel's limit is 409 pt a row: a longer text goes on in the rows below. */
#define XLSX_ROW_LINES 24

typedef struct {
	lxw_format *label, *title, *line, *note, *head, *text, *number, *total, *box, *centre;
	lxw_format *typed_text; /* a column's own: text, unruled (cells typed under the table) */
	lxw_format *cont; /* a continued row's 「2（续）」 in its 序号 cell: centred, at the top */
	lxw_format *score, *score_total; /* a percentage as the text report prints it: one decimal (10.0, 8.3) */
} xlsx_formats;

/* A new workbook at path, which must not exist (NULL with *err). A
 * constant-memory one writes each row to disk once the next begins (rows
 * strictly in order), so memory stays flat however many rows. */
lxw_workbook *xlsx_open(const char *path, bool constant_memory, char **err);
/* Close it; rc is the writing's result so far. Returns 0 or -1 with *err. */
int xlsx_close(lxw_workbook *wb, const char *path, int rc, char **err);
void xlsx_add_formats(lxw_workbook *wb, xlsx_formats *fm);
/* Print columns of text a column of this width holds on a line. */
int xlsx_fit(double width);
/* The height of a row of that many lines. */
double xlsx_height(size_t lines);
/* From row top: the 附表N label (when attachment > 0), the title and the
 * line under it, each across the ncols columns of widths (the line wraps).
 * Returns the next row. */
lxw_row_t xlsx_title(lxw_worksheet *ws, const xlsx_formats *fm, const double *widths, size_t ncols,
		     int attachment, const char *title, const char *line);
/* One column's heading: its group (a heading over the neighbouring columns
 * that share it, or NULL), its label and its width. */
typedef struct {
	const char *group, *label;
	double width;
} xlsx_heading;

/* The header from row top: one row, or two when some columns share a group
 * (merged over them; the other labels span both rows), repeated on every
 * printed page. Returns the first row under it. */
lxw_row_t xlsx_header(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t top,
		      const xlsx_heading *h, size_t n);
/* A cell of a table row: text, or a number when text is NULL. */
typedef struct {
	const char *text;
	double number;
	lxw_format *fmt;
} xlsx_cell;
/* One row of a table at row: as tall as its most wrapped cell; a text of
 * more than XLSX_ROW_LINES lines goes on in the rows under it, its pieces
 * in fm->box (top-aligned, so they read on from row to row), each piece
 * the text's bytes from where a printed line begins (a line break ending
 * a piece kept in it), so the pieces joined are the text. The rows under
 * it say whose text they carry: 「2（续）」 in the 序号 column seq (the
 * row's number cell; -1: none), which is also how the import knows to
 * join them (transfer.c). Returns the next free row. */
lxw_row_t xlsx_row(lxw_worksheet *ws, lxw_row_t row, const xlsx_cell *c, const double *widths, size_t n,
		   const xlsx_formats *fm, int seq);
/* A note across the ncols columns at row, wrapped and as tall as it needs.
 * Returns the next row. */
lxw_row_t xlsx_note(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t row, const char *text,
		    const double *widths, size_t ncols);
/* 填报人 / 审核人 / 填报日期 on row. */
void xlsx_signatures(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t row, size_t ncols);
/* A4, landscape when wide (more than six columns, or wider than portrait
 * holds at full size), one page wide (and one tall when one_page: a report
 * of one row a unit), centred, the programme year and 第 N 页，共 M 页 at
 * the foot of every page, and header (xlsx_page_header; NULL: none) at the
 * head of every page. */
void xlsx_page_setup(lxw_worksheet *ws, const double *widths, size_t ncols, int year, bool one_page,
		     const char *header);
/* A stored date or month as the paper forms print it (2016年7月1日,
 * 2016年7月), which the import reads back as the same date; NULL for
 * another field or a value that is not one. */
char *xlsx_date(const kp_field *fd, const char *v);
/* Whether a sheet of these columns is printed landscape (more than six, or
 * wider than portrait holds). */
bool xlsx_landscape(const double *widths, size_t ncols);
/* Narrow the wide columns, none below its least, until the sheet prints at
 * 90 % or more in LibreOffice (and about full size in Excel). */
void xlsx_fit_page(double *widths, const double *least, size_t ncols);
/* The sum of widths[from..to]. */
double xlsx_span(const double *widths, size_t from, size_t to);

#endif
