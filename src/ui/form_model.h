/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * form_model: what the generic form screen is — the record, each field's
 * value as typed, the focus, and one mode (editing, a list open, asking to
 * leave, offering a draft) — and what a key or a paste does to it. Each
 * call returns what happened (fm_result): handled, refused with a message,
 * close, open another screen, saved, merged. The model never draws, never
 * reads the terminal's size and never writes the status line: the view
 * (form_screen.c) draws it and shows the result; the unit tests
 * (tests/unit/test_form_model.c) drive it with no terminal at all.
 *
 * Order of calls: fm_new, then fm_offered (answer a draft offer first),
 * fm_key / fm_paste per input, fm_persist when idle, fm_free.
 */
#ifndef KP_FORM_MODEL_H
#define KP_FORM_MODEL_H
#include <stdbool.h>
#include <time.h>

#include "core/editbuf.h"
#include "core/msg.h"
#include "domain/env.h"
#include "ui/keymap.h"
#include "ui/popup.h"

typedef struct {
	editbuf eb;     /* text-like fields and textareas */
	int choice;     /* choice: item index or -1 */
	bool *checked;  /* multichoice: one per option */
	size_t mcur;    /* multichoice: the option under the cursor */
	char mfind[64]; /* multichoice: letters typed to find an option, since the last other key */
	size_t vscroll; /* textarea: first visible row (the view's) */
	char *error;    /* the reason from the last save, until edited */
	bool typed;     /* changed in this form since loaded: checked when left */
	bool paste_bad; /* a pasted cell refused (error says why), until edited: F2 goes there */
	char *ref;      /* record field: the number (or a name pasted, until saved) */
	char *ref_label;     /* …as shown, read from the store when first drawn */
	kp_ref_choice *refs; /* …the records the open picker offers */
	char **ref_items;    /* …their labels, which the popup borrows */
	size_t nrefs;
} field_state;

/* What the screen is doing: one at a time. */
typedef enum {
	FM_EDIT,          /* keys edit the focused field */
	FM_PICK,          /* a choice list is open over the field */
	FM_CONFIRM_LEAVE, /* Esc with unsaved input: y leaves, n stays */
	FM_OFFER          /* a draft was found on opening: y restores it, n drops it */
} fm_mode;

typedef enum {
	FM_HANDLED, /* the key did what it does (msg may say something) */
	FM_REFUSED, /* the key could not act: msg says why (MSG_COUNT: no words, a beep) */
	FM_CLOSE,   /* the screen is done */
	FM_OPEN,    /* open the screen in `open` above this one */
	FM_SAVED,   /* a record was stored (rec.id, or the one just added: saved_id) */
	FM_MERGED   /* another session had saved first: merged, the user looks and saves again */
} fm_kind;

typedef enum { FM_OPEN_LIST, FM_OPEN_FILES, FM_OPEN_REVIEW /* F9: the list's review prompt, on rec */ } fm_open;

typedef struct {
	fm_kind kind;
	enum kp_msg_id msg; /* the catalogue message the text is made from; MSG_COUNT: none */
	bool error;         /* the text is a refusal or a warning */
	char text[1024];    /* what to say on the status line, or "" */
	fm_open open;       /* FM_OPEN */
	bool replace;       /* FM_OPEN: this screen closes, the one opened takes its place */
	long long saved_id; /* FM_SAVED */
} fm_result;

/* What the model needs from the session, passed with each input. */
typedef struct {
	kp_env *env;
	const char *user;        /* whose drafts */
	bool auto_advance;       /* the account's way of typing (full fields move on) */
	const char *const *last; /* 同上: the last record of this form saved in the session, or NULL */
	int wrap_w;              /* cells a textarea wraps at (Up and Down move by its rows) */
	long long draft;         /* fm_new: the draft chosen at sign-in (0: offer the record's newest) */
} fm_ctx;

typedef struct {
	const kp_form *form;
	kp_record rec;  /* id, version and unit of the record being edited */
	char **orig;    /* editing: the stored values the edit started from (the merge's base) */
	field_state *fs;
	size_t focus;
	fm_mode mode;
	popup pick;          /* FM_PICK */
	kp_draft offer;      /* FM_OFFER: the draft found on opening */
	long long draft_id;  /* this sitting's own draft (0: none written yet) */
	bool dirty;          /* edited since opened or saved */
	bool draft_due;      /* edited since the last draft was saved */
	time_t draft_saved;  /* when it was */
	bool readonly;       /* a reviewed record its user may not change (已提交, 已认定) */
	int closed_year;     /* the record's year, which the city closed: a unit only reads (0: open) */
	int keep_year;       /* FM_CONFIRM_LEAVE: the year the city closed while this was typed: y keeps it as a draft */
	char *report_locked; /* why the record is a unit's to read only (a year closed or not begun, a
			      * monthly report the city summed up), or NULL */
	int entered;         /* new records saved in this sitting */
	bool dup_warned;     /* a possible duplicate was said: the next save stores and marks it */
	char *dup_note;      /* the city's: the records this one was marked as repeating */
	bool advanced;       /* the last key moved on by auto-advance (a field with forgive_tab) */
	size_t full_from;    /* 1 + the field that moved on because it was full, for the key after it */
	size_t nfiles;       /* the record's attachments (a form with evidence) */
	char **saved;        /* after FM_SAVED of a new record: its values (for 同上) */
	char *on_entry;      /* the focused field's value when the focus came to it (^Z restores it) */
	char **pre_paste;    /* every field's value before the last paste, or NULL: one ^Z puts them
			      * back while the form holds what the paste left (post_paste) */
	char **post_paste;
	size_t paste_focus;  /* where that paste came in */
	char **pick_labels;  /* FM_PICK of a choice: the items as offered (「（已填报）」), or NULL */
	size_t npick_labels;
} form_model;

