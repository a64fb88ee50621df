/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Loading one screens/NAME.yaml file into a kp_form (see docs/forms.md). */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/nearkey.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "form/catalog.h"
#include "form/yschema.h"

/* written_by: who may write a field or a whole form (city or unit); the
 * store applies it to every session. */
static kp_writer load_writer(ychk *c, const ynode *map)
{
	const char *wb = ychk_str(c, map, "written_by", false);
	if (wb && !strcmp(wb, "city"))
		return WRITER_CITY;
	if (wb && !strcmp(wb, "unit"))
		return WRITER_UNIT;
	if (wb)
		ychk_err(c, yn_get(map, "written_by"), msg(MSG_L_OWNER), "written_by", wb);
	return WRITER_ANY;
}

static const char *const form_keys[] = {"id", "title", "table", "attachment", "unit_label",
					"per_unit", "pool", "total_row", "description", "sections",
					"fields", "unique", "unique_hint", "similar_hint", "near_hint", "review", "written_by", "line", "paper", "search", "evidence", NULL};
static const char *const section_keys[] = {"title", "fields", NULL};
static const char *const field_keys[] = {"id", "label", "type", "required", "help",
					 "max_chars", "min", "max", "pattern", "message",
					 "choices", "multiple", "lines", "not_before", "not_after", "required_when",
					 "sticky", "auto_advance", "forgive_tab", "group", "prefill", "written_by", "aliases", "ref",
					 "in_year", "in_programme", "default", "min_chars", "min_distinct_chars", "not_more_than", "only_when",
					 "place", NULL};
static const char *const required_when_keys[] = {"field", "is", NULL};
static const char *const not_more_keys[] = {"field", "because", NULL};
static const char *const prefill_keys[] = {"from", "date", "month", "sum", "when", "evidence", NULL};
static const char *const evidence_keys[] = {"max_mib", "max_files", NULL};
static const char *const near_keys[] = {"numbered", "place", "first", "any", "prefixes", NULL};
static const char *const ref_keys[] = {"form", "show", "state", NULL};

/* Keys that only some types take, with the bit that allows them. */
static const struct { const char *key; unsigned bit; } typed_keys[] = {
	{"max_chars", FK_MAX_CHARS}, {"min", FK_MINMAX}, {"max", FK_MINMAX},
	{"pattern", FK_PATTERN}, {"message", FK_PATTERN}, {"choices", FK_CHOICES},
	{"multiple", FK_MULTIPLE}, {"lines", FK_LINES}, {"not_before", FK_ORDER},
	{"not_after", FK_NOT_AFTER}, {"in_year", FK_ORDER | FK_NOT_AFTER}, {"in_programme", FK_ORDER},
	{"auto_advance", FK_ADVANCE}, {"forgive_tab", FK_ADVANCE}, {"prefill", FK_MINMAX},
	{"ref", FK_REF}, {"default", FK_DEFAULT}, {"min_chars", FK_MAX_CHARS}, {"min_distinct_chars", FK_MAX_CHARS},
	{"not_more_than", FK_MINMAX}, {"place", FK_PLACE},
};

/* Column names kepu adds to every table, and names SQLite gives meaning. */
static const char *const reserved_ids[] = {"id", "unit_id", "version", "created_at",
					   "updated_at", "rowid", "oid", "_rowid_", NULL};

#define MAX_LINES 20
#define MAX_CHARS_LIMIT 100000

/* A reference from one field to another, resolved once every field is
 * known (a field may name one defined after it). */
typedef enum { REF_ORDER, REF_REQUIRED_WHEN, REF_ONLY_WHEN, REF_PREFILL_MONTH, REF_NOT_MORE } ref_kind;

typedef struct {
	size_t field;
	const ynode *at; /* the node naming the other field */
	ref_kind kind;
} field_ref;

typedef struct {
	const kp_catalog *cat;
	ychk c;
	kp_form *form;
	size_t cap;
	field_ref *refs;
	size_t nrefs;
	const ynode *cur; /* the field being loaded */
} loader;

static void add_ref(loader *L, size_t field, const ynode *at, ref_kind kind)
{
	L->refs = xrealloc(L->refs, (L->nrefs + 1) * sizeof *L->refs);
	L->refs[L->nrefs++] = (field_ref){field, at, kind};
}

