/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * form_screen (internal to ui/form_screen.c and ui/form_save.c): the state
 * of the generic form screen, shared by its drawing and keys and by its
 * saving — validation, the store, drafts and merging another session's
 * changes.
 */
#ifndef KP_FORM_SCREEN_H
#define KP_FORM_SCREEN_H
#include <stdbool.h>
#include <time.h>

#include "core/editbuf.h"
#include "ui/app.h"
#include "ui/popup.h"

typedef struct {
	editbuf eb;     /* text-like fields and textareas */
	int choice;     /* choice: item index or -1 */
	bool *checked;  /* multichoice: one per option */
	size_t mcur;    /* multichoice: the option under the cursor */
	size_t vscroll; /* textarea: first visible row */
	char *error;    /* the reason from the last save, until edited */
	char *ref;      /* record field: the number (or a name pasted, until saved) */
	char *ref_label;     /* …as shown, read from the store when first drawn */
	kp_ref_choice *refs; /* …the records the open picker offers */
	char **ref_items;    /* …their labels, which the popup borrows */
	size_t nrefs;
} field_state;

typedef struct {
	ui_screen base;
	const kp_form *form;
	kp_record rec;  /* id, version and unit of the record being edited */
	char **orig;    /* editing: the stored values the edit started from */
	field_state *fs;
	size_t focus;
	int top;        /* first form row on screen */
	bool dirty, confirm_leave;
	popup pick;
	bool draft_due;      /* edited since the last draft was saved */
	time_t draft_saved;  /* when it was */
	kp_draft offer;      /* a draft found on opening, until answered */
	bool offering;
	bool readonly;       /* a reviewed record its user may not change (已提交, 已认定) */
	int entered;         /* new records saved in this sitting */
	bool dup_warned;     /* a possible duplicate was said: the next F2 saves and marks it */
	char *dup_note;      /* the city's: the records this one was marked as repeating */
	bool advanced;       /* the last key moved on by auto-advance (a field with forgive_tab) */
	size_t hint_field;   /* the field whose hint is due, and since when (ms) */
	long long hint_since;
	size_t nfiles;       /* the record's attachments (a form with evidence) */
} form_screen;

/* While the user types, a draft is written at most this often. */
#define DRAFT_EVERY_S 3
bool fs_is_text(const kp_field *fd);
void fs_set_value(const kp_field *fd, field_state *st, const char *v);
/* The value as typed, in the form the validator reads; caller frees. */
char *fs_get_value(const kp_field *fd, const field_state *st);
void fs_clear_errors(form_screen *fs);
/* Every field from r (when NULL, as a new record starts: field_initial); focus on the first, nothing dirty. */
void fs_load_values(form_screen *fs, const kp_catalog *cat, const kp_record *r);
void fs_move_focus(form_screen *fs, int delta);
/* Put the focus on field i, selecting a line's value (typing replaces it). */
void fs_focus(form_screen *fs, size_t i);

/* ref_pick.c: a record field (type: record), picked from the records it
 * may name, by typing Chinese or pinyin initials. */
void ref_set(field_state *st, const char *v);
/* What the field shows: the record's 姓名（工作单位）. */
const char *ref_shown(kp_store *s, const kp_field *fd, field_state *st);
/* Open the picker over the records of the form's unit; false (with the
 * status said) when there are none to pick. */
bool ref_pick_open(form_screen *fs, ui_app *app, const kp_field *fd, field_state *st, uint32_t first);
/* The picker's choice i becomes the value. */
void ref_take(field_state *st, size_t i);
void ref_free(field_state *st);

/* form_save.c */
/* F2: validate every field; store, or show the first problem and go there. */
void fs_save(form_screen *fs, ui_app *app);
/* The vtable's persist: write a draft when due (or now). */
void fs_persist(ui_screen *s, ui_app *app, bool now);
void fs_drop_draft(form_screen *fs, ui_app *app, long long record_id);
/* y or n to the draft offered when the form opened. */
void fs_answer_offer(form_screen *fs, ui_app *app, kp_action a);
/* The city's line naming the records id was marked as repeating, or NULL. */
char *fs_dup_note(kp_store *s, const kp_form *f, long long id);
/* Remember the stored values an edit starts from (for merges). */
void fs_set_orig(form_screen *fs, const kp_record *r);

#endif
