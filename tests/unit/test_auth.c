/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Accounts (Argon2id), the login rules (back-off per name and per address,
 * capped, never a lockout; unknown names treated like known ones against a
 * stored dummy hash; the city's lock) and the naming and password rules.
 * The review workflow and the audit trail are in test_session.c. */
#include "unit_env.h"

#include <sqlite3.h>

#include "core/json.h"
#include "domain/auth.h"

/* The audit rows of these tests name their writer. */
static int setup_actor(void **state)
{
	if (auth_init() || setup(state))
		return -1;
	char *err = NULL;
	return store_session(((fixture *)*state)->env.store, SESSION_ADMIN, "tester", 0, &err);
}

static void test_hashing(void **state)
{
	(void)state;
	assert_int_equal(auth_init(), 0);
	char *h = auth_hash("许昌 secret 2016");
	assert_non_null(h);
	assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
	assert_null(strstr(h, "secret"));
	assert_true(auth_verify(h, "许昌 secret 2016"));
	assert_false(auth_verify(h, "许昌 secret 2017"));
	char *h2 = auth_hash("许昌 secret 2016");
	assert_string_not_equal(h, h2); /* salted */
	free(h);
	free(h2);
	char *a = auth_random_password(), *b = auth_random_password();
	assert_int_equal(strlen(a), 10);
	assert_string_not_equal(a, b);
	assert_null(strpbrk(a, "0O1lI"));
	free(a);
	free(b);
}

static void test_delays(void **state)
{
	(void)state;
	assert_int_equal(login_delay(0), 0);
	assert_int_equal(login_delay(4), 0);
	assert_int_equal(login_delay(5), 2);
	assert_int_equal(login_delay(6), 4);
	assert_int_equal(login_delay(9), 32);
	assert_int_equal(login_delay(10), LOGIN_MAX_WAIT);
	assert_int_equal(login_delay(1000), LOGIN_MAX_WAIT); /* capped, however many */
	assert_int_equal(LOGIN_MAX_WAIT, 60);
}

/* An account whose password is `pw` (already changed, not initial). */
static void add_changed_account(fixture *fx, const char *name, const char *unit, const char *pw)
{
	char *err = NULL;
	char *initial = add_account(fx, name, unit ? USER_UNIT : USER_CITY, unit);
	assert_non_null(initial);
	kp_user u;
	assert_int_equal(store_user_get(fx->env.store, name, &u), KP_OK);
	assert_true(u.must_change);
	assert_true(auth_verify(u.hash, initial));
	assert_int_equal(auth_change_password(&fx->env, &u, pw, &err), 0);
	assert_false(u.must_change);
	user_free(&u);
	free(initial);
}

/* "$argon2id$v=19$m=65536,t=2,p=1$": everything before the salt. */
static size_t params_len(const char *h)
{
	const char *p = strstr(h, ",p=");
	assert_non_null(p);
	return (size_t)(strchr(p, '$') - h) + 1;
}

static void test_dummy_hash(void **state)
{
	fixture *fx = *state;
	/* Stored when the database was opened, with the parameters of a real hash. */
	char *dummy = store_dummy_hash(fx->env.store);
	assert_non_null(dummy);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_dummy_hash"), 1);
	add_changed_account(fx, "wd", "魏都区", "good-password");
	kp_user u;
	assert_int_equal(store_user_get(fx->env.store, "wd", &u), KP_OK);
	assert_int_equal(strncmp(dummy, "$argon2id$v=19$m=", 17), 0);
	assert_int_equal(params_len(dummy), params_len(u.hash));
	assert_memory_equal(dummy, u.hash, params_len(u.hash));
	user_free(&u);
	/* Opening again keeps it; an older database (none stored) gets one. */
	char *err = NULL;
	assert_int_equal(auth_ensure_dummy(&fx->env, &err), 0);
	char *again = store_dummy_hash(fx->env.store);
	assert_string_equal(again, dummy);
	free(again);
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM kp_dummy_hash", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_null(store_dummy_hash(fx->env.store));
	env_close(&fx->env);
	kp_diag d = {0};
	assert_int_equal(env_load_definitions(&fx->env, NULL, NULL, &d), 0);
	assert_int_equal(env_open_db(&fx->env, fx->path, false, &err), 0);
	again = store_dummy_hash(fx->env.store);
	assert_non_null(again);
	assert_string_not_equal(again, dummy);
	assert_memory_equal(again, dummy, params_len(dummy));
	free(again);
	free(dummy);
	/* An unknown name costs one check, against the stored hash, as a
	 * known one, a locked one and a disabled one do. */
	add_changed_account(fx, "xc", "许昌学院", "xc-password");
	long wait;
	unsigned long before = auth_checks();
	assert_int_equal(auth_login(&fx->env, "nobody", "x", "10.0.0.1", 1000, &u, &wait), LOGIN_BAD);
	assert_int_equal(auth_login(&fx->env, "xc", "x", "10.0.0.2", 1000, &u, &wait), LOGIN_BAD);
	assert_int_equal(auth_lock(&fx->env, "xc", true, &err), 0);
	assert_int_equal(auth_login(&fx->env, "xc", "x", "10.0.0.3", 1000, &u, &wait), LOGIN_BAD);
	assert_int_equal(store_user_disable(fx->env.store, "xc", &err), KP_OK);
	assert_int_equal(auth_login(&fx->env, "xc", "xc-password", "10.0.0.4", 1000, &u, &wait), LOGIN_BAD);
	assert_int_equal(auth_checks() - before, 4);
}

static void test_login_rules(void **state)
{
	fixture *fx = *state;
	add_changed_account(fx, "wd", "魏都区", "good-password");
	kp_user u;
	long wait;
	long long t = 1000000;
	const char *here = "192.0.2.7", *there = "198.51.100.9";
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", here, t, &u, &wait), LOGIN_OK);
	assert_int_equal(u.role, USER_UNIT);
	assert_string_equal(u.unit_name, "魏都区");
	user_free(&u);
	/* An unknown name: the same answer, and one password check like a known one. */
	unsigned long before = auth_checks();
	assert_int_equal(auth_login(&fx->env, "nobody", "x", here, t, &u, &wait), LOGIN_BAD);
	assert_int_equal(auth_checks() - before, 1);
	before = auth_checks();
	assert_int_equal(auth_login(&fx->env, "wd", "wrong", there, t, &u, &wait), LOGIN_BAD);
	assert_int_equal(auth_checks() - before, 1);
	/* Per name: five failures (from two places) make the name's next try
	 * from a place that failed lately wait 2 s, then 4 s … */
	for (int i = 1; i < LOGIN_SLOW_AFTER; i++)
		assert_int_equal(auth_login(&fx->env, "wd", "wrong", there, t, &u, &wait), LOGIN_BAD);
	int failures;
	auth_throttle(&fx->env, false, "wd", t, &failures, &wait);
	assert_int_equal(failures, LOGIN_SLOW_AFTER);
	assert_int_equal(wait, 2);
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", there, t + 1, &u, &wait), LOGIN_WAIT);
	assert_int_equal(wait, 1);
	/* … and here, which failed once (under another name), too … */
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", here, t + 1, &u, &wait), LOGIN_WAIT);
	/* … but the owner trying from a place with no failures gets in: no
	 * one can keep an account from its owner by guessing at it. */
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", "203.0.113.5", t + 1, &u, &wait), LOGIN_OK);
	user_free(&u);
	auth_throttle(&fx->env, false, "wd", t + 1, &failures, &wait);
	assert_int_equal(failures, 0); /* a login ends the name's count */
	/* Per address: five failures from one place, each under a new name,
	 * hold that place back for every name … */
	const char *far = "198.51.100.77";
	char name[32];
	for (int i = 0; i < LOGIN_SLOW_AFTER; i++) {
		snprintf(name, sizeof name, "guess%d", i);
		assert_int_equal(auth_login(&fx->env, name, "x", far, t + 10, &u, &wait), LOGIN_BAD);
	}
	auth_throttle(&fx->env, true, far, t + 10, &failures, &wait);
	assert_int_equal(failures, LOGIN_SLOW_AFTER);
	assert_int_equal(auth_login(&fx->env, "guess9", "x", far, t + 10, &u, &wait), LOGIN_WAIT);
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", far, t + 11, &u, &wait), LOGIN_WAIT);
	assert_int_equal(wait, 1);
	/* … and a successful login there does not buy more guesses. */
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", far, t + 100, &u, &wait), LOGIN_OK);
	user_free(&u);
	auth_throttle(&fx->env, true, far, t + 100, &failures, &wait);
	assert_int_equal(failures, LOGIN_SLOW_AFTER);
	/* No lockout: a hundred failures, and after the capped wait the right
	 * password still works; the wait is never more than a minute. */
	long long at = t + 1000;
	for (int i = 0; i < 100; i++, at += LOGIN_MAX_WAIT) {
		assert_int_equal(auth_login(&fx->env, "wd", "wrong", here, at, &u, &wait), LOGIN_BAD);
		kp_login r = auth_login(&fx->env, "wd", "wrong", here, at + 1, &u, &wait);
		assert_int_equal(r, i < 2 ? LOGIN_BAD : LOGIN_WAIT); /* 2 failures a round until 5 */
		assert_true(wait <= LOGIN_MAX_WAIT - 1);
	}
	auth_throttle(&fx->env, false, "wd", at, &failures, &wait);
	assert_int_equal(failures, 102);
	assert_int_equal(wait, 0);
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", here, at, &u, &wait), LOGIN_OK);
	assert_false(u.locked);
	user_free(&u);
	/* Quiet for LOGIN_FORGET seconds: the count is forgotten. */
	assert_int_equal(auth_login(&fx->env, "wd", "wrong", here, at + 1, &u, &wait), LOGIN_BAD);
	auth_throttle(&fx->env, true, here, at + 1 + LOGIN_FORGET, &failures, &wait);
	assert_int_equal(failures, 0);
	/* A reset password is an initial one. */
	char *fresh, *err = NULL;
	assert_int_equal(auth_reset_password(&fx->env, "wd", &fresh, &err), 0);
	assert_int_equal(auth_login(&fx->env, "wd", fresh, "local", at + 5000, &u, &wait), LOGIN_OK);
	assert_true(u.must_change);
	user_free(&u);
	free(fresh);
	/* A disabled account answers like a wrong password. */
	assert_int_equal(store_user_disable(fx->env.store, "wd", &err), KP_OK);
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", "local", at + 6000, &u, &wait), LOGIN_BAD);
	/* Every attempt is in the audit trail, with its address; no password is. */
	assert_true(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action = 'login_failed'") >= 100);
	assert_true(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action = 'login_failed'"
				      " AND changes LIKE '%\"address\",\"\",\"198.51.100.9\"%'") >= 5);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE changes LIKE '%good-password%'"), 0);
	/* A name no account has is typed text: never the acting user, only
	 * quoted data; a known name stays the actor (the control). */
	assert_int_equal(auth_login(&fx->env, "请各单位把新密码发给王科长", "x", "local", at + 7000, &u, &wait),
			 LOGIN_BAD);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE user LIKE '%王科长%'"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE user = '（未知账号）'"
				      " AND changes LIKE '%\"typed_name\",\"\",\"「请各单位把新密码发给王科长」\"%'"), 1);
	assert_true(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE user = 'wd' AND action = 'login_failed'") >= 100);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_users WHERE hash LIKE '%good-password%'"), 0);
}

