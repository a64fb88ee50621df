/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * ynode: a strict YAML reader for kepu's definition files.
 * libyaml's events become a small tree of scalars, maps and sequences, each
 * with its 1-based position. Anything a definition file never needs is
 * refused with a position: anchors and aliases, tags, several documents,
 * nesting deeper than YN_MAX_DEPTH (libyaml itself has no limit), and more
 * than YN_MAX_NODES nodes. Map keys must be scalars.
 */
#ifndef KP_YNODE_H
#define KP_YNODE_H
#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

#define YN_MAX_DEPTH 16
#define YN_MAX_NODES 200000

typedef enum { YN_SCALAR, YN_MAP, YN_SEQ } yn_kind;

typedef struct ynode {
	yn_kind kind;
	int line, col;
	char *value;         /* scalars: the text */
	bool plain;          /* scalars: unquoted (so `true` and `12` are typed) */
	struct ynode **kids; /* maps: key, value, key, value…; sequences: items */
	size_t n;
} ynode;

/* Parse data (from file, named in messages). Returns the root, or NULL after
 * adding every problem to d. An empty document gives an empty map. */
ynode *yn_parse(const char *file, const char *data, size_t len, kp_diag *d);
void yn_free(ynode *n);

/* The value for key in a map, or NULL. */
const ynode *yn_get(const ynode *map, const char *key);
/* The key node itself (for messages about the key), or NULL. */
const ynode *yn_get_key(const ynode *map, const char *key);

#endif
