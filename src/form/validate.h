/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * validate: normalise and check typed values against their field, exactly
 * the same way for the screen, the CSV importer and any other input.
 */
#ifndef KP_VALIDATE_H
#define KP_VALIDATE_H
#include <stdbool.h>
#include <stdint.h>

#include "form/catalog.h"

/* Normalise raw (as typed) and check it. On success returns true and *out
 * is the value to store ("" for an empty optional field; multi-select as a
 * JSON array). On failure returns false and *reason is the Chinese reason,
 * without the field label. Caller frees *out or *reason. */
bool field_validate(const kp_catalog *cat, const kp_field *f, const char *raw,
		    char **out, char **reason);

/* The text a new record's field starts with (caller frees): with `default:
 * year` the programme year the catalogue is in, else "". */
char *field_initial(const kp_catalog *cat, const kp_field *f);

/* Validate every field of a form: raw[i] for field i (NULL = empty).
 * out[i] and reasons[i] receive new strings (or NULL). Returns the number
 * of failing fields. */
int form_validate(const kp_catalog *cat, const kp_form *form, const char *const *raw,
		  char **out, char **reasons);

/* May field i hold a value while its only_when field holds owner (as
 * typed or stored)? True for a field without only_when. */
bool field_applies(const kp_form *form, size_t i, const char *owner);

/* A keystroke cp the field's type can never hold (a letter in an integer
 * field): the reason, without the label, to refuse it as it is typed;
 * NULL when it may be typed. Caller frees. */
char *field_refuse_key(const kp_field *f, uint32_t cp);

/* Whether f holds a year-month: a yearmonth field, or a choice of
 * year-months (月报's 月份). A workbook prints its value as 2016年7月. */
bool field_holds_month(const kp_field *f);

/* Why 「s」 is not one of the months of f (a choice of year-months), as
 * field_validate says it, the months that may be chosen now named as
 * shown names them (the list's items as a screen offers them, 「2016-07
 * （已填报）」; NULL: as they are). Caller frees. */
char *field_month_refusal(const kp_field *f, const char *s, char *const *shown);

/* "<label>：<reason>"; caller frees. */
char *field_message(const kp_field *f, const char *reason);

/* Split a multi-select value — a JSON array, or options joined by 、 ; ；
 * or a comma — into its parts. Caller frees with json_array_free. */
char **multi_split(const char *s, size_t *n);
/* The stored JSON array joined with 、 for display and export; caller frees. */
char *multi_join(const char *stored);

#endif
