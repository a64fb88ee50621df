/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * drafts_model: what the 未保存的草稿 screen (after sign-in) is — the
 * account's pending drafts (domain/drafts.c decides which are offered),
 * the selection and one mode (browsing, or asking before dropping the
 * selected draft) — and what a key does to it. Each key returns a
 * dm_result: handled, open the draft's form, dropped, kept, on to the
 * menu. It never draws, never reads the terminal's size (the page's rows
 * come in dm_ctx) and never writes the status line: drafts_screen.c draws
 * it and acts on the result; tests/unit/test_drafts_model.c drives it
 * with no terminal.
 */
#ifndef KP_DRAFTS_MODEL_H
#define KP_DRAFTS_MODEL_H
#include <stdbool.h>
#include <stddef.h>

#include "domain/drafts.h"
#include "ui/keymap.h"
#include "ui/scrollwin.h"

typedef enum { DM_BROWSE, DM_CONFIRM_DROP } dm_mode;

typedef enum {
	DM_HANDLED, /* moved, or a key that does nothing here */
	DM_OPEN,    /* continue draft `draft` in `form` (record `record_id`, 0: new) */
	DM_DROPPED, /* the selected draft was deleted (asked and answered y) */
	DM_KEPT,    /* asked, answered n: nothing deleted */
	DM_REFUSED, /* the store would not delete it: nothing changed */
	DM_MENU,    /* on to the menu, every draft kept (or none left) */
	DM_DROPPED_LAST, /* the last draft was deleted: on to the menu */
	DM_CLOSED   /* the selected draft's year was closed by the city: not opened */
} dm_kind;

typedef struct {
	dm_kind kind;
	long long draft;     /* DM_OPEN */
	const kp_form *form; /* DM_OPEN */
	long long record_id; /* DM_OPEN */
} dm_result;

typedef struct {
	kp_env *env;
	const char *user; /* the account whose drafts they are */
	size_t rows;      /* list rows on a page (PgUp/PgDn) */
} dm_ctx;

typedef struct {
	kp_pending *p;
	size_t n, sel;
	dm_mode mode;
	scrollwin win;  /* the drafts shown (dm_arrange) */
	char more[160]; /* how many are not: 「↑ 上面还有 N 项  ↓ 还有 N 项」 */
	char *dropped; /* the last load's notice of drafts dropped (records decided since), or NULL */
} drafts_model;

/* Read the account's drafts afresh (at the start, and back from a
 * draft's form: saved or not); the selection stays within them. Drafts
 * of records submitted or approved since are dropped (drafts_pending):
 * m->dropped names them, for the screen to say. */
void dm_load(drafts_model *m, const dm_ctx *c);
void dm_free(drafts_model *m);
/* Back from a draft's form: read afresh; DM_MENU when none is left (the
 * last saved or discarded there), so the clerk goes on, not to an empty
 * list whose keys do nothing. */
dm_result dm_resume(drafts_model *m, const dm_ctx *c);
dm_result dm_key(drafts_model *m, const dm_ctx *c, kp_key key);
/* The drafts that fit in lines with the selection among them; the last
 * line says how many do not (sw_fit), so none is hidden unsaid. */
void dm_arrange(drafts_model *m, int lines);
/* Does the binding's action act now (the key line, F1's help)? Enter and
 * F8 only with a draft selected; y and n only while asking. */
bool dm_acts(const void *model, const void *ctx, kp_action a);
/* What a draft's row says of its record: 「第 12 号记录」 or 「新记录」. */
void dm_record_text(const kp_pending *p, char *out, size_t len);
/* The cells the record column needs: its widest text, so none is cut
 * (a fixed 10 cut 「第 1 号记>」). */
int dm_record_w(const drafts_model *m);

#endif
