/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/pastemark.h"

#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "core/utf8.h"

#define END_LEN (sizeof PASTE_END_MARK - 1)

void pm_start(paste_mark *p, size_t max, int gap_ms, int all_ms, long long now)
{
	pm_free(p);
	p->max = max;
	p->gap_ms = gap_ms;
	p->all_ms = all_ms;
	p->began = p->last = now;
}

long long pm_wait(paste_mark *p, long long now)
{
	if (p->state != PM_READING)
		return 0;
	long long all = p->began + p->all_ms - now, gap = p->last + p->gap_ms - now;
	if (all <= 0)
		p->state = PM_TOO_SLOW;
	else if (gap <= 0)
		p->state = PM_NO_END;
	if (p->state != PM_READING) {
		sb_free(&p->raw); /* nothing of it is applied */
		return 0;
	}
	return gap < all ? gap : all;
}

static void keep(paste_mark *p, const char *b, size_t n)
{
	p->bytes += n;
	if (p->raw.len + n <= p->max)
		sb_add(&p->raw, b, n);
}

/* The bytes are whole: decoded as the locale's text, or said why not. */
static void finish(paste_mark *p)
{
	if (p->bytes > p->max) {
		sb_free(&p->raw); /* a row cut at the bound would be a wrong record: none of it */
		p->state = PM_TOO_LONG;
		return;
	}
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *s = sb_str(&p->raw);
	for (size_t at = 0; at < p->raw.len;) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + at, p->raw.len - at, &st);
		/* no text, cut short, or what the C library decodes past Unicode's code points */
		if (k == (size_t)-1 || k == (size_t)-2 || (uint32_t)wc > 0x10FFFF ||
		    ((uint32_t)wc >= 0xD800 && (uint32_t)wc <= 0xDFFF)) {
			p->bad_at = at + 1;
			sb_free(&p->text);
			p->state = PM_BAD_TEXT;
			return;
		}
		uint32_t cp = (uint32_t)wc;
		p->bad_char++;
		if (k == 0 || cp_refused_in_text(cp)) { /* on the locale's characters */
			sb_free(&p->text);
			p->bad_cp = cp;
			p->state = k ? PM_CONTROL : PM_NUL;
			return;
		}
		sb_addcp(&p->text, cp);
		at += k;
	}
	p->bad_char = 0;
	p->state = PM_DONE;
}

size_t pm_feed(paste_mark *p, const char *b, size_t n, long long now)
{
	size_t i = 0;
	if (n && p->state == PM_READING)
		p->last = now;
	while (i < n && p->state == PM_READING) {
		char c = b[i++];
		if (c == PASTE_END_MARK[p->held]) {
			if (++p->held == END_LEN)
				finish(p);
			continue;
		}
		/* Not the end mark after all: what was held is text. The mark
		 * has one ESC, at its start, so a new match can begin only at c. */
		keep(p, PASTE_END_MARK, p->held);
		p->held = 0;
		if (c == PASTE_END_MARK[0])
			p->held = 1;
		else
			keep(p, &c, 1);
	}
	return i;
}

const char *pm_text(const paste_mark *p) { return p->state == PM_DONE ? sb_str(&p->text) : NULL; }

void pm_free(paste_mark *p)
{
	sb_free(&p->raw);
	sb_free(&p->text);
	memset(p, 0, sizeof *p);
}
