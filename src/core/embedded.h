/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * embedded: the shipped defaults (screens/, config/, data/) compiled into the
 * binary by tools/embed.sh, and the lookup that lets a site directory
 * override them file by file.
 */
#ifndef KP_EMBEDDED_H
#define KP_EMBEDDED_H
#include <stddef.h>

struct kp_embedded {
	const char *path; /* e.g. "screens/talent.yaml" */
	const char *data; /* NUL-terminated */
	size_t len;
};

/* Terminated by an entry whose path is NULL. */
extern const struct kp_embedded kp_embedded_files[];

/* The embedded file at path, or NULL. */
const struct kp_embedded *embedded_find(const char *path);

#endif
