/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * find: the expert search of 四（六）科普快速反应机制 — the talents the
 * store's session may see (a unit its own, the city all), searched by
 * Chinese words and by pinyin (initials, syllables or a mix) across the
 * fields the form's `search` names, weightiest first. Results come
 * approved first, then by how well they matched, each with why.
 *
 * The records are read once, through the store and its session, into
 * memory (finder_open); each search then scans that copy, and a search
 * that only adds to the last one's text scans the last one's results, so
 * typing stays fast at 100,000 talents.
 */
#ifndef KP_FIND_H
#define KP_FIND_H
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"
#include "domain/env.h"

typedef struct kp_finder kp_finder;

typedef struct {
	size_t entry;      /* the record, for finder_value … */
	int score;
	unsigned words;    /* search fields (bit i: fields[i]) a word matched as written */
	unsigned pinyin;   /* … matched only by pinyin */
} kp_hit;

/* Read the records of f (which has a `search`) the session may see.
 * NULL with *err when the store refuses. */
kp_finder *finder_open(kp_env *e, const kp_form *f, char **err);
void finder_close(kp_finder *fd);
/* How many records it searches. */
size_t finder_size(const kp_finder *fd);

/* Search: every word of text (split at blanks) must match somewhere; an
 * empty text matches every record. category (NULL or "": any) must be one
 * of the values of the search's category field. Returns the number of
 * hits, in result order, in *out (valid until the next search). */
size_t finder_search(kp_finder *fd, const char *text, const char *category, const kp_hit **out);

/* A found record's value of form field i as shown ("" if the search does
 * not keep it; a multi-select's values joined by 、), its record number,
 * its unit's name and its review state (a label: 已认定 …, "" for a form
 * without review). */
const char *finder_value(const kp_finder *fd, size_t entry, int field);
long long finder_id(const kp_finder *fd, size_t entry);
const char *finder_unit(const kp_finder *fd, size_t entry);
const char *finder_state(const kp_finder *fd, size_t entry);
/* Why a hit matched the last search: each field with what matched in it,
 * e.g. 科普专长「食品安全」；服务类别「农村科普…」（拼音）. */
void finder_why(const kp_finder *fd, const kp_hit *h, strbuf *out);

#endif
