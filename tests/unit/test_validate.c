/* SPDX-License-Identifier: MulanPSL-2.0 */
/* form/validate: normalisation and checking of every field type, with the
 * messages users see. */
#include "unit.h"

#include "core/clock.h"
#include "core/diag.h"
#include "core/utf8.h"
#include "form/catalog.h"
#include "form/validate.h"

static kp_catalog cat;
static const kp_form *talent;

static int setup(void **state)
{
	(void)state;
	kp_diag d = {0};
	int n = catalog_load(&cat, NULL, NULL, &d);
	diag_free(&d);
	talent = catalog_form(&cat, "talent");
	return n || !talent;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

static const kp_field *field(const char *label)
{
	int i = form_field_index(talent, label);
	assert_true(i >= 0);
	return &talent->fields[i];
}

/* raw must validate and be stored as want. */
static void ok(const char *label, const char *raw, const char *want)
{
	char *out, *why;
	if (!field_validate(&cat, field(label), raw, &out, &why))
		fail_msg("%s “%s” refused: %s", label, raw, why);
	if (strcmp(out, want) != 0)
		fail_msg("%s “%s” stored as “%s”, want “%s”", label, raw, out, want);
	free(out);
}

/* raw must be refused with a reason containing part. */
static void bad(const char *label, const char *raw, const char *part)
{
	char *out, *why;
	if (field_validate(&cat, field(label), raw, &out, &why))
		fail_msg("%s “%s” accepted as “%s”", label, raw, out);
	if (!strstr(why, part))
		fail_msg("%s “%s”: reason “%s” lacks “%s”", label, raw, why, part);
	free(why);
}

/* On day today, month f refuses raw with a reason containing part. */
static void month_refused(const kp_field *f, const char *today, const char *raw, const char *part)
{
	char *out, *why;
	assert_true(clock_set_today(today));
	if (field_validate(&cat, f, raw, &out, &why))
		fail_msg("%s accepted as %s", raw, out);
	if (!strstr(why, part))
		fail_msg("%s: reason “%s” lacks “%s”", raw, why, part);
	free(why);
}

static void test_names(void **state)
{
	(void)state;
	const char *valid[] = {"张三", "王小明", "司马相如", "买买提·艾力", "爱新觉罗·启星",
			       "阿卜杜热西提·阿卜杜热合曼·艾买提", "刘䶮", "王𬱖", "王𫖮"};
	for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++)
		ok("姓名", valid[i], valid[i]);
	ok("姓名", "  张三\xe3\x80\x80", "张三");
	/* look-alike dots become U+00B7 */
	ok("姓名", "阿依古丽•买买提", "阿依古丽·买买提");
	ok("姓名", "阿依古丽・买买提", "阿依古丽·买买提");
	ok("姓名", "阿依古丽．买买提", "阿依古丽·买买提");
	ok("姓名", "阿依古丽.买买提", "阿依古丽·买买提");
	const char *invalid[] = {"李", "张 三", "Zhang San", "张三·", "·张三", "张三··四",
				 "张三（男）", "张。三", "张、三"};
	for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
		bad("姓名", invalid[i], "应为 2 到 50 个字的汉字姓名");
	bad("姓名", "", "必须填写");
	bad("姓名", " \xe3\x80\x80 ", "必须填写");
}

static void test_phones(void **state)
{
	(void)state;
	ok("联系电话", "13812345678", "13812345678");
	ok("联系电话", "138-1234-5678", "13812345678");
	ok("联系电话", "138 1234 5678", "13812345678");
	ok("联系电话", "+86 138 1234 5678", "13812345678");
	ok("联系电话", "0086-13812345678", "13812345678");
	ok("联系电话", "(+86)13812345678", "13812345678");
	ok("联系电话", "１３８１２３４５６７８", "13812345678");
	ok("联系电话", "0374-2965753", "0374-2965753");
	ok("联系电话", "(0374) 2965753", "0374-2965753");
	ok("联系电话", "03742965753", "0374-2965753");
	ok("联系电话", "010-62345678", "010-62345678");
	ok("联系电话", "021 54321234", "021-54321234");
	ok("联系电话", "0755-23456789", "0755-23456789");
	ok("联系电话", "+86 374 2965753", "0374-2965753");
	/* a bare 7-digit local number is a 许昌 number */
	ok("联系电话", "2965753", "0374-2965753");
	ok("联系电话", "２９６５７５３", "0374-2965753");
	/* extensions */
	ok("联系电话", "0374-2965753转8001", "0374-2965753转8001");
	ok("联系电话", "0374-2965753-8001", "0374-2965753转8001");
	ok("联系电话", "0374-4396123分机12", "0374-4396123转12");
	ok("联系电话", "0374-2965753 转 8001 ", "0374-2965753转8001"); /* spaces around it only */
	/* a space inside an extension is refused, never dropped (80 01 is not 8001) */
	bad("联系电话", "0374-2965753转80 01", "分机号「80 01」应是 1 至 6 位连续的数字");
	bad("联系电话", "0374-2965753 ext 8 001", "分机号「8 001」");
	bad("联系电话", "0374-2965753转80\u300001", "分机号「80 01」"); /* U+3000 is a space too */
	ok("联系电话", "2965753#123", "0374-2965753转123");
	const char *invalid[] = {"1381234567", "12812345678", "10086123456", "23812345678",
				 "8613812345678", "1381234567a", "0374-123456", "010-1234567",
				 "0123456", "439612", "0374-0396123", "13812345678转1",
				 "0374-2965753转", "电话", "0374—2965753"};
	for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
		bad("联系电话", invalid[i], "不是有效的电话号码");
	bad("联系电话", "", "必须填写");
}

