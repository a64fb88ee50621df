/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu-zterm: the PC's side of ZMODEM, for the end-to-end tests.
 *
 *   kepu-zterm SENDLIST [RECVDIR] -- COMMAND [ARG…]
 *
 * Runs COMMAND in a new pty and relays it to this terminal, as an SSH
 * client does. When the command starts rz (its ZRINIT header "**\x18B01"
 * appears), it does what Xshell or SecureCRT do: runs `sz` on the files
 * listed in SENDLIST (one path a line, read at that moment) with the pty as
 * its line (without sz's leading "rz\r": rz already runs; a line
 * "#wait MS" first holds the line MS milliseconds, as the user choosing a
 * file in the terminal's window does), or, when the
 * list is empty, cancels the transfer as a user pressing Ctrl-X five times
 * would. What follows a detected header is not shown, as a ZMODEM terminal
 * takes it for protocol. With RECVDIR, when the command starts
 * sz (its ZRQINIT header "**\x18B00"), it runs `rz` in RECVDIR as the PC's
 * terminal saves a download. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static struct termios saved;

static void restore(void) { tcsetattr(0, TCSANOW, &saved); }

static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

/* Run argv (sz or rz) in dir with the pty as its line, relayed. */
static void relay(int master, char **argv, const char *dir);

/* Save what the command's sz sends into dir. */
static void download(int master, const char *dir)
{
	/* Not --quiet: with it rz may miss the closing "OO" and resend ZFIN. */
	char *argv[] = {"rz", "--binary", NULL};
	relay(master, argv, dir);
}

/* Upload the listed files over the pty with sz, or cancel. */
static void upload(int master, const char *list)
{
	char *argv[64] = {"sz", "--quiet", "--binary", "--"};
	int argc = 4;
	FILE *f = fopen(list, "r");
	char line[4096];
	long wait_ms = 0;
	while (f && argc < 63 && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "#wait %ld", &wait_ms) == 1)
			continue;
		if (line[0])
			argv[argc++] = strdup(line);
	}
	if (wait_ms > 0) { /* the user choosing the file: the line held, nothing sent */
		struct timespec t = {wait_ms / 1000, (wait_ms % 1000) * 1000000L};
		nanosleep(&t, NULL);
	}
	if (f)
		fclose(f);
	argv[argc] = NULL;
	if (argc == 4) {
		write_all(master, "\x18\x18\x18\x18\x18\x08\x08\x08\x08\x08", 10);
		return;
	}
	relay(master, argv, NULL);
	for (int i = 4; i < argc; i++)
		free(argv[i]);
}

static void relay(int master, char **argv, const char *dir)
{
	/* sz talks to a socket that is relayed to the pty, as a terminal
	 * emulator's ZMODEM is: given the pty itself, sz would reset its modes
	 * on exit with TCSAFLUSH and throw away its own closing "OO". */
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		exit(1);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(sv[1], 0);
		dup2(sv[1], 1);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 2);
		close(sv[0]);
		if (dir && chdir(dir) != 0)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(sv[1]);
	struct pollfd p[2] = {{sv[0], POLLIN, 0}, {master, POLLIN, 0}};
	char buf[4096];
	/* A download: sz on kepu's pty loses its closing "OO" (its exit
	 * flushes the line), for which rz would wait 30 s; a terminal closes
	 * the transfer once rz has said ZFIN, as this does. */
	static const char zfin[] = "**\x18" "B08";
	size_t fin = 0;
	/* An upload: sz begins with "rz\r" to start a receiver from a shell;
	 * rz already runs, and Xshell or SecureCRT begin with the frame ('*'). */
	static const char rzcr[] = "rz\r";
	size_t lead = dir ? sizeof rzcr - 1 : 0;
	for (bool open_ = true; open_;) {
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[0].revents & (POLLIN | POLLHUP)) {
			ssize_t n = read(sv[0], buf, sizeof buf);
			ssize_t skip = 0;
			while (skip < n && lead < sizeof rzcr - 1 && buf[skip] == rzcr[lead]) {
				skip++;
				lead++;
			}
			if (skip < n && lead < sizeof rzcr - 1) { /* not sz's prefix after all */
				write_all(master, rzcr, lead);
				lead = sizeof rzcr - 1;
			}
			if (n <= 0)
				open_ = false;
			else
				write_all(master, buf + skip, (size_t)(n - skip));
			bool done = false;
			for (ssize_t i = 0; dir && i < n && !done; i++) {
				fin = buf[i] == zfin[fin] ? fin + 1 : buf[i] == zfin[0] ? 1 : 0;
				done = fin == sizeof zfin - 1;
			}
			if (done)
				write_all(sv[0], "OO", 2);
		}
		if (open_ && p[1].revents & POLLIN) {
			ssize_t n = read(master, buf, sizeof buf);
			if (n > 0)
				write_all(sv[0], buf, (size_t)n);
		}
	}
	close(sv[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
}

int main(int argc, char **argv)
{
	const char *recv = NULL;
	if (argc >= 5 && !strcmp(argv[3], "--")) { /* RECVDIR given */
		recv = argv[2];
		argv[2] = argv[1];
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	if (argc < 4 || strcmp(argv[2], "--")) {
		fprintf(stderr, "usage: kepu-zterm SENDLIST [RECVDIR] -- COMMAND [ARG...]\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN); /* sz gone while its last bytes are relayed */
	struct winsize ws = {24, 80, 0, 0};
	ioctl(0, TIOCGWINSZ, &ws);
	int master;
	pid_t child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0)
		return 1;
	if (child == 0) {
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	if (tcgetattr(0, &saved) == 0) {
		struct termios raw = saved;
		cfmakeraw(&raw);
		tcsetattr(0, TCSANOW, &raw);
		atexit(restore);
	}
	static const char zrinit[] = "**\x18" "B01", zrqinit[] = "**\x18" "B00";
	size_t matched = 0, rq = 0;
	struct pollfd p[2] = {{0, POLLIN, 0}, {master, POLLIN, 0}};
	for (;;) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		char buf[4096];
		if (p[0].revents & POLLIN) {
			ssize_t n = read(0, buf, sizeof buf);
			if (n <= 0)
				break;
			write_all(master, buf, (size_t)n);
		}
		if (p[1].revents & (POLLIN | POLLHUP)) {
			ssize_t n = read(master, buf, sizeof buf);
			if (n <= 0)
				break;
			bool start = false, save = false;
			ssize_t i = 0;
			for (; i < n && !start && !save; i++) {
				matched = buf[i] == zrinit[matched] ? matched + 1 : buf[i] == zrinit[0] ? 1 : 0;
				rq = buf[i] == zrqinit[rq] ? rq + 1 : buf[i] == zrqinit[0] ? 1 : 0;
				start = matched == sizeof zrinit - 1;
				save = recv && rq == sizeof zrqinit - 1;
			}
			/* What follows a header is protocol to a ZMODEM terminal, never
			 * shown (kepu's probe puts a status request there, which only a
			 * terminal without ZMODEM would answer). */
			write_all(1, buf, (size_t)i);
			if (start) {
				matched = 0;
				upload(master, argv[1]);
			} else if (save) {
				rq = 0;
				download(master, recv);
			}
		}
	}
	int status = 0;
	waitpid(child, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
