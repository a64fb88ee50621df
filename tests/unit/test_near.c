/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The near-repeat rule (a form's near_hint): the near key itself (each
 * numbering, Chinese numerals, the prefixes of a place, and what must not
 * fold), the loader's checks, and the store: the form's save (kepu save
 * too) warns naming the near record and marks it when saved anyway, an
 * import refuses the row (in the file or against the table, into an empty
 * table and a filled one) unless --force, and the city's 认定 asks first.
 * Each refusal has its control: another date, another place (an
 * activity's name is not compared: any name the same day at the same
 * place is near), another name (a resource, a project). The testers'
 * near repeats too: a name in traditional characters, with an edition note
 * or ASCII Roman numerals, a resource filed again as another 类型, its
 * authors parted otherwise or in another order, and another unit's near
 * record, which the city sees when it reviews while the unit learns
 * nothing of it; their controls: activities at another place, other
 * authors. */
#include "unit_env.h"

#include "core/clock.h"
#include "core/nearkey.h"
#include "core/simplified.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "domain/review.h"
#include "domain/save.h"
#include "domain/transfer.h"
#include "import_text.h"
#include "form_story.h"
#include "model_keys.h"
#include "ui/review_prompt.h"

#define PREFIXES "河南省\n许昌市"

static void key_is(const char *s, int how, const char *unit, const char *want)
{
	char *k = text_near_key(s, how, unit, PREFIXES);
	if (strcmp(k, want))
		fail_msg("「%s」: 「%s」, not 「%s」", s, k, want);
	free(k);
}

