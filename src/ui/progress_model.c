/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The ranking without a terminal: order, selection, detail, page
 * (progress_model.h). */
#include "ui/progress_model.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/xalloc.h"

static int seq_order(const void *a, const void *b)
{
	const kp_progress_row *const *x = a, *const *y = b;
	return (*x)->seq - (*y)->seq;
}

/* The rows in the mode's order, and the selected unit's detail. */
static void arrange_rows(progress_model *m)
{
	for (size_t i = 0; i < m->p.n; i++)
		m->rows[i] = &m->p.rows[i];
	if (m->order == PGM_BY_SEQ)
		qsort(m->rows, m->p.n, sizeof *m->rows, seq_order);
	if (m->sel >= m->p.n)
		m->sel = m->p.n ? m->p.n - 1 : 0;
}

static void describe(progress_model *m)
{
	free(m->detail);
	char *waiting = m->p.n ? progress_waiting_text(&m->p, m->rows[m->sel]) : NULL;
	m->detail = waiting && waiting[0] ? xasprintf("%s：%s", m->rows[m->sel]->name, waiting) : xstrdup("");
	free(waiting);
}

mr_result pgm_load(progress_model *m, const pgm_ctx *c)
{
	mr_result r = mr_done(MR_HANDLED);
	progress_free(&m->p);
	free(m->rows);
	if (progress_build(&m->p, c->env, c->scope) != 0)
		r = mr_say(MR_REFUSED, "%s", msg(MSG_UI_PROGRESS_FAILED));
	m->total = !c->scope;
	m->rows = xcalloc(m->p.n ? m->p.n : 1, sizeof *m->rows);
	arrange_rows(m);
	describe(m);
	return r;
}

mr_result pgm_init(progress_model *m, const pgm_ctx *c)
{
	memset(m, 0, sizeof *m);
	return pgm_load(m, c);
}

void pgm_free(progress_model *m)
{
	progress_free(&m->p);
	free(m->rows);
	free(m->detail);
}

void pgm_arrange(progress_model *m, int lines)
{
	m->win = sw_fit(m->p.n, m->sel, m->win.top, lines);
	sw_mark(&m->win, m->more, sizeof m->more);
}

mr_result pgm_key(progress_model *m, const pgm_ctx *c, kp_key key)
{
	(void)c;
	mr_result r = mr_done(MR_HANDLED);
	kp_action a = keymap_lookup(CTX_REPORT, key);
	size_t page = m->win.shown ? m->win.shown : 1;
	if (!sw_move(&m->sel, m->p.n, a, page)) {
		switch (a) {
		case ACT_NEXT:
			m->order = m->order == PGM_RANKED ? PGM_BY_SEQ : PGM_RANKED;
			arrange_rows(m);
			break;
		case ACT_QUIT: r.kind = MR_CLOSE; break;
		default: return r;
		}
	}
	describe(m);
	return r;
}
