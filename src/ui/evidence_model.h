/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * evidence_model: what the 附件 screen is — one record of a form that
 * takes attachments, its files (read once per change), the selection and
 * its scroll, and one mode (browsing, or asking whether to detach the
 * selected file) — and what a key does (ev_key returns an ev_result:
 * handled, refused with why, close, receive a file from the PC, send the
 * selected one to it; the view hands the terminal over for those two and
 * gives a received file to ev_received). A PuTTY clerk, who has no ZMODEM,
 * attaches a file of the account's exchange folder chosen from a list of
 * them (F6: never a typed path) and puts a copy of one there (F7). The
 * store decides who may attach
 * and detach: a record another session deleted, or another unit's, is
 * refused with its words. It never draws; evidence_screen.c draws it and
 * tests/unit/test_evidence_model.c drives it with no terminal.
 */
#ifndef KP_EVIDENCE_MODEL_H
#define KP_EVIDENCE_MODEL_H
#include <stdbool.h>
#include <stdio.h>

#include "domain/env.h"
#include "domain/exchange.h"
#include "ui/keymap.h"
#include "ui/popup.h"

typedef enum {
	EV_BROWSE,
	EV_CONFIRM_DELETE,
	EV_PICK_FILE /* choosing a file of the exchange folder to attach (F6) */
} ev_mode;

typedef enum {
	EV_HANDLED,
	EV_REFUSED, /* text says why */
	EV_CLOSE,
	EV_RECEIVE, /* a file from the PC (ev_received with it) */
	EV_SEND     /* the selected file to the PC */
} ev_kind;

typedef struct {
	ev_kind kind;
	char text[512];
} ev_result;

typedef struct {
	kp_env *env;
	size_t rows;      /* rows on a page */
	const char *user; /* the account, whose exchange folder F6 and F7 use (NULL: none) */
} ev_ctx;

typedef struct {
	const kp_form *form;
	kp_record rec;         /* as read last (its state may move meanwhile) */
	kp_attachment *files;
	size_t n, sel, top;
	ev_mode mode;
	kp_exchange x;         /* the account's exchange folder, opened on F6 or F7 */
	bool folder;           /* …it is open */
	char **names;          /* EV_PICK_FILE: its files, offered in pick */
	size_t nnames;
	popup pick;
} evidence_model;

/* The record id of f with its files; EV_REFUSED (and nothing to free)
 * when the session may not see it or it is gone. */
ev_result ev_init(evidence_model *m, const ev_ctx *c, const kp_form *f, long long id);
void ev_free(evidence_model *m);
/* Does action a act now (kp_acts_fn): downloading and deleting need a
 * file, so a record with none has neither on its key line. */
bool ev_acts(const void *model, const void *ctx, kp_action a);
ev_result ev_key(evidence_model *m, const ev_ctx *c, kp_key key);
/* After EV_RECEIVE: the file received (in, or NULL with err when the
 * transfer failed), sent as name, size bytes: attached or refused. */
ev_result ev_received(evidence_model *m, const ev_ctx *c, FILE *in, const char *name, long long size,
		      const char *err);
/* The y/n question of EV_CONFIRM_DELETE, naming the file; "" else. */
void ev_question(const evidence_model *m, char *out, size_t len);

#endif