static void test_numbering(void **state)
{
	(void)state;
	const char *same[] = {"科普讲座", "科普讲座（一）", "科普讲座（二）", "科普讲座(1)", "科普讲座【1】", "科普讲座〔3〕",
			      "科普讲座[12]", "科普讲座第1期", "科普讲座第一期", "科普讲座第 1 期", "科普讲座第十二场",
			      "科普讲座第3次", "科普讲座第二讲", "科普讲座2", "科普讲座 二十三", "科普讲座-2",
			      "科普讲座（第三期）", "科普讲座（一）第2场", "科普讲座 （２）", "科普讲座３期"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		key_is(same[i], NEAR_NUMBERED, NULL, "科普讲座");
	/* what must not fold: numbering inside the name, another word */
	key_is("第一中学科普讲座", NEAR_NUMBERED, NULL, "第1中学科普讲座");
	key_is("科普讲座团", NEAR_NUMBERED, NULL, "科普讲座团");
	key_is("科普讲座（本部）", NEAR_NUMBERED, NULL, "科普讲座(本部)");
	key_is("百千万科普工程", NEAR_NUMBERED, NULL, "百千万科普"); /* 百 alone is no number; 工程 a kind word */
	key_is("二〇一六年科普日", NEAR_NUMBERED, NULL, "2016年科普日");
	key_is("一百零五周年", NEAR_NUMBERED, NULL, "105周年");
	key_is("2016", NEAR_NUMBERED, NULL, "2016"); /* never down to nothing */
	key_is("（一）", NEAR_NUMBERED, NULL, "(1)");
	key_is("第一期", NEAR_NUMBERED, NULL, "第1期");
	/* numbering characters, financial numerals, 之N, a part of a series,
	 * quotes and book-title marks, a trailing ！ */
	const char *more[] = {"科普讲座①", "科普讲座⑳", "科普讲座⑴", "科普讲座㈠", "科普讲座⒈", "科普讲座Ⅰ", "科普讲座ⅻ",
			      "科普讲座（壹）", "科普讲座（贰拾）", "科普讲座﹙1﹚", "科普讲座❶", "科普讲座➀", "科普讲座之一",
			      "科普讲座之二", "科普讲座（上）", "科普讲座（中）", "科普讲座(下)", "科普讲座（续）", "《科普讲座》",
			      "“科普讲座”", "「科普讲座」（二）", "科普讲座！", "科普讲座。", "《科普讲座》之三！"};
	for (size_t i = 0; i < sizeof more / sizeof *more; i++)
		key_is(more[i], NEAR_NUMBERED, NULL, "科普讲座");
	/* controls: a part that is a word, a word after 之, a series inside */
	key_is("科普讲座（上册）", NEAR_NUMBERED, NULL, "科普讲座(上册)");
	key_is("科普讲座（上午）", NEAR_NUMBERED, NULL, "科普讲座(上午)");
	key_is("科普之窗", NEAR_NUMBERED, NULL, "科普之窗");
	key_is("①号科普讲座", NEAR_NUMBERED, NULL, "1号科普讲座");
	key_is("科普讲座？", NEAR_NUMBERED, NULL, "科普讲座?");
	/* a place's rule is not a name's, and NEAR_SAME folds numerals only */
	key_is("科普讲座（一）", NEAR_SAME, NULL, "科普讲座(1)");
}

static void test_place(void **state)
{
	(void)state;
	const char *same[] = {"文化中心", "魏都区文化中心", "许昌市魏都区文化中心", "河南省许昌市魏都区文化中心",
			      "河南省 许昌市 魏都区 文化中心", "文化中心（一楼）", "魏都区文化中心(本部)",
			      "许昌魏都区文化中心", "河南许昌魏都区文化中心", "河南省许昌魏都区文化中心",
			      "河南许昌市魏都区文化中心", "魏都文化中心", "许昌魏都文化中心", "魏都区文化中心。",
			      "“魏都区文化中心”"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		key_is(same[i], NEAR_PLACE, "魏都区", "文化中心");
	/* the city's own place is not the district's: a level stays unless the
	 * next level down follows it */
	key_is("许昌市文化中心", NEAR_PLACE, "魏都区", "许昌市文化中心");
	key_is("河南省许昌市文化中心", NEAR_PLACE, "魏都区", "许昌市文化中心");
	key_is("许昌市科协", NEAR_PLACE, "魏都区", "许昌市科协");
	key_is("许昌文化中心", NEAR_PLACE, "魏都区", "许昌文化中心"); /* without 市 too */
	key_is("河南许昌文化中心", NEAR_PLACE, "魏都区", "许昌文化中心");
	key_is("河南文化中心", NEAR_PLACE, "魏都区", "河南文化中心");
	/* 许昌县's name without 县 is the city's: the city's place stays */
	key_is("许昌文化中心", NEAR_PLACE, "许昌县", "许昌文化中心");
	key_is("许昌县文化中心", NEAR_PLACE, "许昌县", "文化中心");
	/* 科学技术协会 is 科协; the unit's name with it, in any of its forms */
	const char *kexie[] = {"魏都区科学技术协会", "魏都区科协", "许昌魏都区科协", "许昌市魏都区科学技术协会", "魏都科协"};
	for (size_t i = 0; i < sizeof kexie / sizeof *kexie; i++)
		key_is(kexie[i], NEAR_PLACE, "魏都区", "科协");
	key_is("许昌市科学技术协会", NEAR_PLACE, "魏都区", "许昌市科协");
	key_is("魏都路文化站", NEAR_PLACE, "魏都区", "路文化站"); /* not 文化站 */
	key_is("许昌市第一高级中学(本部)", NEAR_PLACE, "魏都区", "许昌市1高");
	/* another unit's 区 is a place of its own; a unit with no 区 has no prefix */
	key_is("建安区文化中心", NEAR_PLACE, "魏都区", "建安区文化中心");
	key_is("东城区文化站", NEAR_PLACE, "东城区管委会", "文化站");
	key_is("许昌学院图书馆", NEAR_PLACE, "许昌学院", "许昌学院图书馆");
	key_is("河南省许昌市许昌学院图书馆", NEAR_PLACE, "许昌学院", "许昌市许昌学院图书馆");
	/* never down to nothing */
	key_is("许昌市", NEAR_PLACE, "魏都区", "许昌市");
	key_is("河南省许昌市", NEAR_PLACE, "魏都区", "许昌市");
	key_is("(本部)", NEAR_PLACE, "魏都区", "(本部)");
	char *k = text_near_key("许昌市文化中心", NEAR_PLACE, NULL, NULL); /* no prefixes given */
	assert_string_equal(k, "许昌市文化中心");
	free(k);
}

/* Authors by the first: 等, 等人, a second name after 、 , ; /; controls:
 * another first author, a name that only begins alike. */
static void test_first(void **state)
{
	(void)state;
	const char *same[] = {"王建国", "王建国等", "王建国等人", "王建国、李明", "王建国，李明", "王建国;李明",
			      "王建国/李明", "王建国 等", "王建国、李明等"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		key_is(same[i], NEAR_FIRST, NULL, "王建国");
	key_is("李明、王建国", NEAR_FIRST, NULL, "李明");
	key_is("王建", NEAR_FIRST, NULL, "王建");
	key_is("等", NEAR_FIRST, NULL, "等"); /* never down to nothing */
}

typedef struct {
	const char *s;
	int how;
	const char *unit;
	const char *want;
} key_case;

static void keys_are(const key_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		key_is(c[i].s, c[i].how, c[i].unit, c[i].want);
}

/* Traditional → simplified, for comparing only; never the other way, and a
 * character that is simplified too (乾, 著) stays. */
static void test_traditional(void **state)
{
	(void)state;
	static const key_case cases[] = {
		{"科普講座", NEAR_NUMBERED, NULL, "科普讲座"},
		{"科普講座（二）", NEAR_NUMBERED, NULL, "科普讲座"},
		{"頭髮護理講座", NEAR_NUMBERED, NULL, "头发护理讲座"}, /* 髮 and 發 are both 发 */
		{"發明講座", NEAR_NUMBERED, NULL, "发明讲座"},
		{"資源開發", NEAR_NUMBERED, NULL, "资源开发"},
		{"許昌市魏都區文化中心", NEAR_PLACE, "魏都区", "文化中心"},
		{"臺灣會館", NEAR_PLACE, "魏都区", "台湾会馆"},
		{"魏都區科學技術協會", NEAR_PLACE, "魏都区", "科协"},
		{"王建國、李明", NEAR_FIRST, NULL, "王建国"},
		/* controls: simplified stays, and so do 乾 著 (simplified characters too) */
		{"头发护理讲座", NEAR_NUMBERED, NULL, "头发护理讲座"},
		{"乾坤著作讲座", NEAR_NUMBERED, NULL, "乾坤著作讲座"},
	};
	keys_are(cases, sizeof cases / sizeof *cases);
	assert_int_equal(cp_simplified_of(0x8B1B), 0x8BB2); /* 講 → 讲 */
	assert_int_equal(cp_simplified_of(0x8BB2), 0);      /* 讲: none */
	assert_int_equal(cp_simplified_of(0x53D1), 0);      /* 发 is never made 發 or 髮 */
	assert_int_equal(cp_simplified_of(0x4E7E), 0);      /* 乾 */
	assert_int_equal(cp_simplified_of('A'), 0);
}

/* An edition note at the end of a name, bare or bracketed; ASCII Roman
 * numerals as Ⅱ Ⅳ are. */
static void test_edition_roman(void **state)
{
	(void)state;
	const char *same[] = {"科普讲座（2016版）", "科普讲座2016年版", "科普讲座（修订版）", "科普讲座第二版", "科普讲座 第2版",
			      "科普讲座（第三版）", "科普讲座-2016年修订版", "科普讲座(增订版)", "科普讲座再版", "科普讲座新版",
			      "科普讲座（2016年版）（二）", "《科普讲座》（修訂版）", "科普讲座II", "科普讲座 IV", "科普讲座（III）",
			      "科普讲座ix", "科普讲座 XII", "科普讲座-V", "科普讲座第II期", "科普讲座Ⅱ",
			      /* t7h #5 */
			      "科普讲座（最新版）", "科普讲座（修订第二版）", "科普讲座（第二版修订）", "科普讲座（第2次印刷）",
			      "科普讲座第三次印刷", "科普讲座2016年版修订"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		key_is(same[i], NEAR_NUMBERED, NULL, "科普讲座");
	static const key_case cases[] = {
		{"II型糖尿病讲座", NEAR_NUMBERED, NULL, "2型糖尿病讲座"}, /* as Ⅱ型 */
		{"Ⅱ型糖尿病讲座", NEAR_NUMBERED, NULL, "2型糖尿病讲座"},
		/* controls: a reader's edition, a word with 版, 版 alone, never down to nothing */
		{"科普读本少年版", NEAR_NUMBERED, NULL, "科普读本少年版"},
		{"科普读本（青少年版）", NEAR_NUMBERED, NULL, "科普读本(青少年版)"},
		{"科普版画展", NEAR_NUMBERED, NULL, "科普版画展"},
		{"科普版", NEAR_NUMBERED, NULL, "科普版"},
		{"2016版", NEAR_NUMBERED, NULL, "2016版"},
		{"科普讲座修订", NEAR_NUMBERED, NULL, "科普讲座修订"}, /* 修订 with no edition */
		{"科普印刷", NEAR_NUMBERED, NULL, "科普印刷"},
		{"科普讲座次印刷", NEAR_NUMBERED, NULL, "科普讲座次印刷"},
		/* controls: letters of a word, a numeral no one writes so */
		{"科普讲座DIY", NEAR_NUMBERED, NULL, "科普讲座diy"},
		{"科普讲座mix", NEAR_NUMBERED, NULL, "科普讲座mix"},
		{"科普讲座iiii", NEAR_NUMBERED, NULL, "科普讲座iiii"},
		{"科普讲座Vlog", NEAR_NUMBERED, NULL, "科普讲座vlog"},
	};
	keys_are(cases, sizeof cases / sizeof *cases);
}

/* Authors parted by a space or 和 及 与 、 ，: the first one, and all of them
 * in any order (NEAR_AUTHORS). */
static void test_authors(void **state)
{
	(void)state;
	const char *two[] = {"王建国 李明", "王建国和李明", "王建国及李明", "王建国与李明", "王建国、李明", "王建国，李明",
			     "王建国　李明", "王建國 李明等"};
	for (size_t i = 0; i < sizeof two / sizeof *two; i++) {
		key_is(two[i], NEAR_FIRST, NULL, "王建国");
		key_is(two[i], NEAR_AUTHORS, NULL, "李明、王建国");
	}
	static const key_case cases[] = {
		{"李明 王建国", NEAR_AUTHORS, NULL, "李明、王建国"},
		{"李明和王建国", NEAR_FIRST, NULL, "李明"},
		/* controls: 和 inside a name, a name in letters, another second author */
		{"王和平", NEAR_FIRST, NULL, "王和平"},
		{"王和平和李明", NEAR_AUTHORS, NULL, "李明、王和平"},
		{"Wang Jianguo", NEAR_FIRST, NULL, "wangjianguo"},
		{"王 建国", NEAR_FIRST, NULL, "王建国"}, /* a space inside one name */
		{"欧阳 明 王建国", NEAR_AUTHORS, NULL, "欧阳明、王建国"},
		{"王建国、赵云", NEAR_AUTHORS, NULL, "王建国、赵云"},
		{"王建国 等", NEAR_AUTHORS, NULL, "王建国"},
		/* the author's role after the name (t5h #8), also parted off */
		{"王建国主编", NEAR_FIRST, NULL, "王建国"},
		{"王建国编著", NEAR_AUTHORS, NULL, "王建国"},
		{"王建国编", NEAR_FIRST, NULL, "王建国"},
		{"王建国著", NEAR_FIRST, NULL, "王建国"},
		{"王建国等编著", NEAR_FIRST, NULL, "王建国"},
		{"王建国 主编", NEAR_AUTHORS, NULL, "王建国"},
		{"王建国主编、李明", NEAR_AUTHORS, NULL, "李明、王建国"},
		/* controls: a two-character name ending so, another author */
		{"王著", NEAR_FIRST, NULL, "王著"},
		{"李编", NEAR_AUTHORS, NULL, "李编"},
		{"赵云主编", NEAR_FIRST, NULL, "赵云"},
		/* a place across units, as where it is */
		{"文化中心", NEAR_PLACE_UNIT, "魏都区", "魏都区文化中心"},
		{"许昌市魏都区文化中心", NEAR_PLACE_UNIT, "魏都区", "魏都区文化中心"},
		{"魏都区文化中心", NEAR_PLACE_UNIT, "东城区管委会", "魏都区文化中心"},
		{"文化中心", NEAR_PLACE_UNIT, "东城区管委会", "东城区文化中心"},
		{"许昌市文化中心", NEAR_PLACE_UNIT, "东城区管委会", "许昌市文化中心"},
		{"图书馆", NEAR_PLACE_UNIT, "许昌学院", "许昌学院图书馆"},
		{"许昌学院图书馆", NEAR_PLACE_UNIT, "医学会", "许昌学院图书馆"},
	};
	keys_are(cases, sizeof cases / sizeof *cases);
}

/* The testers' spellings (t5h, t6h): a school's short names, a print
 * note, 新编, 的, the unit's own name and 建设/项目/工程 in a name, an
 * author's role or title in brackets, before a colon or after the name;
 * each with controls that stay apart. */
static void test_spellings(void **state)
{
	(void)state;
	const char *school[] = {"许昌市第一高级中学", "许昌市一高", "许昌一高", "许昌市第一高中", "许昌市第一高级中学校",
				"许昌市第一高级中學", "许昌市1高中", "河南省许昌市第一高级中学"};
	for (size_t i = 0; i < sizeof school / sizeof *school; i++)
		key_is(school[i], NEAR_PLACE, "魏都区", "许昌市1高");
	const char *work[] = {"小麦病虫害防治图解（彩图版）", "小麦病虫害防治图解（增补本）", "小麦病虫害防治图解（精装）",
			      "小麦病虫害防治图解（合订本）", "小麦病虫害防治图解（电子版）", "小麦病虫害的防治图解",
			      "新编小麦病虫害防治图解", "小麦病虫害防治图解精装本"};
	for (size_t i = 0; i < sizeof work / sizeof *work; i++)
		key_is(work[i], NEAR_NUMBERED, "魏都区", "小麦病虫害防治图解");
	const char *project[] = {"社区科普e站建设", "社区科普e站建设项目", "社区科普e站建设工程", "魏都区社区科普e站建设",
				 "魏都社区科普e站", "社区科普E站", "社区科普e站建设（一期）"};
	for (size_t i = 0; i < sizeof project / sizeof *project; i++)
		key_is(project[i], NEAR_NUMBERED, "魏都区", "社区科普e站");
	const char *author[] = {"王建国（主编）", "王建国(主编)", "王建国编审", "王建国主审", "王建国撰", "王建国撰写",
				"王建国整理", "王建国编著等", "王建国绘图", "王建国文", "王建国/文", "文：王建国",
				"主编：王建国", "主编 王建国", "王建国老师", "王建国教授", "王建国副教授", "王建国…"};
	for (size_t i = 0; i < sizeof author / sizeof *author; i++) {
		key_is(author[i], NEAR_FIRST, NULL, "王建国");
		key_is(author[i], NEAR_AUTHORS, NULL, "王建国");
	}
	static const key_case controls[] = {
		/* other schools, another city's, a word with 高 */
		{"许昌市第二高级中学", NEAR_PLACE, "魏都区", "许昌市2高"},
		{"许昌市第一中学校", NEAR_PLACE, "魏都区", "许昌市第1中学"},
		{"许昌学院", NEAR_PLACE, "魏都区", "许昌学院"},
		{"许昌高新区", NEAR_PLACE, "魏都区", "许昌高新区"},
		{"禹州市第一高级中学", NEAR_PLACE, "魏都区", "禹州市1高"},
		/* another unit's name stays; a reader's edition; 的 alone; 建设 alone */
		{"建安区社区科普e站", NEAR_NUMBERED, "魏都区", "建安区社区科普e站"},
		{"小麦病虫害防治图解少年版", NEAR_NUMBERED, NULL, "小麦病虫害防治图解少年版"},
		{"的确", NEAR_NUMBERED, NULL, "的确"},
		{"建设", NEAR_NUMBERED, NULL, "建设"},
		{"新编", NEAR_NUMBERED, NULL, "新编"},
		/* names ending in 文, a two-character name with a title, a note kept apart */
		{"王建文", NEAR_FIRST, NULL, "王建文"},
		{"李文", NEAR_FIRST, NULL, "李文"},
		{"王教授", NEAR_FIRST, NULL, "王教授"},
		{"王建国（主编）、李明", NEAR_AUTHORS, NULL, "李明、王建国"},
	};
	keys_are(controls, sizeof controls / sizeof *controls);
}

/* Loaded from YAML: the shipped forms, and what the loader refuses. */
static void test_loader(void **state)
{
	fixture *fx = *state;
	const kp_form *a = catalog_form(&fx->env.cat, "activity");
	assert_non_null(a->near);
	assert_int_equal(a->near[0], NEAR_ANY); /* name, held_on, place */
	assert_int_equal(a->near[1], NEAR_SAME);
	assert_int_equal(a->near[2], NEAR_PLACE);
	assert_string_equal(a->near_prefixes, PREFIXES);
	const kp_form *res = catalog_form(&fx->env.cat, "resource"); /* name, kind, author */
	assert_non_null(res->near);
	assert_int_equal(res->near[2], NEAR_FIRST);
	assert_int_equal(res->near[1], NEAR_ANY); /* any 类型 */
	assert_int_equal(res->nnear_day, 1); /* the day rule: 完成日期 */
	assert_int_equal(res->near_day[0], form_field_index(res, "finished_on"));
	assert_null(a->near_day);
	assert_non_null(catalog_form(&fx->env.cat, "project")->near);
	assert_null(catalog_form(&fx->env.cat, "talent")->near);
	const char *head = "id: t\ntitle: 测试\ntable: t\nfields:\n  - {id: a, label: A, type: text}\n"
			   "  - {id: b, label: B, type: text}\n  - {id: d, label: D, type: date}\nunique_hint: [a, d]\n";
	const char *bad[][2] = {{"near_hint: {numbered: [b]}\n", "near_hint 的字段须是 unique_hint 中的单行文字字段：「b」不是"},
				{"near_hint: {numbered: [d]}\n", "「d」不是"},
				{"near_hint: {numbered: [a], place: [a]}\n", "near_hint 中字段「a」出现了两次"},
				{"near_hint: {prefixes: [河南省]}\n", "near_hint 须在 numbered、place 或 first 中列出至少一个字段"},
				{"near_hint: {numbered: [a], prefix: [x]}\n", "prefix"},
				{"near_hint: {numbered: [a], prefixes: ['']}\n", "prefixes 须是不空的单行文字"},
				{"near_hint: {any: [d]}\n", "near_hint 须在 numbered、place 或 first 中列出至少一个字段"},
				{"near_hint: {numbered: [a], any: [b]}\n", "「b」不是"},
				{"near_hint: {numbered: [a], day: [b]}\n", "near_hint 的 day 须是 unique_hint 以外的日期或选项字段：「b」不是"},
				{"near_hint: {numbered: [a], day: [d]}\n", "「d」不是"}};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *text = xasprintf("%s%s", head, bad[i][0]);
		kp_diag d = {0};
		assert_null(form_load(&fx->env.cat, "t.yaml", text, strlen(text), &d));
		char *said = NULL;
		size_t len;
		FILE *out = open_memstream(&said, &len);
		diag_print(&d, out);
		fclose(out);
		if (!strstr(said, bad[i][1]))
			fail_msg("%s: %s", bad[i][0], said);
		free(said);
		diag_free(&d);
		free(text);
	}
	char *good = xasprintf("%s%s", head, "near_hint: {numbered: [a]}\n"); /* the control */
	kp_diag d = {0};
	kp_form *f = form_load(&fx->env.cat, "t.yaml", good, strlen(good), &d);
	assert_non_null(f);
	assert_int_equal(f->near[0], NEAR_NUMBERED);
	assert_null(f->near_prefixes);
	form_free(f);
	diag_free(&d);
	free(good);
	good = xasprintf("%s%s", head, "near_hint: {numbered: [a], any: [d]}\n"); /* any: a date too */
	f = form_load(&fx->env.cat, "t.yaml", good, strlen(good), &d);
	assert_non_null(f);
	assert_int_equal(f->near[1], NEAR_ANY);
	form_free(f);
	diag_free(&d);
	free(good);
}

static int setup_august(void **state)
{
	clock_set_today("2016-08-10");
	return setup(state);
}

/* record_save (the form, and kepu save) of an activity of 魏都区. */
static kp_save_status save_activity(fixture *fx, const char *name, const char *date, const char *place, bool yes,
				    kp_save_result *res, long long *id)
{
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	const char **raw = xcalloc(f->nfields, sizeof *raw);
	const char *vals[][2] = {{"name", name}, {"held_on", date}, {"form", "科普报告"}, {"targets", "[\"校园\"]"},
				 {"place", place}, {"participants", "30"}};
	for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
		raw[form_field_index(f, vals[i][0])] = vals[i][1];
	for (size_t i = 0; i < f->nfields; i++)
		raw[i] = raw[i] ? raw[i] : "";
	kp_record rec;
	record_init(&rec, f->nfields);
	rec.unit_id = store_unit_id(fx->env.store, "魏都区");
	kp_save_opts o = {.check_duplicates = true, .dup_confirmed = yes};
	kp_save_status st = record_save(&fx->env, f, &rec, raw, &o, res);
	*id = rec.id;
	record_free(&rec);
	free(raw);
	return st;
}

/* The form warns of the unit's near record by its number and name; y (a
 * second F2, --force) saves it marked; another date, another name and
 * another unit's record are no near repeat (the controls). */
static void test_form_save(void **state)
{
	fixture *fx = *state;
	/* another unit's record is not the unit's near repeat (a control) */
	save_record(fx, "activity", "长葛市", "name", "科普讲座（五）", "held_on", "2016-07-01", "place", "文化中心", NULL);
	sign_in_unit(fx, "魏都区");
	kp_save_result res;
	long long first, id;
	assert_int_equal(save_activity(fx, "科普讲座（一）", "2016-07-01", "许昌市魏都区文化中心", false, &res, &first), SAVE_OK);
	save_result_free(&res);
	assert_int_equal(save_activity(fx, "科普讲座（二）", "2016-07-01", "魏都区文化中心", false, &res, &id),
			 SAVE_DUPLICATE);
	char *want = xasprintf("可能与第 %lld 号记录（魏都区，科普讲座（一））重复：日期、地点"
			       "（不计开头的省、市、本单位名和末尾的括注）相同（不论活动名称），请核实。", first);
	if (!strstr(res.message, want))
		fail_msg("%s", res.message);
	free(want);
	save_result_free(&res);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE name = '科普讲座（二）'"), 0);
	/* controls: another date, another place */
	assert_int_equal(save_activity(fx, "科普讲座（二）", "2016-07-02", "文化中心", false, &res, &id), SAVE_OK);
	save_result_free(&res);
	assert_int_equal(save_activity(fx, "科普讲座团", "2016-07-01", "人民广场", false, &res, &id), SAVE_OK);
	save_result_free(&res);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
	/* saved anyway: marked with the near record */
	assert_int_equal(save_activity(fx, "科普讲座第三期", "2016-07-01", "河南省许昌市魏都区文化中心", true, &res, &id),
			 SAVE_OK);
	assert_true(res.marked);
	save_result_free(&res);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kp_duplicates WHERE tbl = 'activity' AND id = %lld AND other = %lld",
		 id, first);
	assert_int_equal(sql_int(fx->path, sql), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 1);
	/* stored values as typed: the near key is only compared */
	snprintf(sql, sizeof sql, "SELECT name = '科普讲座第三期' AND place = '河南省许昌市魏都区文化中心' FROM activity WHERE id = %lld", id);
	assert_int_equal(sql_int(fx->path, sql), 1);
}

/* A mark stays while the two records are near, and goes when one is
 * changed so that they are not. */
static void test_mark_follows_change(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	kp_save_result res;
	long long first, id;
	save_activity(fx, "科普讲座（一）", "2016-07-01", "文化中心", false, &res, &first);
	save_result_free(&res);
	assert_int_equal(save_activity(fx, "科普讲座（二）", "2016-07-01", "文化中心", true, &res, &id), SAVE_OK);
	save_result_free(&res);
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, id, &r, NULL), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "participants"), "40"); /* still near: kept */
	/* marked on purpose: another field's edit is not warned again (t4h #8) */
	kp_dup d;
	assert_false(store_find_duplicate(fx->env.store, f, &r, &d));
	assert_int_equal(store_update(fx->env.store, f, &r, NULL), KP_OK);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 1);
	/* controls: new compared values near the same record, a new near record */
	record_set(&r, (size_t)form_field_index(f, "name"), "科普讲座（三）");
	assert_true(store_find_duplicate(fx->env.store, f, &r, &d));
	assert_int_equal(d.id, first);
	dup_free(&d);
	record_set(&r, (size_t)form_field_index(f, "name"), "科普讲座（二）");
	long long third;
	save_activity(fx, "科普讲座（四）", "2016-07-01", "文化中心", true, &res, &third);
	save_result_free(&res);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 3); /* 4th with 1st and 2nd */
	assert_false(store_find_duplicate(fx->env.store, f, &r, &d)); /* all marked already */
	char del[80];
	snprintf(del, sizeof del, "DELETE FROM kp_duplicates WHERE id = %lld", third);
	sql_run(fx->path, del);
	assert_true(store_find_duplicate(fx->env.store, f, &r, &d)); /* the 4th, not marked with it */
	assert_int_equal(d.id, third);
	dup_free(&d);
	record_set(&r, (size_t)form_field_index(f, "held_on"), "2016-07-02"); /* another day: taken off */
	assert_int_equal(store_update(fx->env.store, f, &r, NULL), KP_OK);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
	record_free(&r);
}

