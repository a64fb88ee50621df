/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Saving the generic form screen's record: validation, the store, drafts
 * that keep unsaved input, and merging a record another session changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "form/validate.h"
#include "ui/form_screen.h"

static void write_draft(form_screen *fs, ui_app *app)
{
	const kp_form *f = fs->form;
	kp_draft d = {fs->rec.id, fs->rec.unit_id, fs->rec.version, NULL, f->nfields, NULL};
	d.pairs = xcalloc(f->nfields * 2, sizeof *d.pairs);
	for (size_t i = 0; i < f->nfields; i++) {
		d.pairs[2 * i] = xstrdup(f->fields[i].id);
		d.pairs[2 * i + 1] = fs_get_value(&f->fields[i], &fs->fs[i]);
	}
	char *err = NULL;
	if (store_draft_save(app->env->store, app->user, f->id, &d, &err) == KP_OK) {
		fs->draft_due = false;
		fs->draft_saved = time(NULL);
	} else {
		app_status(app, true, msg(MSG_UI_DRAFT_FAILED), err);
	}
	free(err);
	draft_free(&d);
}

void fs_persist(ui_screen *s, ui_app *app, bool now)
{
	form_screen *fs = (form_screen *)s;
	if (fs->dirty && fs->draft_due && (now || time(NULL) - fs->draft_saved >= DRAFT_EVERY_S))
		write_draft(fs, app);
}

/* Drafts are keyed by the record being edited (0 for a new one). */
void fs_drop_draft(form_screen *fs, ui_app *app, long long record_id)
{
	store_draft_delete(app->env->store, app->user, fs->form->id, record_id);
	fs->draft_due = false;
}

/* Put the offered draft's values into the fields (matched by field id, so
 * a changed form definition restores what still fits). */
static void restore_draft(form_screen *fs, ui_app *app)
{
	const kp_draft *d = &fs->offer;
	for (size_t k = 0; k < d->npairs; k++) {
		int i = form_field_index(fs->form, d->pairs[2 * k]);
		if (i >= 0)
			fs_set_value(&fs->form->fields[i], &fs->fs[i], d->pairs[2 * k + 1]);
	}
	char *unit = store_unit_name(app->env->store, d->unit_id);
	if (unit) {
		free(fs->rec.unit_name);
		fs->rec.unit_name = unit;
		fs->rec.unit_id = d->unit_id;
	}
	fs->rec.version = d->base_version;
	fs->dirty = true;
	fs_focus(fs, fs->focus);
	app_status(app, false, "%s", msg(MSG_UI_DRAFT_RESTORED));
}

void fs_answer_offer(form_screen *fs, ui_app *app, kp_action a)
{
	if (a == ACT_YES)
		restore_draft(fs, app);
	else if (a == ACT_NO)
		fs_drop_draft(fs, app, fs->rec.id);
	else
		return;
	draft_free(&fs->offer);
	fs->offering = false;
}

void fs_set_orig(form_screen *fs, const kp_record *r)
{
	for (size_t i = 0; i < fs->form->nfields; i++) {
		free(fs->orig[i]);
		fs->orig[i] = xstrdup(r->vals[i]);
	}
}

/* Three-way merge of a refused fs_save: fields only the other session changed
 * take its values, fields only this user changed keep theirs, fields both
 * changed keep this user's and are named. Nothing is stored until the user
 * has looked and pressed F2 again; a draft keeps the result meanwhile. */
static void merge_conflict(form_screen *fs, ui_app *app, char **mine)
{
	const kp_form *f = fs->form;
	kp_record now;
	char *err = NULL;
	if (store_get(app->env->store, f, fs->rec.id, &now, &err) != KP_OK) {
		free(err);
		fs->rec.id = 0; /* deleted meanwhile: fs_save the input as a new record */
		app_status(app, true, "%s", msg(MSG_UI_CONFLICT_GONE));
		write_draft(fs, app);
		return;
	}
	strbuf theirs = STRBUF_INIT, both = STRBUF_INIT;
	size_t first_both = f->nfields;
	for (size_t i = 0; i < f->nfields; i++) {
		bool they = strcmp(now.vals[i], fs->orig[i]) != 0;
		bool me = strcmp(mine[i], fs->orig[i]) != 0;
		if (!they || !strcmp(now.vals[i], mine[i]))
			continue;
		strbuf *list = me ? &both : &theirs;
		sb_printf(list, "%s%s", list->len ? "、" : "", f->fields[i].label);
		if (me) { /* shown under the form while the field has the cursor */
			fs->fs[i].error = xasprintf(msg(MSG_UI_CONFLICT_THEIRS), now.vals[i]);
			if (first_both == f->nfields)
				fs_focus(fs, first_both = i);
		} else {
			fs_set_value(&f->fields[i], &fs->fs[i], now.vals[i]);
		}
	}
	fs->rec.version = now.version;
	fs_set_orig(fs, &now);
	if (both.len) {
		app_status(app, true, msg(MSG_UI_CONFLICT_BOTH), sb_str(&both));
	} else {
		app_status(app, true, msg(MSG_UI_CONFLICT_MERGED), sb_str(&theirs));
	}
	fs->draft_due = true;
	write_draft(fs, app);
	sb_free(&theirs);
	sb_free(&both);
	record_free(&now);
}

