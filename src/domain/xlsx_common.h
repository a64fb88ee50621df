/* Internal to domain/: what every kepu workbook shares — 宋体 formats, the
 * title and 填报单位 lines, A4 with a page footer, the signature line. */
#ifndef KP_XLSX_COMMON_H
#define KP_XLSX_COMMON_H
#include <xlsxwriter.h>

#define XLSX_FONT "宋体"

typedef struct {
	lxw_format *title, *line, *head, *text, *number, *total;
} xlsx_formats;

/* A new workbook at path, which must not exist (NULL with *err). */
lxw_workbook *xlsx_open(const char *path, char **err);
/* Close it; rc is the writing's result so far. Returns 0 or -1 with *err. */
int xlsx_close(lxw_workbook *wb, const char *path, int rc, char **err);
void xlsx_add_formats(lxw_workbook *wb, xlsx_formats *fm);
/* Rows 0 and 1: the title and a line under it, merged across ncols. */
void xlsx_title(lxw_worksheet *ws, const xlsx_formats *fm, size_t ncols, const char *title,
		const char *line);
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
/* 填报人 / 审核人 / 填报日期 on row. */
void xlsx_signatures(lxw_worksheet *ws, const xlsx_formats *fm, lxw_row_t row, size_t ncols);
/* A4, landscape when wide, one page wide, 第 N 页，共 M 页. */
void xlsx_page_setup(lxw_worksheet *ws, size_t ncols);

#endif
