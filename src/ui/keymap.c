/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/keymap.h"

#include <curses.h>
#include <string.h>

#define FN(k) {true, (uint32_t)(k)}
#define CH(c) {false, (uint32_t)(c)}
#define CTRL(c) CH((c) & 0x1f)
#define ESC CH(27)
#define BS FN(KEY_BACKSPACE), CH(8), CH(127)
#define ENTER CH('\r'), CH('\n'), FN(KEY_ENTER)

#define FIELDS (CTX_TEXT | CTX_TEXTAREA | CTX_MULTI | CTX_CHOICE)
#define EDIT (CTX_TEXT | CTX_TEXTAREA | CTX_CELL | CTX_TRANSFER | CTX_IMPORT | CTX_REASON)
#define SCREENS (CTX_MENU | CTX_FORM | CTX_LIST | FIELDS)

/* The first row that matches wins, and the key bar lists rows in order. */
const kp_binding kp_keymap[] = {
	{CTX_ADVANCED, ACT_ABSORB, {CH('\t'), ENTER}, MSG_K_ABSORBED, 0},
	{CTX_CONFIRM, ACT_YES, {CH('y'), CH('Y')}, MSG_K_YES, 1},
	{CTX_CONFIRM, ACT_NO, {CH('n'), CH('N'), ESC}, MSG_K_NO, 3},

	{CTX_POPUP, ACT_ACCEPT, {ENTER}, MSG_K_PICK, 1},
	{CTX_POPUP, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_CANCEL, 1},
	{CTX_POPUP, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_UP, 1},
	{CTX_POPUP, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, MSG_K_DOWN, 1},
	{CTX_POPUP, ACT_PAGE_UP, {FN(KEY_PPAGE)}, MSG_K_PAGE_UP, 0},
	{CTX_POPUP, ACT_PAGE_DOWN, {FN(KEY_NPAGE)}, MSG_K_PAGE_DOWN, 0},
	{CTX_POPUP, ACT_HOME, {FN(KEY_HOME)}, MSG_K_FIRST, 0},
	{CTX_POPUP, ACT_END, {FN(KEY_END)}, MSG_K_LAST, 0},
	{CTX_POPUP, ACT_BACKSPACE, {BS}, MSG_K_ERASE, 0},
	{CTX_POPUP, ACT_NEXT, {CH('\t')}, MSG_K_NEXT, 0},
	{CTX_POPUP, ACT_PREV, {FN(KEY_BTAB)}, MSG_K_PREV, 0},

	{CTX_FORM | FIELDS, ACT_SAVE, {FN(KEY_F(2)), CTRL('S')}, MSG_K_SAVE, 2},
	{CTX_FORM | FIELDS, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_LEAVE, 1},
	{CTX_FORM | FIELDS, ACT_LIST, {FN(KEY_F(3)), CTRL('T')}, MSG_K_LIST, 2},
	{CTX_FORM | FIELDS, ACT_NEXT, {CH('\t')}, MSG_K_NEXT, 1},
	{CTX_FORM | FIELDS, ACT_PREV, {FN(KEY_BTAB)}, MSG_K_PREV, 0},
	{CTX_FORM | FIELDS, ACT_DITTO, {FN(KEY_F(5)), CTRL('Y')}, MSG_K_DITTO, 0},
	/* ^Z is a key, not a suspend: the terminal is in raw mode (term.c).
	 * PuTTY's, the linux console's and cygwin's terminfo call it kspd,
	 * so ncurses hands it over as KEY_SUSPEND: the same key. */
	{CTX_FORM | FIELDS, ACT_UNDO, {CTRL('Z'), FN(KEY_SUSPEND)}, MSG_K_UNDO, 0},
	/* beside 换行, 勾选 and 选项 (and F9) the bar has no room for 附件 at
	 * 80 columns: F1 lists it there */
	{CTX_TEXTAREA | CTX_MULTI | CTX_CHOICE, ACT_FILES, {FN(KEY_F(6)), CTRL('R')}, MSG_K_FILES, 0},
	{CTX_FORM | CTX_TEXT, ACT_FILES, {FN(KEY_F(6)), CTRL('R')}, MSG_K_FILES, 1},
	/* F9 on a record opened does what it does on its row in the list
	 * (#4, #5), named by what it does there: a unit's 已提交 record is
	 * only withdrawn (CTX_WITHDRAW), any other only submitted */
	{FIELDS | CTX_CITY, ACT_REVIEW, {FN(KEY_F(9)), CTRL('W')}, MSG_K_REVIEW, 1},
	{FIELDS | CTX_UNIT | CTX_WITHDRAW, ACT_REVIEW, {FN(KEY_F(9)), CTRL('W')}, MSG_K_WITHDRAW, 1},
	{FIELDS | CTX_UNIT, ACT_REVIEW, {FN(KEY_F(9)), CTRL('W')}, MSG_K_SUBMIT, 1},
	{CTX_CHOICE, ACT_OPEN_LIST, {CH(' '), FN(KEY_F(4)), CTRL('O')}, MSG_K_OPTIONS, 1},
	{CTX_MULTI, ACT_TOGGLE, {CH(' ')}, MSG_K_TICK, 1},
	{CTX_MULTI, ACT_LEFT, {FN(KEY_LEFT)}, MSG_K_LEFT_RIGHT, 0},
	{CTX_MULTI, ACT_RIGHT, {FN(KEY_RIGHT)}, MSG_K_LEFT_RIGHT, 0},
	{CTX_TEXTAREA, ACT_NEWLINE, {ENTER}, MSG_K_NEWLINE, 1},
	{CTX_TEXTAREA, ACT_UP, {FN(KEY_UP)}, MSG_K_CURSOR, 0},
	{CTX_TEXTAREA, ACT_DOWN, {FN(KEY_DOWN)}, MSG_K_CURSOR, 0},
	{FIELDS, ACT_NEXT, {ENTER, FN(KEY_DOWN)}, MSG_K_NEXT, 0},
	{FIELDS, ACT_PREV, {FN(KEY_UP)}, MSG_K_PREV, 0},
	/* the import's name, or its outcome when that is longer than the screen */
	{CTX_IMPORT, ACT_HOME, {FN(KEY_HOME), CTRL('A')}, MSG_K_HOME_RESULT, 0},
	{CTX_IMPORT, ACT_END, {FN(KEY_END), CTRL('E')}, MSG_K_END_RESULT, 0},
	/* A quota cell being typed: the arrows, Tab and Shift-Tab save it and
	 * go on to the next cell, as in a spreadsheet (^B ^F move in it) */
	{CTX_CELL, ACT_ACCEPT, {ENTER}, MSG_K_SAVE, 1},
	{CTX_CELL, ACT_NEXT, {CH('\t')}, MSG_K_SAVE_NEXT_CELL, 1},
	{CTX_CELL, ACT_PREV, {FN(KEY_BTAB)}, MSG_K_SAVE_PREV_CELL, 0},
	{CTX_CELL, ACT_CELL_RIGHT, {FN(KEY_RIGHT)}, MSG_K_SAVE_RIGHT_CELL, 0},
	{CTX_CELL, ACT_CELL_LEFT, {FN(KEY_LEFT)}, MSG_K_SAVE_LEFT_CELL, 0},
	{CTX_CELL, ACT_UP, {FN(KEY_UP)}, MSG_K_SAVE_UP_CELL, 0},
	{CTX_CELL, ACT_DOWN, {FN(KEY_DOWN)}, MSG_K_SAVE_DOWN_CELL, 0},
	{EDIT, ACT_LEFT, {FN(KEY_LEFT), CTRL('B')}, MSG_K_CURSOR, 0},
	{EDIT, ACT_RIGHT, {FN(KEY_RIGHT), CTRL('F')}, MSG_K_CURSOR, 0},
	{EDIT, ACT_HOME, {FN(KEY_HOME), CTRL('A')}, MSG_K_LINE_START, 0},
	{EDIT, ACT_END, {FN(KEY_END), CTRL('E')}, MSG_K_LINE_END, 0},
	{EDIT, ACT_BACKSPACE, {BS}, MSG_K_ERASE, 0},
	{EDIT, ACT_DELETE, {FN(KEY_DC)}, MSG_K_ERASE, 0},
	{EDIT, ACT_KILL, {CTRL('K')}, MSG_K_KILL, 0},
	{CTX_CHOICE, ACT_BACKSPACE, {BS, FN(KEY_DC)}, MSG_K_CLEAR_CHOICE, 0},

	{CTX_LIST | CTX_VIEW, ACT_ACCEPT, {ENTER}, MSG_K_OPEN, 1},
	{CTX_VIEW, ACT_UNIT, {FN(KEY_F(4)), CTRL('O')}, MSG_K_UNIT, 2},
	{CTX_LIST, ACT_NEW, {FN(KEY_F(7)), CTRL('N')}, MSG_K_NEW, 2},
	{CTX_LIST, ACT_DELETE_RECORD, {FN(KEY_F(8)), CTRL('D'), FN(KEY_DC)}, MSG_K_DELETE, 2},
	{CTX_LIST | CTX_VIEW, ACT_PAGE_DOWN, {FN(KEY_NPAGE), CTRL('V')}, MSG_K_PAGE_DOWN, 0},
	{CTX_LIST | CTX_VIEW, ACT_PAGE_UP, {FN(KEY_PPAGE), CTRL('U')}, MSG_K_PAGE_UP, 0},
	{CTX_LIST, ACT_SORT, {FN(KEY_F(6)), CTRL('R')}, MSG_K_SORT, 2},
	{CTX_LIST | CTX_CITY, ACT_REVIEW, {FN(KEY_F(9)), CTRL('W')}, MSG_K_REVIEW, 2},
	{CTX_LIST | CTX_UNIT | CTX_WITHDRAW, ACT_REVIEW, {FN(KEY_F(9)), CTRL('W')}, MSG_K_WITHDRAW, 2},
	{CTX_LIST | CTX_UNIT, ACT_REVIEW, {FN(KEY_F(9)), CTRL('W')}, MSG_K_SUBMIT, 2},
	{CTX_LIST, ACT_YEAR, {FN(KEY_F(5)), CTRL('Y')}, MSG_K_MOVE_YEAR, 0}, /* F1 lists it: the bar is full */
	{CTX_LIST | CTX_CITY, ACT_TOGGLE, {CH(' ')}, MSG_K_MARK_CITY, 0},
	{CTX_LIST | CTX_UNIT, ACT_TOGGLE, {CH(' ')}, MSG_K_MARK, 0},
	{CTX_LIST, ACT_NEXT, {CH('\t')}, MSG_K_STATE_FILTER, 0},
	{CTX_LIST, ACT_BACKSPACE, {BS}, MSG_K_ERASE, 0},
	{CTX_LIST | CTX_VIEW, ACT_HOME, {FN(KEY_HOME)}, MSG_K_FIRST, 0},
	{CTX_LIST | CTX_VIEW, ACT_END, {FN(KEY_END)}, MSG_K_LAST, 0},
	/* Columns that do not fit (header 「<」 「>」); the key line is full, F1 lists them */
	{CTX_LIST | CTX_VIEW, ACT_LEFT, {FN(KEY_LEFT)}, MSG_K_COLS_LEFT, 0},
	{CTX_LIST | CTX_VIEW, ACT_RIGHT, {FN(KEY_RIGHT)}, MSG_K_COLS_RIGHT, 0},
	{CTX_LIST | CTX_VIEW, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_UP, 0},
	{CTX_LIST | CTX_VIEW, ACT_DOWN, {FN(KEY_DOWN)}, MSG_K_DOWN, 0},
	{CTX_MENU, ACT_UP, {FN(KEY_UP), CTRL('P'), CH('k')}, MSG_K_UP, 0},
	{CTX_MENU, ACT_DOWN, {FN(KEY_DOWN), CTRL('N'), CH('j')}, MSG_K_DOWN, 0},
	/* the same keys while a filter is typed: the first press clears it
	 * (「清空」, as wide as 「返回」: the city's list bar is full at 80) */
	{CTX_FILTERED, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_CLEAR_FILTER, 1},
	{CTX_LIST | CTX_VIEW, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_BACK, 1},

	{CTX_TRANSFER, ACT_ACCEPT, {ENTER}, MSG_K_START, 1},
	{CTX_TRANSFER, ACT_SEND, {FN(KEY_F(5)), CTRL('Y')}, MSG_K_SEND, 2},
	{CTX_TRANSFER, ACT_NEXT, {CH('\t')}, MSG_K_STATE_FILTER, 2},
	/* No Ctrl-X to leave where F5 starts a transfer: the clerk cancels
	 * one with five Ctrl-X, and one the drain (handover.c) let through
	 * left the screen for the menu. */
	{CTX_TRANSFER, ACT_QUIT, {ESC, FN(KEY_F(10))}, MSG_K_BACK, 1},
	{CTX_IMPORT, ACT_ACCEPT, {ENTER}, MSG_K_START, 1},
	{CTX_IMPORT, ACT_RECEIVE, {FN(KEY_F(5)), CTRL('Y')}, MSG_K_RECEIVE, 2},
	/* the bar names F6 and PgDn alone (^R, ^V in F1): with both it fits 80 columns */
	{CTX_IMPORT, ACT_TOGGLE, {FN(KEY_F(6)), CTRL('R')}, MSG_K_UPDATE_SAME, 1},
	{CTX_IMPORT, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_CHOOSE_FILE, 0},
	{CTX_IMPORT, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, MSG_K_CHOOSE_FILE, 0},
	{CTX_IMPORT, ACT_PAGE_DOWN, {FN(KEY_NPAGE), CTRL('V')}, MSG_K_RESULT_PAGE, 1},
	{CTX_IMPORT, ACT_PAGE_UP, {FN(KEY_PPAGE), CTRL('U')}, MSG_K_RESULT_PAGE, 0},
	{CTX_IMPORT, ACT_QUIT, {ESC, FN(KEY_F(10))}, MSG_K_BACK, 1},
	/* ZMODEM's keys and the exchange folder's (PuTTY): seven in 80 columns,
	 * each bar naming its F-key alone (F1 lists the Ctrl ones) */
	{CTX_FILES, ACT_RECEIVE, {FN(KEY_F(5)), CTRL('Y')}, MSG_K_ATTACH, 1},
	{CTX_FILES, ACT_SEND, {FN(KEY_F(4)), CTRL('O')}, MSG_K_DOWNLOAD, 1},
	{CTX_FILES, ACT_SEND, {ENTER}, MSG_K_DOWNLOAD, 0},
	{CTX_FILES, ACT_FOLDER_IN, {FN(KEY_F(6)), CTRL('R')}, MSG_K_FOLDER_IN, 1},
	{CTX_FILES, ACT_FOLDER_OUT, {FN(KEY_F(7)), CTRL('E')}, MSG_K_FOLDER_OUT, 1},
	{CTX_FILES, ACT_DELETE_RECORD, {FN(KEY_F(8)), CTRL('D'), FN(KEY_DC)}, MSG_K_DETACH, 1},
	{CTX_FILES, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_UP, 0},
	{CTX_FILES, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, MSG_K_DOWN, 0},
	{CTX_FILES, ACT_QUIT, {ESC, FN(KEY_F(10))}, MSG_K_BACK, 1},
	{CTX_CELL, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_CANCEL, 1},
	{CTX_REASON, ACT_ACCEPT, {ENTER}, MSG_K_OK, 1},
	{CTX_REASON, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_CANCEL, 1},
	{CTX_TABLE, ACT_ACCEPT, {ENTER}, MSG_K_EDIT, 1},
	{CTX_TABLE | CTX_TABLE_READ, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_UP, 0},
	{CTX_TABLE | CTX_TABLE_READ, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, MSG_K_DOWN, 0},
	{CTX_TABLE | CTX_TABLE_READ, ACT_LEFT, {FN(KEY_LEFT), FN(KEY_BTAB)}, MSG_K_CURSOR, 0},
	{CTX_TABLE | CTX_TABLE_READ, ACT_RIGHT, {FN(KEY_RIGHT), CH('\t')}, MSG_K_CURSOR, 0},
	{CTX_TABLE | CTX_TABLE_READ, ACT_HOME, {FN(KEY_HOME), FN(KEY_PPAGE)}, MSG_K_FIRST, 0},
	{CTX_TABLE | CTX_TABLE_READ, ACT_END, {FN(KEY_END), FN(KEY_NPAGE)}, MSG_K_LAST, 0},
	{CTX_TABLE | CTX_TABLE_READ, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_BACK, 1},

	{CTX_CHECKLIST, ACT_TOGGLE, {CH(' ')}, MSG_K_TICK_ITEM, 1},
	{CTX_CHECKLIST | CTX_REPORT, ACT_NEXT, {CH('\t')}, MSG_K_SWITCH_VIEW, 1},
	{CTX_BRIEFING, ACT_NEXT, {CH('\t')}, MSG_K_NEXT_MONTH, 1},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_UP, {FN(KEY_UP), CTRL('P'), CH('k')}, MSG_K_UP, 0},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_DOWN, {FN(KEY_DOWN), CTRL('N'), CH('j')}, MSG_K_DOWN, 0},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_LEFT, {FN(KEY_LEFT), CH('h')}, MSG_K_COLUMN, 0},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_RIGHT, {FN(KEY_RIGHT), CH('l')}, MSG_K_COLUMN, 0},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_PAGE_DOWN, {FN(KEY_NPAGE), CTRL('V')}, MSG_K_PAGE_DOWN, 0},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_PAGE_UP, {FN(KEY_PPAGE), CTRL('U')}, MSG_K_PAGE_UP, 0},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_HOME, {FN(KEY_HOME)}, MSG_K_FIRST, 0},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_END, {FN(KEY_END)}, MSG_K_LAST, 0},
	{CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_BACK, 1},

	{CTX_LOGIN, ACT_ACCEPT, {ENTER}, MSG_K_LOGIN, 1},
	{CTX_LOGIN, ACT_NEXT, {CH('\t'), FN(KEY_DOWN)}, MSG_K_NEXT, 1},
	{CTX_LOGIN, ACT_PREV, {FN(KEY_BTAB), FN(KEY_UP)}, MSG_K_PREV, 0},
	{CTX_LOGIN, ACT_BACKSPACE, {BS}, MSG_K_ERASE, 0},
	/* Never Ctrl-X where it would end kepu: five of them cancel a ZMODEM
	 * transfer, and a clerk pressing them once too often must not be
	 * logged out (over SSH). */
	/* the same keys in 修改密码, opened from the menu: back to it */
	{CTX_PASSWORD, ACT_QUIT, {ESC, FN(KEY_F(10))}, MSG_K_BACK, 3},
	{CTX_LOGIN, ACT_QUIT, {ESC, FN(KEY_F(10))}, MSG_K_QUIT, 3},

	{CTX_AUDIT, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_UP, 0},
	{CTX_AUDIT, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, MSG_K_DOWN, 0},
	{CTX_AUDIT, ACT_PAGE_DOWN, {FN(KEY_NPAGE), CTRL('V')}, MSG_K_PAGE_DOWN, 1},
	{CTX_AUDIT, ACT_PAGE_UP, {FN(KEY_PPAGE), CTRL('U')}, MSG_K_PAGE_UP, 0},
	{CTX_AUDIT, ACT_HOME, {FN(KEY_HOME)}, MSG_K_FIRST, 0},
	/* the pane of the selected row's changes, when they are longer than it */
	{CTX_AUDIT, ACT_NEXT, {CH('\t')}, MSG_K_CHANGES_DOWN, 1},
	{CTX_AUDIT, ACT_PREV, {FN(KEY_BTAB)}, MSG_K_CHANGES_UP, 1},
	{CTX_AUDIT, ACT_BACKSPACE, {BS}, MSG_K_ERASE, 0},
	{CTX_AUDIT, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_BACK, 1},

	{CTX_FIND, ACT_ACCEPT, {ENTER}, MSG_K_OPEN, 1},
	{CTX_FIND, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_UP, 0},
	{CTX_FIND, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, MSG_K_DOWN, 0},
	{CTX_FIND, ACT_PAGE_DOWN, {FN(KEY_NPAGE), CTRL('V')}, MSG_K_PAGE_DOWN, 0},
	{CTX_FIND, ACT_PAGE_UP, {FN(KEY_PPAGE), CTRL('U')}, MSG_K_PAGE_UP, 0},
	{CTX_FIND, ACT_HOME, {FN(KEY_HOME)}, MSG_K_FIRST, 0},
	{CTX_FIND, ACT_END, {FN(KEY_END)}, MSG_K_LAST, 0},
	{CTX_FIND, ACT_BACKSPACE, {BS}, MSG_K_ERASE, 0},
	{CTX_FIND, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_CLEAR_BACK, 1},

	{CTX_ACCOUNTS, ACT_LOCK, {FN(KEY_F(8)), CTRL('K')}, MSG_K_LOCK, 2},
	{CTX_ACCOUNTS, ACT_RESET, {FN(KEY_F(7)), CTRL('R')}, MSG_K_RESET, 2},
	{CTX_ACCOUNTS, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_UP, 0},
	{CTX_ACCOUNTS, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, MSG_K_DOWN, 0},
	{CTX_ACCOUNTS, ACT_HOME, {FN(KEY_HOME), FN(KEY_PPAGE)}, MSG_K_FIRST, 0},
	{CTX_ACCOUNTS, ACT_END, {FN(KEY_END), FN(KEY_NPAGE)}, MSG_K_LAST, 0},
	{CTX_ACCOUNTS, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_BACK, 1},

	{CTX_DRAFTS, ACT_ACCEPT, {ENTER}, MSG_K_DRAFT_OPEN, 1},
	{CTX_DRAFTS, ACT_DELETE_RECORD, {FN(KEY_F(8)), CTRL('D'), FN(KEY_DC)}, MSG_K_DRAFT_DROP, 2},
	{CTX_DRAFTS, ACT_UP, {FN(KEY_UP), CTRL('P')}, MSG_K_UP, 0},
	{CTX_DRAFTS, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, MSG_K_DOWN, 0},
	{CTX_DRAFTS, ACT_PAGE_DOWN, {FN(KEY_NPAGE), CTRL('V')}, MSG_K_PAGE_DOWN, 0},
	{CTX_DRAFTS, ACT_PAGE_UP, {FN(KEY_PPAGE), CTRL('U')}, MSG_K_PAGE_UP, 0},
	{CTX_DRAFTS, ACT_HOME, {FN(KEY_HOME)}, MSG_K_FIRST, 0},
	{CTX_DRAFTS, ACT_END, {FN(KEY_END)}, MSG_K_LAST, 0},
	{CTX_DRAFTS, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, MSG_K_DRAFT_LATER, 1},

	{CTX_MENU, ACT_ACCEPT, {ENTER}, MSG_K_OPEN, 1},
	{CTX_MENU, ACT_YEAR, {CH('y'), FN(KEY_F(5))}, MSG_K_YEAR, 2},
	{CTX_MENU, ACT_HOME, {FN(KEY_HOME), FN(KEY_PPAGE)}, MSG_K_FIRST, 0},
	{CTX_MENU, ACT_END, {FN(KEY_END), FN(KEY_NPAGE)}, MSG_K_LAST, 0},
	{CTX_MENU, ACT_QUIT, {CH('q'), ESC, FN(KEY_F(10))}, MSG_K_QUIT, 3},
	{CTX_MENU, ACT_M_QUEUE, {CH('r')}, MSG_K_M_QUEUE, 1},
	{CTX_MENU, ACT_M_OPEN_YEAR, {CH('o')}, MSG_K_M_OPEN_YEAR, 1},
	{CTX_MENU, ACT_M_CLOSE_YEAR, {CH('x')}, MSG_K_M_CLOSE_YEAR, 0}, /* F1 lists it: the bar is full */
	{CTX_MENU, ACT_M_FORM, {CH('1'), CH('2'), CH('3'), CH('4')}, MSG_K_M_FORM, 0},
	{CTX_MENU, ACT_M_FORM, {CH('5'), CH('6'), CH('7'), CH('8')}, MSG_K_M_FORM, 0},
	{CTX_MENU, ACT_M_FORM, {CH('9')}, MSG_K_M_FORM, 0},
	{CTX_MENU, ACT_M_MONTHLY, {CH('m')}, MSG_K_M_MONTHLY, 0},
	{CTX_MENU, ACT_M_CHECKLIST, {CH('c')}, MSG_UI_MENU_CHECKLIST, 0},
	{CTX_MENU, ACT_M_PROGRESS, {CH('p')}, MSG_UI_MENU_PROGRESS, 0},
	{CTX_MENU, ACT_M_BRIEFING, {CH('b')}, MSG_UI_MENU_BRIEFING, 0},
	{CTX_MENU, ACT_M_EXPORT, {CH('e')}, MSG_K_M_EXPORT, 0},
	{CTX_MENU, ACT_M_IMPORT, {CH('i')}, MSG_K_M_IMPORT, 0},
	{CTX_MENU, ACT_M_FIND, {CH('f')}, MSG_UI_MENU_FIND, 0},
	{CTX_MENU, ACT_M_AUDIT, {CH('a')}, MSG_UI_MENU_AUDIT, 0},
	{CTX_MENU, ACT_M_ACCOUNTS, {CH('z')}, MSG_UI_MENU_ACCOUNTS, 0},
	{CTX_MENU, ACT_M_PASSWORD, {CH('w')}, MSG_K_M_PASSWORD, 0},

	{SCREENS | CTX_TABLE | CTX_TABLE_READ | CTX_VIEW | CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING | CTX_LOGIN | CTX_AUDIT | CTX_TRANSFER | CTX_ACCOUNTS | CTX_IMPORT | CTX_FIND | CTX_FILES | CTX_DRAFTS,
	 ACT_HELP,
	 {FN(KEY_F(1)), CTRL('G')}, MSG_K_HELP, 2},
	{SCREENS | CTX_TABLE | CTX_TABLE_READ | CTX_VIEW | CTX_CHECKLIST | CTX_REPORT | CTX_BRIEFING | CTX_LOGIN | CTX_AUDIT | CTX_TRANSFER | CTX_ACCOUNTS | CTX_IMPORT | CTX_FIND | CTX_FILES | CTX_DRAFTS,
	 ACT_REDRAW,
	 {CTRL('L')}, MSG_K_REDRAW, 0},
};
const unsigned kp_keymap_len = sizeof kp_keymap / sizeof kp_keymap[0];

