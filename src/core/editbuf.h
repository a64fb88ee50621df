/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * editbuf: the state of a text field being edited — code points, cursor and
 * scroll — with no drawing, so every key's effect can be unit-tested.
 * Widths are display cells (CJK = 2). Single-line buffers scroll
 * horizontally; multi-line buffers wrap at a width and move by visual rows.
 */
#ifndef KP_EDITBUF_H
#define KP_EDITBUF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t *cp;
	size_t len, cap;
	size_t cur;       /* cursor: index before which typing inserts */
	size_t hscroll;   /* single-line: first visible code point */
	size_t max_chars; /* 0 = unlimited */
	bool multiline;
	/* The whole value is selected (a field just entered): the first
	 * printable key or Delete replace it; Backspace and a cursor key
	 * start editing in place (the 5250 and spreadsheet convention),
	 * Backspace removing the last character. */
	bool sel;
} editbuf;

/* One visual row of a wrapped buffer: code points [start, end). */
typedef struct {
	size_t start, end;
} eb_row;

void eb_init(editbuf *b, size_t max_chars, bool multiline);
void eb_free(editbuf *b);
/* Replace the content with a UTF-8 string; cursor at the end. */
void eb_set(editbuf *b, const char *utf8);
/* Select the whole value, when there is one; the cursor goes to the end. */
void eb_select_all(editbuf *b);
/* The content as a new UTF-8 string. */
char *eb_text(const editbuf *b);

/* Insert cp at the cursor, or in place of a selection. Refused (false)
 * when the buffer is full, for control characters, and for '\n' in a
 * single-line buffer. */
bool eb_insert(editbuf *b, uint32_t cp);
bool eb_backspace(editbuf *b); /* removes one whole character */
bool eb_delete(editbuf *b);
/* On a selection (the cursor at its end) a move ends it and moves on from
 * there, as in a spreadsheet's cell: Left goes before the last character. */
void eb_left(editbuf *b);
void eb_right(editbuf *b);
void eb_home(editbuf *b);      /* start of the (logical) line */
void eb_end(editbuf *b);
void eb_kill_to_end(editbuf *b);
void eb_clear(editbuf *b);

/* Single-line: adjust hscroll so the cursor is visible in width cells and
 * return the cursor's column relative to the first visible character. */
int eb_view(editbuf *b, int width);

/* A single-line buffer laid out in a window of width cells: scrolled so
 * the cursor shows (eb_view); while the start is hidden the first cell
 * holds 「<」 (mark) and the text starts after it. right: the text ends at
 * the window's last cell as the numbers around it do, the cursor after it
 * in the cell past the window (the caller leaves it free: a column's gap).
 * lead: cells before the text; cursor: its cell from the window's left. */
typedef struct {
	int lead, cursor;
	bool mark;
} eb_line;
eb_line eb_lay(editbuf *b, int width, bool right);

/* Multi-line: wrap at width cells. Returns the number of rows (>= 1);
 * *rows is a new array the caller frees. */
size_t eb_wrap(const editbuf *b, int width, eb_row **rows);
/* The visual row and column of the cursor in a wrapped layout. */
void eb_cursor_rc(const editbuf *b, const eb_row *rows, size_t nrows, size_t *row, int *col);
/* Move the cursor one visual row up or down, keeping its column. Returns
 * false at the first or last row (so the caller can leave the field). */
bool eb_up(editbuf *b, int width);
bool eb_down(editbuf *b, int width);

#endif
