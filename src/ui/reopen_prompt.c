/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The city's reopening of a closed year: see reopen_prompt.h. */
#include "ui/reopen_prompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "ui/review_prompt.h"

void reopen_prompt_init(reopen_prompt *p)
{
	*p = (reopen_prompt){0};
	eb_init(&p->reason, YEAR_REASON_MAX, false);
}

static void clear(reopen_prompt *p)
{
	popup_close(&p->scope);
	for (size_t i = 0; i < 3; i++) {
		free(p->items[i]);
		p->items[i] = NULL;
	}
	p->stage = RP_CLOSED;
	p->reason_full = false;
}

void reopen_prompt_free(reopen_prompt *p)
{
	clear(p);
	eb_free(&p->reason);
}

void reopen_prompt_open(reopen_prompt *p, int year, const char *units)
{
	clear(p);
	p->year = year;
	size_t n = 0;
	p->choices[n] = RP_ALL;
	p->items[n++] = xasprintf(msg(MSG_UI_REOPEN_ALL), year);
	p->choices[n] = RP_ONE;
	p->items[n++] = xasprintf(msg(MSG_UI_REOPEN_ONE), year);
	if (units) { /* a unit's name is the database's: shown cleaned */
		char *clean = utf8_sanitize(units, false);
		p->choices[n] = RP_CLOSE_UNITS;
		p->items[n++] = xasprintf(msg(MSG_UI_REOPEN_CLOSE_UNITS), clean);
		free(clean);
	}
	snprintf(p->title, sizeof p->title, msg(MSG_UI_REOPEN_TITLE), year);
	popup_open(&p->scope, p->title, p->items, n, 0, 0);
	p->stage = RP_SCOPE;
}

bool reopen_prompt_active(const reopen_prompt *p) { return p->stage != RP_CLOSED; }

void reopen_prompt_picked(reopen_prompt *p, long long id, const char *name)
{
	char *clean = utf8_sanitize(name ? name : "", false);
	snprintf(p->unit_name, sizeof p->unit_name, "%s", clean);
	free(clean);
	p->unit = id;
	eb_clear(&p->reason);
	p->stage = RP_REASON;
}

/* Enter on the reason: the store reopens the year for the unit, or says
 * why not (no reason, already open, not the city's). */
static mr_result apply(reopen_prompt *p, kp_store *s)
{
	char *why = eb_text(&p->reason), *err = NULL;
	mr_result r = store_year_open_for(s, p->year, p->unit, why, &err) == KP_OK
		? mr_say(MR_SAVED, msg(MSG_Y_REOPENED_UNIT), p->year, p->unit_name)
		: mr_say(MR_REFUSED, "%s", err ? err : "");
	free(err);
	free(why);
	if (r.kind == MR_SAVED)
		clear(p);
	else /* the reason stays to be corrected (or Esc), above the refusal */
		p->reason_full = true;
	return r;
}

mr_result reopen_prompt_key(reopen_prompt *p, kp_store *s, kp_key key, int *choice)
{
	*choice = -1;
	if (p->stage == RP_SCOPE) {
		size_t k;
		popup_result r = popup_key(&p->scope, key, &k);
		if (r == POPUP_CONTINUE)
			return mr_done(MR_HANDLED);
		if (r == POPUP_ACCEPT)
			*choice = (int)p->choices[k];
		popup_close(&p->scope);
		if (*choice == RP_ONE)
			p->stage = RP_PICKING;
		else
			clear(p);
		return mr_done(MR_HANDLED);
	}
	if (p->stage != RP_REASON)
		return mr_done(MR_HANDLED);
	mr_result said;
	switch (reason_line_key(&p->reason, key, &p->reason_full, &said)) {
	case RL_ACCEPT:
		return apply(p, s);
	case RL_CANCEL:
		clear(p);
		return mr_say(MR_HANDLED, msg(MSG_UI_REOPEN_CANCELLED), p->year);
	case RL_TYPED:
		break;
	}
	return said;
}
