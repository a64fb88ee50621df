/*
 * keymap: the one table of keys. Each row binds keys to an action in a
 * context (a kind of screen); the key bar and the help are generated from
 * the same rows. Every F-key action also has a Ctrl-key, because some SSH
 * clients swallow F-keys and TERM=vt100 has no F5-F10.
 */
#ifndef KP_KEYMAP_H
#define KP_KEYMAP_H
#include <stdbool.h>
#include <stdint.h>

/* A key as read by the input seam: a function key (KEY_*) or a character. */
typedef struct {
	bool fn;
	uint32_t code;
} kp_key;

typedef enum {
	CTX_MENU = 1, CTX_FORM = 2, CTX_LIST = 4, CTX_POPUP = 8, CTX_TEXT = 16,
	CTX_TEXTAREA = 32, CTX_MULTI = 64, CTX_CHOICE = 128, CTX_CONFIRM = 256,
} kp_context;

typedef enum {
	ACT_NONE,
	ACT_QUIT, ACT_SAVE, ACT_NEXT, ACT_PREV, ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT,
	ACT_HOME, ACT_END, ACT_BACKSPACE, ACT_DELETE, ACT_KILL, ACT_NEWLINE, ACT_TOGGLE,
	ACT_OPEN_LIST, ACT_ACCEPT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NEW, ACT_DELETE_RECORD,
	ACT_LIST, ACT_YES, ACT_NO, ACT_REDRAW,
} kp_action;

/* The action bound to key in ctx (ACT_NONE when unbound: a plain character
 * is then text to insert). */
kp_action keymap_lookup(unsigned ctx, kp_key key);
/* The key bar for ctx, e.g. "F2/^S 保存  F10/^X 离开", in a static buffer. */
const char *keymap_bar(unsigned ctx);
/* Name a key for humans: "F2", "^S", "Tab", "Enter", "Esc"; static. */
const char *keymap_key_name(kp_key key);

/* Each row: where it applies, what it does, its keys, its key-bar text. */
typedef struct {
	unsigned ctx;
	kp_action action;
	kp_key keys[4];
	const char *bar; /* label in the key bar, or NULL to leave it out */
} kp_binding;

extern const kp_binding kp_keymap[];
extern const unsigned kp_keymap_len;

#endif
