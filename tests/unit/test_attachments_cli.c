/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu attachments add|remove, run as the command line runs them
 * (cli_main, its output captured): a unit's clerk (--unit) attaches files
 * to its own draft and removes them; the 附件 screen's rules hold — another
 * unit's record answered as a missing one, a submitted record and a closed
 * year refused, the same bytes twice on one record refused, on another
 * record taken and said; every bound (size, files per record, name
 * length) refused naming it, each beside a control that passes; audited. */
#include "unit_env.h"

#include <getopt.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/review.h"

#define PNG "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"

typedef struct {
	char dir[64];
	char out[8192], err[8192];
} run_t;

static void slurp(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, len - 1, f) : 0;
	buf[n] = '\0';
	if (f)
		fclose(f);
}

/* kepu ARGS… (NULL-terminated) with --db the fixture's: its exit status,
 * its standard output and error in r. */
static int kepu(fixture *fx, run_t *r, ...)
{
	char *argv[32] = {"kepu"};
	int argc = 1;
	va_list ap;
	va_start(ap, r);
	for (const char *a; (a = va_arg(ap, const char *));)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc++] = "--db";
	argv[argc++] = fx->path;
	argv[argc] = NULL;
	char out[96], err[96];
	snprintf(out, sizeof out, "%s/stdout", r->dir);
	snprintf(err, sizeof err, "%s/stderr", r->dir);
	fflush(stdout);
	fflush(stderr);
	int o = dup(1), e = dup(2);
	FILE *fo = fopen(out, "w"), *fe = fopen(err, "w");
	dup2(fileno(fo), 1);
	dup2(fileno(fe), 2);
	optind = 0; /* getopt again from the start, as a new process would */
	int rc = cli_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(o, 1);
	dup2(e, 2);
	close(o);
	close(e);
	fclose(fo);
	fclose(fe);
	slurp(out, r->out, sizeof r->out);
	slurp(err, r->err, sizeof r->err);
	return rc;
}

/* A PNG file named name in r's directory, its bytes after the header
 * tail; size > 0 makes it that long (sparse). Its path, valid for the
 * next three calls. */
static const char *png(run_t *r, const char *name, const char *tail, long long size)
{
	static char paths[4][512];
	static int turn;
	char *path = paths[turn = (turn + 1) % 4]; /* a few alive at once */
	snprintf(path, sizeof paths[0], "%s/%s", r->dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(PNG, 1, sizeof PNG - 1, f);
	fputs(tail, f);
	fclose(f);
	if (size > 0)
		assert_int_equal(truncate(path, size), 0);
	return path;
}

/* text holds words; else the test fails showing text. */
static void said_in(const char *text, const char *words)
{
	if (!strstr(text, words))
		fail_msg("「%s」 not in: %s", words, text);
}

static long long activity(fixture *fx, const char *unit, const char *name)
{
	return save_record(fx, "activity", unit, "name", name, "held_on", "2016-07-08", NULL);
}

static long long files_on(fixture *fx, long long record)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_attachments WHERE tbl = 'activity' AND record_id = %lld",
		 record);
	return sql_int(fx->path, sql);
}

static int run_setup(void **state)
{
	if (setup(state))
		return -1;
	run_t *r = calloc(1, sizeof *r);
	snprintf(r->dir, sizeof r->dir, "/tmp/kepu-attach-XXXXXX");
	if (!mkdtemp(r->dir))
		return -1;
	fixture *fx = *state;
	void **both = calloc(2, sizeof *both);
	both[0] = fx;
	both[1] = r;
	*state = both;
	return 0;
}

static int run_teardown(void **state)
{
	void **both = *state;
	run_t *r = both[1];
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", r->dir);
	if (system(cmd) != 0)
		return -1;
	free(r);
	*state = both[0];
	free(both);
	return teardown(state);
}

#define FX ((fixture *)((void **)*state)[0])
#define RUN ((run_t *)((void **)*state)[1])

static char *num(long long v)
{
	static char buf[4][24];
	static int i;
	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%lld", v);
	return buf[i];
}

