/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/find.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/msg.h"
#include "core/pinyin.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/review.h"

#define MAX_WORDS 8
#define MAX_SEARCH 32  /* search fields a hit's bits can name */
#define PINYIN_MAX 64  /* pinyin_match's longest typed text */

typedef struct {
	long long id, unit_id;
	/* Letters the pinyin fields' readings start with, and contain
	 * (ASCII letters count as themselves): a word whose letters are not
	 * there cannot match by pinyin, and most records are ruled out by
	 * two AND operations instead of a pinyin walk. */
	uint32_t initials, letters;
	/* ASCII letters anywhere in the search fields: a word of letters
	 * most Chinese records lack skips the byte search. */
	uint32_t ascii;
	unsigned char state;  /* kp_state; ST_COUNT without review */
} talent;

struct kp_finder {
	const kp_form *f;
	const kp_search *s;
	int *slot;            /* per form field: where its value is kept, or -1 */
	int *field_of;        /* per slot: its field */
	size_t nslots;
	char *arena;          /* every kept value, each ending in NUL */
	size_t alen, acap;
	uint32_t *offs;       /* entry i's slot k starts at offs[i * nslots + k]; one more at the end */
	talent *e;
	size_t n, cap;
	bool *pinyin_field;   /* per search field: short enough to match by pinyin */
	kp_unit *units;
	size_t nunits;
	/* The last search: its text and category (a search that adds to the
	 * text scans only these hits), its words, its hits. */
	char *text, *cat;
	char *wordbuf;
	const char *words[MAX_WORDS];
	size_t wlen[MAX_WORDS];
	bool letters_only[MAX_WORDS];
	uint32_t wmask[MAX_WORDS]; /* the ASCII letters of each word */
	size_t nwords;
	kp_hit *hits;         /* in record order: what a longer text searches */
	kp_hit *ranked;       /* the same, in result order */
	size_t nhits;
};

static uint32_t letter_bit(unsigned char c) { return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0; }
static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }

static void arena_add(kp_finder *fd, const char *s)
{
	size_t n = strlen(s) + 1;
	if (fd->alen + n > fd->acap) {
		fd->acap = (fd->alen + n) * 2;
		fd->arena = xrealloc(fd->arena, fd->acap);
	}
	memcpy(fd->arena + fd->alen, s, n);
	fd->alen += n;
}

/* A value as the search shows it: a multi-select's values joined by 、. */
static char *shown(const kp_field *fd, const char *v)
{
	char **items;
	size_t n;
	if (fd->type != FT_MULTICHOICE || json_array_decode(v, &items, &n) != 0)
		return xstrdup(v);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		sb_printf(&b, "%s%s", i ? "、" : "", items[i]);
	json_array_free(items, n);
	return sb_take(&b);
}

static void add_masks(talent *en, const char *v)
{
	size_t len = strlen(v);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(v + i, len - i, &cp);
		const char *r[8];
		size_t nr = pinyin_of(cp, r, 8);
		if (!nr && cp < 128) {
			uint32_t b = letter_bit(lower((unsigned char)cp));
			en->initials |= b;
			en->letters |= b;
		}
		for (size_t k = 0; k < nr; k++) {
			en->initials |= letter_bit((unsigned char)r[k][0]);
			for (const char *p = r[k]; *p; p++)
				en->letters |= letter_bit((unsigned char)*p);
		}
	}
}

static int take(const kp_record *r, void *ctx)
{
	kp_finder *fd = ctx;
	if (fd->n == fd->cap) {
		fd->cap = fd->cap ? fd->cap * 2 : 1024;
		fd->e = xrealloc(fd->e, fd->cap * sizeof *fd->e);
		fd->offs = xrealloc(fd->offs, (fd->cap * fd->nslots + 1) * sizeof *fd->offs);
	}
	talent *en = &fd->e[fd->n];
	*en = (talent){r->id, r->unit_id, 0, 0, 0, (unsigned char)(fd->f->review ? state_of(r->state) : ST_COUNT)};
	for (size_t k = 0; k < fd->nslots; k++) { /* in slot order: a value ends where the next starts */
		int i = fd->field_of[k];
		char *v = shown(&fd->f->fields[i], r->vals[i]);
		fd->offs[fd->n * fd->nslots + k] = (uint32_t)fd->alen;
		arena_add(fd, v);
		free(v);
	}
	for (size_t k = 0; k < fd->s->nfields; k++) {
		const char *v = fd->arena + fd->offs[fd->n * fd->nslots + (size_t)fd->slot[fd->s->fields[k]]];
		if (fd->pinyin_field[k])
			add_masks(en, v);
		for (; *v; v++)
			en->ascii |= letter_bit(lower((unsigned char)*v));
	}
	fd->n++;
	return 0;
}

