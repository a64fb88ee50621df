/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/import_totals.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"

struct import_totals {
	const kp_form *f;
	int *field_of;     /* by column */
	size_t ncols;
	long long *all;    /* by column: the sum of every record above */
	long long *since;  /* and since the last 小计 */
	bool *unsummed;    /* a record above held no whole number there */
};

import_totals *import_totals_new(const kp_form *f, const int *field_of, size_t ncols)
{
	import_totals *t = xcalloc(1, sizeof *t);
	t->f = f;
	t->ncols = ncols;
	t->field_of = xcalloc(ncols + 1, sizeof *t->field_of);
	memcpy(t->field_of, field_of, ncols * sizeof *field_of);
	t->all = xcalloc(ncols + 1, sizeof *t->all);
	t->since = xcalloc(ncols + 1, sizeof *t->since);
	t->unsummed = xcalloc(ncols + 1, sizeof *t->unsummed);
	return t;
}

void import_totals_free(import_totals *t)
{
	if (!t)
		return;
	free(t->field_of);
	free(t->all);
	free(t->since);
	free(t->unsummed);
	free(t);
}

static bool is_number_column(const import_totals *t, size_t c)
{
	int k = c < t->ncols ? t->field_of[c] : -1;
	return k >= 0 && t->f->fields[k].type == FT_INTEGER;
}

/* A whole number, as a cell of a list holds it (45, -3); false otherwise. */
static bool whole_number(const char *cell, long long *v)
{
	char *s = text_trim(cell), *end;
	errno = 0;
	*v = strtoll(s, &end, 10);
	bool ok = s[0] && !*end && errno == 0;
	free(s);
	return ok;
}

/* 0: not a label of sums; 1: 合计 or 总计 (the whole list); 2: 小计. */
static int label_kind(const char *cell)
{
	/* Each label ends in 计, which the key's folding never makes from
	 * another character: a cell without it (nearly every cell of an
	 * import) is no label, and is not folded. */
	if (!strstr(cell, "计"))
		return 0;
	char *k = text_label_key(cell);
	int kind = !strcmp(k, "合计") || !strcmp(k, "总计") ? 1 : !strcmp(k, "小计") ? 2 : 0;
	free(k);
	return kind;
}

int import_totals_row(import_totals *t, char *const *cells, size_t n, char **why)
{
	*why = NULL;
	int kind = 0;
	size_t label = 0;
	for (size_t c = 0; c < n && !kind; c++)
		if (cells[c][0] && !is_number_column(t, c) && (kind = label_kind(cells[c])) != 0)
			label = c;
	/* A row of sums holds no text but its one label (a second label is
	 * text too); asked only of a labelled row. */
	bool other_text = false;
	for (size_t c = 0; kind && c < n && !other_text; c++) {
		if (c == label || !cells[c][0] || is_number_column(t, c))
			continue;
		char *v = text_trim(cells[c]);
		other_text = v[0] != '\0';
		free(v);
	}
	if (kind && !other_text) { /* a row of sums: each number checked */
		for (size_t c = 0; c < n && c < t->ncols && !*why; c++) {
			long long v;
			if (!is_number_column(t, c) || !cells[c][0])
				continue;
			long long want = kind == 1 ? t->all[c] : t->since[c];
			const char *col = t->f->fields[t->field_of[c]].label;
			if (t->unsummed[c])
				*why = xasprintf(msg(MSG_C_TOTAL_UNSUMMED), cells[label], col, cells[c]);
			else if (!whole_number(cells[c], &v) || v != want)
				*why = xasprintf(msg(MSG_C_TOTAL_DIFFERS), cells[label], col, cells[c], want);
		}
		if (kind == 2 || !*why) /* a 小计 begins the next group's sums */
			memset(t->since, 0, t->ncols * sizeof *t->since);
		return *why ? TOTALS_DISAGREE : TOTALS_AGREE;
	}
	for (size_t c = 0; c < n && c < t->ncols; c++) {
		long long v;
		if (!is_number_column(t, c) || !cells[c][0])
			continue;
		if (whole_number(cells[c], &v) && !__builtin_add_overflow(t->all[c], v, &t->all[c]) &&
		    !__builtin_add_overflow(t->since[c], v, &t->since[c]))
			continue;
		t->unsummed[c] = true;
	}
	return TOTALS_DATA;
}
