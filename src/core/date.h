/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * date: calendar dates and year-months as people type them and as kepu
 * stores them (ISO: YYYY-MM-DD, YYYY-MM).
 */
#ifndef KP_DATE_H
#define KP_DATE_H
#include <stdbool.h>

bool date_is_leap(int y);
int date_days_in_month(int y, int m);
/* Parse 2016-07-15, 2016.7.15, 2016/7/15 or 2016年7月15日 (ASCII digits;
 * fold full-width first). Checks the calendar; years 1900-2100. */
bool date_parse(const char *s, int *y, int *m, int *d);
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2100
/* A date date_parse refuses only for its year (9999-12-31): a message can
 * say the bound instead of "not a date". */
bool date_out_of_range(const char *s);
/* Parse 2016-07, 2016.7, 2016/7 or 2016年7月; years 1900-2100. */
bool yearmonth_parse(const char *s, int *y, int *m);
/* 2016.1: January, or October as Excel stores a typed 2016.10 as a number.
 * yearmonth_parse reads it as January; a caller that must not guess asks
 * this first. */
bool yearmonth_ambiguous(const char *s);

/* Days since 1970-01-01 (negative before), so differences are day counts. */
long date_serial(int y, int m, int d);
/* The day of a serial. */
void date_from_serial(long n, int *y, int *m, int *d);
/* 0 = Sunday … 6 = Saturday. */
int date_weekday(int y, int m, int d);
/* The serial of a stored date or time ("YYYY-MM-DD…"), or false. */
bool date_serial_of(const char *iso, long *out);
/* The way official documents write a date: 2016年7月15日 (out: ≥ 24 bytes). */
void date_official(char *out, int y, int m, int d);

#endif
