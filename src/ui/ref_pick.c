/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A record field on the form screen (#19): its value is the number of a
 * record of another form (a nomination's talent); the clerk sees the
 * record's 姓名（工作单位） and picks it from a filterable list of the
 * records the store offers for the form's unit — typing Chinese or pinyin
 * initials narrows it. The store checks the number again on saving. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "ui/form_screen.h"

void ref_set(field_state *st, const char *v)
{
	free(st->ref);
	free(st->ref_label);
	st->ref = xstrdup(v ? v : "");
	st->ref_label = NULL;
}

const char *ref_shown(kp_store *s, const kp_field *fd, field_state *st)
{
	if (!st->ref || !text_all_digits(st->ref)) /* empty, or a name pasted: as it is */
		return st->ref ? st->ref : "";
	if (!st->ref_label)
		st->ref_label = store_ref_label(s, fd, st->ref);
	return st->ref_label;
}

static void drop_choices(field_state *st)
{
	ref_choices_free(st->refs, st->nrefs);
	free(st->ref_items);
	st->refs = NULL;
	st->ref_items = NULL;
	st->nrefs = 0;
}

bool ref_pick_open(form_screen *fs, ui_app *app, const kp_field *fd, field_state *st, uint32_t first)
{
	drop_choices(st);
	st->nrefs = store_ref_choices(app->env->store, fd, fs->rec.unit_id, &st->refs);
	if (!st->nrefs) {
		app_status(app, true, msg(MSG_UI_REF_NONE), fd->ref->form->title,
			   fd->ref->state ? state_label(state_of(fd->ref->state)) : "");
		return false;
	}
	st->ref_items = xcalloc(st->nrefs, sizeof *st->ref_items);
	int current = -1;
	long long now = st->ref && text_all_digits(st->ref) ? atoll(st->ref) : 0;
	for (size_t i = 0; i < st->nrefs; i++) {
		st->ref_items[i] = st->refs[i].label;
		if (st->refs[i].id == now)
			current = (int)i;
	}
	popup_open(&fs->pick, fd->label, st->ref_items, st->nrefs, current, first);
	return true;
}

void ref_take(field_state *st, size_t i)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", st->refs[i].id);
	ref_set(st, num);
	st->ref_label = xstrdup(st->refs[i].label);
}

void ref_free(field_state *st)
{
	drop_choices(st);
	free(st->ref);
	free(st->ref_label);
}
