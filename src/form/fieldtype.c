/* SPDX-License-Identifier: MulanPSL-2.0 */
#include <string.h>

#include "form/form.h"

/* One row per field type: what it accepts in YAML and how it is stored. */
static const kp_ftype_info types[FT_COUNT] = {
	{"text",        FT_TEXT,        FK_MAX_CHARS | FK_PATTERN | FK_ADVANCE | FK_PLACE, false, 100},
	{"textarea",    FT_TEXTAREA,    FK_MAX_CHARS | FK_PATTERN | FK_LINES, false, 2000},
	{"integer",     FT_INTEGER,     FK_MINMAX | FK_ORDER | FK_NOT_AFTER | FK_DEFAULT, true, 18},
	{"choice",      FT_CHOICE,      FK_CHOICES | FK_MULTIPLE | FK_NOT_AFTER, false, 100},
	{"multichoice", FT_MULTICHOICE, FK_CHOICES, false, 1000},
	{"phone",       FT_PHONE,       FK_ADVANCE, false, 30},
	{"email",       FT_EMAIL,       0, false, 254},
	{"date",        FT_DATE,        FK_ORDER | FK_NOT_AFTER, false, 20},
	{"yearmonth",   FT_YEARMONTH,   FK_ORDER | FK_NOT_AFTER, false, 20},
	/* a record's number; typed or imported as a name (with its unit) or the number */
	{"record",      FT_RECORD,      FK_REF | FK_MAX_CHARS, true, 100},
};

const kp_ftype_info *ftype_by_name(const char *name)
{
	for (size_t i = 0; i < FT_COUNT; i++)
		if (strcmp(types[i].name, name) == 0)
			return &types[i];
	return NULL;
}

const kp_ftype_info *ftype_info(kp_ftype t) { return &types[t]; }

const char *ftype_names(void)
{
	static char buf[256];
	if (!buf[0])
		for (size_t i = 0; i < FT_COUNT; i++) {
			if (i)
				strcat(buf, ", ");
			strcat(buf, types[i].name);
		}
	return buf;
}
