/* SPDX-License-Identifier: MulanPSL-2.0 */
/* core/: UTF-8, widths, sanitising, normalisation, dates, JSON, CSV. */
#include "unit.h"

#include "core/csv.h"
#include "core/date.h"
#include "core/json.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static void test_decode_valid_and_invalid(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode("张", 3, &cp), 3);
	assert_int_equal(cp, 0x5F20);
	assert_int_equal(utf8_decode("𬱖", 4, &cp), 4);
	assert_int_equal(cp, 0x2CC56);
	/* overlong '/', a surrogate, a truncated sequence, a stray continuation */
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 1);
	assert_true(cp == UTF8_INVALID);
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
	assert_true(cp == UTF8_INVALID);
	assert_int_equal(utf8_decode("\xE5\xBC", 2, &cp), 1);
	assert_true(cp == UTF8_INVALID);
	assert_int_equal(utf8_decode("\x80", 1, &cp), 1);
	assert_true(cp == UTF8_INVALID);
	assert_false(utf8_valid("ab\xFF", 3));
	assert_true(utf8_valid("许昌市科协", strlen("许昌市科协")));
}

/* Header labels as offices type them compare equal to the form's. */
static void test_label_keys(void **state)
{
	(void)state;
	static const char *const same[][2] = {
		{"职务(职称)", "职务（职称）"}, {" 姓 名 ", "姓名"}, {"*联系电话：", "联系电话"},
		{"QQ号或微信号", "ｑｑ号或微信号"}, {"县（市、区）科协推荐意见", "县(市,区)科协推荐意见"},
		{"「科普专长」", "科普专长"},
	};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		char *a = text_label_key(same[i][0]), *b = text_label_key(same[i][1]);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	char *a = text_label_key("职务"), *b = text_label_key("职称");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	a = text_label_key("完成度（%）");
	assert_string_equal(a, "完成度%");
	free(a);
}

/* The duplicate rule's key: what looks the same is the same key (radicals
 * and compatibility ideographs by Unicode's equivalents, Latin look-alikes,
 * marks and private-use characters that add nothing seen); the controls,
 * another character and another letter, are another key. */
static void test_dup_keys(void **state)
{
	(void)state;
	static const char *const same[][2] = {
		{"\xe2\xbc\xa9麦", "小麦"},                  /* ⼩ U+2F29 */
		{"病\xe2\xbe\x8d害", "病虫害"},              /* ⾍ U+2F8D */
		{"小\xe2\xbb\xa8", "小麦"},                  /* ⻨ U+2EE8 */
		{"\xef\xa4\x80", "\xe8\xb1\x88"},            /* U+F900 = 豈 U+8C48 */
		{"\xf0\xaf\xa0\x80", "\xe4\xb8\xbd"},        /* U+2F800 = 丽 U+4E3D */
		{"病\xcc\x81虫", "病虫"},
		{"图\xee\x80\x80解", "图解"},
		{"社区科普\xd0\xb5站", "社区科普e站"},          /* Cyrillic е */
		{"\xd0\xa0\xd0\x9c" "2.5", "pm2.5"},              /* Cyrillic Р, М */
		{"\xce\x91\xce\x92\xce\x95", "abe"},          /* Greek Α Β Ε */
		{"社区科普Ｅ站", "社区科普 e站"},
		{"《社区科普e站》", "社区科普e站"},          /* book-title marks, quotes */
		{"〈科普〉“讲座”‘一’「二」『三』\"四\"'五'", "科普讲座一二三四五"},
		{"科普讲座！", "科普讲座"},                  /* a clause's end */
		{"科普讲座。", "科普讲座"},
		{"科普讲座!.,，", "科普讲座"},
		/* t5h #13: kana, bopomofo, line drawing and dashes drawn like Han */
		{"许昌市第ー高级中学", "许昌市第一高级中学"},  /* ー U+30FC */
		{"许昌市第ㄧ高级中学", "许昌市第一高级中学"},  /* ㄧ U+3127 */
		{"许昌市第ㅡ高级中学", "许昌市第一高级中学"},  /* ㅡ U+3161 (t6h) */
		{"许昌市第－高级中学", "许昌市第一高级中学"},  /* － U+FF0D */
		{"许昌市第–高级中学", "许昌市第一高级中学"},  /* – U+2013 */
		{"许昌市第⎯高级中学", "许昌市第一高级中学"},  /* ⎯ U+23AF */
		{"许昌市第─高级中学", "许昌市第一高级中学"},  /* ─ U+2500 */
		{"许昌市第―高级中学", "许昌市第一高级中学"},  /* ― U+2015 */
		{"许昌市第—高级中学", "许昌市第一高级中学"},  /* — U+2014 */
		{"许昌市第ｰ高级中学", "许昌市第一高级中学"},  /* ｰ U+FF70 half-width */
		{"人ロ工カニハトタ", "人口工力二八卜夕"},      /* katakana */
	};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		char *a = text_dup_key(same[i][0]), *b = text_dup_key(same[i][1]);
		if (strcmp(a, b))
			fail_msg("「%s」 → 「%s」, 「%s」 → 「%s」", same[i][0], a, same[i][1], b);
		free(a);
		free(b);
	}
	char *a = text_dup_key("小麦"), *b = text_dup_key("大麦");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	/* controls: a mark inside a name, a question, never down to nothing */
	static const char *const kept[][2] = {{"科普！讲座", "科普!讲座"}, {"科普讲座？", "科普讲座?"}, {"。", "."},
					      {"pm2.5", "pm2.5"}};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		a = text_dup_key(kept[i][0]);
		assert_string_equal(a, kept[i][1]);
		free(a);
	}
	a = text_dup_key("\xd0\xb4"); /* д looks like no Latin letter */
	assert_string_equal(a, "\xd0\xb4");
	free(a);
	assert_int_equal(text_content_chars("。。 . ……"), 0);
	assert_int_equal(text_content_chars("开展活动 5 场。"), 6);
	assert_int_equal(text_distinct_chars("措施措施措施，措施措施措施"), 2);
	assert_int_equal(text_distinct_chars("开展活动 5 场。"), 6);
	assert_int_equal(text_distinct_chars("。。"), 0);
}

