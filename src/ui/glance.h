/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * glance: the lines above the main menu that answer "what is due, what is
 * late, what came back, how far along": today, the next open deadlines with
 * days left, the overdue items by name, a unit's returned records with the
 * city's reasons, and the progress of the chosen unit (or of all units).
 */
#ifndef KP_GLANCE_H
#define KP_GLANCE_H
#include "domain/checklist.h"
#include "domain/progress.h"
#include "ui/app.h"

typedef struct {
	kp_checklist c;
	kp_progress p;
	char **returned;      /* a unit's: each returned record with its reason */
	size_t nreturned;
	long long more_returned; /* returned beyond those listed */
	bool built;
} glance;

/* (Re)compute from the database: when the menu opens and after every
 * screen above it closes. */
void glance_build(glance *g, ui_app *app);
void glance_free(glance *g);
/* Draw from row y; returns the rows used. */
int glance_draw(const glance *g, ui_app *app, int y);

#endif