/* Landlines as the numbering plan defines them: the area's local length
 * (config/patterns.yaml area_codes), brackets around the area code only,
 * the local number one run of digits. */
static void test_phone_numbering_plan(void **state)
{
	(void)state;
	/* positive controls next to each refusal below */
	ok("联系电话", "(0374) 4396123", "0374-4396123");
	ok("联系电话", "(0374)4396123", "0374-4396123");
	ok("联系电话", "0374-4396123", "0374-4396123");
	ok("联系电话", "0374 - 4396123", "0374-4396123");
	ok("联系电话", "4396123", "0374-4396123");
	ok("联系电话", "0371-63912345", "0371-63912345"); /* 郑州: 8 digits */
	ok("联系电话", "037963912345", "0379-63912345");  /* 洛阳: 8 digits */
	ok("联系电话", "0375-2612345", "0375-2612345");   /* 平顶山: 7 digits */
	ok("联系电话", "(010) 62345678", "010-62345678");
	ok("联系电话", "0574-87654321", "0574-87654321"); /* not listed: 7 or 8 */
	ok("联系电话", "0574-8765432", "0574-8765432");
	/* brackets balanced and around the area code */
	bad("联系电话", "(0374 4396123", "括号不成对");
	bad("联系电话", "0374) 4396123", "括号不成对");
	bad("联系电话", "(0374)) 4396123", "括号不成对");
	bad("联系电话", "0374 (4396123)", "括号不成对");
	bad("联系电话", "(138)12345678", "括号不成对");
	/* the local number is one run of digits */
	bad("联系电话", "439-6123", "应是一串连续的数字");
	bad("联系电话", "439 6123", "应是一串连续的数字");
	bad("联系电话", "0374-439-6123", "应是一串连续的数字");
	/* the area's length */
	bad("联系电话", "0374-43961234", "区号 0374（许昌）的本地号码是 7 位，这里是 8 位");
	bad("联系电话", "037443961234", "区号 0374（许昌）的本地号码是 7 位，这里是 8 位");
	bad("联系电话", "(0374) 43961234", "区号 0374（许昌）的本地号码是 7 位");
	bad("联系电话", "0371-6391234", "区号 0371（郑州）的本地号码是 8 位，这里是 7 位");
	bad("联系电话", "010-6234567", "区号 010（北京）的本地号码是 8 位");
	bad("联系电话", "43961234", "区号 0374（许昌）的本地号码是 7 位，这里是 8 位");
	bad("联系电话", "0574-876543210", "不是有效的电话号码");
}

static void test_emails(void **state)
{
	(void)state;
	ok("电子邮箱", "zhangsan@163.com", "zhangsan@163.com");
	ok("电子邮箱", "Zhang.San@Example.COM", "Zhang.San@example.com");
	ok("电子邮箱", "user+tag@gmail.com", "user+tag@gmail.com");
	ok("电子邮箱", "zhangsan＠163。com", "zhangsan@163.com");
	ok("电子邮箱", "", ""); /* optional */
	/* internationalised domains and local parts, stored as typed */
	ok("电子邮箱", "info@许昌科协.中国", "info@许昌科协.中国");
	ok("电子邮箱", "张三@163.com", "张三@163.com");
	ok("电子邮箱", "科普.办公室@许昌.政务", "科普.办公室@许昌.政务");
	ok("电子邮箱", "test@münchen.de", "test@münchen.de");
	ok("电子邮箱", "info@xn--55qx5d.xn--fiqs8s", "info@xn--55qx5d.xn--fiqs8s");
	ok("电子邮箱", "Info@许昌科协.中国", "Info@许昌科协.中国");
	ok("电子邮箱", "info@许昌科协。中国", "info@许昌科协.中国"); /* an IME's full stop */
	/* each label of one script (Latin with digits and hyphens, or Han, or
	 * Cyrillic …), a top-level label all ASCII letters or all one script */
	ok("电子邮箱", "info@科协2016.中国", "info@科协2016.中国");
	ok("电子邮箱", "info@kexie-2016.许昌.中国", "info@kexie-2016.许昌.中国");
	ok("电子邮箱", "info@пример.рф", "info@пример.рф");
	ok("电子邮箱", "kp001@163.москва", "kp001@163.москва");
	ok("电子邮箱", "kp001@163.com", "kp001@163.com");
	const char *invalid[] = {"zhangsan@163", "zhangsan@@163.com", ".zhangsan@163.com",
				 "zhang..san@163.com", "zhangsan@163.com.", "zhangsan@163-.com",
				 "zhangsan@163.c", "a b@163.com", "info@许昌科协", "info@许昌..中国",
				 "info@许昌-.中国", "张 三@163.com", "info@许昌、科协.中国",
				 "info@_许昌.中国", "info@许昌.中国1", "「张三」@163.com",
				 /* a label of one script: text typed on after the address,
				  * or a look-alike letter of another script */
				 "kp001@163.com等", "kp001@163.com备用", "kp001@163.c\u03bfm",
				 "kp001@ex\u03bfmple.com", "info@许昌kx.中国", "info@许昌科协.中国cn",
				 "info@许昌.cn中国"};
	for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
		bad("电子邮箱", invalid[i], "不是有效的电子邮箱地址");
}

