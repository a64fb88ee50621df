/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * scrollwin: which rows of a table fit in the lines a screen has for them,
 * and the mark that says how many do not. When every row fits there is no
 * mark; when some are hidden one line goes to 「↓ 还有 N 项」 (or the rows
 * above), so nothing is ever cut without saying so. Pure arithmetic: the
 * screens' models lay their rows out with it once per change or resize,
 * and tests check it with no terminal.
 */
#ifndef KP_SCROLLWIN_H
#define KP_SCROLLWIN_H
#include <stdbool.h>
#include <stddef.h>

#include "ui/keymap.h"

typedef struct {
	size_t top;   /* the first row shown (the rows hidden above) */
	size_t shown; /* rows shown from top */
	size_t below; /* rows hidden below */
	bool mark;    /* a line is given to the mark (some rows are hidden) */
} scrollwin;

/* n rows in `lines` lines, row sel in view, top kept where it can be. */
scrollwin sw_fit(size_t n, size_t sel, size_t top, int lines);
/* Move a selection among n rows by Up, Down, PgUp/PgDn (page rows), Home
 * or End; false for any other action. */
bool sw_move(size_t *sel, size_t n, kp_action a, size_t page);
/* The mark's text: the rows hidden below and above; "" when none are. */
void sw_mark(const scrollwin *w, char *out, size_t len);
/* The same mark for counts a screen has itself (a list paged from the
 * database); _more: counted only that far (「↓ 还有 1000 多项」). Every
 * more-above/below mark is written here, so it reads the same everywhere. */
void sw_mark_n(size_t above, bool above_more, size_t below, bool below_more, char *out, size_t len);

#endif
