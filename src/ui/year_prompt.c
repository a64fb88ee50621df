/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/year_prompt.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "core/xalloc.h"

static void clear(year_prompt *p)
{
	popup_close(&p->years);
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
	free(p->values);
	p->items = NULL;
	p->values = NULL;
	p->n = 0;
}

void year_prompt_free(year_prompt *p) { clear(p); }

bool year_prompt_open(year_prompt *p, kp_store *s, const char *title, int from, char *why, size_t len)
{
	kp_year *y;
	size_t n = store_years(s, &y);
	clear(p);
	p->items = xcalloc(n + 1, sizeof *p->items);
	p->values = xcalloc(n + 1, sizeof *p->values);
	bool ahead = false; /* a year the session may not move into (not begun) */
	for (size_t i = 0; i < n; i++) {
		if (y[i].year == from)
			continue;
		if (!store_may_enter_year(s, y[i].year)) {
			ahead = true;
			continue;
		}
		p->values[p->n] = y[i].year;
		p->items[p->n++] = xasprintf(msg(MSG_UI_YEAR_ITEM), y[i].year);
	}
	years_free(y, n);
	if (!p->n) {
		snprintf(why, len, msg(ahead ? MSG_UI_NO_BEGUN_YEAR : MSG_UI_NO_OTHER_YEAR), from ? from : store_year(s));
		clear(p);
		return false;
	}
	snprintf(p->title, sizeof p->title, "%s", title);
	popup_open(&p->years, p->title, p->items, p->n, 0, 0);
	return true;
}

bool year_prompt_active(const year_prompt *p) { return p->years.open; }

bool year_prompt_key(year_prompt *p, kp_key key, int *to)
{
	size_t k;
	popup_result r = popup_key(&p->years, key, &k);
	if (r == POPUP_ACCEPT)
		*to = p->values[k];
	if (r != POPUP_CONTINUE)
		clear(p);
	return r == POPUP_ACCEPT;
}
