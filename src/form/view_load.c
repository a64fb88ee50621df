/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Loading a view definition (screens/NAME.yaml with `view_of`). */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "form/catalog.h"
#include "form/yschema.h"

static const char *const view_keys[] = {"id", "title", "attachment", "view_of", "description",
					"columns", "line", NULL};
static const char *const column_keys[] = {"field", "label", NULL};

bool definition_is_view(const char *data, size_t len)
{
	kp_diag d = {0};
	ynode *root = yn_parse("", data, len, &d);
	bool yes = root && yn_get(root, "view_of");
	yn_free(root);
	diag_free(&d);
	return yes;
}

static void load_columns(ychk *c, kp_view *v, const ynode *cols)
{
	if (!ychk_is_seq(c, cols))
		return;
	v->columns = xcalloc(cols->n ? cols->n : 1, sizeof *v->columns);
	for (size_t i = 0; i < cols->n; i++) {
		const ynode *m = cols->kids[i];
		if (!ychk_is_map(c, m))
			continue;
		ychk_keys(c, m, column_keys);
		const char *field = ychk_str(c, m, "field", true);
		const char *label = ychk_str(c, m, "label", true);
		if (!field || !label || !v->source)
			continue;
		int k = form_field_index(v->source, field);
		if (k < 0) {
			ychk_err(c, yn_get(m, "field"), msg(MSG_L_UNKNOWN_FIELD), field);
			continue;
		}
		v->columns[v->ncolumns++] = (kp_view_column){k, xstrdup(label)};
	}
	if (v->ncolumns == 0 && !c->errors)
		ychk_err(c, cols, "%s", msg(MSG_L_NO_FIELDS));
}

kp_view *view_load(const kp_catalog *cat, const char *file, const char *data, size_t len,
		   kp_diag *d)
{
	ynode *root = yn_parse(file, data, len, d);
	if (!root)
		return NULL;
	ychk c = {file, d, 0};
	kp_view *v = xcalloc(1, sizeof *v);
	v->file = xstrdup(file);
	if (ychk_is_map(&c, root)) {
		ychk_keys(&c, root, view_keys);
		const char *id = ychk_str(&c, root, "id", true);
		const char *title = ychk_str(&c, root, "title", true);
		const char *src = ychk_str(&c, root, "view_of", true);
		const char *desc = ychk_str(&c, root, "description", false);
		v->description = desc ? xstrdup(desc) : NULL;
		const char *line = ychk_str(&c, root, "line", false);
		v->line = line ? xstrdup(line) : NULL;
		long long att;
		if (ychk_int(&c, root, "attachment", &att)) {
			if (att < 1 || att > 9)
				ychk_err(&c, yn_get(root, "attachment"), msg(MSG_L_WANT_POS_INT),
					 yn_get(root, "attachment")->value);
			else
				v->attachment = (int)att;
		}
		v->id = xstrdup(id ? id : "");
		v->title = xstrdup(title ? title : "");
		v->source_id = xstrdup(src ? src : "");
		if (src && !(v->source = catalog_form(cat, src)))
			ychk_err(&c, yn_get(root, "view_of"), msg(MSG_L_UNKNOWN_FORM), src);
		const ynode *cols = yn_get(root, "columns");
		if (cols)
			load_columns(&c, v, cols);
		else
			ychk_err(&c, root, msg(MSG_L_MISSING_KEY), "columns");
	}
	yn_free(root);
	if (c.errors) {
		view_free(v);
		return NULL;
	}
	return v;
}