static void test_qq_or_wechat(void **state)
{
	(void)state;
	const char *valid[] = {"12345678", "10000", "99999999999", "wxid_abc123", "Li-Si-2024",
			       "kepu2024", "13812345678"};
	for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++)
		ok("QQ号或微信号", valid[i], valid[i]);
	ok("QQ号或微信号", "１２３４５６７８", "12345678");
	const char *invalid[] = {"01234567", "389ane-", "abc", "张三", "QQ:12345678",
				 "123456789012", "abcdefghijklmnopqrs!"};
	for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
		bad("QQ号或微信号", invalid[i], "应为 QQ 号");
	bad("QQ号或微信号", "abcdefghijklmnopqrstu", "最多 20 个字");
}

static void test_age_range(void **state)
{
	(void)state;
	ok("年龄", "18", "18");
	ok("年龄", "99", "99");
	ok("年龄", " ４５ ", "45");
	bad("年龄", "17", "不能小于 18");
	bad("年龄", "100", "不能大于 99");
	bad("年龄", "-5", "不能小于 18");
	bad("年龄", "4.5", "应为整数");
	bad("年龄", "四十", "应为整数");
	bad("年龄", "45岁", "应为整数");
	bad("年龄", "4,5", "「4,5」里有千位分隔符「,」，请只写数字"); /* never read as 45 */
	bad("年龄", "4，5", "「4,5」里有千位分隔符「,」"); /* folded first */
	bad("年龄", "4,5岁", "应为整数");
	bad("年龄", "99999999999999999999999", "应为整数");
	bad("年龄", "", "必须填写");
}

static void test_choices(void **state)
{
	(void)state;
	ok("民族", "汉族", "汉族");
	ok("民族", "汉", "汉族");         /* alias */
	ok("民族", "崩龙族", "德昂族");   /* former name */
	ok("政治面貌", "中国共产党党员", "中共党员");
	ok("政治面貌", "九三学社社员", "九三学社社员");
	ok("学历", "本科", "大学本科");
	bad("民族", "火星族", "「火星族」不是可选的项");
	bad("性别", "未知", "「未知」不是可选的项，可选：「男」、「女」"); /* a short list in full */
	char *out, *why;
	/* 56: as many as fit two status lines with the label, and how many */
	assert_false(field_validate(&cat, field("民族"), "火星族", &out, &why));
	assert_non_null(strstr(why, "「火星族」不是可选的项，可选：「汉族」、"));
	assert_non_null(strstr(why, "等 56 项"));
	assert_true(utf8_width(why) + utf8_width("民族：") <= 100);
	free(why);
	/* 资源 类型: 11 options, too wide in full (t80g #18), cut at a whole name */
	const kp_form *res = catalog_form(&cat, "resource");
	const kp_field *kind = &res->fields[form_field_index(res, "类型")];
	assert_false(field_validate(&cat, kind, "展板", &out, &why));
	assert_non_null(strstr(why, "「展板」不是可选的项，可选：「科普微电影」、"));
	char said[64];
	snprintf(said, sizeof said, "」等 %zu 项", kind->choices->n);
	assert_non_null(strstr(why, said));
	assert_true(utf8_width(why) + utf8_width("类型：") <= 100);
	free(why);
	/* typed text too wide for any name: only how many */
	char wide[160] = "";
	for (int i = 0; i < 40; i++)
		strcat(wide, "展");
	assert_false(field_validate(&cat, kind, wide, &out, &why));
	snprintf(said, sizeof said, "不是可选的项（可选 %zu 项）", kind->choices->n);
	assert_non_null(strstr(why, said));
	free(why);
	/* a month: its form and the programme year's months */
	const kp_form *m = catalog_form(&cat, "monthly");
	const kp_field *month = &m->fields[form_field_index(m, "month")];
	assert_false(field_validate(&cat, month, "2016年3月", &out, &why));
	assert_string_equal(why, "「2016年3月」不是可选的月份：月份写作 YYYY-MM 或 YYYY年M月（如 2016-07），本年度可选 2016-07 到 2016-12");
	free(why);
	/* as a workbook prints it, or typed otherwise: the listed month */
	const char *same[] = {"2016-08", "2016年8月", "2016年08月", "2016.8", "2016/8"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		assert_true(field_validate(&cat, month, same[i], &out, &why));
		assert_string_equal(out, "2016-08");
		free(out);
	}
	/* on 2016-08-10 only July is over: the refusal names it and when August
	 * opens (t80g #6), never months the next refusal rejects */
	month_refused(month, "2016-08-10", "2016年3月", "「2016年3月」不是可选的月份：月份写作 YYYY-MM 或 YYYY年M月"
		      "（如 2016-07），现在可选：2016-07；2016-08 从 2016-09-01 起可以填");
	month_refused(month, "2016-10-02", "13月", "现在可选：2016-07 到 2016-09；2016-10 从 2016-11-01 起可以填");
	month_refused(month, "2016-07-20", "2016年3月", "本年度的月份现在都还不能填；2016-07 从 2016-08-01 起可以填");
	/* 「8月」: the list's only August; not over yet, so the real reason */
	month_refused(month, "2016-08-10", "8月", "「2016-08」这个月还没有过完（今天是 2016-08-10）：只能填已经过完的月份，"
		      "这个月的从 2016-09-01 起可以填");
	month_refused(month, "2016-08-10", "3月", "「3月」不是可选的月份"); /* no March in the list */
	assert_true(clock_set_today("2016-08-10"));
	assert_true(field_validate(&cat, month, "7月", &out, &why)); /* the control: July is over */
	assert_string_equal(out, "2016-07");
	free(out);
	clock_use_system();
	/* 2016.1: January, or 2016.10 that Excel kept as a number — never guessed */
	assert_false(field_validate(&cat, month, "2016.1", &out, &why));
	assert_string_equal(why, "「2016.1」看不出是 1 月还是 10 月，没有猜：请写成 2016-01 或 2016-10（或 2016年1月、2016年10月）");
	free(why);
	assert_true(field_validate(&cat, month, "2016.10", &out, &why)); /* written out: October */
	assert_string_equal(out, "2016-10");
	free(out);
	const kp_form *p = catalog_form(&cat, "project");
	size_t k = 0;
	while (p->fields[k].type != FT_YEARMONTH)
		k++;
	assert_false(field_validate(&cat, &p->fields[k], "2017.1", &out, &why));
	assert_non_null(strstr(why, "请写成 2017-01 或 2017-10"));
	free(why);
	assert_true(field_validate(&cat, &p->fields[k], "2017.7", &out, &why));
	assert_string_equal(out, "2017-07");
	free(out);
	bad("政治面貌", "", "必须填写");
}