static bool valid_ident(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z') || strlen(s) > 63)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static const char *ident(loader *L, const ynode *map, const char *key, bool table)
{
	const char *s = ychk_str(&L->c, map, key, true);
	if (!s)
		return NULL;
	const ynode *at = yn_get(map, key);
	if (!valid_ident(s)) {
		ychk_err(&L->c, at, msg(MSG_L_BAD_ID), s);
		return NULL;
	}
	bool reserved = false;
	if (table)
		reserved = !strcmp(s, "units") || !strncmp(s, "kp_", 3) || !strncmp(s, "sqlite_", 7);
	else /* kp_state, kp_reason …: kepu's own columns */
		for (const char *const *r = reserved_ids; *r; r++)
			reserved |= !strcmp(*r, s) || !strncmp(s, "kp_", 3);
	if (reserved) {
		ychk_err(&L->c, at, msg(MSG_L_RESERVED_ID), s);
		return NULL;
	}
	return s;
}

/* Options of a multi-select are joined with these on import and export. */
static bool has_separator(const char *s)
{
	return strstr(s, "、") || strchr(s, ';') || strstr(s, "；") || strchr(s, ',') ||
	       strstr(s, "，");
}

static kp_list *inline_list(loader *L, const ynode *seq)
{
	kp_list *l = xcalloc(1, sizeof *l);
	l->items = xcalloc(seq->n ? seq->n : 1, sizeof *l->items);
	if (seq->n == 0)
		ychk_err(&L->c, seq, "%s", msg(MSG_L_EMPTY_LIST));
	for (size_t i = 0; i < seq->n; i++) {
		const ynode *v = seq->kids[i];
		if (v->kind != YN_SCALAR || !v->value[0] || has_separator(v->value)) {
			ychk_err(&L->c, v, "%s", msg(MSG_L_WANT_SCALAR));
			continue;
		}
		if (!ychk_safe_text(&L->c, v))
			continue;
		if (list_find(l, v->value) >= 0) {
			ychk_err(&L->c, v, msg(MSG_L_DUP_CHOICE), v->value);
			continue;
		}
		l->items[l->n++] = xstrdup(v->value);
	}
	return l;
}

static void load_choices(loader *L, kp_field *f, const ynode *n)
{
	if (n->kind == YN_SEQ) {
		f->own_choices = inline_list(L, n);
		f->choices = f->own_choices;
	} else if (n->kind == YN_SCALAR) {
		f->choices = catalog_list(L->cat, n->value);
		if (!f->choices)
			ychk_err(&L->c, n, msg(MSG_L_UNKNOWN_LIST), n->value);
	} else {
		ychk_err(&L->c, n, "%s", msg(MSG_L_WANT_SEQ));
	}
}

static void load_pattern(loader *L, kp_field *f, const ynode *n)
{
	if (n->kind != YN_SCALAR || !n->value[0]) {
		ychk_err(&L->c, n, "%s", msg(MSG_L_WANT_SCALAR));
		return;
	}
	if (valid_ident(n->value)) { /* a name from config/patterns.yaml */
		f->pattern = catalog_pattern(L->cat, n->value);
		if (!f->pattern)
			ychk_err(&L->c, n, msg(MSG_L_UNKNOWN_PATTERN), n->value);
		return;
	}
	kp_pattern *p = xcalloc(1, sizeof *p);
	int off;
	char err[256];
	if (pattern_compile(p, n->value, &off, err, sizeof err) != 0) {
		ychk_err(&L->c, n, msg(MSG_L_PCRE), off, err);
		free(p);
		return;
	}
	f->own_pattern = p;
	f->pattern = p;
}

static void positive(loader *L, const ynode *map, const char *key, int *out, int limit)
{
	long long v;
	if (!ychk_int(&L->c, map, key, &v))
		return;
	if (v < 1 || v > limit) {
		const ynode *at = yn_get(map, key);
		ychk_err(&L->c, at, msg(MSG_L_WANT_POS_INT), at->value);
		return;
	}
	*out = (int)v;
}

static char *opt_dup(const char *s) { return s ? xstrdup(s) : NULL; }

static void load_prefill(loader *L, kp_field *f, const ynode *pf)
{
	if (!ychk_is_map(&L->c, pf))
		return;
	ychk_keys(&L->c, pf, prefill_keys);
	const char *from = ychk_str(&L->c, pf, "from", true);
	const char *date = ychk_str(&L->c, pf, "date", true);
	const char *month = ychk_str(&L->c, pf, "month", true);
	if (!from || !date || !month)
		return;
	kp_prefill *p = xcalloc(1, sizeof *p);
	p->from = xstrdup(from);
	p->date = xstrdup(date);
	p->sum = opt_dup(ychk_str(&L->c, pf, "sum", false));
	p->evidence = ychk_bool(&L->c, pf, "evidence", false);
	p->month = -1;
	p->line = pf->line, p->col = pf->col;
	const ynode *when = yn_get(pf, "when");
	if (when && ychk_is_map(&L->c, when)) {
		ychk_keys(&L->c, when, required_when_keys);
		p->when_field = opt_dup(ychk_str(&L->c, when, "field", true));
		p->when_is = opt_dup(ychk_str(&L->c, when, "is", true));
	}
	f->prefill = p;
	add_ref(L, L->form->nfields, yn_get(pf, "month"), REF_PREFILL_MONTH);
}

/* ref: {form: talent, show: [name, employer], state: approved} — the form
 * and its fields are checked by the catalogue once every form is loaded. */
static void load_ref(loader *L, kp_field *f, const ynode *n)
{
	if (!n) {
		ychk_err(&L->c, yn_get(L->cur, "type"), msg(MSG_L_MISSING_KEY), "ref");
		return;
	}
	if (!ychk_is_map(&L->c, n))
		return;
	ychk_keys(&L->c, n, ref_keys);
	const char *form = ychk_str(&L->c, n, "form", true);
	const ynode *show = yn_get(n, "show");
	if (!show)
		ychk_err(&L->c, n, msg(MSG_L_MISSING_KEY), "show");
	const char *state = ychk_str(&L->c, n, "state", false);
	if (state && strcmp(state, "draft") && strcmp(state, "submitted") && strcmp(state, "approved") &&
	    strcmp(state, "returned"))
		ychk_err(&L->c, yn_get(n, "state"), msg(MSG_L_REF_STATE), state);
	if (!form || !show || !ychk_is_seq(&L->c, show))
		return;
	kp_ref *r = xcalloc(1, sizeof *r);
	r->form_id = xstrdup(form);
	r->state = opt_dup(state);
	r->line = n->line, r->col = n->col;
	r->show_ids = xcalloc(show->n + 1, sizeof *r->show_ids);
	r->show = xcalloc(show->n + 1, sizeof *r->show);
	for (size_t i = 0; i < show->n; i++) {
		const ynode *v = show->kids[i];
		if (v->kind != YN_SCALAR || !valid_ident(v->value))
			ychk_err(&L->c, v, "%s", msg(MSG_L_WANT_SCALAR));
		else
			r->show_ids[r->nshow++] = xstrdup(v->value);
	}
	if (!r->nshow)
		ychk_err(&L->c, show, "%s", msg(MSG_L_EMPTY_LIST));
	f->ref = r;
}

/* aliases: [职务, 职称]: other labels an imported file's header may use. */
static void load_aliases(loader *L, kp_field *f, const ynode *n)
{
	if (!n || !ychk_is_seq(&L->c, n))
		return;
	f->aliases = xcalloc(n->n + 1, sizeof *f->aliases);
	for (size_t i = 0; i < n->n; i++) {
		const ynode *v = n->kids[i];
		if (v->kind != YN_SCALAR || !v->value[0] || !ychk_safe_text(&L->c, v))
			ychk_err(&L->c, v, "%s", msg(MSG_L_WANT_SCALAR));
		else
			f->aliases[f->naliases++] = xstrdup(v->value);
	}
}

/* {field: ID, is: VALUE} of required_when and only_when: VALUE kept in
 * *value, the field resolved once every field is loaded. */
static void load_when(loader *L, const ynode *w, char **value, ref_kind kind)
{
	if (!w || !ychk_is_map(&L->c, w))
		return;
	ychk_keys(&L->c, w, required_when_keys);
	const char *is = ychk_str(&L->c, w, "is", true);
	if (ychk_str(&L->c, w, "field", true) && is) {
		*value = xstrdup(is);
		add_ref(L, L->form->nfields, yn_get(w, "field"), kind);
	}
}

/* A list of place prefixes (河南省, 许昌市), outermost first, '\n'-joined,
 * or NULL when there is none. */
static char *load_prefixes(loader *L, const ynode *pre)
{
	if (!pre || !ychk_is_seq(&L->c, pre))
		return NULL;
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < pre->n; i++) {
		const ynode *v = pre->kids[i];
		if (v->kind != YN_SCALAR || !v->value[0] || strchr(v->value, '\n'))
			ychk_err(&L->c, v, "%s", msg(MSG_L_NEAR_PREFIX));
		else
			sb_printf(&b, "%s%s", b.len ? "\n" : "", v->value);
	}
	return sb_take(&b);
}