static void test_encode_roundtrip(void **state)
{
	(void)state;
	uint32_t cps[] = {0x24, 0xB7, 0x4E2D, 0x4DAE, 0x2CC56};
	for (size_t i = 0; i < 5; i++) {
		char buf[4];
		size_t n = utf8_encode(cps[i], buf);
		uint32_t back;
		assert_int_equal(utf8_decode(buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
}

static void test_counts_and_widths(void **state)
{
	(void)state;
	assert_int_equal(utf8_count("张三abc"), 5);
	assert_int_equal(utf8_width("张三abc"), 7);
	assert_int_equal(utf8_width("䶮"), 2);
	assert_int_equal(cp_width(0x0301), 0); /* combining acute */
}

static void test_sanitize_removes_controls(void **state)
{
	(void)state;
	char *s = utf8_sanitize("a\x1b]0;pwn\x07" "b\r\bc\xe2\x80\xae" "d\xe2\x80\x8b" "e\xff", false);
	assert_string_equal(s, "a?]0;pwn?b??c?d?e?");
	free(s);
	s = utf8_sanitize("第一行\n第二行\t末", true);
	assert_string_equal(s, "第一行\n第二行 末");
	free(s);
	s = utf8_sanitize("\xc2\x9b" "31m", false); /* C1 CSI */
	assert_string_equal(s, "?31m");
	free(s);
	/* runs of CJK and ASCII copied whole, around what is replaced; a CJK
	 * lead byte cut short or followed by no continuation is invalid */
	s = utf8_sanitize("第3行\x1b[2J张三\xe4\xb8", false);
	assert_string_equal(s, "第3行?[2J张三??");
	free(s);
	s = utf8_sanitize("\xe5" "ab\xe5\xbc" "c\xe2\x80\xa8", false); /* U+2028 */
	assert_string_equal(s, "?ab??c?");
	free(s);
	s = utf8_sanitize("", false);
	assert_string_equal(s, "");
	free(s);
}

static void test_formatting_any_length(void **state)
{
	(void)state;
	char *s = xasprintf("第%d行：%s", 3, "同一人");
	assert_string_equal(s, "第3行：同一人");
	free(s);
	char long_text[1001];
	memset(long_text, 'x', 1000);
	long_text[1000] = '\0';
	s = xasprintf("<%s>", long_text); /* past the stack buffer: formatted again */
	assert_int_equal(strlen(s), 1002);
	assert_true(s[0] == '<' && s[1001] == '>' && s[500] == 'x');
	free(s);
	s = xasprintf("%s", "");
	assert_string_equal(s, "");
	free(s);
}

static void test_trim_and_fold(void **state)
{
	(void)state;
	char *s = text_trim("\xe3\x80\x80 张三 \t\xe3\x80\x80");
	assert_string_equal(s, "张三");
	free(s);
	s = text_trim("   ");
	assert_string_equal(s, "");
	free(s);
	s = text_fold_fullwidth("１３８　１２３４＠１６３。ｃｏｍ");
	assert_string_equal(s, "138 1234@163.com");
	free(s);
	s = text_name_dots("买买提•艾力・阿不都．江");
	assert_string_equal(s, "买买提·艾力·阿不都·江");
	free(s);
	s = text_strip_chars("(0374) 296-5753", " -()");
	assert_string_equal(s, "03742965753");
	free(s);
	s = text_strip_chars("--", "-");
	assert_string_equal(s, "");
	free(s);
	assert_true(text_blank("") && text_blank(" \t\xe3\x80\x80 ") && text_blank("\xe3\x80\x80"));
	assert_false(text_blank(" 张 ") || text_blank("\xe3\x80") || text_blank("  x"));
	assert_true(text_ascii("") && text_ascii("0374-2965753 ext 8"));
	assert_false(text_ascii("１３８") || text_ascii("a\xe3\x80\x80"));
}

static void test_dates(void **state)
{
	(void)state;
	int y, m, d;
	assert_true(date_parse("2016-07-15", &y, &m, &d));
	assert_int_equal(y * 10000 + m * 100 + d, 20160715);
	assert_true(date_parse("2016年7月15日", &y, &m, &d));
	assert_true(date_parse("2016年7月15", &y, &m, &d));
	assert_true(date_parse("2016.7.5", &y, &m, &d));
	assert_true(date_parse("2016/12/31", &y, &m, &d));
	assert_true(date_parse("2016-02-29", &y, &m, &d)); /* leap year */
	assert_false(date_parse("2015-02-29", &y, &m, &d));
	assert_false(date_parse("1900-02-29", &y, &m, &d)); /* not leap */
	assert_true(date_parse("2000-02-29", &y, &m, &d));  /* leap */
	assert_false(date_parse("2016-04-31", &y, &m, &d));
	assert_false(date_parse("2016-7-15x", &y, &m, &d));
	assert_false(date_parse("2016-07.15", &y, &m, &d));
	assert_false(date_parse("16-07-15", &y, &m, &d));
	assert_true(yearmonth_parse("2016-07", &y, &m));
	assert_true(yearmonth_parse("2016年7月", &y, &m));
	assert_true(yearmonth_parse("2016.7", &y, &m));
	assert_false(yearmonth_parse("2016-13", &y, &m));
	assert_false(yearmonth_parse("2016年7", &y, &m));
	assert_false(yearmonth_parse("201607", &y, &m));
	assert_true(yearmonth_ambiguous("2016.1"));
	assert_false(yearmonth_ambiguous("2016.01")); /* positive controls: written out */
	assert_false(yearmonth_ambiguous("2016.10"));
	assert_false(yearmonth_ambiguous("2016.7"));
	assert_false(yearmonth_ambiguous("2016-1"));
	assert_false(yearmonth_ambiguous("2016.1.5"));
	assert_int_equal(date_days_in_month(2016, 2), 29);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	/* refused for the year alone: said so, not "not a date" */
	assert_false(date_parse("9999-12-31", &y, &m, &d));
	assert_true(date_out_of_range("9999-12-31"));
	assert_true(date_out_of_range("1899年1月1日"));
	assert_false(date_out_of_range("2016-07-15")); /* a date in range */
	assert_false(date_out_of_range("9999-02-30")); /* not a date at all */
	assert_false(date_out_of_range("garbage"));
}

static void test_json_arrays(void **state)
{
	(void)state;
	char *items[] = {"青少年科普", "a\"b\\c", "x\ny"};
	char *s = json_array_encode(items, 3);
	assert_string_equal(s, "[\"青少年科普\",\"a\\\"b\\\\c\",\"x\\u000ay\"]");
	char **back;
	size_t n;
	assert_int_equal(json_array_decode(s, &back, &n), 0);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(back[i], items[i]);
	json_array_free(back, n);
	free(s);
	assert_int_equal(json_array_decode("[\"\\ud83d\\ude00\"]", &back, &n), 0);
	assert_string_equal(back[0], "😀");
	json_array_free(back, n);
	assert_int_equal(json_array_decode("[]", &back, &n), 0);
	assert_int_equal(n, 0);
	json_array_free(back, n);
	assert_int_equal(json_array_decode("[\"a\",]", &back, &n), -1);
	assert_int_equal(json_array_decode("[\"a\"] x", &back, &n), -1);
	assert_int_equal(json_array_decode("[\"\\udc00\"]", &back, &n), -1);
}

static void test_csv_reader(void **state)
{
	(void)state;
	const char data[] = "\xEF\xBB\xBF姓名,意见\r\n张三,\"甲,乙\"\r\n\r\n\"李\"\"四\",\"两\n行\"\n王五";
	FILE *fp = fmemopen((void *)data, sizeof data - 1, "r");
	csv_reader r;
	csv_open(&r, fp);
	assert_int_equal(csv_next(&r), 1);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.cells[0], "姓名");
	assert_int_equal(csv_next(&r), 1);
	assert_string_equal(r.cells[1], "甲,乙");
	assert_int_equal(r.record, 2);
	assert_int_equal(csv_next(&r), 1);
	assert_string_equal(r.cells[0], "李\"四");
	assert_string_equal(r.cells[1], "两\n行");
	assert_int_equal(r.record, 4); /* the blank line counts as a row */
	assert_int_equal(csv_next(&r), 1);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.cells[0], "王五");
	assert_int_equal(csv_next(&r), 0);
	csv_close(&r);
	fclose(fp);

	const char bad[] = "a,\"unterminated\n";
	fp = fmemopen((void *)bad, sizeof bad - 1, "r");
	csv_open(&r, fp);
	assert_int_equal(csv_next(&r), -1);
	csv_close(&r);
	fclose(fp);

	const char nobom[] = "\xEF\xBC\x8C,x\n"; /* starts with U+FF0C, not a BOM */
	fp = fmemopen((void *)nobom, sizeof nobom - 1, "r");
	csv_open(&r, fp);
	assert_int_equal(csv_next(&r), 1);
	assert_string_equal(r.cells[0], "，");
	csv_close(&r);
	fclose(fp);
}

static void test_csv_writer_quotes(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	csv_write_cell(fp, "plain", true);
	csv_write_cell(fp, "a,b", false);
	csv_write_cell(fp, "say \"hi\"", false);
	csv_write_cell(fp, "两\n行", false);
	csv_end_record(fp);
	fclose(fp);
	assert_string_equal(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"两\n行\"\r\n");
	free(buf);
}

static void test_formula_neutralising(void **state)
{
	(void)state;
	const char *formulas[] = {"=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tX", "\r=1", "-", "+"};
	for (size_t i = 0; i < sizeof formulas / sizeof formulas[0]; i++) {
		assert_true(csv_looks_like_formula(formulas[i]));
		char *n = csv_neutralise(formulas[i]);
		assert_int_equal(n[0], '\'');
		const char *back = csv_unneutralise(n);
		assert_string_equal(back, formulas[i]);
		free(n);
	}
	const char *plain[] = {"-5", "+3.5", "张三", "", "1=1", "'quoted"};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		assert_false(csv_looks_like_formula(plain[i]));
		char *n = csv_neutralise(plain[i]);
		assert_string_equal(n, plain[i]);
		const char *back = csv_unneutralise(n);
		assert_string_equal(back, plain[i]); /* an apostrophe of the data stays */
		free(n);
	}
}

