/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * schedule: the programme's timetable (section 五 of the founding
 * document) and its scoreboard (section 六), as loaded from
 * config/schedule.yaml and config/ranking.yaml. A changed file changes the
 * checklist and the ranking; no C change.
 *
 * A milestone is owed by the city or by each unit. It is done when the
 * data says so (the unit has a record in each of `records`; a monthly
 * milestone: a record of that month) or, with `done: manual`, when someone
 * ticks it. A monthly milestone repeats for every reporting month and is
 * due on `due_day` of the month after.
 */
#ifndef KP_SCHEDULE_H
#define KP_SCHEDULE_H
#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

typedef enum { OWNER_CITY, OWNER_UNIT } kp_owner;

typedef struct {
	char *id;
	int item;             /* 五.N of the document */
	char *title;
	char *brief;          /* a short name for narrow columns (≤ 4 cells) */
	kp_owner owner;
	bool monthly;         /* once per reporting month */
	int due_month;        /* not monthly: the month (of the programme year) */
	int due_day;          /* the day; 0: the month's last day */
	char **records;       /* forms that must hold a record; none: a manual tick */
	size_t nrecords;
	int line, col;        /* where `done` is (for messages about its forms) */
} kp_milestone;

typedef struct {
	int year;                     /* the programme year */
	/* The programme's span as the file gives it: its first year (`year`,
	 * kept when a later year reads the same text) and last_year, the end
	 * of the plans the founding document carries out (2016—2020). */
	int first_year, last_year;
	int month_from, month_to;     /* the reporting months of the year */
	char *report_form;            /* the monthly report's form … */
	char *month_field;            /* … and its field holding YYYY-MM */
	int line, col;                /* where `reporting` is */
	kp_milestone *ms;
	size_t n;
} kp_schedule;

/* One column of the score: done (records of `count`) against the quota
 * field `quota` of the per-unit quota form, weighted. */
typedef struct {
	char *quota, *count;
	int weight;
	char *state;  /* a reviewed form: only records in this state count (approved), or NULL */
	int line, col;
} kp_score_column;

typedef struct {
	char *quota_form;
	int cap_percent;              /* a column counts at most this much */
	int line, col;                /* where quota_form is */
	kp_score_column *cols;
	size_t ncols;
} kp_scoring;

/* Parse the files' text (forms are checked later, by the catalogue). 0 or
 * -1 after adding every problem to d. */
int schedule_parse(kp_schedule *s, const char *file, const char *data, size_t len, kp_diag *d);
void schedule_free(kp_schedule *s);
int scoring_parse(kp_scoring *s, const char *file, const char *data, size_t len, kp_diag *d);
/* A column's city-wide completion, the score an exempt unit gets in it:
 * num ÷ den (1 = 100 %), the quota-weighted mean of the capped completion
 * of the units with a quota there, Σ min(100·done, cap·quota) ÷
 * (100·Σ quota); den 0 when no unit has one (the column then counts for
 * nobody). */
typedef struct {
	long long num, den;
} kp_score_mean;

/* The means of every column (means[ncols]) from n units' figures, row-major
 * done[n × ncols], quota[n × ncols]. */
void scoring_means(const kp_scoring *sc, const long long *done, const long long *quota, size_t n,
		   kp_score_mean *means);
/* True when the unit has a quota in no weighted column (exempt from all:
 * not ranked). */
bool scoring_all_exempt(const kp_scoring *sc, const long long *quota);
/* The score (percent, rounded half-up to 0.1 from the exact value: the one
 * rounding every screen, report and workbook shows) of done/quota pairs,
 * one per column; a column of quota 0 (the city exempted the unit, 免)
 * scores the city's mean of it, its weight kept. pct gets each column's
 * done ÷ quota × 100, uncapped, or -1 for a quota of 0. Pure: the store
 * ranks with it too. For display; ranks compare scoring_cmp. */
double scoring_score(const kp_scoring *sc, const kp_score_mean *means, const long long *done,
		     const long long *quota, double *pct);
/* The scores of two units compared exactly (as fractions, not doubles):
 * <0, 0 (equal: the same rank), >0. */
int scoring_cmp(const kp_scoring *sc, const kp_score_mean *means, const long long *done_a,
		const long long *quota_a, const long long *done_b, const long long *quota_b);
/* A mean as a percent rounded half-up to 0.1 (-1: no unit has a quota). */
double scoring_mean_pct(const kp_score_mean *m);
void scoring_free(kp_scoring *s);

/* The last year of the programme: last_year, or a later programme year
 * in use (the programme goes on year after year). */
int schedule_last_year(const kp_schedule *s);

/* "2016-07" for reporting month i (0-based) into out (≥ 8 bytes). */
void schedule_month(const kp_schedule *s, int i, char *out);
int schedule_nmonths(const kp_schedule *s);
/* Day `day` (0: the last) of the month after year y, month m. */
void schedule_next_month(int y, int m, int day, int *oy, int *om, int *od);
/* The day the city sums reporting month `month` ("2016-07") up for the
 * province: its own monthly milestone's day of the month after (五.6:
 * 每月5日前向省科协报送). From then on the month's reports are the figures
 * the province has. False: no such milestone, or month is no YYYY-MM. */
bool schedule_summary_day(const kp_schedule *s, const char *month, int *y, int *mo, int *d);

#endif