static void test_multichoice(void **state)
{
	(void)state;
	ok("科普人才服务类别", "农村科普、青少年科普", "[\"青少年科普\",\"农村科普\"]");
	ok("科普人才服务类别", "科普创作;其他", "[\"科普创作\",\"其他\"]");
	ok("科普人才服务类别", "科普创作；服务双创", "[\"服务双创\",\"科普创作\"]");
	ok("科普人才服务类别", "[\"其他\"]", "[\"其他\"]");
	bad("科普人才服务类别", "", "必须填写");
	bad("科普人才服务类别", "、", "必须填写");
	bad("科普人才服务类别", "青少年科普、火星科普", "「火星科普」不是可选的项");
	bad("科普人才服务类别", "其他、其他", "「其他」选了两次");
}

static void test_lengths_count_characters(void **state)
{
	(void)state;
	char buf[512] = "";
	for (int i = 0; i < 50; i++)
		strcat(buf, "字");
	ok("职务（职称）", buf, buf); /* 50 characters, 150 bytes */
	strcat(buf, "字");
	bad("职务（职称）", buf, "最多 50 个字，现在是 51 个字");
}

static void test_hostile_text_refused(void **state)
{
	(void)state;
	bad("工作单位", "许昌\x1b[31m学院", "控制字符");
	bad("工作单位", "许昌\xe2\x80\xae学院", "控制字符");   /* bidi override */
	bad("工作单位", "许昌\xe2\x80\x8b学院", "控制字符");   /* zero-width space */
	bad("工作单位", "许昌\xff学院", "无效的字符编码");
	/* where the invisible one is: the third character, and what it is */
	bad("工作单位", "许昌\xe2\x80\x8b学院", "第3个字是看不见的控制字符或格式字符 U+200B");
	bad("工作单位", "许昌\xff学院", "第7个字节");
	/* default-ignorable: soft hyphen, word joiner, variation selector, tag */
	bad("工作单位", "许昌\xc2\xad学院", "U+00AD");
	bad("工作单位", "许\xe2\x81\xa0昌", "U+2060");
	bad("工作单位", "许\xef\xb8\x80昌", "U+FE00");
	bad("工作单位", "许\xf3\xa0\x80\x81昌", "U+E0001");
	ok("工作单位", "许昌·学院", "许昌·学院"); /* a visible middle dot stays */
	bad("工作单位", "许昌\n学院", "不能换行");
	ok("个人基本情况", "第一行\n第二行", "第一行\n第二行");
	bad("个人基本情况", "第一行\r\n第二行", "控制字符");
	/* one pass over the bytes: invalid UTF-8 is said first wherever it is,
	 * else the first unsafe character */
	bad("工作单位", "许\xe2\x80\x8b昌\xff", "第10个字节");
	bad("工作单位", "许\n昌\xff", "无效的字符编码");
	bad("工作单位", "许\xe2\x80\x8b昌\xc2\xad", "第2个字是看不见的控制字符或格式字符 U+200B");
	/* the edges of the CJK short way: U+3164 and U+FE00 are ignorable, U+3165 is not */
	bad("工作单位", "许\xe3\x85\xa4昌", "U+3164");
	bad("工作单位", "许\xef\xb8\x8f昌", "U+FE0F");
	ok("工作单位", "许\xe3\x85\xa5昌", "许\xe3\x85\xa5昌");
	/* odd spaces in one line (a name padded invisibly), named; the ASCII
	 * and the ideographic space stay (the controls), a paragraph keeps them */
	bad("工作单位", "许昌学院\xc2\xa0", "第5个字是不换行空格 U+00A0");
	bad("工作单位", "许昌\xe2\x80\x82学院", "第3个字是特殊宽度的空格 U+2002");
	bad("工作单位", "许昌\xe2\x80\x83学院", "U+2003");
	bad("工作单位", "许昌\xe2\x80\x89学院", "U+2009");
	bad("工作单位", "许昌\xe2\x80\xaf学院", "U+202F");
	ok("工作单位", "许昌 学院", "许昌 学院");
	ok("工作单位", "许昌\xe3\x80\x80学院", "许昌\xe3\x80\x80学院");
	ok("个人基本情况", "第一行\xc2\xa0", "第一行\xc2\xa0");
}

/* What no clerk types into a name, each named with its code point (the
 * tester's look-alikes of 小麦病虫害防治图解 and 社区科普e站), and the
 * controls: the ideograph itself, an accented Latin letter, a Greek letter in
 * Chinese text, a whole Russian word. A paragraph is not checked for them. */
