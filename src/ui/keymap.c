#include "ui/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define FN(k) {true, (uint32_t)(k)}
#define CH(c) {false, (uint32_t)(c)}
#define CTRL(c) CH((c) & 0x1f)
#define ESC CH(27)

#define FIELDS (CTX_TEXT | CTX_TEXTAREA | CTX_MULTI | CTX_CHOICE)
#define EDIT (CTX_TEXT | CTX_TEXTAREA)

/* Order matters twice: the first row that matches wins, and the key bar
 * lists rows in this order. */
const kp_binding kp_keymap[] = {
	{CTX_CONFIRM, ACT_YES, {CH('y'), CH('Y')}, NULL},
	{CTX_CONFIRM, ACT_NO, {CH('n'), CH('N'), ESC}, NULL},

	{CTX_POPUP, ACT_ACCEPT, {CH('\r'), CH('\n'), FN(KEY_ENTER)}, "Enter 选定"},
	{CTX_POPUP, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, "Esc 取消"},
	{CTX_POPUP, ACT_UP, {FN(KEY_UP), CTRL('P')}, "上下键 移动"},
	{CTX_POPUP, ACT_DOWN, {FN(KEY_DOWN), CTRL('N')}, NULL},
	{CTX_POPUP, ACT_PAGE_UP, {FN(KEY_PPAGE)}, NULL},
	{CTX_POPUP, ACT_PAGE_DOWN, {FN(KEY_NPAGE)}, NULL},
	{CTX_POPUP, ACT_BACKSPACE, {FN(KEY_BACKSPACE), CH(8), CH(127)}, "输入文字 筛选"},

	{CTX_FORM | FIELDS, ACT_SAVE, {FN(KEY_F(2)), CTRL('S')}, "F2/^S 保存"},
	{CTX_FORM | FIELDS, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, "Esc/F10/^X 离开"},
	{CTX_FORM | FIELDS, ACT_LIST, {FN(KEY_F(3)), CTRL('T')}, "F3/^T 列表"},
	{CTX_FORM | FIELDS, ACT_NEXT, {CH('\t')}, "Tab 下一项"},
	{CTX_FORM | FIELDS, ACT_PREV, {FN(KEY_BTAB)}, NULL},
	{CTX_CHOICE, ACT_OPEN_LIST, {FN(KEY_F(4)), CTRL('O'), CH(' ')}, "空格/F4/^O 选项"},
	{CTX_MULTI, ACT_TOGGLE, {CH(' ')}, "空格 勾选"},
	{CTX_MULTI, ACT_LEFT, {FN(KEY_LEFT)}, "左右键 移动"},
	{CTX_MULTI, ACT_RIGHT, {FN(KEY_RIGHT)}, NULL},
	{CTX_TEXTAREA, ACT_NEWLINE, {CH('\r'), CH('\n'), FN(KEY_ENTER)}, "Enter 换行"},
	{CTX_TEXTAREA, ACT_UP, {FN(KEY_UP)}, NULL},
	{CTX_TEXTAREA, ACT_DOWN, {FN(KEY_DOWN)}, NULL},
	{FIELDS, ACT_NEXT, {CH('\r'), CH('\n'), FN(KEY_ENTER), FN(KEY_DOWN)}, NULL},
	{FIELDS, ACT_PREV, {FN(KEY_UP)}, NULL},
	{EDIT, ACT_LEFT, {FN(KEY_LEFT), CTRL('B')}, NULL},
	{EDIT, ACT_RIGHT, {FN(KEY_RIGHT), CTRL('F')}, NULL},
	{EDIT, ACT_HOME, {FN(KEY_HOME), CTRL('A')}, NULL},
	{EDIT, ACT_END, {FN(KEY_END), CTRL('E')}, NULL},
	{EDIT | CTX_CHOICE, ACT_BACKSPACE, {FN(KEY_BACKSPACE), CH(8), CH(127)}, NULL},
	{EDIT | CTX_CHOICE, ACT_DELETE, {FN(KEY_DC)}, NULL},
	{EDIT, ACT_KILL, {CTRL('K')}, NULL},

	{CTX_LIST, ACT_ACCEPT, {CH('\r'), CH('\n'), FN(KEY_ENTER)}, "Enter 打开"},
	{CTX_LIST, ACT_NEW, {FN(KEY_F(7)), CTRL('N')}, "F7/^N 新建"},
	{CTX_LIST, ACT_DELETE_RECORD, {FN(KEY_F(8)), CTRL('D'), FN(KEY_DC)}, "F8/^D 删除"},
	{CTX_LIST, ACT_PAGE_DOWN, {FN(KEY_NPAGE), CTRL('V')}, "PgDn/PgUp 翻页"},
	{CTX_LIST, ACT_PAGE_UP, {FN(KEY_PPAGE), CTRL('U')}, NULL},
	{CTX_LIST, ACT_HOME, {FN(KEY_HOME)}, NULL},
	{CTX_LIST, ACT_END, {FN(KEY_END)}, NULL},
	{CTX_LIST | CTX_MENU, ACT_UP, {FN(KEY_UP), CTRL('P'), CH('k')}, NULL},
	{CTX_LIST | CTX_MENU, ACT_DOWN, {FN(KEY_DOWN), CTRL('N'), CH('j')}, NULL},
	{CTX_LIST, ACT_QUIT, {ESC, FN(KEY_F(10)), CTRL('X')}, "Esc/F10/^X 返回"},

	{CTX_MENU, ACT_ACCEPT, {CH('\r'), CH('\n'), FN(KEY_ENTER)}, "Enter 打开  数字键 直接打开附表"},
	{CTX_MENU, ACT_QUIT, {FN(KEY_F(10)), CTRL('X'), CH('q')}, "q/F10/^X 退出"},

	{CTX_MENU | CTX_FORM | CTX_LIST | FIELDS, ACT_REDRAW, {CTRL('L')}, NULL},
};
const unsigned kp_keymap_len = sizeof kp_keymap / sizeof kp_keymap[0];

