/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Saves of the same new record at the same moment (two clerks' F2, two
 * `kepu save`): real processes on one database file, released together.
 * The duplicate check and the insert are one write transaction, so exactly
 * one is saved unmarked and every other is told of it, as a second save
 * made afterwards is; with confirmation (--force) each is saved and marked. */
#include "unit_env.h"

#include <sys/wait.h>
#include <unistd.h>

#include "core/clock.h"
#include "domain/save.h"

#define RACERS 6
#define ROUNDS 20

/* A valid 科普活动记录 of 魏都区 held on day (each round its own day: the
 * same day with another name would be a near repeat, near_hint). */
static const char *activity_raw[][2] = {
	{"name", "并发活动"}, {"held_on", NULL}, {"form", "科普报告"}, {"targets", "校园"},
	{"place", "某地"}, {"participants", "30"},
};

/* A racer that could not start still answers (the parent waits for all). */
static int unready(int ready, int code)
{
	char c = 0;
	return write(ready, &c, 1) == 1 ? code : code + 1;
}

/* One racer: its own connection, signed in as 魏都区, says it is ready,
 * waits on go, saves; its exit status is the save's kp_save_status (+ 10
 * when marked). */
static int racer(const char *path, const char *day, bool confirmed, int ready, int go)
{
	kp_env e = {0};
	kp_diag d = {0};
	char *err = NULL;
	if (env_load_definitions(&e, NULL, NULL, &d) || env_open_db(&e, path, false, &err))
		return unready(ready, 99);
	diag_free(&d);
	if (store_session(e.store, SESSION_UNIT, "wd", store_unit_id(e.store, "魏都区"), &err) != KP_OK)
		return unready(ready, 98);
	const kp_form *f = catalog_form(&e.cat, "activity");
	const char **raw = calloc(f->nfields, sizeof *raw);
	for (size_t i = 0; i < sizeof activity_raw / sizeof activity_raw[0]; i++) {
		int k = form_field_index(f, activity_raw[i][0]);
		if (k < 0)
			return unready(ready, 97);
		raw[k] = activity_raw[i][1] ? activity_raw[i][1] : day;
	}
	kp_record rec;
	record_init(&rec, f->nfields);
	rec.unit_id = store_unit_id(e.store, "魏都区");
	kp_save_opts o = {.check_duplicates = true, .dup_confirmed = confirmed};
	kp_save_result res;
	char c = 1;
	if (write(ready, &c, 1) != 1 || read(go, &c, 1) != 0) /* the start: go's write end closed */
		return 96;
	int st = (int)record_save(&e, f, &rec, raw, &o, &res) + (res.marked ? 10 : 0);
	save_result_free(&res);
	record_free(&rec);
	free(raw);
	env_close(&e);
	return st;
}

/* RACERS processes save the same activity at once; how many ended with
 * each status (counts[SAVE_OK] …, counts[10 + SAVE_OK] marked). */
static void race(fixture *fx, const char *day, bool confirmed, int counts[32])
{
	int go[2], ready[2];
	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(ready), 0);
	pid_t pid[RACERS];
	for (int i = 0; i < RACERS; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0) {
			close(go[1]);
			close(ready[0]);
			_exit(racer(fx->path, day, confirmed, ready[1], go[0]));
		}
	}
	close(go[0]);
	close(ready[1]);
	char c;
	for (int i = 0; i < RACERS; i++) /* every racer has its connection open */
		assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	close(go[1]);
	memset(counts, 0, 32 * sizeof *counts);
	for (int i = 0; i < RACERS; i++) {
		int ws;
		assert_int_equal(waitpid(pid[i], &ws, 0), pid[i]);
		assert_true(WIFEXITED(ws));
		int st = WEXITSTATUS(ws);
		assert_true(st < 32);
		counts[st]++;
	}
}

static long long stored(fixture *fx, const char *day)
{
	char *sql = sqlite3_mprintf("SELECT count(*) FROM activity WHERE held_on = %Q", day);
	long long n = sql_int(fx->path, sql);
	sqlite3_free(sql);
	return n;
}

/* Unconfirmed: one saved, the others told (SAVE_DUPLICATE), no mark. */
static void test_parallel_saves_one_stored(void **state)
{
	fixture *fx = *state;
	for (int round = 0; round < ROUNDS; round++) {
		char day[24];
		snprintf(day, sizeof day, "2016-08-%02d", round + 1);
		int counts[32];
		race(fx, day, false, counts);
		assert_int_equal(stored(fx, day), 1);
		assert_int_equal(counts[SAVE_OK], 1);
		assert_int_equal(counts[SAVE_DUPLICATE], RACERS - 1);
	}
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
}

/* Confirmed (--force): all saved (positive control: the racers do write
 * at once), every one but the first marked for the city. */
static void test_parallel_confirmed_saves_marked(void **state)
{
	fixture *fx = *state;
	int counts[32];
	race(fx, "2016-08-20", true, counts);
	assert_int_equal(stored(fx, "2016-08-20"), RACERS);
	assert_int_equal(counts[10 + SAVE_OK], RACERS);
	/* the first saved has nothing to repeat; each later one marks the earlier */
	assert_int_equal(sql_int(fx->path, "SELECT count(DISTINCT id) FROM kp_duplicates"), RACERS - 1);
}

int main(void)
{
	clock_set_today("2016-09-01"); /* inside the 2016 programme year */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_parallel_saves_one_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parallel_confirmed_saves_marked, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