static bool same(kp_key a, kp_key b) { return a.fn == b.fn && a.code == b.code; }
static bool used(kp_key k) { return k.fn || k.code; }

/* Does row b serve ctx: one of its contexts, the role ctx names when b
 * is one role's, and a withdrawal when b is for one. */
static bool row_in(const kp_binding *b, unsigned ctx)
{
	return (b->ctx & ctx & ~(CTX_ROLES | CTX_WITHDRAW)) &&
	       (!(b->ctx & CTX_ROLES) || (b->ctx & ctx & CTX_ROLES)) &&
	       (!(b->ctx & CTX_WITHDRAW) || (ctx & CTX_WITHDRAW));
}

/* The row that handles key in ctx, or NULL. */
static const kp_binding *find_row(unsigned ctx, kp_key key)
{
	for (unsigned i = 0; i < kp_keymap_len; i++) {
		const kp_binding *b = &kp_keymap[i];
		if (!row_in(b, ctx))
			continue;
		for (unsigned k = 0; k < 4; k++)
			if (used(b->keys[k]) && same(b->keys[k], key))
				return b;
	}
	return NULL;
}

bool key_printable(kp_key key) { return !key.fn && key.code >= ' ' && key.code != 127; }

char keymap_letter(unsigned ctx, kp_action a)
{
	for (unsigned i = 0; i < kp_keymap_len; i++) {
		const kp_binding *b = &kp_keymap[i];
		if (!row_in(b, ctx) || b->action != a)
			continue;
		for (size_t k = 0; k < sizeof b->keys / sizeof b->keys[0]; k++)
			if (key_printable(b->keys[k]) && b->keys[k].code < 128)
				return (char)b->keys[k].code;
	}
	return 0;
}

