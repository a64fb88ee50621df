/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Run without the setgid bit (as the whole suite is), kepu has no more
 * privilege than its caller: nothing is dropped, the caller administers,
 * and a caller that passes through cli_confine gets the installed paths
 * only where it named none. The refusals of a setgid kepu are
 * tests/e2e/ssh_setgid.sh's: they need a setgid install. */
#include "unit.h"

#include "cli/common.h"
#include "core/paths.h"
#include "core/priv.h"

static void test_not_elevated(void **state)
{
	(void)state;
	gid_t before = getegid();
	assert_int_equal(priv_init(), 0);
	assert_false(priv_elevated());
	assert_true(priv_is_admin());
	assert_int_equal(priv_raise(), 0);
	assert_int_equal(getegid(), before);
	priv_drop();
	assert_int_equal(getegid(), before);
}

static void test_confine_defaults(void **state)
{
	(void)state;
	assert_int_equal(priv_init(), 0);
	kp_opts tui = {0};
	assert_int_equal(cli_confine(&tui, NULL, NULL, false), EXIT_OK);
	assert_string_equal(tui.db, kp_installed_db);
	kp_opts user = {0};
	assert_int_equal(cli_confine(&user, NULL, "user", true), EXIT_OK);
	assert_string_equal(user.db, kp_installed_db);
	kp_opts check = {0};
	assert_int_equal(cli_confine(&check, NULL, "check", false), EXIT_OK);
	assert_null(check.db); /* check opens a database only when told to */
	kp_opts named = {.db = "/tmp/named.db"};
	assert_int_equal(cli_confine(&named, "--db", "backup", true), EXIT_OK);
	assert_string_equal(named.db, "/tmp/named.db"); /* an administrator's choice stands */
}

static void test_confine_clears_terminfo(void **state)
{
	(void)state;
	assert_int_equal(priv_init(), 0);
	setenv("TERMINFO", "/tmp", 1);
	setenv("TERMINFO_DIRS", "/tmp", 1);
	setenv("TERMCAP", "xterm|x:co#80:", 1);
	kp_opts o = {0};
	assert_int_equal(cli_confine(&o, NULL, NULL, false), EXIT_OK);
	assert_null(getenv("TERMINFO"));
	assert_null(getenv("TERMINFO_DIRS"));
	assert_null(getenv("TERMCAP"));
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_elevated),
		cmocka_unit_test(test_confine_defaults),
		cmocka_unit_test(test_confine_clears_terminfo),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