/* Import csv into form (with force or not): saved rows saved, near rows
 * left out as near repeats, and the report says said. */
static void import_says(fixture *fx, const char *form, const char *csv, bool force, int saved, int near,
			const char *said)
{
	char *rep;
	import_stats st;
	assert_int_equal(import_text(&fx->env, form, csv, (import_options){.force = force}, &rep, &st), 0);
	assert_int_equal(st.saved, saved);
	assert_int_equal(st.near, near);
	if (!strstr(rep, said))
		fail_msg("no 「%s」 in %s", said, rep);
	free(rep);
}

/* The first import (an empty table: the filter answers), then the same
 * rows against the table (look-ups): each near row is refused naming the
 * row, the fields and the near record; --force saves them, marked. */
static void test_import(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	const char *csv = ACT_HEADER ACT_ROW("科普讲座（一）", "2016-07-01", "许昌市魏都区文化中心")
		ACT_ROW("科普讲座(2)", "2016-07-01", "魏都区文化中心")         /* row 3: near row 2 */
		ACT_ROW("科普讲座（二）", "2016-07-02", "魏都区文化中心")     /* another day: saved */
		ACT_ROW("科普讲座团", "2016-07-01", "人民广场")               /* another place: saved */
		ACT_ROW("第一中学科普讲座", "2016-07-01", "第一中学");        /* likewise */
	import_says(fx, "activity", csv, false, 4, 1,
		    "第3行: 可能与本文件第 2 行（科普讲座（一））重复：日期、地点");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 4);
	/* against the table now */
	const char *again = ACT_HEADER ACT_ROW("科普讲座第3期", "2016-07-02", "河南省许昌市魏都区文化中心")
		ACT_ROW("科普讲座（二）", "2016-07-03", "文化中心"); /* control */
	import_says(fx, "activity", again, false, 1, 1, "第2行: 可能与第 2 号记录（科普讲座（二））重复");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
	/* --force: saved and marked */
	const char *forced = ACT_HEADER ACT_ROW("科普讲座第3期", "2016-07-02", "河南省许昌市魏都区文化中心");
	import_says(fx, "activity", forced, true, 1, 0, "1 行与本单位记录相近，按 --force 保存，已标记为可能重复");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates d JOIN activity t ON t.id = d.id"
					   " WHERE t.name = '科普讲座第3期' AND d.other = 2"), 1);
}

