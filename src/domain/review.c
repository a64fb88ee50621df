/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/review.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"

static const char *const codes[ST_COUNT] = {"draft", "submitted", "approved", "returned"};

const char *state_code(kp_state st) { return codes[st]; }

kp_state state_of(const char *code)
{
	for (int i = 0; i < ST_COUNT; i++)
		if (code && !strcmp(code, codes[i]))
			return (kp_state)i;
	return ST_DRAFT;
}

bool state_parse(const char *s, kp_state *out)
{
	for (int i = 0; i < ST_COUNT; i++)
		if (!strcmp(s, codes[i]) || !strcmp(s, state_label((kp_state)i))) {
			*out = (kp_state)i;
			return true;
		}
	return false;
}

const char *state_label(kp_state st)
{
	static const enum kp_msg_id ids[ST_COUNT] = {MSG_RV_DRAFT, MSG_RV_SUBMITTED, MSG_RV_APPROVED,
						     MSG_RV_RETURNED};
	return msg(ids[st]);
}

const char *review_label(kp_review a)
{
	static const enum kp_msg_id ids[REV_COUNT] = {MSG_RV_SUBMIT, MSG_RV_APPROVE, MSG_RV_RETURN,
						      MSG_RV_REOPEN, MSG_RV_WITHDRAW, MSG_RV_UNAPPROVE};
	return msg(ids[a]);
}

/* The state each action starts from. */
static const kp_state sources[][2] = {
	[REV_SUBMIT] = {ST_DRAFT, ST_RETURNED},
	[REV_APPROVE] = {ST_SUBMITTED, ST_SUBMITTED},
	[REV_RETURN] = {ST_SUBMITTED, ST_SUBMITTED},
	[REV_REOPEN] = {ST_APPROVED, ST_APPROVED},
	[REV_WITHDRAW] = {ST_SUBMITTED, ST_SUBMITTED}, /* the unit's, before the city decides */
	[REV_UNAPPROVE] = {ST_APPROVED, ST_APPROVED},  /* the city's, an approval made by mistake */
};

bool review_allowed(const kp_store *s, kp_state st, kp_review a)
{
	return (sources[a][0] == st || sources[a][1] == st) &&
	       store_may_move(s, state_code(st), state_code(review_target(a)));
}

bool review_any(const kp_store *s, kp_state st)
{
	for (int a = 0; a < REV_COUNT; a++)
		if (review_allowed(s, st, (kp_review)a))
			return true;
	return false;
}

bool review_only_withdraw(const kp_store *s, kp_state st)
{
	for (int a = 0; a < REV_COUNT; a++)
		if (review_allowed(s, st, (kp_review)a) != (a == REV_WITHDRAW))
			return false;
	return true;
}

bool review_may_submit(const kp_store *s)
{
	return review_allowed(s, ST_DRAFT, REV_SUBMIT) || review_allowed(s, ST_RETURNED, REV_SUBMIT);
}

kp_state review_target(kp_review a)
{
	static const kp_state to[REV_COUNT] = {ST_SUBMITTED, ST_APPROVED, ST_RETURNED, ST_RETURNED,
					       ST_DRAFT, ST_SUBMITTED};
	return to[a];
}

bool review_needs_reason(kp_review a) { return a == REV_RETURN || a == REV_REOPEN || a == REV_UNAPPROVE; }

bool review_editable(const kp_store *s, kp_state st) { return store_may_edit_state(s, state_code(st)); }

int review_apply(kp_env *e, const kp_form *f, long long id, kp_review a, const char *reason,
		 char **err)
{
	return review_apply_seen(e, f, id, 0, a, reason, err);
}

int review_apply_seen(kp_env *e, const kp_form *f, long long id, int seen, kp_review a, const char *reason,
		      char **err)
{
	kp_record r;
	if (!f->review || store_get(e->store, f, id, &r, err) != KP_OK) {
		if (!*err)
			*err = xstrdup(msg(MSG_S_CHANGED));
		return -1;
	}
	kp_state st = state_of(r.state);
	record_free(&r);
	if (!review_allowed(e->store, st, a)) {
		*err = xasprintf(msg(MSG_RV_NOT_ALLOWED), review_label(a), state_label(st));
		return -1;
	}
	/* A reason of blanks tells the unit nothing: it is no reason. */
	char *why = text_trim(reason && review_needs_reason(a) ? reason : "");
	if (review_needs_reason(a) && !why[0]) {
		free(why);
		*err = xstrdup(msg(MSG_RV_NEED_REASON));
		return -1;
	}
	static const char *const actions[REV_COUNT] = {"submit", "approve", "return", "reopen",
						       "withdraw", "unapprove"};
	int rc = store_set_state_seen(e->store, f, id, seen, state_code(st), state_code(review_target(a)), why,
				      actions[a], err) == KP_OK ? 0 : -1;
	free(why);
	return rc;
}