static void add_and_remove_as_a_unit(void **state)
{
	fixture *fx = FX;
	run_t *r = RUN;
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙"),
		  theirs = activity(fx, "长葛市", "展览");
	const char *photo = png(r, "现场照片.png", "photo-1", 0);
	assert_int_equal(kepu(fx, r, "attachments", "add", photo, "--form", "activity", "--record", num(a), "--unit",
			      "魏都区", NULL),
			 0);
	said_in(r->out, "已把「现场照片.png」（PNG，");
	assert_string_equal(r->err, "");
	assert_int_equal(files_on(fx, a), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action = 'attach'"), 1);
	/* the same bytes on the same record, under another name: refused */
	const char *again = png(r, "又一张.png", "photo-1", 0);
	assert_int_equal(kepu(fx, r, "attachments", "add", again, "--form", "activity", "--record", num(a), "--unit",
			      "魏都区", NULL),
			 1);
	said_in(r->err, "「又一张.png」与这条记录已有的附件「现场照片.png」内容完全相同");
	assert_int_equal(files_on(fx, a), 1);
	/* on another record: taken, and said as the 附件 screen says it */
	assert_int_equal(kepu(fx, r, "attachments", "add", photo, "--form", "科普活动", "--record", num(b), "--unit",
			      "魏都区", NULL),
			 0);
	char said[128];
	snprintf(said, sizeof said, "注意：附件「现场照片.png」与第 %lld 号记录的附件内容相同；市科协审核时会看到这一点。", a);
	said_in(r->err, said);
	assert_int_equal(files_on(fx, b), 1);
	/* control: a photo of its own is said nothing */
	assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "乙.png", "photo-2", 0), "--form", "activity",
			      "--record", num(b), "--unit", "魏都区", NULL),
			 0);
	assert_string_equal(r->err, "");
	/* another unit's record: the answer for a missing one; nothing added */
	assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "丙.png", "photo-3", 0), "--form", "activity",
			      "--record", num(theirs), "--unit", "魏都区", NULL),
			 1);
	snprintf(said, sizeof said, "科普活动记录中没有第 %lld 号记录（或不是你可以看到的）", theirs);
	said_in(r->err, said);
	assert_int_equal(files_on(fx, theirs), 0);
	/* remove: another unit's file is a missing one; its own goes, audited */
	long long id = sql_int(fx->path, "SELECT min(id) FROM kp_attachments");
	assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "长葛.png", "photo-4", 0), "--form", "activity",
			      "--record", num(theirs), "--unit", "长葛市", NULL),
			 0);
	long long their_file = sql_int(fx->path, "SELECT max(id) FROM kp_attachments");
	assert_int_equal(kepu(fx, r, "attachments", "remove", num(their_file), "--unit", "魏都区", NULL), 1);
	said_in(r->err, "本单位的附件中没有第");
	assert_int_equal(files_on(fx, theirs), 1);
	assert_int_equal(kepu(fx, r, "attachments", "remove", num(id), "--unit", "魏都区", NULL), 0);
	said_in(r->out, "已删除第");
	said_in(r->out, "「现场照片.png」");
	assert_int_equal(files_on(fx, a), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_audit WHERE action = 'detach'"), 1);
	/* wrong usage: which record, what number */
	assert_int_equal(kepu(fx, r, "attachments", "add", photo, "--unit", "魏都区", NULL), 2);
	said_in(r->err, "--form FORM --record N");
	assert_int_equal(kepu(fx, r, "attachments", "remove", "1x", NULL), 2);
	assert_int_equal(kepu(fx, r, "attachments", "add", photo, "--form", "talent", "--record", "1", NULL), 1);
	said_in(r->err, "的记录不带附件");
}

