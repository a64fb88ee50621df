/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/review_prompt.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "ui/draw.h"

void review_prompt_init(review_prompt *p)
{
	*p = (review_prompt){0};
	eb_init(&p->reason, 200, false);
}

void review_prompt_free(review_prompt *p)
{
	popup_close(&p->actions);
	eb_free(&p->reason);
	free(p->ids);
}

void review_prompt_open(review_prompt *p, ui_app *app, const kp_form *f, const kp_record *r)
{
	if (!f->review)
		return;
	kp_state st = state_of(r->state);
	size_t n = 0;
	for (int a = 0; a < REV_COUNT; a++)
		if (review_allowed(app->env->store, st, (kp_review)a)) {
			p->offered[n] = (kp_review)a;
			p->labels[n++] = review_label((kp_review)a);
		}
	if (!n) {
		app_status(app, true, msg(MSG_UI_NO_REVIEW), state_label(st));
		return;
	}
	p->form = f;
	p->id = r->id;
	popup_open(&p->actions, msg(MSG_UI_REVIEW_TITLE), (char **)p->labels, n, 0, 0);
}

void review_prompt_open_many(review_prompt *p, ui_app *app, const kp_form *f, const long long *ids,
			     size_t n)
{
	/* Offered when a draft or a returned record may be submitted by this
	 * session; the store decides for each record. */
	if (!f->review || (!review_allowed(app->env->store, ST_DRAFT, REV_SUBMIT) &&
			   !review_allowed(app->env->store, ST_RETURNED, REV_SUBMIT))) {
		app_status(app, true, "%s", msg(MSG_UI_NONE_TO_SUBMIT));
		return;
	}
	free(p->ids);
	p->ids = xcalloc(n ? n : 1, sizeof *ids);
	memcpy(p->ids, ids, n * sizeof *ids);
	p->nids = n;
	p->form = f;
	p->offered[0] = REV_SUBMIT;
	p->labels[0] = review_label(REV_SUBMIT);
	snprintf(p->title, sizeof p->title, msg(MSG_UI_REVIEW_MANY), n);
	popup_open(&p->actions, p->title, (char **)p->labels, 1, 0, 0);
}

/* Submit each marked record; say how many went and which did not, why. */
static void apply_many(review_prompt *p, ui_app *app)
{
	size_t done = 0, failed = 0;
	strbuf why = STRBUF_INIT;
	for (size_t i = 0; i < p->nids; i++) {
		char *err = NULL;
		if (review_apply(app->env, p->form, p->ids[i], REV_SUBMIT, NULL, &err) == 0) {
			done++;
		} else {
			if (failed++)
				sb_adds(&why, "；");
			sb_printf(&why, msg(MSG_UI_NOT_SUBMITTED_ONE), p->ids[i], err ? err : "");
		}
		free(err);
	}
	char head[128];
	snprintf(head, sizeof head, msg(MSG_UI_SUBMITTED_MANY), done);
	char tail[sizeof app->status];
	snprintf(tail, sizeof tail, msg(MSG_UI_NOT_SUBMITTED), failed, sb_str(&why));
	app_status(app, failed > 0, "%s%s", head, failed ? tail : "");
	sb_free(&why);
	free(p->ids);
	p->ids = NULL;
	p->nids = 0;
}

bool review_prompt_active(const review_prompt *p)
{
	return p->actions.open || p->asking_reason;
}

static void apply(review_prompt *p, ui_app *app, const char *reason)
{
	char *err = NULL;
	if (review_apply(app->env, p->form, p->id, p->pending, reason, &err) == 0)
		app_status(app, false, msg(MSG_UI_REVIEWED), p->id, state_label(review_target(p->pending)));
	else
		app_status(app, true, "%s", err);
	free(err);
}

bool review_prompt_key(review_prompt *p, ui_app *app, kp_key key)
{
	if (p->actions.open) {
		size_t chosen;
		popup_result r = popup_key(&p->actions, key, &chosen);
		if (r == POPUP_CONTINUE)
			return false;
		popup_close(&p->actions);
		if (r != POPUP_ACCEPT) {
			p->nids = 0; /* the marks stay in the list */
			return false;
		}
		p->pending = p->offered[chosen];
		if (p->nids) {
			apply_many(p, app);
			return true;
		}
		if (review_needs_reason(p->pending)) {
			eb_clear(&p->reason);
			p->asking_reason = true;
			return false;
		}
		apply(p, app, NULL);
		return true;
	}
	/* The reason of a return, typed on the status line; Enter applies it. */
	switch (keymap_lookup(CTX_CELL, key)) {
	case ACT_ACCEPT: {
		char *why = eb_text(&p->reason);
		p->asking_reason = false;
		apply(p, app, why);
		free(why);
		return true;
	}
	case ACT_QUIT: p->asking_reason = false; return false;
	case ACT_LEFT: eb_left(&p->reason); return false;
	case ACT_RIGHT: eb_right(&p->reason); return false;
	case ACT_BACKSPACE: eb_backspace(&p->reason); return false;
	default: break;
	}
	if (!key.fn && key.code >= ' ' && key.code != 127)
		eb_insert(&p->reason, key.code);
	return false;
}

void review_prompt_draw(review_prompt *p, ui_app *app, int y)
{
	if (p->actions.open)
		popup_draw(&p->actions, y, y, 20);
	if (!p->asking_reason)
		return;
	char q[128];
	snprintf(q, sizeof q, msg(MSG_UI_ASK_REASON), review_label(p->pending));
	int w = draw_text(LINES - 2, 1, COLS - 2, q, theme_attr(R_ERROR), true);
	int cx = eb_view(&p->reason, COLS - 3 - w);
	draw_cps(LINES - 2, 1 + w, COLS - 2 - w, p->reason.cp + p->reason.hscroll,
		 p->reason.len - p->reason.hscroll, theme_attr(R_FIELD), true);
	app->cursor_y = LINES - 2;
	app->cursor_x = 1 + w + cx;
}
