/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * checklist: the section 五 milestones of config/schedule.yaml on a given
 * day — each with its due date and state, and for milestones every unit
 * owes, the state of each unit (the unit × milestone matrix).
 *
 * A milestone is done when its records exist (the time of the deciding
 * record says whether it was late) or when it was ticked by hand.
 */
#ifndef KP_CHECKLIST_H
#define KP_CHECKLIST_H
#include "domain/env.h"

typedef enum { MS_OPEN, MS_OVERDUE, MS_DONE, MS_LATE } kp_ms_state;

/* One milestone on one due date (a monthly milestone gives one per month). */
typedef struct {
	const kp_milestone *m;
	char key[64];       /* stored with manual ticks: "submit", "monthly:2016-07" */
	char month[8];      /* a monthly milestone's reporting month, else "" */
	int year;           /* carried over from that programme year (its title says so), or 0 */
	int y, mo, d;       /* the due date */
	long due;           /* … as a day serial */
	/* per unit (units[i]) for a unit milestone; [0] alone for the city's */
	kp_ms_state *state;
	char **done_at;     /* when it was done ("" if not) */
	char **done_by;     /* who ticked it ("" if from the data) */
	int ndone, nlate, noverdue, nopen; /* unit milestones: how many units are */
} kp_check_item;

typedef struct {
	int ty, tm, td;     /* today */
	long today;         /* the day states are seen on: today, or the closing day */
	long closed;        /* the year's closing day: its checklist as it was then, or 0 (open) */
	kp_unit *units;
	size_t nunits;
	kp_check_item *items; /* in due-date order */
	size_t n;
	kp_schedule *carried; /* the schedule of the items carried over (owned), or NULL */
} kp_checklist;

/* The state of something due on day `due` that was done at done_at
 * ("YYYY-MM-DD…", or NULL/"" when not done), seen on day `today` (done
 * after today is not done yet). Done on the due day itself is on time. */
kp_ms_state ms_state(long due, long today, const char *done_at);
/* The due date of milestone m (for a monthly one: of reporting month i). */
void milestone_due(const kp_schedule *s, const kp_milestone *m, int i, int *y, int *mo, int *d);

/* Evaluate the schedule today (clock_today) for every unit, or — unit_id
 * not 0, a unit user's view — for that unit alone. A year the city closed
 * is evaluated on its closing day: what was not done then stays as it was
 * (never overdue later). Returns 0 or -1. */
int checklist_build(kp_checklist *c, kp_env *e, long long unit_id);
void checklist_free(kp_checklist *c);
/* Put in front of c (built in the session's year) the previous
 * programme year's items the viewer (unit_id, or 0: the city) still owes
 * — open or overdue, not done — each with its year (the 2016 12月月报 is
 * due on 2017-01-03): they leave once done or once the city closed that
 * year. Nothing when that year was never opened. */
void checklist_add_carried(kp_checklist *c, kp_env *e, long long unit_id);
/* An item's state as a whole: the city's, or over every unit (all done:
 * done, or done late if any was late; else overdue once any unit is). */
kp_ms_state check_item_state(const kp_checklist *c, const kp_check_item *it);
/* The state for one unit (index into c->units) or, for a city item, the
 * city's. */
kp_ms_state check_item_unit_state(const kp_check_item *it, size_t unit);
/* Tick or untick a manual item for a unit (ignored for the city's items). */
int checklist_tick(kp_env *e, const kp_check_item *it, long long unit_id, const char *by, bool on,
		   char **err);
/* The state in words with its mark, e.g. "! 逾期 5 天（3/19 个单位完成）":
 * for unit index u, or the item as a whole when u is CHECK_ALL (then with
 * the units' count when with_units). */
#define CHECK_ALL ((size_t)-1)
void check_item_describe(const kp_checklist *c, const kp_check_item *it, size_t u,
			 bool with_units, char *out, size_t len);
/* The item's title as listed: "五.6 汇总上月实施情况（月报）（7月）". */
void check_item_title(const kp_check_item *it, char *out, size_t len);
/* Who owes it, in words (市科协 / 各单位). */
const char *check_owner_text(const kp_milestone *m);
/* A matrix column's heading: the brief, or "7月" for a monthly item. */
void check_item_heading(const kp_check_item *it, char *out, size_t len);

/* Before the city closes year: its units' items not yet due and not done
 * by every unit, in words (「五.6 …（12月）」2017年1月3日截止，还有 19 个
 * 单位未完成), "；" between, the soonest 3 named and the rest counted;
 * NULL when none (or no such year). Closing then
 * would shut them out (the 12月月报 is due in January); the caller frees. */
char *checklist_still_due(kp_env *e, int year);

/* The text mark of a state (colour is extra, never the only sign). */
char state_mark(kp_ms_state st);

#endif