/* Wrapping as a spreadsheet prints: CJK two columns, Latin words whole,
 * newlines kept; the line starts are byte offsets. */
static void test_print_wrap(void **state)
{
	(void)state;
	assert_int_equal(text_print_width("■a科"), 5);
	size_t *at;
	assert_int_equal(text_wrap("甲乙丙丁戊", 4, &at), 3);
	assert_int_equal(at[1], 6);
	assert_int_equal(at[2], 12);
	free(at);
	assert_int_equal(text_wrap("ab cd efgh", 6, &at), 2);
	assert_int_equal(at[1], 6); /* efgh moves whole */
	free(at);
	assert_int_equal(text_wrap("一\n\n二", 10, NULL), 3);
	assert_int_equal(text_wrap("", 10, NULL), 1);
	assert_int_equal(text_wrap("0123456789", 4, NULL), 3); /* too long a word is broken */
	/* capitals as LibreOffice's stand-in font prints them: wider than a digit
	 * (eight W took 8 columns, and their cell was cut on paper) */
	assert_int_equal(text_print_width("WWWWWWWW"), 16);
	assert_int_equal(text_wrap("WWWWWWWW", 10, NULL), 2);
	assert_int_equal(text_wrap("WHO ORGANIZATION", 10, NULL), 3);
	assert_int_equal(text_wrap("who organization", 10, NULL), 2); /* positive control: lower case */
	assert_int_equal(text_print_width("2016-07-01"), 10);
	assert_int_equal(text_wrap("2016年8月4日 逾期", 15, NULL), 2); /* a word's first letter counts */
	assert_int_equal(text_wrap("2016年8月4日 逾期", 17, NULL), 1);
	/* after a word broken for its length the next starts a line of its own:
	 * where the printing program broke it is its own */
	assert_int_equal(text_wrap("abcdefghij m", 8, &at), 3);
	assert_int_equal(at[2], strlen("abcdefghij "));
	free(at);
	/* the texts that printed so: 「、进学校」 began a line, 「会」 stood alone */
	assert_int_equal(text_wrap("科普进社区、进学校", 10, &at), 2);
	assert_int_equal(at[1], strlen("科普进社")); /* 区、 go down together */
	free(at);
	assert_int_equal(text_wrap("科普报告会", 8, &at), 2);
	assert_int_equal(at[1], strlen("科普报")); /* 告会, not 会 alone */
	free(at);
	assert_int_equal(text_wrap("科普报告会\n讲座", 8, &at), 3);
	assert_int_equal(at[1], strlen("科普报"));
	free(at);
	assert_int_equal(text_wrap("讲座。", 4, &at), 2);
	assert_int_equal(at[1], strlen("讲")); /* 座。 */
	free(at);
	/* positive controls: a break before an ordinary character stays, and a
	 * line is not left with one character to save the last */
	assert_int_equal(text_wrap("科普进社区进学校", 10, &at), 2);
	assert_int_equal(at[1], strlen("科普进社区"));
	free(at);
	assert_int_equal(text_wrap("甲乙丙丁戊", 4, &at), 3);
	assert_int_equal(at[2], strlen("甲乙丙丁"));
	free(at);
}

