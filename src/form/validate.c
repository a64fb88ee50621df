/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/validate.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/json.h"
#include "core/lookalike.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "form/phone.h"

/* Pattern names the typed validators use (config/patterns.yaml). */
#define PAT_EMAIL "email"
/* A refused choice, with its field's label, in at most this many display
 * cells: two 80-column status lines hold it with the form's own words
 * after it (「，没有填入，仍在本项：…」, 46 cells). */
#define CHOICES_WIDTH 100

static bool fail(char **reason, char *text)
{
	*reason = text;
	return false;
}

static bool matches(const kp_catalog *cat, const char *name, const char *s)
{
	const kp_pattern *p = catalog_pattern(cat, name);
	return p && pattern_match(p, s) == PM_MATCH;
}

static char *email_normalise(const char *s)
{
	const char *at = strrchr(s, '@');
	if (!at)
		return xstrdup(s);
	char *domain = text_lower_ascii(at + 1);
	char *r = xasprintf("%.*s@%s", (int)(at - s), s, domain);
	free(domain);
	return r;
}

/* 1,200 copied from Excel (a full-width comma is folded to it first):
 * said, never read as 1200 nor as 1. */
static bool grouped(const char *s)
{
	s += s[0] == '-';
	return strchr(s, ',') && strspn(s, "0123456789,") == strlen(s);
}

static bool integer(const kp_field *f, const char *s, char **out, char **reason)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	bool digits_only = s[0] && strspn(s + (s[0] == '-'), "0123456789") == strlen(s) - (s[0] == '-');
	if (!digits_only && grouped(s))
		return fail(reason, xasprintf(msg(MSG_V_GROUPED), s));
	if (!digits_only || s[s[0] == '-'] == '\0' || *end || errno)
		return fail(reason, xstrdup(msg(MSG_V_NOT_INTEGER)));
	if (f->has_min && v < f->min)
		return fail(reason, xasprintf(msg(MSG_V_MIN), (long)f->min));
	if (f->has_max && v > f->max)
		return fail(reason, xasprintf(msg(MSG_V_MAX), (long)f->max));
	*out = xasprintf("%lld", v);
	return true;
}

char *field_refuse_key(const kp_field *f, uint32_t cp)
{
	if (f->type != FT_INTEGER)
		return NULL;
	/* A minus is an integer's too: below the minimum is the whole value's
	 * refusal (「不能小于 0」 at Enter), never a dropped sign that lets -3
	 * be saved as 3. */
	if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || /* full-width digits fold */
	    cp == '-' || cp == 0xFF0D)
		return NULL;
	char ch[8] = "";
	utf8_encode(cp, ch);
	if (f->has_min && f->has_max)
		return xasprintf(msg(MSG_V_KEY_NOT_DIGIT), f->min, f->max, ch);
	return xasprintf(msg(MSG_V_KEY_NOT_DIGIT_ANY), ch);
}

static bool multichoice(const kp_field *f, const char *s, char **out, char **reason)
{
	size_t n;
	char **parts = multi_split(s, &n);
	bool *taken = xcalloc(f->choices->n, sizeof *taken);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		char *p = text_trim(parts[i]);
		int k = list_find(f->choices, p);
		if (k < 0)
			ok = fail(reason, xasprintf(msg(MSG_V_CHOICE), p));
		else if (taken[k])
			ok = fail(reason, xasprintf(msg(MSG_V_CHOICE_DUP), p));
		else
			taken[k] = true;
		free(p);
	}
	if (ok) {
		/* Stored in the list's order, so equal selections store equally. */
		char **sel = xcalloc(f->choices->n, sizeof *sel);
		size_t m = 0;
		for (size_t k = 0; k < f->choices->n; k++)
			if (taken[k])
				sel[m++] = f->choices->items[k];
		if (m == 0 && f->required)
			ok = fail(reason, xstrdup(msg(MSG_V_REQUIRED)));
		else
			*out = m ? json_array_encode(sel, m) : xstrdup("");
		free(sel);
	}
	free(taken);
	json_array_free(parts, n);
	return ok;
}

/* What no clerk types into a one-line value, found by check_chars: each
 * makes a name look like one already saved while it is not the same text
 * (the duplicate rule folds them, but the value would be stored as typed). */
