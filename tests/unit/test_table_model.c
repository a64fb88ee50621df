/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 附表1's table model driven by keys with no terminal: the seed's quotas
 * and 合计, a quota typed into a cell and saved through the one save path,
 * a refused value kept out of the database, a cell that refuses (and
 * says so) what its bounds do not allow, Tab and the arrows, the rows that
 * fit at 80x24 with a mark for the rest, and a unit's session that may
 * only read (no 修改 offered). */
#include "unit_env.h"

#include "model_keys.h"
#include "ui/table_model.h"

/* 80x24: lines 1..20 are the body; one is the header */
#define LINES_80x24 19

typedef struct {
	fixture *fx;
	tbm_ctx c;
	table_model m;
} story;

static mr_result type(story *s, const char *text)
{
	mr_result r = {MR_HANDLED, false, ""};
	TYPE_KEYS(text, r = tbm_key(&s->m, &s->c, k));
	return r;
}

static long long quota(story *s, int seq, const char *col)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT q.%s FROM quota q JOIN units u ON u.id = q.unit_id WHERE u.seq = %d", col, seq);
	return sql_int(s->fx->path, sql);
}

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (tbm_ctx){&s->fx->env, 0};
	*state = s;
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	tbm_free(&s->m);
	return story_free(s);
}

static void open_table(story *s)
{
	mr_result r = tbm_init(&s->m, &s->c, catalog_form(&s->fx->env.cat, "quota"));
	assert_int_equal(r.kind, MR_HANDLED);
}

static void edit_and_save(void **state)
{
	story *s = *state;
	open_table(s);
	assert_int_equal(s->m.n, 19);
	assert_true(s->m.may_write);
	assert_string_equal(s->m.total[0], "1170");
	assert_string_equal(s->m.total[1], "134");
	tbm_key(&s->m, &s->c, FN(KEY_DOWN));
	tbm_key(&s->m, &s->c, TAB); /* Tab moves right, as the arrow does */
	assert_int_equal(s->m.row, 1);
	assert_int_equal(s->m.col, 1);
	assert_string_equal(s->m.rows[1].unit_name, "长葛市");
	/* typing replaces the value; Enter saves and moves down */
	assert_int_equal(type(s, "12").kind, MR_HANDLED);
	assert_int_equal(s->m.mode, TBM_EDIT);
	mr_result r = tbm_key(&s->m, &s->c, ENTER);
	assert_int_equal(r.kind, MR_SAVED);
	assert_string_equal(r.text, "已保存：长葛市 科普活动 = 12");
	assert_int_equal(quota(s, 2, "activity"), 12);
	assert_int_equal(quota(s, 2, "version"), 2);
	assert_string_equal(s->m.total[1], "136");
	assert_int_equal(s->m.row, 2);
	assert_int_equal(s->m.mode, TBM_BROWSE);
	/* a negative quota is refused whole, the cell kept for correcting (the
	 * minus is no keystroke refusal: 3 alone was never meant); Esc gives it up */
	type(s, "-3");
	r = tbm_key(&s->m, &s->c, ENTER);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_non_null(strstr(r.text, "不能小于 0"));
	assert_int_equal(s->m.mode, TBM_EDIT);
	assert_int_equal(quota(s, 3, "activity"), 10);
	assert_int_equal(tbm_key(&s->m, &s->c, ESC).kind, MR_HANDLED);
	assert_int_equal(s->m.mode, TBM_BROWSE);
	assert_int_equal(quota(s, 3, "activity"), 10);
	/* Tab in a cell saves it, as Enter does, and goes on to the next cell */
	type(s, "11");
	assert_int_equal(tbm_key(&s->m, &s->c, TAB).kind, MR_SAVED);
	assert_int_equal(quota(s, 3, "activity"), 11);
	assert_int_equal(s->m.mode, TBM_EDIT);
	assert_int_equal(s->m.col, 2);
	assert_int_equal(tbm_key(&s->m, &s->c, ESC).kind, MR_HANDLED);
	assert_int_equal(tbm_key(&s->m, &s->c, ESC).kind, MR_CLOSE);
}