/* Resources and projects: their near_hint. */
static void test_resource_project(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	const char *res = "填报单位,名称,类型,作者,完成日期\n"
			  "魏都区,小麦病虫害防治图解（一）,科普漫画,王建国,2016-07-10\n"
			  "魏都区,小麦病虫害防治图解2,科普漫画,王建国,2016-07-10\n"   /* near row 2 */
			  "魏都区,小麦病虫害防治图解2,科普漫画,李红,2016-07-10\n"    /* another author's */
			  "魏都区,《小麦病虫害防治图解》,科普漫画,王建国等,2016-07-10\n" /* near row 2 */
			  "魏都区,小麦病虫害防治图解,科普漫画,李红、王建国,2016-07-10\n"; /* 李红's: near row 4 */
	import_says(fx, "resource", res, false, 2, 3,
		    "第3行: 可能与本文件第 2 行（小麦病虫害防治图解（一））重复：名称（不计编号）、作者（只计第一位，或全部而不计顺序）相同（不论类型）");
	import_says(fx, "resource", "填报单位,名称,类型,作者,完成日期\n魏都区,小麦病虫害防治图解,科普漫画,王建国、李明,2016-07-10\n",
		    false, 0, 1, "可能与第 1 号记录（小麦病虫害防治图解（一））重复");
	/* the control: another first author */
	import_says(fx, "resource", "填报单位,名称,类型,作者,完成日期\n魏都区,小麦病虫害防治图解,科普漫画,李明、王建国,2016-07-10\n",
		    false, 1, 0, "");
	const kp_form *f = catalog_form(&fx->env.cat, "project");
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, "魏都区");
	record_set(&r, (size_t)form_field_index(f, "name"), "社区科普e站（一期）");
	record_set(&r, (size_t)form_field_index(f, "executor"), "许昌市魏都区科协");
	long long p = save_record(fx, "project", "魏都区", "name", "社区科普e站", "executor", "魏都区科协",
				  "declared_on", "2016-07-10", NULL);
	kp_dup d;
	for (int i = 0; i < 2; i++) { /* （一期）, then （二） */
		assert_true(store_find_duplicate(fx->env.store, f, &r, &d));
		assert_true(d.near);
		assert_int_equal(d.id, p);
		dup_free(&d);
		record_set(&r, (size_t)form_field_index(f, "name"), "社区科普e站（二）");
	}
	record_set(&r, (size_t)form_field_index(f, "name"), "《社区科普e站》");
	record_set(&r, (size_t)form_field_index(f, "executor"), "许昌魏都区科学技术协会");
	assert_true(store_find_duplicate(fx->env.store, f, &r, &d));
	assert_int_equal(d.id, p);
	dup_free(&d);
	record_set(&r, (size_t)form_field_index(f, "executor"), "建安区科协"); /* control */
	assert_false(store_find_duplicate(fx->env.store, f, &r, &d));
	record_free(&r);
}

