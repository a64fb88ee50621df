/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "form/yschema.h"

/* Read 1-2 ASCII digits. */
static bool small_number(const char **p, int *v)
{
	int n = 0, x = 0;
	while (**p >= '0' && **p <= '9' && n < 2)
		x = x * 10 + (*(*p)++ - '0'), n++;
	*v = x;
	return n > 0;
}

static bool eat(const char **p, const char *lit)
{
	size_t n = strlen(lit);
	if (strncmp(*p, lit, n))
		return false;
	*p += n;
	return true;
}

/* Due dates as the document writes them: 7月15日, 6月底, 每月3日. */
static bool parse_due(const char *text, int year, kp_milestone *m)
{
	const char *p = text;
	if (eat(&p, "每月")) {
		m->monthly = true;
		return small_number(&p, &m->due_day) && m->due_day >= 1 && m->due_day <= 28 &&
		       eat(&p, "日") && !*p;
	}
	if (!small_number(&p, &m->due_month) || m->due_month < 1 || m->due_month > 12 ||
	    !eat(&p, "月"))
		return false;
	if (eat(&p, "底")) {
		m->due_day = 0;
		return !*p;
	}
	return small_number(&p, &m->due_day) && m->due_day >= 1 &&
	       m->due_day <= date_days_in_month(year, m->due_month) && eat(&p, "日") && !*p;
}

static int int_in(ychk *c, const ynode *map, const char *key, int lo, int hi, int def)
{
	long long v;
	if (!ychk_int(c, map, key, &v))
		return def;
	if (v < lo || v > hi) {
		ychk_err(c, yn_get(map, key), msg(MSG_L_RANGE), v, lo, hi);
		return def;
	}
	return (int)v;
}

static char **string_seq(ychk *c, const ynode *n, size_t *count)
{
	*count = 0;
	if (!n || !ychk_is_seq(c, n))
		return NULL;
	char **out = xcalloc(n->n ? n->n : 1, sizeof *out);
	for (size_t i = 0; i < n->n; i++) {
		if (n->kids[i]->kind != YN_SCALAR || !n->kids[i]->value[0]) {
			ychk_err(c, n->kids[i], "%s", msg(MSG_L_WANT_SCALAR));
			continue;
		}
		out[(*count)++] = xstrdup(n->kids[i]->value);
	}
	return out;
}

/* done: manual | {records: [form, …]} */
static void load_done(ychk *c, const ynode *m, kp_milestone *ms)
{
	static const char *const keys[] = {"records", NULL};
	const ynode *done = yn_get(m, "done");
	if (done)
		ms->line = done->line, ms->col = done->col;
	if (!done) {
		ychk_err(c, m, msg(MSG_L_MISSING_KEY), "done");
		return;
	}
	if (done->kind == YN_SCALAR) {
		if (strcmp(done->value, "manual"))
			ychk_err(c, done, msg(MSG_L_DONE), done->value);
		return;
	}
	if (!ychk_is_map(c, done))
		return;
	ychk_keys(c, done, keys);
	ms->records = string_seq(c, yn_get(done, "records"), &ms->nrecords);
	if (!ms->nrecords)
		ychk_err(c, done, msg(MSG_L_MISSING_KEY), "records");
}

static void load_milestone(ychk *c, const ynode *m, int year, kp_milestone *ms)
{
	static const char *const keys[] = {"id", "item", "title", "brief", "owner", "due", "done", NULL};
	ms->line = m->line, ms->col = m->col;
	if (!ychk_is_map(c, m))
		return;
	ychk_keys(c, m, keys);
	const char *id = ychk_str(c, m, "id", true);
	const char *title = ychk_str(c, m, "title", true);
	const char *brief = ychk_str(c, m, "brief", true);
	const char *owner = ychk_str(c, m, "owner", true);
	const char *due = ychk_str(c, m, "due", true);
	ms->item = int_in(c, m, "item", 1, 99, 0);
	ms->id = xstrdup(id ? id : "");
	ms->title = xstrdup(title ? title : "");
	ms->brief = xstrdup(brief ? brief : "");
	if (brief && utf8_width(brief) > 4)
		ychk_err(c, yn_get(m, "brief"), msg(MSG_L_BRIEF), brief);
	if (owner && !strcmp(owner, "unit"))
		ms->owner = OWNER_UNIT;
	else if (owner && strcmp(owner, "city"))
		ychk_err(c, yn_get(m, "owner"), msg(MSG_L_OWNER), "owner", owner);
	if (due && !parse_due(due, year, ms))
		ychk_err(c, yn_get(m, "due"), msg(MSG_L_DUE), due);
	load_done(c, m, ms);
}

