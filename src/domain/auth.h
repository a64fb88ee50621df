/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * auth: passwords (Argon2id through libsodium's crypto_pwhash_str) and the
 * login rules. Failures are counted under the name typed and under the
 * client's address; after LOGIN_SLOW_AFTER the next try must wait, twice as
 * long each time but never more than LOGIN_MAX_WAIT, and LOGIN_FORGET quiet
 * seconds forget them. Guessing never locks an account: only the city does
 * (auth_lock). Names are counted whether they exist or not, and every try
 * that gets as far as a password costs exactly one verification — against
 * the account's hash, or for an unknown name against a dummy hash stored in
 * the database — so the answers and their timing never tell which names
 * exist.
 */
#ifndef KP_AUTH_H
#define KP_AUTH_H
#include "domain/env.h"

#define LOGIN_SLOW_AFTER 5
/* A minute: a scripted guesser gets at most 1440 tries a day at one name,
 * hopeless against a 10-character initial password or an 8-character
 * chosen one, while the owner — who may share the guesser's address — is
 * never kept out longer than it takes to make a cup of tea. */
#define LOGIN_MAX_WAIT 60
/* Failures this long ago (15 minutes with no new one) are forgotten. */
#define LOGIN_FORGET 900
/* A name guessed at from many machines (#27), which the per-address
 * back-off never slows (each address fails once or twice): when a name's
 * failures within LOGIN_FORGET come from ATTACK_ADDRS addresses or more,
 * every further wrong password for it, from any address, is answered only
 * after attack_delay_ms — ATTACK_DELAY_MS at first, doubling with each
 * failure, at most ATTACK_MAX_DELAY_MS. The right password is never
 * delayed, and from an address that has not failed it is never refused:
 * nobody is locked out. Five addresses: an owner mistyping from the
 * office, home and a phone stays below it. */
#define ATTACK_ADDRS 5
#define ATTACK_DELAY_MS 250
#define ATTACK_MAX_DELAY_MS 4000
#define PASSWORD_MIN_CHARS 8
#define NAME_MAX_CHARS 32

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
 * LOGIN_SLOW_AFTER, at most LOGIN_MAX_WAIT). */
long login_delay(int failures);
/* Milliseconds a wrong password's answer waits when the name's failures
 * came from `addrs` addresses, `failures` times in all (pure). */
long attack_delay_ms(int addrs, int failures);
/* How the wait is made (tests count it instead of sleeping); NULL: really
 * sleep. */
void auth_set_sleep(void (*fn)(long ms));
/* For the city at sign-in: the name guessed at from the most addresses
 * lately, how many addresses and failures, and how many other names are
 * (a new string), or NULL when none is. */
char *auth_attack_note(kp_env *e, long long now);
/* Store the dummy hash in a database that has none (a new one, or one of
 * an older kepu): env_open_db calls this, so no login ever makes one. */
int auth_ensure_dummy(kp_env *e, char **err);
/* The SSH client's address: the first field of SSH_CONNECTION (or
 * SSH_CLIENT), "local" when kepu was not started by sshd. Static. */
const char *auth_client_address(void);
/* Recent failures under a name (or, by_addr, from an address) at now, and
 * the seconds the next try from there must still wait. */
void auth_throttle(kp_env *e, bool by_addr, const char *key, long long now, int *failures, long *wait);
/* Try a login from addr at Unix time now. LOGIN_OK fills *u (caller
 * frees); LOGIN_WAIT sets *wait to the seconds left; LOGIN_LOCKED only for
 * the right password of a locked account. Every try that checks a password
 * is audited. A name that breaks the naming rule is refused unlooked-up. */
kp_login auth_login(kp_env *e, const char *name, const char *password, const char *addr, long long now,
		    kp_user *u, long *wait);
/* The signed-in account u proves it is still its owner (修改密码 asks for
 * the current password first): the password checked as auth_login checks
 * it — the same back-off and counting — so an unlocked window gives a
 * passer-by no way round them; a wrong one is audited as 改密码失败
 * (password_failed), not as a failed login. */
kp_login auth_confirm(kp_env *e, const kp_user *u, const char *password, const char *addr, long long now,
		      long *wait);
/* Is name acceptable for an account: 1 to NAME_MAX_CHARS letters, digits,
 * Chinese characters, '.', '_' or '-'? NULL, or the rule (static). */
const char *auth_name_problem(const char *name);
/* An account's state as the city sees it: 已停用, 已锁定, 须改密码 or 正常. */
const char *auth_state_label(const kp_user *u);
/* The city locks or unlocks an account (audited); unlocking also ends the
 * name's back-off. 0, or -1 with *err. */
int auth_lock(kp_env *e, const char *name, bool locked, char **err);
/* Is `password` acceptable as u's new one (≥ PASSWORD_MIN_CHARS
 * characters, not only spaces, not the current one)? NULL, or the reason
 * (static). */
const char *auth_new_password_problem(const kp_user *u, const char *password);
/* Set u's own new password (checked as above). 0, or -1 with *err. */
int auth_change_password(kp_env *e, kp_user *u, const char *password, char **err);
/* An account (its name checked by auth_name_problem) with a new random
 * initial password, printed once by the caller: *password (caller frees). */
int auth_add_user(kp_env *e, const char *name, kp_user_role role, long long unit_id, char **password,
		  char **err);
/* The city resets a password: a new initial one in *password. */
int auth_reset_password(kp_env *e, const char *name, char **password, char **err);

#endif