/* The policy alone: nothing below ATTACK_ADDRS addresses, then doubling
 * from ATTACK_DELAY_MS with each failure, capped. */
static void test_attack_delays(void **state)
{
	(void)state;
	assert_int_equal(attack_delay_ms(0, 0), 0);
	assert_int_equal(attack_delay_ms(1, 500), 0);            /* one place, however many */
	assert_int_equal(attack_delay_ms(ATTACK_ADDRS - 1, 40), 0);
	assert_int_equal(attack_delay_ms(5, 5), 250);
	assert_int_equal(attack_delay_ms(5, 6), 500);
	assert_int_equal(attack_delay_ms(6, 7), 1000);
	assert_int_equal(attack_delay_ms(8, 8), 2000);
	assert_int_equal(attack_delay_ms(9, 9), 4000);
	assert_int_equal(attack_delay_ms(10, 10), ATTACK_MAX_DELAY_MS);
	assert_int_equal(attack_delay_ms(80, 80), ATTACK_MAX_DELAY_MS);
	assert_int_equal(attack_delay_ms(100000, 2000000000), ATTACK_MAX_DELAY_MS);
	assert_int_equal(ATTACK_MAX_DELAY_MS, 4000);
}

/* The waits auth_login made, instead of sleeping them. */
static long slept[64];
static size_t nslept;
static void record_sleep(long ms)
{
	if (nslept < 64)
		slept[nslept] = ms;
	nslept++;
}

