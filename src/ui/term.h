/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * term: terminal set-up and tear-down, and the one input seam.
 * term_start after setlocale; term_stop on every exit path (also installed
 * with atexit). Every key passes through term_read_key, which is where
 * escape sequences from PuTTY and the linux console are normalised and where
 * a hang-up is noticed.
 */
#ifndef KP_TERM_H
#define KP_TERM_H
#include <stdbool.h>
#include <stdint.h>

#include <curses.h>

#include "ui/keymap.h"

typedef enum {
	TERM_STARTED,
	TERM_NO_TTY,   /* stdin/stdout is not a terminal */
	TERM_UNKNOWN,  /* TERM unset, or a type this machine's terminfo lacks */
} term_start_result;

/* Nothing is started unless TERM_STARTED. */
term_start_result term_start(void);
void term_stop(void);
/* The numeric keypad stays numeric: cut DECKPAM (ESC =, application
 * keypad) out of smkx in place, keeping its cursor-key mode (ESC [?1h, the
 * mode ncurses reads arrows in). In application mode the numpad sends
 * ESC O p…y, which terminfo calls kf0/kf5–kf10 under vt100 (numpad 4 was
 * F5 同上, 7 + Enter submitted a record) and nothing under xterm (digits
 * vanished). Cutting the string beats sending ESC > after it: ncurses sends
 * smkx again by itself after endwin (the ZMODEM handover). True when
 * something was cut. */
bool term_keypad_numeric(char *smkx);
/* Too small to draw the screens (below 80x24)? */
bool term_too_small(void);

typedef enum { KEY_READ_OK, KEY_READ_RESIZE, KEY_READ_IDLE, KEY_READ_HANGUP } key_read;
/* Wait up to TERM_IDLE_MS for the next key. KEY_READ_IDLE when none came
 * (so screens can save drafts while the user pauses); KEY_READ_HANGUP when
 * the terminal is gone (SIGHUP, SIGTERM, or input failing). */
key_read term_read_key(kp_key *key);
#define TERM_IDLE_MS 1000
/* A bracketed paste (the terminal marks pasted text, ESC[200~ … ESC[201~)
 * arrives as one key {fn, TERM_KEY_PASTE}, its text in term_paste_text()
 * until the next read: a row copied from Excel is not typed key by key.
 * Everything between the marks is the paste however the terminal's writes
 * arrive (core/pastemark.h): a start mark split between reads, the text
 * coming later or in chunks, a character split between them. */
#define TERM_KEY_PASTE (KEY_MAX + 1)
/* The pasted text, or NULL when it was refused whole (term_paste_refusal
 * says why): longer than TERM_PASTE_MAX bytes, no end mark within
 * TERM_PASTE_GAP_MS of quiet, not ended within TERM_PASTE_MS, or bytes
 * that are no text. Nothing of a refused paste is kept or typed (never a
 * row cut short, never its first part typed into the fields). */
const char *term_paste_text(void);
const char *term_paste_refusal(void);
#define TERM_PASTE_MAX 8192
#define TERM_PASTE_GAP_MS 5000
#define TERM_PASTE_MS 30000
/* After ESC [ (no key a person types), how long each further byte of a
 * terminal's sequence may take to come over a slow link. */
#define TERM_SEQ_REST_MS 1000

/* A terminal that does not mark pastes (docs/robustness.md: which do)
 * sends a pasted row as if typed, and its cells would open lists and land
 * in the wrong fields. A screen that takes a pasted row calls this while
 * arranging its frame; for the next read only, input that arrives in one
 * piece while kepu waits for a key (the terminal's one write: nothing
 * waiting when the read began, the rest of it already there with the
 * first character: TERM_BURST_GAP_MS is 0, since keys a fast typist or the
 * test harness sends a millisecond apart must stay typing) and whose first
 * cell is not blank, is a row when it holds four
 * cells or more (three Tabs), three of them not blank (empty cells,
 * in the middle or at the end, count as cells), and has no other control
 * key than line ends (CR, LF or CRLF): it comes as one TERM_KEY_PASTE, as
 * if marked. The rule looks at the first line; the lines after it in the
 * same burst are part of the paste (the form refuses several rows whole),
 * never typed into the fields. Keys that
 * piled up while kepu was busy, and any other burst, are handed out one
 * by one, in order, as typed. Bounds: TERM_PASTE_MAX bytes (a longer row
 * is refused whole), TERM_BURST_MS in all. */
void term_rows_pasted(void);
/* The printable characters of the burst still to be handed out right after
 * the key just read (up to a Tab, a line end or a control key): with it,
 * text pasted unmarked into one field, which the field takes whole or not
 * at all. term_burst_drop(n) drops n of them (a paste refused whole). */
size_t term_burst_ahead(void);
/* Those characters (term_burst_ahead of them). */
const uint32_t *term_burst_chars(void);
void term_burst_drop(size_t n);
/* A question (y/n, or a warning the next F2 confirms) was just put on the
 * screen: keys that came before it was drawn (ESC y in one burst, as Alt+Y
 * sends it; F2 twice by a bouncing key) must not answer it. */
void term_drop_typeahead(void);
#define TERM_BURST_GAP_MS 0
#define TERM_BURST_MS 1000

#endif
