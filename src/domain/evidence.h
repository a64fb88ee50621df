/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * evidence: files attached to a record as evidence (#19) — photos, videos
 * and documents of an activity or a resource, which the city reviews with
 * the record. A file is accepted by its content (core/filetype.h), never
 * by its name, and kept in the database (store_attach).
 */
#ifndef KP_EVIDENCE_H
#define KP_EVIDENCE_H
#include <stdio.h>

#include "domain/env.h"
#include "domain/exchange.h"

/* Attach the open file in (size bytes, sent as name) to record_id of f:
 * its type found from its content, its name made safe. 0 with *id, or -1
 * with *err (a refused type names the accepted ones). */
int evidence_add(kp_env *e, const kp_form *f, long long record_id, FILE *in, const char *name,
		 long long size, long long *id, char **err);
/* Attach the file name of the account's exchange folder x (put there by
 * the office's SFTP client: PuTTY has no ZMODEM) to record_id of f: read
 * as every file of the folder is (no link, a regular file, not the
 * database, at most EXCHANGE_MAX_MIB), then as a ZMODEM upload is
 * (evidence_add: its type, its name, the store's rights and bounds).
 * 0 with *id, or -1 with *err. */
int evidence_add_from(kp_env *e, const kp_form *f, long long record_id, const kp_exchange *x, const char *name,
		      long long *id, char **err);
/* Attach the file at path (the command line's: an administrator's, links
 * followed) to record_id of f, under the last part of path as its name:
 * a name exchange_check_name refuses (too long, control characters…) is
 * refused, never cut; a file that is no regular file is refused before
 * it is opened (a pipe would hang); never the database; then as a ZMODEM
 * upload is (evidence_add: its type, the store's rights and bounds).
 * 0 with *id, or -1 with *err. */
int evidence_add_path(kp_env *e, const kp_form *f, long long record_id, const char *path, long long *id,
		      char **err);
/* What the clerk is told after attachment id was added to record_id of
 * f when its bytes are another record's file too (a recycled photo): the
 * session's words for it (store_attachment_twins), or NULL. Caller frees. */
char *evidence_twin_note(kp_env *e, const kp_form *f, long long record_id, long long id);
/* Put a copy of attachment a of f into the folder x under its own name,
 * or name-2.ext… when that is taken: never over a file. 0 with *saved
 * (the name, the caller frees), or -1 with *err. */
int evidence_to_folder(kp_env *e, const kp_form *f, const kp_attachment *a, const kp_exchange *x, char **saved,
		       char **err);
/* Send attachment a (as store_attachments listed it) of f to the user's
 * PC with sz, under its name; its bytes are read again, in the session's
 * scope. 0, EXCHANGE_CANCELLED or -1 (*err may be NULL: the transfer
 * failed). */
int evidence_send(kp_env *e, const kp_form *f, const kp_attachment *a, char **err);
/* Attachment id, of whichever form that takes attachments it belongs
 * to, as the session may see it: 0 with *f and *a filled (free a's
 * strings with attachment_clear), or -1 with *err — for another unit's
 * file the same words as for a missing one. */
int evidence_find(kp_env *e, long long id, const kp_form **f, kp_attachment *a, char **err);
/* "1.2 MiB", "35 KiB", "120 字节" into buf. */
void evidence_size_text(long long size, char *buf, size_t len);

#endif