typedef enum { ODD_NONE, ODD_COMBINING, ODD_PRIVATE, ODD_RADICAL, ODD_MIXED } odd_kind;

typedef struct {
	int nth;         /* the character's number (1…), 0: none found */
	uint32_t cp, before; /* it, and the character before it */
	odd_kind kind;
} odd_char;

/* The words of letters seen so far: a Cyrillic or Greek letter drawn like a
 * Latin one (е, о, Α) in a word with Latin letters is a look-alike. */
typedef struct {
	bool latin;
	odd_char lookalike; /* the first such letter of the word, before any Latin one */
} word_state;

static void odd_letter(word_state *w, odd_char *odd, int nth, uint32_t cp, uint32_t before)
{
	kp_script sc = cp_script(cp);
	if (sc == SCRIPT_NONE) {
		if (!cp_is_combining(cp))
			*w = (word_state){0};
		return;
	}
	if (sc == SCRIPT_LATIN) {
		w->latin = true;
		if (w->lookalike.nth && !odd->nth)
			*odd = w->lookalike;
		return;
	}
	if (!cp_latin_of(cp))
		return;
	odd_char here = {nth, cp, before, ODD_MIXED};
	if (w->latin && !odd->nth)
		*odd = here;
	else if (!w->lookalike.nth)
		w->lookalike = here;
}

static void odd_check(word_state *w, odd_char *odd, int nth, uint32_t cp, uint32_t before)
{
	odd_kind k = ODD_NONE;
	/* after a space a mark has nothing to sit on either; and a leading
	 * space is trimmed, which would leave it first (stored, then refused) */
	bool bare = before == 0 || before == ' ' || before == 0x3000 || cp_is_odd_space(before);
	if (cp_is_combining(cp) && (cp_is_han(before) || bare)) {
		k = ODD_COMBINING;
		before = bare ? 0 : before;
	}
	else if (cp_is_private(cp))
		k = ODD_PRIVATE;
	else if (cp_is_radical(cp))
		k = ODD_RADICAL;
	if (k != ODD_NONE && !odd->nth)
		*odd = (odd_char){nth, cp, before, k};
	odd_letter(w, odd, nth, cp, before);
}

static char *odd_reason(const odd_char *o)
{
	char was[8] = "", is[8] = "";
	uint32_t u = o->kind == ODD_RADICAL ? cp_ideograph_of(o->cp)
		   : o->kind == ODD_MIXED  ? cp_latin_of(o->cp) : o->before;
	if (u)
		was[utf8_encode(u, was)] = '\0';
	utf8_encode(o->cp, is);
	switch (o->kind) {
	case ODD_COMBINING:
		return o->before ? xasprintf(msg(MSG_V_COMBINING), o->nth, (unsigned)o->cp, was)
				 : xasprintf(msg(MSG_V_COMBINING_FIRST), o->nth, (unsigned)o->cp);
	case ODD_PRIVATE:
		return xasprintf(msg(MSG_V_PRIVATE_USE), o->nth, (unsigned)o->cp);
	case ODD_RADICAL:
		return u ? xasprintf(msg(MSG_V_RADICAL), o->nth, is, (unsigned)o->cp, was, (unsigned)u, was)
			 : xasprintf(msg(MSG_V_RADICAL_ANY), o->nth, is, (unsigned)o->cp);
	default:
		return xasprintf(msg(MSG_V_MIXED_SCRIPT), o->nth,
				 msg(cp_script(o->cp) == SCRIPT_GREEK ? MSG_V_GREEK : MSG_V_CYRILLIC), is,
				 (unsigned)o->cp, was, was);
	}
}

/* A kana, bopomofo or line-drawing character standing for a Han one
 * beside Han characters (许昌市第ー高级中学, t5h #13): drawn the same,
 * stored otherwise; a word of real kana is left alone (lookalike.c). */
