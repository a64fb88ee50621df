/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx: records as an Excel workbook in the official layout, ready to print
 * and send: the form's full title, a 填报单位 line, merged two-row headers
 * where fields share a `group`, 序号, the total row as SUM formulas (with
 * their values cached), 宋体, A4 with the header rows repeated and a
 * 第 N 页，共 M 页 footer, and 填报人 / 审核人 / 填报日期 under the table.
 */
#ifndef KP_XLSX_H
#define KP_XLSX_H
#include <stdbool.h>
#include "domain/env.h"

/* Write a form's records (v NULL) or a view's to path (which must not
 * exist): one unit, or all (unit_id 0; a view then gets a sheet per unit);
 * only those in state (a reviewed form's code: approved …) unless NULL. A
 * form with a paper layout (its YAML's `paper`) is written one record a
 * page as the form is printed, a list otherwise. Returns 0 or -1 with *err;
 * on success *note is NULL or a word for the clerk (a new string): the book
 * has more sheets than office programs open (XLSX_SHEETS_OFFICE). */
int export_xlsx(kp_env *e, const kp_form *f, const kp_view *v, long long unit_id, const char *state,
		const char *path, char **note, char **err);

/* The one-record-a-page workbook of a form with a paper layout
 * (xlsx_paper.c): a sheet per record, fitted to the width of A4; *sheets
 * is how many it wrote. */
int export_paper(kp_env *e, const kp_form *f, long long unit_id, const char *state, const char *path,
		 size_t *sheets, char **err);

/* Does the layout print the record's unit ({unit} in a line or a text)?
 * When it does not, the all-units workbook names each sheet's unit in the
 * sheet's name: "3 王伟（魏都区）" (paper_sheet_unit reads it back). */
bool paper_prints_unit(const kp_paper *p);
/* The unit a sheet's name ends with in （…）, or NULL (a new string). */
char *paper_sheet_unit(const char *sheet);

/* What cell c of a paper layout's row carries on the pages after the
 * first when the row is taller than a page: a label its label with
 * 「（续）」 under it; a box with a caption 「个人基本情况（续）：」 before
 * the rest of its text, another cell 「（续）」 (a new string). The rest
 * follows the mark as it is: after a line break, the break (paper_read.c
 * joins the pieces by taking the marks off). */
char *paper_continued(const kp_form *f, const kp_pcell *c);

/* A page's head in Excel's codes: left (the table) on the left, right
 * (whose it is: the unit, the person) on the right, each sanitised, on one
 * line, cut with 「…」 where it would not fit beside the other, every &
 * doubled (a literal & in Excel's codes: 「A&B」 must not begin a code).
 * A new string, within Excel's 255 characters. */
char *xlsx_page_header(const char *left, const char *right);

/* Is the unit a 县（市、区）'s 科协 (by its name: 县, 市 or 区, no zone)? */
bool unit_is_county(const char *name);
/* tmpl with every {unit} replaced by unit, every {year} by the programme
 * year and every {county} by 「　县（市、区）科协」 for a county's unit, by
 * nothing for another (a college, a 学会) (a new string). */
char *xlsx_line(const char *tmpl, const char *unit, int year);

#endif
