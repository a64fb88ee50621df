/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * theme: colour roles, not colours. Screens ask for a role; one table maps
 * each role to a colour pair and to a monochrome attribute, used when the
 * terminal has no colours or NO_COLOR is set.
 */
#ifndef KP_THEME_H
#define KP_THEME_H
#include <curses.h>

typedef enum {
	R_NORMAL, R_TITLE, R_SECTION, R_LABEL, R_FIELD, R_FOCUS, R_ERROR_FIELD,
	R_STATUS, R_ERROR, R_HELP, R_KEYBAR, R_SELECTED, R_FRAME, R_REQUIRED,
	R_DONE, R_LATE, R_OVERDUE, R_BAR, R_COUNT
} kp_role;

void theme_init(void);
attr_t theme_attr(kp_role r);

#endif
