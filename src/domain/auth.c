/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/auth.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
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
	return n >= 5 ? LOGIN_MAX_WAIT : 2L << n; /* 2, 4, 8, 16, 32, then 60 seconds */
}

long attack_delay_ms(int addrs, int failures)
{
	if (addrs < ATTACK_ADDRS)
		return 0;
	int n = failures - ATTACK_ADDRS; /* each address failed once at least */
	long ms = ATTACK_DELAY_MS;
	while (n-- > 0 && ms < ATTACK_MAX_DELAY_MS)
		ms *= 2;
	return ms < ATTACK_MAX_DELAY_MS ? ms : ATTACK_MAX_DELAY_MS;
}

static void sleep_ms(long ms)
{
	struct timespec t = {ms / 1000, ms % 1000 * 1000000L};
	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

static void (*delay_fn)(long ms) = sleep_ms;

void auth_set_sleep(void (*fn)(long ms)) { delay_fn = fn ? fn : sleep_ms; }

/* Only the names of accounts are shown: a name that is none is text the
 * guesser chose (up to 32 characters: 系统升级请各单位把新密码发给…), which
 * must never reach the city as kepu's words; those are only counted. */
char *auth_attack_note(kp_env *e, long long now)
{
	kp_attack a[100];
	size_t n = store_login_attacks(e->store, now - LOGIN_FORGET, ATTACK_ADDRS, a, 100);
	if (!n)
		return NULL;
	size_t known = 0, top = n; /* top: the most-guessed account (a[] is in that order) */
	for (size_t i = 0; i < n; i++) {
		kp_user u;
		if (store_user_get(e->store, a[i].name, &u) != KP_OK)
			continue;
		user_free(&u);
		if (!known++)
			top = i;
	}
	size_t unknown = n - known;
	int minutes = LOGIN_FORGET / 60;
	char *note;
	if (!known) {
		note = xasprintf(msg(MSG_A_ATTACK_UNKNOWN), unknown, minutes, a[0].addrs, a[0].failures);
	} else {
		char *name = utf8_sanitize(a[top].name, false);
		char *head = known > 1 ? xasprintf(msg(MSG_A_ATTACK_MORE), known, name, minutes, a[top].addrs,
						  a[top].failures)
				       : xasprintf(msg(MSG_A_ATTACK), name, minutes, a[top].addrs, a[top].failures);
		note = head;
		if (unknown) {
			char *tail = xasprintf(msg(MSG_A_ATTACK_ALSO), unknown);
			note = xasprintf("%s%s", head, tail);
			free(tail);
			free(head);
		}
		free(name);
	}
	attacks_free(a, n);
	return note;
}

int auth_ensure_dummy(kp_env *e, char **err)
{
	char *have = store_dummy_hash(e->store);
	if (have) {
		free(have);
		return 0;
	}
	/* Made like any initial password, so it has the same parameters as
	 * every real hash; nobody ever learns the password. */
	char *p = auth_random_password(), *hash = auth_hash(p);
	sodium_memzero(p, strlen(p));
	free(p);
	if (!hash) {
		*err = xstrdup(msg(MSG_A_HASH_FAILED));
		return -1;
	}
	int rc = store_set_dummy_hash(e->store, hash, err);
	free(hash);
	return rc == KP_OK ? 0 : -1;
}

const char *auth_client_address(void)
{
	static char addr[64];
	const char *v = getenv("SSH_CONNECTION");
	if (!v || !v[0])
		v = getenv("SSH_CLIENT");
	size_t n = v ? strspn(v, "0123456789abcdefABCDEF.:%") : 0;
	/* sshd writes "address port address port": anything else is not an
	 * address, and a local start counts as one place. */
	if (!n || n >= sizeof addr || (v[n] && v[n] != ' '))
		return "local";
	memcpy(addr, v, n);
	addr[n] = '\0';
	return addr;
}

void auth_throttle(kp_env *e, bool by_addr, const char *key, long long now, int *failures, long *wait)
{
	long long last;
	store_attempts(e->store, by_addr, key, failures, &last);
	if (now - last >= LOGIN_FORGET)
		*failures = 0;
	long long left = last + login_delay(*failures) - now;
	*wait = left > 0 ? (long)(left < LOGIN_MAX_WAIT ? left : LOGIN_MAX_WAIT) : 0;
}

/* A password tried for name; confirm: by its signed-in owner (store.h's
 * kp_login_try). */
static kp_login try_password(kp_env *e, const char *name, const char *password, const char *addr, long long now,
			     bool confirm, kp_user *u, long *wait)
{
	*wait = 0;
	if (auth_name_problem(name)) /* no account has such a name */
		return LOGIN_BAD;
	int name_failures, addr_failures;
	long name_wait, addr_wait;
	auth_throttle(e, false, name, now, &name_failures, &name_wait);
	auth_throttle(e, true, addr, now, &addr_failures, &addr_wait);
	/* A name's back-off holds back only addresses that have failed lately:
	 * its owner, trying from elsewhere, gets in however hard someone else
	 * guesses at it. */
	if (!addr_failures)
		name_wait = 0;
	if (name_wait || addr_wait) {
		*wait = name_wait > addr_wait ? name_wait : addr_wait;
		return LOGIN_WAIT;
	}
	/* Read for every try, so a known name and an unknown one cost the same
	 * reads and one verification each. */
	char *dummy = store_dummy_hash(e->store);
	bool known = store_user_get(e->store, name, u) == KP_OK;
	const char *hash = known ? u->hash : dummy;
	bool right = hash && auth_verify(hash, password) && known;
	free(dummy);
	kp_login_try t = {name, addr, now, now - LOGIN_FORGET, confirm};
	/* A locked or disabled account with a wrong password answers like any
	 * wrong password; only its owner learns that it is locked. */
	const char *why = !known ? "unknown" : !right ? "password" : u->disabled ? "disabled"
			: u->locked ? "locked" : NULL;
	store_login_result(e->store, &t, !why, known ? u->unit_id : 0, why);
	if (!why)
		return LOGIN_OK;
	if (!right) { /* many machines at one name: their wrong tries come slowly */
		int addrs, failures;
		store_login_spread(e->store, name, t.forget_before, &addrs, &failures);
		long ms = attack_delay_ms(addrs, failures);
		if (ms)
			delay_fn(ms);
	}
	bool locked = known && right && !u->disabled && u->locked;
	if (known)
		user_free(u);
	return locked ? LOGIN_LOCKED : LOGIN_BAD;
}

kp_login auth_login(kp_env *e, const char *name, const char *password, const char *addr, long long now,
		    kp_user *u, long *wait)
{
	return try_password(e, name, password, addr, now, false, u, wait);
}

kp_login auth_confirm(kp_env *e, const kp_user *u, const char *password, const char *addr, long long now,
		      long *wait)
{
	/* The name's own back-off holds here whatever the address: the one
	 * guessing is at the owner's signed-in window (sign-in lets an owner
	 * elsewhere in; a unit's session reads only its name's count). */
	int failures;
	auth_throttle(e, false, u->name, now, &failures, wait);
	if (*wait)
		return LOGIN_WAIT;
	kp_user again;
	kp_login r = try_password(e, u->name, password, addr, now, true, &again, wait);
	if (r == LOGIN_OK)
		user_free(&again);
	return r;
}

/* Letters and digits of ASCII, '.', '_', '-' and the CJK ideographs. */
static bool name_char(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
	       c == '_' || c == '-' || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

const char *auth_name_problem(const char *name)
{
	size_t len = strlen(name), n = 0;
	if (name[0] == '.') /* the name is its exchange folder's: never "..", never hidden */
		return msg(MSG_A_NAME_RULE);
	for (size_t i = 0; i < len; n++) {
		uint32_t c;
		i += utf8_decode(name + i, len - i, &c);
		if (!name_char(c) || n >= NAME_MAX_CHARS)
			return msg(MSG_A_NAME_RULE);
	}
	return n ? NULL : msg(MSG_A_NAME_RULE);
}

const char *auth_state_label(const kp_user *u)
{
	return msg(u->disabled ? MSG_A_STATE_DISABLED : u->locked ? MSG_A_STATE_LOCKED
		   : u->must_change ? MSG_A_STATE_INITIAL : MSG_A_STATE_OK);
}

int auth_lock(kp_env *e, const char *name, bool locked, char **err)
{
	return store_user_set_locked(e->store, name, locked, err) == KP_OK ? 0 : -1;
}

/* Only blanks (spaces, tabs, the full-width space …)? */
static bool blank_cp(uint32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

/* Is s empty or only blanks; does it start or end with one? */
static bool blank(const char *s, bool *padded)
{
	size_t len = strlen(s);
	bool all = true;
	uint32_t c = 0, first = 0;
	if (len)
		utf8_decode(s, len, &first);
	for (size_t i = 0; i < len;) {
		i += utf8_decode(s + i, len - i, &c);
		all = all && blank_cp(c);
	}
	*padded = len && (blank_cp(first) || blank_cp(c));
	return all;
}

const char *auth_new_password_problem(const kp_user *u, const char *password)
{
	bool padded;
	if (blank(password, &padded))
		return msg(MSG_A_BLANK);
	if (padded) /* "   abc    " passes a length rule but is not what was meant */
		return msg(MSG_A_PADDED);
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
	const char *bad = auth_name_problem(name);
	*password = NULL;
	if (bad) {
		*err = xstrdup(bad); /* the name itself may hold escapes: not echoed */
		return -1;
	}
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
