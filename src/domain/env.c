#include "domain/env.h"

#include <string.h>
#include <sys/stat.h>

#include "core/msg.h"
#include "core/xalloc.h"

int env_load_definitions(kp_env *e, const char *screens_dir, kp_diag *d)
{
	memset(e, 0, sizeof *e);
	return catalog_load(&e->cat, screens_dir, d) ? -1 : 0;
}

int env_open_db(kp_env *e, const char *db, bool create, char **err)
{
	struct stat st;
	if (!create && stat(db, &st) != 0) {
		*err = xasprintf(msg(MSG_S_OPEN), db, msg(MSG_S_NO_FILE));
		return -1;
	}
	if (store_open(db, &e->store, err) != KP_OK)
		return -1;
	kp_diag d = {0};
	kp_unit *units;
	size_t n = units_load(&units, &d);
	if (d.n) {
		*err = diag_format(&d, 0);
		diag_free(&d);
		return -1;
	}
	int rc = store_ensure_units(e->store, units, n, err);
	units_free(units, n);
	if (rc == KP_OK)
		rc = store_ensure_drafts(e->store, err);
	for (size_t i = 0; rc == KP_OK && i < e->cat.nforms; i++)
		rc = store_ensure_form(e->store, e->cat.forms[i], err);
	return rc == KP_OK ? 0 : -1;
}

void env_close(kp_env *e)
{
	store_close(e->store);
	catalog_free(&e->cat);
	memset(e, 0, sizeof *e);
}
