/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/progress.h"

#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

static void row_init(kp_progress_row *r, size_t ncols)
{
	r->done = xcalloc(ncols ? ncols : 1, sizeof *r->done);
	r->quota = xcalloc(ncols ? ncols : 1, sizeof *r->quota);
	r->pct = xcalloc(ncols ? ncols : 1, sizeof *r->pct);
	r->waiting = xcalloc(ncols ? ncols : 1, sizeof *r->waiting);
}

static void row_free(kp_progress_row *r)
{
	free(r->name);
	free(r->done);
	free(r->quota);
	free(r->pct);
	free(r->waiting);
}

typedef struct {
	kp_progress *p;
	int *fields; /* quota form field of each column */
} quota_ctx;

static int take_quota(const kp_record *r, void *arg)
{
	quota_ctx *q = arg;
	for (size_t i = 0; i < q->p->n; i++) {
		if (q->p->rows[i].unit_id != r->unit_id)
			continue;
		for (size_t k = 0; k < q->p->ncols; k++)
			q->p->rows[i].quota[k] = strtoll(r->vals[q->fields[k]], NULL, 10);
	}
	return 0;
}

/* Best first by the exact score (scoring_cmp), then by 序号, a unit
 * exempt from every column last, unranked: an insertion sort, as qsort
 * gives its comparison no scoring; a few dozen units. */
static int row_cmp(const kp_progress *p, const kp_scoring *sc, const kp_progress_row *a, const kp_progress_row *b)
{
	if (a->exempt != b->exempt)
		return a->exempt ? -1 : 1;
	return scoring_cmp(sc, p->means, a->done, a->quota, b->done, b->quota);
}

static void rank_rows(kp_progress *p, const kp_scoring *sc)
{
	for (size_t i = 1; i < p->n; i++) {
		kp_progress_row r = p->rows[i];
		size_t j = i;
		for (; j > 0; j--) {
			const kp_progress_row *x = &p->rows[j - 1];
			int c = row_cmp(p, sc, &r, x);
			if (c < 0 || (c == 0 && x->seq <= r.seq))
				break;
			p->rows[j] = *x;
		}
		p->rows[j] = r;
	}
	/* Equal scores share a rank (并列); while no unit has anything counted
	 * nobody is ranked: every unit "first" on 1 January says nothing. */
	long long *none = xcalloc(p->ncols ? p->ncols : 1, sizeof *none);
	bool any = false;
	p->nunits = 0;
	for (size_t i = 0; i < p->n; i++) {
		const kp_progress_row *r = &p->rows[i];
		p->nunits += !r->exempt;
		any |= !r->exempt && scoring_cmp(sc, p->means, r->done, r->quota, none, r->quota) > 0;
	}
	free(none);
	for (size_t i = 0; i < p->n; i++) {
		kp_progress_row *r = &p->rows[i], *up = i ? &p->rows[i - 1] : NULL;
		bool same = up && !row_cmp(p, sc, r, up);
		r->rank = !any || r->exempt ? 0 : same ? up->rank : (int)i + 1;
		if (same && any && !r->exempt)
			r->tied = up->tied = true;
	}
}

/* 合计 takes a column's records only from the units with a quota in it: an
 * exempt unit's records (shown n/免 in its row) against quotas that leave
 * the unit out would raise the city's completion for nothing asked. */
static void add_to_total(kp_progress *p, const kp_progress_row *r)
{
	for (size_t k = 0; k < p->ncols; k++) {
		if (r->quota[k] > 0) {
			p->total.done[k] += r->done[k];
			p->total.quota[k] += r->quota[k];
		}
		if (r->waiting[k] >= 0)
			p->total.waiting[k] += r->waiting[k];
	}
}

static bool column_exempted(const kp_progress *p, size_t k)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->rows[i].quota[k] <= 0 && !p->rows[i].exempt && p->means[k].den > 0)
			return true; /* a unit exempt from all is not scored */
	return false;
}

/* 「免：该项按全市平均完成度 x.x% 计」 for the columns a shown row is
 * exempt from (each named when there are several), and why a unit
 * exempt from every column has 免 for its rank and 完成度 (it is not
 * scored at the mean, as its columns' 免 would suggest); or NULL. */
