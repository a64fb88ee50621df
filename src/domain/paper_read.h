/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * paper_read: a workbook of one-record sheets — the 附表2 推荐表 and the
 * 附表3 入库表 as kepu prints them (xlsx_paper.c), or a blank one filled in
 * by hand — read back through the same `paper` layout, as rows for the
 * importer. Each sheet is one record; every value is taken from the cell
 * the layout puts it in, and every label of the layout must be where the
 * layout puts it (a file of another layout is refused, naming the sheet
 * and the cell). docs/printing.md describes what is read and how.
 */
#ifndef KP_PAPER_READ_H
#define KP_PAPER_READ_H
#include <stdio.h>

#include "form/catalog.h"

/* Where each row and cell of the CSV came from: a sheet and its cell. */
typedef struct paper_places paper_places;

/* The workbook in (an .xlsx; name for messages) as CSV for import_csv:
 * a header of f's labels (and its unit column when the layout prints the
 * unit), then a row per sheet, sheets without a single cell left out.
 * Returns the CSV and *pl when the first sheet is f's layout; NULL with
 * *err when it is a one-record layout that cannot be read (another form's,
 * a label changed, boxes that cannot be read, text outside the layout);
 * NULL and no *err when the first sheet is not a one-record layout at all
 * (a list: read it as one). year is the programme year the rows will be
 * saved into: a book with a page whose foot names another year (kepu
 * prints each record's own) is refused whole, never saved into the wrong
 * year; 0 checks nothing. The caller closes the file and frees *pl. */
FILE *paper_to_csv(const kp_catalog *cat, const kp_form *f, FILE *in, const char *name, int year,
		   paper_places **pl, char **err);

/* 工作表「张三」 B3 for the CSV's row and column (-1: the sheet only), as
 * import_options.place wants it; ctx is the paper_places. */
char *paper_place(void *ctx, int row, int col);
/* What the cell behind the CSV's row and column held (enum xlsx_kind). */
int paper_kind(void *ctx, int row, int col);
void paper_places_free(paper_places *pl);

#endif
