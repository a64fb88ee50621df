/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * year_prompt: F5 on a record of a list — a popup of the other programme
 * years opened, and the record moved into the one chosen (#27). The store
 * decides whether the session may move it and whether the year's rules
 * hold; a refusal is said on the status line. Used by the list.
 */
#ifndef KP_YEAR_PROMPT_H
#define KP_YEAR_PROMPT_H
#include "ui/app.h"
#include "ui/popup.h"

typedef struct {
	const kp_form *form;
	long long id;      /* the record to move */
	popup years;
	char **items;      /* 「2017 年度」 */
	int *values;       /* the year of each item */
	size_t n;
} year_prompt;

void year_prompt_free(year_prompt *p);
/* Offer the years other than r's; when there are none the status says so. */
void year_prompt_open(year_prompt *p, ui_app *app, const kp_form *f, const kp_record *r);
bool year_prompt_active(const year_prompt *p);
/* One key; true when the record was moved (the caller reloads). */
bool year_prompt_key(year_prompt *p, ui_app *app, kp_key key);
void year_prompt_draw(year_prompt *p, int y);

#endif