static char *exempt_note(const kp_progress *p)
{
	size_t cols = 0;
	bool all = false;
	for (size_t k = 0; k < p->ncols; k++)
		cols += column_exempted(p, k);
	for (size_t i = 0; i < p->n; i++)
		all |= p->rows[i].exempt;
	if (!cols && !all)
		return NULL;
	strbuf b = STRBUF_INIT;
	for (size_t k = 0; k < p->ncols; k++) {
		if (!column_exempted(p, k))
			continue;
		if (cols > 1)
			sb_printf(&b, "%s%s ", b.len ? "，" : "", p->labels[k]);
		sb_printf(&b, "%.1f%%", scoring_mean_pct(&p->means[k]));
	}
	strbuf t = STRBUF_INIT;
	if (cols)
		sb_printf(&t, msg(cols > 1 ? MSG_P_EXEMPT_NOTES : MSG_P_EXEMPT_NOTE), sb_str(&b));
	if (all)
		sb_printf(&t, "%s%s", cols ? "；" : "", msg(MSG_P_EXEMPT_ALL_NOTE));
	sb_free(&b);
	return sb_take(&t);
}

/* "完成度 = (科普人才 + 2*科普活动 + …) / 5", from the scoring itself so
 * the screen can never disagree with the numbers. ASCII operators: × and ÷
 * are ambiguous-width and break alignment in CJK terminals. */
static char *formula_text(const kp_scoring *sc, const char **labels)
{
	strbuf b = STRBUF_INIT;
	int weights = 0;
	sb_printf(&b, "%s = (", msg(MSG_P_SCORE));
	for (size_t k = 0; k < sc->ncols; k++) {
		sb_adds(&b, k ? " + " : "");
		if (sc->cols[k].weight != 1)
			sb_printf(&b, "%d*", sc->cols[k].weight);
		sb_adds(&b, labels[k]);
		weights += sc->cols[k].weight;
	}
	sb_printf(&b, ") / %d", weights);
	return sb_take(&b);
}

/* Keep only the unit's row; the 合计 becomes that row's figures. */
static void keep_unit(kp_progress *p, long long unit_id)
{
	size_t k = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (p->rows[i].unit_id == unit_id && k == 0) {
			p->rows[k++] = p->rows[i];
		} else {
			row_free(&p->rows[i]);
		}
	}
	p->n = k;
	for (size_t c = 0; c < p->ncols; c++) {
		p->total.done[c] = p->total.quota[c] = 0;
		p->total.waiting[c] = k && p->rows[0].waiting[c] >= 0 ? 0 : -1;
	}
	if (k)
		add_to_total(p, &p->rows[0]);
}

int progress_build(kp_progress *p, kp_env *e, long long unit_id)
{
	const kp_scoring *sc = &e->cat.scoring;
	const kp_form *qf = catalog_form(&e->cat, sc->quota_form);
	memset(p, 0, sizeof *p);
	p->year = store_year(e->store);
	p->ncols = sc->ncols;
	p->labels = xcalloc(p->ncols ? p->ncols : 1, sizeof *p->labels);
	quota_ctx q = {p, xcalloc(p->ncols ? p->ncols : 1, sizeof(int))};
	for (size_t k = 0; k < p->ncols; k++) {
		q.fields[k] = form_field_index(qf, sc->cols[k].quota);
		p->labels[k] = qf->fields[q.fields[k]].label;
	}
	kp_unit *units;
	p->n = store_units(e->store, &units);
	p->rows = xcalloc(p->n ? p->n : 1, sizeof *p->rows);
	for (size_t i = 0; i < p->n; i++) {
		row_init(&p->rows[i], p->ncols);
		p->rows[i].unit_id = units[i].id;
		p->rows[i].seq = units[i].seq;
		p->rows[i].name = xstrdup(units[i].name);
	}
	row_init(&p->total, p->ncols);
	p->total.name = xstrdup(msg(MSG_P_TOTAL));
	long long *counts = xcalloc(p->n ? p->n : 1, sizeof *counts);
	for (size_t k = 0; k < p->ncols; k++) {
		const kp_form *cf = catalog_form(&e->cat, sc->cols[k].count);
		store_unit_counts(e->store, cf, cf->review ? sc->cols[k].state : NULL, units, p->n, counts);
		for (size_t i = 0; i < p->n; i++)
			p->rows[i].done[k] = counts[i];
		/* submitted and waiting for the city: shown beside the approved */
		if (cf->review)
			store_unit_counts(e->store, cf, "submitted", units, p->n, counts);
		for (size_t i = 0; i < p->n; i++)
			p->rows[i].waiting[k] = cf->review ? counts[i] : -1;
		p->total.waiting[k] = cf->review ? 0 : -1;
	}
	free(counts);
	unit_list_free(units, p->n);
	int rc = store_each(e->store, qf, 0, NULL, take_quota, &q, NULL);
	free(q.fields);
	/* An exempt column's score: the city-wide completion, from every
	 * unit's figures even in a unit's view (which reads only its own). */
	const kp_form **cfs = xcalloc(p->ncols ? p->ncols : 1, sizeof *cfs);
	for (size_t k = 0; k < p->ncols; k++)
		cfs[k] = catalog_form(&e->cat, sc->cols[k].count);
	p->means = xcalloc(p->ncols ? p->ncols : 1, sizeof *p->means);
	store_score_means(e->store, sc, qf, cfs, p->means);
	for (size_t i = 0; i < p->n; i++) {
		kp_progress_row *r = &p->rows[i];
		r->score = scoring_score(sc, p->means, r->done, r->quota, r->pct);
		r->exempt = scoring_all_exempt(sc, r->quota);
		add_to_total(p, r);
	}
	rank_rows(p, sc);
	if (unit_id) {
		keep_unit(p, unit_id);
		/* Ranked above among this session's rows only (the others read
		 * as empty): the store ranks over every unit. */
		int rank = 0;
		bool tied = false;
		if (p->n && store_unit_rank(e->store, sc, qf, cfs, unit_id, &rank, &tied, &p->nunits) == KP_OK) {
			p->rows[0].rank = rank;
			p->rows[0].tied = tied;
		}
	}
	free(cfs);
	p->total.score = scoring_score(sc, p->means, p->total.done, p->total.quota, p->total.pct);
	p->formula = formula_text(sc, p->labels);
	p->formula_note = xasprintf(msg(MSG_P_FORMULA_NOTE), sc->cap_percent);
	p->exempt_note = exempt_note(p);
	return rc == KP_OK ? 0 : -1;
}

