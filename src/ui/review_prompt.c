/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The review prompt's model: see review_prompt.h. */
#include "ui/review_prompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/drafts.h"
#include "ui/form_model.h"

void review_prompt_init(review_prompt *p)
{
	*p = (review_prompt){0};
	eb_init(&p->reason, REVIEW_REASON_MAX, false);
}

void review_prompt_free(review_prompt *p)
{
	popup_close(&p->actions);
	eb_free(&p->reason);
	free(p->ids);
	free(p->reason_kept);
}

/* The reason this account left for the record when the terminal hung up:
 * filled in, selected as a field's value is on entry (typing replaces
 * it), and said. */
static mr_result offer_kept(review_prompt *p, kp_env *env)
{
	free(p->reason_kept);
	p->reason_kept = reason_draft_load(env, store_session_user(env->store), p->form, p->id, &p->reason_draft);
	p->reason_at = time(NULL);
	if (!p->reason_kept)
		return mr_done(MR_HANDLED);
	eb_set(&p->reason, p->reason_kept);
	eb_select_all(&p->reason);
	p->reason_full = true; /* said under the reason */
	return mr_say(MR_HANDLED, msg(MSG_UI_REASON_KEPT), p->id);
}

/* The reason was used, or given up with Esc: its draft goes. */
static void forget_reason(review_prompt *p, kp_env *env)
{
	if (p->reason_draft)
		store_draft_delete(env->store, store_session_user(env->store), p->reason_draft);
	p->reason_draft = 0;
	free(p->reason_kept);
	p->reason_kept = NULL;
}

void review_prompt_persist(review_prompt *p, kp_env *env, bool now)
{
	if (!p->asking_reason || (!now && time(NULL) - p->reason_at < DRAFT_EVERY_S))
		return;
	char *text = eb_text(&p->reason);
	if (strcmp(text, p->reason_kept ? p->reason_kept : "")) {
		p->reason_at = time(NULL);
		if (!text[0]) {
			forget_reason(p, env);
		} else if (reason_draft_keep(env, store_session_user(env->store), p->form, p->id, text, &p->reason_draft,
					     NULL) == KP_OK) {
			free(p->reason_kept);
			p->reason_kept = text;
			text = NULL;
		}
	}
	free(text);
}

/* The record's name as lists show it: its first one-line text field. */
static const char *record_name(const kp_form *f, const kp_record *r)
{
	for (size_t i = 0; i < f->nfields && i < r->nvals; i++)
		if (f->fields[i].type == FT_TEXT && r->vals[i][0])
			return r->vals[i];
	return "";
}

/* 审核第 12 号记录「节约能源…」, and for the city 审核第 12 号记录（可能重复：
 * 第 3 号，请先核实）「…」 so that a flagged repeat is never approved unseen:
 * the flag before the name, which an 80-column popup may cut. */
static void name_title(review_prompt *p, kp_store *s, const kp_form *f, const kp_record *r, size_t n_offered)
{
	strbuf dup = STRBUF_INIT, ids = STRBUF_INIT;
	kp_dup *d;
	size_t n = store_duplicates_of(s, f, r->id, &d);
	for (size_t i = 0; i < n; i++) {
		sb_printf(&dup, i ? "、%lld" : msg(MSG_UI_REVIEW_DUP), d[i].id);
		sb_printf(&ids, i ? "、%lld" : "%lld", d[i].id);
		dup_free(&d[i]);
	}
	free(d);
	snprintf(p->dups, sizeof p->dups, "%s", sb_str(&ids));
	sb_free(&ids);
	char *twins = f->evidence ? store_attachment_twins(s, f, r->id, 0) : NULL;
	snprintf(p->twins, sizeof p->twins, "%s", twins ? twins : "");
	free(twins);
	if (n)
		sb_adds(&dup, msg(MSG_UI_REVIEW_DUP_END));
	char *name = text_quote(record_name(f, r), 12);
	/* the role's word, as on its key line: a unit submits (or, all it may
	 * do, withdraws), the city reviews */
	enum kp_msg_id words = !review_may_submit(s)					 ? MSG_UI_REVIEW_ONE
			       : n_offered == 1 && p->offered[0] == REV_WITHDRAW ? MSG_UI_WITHDRAW_ONE
										 : MSG_UI_SUBMIT_ONE;
	snprintf(p->title, sizeof p->title, msg(words), r->id, sb_str(&dup), name);
	free(name);
	sb_free(&dup);
}

