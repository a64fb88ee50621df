/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 附件: the files attached to one record as evidence (#19) — name, type,
 * size, who sent them and when. A clerk sends one from the PC with ZMODEM
 * (rz), anyone who may see the record downloads one (sz), and one is
 * removed while its record may still be changed. The store decides; this
 * screen only asks. */
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
#include "ui/screens.h"

#define NAME_W 24
#define TYPE_W 6
#define SIZE_W 10
#define BY_W 10

typedef struct {
	ui_screen base;
	const kp_form *form;
	kp_record rec;
	kp_attachment *files;
	size_t n, sel;
	int top;
	bool confirm_delete;
} evidence_screen;

static void reload(evidence_screen *es, ui_app *app)
{
	attachments_free(es->files, es->n);
	es->n = store_attachments(app->env->store, es->form, es->rec.id, &es->files);
	if (es->sel >= es->n)
		es->sel = es->n ? es->n - 1 : 0;
	/* The record's state may have moved meanwhile (the city's review). */
	kp_record r;
	if (store_get(app->env->store, es->form, es->rec.id, &r, NULL) == KP_OK) {
		record_free(&es->rec);
		es->rec = r;
	}
}

static void evidence_draw(ui_screen *s, ui_app *app)
{
	evidence_screen *es = (evidence_screen *)s;
	char title[256], hint[256];
	snprintf(title, sizeof title, msg(MSG_UI_EV_TITLE), es->form->title, es->rec.id);
	if (es->form->review) {
		size_t tl = strlen(title);
		snprintf(title + tl, sizeof title - tl, "（%s）", state_label(state_of(es->rec.state)));
	}
	snprintf(hint, sizeof hint, msg(MSG_UI_EV_HINT), es->form->evidence->max_mib,
		 es->form->evidence->max_files);
	app_chrome(app, title, es->rec.unit_name, hint, es->confirm_delete ? CTX_CONFIRM : CTX_FILES);
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
	if (!es->n)
		draw_text(y + 2, 2, COLS - 4, msg(MSG_UI_EV_NONE), theme_attr(R_LABEL), false);
	es->top = app_scroll(es->sel, es->top, rows);
	for (int k = 0; k < rows && es->top + k < (int)es->n; k++) {
		const kp_attachment *a = &es->files[es->top + k];
		attr_t at = theme_attr((size_t)(es->top + k) == es->sel ? R_SELECTED : R_NORMAL);
		char size[32];
		evidence_size_text(a->size, size, sizeof size);
		const char *cell[] = {a->name, a->type, size, a->by, a->at};
		draw_fill(y + 1 + k, 0, COLS, at);
		for (int c = 0; c < 5; c++)
			draw_text(y + 1 + k, x[c], w[c], cell[c], at, false);
	}
	if (es->confirm_delete && es->n) {
		char *ask = xasprintf(msg(MSG_UI_EV_ASK_DELETE), es->files[es->sel].name);
		draw_text(LINES - 2, 1, COLS - 2, ask, theme_attr(R_ERROR), true);
		free(ask);
	}
}

/* F5: one file from the PC by ZMODEM, checked and stored. */
static void receive(evidence_screen *es, ui_app *app)
{
	if (!exchange_have("rz")) {
		app_status(app, true, "%s", msg(MSG_UI_TR_NO_RZ));
		return;
	}
	/* Said before the transfer, not after it (the store decides anyway). */
	if (es->form->review && !store_may_edit_state(app->env->store, es->rec.state)) {
		app_status(app, true, msg(MSG_UI_EV_LOCKED), state_label(state_of(es->rec.state)));
		return;
	}
	int max = es->form->evidence->max_mib;
	ui_leave_curses();
	printf("\r\n");
	printf(msg(MSG_UI_TR_RZ_START), max);
	printf("\r\n");
	char *err = NULL, *name = NULL;
	long long size = 0, id = 0;
	FILE *in = exchange_receive(app->env->db, max, &name, &size, &err);
	ui_resume_curses();
	if (in && evidence_add(app->env, es->form, es->rec.id, in, name, size, &id, &err) == 0) {
		char sz[32];
		evidence_size_text(size, sz, sizeof sz);
		reload(es, app);
		for (size_t i = 0; i < es->n; i++)
			if (es->files[i].id == id) {
				es->sel = i;
				app_status(app, false, msg(MSG_UI_EV_ADDED), es->files[i].name, es->files[i].type, sz);
			}
	} else {
		app_status(app, true, "%s", err ? err : "");
	}
	if (in)
		fclose(in);
	free(name);
	free(err);
}

/* Enter or F4: the selected file to the PC by ZMODEM. */
static void send(evidence_screen *es, ui_app *app)
{
	if (!es->n)
		return;
	if (!exchange_have("sz")) {
		app_status(app, true, "%s", msg(MSG_UI_EV_NO_SZ));
		return;
	}
	const kp_attachment *a = &es->files[es->sel];
	char *err = NULL;
	ui_leave_curses();
	int rc = evidence_send(app->env, es->form, a, &err);
	ui_resume_curses();
	if (rc == 0)
		app_status(app, false, msg(MSG_UI_TR_SENT), a->name);
	else
		app_status(app, true, "%s", err ? err : msg(MSG_UI_EV_SEND_FAILED));
	free(err);
}

static void delete_selected(evidence_screen *es, ui_app *app)
{
	char *err = NULL, *name = xstrdup(es->files[es->sel].name);
	if (store_detach(app->env->store, es->form, es->files[es->sel].id, &err) == KP_OK)
		app_status(app, false, msg(MSG_UI_EV_DELETED), name);
	else
		app_status(app, true, "%s", err);
	free(err);
	free(name);
	reload(es, app);
}

static void evidence_key(ui_screen *s, ui_app *app, kp_key key)
{
	evidence_screen *es = (evidence_screen *)s;
	if (es->confirm_delete) {
		kp_action a = keymap_lookup(CTX_CONFIRM, key);
		if (a == ACT_YES)
			delete_selected(es, app);
		if (a == ACT_YES || a == ACT_NO)
			es->confirm_delete = false;
		return;
	}
	kp_action a = keymap_lookup(CTX_FILES, key);
	if (app_move(&es->sel, es->n, a, 1))
		return;
	switch (a) {
	case ACT_RECEIVE: receive(es, app); break;
	case ACT_SEND: send(es, app); break;
	case ACT_DELETE_RECORD:
		if (es->n && es->form->review && !store_may_edit_state(app->env->store, es->rec.state))
			app_status(app, true, msg(MSG_UI_EV_LOCKED), state_label(state_of(es->rec.state)));
		else if (es->n)
			es->confirm_delete = true;
		break;
	case ACT_QUIT: es->base.closing = true; break;
	default: break;
	}
}

static void evidence_destroy(ui_screen *s)
{
	evidence_screen *es = (evidence_screen *)s;
	attachments_free(es->files, es->n);
	record_free(&es->rec);
	free(es);
}

ui_screen *evidence_screen_new(ui_app *app, const kp_form *f, long long record_id)
{
	evidence_screen *es = xcalloc(1, sizeof *es);
	es->base = (ui_screen){evidence_draw, evidence_key, NULL, evidence_destroy, NULL, false};
	es->form = f;
	char *err = NULL;
	if (store_get(app->env->store, f, record_id, &es->rec, &err) != KP_OK) {
		app_status(app, true, msg(MSG_UI_NO_SUCH_RECORD), record_id);
		free(err);
		free(es);
		return NULL;
	}
	reload(es, app);
	return &es->base;
}
