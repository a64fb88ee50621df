/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The form's own rules checked on what is written, whoever writes it.
 * Validating is a record's costliest step (patterns, choices, the rules
 * between fields), so it is done once: store_validate, which every front
 * end's check goes through (domain/save.c), returns with the values a
 * proof, a keyed hash (SipHash, libsodium's crypto_shorthash) of exactly
 * those values under a key made when the store was opened. A write whose
 * record carries the proof for the values it holds is not validated
 * again; any other (no proof, a value changed after the check, a record
 * built by hand) is validated here in full. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "form/validate.h"
#include "store/db.h"

void store_set_catalog(kp_store *s, const kp_catalog *cat) { s->cat = cat; }

/* The proof of f's n values: the table's name and each value, each ending
 * in its NUL, hashed as one text. Never 0 (0 is "no proof"). */
static kp_proof proof_of(const kp_store *s, const kp_form *f, const char *const *vals)
{
	size_t n = strlen(f->table) + 1;
	for (size_t i = 0; i < f->nfields; i++)
		n += strlen(vals[i]) + 1;
	char small[2048]; /* a row of a list form fits; a long text takes the heap */
	char *text = n <= sizeof small ? small : xmalloc(n), *at = text;
	at = stpcpy(at, f->table) + 1;
	for (size_t i = 0; i < f->nfields; i++)
		at = stpcpy(at, vals[i]) + 1;
	unsigned char h[crypto_shorthash_BYTES];
	crypto_shorthash(h, (const unsigned char *)text, n, s->proof_key);
	if (text != small)
		free(text);
	kp_proof p = 0;
	for (size_t i = 0; i < sizeof p && i < sizeof h; i++)
		p = p << 8 | h[i];
	return p ? p : 1;
}

int store_validate(const kp_store *s, const kp_catalog *cat, const kp_form *f, const char *const *raw,
		   char **out, char **why, kp_proof *proof)
{
	int bad = form_validate(cat, f, raw, out, why);
	/* Only the store's own rules earn a proof: a check against other
	 * definitions is checked again when written. */
	*proof = !bad && cat && cat == s->cat ? proof_of(s, f, (const char *const *)out) : 0;
	return bad;
}

int values_check(kp_store *s, const kp_form *f, const kp_record *r, char **err)
{
	if (!s->cat || (r->proof && r->proof == proof_of(s, f, (const char *const *)r->vals)))
		return KP_OK;
	char **out = xcalloc(f->nfields, sizeof *out), **why = xcalloc(f->nfields, sizeof *why);
	form_validate(s->cat, f, (const char *const *)r->vals, out, why);
	int rc = KP_OK;
	for (size_t i = 0; i < f->nfields; i++) {
		/* An empty value is the front ends' to require: a per-unit form's
		 * records are seeded empty, to be filled in. */
		if (rc == KP_OK && why[i] && r->vals[i][0]) {
			db_set_err(err, field_message(&f->fields[i], why[i]));
			rc = KP_ERR;
		}
		free(out[i]);
		free(why[i]);
	}
	free(out);
	free(why);
	return rc;
}
