/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx_stream: a workbook written one sheet at a time straight into the zip
 * (minizip), for the one-record-a-page forms: the city's 推荐表 book is a
 * sheet per person, and libxlsxwriter keeps every sheet in memory until the
 * end (422 MiB at 20,000 people) — its constant-memory mode holds a file
 * open per sheet and cannot merge rows above the one being written.
 *
 * A sheet's cells are kept until xs_sheet_end (one record's page, bounded
 * by its fields' lengths), then written and dropped. What the workbook
 * keeps across sheets is their names, in a temporary file, and minizip's
 * directory entry per file (about 100 bytes a sheet). Strings are inline
 * (no shared-string table to keep); the styles are the fixed set below.
 */
#ifndef KP_XLSX_STREAM_H
#define KP_XLSX_STREAM_H
#include <stddef.h>

typedef struct xs_book xs_book;

/* The formats of a printed form (xlsx_common.h's, by the same names). */
enum { XS_PLAIN, XS_LABEL, XS_TITLE, XS_LINE, XS_TEXT, XS_BOX, XS_CENTRE };

/* A new workbook at path, which must not exist (NULL with *err). */
xs_book *xs_open(const char *path, char **err);
/* Begin a sheet of ncols columns of those widths (Excel's units); a NULL
 * name: a sheet only measured (xs_paginate), then xs_sheet_discard. */
void xs_sheet(xs_book *b, const char *name, const double *widths, size_t ncols);
void xs_row_height(xs_book *b, unsigned row, double pt);
/* The same for a row that goes on the box of the row above (a box taller
 * than a row can be): xs_paginate breaks before its box, not inside it,
 * when the box fits on a page. */
void xs_row_kept(xs_book *b, unsigned row, double pt);
/* text at (r1, c1) in the style, merged over the range to (r2, c2) when
 * that is more than one cell (every cell of it styled, so its borders
 * print). */
void xs_put(xs_book *b, unsigned r1, unsigned c1, unsigned r2, unsigned c2, const char *text, int style);
/* The sheet's rows cut into pages of at most page_pt points each (breaks
 * between rows, kept for xs_sheet_end); returns the number of pages. */
size_t xs_paginate(xs_book *b, double page_pt);
/* What is left of the last page (points) when the rows so far are cut
 * into pages of page_pt as xs_paginate cuts them: a box too tall for a
 * page is cut to fill it (xlsx_paper.c). */
double xs_room(xs_book *b, double page_pt);
/* The sheet being built, dropped unwritten. */
void xs_sheet_discard(xs_book *b);
/* The sheet written as A4 portrait pages fitted to the width, centred,
 * with margins in inches (left, right, top, bottom), its first page
 * numbered first_page (&P), and the header and footer (Excel's &L &C &R
 * codes) on every page. */
void xs_sheet_end(xs_book *b, const double margins[4], size_t first_page, const char *header,
		  const char *footer);
/* Finish the workbook; rc is the writing's result so far. A workbook not
 * written whole is removed. Returns 0 or -1 with *err. */
int xs_close(xs_book *b, const char *path, int rc, char **err);

#endif
