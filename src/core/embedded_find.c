/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/embedded.h"

#include <string.h>

const struct kp_embedded *embedded_find(const char *path)
{
	for (const struct kp_embedded *e = kp_embedded_files; e->path; e++)
		if (strcmp(e->path, path) == 0)
			return e;
	return NULL;
}