static void keep(kp_finder *fd, int field)
{
	if (field >= 0 && fd->slot[field] < 0) {
		fd->field_of[fd->nslots] = field;
		fd->slot[field] = (int)fd->nslots++;
	}
}

kp_finder *finder_open(kp_env *e, const kp_form *f, char **err)
{
	kp_finder *fd = xcalloc(1, sizeof *fd);
	fd->f = f;
	fd->s = f->search;
	fd->slot = xmalloc(f->nfields * sizeof *fd->slot);
	fd->field_of = xmalloc(f->nfields * sizeof *fd->field_of);
	for (size_t i = 0; i < f->nfields; i++)
		fd->slot[i] = -1;
	fd->pinyin_field = xcalloc(fd->s->nfields + 1, sizeof *fd->pinyin_field);
	for (size_t k = 0; k < fd->s->nfields && k < MAX_SEARCH; k++) {
		keep(fd, fd->s->fields[k]);
		/* Long texts by words only: pinyin initials would find almost anything in them. */
		fd->pinyin_field[k] = f->fields[fd->s->fields[k]].type != FT_TEXTAREA;
	}
	for (size_t k = 0; k < fd->s->nshow; k++)
		keep(fd, fd->s->show[k]);
	keep(fd, fd->s->category);
	fd->offs = xmalloc(sizeof *fd->offs);
	fd->nunits = store_units(e->store, &fd->units);
	if (store_each(e->store, f, 0, NULL, take, fd, err) != KP_OK) {
		finder_close(fd);
		return NULL;
	}
	fd->offs[fd->n * fd->nslots] = (uint32_t)fd->alen;
	return fd;
}

void finder_close(kp_finder *fd)
{
	if (!fd)
		return;
	free(fd->slot);
	free(fd->field_of);
	free(fd->arena);
	free(fd->offs);
	free(fd->e);
	free(fd->pinyin_field);
	unit_list_free(fd->units, fd->nunits);
	free(fd->text);
	free(fd->cat);
	free(fd->wordbuf);
	free(fd->hits);
	free(fd->ranked);
	free(fd);
}

size_t finder_size(const kp_finder *fd) { return fd->n; }

static const char *slot_value(const kp_finder *fd, size_t i, int slot, size_t *len)
{
	size_t at = i * fd->nslots + (size_t)slot;
	*len = fd->offs[at + 1] - fd->offs[at] - 1;
	return fd->arena + fd->offs[at];
}

/* Does hay contain the word nd (lower case), ASCII letters in any case?
 * The first byte by memchr (both cases of a letter), then the rest. */
static const char *find_word(const char *hay, size_t hn, const char *nd, size_t nn)
{
	if (hn < nn)
		return NULL;
	const char *last = hay + hn - nn;
	char c0 = nd[0], c1 = (char)(c0 >= 'a' && c0 <= 'z' ? c0 - 32 : c0);
	for (const char *p = hay; p <= last; p++) {
		const char *a = memchr(p, c0, (size_t)(last - p) + 1);
		if (c1 != c0) {
			const char *b = memchr(p, c1, (size_t)((a ? a : last + 1) - p));
			if (b)
				a = b;
		}
		if (!a)
			return NULL;
		size_t k = 1;
		while (k < nn && lower((unsigned char)a[k]) == (unsigned char)nd[k])
			k++;
		if (k == nn)
			return a;
		p = a;
	}
	return NULL;
}