static void load_reporting(ychk *c, const ynode *r, kp_schedule *s)
{
	static const char *const keys[] = {"from", "to", "form", "field", NULL};
	if (!r) {
		ychk_err(c, NULL, msg(MSG_L_MISSING_KEY), "reporting");
		return;
	}
	if (!ychk_is_map(c, r))
		return;
	s->line = r->line, s->col = r->col;
	ychk_keys(c, r, keys);
	s->month_from = int_in(c, r, "from", 1, 12, 1);
	s->month_to = int_in(c, r, "to", 1, 12, 12);
	if (s->month_to < s->month_from)
		ychk_err(c, r, msg(MSG_L_MIN_MAX), (long)s->month_from, (long)s->month_to);
	const char *form = ychk_str(c, r, "form", true), *field = ychk_str(c, r, "field", true);
	s->report_form = xstrdup(form ? form : "");
	s->month_field = xstrdup(field ? field : "");
}

/* A config file: parse, check it is a map with only these keys, then let
 * load read it. 0, or -1 after adding every problem to d. */
static int parse_config(const char *file, const char *data, size_t len, kp_diag *d,
			const char *const *keys, void (*load)(ychk *c, const ynode *root, void *out),
			void *out)
{
	ychk c = {file, d, 0};
	ynode *root = yn_parse(file, data, len, d);
	if (!root)
		return -1;
	if (ychk_is_map(&c, root)) {
		ychk_keys(&c, root, keys);
		load(&c, root, out);
	}
	yn_free(root);
	return c.errors ? -1 : 0;
}

static void load_schedule(ychk *c, const ynode *root, void *out)
{
	kp_schedule *s = out;
	s->year = int_in(c, root, "year", 2000, 2099, 2016);
	if (!yn_get(root, "year"))
		ychk_err(c, root, msg(MSG_L_MISSING_KEY), "year");
	s->first_year = s->year;
	s->last_year = int_in(c, root, "last_year", s->year, 2099, s->year);
	load_reporting(c, yn_get(root, "reporting"), s);
	const ynode *list = yn_get(root, "milestones");
	if (!list) {
		ychk_err(c, root, msg(MSG_L_MISSING_KEY), "milestones");
		return;
	}
	if (!ychk_is_seq(c, list))
		return;
	s->ms = xcalloc(list->n ? list->n : 1, sizeof *s->ms);
	for (size_t i = 0; i < list->n; i++) {
		kp_milestone *m = &s->ms[s->n++];
		load_milestone(c, list->kids[i], s->year, m);
		for (size_t j = 0; j + 1 < s->n; j++)
			if (m->id[0] && !strcmp(s->ms[j].id, m->id))
				ychk_err(c, list->kids[i], msg(MSG_L_DUP_MILESTONE), m->id, s->ms[j].line);
	}
}

int schedule_parse(kp_schedule *s, const char *file, const char *data, size_t len, kp_diag *d)
{
	static const char *const keys[] = {"source", "year", "last_year", "reporting", "milestones", NULL};
	memset(s, 0, sizeof *s);
	return parse_config(file, data, len, d, keys, load_schedule, s);
}

int schedule_last_year(const kp_schedule *s)
{
	return s->year > s->last_year ? s->year : s->last_year;
}

void schedule_free(kp_schedule *s)
{
	for (size_t i = 0; i < s->n; i++) {
		kp_milestone *m = &s->ms[i];
		free(m->id);
		free(m->title);
		free(m->brief);
		for (size_t k = 0; k < m->nrecords; k++)
			free(m->records[k]);
		free(m->records);
	}
	free(s->ms);
	free(s->report_form);
	free(s->month_field);
	memset(s, 0, sizeof *s);
}

int schedule_nmonths(const kp_schedule *s)
{
	return s->month_to >= s->month_from && s->month_from ? s->month_to - s->month_from + 1 : 0;
}

void schedule_next_month(int y, int m, int day, int *oy, int *om, int *od)
{
	*oy = y + m / 12;
	*om = m % 12 + 1;
	*od = day ? day : date_days_in_month(*oy, *om);
}

bool schedule_summary_day(const kp_schedule *s, const char *month, int *y, int *mo, int *d)
{
	int my, mm;
	char tail;
	if (!month || sscanf(month, "%4d-%2d%c", &my, &mm, &tail) != 2 || mm < 1 || mm > 12)
		return false;
	for (size_t i = 0; i < s->n; i++)
		if (s->ms[i].monthly && s->ms[i].owner == OWNER_CITY) {
			schedule_next_month(my, mm, s->ms[i].due_day, y, mo, d);
			return true;
		}
	return false;
}

