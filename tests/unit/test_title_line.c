/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Every screen's title line laid out with no terminal (ui/title_line.h):
 * at 80 columns a 附表2 form keeps its own name and the record's number
 * whole (t80h h13: 「附表2>：修改第 19 号记录」): the label 填报单位 goes,
 * then 「演示账号」, the way back and as much of the unit as can go; the
 * year stays whole (it was shortened to 「演示 2016」); at 60 columns the
 * same order goes on; at 120 nothing gives way. A closed year says
 * 「（已结束）」 beside it. */
#include "unit.h"

#include "core/utf8.h"
#include "ui/title_line.h"

#define NEW_TALENT "附表2 科普人才库推荐表：新记录（草稿）"
#define EDIT_TALENT "附表2 科普人才库推荐表：修改第 1 号记录（草稿）"

static const char *laid(const title_parts *p, int cols)
{
	static char out[2048];
	title_line(p, cols, out, sizeof out);
	if (utf8_width(out) != cols)
		fail_msg("%d cells, not %d: [%s]", utf8_width(out), cols, out);
	return out;
}

/* The line without its padding: one space, the parts, one space. */
static void assert_line(const title_parts *p, int cols, const char *left, const char *right)
{
	const char *line = laid(p, cols);
	char want[1024];
	int fill = cols - 2 - utf8_width(left) - utf8_width(right);
	assert_true(fill >= 2);
	snprintf(want, sizeof want, " %s%*s%s ", left, fill, "", right);
	if (strcmp(line, want))
		fail_msg("\n  got:  [%s]\n  want: [%s]", line, want);
}

/* A unit's new 附表2 record on a demonstration account. */
static void form_at_80(void **state)
{
	(void)state;
	title_parts p = {NEW_TALENT, "← 菜单", "填报单位：魏都区", true, 2016, false};
	assert_line(&p, 80, NEW_TALENT "  ← 菜单", "魏都区  演示账号  2016 年度");
	title_parts e = {EDIT_TALENT, "← 列表", "填报单位：魏都区", true, 2016, false};
	assert_line(&e, 80, EDIT_TALENT "  ← 列表", "魏都区  2016 年度");
	/* the positive control: with room, every word whole */
	assert_line(&e, 120, EDIT_TALENT "  ← 列表", "填报单位：魏都区  演示账号  2016 年度");
	assert_line(&e, 90, EDIT_TALENT "  ← 列表", "魏都区  演示账号  2016 年度");
	/* not a demonstration account: the same */
	e.demo = false;
	assert_line(&e, 80, EDIT_TALENT "  ← 列表", "魏都区  2016 年度");
}

/* t80h h13: the city opens 东城区管委会's record: the way back gives way
 * before the form's name; a unit's name too long for the rest is cut
 * before it, keeping four characters. */
static void form_name_whole(void **state)
{
	(void)state;
	title_parts d = {"附表2 科普人才库推荐表：修改第 19 号记录（已提交）", "← 列表", "填报单位：东城区管委会", true,
			 2016, false};
	assert_line(&d, 80, "附表2 科普人才库推荐表：修改第 19 号记录（已提交）", "东城区管委会  2016 年度");
	title_parts x = {"附表2 科普人才库推荐表：修改第 19 号记录（已提交）", "← 列表",
			 "填报单位：许昌市科学技术协会", true, 2016, false};
	assert_line(&x, 80, "附表2 科普人才库推荐表：修改第 19 号记录（已提交）", "许昌市科学技术>  2016 年度");
	assert_line(&x, 70, "附表2 科普人才库>：修改第 19 号记录（已提交）", "许昌市科>  2016 年度");
}

static void form_at_60(void **state)
{
	(void)state;
	title_parts p = {NEW_TALENT, "← 菜单", "填报单位：魏都区", true, 2016, false};
	assert_line(&p, 60, NEW_TALENT, "魏都区  2016 年度");
	title_parts e = {EDIT_TALENT, "← 列表", "项目申报单位：魏都区", true, 2016, false};
	assert_line(&e, 60, "附表2 科普人>：修改第 1 号记录（草稿）", "魏都区  2016 年度");
	/* a title without a form number keeps its name; its end gives way */
	title_parts a = {"科普活动记录：修改第 12 号记录（已提交，附件 2 个）", "← 列表", "填报单位：许昌学院", true,
			 2016, false};
	assert_line(&a, 60, "科普活动记录：修改第 12 号记录（已提>", "许昌学院  2016 年度");
}

/* t80d #17: the activity's title at 80 hid 「← 列表」 and was cut anyway
 * (「…（已提交，附件 0 >」): after 演示账号 the attachments' count gives way
 * first, the way back stays whole; with room, all of it shows (the
 * control). */
static void record_items_before_back(void **state)
{
	(void)state;
	title_parts a = {"科普活动记录：查看第 25 号记录（已提交，附件 0 个）", "← 列表", "填报单位：魏都区", true,
			 2016, false};
	assert_line(&a, 80, "科普活动记录：查看第 25 号记录（已提交，附件 0 个）  ← 列表", "魏都区  2016 年度");
	a.demo = false; /* …and without 演示账号 to give way first */
	assert_line(&a, 70, "科普活动记录：查看第 25 号记录（已提交>  ← 列表", "魏都区  2016 年度");
	a.demo = true;
	assert_line(&a, 100, "科普活动记录：查看第 25 号记录（已提交，附件 0 个）  ← 列表",
		    "填报单位：魏都区  演示账号  2016 年度");
}

