/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * draw: putting text on the screen by display width. Every string passes
 * through here, so text from the database is sanitised (no control, bidi or
 * zero-width characters reach the terminal) and clipped on a character
 * boundary, never in the middle of a CJK character.
 */
#ifndef KP_DRAW_H
#define KP_DRAW_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/editbuf.h"
#include "ui/theme.h"

/* Draw s at (y, x) in at most width cells with attr. Text that does not fit
 * is cut with a '>' in the last cell. With pad, the rest of width is filled
 * with spaces in attr. Returns the cells drawn (before padding). */
int draw_text(int y, int x, int width, const char *s, attr_t attr, bool pad);
/* The same for code points (edited text, already safe). */
int draw_cps(int y, int x, int width, const uint32_t *cp, size_t n, attr_t attr, bool pad);
void draw_fill(int y, int x, int width, attr_t attr);
/* A single-line buffer as eb_lay laid it in width cells from (y, x): 「<」
 * first while its start is hidden, 「>」 last while its end is; the rest
 * of the window filled in attr. */
void draw_edit(int y, int x, int width, const editbuf *b, eb_line l, attr_t attr);
/* s wrapped at width display cells over at most rows lines from (y, x);
 * text that needs more lines runs on in the last, cut there with 「>」.
 * Returns the lines used. */
int draw_wrapped(int y, int x, int width, int rows, const char *s, attr_t attr);
/* The lines s takes wrapped at width, as draw_wrapped draws it. */
int wrapped_height(int width, const char *s);
/* The empty cells of a field: a line to write on (___), ASCII so every
 * terminal draws it one cell wide. */
void draw_blanks(int y, int x, int width, attr_t attr);
/* A whole screen line in a role: text, padded to the full width. */
void draw_line(int y, const char *s, kp_role role);
/* An ASCII frame (+-|): box-drawing characters are ambiguous width and
 * break in CJK-font terminals. */
void draw_frame(int y, int x, int h, int w, attr_t attr);
/* A horizontal bar of width cells, filled to percent (0-100, clamped):
 * '#' for the done part, '.' for the rest (ASCII, so every terminal and
 * font draws it one cell wide, and it reads without colour). */
void draw_bar(int y, int x, int width, double percent, attr_t fill, attr_t rest);
/* printf then draw_line. */
void draw_linef(int y, kp_role role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
