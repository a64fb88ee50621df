/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "form/catalog.h"

#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"
#include "core/file.h"
#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "form/yschema.h"

static const char *const pattern_keys[] = {"pattern", "message", "normalise", "examples", NULL};

static unsigned parse_normalise(ychk *c, const ynode *n)
{
	static const struct { const char *name; unsigned bit; } names[] = {
		{"fullwidth", NORM_FULLWIDTH}, {"name_dots", NORM_NAME_DOTS}, {"lower", NORM_LOWER},
	};
	unsigned bits = 0;
	if (!n || !ychk_is_seq(c, n))
		return 0;
	for (size_t i = 0; i < n->n; i++) {
		const ynode *v = n->kids[i];
		bool ok = false;
		for (size_t j = 0; j < sizeof names / sizeof names[0]; j++)
			if (v->kind == YN_SCALAR && !strcmp(v->value, names[j].name)) {
				bits |= names[j].bit;
				ok = true;
			}
		if (!ok)
			ychk_err(c, v, msg(MSG_L_UNKNOWN_KEY), v->kind == YN_SCALAR ? v->value : "…");
	}
	return bits;
}

/* area_codes: a map from an area code (0 and 2 or 3 digits) to its local
 * numbers' length (7 or 8) and place. */
static void load_areas(kp_catalog *cat, ychk *c, const ynode *map)
{
	static const char *const keys[] = {"digits", "place", NULL};
	if (!map || !ychk_is_map(c, map))
		return;
	cat->areas = xcalloc(map->n / 2 + 1, sizeof *cat->areas);
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const ynode *k = map->kids[i], *v = map->kids[i + 1];
		size_t n = strlen(k->value);
		long long digits = 0;
		if (k->value[0] != '0' || n < 3 || n > 4 || !text_all_digits(k->value)) {
			ychk_err(c, k, msg(MSG_L_AREA_CODE), k->value);
			continue;
		}
		if (!ychk_is_map(c, v))
			continue;
		ychk_keys(c, v, keys);
		const char *place = ychk_str(c, v, "place", true);
		if (!ychk_int(c, v, "digits", &digits) || digits < 7 || digits > 8) {
			ychk_err(c, v, msg(MSG_L_AREA_DIGITS), k->value);
			continue;
		}
		kp_area *a = &cat->areas[cat->nareas++];
		memcpy(a->code, k->value, n + 1);
		a->digits = (int)digits;
		a->place = xstrdup(place ? place : "");
	}
}

static void load_patterns(kp_catalog *cat, ychk *c, const ynode *root)
{
	static const char *const top_keys[] = {"patterns", "local_area_code", "area_codes", NULL};
	if (!ychk_is_map(c, root))
		return;
	ychk_keys(c, root, top_keys);
	const char *area = ychk_str(c, root, "local_area_code", true);
	cat->local_area_code = xstrdup(area ? area : "");
	load_areas(cat, c, yn_get(root, "area_codes"));
	const ynode *pats = yn_get(root, "patterns");
	if (!pats || !ychk_is_map(c, pats))
		return;
	cat->patterns = xcalloc(pats->n / 2, sizeof *cat->patterns);
	for (size_t i = 0; i + 1 < pats->n; i += 2) {
		const ynode *def = pats->kids[i + 1];
		if (!ychk_is_map(c, def))
			continue;
		ychk_keys(c, def, pattern_keys);
		const char *src = ychk_str(c, def, "pattern", true);
		const char *message = ychk_str(c, def, "message", false);
		unsigned norm = parse_normalise(c, yn_get(def, "normalise"));
		if (!src)
			continue;
		kp_pattern *p = &cat->patterns[cat->npatterns];
		int off;
		char err[256];
		if (pattern_compile(p, src, &off, err, sizeof err) != 0) {
			ychk_err(c, yn_get(def, "pattern"), msg(MSG_L_PCRE), off, err);
			continue;
		}
		p->name = xstrdup(pats->kids[i]->value);
		p->message = message ? xstrdup(message) : NULL;
		p->normalise = norm;
		cat->npatterns++;
	}
}

/* A list file: `items:` (a sequence of strings) and optional `aliases:`
 * (a map from another spelling to an item). `source:` documents origin. */