kp_action keymap_lookup(unsigned ctx, kp_key key)
{
	const kp_binding *b = find_row(ctx, key);
	return b ? b->action : ACT_NONE;
}

/* "F2/^S" from the first n keys of b (all when n is 0 or more than it has)
 * that reach b in ctx (keys an earlier row takes are left out). */
/* The highest F key the terminal's keyboard has (keymap_fkeys). */
static int fkeys_max = 12;

void keymap_fkeys(int max) { fkeys_max = max; }

static bool fkey_missing(kp_key k)
{
	return k.fn && k.code > (uint32_t)KEY_F(fkeys_max) && k.code <= (uint32_t)KEY_F(12);
}

/* An F-key the terminal lacks takes no place among the n: the key line
 * names the next key instead (vt100: ^W 提交/撤回, not nothing). */
static void key_list(const kp_binding *b, unsigned ctx, int n, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int k = 0, place = 0; k < 4 && used(b->keys[k]) && (n <= 0 || place < n); k++) {
		if (n > 0 && fkey_missing(b->keys[k])) /* the key line names keys the clerk has */
			continue;
		place++;
		if (find_row(ctx, b->keys[k]) != b)
			continue;
		const char *name = keymap_key_name(b->keys[k]);
		if (strstr(buf, name)) /* "Enter" once for CR, LF and KEY_ENTER */
			continue;
		if (buf[0])
			strncat(buf, "/", len - strlen(buf) - 1);
		strncat(buf, name, len - strlen(buf) - 1);
	}
}

