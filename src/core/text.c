/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

#include "core/lookalike.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* The length of the trim space (ASCII or U+3000) at s, or 0. */
static size_t space_at(const char *s)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	return !strncmp(s, "\xE3\x80\x80", 3) ? 3 : 0;
}

/* The length of the trim space ending at s + end (s[0 .. end)), or 0. */
static size_t space_before(const char *s, size_t end)
{
	if (!end)
		return 0;
	char c = s[end - 1];
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	return end >= 3 && !memcmp(s + end - 3, "\xE3\x80\x80", 3) ? 3 : 0;
}

char *text_trim(const char *s)
{
	size_t start = 0, end = strlen(s), k;
	while ((k = space_at(s + start)) != 0)
		start += k;
	while (end > start && (k = space_before(s, end)) != 0)
		end -= k;
	return xstrndup(s + start, end - start);
}

bool text_blank(const char *s)
{
	size_t k;
	while ((k = space_at(s)) != 0)
		s += k;
	return !*s;
}

/* Rewrite each code point through map(); map returns the replacement or 0
 * to keep the original bytes. */
static char *map_cps(const char *s, uint32_t (*map)(uint32_t))
{
	strbuf b = STRBUF_INIT;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		uint32_t r = cp == UTF8_INVALID ? 0 : map(cp);
		if (r)
			sb_addcp(&b, r);
		else
			sb_add(&b, s + i, n);
		i += n;
	}
	return sb_take(&b);
}

static uint32_t fullwidth(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	if (cp == 0x3002)
		return '.';
	return 0;
}

static uint32_t name_dot(uint32_t cp)
{
	switch (cp) {
	case '.': case 0x2022: case 0x30FB: case 0xFF0E: case 0x2027:
	case 0x22C5: case 0x2219: case 0xFF65: case 0x0387: case 0x16EB:
		return 0x00B7;
	}
	return 0;
}

static uint32_t lower(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') ? cp + 32 : 0;
}

bool text_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Full-width forms are never ASCII: most values need no folding. */
char *text_fold_fullwidth(const char *s) { return text_ascii(s) ? xstrdup(s) : map_cps(s, fullwidth); }
char *text_name_dots(const char *s) { return map_cps(s, name_dot); }
bool cp_is_name_dot(uint32_t cp) { return cp == 0x00B7 || name_dot(cp); }
char *text_lower_ascii(const char *s) { return map_cps(s, lower); }

/* Spaces and punctuation, ASCII and CJK (full-width forms are folded
 * first): what a hand-typed header adds or changes around a label. */
static bool label_noise(uint32_t cp)
{
	if (cp < 0x80)
		return cp <= ' ' || (cp < '0' && cp != '%') || (cp > '9' && cp < 'A') ||
		       (cp > 'Z' && cp < 'a') || cp > 'z';
	return cp == 0xA0 || cp == 0xB7 || (cp >= 0x2000 && cp <= 0x206F) || /* spaces, dashes, quotes */
	       (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) || cp == 0xFF65;
}

/* s with full-width forms folded, the code points noise says are noise
 * (and invalid bytes) left out, ASCII letters in lower case. */
static char *key_of(const char *s, bool (*noise)(uint32_t))
{
	char *folded = text_fold_fullwidth(s);
	strbuf b = STRBUF_INIT;
	size_t len = strlen(folded), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(folded + i, len - i, &cp);
		if (cp != UTF8_INVALID && !noise(cp))
			sb_add(&b, folded + i, n);
		i += n;
	}
	free(folded);
	char *key = text_lower_ascii(sb_str(&b));
	sb_free(&b);
	return key;
}

char *text_label_key(const char *s) { return key_of(s, label_noise); }

/* Every space: ASCII (and controls), the ideographic one folded to it, the
 * odd ones; and what adds nothing a reader sees: combining marks, private-use
 * code points. */
static bool dup_noise(uint32_t cp)
{
	return cp <= ' ' || cp_is_odd_space(cp) || cp_is_combining(cp) || cp_is_private(cp) || cp == '"' ||
	       cp == '\'' || (cp >= 0x2018 && cp <= 0x201F) || /* ‘’“” and their kin */
	       (cp >= 0x3008 && cp <= 0x300F);                /* 〈〉《》「」『』 */
}

/* A clause's end after a name (！。，, full-width forms folded): a name
 * typed as a sentence is the same name. */
