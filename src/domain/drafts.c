/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/drafts.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/review.h"

/* Fields shown of a draft: enough to tell two clerks' records apart. */
#define FIRST_FIELDS 3
#define FIRST_CHARS 12

/* "label value · label value …": the draft's first filled fields in the
 * form's order, each value cut with a mark (text_quote). */
static char *first_fields(const kp_form *f, const kp_draft *d)
{
	strbuf b = STRBUF_INIT;
	int shown = 0;
	for (size_t i = 0; i < f->nfields && shown < FIRST_FIELDS; i++)
		for (size_t k = 0; k < d->npairs; k++) {
			const char *v = d->pairs[2 * k + 1];
			if (strcmp(d->pairs[2 * k], f->fields[i].id) || !v[0])
				continue;
			char *q = text_quote(v, FIRST_CHARS);
			sb_printf(&b, "%s%s %s", shown++ ? DRAFT_SEP : "", f->fields[i].label, q);
			free(q);
			break;
		}
	return sb_take(&b);
}

char *draft_outdated(kp_env *e, const kp_form *f, long long record_id)
{
	kp_record r;
	if (!record_id || !f->review || store_get(e->store, f, record_id, &r, NULL) != KP_OK)
		return NULL; /* new, never locked, or gone: the save says so */
	kp_state st = state_of(r.state);
	char *why = review_editable(e->store, st) ? NULL
		    : xasprintf(msg(MSG_UI_DRAFT_OUTDATED), record_id, state_label(st));
	record_free(&r);
	return why;
}

static char *reason_form(const kp_form *f) { return xasprintf("%s%s", REASON_DRAFT, f->id); }

char *reason_draft_load(kp_env *e, const char *owner, const kp_form *f, long long record_id, long long *id)
{
	char *form = reason_form(f), *text = NULL;
	kp_draft d;
	*id = 0;
	if (store_draft_load(e->store, owner, form, record_id, &d) == KP_OK) {
		if (d.npairs && d.pairs[1][0]) {
			text = xstrdup(d.pairs[1]);
			*id = d.id;
		}
		draft_free(&d);
	}
	free(form);
	return text;
}

int reason_draft_keep(kp_env *e, const char *owner, const kp_form *f, long long record_id, const char *text,
		      long long *id, char **err)
{
	char *form = reason_form(f);
	char *pair[2] = {"reason", (char *)text}; /* borrowed: d is not freed */
	kp_draft d = {.id = *id, .record_id = record_id, .pairs = pair, .npairs = 1};
	int rc = store_draft_save(e->store, owner, form, &d, err);
	if (rc == KP_OK)
		*id = d.id;
	free(form);
	return rc;
}

/* May the session still give record_id of f a reason (退回, 重新打开,
 * 撤销认定)? Gone, or decided since: its kept reason is of no use. */
static bool reason_still_wanted(kp_env *e, const kp_form *f, long long record_id)
{
	kp_record r;
	if (store_get(e->store, f, record_id, &r, NULL) != KP_OK)
		return false;
	kp_state st = state_of(r.state);
	record_free(&r);
	for (int a = 0; a < REV_COUNT; a++)
		if (review_needs_reason((kp_review)a) && review_allowed(e->store, st, (kp_review)a))
			return true;
	return false;
}

char *reason_drafts_notice(kp_env *e, const char *owner)
{
	kp_draft *d;
	size_t n = store_drafts_of(e->store, owner, KP_DRAFTS_SHOWN, &d);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *form = d[i].form ? d[i].form : "";
		if (strncmp(form, REASON_DRAFT, strlen(REASON_DRAFT)) || d[i].held || !d[i].npairs)
			continue; /* a form's draft, or a colleague's sitting still typing it */
		const kp_form *f = catalog_form(&e->cat, form + strlen(REASON_DRAFT));
		if (!f)
			continue;
		bool wanted = reason_still_wanted(e, f, d[i].record_id);
		char *q = text_quote(d[i].pairs[1], 40);
		if (b.len)
			sb_addc(&b, '\n');
		/* said once and dropped when the record was decided since */
		sb_printf(&b, msg(wanted ? MSG_UI_REASON_LEFT : MSG_UI_REASON_LEFT_OLD), f->title, d[i].record_id, q);
		free(q);
		if (!wanted)
			store_draft_delete(e->store, owner, d[i].id);
	}
	drafts_free(d, n);
	if (b.len)
		return sb_take(&b);
	sb_free(&b);
	return NULL;
}

size_t drafts_pending(kp_env *e, const char *owner, kp_pending **out, char **dropped)
{
	kp_draft *d;
	size_t n = store_drafts_of(e->store, owner, KP_DRAFTS_SHOWN, &d), k = 0;
	kp_pending *p = n ? xcalloc(n, sizeof *p) : NULL;
	strbuf said = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const kp_form *f = catalog_form(&e->cat, d[i].form);
		if (!f || d[i].held) /* no form to restore it; or a colleague's sitting still typing it */
			continue;
		char *why = draft_outdated(e, f, d[i].record_id);
		if (why) {
			store_draft_delete(e->store, owner, d[i].id);
			sb_printf(&said, "%s%s", said.len ? "\n" : "", why);
			free(why);
			continue;
		}
		p[k].id = d[i].id;
		p[k].form = f;
		p[k].record_id = d[i].record_id;
		p[k].year = d[i].year;
		pending_recheck(e, &p[k]);
		p[k].when = xasprintf("%.16s", d[i].updated_at ? d[i].updated_at : "");
		p[k].first = first_fields(f, &d[i]);
		k++;
	}
	drafts_free(d, n);
	if (dropped)
		*dropped = said.len ? sb_take(&said) : NULL;
	sb_free(&said);
	if (!k) {
		free(p);
		p = NULL;
	}
	*out = p;
	return k;
}

void pending_free(kp_pending *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].when);
		free(p[i].first);
	}
	free(p);
}

void pending_recheck(kp_env *e, kp_pending *p)
{
	p->closed = p->year && !store_may_change_year(e->store, p->year) ? p->year : 0;
}
