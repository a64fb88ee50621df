/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * bench_login: the cost of a failed login for a known name against an
 * unknown one, each in a fresh process, as every SSH login is one (kepu
 * once made the unknown name's dummy hash on first use in each process,
 * so an unknown name cost two hashes and the names could be told apart).
 * Each try is a new exec of this program that opens the database, as kepu
 * does, and times one auth_login with a wrong password.
 * Usage: bench_login DB N   (prints the two means in milliseconds)
 *
 * bench_login --guessers DB N: a guesser with many addresses (#27): N wrong
 * passwords for a city name, each from a new address and a fresh process
 * at the real time, then the right password from another new address.
 * Prints the answer time of each wrong try in milliseconds, then the
 * right one's: the first tries are answered at once, the later ones after
 * the delay (growing, capped), the right password at once.
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
 * its own address; `at` is its time (Unix seconds; 0: now), the known and
 * unknown names' tries far apart, so no back-off ever answers. want: the
 * answer expected. */
static int one(const char *db, const char *name, const char *password, const char *addr, long long at,
	       kp_login want)
{
	kp_env e;
	if (open_env(&e, db, false))
		return 1;
	kp_user u;
	long wait;
	double t0 = now_ms();
	kp_login r = auth_login(&e, name, password, addr, at ? at : (long long)time(NULL), &u, &wait);
	double ms = now_ms() - t0;
	if (r == LOGIN_OK)
		user_free(&u);
	env_close(&e);
	if (r != want)
		return 1;
	printf("%.3f\n", ms);
	return 0;
}

/* The address of try i: 10.x.y.z. */
static void address(int i, char *out, size_t n)
{
	snprintf(out, n, "10.%d.%d.%d", i / 65536 % 256, i / 256 % 256, i % 256);
}

/* Run one try in a fresh process (args after --one: db name password addr
 * at want); its milliseconds. */
static double run_one(const char *self, const char *const *args)
{
	int p[2];
	if (pipe(p))
		exit(1);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execl(self, self, "--one", args[0], args[1], args[2], args[3], args[4], args[5], (char *)NULL);
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

/* Try i of name with password, at a time far from every other try's
 * (at 0: now), expecting want. */
static double try_one(const char *self, const char *db, const char *name, const char *password, int i,
		      bool far_apart, kp_login want)
{
	char addr[32], at[32], w[8];
	address(i, addr, sizeof addr);
	snprintf(at, sizeof at, "%lld", far_apart ? 1000000000LL + (long long)i * 2 * LOGIN_FORGET : 0);
	snprintf(w, sizeof w, "%d", (int)want);
	const char *args[] = {db, name, password, addr, at, w};
	return run_one(self, args);
}

/* A new database with the account name; its password in *pw. */
static int fresh_db(const char *db, const char *name, kp_user_role role, char **pw)
{
	unlink(db);
	kp_env e;
	if (open_env(&e, db, true))
		return -1;
	char *err = NULL;
	if (auth_add_user(&e, name, role, 0, pw, &err)) {
		fprintf(stderr, "bench_login: %s\n", err);
		return -1;
	}
	env_close(&e);
	return 0;
}

/* Many addresses at one name: each wrong try's answer time, then the
 * right password's from an address that never failed. */
static int guessers(const char *self, const char *db, int n)
{
	char *pw;
	if (fresh_db(db, "bench-city", USER_CITY, &pw))
		return 1;
	for (int i = 0; i < n; i++)
		printf("%.1f ", try_one(self, db, "bench-city", "wrong-password", i, false, LOGIN_BAD));
	/* an initial password: LOGIN_OK all the same (must_change is the screen's) */
	printf("%.1f\n", try_one(self, db, "bench-city", pw, n + 1000, false, LOGIN_OK));
	free(pw);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 8 && !strcmp(argv[1], "--one"))
		return one(argv[2], argv[3], argv[4], argv[5], atoll(argv[6]), (kp_login)atoi(argv[7]));
	if (argc == 4 && !strcmp(argv[1], "--guessers"))
		return guessers(argv[0], argv[2], atoi(argv[3]));
	if (argc != 3) {
		fprintf(stderr, "usage: bench_login DB N | bench_login --guessers DB N\n");
		return 2;
	}
	const char *db = argv[1];
	int n = atoi(argv[2]);
	char *pw;
	if (fresh_db(db, KNOWN, USER_CITY, &pw))
		return 1;
	free(pw);
	double known = 0, unknown = 0;
	for (int i = 0; i < n; i++) { /* interleaved, so drift hits both alike */
		known += try_one(argv[0], db, KNOWN, "wrong-password", 2 * i, true, LOGIN_BAD);
		unknown += try_one(argv[0], db, "no-such-name", "wrong-password", 2 * i + 1, true, LOGIN_BAD);
	}
	printf("%.1f %.1f\n", known / n, unknown / n);
	return 0;
}