static bool trailing_mark(char c) { return c == '!' || c == '.' || c == ','; }

/* A radical or compatibility ideograph as its ideograph, a kana or other
 * sign drawn like a Han character as that character, a Cyrillic or Greek
 * letter drawn like a Latin one as that letter. */
static uint32_t lookalike(uint32_t cp)
{
	uint32_t u = cp_ideograph_of(cp);
	if (!u)
		u = cp_han_twin_of(cp);
	return u ? u : cp_latin_of(cp);
}

char *text_dup_key(const char *s)
{
	char *key;
	if (text_ascii(s)) {
		key = key_of(s, dup_noise);
	} else {
		char *plain = map_cps(s, lookalike);
		key = key_of(plain, dup_noise);
		free(plain);
	}
	size_t n = strlen(key);
	while (n > 1 && trailing_mark(key[n - 1])) /* never down to nothing */
		key[--n] = '\0';
	return key;
}

size_t text_content_chars(const char *s)
{
	char *key = key_of(s, label_noise);
	size_t n = utf8_count(key);
	free(key);
	return n;
}

static int cp_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

size_t text_distinct_chars(const char *s)
{
	char *key = key_of(s, label_noise);
	size_t len = strlen(key), n = 0, distinct = 0;
	uint32_t *cps = xmalloc((len + 1) * sizeof *cps); /* never more code points than bytes */
	for (size_t i = 0; i < len;) {
		size_t k = utf8_decode(key + i, len - i, &cps[n++]);
		i += k ? k : 1;
	}
	qsort(cps, n, sizeof *cps, cp_cmp);
	for (size_t i = 0; i < n; i++)
		distinct += i == 0 || cps[i] != cps[i - 1];
	free(cps);
	free(key);
	return distinct;
}

char *text_strip_chars(const char *s, const char *chars)
{
	char *d = xmalloc(strlen(s) + 1), *o = d;
	for (; *s; s++)
		if (!strchr(chars, *s))
			*o++ = *s;
	*o = '\0';
	return d;
}

bool text_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool text_all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* A character's width on paper in quarters of a column (a column: a digit
 * of the workbook's 宋体). In Excel's 宋体 every ASCII character is one
 * column and a Chinese one two. LibreOffice without 宋体 prints in Noto
 * Serif CJK SC (kepu-fonts.conf), whose column is 0.564 em and whose Latin
 * letters are proportional: W 1.05 em, M and m 0.97, capitals about 0.7
 * (measured in a printed workbook). Each is the wider of the two, so a
 * row's height holds its text in either. */
static int cp_quarters(uint32_t cp)
{
	static const unsigned char ascii[95] = {
		/*   ! " # $ % & ' ( ) * + , - . / */ 4, 4, 4, 5, 4, 7, 6, 4, 4, 4, 4, 5, 4, 4, 4, 4,
		/* 0 1 2 3 4 5 6 7 8 9 : ; < = > ? */ 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 4,
		/* @ A B C D E F G H I J K L M N O */ 7, 6, 5, 5, 6, 5, 5, 6, 7, 4, 4, 6, 5, 7, 6, 6,
		/* P Q R S T U V W X Y Z [ \ ] ^ _ */ 5, 6, 6, 4, 5, 6, 6, 8, 5, 5, 5, 4, 4, 4, 5, 4,
		/* ` a b c d e f g h i j k l m n o */ 4, 4, 5, 4, 5, 4, 4, 4, 5, 4, 4, 5, 4, 7, 5, 5,
		/* p q r s t u v w x y z { | } ~   */ 5, 5, 4, 4, 4, 5, 4, 6, 4, 4, 4, 4, 4, 4, 5,
	};
	return cp >= 0x20 && cp < 0x7F ? ascii[cp - 0x20] : cp < 0x80 ? 4 : 8;
}

int text_print_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	int q = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		q += cp_quarters(cp);
	}
	return (q + 3) / 4;
}

static void add_start(size_t **starts, size_t n, size_t at)
{
	if (!starts)
		return;
	*starts = xrealloc(*starts, (n + 1) * sizeof **starts);
	(*starts)[n] = at;
}

static bool closes_phrase(uint32_t c);

