/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * json: the one JSON shape kepu stores — an array of strings (the options of
 * a multi-select field).
 */
#ifndef KP_JSON_H
#define KP_JSON_H
#include <stddef.h>

/* ["a","b"]; caller frees. */
char *json_array_encode(char *const *items, size_t n);
/* Parse an array of strings. Returns 0 and a new array (caller frees each
 * item and the array), or -1 when s is not exactly such an array. */
int json_array_decode(const char *s, char ***items, size_t *n);
void json_array_free(char **items, size_t n);

#endif