static void load_field(loader *L, const ynode *map, int section)
{
	if (!ychk_is_map(&L->c, map))
		return;
	ychk_keys(&L->c, map, field_keys);
	const char *id = ident(L, map, "id", false);
	const char *label = ychk_str(&L->c, map, "label", true);
	const char *tname = ychk_str(&L->c, map, "type", true);
	const kp_ftype_info *ti = tname ? ftype_by_name(tname) : NULL;
	if (tname && !ti)
		ychk_err(&L->c, yn_get(map, "type"), msg(MSG_L_UNKNOWN_TYPE), tname, ftype_names());

	kp_form *form = L->form;
	if (form->nfields == L->cap)
		form->fields = xrealloc(form->fields, (L->cap = L->cap ? L->cap * 2 : 16) *
							  sizeof *form->fields);
	kp_field *f = &form->fields[form->nfields];
	memset(f, 0, sizeof *f);
	f->section = section;
	f->line = map->line;
	f->not_before = f->required_when = f->only_when = f->not_more_than = -1;
	f->required = ychk_bool(&L->c, map, "required", false);
	f->sticky = ychk_bool(&L->c, map, "sticky", false);
	const char *group = ychk_str(&L->c, map, "group", false);
	f->group = group ? xstrdup(group) : NULL;
	const char *help = ychk_str(&L->c, map, "help", false);

	if (ti) {
		f->type = ti->type;
		f->max_chars = ti->default_max_chars;
		for (size_t i = 0; i < sizeof typed_keys / sizeof typed_keys[0]; i++) {
			const ynode *k = yn_get_key(map, typed_keys[i].key);
			if (k && !(ti->keys & typed_keys[i].bit))
				ychk_err(&L->c, k, msg(MSG_L_NOT_FOR_TYPE), typed_keys[i].key, ti->name);
		}
		if (ti->keys & FK_ADVANCE) {
			/* A whole mobile number is complete on every screen: a
			 * phone field moves on unless its form says otherwise. */
			f->auto_advance = ychk_bool(&L->c, map, "auto_advance", f->type == FT_PHONE);
			/* A clerk who types fast has Tab in the fingers after a
			 * full field: unless the form says otherwise, that Tab is
			 * the move already made, not a skip of the next field. */
			f->forgive_tab = f->auto_advance && ychk_bool(&L->c, map, "forgive_tab", true);
		}
		if (ti->keys & FK_REF) {
			L->cur = map;
			load_ref(L, f, yn_get(map, "ref"));
		}
		if (ti->keys & FK_MULTIPLE && ychk_bool(&L->c, map, "multiple", false))
			f->type = FT_MULTICHOICE;
		if (ti->keys & FK_MAX_CHARS) {
			positive(L, map, "max_chars", &f->max_chars, MAX_CHARS_LIMIT);
			positive(L, map, "min_chars", &f->min_chars, MAX_CHARS_LIMIT);
			if (f->min_chars > f->max_chars)
				ychk_err(&L->c, yn_get(map, "min_chars"), msg(MSG_L_MIN_MAX), (long)f->min_chars,
					 (long)f->max_chars);
			positive(L, map, "min_distinct_chars", &f->min_distinct_chars, MAX_CHARS_LIMIT);
			if (f->min_distinct_chars > f->min_chars)
				ychk_err(&L->c, yn_get(map, "min_distinct_chars"), msg(MSG_L_DISTINCT_MIN),
					 (long)f->min_distinct_chars, (long)f->min_chars);
		}
		if (ti->keys & FK_LINES) {
			f->lines = 4;
			positive(L, map, "lines", &f->lines, MAX_LINES);
		}
		if (ti->keys & FK_MINMAX) {
			f->has_min = ychk_int(&L->c, map, "min", &f->min);
			f->has_max = ychk_int(&L->c, map, "max", &f->max);
			if (f->has_min && f->has_max && f->min > f->max)
				ychk_err(&L->c, yn_get(map, "min"), msg(MSG_L_MIN_MAX), f->min, f->max);
		}
		const ynode *pat = yn_get(map, "pattern");
		if (pat && ti->keys & FK_PATTERN)
			load_pattern(L, f, pat);
		const char *message = (ti->keys & FK_PATTERN) ? ychk_str(&L->c, map, "message", false)
							      : NULL;
		f->message = message ? xstrdup(message) : NULL;
		if (ti->keys & FK_PLACE)
			f->place = load_prefixes(L, yn_get(map, "place"));
		/* A date is not after today; a year (an integer) not after the
		 * programme year the record is filed in. */
		const char *na = (ti->keys & FK_NOT_AFTER) ? ychk_str(&L->c, map, "not_after", false) : NULL;
		const char *na_word = f->type == FT_INTEGER ? "year" : "today";
		bool ended = na && f->type != FT_INTEGER && !strcmp(na, "ended");
		if (na && strcmp(na, na_word) && !ended)
			ychk_err(&L->c, yn_get(map, "not_after"), msg(MSG_L_NOT_AFTER),
				 f->type == FT_INTEGER ? na_word : "today 或 ended", na);
		f->not_after_today = na && (!strcmp(na, "today") || ended);
		f->not_after_ended = ended;
		f->in_year = (ti->keys & (FK_ORDER | FK_NOT_AFTER)) && ychk_bool(&L->c, map, "in_year", false);
		f->in_programme = (ti->keys & FK_ORDER) && ychk_bool(&L->c, map, "in_programme", false);
		f->not_after_year = na && !strcmp(na, "year");
		const char *dv = (ti->keys & FK_DEFAULT) ? ychk_str(&L->c, map, "default", false) : NULL;
		if (dv && strcmp(dv, "year"))
			ychk_err(&L->c, yn_get(map, "default"), msg(MSG_L_DEFAULT), dv);
		f->default_year = dv && !strcmp(dv, "year");
		const ynode *nb = yn_get(map, "not_before");
		if (nb && ti->keys & FK_ORDER)
			add_ref(L, form->nfields, nb, REF_ORDER);
		const ynode *ch = yn_get(map, "choices");
		if (ti->keys & FK_CHOICES) {
			if (ch)
				load_choices(L, f, ch);
			else
				ychk_err(&L->c, map, msg(MSG_L_NEEDS_CHOICES), ti->name);
		}
	}
	const ynode *nm = yn_get(map, "not_more_than");
	if (nm && ti && ti->keys & FK_MINMAX && ychk_is_map(&L->c, nm)) {
		ychk_keys(&L->c, nm, not_more_keys);
		const char *why = ychk_str(&L->c, nm, "because", false);
		f->not_more_why = why ? xstrdup(why) : NULL;
		if (ychk_str(&L->c, nm, "field", true))
			add_ref(L, form->nfields, yn_get(nm, "field"), REF_NOT_MORE);
	}
	load_when(L, yn_get(map, "required_when"), &f->required_value, REF_REQUIRED_WHEN);
	load_when(L, yn_get(map, "only_when"), &f->only_value, REF_ONLY_WHEN);
	f->written_by = load_writer(&L->c, map);
	load_aliases(L, f, yn_get(map, "aliases"));
	const ynode *pf = yn_get(map, "prefill");
	if (pf && ti && ti->keys & FK_MINMAX)
		load_prefill(L, f, pf);
	if (id)
		for (size_t i = 0; i < form->nfields; i++)
			if (!strcmp(form->fields[i].id, id)) {
				ychk_err(&L->c, yn_get(map, "id"), msg(MSG_L_DUP_FIELD), id,
					 form->fields[i].line);
				id = NULL;
				break;
			}
	f->id = xstrdup(id ? id : "");
	f->label = xstrdup(label ? label : "");
	f->help = help ? xstrdup(help) : NULL;
	form->nfields++; /* kept even when broken so form_free releases it */
}