/* A clerk of unit in a session of its own (fx's store stays the city's
 * to be): close clerk.env.store when done. */
static fixture clerk_of(fixture *fx, const char *unit)
{
	char *err = NULL;
	kp_store *s;
	assert_int_equal(store_open(fx->path, &s, &err), KP_OK);
	assert_int_equal(store_session(s, unit ? SESSION_UNIT : SESSION_CITY, unit ? "wd" : "shi",
				       unit ? store_unit_id(s, unit) : 0, &err),
			 KP_OK);
	store_set_catalog(s, &fx->env.cat);
	assert_int_equal(store_set_year(s, 2016, &err), KP_OK);
	return (fixture){.env = {.cat = fx->env.cat, .store = s}, .path = fx->path};
}

/* The city opens record id's review: the title flags it as a possible
 * repeat of record other, and 认定 with Enter asks first (p and r are the
 * caller's to free). */
static void city_asks(fixture *fx, const kp_form *f, long long id, long long other, review_prompt *p, kp_record *r)
{
	assert_int_equal(store_get(fx->env.store, f, id, r, NULL), KP_OK);
	city_views(fx->env.store, f, id);
	review_prompt_init(p);
	review_prompt_open(p, fx->env.store, f, r);
	char flag[80];
	snprintf(flag, sizeof flag, "（可能重复：第 %lld 号，请先核实）", other);
	if (!strstr(p->title, flag))
		fail_msg("%s", p->title);
	while (p->offered[p->actions.sel] != REV_APPROVE)
		review_prompt_key(p, &fx->env, FN(KEY_DOWN));
	review_prompt_key(p, &fx->env, ENTER);
	assert_true(p->confirming);
}

/* The city's 认定 of a record marked near asks first, naming the record it
 * may repeat: n keeps it submitted, y approves it (the control). */
static void test_city_asks(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	fixture clerk = clerk_of(fx, "魏都区");
	kp_store *unit = clerk.env.store;
	kp_save_result res;
	long long first, id;
	save_activity(&clerk, "科普讲座（一）", "2016-07-01", "文化中心", false, &res, &first);
	save_result_free(&res);
	if (save_activity(&clerk, "科普讲座（二）", "2016-07-01", "许昌市魏都区文化中心", true, &res, &id) != SAVE_OK)
		fail_msg("%s", res.message);
	save_result_free(&res);
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	assert_int_equal(review_apply(&clerk.env, f, id, REV_SUBMIT, NULL, &err), 0);
	store_close(unit);
	assert_int_equal(store_session(fx->env.store, SESSION_CITY, "shi", 0, &err), KP_OK);
	kp_record r;
	review_prompt p;
	city_asks(fx, f, id, first, &p, &r);
	mr_result said = review_prompt_key(&p, &fx->env, CH('n'));
	assert_non_null(strstr(said.text, "没有认定"));
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT kp_state = 'submitted' FROM activity WHERE id = %lld", id);
	assert_int_equal(sql_int(fx->path, sql), 1);
	review_prompt_open(&p, fx->env.store, f, &r);
	while (p.offered[p.actions.sel] != REV_APPROVE)
		review_prompt_key(&p, &fx->env, FN(KEY_DOWN));
	review_prompt_key(&p, &fx->env, ENTER);
	said = review_prompt_key(&p, &fx->env, CH('y'));
	assert_int_equal(said.kind, MR_SAVED);
	snprintf(sql, sizeof sql, "SELECT kp_state = 'approved' FROM activity WHERE id = %lld", id);
	assert_int_equal(sql_int(fx->path, sql), 1);
	review_prompt_free(&p);
	record_free(&r);
}