void schedule_month(const kp_schedule *s, int i, char *out)
{
	unsigned y = (unsigned)s->year % 10000u, m = (unsigned)(s->month_from + i) % 100u;
	snprintf(out, 8, "%04u-%02u", y, m);
}

static void load_scoring(ychk *c, const ynode *root, void *out)
{
	static const char *const col_keys[] = {"quota", "count", "weight", "state", NULL};
	kp_scoring *s = out;
	const char *qf = ychk_str(c, root, "quota_form", true);
	s->quota_form = xstrdup(qf ? qf : "");
	if (qf)
		s->line = yn_get(root, "quota_form")->line, s->col = yn_get(root, "quota_form")->col;
	s->cap_percent = int_in(c, root, "cap_percent", 1, 1000, 100);
	const ynode *cols = yn_get(root, "columns");
	if (!cols) {
		ychk_err(c, root, msg(MSG_L_MISSING_KEY), "columns");
		return;
	}
	if (!ychk_is_seq(c, cols))
		return;
	s->cols = xcalloc(cols->n ? cols->n : 1, sizeof *s->cols);
	for (size_t i = 0; i < cols->n; i++) {
		const ynode *col = cols->kids[i];
		if (!ychk_is_map(c, col))
			continue;
		ychk_keys(c, col, col_keys);
		const char *q = ychk_str(c, col, "quota", true);
		const char *n = ychk_str(c, col, "count", true);
		kp_score_column *sc = &s->cols[s->ncols++];
		sc->quota = xstrdup(q ? q : "");
		sc->count = xstrdup(n ? n : "");
		sc->weight = int_in(c, col, "weight", 0, 100, 1);
		const char *state = ychk_str(c, col, "state", false);
		if (state && strcmp(state, "submitted") && strcmp(state, "approved"))
			ychk_err(c, yn_get(col, "state"), msg(MSG_L_STATE), state);
		sc->state = state ? xstrdup(state) : NULL;
		sc->line = col->line, sc->col = col->col;
	}
}

int scoring_parse(kp_scoring *s, const char *file, const char *data, size_t len, kp_diag *d)
{
	static const char *const keys[] = {"source", "quota_form", "cap_percent", "columns", NULL};
	memset(s, 0, sizeof *s);
	return parse_config(file, data, len, d, keys, load_scoring, s);
}

void scoring_free(kp_scoring *s)
{
	for (size_t i = 0; i < s->ncols; i++) {
		free(s->cols[i].quota);
		free(s->cols[i].count);
		free(s->cols[i].state);
	}
	free(s->cols);
	free(s->quota_form);
	memset(s, 0, sizeof *s);
}

/* Section 六 asks for a fair 考核: a column the city exempted a unit from
 * (quota 0, 免) scores what the units with a quota there reached on
 * average, its weight kept. Left out of the unit's average, it scored the
 * unit's own average of its other columns, so asking for 0 in the weakest
 * column moved a unit ahead of peers with the same work (t4h #2); counted
 * as met, it ranked units with no records first (t3h #5). */
void scoring_means(const kp_scoring *sc, const long long *done, const long long *quota, size_t n,
		   kp_score_mean *means)
{
	for (size_t k = 0; k < sc->ncols; k++) {
		long long num = 0, den = 0;
		for (size_t i = 0; i < n; i++) {
			long long q = quota[i * sc->ncols + k], d = done[i * sc->ncols + k];
			if (q <= 0)
				continue;
			long long have = d > 0 ? d * 100 : 0, cap = q * sc->cap_percent;
			num += have < cap ? have : cap;
			den += q * 100;
		}
		means[k] = (kp_score_mean){num, den};
	}
}

bool scoring_all_exempt(const kp_scoring *sc, const long long *quota)
{
	for (size_t k = 0; k < sc->ncols; k++)
		if (quota[k] > 0 && sc->cols[k].weight > 0)
			return false;
	return true;
}

/* Column k's share of a unit's score as t ÷ q (1 = 100 %), weight w; false
 * when it counts for nobody (no weight, or no unit has a quota there). */
static bool column_part(const kp_scoring *sc, const kp_score_mean *means, size_t k, long long done,
			long long quota, long long *t, long long *q)
{
	if (sc->cols[k].weight <= 0)
		return false;
	if (quota > 0) {
		long long have = done > 0 ? done * 100 : 0, cap = quota * sc->cap_percent;
		*t = have < cap ? have : cap;
		*q = quota * 100;
		return true;
	}
	*t = means[k].num;
	*q = means[k].den;
	return means[k].den > 0;
}

