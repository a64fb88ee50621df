/* SPDX-License-Identifier: MulanPSL-2.0 */
/* What draw.c puts on a screen, read back from a curses screen written to
 * /dev/null (no terminal): wrapped text longer than its rows runs on in the
 * last and is cut there with 「>」 (the rest was dropped unsaid: a status
 * or a hint of three lines showed two); text that fits has no mark. */
#include "unit.h"

#include <curses.h>
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

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_left_over),
		cmocka_unit_test(path_wrapped_whole),
		cmocka_unit_test(said_before_handover),
	};
	return cmocka_run_group_tests(tests, open_screen, close_screen);
}