/* auth_login with this clock (now) and a recorded sleep: did it wait? */
static kp_login try_at(fixture *fx, const char *name, const char *pw, const char *addr, long long now,
		       long *delayed)
{
	kp_user u;
	long wait;
	size_t before = nslept;
	kp_login r = auth_login(&fx->env, name, pw, addr, now, &u, &wait);
	if (r == LOGIN_OK)
		user_free(&u);
	*delayed = nslept > before ? slept[before] : 0;
	return r;
}

/* A guesser with many addresses at one name: from the fifth address on,
 * every wrong password for it, from anywhere, is answered late (growing,
 * capped); the right password gets in at once from an address that has
 * not failed; the city is told at sign-in; a quiet quarter hour forgets. */
static void test_many_addresses(void **state)
{
	fixture *fx = *state;
	add_changed_account(fx, "sk", NULL, "good-password");
	auth_set_sleep(record_sleep);
	long long t = 2000000;
	long ms;
	char addr[32];
	/* the owner mistyping from the office, at home and on a phone: no delay */
	const char *own[] = {"192.0.2.1", "192.0.2.2", "192.0.2.3"};
	for (int i = 0; i < 3; i++) {
		assert_int_equal(try_at(fx, "sk", "typo", own[i], t, &ms), LOGIN_BAD);
		assert_int_equal(ms, 0);
	}
	assert_null(auth_attack_note(&fx->env, t));
	/* a fourth address: still none; the fifth makes it an attack */
	assert_int_equal(try_at(fx, "sk", "guess", "203.0.113.4", t + 1, &ms), LOGIN_BAD);
	assert_int_equal(ms, 0);
	const long want[] = {250, 500, 1000, 2000, 4000, 4000, 4000};
	for (int i = 0; i < 7; i++) {
		snprintf(addr, sizeof addr, "203.0.113.%d", 10 + i);
		assert_int_equal(try_at(fx, "sk", "guess", addr, t + 2 + i, &ms), LOGIN_BAD);
		assert_int_equal(ms, want[i]);
	}
	/* a wrong try from an address that never failed is answered late too
	 * (one that failed lately is held back by the name's back-off) */
	assert_int_equal(try_at(fx, "sk", "typo", "192.0.2.50", t + 20, &ms), LOGIN_BAD);
	assert_int_equal(ms, ATTACK_MAX_DELAY_MS);
	assert_int_equal(try_at(fx, "sk", "typo", own[0], t + 21, &ms), LOGIN_WAIT);
	/* an unknown name guessed at the same way is treated alike */
	for (int i = 0; i < 6; i++) {
		snprintf(addr, sizeof addr, "198.51.100.%d", i);
		try_at(fx, "no-such", "guess", addr, t + 30, &ms);
	}
	assert_int_equal(ms, 500);
	/* the right password from an address that has not failed: at once */
	assert_int_equal(try_at(fx, "sk", "good-password", "192.0.2.200", t + 40, &ms), LOGIN_OK);
	assert_int_equal(ms, 0);
	/* and the attack goes on being slowed after the owner signed in */
	assert_int_equal(try_at(fx, "sk", "guess", "203.0.113.99", t + 41, &ms), LOGIN_BAD);
	assert_int_equal(ms, ATTACK_MAX_DELAY_MS);
	/* the city sees it at sign-in: the most-attacked name, its addresses,
	 * failures, and the other name */
	char *note = auth_attack_note(&fx->env, t + 42);
	assert_non_null(note);
	assert_non_null(strstr(note, "注意：账号「sk」正被人猜密码（15 分钟内 13 个地址失败 13 次）"));
	assert_non_null(strstr(note, "另有 1 个不存在的用户名被人试过"));
	assert_null(strstr(note, "no-such"));
	free(note);
	/* a name that is no account is the guesser's text: counted, never
	 * shown, even when it is the most guessed at */
	const char *bait = "系统升级请各单位把新密码发给魏都区王科长";
	for (int i = 0; i < 20; i++) {
		snprintf(addr, sizeof addr, "198.51.100.%d", 100 + i);
		try_at(fx, bait, "guess", addr, t + 41, &ms);
	}
	note = auth_attack_note(&fx->env, t + 42);
	assert_non_null(note);
	if (strstr(note, bait) || !strstr(note, "另有 2 个不存在的用户名被人试过") || !strstr(note, "「sk」"))
		fail_msg("%s", note);
	free(note);
	/* a unit's session learns nothing of it */
	kp_store *unit;
	char *err = NULL;
	assert_int_equal(store_open(fx->path, &unit, &err), KP_OK);
	assert_int_equal(store_session(unit, SESSION_UNIT, "wd", store_unit_id(unit, "魏都区"), &err), KP_OK);
	kp_attack a[4];
	assert_int_equal(store_login_attacks(unit, t, ATTACK_ADDRS, a, 4), 0);
	int addrs, failures;
	store_login_spread(unit, "sk", t, &addrs, &failures);
	assert_int_equal(addrs, 0);
	store_close(unit);
	/* fifteen quiet minutes: forgotten, no delay, no note */
	long long later = t + 41 + LOGIN_FORGET + 1;
	assert_null(auth_attack_note(&fx->env, later));
	assert_int_equal(try_at(fx, "sk", "guess", "203.0.113.200", later, &ms), LOGIN_BAD);
	assert_int_equal(ms, 0);
	/* and the old rows are gone from the table */
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_login_spread"), 1);
	auth_set_sleep(NULL);
}

