/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 账号管理's model driven by keys with no terminal: the city locks a unit
 * account (whose right password is then refused as locked) and unlocks it,
 * may not lock itself, answers n and then y to a reset (the new initial
 * password shown once, the old one refused, the new one signs in); a
 * unit's session is refused the accounts and changes nothing. Was most of
 * the tmux scenario account_admin (what stays there needs the terminal). */
#include "unit_env.h"

#include <time.h>

#include "domain/auth.h"
#include "model_keys.h"
#include "ui/accounts_model.h"


typedef struct {
	fixture *fx;
	ac_ctx c;
	char *password; /* wdq's initial password */
} story;

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (ac_ctx){&s->fx->env, "admin", (long long)time(NULL), 10};
	char *city = add_account(s->fx, "admin", USER_CITY, NULL); /* the city's own, the session's */
	s->password = add_account(s->fx, "wdq", USER_UNIT, "魏都区");
	if (!city || !s->password)
		return -1;
	free(city);
	*state = s;
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	free(s->password);
	return story_free(s);
}

/* Select the account of this name with Down from the first. */
static void select_user(accounts_model *m, const ac_ctx *c, const char *name)
{
	ac_key(m, c, FN(KEY_HOME));
	while (strcmp(m->users[m->sel].name, name) && m->sel + 1 < m->n)
		ac_key(m, c, FN(KEY_DOWN));
	assert_string_equal(m->users[m->sel].name, name);
}

static kp_login login(story *s, const char *name, const char *password)
{
	kp_user u;
	long wait;
	/* the story's clock, not the wall's: a slow machine must not let a
	 * back-off run out between a failure and the screen that shows it */
	kp_login r = auth_login(&s->fx->env, name, password, "192.0.2.7", s->c.now, &u, &wait);
	if (r == LOGIN_OK)
		user_free(&u);
	return r;
}

static void lock_and_unlock(void **state)
{
	story *s = *state;
	accounts_model m;
	/* two wrong tries at wdq from somewhere: the city sees them */
	assert_int_equal(login(s, "wdq", "wrong-1"), LOGIN_BAD);
	assert_int_equal(login(s, "wdq", "wrong-2"), LOGIN_BAD);
	assert_int_equal(ac_init(&m, &s->c).kind, MR_HANDLED);
	assert_true(m.n >= 2);
	select_user(&m, &s->c, "wdq");
	assert_int_equal(m.failures[m.sel], 2);
	assert_string_equal(m.users[m.sel].unit_name, "魏都区");
	mr_result r = ac_key(&m, &s->c, CTRL('K'));
	assert_int_equal(r.kind, MR_HANDLED);
	assert_non_null(strstr(r.text, "已锁定账号 wdq"));
	assert_true(m.users[m.sel].locked);
	assert_int_equal(sql_int(s->fx->path, "SELECT locked FROM kp_users WHERE name = 'wdq'"), 1);
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_audit WHERE user = 'admin' AND action = 'user_lock'"), 1);
	assert_int_equal(login(s, "wdq", s->password), LOGIN_LOCKED);
	assert_int_equal(login(s, "wdq", "wrong-3"), LOGIN_BAD); /* only the right password learns it is locked */
	r = ac_key(&m, &s->c, FN(KEY_F(8)));
	assert_non_null(strstr(r.text, "已解锁账号 wdq"));
	assert_int_equal(sql_int(s->fx->path, "SELECT locked FROM kp_users WHERE name = 'wdq'"), 0);
	/* the name's back-off is cleared with it */
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_login_throttle WHERE scope = 'name' AND key = 'wdq'"), 0);
	assert_int_equal(m.failures[m.sel], 0);
	assert_int_equal(login(s, "wdq", s->password), LOGIN_OK);
	/* the city does not lock itself out */
	select_user(&m, &s->c, "admin");
	r = ac_key(&m, &s->c, CTRL('K'));
	assert_int_equal(r.kind, MR_REFUSED);
	assert_string_equal(r.text, msg(MSG_UI_AC_SELF));
	assert_int_equal(sql_int(s->fx->path, "SELECT locked FROM kp_users WHERE name = 'admin'"), 0);
	assert_int_equal(ac_key(&m, &s->c, ESC).kind, MR_CLOSE);
	ac_free(&m);
}

