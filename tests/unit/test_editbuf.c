/* SPDX-License-Identifier: MulanPSL-2.0 */
/* core/editbuf: the field editor's state, key by key, with CJK widths. */
#include "unit.h"

#include "core/editbuf.h"

static char *text(const editbuf *b) { return eb_text(b); }

static void assert_text(const editbuf *b, const char *want)
{
	char *t = text(b);
	assert_string_equal(t, want);
	free(t);
}

static void test_insert_middle_and_backspace_whole_char(void **state)
{
	(void)state;
	editbuf b;
	eb_init(&b, 0, false);
	eb_set(&b, "张三");
	eb_left(&b);
	assert_true(eb_insert(&b, 0x5C0F)); /* 小 */
	assert_text(&b, "张小三");
	assert_true(eb_backspace(&b));
	assert_text(&b, "张三");
	eb_home(&b);
	assert_false(eb_backspace(&b));
	assert_true(eb_delete(&b));
	assert_text(&b, "三");
	eb_end(&b);
	assert_false(eb_delete(&b));
	eb_free(&b);
}

static void test_max_chars_counts_characters(void **state)
{
	(void)state;
	editbuf b;
	eb_init(&b, 3, false);
	assert_true(eb_insert(&b, 0x4E2D));
	assert_true(eb_insert(&b, 0x6587));
	assert_true(eb_insert(&b, 'a'));
	assert_false(eb_insert(&b, 'b')); /* 3 characters, 7 bytes */
	assert_text(&b, "中文a");
	eb_free(&b);
}

static void test_refuses_controls_and_newline_in_single_line(void **state)
{
	(void)state;
	editbuf b;
	eb_init(&b, 0, false);
	assert_false(eb_insert(&b, '\n'));
	assert_false(eb_insert(&b, 0x1B));
	assert_false(eb_insert(&b, 0x202E));
	assert_false(eb_insert(&b, 0xD800));
	assert_int_equal(b.len, 0);
	eb_set(&b, "a\x1b" "b");
	assert_text(&b, "a?b"); /* stored text is shown, never interpreted */
	eb_free(&b);
}

static void test_horizontal_scroll_by_cells(void **state)
{
	(void)state;
	editbuf b;
	eb_init(&b, 0, false);
	eb_set(&b, "一二三四五六七八九十");
	/* width 9: the cursor cell after 十 must be visible */
	int col = eb_view(&b, 9);
	assert_true(col <= 8);
	assert_int_equal(b.hscroll, 6);
	assert_int_equal(col, 8);
	eb_home(&b);
	col = eb_view(&b, 9);
	assert_int_equal(b.hscroll, 0);
	assert_int_equal(col, 0);
	eb_free(&b);
}

/* A window onto a scrolled buffer: 「<」 marks the hidden start (a long
 * reason typed on the status line scrolled with nothing said); numbers
 * are right-aligned with the cursor after them (「100  1a0」 was left). */
static void test_laid_in_a_window(void **state)
{
	(void)state;
	editbuf b;
	eb_init(&b, 0, false);
	eb_set(&b, "一二三");
	eb_line l = eb_lay(&b, 10, false);
	assert_false(l.mark); /* control: all shows */
	assert_int_equal(l.lead, 0);
	assert_int_equal(l.cursor, 6);
	eb_set(&b, "一二三四五六七八九十");
	l = eb_lay(&b, 10, false);
	assert_true(l.mark);
	assert_int_equal(l.lead, 1);
	assert_true(l.cursor <= 9); /* in the window, after the mark */
	assert_true(b.hscroll >= 6);
	eb_home(&b);
	l = eb_lay(&b, 10, false);
	assert_false(l.mark);
	assert_int_equal(l.cursor, 0);
	/* right: 「1a0」 in 8 cells ends at the last, the cursor past it */
	eb_set(&b, "1a0");
	l = eb_lay(&b, 8, true);
	assert_false(l.mark);
	assert_int_equal(l.lead, 5);
	assert_int_equal(l.cursor, 8);
	eb_left(&b); /* on the 0: the cursor on it */
	l = eb_lay(&b, 8, true);
	assert_int_equal(l.cursor, 7);
	eb_set(&b, "12345678"); /* the window full: the cursor stands past it */
	l = eb_lay(&b, 8, true);
	assert_false(l.mark);
	assert_int_equal(l.lead, 0);
	assert_int_equal(l.cursor, 8);
	eb_free(&b);
}

