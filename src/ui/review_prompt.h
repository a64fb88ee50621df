/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * review_prompt: F9 on a reviewed record — a popup of the actions this user
 * may take on it (提交审核, 认定, 退回修改, 重新打开), then, for a return or
 * a reopening, the reason typed on the status line; or, for the records
 * marked in a list, 提交审核 of them all. Used by the list. A model: its
 * functions take keys and return what happened (an mr_result: handled;
 * saved, an action taken; refused, with why), never drawing
 * nor writing the status line; prompt_view.c draws it, and the store
 * decides what the session may do.
 */
#ifndef KP_REVIEW_PROMPT_H
#define KP_REVIEW_PROMPT_H
#include <time.h>

#include "core/editbuf.h"
#include "domain/review.h"
#include "ui/shell.h"
#include "ui/popup.h"

/* A return's reason, in characters (the audit and the clerk's notice show it whole). */
#define REVIEW_REASON_MAX 200

typedef struct {
	const kp_form *form;
	long long id;                 /* the record asked about */
	int version;                  /* …as it was shown: the decision is on it */
	popup actions;
	kp_review offered[REV_COUNT];
	const char *labels[REV_COUNT];
	bool asking_reason;
	bool reason_full;             /* something is said under the reason (a refused key; the reason kept) */
	bool confirming;              /* 认定 of a possible repeat: asked y/n, naming it */
	char dups[96];                /* the records it may repeat: 3、5 ("" none) */
	char twins[384];              /* its files also another record's (store_attachment_twins; "" none) */
	kp_review pending;
	editbuf reason;
	long long reason_draft;       /* the draft keeping the reason typed (reason_draft_keep), 0: none */
	char *reason_kept;            /* what that draft holds */
	time_t reason_at;             /* when it was last written */
	char title[256];              /* 审核第 12 号记录「…」, 审核（已选 3 条） */
	long long *ids;               /* the records marked for a submit of many */
	size_t nids;
} review_prompt;

void review_prompt_init(review_prompt *p);
void review_prompt_free(review_prompt *p);
/* Offer the actions on record r (as shown: its version is what is decided
 * on), named in the title with its number and name, and for the city with
 * the records it was marked as possibly repeating; when there are none the
 * result says why. */
mr_result review_prompt_open(review_prompt *p, kp_store *s, const kp_form *f, const kp_record *r);
/* Offer 提交审核 for the n records marked (ids), when the session may
 * submit records at all; each goes through the store on its own. */
mr_result review_prompt_open_many(review_prompt *p, const kp_store *s, const kp_form *f, const long long *ids,
				  size_t n);
/* Is it open (the popup, the reason or the repeat's question)? Then keys
 * go to it. */
bool review_prompt_active(const review_prompt *p);
/* One key: MR_SAVED when an action was taken (some of many may have
 * been refused: error), MR_REFUSED when the store refused it; the caller
 * reloads after either. */
mr_result review_prompt_key(review_prompt *p, kp_env *env, kp_key key);
/* n characters arriving at once (a paste without markers) while the reason
 * is typed: true when they would not all fit, with *why saying so — the
 * caller then drops them all, for a reason is taken whole or not at all. */
bool review_prompt_burst(review_prompt *p, size_t n, mr_result *why);
/* The same with the characters (the key and those after it): also true,
 * with *why naming it, when one is invisible (cp_refused_in_text) — the
 * whole burst is dropped, as a marked paste holding it is refused. */
bool review_prompt_burst_keys(review_prompt *p, const uint32_t *cps, size_t n, mr_result *why);
/* Text pasted (marked, or a row) while the reason is typed: taken whole
 * at the cursor, or refused whole with why — over the bound, more than one
 * line, or NULL: refused by the terminal, lost saying why (term.h's
 * term_paste_refusal: too long, no end mark, a NUL). */
mr_result review_prompt_paste(review_prompt *p, const char *text, const char *lost);
/* The reason being typed kept as a draft of this account and record, so
 * a hang-up loses nothing (the next return of the record starts with it):
 * when changed and due (now = false: after keys, at most every
 * DRAFT_EVERY_S) or at once (now = true: the terminal hung up). */
void review_prompt_persist(review_prompt *p, kp_env *env, bool now);
/* Draw over the list (the popup from row y) and place the cursor
 * (prompt_view.c). */
void review_prompt_draw(review_prompt *p, ui_app *app, int y);

/* One key into a reason typed on the status line (a return's, a year
 * reopened for one unit): Enter (RL_ACCEPT), Esc (RL_CANCEL), or edited
 * or typed (RL_TYPED) — a character past b's bound refused, *full set and
 * said in *said, never dropped unsaid. */
typedef enum { RL_TYPED, RL_ACCEPT, RL_CANCEL } rl_kind;
rl_kind reason_line_key(editbuf *b, kp_key key, bool *full, mr_result *said);
/* The question and the reason being typed after it, on the status line
 * (above it while a refusal is said there), the cursor placed
 * (prompt_view.c). */
void reason_line_draw(ui_app *app, const char *question, editbuf *b, bool full);

#endif
