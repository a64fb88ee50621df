/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/import_source.h"

#include "domain/xlsx_read.h"

FILE *import_source(const kp_catalog *cat, const kp_form *f, FILE *raw, const char *name,
		    const char *encoding, paper_places **pl, char **err)
{
	*pl = NULL;
	*err = NULL;
	if (!xlsx_is_zip(raw))
		return import_decode(raw, encoding, err);
	FILE *in = paper_to_csv(cat, f, raw, name, pl, err);
	if (in || *err)
		return in;
	return xlsx_to_csv(raw, name, err); /* a list: its first sheet */
}

void import_source_places(import_options *o, paper_places *pl)
{
	o->place = pl ? paper_place : NULL;
	o->place_ctx = pl;
}
