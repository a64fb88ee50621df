/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/save.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "form/validate.h"

static char **values_new(size_t n) { return xcalloc(n ? n : 1, sizeof(char *)); }

static void values_free(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void save_result_free(kp_save_result *res)
{
	free(res->message);
	values_free(res->vals, res->nfields);
	values_free(res->field_msg, res->nfields);
	values_free(res->base, res->nfields);
	*res = (kp_save_result){0};
}

int record_validate(kp_env *e, const kp_form *f, const char *const *raw, char **vals, char **why,
		    kp_proof *proof)
{
	return store_validate(e->store, &e->cat, f, raw, vals, why, proof);
}

/* Every field, then the rules between them; the first problem is the
 * message and where the form goes. */
static bool validate(kp_env *e, const kp_form *f, const char *const *raw, const kp_field *cell,
		     kp_save_result *res, kp_proof *proof)
{
	char **why = values_new(f->nfields);
	int bad = record_validate(e, f, raw, res->vals, why, proof);
	for (size_t i = 0; i < f->nfields && bad; i++) {
		if (why[i] && cell && cell != &f->fields[i]) { /* another cell: kept as stored */
			free(res->vals[i]);
			res->vals[i] = xstrdup(raw[i] ? raw[i] : "");
			bad--;
			continue;
		}
		if (!why[i])
			continue;
		res->field_msg[i] = field_message(&f->fields[i], why[i]);
		if (res->first == f->nfields) {
			res->first = i;
			res->message = xstrdup(res->field_msg[i]);
		}
	}
	values_free(why, f->nfields);
	if (bad) {
		res->status = SAVE_INVALID;
		res->error = true;
	}
	return !bad;
}

/* The word on a possible duplicate (unique_hint, similar_hint, near_hint:
 * a near one is the unit's own, named) the store found. What is said
 * comes from the store, which names another unit's record to the city
 * only. */
static void duplicate(const kp_form *f, kp_dup d, const char *again, kp_save_result *res)
{
	if (d.id && (d.similar || d.near)) {
		char *why = d.near ? dup_near_why(f, d.day) : dup_similar_why(f, d.alike);
		res->message = xasprintf(msg(MSG_UI_DUP_SIMILAR), d.id, d.unit_name, d.name, why, again);
		free(why);
	} else if (d.id) { /* which fields are the same: a nomination's, not only a person's */
		strbuf same = STRBUF_INIT;
		for (size_t i = 0; i < f->nhint; i++)
			sb_printf(&same, "%s%s", i ? "、" : "", f->fields[f->hint[i]].label);
		res->message = xasprintf(msg(MSG_UI_DUP_KNOWN), d.id, d.unit_name, d.name, sb_str(&same), again);
		sb_free(&same);
	} else {
		res->message = xasprintf(msg(MSG_UI_DUP_OTHER), again);
	}
	dup_free(&d);
	res->status = SAVE_DUPLICATE;
	res->error = true;
}

/* The record a possible duplicate names may be a draft left in a year the
 * city closed: never submitted, counted nowhere, and its unit cannot
 * delete it there. Said before what to do (t4h #10), so the clerk
 * re-filing the person knows what the match is; the caller frees. */
static char *closed_draft_then(kp_env *e, const kp_form *f, long long id, const char *again)
{
	kp_record old;
	if (!id || store_get(e->store, f, id, &old, NULL) != KP_OK)
		return xstrdup(again);
	char *said = old.state && !strcmp(old.state, "draft") && old.year != store_year(e->store) &&
				     store_year_closed(e->store, old.year)
		? xasprintf(msg(MSG_UI_DUP_CLOSED_DRAFT), id, old.year, again)
		: xstrdup(again);
	record_free(&old);
	return said;
}

/* Three-way merge after a refused update: fields only the other session
 * changed take its values, fields only this user changed keep theirs,
 * fields both changed keep this user's and carry the other value in
 * field_msg. Nothing is stored until the user has looked and saves again. */
static void merge(kp_env *e, const kp_form *f, kp_record *rec, const kp_save_opts *o,
		  kp_save_result *res)
{
	kp_record now;
	char *err = NULL;
	res->error = true;
	if (store_get(e->store, f, rec->id, &now, &err) != KP_OK) {
		free(err);
		rec->id = 0; /* deleted meanwhile: saved again, the input is a new record */
		res->status = SAVE_GONE;
		res->message = xstrdup(msg(MSG_UI_CONFLICT_GONE));
		return;
	}
	strbuf theirs = STRBUF_INIT, both = STRBUF_INIT;
	for (size_t i = 0; i < f->nfields; i++) {
		const char *orig = o->base ? o->base[i] : "";
		bool they = strcmp(now.vals[i], orig) != 0;
		bool me = strcmp(res->vals[i], orig) != 0;
		if (!they || !strcmp(now.vals[i], res->vals[i]))
			continue;
		strbuf *list = me ? &both : &theirs;
		sb_printf(list, "%s%s", list->len ? "、" : "", f->fields[i].label);
		if (me) {
			res->field_msg[i] = xasprintf(msg(MSG_UI_CONFLICT_THEIRS), now.vals[i]);
			if (res->first == f->nfields)
				res->first = i;
		} else {
			free(res->vals[i]);
			res->vals[i] = xstrdup(now.vals[i]);
		}
	}
	rec->version = now.version;
	for (size_t i = 0; i < f->nfields; i++)
		res->base[i] = xstrdup(now.vals[i]);
	res->message = both.len ? xasprintf(msg(MSG_UI_CONFLICT_BOTH), sb_str(&both))
				: xasprintf(msg(MSG_UI_CONFLICT_MERGED), sb_str(&theirs));
	res->status = SAVE_MERGED;
	sb_free(&theirs);
	sb_free(&both);
	record_free(&now);
}

/* A form or a record this session may not write is refused before its
 * values are checked: a unit told 附表1「必须填写」 would fill it in for a
 * refusal. (The store checks again, with the rest of its rules.) */
static bool refused_first(kp_env *e, const kp_form *f, const kp_record *rec, kp_save_result *res)
{
	if (!store_may_write_form(e->store, f))
		res->message = xasprintf(msg(f->written_by == WRITER_CITY ? MSG_SS_CITY_FORM : MSG_SS_UNIT_FIELD),
					 f->title);
	else if (rec->id && f->review && rec->state && !store_may_edit_state(e->store, rec->state))
		res->message = xasprintf(msg(MSG_SS_STATE), state_label(state_of(rec->state)));
	else
		return false;
	res->status = SAVE_REFUSED;
	res->error = true;
	return true;
}

/* Are the validated values those stored now (年龄 040 is 40)? A save of
 * them would only make a version and an audit row that change nothing.
 * Compared with the record as stored, not as opened: values another
 * session changed meanwhile go on to the store's conflict and merge. */
static bool unchanged(kp_env *e, const kp_form *f, long long id, const kp_save_result *res)
{
	kp_record now;
	if (store_get(e->store, f, id, &now, NULL) != KP_OK)
		return false; /* gone or not visible: the store's answer follows */
	bool same = true;
	for (size_t i = 0; i < f->nfields && same; i++)
		same = !strcmp(now.vals[i], res->vals[i] ? res->vals[i] : "");
	record_free(&now);
	return same;
}

kp_save_status record_save(kp_env *e, const kp_form *f, kp_record *rec, const char *const *raw,
			   const kp_save_opts *o, kp_save_result *res)
{
	*res = (kp_save_result){0};
	res->nfields = f->nfields;
	res->first = f->nfields;
	res->vals = values_new(f->nfields);
	res->field_msg = values_new(f->nfields);
	res->base = values_new(f->nfields);
	if (refused_first(e, f, rec, res))
		return res->status;
	kp_proof proof;
	if (!validate(e, f, raw, o->cell, res, &proof))
		return res->status;
	if (rec->id && unchanged(e, f, rec->id, res)) {
		res->status = SAVE_UNCHANGED;
		res->message = xstrdup(msg(MSG_UI_UNCHANGED));
		return res->status;
	}
	for (size_t i = 0; i < f->nfields; i++)
		record_set(rec, i, res->vals[i]);
	rec->proof = proof; /* a cell's other fields kept as stored have none: the store checks them */
	/* the look-up and the write in one transaction: of two saves at the
	 * same moment the second is told of the first */
	kp_dup_rule rule = !o->check_duplicates ? KP_DUP_IGNORE : o->dup_confirmed ? KP_DUP_MARK : KP_DUP_REFUSE;
	kp_dup d;
	char *err = NULL;
	int rc = store_save_checked(e->store, f, rec, rule, &d, &err);
	if (rc == KP_EDUP) {
		free(err);
		char *again = closed_draft_then(e, f, d.id, e->dup_again ? e->dup_again : msg(MSG_UI_DUP_AGAIN));
		duplicate(f, d, again, res);
		free(again);
		return res->status;
	}
	if (rc == KP_OK) {
		res->marked = rule == KP_DUP_MARK;
		res->status = SAVE_OK;
	} else if (rc == KP_ECONFLICT) {
		merge(e, f, rec, o, res);
	} else {
		res->status = SAVE_REFUSED;
		res->error = true;
		res->message = err;
		err = NULL;
		/* A refusal for a field (a date out of the programme year, a
		 * month reported already) names it, so a form goes there as for
		 * any invalid field. */
		int bad = store_refused_field(e->store);
		if (bad >= 0 && (size_t)bad < f->nfields) {
			res->first = (size_t)bad;
			res->field_msg[bad] = xstrdup(res->message ? res->message : "");
		}
	}
	free(err);
	return res->status;
}

char *record_value_taken(kp_env *e, const kp_form *f, size_t i, long long unit_id, long long record_id,
			 const char *value)
{
	if (f->unique != (int)i || !value[0] || !unit_id)
		return NULL;
	long long id = store_find(e->store, f, unit_id, f->unique, value);
	if (!id || id == record_id)
		return NULL;
	return xasprintf(msg(MSG_UI_VALUE_TAKEN), f->fields[i].label, value, id);
}