/* The key the clerk has for F-key n in ctx, or NULL. */
static const char *present_key(unsigned ctx, int n)
{
	const kp_binding *b = find_row(ctx, (kp_key)FN(KEY_F(n)));
	for (int k = 0; b && k < 4 && used(b->keys[k]); k++)
		if (!fkey_missing(b->keys[k]) && find_row(ctx, b->keys[k]) == b)
			return keymap_key_name(b->keys[k]);
	return NULL;
}

/* After a key named name, "（^Y）", "（或 Ctrl-Y）", "/^Y" or " 或 Ctrl-Y"
 * saying it again: its length in bytes, else 0. */
static size_t said_again(const char *p, const char *name)
{
	static const char open[] = "（", close[] = "）";
	if (name[0] != '^')
		return 0;
	char ctrl[8];
	snprintf(ctrl, sizeof ctrl, "Ctrl-%c", name[1]);
	const char *alt[] = {"/", " 或 "};
	for (size_t a = 0; a < 2; a++) {
		size_t al = strlen(alt[a]);
		if (strncmp(p, alt[a], al))
			continue;
		if (!strncmp(p + al, name, strlen(name)))
			return al + strlen(name);
		if (!strncmp(p + al, ctrl, strlen(ctrl)))
			return al + strlen(ctrl);
	}
	if (strncmp(p, open, sizeof open - 1))
		return 0;
	const char *end = strstr(p, close);
	if (!end || end - p > 24)
		return 0;
	size_t n = (size_t)(end - p);
	bool names = false;
	for (size_t i = 0; i + 1 < n; i++)
		names |= !strncmp(p + i, name, strlen(name)) || !strncmp(p + i, ctrl, strlen(ctrl));
	return names ? n + sizeof close - 1 : 0;
}

