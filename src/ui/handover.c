/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/handover.h"

#include <curses.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

void ui_leave_curses(void)
{
	def_prog_mode();
	endwin();
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