static void load_fields(loader *L, const ynode *seq, int section)
{
	if (!ychk_is_seq(&L->c, seq))
		return;
	for (size_t i = 0; i < seq->n; i++)
		load_field(L, seq->kids[i], section);
}

static void load_sections(loader *L, const ynode *seq)
{
	if (!ychk_is_seq(&L->c, seq))
		return;
	kp_form *form = L->form;
	form->sections = xcalloc(seq->n ? seq->n : 1, sizeof *form->sections);
	for (size_t i = 0; i < seq->n; i++) {
		const ynode *s = seq->kids[i];
		if (!ychk_is_map(&L->c, s))
			continue;
		ychk_keys(&L->c, s, section_keys);
		const char *title = ychk_str(&L->c, s, "title", true);
		int idx = (int)form->nsections++;
		form->sections[idx] = xstrdup(title ? title : "");
		const ynode *fields = yn_get(s, "fields");
		if (fields)
			load_fields(L, fields, idx);
		else
			ychk_err(&L->c, s, msg(MSG_L_MISSING_KEY), "fields");
	}
}

/* not_before must name a field of the same type; required_when a field
 * other than itself. */
static void resolve_refs(loader *L)
{
	kp_form *form = L->form;
	for (size_t r = 0; r < L->nrefs; r++) {
		const field_ref *ref = &L->refs[r];
		kp_field *f = &form->fields[ref->field];
		const ynode *name = ref->at;
		int k = form_field_index(form, name->value);
		if (k < 0 || (size_t)k == ref->field) {
			ychk_err(&L->c, name, msg(MSG_L_UNKNOWN_FIELD), name->value);
		} else if (ref->kind == REF_ORDER || ref->kind == REF_NOT_MORE) {
			if (form->fields[k].type != f->type)
				ychk_err(&L->c, name, msg(MSG_L_ORDER_TYPE), name->value, ftype_info(f->type)->name);
			else if (ref->kind == REF_ORDER)
				f->not_before = k;
			else
				f->not_more_than = k;
		} else if (ref->kind == REF_REQUIRED_WHEN) {
			f->required_when = k;
		} else if (ref->kind == REF_ONLY_WHEN) {
			f->only_when = k;
		} else {
			f->prefill->month = k;
		}
	}
}

