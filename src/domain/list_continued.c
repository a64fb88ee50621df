/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/list_continued.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"

bool continued_of(const char *cell, const char *seq)
{
	char *c = text_trim(cell), *s = text_trim(seq);
	const char *mark = msg(MSG_X_CONTINUED);
	size_t n = strlen(s);
	bool yes = n && strspn(s, "0123456789") == n && !strncmp(c, s, n) && !strcmp(c + n, mark);
	free(c);
	free(s);
	return yes;
}

bool continued_marked(const char *cell)
{
	/* 「（续）」 without its brackets: also as typed with others, 2(续) */
	char *key = text_label_key(cell), *mark = text_label_key(msg(MSG_X_CONTINUED));
	bool yes = strstr(key, mark) != NULL;
	free(key);
	free(mark);
	return yes;
}

void continued_hold(csv_reader *w, const csv_reader *r)
{
	*w = (csv_reader){.record = r->record, .nul_cell = r->nul_cell, .nul_at = r->nul_at, .n = r->n};
	w->cells = xcalloc(r->n + 1, sizeof *w->cells);
	w->starts = xcalloc(r->n + 1, sizeof *w->starts);
	for (size_t c = 0; c < r->n; c++) {
		w->cells[c] = xstrdup(r->cells[c]);
		w->starts[c] = r->starts ? r->starts[c] : 0;
	}
}

void continued_add(csv_reader *w, const csv_reader *r, size_t seq)
{
	if (r->n > w->n) {
		w->cells = xrealloc(w->cells, (r->n + 1) * sizeof *w->cells);
		w->starts = xrealloc(w->starts, (r->n + 1) * sizeof *w->starts);
		for (size_t c = w->n; c < r->n; c++) {
			w->cells[c] = xstrdup("");
			w->starts[c] = r->starts ? r->starts[c] : 0;
		}
		w->n = r->n;
	}
	for (size_t c = 0; c < r->n; c++) {
		if (c == seq || !r->cells[c][0])
			continue;
		char *joined = xasprintf("%s%s", w->cells[c], r->cells[c]);
		free(w->cells[c]);
		w->cells[c] = joined;
	}
	if (w->nul_cell < 0 && r->nul_cell >= 0) {
		w->nul_cell = r->nul_cell;
		w->nul_at = r->nul_at;
	}
}

void continued_free(csv_reader *w)
{
	for (size_t c = 0; c < w->n; c++)
		free(w->cells[c]);
	free(w->cells);
	free(w->starts);
}