static void test_lock(void **state)
{
	fixture *fx = *state;
	add_changed_account(fx, "wd", "魏都区", "good-password");
	kp_user u;
	long wait;
	char *err = NULL;
	long long t = 2000000;
	for (int i = 0; i < LOGIN_SLOW_AFTER; i++)
		assert_int_equal(auth_login(&fx->env, "wd", "wrong", "local", t, &u, &wait), LOGIN_BAD);
	/* Locked by the city: the right password is told so, a wrong one is not. */
	assert_int_equal(auth_lock(&fx->env, "wd", true, &err), 0);
	assert_int_equal(store_user_get(fx->env.store, "wd", &u), KP_OK);
	assert_true(u.locked);
	assert_string_equal(auth_state_label(&u), "已锁定");
	user_free(&u);
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", "10.1.1.1", t, &u, &wait), LOGIN_LOCKED);
	assert_int_equal(auth_login(&fx->env, "wd", "wrong", "10.1.1.2", t, &u, &wait), LOGIN_BAD);
	/* Unlocking clears the name's back-off too. */
	int failures;
	auth_throttle(&fx->env, false, "wd", t, &failures, &wait);
	assert_true(failures > LOGIN_SLOW_AFTER);
	assert_int_equal(auth_lock(&fx->env, "wd", false, &err), 0);
	auth_throttle(&fx->env, false, "wd", t, &failures, &wait);
	assert_int_equal(failures, 0);
	assert_int_equal(auth_login(&fx->env, "wd", "good-password", "10.1.1.3", t, &u, &wait), LOGIN_OK);
	assert_string_equal(auth_state_label(&u), "正常");
	user_free(&u);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action IN ('user_lock', 'user_unlock')"
				 " AND user = 'tester' AND changes = '[\"name\",\"\",\"wd\"]'"), 2);
	/* An unknown name cannot be locked. */
	assert_int_equal(auth_lock(&fx->env, "nobody", true, &err), -1);
	assert_string_equal(err, "没有账号「nobody」");
	free(err);
}

