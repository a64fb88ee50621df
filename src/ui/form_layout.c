/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/form_layout.h"

#include <stdlib.h>

#include "core/utf8.h"
#include "core/xalloc.h"

#define MAX_LABEL_W 26

void layout_compute(form_layout *l, const kp_form *f, int cols,
		    int (*mc_rows)(const kp_field *fd, int width))
{
	l->rows = xcalloc(f->nfields + f->nsections + 1, sizeof *l->rows);
	l->n = 0;
	l->label_w = 4;
	for (size_t i = 0; i < f->nfields; i++) {
		int w = utf8_width(f->fields[i].label);
		if (w > l->label_w)
			l->label_w = w;
	}
	if (l->label_w > MAX_LABEL_W)
		l->label_w = MAX_LABEL_W;
	/* margin, label, gap, required mark, gap: the widest label keeps its
	 * blank before the mark as the others do (「培训场次* 」 touched it) */
	l->star_x = 2 + l->label_w + 1;
	l->value_x = l->star_x + 2;
	l->value_w = cols - l->value_x - 2;
	int y = 0, section = -1;
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		if (fd->section != section && fd->section >= 0) {
			if (y > 0)
				y++; /* a blank row between sections */
			l->rows[l->n++] = (layout_row){-1, fd->section, y, 1};
			y++;
		}
		section = fd->section;
		int h = 1;
		if (fd->type == FT_TEXTAREA)
			h = fd->lines;
		else if (fd->type == FT_MULTICHOICE)
			h = mc_rows(fd, l->value_w);
		l->rows[l->n++] = (layout_row){(int)i, section, y, h};
		y += h;
	}
	l->height = y;
}

void layout_free(form_layout *l)
{
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

const layout_row *layout_field(const form_layout *l, size_t field)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->rows[i].field == (int)field)
			return &l->rows[i];
	return NULL;
}

int layout_field_width(const form_layout *l, const kp_field *fd)
{
	int w;
	switch (fd->type) {
	case FT_INTEGER: w = 8; break;
	case FT_DATE: w = 16; break;
	case FT_YEARMONTH: w = 12; break;
	case FT_PHONE: w = 24; break;
	case FT_CHOICE:
		w = list_width(fd->choices) + 2;
		if (w < 12)
			w = 12;
		break;
	default: w = fd->max_chars * 2 + 1; break;
	}
	return w < l->value_w ? w : l->value_w;
}
