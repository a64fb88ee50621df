/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 附件: the files attached to one record as evidence (#19) — name, type,
 * size, who sent them and when. A clerk sends one from the PC with ZMODEM
 * (rz) or takes one from the account's exchange folder (F6, for PuTTY),
 * anyone who may see the record downloads one (sz, or F7 into the
 * folder), and one is
 * removed while its record may still be changed. The view of
 * evidence_model: it draws, hands the terminal to rz and sz, and shows
 * what a key's result says; the store decides. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/evidence.h"
#include "domain/exchange.h"
#include "domain/review.h"
#include "ui/draw.h"
#include "ui/evidence_model.h"
#include "ui/handover.h"
#include "ui/screens.h"

#define NAME_W 24
#define TYPE_W 6
#define SIZE_W 10
#define BY_W 10

typedef struct {
	ui_screen base;
	evidence_model m;
} evidence_screen;

static ev_ctx ctx_of(ui_app *app)
{
	int rows = app_body_height() - 2;
	return (ev_ctx){app->env, rows > 1 ? (size_t)rows : 1, app->user};
}

static void evidence_draw(ui_screen *s, ui_app *app)
{
	const evidence_model *m = &((evidence_screen *)s)->m;
	char title[256], hint[256];
	snprintf(title, sizeof title, msg(MSG_UI_EV_TITLE), m->form->title, m->rec.id);
	if (m->form->review) {
		size_t tl = strlen(title);
		snprintf(title + tl, sizeof title - tl, "（%s）", state_label(state_of(m->rec.state)));
	}
	snprintf(hint, sizeof hint, msg(MSG_UI_EV_HINT), m->form->evidence->max_mib, m->form->evidence->max_files);
	app_keys(app, ev_acts, m, NULL);
	app_chrome(app, title, m->rec.unit_name, hint,
		   m->mode == EV_CONFIRM_DELETE ? CTX_CONFIRM : m->mode == EV_PICK_FILE ? CTX_POPUP : CTX_FILES);
	int y = app_body_top(), rows = app_body_height() - 2;
	int x[] = {1, 2 + NAME_W, 3 + NAME_W + TYPE_W, 4 + NAME_W + TYPE_W + SIZE_W,
		   5 + NAME_W + TYPE_W + SIZE_W + BY_W};
	int w[] = {NAME_W, TYPE_W, SIZE_W, BY_W, COLS - x[4] - 1};
	static const enum kp_msg_id head[] = {MSG_UI_EV_NAME, MSG_UI_EV_TYPE, MSG_UI_EV_SIZE,
					      MSG_UI_EV_BY, MSG_UI_EV_AT};
	attr_t h = theme_attr(R_SECTION) | A_UNDERLINE;
	draw_fill(y, 0, COLS, h);
	for (int c = 0; c < 5; c++)
		draw_text(y, x[c], w[c], msg(head[c]), h, false);
	if (!m->n) { /* its keys as this keyboard has them (「按 ^Y」 on a VT100) */
		char said[512];
		keymap_say(CTX_FILES, msg(MSG_UI_EV_NONE), said, sizeof said);
		draw_text(y + 2, 2, COLS - 4, said, theme_attr(R_LABEL), false);
	}
	for (int k = 0; k < rows && m->top + (size_t)k < m->n; k++) {
		size_t i = m->top + (size_t)k;
		const kp_attachment *a = &m->files[i];
		attr_t at = theme_attr(i == m->sel ? R_SELECTED : R_NORMAL);
		char size[32];
		evidence_size_text(a->size, size, sizeof size);
		const char *cell[] = {a->name, a->type, size, a->by, a->at};
		draw_fill(y + 1 + k, 0, COLS, at);
		for (int c = 0; c < 5; c++)
			draw_text(y + 1 + k, x[c], w[c], cell[c], at, false);
	}
	if (m->mode == EV_PICK_FILE) /* the exchange folder's files, over the list */
		popup_draw(&((evidence_screen *)s)->m.pick, y, y, 4);
	char ask[512];
	ev_question(m, ask, sizeof ask);
	if (ask[0])
		draw_text(LINES - 2, 1, COLS - 2, ask, theme_attr(R_ERROR), true);
}

/* F5: one file from the PC by ZMODEM, then checked and stored by the model. */
static ev_result receive(evidence_screen *es, ui_app *app, const ev_ctx *c)
{
	if (!exchange_have("rz")) {
		ev_result r = {EV_REFUSED, ""};
		snprintf(r.text, sizeof r.text, "%s", msg(MSG_UI_TR_NO_RZ));
		return r;
	}
	int max = es->m.form->evidence->max_mib;
	char *say = xasprintf(msg(MSG_UI_TR_RZ_START), max);
	ui_leave_curses_saying(say);
	free(say);
	char *err = NULL, *name = NULL;
	long long size = 0;
	FILE *in = exchange_receive(app->env->db, max, true, &name, &size, &err);
	ui_resume_curses();
	ev_result r = ev_received(&es->m, c, in, name, size, err);
	if (in)
		fclose(in);
	free(name);
	free(err);
	return r;
}

/* Enter or F4: the selected file to the PC by ZMODEM. */
static void send(evidence_screen *es, ui_app *app)
{
	if (!exchange_have("sz")) {
		app_status(app, true, "%s", msg(MSG_UI_EV_NO_SZ));
		return;
	}
	const kp_attachment *a = &es->m.files[es->m.sel];
	char *err = NULL;
	ui_leave_curses_saying(msg(MSG_UI_TR_SZ_START)); /* before sz's header, on its own line */
	int rc = evidence_send(app->env, es->m.form, a, &err);
	ui_resume_curses();
	if (rc == 0)
		app_status(app, false, msg(MSG_UI_TR_SENT), a->name);
	else if (rc == EXCHANGE_CANCELLED)
		app_status(app, true, "%s", msg(MSG_UI_EV_SEND_CANCELLED));
	else
		app_status(app, true, "%s", err ? err : msg(MSG_UI_EV_SEND_FAILED));
	free(err);
}

static void evidence_key(ui_screen *s, ui_app *app, kp_key key)
{
	evidence_screen *es = (evidence_screen *)s;
	ev_ctx c = ctx_of(app);
	ev_result r = ev_key(&es->m, &c, key);
	if (r.kind == EV_RECEIVE)
		r = receive(es, app, &c);
	else if (r.kind == EV_SEND)
		send(es, app);
	if (r.text[0])
		app_status(app, r.kind == EV_REFUSED, "%s", r.text);
	if (r.kind == EV_CLOSE)
		es->base.closing = true;
}

static void evidence_destroy(ui_screen *s)
{
	evidence_screen *es = (evidence_screen *)s;
	ev_free(&es->m);
	free(es);
}

ui_screen *evidence_screen_new(ui_app *app, const kp_form *f, long long record_id)
{
	evidence_screen *es = xcalloc(1, sizeof *es);
	es->base = (ui_screen){evidence_draw, evidence_key, NULL, evidence_destroy, NULL, false,
			       {SCR_NONE, NULL, NULL, 0}, NULL};
	ev_ctx c = ctx_of(app);
	ev_result r = ev_init(&es->m, &c, f, record_id);
	if (r.kind == EV_REFUSED) {
		app_status(app, true, "%s", r.text);
		evidence_destroy(&es->base);
		return NULL;
	}
	return &es->base;
}
