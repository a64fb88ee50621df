/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx_app: docProps/app.xml naming kepu as the program that wrote the
 * workbook. libxlsxwriter writes "Microsoft Excel" there and has no
 * setting for it, so its workbooks get the entry replaced once written;
 * xlsx_stream.c writes this one in the first place.
 */
#ifndef KP_XLSX_APP_H
#define KP_XLSX_APP_H
#include "core/strbuf.h"

#define XLSX_APP_XML "docProps/app.xml"

/* The entry's XML. */
void xlsx_app_xml(strbuf *b);
/* A zip entry's date: now, local time (minizip's tm_zip). */
void xlsx_zip_now(void *tmz_date);
/* Replace path's docProps/app.xml (the other entries copied as they are
 * compressed). Returns 0 or -1 with *err; path is then unchanged. */
int xlsx_app_rewrite(const char *path, char **err);

#endif