static void reset_asks_then_shows_once(void **state)
{
	story *s = *state;
	accounts_model m;
	ac_init(&m, &s->c);
	select_user(&m, &s->c, "wdq");
	assert_int_equal(ac_key(&m, &s->c, CTRL('R')).kind, MR_HANDLED);
	assert_int_equal(m.mode, AC_CONFIRM_RESET);
	mr_result r = ac_key(&m, &s->c, CH('n')); /* no: nothing changes */
	assert_int_equal(m.mode, AC_BROWSE);
	assert_string_equal(r.text, msg(MSG_UI_AC_NOT_RESET));
	assert_int_equal(login(s, "wdq", s->password), LOGIN_OK);
	ac_key(&m, &s->c, FN(KEY_F(7)));
	ac_key(&m, &s->c, CH('x')); /* neither y nor n: still asking */
	assert_int_equal(m.mode, AC_CONFIRM_RESET);
	r = ac_key(&m, &s->c, CH('y'));
	assert_int_equal(r.kind, MR_HANDLED);
	assert_int_equal(m.mode, AC_SHOW_PASSWORD);
	assert_string_equal(m.reset_name, "wdq");
	char *fresh = strdup(m.reset_password);
	assert_int_equal(sql_int(s->fx->path, "SELECT must_change FROM kp_users WHERE name = 'wdq'"), 1);
	assert_int_equal(login(s, "wdq", s->password), LOGIN_BAD);
	assert_int_equal(login(s, "wdq", fresh), LOGIN_OK);
	ac_key(&m, &s->c, CH(' ')); /* noted: gone from the screen */
	assert_int_equal(m.mode, AC_BROWSE);
	assert_null(m.reset_password);
	free(fresh);
	ac_free(&m);
}

/* Five failures make wdq's next try wait; the wait shown runs down with
 * the clock, read again at the next key. */
static void wait_runs_down(void **state)
{
	story *s = *state;
	for (int i = 0; i < 5; i++)
		login(s, "wdq", "wrong");
	accounts_model m;
	ac_init(&m, &s->c);
	select_user(&m, &s->c, "wdq");
	assert_int_equal(m.failures[m.sel], 5);
	assert_true(m.wait[m.sel] > 0);
	s->c.now += 3600;
	ac_key(&m, &s->c, FN(KEY_UP));
	ac_key(&m, &s->c, FN(KEY_DOWN));
	assert_string_equal(m.users[m.sel].name, "wdq");
	assert_int_equal(m.wait[m.sel], 0);
	ac_free(&m);
}

static void unit_refused(void **state)
{
	story *s = *state;
	char *err = NULL;
	sign_in_unit(s->fx, "魏都区");
	accounts_model m;
	mr_result r = ac_init(&m, &s->c);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_true(r.text[0] != '\0');
	assert_int_equal(m.n, 0);
	ac_key(&m, &s->c, CTRL('K'));
	ac_key(&m, &s->c, CTRL('R'));
	assert_int_equal(m.mode, AC_BROWSE);
	ac_key(&m, &s->c, CH('y'));
	ac_free(&m);
	/* nor does the store let it, asked directly */
	char *password = NULL;
	assert_int_not_equal(auth_reset_password(&s->fx->env, "admin", &password, &err), 0);
	assert_null(password);
	free(err);
	err = NULL;
	assert_int_not_equal(auth_lock(&s->fx->env, "admin", true, &err), 0);
	free(err);
	assert_int_equal(sql_int(s->fx->path, "SELECT sum(locked) FROM kp_users"), 0);
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_audit WHERE action IN ('user_lock', 'password_reset')"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(lock_and_unlock, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(reset_asks_then_shows_once, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(wait_runs_down, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unit_refused, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