static void load_list(kp_list *l, ychk *c, const ynode *root)
{
	static const char *const keys[] = {"items", "aliases", "source", NULL};
	if (!ychk_is_map(c, root))
		return;
	ychk_keys(c, root, keys);
	const ynode *items = yn_get(root, "items");
	if (!items) {
		ychk_err(c, root, msg(MSG_L_MISSING_KEY), "items");
		return;
	}
	if (!ychk_is_seq(c, items))
		return;
	if (items->n == 0)
		ychk_err(c, items, "%s", msg(MSG_L_EMPTY_LIST));
	l->items = xcalloc(items->n, sizeof *l->items);
	for (size_t i = 0; i < items->n; i++) {
		const ynode *v = items->kids[i];
		if (v->kind != YN_SCALAR || !v->value[0]) {
			ychk_err(c, v, "%s", msg(MSG_L_WANT_SCALAR));
			continue;
		}
		if (!ychk_safe_text(c, v))
			continue;
		if (list_find(l, v->value) >= 0) {
			ychk_err(c, v, msg(MSG_L_DUP_CHOICE), v->value);
			continue;
		}
		l->items[l->n++] = xstrdup(v->value);
	}
	const ynode *al = yn_get(root, "aliases");
	if (!al || !ychk_is_map(c, al))
		return;
	l->alias_from = xcalloc(al->n / 2, sizeof *l->alias_from);
	l->alias_to = xcalloc(al->n / 2, sizeof *l->alias_to);
	for (size_t i = 0; i + 1 < al->n; i += 2) {
		const ynode *to = al->kids[i + 1];
		if (to->kind != YN_SCALAR || list_find(l, to->value) < 0) {
			ychk_err(c, to, msg(MSG_V_CHOICE), to->kind == YN_SCALAR ? to->value : "…");
			continue;
		}
		l->alias_from[l->naliases] = xstrdup(al->kids[i]->value);
		l->alias_to[l->naliases++] = xstrdup(to->value);
	}
}

/* "data/lists/ethnic.yaml" -> "ethnic" */
static char *list_name(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *dot = strrchr(b, '.');
	return xstrndup(b, dot ? (size_t)(dot - b) : strlen(b));
}

static ynode *parse_file(const kp_file *f, kp_diag *d)
{
	return yn_parse(f->path, f->data, f->len, d);
}

/* A view's id and 附表 number must not collide with a form's or a view's. */
static void add_view(kp_catalog *cat, kp_view *v, kp_diag *d)
{
	if (!v)
		return;
	for (size_t j = 0; j < cat->nforms; j++) {
		const kp_form *g = cat->forms[j];
		if (!strcmp(g->id, v->id) || (v->attachment && g->attachment == v->attachment)) {
			diag_add(d, v->file, 1, 1, msg(MSG_L_DUP_FORM), v->id, g->file);
			view_free(v);
			return;
		}
	}
	for (size_t j = 0; j < cat->nviews; j++)
		if (!strcmp(cat->views[j]->id, v->id) ||
		    (v->attachment && cat->views[j]->attachment == v->attachment)) {
			diag_add(d, v->file, 1, 1, msg(MSG_L_DUP_FORM), v->id, cat->views[j]->file);
			view_free(v);
			return;
		}
	cat->views[cat->nviews++] = v;
}

/* config/patterns.yaml, schedule.yaml and ranking.yaml (each overridable
 * from config_dir); a missing one is reported. */
static void load_config(kp_catalog *cat, const char *config_dir, kp_diag *d)
{
	kp_file *files;
	char *err;
	size_t n = files_overlay("config", config_dir, ".yaml", &files, &err);
	if (err) {
		diag_add(d, config_dir, 0, 0, msg(MSG_L_READ), err);
		free(err);
	}
	bool seen[3] = {false, false, false};
	for (size_t i = 0; i < n; i++) {
		const kp_file *f = &files[i];
		const char *base = strrchr(f->path, '/') ? strrchr(f->path, '/') + 1 : f->path;
		if (!strcmp(base, "patterns.yaml")) {
			ychk c = {f->path, d, 0};
			ynode *root = parse_file(f, d);
			if (root)
				load_patterns(cat, &c, root);
			yn_free(root);
			seen[0] = true;
		} else if (!strcmp(base, "schedule.yaml")) {
			schedule_parse(&cat->schedule, f->path, f->data, f->len, d);
			cat->schedule_text = xstrndup(f->data, f->len);
			seen[1] = true;
		} else if (!strcmp(base, "ranking.yaml")) {
			scoring_parse(&cat->scoring, f->path, f->data, f->len, d);
			seen[2] = true;
		}
	}
	files_free(files, n);
	static const char *const names[] = {"config/patterns.yaml", "config/schedule.yaml",
					    "config/ranking.yaml"};
	for (int i = 0; i < 3; i++)
		if (!seen[i])
			diag_add(d, names[i], 0, 0, "%s", msg(MSG_L_NO_FILE));
	if (!cat->local_area_code)
		cat->local_area_code = xstrdup("");
}