/* What the save said of an activity of 魏都区 on 2016-07-01 (the form,
 * kepu save), and its status. */
static kp_save_status save_july(fixture *fx, const char *name, const char *place, char **said)
{
	kp_save_result res;
	long long id;
	kp_save_status st = save_activity(fx, name, "2016-07-01", place, false, &res, &id);
	*said = xstrdup(res.message ? res.message : "");
	save_result_free(&res);
	return st;
}

/* The form's save (and kepu save's) warns of 科普講座, 科普讲座II and
 * 科普讲座 IV beside 科普讲座（一） the same day at the same place, and of
 * 科普讲座（农业） too (the name is not compared); 科普讲座（医疗） at
 * another place is another activity (the control). */
static void test_save_variants(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	char *said;
	assert_int_equal(save_july(fx, "科普讲座（一）", "文化中心", &said), SAVE_OK);
	free(said);
	const char *near[] = {"科普講座", "科普讲座II", "科普讲座 IV", "科普讲座（2016版）"};
	for (size_t i = 0; i < sizeof near / sizeof *near; i++) {
		assert_int_equal(save_july(fx, near[i], "許昌市魏都區文化中心", &said), SAVE_DUPLICATE);
		if (!strstr(said, "可能与第 1 号记录（魏都区，科普讲座（一））重复：日期、地点"))
			fail_msg("%s: %s", near[i], said);
		free(said);
	}
	assert_int_equal(save_july(fx, "科普讲座（农业）", "文化中心", &said), SAVE_DUPLICATE);
	free(said);
	assert_int_equal(save_july(fx, "科普讲座（医疗）", "人民广场", &said), SAVE_OK);
	free(said);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
}

/* An activity the same day at the same place is near whatever its name
 * (t5h #2, t6h #6): another numbering, another word, a session （下午）,
 * the school by its short name; warned, kept with a second F2 (marked).
 * Controls: the same name at another place, or another day. */
static void test_same_day_place(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	char *said;
	assert_int_equal(save_july(fx, "节约能源资源科普报告会", "许昌市第一高级中学", &said), SAVE_OK);
	free(said);
	const char *name[] = {"节约能源资源科普报告会（下篇）", "节约能源资源科普报告会（2/3）", "节约能源资源科普报告会V2",
			      "第二届节约能源资源科普报告会", "节约资源能源科普报告会", "节约能源资源科普报告大会",
			      "节约能源资源科普报告会🎉", "节约能源资源科普报告会（下午）"};
	for (size_t i = 0; i < sizeof name / sizeof *name; i++) {
		assert_int_equal(save_july(fx, name[i], "许昌市第一高级中学", &said), SAVE_DUPLICATE);
		if (!strstr(said, "可能与第 1 号记录（魏都区，节约能源资源科普报告会）重复：日期、地点（不计开头的省、市、本单位名和末尾的括注）相同（不论活动名称）"))
			fail_msg("%s: %s", name[i], said);
		free(said);
	}
	const char *place[] = {"许昌市一高", "许昌一高", "许昌市第一高中", "许昌市第一高级中学校"};
	for (size_t i = 0; i < sizeof place / sizeof *place; i++) {
		assert_int_equal(save_july(fx, "节约能源资源科普报告会", place[i], &said), SAVE_DUPLICATE);
		free(said);
	}
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity"), 1);
	/* controls: another place, another day */
	assert_int_equal(save_july(fx, "节约能源资源科普报告会", "许昌市第二高级中学", &said), SAVE_OK);
	free(said);
	kp_save_result res;
	long long id;
	assert_int_equal(save_activity(fx, "节约能源资源科普报告会", "2016-07-02", "许昌市第一高级中学", false, &res, &id),
			 SAVE_OK);
	save_result_free(&res);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 0);
	/* the afternoon session kept: saved, marked with the morning's */
	assert_int_equal(save_activity(fx, "节约能源资源科普报告会（下午）", "2016-07-01", "许昌一高", true, &res, &id),
			 SAVE_OK);
	assert_true(res.marked);
	save_result_free(&res);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates WHERE other = 1"), 1);
}

/* A forced import of many talks on one day at one place marks each with
 * its latest near records only (DUP_NEAR_MARKS), not with every other. */
static void test_marks_bounded(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	strbuf csv = STRBUF_INIT;
	sb_adds(&csv, ACT_HEADER);
	for (int i = 0; i < 60; i++)
		sb_printf(&csv, ACT_ROW("科普讲座%d", "2016-07-05", "文化中心"), i);
	import_says(fx, "activity", sb_str(&csv), true, 60, 0, "59 行与本单位记录相近，按 --force 保存，已标记为可能重复");
	sb_free(&csv);
	/* the 21st and later rows: 20 pairs each, the first rows fewer */
	assert_int_equal(sql_int(fx->path, "SELECT max(n) FROM (SELECT count(*) AS n FROM kp_duplicates GROUP BY id)"), 20);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates"), 19 * 20 / 2 + 40 * 20);
	/* the control: every row but the first is marked, with the one before it among them */
	assert_int_equal(sql_int(fx->path, "SELECT count(DISTINCT id) FROM kp_duplicates"), 59);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates WHERE other = id - 1"), 59);
}

#define RES_HEADER "填报单位,名称,类型,作者,完成日期\n"

/* A resource with only its 类型 changed, its authors in another order or
 * parted otherwise, its name with an edition note or in traditional
 * characters: refused by an import, saved marked with --force; other
 * authors are no repeat. */
static void test_resource_variants(void **state)
{
	fixture *fx = *state;
	sign_in_unit(fx, "魏都区");
	import_says(fx, "resource", RES_HEADER "魏都区,防治图解,科普漫画,李明、王建国,2016-07-10\n", false, 1, 0, "");
	const char *near = RES_HEADER
		"魏都区,防治图解,科普挂图,李明、王建国,2016-07-10\n"       /* another 类型 */
		"魏都区,防治图解,科普漫画,王建国 李明,2016-07-10\n"       /* the same two, by a space */
		"魏都区,防治图解,科普漫画,王建国和李明,2016-07-10\n"      /* and by 和 */
		"魏都区,防治图解（2016版）,科普漫画,李明,2016-07-10\n"   /* an edition, the first author */
		"魏都区,防治圖解第二版,科普文章,李明 王建国,2016-07-10\n"; /* all at once */
	import_says(fx, "resource", near, false, 0, 5,
		    "可能与第 1 号记录（防治图解）重复：名称（不计编号）、作者（只计第一位，或全部而不计顺序）相同（不论类型）");
	const char *other = RES_HEADER
		"魏都区,防治图解,科普漫画,张三,2016-07-10\n"         /* another author */
		"魏都区,防治图解,科普漫画,王建国、张三,2016-07-10\n" /* another first, another pair */
		"魏都区,防治图解少年版,科普漫画,李明,2016-07-11\n"; /* another work, another day */
	import_says(fx, "resource", other, false, 3, 0, "");
	/* the day rule: the same 完成日期, 类型 and first author, whatever the 名称 */
	import_says(fx, "resource", RES_HEADER "魏都区,防治图册,科普漫画,李明（主编）,2016-07-10\n", false, 0, 1,
		    "可能与第 1 号记录（防治图解）重复：类型、作者（只计第一位，或全部而不计顺序）、完成日期相同（不论名称）");
	/* its controls: another 类型, another day */
	import_says(fx, "resource", RES_HEADER "魏都区,防治图册,科普挂图,李明,2016-07-10\n魏都区,防治手册,科普漫画,李明,2016-07-12\n",
		    false, 2, 0, "");
	/* two rows of one file, the second near the first by the day rule (the
	 * import's filter holds the rows written) */
	import_says(fx, "resource", RES_HEADER "魏都区,甲读本,科普漫画,赵云,2016-08-01\n魏都区,乙读本,科普漫画,赵云编著,2016-08-01\n",
		    false, 1, 1, "第3行: 可能与本文件第 2 行（甲读本）重复");
	/* kept with --force: marked with the record of that day */
	import_says(fx, "resource", RES_HEADER "魏都区,防治图册,科普漫画,李明（主编）,2016-07-10\n", true, 1, 0,
		    "按 --force 保存，已标记为可能重复");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates d JOIN resource t ON t.id = d.id"
					   " WHERE t.name = '防治图册' AND t.kind = '科普漫画' AND d.other = 1"), 1);
	/* an edit of another field keeps the mark and says nothing; another day takes it off */
	const kp_form *f = catalog_form(&fx->env.cat, "resource");
	long long id = sql_int(fx->path, "SELECT id FROM resource WHERE name = '防治图册' AND kind = '科普漫画'");
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, id, &r, NULL), KP_OK);
	record_set(&r, (size_t)form_field_index(f, "summary"), "一本图册");
	kp_dup d;
	assert_false(store_find_duplicate(fx->env.store, f, &r, &d));
	assert_int_equal(store_update(fx->env.store, f, &r, NULL), KP_OK);
	const char *pair = "SELECT count(*) FROM kp_duplicates d JOIN resource t ON t.id = d.id WHERE t.name = '防治图册'"
			   " AND t.kind = '科普漫画' AND d.other = 1";
	assert_int_equal(sql_int(fx->path, pair), 1);
	record_set(&r, (size_t)form_field_index(f, "finished_on"), "2016-07-20");
	assert_int_equal(store_update(fx->env.store, f, &r, NULL), KP_OK);
	assert_int_equal(sql_int(fx->path, pair), 0);
	record_free(&r);
	import_says(fx, "resource", RES_HEADER "魏都区,防治图解,科普挂图,王建国和李明,2016-07-10\n", true, 1, 0,
		    "按 --force 保存，已标记为可能重复");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_duplicates d JOIN resource t ON t.id = d.id"
					   " WHERE t.kind = '科普挂图' AND t.author = '王建国和李明' AND d.other = 1"), 1);
}