static void test_lookalikes_refused(void **state)
{
	(void)state;
	bad("工作单位", "\xe2\xbc\xa9麦", "第1个字「⼩」是部首符号 U+2F29，不是汉字「小」（U+5C0F）：请改为汉字「小」");
	bad("工作单位", "小麦病\xe2\xbe\x8d害", "第4个字「⾍」是部首符号 U+2F8D，不是汉字「虫」");
	bad("工作单位", "小\xe2\xbb\xa8", "第2个字「⻨」是部首符号 U+2EE8，不是汉字「麦」（U+9EA6）");
	bad("工作单位", "小麦病\xcc\x81虫害", "第4个字是附加符号 U+0301，加在汉字「病」上");
	bad("工作单位", "\xcc\x81许昌", "第1个字是附加符号 U+0301，前面没有可以加的字母");
	/* after a space, too: a leading one is trimmed, which would leave the
	 * mark first, stored once and refused when saved again (fuzz_validate) */
	bad("工作单位", "\xe3\x80\x80\xcd\xa0许昌", "第2个字是附加符号 U+0360，前面没有可以加的字母");
	bad("工作单位", "许昌 \xcc\x81科协", "第4个字是附加符号 U+0301，前面没有可以加的字母");
	bad("工作单位", "小麦\xee\x80\x80病", "第3个字是私用区字符 U+E000");
	bad("工作单位", "许昌\xf3\xb0\x80\x80", "私用区字符 U+F0000");
	bad("工作单位", "科普e\xd1\x81tation", "第4个字是俄文字母「с」U+0441，和同一个词里的拉丁字母混在一起（看起来像拉丁字母「c」");
	bad("工作单位", "\xd0\xb5station", "第1个字是俄文字母「е」U+0435"); /* before the Latin letters */
	bad("工作单位", "Hen\xce\xbfn", "第4个字是希腊字母「ο」U+03BF");
	ok("工作单位", "小麦病虫害", "小麦病虫害");
	/* t5h #13: a kana, bopomofo or line-drawing look-alike by Han characters */
	bad("工作单位", "许昌市第ー高级中学",
	    "第5个字「ー」是日文假名 U+30FC，不是汉字「一」（U+4E00）：夹在汉字里看起来一样，查重时却不同，请改为汉字「一」");
	bad("工作单位", "许昌市第ㄧ高级中学", "第5个字「ㄧ」是注音符号 U+3127，不是汉字「一」（U+4E00）");
	bad("工作单位", "许昌市第─高级中学", "第5个字「─」是制表符 U+2500，不是汉字「一」");
	bad("工作单位", "科普讲座ㄧ", "第5个字「ㄧ」是注音符号 U+3127"); /* at the end, after Han */
	bad("工作单位", "许昌市第ㅡ高级中学", "第5个字「ㅡ」是朝鲜文字母 U+3161，不是汉字「一」（U+4E00）"); /* t6h */
	ok("工作单位", "한국문화원", "한국문화원"); /* control: Korean in syllables */
	bad("工作单位", "ロ腔医院", "第1个字「ロ」是日文假名 U+30ED，不是汉字「口」（U+53E3）"); /* before */
	bad("工作单位", "人ロ工カ", "第2个字「ロ」"); /* a run of look-alikes only */
	/* controls: the Han characters, real kana (a word with a kana of its
	 * own), look-alikes away from Han, a dash (folded by the key only) */
	ok("工作单位", "许昌市第一高级中学", "许昌市第一高级中学");
	ok("工作单位", "アニメ科普馆", "アニメ科普馆");
	ok("工作单位", "コーヒー文化馆", "コーヒー文化馆");
	ok("工作单位", "ロエ", "ロエ");
	ok("工作单位", "许昌—郑州", "许昌—郑州");
	ok("工作单位", "Cafe\xcc\x81 Ren\xc3\xa9", "Cafe\xcc\x81 Ren\xc3\xa9"); /* accents on Latin letters */
	ok("工作单位", "\xce\xb1粒子与\xce\xb3射线", "\xce\xb1粒子与\xce\xb3射线");
	ok("工作单位", "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 DNA", "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 DNA");
	ok("工作单位", "社区科普\xd0\xb5站", "社区科普\xd0\xb5站"); /* no Latin word: the duplicate key folds it */
	ok("个人基本情况", "\xe2\xbc\xa9麦\xee\x80\x80", "\xe2\xbc\xa9麦\xee\x80\x80");
}

static void test_other_types(void **state)
{
	(void)state;
	const char *text = "id: t\ntitle: T\ntable: t\nfields:\n"
			   "  - {id: d, label: 日期, type: date}\n"
			   "  - {id: m, label: 年月, type: yearmonth}\n"
			   "  - {id: p, label: 代码, type: text, pattern: '\\A[A-Z]{2}[0-9]{2}\\z', message: 应为两个大写字母加两位数字}\n"
			   "  - {id: h, label: 灾难, type: text, max_chars: 5000, pattern: '\\A(a+)+\\z'}\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "t.yaml", text, strlen(text), &d);
	assert_non_null(f);
	char *out, *why;
	assert_true(field_validate(&cat, &f->fields[0], "2016年7月5日", &out, &why));
	assert_string_equal(out, "2016-07-05");
	free(out);
	assert_false(field_validate(&cat, &f->fields[0], "2016-02-30", &out, &why));
	assert_non_null(strstr(why, "不是有效的日期"));
	free(why);
	assert_true(field_validate(&cat, &f->fields[1], "２０１６.７", &out, &why));
	assert_string_equal(out, "2016-07");
	free(out);
	/* without in_programme a month is any month (出生年月) */
	assert_true(field_validate(&cat, &f->fields[1], "1949-10", &out, &why));
	assert_string_equal(out, "1949-10");
	free(out);
	assert_true(field_validate(&cat, &f->fields[2], "AB12", &out, &why));
	free(out);
	assert_false(field_validate(&cat, &f->fields[2], "ab12", &out, &why));
	assert_string_equal(why, "应为两个大写字母加两位数字");
	free(why);
	/* A catastrophic pattern gives up under the match limit instead of
	 * hanging. */
	char hostile[64];
	memset(hostile, 'a', 40);
	strcpy(hostile + 40, "!");
	assert_false(field_validate(&cat, &f->fields[3], hostile, &out, &why));
	assert_non_null(strstr(why, "无法校验"));
	free(why);
	form_free(f);
	diag_free(&d);
}

