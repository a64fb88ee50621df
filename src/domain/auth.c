#include "domain/auth.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static unsigned long checks;

static void hash_work_here(char *out, const char *password)
{
	if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		out[0] = '\0';
}
static char dummy_hash[crypto_pwhash_STRBYTES]; /* verified against for unknown names */

int auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

/*
 * Argon2id needs its memory (64 MiB at the interactive limits) only while it
 * runs, and a session keeps whatever peak it once reached: so the hashing
 * runs in a short-lived child process, and a kepu session stays small. The
 * child's answer comes back through a pipe.
 */
static bool in_child(void (*work)(int fd, const void *arg), const void *arg, char *out, size_t len)
{
	int p[2];
	if (pipe(p) != 0)
		return false;
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return false;
	}
	if (pid == 0) {
		close(p[0]);
		work(p[1], arg);
		_exit(0);
	}
	close(p[1]);
	size_t got = 0;
	ssize_t n;
	while (got < len && ((n = read(p[0], out + got, len - got)) > 0 || (n < 0 && errno == EINTR)))
		if (n > 0)
			got += (size_t)n;
	close(p[0]);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	return got == len;
}

typedef struct {
	const char *hash, *password;
} pw_args;

static void write_all(int fd, const char *b, size_t n)
{
	while (n) {
		ssize_t w = write(fd, b, n);
		if (w <= 0)
			return;
		b += w;
		n -= (size_t)w;
	}
}

static void hash_work(int fd, const void *arg)
{
	const pw_args *a = arg;
	char h[crypto_pwhash_STRBYTES] = "";
	if (crypto_pwhash_str(h, a->password, strlen(a->password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		h[0] = '\0';
	write_all(fd, h, sizeof h);
}

static void verify_work(int fd, const void *arg)
{
	const pw_args *a = arg;
	char ok = crypto_pwhash_str_verify(a->hash, a->password, strlen(a->password)) == 0 ? 'y' : 'n';
	write_all(fd, &ok, 1);
}

char *auth_hash(const char *password)
{
	pw_args a = {NULL, password};
	char *out = xcalloc(1, crypto_pwhash_STRBYTES);
	if (!in_child(hash_work, &a, out, crypto_pwhash_STRBYTES)) /* no fork: here, then */
		hash_work_here(out, password);
	if (!out[0]) {
		free(out);
		return NULL;
	}
	return out;
}

bool auth_verify(const char *hash, const char *password)
{
	checks++;
	pw_args a = {hash, password};
	char ok = 'n';
	if (!in_child(verify_work, &a, &ok, 1))
		return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
	return ok == 'y';
}

unsigned long auth_checks(void) { return checks; }

char *auth_random_password(void)
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	char *p = xmalloc(11);
	for (int i = 0; i < 10; i++)
		p[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	p[10] = '\0';
	return p;
}

long login_delay(int failures)
{
	if (failures < LOGIN_SLOW_AFTER)
		return 0;
	int n = failures - LOGIN_SLOW_AFTER;
	return n >= 8 ? 300 : 1L << (n + 1); /* 2, 4, 8 … seconds, at most 5 minutes */
}

/* The hash an unknown name is checked against: made once, so a wrong name
 * costs what a wrong password costs. */
static const char *unknown_hash(void)
{
	if (!dummy_hash[0]) {
		char *h = auth_random_password(), *hash = auth_hash(h);
		if (hash)
			memcpy(dummy_hash, hash, crypto_pwhash_STRBYTES);
		free(hash);
		free(h);
	}
	return dummy_hash;
}

kp_login auth_login(kp_env *e, const char *name, const char *password, long long now, kp_user *u,
		    long *wait)
{
	int failures;
	long long last;
	*wait = 0;
	store_attempts(e->store, name, &failures, &last);
	if (failures >= LOGIN_LOCK_AFTER) {
		store_login_result(e->store, name, false, now, 0, "locked");
		return LOGIN_LOCKED;
	}
	long delay = login_delay(failures);
	if (delay && now < last + delay) {
		*wait = (long)(last + delay - now);
		return LOGIN_WAIT;
	}
	bool known = store_user_get(e->store, name, u) == KP_OK;
	bool ok = auth_verify(known ? u->hash : unknown_hash(), password) && known && !u->disabled;
	if (!ok) {
		store_login_result(e->store, name, false, now, known ? u->unit_id : 0,
				   !known ? "unknown" : u->disabled ? "disabled" : "password");
		if (known)
			user_free(u);
		return failures + 1 >= LOGIN_LOCK_AFTER ? LOGIN_LOCKED : LOGIN_BAD;
	}
	store_login_result(e->store, name, true, now, u->unit_id, NULL);
	return LOGIN_OK;
}

const char *auth_new_password_problem(const kp_user *u, const char *password)
{
	if (utf8_width(password) < PASSWORD_MIN_CHARS || strlen(password) < PASSWORD_MIN_CHARS)
		return msg(MSG_A_TOO_SHORT);
	if (auth_verify(u->hash, password))
		return msg(MSG_A_SAME);
	return NULL;
}

int auth_change_password(kp_env *e, kp_user *u, const char *password, char **err)
{
	const char *why = auth_new_password_problem(u, password);
	if (why) {
		*err = xstrdup(why);
		return -1;
	}
	char *hash = auth_hash(password);
	if (!hash) {
		*err = xstrdup(msg(MSG_A_HASH_FAILED));
		return -1;
	}
	int rc = store_user_set_hash(e->store, u->name, hash, false, err);
	if (rc == KP_OK) {
		free(u->hash);
		u->hash = hash;
		u->must_change = false;
		return 0;
	}
	free(hash);
	return -1;
}

/* A new random initial password and its hash. */
static char *initial_password(char **hash, char **err)
{
	char *p = auth_random_password();
	if ((*hash = auth_hash(p)))
		return p;
	free(p);
	*err = xstrdup(msg(MSG_A_HASH_FAILED));
	return NULL;
}

int auth_add_user(kp_env *e, const char *name, kp_user_role role, long long unit_id, char **password,
		  char **err)
{
	char *hash;
	*password = initial_password(&hash, err);
	if (!*password)
		return -1;
	int rc = store_user_add(e->store, name, role, unit_id, hash, err);
	free(hash);
	if (rc != KP_OK) {
		free(*password);
		*password = NULL;
		return -1;
	}
	return 0;
}

int auth_reset_password(kp_env *e, const char *name, char **password, char **err)
{
	char *hash;
	*password = initial_password(&hash, err);
	if (!*password)
		return -1;
	int rc = store_user_set_hash(e->store, name, hash, true, err);
	free(hash);
	if (rc != KP_OK) {
		free(*password);
		*password = NULL;
		return -1;
	}
	return 0;
}