/* The unrounded percent, as a double: the fallback of exact_score. */
static double double_score(const kp_scoring *sc, const kp_score_mean *means, const long long *done,
			   const long long *quota)
{
	double sum = 0, weights = 0;
	for (size_t k = 0; k < sc->ncols; k++) {
		long long t, q;
		if (!column_part(sc, means, k, done[k], quota[k], &t, &q))
			continue;
		sum += sc->cols[k].weight * 100.0 * (double)t / (double)q;
		weights += sc->cols[k].weight;
	}
	return weights > 0 ? sum / weights : 0;
}

/* Exact scores: the sum of doubles 100 × done ÷ quota gave 1/6 and
 * 1/9 + 1/18 different values, so equal work ranked apart. A score is the
 * fraction num/den of Σ w·t ÷ q ÷ Σ w over the columns that count
 * (column_part), in unsigned 128-bit integers reduced as they are summed:
 * quotas are at most 100000 (附表1), so a denominator of four columns
 * stays below 10^33; a sum that would not fit is compared as doubles (more
 * columns of large coprime quotas than ranking.yaml has). */
typedef unsigned __int128 u128;

static u128 gcd128(u128 a, u128 b)
{
	while (b) {
		u128 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static bool exact_score(const kp_scoring *sc, const kp_score_mean *means, const long long *done,
			const long long *quota, u128 *num, u128 *den)
{
	u128 n = 0, d = 1, w = 0;
	for (size_t k = 0; k < sc->ncols; k++) {
		long long tt, qq;
		if (!column_part(sc, means, k, done[k], quota[k], &tt, &qq))
			continue;
		u128 q = (u128)qq, t = (u128)tt * (u128)sc->cols[k].weight, g = gcd128(d, q), l, a, b;
		if (__builtin_mul_overflow(d / g, q, &l) || __builtin_mul_overflow(n, l / d, &a) ||
		    __builtin_mul_overflow(t, l / q, &b) || __builtin_add_overflow(a, b, &n))
			return false;
		d = l;
		g = gcd128(n, d);
		n /= g ? g : 1;
		d /= g ? g : 1;
		w += (u128)sc->cols[k].weight;
	}
	if (w && __builtin_mul_overflow(d, w, &d))
		return false;
	*num = n;
	*den = d;
	return true;
}

/* n ÷ d (1 = 100 %) as a percent rounded half-up to 0.1: the one rounding
 * shown everywhere (printf's "%.1f" of 8.25 gave 8.2, the workbook 8.3). */
static double tenths(u128 n, u128 d, double fallback)
{
	u128 x;
	if (!d)
		return 0;
	if (__builtin_mul_overflow(n, (u128)2000, &x) || __builtin_add_overflow(x, d, &x))
		return (double)(long long)(fallback * 10 + 0.5) / 10;
	return (double)(long long)(x / (2 * d)) / 10;
}

double scoring_mean_pct(const kp_score_mean *m)
{
	return m->den > 0 ? tenths((u128)m->num, (u128)m->den, 100.0 * (double)m->num / (double)m->den) : -1;
}

double scoring_score(const kp_scoring *sc, const kp_score_mean *means, const long long *done,
		     const long long *quota, double *pct)
{
	for (size_t k = 0; k < sc->ncols; k++)
		pct[k] = quota[k] > 0 ? 100.0 * (double)done[k] / (double)quota[k] : -1;
	double approx = double_score(sc, means, done, quota);
	u128 n, d;
	return exact_score(sc, means, done, quota, &n, &d) ? tenths(n, d, approx)
							    : (double)(long long)(approx * 10 + 0.5) / 10;
}

/* a/b against c/d without their products (which need not fit): whole
 * parts first, then the remainders' reciprocals, reversed. */
static int frac_cmp(u128 a, u128 b, u128 c, u128 d)
{
	for (int sign = 1;; sign = -sign) {
		u128 qa = a / b, qc = c / d;
		if (qa != qc)
			return qa < qc ? -sign : sign;
		a %= b;
		c %= d;
		if (!a || !c)
			return !a && !c ? 0 : !a ? -sign : sign;
		/* both below 1: a/b < c/d ⇔ b/a > d/c */
		u128 t = a;
		a = b, b = t;
		t = c;
		c = d, d = t;
	}
}

int scoring_cmp(const kp_scoring *sc, const kp_score_mean *means, const long long *done_a,
		const long long *quota_a, const long long *done_b, const long long *quota_b)
{
	u128 na, da, nb, db;
	if (exact_score(sc, means, done_a, quota_a, &na, &da) && exact_score(sc, means, done_b, quota_b, &nb, &db))
		return frac_cmp(na, da, nb, db);
	double a = double_score(sc, means, done_a, quota_a), b = double_score(sc, means, done_b, quota_b);
	return a < b ? -1 : a > b;
}