/* Is want one of the 、-separated values of v? */
static bool has_item(const char *v, const char *want)
{
	size_t n = strlen(want);
	for (const char *p = v; (p = strstr(p, want)); p += n)
		if ((p == v || !strncmp(p - 3, "、", 3)) && (!p[n] || !strncmp(p + n, "、", 3)))
			return true;
	return false;
}

static bool match_entry(const kp_finder *fd, size_t i, const char *cat, kp_hit *h)
{
	const kp_search *s = fd->s;
	const talent *en = &fd->e[i];
	size_t len;
	if (cat && s->category >= 0 && !has_item(slot_value(fd, i, fd->slot[s->category], &len), cat))
		return false;
	*h = (kp_hit){i, 0, 0, 0};
	size_t nf = s->nfields < MAX_SEARCH ? s->nfields : MAX_SEARCH;
	for (size_t w = 0; w < fd->nwords; w++) {
		const char *word = fd->words[w];
		uint32_t need = fd->wmask[w];
		bool pinyin = fd->letters_only[w] && (en->initials & letter_bit((unsigned char)word[0])) &&
			      (en->letters & need) == need;
		bool bytes = (en->ascii & need) == need;
		int best = 0;
		for (size_t k = 0; k < nf; k++) {
			const char *v = slot_value(fd, i, fd->slot[s->fields[k]], &len);
			int weight = (int)(nf - k);
			if (bytes && find_word(v, len, word, fd->wlen[w])) {
				h->words |= 1u << k;
				best = best > 2 * weight ? best : 2 * weight;
			} else if (pinyin && fd->pinyin_field[k] && best < weight && pinyin_match(v, word)) {
				h->pinyin |= 1u << k;
				best = weight;
			}
		}
		if (!best)
			return false;
		h->score += best;
	}
	h->pinyin &= ~h->words;
	return true;
}

/* Results: approved first (then submitted, returned, drafts), the
 * better match first, then by record number. A counting sort over (state,
 * score) keeps the matches' record order within each: linear, where a
 * comparison sort of 100,000 hits took a fifth of a key's time. */
#define MAX_SCORE (2 * MAX_SEARCH * MAX_WORDS)
#define NBUCKETS (4 * (MAX_SCORE + 1))

static size_t bucket(const kp_finder *fd, const kp_hit *h)
{
	static const int order[ST_COUNT + 1] = {[ST_APPROVED] = 0, [ST_SUBMITTED] = 1, [ST_RETURNED] = 2,
						 [ST_DRAFT] = 3, [ST_COUNT] = 0};
	return (size_t)order[fd->e[h->entry].state] * (MAX_SCORE + 1) + (size_t)(MAX_SCORE - h->score);
}

static void rank(kp_finder *fd)
{
	size_t start[NBUCKETS + 1] = {0};
	for (size_t i = 0; i < fd->nhits; i++)
		start[bucket(fd, &fd->hits[i]) + 1]++;
	for (size_t b = 0; b < NBUCKETS; b++)
		start[b + 1] += start[b];
	fd->ranked = xrealloc(fd->ranked, (fd->nhits + 1) * sizeof *fd->ranked);
	for (size_t i = 0; i < fd->nhits; i++)
		fd->ranked[start[bucket(fd, &fd->hits[i])]++] = fd->hits[i];
}

static void split_words(kp_finder *fd, const char *text)
{
	free(fd->wordbuf);
	char *folded = text_fold_fullwidth(text); /* the ideographic space too */
	fd->wordbuf = text_lower_ascii(folded);
	free(folded);
	fd->nwords = 0;
	char *save = NULL;
	for (char *p = strtok_r(fd->wordbuf, " \t", &save); p && fd->nwords < MAX_WORDS;
	     p = strtok_r(NULL, " \t", &save)) {
		size_t n = strlen(p);
		bool letters = n <= PINYIN_MAX;
		for (size_t k = 0; k < n && letters; k++)
			letters = p[k] >= 'a' && p[k] <= 'z';
		fd->wmask[fd->nwords] = 0;
		for (size_t k = 0; k < n; k++)
			fd->wmask[fd->nwords] |= letter_bit((unsigned char)p[k]);
		fd->words[fd->nwords] = p;
		fd->wlen[fd->nwords] = n;
		fd->letters_only[fd->nwords++] = letters;
	}
}

