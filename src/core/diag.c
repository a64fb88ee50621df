/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "core/xalloc.h"

void diag_add(kp_diag *d, const char *file, int line, int col, const char *fmt, ...)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->items = xrealloc(d->items, d->cap * sizeof *d->items);
	}
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	d->items[d->n++] = (kp_diag_item){xstrdup(file), line, col, text};
}

char *diag_format(const kp_diag *d, size_t i)
{
	const kp_diag_item *it = &d->items[i];
	if (it->line > 0)
		return xasprintf("%s:%d:%d: %s", it->file, it->line, it->col, it->text);
	return xasprintf("%s: %s", it->file, it->text);
}

void diag_print(const kp_diag *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(d, i);
		fprintf(out, "%s\n", s);
		free(s);
	}
}

void diag_free(kp_diag *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].text);
	}
	free(d->items);
	d->items = NULL;
	d->n = d->cap = 0;
}
