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
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/msg.h"
#include "core/pastemark.h"
#include "core/strbuf.h"
#include "ui/keymap.h"
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
/* A terminal left in application-keypad mode (one that ignores kepu's
 * numeric keypad, below) sends ESC O and a letter for each numpad key:
 * read as its character, never as an F-key. */
#define KEY_NUMPAD (KEY_MAX + 16)
static const char numpad_ss3[] = "pqrstuvwxynmlkjoX";
static const char numpad[] = "0123456789.-,+*/=";
static strbuf pasted = STRBUF_INIT;
static char paste_refused[512]; /* why the last paste was refused whole, or "" */
static paste_mark marked;       /* a bracketed paste's bytes as they come */

const char *term_paste_text(void) { return paste_refused[0] ? NULL : sb_str(&pasted); }

const char *term_paste_refusal(void) { return paste_refused[0] ? paste_refused : NULL; }

static void paste_too_long(void)
{
	snprintf(paste_refused, sizeof paste_refused, msg(MSG_UI_PASTE_TOO_LONG), (size_t)TERM_PASTE_MAX);
}


/* Keys read ahead in a burst that was no row, handed out in order. */
static uint32_t ahead[TERM_PASTE_MAX];
static size_t nahead, ahead_at;
static bool rows_armed;

void term_rows_pasted(void) { rows_armed = true; }

size_t term_burst_ahead(void)
{
	size_t n = 0;
	while (ahead_at + n < nahead && ahead[ahead_at + n] >= ' ' && ahead[ahead_at + n] != 127)
		n++;
	return n;
}

const uint32_t *term_burst_chars(void) { return ahead + ahead_at; }

void term_burst_drop(size_t n)
{
	ahead_at += n < nahead - ahead_at ? n : nahead - ahead_at;
}

/* The crash path: a fatal signal (SIGSEGV, SIGBUS, SIGFPE, SIGABRT — also
 * xalloc's abort on running out of memory) must not leave the clerk's shell
 * raw, silent and on the alternate screen. Everything the handler writes is
 * prepared at start-up, so it calls only write, tcsetattr, sigaction,
 * signal and raise (async-signal-safe); it then dies by the same signal through the
 * action that was there before (the default, or a sanitizer's report). */
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])
static struct sigaction fatal_before[NFATAL];
static struct termios cooked; /* the terminal as the shell handed it over */
static bool have_cooked;
static char fatal_reset[256]; /* paste off, attributes off, cursor on, alternate screen left */
static size_t fatal_reset_len;
static char fatal_text[512];  /* the message catalogue's line, with a %d slot */

static void add_reset(const char *seq)
{
	size_t n = seq && seq != (char *)-1 ? strlen(seq) : 0;
	if (n && fatal_reset_len + n < sizeof fatal_reset) {
		memcpy(fatal_reset + fatal_reset_len, seq, n);
		fatal_reset_len += n;
	}
}

static void write_all(const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(STDOUT_FILENO, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the terminal is gone: nothing more to give back */
		p += w, n -= (size_t)w;
	}
}

static volatile sig_atomic_t dying;

static void on_fatal(int sig)
{
	int saved_errno = errno;
	if (dying++) { /* a second fault (another thread, or this handler): just die */
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	write_all(fatal_reset, fatal_reset_len);
	if (have_cooked)
		tcsetattr(STDIN_FILENO, TCSANOW, &cooked);
	/* The message, its signal number put in by hand (no printf here). */
	char line[sizeof fatal_text + 16];
	size_t n = 0;
	for (const char *p = fatal_text; *p && n < sizeof line - 16; p++) {
		if (p[0] == '%' && p[1] == 'd') {
			char digits[8];
			int k = 0;
			for (int v = sig; v && k < 7; v /= 10)
				digits[k++] = (char)('0' + v % 10);
			while (k)
				line[n++] = digits[--k];
			p++;
		} else {
			line[n++] = *p;
		}
	}
	line[n++] = '\r';
	line[n++] = '\n';
	write_all(line, n);
	for (size_t i = 0; i < NFATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &fatal_before[i], NULL);
	errno = saved_errno;
	raise(sig);
}

static void catch_fatal(void)
{
	fatal_reset_len = 0;
	add_reset(PASTE_OFF);
	add_reset(tigetstr("sgr0"));
	add_reset(tigetstr("cnorm"));
	add_reset(tigetstr("rmkx"));
	add_reset(tigetstr("rmcup"));
	snprintf(fatal_text, sizeof fatal_text, "%s", msg(MSG_UI_FATAL));
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_NODEFER; /* the re-raised signal is delivered at once */
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &sa, &fatal_before[i]);
}

