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

size_t units_load(kp_unit **out, kp_diag *d)
{
	static const char *const keys[] = {"source", "units", NULL};
	const char *path = "data/units.yaml";
	const struct kp_embedded *e = embedded_find(path);
	ychk c = {path, d, 0};
	*out = NULL;
	ynode *root = e ? yn_parse(path, e->data, e->len, d) : NULL;
	if (!root)
		return 0;
	const ynode *rows = ychk_is_map(&c, root) ? yn_get(root, "units") : NULL;
	if (rows)
		ychk_keys(&c, root, keys);
	if (!rows || !ychk_is_seq(&c, rows)) {
		yn_free(root);
		return 0;
	}
	kp_unit *u = xcalloc(rows->n, sizeof *u);
	size_t n = 0;
	for (size_t i = 0; i < rows->n; i++) {
		const ynode *r = rows->kids[i];
		if (r->kind != YN_SEQ || r->n != 2 + QUOTA_COUNT) {
			ychk_err(&c, r, "%s", msg(MSG_L_WANT_SEQ));
			continue;
		}
		kp_unit x = {0};
		bool ok = int_cell(&c, r->kids[0], &x.seq);
		ok &= r->kids[1]->kind == YN_SCALAR && ychk_safe_text(&c, r->kids[1]);
		for (int q = 0; q < QUOTA_COUNT; q++)
			ok &= int_cell(&c, r->kids[2 + q], &x.quota[q]);
		if (ok) {
			x.name = xstrdup(r->kids[1]->value);
			u[n++] = x;
		}
	}
	yn_free(root);
	if (c.errors) {
		units_free(u, n);
		return 0;
	}
	*out = u;
	return n;
}

void units_free(kp_unit *u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(u[i].name);
	free(u);
}
