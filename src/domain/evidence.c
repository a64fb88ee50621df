/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/evidence.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/filetype.h"
#include "core/msg.h"
#include "core/xalloc.h"

int evidence_add(kp_env *e, const kp_form *f, long long record_id, FILE *in, const char *name,
		 long long size, long long *id, char **err)
{
	char *safe = exchange_safe_name(name);
	kp_filetype t = filetype_detect(in);
	int rc = -1;
	if (t == FTYPE_NONE) {
		*err = xasprintf(msg(MSG_EV_TYPE), safe);
	} else {
		rewind(in);
		kp_new_attachment na = {safe, filetype_name(t), in, size};
		rc = store_attach(e->store, f, record_id, &na, id, err) == KP_OK ? 0 : -1;
	}
	free(safe);
	return rc;
}

int evidence_add_path(kp_env *e, const kp_form *f, long long record_id, const char *path, long long *id,
		      char **err)
{
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	struct stat st;
	if (exchange_check_name(name, err) != 0)
		return -1;
	if (stat(path, &st) != 0) {
		*err = xasprintf(msg(MSG_XC_OPEN), name, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf(msg(MSG_EV_NOT_REGULAR), name);
		return -1;
	}
	char *why = NULL;
	if (exchange_is_database(e->db, &st, name, &why)) {
		/* the database said as an attachment's, not an import's (t7h
		 * #10); a database that cannot be looked at, as found */
		char *as_db = xasprintf(msg(MSG_XC_IS_DATABASE), name);
		*err = strcmp(why, as_db) ? why : (free(why), xasprintf(msg(MSG_EV_IS_DATABASE), name));
		free(as_db);
		return -1;
	}
	FILE *in = exchange_read_path(e->db, path, err);
	if (!in)
		return -1;
	int rc = -1;
	if (fstat(fileno(in), &st) != 0) /* looked at again: what was opened */
		*err = xasprintf(msg(MSG_XC_OPEN), name, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		*err = xasprintf(msg(MSG_EV_NOT_REGULAR), name);
	else
		rc = evidence_add(e, f, record_id, in, name, (long long)st.st_size, id, err);
	fclose(in);
	return rc;
}

char *evidence_twin_note(kp_env *e, const kp_form *f, long long record_id, long long id)
{
	char *twins = store_attachment_twins(e->store, f, record_id, id);
	char *note = twins ? xasprintf(msg(MSG_EV_TWIN), twins) : NULL;
	free(twins);
	return note;
}

typedef struct {
	kp_env *e;
	const kp_form *f;
	long long id;
} copy_ctx;

static int copy_out(FILE *out, void *ctx, char **err)
{
	copy_ctx *c = ctx;
	return store_attachment_copy(c->e->store, c->f, c->id, out, err) == KP_OK ? 0 : -1;
}

int evidence_add_from(kp_env *e, const kp_form *f, long long record_id, const kp_exchange *x, const char *name,
		      long long *id, char **err)
{
	FILE *in = exchange_read(x, name, err);
	if (!in)
		return -1;
	struct stat st;
	int rc = fstat(fileno(in), &st) == 0 ? evidence_add(e, f, record_id, in, name, (long long)st.st_size, id, err)
					      : -1;
	if (rc != 0 && !*err)
		*err = xasprintf(msg(MSG_XC_OPEN), name, strerror(errno));
	fclose(in);
	return rc;
}

int evidence_to_folder(kp_env *e, const kp_form *f, const kp_attachment *a, const kp_exchange *x, char **saved,
		       char **err)
{
	char *safe = exchange_safe_name(a->name);
	char *dot = strrchr(safe, '.');
	char *ext = xstrdup(dot && dot != safe ? dot : "");
	if (dot && dot != safe)
		*dot = '\0';
	char *name = exchange_fresh_name(x, safe, ext);
	copy_ctx c = {e, f, a->id};
	int rc = exchange_write_with(x, name, copy_out, &c, err);
	if (rc == 0)
		*saved = name;
	else
		free(name);
	free(ext);
	free(safe);
	return rc;
}

int evidence_send(kp_env *e, const kp_form *f, const kp_attachment *a, char **err)
{
	copy_ctx c = {e, f, a->id};
	return exchange_send_with(a->name, true, copy_out, &c, err);
}

int evidence_find(kp_env *e, long long id, const kp_form **f, kp_attachment *a, char **err)
{
	for (size_t i = 0; i < e->cat.nforms; i++) {
		if (!e->cat.forms[i]->evidence)
			continue;
		char *miss = NULL;
		int rc = store_attachment_find(e->store, e->cat.forms[i], id, a, &miss);
		if (rc == KP_OK) {
			*f = e->cat.forms[i];
			return 0;
		}
		if (rc != KP_ENOTFOUND) {
			*err = miss;
			return -1;
		}
		free(miss);
	}
	/* A unit is told where it looked, never whether the number exists. */
	*err = xasprintf(msg(store_session_kind(e->store) == SESSION_UNIT ? MSG_EV_NOT_IN_UNIT : MSG_S_NO_ATTACHMENT),
			 id);
	return -1;
}

void evidence_size_text(long long size, char *buf, size_t len)
{
	if (size >= 1024 * 1024)
		snprintf(buf, len, "%.1f MiB", (double)size / (1024.0 * 1024.0));
	else if (size >= 1024)
		snprintf(buf, len, "%lld KiB", (size + 1023) / 1024);
	else
		snprintf(buf, len, msg(MSG_EV_BYTES), size);
}
