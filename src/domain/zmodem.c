/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/zmodem.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/xalloc.h"

#define ESC 0x1b
#define CAN 0x18

enum { S_IDLE, S_ESC, S_CSI };

zprobe_verdict zprobe_feed(zprobe *p, unsigned char c)
{
	if (p->verdict != ZP_WAIT)
		return p->verdict;
	switch (p->state) {
	case S_IDLE:
		if (c == ESC)
			p->state = S_ESC;
		else if (c == CAN)
			p->verdict = ZP_CANCELLED;
		/* XON/XOFF (and ZMODEM's 8-bit forms) are flow control, no evidence */
		else if ((c & 0x7f) != 0x11 && (c & 0x7f) != 0x13)
			p->verdict = ZP_CLIENT;
		break;
	case S_ESC: /* a ZMODEM frame never begins with ESC: whatever follows, the terminal's */
		if (c == '[')
			p->state = S_CSI;
		else
			p->verdict = ZP_TERMINAL;
		break;
	default: /* CSI: parameters and intermediates until a final byte (n, c, R…) */
		if (c < 0x20 || c > 0x3f)
			p->verdict = ZP_TERMINAL;
		break;
	}
	return p->verdict;
}

zprobe_verdict zprobe_end(const zprobe *p)
{
	if (p->verdict != ZP_WAIT)
		return p->verdict;
	return p->state == S_IDLE ? ZP_SILENT : ZP_TERMINAL;
}

/* Write ask to the terminal in raw mode and feed each byte that comes back,
 * one read() per byte so nothing past the deciding byte is taken from the
 * line, until feed decides or ms pass. 1 decided, 0 not, -1 not a terminal
 * (or ask unwritable). What the clerk typed before is thrown away: it
 * cannot be an answer. The terminal is left raw, its modes before in *was:
 * a client may go on sending before lrzsz takes the line, and in the
 * normal modes its bytes would be echoed back to it, CRs turned into LFs,
 * a ^C or ^Z taken for a signal. */
static int converse(const char *ask, size_t n, long ms, bool (*feed)(void *st, unsigned char c), void *st,
		    struct termios *was)
{
	struct termios raw;
	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, was) != 0)
		return -1;
	fflush(NULL); /* the caller's words before the probe */
	raw = *was;
	cfmakeraw(&raw);
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	tcflush(STDIN_FILENO, TCIFLUSH);
	int rc = write(STDOUT_FILENO, ask, n) == (ssize_t)n ? 0 : -1;
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long left = ms; rc == 0 && left > 0;) {
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		unsigned char c;
		if (poll(&p, 1, (int)left) > 0 && read(STDIN_FILENO, &c, 1) == 1 && feed(st, c))
			rc = 1;
		clock_gettime(CLOCK_MONOTONIC, &t);
		left = ms - ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000);
	}
	return rc;
}

/* No transfer after all: the cancel, and the terminal's modes back. */
static void give_up(const struct termios *was)
{
	zmodem_cancel();
	tcsetattr(STDIN_FILENO, TCSANOW, was);
}

void zmodem_cancel(void)
{
	static const char cancel[] = "\x18\x18\x18\x18\x18\x18\x18\x18\b\b\b\b\b\b\b\b";
	ssize_t w = write(STDOUT_FILENO, cancel, sizeof cancel - 1);
	(void)w; /* said to the terminal either way */
}

static bool probe_feed(void *st, unsigned char c)
{
	return zprobe_feed(st, c) != ZP_WAIT;
}

zprobe_verdict zmodem_probe_receiver(void)
{
	/* rz's ZRINIT exactly as lrzsz 0.12.21 writes it (captured in a pty),
	 * then DSR. */
	static const char ask[] = "**\x18" "B0100000023be50\r\x8a\x11" "\x1b[5n";
	zprobe p = {0};
	struct termios was;
	int rc = converse(ask, sizeof ask - 1, ZMODEM_PROBE_MS, probe_feed, &p, &was);
	zprobe_verdict v = rc < 0 ? ZP_SILENT : zprobe_end(&p);
	if (v == ZP_TERMINAL || v == ZP_CANCELLED)
		give_up(&was); /* a client that took the header hears the cancel */
	return v;
}

/* sz's ZRINIT wanted: matched bytes so far. */
static bool zrinit_feed(void *st, unsigned char c)
{
	static const char zrinit[] = "**\x18" "B01";
	size_t *got = st;
	*got = c == (unsigned char)zrinit[*got] ? *got + 1 : c == zrinit[0] ? 1 : 0;
	return *got == sizeof zrinit - 1;
}

bool zmodem_sender_answers(void)
{
	/* As sz asks: Xshell and SecureCRT answer at once; sz asks again, and
	 * a receiver answers every request. */
	static const char zrqinit[] = "rz\r**\x18" "B00000000000000\r\x8a\x11";
	size_t got = 0;
	struct termios was;
	int rc = converse(zrqinit, sizeof zrqinit - 1, ZMODEM_ANSWER_MS, zrinit_feed, &got, &was);
	if (rc == 0)
		give_up(&was);
	return rc != 0; /* not a terminal, or unwritable: sz says what it finds */
}

zm_outcome zmodem_outcome(int status, const char *said)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return ZM_DONE;
	if (strstr(said, "ZCAN") || strstr(said, "anceled") || strstr(said, "ancelled"))
		return ZM_CANCELLED;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 128 && strstr(said, "Transfer incomplete") &&
	    !strstr(said, "Timeout") && !strstr(said, "Retry"))
		return ZM_CANCELLED;
	return ZM_FAILED;
}

/* Is entry (NAME=VALUE) the variable name? */
static bool is_var(const char *entry, const char *name)
{
	size_t n = strlen(name);
	return !strncmp(entry, name, n) && entry[n] == '=';
}

char **zmodem_env(char *const *env)
{
	size_t n = 0;
	const char *all = NULL;
	for (; env[n]; n++)
		if (is_var(env[n], "LC_ALL") && env[n][7])
			all = env[n] + 7;
	char **out = xcalloc(n + 3, sizeof *out);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!is_var(env[i], "LANGUAGE") && !is_var(env[i], "LC_ALL") && !is_var(env[i], "LC_MESSAGES") &&
		    !(all && is_var(env[i], "LC_CTYPE"))) /* LC_ALL overrode it */
			out[k++] = xstrdup(env[i]);
	out[k++] = xstrdup("LC_MESSAGES=C");
	if (all)
		out[k++] = xasprintf("LC_CTYPE=%s", all);
	return out;
}

void zmodem_env_free(char **env)
{
	for (size_t i = 0; env && env[i]; i++)
		free(env[i]);
	free(env);
}

/* One process is one clerk's session on one terminal: what was learnt of
 * the terminal holds until the session ends. */
static enum { Z_ASK, Z_INSIST, Z_TRUSTED } session_rule;

bool zmodem_asking(void) { return session_rule == Z_ASK; }

void zmodem_refused(void) { session_rule = Z_INSIST; }

void zmodem_insisted(bool ok)
{
	/* Failed or cancelled, the rule stays: the refusal said 「在本屏再按
	 * F5，不再询问」, and on this screen it does not ask again. */
	if (ok && session_rule == Z_INSIST)
		session_rule = Z_TRUSTED;
}

void zmodem_visit_ended(void)
{
	if (session_rule == Z_INSIST) /* minutes later, elsewhere, a silent wait would look hung */
		session_rule = Z_ASK;
}
