/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Does the terminal speak ZMODEM (domain/zmodem.c)? The bytes that come
 * back after kepu's ZRINIT and status request, as real terminals and
 * clients send them, judged one at a time; then the probe itself in a pty,
 * played by a child as tmux and as a client would; then the session's
 * rule for insisting; then lrzsz's words read the same in any locale. */
#include "unit.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>

#include "domain/exchange.h"
#include "domain/zmodem.h"

/* Feed s (n bytes) from state p; the verdict after the last byte, and at
 * which byte it was decided (*at, 0-based; n when still waiting). */
static zprobe_verdict feed(zprobe *p, const char *s, size_t n, size_t *at)
{
	zprobe_verdict v = ZP_WAIT;
	*at = n;
	for (size_t i = 0; i < n; i++) {
		v = zprobe_feed(p, (unsigned char)s[i]);
		if (v != ZP_WAIT && *at == n)
			*at = i;
	}
	return v;
}

#define FEED(p, lit, at) feed(p, lit, sizeof lit - 1, at)

/* Byte sequences as they come back, from a fresh probe: the verdict and
 * the byte it is decided on (n: still waiting). */
typedef struct {
	const char *what, *bytes;
	size_t n;
	zprobe_verdict v;
	size_t at;
} seen;
#define SEEN(what, lit, v, at) {what, lit, sizeof lit - 1, v, at}

static const seen sequences[] = {
	/* PuTTY, tmux, xterm and VTE answer DSR 5 with "all well": decided
	 * on the final byte, so the whole answer is read */
	SEEN("DSR answer", "\x1b[0n", ZP_TERMINAL, 3),
	SEEN("DA answer", "\x1b[?64;1;2;6;9;15;18;21;22c", ZP_TERMINAL, 25),
	SEEN("cursor position", "\x1b[24;80R", ZP_TERMINAL, 7),
	/* a key of the terminal's own (SS3 arrow): an ESC is never ZMODEM's */
	SEEN("SS3 key", "\x1bOA", ZP_TERMINAL, 1),
	/* an answer broken by a control byte still began with ESC */
	SEEN("broken answer", "\x1b[0\x18", ZP_TERMINAL, 3),
	/* flow control before the answer is no evidence either way */
	SEEN("XON, answer", "\x11\x1b[0n", ZP_TERMINAL, 4),
	/* the clerk's Ctrl-X; zterm's and a client's cancel (CAN x5, BS x5) */
	SEEN("CAN x5", "\x18\x18\x18\x18\x18", ZP_CANCELLED, 0),
	SEEN("client cancel", "\x18\x18\x18\x18\x18\b\b\b\b\b", ZP_CANCELLED, 0),
	/* lrzsz sz begins with "rz\r" and its ZRQINIT: one byte taken */
	SEEN("lrzsz sz", "rz\r**\x18" "B00000000000000\r\x8a\x11", ZP_CLIENT, 0),
	/* a client's hex header, and a binary one */
	SEEN("hex header", "**\x18" "B0000000000000", ZP_CLIENT, 0),
	SEEN("binary header", "*\x18" "C\x04", ZP_CLIENT, 0),
	/* junk: something is there that is not a terminal's answer */
	SEEN("junk", "x", ZP_CLIENT, 0),
	SEEN("XOFF, XON, frame", "\x13\x91*", ZP_CLIENT, 2),
	SEEN("flow control only", "\x11\x11", ZP_WAIT, 2),
};

static void test_sequences(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof sequences / sizeof *sequences; i++) {
		const seen *q = &sequences[i];
		zprobe p = {0};
		size_t at;
		zprobe_verdict v = feed(&p, q->bytes, q->n, &at);
		if (v != q->v || at != q->at)
			fail_msg("%s: verdict %d at byte %zu, wanted %d at %zu", q->what, v, at, q->v, q->at);
	}
}