/* 长葛市 and 魏都区 file the same lecture: 魏都区's clerk is warned of
 * nothing and learns nothing of it; the city's 认定 names it and asks
 * first. Two units' own 文化中心 are no repeat (the control). */
/* The clerk's save of an activity near another unit's: saved, no word of a
 * repeat nor of unseen; its number. */
static long long saved_quietly(fixture *fx, fixture *clerk, const char *name, const char *place, const char *unseen)
{
	char *said;
	assert_int_equal(save_july(clerk, name, place, &said), SAVE_OK);
	assert_null(strstr(said, "重复"));
	assert_null(strstr(said, unseen));
	free(said);
	return sql_int(fx->path, "SELECT max(id) FROM activity");
}

static void test_city_sees_other_unit(void **state)
{
	fixture *fx = *state;
	long long other = save_record(fx, "activity", "长葛市", "name", "科普讲座（一）", "held_on", "2016-07-01", "place",
				      "魏都区文化中心", "form", "科普报告", "targets", "[\"校园\"]", "participants", "30", NULL);
	long long own = save_record(fx, "activity", "长葛市", "name", "科普讲座（三）", "held_on", "2016-07-01", "place",
				    "文化中心", "form", "科普报告", "targets", "[\"校园\"]", "participants", "30", NULL);
	char *err = NULL;
	fixture clerk = clerk_of(fx, "魏都区");
	kp_store *unit = clerk.env.store;
	long long id = saved_quietly(fx, &clerk, "科普講座（二）", "文化中心", "长葛");
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	kp_dup *d;
	assert_int_equal(store_duplicates_of(unit, f, id, &d), 0); /* a unit reads no pairs */
	free(d);
	if (review_apply(&clerk.env, f, id, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	store_close(unit);
	/* 长葛市's is still a draft: not named at 魏都区's review (t7h #4) */
	fixture shi = clerk_of(fx, NULL);
	assert_int_equal(store_duplicates_of(shi.env.store, f, id, &d), 0);
	free(d);
	store_close(shi.env.store);
	if (review_apply(&fx->env, f, other, REV_SUBMIT, NULL, &err)) /* put to the city: named */
		fail_msg("%s", err);
	assert_int_equal(store_session(fx->env.store, SESSION_CITY, "shi", 0, &err), KP_OK);
	size_t n = store_duplicates_of(fx->env.store, f, id, &d);
	assert_int_equal(n, 1); /* 长葛市's at 魏都区文化中心, not its own 文化中心 */
	assert_int_equal(d[0].id, other);
	assert_string_equal(d[0].unit_name, "长葛市");
	assert_true(d[0].near);
	dup_free(&d[0]);
	free(d);
	assert_int_equal(store_duplicates_of(fx->env.store, f, own, &d), 0); /* the control, seen from it */
	free(d);
	kp_record r;
	review_prompt p;
	city_asks(fx, f, id, other, &p, &r);
	review_prompt_key(&p, &fx->env, CH('n'));
	review_prompt_free(&p);
	record_free(&r);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE kp_state = 'approved'"), 0);
}

/* t7h #4: 魏都区 saves a copy of 禹州市's submitted activity. It is told
 * nothing (a rival's filings are no probe), the pair is marked for the
 * city, and the copy, a draft, casts no doubt on 禹州市's record at its
 * review; once submitted it is named at both reviews (the control), as a
 * unit's own draft always is. An import of copies counts none to the unit. */
static void test_rival_draft_copy(void **state)
{
	fixture *fx = *state;
	char *err = NULL;
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	long long theirs = save_record(fx, "activity", "禹州市", "name", "保障安全健康科普讲座", "held_on", "2016-07-01",
				       "place", "市直机关会议室", "form", "科普报告", "targets", "[\"校园\"]", "participants",
				       "30", NULL);
	if (review_apply(&fx->env, f, theirs, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	fixture clerk = clerk_of(fx, "魏都区");
	long long copy = saved_quietly(fx, &clerk, "保障安全健康科普讲座", "市直机关会议室", "其他单位");
	char *said;
	char *q = xasprintf("SELECT count(*) FROM kp_duplicates WHERE id = %lld AND other = %lld", copy, theirs);
	assert_int_equal(sql_int(fx->path, q), 1); /* the city's, kept */
	free(q);
	/* the same unit's copy is still warned (the control) */
	assert_int_equal(save_july(&clerk, "保障安全健康科普讲座", "市直机关会议室", &said), SAVE_DUPLICATE);
	free(said);
	/* 长葛市's import of another copy: saved, marked, nothing said or counted */
	fixture cg = clerk_of(fx, "长葛市");
	char *rep;
	import_stats st;
	assert_int_equal(import_text(&cg.env, "activity",
				     ACT_HEADER "长葛市,保障安全健康科普讲座,2016-07-01,科普报告,校园,市直机关会议室,30\n",
				     (import_options){0}, &rep, &st),
			 0);
	assert_int_equal(st.saved, 1);
	if (strstr(rep, "其他单位") || strstr(rep, "标记"))
		fail_msg("%s", rep);
	free(rep);
	store_close(cg.env.store);
	q = xasprintf("SELECT count(*) FROM kp_duplicates WHERE id = (SELECT max(id) FROM activity) AND other = %lld",
		      theirs);
	assert_int_equal(sql_int(fx->path, q), 1);
	free(q);
	kp_dup *d;
	fixture shi = clerk_of(fx, NULL);
	assert_int_equal(store_duplicates_of(shi.env.store, f, theirs, &d), 0);
	free(d);
	if (review_apply(&clerk.env, f, copy, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
	size_t n = store_duplicates_of(shi.env.store, f, theirs, &d);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].id, copy);
	dup_free(&d[0]);
	free(d);
	n = store_duplicates_of(shi.env.store, f, copy, &d); /* and the other way round */
	assert_true(n >= 1);
	assert_int_equal(d[0].id, theirs);
	for (size_t i = 0; i < n; i++)
		dup_free(&d[i]);
	free(d);
	store_close(shi.env.store);
	store_close(clerk.env.store);
}

/* What a clerk's save for 魏都区 of person of (another unit's) under
 * name and phone said (record_save: the form and kepu save). */
static kp_save_status save_person_as(fixture *clerk, const kp_record *of, const char *name, const char *phone,
				     char **said)
{
	const kp_form *f = catalog_form(&clerk->env.cat, "talent");
	const char **raw = xcalloc(f->nfields, sizeof *raw);
	for (size_t i = 0; i < f->nfields; i++)
		raw[i] = of->vals[i] ? of->vals[i] : "";
	raw[form_field_index(f, "name")] = name;
	raw[form_field_index(f, "phone")] = phone;
	kp_record rec;
	record_init(&rec, f->nfields);
	rec.unit_id = store_unit_id(clerk->env.store, "魏都区");
	kp_save_opts o = {.check_duplicates = true};
	kp_save_result res;
	kp_save_status st = record_save(&clerk->env, f, &rec, raw, &o, &res);
	*said = xstrdup(res.message ? res.message : "");
	assert_false(res.marked);
	save_result_free(&res);
	record_free(&rec);
	free(raw);
	return st;
}


/* A unit's import writes for IMPORT_UNIT_SECONDS at most (t6h, xl4: near
 * rows compared with every stored record took minutes, every other
 * session's save waiting): stopped, nothing saved, the bound named. A
 * bound already spent (write_ms < 0) stops it at the first row; the
 * control, the default bound, saves; the city's import has none. */
static void test_unit_import_time_bound(void **state)
{
	fixture *fx = *state;
	char *rep;
	import_stats st;
	/* the city's import (the fixture's session) has no time bound */
	const char *more = ACT_HEADER ACT_ROW("科技周展览", "2016-07-03", "许昌市魏都区文化中心");
	assert_int_equal(import_text(&fx->env, "activity", more, (import_options){.write_ms = -1, .unit = "魏都区"}, &rep,
				     &st),
			 0);
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE name = '科技周展览'"), 1);
	sign_in_unit(fx, "魏都区");
	const char *csv = ACT_HEADER ACT_ROW("科普讲座", "2016-07-01", "许昌市魏都区文化中心")
		ACT_ROW("农技培训", "2016-07-02", "魏都区文化中心");
	assert_int_not_equal(import_text(&fx->env, "activity", csv, (import_options){.write_ms = -1}, &rep, &st), 0);
	if (!strstr(rep, "单位账号的一次导入至多写 20 秒"))
		fail_msg("no bound named in %s", rep);
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE name IN ('科普讲座', '农技培训')"), 0);
	assert_int_equal(import_text(&fx->env, "activity", csv, (import_options){0}, &rep, &st), 0); /* the control */
	free(rep);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE name IN ('科普讲座', '农技培训')"), 2);
}

/* A unit is told of another unit's person by 姓名 and 联系电话 only
 * (docs/security.md): 姓名 and 工作单位, known of a rival's experts, or
 * the phone alone must not probe whom it recommends. Saved and marked for
 * the city, the clerk told nothing; the control, 姓名 and 联系电话, is
 * told (without the other unit's name). */
static void test_person_probe(void **state)
{
	fixture *fx = *state;
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	long long theirs = save_person(fx, "罗德明", "13077777868");
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, theirs, &r, NULL), KP_OK);
	fixture clerk = clerk_of(fx, "魏都区");
	const char *quiet[][2] = {{"罗德明", "13900000009"}, {"张三丰", "13077777868"}};
	char *said;
	for (size_t c = 0; c < 2; c++) {
		assert_int_equal(save_person_as(&clerk, &r, quiet[c][0], quiet[c][1], &said), SAVE_OK);
		assert_null(strstr(said, "重复"));
		free(said);
		char *q = xasprintf("SELECT count(*) FROM kp_duplicates WHERE id = (SELECT max(id) FROM talent)"
				    " AND other = %lld", theirs);
		assert_int_equal(sql_int(fx->path, q), 1); /* the city's to see */
		free(q);
	}
	assert_int_equal(save_person_as(&clerk, &r, "罗德明", "13077777868", &said), SAVE_DUPLICATE);
	assert_non_null(strstr(said, "其他单位"));
	assert_null(strstr(said, "许昌学院"));
	free(said);
	store_close(clerk.env.store);
	record_free(&r);
}

/* One activity typed into the form as 禹州市's. */
static fm_result type_activity(form_story *s, const char *name, const char *place)
{
	form_model *m = open_record(s, "activity", 0, "禹州市");
	type(s, m, name); key(s, m, TAB);
	type(s, m, "2016-07-01"); key(s, m, TAB);
	type(s, m, "展览"); key(s, m, ENTER);
	key(s, m, SPACE); key(s, m, TAB);
	type(s, m, place); key(s, m, TAB);
	type(s, m, "100");
	fm_result r = key(s, m, F2);
	if (r.kind != FM_SAVED) { /* warned: the clerk insists */
		/* what to do first: the status line cut at 80 columns keeps it */
		assert_int_equal(strncmp(r.text, "再按 F2 仍要保存：可能与第", strlen("再按 F2 仍要保存：可能与第")), 0);
		fm_result again = key(s, m, F2);
		assert_int_equal(again.kind, FM_SAVED);
		assert_said(again.text, "已标记为可能重复");
	}
	fm_free(m);
	return r;
}

/* The form screen's model: F2 on 科普讲座（二） at 许昌市禹州市人民广场 beside
 * 科普讲座（一） at 禹州市人民广场 the same day warns, naming the record by its
 * number and name; a second F2 saves it, marked; so does 科普講座 III, saved
 * as typed. */
static void test_form_screen(void **state)
{
	form_story *s = *state;
	clock_set_today("2016-08-10");
	fm_result r = type_activity(s, "科普讲座（一）", "禹州市人民广场");
	assert_int_equal(r.kind, FM_SAVED);
	r = type_activity(s, "科普讲座（二）", "许昌市禹州市人民广场");
	assert_int_not_equal(r.kind, FM_SAVED);
	assert_said(r.text, "可能与第 1 号记录（禹州市，科普讲座（一））重复：日期、地点");
	assert_sql(s, "SELECT id || '|' || other FROM kp_duplicates", "2|1");
	/* in traditional characters with a Roman numeral: warned (of the latest), a second F2 saves it marked */
	r = type_activity(s, "科普講座 III", "禹州市人民廣場");
	assert_int_not_equal(r.kind, FM_SAVED);
	assert_said(r.text, "可能与第 2 号记录（禹州市，科普讲座（二））重复");
	assert_sql(s, "SELECT count(*) FROM kp_duplicates WHERE id = 3", "2");
	assert_sql(s, "SELECT name || '|' || place FROM activity WHERE id = 3", "科普講座 III|禹州市人民廣場");
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_first),
		cmocka_unit_test(test_traditional),
		cmocka_unit_test(test_edition_roman),
		cmocka_unit_test(test_authors),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test_setup_teardown(test_loader, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_save, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_mark_follows_change, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_import, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_resource_project, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_city_asks, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_save_variants, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_same_day_place, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_marks_bounded, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_resource_variants, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_person_probe, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_unit_import_time_bound, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_city_sees_other_unit, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_rival_draft_copy, setup_august, teardown),
		cmocka_unit_test_setup_teardown(test_form_screen, form_story_setup, form_story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