/* Titles with no form name: the back mark gives way, then the end. */
static void other_titles(void **state)
{
	(void)state;
	title_parts m = {"许昌市科协「百千万科普工程」", NULL, "填报单位：魏都区", true, 2016, false};
	assert_line(&m, 80, "许昌市科协「百千万科普工程」", "填报单位：魏都区  演示账号  2016 年度");
	title_parts c = {"各单位完成情况  + 按时 ~ 逾期完成 . 未到期 ! 逾期", "← 菜单", NULL, true, 2016, false};
	assert_line(&c, 80, "各单位完成情况  + 按时 ~ 逾期完成 . 未到期 ! 逾期  ← 菜单", "演示账号  2016 年度");
	assert_line(&c, 60, "各单位完成情况  + 按时 ~ 逾期完成 . 未到期 ! >", "2016 年度");
	title_parts b = {"工作简报：2016年7月（截止 2016年8月3日）", "← 菜单", "已报 5/19", true, 2016, false};
	assert_line(&b, 80, "工作简报：2016年7月（截止 2016年8月3日）  ← 菜单", "已报 5/19  2016 年度");
	/* 演示账号 gives way before a screen's name: the checklist on a
	 * demonstration account (1 cell over at 80) and the export screen (6
	 * over) */
	title_parts k = {"工作进度检查表（五、组织实施）", "← 菜单", "今天 2016年8月10日", true, 2016, false};
	assert_line(&k, 80, "工作进度检查表（五、组织实施）  ← 菜单", "今天 2016年8月10日  2016 年度");
	assert_line(&k, 81, "工作进度检查表（五、组织实施）  ← 菜单", "今天 2016年8月10日  演示账号  2016 年度");
	title_parts x = {"导出数据（CSV 或 Excel 文件，放进交换文件夹或发送到本机）", "← 菜单", NULL, true, 2016, false};
	assert_line(&x, 80, "导出数据（CSV 或 Excel 文件，放进交换文件夹或发送到本机）  ← 菜单", "2016 年度");
	title_parts login = {"许昌市科协「百千万科普工程」", NULL, NULL, false, 0, false}; /* before a sign-in */
	assert_line(&login, 80, "许昌市科协「百千万科普工程」", "");
}

/* Whatever the parts, at any width kepu draws at or the tests try: the
 * line is the width exactly, the year is whole, a part not whole on the
 * line left a 「>」 (or was the label, the flag or the way back), and at 80
 * columns and more the title up to its closing 「（…）」 (a form's name and
 * the record's number) is whole (a closed year's 「（已结束）」 may take ten
 * of its cells). */
static void every_width(void **state)
{
	(void)state;
	const char *titles[] = {NEW_TALENT, EDIT_TALENT, "工作进度检查表（五、组织实施）",
				"附表1 任务指标分配表", "月报：新记录",
				"科普活动记录：修改第 123456 号记录（已退回，附件 12 个）"};
	const char *rights[] = {NULL, "填报单位：魏都区", "项目申报单位：许昌市科学技术协会", "共 3 条",
				"今天：2016年8月10日"};
	for (size_t t = 0; t < sizeof titles / sizeof *titles; t++)
		for (size_t r = 0; r < sizeof rights / sizeof *rights; r++)
			for (int cols = 60; cols <= 120; cols++)
				for (int closed = 0; closed < 2; closed++) {
					title_parts p = {titles[t], "← 列表", rights[r], true, 2017, closed};
					const char *line = laid(&p, cols);
					char head[256];
					const char *paren = strstr(titles[t], "（");
					snprintf(head, sizeof head, "%.*s",
						 paren ? (int)(paren - titles[t]) : (int)strlen(titles[t]), titles[t]);
					if (!strstr(line, closed ? "  2017 年度（已结束） " : "  2017 年度 ") ||
					    (!strstr(line, titles[t]) && !strchr(line, '>')) ||
					    (cols >= 80 && !closed && !strstr(line, head)))
						fail_msg("%d: [%s]", cols, line);
				}
}

/* A year the city closed says so on every screen, for everyone to see. */
static void closed_year(void **state)
{
	(void)state;
	title_parts m = {"许昌市科协「百千万科普工程」", NULL, "填报单位：魏都区", false, 2016, true};
	assert_line(&m, 80, "许昌市科协「百千万科普工程」", "填报单位：魏都区  2016 年度（已结束）");
	m.closed = false; /* control */
	assert_line(&m, 80, "许昌市科协「百千万科普工程」", "填报单位：魏都区  2016 年度");
	title_parts e = {EDIT_TALENT, "← 列表", "填报单位：魏都区", true, 2016, true};
	assert_line(&e, 80, EDIT_TALENT, "魏都区  2016 年度（已结束）");
	/* narrower than kepu draws: the short year still says it */
	const char *line = laid(&e, 30);
	if (!strstr(line, "2016 已结束"))
		fail_msg("[%s]", line);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(form_at_80),
		cmocka_unit_test(form_name_whole),
		cmocka_unit_test(form_at_60),
		cmocka_unit_test(other_titles),
		cmocka_unit_test(record_items_before_back),
		cmocka_unit_test(every_width),
		cmocka_unit_test(closed_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