mr_result review_prompt_open(review_prompt *p, kp_store *s, const kp_form *f, const kp_record *r)
{
	if (!f->review)
		return mr_done(MR_HANDLED);
	kp_state st = state_of(r->state);
	size_t n = 0;
	for (int a = 0; a < REV_COUNT; a++)
		if (review_allowed(s, st, (kp_review)a)) {
			p->offered[n] = (kp_review)a;
			p->labels[n++] = review_label((kp_review)a);
		}
	if (!n)
		return mr_say(MR_REFUSED, msg(MSG_UI_NO_REVIEW), state_label(st));
	p->form = f;
	p->id = r->id;
	p->version = r->version;
	name_title(p, s, f, r, n);
	popup_open(&p->actions, p->title, (char **)p->labels, n, 0, 0);
	return mr_done(MR_HANDLED);
}

mr_result review_prompt_open_many(review_prompt *p, const kp_store *s, const kp_form *f, const long long *ids,
				  size_t n)
{
	/* Offered when a draft or a returned record may be submitted by this
	 * session; the store decides for each record. */
	if (!f->review || !review_may_submit(s))
		return mr_say(MR_REFUSED, "%s", msg(MSG_UI_NONE_TO_SUBMIT));
	free(p->ids);
	p->ids = xcalloc(n ? n : 1, sizeof *ids);
	memcpy(p->ids, ids, n * sizeof *ids);
	p->nids = n;
	p->form = f;
	p->offered[0] = REV_SUBMIT;
	p->labels[0] = review_label(REV_SUBMIT);
	snprintf(p->title, sizeof p->title, msg(MSG_UI_REVIEW_MANY), n);
	popup_open(&p->actions, p->title, (char **)p->labels, 1, 0, 0);
	return mr_done(MR_HANDLED);
}

/* Submit each marked record; say how many went and which did not, why. */
static mr_result apply_many(review_prompt *p, kp_env *env)
{
	size_t done = 0, failed = 0;
	strbuf why = STRBUF_INIT;
	for (size_t i = 0; i < p->nids; i++) {
		char *err = NULL;
		if (review_apply(env, p->form, p->ids[i], REV_SUBMIT, NULL, &err) == 0) {
			done++;
		} else {
			if (failed++)
				sb_adds(&why, "；");
			sb_printf(&why, msg(MSG_UI_NOT_SUBMITTED_ONE), p->ids[i], err ? err : "");
		}
		free(err);
	}
	mr_result r = mr_say(MR_SAVED, msg(MSG_UI_SUBMITTED_MANY), done);
	r.error = failed > 0;
	size_t used = strlen(r.text);
	if (failed)
		snprintf(r.text + used, sizeof r.text - used, msg(MSG_UI_NOT_SUBMITTED), failed, sb_str(&why));
	sb_free(&why);
	free(p->ids);
	p->ids = NULL;
	p->nids = 0;
	return r;
}

bool review_prompt_active(const review_prompt *p)
{
	return p->actions.open || p->asking_reason || p->confirming;
}

static mr_result apply(review_prompt *p, kp_env *env, const char *reason)
{
	char *err = NULL;
	mr_result r = review_apply_seen(env, p->form, p->id, p->version, p->pending, reason, &err) == 0
		? mr_say(MR_SAVED, msg(MSG_UI_REVIEWED), p->id, state_label(review_target(p->pending)))
		: mr_say(MR_REFUSED, "%s", err ? err : "");
	free(err);
	return r;
}

bool review_prompt_burst(review_prompt *p, size_t n, mr_result *why)
{
	const editbuf *b = &p->reason;
	size_t room = b->len < b->max_chars ? b->max_chars - b->len : 0;
	if (!p->asking_reason || n <= room)
		return false;
	p->reason_full = true;
	*why = mr_say(MR_HANDLED, msg(MSG_UI_REASON_PASTE_LONG), REVIEW_REASON_MAX, n, n - room);
	why->error = true;
	return true;
}

/* An invisible character in pasted text (cp_refused_in_text), the nth:
 * the whole paste refused naming it, as the form refuses it. */
static mr_result refuse_invisible(review_prompt *p, size_t nth, uint32_t cp)
{
	mr_result r = mr_say(MR_HANDLED, msg(MSG_UI_PASTE_CONTROL), nth, (unsigned)cp);
	r.error = p->reason_full = true;
	return r;
}

bool review_prompt_burst_keys(review_prompt *p, const uint32_t *cps, size_t n, mr_result *why)
{
	size_t nth = p->asking_reason ? cps_first_unsafe(cps, n) : 0;
	if (nth) {
		*why = refuse_invisible(p, nth, cps[nth - 1]);
		return true;
	}
	return review_prompt_burst(p, n, why);
}