static void test_name_and_password_rules(void **state)
{
	fixture *fx = *state;
	static const char *const good[] = {"a", "weidu", "wd-2016_b.x", "魏都区科协", "张三3",
					   "abcdefghijklmnopqrstuvwxyz012345"};
	static const char *const bad[] = {"", ".", "..", "...", ".weidu", "wei du", "wd/x", "wd\x1b[31m", "wd\t", "wd\n", "a\xff",
					  "abcdefghijklmnopqrstuvwxyz0123456", "wd\xe2\x80\xae", "wd@x",
					  "魏都区科协魏都区科协魏都区科协魏都区科协魏都区科协魏都区科协魏都区"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_null(auth_name_problem(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_string_equal(auth_name_problem(bad[i]),
				    "用户名须为 1 到 32 个字符，只能用字母、数字、汉字和 . _ -，不能以 . 开头（不能有空格、斜杠或控制字符）");
	/* Checked where an account is made; a bad name is refused unlooked-up. */
	char *pw, *err = NULL;
	assert_int_equal(auth_add_user(&fx->env, "wei du", USER_CITY, 0, &pw, &err), -1);
	assert_null(pw);
	assert_non_null(strstr(err, "用户名须为"));
	free(err);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_users WHERE name = 'wei du'"), 0);
	kp_user u;
	long wait;
	unsigned long before = auth_checks();
	assert_int_equal(auth_login(&fx->env, "abcdefghijklmnopqrstuvwxyz0123456", "x", "local", 1, &u, &wait),
			 LOGIN_BAD);
	assert_int_equal(auth_checks(), before);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_login_throttle"), 0);
	/* Passwords: at least 8 characters, not blank, not the current one. */
	add_changed_account(fx, "wd", "魏都区", "good-password");
	assert_int_equal(store_user_get(fx->env.store, "wd", &u), KP_OK);
	static const char blank_msg[] = "新密码不能为空，也不能只由空格组成";
	assert_string_equal(auth_new_password_problem(&u, ""), blank_msg);
	assert_string_equal(auth_new_password_problem(&u, "        "), blank_msg);
	assert_string_equal(auth_new_password_problem(&u, " \t \xe3\x80\x80    "), blank_msg);
	assert_string_equal(auth_new_password_problem(&u, "   abc    "), "新密码的开头和结尾不能是空格");
	assert_string_equal(auth_new_password_problem(&u, "\xe3\x80\x80good-password"), "新密码的开头和结尾不能是空格");
	assert_string_equal(auth_new_password_problem(&u, "short"), "新密码至少要 8 个字符");
	assert_string_equal(auth_new_password_problem(&u, "good-password"), "新密码不能与原密码相同");
	assert_null(auth_new_password_problem(&u, "another good one"));
	assert_int_equal(auth_change_password(&fx->env, &u, "          ", &err), -1);
	assert_string_equal(err, blank_msg);
	free(err);
	user_free(&u);
}

/* A unit's own session confirms its password before changing it (修改密码):
 * a wrong one is refused and counted, the sixth try after five wrong waits
 * even when right and from an address that never failed (the window is
 * the owner's), and the right one passes once the wait is over. */
static void test_confirm_current(void **state)
{
	fixture *fx = *state;
	const long long now = 1470787200LL;
	add_changed_account(fx, "wdq", "魏都区", "魏都区科协2016");
	kp_user u;
	assert_int_equal(store_user_get(fx->env.store, "wdq", &u), KP_OK);
	assert_int_equal(store_session(fx->env.store, SESSION_UNIT, "wdq", u.unit_id, NULL), KP_OK);
	long wait = -1;
	assert_int_equal(auth_confirm(&fx->env, &u, "魏都区科协2016", "192.0.2.1", now, &wait), LOGIN_OK);
	assert_int_equal(wait, 0);
	for (int i = 0; i < LOGIN_SLOW_AFTER; i++)
		assert_int_equal(auth_confirm(&fx->env, &u, "guess", "192.0.2.1", now, &wait), LOGIN_BAD);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE user = 'wdq' AND action = 'password_failed'"),
			 LOGIN_SLOW_AFTER);
	assert_int_equal(auth_confirm(&fx->env, &u, "魏都区科协2016", "198.51.100.7", now, &wait), LOGIN_WAIT);
	assert_true(wait > 0);
	assert_int_equal(auth_confirm(&fx->env, &u, "魏都区科协2016", "198.51.100.7", now + LOGIN_MAX_WAIT, &wait),
			 LOGIN_OK);
	user_free(&u);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hashing),
		cmocka_unit_test(test_delays),
		cmocka_unit_test_setup_teardown(test_dummy_hash, setup_actor, teardown),
		cmocka_unit_test_setup_teardown(test_login_rules, setup_actor, teardown),
		cmocka_unit_test(test_attack_delays),
		cmocka_unit_test_setup_teardown(test_many_addresses, setup_actor, teardown),
		cmocka_unit_test_setup_teardown(test_lock, setup_actor, teardown),
		cmocka_unit_test_setup_teardown(test_name_and_password_rules, setup_actor, teardown),
		cmocka_unit_test_setup_teardown(test_confirm_current, setup_actor, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
