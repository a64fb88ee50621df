/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * transfer_model: what the export and import screen is — the form (or
 * view) chosen, the file's name in the account's exchange folder, the
 * folder's files, an import's checked file and its outcome lines, and one
 * mode (choosing the form, naming the file, checked and ready to import,
 * done) — and what a key does to it. Each key returns a tm_result
 * (handled, refused with a message, close, receive or send a file by
 * ZMODEM: the view hands the terminal over for those). It never draws and
 * never writes the status line; transfer_screen.c draws it, and the unit
 * tests drive it with no terminal.
 */
#ifndef KP_TRANSFER_MODEL_H
#define KP_TRANSFER_MODEL_H
#include <stdbool.h>
#include <stdio.h>

#include "core/editbuf.h"
#include "domain/exchange.h"
#include "domain/transfer.h"
#include "ui/keymap.h"
#include "ui/popup.h"

/* The report lines an import's outcome keeps: a file of 20 MiB can hold
 * a million bad cells, the importer has no cap of its own; the rest are
 * counted and said in one line. */
#define TM_REPORT_MAX 1000

typedef enum {
	TM_PICK,    /* choosing the form (an export: or view) */
	TM_FILE,    /* naming (or choosing) the file */
	TM_CHECKED, /* import: the dry run passed; Enter imports what was checked */
	TM_DONE     /* the outcome is shown; Enter leaves */
} tm_mode;

typedef enum {
	TM_HANDLED,
	TM_REFUSED, /* text says why */
	TM_CLOSE,
	TM_RECEIVE, /* import: receive a file from the PC (tm_received with it) */
	TM_SEND     /* export: send the file written (m->written) to the PC */
} tm_kind;

typedef struct {
	tm_kind kind;
	bool error;
	bool clear_status; /* what the status line said belongs to a step left */
	char text[512];
} tm_result;

/* What the model needs from the session and the view. */
typedef struct {
	kp_env *env;
	const char *unit_name; /* the unit the work is limited to (a unit's account, or the city's choice), or NULL */
	long long unit_id;     /* …its id; 0: every unit (the city) */
	kp_progress_fn progress; /* an import's rows so far (may be NULL) */
	void *progress_ctx;
} tm_ctx;

typedef struct {
	bool importing;
	tm_mode mode;
	popup pick;            /* TM_PICK: which form (an export: or view, 附表4) */
	const char **titles;
	kp_entry *entries;     /* what titles name, in 附表 order */
	const kp_form *form;   /* the form, or the view's source */
	const kp_view *view;   /* an export of a view, else NULL */
	const char *state;     /* a reviewed form's export: this state's code (Tab), or NULL for all */
	kp_exchange x;         /* fd < 0: the folder could not be opened */
	char *folder_err;
	editbuf name;
	char **files;          /* import: the folder's files, to choose with Up/Down */
	size_t nfiles, sel;
	char **refused;        /* import: what else is there, each with why it is not read */
	size_t nrefused;
	char **result;         /* the outcome's lines (at most TM_REPORT_MAX of the report, and a few of its own) */
	size_t nresult, cap;
	size_t rtop;           /* the first outcome line shown (Up/Down/PgUp/PgDn/Home/End) */
	size_t rshown;         /* …and how many fit (tm_fit, each frame) */
	char more[64];         /* the mark of the lines hidden above and below, or "" */
	int ready;             /* import: the rows the dry run found to save or update */
	bool update;           /* import: rows repeating stored records update them */
	size_t keep;           /* import: the lines above the checked outcome */
	FILE *src;             /* import: the file checked, kept open for the import */
	long long src_size;    /* …its size, for the progress */
	char *src_label;       /* its name for messages and the audit trail */
	char *written;         /* export: the file written, for sending */
} transfer_model;

/* Open the account's folder (beside db) and offer the forms. */
void tm_init(transfer_model *m, const tm_ctx *c, const char *db, const char *user, bool importing);
void tm_free(transfer_model *m);
tm_result tm_key(transfer_model *m, const tm_ctx *c, kp_key key);
/* Does action a act on the screen now (its mode, a file written or
 * checked, the terminal's ZMODEM)? What its key line lists
 * (keymap_bar_if); ctx is the tm_ctx. */
bool tm_acts(const void *model, const void *ctx, kp_action a);
/* Before each frame: which outcome lines fit in `lines` screen lines,
 * height(line, width) the lines each takes wrapped at width; one line goes
 * to the mark (m->more) when some do not fit. */
void tm_fit(transfer_model *m, int lines, int width, int (*height)(int width, const char *s));
/* After TM_RECEIVE: the file received (in, NULL with err when it failed)
 * is checked; name and size as the PC sent them. */
tm_result tm_received(transfer_model *m, const tm_ctx *c, FILE *in, const char *name, long long size,
		      const char *err);

#endif
