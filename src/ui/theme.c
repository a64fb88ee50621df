/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/theme.h"

#include <stdbool.h>
#include <stdlib.h>

static const struct {
	short fg, bg;
	attr_t color_extra; /* added to the pair in colour mode */
	attr_t mono;
} roles[R_COUNT] = {
	[R_NORMAL]      = {-1, -1, 0, A_NORMAL},
	[R_TITLE]       = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
	[R_SECTION]     = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[R_LABEL]       = {-1, -1, 0, A_NORMAL},
	[R_FIELD]       = {COLOR_BLACK, COLOR_WHITE, 0, A_UNDERLINE},
	[R_FOCUS]       = {COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE},
	[R_ERROR_FIELD] = {COLOR_WHITE, COLOR_RED, 0, A_REVERSE | A_BOLD},
	[R_STATUS]      = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[R_ERROR]       = {COLOR_RED, -1, A_BOLD, A_BOLD | A_REVERSE},
	[R_HELP]        = {-1, -1, A_DIM, A_DIM},
	[R_KEYBAR]      = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[R_SELECTED]    = {COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE},
	[R_FRAME]       = {-1, -1, 0, A_NORMAL},
	[R_REQUIRED]    = {COLOR_RED, -1, A_BOLD, A_BOLD},
	/* checklist states: the marks + ~ . ! carry the meaning, colour helps */
	[R_DONE]        = {COLOR_GREEN, -1, 0, A_NORMAL},
	[R_LATE]        = {COLOR_YELLOW, -1, 0, A_NORMAL},
	[R_OVERDUE]     = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[R_BAR]         = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
};

static bool use_color;

void theme_init(void)
{
	const char *no = getenv("NO_COLOR");
	use_color = has_colors() && !(no && no[0]);
	if (!use_color)
		return;
	start_color();
	use_default_colors();
	for (int r = 1; r < R_COUNT; r++)
		init_pair((short)r, roles[r].fg, roles[r].bg);
}

attr_t theme_attr(kp_role r)
{
	if (!use_color || r == R_NORMAL)
		return roles[r].mono;
	return COLOR_PAIR(r) | roles[r].color_extra;
}