static bool han_like_ok(const char *s, char **reason)
{
	uint32_t cp = 0;
	size_t nth = text_han_lookalike(s, &cp);
	if (!nth)
		return true;
	uint32_t u = cp_han_twin_of(cp);
	char is[8] = "", was[8] = "";
	is[utf8_encode(cp, is)] = '\0';
	was[utf8_encode(u, was)] = '\0';
	enum kp_msg_id kind = cp >= 0x2500 && cp <= 0x257F ? MSG_V_BOX_DRAWING
			    : (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E) || cp >= 0xFFA0 ? MSG_V_HANGUL
			    : cp >= 0x3100 && cp <= 0x31BF ? MSG_V_BOPOMOFO
							    : MSG_V_KANA;
	return fail(reason, xasprintf(msg(MSG_V_HAN_LIKE), (int)nth, is, msg(kind), (unsigned)cp, was, (unsigned)u,
				      was));
}

/* Unsafe characters are refused rather than silently dropped, naming where
 * they are (they cannot be seen): the user should see what will be stored.
 * One pass over the bytes; invalid UTF-8 is said first wherever it is (the
 * rest cannot be read), else the first unsafe character, else (one-line
 * text) the first look-alike. */
static bool check_chars(const kp_field *f, const char *s, char **reason)
{
	size_t len = strlen(s), i = 0;
	int nth = 0, bad_nth = 0; /* the first unsafe character: its number and code */
	uint32_t bad = 0, before = 0;
	bool one_line = f->type != FT_TEXTAREA;
	bool names = f->type == FT_TEXT; /* typed values have their own form (an e-mail's labels) */
	word_state word = {0};
	odd_char odd = {0};
	while (i < len) {
		uint32_t cp = (unsigned char)s[i];
		nth++;
		if (cp >= 0x20 && cp < 0x7F) { /* printable ASCII: the common case */
			i++;
			if (names)
				odd_letter(&word, &odd, nth, cp, before);
			before = cp;
			continue;
		}
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			return fail(reason, xasprintf(msg(MSG_V_BAD_UTF8), i));
		/* an odd space in a one-line value: an invisible difference from the
		 * same name typed again (a repeat the duplicate rule would miss) */
		if (!bad_nth && (cp == '\n' ? one_line
			       : cp_is_unsafe(cp) || (one_line && cp_is_odd_space(cp)))) {
			bad_nth = nth;
			bad = cp;
		}
		if (names)
			odd_check(&word, &odd, nth, cp, before);
		before = cp;
	}
	if (!bad_nth && !odd.nth && names)
		return han_like_ok(s, reason);
	if (!bad_nth)
		return odd.nth ? fail(reason, odd_reason(&odd)) : true;
	if (bad == '\n')
		return fail(reason, xstrdup(msg(MSG_V_NEWLINE)));
	if (cp_is_odd_space(bad))
		return fail(reason, xasprintf(msg(MSG_V_ODD_SPACE), bad_nth,
					      msg(bad == 0xA0 ? MSG_V_NBSP : MSG_V_SPACE_KIND), (unsigned)bad));
	return fail(reason, xasprintf(msg(MSG_V_CONTROL), bad_nth, (unsigned)bad));
}

static bool check_pattern(const kp_field *f, const char *s, char **reason)
{
	if (!f->pattern)
		return true;
	pm_result r = pattern_match(f->pattern, s);
	if (r == PM_MATCH)
		return true;
	if (r == PM_LIMIT)
		return fail(reason, xstrdup(msg(MSG_V_LIMIT)));
	const char *m = f->message ? f->message
		      : f->pattern->message ? f->pattern->message : msg(MSG_V_PATTERN);
	return fail(reason, xstrdup(m));
}

/* The normalisations a field's type and pattern ask for. */
static char *normalise(const kp_field *f, const char *raw)
{
	unsigned norm = f->pattern ? f->pattern->normalise : 0;
	switch (f->type) {
	case FT_INTEGER: case FT_PHONE: case FT_EMAIL: case FT_DATE: case FT_YEARMONTH:
		norm |= NORM_FULLWIDTH;
		break;
	default:
		break;
	}
	char *s = text_trim(raw);
	if ((norm & NORM_FULLWIDTH) && !text_ascii(s)) { /* ASCII has no full-width form */
		char *t = text_fold_fullwidth(s);
		free(s);
		s = text_trim(t); /* U+3000 became a space */
		free(t);
	}
	if (norm & NORM_NAME_DOTS) {
		char *t = text_name_dots(s);
		free(s);
		s = t;
	}
	if (norm & NORM_LOWER) {
		char *t = text_lower_ascii(s);
		free(s);
		s = t;
	}
	return s;
}