static void test_answer_split_across_reads(void **state)
{
	(void)state;
	size_t at;
	zprobe p = {0};
	assert_int_equal(FEED(&p, "\x1b", &at), ZP_WAIT);
	assert_int_equal(FEED(&p, "[", &at), ZP_WAIT);
	assert_int_equal(FEED(&p, "0", &at), ZP_WAIT);
	assert_int_equal(zprobe_end(&p), ZP_TERMINAL); /* begun, not finished: still the terminal's */
	assert_int_equal(FEED(&p, "n", &at), ZP_TERMINAL);
	/* decided stays decided */
	assert_int_equal(FEED(&p, "**\x18" "B00", &at), ZP_TERMINAL);
	assert_int_equal(zprobe_end(&p), ZP_TERMINAL);
}

static void test_silence(void **state)
{
	(void)state;
	size_t at;
	zprobe p = {0};
	assert_int_equal(zprobe_end(&p), ZP_SILENT);
	assert_int_equal(FEED(&p, "\x11\x11", &at), ZP_WAIT);
	assert_int_equal(zprobe_end(&p), ZP_SILENT);
}

/* A pty and a child to play its terminal on *master: 0 in the child
 * (its copy of *slave closed), the child's pid in the parent. */
static pid_t fork_terminal(int *master, int *slave)
{
	assert_int_equal(openpty(master, slave, NULL, NULL, NULL), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		close(*slave);
	return pid;
}

/* The probe in a pty: a child plays the terminal, reading kepu's bytes
 * until the status request and then answering with reply. Returns the
 * verdict; what the line still holds afterwards goes into rest. */
static zprobe_verdict probe_in_pty(const char *reply, size_t n, char *rest, size_t restsz, char *asked,
				   size_t askedsz)
{
	int master, slave;
	pid_t pid = fork_terminal(&master, &slave);
	if (pid == 0) {
		char buf[256] = ""; /* the probe holds no NUL */
		size_t got = 0;
		while (got < sizeof buf - 1 && !strstr(buf, "\x1b[5n")) {
			ssize_t r = read(master, buf + got, sizeof buf - 1 - got);
			if (r <= 0)
				_exit(1);
			got += (size_t)r;
			buf[got] = '\0';
		}
		if (n && write(master, reply, n) != (ssize_t)n)
			_exit(1);
		/* what kepu writes after the verdict (the cancel), to the parent */
		ssize_t r = read(master, buf, sizeof buf);
		_exit(r > 0 && buf[0] == 0x18 ? 10 : 0);
	}
	fflush(stdout); /* the test's own words stay out of the pty */
	int in = dup(0), out = dup(1);
	dup2(slave, 0);
	dup2(slave, 1);
	zprobe_verdict v = zmodem_probe_receiver();
	/* what the probe left on the line */
	struct termios t;
	tcgetattr(slave, &t);
	cfmakeraw(&t);
	tcsetattr(slave, TCSANOW, &t);
	size_t got = 0;
	struct pollfd pf = {slave, POLLIN, 0};
	while (got < restsz - 1 && poll(&pf, 1, 300) > 0) {
		ssize_t r = read(slave, rest + got, restsz - 1 - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	rest[got] = '\0';
	dup2(in, 0);
	dup2(out, 1);
	close(in);
	close(out);
	close(slave);
	kill(pid, SIGTERM);
	int status = 0;
	waitpid(pid, &status, 0);
	close(master);
	snprintf(asked, askedsz, "%s", WIFEXITED(status) && WEXITSTATUS(status) == 10 ? "cancel" : "");
	return v;
}

static void test_probe_in_a_pty(void **state)
{
	(void)state;
	char rest[256], after[16];
	/* tmux: answers the status request; kepu cancels */
	assert_int_equal(probe_in_pty("\x1b[0n", 4, rest, sizeof rest, after, sizeof after), ZP_TERMINAL);
	assert_string_equal(rest, "");
	assert_string_equal(after, "cancel");
	/* a client's hex header: one '*' taken, the rest left for rz */
	static const char zrqinit[] = "**\x18" "B00000000000000";
	assert_int_equal(probe_in_pty(zrqinit, sizeof zrqinit - 1, rest, sizeof rest, after, sizeof after),
			 ZP_CLIENT);
	assert_string_equal(rest, zrqinit + 1);
	assert_string_equal(after, "");
	/* the clerk's Ctrl-X */
	assert_int_equal(probe_in_pty("\x18", 1, rest, sizeof rest, after, sizeof after), ZP_CANCELLED);
	assert_string_equal(after, "cancel");
}

/* What lrzsz 0.12.21 wrote to stderr and its exit status, captured in a
 * tmux pane: sz cancelled with Ctrl-X five times before any receiver
 * answered, sz timed out with nobody answering (30 s), rz cancelled. A
 * cancel said 「发送没有完成（终端不支持 ZMODEM？）」. */
static void test_outcome(void **state)
{
	(void)state;
	const int exit0 = 0, exit128 = 128 << 8, killed = SIGXFSZ;
	assert_int_equal(zmodem_outcome(exit0, ""), ZM_DONE);
	assert_int_equal(zmodem_outcome(exit128, "\r\nTransfer incomplete\n"), ZM_CANCELLED);
	assert_int_equal(zmodem_outcome(exit128, "Retry 0: Timeout on pathname\n\r\nTransfer incomplete\n"),
			 ZM_FAILED);
	assert_int_equal(zmodem_outcome(exit128, "rz waiting to receive.Retry 0: Got ZCAN\ngot ZCAN\r\n"
						 "Transfer incomplete\n"),
			 ZM_CANCELLED);
	assert_int_equal(zmodem_outcome(exit128, ""), ZM_FAILED); /* said nothing: no sign of a cancel */
	assert_int_equal(zmodem_outcome(killed, "Transfer incomplete\n"), ZM_FAILED);
	assert_int_equal(zmodem_outcome(1 << 8, "Transfer incomplete\n"), ZM_FAILED);
}

static void test_insisting(void **state)
{
	(void)state;
	assert_true(zmodem_asking());
	zmodem_insisted(true); /* nothing to insist on yet: no change */
	assert_true(zmodem_asking());
	zmodem_refused();
	assert_false(zmodem_asking()); /* the next F5 insists */
	zmodem_insisted(false);
	assert_false(zmodem_asking()); /* cancelled or failed: still 「不再询问」 on this screen */
	zmodem_insisted(false);
	assert_false(zmodem_asking());
	zmodem_visit_ended(); /* the screen left: the refusal forgotten, F5 elsewhere asks */
	assert_true(zmodem_asking());
	zmodem_refused();
	zmodem_insisted(true);
	assert_false(zmodem_asking()); /* it worked: the terminal speaks ZMODEM */
	zmodem_insisted(false);
	assert_false(zmodem_asking());
	zmodem_visit_ended(); /* trusted: leaving the screen keeps it */
	assert_false(zmodem_asking());
}

/* Is name=value among env's entries? */
static bool has_var(char *const *env, const char *entry)
{
	for (size_t i = 0; env[i]; i++)
		if (!strcmp(env[i], entry))
			return true;
	return false;
}

static bool has_name(char *const *env, const char *name)
{
	for (size_t i = 0; env[i]; i++)
		if (!strncmp(env[i], name, strlen(name)) && env[i][strlen(name)] == '=')
			return true;
	return false;
}

/* lrzsz's environment: messages in C, the character type kept. */
static void test_env(void **state)
{
	(void)state;
	char *clerk[] = {"HOME=/home/weidu", "LANG=zh_CN.UTF-8", "LANGUAGE=zh_CN:de", "LC_ALL=zh_CN.UTF-8",
			 "LC_CTYPE=C", "LC_MESSAGES=de_DE.UTF-8", "LC_ALLX=1", NULL};
	char **env = zmodem_env(clerk);
	assert_true(has_var(env, "HOME=/home/weidu"));
	assert_true(has_var(env, "LANG=zh_CN.UTF-8"));
	assert_true(has_var(env, "LC_ALLX=1")); /* a name that only begins like one stays */
	assert_true(has_var(env, "LC_MESSAGES=C"));
	assert_true(has_var(env, "LC_CTYPE=zh_CN.UTF-8")); /* what LC_ALL made it */
	assert_false(has_name(env, "LANGUAGE"));
	assert_false(has_name(env, "LC_ALL"));
	assert_false(has_var(env, "LC_CTYPE=C"));
	zmodem_env_free(env);
	char *plain[] = {"LANG=zh_CN.UTF-8", "LC_CTYPE=zh_CN.GB18030", NULL};
	env = zmodem_env(plain);
	assert_true(has_var(env, "LC_CTYPE=zh_CN.GB18030")); /* no LC_ALL: the clerk's own */
	assert_true(has_var(env, "LC_MESSAGES=C"));
	assert_false(has_name(env, "LC_ALL"));
	zmodem_env_free(env);
}

static int one_byte(FILE *out, void *ctx, char **err)
{
	(void)ctx;
	(void)err;
	return fputc('x', out) == EOF ? -1 : 0;
}

/* The line read until sz's request (ZRQINIT), answered by a terminal's
 * cancel (Ctrl-X five times), then drained until quiet: what a clerk
 * pressing Ctrl-X while the download waits sends. */
static void cancel_sz(int master)
{
	static const char zrqinit[] = "**\x18" "B00";
	size_t got = 0;
	char c;
	while (got < sizeof zrqinit - 1 && read(master, &c, 1) == 1)
		got = c == zrqinit[got] ? got + 1 : c == zrqinit[0] ? 1 : 0;
	if (write(master, "\x18\x18\x18\x18\x18\b\b\b\b\b", 10) != 10)
		_exit(1);
	char buf[256];
	struct pollfd pf = {master, POLLIN, 0};
	while (poll(&pf, 1, 1000) > 0 && read(master, buf, sizeof buf) > 0)
		;
	_exit(0);
}

/* A download cancelled under a locale in which lrzsz speaks another
 * language (no Chinese catalogue ships with it; LANGUAGE=zh_CN:de falls
 * back to its German one, "Übertragung nicht abgeschlossen"): still a
 * cancel, not a failure. */
static void test_cancel_in_chinese_locale(void **state)
{
	(void)state;
	if (!exchange_have("sz"))
		skip();
	/* control: the clerk's locale does translate lrzsz here */
	FILE *p = popen("LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE=zh_CN:de sz /kepu-none </dev/null 2>&1 >/dev/null",
			"r");
	assert_non_null(p);
	char said[512] = "";
	size_t n = fread(said, 1, sizeof said - 1, p);
	said[n] = '\0';
	pclose(p);
	if (!strstr(said, "bertragung nicht abgeschlossen")) {
		print_message("no translated lrzsz here (zh_CN locale or lrzsz's catalogue missing): %s\n", said);
		skip();
	}
	int master, slave;
	if (fork_terminal(&master, &slave) == 0)
		cancel_sz(master);
	setenv("LANG", "zh_CN.UTF-8", 1);
	setenv("LANGUAGE", "zh_CN:de", 1);
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	fflush(stdout);
	int in = dup(0), out = dup(1), errfd = dup(2);
	dup2(slave, 0);
	dup2(slave, 1);
	dup2(slave, 2);
	zmodem_refused(); /* insisting: sz runs at once, no probe */
	char *err = NULL;
	int rc = exchange_send_with("照片.png", true, one_byte, NULL, &err);
	zmodem_visit_ended();
	dup2(in, 0);
	dup2(out, 1);
	dup2(errfd, 2);
	close(in);
	close(out);
	close(errfd);
	close(slave);
	while (wait(NULL) < 0 && errno == EINTR)
		;
	close(master);
	unsetenv("LANGUAGE");
	free(err);
	assert_int_equal(rc, EXCHANGE_CANCELLED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sequences),
		cmocka_unit_test(test_answer_split_across_reads),
		cmocka_unit_test(test_silence),
		cmocka_unit_test(test_probe_in_a_pty),
		cmocka_unit_test(test_outcome),
		cmocka_unit_test(test_env),
		cmocka_unit_test(test_cancel_in_chinese_locale),
		cmocka_unit_test(test_insisting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
