/* SPDX-License-Identifier: MulanPSL-2.0 */
/* form/: the YAML form loader — good files load, bad files are refused with
 * FILE:LINE:COL positions (1-based). */
#include "unit.h"

#include "core/diag.h"
#include "core/file.h"
#include "form/catalog.h"
#include "form/ynode.h"

static kp_catalog cat;

static int setup(void **state)
{
	(void)state;
	kp_diag d = {0};
	int n = catalog_load(&cat, NULL, NULL, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	return n;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

#define HEAD "id: t\ntitle: 测试\ntable: t\nfields:\n"

/* Load text; expect failure with exactly one problem at line:col whose
 * message contains `part`. */
static void expect_one(const char *text, int line, int col, const char *part)
{
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "x.yaml", text, strlen(text), &d);
	if (d.n != 1 || d.items[0].line != line || d.items[0].col != col ||
	    !strstr(d.items[0].text, part)) {
		diag_print(&d, stderr);
		fail_msg("expected one problem at %d:%d containing \"%s\"", line, col, part);
	}
	assert_null(f);
	char *s = diag_format(&d, 0);
	char want[64];
	snprintf(want, sizeof want, "x.yaml:%d:%d: ", line, col);
	assert_true(strncmp(s, want, strlen(want)) == 0);
	free(s);
	diag_free(&d);
}

static void test_shipped_catalog_loads(void **state)
{
	(void)state;
	const kp_form *t = catalog_form(&cat, "talent");
	assert_non_null(t);
	assert_string_equal(t->table, "talent");
	assert_int_equal(t->attachment, 2);
	/* every field of 附表2, labels as printed */
	const char *labels[] = {"姓名", "性别", "年龄", "民族", "政治面貌", "学历", "主要从事行业",
				"科普专长", "工作单位", "职务（职称）", "联系电话", "电子邮箱",
				"QQ号或微信号", "科普人才服务类别", "个人基本情况", "科普工作经历",
				"拟开展科普工作", "县（市、区）科协推荐意见", "省辖市科协意见"};
	assert_int_equal(t->nfields, sizeof labels / sizeof labels[0]);
	for (size_t i = 0; i < t->nfields; i++)
		assert_string_equal(t->fields[i].label, labels[i]);
	const kp_field *cats = &t->fields[form_field_index(t, "科普人才服务类别")];
	assert_int_equal(cats->type, FT_MULTICHOICE);
	assert_int_equal(cats->choices->n, 9);
	const kp_field *age = &t->fields[form_field_index(t, "age")];
	assert_true(age->has_min && age->min == 18 && age->has_max && age->max == 99);
	const char *required[] = {"姓名", "性别", "年龄", "民族", "政治面貌", "学历", "工作单位",
				  "联系电话", "科普人才服务类别"};
	size_t nreq = 0;
	for (size_t i = 0; i < t->nfields; i++)
		nreq += t->fields[i].required;
	assert_int_equal(nreq, sizeof required / sizeof required[0]);
	for (size_t i = 0; i < nreq; i++)
		assert_true(t->fields[form_field_index(t, required[i])].required);
}

static void test_reference_lists(void **state)
{
	(void)state;
	const kp_list *eth = catalog_list(&cat, "ethnic");
	assert_int_equal(eth->n, 56);
	assert_string_equal(eth->items[0], "汉族");
	assert_string_equal(eth->items[1], "蒙古族");
	assert_string_equal(eth->items[55], "基诺族");
	assert_int_equal(list_find(eth, "崩龙族"), 45); /* alias of 德昂族 (46) */
	const kp_list *pol = catalog_list(&cat, "political");
	assert_int_equal(pol->n, 13);
	assert_string_equal(pol->items[0], "中共党员");
	assert_string_equal(pol->items[9], "九三学社社员");
	assert_string_equal(pol->items[10], "台盟盟员");
	assert_string_equal(pol->items[11], "无党派人士");
	assert_string_equal(pol->items[12], "群众");
	const kp_list *edu = catalog_list(&cat, "education");
	const char *want[] = {"博士研究生", "硕士研究生", "大学本科", "大学专科", "中专/中技",
			      "高中", "初中及以下", "其他"};
	assert_int_equal(edu->n, 8);
	for (size_t i = 0; i < 8; i++)
		assert_string_equal(edu->items[i], want[i]);
}

static void test_minimal_form_with_every_type(void **state)
{
	(void)state;
	const char *text = HEAD
		"  - {id: a, label: 文本, type: text, max_chars: 5, pattern: '\\A[a-z]+\\z', message: 小写}\n"
		"  - {id: b, label: 长文本, type: textarea, lines: 3}\n"
		"  - {id: c, label: 整数, type: integer, min: 0, max: 9}\n"
		"  - {id: d, label: 单选, type: choice, choices: [甲, 乙]}\n"
		"  - {id: e, label: 多选, type: choice, multiple: true, choices: service_category}\n"
		"  - {id: f, label: 多选2, type: multichoice, choices: [x, y]}\n"
		"  - {id: g, label: 电话, type: phone}\n"
		"  - {id: h, label: 邮箱, type: email}\n"
		"  - {id: i, label: 日期, type: date}\n"
		"  - {id: j, label: 年月, type: yearmonth, required: true, help: 如 2016-07}\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "x.yaml", text, strlen(text), &d);
	diag_print(&d, stderr);
	assert_non_null(f);
	assert_int_equal(f->nfields, 10);
	assert_int_equal(f->fields[0].max_chars, 5);
	assert_non_null(f->fields[0].own_pattern);
	assert_int_equal(f->fields[1].lines, 3);
	assert_int_equal(f->fields[4].type, FT_MULTICHOICE);
	assert_int_equal(f->fields[4].choices->n, 9);
	assert_int_equal(f->fields[9].type, FT_YEARMONTH);
	assert_true(f->fields[9].required);
	assert_int_equal(f->fields[0].section, -1);
	form_free(f);
	diag_free(&d);
}

static void test_unknown_key(void **state)
{
	(void)state;
	expect_one(HEAD "  - id: a\n    label: A\n    type: text\n    colour: red\n", 8, 5,
		   "未知的键「colour」");
	expect_one("id: t\ntitle: T\ntable: t\nfeilds: []\nfields: [{id: a, label: A, type: text}]\n",
		   4, 1, "未知的键「feilds」");
}

static void test_wrong_value_types(void **state)
{
	(void)state;
	expect_one(HEAD "  - id: a\n    label: A\n    type: text\n    required: maybe\n", 8, 15,
		   "应为 true 或 false");
	expect_one(HEAD "  - id: a\n    label: A\n    type: text\n    max_chars: 二十\n", 8, 16,
		   "应为整数");
	expect_one(HEAD "  - id: a\n    label: [A]\n    type: text\n", 6, 12, "应为单个值");
	expect_one(HEAD "  - id: a\n    label: A\n    type: text\n    max_chars: 0\n", 8, 16,
		   "应为正整数");
	expect_one("- a\n- b\n", 1, 1, "应为映射");
}

static void test_duplicate_field_ids(void **state)
{
	(void)state;
	expect_one(HEAD "  - {id: a, label: A, type: text}\n  - {id: a, label: B, type: text}\n", 6, 10,
		   "字段标识「a」重复（第一次出现在第 5 行）");
}

static void test_unknown_names(void **state)
{
	(void)state;
	expect_one(HEAD "  - {id: a, label: A, type: text, pattern: no_such}\n", 5, 44,
		   "未知的模式名「no_such」");
	expect_one(HEAD "  - {id: a, label: A, type: choice, choices: nolist}\n", 5, 46,
		   "未知的选项列表「nolist」");
	expect_one(HEAD "  - {id: a, label: A, type: txt}\n", 5, 29, "未知的字段类型「txt」");
	/* Columns count characters, as an editor shows them, not bytes. */
	expect_one(HEAD "  - {id: a, label: 名字, type: txt}\n", 5, 30, "未知的字段类型「txt」");
	expect_one(HEAD "  - {id: a, label: A, type: choice}\n", 5, 5, "choice 类型的字段需要 choices");
	expect_one(HEAD "  - {id: a, label: A, type: text, max: 3}\n", 5, 35, "键「max」不适用于 text");
}

/* similar_hint: some, not all, of unique_hint's fields; loads, and the
 * shipped 附表2 warns on 联系电话 alone. */
static void test_similar_hint(void **state)
{
	(void)state;
#define TWO "  - {id: a, label: A, type: text}\n  - {id: b, label: B, type: text}\n  - {id: c, label: C, type: text}\n"
	expect_one(HEAD TWO "similar_hint: [a]\n", 8, 15, "similar_hint 须与 unique_hint 一起使用");
	expect_one(HEAD TWO "unique_hint: [a, b]\nsimilar_hint: [a, b]\n", 9, 15, "similar_hint 须少于 unique_hint 的字段");
	expect_one(HEAD TWO "unique_hint: [a, b]\nsimilar_hint: []\n", 9, 15, "选项列表为空");
	const char *good = HEAD TWO "unique_hint: [a, b]\nsimilar_hint: [b]\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "x.yaml", good, strlen(good), &d);
	assert_non_null(f);
	assert_int_equal(f->nsimilar, 1);
	assert_int_equal(f->similar[0], 1);
	form_free(f);
	diag_free(&d);
	/* several rules: one within unique_hint, others over any text fields */
	const char *rules = HEAD TWO "unique_hint: [a, b]\nsimilar_hint: [[b], [a, c]]\n";
	f = form_load(&cat, "x.yaml", rules, strlen(rules), &d);
	assert_non_null(f);
	assert_int_equal(f->nsimilar, 1);
	assert_int_equal(f->similar[0], 1);
	assert_int_equal(f->nalike, 1);
	assert_int_equal(f->alike[0].n, 2);
	assert_int_equal(f->alike[0].fields[1], 2);
	form_free(f);
	diag_free(&d);
	expect_one(HEAD TWO "unique_hint: [a, b]\nsimilar_hint: [[b], [a]]\n", 9, 21,
		   "similar_hint 中只能有一条规则全由 unique_hint 的字段组成");
	expect_one(HEAD TWO "unique_hint: [a, b]\nsimilar_hint: [[b], [a, z]]\n", 9, 25, "「z」");
	expect_one(HEAD TWO "  - {id: d, label: D, type: date}\nunique_hint: [a, b]\nsimilar_hint: [[a, d]]\n", 10, 20,
		   "只能用单行文字字段（按忽略空格、全半角比较）：「d」不是");
#undef TWO
	const kp_form *talent = catalog_form(&cat, "talent");
	assert_int_equal(talent->nsimilar, 1);
	assert_string_equal(talent->fields[talent->similar[0]].id, "phone");
	assert_int_equal(talent->nalike, 1); /* t3h #2: the same person with a new mobile */
	assert_string_equal(talent->fields[talent->alike[0].fields[0]].id, "name");
	assert_string_equal(talent->fields[talent->alike[0].fields[1]].id, "employer");
}

static void test_bad_identifiers(void **state)
{
	(void)state;
	expect_one(HEAD "  - {id: Name, label: A, type: text}\n", 5, 10, "标识「Name」无效");
	expect_one(HEAD "  - {id: version, label: A, type: text}\n", 5, 10, "保留字");
	expect_one("id: t\ntitle: T\ntable: units\nfields: [{id: a, label: A, type: text}]\n", 3, 8,
		   "保留字");
}

static void test_pattern_that_does_not_compile(void **state)
{
	(void)state;
	/* PCRE2 reports the offset in characters (1-based): after 张三( */
	expect_one(HEAD "  - {id: a, label: A, type: text, pattern: '张三(ab'}\n", 5, 44,
		   "正则表达式无法编译，第 6 个字符处");
}

static void test_depth_limit(void **state)
{
	(void)state;
	char text[512] = "id: t\nx: ";
	for (int i = 0; i < 40; i++)
		strcat(text, "[");
	/* The root map is level 1, so the 16th bracket (column 4 + 15) is the
	 * first one too deep. */
	expect_one(text, 2, 3 + YN_MAX_DEPTH, "嵌套超过 16 层");
}

static void test_aliases_anchors_and_tags_refused(void **state)
{
	(void)state;
	expect_one(HEAD "  - {id: a, label: &l A, type: text}\n  - {id: b, label: *l, type: text}\n",
		   5, 20, "锚点和别名");
	expect_one(HEAD "  - {id: a, label: !!str A, type: text}\n", 5, 20, "标签");
	expect_one("a: &x [1, *x]\n", 1, 4, "锚点和别名");
}

static void test_syntax_error_position(void **state)
{
	(void)state;
	expect_one("id: t\ntitle: [unclosed\ntable: t\n", 3, 6, "YAML 语法错误");
	expect_one("id: t\n  bad: indent\n", 2, 6, "YAML 语法错误");
}

static void test_unsafe_label_text_refused(void **state)
{
	(void)state;
	expect_one(HEAD "  - {id: a, label: \"A\\e[31m\", type: text}\n", 5, 20, "控制字符");
}

static void test_field_references(void **state)
{
	(void)state;
	const char *ok = HEAD
		"  - {id: b, label: 止, type: date, not_before: a}\n"   /* may name a later field */
		"  - {id: a, label: 起, type: date}\n"
		"  - {id: k, label: 类别, type: choice, choices: [甲, 其他]}\n"
		"  - {id: o, label: 说明, type: text, required_when: {field: k, is: 其他}}\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "x.yaml", ok, strlen(ok), &d);
	assert_non_null(f);
	assert_int_equal(f->fields[0].not_before, 1);
	assert_int_equal(f->fields[3].required_when, 2);
	assert_string_equal(f->fields[3].required_value, "其他");
	assert_string_equal(f->unit_label, "填报单位");
	form_free(f);
	diag_free(&d);
	expect_one(HEAD "  - {id: b, label: 止, type: date, not_before: nope}\n", 5, 47,
		   "表单中没有字段「nope」");
	expect_one(HEAD "  - {id: a, label: 起, type: yearmonth}\n"
		   "  - {id: b, label: 止, type: date, not_before: a}\n", 6, 47,
		   "字段「a」不是 date 类型");
	expect_one(HEAD "  - {id: b, label: 止, type: text, not_before: b}\n", 5, 35,
		   "键「not_before」不适用于 text");
	expect_one(HEAD "  - {id: o, label: 说明, type: text, required_when: {field: o, is: x}}\n",
		   5, 59, "表单中没有字段「o」");
	expect_one(HEAD "  - {id: o, label: 说明, type: text, required_when: {field: o}}\n",
		   5, 51, "缺少必需的键「is」");
}

/* not_more_than names another integer field (a part and its whole), with
 * an optional reason; min_chars is a text's, not above its max_chars. */
static void test_part_and_minimum(void **state)
{
	(void)state;
	const char *ok = HEAD
		"  - {id: p, label: 部分, type: integer, not_more_than: {field: w, because: 部分在整体中}}\n"
		"  - {id: w, label: 整体, type: integer}\n"
		"  - {id: n, label: 总结, type: textarea, max_chars: 100, min_chars: 10, min_distinct_chars: 6}\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "x.yaml", ok, strlen(ok), &d);
	assert_non_null(f);
	assert_int_equal(f->fields[0].not_more_than, 1);
	assert_string_equal(f->fields[0].not_more_why, "部分在整体中");
	assert_int_equal(f->fields[1].not_more_than, -1);
	assert_int_equal(f->fields[2].min_chars, 10);
	assert_int_equal(f->fields[2].min_distinct_chars, 6);
	form_free(f);
	diag_free(&d);
	expect_one(HEAD "  - {id: p, label: 部分, type: integer, not_more_than: {field: nope}}\n", 5, 62,
		   "表单中没有字段「nope」");
	expect_one(HEAD "  - {id: p, label: 部分, type: integer, not_more_than: {field: w}}\n"
		   "  - {id: w, label: 整体, type: date}\n", 5, 62, "字段「w」不是 integer 类型");
	expect_one(HEAD "  - {id: p, label: 部分, type: integer, not_more_than: {field: w, why: x}}\n"
		   "  - {id: w, label: 整体, type: integer}\n", 5, 65, "未知的键「why」");
	expect_one(HEAD "  - {id: p, label: 部分, type: text, not_more_than: {field: p}}\n", 5, 36,
		   "键「not_more_than」不适用于 text");
	expect_one(HEAD "  - {id: n, label: 总结, type: text, max_chars: 5, min_chars: 10}\n", 5, 61,
		   "min（10）大于 max（5）");
	expect_one(HEAD "  - {id: n, label: 总结, type: text, max_chars: 50, min_chars: 5, min_distinct_chars: 8}\n", 5, 85,
		   "min_distinct_chars（8）大于 min_chars（5）");
	expect_one(HEAD "  - {id: n, label: 总结, type: integer, min_chars: 10}\n", 5, 39,
		   "键「min_chars」不适用于 integer");
}

#define PAPER HEAD "  - {id: a, label: 甲, type: text}\n" \
	"  - {id: k, label: 类, type: choice, choices: [x, y]}\n" \
	"paper:\n  columns: [10, 20]\n  rows:\n"

/* A printed layout: a grid whose rows fill the columns, cells naming fields. */
static void test_paper_layout(void **state)
{
	(void)state;
	const char *ok = PAPER "    - [甲, {field: a}]\n"
		"    - [{field: k, span: 2, boxes: 2, other: a}]\n"
		"    - [{text: \"{unit}：{a}　{year} 年度\", span: 2, lines: 3, seal: true}]\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "x.yaml", ok, strlen(ok), &d);
	diag_print(&d, stderr);
	assert_non_null(f);
	const kp_paper *p = f->paper;
	assert_int_equal(p->ncols, 2);
	assert_int_equal(p->nrows, 3);
	assert_int_equal(p->rows[0].cells[0].kind, PC_LABEL);
	assert_int_equal(p->rows[0].cells[1].field, 0);
	assert_int_equal(p->rows[1].cells[0].boxes, 2);
	assert_int_equal(p->rows[1].cells[0].other, 0);
	assert_int_equal(p->rows[2].cells[0].kind, PC_TEXT);
	assert_true(p->rows[2].cells[0].seal);
	form_free(f);
	diag_free(&d);
	/* whose pages: a template at the head of each, checked as a text's */
	const char *headed = HEAD "  - {id: a, label: 甲, type: text}\n"
		"paper:\n  header: \"{a}　{unit}\"\n  columns: [10]\n  rows:\n    - [{field: a}]\n";
	f = form_load(&cat, "x.yaml", headed, strlen(headed), &d);
	diag_print(&d, stderr);
	assert_non_null(f);
	assert_string_equal(f->paper->header, "{a}　{unit}");
	form_free(f);
	diag_free(&d);
	expect_one(HEAD "  - {id: a, label: 甲, type: text}\n"
		   "paper:\n  header: \"{zz}\"\n  columns: [10]\n  rows:\n    - [{field: a}]\n", 7, 11,
		   "「{zz}」既不是本表的字段");
	expect_one(PAPER "    - [甲]\n", 10, 7, "这一行占 1 列");
	expect_one(PAPER "    - [甲, {text: \"{zz}\"}]\n", 10, 18, "「{zz}」既不是本表的字段");
	expect_one(PAPER "    - [甲, {field: a, boxes: 2}]\n", 10, 29, "boxes 只用于选项字段");
	expect_one(PAPER "    - [甲, {field: nope}]\n", 10, 19, "表单中没有字段「nope」");
}

static void test_entry_aid_keys(void **state)
{
	(void)state;
	const kp_form *t = catalog_form(&cat, "talent");
	assert_true(t->fields[form_field_index(t, "employer")].sticky);
	assert_true(t->fields[form_field_index(t, "phone")].auto_advance);
	assert_false(t->fields[form_field_index(t, "name")].sticky);
	assert_true(t->fields[form_field_index(t, "phone")].forgive_tab); /* by default */
	assert_false(t->fields[form_field_index(t, "email")].forgive_tab);  /* no auto-advance */
	/* A whole mobile number is complete on every screen: each phone field
	 * of each form moves on (附表3's did not, 附表2's did); a form may
	 * still say no, and a text field moves on only when it says so. */
	int phones = 0;
	for (size_t i = 0; i < cat.nforms; i++)
		for (size_t k = 0; k < cat.forms[i]->nfields; k++) {
			const kp_field *fd = &cat.forms[i]->fields[k];
			if (fd->type == FT_PHONE) {
				phones++;
				assert_true(fd->auto_advance && fd->forgive_tab);
			}
		}
	assert_true(phones >= 4); /* 附表2, 附表3, 工作计划, 工作总结 */
	const char *own = HEAD "  - {id: a, label: A, type: phone, auto_advance: false}\n"
			       "  - {id: b, label: B, type: text}\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "x.yaml", own, strlen(own), &d);
	assert_non_null(f);
	assert_false(f->fields[0].auto_advance);
	assert_false(f->fields[1].auto_advance);
	form_free(f);
	diag_free(&d);
	expect_one(HEAD "  - {id: a, label: A, type: integer, forgive_tab: false}\n", 5, 38,
		   "键「forgive_tab」不适用于 integer");
	expect_one(HEAD "  - {id: a, label: A, type: choice, choices: [x], auto_advance: true}\n", 5, 51,
		   "键「auto_advance」不适用于 choice");
	expect_one(HEAD "  - {id: a, label: A, type: text, sticky: often}\n", 5, 43, "应为 true 或 false");
}

static void test_views(void **state)
{
	(void)state;
	const kp_view *roll = catalog_view(&cat, "roll");
	assert_non_null(roll);
	assert_int_equal(roll->attachment, 4);
	assert_string_equal(roll->source->id, "talent");
	const char *labels[] = {"服务类别", "姓名", "性别", "工作单位", "职务", "联系电话", "从事行业",
				"科普专长", "拟开展科普工作"};
	assert_int_equal(roll->ncolumns, 9);
	for (size_t i = 0; i < 9; i++)
		assert_string_equal(roll->columns[i].label, labels[i]);
	assert_string_equal(roll->source->fields[roll->columns[4].field].label, "职务（职称）");
	const char *bad = "id: v\ntitle: V\nview_of: nosuch\ncolumns: [{field: name, label: 名}]\n";
	kp_diag d = {0};
	assert_null(view_load(&cat, "v.yaml", bad, strlen(bad), &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 3);
	assert_non_null(strstr(d.items[0].text, "没有名为「nosuch」的表单"));
	diag_free(&d);
	bad = "id: v\ntitle: V\nview_of: talent\ncolumns:\n  - {field: nope, label: 名}\n";
	assert_null(view_load(&cat, "v.yaml", bad, strlen(bad), &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 5);
	assert_int_equal(d.items[0].col, 13);
	diag_free(&d);
}

static void test_every_problem_reported(void **state)
{
	(void)state;
	const char *text = HEAD
		"  - {id: a, label: A, type: txt}\n"
		"  - {id: b, label: B, type: text, pattern: nope}\n"
		"  - {id: a, label: C, type: integer, min: 5, max: 1}\n";
	kp_diag d = {0};
	assert_null(form_load(&cat, "x.yaml", text, strlen(text), &d));
	assert_int_equal(d.n, 4);
	diag_free(&d);
}

static void test_site_directory_overrides_file_by_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/kepu-site-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/talent.yaml", dir);
	FILE *fp = fopen(path, "w");
	/* The nominations name approved talents by 姓名 and 工作单位 (ref):
	 * the site's 附表2 keeps what they name. */
	fputs("id: talent\ntitle: 改过的附表2\ntable: talent\nattachment: 2\nreview: true\n"
	      "fields:\n  - {id: name, label: 姓名, type: text, required: true}\n"
	      "  - {id: hobby, label: 爱好, type: text}\n  - {id: employer, label: 工作单位, type: text}\n", fp);
	fclose(fp);
	/* 附表4 shows fields of 附表2: a site that changes one changes both. */
	snprintf(path, sizeof path, "%s/roll.yaml", dir);
	fp = fopen(path, "w");
	fputs("id: roll\ntitle: 附表4\nattachment: 4\nview_of: talent\n"
	      "columns: [{field: name, label: 姓名}, {field: hobby, label: 爱好}]\n", fp);
	fclose(fp);
	snprintf(path, sizeof path, "%s/extra.yaml", dir);
	fp = fopen(path, "w");
	fputs("id: extra\ntitle: 新表\ntable: extra\nfields:\n  - {id: a, label: A, type: date}\n", fp);
	fclose(fp);
	kp_catalog c2;
	kp_diag d = {0};
	int problems = catalog_load(&c2, dir, NULL, &d);
	diag_print(&d, stderr);
	assert_int_equal(problems, 0);
	const kp_form *t = catalog_form(&c2, "talent");
	assert_string_equal(t->title, "改过的附表2");
	assert_int_equal(t->nfields, 3);
	assert_non_null(catalog_form(&c2, "extra"));
	assert_int_equal(catalog_view(&c2, "roll")->ncolumns, 2);
	catalog_free(&c2);
	diag_free(&d);
	unlink(path);
	snprintf(path, sizeof path, "%s/roll.yaml", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/talent.yaml", dir);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_catalog_loads),
		cmocka_unit_test(test_reference_lists),
		cmocka_unit_test(test_minimal_form_with_every_type),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_wrong_value_types),
		cmocka_unit_test(test_duplicate_field_ids),
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_similar_hint),
		cmocka_unit_test(test_bad_identifiers),
		cmocka_unit_test(test_pattern_that_does_not_compile),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_aliases_anchors_and_tags_refused),
		cmocka_unit_test(test_syntax_error_position),
		cmocka_unit_test(test_unsafe_label_text_refused),
		cmocka_unit_test(test_field_references),
		cmocka_unit_test(test_part_and_minimum),
		cmocka_unit_test(test_entry_aid_keys),
		cmocka_unit_test(test_paper_layout),
		cmocka_unit_test(test_views),
		cmocka_unit_test(test_every_problem_reported),
		cmocka_unit_test(test_site_directory_overrides_file_by_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
