/* SPDX-License-Identifier: MulanPSL-2.0 */
/* 专家检索's model: see find_model.h. */
#include "ui/find_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

static void why_free(find_model *m)
{
	for (size_t i = 0; i < m->nwhy; i++)
		free(m->why[i]);
	free(m->why);
	m->why = NULL;
	m->nwhy = 0;
}

/* The page's scroll to the selection, and why its hits matched. */
static void arrange(find_model *m, const fnd_ctx *c)
{
	m->rows = c->rows;
	/* the page's last line says how many hits are above and below it */
	m->win = sw_fit(m->n, m->sel, m->top, (int)(c->rows ? c->rows : 1));
	m->top = m->win.top;
	sw_mark(&m->win, m->more, sizeof m->more);
	size_t rows = m->win.shown ? m->win.shown : 1;
	why_free(m);
	m->why = xcalloc(rows, sizeof *m->why);
	strbuf b = STRBUF_INIT;
	for (; m->nwhy < rows && m->top + m->nwhy < m->n; m->nwhy++) {
		sb_clear(&b);
		finder_why(m->fd, &m->hits[m->top + m->nwhy], &b);
		m->why[m->nwhy] = xstrdup(sb_str(&b));
	}
	sb_free(&b);
}

static void search(find_model *m, const fnd_ctx *c)
{
	char *t = eb_text(&m->text);
	m->n = finder_search(m->fd, t, NULL, &m->hits);
	free(t);
	m->sel = m->top = 0;
	arrange(m, c);
}

fnd_result fnd_reload(find_model *m, const fnd_ctx *c)
{
	fnd_result r = {FND_HANDLED, 0, ""};
	char *err = NULL;
	size_t sel = m->sel;
	finder_close(m->fd);
	m->fd = finder_open(c->env, m->form, &err);
	if (!m->fd) {
		r.kind = FND_REFUSED;
		snprintf(r.text, sizeof r.text, "%s", err ? err : "");
		free(err);
		m->n = 0;
		why_free(m);
		return r;
	}
	search(m, c);
	m->sel = sel < m->n ? sel : 0;
	arrange(m, c);
	return r;
}

fnd_result fnd_init(find_model *m, const fnd_ctx *c)
{
	memset(m, 0, sizeof *m);
	eb_init(&m->text, 40, false);
	m->form = catalog_search_form(&c->env->cat);
	if (!m->form)
		return (fnd_result){FND_REFUSED, 0, ""};
	return fnd_reload(m, c);
}

void fnd_free(find_model *m)
{
	finder_close(m->fd);
	m->fd = NULL;
	why_free(m);
	eb_free(&m->text);
}

fnd_result fnd_key(find_model *m, const fnd_ctx *c, kp_key key)
{
	fnd_result r = {FND_HANDLED, 0, ""};
	kp_action a = keymap_lookup(CTX_FIND, key);
	if (m->fd && sw_move(&m->sel, m->n, a, m->win.shown ? m->win.shown : 1)) {
		arrange(m, c);
		return r;
	}
	switch (a) {
	case ACT_ACCEPT:
		if (m->n) {
			r.kind = FND_OPEN;
			r.id = finder_id(m->fd, m->hits[m->sel].entry);
		}
		return r;
	case ACT_BACKSPACE:
		if (eb_backspace(&m->text) && m->fd)
			search(m, c);
		return r;
	case ACT_QUIT:
		if (!m->text.len) {
			r.kind = FND_CLOSE;
			return r;
		}
		eb_clear(&m->text);
		break;
	default:
		if (!key_printable(key) || !eb_insert(&m->text, key.code))
			return r;
		break;
	}
	if (m->fd)
		search(m, c);
	return r;
}

void fnd_set_rows(find_model *m, const fnd_ctx *c)
{
	if (m->fd && c->rows != m->rows)
		arrange(m, c);
}

const char *fnd_shown(const find_model *m, size_t hit, size_t col)
{
	const kp_search *s = m->form->search;
	return col < s->nshow ? finder_value(m->fd, m->hits[hit].entry, s->show[col]) : "";
}

const char *fnd_label(const find_model *m, size_t col)
{
	const kp_search *s = m->form->search;
	return col < s->nshow ? m->form->fields[s->show[col]].label : "";
}
