/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * find_model: what 专家检索 is — the form searched, the talents the
 * session may see (read once, domain/find.c), the words typed, the hits,
 * the selection and its scroll, and why each hit on the page matched
 * (worked out once per change, not per frame) — and what a key does
 * (fnd_key returns an fnd_result: handled, close, open the selected
 * record). What a session may see is the store's to say: a unit finds its
 * own talents, the city every unit's. find_screen.c draws it;
 * tests/unit/test_find_model.c drives it with no terminal.
 */
#ifndef KP_FIND_MODEL_H
#define KP_FIND_MODEL_H
#include <stdbool.h>
#include <stddef.h>

#include "core/editbuf.h"
#include "domain/env.h"
#include "domain/find.h"
#include "ui/keymap.h"
#include "ui/scrollwin.h"

typedef enum {
	FND_HANDLED,
	FND_REFUSED, /* text says why */
	FND_CLOSE,
	FND_OPEN     /* open record id of m->form */
} fnd_kind;

typedef struct {
	fnd_kind kind;
	long long id; /* FND_OPEN */
	char text[512];
} fnd_result;

typedef struct {
	kp_env *env;
	size_t rows; /* hits on a page */
} fnd_ctx;

typedef struct {
	const kp_form *form;
	kp_finder *fd;
	editbuf text;
	const kp_hit *hits;
	size_t n, sel, top;
	char **why;   /* why each hit on the page (top …) matched */
	size_t nwhy;
	size_t rows;  /* the page's rows they were worked out for */
	scrollwin win; /* the hits shown, and whether a line says how many are not */
	char more[160]; /* 「↑ 上面还有 N 项  ↓ 还有 N 项」 (sw_mark) */
} find_model;

/* The form with a `search` and what the session may see of it;
 * FND_REFUSED when there is none or the store refuses. */
fnd_result fnd_init(find_model *m, const fnd_ctx *c);
void fnd_free(find_model *m);
fnd_result fnd_key(find_model *m, const fnd_ctx *c, kp_key key);
/* The records as they are now (a screen above may have changed one),
 * the selection kept where it can be. */
fnd_result fnd_reload(find_model *m, const fnd_ctx *c);
/* The page's rows changed (the terminal's size): the page again. */
void fnd_set_rows(find_model *m, const fnd_ctx *c);
/* Hit i's i-th shown column (姓名, 工作单位, 联系电话), or "". */
const char *fnd_shown(const find_model *m, size_t hit, size_t col);
/* Its heading. */
const char *fnd_label(const find_model *m, size_t col);

#endif