/* Screen lines (draw_wrapped): near the edge a line ends after Chinese
 * punctuation or a space rather than inside a phrase; a closing mark never
 * starts a line; a Latin word moves whole. */
static size_t line_of(const char *s, int width, char *first, size_t cap)
{
	uint32_t cp[256];
	size_t n = 0;
	for (size_t i = 0, len = strlen(s); i < len;)
		i += utf8_decode(s + i, len - i, &cp[n++]);
	size_t end = text_line_end(cp, 0, n, width);
	size_t k = 0;
	for (size_t i = 0; i < end && k + 4 < cap; i++)
		k += utf8_encode(cp[i], first + k);
	first[k] = '\0';
	return end;
}

static void test_screen_line_breaks(void **state)
{
	(void)state;
	char first[512];
	/* 44 cells: 「不能」 would end the line; it ends after 「，」. */
	line_of("第 12 行：这一行的姓名与身份证号不相符，不能据此建立记录", 44, first, sizeof first);
	assert_string_equal(first, "第 12 行：这一行的姓名与身份证号不相符，");
	/* 「，」 would start the next line: the character before it moves down with it. */
	line_of("一二三四五六七八九十，好", 20, first, sizeof first);
	assert_string_equal(first, "一二三四五六七八九");
	/* two closing marks at the edge (「）。」): neither starts the next line */
	line_of("一二三四五六七八九）。好", 20, first, sizeof first);
	assert_string_equal(first, "一二三四五六七八");
	line_of("科普人才科普人才科普人才科普人才科）。好", 36, first, sizeof first);
	assert_string_equal(first, "科普人才科普人才科普人才科普人才");
	/* before an opening bracket */
	line_of("甲乙丙丁戊己庚辛壬癸子丑寅卯辰（巳午未申）", 32, first, sizeof first);
	assert_string_equal(first, "甲乙丙丁戊己庚辛壬癸子丑寅卯辰");
	/* a Latin word moves whole; the space is left for the caller to skip */
	assert_int_equal(line_of("请运行 kepu backup 备份", 14, first, sizeof first), 9);
	assert_string_equal(first, "请运行 kepu ");
	/* a path after Chinese moves whole when a line holds it; a longer one
	 * breaks after a '/', never inside a name */
	line_of("交换文件夹：/srv/kepu/exchange/weidu/2016.csv", 40, first, sizeof first);
	assert_string_equal(first, "交换文件夹：");
	line_of("交换文件夹中没有「/srv/kepu/exchange/weidu/2016.csv」", 40, first, sizeof first);
	assert_string_equal(first, "交换文件夹中没有"); /* 「 goes down with it */
	line_of("/srv/kepu/exchange/weidu/2016-talent-records.csv", 28, first, sizeof first);
	assert_string_equal(first, "/srv/kepu/exchange/weidu/");
	line_of("已导入：/srv/kepu/exchange/weidu/a/b/c/d/e/f/2016.csv", 30, first, sizeof first);
	assert_string_equal(first, "已导入：/srv/kepu/exchange/");
	/* a path breaks only after a '/', kept at the line's end, never inside
	 * a Chinese folder name nor with '/' starting the next line */
	line_of("/tmp/t80b/长目录名称用于测试换行/another-very-long-level-of-dir/x", 30, first, sizeof first);
	assert_string_equal(first, "/tmp/t80b/");
	line_of("交换文件夹：/tmp/t80b/长目录名称用于测试换行/another-very-long-level-of-dir", 40, first,
		sizeof first);
	assert_string_equal(first, "交换文件夹：/tmp/t80b/");
	line_of("/tmp/长目录名称用于测试换行/another/x", 30, first, sizeof first);
	assert_string_equal(first, "/tmp/长目录名称用于测试换行/");
	/* a number stays with its unit, and neither is broken (「20 M」「iB」) */
	line_of("请选择文件（最大 20 MiB）。终端没有弹出窗口时", 21, first, sizeof first);
	assert_string_equal(first, "请选择文件（最大 ");
	line_of("请选择文件（最大 20 MiB）。终端没有弹出窗口时", 20, first, sizeof first);
	assert_string_equal(first, "请选择文件（最大 ");
	line_of("只收 JPEG、PNG、PDF、MP4、DOCX、XLSX，每个至多 20 MiB，至多 10 个", 51, first, sizeof first);
	assert_string_equal(first, "只收 JPEG、PNG、PDF、MP4、DOCX、XLSX，每个至多 ");
	line_of("共 MP4 MiB 项", 9, first, sizeof first); /* control: no number, the unit alone moves */
	assert_string_equal(first, "共 MP4 ");
	/* a phrase far from any punctuation is broken at the edge */
	line_of("科普人才科普人才科普人才科普人才科普人才", 20, first, sizeof first);
	assert_string_equal(first, "科普人才科普人才科普");
	/* a newline ends the line */
	assert_int_equal(line_of("甲乙\n丙丁", 20, first, sizeof first), 2);
}

