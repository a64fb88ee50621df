/* SPDX-License-Identifier: MulanPSL-2.0 */
/* libFuzzer: the YAML form loader must refuse anything malformed with
 * diagnostics, never crash, leak or hang (deep nesting, aliases, bombs). */
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"
#include "form/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static kp_catalog cat;
	static int loaded;
	if (!loaded) {
		kp_diag d = {0};
		catalog_load(&cat, NULL, NULL, &d);
		diag_free(&d);
		loaded = 1;
	}
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "fuzz.yaml", (const char *)data, size, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *s = diag_format(&d, i);
		free(s);
	}
	form_free(f);
	diag_free(&d);
	return 0;
}