/* A project's months (in_programme) lie within the programme's years:
 * from January of the schedule's first year to December of its last_year
 * (2016—2020), or of a later programme year in use. */
static void test_months_in_programme(void **state)
{
	(void)state;
	const kp_form *p = catalog_form(&cat, "project");
	const kp_field *start = &p->fields[form_field_index(p, "start")];
	const kp_field *end = &p->fields[form_field_index(p, "end")];
	char *out, *why;
	const char *good[][2] = {{"2016-01", "2016-01"}, {"2016年7月", "2016-07"}, {"2020.12", "2020-12"}};
	for (size_t i = 0; i < 3; i++) {
		assert_true(field_validate(&cat, start, good[i][0], &out, &why));
		assert_string_equal(out, good[i][1]);
		free(out);
	}
	const char *outside[] = {"1949-10", "2015-12", "2021-01", "1950年1月"};
	for (size_t i = 0; i < 4; i++) {
		assert_false(field_validate(&cat, end, outside[i], &out, &why));
		if (!strstr(why, "不在本工程的年份内：应在 2016年1月至 2020年12月之间"))
			fail_msg("“%s”: %s", outside[i], why);
		free(why);
	}
	/* a programme year after last_year widens the bound to its December */
	kp_diag d = {0};
	assert_int_equal(catalog_use_schedule(&cat, 2022, NULL, &d), 0);
	assert_true(field_validate(&cat, end, "2022-12", &out, &why));
	free(out);
	assert_false(field_validate(&cat, end, "2023-01", &out, &why));
	assert_non_null(strstr(why, "2016年1月至 2022年12月"));
	free(why);
	assert_false(field_validate(&cat, end, "1949-10", &out, &why));
	free(why);
	assert_int_equal(catalog_use_schedule(&cat, 2016, NULL, &d), 0);
	diag_free(&d);
}

/* not_after: today refuses what cannot have happened yet, by kepu's day. */
static void test_not_after_today(void **state)
{
	(void)state;
	const char *text = "id: t\ntitle: T\ntable: t\nfields:\n"
			   "  - {id: d, label: 日期, type: date, not_after: today}\n"
			   "  - {id: m, label: 月份, type: choice, choices: [2016-08, 2016-09], not_after: today}\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "t.yaml", text, strlen(text), &d);
	assert_non_null(f);
	assert_true(clock_set_today("2016-08-10"));
	char *out, *why;
	assert_true(field_validate(&cat, &f->fields[0], "2016年8月10日", &out, &why));
	free(out);
	assert_false(field_validate(&cat, &f->fields[0], "2016-08-11", &out, &why));
	assert_string_equal(why, "「2016-08-11」还没有到（今天是 2016-08-10）");
	assert_null(out);
	free(why);
	assert_true(field_validate(&cat, &f->fields[1], "2016-08", &out, &why)); /* this month */
	free(out);
	assert_false(field_validate(&cat, &f->fields[1], "2016-09", &out, &why));
	free(why);
	clock_use_system();
	form_free(f);
	diag_free(&d);
	const char *wrong = "id: t\ntitle: T\ntable: t\nfields:\n  - {id: d, label: D, type: date, not_after: tomorrow}\n";
	f = form_load(&cat, "t.yaml", wrong, strlen(wrong), &d);
	assert_null(f);
	assert_non_null(strstr(d.items[0].text, "not_after 只能是 today"));
	diag_free(&d);
}

/* A year field: default: year starts a new record at the programme year;
 * not_after: year refuses a later one (2017's nomination on 2018's
 * assessment), naming both years; either word on another type is an error. */