bool field_holds_month(const kp_field *f)
{
	if (f->type == FT_YEARMONTH)
		return true;
	if (f->type != FT_CHOICE || !f->choices || !f->choices->n)
		return false;
	for (size_t i = 0; i < f->choices->n; i++) {
		const char *v = f->choices->items[i];
		if (strlen(v) != 7 || v[4] != '-' || strspn(v, "0123456789-") != 7)
			return false;
	}
	return true;
}

/* A year-month as its ISO text; 2016.1 is refused, not read as January
 * (Excel keeps a typed 2016.10 as the number 2016.1). */
static bool yearmonth(const char *s, char **out, char **reason)
{
	int y, m;
	if (yearmonth_ambiguous(s)) {
		y = atoi(s);
		return fail(reason, xasprintf(msg(MSG_V_MONTH_AMBIGUOUS), s, y, y, y, y));
	}
	if (!yearmonth_parse(s, &y, &m))
		return fail(reason, xstrdup(msg(MSG_V_YEARMONTH)));
	*out = xasprintf("%04d-%02d", y, m);
	return true;
}

/* 「s」 is not one of f's months: what can be chosen today (a month not
 * over, or not come, cannot: not_after) and when the next one opens, so
 * the refusal never names a month the next refusal rejects. */
char *field_month_refusal(const kp_field *f, const char *s, char *const *shown)
{
	const kp_list *l = f->choices;
	char *const *show = shown ? shown : l->items;
	int y, m, d;
	clock_today(&y, &m, &d);
	char now[8];
	snprintf(now, sizeof now, "%04u-%02u", (unsigned)y % 10000, (unsigned)m % 100);
	size_t open = l->n; /* the first month not yet selectable (the list is in order) */
	for (size_t i = 0; f->not_after_today && i < l->n && open == l->n; i++) {
		int cmp = strcmp(l->items[i], now);
		if (cmp > 0 || (cmp == 0 && f->not_after_ended))
			open = i;
	}
	const char *first = l->items[0];
	if (open == l->n)
		return xasprintf(msg(MSG_V_CHOICE_MONTH), s, first, first, l->items[l->n - 1]);
	int oy = atoi(l->items[open]), om = atoi(l->items[open] + 5);
	if (f->not_after_ended) /* from the first day after it */
		oy += om / 12, om = om % 12 + 1;
	if (!open)
		return xasprintf(msg(MSG_V_CHOICE_MONTH_NONE), s, first, l->items[open], oy, om);
	char *may = open == 1 ? xstrdup(show[0]) : xasprintf(msg(MSG_V_MONTHS_FROM_TO), show[0], show[open - 1]);
	char *why = xasprintf(msg(MSG_V_CHOICE_MONTH_NOW), s, first, may, l->items[open], oy, om);
	free(may);
	return why;
}

/* 「s」 is not one of f's choices, and what is: months by their form and
 * range (月报: 2016-07 到 2016-12), a list in full when it fits
 * CHOICES_WIDTH with the label, else as many as fit and how many in all
 * (「…、「科普动漫」等 12 项」), else only how many. */
static char *choice_refusal(const kp_field *f, const char *s)
{
	const kp_list *l = f->choices;
	if (field_holds_month(f) && l->n)
		return field_month_refusal(f, s, NULL);
	if (l->n == 0)
		return xasprintf(msg(MSG_V_CHOICE), s);
	int room = CHOICES_WIDTH - utf8_width(f->label) - 2; /* 「label：」 */
	strbuf b = STRBUF_INIT;
	char *why = NULL;
	for (size_t i = 0; i < l->n; i++) {
		sb_printf(&b, "%s「%s」", i ? "、" : "", l->items[i]);
		char *fits = i + 1 == l->n ? xasprintf(msg(MSG_V_CHOICE_LIST), s, sb_str(&b))
					   : xasprintf(msg(MSG_V_CHOICE_SOME), s, sb_str(&b), l->n);
		if (utf8_width(fits) > room) {
			free(fits);
			break;
		}
		free(why);
		why = fits;
	}
	sb_free(&b);
	return why ? why : xasprintf(msg(MSG_V_CHOICE_COUNT), s, l->n);
}

