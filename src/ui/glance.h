/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * glance: the lines above the main menu that answer "what is due, what is
 * late, what came back, how far along": today, the next open deadlines with
 * days left, the overdue items by name, a unit's returned records with the
 * city's reasons, and the progress of the chosen unit (or of all units).
 * Built from the database (glance_build), laid out into lines for a
 * terminal's width once per build or resize (glance_arrange: so the menu
 * knows their height before drawing), and printed as laid out
 * (glance_draw, which changes nothing).
 */
#ifndef KP_GLANCE_H
#define KP_GLANCE_H
#include "domain/checklist.h"
#include "domain/progress.h"
#include "ui/shell.h"
#include "ui/theme.h"

/* A piece of text at a row and column of the glance, in `rows` lines
 * wrapped whole (wrap) or one line cut with a mark. */
typedef struct {
	int row, x, w, rows;
	bool wrap;
	kp_role role;
	char *text;
} gl_piece;

typedef struct {
	kp_checklist c;
	kp_progress p;
	char **returned;      /* a unit's: each returned record with its reason */
	size_t nreturned;
	long long more_returned; /* returned beyond those listed */
	bool built;
	gl_piece *pieces;     /* laid out (glance_arrange) */
	size_t npieces, cap;
	int height;           /* rows the pieces take */
	int cols;             /* the width laid out for; 0: not yet */
} glance;

/* (Re)compute from the database: when the menu opens and after every
 * screen above it closes. */
void glance_build(glance *g, ui_app *app);
void glance_free(glance *g);
/* Lay the lines out for a terminal cols wide (again only after a build
 * or when cols changed); returns the rows they take. */
int glance_arrange(glance *g, const ui_app *app, int cols);
/* Print the laid-out lines from row y. */
void glance_draw(const glance *g, int y);

#endif
