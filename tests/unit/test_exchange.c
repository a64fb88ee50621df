/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The exchange folder: names, links, the database's files, sizes, no
 * overwriting, and SQLite's locks kept through every refusal. */
#include "unit.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/env.h"
#include "domain/exchange.h"

/* exchange_export's word for the clerk: none for these small books */
static char *note;

typedef struct {
	char dir[64];
	char *db;
	kp_env env;
	kp_exchange x;
} fixture;

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	strcpy(fx->dir, "/tmp/kepu-exchange-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	fx->db = xasprintf("%s/kepu.db", fx->dir);
	kp_diag d = {0};
	char *err = NULL;
	if (env_load_definitions(&fx->env, NULL, NULL, &d) || env_open_db(&fx->env, fx->db, true, &err) ||
	    exchange_open(&fx->x, fx->db, "weidu", &err)) {
		fprintf(stderr, "%s\n", err ? err : "");
		return -1;
	}
	diag_free(&d);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	exchange_close(&fx->x);
	env_close(&fx->env);
	char *cmd = xasprintf("rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", fx->dir);
	free(cmd);
	free(fx->db);
	free(fx);
	return 0;
}

/* A path inside the account's folder. */
static char *in_folder(fixture *fx, const char *name)
{
	return xasprintf("%s/exchange/weidu/%s", fx->dir, name);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A file put in the account's folder from outside kepu. */
static void put_file(fixture *fx, const char *name, const char *text)
{
	char *p = in_folder(fx, name);
	write_file(p, text);
	free(p);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char buf[256] = {0};
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	return xasprintf("%.*s", (int)n, buf);
}

/* The refusal of name by the folder, or NULL when it is read. */
static char *read_error(fixture *fx, const char *name)
{
	char *err = NULL;
	FILE *in = exchange_read(&fx->x, name, &err);
	if (in)
		fclose(in);
	return err;
}

static void assert_refused(char *err, char *want)
{
	assert_non_null(err);
	assert_string_equal(err, want);
	free(err);
	free(want);
}

static void test_names(void **state)
{
	(void)state;
	static const char *const good[] = {"附表2-魏都区-20160810.xlsx", "a..b.csv", "x", "名单 (1).csv"};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		char *err = NULL;
		assert_int_equal(exchange_check_name(good[i], &err), 0);
		assert_null(err);
	}
	struct {
		const char *name;
		char *want;
	} bad[] = {
		{"/etc/passwd", xasprintf(msg(MSG_XC_NAME_PATH), "/etc/passwd")},
		{"../x", xasprintf(msg(MSG_XC_NAME_PATH), "../x")},
		{"a/b", xasprintf(msg(MSG_XC_NAME_PATH), "a/b")},
		{"..", xasprintf(msg(MSG_XC_NAME_DOT), "..")},
		{".hidden", xasprintf(msg(MSG_XC_NAME_DOT), ".hidden")},
		{"", xstrdup(msg(MSG_XC_NAME_EMPTY))},
		{"a\x01" "b", xstrdup(msg(MSG_XC_NAME_CONTROL))},
		{"a\nb.csv", xstrdup(msg(MSG_XC_NAME_CONTROL))},
		{"a\x1b[2Jb", xstrdup(msg(MSG_XC_NAME_CONTROL))},
		{"txt.\xe2\x80\xae" "vsc", xstrdup(msg(MSG_XC_NAME_CONTROL))}, /* U+202E turns the name round */
		{"\xc2\x9b" "x", xstrdup(msg(MSG_XC_NAME_CONTROL))},            /* C1 CSI */
		{"a\xff.csv", xstrdup(msg(MSG_XC_NAME_UTF8))},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *err = NULL;
		assert_int_equal(exchange_check_name(bad[i].name, &err), -1);
		assert_refused(err, bad[i].want);
	}
	char long_name[EXCHANGE_NAME_MAX + 2];
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	char *err = NULL;
	assert_int_equal(exchange_check_name(long_name, &err), -1);
	assert_refused(err, xasprintf(msg(MSG_XC_NAME_LONG), EXCHANGE_NAME_MAX, (size_t)EXCHANGE_NAME_MAX + 1));
	long_name[EXCHANGE_NAME_MAX] = '\0';
	assert_int_equal(exchange_check_name(long_name, &err), 0);
}

