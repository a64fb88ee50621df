/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * bench_login: the cost of a failed login for a known name against an
 * unknown one, each in a fresh process, as every SSH login is one (kepu
 * once made the unknown name's dummy hash on first use in each process,
 * so an unknown name cost two hashes and the names could be told apart).
 * Each try is a new exec of this program that opens the database, as kepu
 * does, and times one auth_login with a wrong password.
 * Usage: bench_login DB N   (prints the two means in milliseconds)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "domain/auth.h"

#define KNOWN "bench-unit"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int open_env(kp_env *e, const char *db, bool create)
{
	kp_diag d = {0};
	char *err = NULL;
	if (env_load_definitions(e, NULL, NULL, &d) || env_open_db(e, db, create, &err)) {
		diag_print(&d, stderr);
		fprintf(stderr, "bench_login: %s\n", err ? err : "cannot open");
		return -1;
	}
	diag_free(&d);
	return 0;
}

/* One try, in this fresh process: prints its milliseconds. Every try has
 * its own address and time, far apart, so no back-off ever answers. */
static int one(const char *db, const char *name, int i)
{
	kp_env e;
	if (open_env(&e, db, false))
		return 1;
	char addr[32];
	snprintf(addr, sizeof addr, "10.%d.%d.%d", i / 65536 % 256, i / 256 % 256, i % 256);
	kp_user u;
	long wait;
	double t0 = now_ms();
	kp_login r = auth_login(&e, name, "wrong-password", addr, 1000000000LL + (long long)i * 2 * LOGIN_FORGET,
				&u, &wait);
	double ms = now_ms() - t0;
	env_close(&e);
	if (r != LOGIN_BAD)
		return 1;
	printf("%.3f\n", ms);
	return 0;
}

static double run_one(const char *self, const char *db, const char *name, int i)
{
	char idx[16];
	snprintf(idx, sizeof idx, "%d", i);
	int p[2];
	if (pipe(p))
		exit(1);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execl(self, self, "--one", db, name, idx, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	char buf[64] = "";
	ssize_t n = read(p[0], buf, sizeof buf - 1);
	close(p[0]);
	int status;
	waitpid(pid, &status, 0);
	if (n <= 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "bench_login: a try failed\n");
		exit(1);
	}
	return atof(buf);
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "--one"))
		return one(argv[2], argv[3], atoi(argv[4]));
	if (argc != 3) {
		fprintf(stderr, "usage: bench_login DB N\n");
		return 2;
	}
	const char *db = argv[1];
	int n = atoi(argv[2]);
	unlink(db);
	kp_env e;
	if (open_env(&e, db, true))
		return 1;
	char *pw, *err = NULL;
	if (auth_add_user(&e, KNOWN, USER_CITY, 0, &pw, &err)) {
		fprintf(stderr, "bench_login: %s\n", err);
		return 1;
	}
	free(pw);
	env_close(&e);
	double known = 0, unknown = 0;
	for (int i = 0; i < n; i++) { /* interleaved, so drift hits both alike */
		known += run_one(argv[0], db, KNOWN, 2 * i);
		unknown += run_one(argv[0], db, "no-such-name", 2 * i + 1);
	}
	printf("%.1f %.1f\n", known / n, unknown / n);
	return 0;
}
