/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * review: the life of a 附表2 talent or 附表3 project (a form with
 * `review: true`): 草稿 → 已提交 (the unit submits) → 已认定 or 退回 (the
 * city decides; a return says why). A returned record is edited and
 * submitted again; an approved one is read-only until the city reopens it
 * (back to 退回, with the reason) or undoes an approval made by mistake
 * (撤销认定: back to 已提交, the reason in the audit only, no return).
 */
#ifndef KP_REVIEW_H
#define KP_REVIEW_H
#include "domain/env.h"

typedef enum { ST_DRAFT, ST_SUBMITTED, ST_APPROVED, ST_RETURNED, ST_COUNT } kp_state;
typedef enum { REV_SUBMIT, REV_APPROVE, REV_RETURN, REV_REOPEN, REV_WITHDRAW, REV_UNAPPROVE, REV_COUNT } kp_review;

/* Stored names (draft …) and what people read (草稿 …). */
const char *state_code(kp_state st);
kp_state state_of(const char *code);
/* A state named by its code or its label (approved or 已认定); false if neither. */
bool state_parse(const char *s, kp_state *out);
const char *state_label(kp_state st);
const char *review_label(kp_review a);

/* May the store's session take action a on a record in state st? (The
 * rules are the store's, store/session.c; this names them as actions.) */
bool review_allowed(const kp_store *s, kp_state st, kp_review a);
/* Has the session any action on a record in state st (what F9 offers)? */
bool review_any(const kp_store *s, kp_state st);
/* Is withdrawing the session's one action on a record in state st (a
 * unit's 已提交 record: F9 is named 撤回 there)? */
bool review_only_withdraw(const kp_store *s, kp_state st);
/* May the session submit records at all (a draft or a returned one)? The
 * city reviews and submits none: F9 on records marked is the unit's. */
bool review_may_submit(const kp_store *s);
/* The state action a leads to. */
kp_state review_target(kp_review a);
/* Does the action need a reason (a return, a reopening, an approval undone)? */
bool review_needs_reason(kp_review a);
/* May the session change a record in state st (and a new one)? */
bool review_editable(const kp_store *s, kp_state st);

/* Take action a on record id of f in the store's session: 0, or -1 with
 * *err (not allowed, no reason, someone else moved it first). Audited. */
int review_apply(kp_env *e, const kp_form *f, long long id, kp_review a, const char *reason,
		 char **err);
/* The same, on the version of the record the reviewer was shown (seen):
 * refused with *err when it has changed since (store_set_state_seen). Every
 * screen that shows a record and offers its review passes its version. */
int review_apply_seen(kp_env *e, const kp_form *f, long long id, int seen, kp_review a, const char *reason,
		      char **err);

#endif
