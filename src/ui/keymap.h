/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * keymap: the one table of keys. Each row binds keys to an action in a
 * context (a kind of screen or field); the key bar, docs/keys.md (`kepu
 * keys`) and any help are generated from the same rows. Every F-key action
 * also has a Ctrl-key, because some SSH clients swallow F-keys and
 * TERM=vt100 has no F5-F10.
 */
#ifndef KP_KEYMAP_H
#define KP_KEYMAP_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/editbuf.h"
#include "core/msg.h"

/* A key as read by the input seam: a function key (KEY_*) or a character. */
typedef struct {
	bool fn;
	uint32_t code;
} kp_key;

typedef enum {
	CTX_MENU = 1, CTX_FORM = 2, CTX_TEXT = 4, CTX_TEXTAREA = 8, CTX_CHOICE = 16,
	CTX_MULTI = 32, CTX_LIST = 64, CTX_POPUP = 128, CTX_CONFIRM = 256, CTX_TABLE = 512,
	CTX_CELL = 1024, CTX_VIEW = 2048, CTX_CHECKLIST = 4096, CTX_REPORT = 8192,
	CTX_LOGIN = 16384, CTX_AUDIT = 32768, CTX_TRANSFER = 65536, CTX_ACCOUNTS = 131072,
	CTX_IMPORT = 262144, CTX_ADVANCED = 524288, CTX_FIND = 1048576, CTX_FILES = 2097152,
	CTX_BRIEFING = 4194304,
	CTX_TABLE_READ = 8388608, /* a table the session may only read (附表1 for a unit) */
	CTX_DRAFTS = 16777216,
	CTX_REASON = 33554432, /* a reason typed on the status line (退回修改, 重新打开) */
	CTX_FILTERED = 67108864, /* with CTX_LIST: a filter is typed (Esc clears it first) */
	CTX_PASSWORD = 134217728, /* with CTX_LOGIN: 修改密码 opened from the menu (Esc goes back to it) */
} kp_context;
#define CTX_COUNT 28
/* A row for one role only, its words what the key does for that role (the
 * unit's F9 submits or withdraws, the city's reviews): the row's ctx names
 * the role with one of these bits, and the ctx a screen asks with names
 * the session's (app_chrome adds it; a model asking keymap_lookup adds
 * it itself). A row without either is every role's. */
#define CTX_CITY (1u << 30)
#define CTX_UNIT (1u << 29)
#define CTX_ROLES (CTX_CITY | CTX_UNIT)
/* With a role: the record F9 acts on may only be withdrawn (a unit's
 * 已提交 one), so its row says 撤回, not 提交; the screen adds it. */
#define CTX_WITHDRAW (1u << 28)

typedef enum {
	ACT_NONE,
	ACT_QUIT, ACT_SAVE, ACT_NEXT, ACT_PREV, ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT,
	ACT_HOME, ACT_END, ACT_BACKSPACE, ACT_DELETE, ACT_KILL, ACT_NEWLINE, ACT_TOGGLE,
	ACT_OPEN_LIST, ACT_ACCEPT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NEW, ACT_DELETE_RECORD,
	ACT_LIST, ACT_YES, ACT_NO, ACT_REDRAW, ACT_SORT, ACT_UNIT, ACT_DITTO, ACT_HELP, ACT_REVIEW, ACT_SEND,
	ACT_LOCK, ACT_RESET, ACT_RECEIVE, ACT_ABSORB, ACT_FILES, ACT_YEAR,
	ACT_FOLDER_IN, ACT_FOLDER_OUT, /* a file from the exchange folder, a copy into it (附件) */
	ACT_UNDO, /* a form's field back to its value on entry */
	ACT_CELL_LEFT, ACT_CELL_RIGHT, /* a table cell saved, on to its row's neighbour */
	/* The main menu's letters and digits (menu.c shows them beside its items). */
	ACT_M_CHECKLIST, ACT_M_PROGRESS, ACT_M_BRIEFING, ACT_M_FORM, ACT_M_MONTHLY, ACT_M_EXPORT,
	ACT_M_IMPORT, ACT_M_FIND, ACT_M_AUDIT, ACT_M_ACCOUNTS, ACT_M_PASSWORD, ACT_M_QUEUE, ACT_M_OPEN_YEAR,
	ACT_M_CLOSE_YEAR,
} kp_action;