static void bounds_are_named(void **state)
{
	fixture *fx = FX;
	run_t *r = RUN;
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙");
	const char *id = num(a);
	/* size: 20 MiB is the form's bound; refused before a byte is read */
	const char *big = png(r, "big.png", "", 20LL * 1024 * 1024 + 1);
	assert_int_equal(kepu(fx, r, "attachments", "add", big, "--form", "activity", "--record", id, "--unit", "魏都区",
			      NULL),
			 1);
	said_in(r->err, "超过了每个附件 20 MiB 的上限");
	const char *full = png(r, "full.png", "", 20LL * 1024 * 1024); /* control: at the bound */
	assert_int_equal(kepu(fx, r, "attachments", "add", full, "--form", "activity", "--record", id, "--unit", "魏都区",
			      NULL),
			 0);
	/* name: 160 bytes at most, never cut */
	char name[256] = "", path[512];
	for (int i = 0; i < 54; i++)
		strcat(name, "照"); /* 162 bytes */
	strcat(name, ".png");
	snprintf(path, sizeof path, "%s", png(r, name, "long", 0));
	assert_int_equal(kepu(fx, r, "attachments", "add", path, "--form", "activity", "--record", id, "--unit",
			      "魏都区", NULL),
			 1);
	said_in(r->err, "文件名过长：最多 160 个字节");
	name[0] = '\0';
	for (int i = 0; i < 52; i++)
		strcat(name, "照"); /* 156 bytes and .png: 160 */
	strcat(name, ".png");
	snprintf(path, sizeof path, "%s", png(r, name, "long", 0));
	assert_int_equal(kepu(fx, r, "attachments", "add", path, "--form", "activity", "--record", id, "--unit",
			      "魏都区", NULL),
			 0);
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_attachments WHERE name = '%s'", name);
	assert_int_equal(sql_int(fx->path, sql), 1); /* kept whole */
	/* files per record: 10 */
	for (int i = files_on(fx, a); i < 10; i++) {
		char tail[16];
		snprintf(tail, sizeof tail, "n%d", i);
		assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "n.png", tail, 0), "--form", "activity",
				      "--record", id, "--unit", "魏都区", NULL),
				 0);
	}
	assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "n.png", "eleventh", 0), "--form", "activity",
			      "--record", id, "--unit", "魏都区", NULL),
			 1);
	said_in(r->err, "这条记录已有 10 个附件，达到了上限");
	assert_int_equal(files_on(fx, a), 10);
	/* what is no file of an accepted type */
	assert_int_equal(kepu(fx, r, "attachments", "add", r->dir, "--form", "activity", "--record", num(b), "--unit",
			      "魏都区", NULL),
			 1);
	said_in(r->err, "不是普通文件");
	snprintf(path, sizeof path, "%s/假照片.png", r->dir);
	FILE *f = fopen(path, "w");
	fputs("这不是照片\n", f);
	fclose(f);
	assert_int_equal(kepu(fx, r, "attachments", "add", path, "--form", "activity", "--record", num(b), "--unit",
			      "魏都区", NULL),
			 1);
	said_in(r->err, "「假照片.png」不是可以作为附件的文件");
	assert_int_equal(kepu(fx, r, "attachments", "add", fx->path, "--form", "activity", "--record", num(b), NULL), 1);
	said_in(r->err, "是 kepu 的数据库（或其链接、-wal/-shm/-journal 文件），不能作为附件"); /* t7h #10 */
	assert_int_equal(files_on(fx, b), 0);
}

/* A submitted record's files, and a closed year's, stay as they are. */
static void submitted_and_closed_refused(void **state)
{
	fixture *fx = FX;
	run_t *r = RUN;
	const kp_form *act = catalog_form(&fx->env.cat, "activity");
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙");
	assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "甲.png", "a", 0), "--form", "activity", "--record",
			      num(a), "--unit", "魏都区", NULL),
			 0);
	long long file = sql_int(fx->path, "SELECT max(id) FROM kp_attachments");
	char *err = NULL;
	assert_int_equal(review_apply(&fx->env, act, a, REV_SUBMIT, NULL, &err), 0);
	assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "乙.png", "b", 0), "--form", "activity", "--record",
			      num(a), "--unit", "魏都区", NULL),
			 1);
	said_in(r->err, "已提交");
	assert_int_equal(kepu(fx, r, "attachments", "remove", num(file), "--unit", "魏都区", NULL), 1);
	said_in(r->err, "已提交");
	assert_int_equal(files_on(fx, a), 1);
	/* the year closed: the draft b takes none either (control: before) */
	assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "丙.png", "c", 0), "--form", "activity", "--record",
			      num(b), "--unit", "魏都区", NULL),
			 0);
	kp_store *city;
	if (store_open(fx->path, &city, &err) != KP_OK || store_session(city, SESSION_CITY, "shi", 0, &err) != KP_OK ||
	    store_set_year(city, 2016, &err) != KP_OK || store_year_close(city, 2016, true, &err) != KP_OK)
		fail_msg("%s", err ? err : "");
	store_close(city);
	assert_int_equal(kepu(fx, r, "attachments", "add", png(r, "丁.png", "d", 0), "--form", "activity", "--record",
			      num(b), "--unit", "魏都区", NULL),
			 1);
	said_in(r->err, "2016 年度已由市科协结束");
	assert_int_equal(files_on(fx, b), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(add_and_remove_as_a_unit, run_setup, run_teardown),
		cmocka_unit_test_setup_teardown(bounds_are_named, run_setup, run_teardown),
		cmocka_unit_test_setup_teardown(submitted_and_closed_refused, run_setup, run_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