static void test_kill_and_clear(void **state)
{
	(void)state;
	editbuf b;
	eb_init(&b, 0, true);
	eb_set(&b, "第一行\n第二行");
	b.cur = 1;
	eb_kill_to_end(&b);
	assert_text(&b, "第\n第二行");
	eb_kill_to_end(&b); /* at a line end: joins the next line */
	assert_text(&b, "第第二行");
	eb_clear(&b);
	assert_text(&b, "");
	eb_free(&b);
}

static void test_wrap_and_vertical_moves(void **state)
{
	(void)state;
	editbuf b;
	eb_init(&b, 0, true);
	eb_set(&b, "一二三四五\nab");
	eb_row *rows;
	size_t n = eb_wrap(&b, 6, &rows); /* 3 CJK per row */
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].end - rows[0].start, 3);
	assert_int_equal(rows[1].end - rows[1].start, 2);
	assert_int_equal(rows[2].end - rows[2].start, 2);
	free(rows);
	b.cur = 1; /* after 一: column 2 */
	assert_true(eb_down(&b, 6));
	assert_int_equal(b.cur, 4); /* after 四 */
	assert_true(eb_down(&b, 6));
	assert_int_equal(b.cur, 8); /* "ab": column 2 */
	assert_false(eb_down(&b, 6));
	assert_true(eb_up(&b, 6));
	assert_true(eb_up(&b, 6));
	assert_false(eb_up(&b, 6));
	assert_true(eb_insert(&b, '\n'));
	eb_free(&b);
}

/* A field entered with a value: typing replaces it, a cursor key edits it. */
static void test_selection_replaces_or_edits(void **state)
{
	(void)state;
	editbuf b;
	eb_init(&b, 3, false);
	eb_set(&b, "120");
	eb_select_all(&b);
	assert_true(b.sel);
	assert_true(eb_insert(&b, '2')); /* a full buffer takes the key: it replaces */
	assert_text(&b, "2");
	assert_false(b.sel);
	assert_true(eb_insert(&b, '0'));
	assert_text(&b, "20");

	eb_set(&b, "李秀兰");
	eb_select_all(&b);
	eb_left(&b); /* editing in place, before the last character */
	assert_false(b.sel);
	assert_int_equal(b.cur, 2);
	assert_true(eb_delete(&b));
	assert_text(&b, "李秀");
	eb_set(&b, "李秀兰");

	eb_set(&b, "李秀兰");
	eb_select_all(&b);
	eb_right(&b);
	assert_int_equal(b.cur, 3);
	assert_true(eb_backspace(&b)); /* one character, not the selection */
	assert_text(&b, "李秀");

	eb_select_all(&b);
	eb_home(&b);
	assert_false(b.sel);
	assert_int_equal(b.cur, 0);
	eb_select_all(&b);
	eb_end(&b);
	assert_int_equal(b.cur, 2);

	eb_select_all(&b);
	assert_true(eb_backspace(&b)); /* Backspace on a selection fixes its last character */
	assert_text(&b, "李");
	assert_false(b.sel);
	assert_true(eb_insert(&b, '4')); /* typed after it, not in place of it */
	assert_text(&b, "李4");
	eb_select_all(&b);
	assert_true(eb_delete(&b)); /* Del on a selection empties the field */
	assert_text(&b, "");
	eb_select_all(&b);
	assert_false(b.sel); /* nothing to select */

	eb_set(&b, "0");
	eb_select_all(&b);
	eb_kill_to_end(&b);
	assert_text(&b, "");
	eb_free(&b);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_middle_and_backspace_whole_char),
		cmocka_unit_test(test_max_chars_counts_characters),
		cmocka_unit_test(test_refuses_controls_and_newline_in_single_line),
		cmocka_unit_test(test_horizontal_scroll_by_cells),
		cmocka_unit_test(test_kill_and_clear),
		cmocka_unit_test(test_laid_in_a_window),
		cmocka_unit_test(test_wrap_and_vertical_moves),
		cmocka_unit_test(test_selection_replaces_or_edits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