static void test_programme_year_field(void **state)
{
	(void)state;
	const char *text = "id: t\ntitle: T\ntable: t\nfields:\n"
			   "  - {id: y, label: 考核年度, type: integer, default: year, not_after: year}\n"
			   "  - {id: n, label: 人数, type: integer}\n";
	kp_diag d = {0};
	kp_form *f = form_load(&cat, "t.yaml", text, strlen(text), &d);
	assert_non_null(f);
	int kept = cat.schedule.year;
	cat.schedule.year = 2017;
	char *out, *why;
	out = field_initial(&cat, &f->fields[0]);
	assert_string_equal(out, "2017");
	free(out);
	out = field_initial(&cat, &f->fields[1]);
	assert_string_equal(out, "");
	free(out);
	assert_true(field_validate(&cat, &f->fields[0], "2017", &out, &why));
	free(out);
	assert_true(field_validate(&cat, &f->fields[0], "2016", &out, &why));
	free(out);
	assert_false(field_validate(&cat, &f->fields[0], "2018", &out, &why));
	assert_null(out);
	assert_string_equal(why, "2018 年在本年度（2017 年度）之后：只能填 2017 或以前的年度");
	free(why);
	assert_true(field_validate(&cat, &f->fields[1], "2018", &out, &why)); /* no rule */
	free(out);
	cat.schedule.year = kept;
	form_free(f);
	diag_free(&d);
	const char *wrong[] = {
		"id: t\ntitle: T\ntable: t\nfields:\n  - {id: d, label: D, type: date, not_after: year}\n",
		"id: t\ntitle: T\ntable: t\nfields:\n  - {id: y, label: Y, type: integer, not_after: today}\n",
		"id: t\ntitle: T\ntable: t\nfields:\n  - {id: y, label: Y, type: integer, default: 2016}\n",
		"id: t\ntitle: T\ntable: t\nfields:\n  - {id: d, label: D, type: text, default: year}\n",
	};
	const char *said[] = {"not_after 只能是 today", "not_after 只能是 year", "default 只能是 year",
			      "default"};
	for (size_t i = 0; i < 4; i++) {
		f = form_load(&cat, "t.yaml", wrong[i], strlen(wrong[i]), &d);
		assert_null(f);
		assert_non_null(strstr(d.items[0].text, said[i]));
		diag_free(&d);
	}
}

static void test_form_validate_reports_every_field(void **state)
{
	(void)state;
	const char *raw[32] = {0};
	raw[form_field_index(talent, "姓名")] = "张三";
	raw[form_field_index(talent, "联系电话")] = "12345";
	char *out[32] = {0}, *why[32] = {0};
	int n = form_validate(&cat, talent, raw, out, why);
	/* 性别 年龄 民族 政治面貌 学历 工作单位 联系电话 服务类别 */
	assert_int_equal(n, 8);
	size_t phone = (size_t)form_field_index(talent, "联系电话");
	char *m = field_message(&talent->fields[phone], why[phone]);
	assert_string_equal(m, "联系电话：不是有效的电话号码（手机 11 位，固话如 0374-2965753）");
	free(m);
	for (size_t i = 0; i < talent->nfields; i++) {
		free(out[i]);
		free(why[i]);
	}
}

static void test_cross_field_rules(void **state)
{
	(void)state;
	const kp_form *p = catalog_form(&cat, "project");
	assert_non_null(p);
	const char *raw[16] = {0};
	size_t start = (size_t)form_field_index(p, "start"), end = (size_t)form_field_index(p, "end");
	size_t cat_i = (size_t)form_field_index(p, "category");
	size_t other = (size_t)form_field_index(p, "category_other");
	raw[form_field_index(p, "declared_on")] = "2016年7月10日";
	raw[form_field_index(p, "name")] = "青少年科技创新大赛";
	raw[form_field_index(p, "executor")] = "许昌学院";
	raw[form_field_index(p, "contact")] = "周海旺";
	raw[form_field_index(p, "phone")] = "2965753";
	raw[cat_i] = "其他";
	raw[start] = "2016年9月";
	raw[end] = "2016.7";
	char *out[16] = {0}, *why[16] = {0};
	assert_int_equal(form_validate(&cat, p, raw, out, why), 2);
	assert_string_equal(why[end], "不能早于项目实施时间（起）");
	assert_string_equal(why[other], "项目类别为「其他」时必须填写");
	for (size_t i = 0; i < p->nfields; i++) {
		free(out[i]);
		free(why[i]);
		out[i] = why[i] = NULL;
	}
	raw[end] = "2016-09"; /* the same month is not earlier */
	raw[other] = "科普基地建设";
	assert_int_equal(form_validate(&cat, p, raw, out, why), 0);
	assert_string_equal(out[start], "2016-09");
	for (size_t i = 0; i < p->nfields; i++)
		free(out[i]);
	raw[cat_i] = "科普活动"; /* no longer required */
	raw[other] = NULL;
	assert_int_equal(form_validate(&cat, p, raw, out, why), 0);
	for (size_t i = 0; i < p->nfields; i++)
		free(out[i]);
	/* …nor allowed: 其他类别 belongs to 其他 (only_when), the date a
	 * swallowed Tab put there is refused naming both fields */
	raw[other] = "2016-09";
	assert_int_equal(form_validate(&cat, p, raw, out, why), 1);
	assert_string_equal(why[other], "只在项目类别为「其他」时填写，项目类别现在是「科普活动」（改项目类别或清空本项）");
	assert_null(out[other]);
	for (size_t i = 0; i < p->nfields; i++) {
		free(out[i]);
		free(why[i]);
		out[i] = why[i] = NULL;
	}
	raw[cat_i] = NULL; /* no 项目类别 yet: that one refused (必须填写), first */
	assert_int_equal(form_validate(&cat, p, raw, out, why), 1);
	assert_non_null(why[cat_i]);
	assert_null(why[other]);
	for (size_t i = 0; i < p->nfields; i++) {
		free(out[i]);
		free(why[i]);
	}
}

/* One form's fields checked against one field, reasons by field id. */
static int check_form(const kp_form *f, const char *const *kv, char **out, char **why)
{
	const char *raw[32] = {0};
	for (; kv[0]; kv += 2) {
		int i = form_field_index(f, kv[0]);
		assert_true(i >= 0);
		raw[i] = kv[1];
	}
	return form_validate(&cat, f, raw, out, why);
}

static void free_form(const kp_form *f, char **out, char **why)
{
	for (size_t i = 0; i < f->nfields; i++) {
		free(out[i]);
		free(why[i]);
		out[i] = why[i] = NULL;
	}
}

