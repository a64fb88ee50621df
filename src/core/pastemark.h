/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * pastemark: the text between a terminal's bracketed-paste marks
 * (ESC[200~ … ESC[201~), put together from its bytes however they arrive:
 * the end mark or a character split between two reads, a long paste over
 * SSH in chunks. Bytes are kept until the end mark; only then is the text
 * decoded (in the locale's encoding, UTF-8 or GB18030), so a character
 * split anywhere comes whole. The bounds are here, the clock the caller's
 * (term.c reads it; a test passes its own times): bytes, quiet without the
 * end mark (a mark lost), and time in all.
 */
#ifndef KP_PASTEMARK_H
#define KP_PASTEMARK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

#define PASTE_END_MARK "\033[201~"

typedef enum {
	PM_READING,  /* the end mark has not come yet */
	PM_DONE,     /* whole: pm_text */
	PM_TOO_LONG, /* ended, with more than max bytes: nothing of it kept */
	PM_BAD_TEXT, /* ended, with bytes that are no text in the locale's encoding (bad_at) */
	PM_NUL,      /* ended, with a NUL byte as its bad_char-th character */
	PM_CONTROL,  /* …with an invisible character (bad_cp; cp_is_unsafe: a control, ESC
		      * starting a terminal's sequence, a bidi control, a zero-width one)
		      * other than Tab and line ends: never typed into a field, and a paste
		      * with its other characters kept would be no copy of what was copied */
	PM_NO_END,   /* gap_ms went by with no byte and no end mark */
	PM_TOO_SLOW  /* all_ms went by before the end mark */
} pm_state;

typedef struct {
	strbuf raw;     /* the paste's bytes so far, up to max */
	size_t max;     /* bytes kept at most */
	size_t bytes;   /* bytes of the paste seen, kept or not */
	size_t held;    /* bytes of a possible end mark matched, not yet text */
	size_t bad_at;  /* PM_BAD_TEXT: the first byte that is no text (from 1) */
	size_t bad_char; /* PM_NUL, PM_CONTROL: which character it is (from 1) */
	uint32_t bad_cp; /* PM_CONTROL: the character */
	pm_state state;
	strbuf text;    /* PM_DONE: the text, UTF-8 */
	int gap_ms, all_ms;
	long long began, last; /* when it began, when its last byte came (ms) */
} paste_mark;

/* A paste begins at now (its start mark was read): at most max bytes,
 * gap_ms of quiet, all_ms in all. p is zeroed, or was used before (what
 * it held goes). */
void pm_start(paste_mark *p, size_t max, int gap_ms, int all_ms, long long now);
/* n bytes of input that came at now after the start mark: how many
 * belong to the paste — all of them, or those up to and with the end
 * mark (then state is no longer PM_READING, and the rest is the input
 * after it). */
size_t pm_feed(paste_mark *p, const char *b, size_t n, long long now);
/* While PM_READING at now: how many ms to wait for more (> 0); 0 when a
 * time bound has ended it (state PM_NO_END or PM_TOO_SLOW) or it ended. */
long long pm_wait(paste_mark *p, long long now);
/* PM_DONE: the text; else NULL. */
const char *pm_text(const paste_mark *p);
void pm_free(paste_mark *p);

#endif
