/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * year_prompt: F5 on a record list — a popup of the other programme years
 * opened that the session may move into (#27), titled with what moves. It
 * only chooses: the list asks y/n and moves (list_model.c), the store
 * decides whether the session may. Used by the list. A model: it never
 * draws nor writes the status line (prompt_view.c draws it).
 */
#ifndef KP_YEAR_PROMPT_H
#define KP_YEAR_PROMPT_H
#include "ui/shell.h"
#include "ui/popup.h"

typedef struct {
	popup years;
	char title[256];   /* 「易德明」移到哪个年度, 已选 3 条移到哪个年度 */
	char **items;      /* 「2017 年度」 */
	int *values;       /* the year of each item */
	size_t n;
} year_prompt;

void year_prompt_free(year_prompt *p);
/* Offer the years other than `from` (0: every year) the session may move
 * into, under title; when there are none, false with why in why[len]. */
bool year_prompt_open(year_prompt *p, kp_store *s, const char *title, int from, char *why, size_t len);
bool year_prompt_active(const year_prompt *p);
/* One key; true when a year was chosen, in *to. */
bool year_prompt_key(year_prompt *p, kp_key key, int *to);
/* Draw the popup from row y (prompt_view.c). */
void year_prompt_draw(year_prompt *p, int y);

#endif