/* Each row: where it applies, what it does, its keys, what it is called,
 * and how many of its keys the key bar shows (0: not in the bar). */
typedef struct {
	unsigned ctx;
	kp_action action;
	kp_key keys[4];
	enum kp_msg_id what;
	int bar_keys;
} kp_binding;

extern const kp_binding kp_keymap[];
extern const unsigned kp_keymap_len;

/* The action bound to key in ctx (ACT_NONE when unbound: a plain character
 * is then text to insert). */
kp_action keymap_lookup(unsigned ctx, kp_key key);
/* Is key a character to type (text, a filter, a menu letter) rather than
 * a function key or a control character? The one test every screen uses. */
bool key_printable(kp_key key);
/* The first character bound to a in ctx ('c' for the menu's checklist), or
 * 0: what a screen shows beside the item the key opens. */
char keymap_letter(unsigned ctx, kp_action a);
/* The key bar for ctx, e.g. "F2/^S 保存  Esc/F10/^X 离开", static. */
const char *keymap_bar(unsigned ctx);
/* A screen's answer to "does action a act here, now" — in its mode, for
 * the session's role, on what it holds (model, and what the model is
 * given with each key: ctx). */
typedef bool (*kp_acts_fn)(const void *model, const void *ctx, kp_action a);
/* The key bar for ctx listing only the rows whose action acts (acts NULL:
 * every row): the one rule that a key line tells the truth. */
const char *keymap_bar_if(unsigned ctx, kp_acts_fn acts, const void *model, const void *mctx);
/* The keyboard has F1 to F max only (a VT100's PF1–PF4): key lines leave
 * out the F keys above it and show the other keys of the row (docs/keys.md
 * still lists all). 12 unless told. */
void keymap_fkeys(int max);
/* text as a screen in ctx says it on this keyboard: each F-key above the
 * ones it has (「按 F5」, 「F6（^R）」) becomes the key of the same row in
 * ctx that it has (「按 ^Y」, 「^R」), its parenthesis naming that key
 * dropped; text unchanged with all twelve, or when ctx has no such row.
 * Into out (len bytes, cut at a character). */
void keymap_say(unsigned ctx, const char *text, char *out, size_t len);
/* The rows keymap_bar_if lists, in order (up to max); returns the count. */
size_t keymap_bar_rows(unsigned ctx, kp_acts_fn acts, const void *model, const void *mctx,
		       const kp_binding **out, size_t max);
/* A key's name for people: "F2", "^S", "Tab", "Enter", "Esc"; static. */
const char *keymap_key_name(kp_key key);
/* What each key does in ctx, one line per binding: up to max lines of
 * keys ("F2/^S", only keys that reach the binding there) and action. Field
 * contexts include the form's own keys. Returns the count. */
typedef struct {
	char keys[96];
	enum kp_msg_id what;
	kp_action action;
	kp_key key; /* the first key listed */
	bool later; /* keymap_help_later: the key is the field's, with nothing to do yet */
} kp_key_line;
size_t keymap_lines(unsigned ctx, kp_key_line *out, size_t max);
/* Does this key act now? For a row whose keys act apart (the menu's
 * digits, one per form it has); NULL: every key of a row that acts. */
typedef bool (*kp_key_acts_fn)(const void *model, const void *ctx, kp_key k);
/* F1's help: the rows of ctx whose action acts now (acts, the key line's
 * own answer; NULL: all) with the keys that do (key_acts, may be NULL). */
size_t keymap_help(unsigned ctx, kp_acts_fn acts, kp_key_acts_fn key_acts, const void *model, const void *mctx,
		   kp_key_line *out, size_t max);
/* The rest of F1's help: the rows of ctx whose action does not act now
 * (acts) but is the screen's all the same (later: ^Z before anything is
 * changed, F5 before a record is saved), marked later. */
size_t keymap_help_later(unsigned ctx, kp_acts_fn acts, kp_acts_fn later, const void *model, const void *mctx,
			 kp_key_line *out, size_t max);
/* docs/keys.md: every context's keys as Markdown tables. */
void keymap_markdown(FILE *out);

/* A one-line editor's moves and deletions (Left, Right, Home, End,
 * Backspace, Delete, Ctrl-K) applied to b; false when a is none of them.
 * Every single-line editor (a cell, a file name, a reason) takes them here. */
bool keymap_edit_line(editbuf *b, kp_action a);

#endif