/* The reporting months (of the programme year in use) as a choice list,
 * so the month of a report is picked, never typed wrong. */
static void fill_month_list(kp_list *l, const kp_schedule *s)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->n = 0;
	int n = schedule_nmonths(s);
	l->items = xcalloc(n ? (size_t)n : 1, sizeof *l->items);
	for (int i = 0; i < n; i++) {
		char m[8];
		schedule_month(s, i, m);
		l->items[l->n++] = xstrdup(m);
	}
}

static void add_month_list(kp_catalog *cat)
{
	kp_list *l = &cat->lists[cat->nlists++];
	l->name = xstrdup(KP_REPORT_MONTH_LIST);
	fill_month_list(l, &cat->schedule);
}

static void need_form(const kp_catalog *cat, const char *file, int line, int col, const char *id,
		      kp_diag *d)
{
	if (!catalog_form(cat, id))
		diag_add(d, file, line, col, msg(MSG_L_UNKNOWN_FORM), id);
}

static void need_field(const kp_catalog *cat, const char *file, int line, int col, const char *form,
		       const char *field, kp_diag *d)
{
	const kp_form *f = catalog_form(cat, form);
	if (f && form_field_index(f, field) < 0)
		diag_add(d, file, line, col, msg(MSG_L_FORM_NO_FIELD), form, field);
}

/* A prefill names another form and fields of the right types in it. */
static void check_prefill(const kp_catalog *cat, const kp_form *f, const kp_field *fd, kp_diag *d)
{
	const kp_prefill *p = fd->prefill;
	const kp_form *src = catalog_form(cat, p->from);
	const char *why = NULL;
	int k;
	if (!src)
		why = p->from;
	else if ((k = form_field_index(src, p->date)) < 0 || src->fields[k].type != FT_DATE)
		why = p->date;
	else if (p->sum && ((k = form_field_index(src, p->sum)) < 0 || src->fields[k].type != FT_INTEGER))
		why = p->sum;
	else if (p->when_field && form_field_index(src, p->when_field) < 0)
		why = p->when_field;
	else if (p->evidence && !src->evidence)
		why = "evidence";
	if (why) {
		char *what = xasprintf(msg(MSG_L_PREFILL_REF), p->from, why);
		diag_add(d, f->file, p->line, p->col, msg(MSG_L_PREFILL), fd->id, what);
		free(what);
	}
}

/* A schedule names forms and fields: they must be loaded. */
static void check_schedule_refs(const kp_catalog *cat, const kp_schedule *s, const char *sf,
				kp_diag *d)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < s->ms[i].nrecords; k++)
			need_form(cat, sf, s->ms[i].line, s->ms[i].col, s->ms[i].records[k], d);
	if (s->report_form) {
		need_form(cat, sf, s->line, s->col, s->report_form, d);
		need_field(cat, sf, s->line, s->col, s->report_form, s->month_field, d);
	}
}

int catalog_use_schedule(kp_catalog *cat, int year, const char *text, kp_diag *d)
{
	kp_schedule s = {0};
	size_t before = d->n;
	if (!text)
		text = cat->schedule_text ? cat->schedule_text : "";
	if (schedule_parse(&s, "schedule.yaml", text, strlen(text), d) != 0) {
		schedule_free(&s);
		return -1;
	}
	check_schedule_refs(cat, &s, "schedule.yaml", d);
	if (d->n > before) {
		schedule_free(&s);
		return -1;
	}
	s.year = year; /* the same shape, its dates read in this year */
	schedule_free(&cat->schedule);
	cat->schedule = s;
	const kp_list *l = catalog_list(cat, KP_REPORT_MONTH_LIST);
	if (l) /* fields hold the list by address: refilled in place */
		fill_month_list((kp_list *)l, &cat->schedule);
	return 0;
}

/* A record field names a form and fields of it (not record fields: a
 * label is never built through two links); state needs a reviewed form. */
