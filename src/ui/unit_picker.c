/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/unit_picker.h"

#include <stdlib.h>

#include "core/msg.h"
#include "core/xalloc.h"

void picker_init(unit_picker *p, kp_store *s)
{
	p->n = store_units(s, &p->units);
	p->names = xcalloc(p->n ? p->n : 1, sizeof *p->names);
	for (size_t i = 0; i < p->n; i++)
		p->names[i] = p->units[i].name;
}

void picker_open(unit_picker *p, long long last)
{
	int at = -1;
	for (size_t i = 0; i < p->n; i++)
		if (p->units[i].id == last)
			at = (int)i;
	popup_open(&p->pop, msg(MSG_UI_PICK_UNIT), p->names, p->n, at, 0);
}

pick_result picker_key(unit_picker *p, kp_key key)
{
	size_t chosen;
	popup_result r = popup_key(&p->pop, key, &chosen);
	if (r == POPUP_CONTINUE)
		return (pick_result){PICK_OPEN, 0, NULL};
	popup_close(&p->pop);
	if (r == POPUP_ACCEPT)
		return (pick_result){PICK_CHOSEN, p->units[chosen].id, p->units[chosen].name};
	return (pick_result){PICK_NONE, 0, NULL};
}

void picker_free(unit_picker *p)
{
	popup_close(&p->pop);
	unit_list_free(p->units, p->n);
	free(p->names);
}
