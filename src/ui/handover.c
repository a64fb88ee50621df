/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/handover.h"

#include <curses.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"

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

/* What a cancelled transfer's sender still had on the line would be read
 * as keys (a 'q', an Esc), and so would the rest of the clerk's five
 * Ctrl-X: it is thrown away until the line is quiet for over half a
 * second (a person's keys come faster), for a minute at most: a sender
 * still emptying a large file's buffers on a busy machine took over ten
 * seconds, and what it sent after that was read as keys. */
void ui_resume_curses(void)
{
	/* The program's modes first: in the cooked mode endwin left, poll()
	 * reports no input until a whole line has come, so Ctrl-X pressed one
	 * at a time after the child ended looked quiet, stayed queued and was
	 * read as keys (the 5th left the export screen). */
	reset_prog_mode();
	for (int i = 0; i < 100; i++) {
		tcflush(STDIN_FILENO, TCIFLUSH);
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		if (poll(&p, 1, 600) == 0)
			break;
	}
	clearok(curscr, TRUE);
}
