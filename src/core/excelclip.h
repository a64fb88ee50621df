/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * excelclip: a row as Excel (and WPS, LibreOffice) puts it on the
 * clipboard, cells between Tabs, when a cell holds a line break: that cell
 * quoted ("…"), its quotes doubled. Read by that rule only — a quote that
 * is not of that pattern is the clerk's text, never taken for quoting.
 */
#ifndef KP_EXCELCLIP_H
#define KP_EXCELCLIP_H
#include <stddef.h>

/* The cells of text (line ends after the last cell allowed) when it
 * is one row in which Excel quoted a cell: each quoted cell holds a line
 * break or a Tab (why Excel quotes), closes before a Tab or the end, and
 * has only doubled quotes inside; a line break in a cell is LF, as a
 * multi-line field keeps it. NULL when text is no such row (no quoted
 * cell, another row after it, a quote of another pattern): it is then
 * taken as it is. The caller frees with excel_clip_free. */
char **excel_clip_cells(const char *text, size_t *n);
void excel_clip_free(char **cells, size_t n);

#endif
