/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * roll_import: a list laid out like a view of a form (附表4 汇总表, a view
 * of 附表2) brought to that form's import. A view shows only some fields:
 * when the form's required ones are not all there, the file is refused
 * with one message saying what it is, what it lacks and what to send.
 */
#ifndef KP_ROLL_IMPORT_H
#define KP_ROLL_IMPORT_H
#include <stddef.h>

#include "form/catalog.h"

/* The refusal for a header (cells: its labels) that is a view of f's
 * columns — every column of the view, and besides them only 序号 and a
 * unit column — lacking f's required fields (missing: 「年龄」、「民族」…,
 * as the importer lists them); NULL when the header is not a view's. */
char *roll_refusal(const kp_catalog *cat, const kp_form *f, char *const *cells, size_t n,
		   const char *missing);

#endif
