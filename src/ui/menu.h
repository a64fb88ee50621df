/* SPDX-License-Identifier: MulanPSL-2.0 */
/* menu: the main menu — every form (digits open 附表1-9 directly), every
 * form's record list, the unit new records go to, and quit. */
#ifndef KP_MENU_H
#define KP_MENU_H
#include "ui/app.h"

ui_screen *menu_new(ui_app *app);

#endif
