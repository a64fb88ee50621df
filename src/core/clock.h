/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * clock: what day it is for kepu. The system clock, unless the user set
 * another day (`--today YYYY-MM-DD` or KEPU_TODAY) to review a past period
 * or to make tests repeatable; then that day with the real time of day.
 * Every stored time (records, drafts, ticks) comes from here.
 */
#ifndef KP_CLOCK_H
#define KP_CLOCK_H
#include <stdbool.h>

/* Use this day instead of the system's (any form date_parse accepts).
 * false if it is not a date. */
bool clock_set_today(const char *day);
void clock_today(int *y, int *m, int *d);
/* The day clock_set_today set, as YYYY-MM-DD in out (at least 11 bytes),
 * or "" while kepu follows the system's day. */
void clock_fixed_day(char *out);
/* Follow the system's day again. */
void clock_use_system(void);
/* Now as "YYYY-MM-DD HH:MM:SS" (local time) in out (at least 20 bytes). */
void clock_now(char *out);
/* Milliseconds on the monotonic clock: for measuring pauses, never a date. */
long long clock_ms(void);

#endif