size_t text_wrap(const char *s, int cols, size_t **starts)
{
	if (cols < 2)
		cols = 2;
	cols *= 4; /* in quarters */
	if (starts)
		*starts = NULL;
	size_t len = strlen(s), i = 0, n = 1;
	add_start(starts, 0, 0);
	int used = 0;
	/* the line's last character so far: where it begins, whether it is a
	 * Chinese character that may go down with the next */
	size_t prev = 0, on_line = 0, long_end = 0;
	int prev_w = 0;
	bool prev_movable = false;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp == '\n') {
			add_start(starts, n++, i + k);
			used = 0, on_line = 0;
			i += k;
			continue;
		}
		/* A Latin word moves whole to the next line when it fits there. */
		int w = cp_quarters(cp);
		size_t end = i + k;
		if (cp > ' ' && cp < 0x80 && (i == 0 || s[i - 1] == ' ' || (unsigned char)s[i - 1] >= 0x80)) {
			int word = w;
			while (end < len && s[end] > ' ' && (unsigned char)s[end] < 0x80)
				word += cp_quarters((unsigned char)s[end++]);
			if (word <= cols)
				w = word;
			else
				long_end = end, end = i + k;
		}
		if (used > 0 && used + w > cols && cp != ' ') {
			/* A closing mark (、，。；：）) never begins a line, nor does a
			 * paragraph's last character stand alone on one (when the line
			 * keeps two): the character before goes down with it, as Excel
			 * and Word break Chinese. */
			bool last = end == len || s[end] == '\n';
			bool carry = prev_movable && cp >= 0x80 &&
				     ((closes_phrase(cp) && on_line >= 2) || (last && on_line >= 3));
			add_start(starts, n++, carry ? prev : i);
			used = carry ? prev_w : 0, on_line = carry ? 1 : 0;
		}
		prev = i, on_line++, prev_w = w;
		prev_movable = cp >= 0x80 && !closes_phrase(cp);
		used += w;
		i = end;
		/* a word broken for being longer than a line: where the printing
		 * program broke it is its own, so what follows starts a new line */
		if (i == long_end)
			used = cols;
	}
	return n;
}

/* A line may end after these (a clause or a bracket closes there). */
static bool closes_phrase(uint32_t c)
{
	static const uint32_t marks[] = {0xFF0C /* ， */, 0x3002 /* 。 */, 0xFF1B /* ； */, 0xFF1A /* ： */,
					 0x3001 /* 、 */, 0xFF09 /* ） */, 0x300D /* 」 */, 0x300F /* 』 */,
					 0xFF01 /* ！ */, 0xFF1F /* ？ */, 0x3011 /* 】 */, 0x300B /* 》 */};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (c == marks[i])
			return true;
	return false;
}

/* … and before these (a bracket or quotation opens). */
static bool opens_phrase(uint32_t c)
{
	return c == 0xFF08 /* （ */ || c == 0x300C /* 「 */ || c == 0x300E /* 『 */ || c == 0x3010 /* 【 */ ||
	       c == 0x300A /* 《 */;
}

/* A line that would break before the word at w (after spaces): when the
 * word is a unit and the one before it a number (「20 MiB」), before the
 * number instead, if the line keeps something; else at dflt. */
static size_t with_number(const uint32_t *cp, size_t start, size_t w, size_t dflt)
{
	uint32_t c = cp[w] | 0x20;
	if (c < 'a' || c > 'z')
		return dflt;
	size_t d = w;
	while (d > start && cp[d - 1] == ' ')
		d--;
	size_t e = d;
	while (d > start && cp[d - 1] >= '0' && cp[d - 1] <= '9')
		d--;
	if (d == e || (d > start && cp[d - 1] < 0x80 && cp[d - 1] != ' '))
		return dflt; /* not a number standing alone (MP4 …) */
	return d > start ? d : dflt;
}

/* A run from t (a word, a path) w cells wide that end falls inside: down
 * whole when one line holds it (an opening 「 with it), else after its
 * last '/' before end; 0 when neither. */
static size_t run_break(const uint32_t *cp, size_t start, size_t end, size_t t, int w, int width)
{
	size_t at = t;
	while (at > start + 1 && opens_phrase(cp[at - 1]))
		at--;
	if (at > start && w <= width)
		return at;
	for (size_t b = end; b > t + 1; b--)
		if (cp[b - 1] == '/')
			return b;
	return 0;
}

/* In a path (「/tmp/长目录名称/…」) a line ends after a '/', which stays
 * at its end: never inside a folder's name, and no line starts with '/'.
 * A path that one line holds moves down whole (run_break). 0: end is
 * not in a path, or no break is found in it. */
