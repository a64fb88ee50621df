/* SPDX-License-Identifier: MulanPSL-2.0 */
/* menu: the main menu's view — the glance, what waits (the city's queue,
 * a unit's counts by state), the items with a mark for those that do not
 * fit, a question on the status line; what the keys do is menu_model.c. */
#ifndef KP_MENU_H
#define KP_MENU_H
#include "ui/shell.h"

ui_screen *menu_new(ui_app *app);

#endif