/* The tester's spreadsheet habit, 110 ↓ 90 ↵: the arrow saves 110 in
 * 魏都区 and enters 长葛市's cell with its value selected, so 90 replaces
 * it (11090 was saved before). Tab, Shift-Tab and the side arrows go the
 * same way along a row, on to the next row from its last cell. */
static void arrows_save_and_move(void **state)
{
	story *s = *state;
	open_table(s);
	type(s, "110");
	mr_result r = tbm_key(&s->m, &s->c, FN(KEY_DOWN));
	assert_int_equal(r.kind, MR_SAVED);
	assert_string_equal(r.text, "已保存：魏都区 科普人才 = 110");
	assert_int_equal(s->m.mode, TBM_EDIT);
	assert_int_equal(s->m.row, 1);
	assert_true(s->m.cell.sel); /* entered with its value selected */
	type(s, "90");
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 1, "talent"), 110);
	assert_int_equal(quota(s, 2, "talent"), 90);
	assert_int_equal(s->m.row, 2); /* Enter: down, the edit ended */
	assert_int_equal(s->m.mode, TBM_BROWSE);
	/* Up saves and goes up */
	type(s, "7");
	assert_int_equal(tbm_key(&s->m, &s->c, FN(KEY_UP)).kind, MR_SAVED);
	assert_int_equal(s->m.row, 1);
	type(s, "91");
	/* Right: saved, the next column; Left back, Shift-Tab to the row above's last */
	assert_int_equal(tbm_key(&s->m, &s->c, FN(KEY_RIGHT)).kind, MR_SAVED);
	assert_int_equal(quota(s, 3, "talent"), 7);
	assert_int_equal(quota(s, 2, "talent"), 91);
	assert_int_equal(s->m.col, 1);
	type(s, "5");
	tbm_key(&s->m, &s->c, FN(KEY_LEFT));
	assert_int_equal(quota(s, 2, "activity"), 5);
	assert_int_equal(s->m.col, 0);
	assert_int_equal(tbm_key(&s->m, &s->c, FN(KEY_BTAB)).kind, MR_HANDLED); /* unchanged: said */
	assert_int_equal(s->m.row, 0);
	assert_int_equal(s->m.col, 3);
	/* Tab from a row's last cell: the next row's first, not round to this row's */
	type(s, "4");
	tbm_key(&s->m, &s->c, TAB);
	assert_int_equal(s->m.row, 1);
	assert_int_equal(s->m.col, 0);
	assert_int_equal(quota(s, 1, "project"), 4);
	/* a value refused stays in its cell, selected: the arrow does not move */
	type(s, "123456");
	r = tbm_key(&s->m, &s->c, FN(KEY_DOWN));
	assert_int_equal(r.kind, MR_REFUSED);
	assert_int_equal(s->m.row, 1);
	assert_int_equal(s->m.mode, TBM_EDIT);
	assert_true(s->m.cell.sel);
	assert_int_equal(quota(s, 2, "talent"), 91);
	assert_int_equal(tbm_key(&s->m, &s->c, ESC).kind, MR_HANDLED);
}

/* Down in the last unit's cell: saved, and the edit ends there with a
 * note; the cursor stays on that cell and the digits typed next start
 * editing it, as typing does in every other state (t80h h10: 12 ↑ 13
 * refused the 13 with 「要改这一格请先按 Enter」). */
/* t80j j9: the side arrows stop at a row's ends (99 ← 98 at a row's first
 * cell saved the 98 in the unit above, unseen); Tab goes on to the next
 * unit's first cell and says whose it is; Left in a row's first cell of
 * the table does not come round to its last. */