/* A month of a month list written otherwise, as the workbook prints it
 * (2016年7月) or as typed (2016.7): the listed month it names. */
static bool month_choice(const kp_field *f, const char *s, char **out, char **reason)
{
	if (yearmonth_ambiguous(s))
		return yearmonth(s, out, reason);
	int y, m, d = -1;
	size_t digits = strspn(s, "0123456789");
	if (yearmonth_parse(s, &y, &m)) {
		char iso[16];
		snprintf(iso, sizeof iso, "%04d-%02d", y, m);
		d = list_find(f->choices, iso);
	} else if ((digits == 1 || digits == 2) && !strcmp(s + digits, "月")) {
		/* 「8月」: the list's one month of that number (月报's months
		 * lie in one year); two of them would be a guess */
		for (size_t i = 0; i < f->choices->n; i++)
			if (atoi(f->choices->items[i] + 5) == atoi(s))
				d = d == -1 ? (int)i : -2;
	}
	if (d < 0)
		return fail(reason, choice_refusal(f, s));
	*out = xstrdup(f->choices->items[d]);
	return true;
}

/* The typed check of the normalised *sp; a text is stored as it is (*sp
 * moves to *out). */
static bool typed(const kp_catalog *cat, const kp_field *f, char **sp, char **out,
		  char **reason)
{
	const char *s = *sp;
	int y, m, d;
	char *t;
	switch (f->type) {
	case FT_INTEGER:
		return integer(f, s, out, reason);
	case FT_MULTICHOICE:
		return multichoice(f, s, out, reason);
	case FT_CHOICE:
		if ((d = list_find(f->choices, s)) >= 0) {
			*out = xstrdup(f->choices->items[d]);
			return true;
		}
		return field_holds_month(f) ? month_choice(f, s, out, reason) : fail(reason, choice_refusal(f, s));
	case FT_PHONE:
		return (*out = phone_normalise(cat, s, reason)) != NULL;
	case FT_EMAIL:
		t = email_normalise(s);
		if (!matches(cat, PAT_EMAIL, t)) {
			free(t);
			return fail(reason, xstrdup(msg(MSG_V_EMAIL)));
		}
		*out = t;
		return true;
	case FT_DATE:
		if (!date_parse(s, &y, &m, &d))
			return fail(reason, xstrdup(msg(MSG_V_DATE)));
		*out = xasprintf("%04d-%02d-%02d", y, m, d);
		return true;
	case FT_YEARMONTH:
		return yearmonth(s, out, reason);
	case FT_TEXT: case FT_TEXTAREA: case FT_RECORD: case FT_COUNT:
		break; /* a record's name or number: the store finds it (store/refs.c) */
	}
	if (!check_pattern(f, s, reason))
		return false;
	*out = *sp;
	*sp = NULL;
	return true;
}

/* not_after: today — a stored date (or year-month, or a choice naming
 * one) after today's is refused; not_after: ended also the month of today
 * (月报's month). ISO text sorts as the
 * days do, so the value is compared with today cut to its length. */
static bool not_yet(const kp_field *f, char **out, char **reason)
{
	if (!f->not_after_today)
		return true;
	size_t n = strlen(*out);
	if ((n != 7 && n != 10) || (*out)[4] != '-')
		return true;
	int y, m, d;
	clock_today(&y, &m, &d);
	char today[16];
	snprintf(today, sizeof today, "%04u-%02u-%02u", (unsigned)y % 10000, (unsigned)m % 100,
		 (unsigned)d % 100);
	int cmp = strncmp(*out, today, n);
	/* not_after: ended — a month is reported once it is over: its
	 * figures are not all there before */
	if (f->not_after_ended && n == 7 && cmp == 0)
		fail(reason, xasprintf(msg(MSG_V_NOT_ENDED), *out, today, y + m / 12, m % 12 + 1));
	else if (cmp <= 0)
		return true;
	else
		fail(reason, xasprintf(msg(MSG_V_NOT_YET), *out, today));
	free(*out);
	*out = NULL;
	return false;
}

