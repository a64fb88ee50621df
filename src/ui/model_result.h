/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * model_result: what a key did, as the models of the table-like screens
 * (附表1, the checklist, the ranking, the briefing) return it — handled,
 * refused with a message, close the screen, or saved (a cell stored, a
 * milestone ticked) — with the text for the status line. The view turns it
 * into the status line and closing (shell.c: app_show_result); tests check
 * it with no terminal.
 */
#ifndef KP_MODEL_RESULT_H
#define KP_MODEL_RESULT_H
#include <stdbool.h>

typedef enum {
	MR_HANDLED, /* done (text may say something) */
	MR_REFUSED, /* not done: text says why; nothing stored */
	MR_CLOSE,   /* the screen is done */
	MR_SAVED    /* something was stored: text says what */
} mr_kind;

typedef struct {
	mr_kind kind;
	bool error;
	char text[512];
} mr_result;

/* A result of kind with no text. */
mr_result mr_done(mr_kind kind);
/* A result of kind with a message (an error when kind is MR_REFUSED). */
mr_result mr_say(mr_kind kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
