/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * nearkey: what the near-repeat rule (a form's near_hint) compares of a
 * free-text value. Never stored: only two keys are compared, so a value a
 * clerk typed is kept exactly as typed.
 */
#ifndef KP_NEARKEY_H
#define KP_NEARKEY_H

/* How a near_hint field is compared. */
enum {
	NEAR_SAME = 0,     /* as the exact rule compares it (text_dup_key) */
	NEAR_NUMBERED = 1, /* a name: its numbering at the end left out */
	NEAR_PLACE = 2,    /* a place: administrative prefixes left out */
	NEAR_FIRST = 3,    /* names: the first one (王建国等, 王建国、李明) … */
	NEAR_ANY = 4,      /* not compared: a resource of another 类型 is near too */
	NEAR_AUTHORS = 5,  /* … or all of them in any order: NEAR_FIRST's second key */
	NEAR_PLACE_UNIT = 6 /* a place as where it is: NEAR_PLACE across units */
};

/*
 * text_dup_key of s (spaces, full-width forms, case, quotes and book-title
 * marks, a trailing ！。，), traditional characters as simplified ones
 * (科普講座 is 科普讲座: core/simplified.h), then numbering characters as digits (① ⒈ ❶ ➀
 * ㊀ Ⅰ ⅰ are 1, ⑴ ㈠ ﹙1﹚ are (1)), Chinese numerals, the financial ones
 * too, folded to digits wherever they make a number (第一 → 第1, 二十三 → 23,
 * 二〇一六 → 2016, 壹 → 1; 百 alone stays), then by how:
 * - NEAR_NUMBERED: the numbering at the end left out, repeatedly — a
 *   bracketed number ((1) （一） [1] 【1】 〔1〕, also （第1期）), a bracketed
 *   part of a series (（上） （中） （下） （续）, not （上册）), 第N期/场/次/讲
 *   (第 optional), 之N, a number, separators before them (- _ . # : 、 ·):
 *   科普讲座（一）, 科普讲座(2), 科普讲座第3期, 科普讲座2, 科普讲座①,
 *   科普讲座之一, 科普讲座（上） are all 科普讲座; also Roman numerals in
 *   ASCII (科普讲座II, 科普讲座 IV: i v x up to 39, no letter beside them)
 *   and an edition note — (第)?N(年)?版, 修订版 增订版 再版 新版, bare or
 *   bracketed: 科普读本（2016版）, 科普读本2016年版, 科普读本第二版,
 *   科普读本（修订版） are 科普读本, while 科普读本少年版 stays.
 *   Numbering inside the name stays (第一中学科普讲座 → 第1中学科普讲座).
 * - NEAR_PLACE: the administrative levels at the start left out — the
 *   prefixes ('\n'-separated, outermost first: 河南省, 许昌市) each where
 *   the next level down follows it, then the unit's own name (unit's name
 *   up to its first 区, 县 or 市: 魏都区, 东城区 of 东城区管委会) — so
 *   河南省许昌市魏都区文化中心, 许昌市魏都区文化中心 and 魏都区文化中心 are
 *   文化中心, while 许昌市文化中心 (the city's) stays; and a bracketed
 *   qualifier at the end ((本部), （一楼）). Each level also without its
 *   省/市/区/县 (河南许昌魏都文化中心 is 文化中心, 许昌文化中心 stays), the
 *   unit's so only when no level above is written alike (许昌县's 许昌 is
 *   the city's); 科学技术协会 is 科协 (魏都区科学技术协会 = 魏都区科协). With
 *   unit NULL the last prefix is left out before any name of 2-4 characters
 *   and 区/县/市 (许昌市魏都区科技局 is 魏都区科技局; 许昌市科技局 stays).
 * - NEAR_PLACE_UNIT: the same, then after the unit's own 区/县/市 name (its
 *   whole name when it has none) unless what is left names a place itself
 *   — begins with a prefix or with 2-4 characters and 省/市/区/县: 魏都区's
 *   文化中心 and 东城区's 魏都区文化中心 are 魏都区文化中心, 东城区's 文化中心
 *   东城区文化中心, anyone's 许昌市文化中心 许昌市文化中心. What two units'
 *   records are compared by.
 * - NEAR_FIRST: names, the first only; NEAR_AUTHORS: all of them, each
 *   once, in code point order, joined by 、 (王建国、李明 = 李明 王建国).
 *   Names are parted by 、 , ; /, and by a space or 和 及 与 with two
 *   characters or more on each side (王建国 李明, 王建国和李明; 王 建国,
 *   王和平 and Wang Jianguo are one name each); a trailing 等 or 等人
 *   is left out (王建国等 = 王建国、李明 = 王建国 by the first), and so is
 *   the author's role after a name — 主编 编著 编写 编绘 编译 著 编 绘 译,
 *   where two characters or more are left (王建国主编 = 王建国等编著 =
 *   王建国 主编 = 王建国; 王著 stays).
 * Nothing is ever left out down to an empty key. unit and prefixes may be
 * NULL. Caller frees.
 */
char *text_near_key(const char *s, int how, const char *unit, const char *prefixes);

#endif
