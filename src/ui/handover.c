/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/handover.h"

#include <curses.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/zmodem.h"

void ui_leave_curses(void)
{
	def_prog_mode();
	endwin();
}

void ui_leave_curses_saying(const char *s)
{
	ui_leave_curses();
	fputs("\r\n", stdout);
	handover_wrap(stdout, COLS > 1 ? COLS - 1 : 79, s); /* endwin keeps COLS */
	fflush(stdout);
}

void handover_wrap(FILE *out, int width, const char *s)
{
	size_t len = strlen(s), n = 0;
	uint32_t *cp = xcalloc(len + 1, sizeof *cp);
	for (size_t i = 0; i < len;)
		i += utf8_decode(s + i, len - i, &cp[n++]);
	for (size_t start = 0; start < n;) {
		size_t end = text_line_end(cp, start, n, width), next = end;
		if (next < n && cp[next] == '\n')
			next++;
		while (next < n && cp[next] == ' ') /* no line starts with a space */
			next++;
		while (end > start && cp[end - 1] == ' ')
			end--;
		char buf[8];
		for (size_t i = start; i < end; i++)
			fwrite(buf, 1, utf8_encode(cp[i], buf), out);
		fputs("\r\n", out);
		start = next;
	}
	free(cp);
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int handover_drain(int fd, int quiet_ms, int max_ms, void (*busy)(void))
{
	struct timespec t0, said;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	said = t0;
	for (;;) {
		tcflush(fd, TCIFLUSH);
		long left = max_ms - ms_since(&t0);
		if (left <= 0)
			return -1;
		struct pollfd p = {fd, POLLIN, 0};
		if (poll(&p, 1, quiet_ms < left ? quiet_ms : (int)left) == 0)
			return ms_since(&t0) >= max_ms ? -1 : 0;
		if (busy && ms_since(&said) >= 1000) { /* a sender that missed the first word */
			busy();
			clock_gettime(CLOCK_MONOTONIC, &said);
		}
	}
}

/* What a cancelled transfer's sender still had on the line would be read
 * as keys (a 'q', an Esc), and so would the rest of the clerk's five
 * Ctrl-X: it is thrown away until the line is quiet for over half a
 * second (a person's keys come faster), for a minute at most: a sender
 * still emptying a large file's buffers on a busy machine took over ten
 * seconds, and what it sent after that was read as keys. While it goes
 * on, the cancel is said again once a second; and the screen is drawn only
 * after: a terminal still in its ZMODEM session takes what comes for
 * protocol, so a screen drawn then is never seen. */
void ui_resume_curses(void)
{
	/* The program's modes first: in the cooked mode endwin left, poll()
	 * reports no input until a whole line has come, so Ctrl-X pressed one
	 * at a time after the child ended looked quiet, stayed queued and was
	 * read as keys (the 5th left the export screen). */
	reset_prog_mode();
	handover_drain(STDIN_FILENO, 600, 60000, zmodem_cancel);
	clearok(curscr, TRUE);
}