/* A draft's fields on its row: cut between two, marked, never inside one. */
static void test_cut_parts(void **state)
{
	(void)state;
	const char *s = "姓名 罗德明 · 性别 男 · 年龄 57";
	char *c = text_cut_parts(s, " · ", 27);
	assert_string_equal(c, "姓名 罗德明 · 性别 男 · >"); /* was 「· 年>」 */
	assert_true(utf8_width(c) <= 27);
	free(c);
	c = text_cut_parts(s, " · ", 40); /* control: room for all */
	assert_string_equal(c, s);
	free(c);
	c = text_cut_parts(s, " · ", 16);
	assert_string_equal(c, "姓名 罗德明 · >");
	free(c);
	c = text_cut_parts(s, " · ", 8); /* not one part fits: whole, for the drawing's cut */
	assert_string_equal(c, s);
	free(c);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid_and_invalid),
		cmocka_unit_test(test_encode_roundtrip),
		cmocka_unit_test(test_label_keys),
		cmocka_unit_test(test_dup_keys),
		cmocka_unit_test(test_counts_and_widths),
		cmocka_unit_test(test_print_wrap),
		cmocka_unit_test(test_screen_line_breaks),
		cmocka_unit_test(test_cut_parts),
		cmocka_unit_test(test_sanitize_removes_controls),
		cmocka_unit_test(test_formatting_any_length),
		cmocka_unit_test(test_trim_and_fold),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_json_arrays),
		cmocka_unit_test(test_csv_reader),
		cmocka_unit_test(test_csv_writer_quotes),
		cmocka_unit_test(test_formula_neutralising),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