/* 月报: a part (training, evidence) is not more than its whole (activities),
 * each refusal naming both fields; equal is allowed, and an empty 佐证活动. */
static void test_monthly_parts(void **state)
{
	(void)state;
	const kp_form *m = catalog_form(&cat, "monthly");
	assert_non_null(m);
	char *out[32] = {0}, *why[32] = {0};
	const char *bad_kv[] = {"month", "2016-07", "training_sessions", "50", "training_people", "3",
				"activity_sessions", "2", "activity_people", "0", "activity_evidence", "50",
				"resources", "0", NULL};
	assert_int_equal(check_form(m, bad_kv, out, why), 3);
	assert_string_equal(why[form_field_index(m, "training_sessions")],
			    "50，多于活动场次 2（培训场次不能多于活动场次：科技培训也是活动，也计入活动场次）");
	assert_string_equal(why[form_field_index(m, "training_people")],
			    "3，多于参与人数 0（培训人次不能多于参与人数：培训的人次也计入活动的参与人数）");
	assert_non_null(strstr(why[form_field_index(m, "activity_evidence")], "佐证活动不能多于活动场次"));
	free_form(m, out, why);
	const char *good_kv[] = {"month", "2016-07", "training_sessions", "2", "training_people", "40",
				 "activity_sessions", "2", "activity_people", "40", "activity_evidence", "2",
				 "resources", "0", NULL};
	assert_int_equal(check_form(m, good_kv, out, why), 0);
	free_form(m, out, why);
	const char *no_evidence[] = {"month", "2016-07", "training_sessions", "0", "training_people", "0",
				     "activity_sessions", "0", "activity_people", "0", "resources", "0", NULL};
	assert_int_equal(check_form(m, no_evidence, out, why), 0);
	free_form(m, out, why);
}

/* 年度工作计划 and 总结: a placeholder is no narrative; spaces and punctuation
 * do not count, digits and Latin letters do. */
static void test_narrative_minimum(void **state)
{
	(void)state;
	const kp_form *p = catalog_form(&cat, "plan"), *s = catalog_form(&cat, "summary");
	assert_non_null(p);
	assert_non_null(s);
	char *out[32] = {0}, *why[32] = {0};
	const char *dots[] = {"goals", ".", "measures", "。。。 ……", "contact", "王建国", "phone", "13800000000", NULL};
	assert_int_equal(check_form(p, dots, out, why), 2);
	char *said = field_message(&p->fields[form_field_index(p, "goals")], why[form_field_index(p, "goals")]);
	assert_string_equal(said, "工作目标：至少要写 10 个字（不算空格和标点），现在是 0 个字");
	free(said);
	free_form(p, out, why);
	const char *nine[] = {"goals", "推荐人才、开展活动 5", "measures", "依托社区科普大学开展五进活动", "contact",
			      "王建国", "phone", "13800000000", NULL};
	assert_int_equal(check_form(p, nine, out, why), 1);
	assert_string_equal(why[form_field_index(p, "goals")], "至少要写 10 个字（不算空格和标点），现在是 9 个字");
	free_form(p, out, why);
	const char *ten[] = {"goals", "推荐人才、开展活动 5 场", "measures", "依托社区科普大学开展五进活动", "contact",
			     "王建国", "phone", "13800000000", NULL};
	assert_int_equal(check_form(p, ten, out, why), 0);
	free_form(p, out, why);
	/* ten characters, two different ones: a word said over is no measure */
	const char *said_over[] = {"goals", "完成全年任务完成全年任务", "measures", "措施措施措施措施措施措施", "contact",
				   "王建国", "phone", "13800000000", NULL};
	assert_int_equal(check_form(p, said_over, out, why), 2);
	assert_string_equal(why[form_field_index(p, "measures")],
			    "重复的字只算一个：至少要有 8 个不同的字，现在只有 2 个，请写明具体内容");
	assert_non_null(strstr(why[form_field_index(p, "goals")], "现在只有 6 个"));
	free_form(p, out, why);
	const char *summary[] = {"achievements", ".", "problems", "无", "contact", "x", "phone", "13800000000", NULL};
	assert_int_equal(check_form(s, summary, out, why), 1); /* 问题与建议 may be short */
	assert_non_null(strstr(why[form_field_index(s, "achievements")], "至少要写 10 个字"));
	free_form(s, out, why);
}

static void test_multi_join(void **state)
{
	(void)state;
	char *s = multi_join("[\"青少年科普\",\"农村科普\"]");
	assert_string_equal(s, "青少年科普、农村科普");
	free(s);
	s = multi_join("");
	assert_string_equal(s, "");
	free(s);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_phones),
		cmocka_unit_test(test_phone_numbering_plan),
		cmocka_unit_test(test_months_in_programme),
		cmocka_unit_test(test_emails),
		cmocka_unit_test(test_qq_or_wechat),
		cmocka_unit_test(test_age_range),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_multichoice),
		cmocka_unit_test(test_lengths_count_characters),
		cmocka_unit_test(test_hostile_text_refused),
		cmocka_unit_test(test_lookalikes_refused),
		cmocka_unit_test(test_monthly_parts),
		cmocka_unit_test(test_narrative_minimum),
		cmocka_unit_test(test_other_types),
		cmocka_unit_test(test_not_after_today),
		cmocka_unit_test(test_programme_year_field),
		cmocka_unit_test(test_form_validate_reports_every_field),
		cmocka_unit_test(test_cross_field_rules),
		cmocka_unit_test(test_multi_join),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