void progress_free(kp_progress *p)
{
	for (size_t i = 0; i < p->n; i++)
		row_free(&p->rows[i]);
	row_free(&p->total);
	free(p->rows);
	free(p->labels);
	free(p->formula);
	free(p->formula_note);
	free(p->exempt_note);
	free(p->means);
	memset(p, 0, sizeof *p);
}

bool progress_exempt_from(kp_env *e, long long unit_id, const char *form_id)
{
	const kp_scoring *sc = &e->cat.scoring;
	const kp_form *qf = catalog_form(&e->cat, sc->quota_form);
	long long id = qf ? store_unit_record(e->store, qf, unit_id) : 0;
	kp_record r;
	if (!id || store_get(e->store, qf, id, &r, NULL) != KP_OK)
		return false; /* no 附表1 yet: nothing exempted */
	bool exempt = false;
	for (size_t k = 0; k < sc->ncols; k++)
		if (!strcmp(sc->cols[k].count, form_id) && sc->cols[k].weight > 0)
			exempt = strtoll(r.vals[form_field_index(qf, sc->cols[k].quota)], NULL, 10) <= 0;
	record_free(&r);
	return exempt;
}

const kp_progress_row *progress_unit(const kp_progress *p, long long unit_id)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->rows[i].unit_id == unit_id)
			return &p->rows[i];
	return NULL;
}

char *progress_waiting_text(const kp_progress *p, const kp_progress_row *r)
{
	strbuf b = STRBUF_INIT;
	for (size_t k = 0; k < p->ncols; k++)
		if (r->waiting[k] >= 0)
			sb_printf(&b, msg(MSG_P_WAITING), b.len ? "，" : "", p->labels[k], r->done[k], r->waiting[k]);
	return sb_take(&b);
}

char *progress_rank_text(const kp_progress_row *r)
{
	if (r->exempt)
		return xstrdup(msg(MSG_P_EXEMPT));
	if (!r->rank)
		return xstrdup("");
	return r->tied ? xasprintf(msg(MSG_P_TIED), r->rank) : xasprintf("%d", r->rank);
}

char *progress_score_text(const kp_progress_row *r)
{
	return r->exempt ? xstrdup(msg(MSG_P_EXEMPT)) : xasprintf("%5.1f%%", r->score);
}

char *progress_cell_text(const kp_progress_row *r, size_t k)
{
	if (r->quota[k] > 0)
		return xasprintf("%lld/%lld", r->done[k], r->quota[k]);
	/* exempt (quota 0): scored at the city's mean; what was done anyway is shown */
	return r->done[k] ? xasprintf("%lld/%s", r->done[k], msg(MSG_P_EXEMPT)) : xstrdup(msg(MSG_P_EXEMPT));
}