static const char *const paper_keys[] = {"title", "lines", "header", "columns", "sheet", "rows", NULL};
static const char *const cell_keys[] = {"label", "field", "text", "span", "boxes", "other",
					"caption", "lines", "seal", "centre", NULL};

/* Every {name} in a template names a field of the form, or is {unit} or
 * {year} (the programme year). */
static void check_template(loader *L, const ynode *at, const char *t)
{
	for (const char *p = strchr(t, '{'); p; p = strchr(p + 1, '{')) {
		const char *e = strchr(p, '}');
		if (!e)
			break;
		char *name = xstrndup(p + 1, (size_t)(e - p - 1));
		if (strcmp(name, "unit") && strcmp(name, "year") && form_field_index(L->form, name) < 0)
			ychk_err(&L->c, at, msg(MSG_L_PAPER_PLACE), name);
		free(name);
	}
}

/* A list of texts (title, lines), templates checked. */
static char **paper_texts(loader *L, const ynode *seq, size_t *n)
{
	*n = 0;
	if (!seq || !ychk_is_seq(&L->c, seq))
		return NULL;
	char **out = xcalloc(seq->n ? seq->n : 1, sizeof *out);
	for (size_t i = 0; i < seq->n; i++) {
		const ynode *v = seq->kids[i];
		if (v->kind != YN_SCALAR) {
			ychk_err(&L->c, v, "%s", msg(MSG_L_WANT_SCALAR));
			continue;
		}
		if (!ychk_safe_text(&L->c, v))
			continue;
		check_template(L, v, v->value);
		out[(*n)++] = xstrdup(v->value);
	}
	return out;
}

static int paper_field(loader *L, const ynode *map, const char *key)
{
	const char *id = ychk_str(&L->c, map, key, false);
	if (!id)
		return -1;
	int k = form_field_index(L->form, id);
	if (k < 0)
		ychk_err(&L->c, yn_get(map, key), msg(MSG_L_UNKNOWN_FIELD), id);
	return k;
}

/* One cell: a scalar is a label; a map a label, field or text with its options. */
static void paper_cell(loader *L, const ynode *n, kp_pcell *pc)
{
	*pc = (kp_pcell){PC_LABEL, NULL, -1, 1, 0, -1, NULL, 1, false, false};
	if (n->kind == YN_SCALAR) {
		if (ychk_safe_text(&L->c, n))
			pc->text = xstrdup(n->value);
		return;
	}
	if (!ychk_is_map(&L->c, n))
		return;
	ychk_keys(&L->c, n, cell_keys);
	const char *label = ychk_str(&L->c, n, "label", false);
	const char *text = ychk_str(&L->c, n, "text", false);
	pc->field = paper_field(L, n, "field");
	if (label) {
		pc->text = xstrdup(label);
	} else if (text) {
		pc->kind = PC_TEXT;
		pc->text = xstrdup(text);
		check_template(L, yn_get(n, "text"), text);
	} else if (yn_get(n, "field")) {
		pc->kind = PC_FIELD;
	} else {
		ychk_err(&L->c, n, "%s", msg(MSG_L_PAPER_CELL));
	}
	positive(L, n, "span", &pc->span, 64);
	positive(L, n, "lines", &pc->lines, 200);
	positive(L, n, "boxes", &pc->boxes, 20);
	if (pc->boxes && pc->field >= 0 && !L->form->fields[pc->field].choices)
		ychk_err(&L->c, yn_get(n, "boxes"), "%s", msg(MSG_L_PAPER_BOXES));
	pc->other = paper_field(L, n, "other");
	const char *caption = ychk_str(&L->c, n, "caption", false);
	pc->caption = caption ? xstrdup(caption) : NULL;
	pc->seal = ychk_bool(&L->c, n, "seal", false);
	pc->centre = ychk_bool(&L->c, n, "centre", false);
}