size_t finder_search(kp_finder *fd, const char *text, const char *category, const kp_hit **out)
{
	const char *cat = category && category[0] ? category : NULL;
	/* Adding to the text can only narrow: search the last hits. */
	bool narrow = fd->text && text_starts_with(text, fd->text) &&
		      (cat ? fd->cat && !strcmp(cat, fd->cat) : !fd->cat);
	split_words(fd, text);
	if (!narrow) {
		fd->hits = xrealloc(fd->hits, (fd->n + 1) * sizeof *fd->hits);
		fd->nhits = fd->n;
		for (size_t i = 0; i < fd->n; i++)
			fd->hits[i].entry = i;
	}
	size_t m = 0;
	for (size_t j = 0; j < fd->nhits; j++) {
		kp_hit h;
		if (match_entry(fd, fd->hits[j].entry, cat, &h))
			fd->hits[m++] = h;
	}
	fd->nhits = m;
	rank(fd);
	free(fd->text);
	free(fd->cat);
	fd->text = xstrdup(text);
	fd->cat = cat ? xstrdup(cat) : NULL;
	*out = fd->ranked;
	return m;
}

const char *finder_value(const kp_finder *fd, size_t entry, int field)
{
	size_t len;
	return field >= 0 && fd->slot[field] >= 0 ? slot_value(fd, entry, fd->slot[field], &len) : "";
}

long long finder_id(const kp_finder *fd, size_t entry) { return fd->e[entry].id; }

const char *finder_unit(const kp_finder *fd, size_t entry)
{
	for (size_t u = 0; u < fd->nunits; u++)
		if (fd->units[u].id == fd->e[entry].unit_id)
			return fd->units[u].name;
	return "";
}

const char *finder_state(const kp_finder *fd, size_t entry)
{
	return fd->e[entry].state == ST_COUNT ? "" : state_label((kp_state)fd->e[entry].state);
}

/* Up to max characters of s from byte at, with … where it was cut. */
static void excerpt(strbuf *b, const char *s, size_t at, size_t max)
{
	size_t len = strlen(s), i = at, n = 0;
	if (at)
		sb_adds(b, "…");
	while (i < len && n < max) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		sb_add(b, s + i, k);
		i += k;
		n++;
	}
	if (i < len)
		sb_adds(b, "…");
}

/* The start of the character a few characters before byte at. */
static size_t back_chars(const char *s, size_t at, int chars)
{
	while (at > 0 && chars > 0) {
		at--;
		if (((unsigned char)s[at] & 0xC0) != 0x80)
			chars--;
	}
	return at;
}

void finder_why(const kp_finder *fd, const kp_hit *h, strbuf *out)
{
	const kp_search *s = fd->s;
	for (size_t k = 0; k < s->nfields && k < MAX_SEARCH; k++) {
		if (!((h->words | h->pinyin) & (1u << k)))
			continue;
		const kp_field *f = &fd->f->fields[s->fields[k]];
		size_t len;
		const char *v = slot_value(fd, h->entry, fd->slot[s->fields[k]], &len);
		size_t at = 0;
		for (size_t w = 0; w < fd->nwords && (h->words & (1u << k)); w++) {
			const char *p = find_word(v, len, fd->words[w], fd->wlen[w]);
			if (p) { /* a long text: shown from a little before the word */
				at = f->type == FT_TEXTAREA ? back_chars(v, (size_t)(p - v), 4) : 0;
				break;
			}
		}
		strbuf ex = STRBUF_INIT;
		excerpt(&ex, v, at, 16);
		if (out->len)
			sb_adds(out, msg(MSG_FD_SEP));
		sb_printf(out, msg(h->words & (1u << k) ? MSG_FD_WORD : MSG_FD_PINYIN), f->label, sb_str(&ex));
		sb_free(&ex);
	}
}
