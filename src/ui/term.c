/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/term.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "ui/theme.h"

#define MIN_COLS 80
#define MIN_LINES 24
/* Esc must feel instant, yet a sequence split over a slow WAN still parse. */
#define ESC_DELAY_MS 100

static volatile sig_atomic_t hangup;
static bool started;

static void on_hangup(int sig)
{
	(void)sig;
	hangup = 1;
}

/* Sequences terminfo often lacks for TERM=xterm used by PuTTY, and the
 * linux console's F1-F5 (FIELD-NOTES). */
/* Bracketed paste: the mode's switches and the marks around pasted text. */
#define PASTE_ON "\033[?2004h"
#define PASTE_OFF "\033[?2004l"
#define PASTE_START "\033[200~"
#define PASTE_END "\033[201~"
#define KEY_PASTE_START (KEY_MAX + 2)
#define KEY_PASTE_END (KEY_MAX + 3)
#define PASTE_MAX 8192 /* a row of a sheet; the rest of a larger paste is dropped */
static strbuf pasted = STRBUF_INIT;

const char *term_paste_text(void) { return sb_str(&pasted); }

static void define_keys(void)
{
	static const struct { const char *seq; int key; } seqs[] = {
		{"\033[11~", KEY_F(1)}, {"\033[12~", KEY_F(2)}, {"\033[13~", KEY_F(3)},
		{"\033[14~", KEY_F(4)}, {"\033[15~", KEY_F(5)}, {"\033[17~", KEY_F(6)},
		{"\033[18~", KEY_F(7)}, {"\033[19~", KEY_F(8)}, {"\033[20~", KEY_F(9)},
		{"\033[21~", KEY_F(10)},
		{"\033[[A", KEY_F(1)}, {"\033[[B", KEY_F(2)}, {"\033[[C", KEY_F(3)},
		{"\033[[D", KEY_F(4)}, {"\033[[E", KEY_F(5)},
		{"\033OP", KEY_F(1)}, {"\033OQ", KEY_F(2)}, {"\033OR", KEY_F(3)}, {"\033OS", KEY_F(4)},
		{"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME},
		{"\033[8~", KEY_END}, {"\033[H", KEY_HOME}, {"\033[F", KEY_END},
		{"\033OH", KEY_HOME}, {"\033OF", KEY_END}, {"\033[Z", KEY_BTAB},
		{"\033[3~", KEY_DC}, {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
		{"\033[A", KEY_UP}, {"\033[B", KEY_DOWN}, {"\033[C", KEY_RIGHT}, {"\033[D", KEY_LEFT},
		{"\033OA", KEY_UP}, {"\033OB", KEY_DOWN}, {"\033OC", KEY_RIGHT}, {"\033OD", KEY_LEFT},
	};
	for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
		if (key_defined(seqs[i].seq) == 0)
			define_key(seqs[i].seq, seqs[i].key);
	define_key(PASTE_START, KEY_PASTE_START);
	define_key(PASTE_END, KEY_PASTE_END);
}

bool term_start(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hangup; /* no SA_RESTART: a blocked read returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	set_escdelay(ESC_DELAY_MS);
	if (!initscr())
		return false;
	started = true;
	atexit(term_stop);
	raw(); /* ^S, ^Q, ^C reach kepu as keys, not as flow control or signals */
	wtimeout(stdscr, TERM_IDLE_MS);
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	define_keys();
	theme_init();
	fputs(PASTE_ON, stdout);
	fflush(stdout);
	return true;
}

void term_stop(void)
{
	if (!started)
		return;
	started = false;
	fputs(PASTE_OFF, stdout); /* the shell after kepu gets pastes as before */
	fflush(stdout);
	endwin();
	sb_free(&pasted);
	/* Let go of the terminal and of the shell's process group: a hang-up
	 * sends SIGHUP and SIGCONT to both, and one that comes during the exit
	 * cancels the stop a leak checker needs (`make test SANITIZE=1` then
	 * waits forever). A session leader cannot leave its group; detaching
	 * the terminal covers it. */
	signal(SIGHUP, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	ioctl(STDIN_FILENO, TIOCNOTTY);
	setpgid(0, 0);
}

bool term_too_small(void) { return COLS < MIN_COLS || LINES < MIN_LINES; }

/* The next character if one is already waiting (within ms), else -1. A
 * function key that comes instead is put back for the next read. */
static int next_char(int ms)
{
	wint_t ch;
	wtimeout(stdscr, ms);
	int rc = wget_wch(stdscr, &ch);
	wtimeout(stdscr, TERM_IDLE_MS);
	if (rc == KEY_CODE_YES)
		ungetch((int)ch);
	return rc == OK ? (int)ch : -1;
}

/* ncurses turns every escape sequence it knows into a KEY_ code; one it does
 * not know (an F13, a mouse report, a cursor-position answer arriving late)
 * comes as ESC followed by its characters. Swallow such a CSI or SS3
 * sequence whole, so it is neither Esc nor typed text. Returns true when
 * something was swallowed; false for a plain Esc. */
static bool swallow_sequence(void)
{
	int c = next_char(0);
	if (c < 0)
		return false;
	if (c != '[' && c != 'O') {
		unget_wch((wchar_t)c); /* Esc, then an ordinary key */
		return false;
	}
	/* Parameters and intermediates (0x20-0x3F), then one final byte. */
	int n = 0;
	while ((c = next_char(50)) >= 0x20 && c <= 0x3F)
		n++;
	if (c == 'M' && n == 0) /* an X10 mouse report: three raw bytes follow */
		for (int i = 0; i < 3; i++)
			next_char(50);
	return true;
}

/* The text up to the end mark (or a pause of a second: a lost mark must
 * not swallow the keys after it). */
static void read_paste(void)
{
	sb_clear(&pasted);
	for (;;) {
		wint_t ch;
		wtimeout(stdscr, TERM_IDLE_MS);
		int rc = wget_wch(stdscr, &ch);
		if (rc == ERR || (rc == KEY_CODE_YES && ch == KEY_PASTE_END) || hangup)
			break;
		if (rc == OK && pasted.len < PASTE_MAX)
			sb_addcp(&pasted, (uint32_t)ch);
	}
}

key_read term_read_key(kp_key *key)
{
	for (;;) {
		if (hangup)
			return KEY_READ_HANGUP;
		wint_t ch;
		errno = 0;
		int rc = wget_wch(stdscr, &ch);
		if (rc == ERR) {
			if (hangup)
				return KEY_READ_HANGUP;
			/* ERR is also the timeout: tell it from a dead terminal. */
			struct pollfd p = {STDIN_FILENO, POLLIN, 0};
			if (errno == EIO || errno == EBADF || poll(&p, 1, 0) < 0 ||
			    (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
				return KEY_READ_HANGUP;
			return KEY_READ_IDLE;
		}
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
			return KEY_READ_RESIZE;
		if (rc == OK && ch == 27 && swallow_sequence())
			continue;
		if (rc == KEY_CODE_YES && ch == KEY_PASTE_START) {
			read_paste();
			*key = (kp_key){true, TERM_KEY_PASTE};
			return KEY_READ_OK;
		}
		if (rc == KEY_CODE_YES && ch == KEY_PASTE_END)
			continue;
		key->fn = rc == KEY_CODE_YES;
		key->code = (uint32_t)ch;
		return KEY_READ_OK;
	}
}
