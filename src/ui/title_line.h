/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * title_line: every screen's first line laid out in a width, with no
 * terminal (app_chrome draws it; tests/unit/test_title_line.c checks it).
 * Left: the screen's title and 「← 」 the screen Esc returns to. Right: the
 * screen's own text (填报单位：魏都区, 共 3 条), 「演示账号」 on a
 * demonstration account, and the programme year 「2016 年度」 (「2016 年度
 * （已结束）」 once the city closed it).
 *
 * What gives way when the line is too narrow, least needed first, each only
 * as far as needed; words are kept whole, and a part cut inside ends with
 * 「>」 as every cut on screen does (draw.h). What the screen is — a form's
 * own name and the record's number (「附表2 科普人才库推荐表：修改第 19 号
 * 记录」) — gives way after everything beside it (t80h h13):
 *   1. the right text's label: 「填报单位：魏都区」 → 「魏都区」 (the name
 *      says what it is);
 *   2. 「演示账号」 (the menu and every wider screen still show it);
 *   3. the items after the first in the title's closing 「（…）」:
 *      「（已提交，附件 0 个）」 → 「（已提交>」;
 *   4. the way back 「← 列表」 (the key line still names Esc);
 *   5. the right text (the unit) cut, keeping TITLE_LINE_RIGHT_MIN cells:
 *      「许昌市科学技术协会」 → 「许昌市科>」;
 *   6. the form's name after its number: 「附表2 科普人才库推荐表：修改…」 →
 *      「附表2 科普人才库>：修改…」 → 「附表2>：修改…」 (the number names it;
 *      a title with no number, 工作简报：…, keeps its name whole); a title
 *      that is a screen's name alone (no 「：」: 工作进度检查表（五、组织实施）)
 *      is cut at its end, keeping TITLE_LINE_MIN cells;
 *   7. the title's end, cut with 「>」, keeping TITLE_LINE_MIN cells;
 *   8. the right text, cut with 「>」.
 * The year gives way only after all of these (below any size kepu draws
 * at: 80 columns), to 「2016」 (「2016 已结束」).
 */
#ifndef KP_TITLE_LINE_H
#define KP_TITLE_LINE_H
#include <stdbool.h>
#include <stddef.h>

/* A title shortened to fewer cells says too little. */
#define TITLE_LINE_MIN 12
/* …and a unit's name to fewer, before the title gives way (four characters and 「>」). */
#define TITLE_LINE_RIGHT_MIN 9

typedef struct {
	const char *title; /* 「附表2 科普人才库推荐表：修改第 1 号记录（草稿）」 */
	const char *back;  /* 「← 列表」; NULL: none */
	const char *right; /* the screen's own; NULL: none */
	bool demo;         /* a demonstration account */
	int year;          /* the programme year; 0: none (before a sign-in) */
	bool closed;       /* the city closed it: 「2016 年度（已结束）」 */
} title_parts;

/* The line in exactly cols cells (spaces around and between), into out. */
void title_line(const title_parts *p, int cols, char *out, size_t len);

#endif
