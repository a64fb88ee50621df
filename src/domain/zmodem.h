/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * zmodem: does the clerk's terminal speak ZMODEM? Asked before lrzsz runs,
 * so that a terminal without it (plain PuTTY, tmux, xterm) gets a refusal
 * in a moment instead of rz's or sz's header on screen for half a minute.
 *
 * Sending (sz): ask as sz does (ZRQINIT); a ZMODEM terminal answers with
 * its ZRINIT, a plain one never does.
 *
 * Receiving (rz): the receiving client (Xshell, SecureCRT) says nothing
 * while the clerk chooses a file, so silence proves nothing. kepu writes
 * rz's own ZRINIT header followed by a status request (DSR, ESC [ 5 n). A
 * plain terminal shows the header as text and answers the request within
 * a round trip (ESC [ 0 n); a ZMODEM client takes what follows the header
 * as protocol and does not answer it. The bytes that come back are judged
 * by zprobe_feed.
 *
 * A clerk whose terminal was judged wrongly presses F5 again: the next
 * transfer of the session is not asked about (see zmodem_asking).
 */
#ifndef KP_ZMODEM_H
#define KP_ZMODEM_H
#include <stdbool.h>

typedef enum {
	ZP_WAIT,      /* nothing decided yet: read on */
	ZP_TERMINAL,  /* an escape sequence: the terminal's own answer, no ZMODEM client */
	ZP_CANCELLED, /* CAN (Ctrl-X): the clerk or the client cancelled */
	ZP_CLIENT,    /* any other byte: a ZMODEM client's first frame */
	ZP_SILENT,    /* nothing in the whole window: a client holds the line */
} zprobe_verdict;

typedef struct {
	int state; /* where in an escape sequence; zero-initialise */
	zprobe_verdict verdict;
} zprobe;

/* One byte from the terminal after the probe. Returns ZP_WAIT until the
 * bytes decide; a decided verdict stays. Pure: no I/O. */
zprobe_verdict zprobe_feed(zprobe *p, unsigned char c);
/* The window ended: the verdict so far, ZP_SILENT when nothing came, and
 * ZP_TERMINAL when an escape sequence was begun and not finished. */
zprobe_verdict zprobe_end(const zprobe *p);

/* The probe's window in milliseconds: a plain terminal answers within a
 * round trip, so only a client's silence waits it out. */
#define ZMODEM_PROBE_MS 3000
/* How long sz's request waits for the terminal's ZRINIT. */
#define ZMODEM_ANSWER_MS 4000

/* How a run of lrzsz (sz or rz) ended. */
typedef enum { ZM_DONE, ZM_CANCELLED, ZM_FAILED } zm_outcome;
/* From its wait status and what it wrote to stderr (the end of it; lrzsz
 * 0.12.21 measured in a pty): exit 0 is done; rz cancelled says "Got
 * ZCAN"; sz cancelled before the receiver answered exits 128 saying only
 * "Transfer incomplete", where its time-out (no answer in 30 s) said
 * "Timeout" first. Anything else failed. Pure. */
zm_outcome zmodem_outcome(int status, const char *said);

/* The environment lrzsz runs in: env's variables (NULL-terminated) with
 * its messages in English, whatever the clerk's locale, since
 * zmodem_outcome reads them (lrzsz ships translations: LANGUAGE=zh_CN:de
 * turns "Transfer incomplete" into German). LANGUAGE, LC_ALL and
 * LC_MESSAGES go, LC_MESSAGES=C comes; an LC_ALL's value stays the
 * character type (LC_CTYPE), so file names read as before. Every string
 * new: free with zmodem_env_free. Pure. */
char **zmodem_env(char *const *env);
void zmodem_env_free(char **env);

/* Receiving: probe the terminal (stdin and stdout) in raw mode. On
 * ZP_TERMINAL and ZP_CANCELLED the probe is cancelled as rz cancels and
 * the terminal's modes restored; otherwise it is left raw for rz (the
 * caller takes the terminal back afterwards). Not a terminal: ZP_SILENT
 * (rz says what it finds). */
zprobe_verdict zmodem_probe_receiver(void);
/* Sending: does the terminal answer sz's request within ZMODEM_ANSWER_MS?
 * Not answered, the request is cancelled and the modes restored; answered,
 * the terminal is left raw for sz. Not a terminal: true. */
bool zmodem_sender_answers(void);
/* Write rz's cancel sequence (CAN x8, BS x8) to the terminal. */
void zmodem_cancel(void);

/* The session's rule for asking. false after a refusal on this screen
 * visit (the clerk's next F5s there insist: lrzsz runs and waits for the
 * terminal, as the refusal says, 「不再询问」, a cancelled one too) and after
 * a transfer made that way succeeded (the terminal does speak ZMODEM:
 * asking again would refuse it again). */
bool zmodem_asking(void);
/* The terminal was judged not to speak ZMODEM and the clerk told so. */
void zmodem_refused(void);
/* A transfer ran without asking: ok when it moved a file (the terminal
 * is trusted from then on); not ok, the screen still does not ask. */
void zmodem_insisted(bool ok);
/* The screen that started transfers is left: a refusal there is
 * forgotten, so the next F5 anywhere asks again (a refusal is about that
 * visit; a terminal proven to speak ZMODEM stays trusted). */
void zmodem_visit_ended(void);

#endif
