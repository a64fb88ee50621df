/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * reopen_prompt: x on the city's menu in a closed year — reopen it for
 * every unit, or for one unit only (the unit picker chooses it, then the
 * reason is typed on the status line), or close it again to the units it
 * was reopened for. A model: keys in, an mr_result out (the store decides
 * and says why not); it never draws (prompt_view.c does). Used by the
 * menu (menu_model.c), which asks its y/n for a reopening of every unit
 * and runs the unit picker.
 */
#ifndef KP_REOPEN_PROMPT_H
#define KP_REOPEN_PROMPT_H
#include "core/editbuf.h"
#include "ui/popup.h"
#include "ui/shell.h"

typedef enum {
	RP_CLOSED,  /* not asking */
	RP_SCOPE,   /* the popup: every unit, one unit, close again */
	RP_PICKING, /* the caller's unit picker chooses the unit */
	RP_REASON   /* the reason typed for that unit */
} rp_stage;

typedef enum { RP_ALL, RP_ONE, RP_CLOSE_UNITS } rp_choice;

typedef struct {
	rp_stage stage;
	int year;
	popup scope;
	char *items[3];     /* the choices' words (owned) */
	rp_choice choices[3];
	long long unit;     /* RP_REASON: the unit chosen */
	char unit_name[160];
	editbuf reason;
	bool reason_full;   /* the last key was refused (the reason full, or none): said below it */
	char title[128];
} reopen_prompt;

void reopen_prompt_init(reopen_prompt *p);
void reopen_prompt_free(reopen_prompt *p);
/* Offer the choices for closed year (units: the names it is open to, or
 * NULL: then no 「close again」). */
void reopen_prompt_open(reopen_prompt *p, int year, const char *units);
/* A key while RP_SCOPE or RP_REASON. MR_HANDLED with *choice set when a
 * choice was taken that the caller carries out (RP_ALL: its y/n; RP_ONE:
 * the picker, then reopen_prompt_picked; RP_CLOSE_UNITS: closing again);
 * MR_SAVED when the year was reopened for the unit; MR_REFUSED with why. */
mr_result reopen_prompt_key(reopen_prompt *p, kp_store *s, kp_key key, int *choice);
/* The picker chose unit id, named name: its reason is asked next. */
void reopen_prompt_picked(reopen_prompt *p, long long id, const char *name);
bool reopen_prompt_active(const reopen_prompt *p);
/* Draw the popup from row y, or the reason on the status line with the
 * cursor in it (prompt_view.c). */
void reopen_prompt_draw(reopen_prompt *p, ui_app *app, int y);

#endif