void keymap_say(unsigned ctx, const char *text, char *out, size_t len)
{
	size_t o = 0;
	for (const char *p = text; *p && o + 1 < len;) {
		bool word = p > text && ((p[-1] >= '0' && p[-1] <= '9') || ((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z'));
		int n = 0;
		const char *d = p + 1;
		while (p[0] == 'F' && *d >= '0' && *d <= '9' && n < 100)
			n = n * 10 + (*d++ - '0');
		const char *name = !word && n > fkeys_max && n <= 12 ? present_key(ctx, n) : NULL;
		if (!name) {
			size_t cp = 1; /* a whole character: a cut never splits one */
			while ((p[cp] & 0xC0) == 0x80)
				cp++;
			if (o + cp >= len)
				break;
			memcpy(out + o, p, cp);
			o += cp, p += cp;
			continue;
		}
		size_t nl = strlen(name), again = said_again(d, name);
		if (o + nl + 1 >= len)
			break;
		memcpy(out + o, name, nl);
		o += nl;
		p = d + again;
		bool mark = !strncmp(p, "，", 3) || !strncmp(p, "。", 3) || !strncmp(p, "；", 3) || !strncmp(p, "、", 3);
		if (again && d[0] != '/' && d[0] != ' ' && *p && *p != ' ' && !mark && o + 2 < len)
			out[o++] = ' '; /* 「按 ^Y 发送」, as 「按 F5（或 Ctrl-Y）发送」 read */
	}
	out[o] = '\0';
}

size_t keymap_bar_rows(unsigned ctx, kp_acts_fn acts, const void *model, const void *mctx,
		       const kp_binding **out, size_t max)
{
	size_t n = 0;
	for (unsigned i = 0; i < kp_keymap_len && n < max; i++) {
		const kp_binding *b = &kp_keymap[i];
		if (!row_in(b, ctx) || b->bar_keys == 0)
			continue;
		char keys[64];
		key_list(b, ctx, b->bar_keys, keys, sizeof keys);
		if (keys[0] && (!acts || acts(model, mctx, b->action)))
			out[n++] = b;
	}
	return n;
}

const char *keymap_bar_if(unsigned ctx, kp_acts_fn acts, const void *model, const void *mctx)
{
	static char buf[512];
	buf[0] = '\0';
	const kp_binding *rows[64];
	size_t n = keymap_bar_rows(ctx, acts, model, mctx, rows, 64);
	for (size_t i = 0; i < n; i++) {
		const kp_binding *b = rows[i];
		char keys[64], item[160];
		key_list(b, ctx, b->bar_keys, keys, sizeof keys);
		snprintf(item, sizeof item, "%s %s", keys, msg(b->what));
		if (buf[0])
			strncat(buf, "  ", sizeof buf - strlen(buf) - 1);
		strncat(buf, item, sizeof buf - strlen(buf) - 1);
	}
	return buf;
}

const char *keymap_bar(unsigned ctx) { return keymap_bar_if(ctx, NULL, NULL, NULL); }

const char *keymap_key_name(kp_key key)
{
	static char buf[16];
	static const struct { int key; const char *name; } names[] = {
		{KEY_UP, "Up"}, {KEY_DOWN, "Down"}, {KEY_LEFT, "Left"}, {KEY_RIGHT, "Right"},
		{KEY_HOME, "Home"}, {KEY_END, "End"}, {KEY_PPAGE, "PgUp"}, {KEY_NPAGE, "PgDn"},
		{KEY_DC, "Del"}, {KEY_BACKSPACE, "Backspace"}, {KEY_ENTER, "Enter"},
		{KEY_BTAB, "Shift-Tab"}, {KEY_SUSPEND, "^Z"},
	};
	if (key.fn) {
		if (key.code >= (uint32_t)KEY_F(1) && key.code <= (uint32_t)KEY_F(12)) {
			snprintf(buf, sizeof buf, "F%u", key.code - (uint32_t)KEY_F(0));
			return buf;
		}
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if ((uint32_t)names[i].key == key.code)
				return names[i].name;
		return "?";
	}
	switch (key.code) {
	case '\t': return "Tab";
	case '\r': case '\n': return "Enter";
	case 27: return "Esc";
	case ' ': return "Space";
	case 8: case 127: return "Backspace";
	}
	if (key.code < 32)
		snprintf(buf, sizeof buf, "^%c", (char)(key.code + '@'));
	else
		snprintf(buf, sizeof buf, "%c", (char)key.code);
	return buf;
}

size_t keymap_help(unsigned ctx, kp_acts_fn acts, kp_key_acts_fn key_acts, const void *model, const void *mctx,
		   kp_key_line *out, size_t max)
{
	unsigned lookup = ctx;
	if (ctx & (CTX_TEXT | CTX_TEXTAREA | CTX_CHOICE | CTX_MULTI))
		lookup |= CTX_FORM; /* field keys are looked up with the form's */
	size_t n = 0;
	for (unsigned i = 0; i < kp_keymap_len && n < max; i++) {
		const kp_binding *b = &kp_keymap[i];
		if (!row_in(b, ctx) || (acts && !acts(model, mctx, b->action)))
			continue;
		kp_key_line *l = &out[n];
		l->keys[0] = '\0';
		for (int k = 0; k < 4 && used(b->keys[k]); k++) {
			const char *name = keymap_key_name(b->keys[k]);
			if (find_row(lookup, b->keys[k]) != b || strstr(l->keys, name) || /* "Enter" once */
			    fkey_missing(b->keys[k]) || (key_acts && !key_acts(model, mctx, b->keys[k])))
				continue;
			if (!l->keys[0])
				l->key = b->keys[k];
			else
				strncat(l->keys, "/", sizeof l->keys - strlen(l->keys) - 1);
			strncat(l->keys, name, sizeof l->keys - strlen(l->keys) - 1);
		}
		if (!l->keys[0])
			continue;
		l->what = b->what;
		l->action = b->action;
		l->later = false;
		n++;
	}
	return n;
}

/* A screen's two answers as one: does not act now, acts later. */
typedef struct {
	kp_acts_fn acts, later;
	const void *model;
} later_of;

static bool only_later(const void *lo, const void *mctx, kp_action a)
{
	const later_of *l = lo;
	return !l->acts(l->model, mctx, a) && l->later(l->model, mctx, a);
}

size_t keymap_help_later(unsigned ctx, kp_acts_fn acts, kp_acts_fn later, const void *model, const void *mctx,
			 kp_key_line *out, size_t max)
{
	if (!acts || !later) /* every row acts now, or none waits */
		return 0;
	later_of lo = {acts, later, model};
	size_t n = keymap_help(ctx, only_later, NULL, &lo, mctx, out, max);
	for (size_t i = 0; i < n; i++)
		out[i].later = true;
	return n;
}

size_t keymap_lines(unsigned ctx, kp_key_line *out, size_t max)
{
	return keymap_help(ctx, NULL, NULL, NULL, NULL, out, max);
}

/* Is l (its keys and words) among lines? */
static bool listed(const kp_key_line *lines, size_t n, const kp_key_line *l)
{
	for (size_t k = 0; k < n; k++)
		if (lines[k].what == l->what && !strcmp(lines[k].keys, l->keys))
			return true;
	return false;
}

/* One line of ctx's table, role (「（单位）」) after the words of a row one
 * role has; form-wide keys are listed once, under the form. */
static void print_line(FILE *out, unsigned ctx, const kp_key_line *l, const char *role)
{
	if (ctx != CTX_FORM && ctx & (CTX_TEXT | CTX_TEXTAREA | CTX_CHOICE | CTX_MULTI)) {
		kp_key_line form[64];
		if (listed(form, keymap_lines(CTX_FORM, form, 64), l))
			return;
	}
	fprintf(out, "| `%s` | %s%s |\n", l->keys, msg(l->what), role ? role : "");
}

/* A unit's line, then what the same key does on a record it can only
 * withdraw (its 已提交 one: 撤回 beside 提交). */
static void print_unit_line(FILE *out, unsigned ctx, const kp_key_line *l, const kp_key_line *unit, size_t nu,
			    const kp_key_line *wd, size_t nw)
{
	print_line(out, ctx, l, msg(MSG_KC_UNIT));
	for (size_t w = 0; w < nw; w++)
		if (wd[w].action == l->action && !listed(unit, nu, &wd[w]))
			print_line(out, ctx, &wd[w], msg(MSG_KC_UNIT_WITHDRAW));
}

void keymap_markdown(FILE *out)
{
	static const enum kp_msg_id ctx_names[CTX_COUNT] = {
		MSG_KC_MENU, MSG_KC_FORM, MSG_KC_TEXT, MSG_KC_TEXTAREA, MSG_KC_CHOICE,
		MSG_KC_MULTI, MSG_KC_LIST, MSG_KC_POPUP, MSG_KC_CONFIRM, MSG_KC_TABLE, MSG_KC_CELL,
		MSG_KC_VIEW, MSG_KC_CHECKLIST, MSG_KC_REPORT, MSG_KC_LOGIN, MSG_KC_AUDIT, MSG_KC_TRANSFER,
		MSG_KC_ACCOUNTS, MSG_KC_IMPORT, MSG_KC_ADVANCED, MSG_KC_FIND, MSG_KC_FILES, MSG_KC_BRIEFING,
		MSG_KC_TABLE_READ, MSG_KC_DRAFTS, MSG_KC_REASON, MSG_KC_FILTERED, MSG_KC_PASSWORD,
	};
	fprintf(out, "# %s\n\n%s\n", msg(MSG_KC_TITLE), msg(MSG_KC_INTRO));
	for (unsigned c = 0; c < CTX_COUNT; c++) {
		unsigned ctx = 1u << c;
		fprintf(out, "\n## %s\n\n| %s | %s |\n|---|---|\n", msg(ctx_names[c]), msg(MSG_KC_KEYS),
			msg(MSG_KC_ACTION));
		kp_key_line city[64], unit[64], wd[64];
		size_t nc = keymap_lines(ctx | CTX_CITY, city, 64), nu = keymap_lines(ctx | CTX_UNIT, unit, 64);
		size_t nw = keymap_lines(ctx | CTX_UNIT | CTX_WITHDRAW, wd, 64);
		for (size_t i = 0; i < nc; i++) {
			bool both = listed(unit, nu, &city[i]);
			print_line(out, ctx, &city[i], both ? NULL : msg(MSG_KC_CITY));
			for (size_t k = 0; !both && k < nu; k++) /* the unit's own row beside the city's */
				if (unit[k].action == city[i].action && !listed(city, nc, &unit[k]))
					print_unit_line(out, ctx, &unit[k], unit, nu, wd, nw);
		}
		for (size_t k = 0; k < nu; k++) {
			bool beside = false;
			for (size_t i = 0; i < nc && !beside; i++)
				beside = city[i].action == unit[k].action;
			if (!beside && !listed(city, nc, &unit[k]))
				print_unit_line(out, ctx, &unit[k], unit, nu, wd, nw);
		}
	}
}

bool keymap_edit_line(editbuf *b, kp_action a)
{
	switch (a) {
	case ACT_LEFT: eb_left(b); return true;
	case ACT_RIGHT: eb_right(b); return true;
	case ACT_HOME: eb_home(b); return true;
	case ACT_END: eb_end(b); return true;
	case ACT_BACKSPACE: eb_backspace(b); return true;
	case ACT_DELETE: eb_delete(b); return true;
	case ACT_KILL: eb_kill_to_end(b); return true;
	default: return false;
	}
}