/* Names are refused before anything is looked up: no file outside the
 * folder is ever read, whatever it is. */
static void test_paths_never_read(void **state)
{
	fixture *fx = *state;
	assert_refused(read_error(fx, "/etc/passwd"), xasprintf(msg(MSG_XC_NAME_PATH), "/etc/passwd"));
	assert_refused(read_error(fx, fx->db), xasprintf(msg(MSG_XC_NAME_PATH), fx->db));
	assert_refused(read_error(fx, "../../kepu.db"), xasprintf(msg(MSG_XC_NAME_PATH), "../../kepu.db"));
	assert_refused(read_error(fx, ".."), xasprintf(msg(MSG_XC_NAME_DOT), ".."));
	assert_refused(read_error(fx, "missing.csv"), xasprintf(msg(MSG_XC_MISSING), "missing.csv"));
}

static void test_folder_beside_database(void **state)
{
	fixture *fx = *state;
	char *want = xasprintf("%s/exchange/weidu/", fx->dir);
	assert_string_equal(fx->x.path, want);
	free(want);
	struct stat st;
	char *p = xasprintf("%s/exchange/weidu", fx->dir);
	assert_int_equal(lstat(p, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0077, 0); /* other accounts' users kept out */
	free(p);
	/* A folder opened up by hand is closed again. */
	p = xasprintf("%s/exchange/weidu", fx->dir);
	assert_int_equal(chmod(p, 0777), 0);
	kp_exchange again;
	char *err = NULL;
	assert_int_equal(exchange_open(&again, fx->db, "weidu", &err), 0);
	assert_int_equal(lstat(p, &st), 0);
	assert_int_equal(st.st_mode & 0077, 0);
	exchange_close(&again);
	free(p);
	/* An account name that is no file name gets no folder. */
	assert_int_equal(exchange_open(&again, fx->db, "../weidu", &err), -1);
	char *why = xasprintf(msg(MSG_XC_NAME_PATH), "../weidu");
	assert_refused(err, xasprintf(msg(MSG_XC_ACCOUNT), "../weidu", why));
	free(why);
	/* The folder itself through a link: refused (O_NOFOLLOW). */
	p = xasprintf("%s/exchange/other", fx->dir);
	assert_int_equal(symlink("/tmp", p), 0);
	err = NULL;
	assert_int_equal(exchange_open(&again, fx->db, "other", &err), -1);
	assert_non_null(err);
	free(err);
	free(p);
}

/* Another process asks whether this one holds a lock on the database:
 * SQLite keeps a shared lock on the file for as long as the WAL is open. */
static bool db_locked(const char *db)
{
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(db, O_RDONLY);
		struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
		_exit(fd >= 0 && fcntl(fd, F_GETLK, &l) == 0 && l.l_type != F_UNLCK ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void test_links_to_the_database(void **state)
{
	fixture *fx = *state;
	assert_true(db_locked(fx->db));
	char *sym = in_folder(fx, "sym.csv"), *hard = in_folder(fx, "hard.csv"), *wal = in_folder(fx, "wal.csv");
	char *db_wal = xasprintf("%s-wal", fx->db);
	assert_int_equal(symlink(fx->db, sym), 0);
	assert_int_equal(link(fx->db, hard), 0);
	assert_int_equal(link(db_wal, wal), 0);
	assert_refused(read_error(fx, "sym.csv"), xasprintf(msg(MSG_XC_LINK), "sym.csv"));
	assert_refused(read_error(fx, "hard.csv"), xasprintf(msg(MSG_XC_IS_DATABASE), "hard.csv"));
	assert_refused(read_error(fx, "wal.csv"), xasprintf(msg(MSG_XC_IS_DATABASE), "wal.csv"));
	/* Nor sent to the PC, nor written over. */
	char *err = NULL;
	assert_int_equal(exchange_send(&fx->x, "hard.csv", &err), -1);
	assert_refused(err, xasprintf(msg(MSG_XC_IS_DATABASE), "hard.csv"));
	assert_int_equal(exchange_export(&fx->x, &fx->env, &(kp_export){fx->env.cat.forms[0], NULL, 0, NULL}, "hard.csv", &note, &err), -1);
	assert_refused(err, xasprintf(msg(MSG_XC_IS_DATABASE), "hard.csv"));
	/* The command line's paths: the same refusal, by inode. */
	FILE *in = exchange_read_path(fx->db, hard, &err);
	assert_null(in);
	assert_refused(err, xasprintf(msg(MSG_XC_IS_DATABASE), hard));
	in = exchange_read_path(fx->db, sym, &err);
	assert_null(in);
	assert_refused(err, xasprintf(msg(MSG_XC_IS_DATABASE), sym));
	/* A hard link to any other file (here one outside the folder) is a
	 * second name for what kepu's group may read: refused too. */
	char *outside = xasprintf("%s/secret.txt", fx->dir), *second = in_folder(fx, "second.csv");
	write_file(outside, "姓名\n张三\n");
	assert_int_equal(link(outside, second), 0);
	assert_refused(read_error(fx, "second.csv"), xasprintf(msg(MSG_XC_HARD_LINK), "second.csv"));
	free(outside);
	free(second);
	/* None of that released SQLite's lock; an open and close of the hard
	 * link would have (the probe can tell). */
	assert_true(db_locked(fx->db));
	close(open(hard, O_RDONLY));
	assert_false(db_locked(fx->db));
	free(sym);
	free(hard);
	free(wal);
	free(db_wal);
}

static void test_never_overwritten(void **state)
{
	fixture *fx = *state;
	const kp_form *f = fx->env.cat.forms[0];
	char *kept = in_folder(fx, "kept.csv");
	write_file(kept, "last week's\n");
	char *err = NULL;
	assert_int_equal(exchange_export(&fx->x, &fx->env, &(kp_export){f, NULL, 0, NULL}, "kept.csv", &note, &err), -1);
	assert_refused(err, xasprintf(msg(MSG_XC_EXISTS), "kept.csv"));
	char *text = slurp(kept);
	assert_string_equal(text, "last week's\n");
	free(text);
	/* A link named like the export: nothing written through it. */
	char *outside = xasprintf("%s/outside.csv", fx->dir), *link_name = in_folder(fx, "link.csv");
	assert_int_equal(symlink(outside, link_name), 0);
	assert_int_equal(exchange_export(&fx->x, &fx->env, &(kp_export){f, NULL, 0, NULL}, "link.csv", &note, &err), -1);
	assert_refused(err, xasprintf(msg(MSG_XC_EXISTS), "link.csv"));
	assert_int_equal(access(outside, F_OK), -1);
	/* A fresh name is proposed instead. */
	put_file(fx, "附表2-魏都区-20160810.xlsx", "");
	char *fresh = exchange_fresh_name(&fx->x, "附表2-魏都区-20160810", ".xlsx");
	assert_string_equal(fresh, "附表2-魏都区-20160810-2.xlsx");
	free(fresh);
	fresh = exchange_fresh_name(&fx->x, "../a/b", ".csv");
	assert_string_equal(fresh, "_._a_b.csv");
	free(fresh);
	free(kept);
	free(outside);
	free(link_name);
}

/* No write to the database or to a name SQLite takes for a companion of
 * an existing file (-journal, -wal, -shm): the next open would play it
 * back or delete it. */
static void test_companion_names(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	char *journal = xasprintf("%s-journal", fx->db), *wal = xasprintf("%s-wal", fx->db);
	char *lone = xasprintf("%s/nothing.db-journal", fx->dir);
	assert_int_equal(exchange_check_output(AT_FDCWD, fx->db, journal, &err), -1);
	assert_refused(err, xasprintf(msg(MSG_XC_COMPANION), journal, fx->db));
	assert_int_equal(exchange_check_output(AT_FDCWD, fx->db, wal, &err), -1); /* the live -wal itself */
	assert_refused(err, xasprintf(msg(MSG_XC_IS_DATABASE), wal));
	assert_int_equal(exchange_check_output(AT_FDCWD, fx->db, fx->db, &err), -1);
	assert_refused(err, xasprintf(msg(MSG_XC_IS_DATABASE), fx->db));
	/* Positive control: a -journal name of no file. */
	err = NULL;
	assert_int_equal(exchange_check_output(AT_FDCWD, fx->db, lone, &err), 0);
	assert_null(err);
	/* In the folder too: a workbook someone put there, then its -shm. */
	const kp_form *f = fx->env.cat.forms[0];
	put_file(fx, "a.db", "x");
	assert_int_equal(exchange_export(&fx->x, &fx->env, &(kp_export){f, NULL, 0, NULL}, "a.db-shm", &note, &err), -1);
	assert_refused(err, xasprintf(msg(MSG_XC_COMPANION), "a.db-shm", "a.db"));
	char *shm = in_folder(fx, "a.db-shm");
	assert_int_equal(access(shm, F_OK), -1);
	err = NULL;
	assert_int_equal(exchange_export(&fx->x, &fx->env, &(kp_export){f, NULL, 0, NULL}, "b.db-shm", &note, &err), 0);
	free(shm);
	free(journal);
	free(wal);
	free(lone);
}

static void test_export_then_read(void **state)
{
	fixture *fx = *state;
	const kp_form *f = fx->env.cat.forms[0];
	char *err = NULL;
	assert_int_equal(exchange_export(&fx->x, &fx->env, &(kp_export){f, NULL, 0, NULL}, "out.csv", &note, &err), 0);
	assert_null(err);
	assert_int_equal(exchange_export(&fx->x, &fx->env, &(kp_export){f, NULL, 0, NULL}, "out.xlsx", &note, &err), 0);
	assert_null(note);
	assert_null(err);
	struct stat st;
	char *p = in_folder(fx, "out.csv");
	assert_int_equal(lstat(p, &st), 0);
	assert_int_equal(st.st_mode & 0077, 0);
	free(p);
	FILE *in = exchange_read(&fx->x, "out.xlsx", &err);
	assert_non_null(in);
	char magic[2];
	assert_int_equal(fread(magic, 1, 2, in), 2);
	assert_memory_equal(magic, "PK", 2);
	fclose(in);
	/* The list: regular files with usable names, sorted; no links, folders or hidden files. */
	put_file(fx, ".hidden", "");
	put_file(fx, "..csv", "");
	put_file(fx, ".\x1b[2J.csv", "");
	p = in_folder(fx, "dir");
	assert_int_equal(mkdir(p, 0700), 0);
	free(p);
	p = in_folder(fx, "a-link");
	assert_int_equal(symlink("/etc/passwd", p), 0);
	free(p);
	char **names, **refused;
	size_t nrefused;
	size_t n = exchange_list(&fx->x, &names, &refused, &nrefused);
	assert_int_equal(n, 2);
	assert_string_equal(names[0], "out.csv");
	assert_string_equal(names[1], "out.xlsx");
	exchange_list_free(names, n);
	/* The others are listed as refused, each with why, the name once:
	 * as it is (「..csv」), or its printable twin when it cannot be shown. */
	assert_int_equal(nrefused, 5);
	char *want[5] = {xasprintf(msg(MSG_XC_LINK), "a-link"), xasprintf(msg(MSG_XC_NOT_REGULAR), "dir"),
			 xasprintf(msg(MSG_XC_NAME_DOT), ".hidden"), xasprintf(msg(MSG_XC_NAME_DOT), "..csv"),
			 xasprintf(msg(MSG_XC_LISTED_REFUSED), "._[2J.csv", msg(MSG_XC_NAME_CONTROL))};
	assert_non_null(strstr(want[3], "「..csv」："));
	for (size_t i = 0; i < 5; i++) {
		bool found = false;
		for (size_t j = 0; j < nrefused; j++)
			found |= !strcmp(refused[j], want[i]);
		if (!found)
			fail_msg("not listed: %s", want[i]);
		free(want[i]);
	}
	exchange_list_free(refused, nrefused);
	assert_refused(read_error(fx, "a-link"), xasprintf(msg(MSG_XC_LINK), "a-link"));
	assert_refused(read_error(fx, "dir"), xasprintf(msg(MSG_XC_NOT_REGULAR), "dir"));
}

static void test_size_limit(void **state)
{
	fixture *fx = *state;
	char *p = in_folder(fx, "big.csv");
	int fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, EXCHANGE_MAX_BYTES), 0);
	FILE *in = exchange_read(&fx->x, "big.csv", &(char *){NULL});
	assert_non_null(in); /* the limit itself is allowed */
	fclose(in);
	assert_int_equal(ftruncate(fd, EXCHANGE_MAX_BYTES + 1), 0);
	close(fd);
	assert_refused(read_error(fx, "big.csv"),
		       xasprintf(msg(MSG_XC_TOO_BIG), "big.csv", 20.0, EXCHANGE_MAX_MIB));
	free(p);
}

/* A workbook that cannot be written whole (here: a file size limit, as a
 * full disk would): the message names the clerk's file and why, not the
 * private copy, and nothing is left in the folder. */
static void test_xlsx_not_written(void **state)
{
	fixture *fx = *state;
	const kp_form *f = fx->env.cat.forms[0];
	char *err = NULL;
	struct rlimit was;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
	void (*sig)(int) = signal(SIGXFSZ, SIG_IGN);
	struct rlimit small = {1024, was.rlim_max};
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	int rc = exchange_export(&fx->x, &fx->env, &(kp_export){f, NULL, 0, NULL}, "big.xlsx", &note, &err);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &was), 0);
	signal(SIGXFSZ, sig);
	assert_int_equal(rc, -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "不能写入 big.xlsx："));
	assert_null(strstr(err, "export.xlsx"));
	free(err);
	char *p = in_folder(fx, "big.xlsx");
	struct stat st;
	assert_int_equal(lstat(p, &st), -1);
	free(p);
	/* the positive control: without the limit it is written */
	err = NULL;
	assert_int_equal(exchange_export(&fx->x, &fx->env, &(kp_export){f, NULL, 0, NULL}, "big.xlsx", &note, &err), 0);
	assert_null(err);
}

/* The ZMODEM line names the SSH host and port the session came in by;
 * without SSH_CONNECTION it names none (the machine's own name was a
 * guess before) and says which terminals speak ZMODEM. */
static void test_zmodem_line(void **state)
{
	(void)state;
	kp_exchange x = {-1, NULL, NULL, NULL};
	setenv("SSH_CONNECTION", "10.0.0.9 50000 192.168.1.10 2022", 1);
	char *line = exchange_how(&x, false);
	assert_non_null(strstr(line, "192.168.1.10 端口 2022"));
	free(line);
	unsetenv("SSH_CONNECTION");
	char host[256] = "";
	gethostname(host, sizeof host);
	line = exchange_how(&x, false);
	assert_null(strstr(line, "主机"));
	assert_true(!host[0] || !strstr(line, host));
	assert_non_null(strstr(line, "Xshell"));
	free(line);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_zmodem_line),
		cmocka_unit_test_setup_teardown(test_paths_never_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folder_beside_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_links_to_the_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_never_overwritten, setup, teardown),
		cmocka_unit_test_setup_teardown(test_companion_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_then_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_size_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx_not_written, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
