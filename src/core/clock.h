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
/* Now as "YYYY-MM-DD HH:MM:SS" (local time) in out (at least 20 bytes). */
void clock_now(char *out);

#endif
