/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/encoding.h"

#include <curses.h>
#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/msg.h"
#include "ui/term.h"

/* Long enough for a slow WAN link; only a terminal that never answers waits
 * this long. */
#define PROBE_TIMEOUT_MS 1500

/* The terminal's answer to the probe: its column, or -1 when none came in
 * timeout_ms. Keys typed before it are put back for the program. */
static int read_answer(int timeout_ms)
{
	char buf[64];
	size_t n = 0;
	int col = -1;
	while (n < sizeof buf - 1) {
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		if (poll(&p, 1, timeout_ms) <= 0 || read(STDIN_FILENO, buf + n, 1) != 1)
			break;
		if (buf[n++] == 'R') {
			buf[n] = '\0';
			const char *esc = strrchr(buf, '\033');
			int row;
			if (esc && sscanf(esc, "\033[%d;%dR", &row, &col) == 2) {
				n = (size_t)(esc - buf); /* what came before it were keys */
				break;
			}
		}
	}
	while (n > 0) /* ncurses returns the last pushed first */
		ungetch((unsigned char)buf[--n]);
	return col;
}
static kp_encoding locale_encoding(void)
{
	const char *cs = nl_langinfo(CODESET);
	if (!strcmp(cs, "UTF-8"))
		return ENC_UTF8;
	if (!strcmp(cs, "GB18030") || !strcmp(cs, "GBK"))
		return ENC_GB18030;
	return ENC_UNKNOWN;
}

static const char *enc_name(kp_encoding e) { return e == ENC_UTF8 ? "UTF-8" : "GB18030"; }

/* Print a catalogue message in the terminal's encoding. */
static void say(kp_encoding term, const char *utf8)
{
	if (term != ENC_GB18030) {
		fprintf(stderr, "%s\n", utf8);
		return;
	}
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1)
		return;
	char out[1024], *in = (char *)utf8, *o = out;
	size_t inl = strlen(utf8), outl = sizeof out - 1;
	iconv(cd, &in, &inl, &o, &outl);
	*o = '\0';
	iconv_close(cd);
	fprintf(stderr, "%s\n", out);
}

/* Switch the locale to the one for e; false when it is not installed. */
static int use_locale(kp_encoding e)
{
	static const char *const utf8[] = {"zh_CN.UTF-8", "C.UTF-8", NULL};
	static const char *const gb[] = {"zh_CN.GB18030", "zh_CN.gb18030", NULL};
	for (const char *const *l = e == ENC_UTF8 ? utf8 : gb; *l; l++)
		if (setlocale(LC_ALL, *l))
			return 0;
	return -1;
}

int encoding_settle(void)
{
	const char *want = getenv("KEPU_TERMINAL_ENCODING");
	if (!want || !want[0])
		return 0;
	kp_encoding e = !strcasecmp(want, "utf-8") || !strcasecmp(want, "utf8") ? ENC_UTF8
		      : !strcasecmp(want, "gb18030") || !strcasecmp(want, "gbk") ? ENC_GB18030
		      : ENC_UNKNOWN;
	if (e == ENC_UNKNOWN) {
		fprintf(stderr, "kepu: KEPU_TERMINAL_ENCODING must be utf-8 or gb18030, not '%s'\n", want);
		return -1;
	}
	if (locale_encoding() != e && use_locale(e) != 0) {
		fprintf(stderr, "kepu: no %s locale is installed (see make deps)\n", enc_name(e));
		return -1;
	}
	return 1;
}

bool encoding_probe_send(int row)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	/* 中文 in UTF-8 at the start of a row, then "where is the cursor?": a
	 * UTF-8 terminal answers column 5 (two wide characters), a GBK one
	 * column 7. The first paint clears the screen after it (the terminal
	 * answers in order, so the clear comes too late to change the answer),
	 * and its answer is read once that paint has gone: the screen is
	 * complete without waiting a round trip, and not drawn again. */
	char probe[64];
	int n = snprintf(probe, sizeof probe, "\033[%d;1H\xe4\xb8\xad\xe6\x96\x87\033[6n", row + 1);
	if (write(STDOUT_FILENO, probe, (size_t)n) != n)
		return false;
	clearok(curscr, TRUE);
	return true;
}

int encoding_probe_check(void)
{
	int col = read_answer(PROBE_TIMEOUT_MS);
	kp_encoding term = col < 0 ? ENC_UNKNOWN : col == 5 ? ENC_UTF8 : ENC_GB18030;
	kp_encoding loc = locale_encoding();
	if (term == ENC_UNKNOWN || term == loc)
		return 0;
	term_stop(); /* the message goes to the shell's screen */
	fprintf(stderr,
		"kepu: the terminal uses %s but the locale is %s; Chinese would be stored garbled.\n"
		"Set the SSH client's character set to match, or set KEPU_TERMINAL_ENCODING=%s.\n",
		enc_name(term), enc_name(loc), term == ENC_UTF8 ? "utf-8" : "gb18030");
	char text[512];
	snprintf(text, sizeof text, msg(MSG_UI_ENCODING_MISMATCH), enc_name(term), enc_name(loc),
		 term == ENC_UTF8 ? "utf-8" : "gb18030");
	say(term, text);
	return -1;
}