static void side_arrows_keep_the_row(void **state)
{
	story *s = *state;
	open_table(s);
	size_t nf = s->m.form->nfields;
	tbm_key(&s->m, &s->c, FN(KEY_HOME));
	tbm_key(&s->m, &s->c, FN(KEY_DOWN));
	tbm_key(&s->m, &s->c, FN(KEY_LEFT));
	assert_int_equal(s->m.col, 0);
	long long above = quota(s, 1, s->m.form->fields[nf - 1].id);
	type(s, "99");
	mr_result r = tbm_key(&s->m, &s->c, FN(KEY_LEFT));
	assert_int_equal(r.kind, MR_SAVED);
	assert_non_null(strstr(r.text, "左边没有了"));
	assert_int_equal(s->m.row, 1);
	assert_int_equal(s->m.col, 0);
	type(s, "98");
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 2, s->m.form->fields[0].id), 98);
	assert_int_equal(quota(s, 1, s->m.form->fields[nf - 1].id), above); /* the unit above untouched */
	/* the row's last cell: Right stops, Tab goes on and names the unit */
	tbm_key(&s->m, &s->c, FN(KEY_UP));
	for (size_t i = 0; i < nf; i++)
		tbm_key(&s->m, &s->c, FN(KEY_RIGHT));
	assert_int_equal(s->m.col, nf - 1); /* browsing stops there too */
	type(s, "4");
	r = tbm_key(&s->m, &s->c, FN(KEY_RIGHT));
	assert_non_null(strstr(r.text, "右边没有了"));
	assert_int_equal(s->m.row, 1);
	assert_int_equal(s->m.col, nf - 1);
	type(s, "5");
	r = tbm_key(&s->m, &s->c, TAB);
	char said[160];
	snprintf(said, sizeof said, "；已到「%s」的「%s」", s->m.rows[2].unit_name, s->m.form->fields[0].label);
	assert_non_null(strstr(r.text, said));
	assert_int_equal(s->m.row, 2);
	assert_int_equal(s->m.col, 0);
	assert_int_equal(quota(s, 2, s->m.form->fields[nf - 1].id), 5);
	/* control: Ctrl-B in a cell moves the cursor, it saves nothing */
	type(s, "7");
	assert_int_equal(tbm_key(&s->m, &s->c, CTRL('B')).kind, MR_HANDLED);
	assert_int_equal(s->m.mode, TBM_EDIT);
	assert_int_equal(s->m.col, 0);
}

/* t80j: a paste into 附表1 was dropped without a word. One number goes
 * into the cell in place of its value (saved by Enter); a row of cells, a
 * letter among the digits or too many digits is refused whole. */
static void paste_one_number(void **state)
{
	story *s = *state;
	open_table(s);
	tbm_key(&s->m, &s->c, FN(KEY_HOME));
	long long was = quota(s, 1, "talent");
	mr_result r = tbm_paste(&s->m, "90\t12\t10");
	assert_int_equal(r.kind, MR_REFUSED);
	assert_non_null(strstr(r.text, "有 3 格"));
	r = tbm_paste(&s->m, "1a0");
	assert_int_equal(r.kind, MR_REFUSED);
	r = tbm_paste(&s->m, "1234567");
	assert_int_equal(r.kind, MR_REFUSED);
	assert_non_null(strstr(r.text, "最多"));
	assert_int_equal(s->m.mode, TBM_BROWSE);
	assert_int_equal(quota(s, 1, "talent"), was);
	r = tbm_paste(&s->m, " 120\r\n");
	assert_int_equal(r.kind, MR_HANDLED);
	assert_int_equal(s->m.mode, TBM_EDIT);
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 1, "talent"), 120);
	/* into a cell being typed: at the cursor, as a form's field takes it */
	tbm_key(&s->m, &s->c, FN(KEY_HOME));
	type(s, "1");
	assert_int_equal(tbm_paste(&s->m, "05").kind, MR_HANDLED);
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 1, "talent"), 105);
}

