/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The drafts an account left unsaved, as offered at sign-in: each with the
 * form, when it was typed and its first filled fields, so a clerk sharing
 * the account with colleagues knows which is whose. */
#ifndef KP_DOMAIN_DRAFTS_H
#define KP_DOMAIN_DRAFTS_H
#include "domain/env.h"

/* More than an office could leave; the offer says how many there are. */
#define KP_DRAFTS_SHOWN 500

/* Between two of a draft's fields (a row cuts between them, never inside). */
#define DRAFT_SEP " · "

typedef struct {
	long long id;          /* the draft (store_draft_get) */
	const kp_form *form;
	long long record_id;   /* 0: a new record */
	int year;              /* its programme year (0: the session's when typed) */
	int closed;            /* year, which the city closed: not to be restored now (0: open) */
	char *when;            /* when it was last typed in: "2016-08-10 09:31" */
	char *first;           /* its first filled fields: "姓名 甲员工 · 性别 男" (DRAFT_SEP between) */
} kp_pending;

/* A draft of record_id of f that the session can no longer change (it was
 * submitted or approved since it was typed) would put old values back
 * over the decided ones: the notice naming the record (the caller frees),
 * else NULL. */
char *draft_outdated(kp_env *e, const kp_form *f, long long record_id);

/* The owner's drafts of forms the catalogue still has, newest first,
 * but for those another live session of the account is typing (a
 * colleague's: kp_draft.held); a closed year's are listed as such;
 * free with pending_free. Outdated ones (draft_outdated) are deleted, not
 * listed: their notices, one a line, into *dropped (NULL if none; the
 * caller frees). */
size_t drafts_pending(kp_env *e, const char *owner, kp_pending **out, char **dropped);
void pending_free(kp_pending *p, size_t n);
/* p->closed as the store says now: the city may have closed or reopened
 * the year since the list was read. */
void pending_recheck(kp_env *e, kp_pending *p);

/* A 退回 (or 重新打开) reason half-typed when the terminal hung up: kept
 * per account and record as a draft of its own (its form REASON_DRAFT and
 * the form's id: no form's id starts with '@', so it is never offered as a
 * form's draft), offered filled in at the next return of that record and
 * said at the next sign-in. */
#define REASON_DRAFT "@reason:"
/* The reason owner left for record_id of f (the caller frees), *id its
 * draft; NULL (*id 0) when none. */
char *reason_draft_load(kp_env *e, const char *owner, const kp_form *f, long long record_id, long long *id);
/* Keep text as that reason: a new draft when *id is 0 (then set). */
int reason_draft_keep(kp_env *e, const char *owner, const kp_form *f, long long record_id, const char *text,
		      long long *id, char **err);
/* The reasons owner left, one a line (UI_REASON_LEFT), for the sign-in;
 * one for a record that can no longer be given a reason (decided since,
 * gone) is said so and deleted. NULL when none (the caller frees). */
char *reason_drafts_notice(kp_env *e, const char *owner);

#endif
