/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/roll_import.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"

/* Is cell, as a label key, one of the columns a printed or exported list
 * has besides the view's own (序号, 单位, the unit column, 状态)? */
static bool extra_column(const kp_form *f, const char *key)
{
	const char *extra[] = {msg(MSG_UI_COL_SEQ), msg(MSG_P_COL_UNIT), msg(MSG_UI_COL_UNIT), f->unit_label,
			       f->review ? msg(MSG_UI_COL_STATE) : NULL};
	bool yes = false;
	for (size_t i = 0; i < sizeof extra / sizeof extra[0] && !yes; i++) {
		char *k = text_label_key(extra[i] ? extra[i] : "");
		yes = k[0] && !strcmp(k, key);
		free(k);
	}
	return yes;
}

/* Does the header hold exactly v's columns (each once), besides the extras? */
static bool is_view(const kp_view *v, const kp_form *f, char *const *cells, size_t n)
{
	bool *seen = xcalloc(v->ncolumns + 1, sizeof *seen);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		char *key = text_label_key(cells[i]);
		size_t c = 0;
		while (c < v->ncolumns) {
			char *k = text_label_key(v->columns[c].label);
			bool same = !strcmp(k, key);
			free(k);
			if (same)
				break;
			c++;
		}
		if (c < v->ncolumns)
			ok = !seen[c] && (seen[c] = true);
		else
			ok = !key[0] || extra_column(f, key);
		free(key);
	}
	for (size_t c = 0; c < v->ncolumns && ok; c++)
		ok = seen[c];
	free(seen);
	return ok;
}

char *roll_refusal(const kp_catalog *cat, const kp_form *f, char *const *cells, size_t n,
		   const char *missing)
{
	for (size_t i = 0; i < cat->nviews; i++) {
		const kp_view *v = cat->views[i];
		if (v->source == f && is_view(v, f, cells, n))
			return xasprintf(msg(MSG_C_ROLL_REFUSED), v->title, f->title, missing, f->title, f->title);
	}
	return NULL;
}