static void arrow_at_edge(void **state)
{
	story *s = *state;
	open_table(s);
	tbm_key(&s->m, &s->c, FN(KEY_END));
	type(s, "33");
	mr_result r = tbm_key(&s->m, &s->c, FN(KEY_DOWN));
	assert_int_equal(r.kind, MR_SAVED);
	assert_string_equal(r.text, "已保存：中小企业家协会 科普人才 = 33；下面没有单位了");
	assert_int_equal(s->m.mode, TBM_BROWSE);
	assert_int_equal(s->m.row, 18);
	assert_int_equal(quota(s, 19, "talent"), 33);
	r = type(s, "90");
	assert_int_equal(r.kind, MR_HANDLED);
	assert_int_equal(s->m.mode, TBM_EDIT);
	char *v = eb_text(&s->m.cell);
	assert_string_equal(v, "90"); /* typing replaced 33, as on a fresh screen */
	free(v);
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 19, "talent"), 90);
	/* the tester's 12 ↑ 13 in the first unit's 科普活动 */
	tbm_key(&s->m, &s->c, FN(KEY_HOME));
	tbm_key(&s->m, &s->c, FN(KEY_RIGHT));
	type(s, "12");
	r = tbm_key(&s->m, &s->c, FN(KEY_UP));
	assert_string_equal(r.text, "已保存：魏都区 科普活动 = 12；上面没有单位了");
	assert_int_equal(type(s, "13").kind, MR_HANDLED);
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 1, "activity"), 13);
	/* Shift-Tab in the very first cell: the other edge, typing on as well */
	tbm_key(&s->m, &s->c, FN(KEY_HOME));
	tbm_key(&s->m, &s->c, FN(KEY_LEFT));
	assert_int_equal(s->m.col, 0);
	type(s, "8");
	r = tbm_key(&s->m, &s->c, FN(KEY_BTAB));
	assert_non_null(strstr(r.text, "这是表格的第一格"));
	assert_int_equal(quota(s, 1, "talent"), 8);
	type(s, "9");
	assert_int_equal(s->m.mode, TBM_EDIT);
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 1, "talent"), 9);
}

/* A quota's bounds are 0 to 100000: six digits. The seventh is refused
 * with a message naming the cell and its bounds, and nothing typed
 * before it is lost. */
static void cell_bounds(void **state)
{
	story *s = *state;
	open_table(s);
	tbm_key(&s->m, &s->c, ENTER); /* 魏都区 科普人才, selected: typing replaces */
	assert_int_equal(s->m.mode, TBM_EDIT);
	assert_int_equal(type(s, "123456").kind, MR_HANDLED); /* as many as the bounds allow */
	mr_result r = type(s, "7");
	assert_int_equal(r.kind, MR_REFUSED);
	assert_true(r.error);
	assert_non_null(strstr(r.text, "魏都区 科普人才"));
	assert_non_null(strstr(r.text, "最多 6 位"));
	assert_non_null(strstr(r.text, "0 到 100000"));
	assert_non_null(strstr(r.text, "「7」"));
	char *v = eb_text(&s->m.cell);
	assert_string_equal(v, "123456");
	free(v);
	/* 100000 fits and is stored; 123456 would be refused by the form's max */
	tbm_key(&s->m, &s->c, (kp_key){false, 1}); /* ^A */
	tbm_key(&s->m, &s->c, (kp_key){false, 11}); /* ^K */
	type(s, "100000");
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 1, "talent"), 100000);
}

/* Backspace on the value selected by Enter fixes its last digit (i17:
 * 125, Backspace, 6 saved 6, not 126). */
static void backspace_fixes_selected(void **state)
{
	story *s = *state;
	open_table(s);
	tbm_key(&s->m, &s->c, ENTER); /* 魏都区 科普人才 100, selected */
	assert_true(s->m.cell.sel);
	tbm_key(&s->m, &s->c, FN(KEY_BACKSPACE));
	type(s, "6");
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 1, "talent"), 106);
}

/* A keystroke refused (a seventh digit, a letter) leaves the text and the
 * cursor as they were, not selected: the tester's 99999999 kept 999999
 * and Enter refused it, never saving a 9 typed over a selection. A value
 * refused whole (Enter on 123456, over 100000) is selected: the
 * correction typed replaces it. */
