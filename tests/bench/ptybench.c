/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * ptybench: run a terminal program in a pseudo-terminal of a fixed size and
 * measure what it sends: how long until a screen is complete and how many
 * bytes each keystroke costs. Steps come on stdin, one per line:
 *
 *   wait|LABEL|TEXT   read until TEXT has appeared and the output has been
 *                     quiet for QUIET_MS; print LABEL, the bytes read, the
 *                     milliseconds from the start of the step to the last
 *                     byte (for the first step: from exec), and the CPU
 *                     time (user + system) the program spent in them: on
 *                     a machine shared with other work the wall clock
 *                     mostly measures the wait for a core
 *   send|LABEL|KEYS[|TEXT]  write KEYS (\t \r \e \b \x7f \\ escapes; UTF-8 as
 *                     is), read until quiet (and TEXT seen, if given); print
 *                     LABEL, the bytes read and the ms to the last byte
 *   rss|LABEL         print LABEL, the program's peak resident memory (VmHWM)
 *                     and its resident memory now (VmRSS), in KiB
 *
 * A cursor-position request (ESC [6n) is answered as a UTF-8 terminal
 * would. Output lines: "LABEL BYTES MS CPU_MS" (rss: "LABEL PEAK NOW").
 * Used by tests/bench/wire.sh.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 250

static FILE *dump;
#define STEP_LIMIT_MS 15000

/* Does want occur in the n bytes at s? (Terminal output may hold NULs.) */
static bool contains(const char *s, size_t n, const char *want)
{
	size_t w = strlen(want);
	for (size_t i = 0; i + w <= n; i++)
		if (!memcmp(s + i, want, w))
			return true;
	return false;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* The program's CPU time so far (every thread, user and system). */
static clockid_t program_clock;
static double cpu_ms(void)
{
	struct timespec t;
	if (clock_gettime(program_clock, &t) != 0)
		return 0;
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Read until `want` (if any) has been seen and nothing came for QUIET_MS.
 * Returns the bytes read; *last is when the last byte came, *last_cpu the
 * program's CPU time then. */
static long drain(int fd, const char *want, double *last, double *last_cpu)
{
	static char seen[1 << 16]; /* the tail of the output, to find `want` in */
	static size_t nseen;
	long total = 0;
	bool found = !want || !*want;
	double start = now_ms();
	*last = start;
	*last_cpu = cpu_ms();
	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		int r = poll(&p, 1, QUIET_MS);
		if (r == 0 && found)
			return total;
		if (r == 0 && now_ms() - start > STEP_LIMIT_MS)
			return -1;
		if (r <= 0)
			continue;
		char buf[8192];
		ssize_t n = read(fd, buf, sizeof buf);
		if (n <= 0)
			return found ? total : -1;
		total += n;
		*last = now_ms();
		*last_cpu = cpu_ms();
		if (dump) /* PTYBENCH_DUMP=FILE: every byte, to see what a step costs */
			fwrite(buf, 1, (size_t)n, dump);
		/* Answer a cursor-position request as a UTF-8 terminal would after
		 * kepu's probe (\r, then 中文: four cells, so column 5). */
		if (contains(buf, (size_t)n, "\033[6n") && write(fd, "\033[1;5R", 6) != 6)
			return -1;
		if (!found) {
			if (nseen + (size_t)n >= sizeof seen) { /* keep the last half */
				memmove(seen, seen + nseen / 2, nseen - nseen / 2);
				nseen -= nseen / 2;
			}
			if ((size_t)n < sizeof seen - nseen) {
				memcpy(seen + nseen, buf, (size_t)n);
				nseen += (size_t)n;
				seen[nseen] = '\0';
				found = contains(seen, nseen, want);
			}
		}
	}
}

static size_t unescape(const char *s, char *out)
{
	size_t n = 0;
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			out[n++] = *s;
			continue;
		}
		switch (*++s) {
		case 't': out[n++] = '\t'; break;
		case 'r': out[n++] = '\r'; break;
		case 'n': out[n++] = '\n'; break;
		case 'e': out[n++] = 27; break;
		case 'b': out[n++] = 8; break;
		case 'x': {
			unsigned v = 0;
			sscanf(s + 1, "%2x", &v);
			out[n++] = (char)v;
			s += 2;
			break;
		}
		default: out[n++] = *s; break;
		}
	}
	return n;
}

/* A line of /proc/PID/status in KiB (VmHWM: the peak, VmRSS: now). */
static long status_kib(pid_t pid, const char *key)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long kib = -1;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, key, strlen(key)))
			kib = strtol(line + strlen(key), NULL, 10);
	if (f)
		fclose(f);
	return kib;
}

int main(int argc, char **argv)
{
	if (argc < 5 || strcmp(argv[3], "--")) {
		fprintf(stderr, "usage: ptybench COLS ROWS -- COMMAND [ARGS…] <steps\n");
		return 2;
	}
	struct winsize ws = {(unsigned short)atoi(argv[2]), (unsigned short)atoi(argv[1]), 0, 0};
	int fd;
	double t0 = now_ms();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[4], argv + 4);
		_exit(127);
	}
	if (clock_getcpuclockid(pid, &program_clock) != 0)
		program_clock = CLOCK_MONOTONIC; /* no CPU clock: the column says wall time */
	if (getenv("PTYBENCH_DUMP"))
		dump = fopen(getenv("PTYBENCH_DUMP"), "w");
	char line[4096];
	bool first = true;
	int rc = 0;
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = '\0';
		char *kind = strtok(line, "|"), *label = strtok(NULL, "|"), *arg = strtok(NULL, "|");
		char *text = strtok(NULL, "");
		if (!kind || !label)
			continue;
		double start = first ? t0 : now_ms(), last, cpu_start = first ? 0 : cpu_ms(), last_cpu;
		first = false;
		if (!strcmp(kind, "rss")) {
			printf("%s %ld %ld\n", label, status_kib(pid, "VmHWM:"), status_kib(pid, "VmRSS:"));
			continue;
		}
		if (dump)
			fprintf(dump, "\n===== %s =====\n", label);
		if (!strcmp(kind, "send") && arg) {
			char keys[4096];
			size_t n = unescape(arg, keys);
			start = now_ms();
			cpu_start = cpu_ms();
			if (write(fd, keys, n) != (ssize_t)n)
				rc = 1;
			arg = text;
		}
		long bytes = drain(fd, arg, &last, &last_cpu);
		if (bytes < 0) {
			fprintf(stderr, "ptybench: %s: timed out waiting for %s\n", label, arg ? arg : "quiet");
			rc = 1;
			break;
		}
		printf("%s %ld %.1f %.2f\n", label, bytes, last - start, last_cpu - cpu_start);
		fflush(stdout);
	}
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	return rc;
}
