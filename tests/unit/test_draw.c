/* SPDX-License-Identifier: MulanPSL-2.0 */
/* What draw.c puts on a screen, read back from a curses screen written to
 * /dev/null (no terminal): wrapped text longer than its rows runs on in the
 * last and is cut there with 「>」 (the rest was dropped unsaid: a status
 * or a hint of three lines showed two); text that fits has no mark. */
#include "unit.h"

#include <curses.h>
#include <pthread.h>
#include <pty.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "ui/draw.h"
#include "ui/handover.h"

static SCREEN *screen;
static FILE *out, *in;

static int open_screen(void **state)
{
	(void)state;
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	screen = out && in ? newterm("xterm", out, in) : NULL;
	if (!screen)
		return -1;
	set_term(screen);
	resizeterm(24, 80);
	return 0;
}

static int close_screen(void **state)
{
	(void)state;
	endwin();
	delscreen(screen);
	fclose(out);
	fclose(in);
	return 0;
}

/* Row y from column 0, its trailing blanks dropped, as UTF-8. */
static const char *row(int y)
{
	static char text[512];
	wchar_t w[128];
	mvinnwstr(y, 0, w, 80);
	size_t n = wcslen(w);
	while (n && w[n - 1] == L' ')
		w[--n] = 0;
	wcstombs(text, w, sizeof text);
	return text;
}

static void rows_left_over(void **state)
{
	(void)state;
	erase();
	/* 60 characters, 20 cells a line, 2 lines */
	const char *long_text = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
	assert_int_equal(draw_wrapped(0, 0, 20, 2, long_text, A_NORMAL), 2);
	assert_string_equal(row(0), "一二三四五六七八九十");
	assert_string_equal(row(1), "一二三四五六七八九>");
	assert_string_equal(row(2), "");
	/* the control: what fits its rows has no mark */
	erase();
	assert_int_equal(draw_wrapped(0, 0, 20, 2, "一二三四五六七八九十一二三", A_NORMAL), 2);
	assert_string_equal(row(1), "一二三");
	/* a newline left over runs on as a space, cut the same way */
	erase();
	draw_wrapped(0, 0, 20, 1, "第一行\n第二行第二行第二行第二行", A_NORMAL);
	assert_string_equal(row(0), "第一行 第二行第二行>");
}

/* The exchange folder over as many lines as it takes (it was cut at one:
 * 「…another-very-long-level-of-dir>」): each line ends after a '/', none
 * starts with one, no folder name is broken. */
static void path_wrapped_whole(void **state)
{
	(void)state;
	erase();
	const char *line = "交换文件夹：/tmp/t80b/长目录名称用于测试换行/another-very-long-level-of-dir/"
			   "another-very-long-level-of-dir/exchange/weidu/";
	assert_int_equal(draw_wrapped(0, 2, 70, 4, line, A_NORMAL), 3);
	assert_string_equal(row(0), "  交换文件夹：/tmp/t80b/长目录名称用于测试换行/");
	assert_string_equal(row(1), "  another-very-long-level-of-dir/another-very-long-level-of-dir/");
	assert_string_equal(row(2), "  exchange/weidu/");
}

/* What kepu says on the bare terminal before ZMODEM, in lines broken as
 * a screen breaks them: the terminal's own wrap cut 「最大 20 M」「iB」. */
static void said_before_handover(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	handover_wrap(f, 79, "kepu 正在等待本机发送一个文件（ZMODEM）：请在终端弹出的窗口中选择文件（最大 20 MiB）。"
			     "终端没有弹出窗口时，连按五次 Ctrl-X 取消。");
	fclose(f);
	assert_string_equal(buf, "kepu 正在等待本机发送一个文件（ZMODEM）：请在终端弹出的窗口中选择文件（最大\r\n"
				 "20 MiB）。终端没有弹出窗口时，连按五次 Ctrl-X 取消。\r\n");
	free(buf);
}

/* A ZMODEM sender still streaming after a cancel: one byte every 2 ms on
 * the line for count bytes, then the line quiet. */
struct sender {
	int fd, count;
	atomic_bool done, stop;
};

static void *send_bytes(void *arg)
{
	struct sender *s = arg;
	struct timespec gap = {0, 2000000};
	for (int i = 0; i < s->count && !atomic_load(&s->stop); i++) {
		if (write(s->fd, "\0", 1) != 1)
			break;
		nanosleep(&gap, NULL);
	}
	atomic_store(&s->done, true);
	return NULL;
}

static int busy_calls;
static void count_busy(void) { busy_calls++; }

/* Drain the pty's slave while a sender writes count bytes to its master. */
static int drain_while_sending(int count, int max_ms, bool *sender_done)
{
	int master, slave;
	assert_int_equal(openpty(&master, &slave, NULL, NULL, NULL), 0);
	struct termios raw;
	tcgetattr(slave, &raw);
	cfmakeraw(&raw);
	tcsetattr(slave, TCSANOW, &raw);
	struct sender s = {master, count, false, false};
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, send_bytes, &s), 0);
	busy_calls = 0;
	int rc = handover_drain(slave, 300, max_ms, count_busy);
	*sender_done = atomic_load(&s.done);
	atomic_store(&s.stop, true);
	pthread_join(t, NULL);
	close(slave);
	close(master);
	return rc;
}

/* The drain lasts while the sender does, however many reads that takes
 * (it stopped after 100 reads: the rest of a 20 MiB file was read as keys
 * and the refusal drawn into the terminal's ZMODEM session, unseen), and
 * says the cancel again while it goes on. */
static void drain_outlasts_the_sender(void **state)
{
	(void)state;
	bool done;
	assert_int_equal(drain_while_sending(600, 60000, &done), 0);
	assert_true(done);
	assert_true(busy_calls >= 1);
}

/* ... for max_ms at most: a line that never falls quiet is given up. */
static void drain_bounded(void **state)
{
	(void)state;
	bool done;
	assert_int_equal(drain_while_sending(100000, 400, &done), -1);
	assert_false(done);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_left_over),
		cmocka_unit_test(path_wrapped_whole),
		cmocka_unit_test(said_before_handover),
		cmocka_unit_test(drain_outlasts_the_sender),
		cmocka_unit_test(drain_bounded),
	};
	return cmocka_run_group_tests(tests, open_screen, close_screen);
}