/* While the user types, a draft is written at most this often. */
#define DRAFT_EVERY_S 3

/* A new record (id 0, for unit_id/unit_name) or the stored record id.
 * NULL when the record cannot be read (another unit's is no record for a
 * unit session); then *res says so. */
form_model *fm_new(const fm_ctx *c, const kp_form *f, long long id, long long unit_id,
		   const char *unit_name, fm_result *res);
void fm_free(form_model *m);

fm_result fm_key(form_model *m, const fm_ctx *c, kp_key key);
/* The n printable keys cps that came in one piece (a paste the terminal
 * did not mark) are about to be typed into the field in focus: FM_REFUSED,
 * said, when a text field has no room for them all (its max_chars, or a
 * mobile number's 11 digits in a phone field: a field that moves on when
 * full never passes the rest to the next one) — the caller drops them, the
 * field keeps its text; else FM_HANDLED, nothing done, and the keys are
 * typed one by one. */
fm_result fm_burst(form_model *m, const fm_ctx *c, const uint32_t *cps, size_t n);
/* Pasted text. With a Tab it is a row from a sheet: its cells fill the
 * fields in order from the focused one, each checked as if typed. Without
 * one, into a text field, it is that field's text, put in as typing puts
 * it: in place of the value selected on entry, else at the cursor, whole
 * or not at all, said either way. Marked by the terminal or found by its
 * burst (term.h); NULL: a paste longer than the terminal keeps, refused
 * whole. An open list closes first: it never takes a paste. One ^Z takes
 * back the whole paste. */
fm_result fm_paste(form_model *m, const fm_ctx *c, const char *text);
/* A paste the terminal refused whole (term_paste_refusal: too long, no
 * end mark, too slow): said, nothing changed; an open list closes. */
fm_result fm_paste_lost(form_model *m, const char *why);
/* F2. */
fm_result fm_save(form_model *m, const fm_ctx *c);
/* Write a draft when due (or now: the terminal hung up). */
fm_result fm_persist(form_model *m, const fm_ctx *c, bool now);
/* Does action a act on the form now (its mode, the record, the session)?
 * What its key line lists (keymap_bar_if); ctx is the fm_ctx. */
bool fm_acts(const void *model, const void *ctx, kp_action a);
/* Does a act in this form later though not now (^Z, F5)? F1 lists those
 * last, as such (app_keys_later). */
bool fm_later(const void *model, const void *ctx, kp_action a);
/* The key context of the form as it is now: its focused field's, and
 * CTX_WITHDRAW where F9 can only withdraw the record (keymap.h). */
unsigned fm_keyctx(const form_model *m, const fm_ctx *c);
/* What the title calls the record, a format taking its number: 新记录,
 * 修改第 N 号记录, or 查看第 N 号记录 for one its user may not change. */
enum kp_msg_id fm_title_words(const form_model *m);
/* The attachments' count afresh (back from the attachments screen). */
void fm_count_files(form_model *m, const fm_ctx *c);

bool fs_is_text(const kp_field *fd);
void fs_set_value(const kp_field *fd, field_state *st, const char *v);
/* The value as typed, in the form the validator reads; caller frees. */
char *fs_get_value(const kp_field *fd, const field_state *st);
/* Put the focus on field i, selecting a line's value (typing replaces it;
 * ^Z brings back the value it had here). */
void fm_focus(form_model *m, size_t i);
/* The key context of the focused field (keymap.h). */
unsigned fm_field_ctx(const kp_field *fd);

/* ref_pick.c: a record field (type: record), picked from the records it
 * may name, by typing Chinese or pinyin initials. */
void ref_set(field_state *st, const char *v);
/* What the field shows: the record's 姓名（工作单位）. */
const char *ref_shown(kp_store *s, const kp_field *fd, field_state *st);
/* Open the picker over the records of the form's unit; false (with *res
 * saying why) when there are none to pick. */
bool ref_pick_open(form_model *m, kp_store *s, const kp_field *fd, field_state *st, uint32_t first,
		   fm_result *res);
/* The picker's choice i becomes the value. */
void ref_take(field_state *st, size_t i);
void ref_free(field_state *st);

/* Say something in a result (printf-like, from the catalogue id). */
void fm_say(fm_result *r, bool error, enum kp_msg_id id, ...);

#endif
