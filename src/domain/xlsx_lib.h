/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx_lib: libxlsxwriter is loaded on first use (xlsx_lib.c). When
 * workbook_new_opt returns NULL, this says why the library could not be
 * loaded ("" when it was: the file could not be created).
 */
#ifndef KP_XLSX_LIB_H
#define KP_XLSX_LIB_H

const char *xlsx_lib_error(void);

#endif