static kp_paper *paper_load(loader *L, const ynode *map)
{
	if (!ychk_is_map(&L->c, map))
		return NULL;
	ychk_keys(&L->c, map, paper_keys);
	kp_paper *p = xcalloc(1, sizeof *p);
	p->title = paper_texts(L, yn_get(map, "title"), &p->ntitle);
	p->lines = paper_texts(L, yn_get(map, "lines"), &p->nlines);
	const char *header = ychk_str(&L->c, map, "header", false);
	if (header) {
		check_template(L, yn_get(map, "header"), header);
		p->header = xstrdup(header);
	}
	p->sheet = paper_field(L, map, "sheet");
	const ynode *cols = yn_get(map, "columns");
	if (!cols)
		ychk_err(&L->c, map, msg(MSG_L_MISSING_KEY), "columns");
	else if (ychk_is_seq(&L->c, cols)) {
		p->widths = xcalloc(cols->n ? cols->n : 1, sizeof *p->widths);
		for (size_t i = 0; i < cols->n; i++) {
			const ynode *v = cols->kids[i];
			char *end = NULL;
			double w = v->kind == YN_SCALAR ? strtod(v->value, &end) : 0;
			if (!end || *end || w < 1 || w > 100)
				ychk_err(&L->c, v, msg(MSG_L_WANT_POS_INT), v->kind == YN_SCALAR ? v->value : "");
			else
				p->widths[p->ncols++] = w;
		}
	}
	const ynode *rows = yn_get(map, "rows");
	if (!rows)
		ychk_err(&L->c, map, msg(MSG_L_MISSING_KEY), "rows");
	else if (ychk_is_seq(&L->c, rows)) {
		p->rows = xcalloc(rows->n ? rows->n : 1, sizeof *p->rows);
		for (size_t r = 0; r < rows->n; r++) {
			const ynode *row = rows->kids[r];
			if (!ychk_is_seq(&L->c, row))
				continue;
			kp_prow *pr = &p->rows[p->nrows++];
			pr->cells = xcalloc(row->n ? row->n : 1, sizeof *pr->cells);
			int span = 0;
			for (size_t c = 0; c < row->n; c++) {
				paper_cell(L, row->kids[c], &pr->cells[pr->n]);
				span += pr->cells[pr->n++].span;
			}
			if (p->ncols && span != (int)p->ncols)
				ychk_err(&L->c, row, msg(MSG_L_PAPER_SPAN), span, p->ncols);
		}
	}
	return p;
}

/* unique_hint: [field, …] — one-line fields whose values together point to
 * the same person in another record. */
static void load_hint(loader *L, const ynode *n)
{
	if (!n || !ychk_is_seq(&L->c, n))
		return;
	if (n->n == 0)
		ychk_err(&L->c, n, "%s", msg(MSG_L_EMPTY_LIST));
	kp_form *form = L->form;
	form->hint = xcalloc(n->n ? n->n : 1, sizeof *form->hint);
	for (size_t i = 0; i < n->n; i++) {
		const ynode *v = n->kids[i];
		int k = v->kind == YN_SCALAR ? form_field_index(form, v->value) : -1;
		if (k < 0)
			ychk_err(&L->c, v, msg(MSG_L_UNKNOWN_FIELD), v->kind == YN_SCALAR ? v->value : "…");
		else if (form->fields[k].type == FT_TEXTAREA || form->fields[k].type == FT_MULTICHOICE)
			ychk_err(&L->c, v, msg(MSG_L_BAD_UNIQUE), v->value);
		else
			form->hint[form->nhint++] = k;
	}
}

static bool in_hint(const kp_form *form, int k)
{
	for (size_t j = 0; j < form->nhint && k >= 0; j++)
		if (form->hint[j] == k)
			return true;
	return false;
}

/* One similar_hint rule. Within unique_hint (附表2: [phone]): some of its
 * fields whose values alone are a strong sign of the same person although
 * the others differ (the same 联系电话 under a corrected 姓名); it shares
 * the hint's index, so there is one such rule. Naming any other field
 * ([name, employer]: the same 姓名 at the same 工作单位 with a new phone),
 * one-line text fields compared folded, with an index of their own. */
