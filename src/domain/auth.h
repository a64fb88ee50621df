/*
 * auth: passwords (Argon2id through libsodium's crypto_pwhash_str) and the
 * login rules. After LOGIN_SLOW_AFTER failures under a name the next try
 * must wait, twice as long each time; after LOGIN_LOCK_AFTER the name is
 * locked until the city resets the password. Names are counted whether
 * they exist or not, and an unknown name costs the same hash as a known
 * one, so the answers never tell which names exist.
 */
#ifndef KP_AUTH_H
#define KP_AUTH_H
#include "domain/env.h"

#define LOGIN_SLOW_AFTER 5
#define LOGIN_LOCK_AFTER 20
#define PASSWORD_MIN_CHARS 8

typedef enum { LOGIN_OK, LOGIN_BAD, LOGIN_WAIT, LOGIN_LOCKED } kp_login;

/* Start libsodium; -1 when it cannot. */
int auth_init(void);
/* A new Argon2id hash string (caller frees), or NULL when out of memory. */
char *auth_hash(const char *password);
bool auth_verify(const char *hash, const char *password);
/* How many password checks ran (tests: an unknown name costs one too). */
unsigned long auth_checks(void);
/* A random initial password: 10 characters nobody misreads (no 0/O, 1/l/I). */
char *auth_random_password(void);
/* Seconds the next try must wait after `failures` failures (0 below
 * LOGIN_SLOW_AFTER). */
long login_delay(int failures);
/* Try a login at Unix time now. LOGIN_OK fills *u (caller frees); LOGIN_WAIT
 * sets *wait to the seconds left. Every outcome is audited. */
kp_login auth_login(kp_env *e, const char *name, const char *password, long long now, kp_user *u,
		    long *wait);
/* Is `password` acceptable as u's new one (≥ PASSWORD_MIN_CHARS
 * characters, not the current one)? NULL, or the reason (static). */
const char *auth_new_password_problem(const kp_user *u, const char *password);
/* Set u's own new password (checked as above). 0, or -1 with *err. */
int auth_change_password(kp_env *e, kp_user *u, const char *password, char **err);
/* An account with a new random initial password, printed once by the
 * caller: *password (caller frees). */
int auth_add_user(kp_env *e, const char *name, kp_user_role role, long long unit_id, char **password,
		  char **err);
/* The city resets a password: a new initial one in *password. */
int auth_reset_password(kp_env *e, const char *name, char **password, char **err);

#endif
