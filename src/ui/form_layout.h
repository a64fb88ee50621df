/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * form_layout: where each section title and field of a form goes on a
 * screen of a given width — pure arithmetic, recomputed on every draw so a
 * resize never needs special handling.
 */
#ifndef KP_FORM_LAYOUT_H
#define KP_FORM_LAYOUT_H
#include <stdbool.h>
#include <stddef.h>

#include "form/form.h"

typedef struct {
	int field;   /* field index, or -1 for a section title */
	int section; /* section index for titles */
	int y, h;    /* first row (0 = top of the form) and height */
} layout_row;

typedef struct {
	layout_row *rows;
	size_t n;
	int label_w; /* cells for the labels */
	int star_x;  /* column of a required field's mark: one blank after the widest label */
	int value_x; /* column where values start */
	int value_w; /* cells for values */
	int height;  /* rows of the whole form */
} form_layout;

/* Lay out f for a screen `cols` wide. mc_rows(i, width) gives the rows a
 * multi-select field needs at that width. */
void layout_compute(form_layout *l, const kp_form *f, int cols,
		    int (*mc_rows)(const kp_field *fd, int width));
void layout_free(form_layout *l);
/* The layout row of field i. */
const layout_row *layout_field(const form_layout *l, size_t field);
/* The cells a single-line field of this kind takes (at most value_w). */
int layout_field_width(const form_layout *l, const kp_field *fd);

#endif
