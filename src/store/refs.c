/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Record fields (#19): a nomination's talent or project is the number of a
 * record of another form (kp_seq numbers are never handed out twice, so a
 * number always means the same record). The rules of what may be named
 * live here, in the writer's transaction and under the session's scope:
 * a record the session may see, of the same unit as the record naming it,
 * in the state the field asks (a nominated talent is 已认定); and a record
 * still named is never deleted. */
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "form/validate.h"
#include "store/db.h"

int refs_ensure(kp_store *s, const kp_form *f, char **err)
{
	bool any = false;
	for (size_t i = 0; i < f->nfields; i++) {
		if (f->fields[i].type != FT_RECORD)
			continue;
		any = true;
		/* The delete check looks each referred number up. */
		char *sql = xasprintf("CREATE INDEX IF NOT EXISTS \"%s_kp_ref_%s\" ON \"%s\" (\"%s\")",
				      f->table, f->fields[i].id, f->table, f->fields[i].id);
		int rc = db_exec(s, sql, err);
		free(sql);
		if (rc != KP_OK)
			return rc;
	}
	for (size_t i = 0; any && i < s->nreferrers; i++)
		if (s->referrers[i] == f)
			any = false;
	if (any) {
		s->referrers = xrealloc(s->referrers, (s->nreferrers + 1) * sizeof *s->referrers);
		s->referrers[s->nreferrers++] = f;
	}
	return KP_OK;
}

/* The columns a label is made of, then the state ('' for a form without
 * review). */
static void label_columns(strbuf *b, const kp_ref *ref)
{
	for (size_t i = 0; i < ref->nshow; i++)
		sb_printf(b, "%st.\"%s\"", i ? ", " : "", ref->form->fields[ref->show[i]].id);
	sb_adds(b, ref->form->review ? ", t.kp_state" : ", ''");
}

/* 雷盼盼（长葛市科技局）: the first column, the others in brackets. */
static char *label_of(sqlite3_stmt *st, int first, size_t n)
{
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *v = (const char *)sqlite3_column_text(st, first + (int)i);
		if (i == 1)
			sb_adds(&b, "（");
		else if (i > 1)
			sb_adds(&b, "，");
		sb_adds(&b, v ? v : "");
	}
	if (n > 1)
		sb_adds(&b, "）");
	return sb_take(&b);
}

/* The same label in SQL, for matching what a clerk typed or a file holds. */
static void label_sql(strbuf *b, const kp_ref *ref)
{
	for (size_t i = 0; i < ref->nshow; i++)
		sb_printf(b, "%scoalesce(t.\"%s\", '')%s", i == 1 ? " || '（' || " : i ? " || '，' || " : "",
			  ref->form->fields[ref->show[i]].id, i + 1 == ref->nshow && i ? " || '）'" : "");
}

/* 姓名（工作单位）: how to write a label, for messages. */
static char *label_hint(const kp_ref *ref)
{
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < ref->nshow; i++)
		sb_printf(&b, "%s%s", i == 1 ? "（" : i ? "，" : "", ref->form->fields[ref->show[i]].label);
	if (ref->nshow > 1)
		sb_adds(&b, "）");
	return sb_take(&b);
}

char *store_ref_label(kp_store *s, const kp_field *fd, const char *value)
{
	if (!value || !value[0] || !fd->ref || !fd->ref->form)
		return xstrdup(value ? value : "");
	const kp_ref *ref = fd->ref;
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "SELECT ");
	label_columns(&b, ref);
	sb_printf(&b, " FROM \"%s\" t WHERE t.id = ?1 AND (?2 = 0 OR t.unit_id = ?2)", ref->form->table);
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), NULL);
	sb_free(&b);
	long long id = atoll(value);
	char *out = NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, session_scope(s));
		if (sqlite3_step(st) == SQLITE_ROW) {
			out = label_of(st, 0, ref->nshow);
			const char *state = (const char *)sqlite3_column_text(st, (int)ref->nshow);
			/* A talent returned after its nomination: said, not hidden. */
			if (ref->state && state && strcmp(state, ref->state)) {
				char *now = xasprintf(msg(MSG_S_REF_NOW), state_words(state));
				char *t = xasprintf("%s%s", out, now);
				free(now);
				free(out);
				out = t;
			}
		}
	}
	sqlite3_finalize(st);
	return out ? out : xasprintf(msg(MSG_S_REF_GONE), id);
}