static void release_fatal(void)
{
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &fatal_before[i], NULL);
}

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
	/* The numeric keypad's SS3 codes are its characters, over whatever
	 * terminfo made of them (vt100: kf5 = ESC O t, kf9 = ESC O w). */
	for (size_t i = 0; numpad[i]; i++) {
		char seq[4] = {'\033', 'O', numpad_ss3[i], '\0'};
		define_key(seq, KEY_NUMPAD + (int)i);
	}
}

bool term_keypad_numeric(char *smkx)
{
	if (!smkx || smkx == (char *)-1)
		return false;
	bool cut = false;
	char *w = smkx;
	for (const char *r = smkx; *r;) {
		if (r[0] == '\033' && r[1] == '=') {
			r += 2, cut = true;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	return cut;
}

term_start_result term_start(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return TERM_NO_TTY;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hangup; /* no SA_RESTART: a blocked read returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	set_escdelay(ESC_DELAY_MS);
	have_cooked = tcgetattr(STDIN_FILENO, &cooked) == 0;
	/* newterm, not initscr: an unknown TERM is told in the clerk's words,
	 * where initscr would print ncurses' English and exit. */
	if (!newterm(NULL, stdout, stdin))
		return TERM_UNKNOWN;
	started = true;
	catch_fatal();
	atexit(term_stop);
	raw(); /* ^S, ^Q, ^C reach kepu as keys, not as flow control or signals */
	wtimeout(stdscr, TERM_IDLE_MS);
	noecho();
	nonl();
	/* Before keypad() sends smkx, and for every time ncurses sends it
	 * again (after endwin, lazily at the next read): the string is the
	 * entry's own, so the cut holds for all of them. */
	term_keypad_numeric(tigetstr("smkx"));
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	define_keys();
	/* A VT100 keyboard has PF1–PF4 only; terminfo's kf5–kf10 are keypad
	 * keys no office client sends for F5–F10. */
	const char *name = termname();
	keymap_fkeys(name && (!strncmp(name, "vt100", 5) || !strncmp(name, "vt102", 5)) ? 4 : 12);
	theme_init();
	fputs(PASTE_ON, stdout);
	fflush(stdout);
	return TERM_STARTED;
}

void term_stop(void)
{
	if (!started)
		return;
	started = false;
	release_fatal();
	fputs(PASTE_OFF, stdout); /* the shell after kepu gets pastes as before */
	fflush(stdout);
	endwin();
	sb_free(&pasted);
	pm_free(&marked);
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

/* The next character of a burst if one arrives within ms, else -1. The
 * wait is poll's, not a short ncurses timeout: ncurses loses a multibyte
 * character whose bytes straddle its timeout (a CJK character split
 * between two TCP segments, or written in pieces by luit), and the input
 * after it. Once bytes are there, the character is read with the usual
 * patience. */
static int burst_char(int ms)
{
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	if (poll(&p, 1, ms) <= 0 || !(p.revents & POLLIN))
		return -1;
	return next_char(TERM_IDLE_MS);
}

typedef enum { SEQ_NONE, SEQ_SWALLOWED, SEQ_PASTE } seq_kind;

/* ncurses turns every escape sequence it knows into a KEY_ code; one it does
 * not know (an F13, a mouse report, a cursor-position answer arriving late)
 * comes as ESC followed by its characters. Swallow such a CSI or SS3
 * sequence whole, so it is neither Esc nor typed text: SEQ_SWALLOWED; a
 * plain Esc: SEQ_NONE. A paste's start mark that ncurses gave up on (its
 * bytes split between two reads further apart than its escape delay)
 * comes this way too: SEQ_PASTE, so its text is no typing. */
static seq_kind swallow_sequence(void)
{
	int c = next_char(0);
	if (c < 0)
		return SEQ_NONE;
	if (c != '[' && c != 'O') {
		unget_wch((wchar_t)c); /* Esc, then an ordinary key */
		return SEQ_NONE;
	}
	/* Parameters and intermediates (0x20-0x3F), then one final byte. */
	char seq[8] = {(char)c};
	size_t n = 1;
	while ((c = next_char(TERM_SEQ_REST_MS)) >= 0x20 && c <= 0x3F)
		if (n < sizeof seq - 2)
			seq[n++] = (char)c;
	if (c >= 0)
		seq[n++] = (char)c;
	if (!strcmp(seq, "[200~"))
		return SEQ_PASTE;
	if (!strcmp(seq, "[M")) /* an X10 mouse report: three raw bytes follow */
		for (int i = 0; i < 3; i++)
			next_char(50);
	return SEQ_SWALLOWED;
}

/* When a plain Esc was handed out, while no other key has been since: a
 * start mark cut right after its ESC, further apart than the escape
 * delay, is that Esc and then "[200~". 0: none. */
static long long lone_esc_at;

/* '[' just read right after a plain Esc: the rest of a paste's start mark
 * ("200~") comes with it? Then the paste is read as a paste (the Esc has
 * acted: its question refuses the paste, never types it). Else what was
 * read goes back, to be read as typed. */
static bool late_paste_mark(void)
{
	static const char rest[] = "200~";
	int got[sizeof rest - 1];
	size_t n = 0;
	while (n < sizeof got / sizeof got[0]) {
		int c = next_char(TERM_SEQ_REST_MS);
		if (c < 0)
			break;
		got[n++] = c;
		if (c != rest[n - 1])
			break;
	}
	if (n == sizeof got / sizeof got[0] && got[n - 1] == '~')
		return true;
	while (n)
		unget_wch((wchar_t)got[--n]);
	return false;
}

/* The paste after its start mark, up to its end mark, read byte by byte
 * from the terminal (ncurses reads a byte at a time too, so nothing after
 * the end mark is taken): however the bytes are split, they are one paste.
 * Bounds: TERM_PASTE_MAX bytes (read to the end and refused whole),
 * TERM_PASTE_GAP_MS of quiet without the end mark (a mark lost: refused,
 * and the keys after it are typed as ever), TERM_PASTE_MS in all. */
static void read_paste(void)
{
	sb_clear(&pasted);
	paste_refused[0] = '\0';
	pm_start(&marked, TERM_PASTE_MAX, TERM_PASTE_GAP_MS, TERM_PASTE_MS, clock_ms());
	while (!hangup) {
		long long wait = pm_wait(&marked, clock_ms());
		if (!wait)
			break;
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		int rc = poll(&p, 1, (int)wait);
		if (rc <= 0 || !(p.revents & POLLIN)) {
			if (rc > 0 || (rc < 0 && errno != EINTR)) /* the terminal gone */
				break;
			continue; /* quiet, or a signal: the bounds are looked at again */
		}
		char c;
		ssize_t got = read(STDIN_FILENO, &c, 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		pm_feed(&marked, &c, 1, clock_ms());
	}
	switch (marked.state) {
	case PM_DONE: sb_adds(&pasted, pm_text(&marked)); break;
	case PM_TOO_LONG: paste_too_long(); break;
	case PM_BAD_TEXT:
		snprintf(paste_refused, sizeof paste_refused, msg(MSG_UI_PASTE_BAD_TEXT), marked.bad_at);
		break;
	case PM_NUL:
		snprintf(paste_refused, sizeof paste_refused, msg(MSG_UI_PASTE_NUL), marked.bad_char);
		break;
	case PM_CONTROL:
		if (marked.bad_cp == 0x1B)
			snprintf(paste_refused, sizeof paste_refused, msg(MSG_UI_PASTE_ESC), marked.bad_char);
		else
			snprintf(paste_refused, sizeof paste_refused, msg(MSG_UI_PASTE_CONTROL), marked.bad_char,
				 (unsigned)marked.bad_cp);
		break;
	case PM_TOO_SLOW:
		snprintf(paste_refused, sizeof paste_refused, msg(MSG_UI_PASTE_TOO_SLOW), TERM_PASTE_MS / 1000);
		break;
	case PM_NO_END:
	case PM_READING: /* hung up, or input failing, before the end mark */
		snprintf(paste_refused, sizeof paste_refused, msg(MSG_UI_PASTE_NO_END), TERM_PASTE_GAP_MS / 1000);
		break;
	}
	pm_free(&marked);
}

static bool line_end(uint32_t c) { return c == '\r' || c == '\n'; }

/* Is input waiting in the terminal now? (ncurses reads it a byte at a
 * time, so what it has not returned is still there.) */
static bool input_waiting(void)
{
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/* first was just read, with rows armed and nothing waiting before: read
 * the rest of its piece. A row (term.h: four cells, three filled, so that
 * a few quick keys that piled up while kepu woke are not one) is kept as the pasted text (true);
 * anything else is queued to be handed out as typed (false). A row longer
 * than TERM_PASTE_MAX is read to its end and refused whole. */
static bool burst_body(uint32_t first)
{
	size_t n = 0, tabs = 0;
	bool row = true, too_long = false;
	long long until = clock_ms() + TERM_BURST_MS;
	ahead[n++] = first;
	for (;;) {
		tabs += ahead[n - 1] == '\t';
		if (hangup || clock_ms() > until)
			break;
		int next = burst_char(TERM_BURST_GAP_MS);
		if (next < 0)
			break;
		if (next == 27 || next == 127 || (next < ' ' && next != '\t' && !line_end((uint32_t)next))) {
			unget_wch((wchar_t)next); /* Esc, a control key: read as ever, after the burst */
			row = false;
			break;
		}
		if (n == TERM_PASTE_MAX && tabs < 2) { /* no row: the rest is read as ever */
			unget_wch((wchar_t)next);
			break;
		}
		if (n == TERM_PASTE_MAX) { /* a row too long to take: the rest of its piece goes with it */
			too_long = true;
			while (burst_char(TERM_BURST_GAP_MS) >= 0 && !hangup && clock_ms() <= until)
				;
			break;
		}
		ahead[n++] = (uint32_t)next;
	}
	/* The rule looks at the first line; the lines after it, all there at
	 * once with it, belong to the paste (the form refuses several rows
	 * whole), never typed into the fields after the first row. */
	size_t last = 0, row_tabs = 0; /* the first line's end, and its Tabs */
	while (last < n && !line_end(ahead[last]))
		row_tabs += ahead[last++] == '\t';
	size_t filled = 0; /* cells holding more than spaces */
	bool blank = true;
	for (size_t i = 0; i <= last; i++) {
		if (i == last || ahead[i] == '\t') {
			filled += !blank;
			blank = true;
		} else if (ahead[i] != ' ') {
			blank = false;
		}
	}
	/* A trailing Tab or empty last cells do not tell typing from a row:
	 * Excel and WPS copy a row with its empty last cells (and a Tab before
	 * the line end). */
	/* A burst that starts with a Tab or a blank is typing that piled up
	 * (a habitual Tab, keys bunched by a slow link), not a row: taken as
	 * a row, its empty cells would empty fields the clerk only passed. */
	bool first_filled = ahead[0] != '\t' && ahead[0] != ' ';
	if (row && first_filled && row_tabs >= 3 && filled >= 3 && last > 0) {
		sb_clear(&pasted);
		for (size_t i = 0; i < n; i++)
			sb_addcp(&pasted, ahead[i]);
		paste_refused[0] = '\0';
		if (too_long)
			paste_too_long();
		return true;
	}
	nahead = n;
	ahead_at = 0;
	return false;
}

/* A resize that comes while a burst is read waits until its keys are
 * handed out: ncurses takes the new size as it reads, and keys read ahead
 * would otherwise be handled at a size they were not typed at (and
 * dropped when it is too small). */
static bool read_burst(uint32_t first)
{
	sigset_t winch, before;
	sigemptyset(&winch);
	sigaddset(&winch, SIGWINCH);
	sigprocmask(SIG_BLOCK, &winch, &before);
	bool row = burst_body(first);
	sigprocmask(SIG_SETMASK, &before, NULL);
	return row;
}


void term_drop_typeahead(void)
{
	flushinp(); /* the terminal's unread bytes and ncurses' own put back */
	nahead = ahead_at = 0; /* (a plain Esc's time stays: a paste mark cut after it is still one) */
}

/* A line end just read as CR: an LF right behind it, in the same arrival,
 * is the same line end (CR LF from an Enter key set so, or an unmarked
 * paste of Windows text): one Enter, not two. */
static void swallow_lf(void)
{
	if (ahead_at < nahead) {
		ahead_at += ahead[ahead_at] == '\n';
		return;
	}
	int c = next_char(0);
	if (c >= 0 && c != '\n')
		unget_wch((wchar_t)c);
}

key_read term_read_key(kp_key *key)
{
	/* For this read only (the screen on top arms it each frame), and
	 * only when kepu is waiting: keys that piled up meanwhile are typing. */
	bool armed = rows_armed && ahead_at >= nahead && !input_waiting();
	rows_armed = false;
	for (;;) {
		if (hangup)
			return KEY_READ_HANGUP;
		if (ahead_at < nahead) {
			*key = (kp_key){false, ahead[ahead_at++]};
			if (key->code == '\r')
				swallow_lf();
			return KEY_READ_OK;
		}
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
		seq_kind seq = rc == OK && ch == 27 ? swallow_sequence() : SEQ_NONE;
		if (seq == SEQ_SWALLOWED)
			continue;
		bool after_esc = lone_esc_at && clock_ms() - lone_esc_at <= TERM_SEQ_REST_MS;
		lone_esc_at = rc == OK && ch == 27 && seq == SEQ_NONE ? clock_ms() : 0;
		if (rc == OK && ch == '[' && after_esc && late_paste_mark())
			seq = SEQ_PASTE;
		if (seq == SEQ_PASTE || (rc == KEY_CODE_YES && ch == KEY_PASTE_START)) {
			read_paste();
			*key = (kp_key){true, TERM_KEY_PASTE};
			return KEY_READ_OK;
		}
		if (rc == KEY_CODE_YES && ch == KEY_PASTE_END)
			continue;
		if (rc == KEY_CODE_YES && ch >= KEY_NUMPAD && ch < KEY_NUMPAD + sizeof numpad - 1) {
			rc = OK;
			ch = (wint_t)numpad[ch - KEY_NUMPAD];
		}
		if (armed && rc == OK && ch != 27 && (ch >= ' ' || ch == '\t')) {
			if (read_burst((uint32_t)ch)) {
				*key = (kp_key){true, TERM_KEY_PASTE};
				return KEY_READ_OK;
			}
			continue; /* handed out from the queue, in order */
		}
		key->fn = rc == KEY_CODE_YES;
		key->code = (uint32_t)ch;
		if (rc == OK && ch == '\r')
			swallow_lf();
		return KEY_READ_OK;
	}
}