/* not_after: year — a year (考核年度) after the programme year the record
 * is filed in is refused: 2017's nominations cannot rest on 2018's
 * assessment. */
static bool after_year(const kp_catalog *cat, const kp_field *f, char **out, char **reason)
{
	int year = cat ? cat->schedule.year : 0;
	if (!f->not_after_year || !year || strtoll(*out, NULL, 10) <= year)
		return true;
	fail(reason, xasprintf(msg(MSG_V_AFTER_YEAR), *out, year, year));
	free(*out);
	*out = NULL;
	return false;
}

/* in_programme — a date, month or year outside the programme's years
 * (the schedule's first year to its last_year, or a later year in use) is
 * refused, saying the bound: a project of 1949-10 was never this one's. */
static bool in_programme(const kp_catalog *cat, const kp_field *f, char **out, char **reason)
{
	if (!f->in_programme || !cat || !cat->schedule.year || !(*out)[0])
		return true;
	long y = strtol(*out, NULL, 10);
	int first = cat->schedule.first_year, last = schedule_last_year(&cat->schedule);
	if (y >= first && y <= last)
		return true;
	fail(reason, xasprintf(msg(MSG_V_MONTH_RANGE), *out, first, last));
	free(*out);
	*out = NULL;
	return false;
}

char *field_initial(const kp_catalog *cat, const kp_field *f)
{
	if (f->default_year && cat && cat->schedule.year)
		return xasprintf("%d", cat->schedule.year);
	return xstrdup("");
}

bool field_validate(const kp_catalog *cat, const kp_field *f, const char *raw, char **out,
		    char **reason)
{
	*out = *reason = NULL;
	if (!raw || !raw[0]) /* an empty cell: nothing to check or normalise */
		return f->required ? fail(reason, xstrdup(msg(MSG_V_REQUIRED))) : (*out = xstrdup(""), true);
	if (!check_chars(f, raw, reason))
		return false;
	char *s = normalise(f, raw);
	bool ok;
	int n;
	if (!s[0]) {
		ok = f->required ? fail(reason, xstrdup(msg(MSG_V_REQUIRED))) : true;
		if (ok) {
			*out = s;
			s = NULL;
		}
	} else if ((ftype_info(f->type)->keys & FK_MAX_CHARS) && (n = (int)utf8_count(s)) > f->max_chars) {
		ok = fail(reason, xasprintf(msg(MSG_V_TOO_LONG), f->max_chars, n));
	} else if (f->min_chars && (n = (int)text_content_chars(s)) < f->min_chars) {
		/* 「.」 or 「无」 for 完成情况 is a placeholder, not a summary */
		ok = fail(reason, xasprintf(msg(MSG_V_MIN_CHARS), f->min_chars, n));
	} else if (f->min_distinct_chars && (n = (int)text_distinct_chars(s)) < f->min_distinct_chars) {
		/* 「措施措施措施措施措施措施」 is ten characters and no measure */
		ok = fail(reason, xasprintf(msg(MSG_V_MIN_DISTINCT), f->min_distinct_chars, n));
	} else {
		ok = typed(cat, f, &s, out, reason) && not_yet(f, out, reason) &&
		     after_year(cat, f, out, reason) && in_programme(cat, f, out, reason);
	}
	free(s);
	return ok;
}

/* Does the stored value v of field f equal want (a multi-select: include)? */
static bool value_is(const kp_field *f, const char *v, const char *want)
{
	if (f->type != FT_MULTICHOICE)
		return !strcmp(v, want);
	size_t n;
	char **parts = multi_split(v, &n);
	bool found = false;
	for (size_t i = 0; i < n && !found; i++)
		found = !strcmp(parts[i], want);
	json_array_free(parts, n);
	return found;
}

bool field_applies(const kp_form *form, size_t i, const char *owner)
{
	const kp_field *f = &form->fields[i];
	return f->only_when < 0 || value_is(&form->fields[f->only_when], owner ? owner : "", f->only_value);
}

/* Stored values of two fields of one type: is a earlier than b? */
static bool earlier(const kp_field *f, const char *a, const char *b)
{
	if (f->type == FT_INTEGER)
		return strtoll(a, NULL, 10) < strtoll(b, NULL, 10);
	return strcmp(a, b) < 0; /* ISO dates and year-months sort as text */
}

