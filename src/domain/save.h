/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * save: the one way a record is saved, for every front end that saves one
 * record (the form screen, a table cell, kepu save); an import writes many
 * through transfer.c, checking each row with record_validate below, the
 * check record_save makes. In order: the form's validation (every field,
 * then the rules between fields), the early word on a possible duplicate,
 * the store's write (which refuses values that fail the form's rules unless
 * they carry the validation's proof, and checks the session's rights), and,
 * when another session saved the record first, a three-way merge. Nothing
 * here draws or holds a terminal.
 */
#ifndef KP_SAVE_H
#define KP_SAVE_H
#include <stdbool.h>

#include "domain/env.h"

typedef enum {
	SAVE_OK,        /* stored (inserted or updated); rec has its id and version */
	SAVE_INVALID,   /* a field or a rule between fields refused: field_msg, first */
	SAVE_DUPLICATE, /* may repeat a stored record: said, nothing stored (save again to store and mark) */
	SAVE_MERGED,    /* another session saved first: vals merged, nothing stored (save again) */
	SAVE_GONE,      /* another session deleted it meanwhile: rec.id is 0, save again to add it */
	SAVE_REFUSED,   /* the store refused (rights, review state, the database): message */
	SAVE_UNCHANGED  /* every value is the stored one: nothing written (no version, no audit row) */
} kp_save_status;

typedef struct {
	/* The stored values the edit started from (the base of a merge), or
	 * NULL for a new record. */
	char *const *base;
	/* The user saw the duplicate warning and saves again: store, and mark
	 * the record for the city's review. */
	bool dup_confirmed;
	/* Say a possible duplicate before saving (the form); a table cell
	 * changes numbers of a per-unit record and never repeats a person. */
	bool check_duplicates;
	/* A table cell: only this field's rules (and the rules between it and
	 * the others) can refuse; the other fields are written as they are
	 * stored. NULL: every field, as a form is saved. */
	const kp_field *cell;
} kp_save_opts;

typedef struct {
	kp_save_status status;
	char *message;    /* what to tell the user (every status); caller frees via save_result_free */
	bool error;       /* the message is a refusal or a warning */
	bool marked;      /* SAVE_OK: stored and marked as a possible duplicate */
	size_t nfields;
	char **vals;      /* the values as validated (SAVE_OK, _DUPLICATE, _REFUSED) or merged (SAVE_MERGED) */
	char **field_msg; /* per field: why refused (SAVE_INVALID; SAVE_REFUSED for a field the store refused), or the other session's value (SAVE_MERGED) */
	size_t first;     /* the first field with a field_msg, or nfields */
	char **base;      /* SAVE_MERGED: the stored values now, the base of the next merge */
} kp_save_result;

/* Save rec (its id: 0 inserts, else updates at rec->version; its unit_id
 * for an insert) with the values typed, raw[i] for field i of f. On
 * SAVE_OK rec holds the stored values, id and version; on SAVE_MERGED its
 * version is the stored one's. Returns res->status; res is always filled
 * (save_result_free). */
kp_save_status record_save(kp_env *e, const kp_form *f, kp_record *rec, const char *const *raw,
			   const kp_save_opts *o, kp_save_result *res);
void save_result_free(kp_save_result *res);
/* When value in field i of f is the form's one-per-unit field (月报's
 * month) and the unit already has another record with it: the refusal to
 * say on choosing it, before anything else is typed; NULL when it is free. */
char *record_value_taken(kp_env *e, const kp_form *f, size_t i, long long unit_id, long long record_id,
			 const char *value);

/* The form's rules on the values typed, raw[i] for field i (NULL: empty):
 * vals[i] the value to store, why[i] the reason field i is refused (each a
 * new string or NULL). Returns how many fields are refused; with none,
 * *proof is the store's proof of exactly vals (kp_record.proof), so the
 * write does not validate them again. Safe on a second thread while the
 * first writes (an import's reader). */
int record_validate(kp_env *e, const kp_form *f, const char *const *raw, char **vals, char **why,
		    kp_proof *proof);

#endif
