/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * popup: a filterable list of options drawn in an ASCII frame. Typing
 * filters (by substring of the option text), Up/Down move, Enter takes the
 * highlighted option, Esc cancels, Tab moves on as it does elsewhere (see
 * popup_key and popup_key_field). The items are borrowed, not copied.
 */
#ifndef KP_POPUP_H
#define KP_POPUP_H
#include <stdbool.h>
#include <stddef.h>

#include "core/editbuf.h"
#include "form/form.h"
#include "ui/keymap.h"

#define POPUP_ROWS 10 /* items shown at once; PgUp/PgDn move by as many */

typedef struct {
	const char *title;
	char *const *items;
	size_t n;
	editbuf filter;
	size_t *match; /* indexes of items passing the filter */
	size_t nmatch, sel, top;
	bool open;
	bool picked; /* the clerk typed a filter or moved the highlight */
	bool moved;  /* …moved it since the filter last changed: a pick by hand */
	/* Other spellings of items (a list's aliases: 大专 for 大学专科):
	 * typing one, or its pinyin, finds the item. */
	char *const *alias_from, *const *alias_to;
	size_t naliases;
} popup;

typedef enum {
	POPUP_CONTINUE,
	POPUP_ACCEPT,
	POPUP_CANCEL,
	POPUP_NEXT, /* popup_key_field: Tab, on to the next field */
	POPUP_PREV, /* …Shift-Tab, back to the previous one */
	POPUP_NOMATCH /* …Tab, Shift-Tab or Enter with a filter typed that finds
		       * nothing: the popup stays open, the field refuses it */
} popup_result;

/* popup_key_field's *chosen when the clerk picked nothing in the popup:
 * the field keeps its value (nothing is guessed from a highlight). */
#define POPUP_KEEP ((size_t)-1)

/* Open over items with the highlight on `current` (or the first when -1)
 * and, if first is non-zero, that character already typed as the filter. */
void popup_open(popup *p, const char *title, char *const *items, size_t n, int current,
		uint32_t first);
/* Let the open popup also match items by these other spellings. */
void popup_aliases(popup *p, char *const *from, char *const *to, size_t n);
/* The one item of l (its aliases too) that text finds as a typed filter
 * finds it, or -1 when none or several: a pasted cell takes it (民盟 →
 * 民盟盟员), never a guess among several, nor by Latin letters read as
 * pinyin initials. */
int popup_unique(const kp_list *l, size_t n, const char *text);
void popup_close(popup *p);
/* Handle one key; on POPUP_ACCEPT *chosen is the item's index. For a
 * popup with no field after it (a picker, a prompt): Tab (or Shift-Tab)
 * takes the highlighted item as Enter does when the clerk picked it here
 * (typed a filter or moved the highlight), and does nothing otherwise. */
popup_result popup_key(popup *p, kp_key key, size_t *chosen);
/* The same for a popup over a form's field: Tab leaves it for the next
 * field (POPUP_NEXT), Shift-Tab for the previous one (POPUP_PREV), with
 * *chosen the highlighted item when the clerk picked it here, else
 * POPUP_KEEP (the field keeps its value) — but never with a typed filter
 * that finds nothing (POPUP_NOMATCH): that text was meant for this field,
 * and moving on would drop it and put the next value one field off. */
popup_result popup_key_field(popup *p, kp_key key, size_t *chosen);
/* Draw below row `below` (or above row `above` when there is no room),
 * starting at column x. */
void popup_draw(popup *p, int below, int above, int x);

#endif
