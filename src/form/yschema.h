/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * yschema: checked access to a ynode tree. Every problem is added to the
 * diagnostics with the node's position; getters return a default after
 * reporting, so one pass finds every problem in a file.
 */
#ifndef KP_YSCHEMA_H
#define KP_YSCHEMA_H
#include <stdbool.h>

#include "core/diag.h"
#include "form/ynode.h"

typedef struct {
	const char *file;
	kp_diag *d;
	int errors;
} ychk;

void ychk_err(ychk *c, const ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Is n a map (else reported)? */
bool ychk_is_map(ychk *c, const ynode *n);
bool ychk_is_seq(ychk *c, const ynode *n);
/* Report keys of map not in allowed (NULL-terminated) and repeated keys. */
void ychk_keys(ychk *c, const ynode *map, const char *const *allowed);
/* A scalar's text, or NULL (reported when required and missing, or not a
 * scalar). Text with control characters is reported. */
const char *ychk_str(ychk *c, const ynode *map, const char *key, bool required);
/* A boolean (true/false, yes/no); def when absent. */
bool ychk_bool(ychk *c, const ynode *map, const char *key, bool def);
/* An integer; returns false when absent or invalid (invalid is reported). */
bool ychk_int(ychk *c, const ynode *map, const char *key, long long *out);
/* Is the scalar safe to show (no control, bidi or zero-width characters)? */
bool ychk_safe_text(ychk *c, const ynode *n);

#endif
