/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/unit_picker.h"

#include <stdlib.h>

#include "core/msg.h"
#include "core/xalloc.h"

void picker_init(unit_picker *p, ui_app *app)
{
	p->n = store_units(app->env->store, &p->units);
	p->names = xcalloc(p->n ? p->n : 1, sizeof *p->names);
	for (size_t i = 0; i < p->n; i++)
		p->names[i] = p->units[i].name;
}

void picker_open(unit_picker *p, const ui_app *app)
{
	int last = -1;
	for (size_t i = 0; i < p->n; i++)
		if (p->units[i].id == app->pick_id)
			last = (int)i;
	popup_open(&p->pop, msg(MSG_UI_PICK_UNIT), p->names, p->n, last, 0);
}

popup_result picker_key(unit_picker *p, ui_app *app, kp_key key)
{
	size_t chosen;
	popup_result r = popup_key(&p->pop, key, &chosen);
	if (r == POPUP_CONTINUE)
		return r;
	popup_close(&p->pop);
	if (r == POPUP_ACCEPT)
		app_set_pick(app, p->units[chosen].id, p->units[chosen].name);
	return r;
}

void picker_draw(unit_picker *p, int y, int x)
{
	popup_draw(&p->pop, y, y, x);
}

void picker_free(unit_picker *p)
{
	popup_close(&p->pop);
	unit_list_free(p->units, p->n);
	free(p->names);
}