static void resolve_ref(const kp_catalog *cat, const kp_form *f, kp_field *fd, kp_diag *d)
{
	kp_ref *r = fd->ref;
	const kp_form *to = catalog_form(cat, r->form_id);
	char *why = NULL;
	if (!to)
		why = xasprintf(msg(MSG_L_UNKNOWN_FORM), r->form_id);
	else if (r->state && !to->review)
		why = xasprintf(msg(MSG_L_REF_REVIEW), r->form_id);
	for (size_t i = 0; to && !why && i < r->nshow; i++) {
		int k = form_field_index(to, r->show_ids[i]);
		if (k < 0 || to->fields[k].type == FT_RECORD)
			why = xasprintf(msg(MSG_L_REF_FIELD), r->form_id, r->show_ids[i]);
		r->show[i] = k;
	}
	if (why) {
		diag_add(d, f->file, r->line, r->col, msg(MSG_L_REF), fd->id, why);
		free(why);
	} else {
		r->form = to;
	}
}

/* The schedule, the scoring and prefills name forms and fields: check
 * them once every form is loaded. */
static void check_config_refs(const kp_catalog *cat, kp_diag *d)
{
	for (size_t i = 0; i < cat->nforms; i++)
		for (size_t k = 0; k < cat->forms[i]->nfields; k++)
			if (cat->forms[i]->fields[k].prefill)
				check_prefill(cat, cat->forms[i], &cat->forms[i]->fields[k], d);
			else if (cat->forms[i]->fields[k].ref)
				resolve_ref(cat, cat->forms[i], &cat->forms[i]->fields[k], d);
	check_schedule_refs(cat, &cat->schedule, "config/schedule.yaml", d);
	const char *rf = "config/ranking.yaml";
	const kp_scoring *r = &cat->scoring;
	if (!r->quota_form)
		return;
	const kp_form *q = catalog_form(cat, r->quota_form);
	need_form(cat, rf, r->line, r->col, r->quota_form, d);
	if (q && !q->per_unit)
		diag_add(d, rf, r->line, r->col, msg(MSG_L_NOT_PER_UNIT), r->quota_form);
	for (size_t i = 0; i < r->ncols; i++) {
		const kp_score_column *c = &r->cols[i];
		need_field(cat, rf, c->line, c->col, r->quota_form, c->quota, d);
		need_form(cat, rf, c->line, c->col, c->count, d);
	}
}

int catalog_load(kp_catalog *cat, const char *screens_dir, const char *config_dir, kp_diag *d)
{
	size_t before = d->n;
	memset(cat, 0, sizeof *cat);
	load_config(cat, config_dir, d);

	kp_file *files;
	char *err;
	size_t n = files_overlay("data/lists", NULL, ".yaml", &files, &err);
	free(err);
	cat->lists = xcalloc(n + 1, sizeof *cat->lists);
	add_month_list(cat);
	for (size_t i = 0; i < n; i++) {
		ychk lc = {files[i].path, d, 0};
		ynode *root = parse_file(&files[i], d);
		if (root) {
			kp_list *l = &cat->lists[cat->nlists++];
			load_list(l, &lc, root);
			l->name = list_name(files[i].path);
		}
		yn_free(root);
	}
	files_free(files, n);

	n = files_overlay("screens", screens_dir, ".yaml", &files, &err);
	if (err) {
		diag_add(d, screens_dir, 0, 0, msg(MSG_L_READ), err);
		free(err);
	}
	cat->forms = xcalloc(n ? n : 1, sizeof *cat->forms);
	cat->views = xcalloc(n ? n : 1, sizeof *cat->views);
	for (size_t i = 0; i < n; i++) {
		if (definition_is_view(files[i].data, files[i].len))
			continue; /* views come after every form is known */
		kp_form *f = form_load(cat, files[i].path, files[i].data, files[i].len, d);
		if (!f)
			continue;
		for (size_t j = 0; j < cat->nforms && f; j++) {
			const kp_form *g = cat->forms[j];
			if (f->attachment && g->attachment == f->attachment) {
				diag_add(d, f->file, 1, 1, msg(MSG_L_DUP_ATTACHMENT), f->attachment, g->file);
				form_free(f);
				f = NULL;
			} else if (f->search && g->search) { /* kepu find searches one form */
				diag_add(d, f->file, 1, 1, msg(MSG_L_DUP_SEARCH), g->file);
				form_free(f);
				f = NULL;
			} else if (!strcmp(g->id, f->id) || !strcmp(g->table, f->table)) {
				if (!strcmp(g->id, f->id))
					diag_add(d, f->file, 1, 1, msg(MSG_L_DUP_FORM), f->id, g->file);
				else
					diag_add(d, f->file, 1, 1, msg(MSG_L_DUP_TABLE), f->table, g->id);
				form_free(f);
				f = NULL;
			}
		}
		if (f)
			cat->forms[cat->nforms++] = f;
	}
	for (size_t i = 0; i < n; i++)
		if (definition_is_view(files[i].data, files[i].len))
			add_view(cat, view_load(cat, files[i].path, files[i].data, files[i].len, d), d);
	files_free(files, n);
	check_config_refs(cat, d);
	return (int)(d->n - before);
}

