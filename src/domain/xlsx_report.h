/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * xlsx_report: the city's monthly briefing and the section 六 ranking as
 * workbooks in the same official layout as the 附表 (domain/xlsx.c): title,
 * a line under it, the header (two rows where columns share a group), the
 * rows, a 合计 row whose sums are SUM formulas with cached values, notes
 * (the units that have not reported; the score's formula) and the
 * signature line.
 */
#ifndef KP_XLSX_REPORT_H
#define KP_XLSX_REPORT_H
#include "domain/briefing.h"
#include "domain/progress.h"

/* Both write path, which must not exist. 0, or -1 with *err. */
int briefing_xlsx(const kp_briefing *b, const char *path, char **err);
int progress_xlsx(const kp_progress *p, const char *path, char **err);

#endif