static void refusal_selects(void **state)
{
	story *s = *state;
	open_table(s);
	tbm_key(&s->m, &s->c, ENTER); /* 魏都区 */
	mr_result r = type(s, "99999999");
	assert_int_equal(r.kind, MR_REFUSED);
	assert_false(s->m.cell.sel);
	assert_int_equal(s->m.cell.cur, 6);
	char *v = eb_text(&s->m.cell);
	assert_string_equal(v, "999999");
	free(v);
	r = type(s, "人");
	assert_int_equal(r.kind, MR_REFUSED);
	assert_non_null(strstr(r.text, "魏都区 科普人才：只能填 0 到 100000 的整数，「人」不是数字"));
	assert_false(s->m.cell.sel);
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_REFUSED); /* over 100000 */
	assert_int_equal(quota(s, 1, "talent"), 100);
	tbm_key(&s->m, &s->c, ESC);
	/* a letter in an empty cell: refused, nothing typed (positive control: a digit is) */
	tbm_key(&s->m, &s->c, ENTER);
	tbm_key(&s->m, &s->c, FN(KEY_DC)); /* Del takes the selected value whole */
	assert_int_equal(type(s, "a").kind, MR_REFUSED);
	assert_int_equal(s->m.cell.len, 0);
	assert_int_equal(type(s, "5").kind, MR_HANDLED);
	assert_int_equal(s->m.cell.len, 1);
	tbm_key(&s->m, &s->c, ESC);
	tbm_key(&s->m, &s->c, ENTER);
	type(s, "123456");
	r = tbm_key(&s->m, &s->c, ENTER);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_true(s->m.cell.sel);
	type(s, "120");
	assert_int_equal(tbm_key(&s->m, &s->c, ENTER).kind, MR_SAVED);
	assert_int_equal(quota(s, 1, "talent"), 120);
}

/* 19 units at 80x24: 17 rows, the mark 「↓ 还有 2 项」 and 合计; at the
 * end the mark says what is above. With room for all, no mark. */
static void page_mark(void **state)
{
	story *s = *state;
	open_table(s);
	tbm_arrange(&s->m, LINES_80x24);
	assert_int_equal(s->m.win.shown, 17);
	assert_true(s->m.win.mark);
	assert_string_equal(s->m.more, "↓ 还有 2 项");
	tbm_key(&s->m, &s->c, FN(KEY_END));
	tbm_arrange(&s->m, LINES_80x24);
	assert_int_equal(s->m.win.top, 2);
	assert_int_equal(s->m.win.top + s->m.win.shown, 19); /* the last unit is on the page */
	assert_string_equal(s->m.more, "↑ 上面还有 2 项");
	tbm_arrange(&s->m, 20); /* 19 rows and 合计: all fit */
	assert_int_equal(s->m.win.shown, 19);
	assert_false(s->m.win.mark);
	assert_string_equal(s->m.more, "");
}

/* A unit's account reads its own row; 修改 is neither offered on the key
 * line nor done. */
static void unit_reads(void **state)
{
	story *s = *state;
	s->c.scope = sign_in_unit(s->fx, "魏都区");
	open_table(s);
	assert_int_equal(s->m.n, 1);
	assert_false(s->m.may_write);
	mr_result r = tbm_key(&s->m, &s->c, ENTER);
	assert_int_equal(r.kind, MR_REFUSED);
	assert_string_equal(r.text, "任务指标由市科协修改。");
	assert_int_equal(s->m.mode, TBM_BROWSE);
	assert_int_equal(type(s, "5").kind, MR_REFUSED);
	assert_int_equal(quota(s, 1, "talent"), 100);
	/* the key line of a table only read has no 修改; the city's has */
	assert_null(strstr(keymap_bar(CTX_TABLE_READ), msg(MSG_K_EDIT)));
	assert_non_null(strstr(keymap_bar(CTX_TABLE_READ), msg(MSG_K_BACK)));
	assert_non_null(strstr(keymap_bar(CTX_TABLE), msg(MSG_K_EDIT)));
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(edit_and_save, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(arrows_save_and_move, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(side_arrows_keep_the_row, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(paste_one_number, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(arrow_at_edge, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(backspace_fixes_selected, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(refusal_selects, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(cell_bounds, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(page_mark, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(unit_reads, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
