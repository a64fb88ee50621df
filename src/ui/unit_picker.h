/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * unit_picker: the city chooses the unit a new record goes to (or a roll
 * shows) from a filterable list of the units of 附表1 (typing a name or its
 * pinyin initials filters), for that screen only. A model: picker_key
 * returns what was chosen and the caller acts on it (the menu and the
 * list make it the app's pick, offered first next time). It never draws:
 * the caller draws p->pop with popup_draw. Whether an account is offered
 * the picker at all is the screens' models' to say (a unit account never
 * is: menu_model.c, list_model.c).
 */
#ifndef KP_UNIT_PICKER_H
#define KP_UNIT_PICKER_H
#include "store/store.h"
#include "ui/popup.h"

typedef struct {
	kp_unit *units;
	size_t n;
	char **names; /* borrowed from units, for the popup */
	popup pop;
} unit_picker;

typedef enum {
	PICK_OPEN,   /* still choosing */
	PICK_CHOSEN, /* a unit was chosen: id and name; the popup closed */
	PICK_NONE    /* cancelled: nothing chosen; the popup closed */
} pick_kind;

typedef struct {
	pick_kind kind;
	long long id;     /* PICK_CHOSEN */
	const char *name; /* PICK_CHOSEN: the picker's own, valid until picker_free */
} pick_result;

void picker_init(unit_picker *p, kp_store *s);
/* Open with the highlight on unit `last` (the previous choice; 0: none). */
void picker_open(unit_picker *p, long long last);
pick_result picker_key(unit_picker *p, kp_key key);
void picker_free(unit_picker *p);

#endif