static void similar_rule(loader *L, const ynode *n)
{
	kp_form *form = L->form;
	if (!ychk_is_seq(&L->c, n))
		return;
	if (n->n == 0) {
		ychk_err(&L->c, n, "%s", msg(MSG_L_EMPTY_LIST));
		return;
	}
	int *ks = xcalloc(n->n, sizeof *ks);
	bool within = true, ok = true;
	for (size_t i = 0; i < n->n; i++) {
		const ynode *v = n->kids[i];
		ks[i] = v->kind == YN_SCALAR ? form_field_index(form, v->value) : -1;
		if (ks[i] < 0) {
			ychk_err(&L->c, v, msg(MSG_L_UNKNOWN_FIELD), v->kind == YN_SCALAR ? v->value : "…");
			ok = false;
		}
		within &= in_hint(form, ks[i]);
	}
	for (size_t i = 0; i < n->n && ok && !within; i++)
		if (form->fields[ks[i]].type != FT_TEXT) {
			ychk_err(&L->c, n->kids[i], msg(MSG_L_SIMILAR_TEXT), n->kids[i]->value);
			ok = false;
		}
	if (ok && within && form->similar)
		ychk_err(&L->c, n, "%s", msg(MSG_L_SIMILAR_TWICE));
	else if (ok && within && n->n >= form->nhint)
		ychk_err(&L->c, n, "%s", msg(MSG_L_SIMILAR_ALL));
	else if (ok && within) {
		form->similar = ks;
		form->nsimilar = n->n;
		return;
	} else if (ok) {
		form->alike = xrealloc(form->alike, (form->nalike + 1) * sizeof *form->alike);
		form->alike[form->nalike++] = (kp_alike){.fields = ks, .n = n->n};
		return;
	}
	free(ks);
}

/* similar_hint: one rule [field, …] or several [[field, …], …]. */
static void load_similar(loader *L, const ynode *n)
{
	if (!n || !ychk_is_seq(&L->c, n))
		return;
	if (!L->form->nhint)
		ychk_err(&L->c, n, "%s", msg(MSG_L_SIMILAR_NO_HINT));
	else if (n->n == 0)
		ychk_err(&L->c, n, "%s", msg(MSG_L_EMPTY_LIST));
	else if (n->kids[0]->kind != YN_SEQ)
		similar_rule(L, n);
	else
		for (size_t i = 0; i < n->n; i++)
			similar_rule(L, n->kids[i]);
}

/* near_hint's list of hint fields compared by how (of any type when
 * NEAR_ANY: not compared at all). */
static void near_fields(loader *L, const ynode *seq, unsigned char how)
{
	kp_form *form = L->form;
	if (!seq || !ychk_is_seq(&L->c, seq))
		return;
	if (seq->n == 0)
		ychk_err(&L->c, seq, "%s", msg(MSG_L_EMPTY_LIST));
	for (size_t i = 0; i < seq->n; i++) {
		const ynode *v = seq->kids[i];
		int k = v->kind == YN_SCALAR ? form_field_index(form, v->value) : -1;
		size_t at = form->nhint;
		for (size_t j = 0; j < form->nhint && k >= 0; j++)
			if (form->hint[j] == k)
				at = j;
		if (at == form->nhint || (form->fields[k].type != FT_TEXT && how != NEAR_ANY))
			ychk_err(&L->c, v, msg(MSG_L_NEAR_NOT_HINT), v->kind == YN_SCALAR ? v->value : "…");
		else if (form->near[at] != NEAR_SAME)
			ychk_err(&L->c, v, msg(MSG_L_NEAR_TWICE), v->value);
		else
			form->near[at] = how;
	}
}

/* near_hint: {numbered: [field, …], place: […], first: […], any: […],
 * prefixes: […]} — the near-repeat rule (core/nearkey.h): the same unit's
 * record whose unique_hint values agree, these fields by their near key,
 * those under any not at all, the others exactly. */
static void load_near(loader *L, const ynode *n)
{
	kp_form *form = L->form;
	if (!n || !ychk_is_map(&L->c, n))
		return;
	ychk_keys(&L->c, n, near_keys);
	form->near = xcalloc(form->nhint ? form->nhint : 1, 1);
	near_fields(L, yn_get(n, "numbered"), NEAR_NUMBERED);
	near_fields(L, yn_get(n, "place"), NEAR_PLACE);
	near_fields(L, yn_get(n, "first"), NEAR_FIRST);
	near_fields(L, yn_get(n, "any"), NEAR_ANY);
	bool any = false;
	for (size_t i = 0; i < form->nhint; i++)
		any |= form->near[i] != NEAR_SAME && form->near[i] != NEAR_ANY;
	if (!any)
		ychk_err(&L->c, n, "%s", msg(MSG_L_NEAR_NONE));
	form->near_prefixes = load_prefixes(L, yn_get(n, "prefixes"));
}

static const char *const search_keys[] = {"fields", "show", "category", NULL};

/* A list of field ids (`search`'s fields and show): their indexes. */
static int *field_list(loader *L, const ynode *map, const char *key, size_t *n)
{
	*n = 0;
	const ynode *seq = yn_get(map, key);
	if (!seq) {
		ychk_err(&L->c, map, msg(MSG_L_MISSING_KEY), key);
		return NULL;
	}
	if (!ychk_is_seq(&L->c, seq))
		return NULL;
	int *out = xcalloc(seq->n ? seq->n : 1, sizeof *out);
	for (size_t i = 0; i < seq->n; i++) {
		const ynode *v = seq->kids[i];
		int k = v->kind == YN_SCALAR ? form_field_index(L->form, v->value) : -1;
		if (k < 0)
			ychk_err(&L->c, v, msg(MSG_L_UNKNOWN_FIELD), v->kind == YN_SCALAR ? v->value : "");
		else
			out[(*n)++] = k;
	}
	if (seq->n == 0)
		ychk_err(&L->c, seq, "%s", msg(MSG_L_EMPTY));
	return out;
}

