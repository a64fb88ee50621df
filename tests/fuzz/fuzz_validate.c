/* SPDX-License-Identifier: MulanPSL-2.0 */
/* libFuzzer: every validator and normaliser on arbitrary bytes. The first
 * byte picks a field of 附表2 (all nine types are covered by talent and a
 * small extra form); the rest is the typed value. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/json.h"
#include "core/utf8.h"
#include "form/catalog.h"
#include "form/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char extra[] = "id: x\ntitle: X\ntable: x\nfields:\n"
			    "  - {id: d, label: D, type: date}\n"
			    "  - {id: m, label: M, type: yearmonth}\n"
			    "  - {id: c, label: C, type: text, pattern: '\\A(a|b)*c\\z'}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static kp_catalog cat;
	static const kp_form *forms[2];
	if (!forms[0]) {
		kp_diag d = {0};
		catalog_load(&cat, NULL, NULL, &d);
		forms[0] = catalog_form(&cat, "talent");
		forms[1] = form_load(&cat, "extra.yaml", extra, sizeof extra - 1, &d);
		diag_free(&d);
	}
	if (size < 1)
		return 0;
	size_t total = forms[0]->nfields + forms[1]->nfields, k = data[0] % total;
	const kp_field *f = k < forms[0]->nfields ? &forms[0]->fields[k]
						 : &forms[1]->fields[k - forms[0]->nfields];
	char *raw = malloc(size);
	memcpy(raw, data + 1, size - 1);
	raw[size - 1] = '\0';
	char *out, *why;
	if (field_validate(&cat, f, raw, &out, &why)) {
		/* what is stored validates again to itself */
		char *out2, *why2;
		if (!field_validate(&cat, f, out, &out2, &why2) || strcmp(out, out2) != 0)
			abort();
		free(out2);
		free(out);
	} else {
		free(why);
	}
	char *joined = multi_join(raw);
	free(joined);
	char *clean = utf8_sanitize(raw, true);
	free(clean);
	int y, m, dd;
	date_parse(raw, &y, &m, &dd);
	char **items;
	size_t n;
	if (json_array_decode(raw, &items, &n) == 0)
		json_array_free(items, n);
	free(raw);
	return 0;
}
