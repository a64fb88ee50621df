#include "ui/encoding.h"

#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "core/msg.h"

/* Long enough for a slow WAN link; only a terminal that never answers waits
 * this long. */
#define PROBE_TIMEOUT_MS 1500

/* Read the terminal's answer to ESC[6n: ESC [ row ; col R. */
static int read_column(int timeout_ms)
{
	char buf[32];
	size_t n = 0;
	while (n < sizeof buf - 1) {
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		if (poll(&p, 1, timeout_ms) <= 0 || read(STDIN_FILENO, buf + n, 1) != 1)
			return -1;
		if (buf[n++] == 'R')
			break;
	}
	buf[n] = '\0';
	const char *esc = strrchr(buf, '\033');
	int row, col;
	return esc && sscanf(esc, "\033[%d;%dR", &row, &col) == 2 ? col : -1;
}

kp_encoding encoding_probe(int timeout_ms)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return ENC_UNKNOWN;
	struct termios saved, raw;
	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return ENC_UNKNOWN;
	raw = saved;
	raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	static const char probe[] = "\r\xe4\xb8\xad\xe6\x96\x87\033[6n"; /* 中文 in UTF-8 */
	int col = -1;
	if (write(STDOUT_FILENO, probe, sizeof probe - 1) == (ssize_t)(sizeof probe - 1))
		col = read_column(timeout_ms);
	/* Wipe the probe from the line, and drop any part of an answer still
	 * arriving so it is not read as keys. */
	if (write(STDOUT_FILENO, "\r\033[K", 4) < 0)
		col = -1;
	tcflush(STDIN_FILENO, TCIFLUSH);
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	if (col < 0)
		return ENC_UNKNOWN;
	return col == 5 ? ENC_UTF8 : ENC_GB18030;
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
	if (want && want[0]) {
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
		return 0;
	}
	kp_encoding term = encoding_probe(PROBE_TIMEOUT_MS), loc = locale_encoding();
	if (term == ENC_UNKNOWN || term == loc)
		return 0;
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