size_t store_ref_choices(kp_store *s, const kp_field *fd, long long unit_id, kp_ref_choice **out)
{
	*out = NULL;
	const kp_ref *ref = fd->ref;
	if (!ref || !ref->form)
		return 0;
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "SELECT t.id, ");
	label_columns(&b, ref);
	sb_printf(&b, " FROM \"%s\" t WHERE t.unit_id = ?1 AND (?2 = 0 OR t.unit_id = ?2)%s ORDER BY t.id",
		  ref->form->table, ref->state ? " AND t.kp_state = ?3" : "");
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), NULL);
	sb_free(&b);
	size_t n = 0, cap = 0;
	if (st) {
		sqlite3_bind_int64(st, 1, unit_id);
		sqlite3_bind_int64(st, 2, session_scope(s));
		if (ref->state)
			sqlite3_bind_text(st, 3, ref->state, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (n == cap)
				*out = xrealloc(*out, (cap = cap ? cap * 2 : 16) * sizeof **out);
			(*out)[n].id = sqlite3_column_int64(st, 0);
			(*out)[n++].label = label_of(st, 1, ref->nshow);
		}
	}
	sqlite3_finalize(st);
	return n;
}

void ref_choices_free(kp_ref_choice *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i].label);
	free(c);
}

/* A name or label: the number of the one record of the unit, in the
 * field's state, that it names. */
static int by_name(kp_store *s, const kp_field *fd, long long unit_id, const char *text, long long *id,
		   char **err)
{
	const kp_ref *ref = fd->ref;
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "SELECT t.id FROM \"%s\" t WHERE t.unit_id = ?1 AND (?2 = 0 OR t.unit_id = ?2)"
		  "%s AND (t.\"%s\" = ?4 OR ", ref->form->table,
		  ref->state ? " AND t.kp_state = ?3" : "", ref->form->fields[ref->show[0]].id);
	label_sql(&b, ref);
	sb_adds(&b, " = ?4) ORDER BY t.id LIMIT 2");
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), err);
	sb_free(&b);
	if (!st)
		return KP_ERR;
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int64(st, 2, session_scope(s));
	if (ref->state)
		sqlite3_bind_text(st, 3, ref->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
	int found = 0;
	while (found < 2 && sqlite3_step(st) == SQLITE_ROW)
		if (!found++)
			*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (found == 1)
		return KP_OK;
	char *unit = store_unit_name(s, unit_id), *hint = label_hint(ref);
	db_set_err(err, xasprintf(msg(found ? MSG_S_REF_AMBIGUOUS : MSG_S_REF_UNKNOWN), fd->label,
			 ref->form->title, unit ? unit : "", ref->state ? state_words(ref->state) : "", text,
			 hint));
	free(unit);
	free(hint);
	return KP_ERR;
}

