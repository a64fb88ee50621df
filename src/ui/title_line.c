/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "ui/title_line.h"

#include <stdio.h>
#include <string.h>

#include "core/msg.h"
#include "core/utf8.h"

#define PART 512 /* a part's bytes: titles and names are far shorter */
#define GAP 2    /* spaces between parts */

typedef struct {
	char title[PART], back[PART], right[PART], mark[32], year[64];
} line_parts;

/* s in at most width cells into out: whole, or cut on a character boundary
 * with 「>」 in its last cell ("" for no room at all). */
static void cut_to(const char *s, int width, char *out, size_t len)
{
	size_t n = strlen(s), at = 0;
	int w = 0;
	if (utf8_width(s) <= width) {
		snprintf(out, len, "%s", s);
		return;
	}
	while (at < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + at, n - at, &cp);
		int cw = (cp == UTF8_INVALID || cp_is_unsafe(cp)) ? 1 : cp_width(cp);
		if (w + cw > width - 1)
			break;
		w += cw;
		at += k;
	}
	snprintf(out, len, width > 0 ? "%.*s>" : "%.*s", (int)at, s);
}

/* dst (PART bytes) becomes src, cut at a character boundary if longer. */
static void set(char *dst, const char *src)
{
	size_t n = strlen(src);
	while (n >= PART || (n > 0 && (src[n] & 0xC0) == 0x80))
		n--;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* A right-hand block: the parts present, GAP apart. */
static int right_width(const line_parts *l)
{
	const char *parts[] = {l->right, l->mark, l->year};
	int w = 0;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		if (parts[i][0])
			w += (w ? GAP : 0) + utf8_width(parts[i]);
	return w;
}

static int left_width(const line_parts *l)
{
	return utf8_width(l->title) + (l->back[0] ? GAP + utf8_width(l->back) : 0);
}

/* Cells over cols: a space at each edge, and GAP between left and right. */
static int over(const line_parts *l, int cols)
{
	int rw = right_width(l);
	return 1 + left_width(l) + (rw ? GAP + rw : 0) + 1 - cols;
}

/* Step 2: the form's name cut from its end by `by` cells, with 「>」; the
 * number before it (「附表2」) stays, and a name left with less than two
 * characters goes whole (「附表2>：…」). A title with no number keeps it. */
static void cut_name(char *title, int by)
{
	const char *colon = strstr(title, "：");
	if (!colon)
		return;
	const char *sp = memchr(title, ' ', (size_t)(colon - title));
	if (!sp) /* no number (工作简报, 科普活动记录): the name is all that names the screen */
		return;
	size_t from = (size_t)(sp - title), to = (size_t)(colon - title);
	char name[PART], cut[PART], out[3 * PART];
	snprintf(name, sizeof name, "%.*s", (int)(to - from), title + from);
	int keep = utf8_width(name) - by;
	if (keep < 5) /* less than two characters says nothing: the name goes whole */
		keep = 1;
	cut_to(name, keep, cut, sizeof cut);
	if (!strcmp(cut, name))
		return;
	snprintf(out, sizeof out, "%.*s%s%s", (int)from, title, cut, colon);
	set(title, out);
}

/* Step 2 for a title that is a screen's name alone, with no 「：」
 * (工作进度检查表（五、组织实施）, 导出数据（CSV 或 Excel 文件，…）): its end
 * cut by `by` cells with 「>」, keeping TITLE_LINE_MIN. */
static void cut_screen_name(char *title, int by)
{
	if (strstr(title, "："))
		return;
	int w = utf8_width(title), keep = w - by < TITLE_LINE_MIN ? TITLE_LINE_MIN : w - by;
	char cut[PART];
	cut_to(title, keep, cut, sizeof cut);
	set(title, cut);
}

/* Step 3: the items after the first in the title's closing 「（…）」 (a
 * record's 「（已提交，附件 2 个）」) dropped from the end, marked 「（已提交>」,
 * until `by` cells are saved or one item is left. */
static void cut_items(char *title, int by)
{
	size_t n = strlen(title), k = strlen("，");
	const char *open = NULL;
	for (const char *p = strstr(title, "（"); p; p = strstr(p + 1, "（"))
		open = p;
	if (!open || n < strlen("）") || strcmp(title + n - strlen("）"), "）"))
		return;
	int want = utf8_width(title) - by;
	char cut[PART];
	bool found = false;
	for (size_t at = n - strlen("）"); at > (size_t)(open - title); at--) {
		if (strncmp(title + at, "，", k))
			continue;
		snprintf(cut, sizeof cut, "%.*s>", (int)at, title);
		found = true;
		if (utf8_width(cut) <= want)
			break;
	}
	if (found)
		set(title, cut);
}

/* Step 1: 「填报单位：魏都区」 → 「魏都区」. */
static void drop_label(char *right)
{
	const char *colon = strstr(right, "：");
	if (colon && colon[strlen("：")])
		memmove(right, colon + strlen("："), strlen(colon + strlen("：")) + 1);
}

static void append(char *out, size_t len, size_t *at, const char *s)
{
	int n = snprintf(out + *at, len - *at, "%s", s);
	if (n > 0)
		*at += (size_t)n < len - *at ? (size_t)n : len - *at - 1;
}

static void spaces(char *out, size_t len, size_t *at, int n)
{
	for (int i = 0; i < n; i++)
		append(out, len, at, " ");
}

/* The parts as given. */
static void parts_of(const title_parts *p, line_parts *l)
{
	set(l->title, p->title ? p->title : "");
	set(l->back, p->back ? p->back : "");
	set(l->right, p->right ? p->right : "");
	snprintf(l->mark, sizeof l->mark, "%s", p->demo ? msg(MSG_UI_DEMO) : "");
	l->year[0] = '\0';
	if (p->year)
		snprintf(l->year, sizeof l->year, msg(p->closed ? MSG_Y_YEAR_CLOSED : MSG_Y_YEAR), p->year);
}

/* The right text cut by o cells with 「>」, keeping at least keep (or all
 * of it when it is no wider). */
static void cut_right(line_parts *l, int o, int keep)
{
	int w = utf8_width(l->right), to = w - o < keep ? keep : w - o;
	if (to >= w)
		return;
	char cut[PART];
	cut_to(l->right, to, cut, sizeof cut);
	set(l->right, cut);
}

void title_line(const title_parts *p, int cols, char *out, size_t len)
{
	/* Steps 1 to 8 of title_line.h, each only while the line is over. */
	line_parts l;
	parts_of(p, &l);
	int o;
	if (over(&l, cols) > 0)
		drop_label(l.right);
	if (over(&l, cols) > 0)
		l.mark[0] = '\0';
	if ((o = over(&l, cols)) > 0)
		cut_items(l.title, o);
	if (over(&l, cols) > 0)
		l.back[0] = '\0';
	if ((o = over(&l, cols)) > 0)
		cut_right(&l, o, TITLE_LINE_RIGHT_MIN);
	if ((o = over(&l, cols)) > 0) {
		cut_name(l.title, o);
		cut_screen_name(l.title, o);
	}
	if ((o = over(&l, cols)) > 0) {
		int w = utf8_width(l.title), keep = w - o < TITLE_LINE_MIN ? TITLE_LINE_MIN : w - o;
		char cut[PART];
		cut_to(l.title, keep, cut, sizeof cut);
		set(l.title, cut);
	}
	if ((o = over(&l, cols)) > 0 && l.right[0])
		cut_right(&l, o, 0);
	if (over(&l, cols) > 0 && p->year)
		snprintf(l.year, sizeof l.year, msg(p->closed ? MSG_Y_YEAR_CLOSED_SHORT : MSG_Y_YEAR_SHORT), p->year);
	/* What is left: the left block, the right block at the right edge. */
	char line[4 * PART];
	size_t at = 0;
	int rw = right_width(&l), fill = cols - 2 - left_width(&l) - rw;
	spaces(line, sizeof line, &at, 1);
	append(line, sizeof line, &at, l.title);
	if (l.back[0]) {
		spaces(line, sizeof line, &at, GAP);
		append(line, sizeof line, &at, l.back);
	}
	spaces(line, sizeof line, &at, fill > 0 ? fill : (rw ? GAP : 0));
	const char *parts[] = {l.right, l.mark, l.year};
	bool first = true;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!parts[i][0])
			continue;
		if (!first)
			spaces(line, sizeof line, &at, GAP);
		append(line, sizeof line, &at, parts[i]);
		first = false;
	}
	spaces(line, sizeof line, &at, 1);
	/* Narrower than even the flag and the year: cut at the edge, marked. */
	cut_to(line, cols, out, len);
	int w = utf8_width(out);
	for (size_t n = strlen(out); w < cols && n + 1 < len; w++, n++) {
		out[n] = ' ';
		out[n + 1] = '\0';
	}
}
