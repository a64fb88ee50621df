/*
 * xlsx_read: the first worksheet of an .xlsx file as CSV, so a unit's
 * spreadsheet goes through the same importer as a CSV file. Reads the zip
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
#include <stdio.h>

/* Does the file start like a zip archive (an .xlsx)? */
bool xlsx_is_zip(FILE *in);
/* A temporary file holding the first sheet of the workbook in (read from
 * the stream itself; name is for messages) as UTF-8 CSV, or NULL with
 * *err. The caller closes both. */
FILE *xlsx_to_csv(FILE *in, const char *name, char **err);

#endif