static kp_search *search_load(loader *L, const ynode *map)
{
	if (!ychk_is_map(&L->c, map))
		return NULL;
	ychk_keys(&L->c, map, search_keys);
	kp_search *s = xcalloc(1, sizeof *s);
	s->fields = field_list(L, map, "fields", &s->nfields);
	s->show = field_list(L, map, "show", &s->nshow);
	s->category = paper_field(L, map, "category");
	if (s->category >= 0 && L->form->fields[s->category].type != FT_MULTICHOICE &&
	    L->form->fields[s->category].type != FT_CHOICE)
		ychk_err(&L->c, yn_get(map, "category"), msg(MSG_L_SEARCH_CATEGORY),
			 L->form->fields[s->category].id);
	return s;
}

/* A limit of evidence: absent is the default, else 1..max. */
static int evidence_limit(loader *L, const ynode *map, const char *key, int def, int max)
{
	long long v;
	if (!ychk_int(&L->c, map, key, &v))
		return def;
	if (v < 1 || v > max) {
		ychk_err(&L->c, yn_get(map, key), msg(MSG_L_EVIDENCE_LIMIT), key, max, yn_get(map, key)->value);
		return def;
	}
	return (int)v;
}

/* evidence: {max_mib: 20, max_files: 10}: the records take attachments. */
static kp_evidence *evidence_load(loader *L, const ynode *map)
{
	if (!ychk_is_map(&L->c, map))
		return NULL;
	ychk_keys(&L->c, map, evidence_keys);
	kp_evidence *e = xcalloc(1, sizeof *e);
	e->max_mib = evidence_limit(L, map, "max_mib", EVIDENCE_DEFAULT_MIB, EVIDENCE_MAX_MIB);
	e->max_files = evidence_limit(L, map, "max_files", EVIDENCE_DEFAULT_FILES, EVIDENCE_MAX_FILES);
	return e;
}

kp_form *form_load(const kp_catalog *cat, const char *file, const char *data, size_t len,
		   kp_diag *d)
{
	ynode *root = yn_parse(file, data, len, d);
	if (!root)
		return NULL;
	loader L = {cat, {file, d, 0}, xcalloc(1, sizeof(kp_form)), 0, NULL, 0, NULL};
	kp_form *form = L.form;
	form->file = xstrdup(file);
	if (ychk_is_map(&L.c, root)) {
		ychk_keys(&L.c, root, form_keys);
		const char *id = ident(&L, root, "id", false);
		const char *title = ychk_str(&L.c, root, "title", true);
		const char *table = ident(&L, root, "table", true);
		const char *desc = ychk_str(&L.c, root, "description", false);
		form->description = desc ? xstrdup(desc) : NULL;
		long long att;
		if (ychk_int(&L.c, root, "attachment", &att)) {
			if (att < 1 || att > 9)
				ychk_err(&L.c, yn_get(root, "attachment"), msg(MSG_L_WANT_POS_INT),
					 yn_get(root, "attachment")->value);
			else
				form->attachment = (int)att;
		}
		form->id = xstrdup(id ? id : "");
		form->title = xstrdup(title ? title : "");
		form->table = xstrdup(table ? table : "");
		const ynode *sections = yn_get(root, "sections");
		const ynode *fields = yn_get(root, "fields");
		if (sections && fields)
			ychk_err(&L.c, fields, msg(MSG_L_UNKNOWN_KEY), "fields");
		else if (sections)
			load_sections(&L, sections);
		else if (fields)
			load_fields(&L, fields, -1);
		if (form->nfields == 0)
			ychk_err(&L.c, root, "%s", msg(MSG_L_NO_FIELDS));
		resolve_refs(&L);
		form->per_unit = ychk_bool(&L.c, root, "per_unit", false);
		form->pool = ychk_bool(&L.c, root, "pool", false);
		form->review = ychk_bool(&L.c, root, "review", false);
		form->written_by = load_writer(&L.c, root);
		const char *tr = ychk_str(&L.c, root, "total_row", false);
		form->total_row = tr ? xstrdup(tr) : NULL;
		form->unique = -1;
		const char *uq = ychk_str(&L.c, root, "unique", false);
		if (uq && (form->unique = form_field_index(form, uq)) < 0)
			ychk_err(&L.c, yn_get(root, "unique"), msg(MSG_L_UNKNOWN_FIELD), uq);
		else if (uq && (form->per_unit || form->fields[form->unique].type == FT_TEXTAREA ||
				form->fields[form->unique].type == FT_MULTICHOICE))
			ychk_err(&L.c, yn_get(root, "unique"), msg(MSG_L_BAD_UNIQUE), uq);
		load_hint(&L, yn_get(root, "unique_hint"));
		load_similar(&L, yn_get(root, "similar_hint"));
		load_near(&L, yn_get(root, "near_hint"));
		const char *line = ychk_str(&L.c, root, "line", false);
		form->line = line ? xstrdup(line) : NULL;
		const ynode *paper = yn_get(root, "paper");
		if (paper)
			form->paper = paper_load(&L, paper);
		const ynode *search = yn_get(root, "search");
		if (search)
			form->search = search_load(&L, search);
		const ynode *evidence = yn_get(root, "evidence");
		if (evidence)
			form->evidence = evidence_load(&L, evidence);
		const char *ul = ychk_str(&L.c, root, "unit_label", false);
		form->unit_label = xstrdup(ul ? ul : msg(MSG_UI_COL_UNIT));
	}
	free(L.refs);
	yn_free(root);
	if (L.c.errors) {
		form_free(form);
		return NULL;
	}
	return form;
}