static bool same(kp_key a, kp_key b) { return a.fn == b.fn && a.code == b.code; }

kp_action keymap_lookup(unsigned ctx, kp_key key)
{
	for (unsigned i = 0; i < kp_keymap_len; i++) {
		const kp_binding *b = &kp_keymap[i];
		if (!(b->ctx & ctx))
			continue;
		for (unsigned k = 0; k < 4; k++)
			if ((b->keys[k].fn || b->keys[k].code) && same(b->keys[k], key))
				return b->action;
	}
	return ACT_NONE;
}

const char *keymap_bar(unsigned ctx)
{
	static char buf[512];
	buf[0] = '\0';
	for (unsigned i = 0; i < kp_keymap_len; i++) {
		const kp_binding *b = &kp_keymap[i];
		if (!(b->ctx & ctx) || !b->bar || strstr(buf, b->bar))
			continue;
		if (buf[0])
			strncat(buf, "  ", sizeof buf - strlen(buf) - 1);
		strncat(buf, b->bar, sizeof buf - strlen(buf) - 1);
	}
	return buf;
}

const char *keymap_key_name(kp_key key)
{
	static char buf[16];
	if (key.fn) {
		if (key.code >= (uint32_t)KEY_F(1) && key.code <= (uint32_t)KEY_F(12))
			snprintf(buf, sizeof buf, "F%u", key.code - (uint32_t)KEY_F(0));
		else
			snprintf(buf, sizeof buf, "%s", keyname((int)key.code));
		return buf;
	}
	switch (key.code) {
	case '\t': return "Tab";
	case '\r': case '\n': return "Enter";
	case 27: return "Esc";
	case ' ': return "Space";
	case 127: return "Backspace";
	}
	if (key.code < 32)
		snprintf(buf, sizeof buf, "^%c", (char)(key.code + '@'));
	else
		snprintf(buf, sizeof buf, "%c", (char)key.code);
	return buf;
}