/* Rules between fields, checked once each field is valid by itself. */
static char *cross_check(const kp_form *form, size_t i, char **out)
{
	const kp_field *f = &form->fields[i];
	if (f->not_before >= 0 && out[f->not_before] && out[i][0] && out[f->not_before][0] &&
	    earlier(f, out[i], out[f->not_before]))
		return xasprintf(msg(MSG_V_BEFORE), form->fields[f->not_before].label);
	const kp_field *whole = f->not_more_than >= 0 ? &form->fields[f->not_more_than] : NULL;
	if (whole && out[f->not_more_than] && out[i][0] && out[f->not_more_than][0] &&
	    earlier(f, out[f->not_more_than], out[i]))
		return xasprintf(msg(f->not_more_why ? MSG_V_NOT_MORE_WHY : MSG_V_NOT_MORE), out[i], whole->label,
				 out[f->not_more_than], f->label, whole->label, f->not_more_why);
	if (f->required_when >= 0 && !out[i][0] && out[f->required_when] &&
	    value_is(&form->fields[f->required_when], out[f->required_when], f->required_value))
		return xasprintf(msg(MSG_V_REQUIRED_WHEN), form->fields[f->required_when].label,
				 f->required_value);
	/* 其他类别 belongs to 项目类别 = 其他: filled beside another choice it
	 * is a value typed into the wrong field (a swallowed Tab), not data */
	const kp_field *owner = f->only_when >= 0 ? &form->fields[f->only_when] : NULL;
	if (owner && out[i][0] && out[f->only_when] && !field_applies(form, i, out[f->only_when]))
		return out[f->only_when][0]
			       ? xasprintf(msg(MSG_V_ONLY_WHEN), owner->label, f->only_value, owner->label,
					   out[f->only_when], owner->label)
			       : xasprintf(msg(MSG_V_ONLY_WHEN_EMPTY), owner->label, f->only_value, owner->label);
	return NULL;
}

int form_validate(const kp_catalog *cat, const kp_form *form, const char *const *raw,
		  char **out, char **reasons)
{
	int bad = 0;
	for (size_t i = 0; i < form->nfields; i++)
		if (!field_validate(cat, &form->fields[i], raw[i], &out[i], &reasons[i]))
			bad++;
	for (size_t i = 0; i < form->nfields; i++) {
		if (reasons[i] || !(reasons[i] = cross_check(form, i, out)))
			continue;
		free(out[i]);
		out[i] = NULL;
		bad++;
	}
	return bad;
}

char *field_message(const kp_field *f, const char *reason)
{
	return xasprintf(msg(MSG_V_FIELD), f->label, reason);
}

/* The length of the item separator at p (、 ； ; , ，), or 0. */
static size_t separator_at(const char *p)
{
	static const char *const seps[] = {"、", "；", "，", NULL};
	if (*p == ',' || *p == ';')
		return 1;
	if ((unsigned char)*p != 0xE3 && (unsigned char)*p != 0xEF)
		return 0; /* the lead byte of none of them: most of a Chinese text */
	for (const char *const *q = seps; *q; q++)
		if (!strncmp(p, *q, 3))
			return 3;
	return 0;
}

char **multi_split(const char *s, size_t *n)
{
	char **items;
	if (s[0] == '[' && json_array_decode(s, &items, n) == 0)
		return items;
	items = NULL;
	*n = 0;
	for (const char *p = s, *start = s;; p++) {
		size_t sl = *p ? separator_at(p) : 0;
		if (!sl && *p)
			continue;
		char *part = xstrndup(start, (size_t)(p - start)), *t = text_trim(part);
		free(part);
		if (t[0]) {
			items = xrealloc(items, (*n + 1) * sizeof *items);
			items[(*n)++] = t;
		} else {
			free(t);
		}
		if (!*p)
			break;
		p += sl - 1;
		start = p + 1;
	}
	return items;
}

char *multi_join(const char *stored)
{
	size_t n;
	char **items = multi_split(stored ? stored : "", &n);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_adds(&b, "、");
		sb_adds(&b, items[i]);
	}
	json_array_free(items, n);
	return sb_take(&b);
}
