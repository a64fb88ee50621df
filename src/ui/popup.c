/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A popup's keys (its drawing is popup_view.c). */
#include "ui/popup.h"

#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"
#include "core/xalloc.h"


/* The text itself, or its pinyin typed in Latin letters. */
static bool matches(const char *text, const char *f)
{
	return strstr(text, f) || pinyin_match(text, f);
}

static bool alias_matches(const popup *p, const char *item, const char *f)
{
	for (size_t k = 0; k < p->naliases; k++)
		if (!strcmp(p->alias_to[k], item) && matches(p->alias_from[k], f))
			return true;
	return false;
}

/* The items the filter finds, in their order, but those found only by a
 * rare reading of a character (革 read jí) after the others: Enter takes
 * the first, and a clerk typing mj for 民进 must not get 民革. */
static void refilter(popup *p)
{
	char *f = eb_text(&p->filter);
	p->nmatch = 0;
	for (int rare = 0; rare < 2; rare++)
		for (size_t i = 0; i < p->n; i++) {
			bool first = !f[0] || strstr(p->items[i], f) || pinyin_match_customary(p->items[i], f) ||
				     alias_matches(p, p->items[i], f);
			if (rare ? !first && pinyin_match(p->items[i], f) : first)
				p->match[p->nmatch++] = i;
		}
	free(f);
	p->sel = p->top = 0;
	p->moved = false;
}

/* The window's first row, so the highlight is in it (kept by the keys,
 * so drawing changes nothing). */
static void keep_in_view(popup *p)
{
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + POPUP_ROWS)
		p->top = p->sel - POPUP_ROWS + 1;
}

void popup_aliases(popup *p, char *const *from, char *const *to, size_t n)
{
	p->alias_from = from;
	p->alias_to = to;
	p->naliases = n;
	size_t keep = p->nmatch ? p->match[p->sel] : 0;
	bool typed = p->filter.len > 0;
	refilter(p);
	for (size_t i = 0; !typed && i < p->nmatch; i++) /* keep the highlight on the current item */
		if (p->match[i] == keep)
			p->sel = i;
	keep_in_view(p);
}

int popup_unique(const kp_list *l, size_t n, const char *text)
{
	/* a cell holds words: its Latin letters are no pinyin initials (qz is no 群众) */
	if (text[strcspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")])
		return -1;
	popup p = {.items = l->items, .n = n, .alias_from = l->alias_from, .alias_to = l->alias_to,
		   .naliases = l->naliases};
	p.match = xcalloc(n ? n : 1, sizeof *p.match);
	eb_init(&p.filter, 0, false);
	eb_set(&p.filter, text);
	refilter(&p);
	int one = p.nmatch == 1 && text[0] ? (int)p.match[0] : -1;
	eb_free(&p.filter);
	free(p.match);
	return one;
}

void popup_open(popup *p, const char *title, char *const *items, size_t n, int current,
		uint32_t first)
{
	popup_close(p);
	p->title = title;
	p->items = items;
	p->n = n;
	p->match = xcalloc(n ? n : 1, sizeof *p->match);
	p->naliases = 0;
	eb_init(&p->filter, 20, false);
	if (first)
		eb_insert(&p->filter, first);
	refilter(p);
	if (!first && current >= 0 && (size_t)current < n)
		p->sel = (size_t)current;
	keep_in_view(p);
	p->picked = first != 0; /* a first character typed picks, as typing does */
	p->open = true;
}

void popup_close(popup *p)
{
	if (!p->open)
		return;
	eb_free(&p->filter);
	free(p->match);
	p->match = NULL;
	p->open = false;
}

static popup_result handle(popup *p, kp_key key, size_t *chosen)
{
	kp_action a = keymap_lookup(CTX_POPUP, key);
	if (a != ACT_ACCEPT && a != ACT_QUIT && a != ACT_NEXT && a != ACT_PREV && a != ACT_NONE)
		p->picked = p->moved = true; /* a move, or an edit of the filter (refilter clears moved) */
	switch (a) {
	case ACT_ACCEPT:
		if (!p->nmatch)
			return p->filter.len ? POPUP_NOMATCH : POPUP_CONTINUE;
		*chosen = p->match[p->sel];
		return POPUP_ACCEPT;
	case ACT_QUIT:
		return POPUP_CANCEL;
	case ACT_NEXT:
	case ACT_PREV:
		if (p->filter.len && !p->nmatch)
			return POPUP_NOMATCH;
		*chosen = p->picked && p->nmatch ? p->match[p->sel] : POPUP_KEEP;
		return a == ACT_NEXT ? POPUP_NEXT : POPUP_PREV;
	case ACT_UP:
		if (p->sel > 0)
			p->sel--;
		return POPUP_CONTINUE;
	case ACT_DOWN:
		if (p->sel + 1 < p->nmatch)
			p->sel++;
		return POPUP_CONTINUE;
	case ACT_PAGE_UP:
		p->sel = p->sel > POPUP_ROWS ? p->sel - POPUP_ROWS : 0;
		return POPUP_CONTINUE;
	case ACT_PAGE_DOWN:
		p->sel = p->sel + POPUP_ROWS < p->nmatch ? p->sel + POPUP_ROWS : (p->nmatch ? p->nmatch - 1 : 0);
		return POPUP_CONTINUE;
	case ACT_HOME:
		p->sel = 0;
		return POPUP_CONTINUE;
	case ACT_END:
		p->sel = p->nmatch ? p->nmatch - 1 : 0;
		return POPUP_CONTINUE;
	case ACT_BACKSPACE:
		if (eb_backspace(&p->filter))
			refilter(p);
		return POPUP_CONTINUE;
	default:
		break;
	}
	if (key_printable(key) && eb_insert(&p->filter, key.code)) {
		refilter(p);
		p->picked = true;
	}
	return POPUP_CONTINUE;
}

popup_result popup_key_field(popup *p, kp_key key, size_t *chosen)
{
	popup_result r = handle(p, key, chosen);
	keep_in_view(p);
	return r;
}

popup_result popup_key(popup *p, kp_key key, size_t *chosen)
{
	size_t k = POPUP_KEEP;
	popup_result r = popup_key_field(p, key, &k);
	if (r == POPUP_NOMATCH) /* a picker says 「没有匹配的项」 in its frame */
		return POPUP_CONTINUE;
	if ((r == POPUP_NEXT || r == POPUP_PREV) && k == POPUP_KEEP)
		return POPUP_CONTINUE;
	if (r != POPUP_CONTINUE && r != POPUP_CANCEL)
		*chosen = k;
	return r == POPUP_NEXT || r == POPUP_PREV ? POPUP_ACCEPT : r;
}