mr_result review_prompt_paste(review_prompt *p, const char *text, const char *lost)
{
	mr_result r = mr_done(MR_HANDLED);
	if (!p->asking_reason)
		return r;
	size_t end = text ? strlen(text) : 0, n = 0;
	while (end && (text[end - 1] == '\r' || text[end - 1] == '\n'))
		end--;
	bool one_line = true;
	for (size_t at = 0; at < end; n++) {
		uint32_t cp;
		at += utf8_decode(text + at, end - at, &cp);
		one_line = one_line && cp >= ' ' && cp != 127;
	}
	if (!text || !one_line) {
		r = text ? mr_say(MR_HANDLED, "%s", msg(MSG_UI_REASON_PASTE_LINES))
			 : mr_say(MR_HANDLED, "%s", lost);
		r.error = p->reason_full = true;
		return r;
	}
	uint32_t bad;
	size_t nth = utf8_first_unsafe(text, end, &bad);
	if (nth) /* a C1 control, a bidi control, a zero-width one (C0 are line breaks above) */
		return refuse_invisible(p, nth, bad);
	if (review_prompt_burst(p, n, &r))
		return r;
	for (size_t at = 0; at < end;) {
		uint32_t cp;
		at += utf8_decode(text + at, end - at, &cp);
		eb_insert(&p->reason, cp);
	}
	return r;
}

mr_result review_prompt_key(review_prompt *p, kp_env *env, kp_key key)
{
	mr_result none = mr_done(MR_HANDLED);
	if (p->actions.open) {
		size_t chosen;
		popup_result r = popup_key(&p->actions, key, &chosen);
		if (r == POPUP_CONTINUE)
			return none;
		popup_close(&p->actions);
		if (r != POPUP_ACCEPT) {
			p->nids = 0; /* the marks stay in the list */
			return none;
		}
		p->pending = p->offered[chosen];
		if (p->nids)
			return apply_many(p, env);
		if (p->pending == REV_APPROVE && (p->dups[0] || p->twins[0])) {
			/* a possible repeat, or evidence another record shows too,
			 * is never approved by one Enter */
			p->confirming = true;
			return none;
		}
		if (review_needs_reason(p->pending)) {
			eb_clear(&p->reason);
			p->asking_reason = true;
			return offer_kept(p, env);
		}
		return apply(p, env, NULL);
	}
	if (p->confirming) {
		p->confirming = false;
		if (keymap_lookup(CTX_CONFIRM, key) == ACT_YES)
			return apply(p, env, NULL);
		return mr_say(MR_HANDLED, msg(MSG_UI_DUP_NOT_APPROVED), p->id);
	}
	/* The reason of a return, typed on the status line; Enter applies it. */
	mr_result said;
	switch (reason_line_key(&p->reason, key, &p->reason_full, &said)) {
	case RL_ACCEPT: {
		char *why = eb_text(&p->reason);
		p->asking_reason = false;
		mr_result r = apply(p, env, why);
		free(why);
		if (r.kind == MR_SAVED) /* refused, it stays for the next try */
			forget_reason(p, env);
		return r;
	}
	case RL_CANCEL:
		p->asking_reason = false;
		forget_reason(p, env);
		return none;
	case RL_TYPED:
		break;
	}
	return said;
}

rl_kind reason_line_key(editbuf *b, kp_key key, bool *full, mr_result *said)
{
	*said = mr_done(MR_HANDLED);
	*full = false;
	kp_action a = keymap_lookup(CTX_REASON, key);
	if (a == ACT_ACCEPT)
		return RL_ACCEPT;
	if (a == ACT_QUIT)
		return RL_CANCEL;
	if (!keymap_edit_line(b, a) && key_printable(key) && cp_is_unsafe(key.code)) {
		*full = true; /* invisible: said with its code, as in a field */
		*said = mr_say(MR_HANDLED, msg(MSG_UI_KEY_CONTROL), msg(MSG_UI_AU_WHY), (unsigned)key.code);
		said->error = true;
	} else if (!keymap_edit_line(b, a) && key_printable(key) && !eb_insert(b, key.code)) {
		/* full: said, never dropped unsaid */
		char ch[5] = {0};
		utf8_encode(key.code, ch);
		*full = true;
		*said = mr_say(MR_HANDLED, msg(MSG_UI_REASON_LONG), (int)b->max_chars, ch);
		said->error = true;
	}
	return RL_TYPED;
}
