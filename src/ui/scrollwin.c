/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/scrollwin.h"

#include <stdio.h>

#include "core/msg.h"

scrollwin sw_fit(size_t n, size_t sel, size_t top, int lines)
{
	scrollwin w = {0, n, 0, false};
	if (lines < 0)
		lines = 0;
	if (n <= (size_t)lines)
		return w;
	/* not all fit: the last line says how many are hidden (at least one row shows) */
	size_t rows = lines > 1 ? (size_t)lines - 1 : 1;
	w.mark = lines > 1;
	if (sel >= n)
		sel = n ? n - 1 : 0;
	if (sel < top)
		top = sel;
	else if (sel >= top + rows)
		top = sel - rows + 1;
	if (top > n - rows)
		top = n - rows;
	w.top = top;
	w.shown = rows;
	w.below = n - top - rows;
	return w;
}

bool sw_move(size_t *sel, size_t n, kp_action a, size_t page)
{
	size_t last = n ? n - 1 : 0;
	switch (a) {
	case ACT_UP: *sel = *sel ? *sel - 1 : 0; return true;
	case ACT_DOWN: *sel = *sel < last ? *sel + 1 : *sel; return true;
	case ACT_PAGE_UP: *sel = *sel > page ? *sel - page : 0; return true;
	case ACT_PAGE_DOWN: *sel = *sel + page < last ? *sel + page : last; return true;
	case ACT_HOME: *sel = 0; return true;
	case ACT_END: *sel = last; return true;
	default: return false;
	}
}

void sw_mark(const scrollwin *w, char *out, size_t len)
{
	sw_mark_n(w->top, false, w->below, false, out, len);
}

void sw_mark_n(size_t above, bool above_more, size_t below, bool below_more, char *out, size_t len)
{
	char up[64] = "", down[64] = "";
	if (above)
		snprintf(up, sizeof up, msg(above_more ? MSG_UI_MORE_ABOVE_MANY : MSG_UI_MORE_ABOVE), above);
	if (below)
		snprintf(down, sizeof down, msg(below_more ? MSG_UI_MORE_BELOW_MANY : MSG_UI_MORE_BELOW), below);
	snprintf(out, len, "%s%s%s", up, up[0] && down[0] ? "  " : "", down);
}
