/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * unit_picker: the city chooses the unit a new record goes to (or a roll
 * shows) from a filterable list of the units of 附表1, for that screen only;
 * the last choice is offered first next time (app->pick_id).
 */
#ifndef KP_UNIT_PICKER_H
#define KP_UNIT_PICKER_H
#include "ui/app.h"
#include "ui/popup.h"

typedef struct {
	kp_unit *units;
	size_t n;
	char **names; /* borrowed from units, for the popup */
	popup pop;
} unit_picker;

void picker_init(unit_picker *p, ui_app *app);
void picker_open(unit_picker *p, const ui_app *app);
/* Handle a key while open. On POPUP_ACCEPT the chosen unit is the app's
 * pick; the popup closes on ACCEPT and CANCEL. */
popup_result picker_key(unit_picker *p, ui_app *app, kp_key key);
void picker_draw(unit_picker *p, int y, int x);
void picker_free(unit_picker *p);

#endif
