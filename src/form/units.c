/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/units.h"

#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "form/yschema.h"

static bool int_cell(ychk *c, const ynode *n, int *out)
{
	char *end;
	long v = n->kind == YN_SCALAR ? strtol(n->value, &end, 10) : -1;
	if (n->kind != YN_SCALAR || !n->value[0] || *end || v < 0 || v > 1000000) {
		ychk_err(c, n, msg(MSG_L_WANT_INT), n->kind == YN_SCALAR ? n->value : "…");
		return false;
	}
	*out = (int)v;
	return true;
}

/* columns: [seq, name, …]: the first two are fixed. */
static bool load_columns(ychk *c, const ynode *cols, kp_units *u)
{
	if (!cols || !ychk_is_seq(c, cols) || cols->n < 2 || strcmp(cols->kids[0]->value, "seq") ||
	    strcmp(cols->kids[1]->value, "name")) {
		ychk_err(c, cols, msg(MSG_L_MISSING_KEY), "columns: [seq, name, …]");
		return false;
	}
	u->ncolumns = cols->n - 2;
	u->columns = xcalloc(u->ncolumns ? u->ncolumns : 1, sizeof *u->columns);
	for (size_t i = 0; i < u->ncolumns; i++)
		u->columns[i] = xstrdup(cols->kids[i + 2]->value);
	return true;
}

int units_load(kp_units *u, kp_diag *d)
{
	static const char *const keys[] = {"source", "columns", "units", NULL};
	const char *path = "data/units.yaml";
	const struct kp_embedded *e = embedded_find(path);
	ychk c = {path, d, 0};
	memset(u, 0, sizeof *u);
	ynode *root = e ? yn_parse(path, e->data, e->len, d) : NULL;
	if (!root)
		return -1;
	const ynode *rows = ychk_is_map(&c, root) ? yn_get(root, "units") : NULL;
	if (rows)
		ychk_keys(&c, root, keys);
	if (!rows || !ychk_is_seq(&c, rows) || !load_columns(&c, yn_get(root, "columns"), u)) {
		yn_free(root);
		units_free(u);
		return -1;
	}
	u->units = xcalloc(rows->n ? rows->n : 1, sizeof *u->units);
	for (size_t i = 0; i < rows->n; i++) {
		const ynode *r = rows->kids[i];
		if (r->kind != YN_SEQ || r->n != 2 + u->ncolumns) {
			ychk_err(&c, r, "%s", msg(MSG_L_WANT_SEQ));
			continue;
		}
		kp_unit x = {0};
		bool ok = int_cell(&c, r->kids[0], &x.seq);
		ok &= r->kids[1]->kind == YN_SCALAR && ychk_safe_text(&c, r->kids[1]);
		for (size_t k = 0; k < u->ncolumns; k++)
			ok &= r->kids[2 + k]->kind == YN_SCALAR && ychk_safe_text(&c, r->kids[2 + k]);
		if (!ok)
			continue;
		x.name = xstrdup(r->kids[1]->value);
		x.values = xcalloc(u->ncolumns ? u->ncolumns : 1, sizeof *x.values);
		for (size_t k = 0; k < u->ncolumns; k++)
			x.values[k] = xstrdup(r->kids[2 + k]->value);
		u->units[u->n++] = x;
	}
	yn_free(root);
	if (c.errors) {
		units_free(u);
		return -1;
	}
	return 0;
}

const char *unit_value(const kp_units *u, size_t unit, const char *column)
{
	for (size_t k = 0; k < u->ncolumns; k++)
		if (!strcmp(u->columns[k], column))
			return u->units[unit].values[k];
	return NULL;
}

void units_free(kp_units *u)
{
	for (size_t i = 0; i < u->n; i++) {
		for (size_t k = 0; k < u->ncolumns; k++)
			free(u->units[i].values[k]);
		free(u->units[i].values);
		free(u->units[i].name);
	}
	for (size_t k = 0; k < u->ncolumns; k++)
		free(u->columns[k]);
	free(u->columns);
	free(u->units);
	memset(u, 0, sizeof *u);
}

void unit_list_free(kp_unit *u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(u[i].name);
	free(u);
}