void catalog_free(kp_catalog *cat)
{
	for (size_t i = 0; i < cat->nforms; i++)
		form_free(cat->forms[i]);
	free(cat->forms);
	for (size_t i = 0; i < cat->nviews; i++)
		view_free(cat->views[i]);
	free(cat->views);
	for (size_t i = 0; i < cat->npatterns; i++)
		pattern_free(&cat->patterns[i]);
	free(cat->patterns);
	for (size_t i = 0; i < cat->nlists; i++)
		list_free(&cat->lists[i]);
	free(cat->lists);
	free(cat->local_area_code);
	for (size_t i = 0; i < cat->nareas; i++)
		free(cat->areas[i].place);
	free(cat->areas);
	schedule_free(&cat->schedule);
	free(cat->schedule_text);
	scoring_free(&cat->scoring);
	memset(cat, 0, sizeof *cat);
}

const kp_form *catalog_form(const kp_catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->nforms; i++)
		if (!strcmp(cat->forms[i]->id, id))
			return cat->forms[i];
	return NULL;
}

const kp_form *catalog_search_form(const kp_catalog *cat)
{
	for (size_t i = 0; i < cat->nforms; i++)
		if (cat->forms[i]->search)
			return cat->forms[i];
	return NULL;
}

const kp_view *catalog_view(const kp_catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->nviews; i++)
		if (!strcmp(cat->views[i]->id, id))
			return cat->views[i];
	return NULL;
}

const kp_pattern *catalog_pattern(const kp_catalog *cat, const char *name)
{
	for (size_t i = 0; i < cat->npatterns; i++)
		if (!strcmp(cat->patterns[i].name, name))
			return &cat->patterns[i];
	return NULL;
}

const kp_area *catalog_area(const kp_catalog *cat, const char *code)
{
	for (size_t i = 0; i < cat->nareas; i++)
		if (!strcmp(cat->areas[i].code, code))
			return &cat->areas[i];
	return NULL;
}

const kp_list *catalog_list(const kp_catalog *cat, const char *name)
{
	for (size_t i = 0; i < cat->nlists; i++)
		if (cat->lists[i].name && !strcmp(cat->lists[i].name, name))
			return &cat->lists[i];
	return NULL;
}

char *catalog_form_ids(const kp_catalog *cat)
{
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < cat->nforms; i++)
		sb_printf(&b, "%s%s", i ? ", " : "", cat->forms[i]->id);
	for (size_t i = 0; i < cat->nviews; i++)
		sb_printf(&b, ", %s", cat->views[i]->id);
	return sb_take(&b);
}

static int by_attachment(const void *a, const void *b)
{
	const kp_entry *x = a, *y = b;
	int ax = x->attachment ? x->attachment : 100, ay = y->attachment ? y->attachment : 100;
	if (ax != ay)
		return ax - ay;
	return strcmp(x->form ? x->form->id : x->view->id, y->form ? y->form->id : y->view->id);
}

size_t catalog_entries(const kp_catalog *cat, bool views, kp_entry **out)
{
	size_t n = cat->nforms + (views ? cat->nviews : 0);
	kp_entry *e = xcalloc(n ? n : 1, sizeof *e);
	for (size_t i = 0; i < cat->nforms; i++)
		e[i] = (kp_entry){cat->forms[i], NULL, cat->forms[i]->attachment};
	for (size_t i = cat->nforms; i < n; i++)
		e[i] = (kp_entry){NULL, cat->views[i - cat->nforms], cat->views[i - cat->nforms]->attachment};
	qsort(e, n, sizeof *e, by_attachment);
	*out = e;
	return n;
}
