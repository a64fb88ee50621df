#include "domain/auth.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static unsigned long checks;
static char dummy_hash[crypto_pwhash_STRBYTES]; /* verified against for unknown names */

int auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

char *auth_hash(const char *password)
{
	char *out = xmalloc(crypto_pwhash_STRBYTES);
	if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

bool auth_verify(const char *hash, const char *password)
{
	checks++;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
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