char *fs_dup_note(kp_store *s, const kp_form *f, long long id)
{
	kp_dup *d;
	size_t n = store_duplicates_of(s, f, id, &d);
	if (!n)
		return NULL;
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_adds(&b, "、");
		sb_printf(&b, msg(MSG_UI_DUP_ITEM), d[i].id, d[i].unit_name, d[i].name);
		dup_free(&d[i]);
	}
	free(d);
	char *note = xasprintf(msg(MSG_UI_DUP_NOTE), sb_str(&b));
	sb_free(&b);
	return note;
}

/* The early word on a possible duplicate (unique_hint): said once, and the
 * save waits for a second F2. What is said comes from the store, which
 * names another unit's record to the city only. */
static bool warn_duplicate(form_screen *fs, ui_app *app)
{
	kp_dup d;
	if (fs->dup_warned || !store_find_duplicate(app->env->store, fs->form, &fs->rec, &d))
		return false;
	if (d.id) { /* which fields are the same: a nomination's, not only a person's */
		strbuf same = STRBUF_INIT;
		for (size_t i = 0; i < fs->form->nhint; i++)
			sb_printf(&same, "%s%s", i ? "、" : "", fs->form->fields[fs->form->hint[i]].label);
		app_status(app, true, msg(MSG_UI_DUP_KNOWN), d.id, d.unit_name, d.name, sb_str(&same));
		sb_free(&same);
	} else
		app_status(app, true, "%s", msg(MSG_UI_DUP_OTHER));
	dup_free(&d);
	fs->dup_warned = true;
	return true;
}

void fs_save(form_screen *fs, ui_app *app)
{
	const kp_form *f = fs->form;
	char **raw = xcalloc(f->nfields, sizeof *raw);
	char **out = xcalloc(f->nfields, sizeof *out);
	char **why = xcalloc(f->nfields, sizeof *why);
	for (size_t i = 0; i < f->nfields; i++)
		raw[i] = fs_get_value(&f->fields[i], &fs->fs[i]);
	int bad = form_validate(&app->env->cat, f, (const char *const *)raw, out, why);
	fs_clear_errors(fs);
	if (bad) {
		size_t first = f->nfields;
		for (size_t i = 0; i < f->nfields; i++)
			if (why[i]) {
				char *m = field_message(&f->fields[i], why[i]);
				if (first == f->nfields) {
					first = i;
					app_status(app, true, "%s", m);
				}
				fs->fs[i].error = m;
			}
		fs_focus(fs, first);
	} else {
		for (size_t i = 0; i < f->nfields; i++)
			record_set(&fs->rec, i, out[i]);
		if (warn_duplicate(fs, app))
			goto done;
		char *err = NULL;
		long long draft_key = fs->rec.id;
		bool editing = fs->rec.id != 0;
		int rc = editing ? store_update(app->env->store, f, &fs->rec, &err)
				 : store_insert(app->env->store, f, &fs->rec, &err);
		if (rc == KP_OK)
			fs_drop_draft(fs, app, draft_key);
		bool marked = rc == KP_OK && fs->dup_warned;
		if (marked && store_mark_duplicate(app->env->store, f, &fs->rec, &err) != KP_OK) {
			app_status(app, true, "%s", err);
			marked = false;
		}
		fs->dup_warned = false;
		if (rc == KP_ECONFLICT) {
			merge_conflict(fs, app, out);
		} else if (rc != KP_OK) {
			app_status(app, true, "%s", err);
		} else if (editing) {
			app_status(app, false, msg(MSG_UI_UPDATED), fs->rec.id);
			fs->dirty = false;
			fs->base.closing = true;
		} else {
			app_status(app, false, msg(marked ? MSG_UI_DUP_MARKED : MSG_UI_SAVED), fs->rec.id,
				   ++fs->entered);
			app_remember(app, f, out);
			fs->rec.id = 0;
			fs_load_values(fs, &app->env->cat, NULL); /* ready for the next record… */
			for (size_t i = 0; i < f->nfields; i++)
				if (f->fields[i].sticky) /* …keeping what stays the same */
					fs_set_value(&f->fields[i], &fs->fs[i], out[i]);
			fs_focus(fs, 0);
		}
		free(err);
	}
done:
	for (size_t i = 0; i < f->nfields; i++) {
		free(raw[i]);
		free(out[i]);
		free(why[i]);
	}
	free(raw);
	free(out);
	free(why);
}

