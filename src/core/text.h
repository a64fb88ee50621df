/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * text: the normalisations applied to typed values before validation.
 * Each returns a new string the caller frees; input must be valid UTF-8.
 */
#ifndef KP_TEXT_H
#define KP_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Remove leading and trailing ASCII white space and U+3000. */
char *text_trim(const char *s);
/* Nothing but what text_trim removes (or nothing at all)? */
bool text_blank(const char *s);
/* No byte of s is above 0x7F (nothing for text_fold_fullwidth to fold)? */
bool text_ascii(const char *s);
/* text as a message quotes it: on one line, cut after chars characters
 * with "…". Caller frees. */
char *text_quote(const char *text, int chars);
/* s, parts joined by sep (「 · 」 between a draft's fields), in at most
 * width display cells: whole when it fits, else the whole parts that fit
 * and sep, marked 「>」 (「姓名 王芳 · 性别 女 · >」, not 「· 年>」). When not
 * even the first part fits, s whole, for the drawing to cut with its mark.
 * Caller frees. */
char *text_cut_parts(const char *s, const char *sep, int width);
/* Full-width ASCII (U+FF01..U+FF5E) to ASCII, U+3000 to a space, and the
 * ideographic full stop U+3002 to '.' (typed in e-mail domains). */
char *text_fold_fullwidth(const char *s);
/* Look-alike separators in names (• ・ ． ‧ ⋅ . and similar) to U+00B7. */
char *text_name_dots(const char *s);
/* A dot between a name's parts: · itself or one text_name_dots makes it. */
bool cp_is_name_dot(uint32_t cp);
/* ASCII lower case; other bytes unchanged. */
char *text_lower_ascii(const char *s);
/* Copy without the given ASCII bytes (e.g. phone separators). */
char *text_strip_chars(const char *s, const char *chars);
/* A column label as a key to compare: full-width forms folded, ASCII
 * lower-cased, and every space and punctuation mark (ASCII or CJK: brackets,
 * 、，：。, quotes, dashes, *) left out, so 职务(职称), 职务（职称） and
 * 「职务 （职称）」 are one key. Caller frees. */
char *text_label_key(const char *s);
/* What the duplicate rule compares of a free-text value: full-width forms
 * folded, every space (ASCII, ideographic, NBSP and the other odd ones),
 * combining mark and private-use character removed, radicals and
 * compatibility ideographs as their ideograph (⼩ = 小), kana, bopomofo,
 * line drawing and dashes drawn like a Han character as it (第ー = 第一,
 * ロ = 口: lookalike.c:cp_han_twin_of), Cyrillic and Greek
 * letters drawn like Latin ones as those (е = e), ASCII letters in lower
 * case, quotes and book-title marks (《》〈〉“”‘’「」『』"') wherever they are,
 * and a clause's end (！!。.，,) at the end: 社区科普Ｅ站 = 社区科普 e站 =
 * 社区科普е站 = 《社区科普e站》。 Caller frees. */
char *text_dup_key(const char *s);
/* Characters of s other than spaces and punctuation (what text_label_key
 * keeps): what a narrative says, 「.」 nothing. */
size_t text_content_chars(const char *s);
/* text_distinct_chars(s): how many different characters s has, counted as
 * text_content_chars counts them: 「措施措施措施」 has 2 (#15). */
size_t text_distinct_chars(const char *s);
bool text_starts_with(const char *s, const char *prefix);
/* s is one or more ASCII digits and nothing else (a record's number). */
bool text_all_digits(const char *s);

/* Columns a text takes on paper (a column: a digit of 宋体): CJK,
 * full-width punctuation and ■□ two, ASCII one, or more for the Latin
 * letters LibreOffice's stand-in font prints wider (W, M, m, capitals). */
int text_print_width(const char *s);
/* s wrapped at cols print columns as a spreadsheet wraps it: at each
 * newline, between CJK characters, at spaces between Latin words (a word
 * longer than a line is broken); a closing mark (、，。) never begins a line
 * and a paragraph's last character never stands alone on one: the
 * character before goes down with it. Returns the number of lines (at least
 * one); with starts, the byte offset each line begins at (caller frees). */
size_t text_wrap(const char *s, int cols, size_t **starts);
/* Where a screen line of cp[start..n) at width display cells ends (the
 * index after its last character): at a newline, before a Latin word that
 * does not fit, and near the edge after Chinese punctuation (，。；：、）」)
 * or a space, or before an opening bracket, rather than inside a phrase.
 * The caller skips the spaces that then start the next line. */
size_t text_line_end(const uint32_t *cp, size_t start, size_t n, int width);
/* Where the next screen line starts after one that ends at end: past the
 * newline that ended it and the spaces it would otherwise start with. */
size_t text_line_next(const uint32_t *cp, size_t end, size_t n);

#endif
