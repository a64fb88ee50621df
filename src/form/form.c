/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

void list_free(kp_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	for (size_t i = 0; i < l->naliases; i++) {
		free(l->alias_from[i]);
		free(l->alias_to[i]);
	}
	free(l->items);
	free(l->alias_from);
	free(l->alias_to);
	free(l->name);
	memset(l, 0, sizeof *l);
}

int list_width(const kp_list *l)
{
	int w = 0;
	for (size_t i = 0; i < l->n; i++)
		if (utf8_width(l->items[i]) > w)
			w = utf8_width(l->items[i]);
	return w;
}

int list_find(const kp_list *l, const char *value)
{
	for (size_t i = 0; i < l->naliases; i++)
		if (strcmp(l->alias_from[i], value) == 0) {
			value = l->alias_to[i];
			break;
		}
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i], value) == 0)
			return (int)i;
	return -1;
}

void form_free(kp_form *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nfields; i++) {
		kp_field *fd = &f->fields[i];
		free(fd->id);
		free(fd->label);
		free(fd->help);
		free(fd->message);
		free(fd->place);
		free(fd->required_value);
		free(fd->only_value);
		free(fd->not_more_why);
		free(fd->group);
		for (size_t k = 0; k < fd->naliases; k++)
			free(fd->aliases[k]);
		free(fd->aliases);
		if (fd->ref) {
			free(fd->ref->form_id);
			for (size_t k = 0; k < fd->ref->nshow; k++)
				free(fd->ref->show_ids[k]);
			free(fd->ref->show_ids);
			free(fd->ref->show);
			free(fd->ref->state);
			free(fd->ref);
		}
		if (fd->own_pattern) {
			pattern_free(fd->own_pattern);
			free(fd->own_pattern);
		}
		if (fd->own_choices) {
			list_free(fd->own_choices);
			free(fd->own_choices);
		}
		if (fd->prefill) {
			free(fd->prefill->from);
			free(fd->prefill->date);
			free(fd->prefill->sum);
			free(fd->prefill->when_field);
			free(fd->prefill->when_is);
			free(fd->prefill);
		}
	}
	free(f->evidence);
	for (size_t i = 0; i < f->nsections; i++)
		free(f->sections[i]);
	free(f->sections);
	free(f->fields);
	free(f->id);
	free(f->title);
	free(f->table);
	free(f->unit_label);
	free(f->hint);
	free(f->similar);
	for (size_t i = 0; i < f->nalike; i++)
		free(f->alike[i].fields);
	free(f->alike);
	free(f->near);
	free(f->near_prefixes);
	free(f->description);
	free(f->line);
	paper_free(f->paper);
	if (f->search) {
		free(f->search->fields);
		free(f->search->show);
		free(f->search);
	}
	free(f->total_row);
	free(f->file);
	free(f);
}

void paper_free(kp_paper *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->ntitle; i++)
		free(p->title[i]);
	for (size_t i = 0; i < p->nlines; i++)
		free(p->lines[i]);
	for (size_t r = 0; r < p->nrows; r++) {
		for (size_t c = 0; c < p->rows[r].n; c++) {
			free(p->rows[r].cells[c].text);
			free(p->rows[r].cells[c].caption);
		}
		free(p->rows[r].cells);
	}
	free(p->title);
	free(p->lines);
	free(p->header);
	free(p->widths);
	free(p->rows);
	free(p);
}

int form_field_index(const kp_form *f, const char *key)
{
	for (size_t i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].id, key) == 0 || strcmp(f->fields[i].label, key) == 0)
			return (int)i;
	return -1;
}

void form_short_title(const kp_form *f, char *out, size_t len)
{
	const char *sp = strchr(f->title, ' ');
	size_t n = sp ? (size_t)(sp - f->title) : strlen(f->title);
	snprintf(out, len, "%.*s", (int)(n < len ? n : len - 1), f->title);
}

void view_free(kp_view *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->ncolumns; i++)
		free(v->columns[i].label);
	free(v->columns);
	free(v->id);
	free(v->title);
	free(v->description);
	free(v->line);
	free(v->file);
	free(v->source_id);
	free(v);
}