static size_t path_break(const uint32_t *cp, size_t start, size_t end, size_t n, int width)
{
	size_t t = end; /* the path starts after a space or a clause's mark */
	while (t > start && cp[t - 1] != ' ' && !closes_phrase(cp[t - 1]) && !opens_phrase(cp[t - 1]))
		t--;
	if (cp[t] != '/')
		return 0;
	int w = 0;
	for (size_t e = t; e < n && cp[e] != ' ' && cp[e] != '\n' && !closes_phrase(cp[e]); e++)
		w += cp_width(cp[e]);
	return run_break(cp, start, end, t, w, width);
}

size_t text_line_end(const uint32_t *cp, size_t start, size_t n, int width)
{
	int used = 0;
	size_t end = start;
	while (end < n && cp[end] != '\n' && used + cp_width(cp[end]) <= width)
		used += cp_width(cp[end++]);
	if (end == start) /* a character wider than the window */
		return end < n && cp[end] != '\n' ? end + 1 : end;
	if (end >= n || cp[end] == '\n')
		return end;
	if (cp[end] == ' ') { /* 「最大 20」「MiB」: the number goes down with its unit */
		size_t w = end;
		while (w < n && cp[w] == ' ')
			w++;
		return w < n ? with_number(cp, start, w, end) : end;
	}
	size_t slash = path_break(cp, start, end, n, width);
	if (slash)
		return slash;
	/* A Latin word (kepu backup, a file name, 20 MiB) moves whole after a
	 * space: a run of letters and digits is never broken. */
	if (cp[end] < 0x80 && cp[end - 1] < 0x80) {
		size_t sp = end;
		while (sp > start && cp[sp - 1] != ' ' && cp[sp - 1] < 0x80)
			sp--;
		if (sp > start && cp[sp - 1] == ' ')
			return with_number(cp, start, sp, sp);
		/* Right after Chinese (「文件夹：/srv/…」) it moves whole too when
		 * one line holds it; a longer path breaks after a '/', never
		 * inside a name (「…/weid」「u/…」). */
		int ww = 0;
		for (size_t e = sp; e < n && cp[e] < 0x80 && cp[e] != ' ' && cp[e] != '\n'; e++)
			ww += cp_width(cp[e]);
		size_t b = run_break(cp, start, end, sp, ww, width);
		if (b)
			return b;
	}
	/* Near the edge, a phrase ends at its punctuation or a space rather
	 * than in the middle of a word (「建 / 立」); a closing mark never
	 * starts a line. */
	int reach = width / 4 < 16 ? width / 4 : 16, back = 0;
	for (size_t b = end; b > start + 1 && back <= reach; b--) {
		if (!closes_phrase(cp[b]) && (closes_phrase(cp[b - 1]) || cp[b - 1] == ' ' || opens_phrase(cp[b])))
			return b;
		back += cp_width(cp[b - 1]);
	}
	while (closes_phrase(cp[end]) && end - 1 > start) /* 「九）。」: both move down with 九 */
		end--;
	return end;
}

size_t text_line_next(const uint32_t *cp, size_t end, size_t n)
{
	if (end < n && cp[end] == '\n')
		end++;
	while (end < n && cp[end] == ' ') /* no line starts with a space */
		end++;
	return end;
}

char *text_cut_parts(const char *s, const char *sep, int width)
{
	if (utf8_width(s) <= width || !sep[0])
		return xstrdup(s);
	size_t keep = 0, sl = strlen(sep);
	int sepw = utf8_width(sep);
	for (const char *at = strstr(s, sep); at; at = strstr(at + sl, sep)) {
		char *head = xasprintf("%.*s", (int)(at - s), s);
		int w = utf8_width(head);
		free(head);
		if (w + sepw + 1 > width)
			break;
		keep = (size_t)(at - s);
	}
	return keep ? xasprintf("%.*s%s>", (int)keep, s, sep) : xstrdup(s);
}

char *text_quote(const char *text, int chars)
{
	const char *s = text ? text : "";
	size_t len = strlen(s), i = 0;
	int n = 0;
	for (uint32_t cp; i < len && n < chars; n++)
		i += utf8_decode(s + i, len - i, &cp);
	char *q = xasprintf("%.*s%s", (int)i, s, i < len ? "…" : "");
	for (char *c = q; *c; c++) /* one line */
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	return q;
}