/* A number: a record the session may see, of the unit, in the state. */
static int check_number(kp_store *s, const kp_field *fd, long long unit_id, long long id, char **err)
{
	const kp_ref *ref = fd->ref;
	char *sql = xasprintf("SELECT t.unit_id, %s FROM \"%s\" t WHERE t.id = ?1 AND (?2 = 0 OR t.unit_id = ?2)",
			      ref->form->review ? "t.kp_state" : "''", ref->form->table);
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, session_scope(s));
	int rc = KP_OK;
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_set_err(err, xasprintf(msg(MSG_S_REF_NONE), fd->label, ref->form->title, id));
		rc = KP_ERR;
	} else if (sqlite3_column_int64(st, 0) != unit_id) {
		char *theirs = store_unit_name(s, sqlite3_column_int64(st, 0)), *ours = store_unit_name(s, unit_id);
		db_set_err(err, xasprintf(msg(MSG_S_REF_UNIT), fd->label, ref->form->title, id, theirs ? theirs : "",
				 ours ? ours : ""));
		free(theirs);
		free(ours);
		rc = KP_ERR;
	} else if (ref->state && strcmp((const char *)sqlite3_column_text(st, 1), ref->state)) {
		db_set_err(err, xasprintf(msg(MSG_S_REF_STATE), fd->label, ref->form->title, id,
				 state_words((const char *)sqlite3_column_text(st, 1)), state_words(ref->state)));
		rc = KP_ERR;
	}
	sqlite3_finalize(st);
	return rc;
}

int refs_resolve(kp_store *s, const kp_form *f, const kp_record *old, kp_record *r, char ***held,
		 char **err)
{
	*held = NULL;
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		const char *v = r->vals[i] ? r->vals[i] : "";
		if (fd->type != FT_RECORD || !fd->ref || !fd->ref->form || !v[0])
			continue;
		/* An unchanged link stays, even to a record since returned: the
		 * lists say what it is now (store_ref_label). */
		if (old && !strcmp(old->vals[i], v))
			continue;
		/* Whether the session may write the record at all is said
		 * first: a unit learns nothing of the records it names. */
		if (!*held && session_may_write(s, f, old, r, err) != KP_OK)
			return KP_ERR;
		if (!*held)
			*held = xcalloc(f->nfields, sizeof **held);
		long long id;
		if (!text_all_digits(v)) {
			if (by_name(s, fd, r->unit_id, v, &id, err) != KP_OK)
				return KP_ERR;
			/* The caller's value is kept aside, not freed: an
			 * import's values live in its chunk's buffer. */
			(*held)[i] = r->vals[i];
			r->vals[i] = xasprintf("%lld", id);
		} else if (check_number(s, fd, r->unit_id, atoll(v), err) != KP_OK) {
			return KP_ERR;
		}
	}
	return KP_OK;
}

void refs_restore(const kp_form *f, kp_record *r, char **held)
{
	for (size_t i = 0; held && i < f->nfields; i++)
		if (held[i]) {
			free(r->vals[i]);
			r->vals[i] = held[i];
		}
	free(held);
}

int refs_block_delete(kp_store *s, const kp_form *f, long long id, char **err)
{
	for (size_t k = 0; k < s->nreferrers; k++) {
		const kp_form *g = s->referrers[k];
		for (size_t i = 0; i < g->nfields; i++) {
			const kp_field *fd = &g->fields[i];
			if (fd->type != FT_RECORD || !fd->ref || strcmp(fd->ref->form_id, f->id))
				continue;
			/* Every unit's: a link is refused to another unit, so
			 * what this names is the deleting unit's own. */
			char *sql = xasprintf("SELECT id FROM \"%s\" WHERE \"%s\" = ?1 LIMIT 1", g->table, fd->id);
			sqlite3_stmt *st = db_prepare(s, sql, err);
			free(sql);
			if (!st)
				return KP_ERR;
			sqlite3_bind_int64(st, 1, id);
			long long by = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
			sqlite3_finalize(st);
			if (by) {
				db_set_err(err, xasprintf(msg(MSG_S_REF_IN_USE), id, g->title, by));
				return KP_ERR;
			}
		}
	}
	return KP_OK;
}

char *store_shown(kp_store *s, const kp_field *fd, const char *v)
{
	if (fd->type == FT_MULTICHOICE)
		return multi_join(v);
	if (fd->type == FT_RECORD)
		return store_ref_label(s, fd, v);
	return xstrdup(v);
}
