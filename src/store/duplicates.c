/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Possible duplicates: another record, of any unit, holding the same values
 * in the fields a form names in unique_hint (附表2: 姓名 and 联系电话), or
 * (similar_hint, 附表2: 联系电话) the same values in some of them while
 * the others differ: a name corrected by one character, or (near_hint)
 * the same unit's record whose values agree by their near keys
 * (core/nearkey.h: 科普讲座（一） and 科普讲座（二） on the same day at
 * 许昌市魏都区文化中心 and 文化中心). The
 * search has to read every unit's rows, so it lives here, in the store:
 * what it tells a session is cut to what that session may read
 * (session_may_see), and a unit learns only that there is one elsewhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dupkey.h"
#include "core/json.h"
#include "core/msg.h"
#include "core/nearkey.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store/db.h"

/* A name's spellings sought by the index, at most (text_person_spellings):
 * 罗德明 has 2 × 4 × 2 (罗羅, 德徳悳惪, 明朙), 欧阳国华 2 × 2 × 9 × 2. */
#define ALIKE_SPELLINGS 256

int dup_key_how(const kp_field *fd)
{
	if (fd->place)
		return DUPKEY_PLACE;
	return fd->pattern && (fd->pattern->normalise & NORM_NAME_DOTS) ? DUPKEY_PERSON : DUPKEY_TEXT;
}

void dup_bind_places(sqlite3_stmt *st, const kp_form *f)
{
	for (size_t i = 0; i < f->nfields; i++)
		if (f->fields[i].place) {
			char *arg = xasprintf(":place_%s", f->fields[i].id);
			int at = sqlite3_bind_parameter_index(st, arg);
			if (at > 0)
				sqlite3_bind_text(st, at, f->fields[i].place, -1, SQLITE_STATIC);
			free(arg);
		}
}

void dup_same(strbuf *b, const kp_field *fd, const char *col, const char *other)
{
	int how = fd->type == FT_TEXT ? dup_key_how(fd) : -1;
	if (how == DUPKEY_TEXT) /* free text: as text_dup_key compares it */
		sb_printf(b, " AND kp_dupkey(%s\"%s\") = kp_dupkey(%s)", col, fd->id, other);
	else if (how == DUPKEY_PERSON)
		sb_printf(b, " AND kp_dupkey(%s\"%s\", %d, NULL) = kp_dupkey(%s, %d, NULL)", col, fd->id, how, other, how);
	else if (how == DUPKEY_PLACE)
		sb_printf(b, " AND kp_dupkey(%s\"%s\", %d, :place_%s) = kp_dupkey(%s, %d, :place_%s)", col, fd->id, how,
			  fd->id, other, how, fd->id);
	else if (fd->type == FT_PHONE) /* with or without an extension: two ranges the index seeks */
		sb_printf(b, " AND (%s\"%s\" = kp_phonemain(%s) OR %s\"%s\" BETWEEN kp_phonemain(%s) || '转'"
			     " AND kp_phonemain(%s) || '转~')",
			  col, fd->id, other, col, fd->id, other, other);
	else /* a typed value is stored normalised (validate.c); its index is used */
		sb_printf(b, " AND %s\"%s\" = %s", col, fd->id, other);
}

/* "t.name ~ ?3 AND t.phone = ?4 …": the hint's fields bound from ?first. */
static void hint_where(strbuf *b, const kp_form *f, int first)
{
	for (size_t i = 0; i < f->nhint; i++) {
		char arg[24];
		snprintf(arg, sizeof arg, "?%zu", (size_t)first + i);
		dup_same(b, &f->fields[f->hint[i]], "t.", arg);
	}
}

/* "t.phone = ?4 AND NOT (1 AND t.name = ?3 AND t.phone = ?4)": the similar
 * fields the same, not all the hint's; the hint's values bound from ?first. */
static void similar_where(strbuf *b, const kp_form *f, int first)
{
	for (size_t j = 0; j < f->nsimilar; j++)
		for (size_t i = 0; i < f->nhint; i++)
			if (f->hint[i] == f->similar[j]) {
				char arg[24];
				snprintf(arg, sizeof arg, "?%zu", (size_t)first + i);
				dup_same(b, &f->fields[f->hint[i]], "t.", arg);
			}
	sb_adds(b, " AND NOT (1");
	hint_where(b, f, first);
	sb_adds(b, ")");
}

/* similar_hint's rule k over other fields (附表2: 姓名 and 工作单位): its
 * fields the same, bound by name (:f<field index>) as none is empty, and
 * not all the hint's (bound from ?first; an empty hint value is "not").
 * Folded text no index seeks, so the rows compared are those whose first
 * field is as stored one of its spellings (a person's name: :s<field
 * index>, text_person_spellings; else its value; the rule's index,
 * schema_alike_index), and every row of the record's unit (unit, an SQL
 * expression; the unit index), where a repeat counts against its quota
 * and a name with a dot put anywhere (罗·德明) is found too. */
static void alike_where(strbuf *b, const kp_form *f, size_t k, int first, const char *unit)
{
	const kp_alike *a = &f->alike[k];
	const kp_field *seek = &f->fields[a->fields[0]];
	if (dup_key_how(seek) == DUPKEY_PERSON)
		sb_printf(b, " AND (t.\"%s\" IN (SELECT value FROM json_each(:s%d)) OR t.unit_id = %s)", seek->id,
			  a->fields[0], unit);
	else
		sb_printf(b, " AND (t.\"%s\" = :f%d OR t.unit_id = %s)", seek->id, a->fields[0], unit);
	for (size_t i = 0; i < a->n; i++) {
		char arg[24];
		snprintf(arg, sizeof arg, ":f%d", a->fields[i]);
		sb_printf(b, " AND %s <> ''", arg);
		dup_same(b, &f->fields[a->fields[i]], "t.", arg);
	}
	sb_adds(b, " AND NOT coalesce((1");
	hint_where(b, f, first);
	sb_adds(b, "), 0)");
}

static void bind_alike(sqlite3_stmt *st, const kp_form *f, size_t k, const kp_record *r)
{
	for (size_t i = 0; i < f->alike[k].n; i++) {
		char arg[24];
		snprintf(arg, sizeof arg, ":f%d", f->alike[k].fields[i]);
		int at = sqlite3_bind_parameter_index(st, arg);
		if (at > 0)
			sqlite3_bind_text(st, at, r->vals[f->alike[k].fields[i]], -1, SQLITE_STATIC);
	}
	int seek = f->alike[k].fields[0];
	char arg[24];
	snprintf(arg, sizeof arg, ":s%d", seek);
	int at = sqlite3_bind_parameter_index(st, arg);
	if (at > 0 && r->vals[seek]) { /* the spellings alike_where seeks */
		size_t n;
		char **spelt = text_person_spellings(r->vals[seek], ALIKE_SPELLINGS, &n);
		sqlite3_bind_text(st, at, json_array_encode(spelt, n), -1, free);
		json_array_free(spelt, n);
	}
}

static bool alike_filled(const kp_form *f, size_t k, const kp_record *r)
{
	for (size_t i = 0; i < f->alike[k].n; i++)
		if (!r->vals[f->alike[k].fields[i]] || !r->vals[f->alike[k].fields[i]][0])
			return false;
	return true;
}

/* "kp_nearkey(how, t.col, unit, ?pre) = kp_nearkey(how, other, ounit, …)". */
static void near_same(strbuf *b, int how, const char *col, const char *unit, const char *other, const char *ounit,
		      int pre)
{
	sb_printf(b, "kp_nearkey(%d, t.\"%s\", %s, ?%d) = kp_nearkey(%d, %s, %s, ?%d)", how, col, unit, pre, how, other,
		  ounit, pre);
}

/* The near rule (near_hint) between t's hint fields and others, bound
 * from ?first or (first 0) m's columns: NEAR_SAME fields as dup_same,
 * NEAR_ANY not at all, NEAR_FIRST by the first name or by all of them
 * (NEAR_AUTHORS), the others by their near keys under unit (an SQL
 * expression: t's unit's name) and the prefixes bound at ?pre. Across
 * units (ounit, the other record's unit, not NULL) a place is compared as
 * where it is (NEAR_PLACE_UNIT): 魏都区's 文化中心 and 东城区's 魏都区文化中心
 * are near, 魏都区's and 东城区's 文化中心 are not. */
static void near_where(strbuf *b, const kp_form *f, int first, const char *unit, const char *ounit, int pre)
{
	for (size_t i = 0; i < f->nhint; i++) {
		const kp_field *fd = &f->fields[f->hint[i]];
		int how = f->near[i];
		char *other = first ? xasprintf("?%zu", (size_t)first + i) : xasprintf("m.\"%s\"", fd->id);
		if (how == NEAR_SAME) {
			dup_same(b, fd, "t.", other);
		} else if (how == NEAR_FIRST) {
			sb_adds(b, " AND (");
			near_same(b, how, fd->id, unit, other, ounit ? ounit : unit, pre);
			sb_adds(b, " OR ");
			near_same(b, NEAR_AUTHORS, fd->id, unit, other, ounit ? ounit : unit, pre);
			sb_adds(b, ")");
		} else if (how != NEAR_ANY) {
			sb_adds(b, " AND ");
			near_same(b, how == NEAR_PLACE && ounit ? NEAR_PLACE_UNIT : how, fd->id, unit, other,
				  ounit ? ounit : unit, pre);
		}
		free(other);
	}
}

bool dup_near_typed(const kp_form *f)
{
	for (size_t i = 0; i < f->nhint; i++)
		if (f->near[i] == NEAR_SAME && f->fields[f->hint[i]].type != FT_TEXT)
			return true;
	return false;
}

/* The near rule's look-up: r's unit's records near r and not the same
 * (that is said as a repeat), the prefixes bound after the scope. */
static void near_match_where(strbuf *b, const kp_form *f, int first)
{
	/* the hint index by a typed value, not every row of the unit */
	sb_printf(b, " AND %st.unit_id = ?2", dup_near_typed(f) ? "+" : "");
	near_where(b, f, first, "u.name", NULL, first + (int)f->nhint + 1);
	sb_adds(b, " AND NOT (1");
	hint_where(b, f, first);
	sb_adds(b, ")");
}

static void match_where(strbuf *b, const kp_form *f, dup_kind kind, size_t rule, int first)
{
	if (kind == DUP_ALIKE)
		alike_where(b, f, rule, first, "?2");
	else if (kind == DUP_SIMILAR)
		similar_where(b, f, first);
	else if (kind == DUP_NEAR)
		near_match_where(b, f, first);
	else
		hint_where(b, f, first);
}

char *dup_near_why(const kp_form *f)
{
	strbuf b = STRBUF_INIT, any = STRBUF_INIT;
	for (size_t i = 0; i < f->nhint; i++) {
		const char *label = f->fields[f->hint[i]].label;
		if (f->near[i] == NEAR_ANY) {
			sb_printf(&any, "%s%s", any.len ? "、" : "", label);
			continue;
		}
		sb_printf(&b, "%s", b.len ? "、" : "");
		if (f->near[i] == NEAR_SAME)
			sb_adds(&b, label);
		else
			sb_printf(&b, msg(f->near[i] == NEAR_NUMBERED ? MSG_S_NEAR_NUMBERED
					  : f->near[i] == NEAR_PLACE  ? MSG_S_NEAR_PLACE
								      : MSG_S_NEAR_FIRST),
				  label);
	}
	char *regardless = any.len ? xasprintf(msg(MSG_S_NEAR_ANY), sb_str(&any)) : xstrdup("");
	char *why = xasprintf(msg(MSG_S_NEAR_WHY), sb_str(&b), regardless); /* 「…相同（不论类型）」 */
	free(regardless);
	sb_free(&b);
	sb_free(&any);
	return why;
}

char *dup_similar_why(const kp_form *f, int alike)
{
	const int *rule = alike ? f->alike[alike - 1].fields : f->similar;
	size_t n = alike ? f->alike[alike - 1].n : f->nsimilar;
	strbuf same = STRBUF_INIT, other = STRBUF_INIT;
	for (size_t j = 0; j < n && alike; j++) /* the rule's own order: 姓名、工作单位 */
		sb_printf(&same, "%s%s", same.len ? "、" : "", f->fields[rule[j]].label);
	for (size_t i = 0; i < f->nhint; i++) {
		bool in = false;
		for (size_t j = 0; j < n; j++)
			in |= rule[j] == f->hint[i];
		strbuf *to = in ? &same : &other;
		if (!in || !alike)
			sb_printf(to, "%s%s", to->len ? "、" : "", f->fields[f->hint[i]].label);
	}
	char *why = xasprintf(msg(MSG_S_SIMILAR_WHY), sb_str(&same), sb_str(&other));
	sb_free(&same);
	sb_free(&other);
	return why;
}

/* The first hint field's value as lists show it: a record field (a
 * nomination's talent) by its record's name, not its number. */
static char *shown_name(kp_store *s, const kp_form *f, sqlite3_stmt *st, int col)
{
	char *raw = db_text(st, col);
	char *shown = f->nhint ? store_shown(s, &f->fields[f->hint[0]], raw) : NULL;
	if (!shown)
		return raw;
	free(raw);
	return shown;
}

static bool hint_filled(const kp_form *f, const kp_record *r)
{
	for (size_t i = 0; i < f->nhint; i++)
		if (!r->vals[f->hint[i]] || !r->vals[f->hint[i]][0])
			return false;
	return f->nhint > 0;
}

void dup_free(kp_dup *d)
{
	free(d->unit_name);
	free(d->name);
	memset(d, 0, sizeof *d);
}

/* Can r be looked up by kind at all: its compared values filled, the
 * form has the rule? */
static bool find_applies(const kp_form *f, const kp_record *r, dup_kind kind, size_t rule)
{
	if (kind == DUP_ALIKE)
		return f->nhint && rule < f->nalike && alike_filled(f, rule, r);
	if ((kind == DUP_SIMILAR && !f->nsimilar) || (kind == DUP_NEAR && !f->near))
		return false;
	return hint_filled(f, r);
}

/* A pair saved on purpose (marked) is not said again while r's compared
 * values are those it was marked with: an edit of another field is no new
 * repeat; a new pair, or new values, still are. A new record (?1 = 0) has
 * no pair: no look-up per row. (:tbl is named: alike rules number their
 * own parameters after ?N.) */
static void unmarked_where(strbuf *b, const kp_form *f)
{
	sb_printf(b, " AND (?1 = 0 OR NOT EXISTS (SELECT 1 FROM kp_duplicates d, \"%s\" m WHERE m.id = ?1 AND d.tbl = :tbl"
		     " AND ((d.id = ?1 AND d.other = t.id) OR (d.id = t.id AND d.other = ?1))",
		  f->table);
	for (size_t i = 0; i < f->nhint; i++)
		sb_printf(b, " AND m.\"%s\" IS ?%zu", f->fields[f->hint[i]].id, i + 3);
	sb_adds(b, "))");
}

/* The look-up by kind: ?1 r's id, ?2 its unit, its hint values from ?3,
 * the unit scope after them (0: every unit), then the near rule's
 * prefixes; r's unit's first. */
static sqlite3_stmt *find_prepare(kp_store *s, const kp_form *f, dup_kind kind, size_t rule)
{
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "SELECT t.id, t.unit_id, u.name, t.\"%s\" FROM \"%s\" t JOIN units u ON u.id = t.unit_id"
		      " WHERE t.id <> ?1 AND (?%zu = 0 OR t.unit_id = ?%zu)",
		  f->fields[f->hint[0]].id, f->table, f->nhint + 3, f->nhint + 3);
	match_where(&b, f, kind, rule, 3);
	unmarked_where(&b, f);
	sb_adds(&b, " ORDER BY t.unit_id <> ?2, t.id LIMIT 1");
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), NULL);
	sb_free(&b);
	return st;
}

static void find_bind(kp_store *s, sqlite3_stmt *st, const kp_form *f, const kp_record *r, dup_kind kind, size_t rule,
		      bool scoped)
{
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, r->unit_id);
	for (size_t i = 0; i < f->nhint; i++)
		sqlite3_bind_text(st, (int)(3 + i), r->vals[f->hint[i]], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, (int)f->nhint + 3, scoped ? session_scope(s) : 0);
	if (kind == DUP_NEAR)
		sqlite3_bind_text(st, (int)f->nhint + 4, f->near_prefixes, -1, SQLITE_STATIC);
	if (kind == DUP_ALIKE)
		bind_alike(st, f, rule, r);
	dup_bind_places(st, f);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":tbl"), f->table, -1, SQLITE_STATIC);
}

/* The row found, as much as the session may read of it. */
static void find_read(kp_store *s, const kp_form *f, const kp_record *r, sqlite3_stmt *st, dup_kind kind,
		      size_t rule, kp_dup *out)
{
	long long unit = sqlite3_column_int64(st, 1);
	out->found = true;
	out->other_unit = unit != r->unit_id;
	if (session_may_see(s, unit)) {
		out->id = sqlite3_column_int64(st, 0);
		out->unit_name = db_text(st, 2);
		out->name = shown_name(s, f, st, 3);
	}
	out->similar = kind == DUP_SIMILAR || kind == DUP_ALIKE;
	out->alike = kind == DUP_ALIKE ? (int)rule + 1 : 0;
	out->near = kind == DUP_NEAR;
}

/* The first other record matching r by kind (the hint, similar_hint, its
 * rule over other fields numbered rule, or near_hint), r's unit's first;
 * with scoped, of the units the session reads only. *stp holds the
 * statement (made when NULL, kept for the caller's next). */
static bool find(kp_store *s, const kp_form *f, const kp_record *r, dup_kind kind, size_t rule, bool scoped,
		 sqlite3_stmt **stp, kp_dup *out)
{
	memset(out, 0, sizeof *out);
	if (!find_applies(f, r, kind, rule))
		return false;
	if (!*stp)
		*stp = find_prepare(s, f, kind, rule);
	sqlite3_stmt *st = *stp;
	if (!st)
		return false;
	sqlite3_reset(st);
	find_bind(s, st, f, r, kind, rule, scoped);
	if (sqlite3_step(st) == SQLITE_ROW)
		find_read(s, f, r, st, kind, rule, out);
	sqlite3_reset(st);
	return out->found;
}

bool store_find_duplicate(kp_store *s, const kp_form *f, const kp_record *r, kp_dup *out)
{
	memset(out, 0, sizeof *out);
	if (session_need(s, ANY_SESSION, NULL) != KP_OK)
		return false;
	/* No unit scope here, on purpose: the point is the other units' rows.
	 * Nothing of them leaves find for a unit. The same values first, then
	 * the similar ones, then the near ones (r's unit's only). */
	bool found = false, quiet = false;
	for (int kind = DUP_SAME; kind <= DUP_ALIKE && !found; kind++)
		for (size_t rule = 0; rule < (kind == DUP_ALIKE ? f->nalike : 1) && !found; rule++) {
			sqlite3_stmt *st = NULL;
			found = find(s, f, r, (dup_kind)kind, rule, false, &st, out);
			sqlite3_finalize(st);
			/* A unit is told of another unit's person by 姓名 and 联系电话
			 * only (docs/security.md): a phone alone, or 姓名 and 工作单位,
			 * known of a rival's experts, would probe its recommendations.
			 * Such a record is marked for the city instead (out->quiet). */
			if (found && kind != DUP_SAME && out->other_unit && !out->id) {
				dup_free(out);
				found = false;
				quiet = true;
			}
		}
	out->quiet = !found && quiet;
	return found;
}

bool dup_seen(kp_store *s, const kp_form *f, const kp_record *r, dup_kind kind, sqlite3_stmt **stp, kp_dup *out)
{
	return find(s, f, r, kind, 0, true, stp, out);
}

bool dup_alike(kp_store *s, const kp_form *f, const kp_record *r, size_t rule, sqlite3_stmt **stp, kp_dup *out)
{
	return find(s, f, r, DUP_ALIKE, rule, false, stp, out);
}

int store_ensure_duplicates(kp_store *s, char **err)
{
	return db_exec(s,
		       "CREATE TABLE IF NOT EXISTS kp_duplicates ("
		       " tbl TEXT NOT NULL,"
		       " id INTEGER NOT NULL,"    /* the record saved although warned */
		       " other INTEGER NOT NULL," /* a record it may repeat */
		       " marked_by TEXT NOT NULL,"
		       " marked_at TEXT NOT NULL,"
		       " PRIMARY KEY (tbl, id, other))", err);
}

/* Pair m (r, stored) with the records t that cond (SQL after "WHERE …",
 * join after m: what cond reads) finds, in kp_duplicates; the record
 * marked must be one the session may read (its own), the pairs are read
 * by the city only. ?1-?4 are bound here, r's hint values from ?5 unless
 * prefixes (then those at ?5), rule k's values (:f<field>) if k < nalike.
 * *changes grows by the pairs made. */
static int mark_pairs(kp_store *s, const kp_form *f, const kp_record *r, const char *join, const char *cond,
		      const char *prefixes, size_t k, int *changes, char **err)
{
	char *sql = xasprintf("INSERT INTO kp_duplicates (tbl, id, other, marked_by, marked_at)"
			      " SELECT ?1, m.id, t.id, ?3, kp_now() FROM \"%s\" m%s, \"%s\" t"
			      " WHERE m.id = ?2 AND (?4 = 0 OR m.unit_id = ?4) AND t.id <> m.id%s ON CONFLICT DO NOTHING",
			      f->table, join, f->table, cond);
	sqlite3_stmt *st = db_prepare(s, sql, err);
	free(sql);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, r->id);
	sqlite3_bind_text(st, 3, store_session_user(s), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, session_scope(s));
	if (prefixes)
		sqlite3_bind_text(st, 5, prefixes, -1, SQLITE_STATIC);
	for (size_t i = 0; i < f->nhint && !prefixes; i++)
		sqlite3_bind_text(st, (int)(5 + i), r->vals[f->hint[i]], -1, SQLITE_STATIC);
	if (k < f->nalike)
		bind_alike(st, f, k, r);
	dup_bind_places(st, f);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : db_fail(s, err);
	if (rc == KP_OK)
		*changes += sqlite3_changes(s->db);
	sqlite3_finalize(st);
	return rc;
}

/* mark_pairs by cond (b, grown here), its pairs counted in *changes when
 * the session reads the other record, else (another unit's, by a rule a
 * unit is not told of: store_find_duplicate) in *quiet. */
static int mark_told(kp_store *s, const kp_form *f, const kp_record *r, strbuf *b, size_t k, int *changes,
		     int *quiet, char **err)
{
	size_t at = b->len;
	sb_adds(b, " AND (?4 = 0 OR t.unit_id = ?4)");
	int rc = mark_pairs(s, f, r, "", sb_str(b), NULL, k, changes, err);
	b->len = at;
	b->s[at] = '\0';
	sb_adds(b, " AND ?4 <> 0 AND t.unit_id <> ?4");
	return rc == KP_OK ? mark_pairs(s, f, r, "", sb_str(b), NULL, k, quiet, err) : rc;
}

int dup_mark_in_tx(kp_store *s, const kp_form *f, const kp_record *r, bool near, bool *marked, char **err)
{
	*marked = false;
	if (!hint_filled(f, r))
		return KP_OK;
	strbuf b = STRBUF_INIT;
	sb_adds(&b, " AND (1");
	hint_where(&b, f, 5);
	sb_adds(&b, ")");
	int changes = 0, quiet = 0;
	int rc = mark_pairs(s, f, r, "", sb_str(&b), NULL, f->nalike, &changes, err);
	if (rc == KP_OK && f->nsimilar) { /* saved although warned of either */
		sb_clear(&b);
		similar_where(&b, f, 5);
		rc = mark_told(s, f, r, &b, f->nalike, &changes, &quiet, err);
	}
	/* similar_hint's rules over other fields (附表2: the same 姓名 and
	 * 工作单位), each by its index */
	for (size_t k = 0; rc == KP_OK && k < f->nalike; k++)
		if (alike_filled(f, k, r)) {
			sb_clear(&b);
			alike_where(&b, f, k, 5, "m.unit_id");
			rc = mark_told(s, f, r, &b, k, &changes, &quiet, err);
		}
	if (rc == KP_OK && near && f->near) { /* the same unit's records near it (near_hint) */
		sb_clear(&b);
		sb_printf(&b, " AND %st.unit_id = m.unit_id", dup_near_typed(f) ? "+" : "");
		near_where(&b, f, 0, "u.name", NULL, 5);
		rc = mark_pairs(s, f, r, " JOIN units u ON u.id = m.unit_id", sb_str(&b), f->near_prefixes, f->nalike,
				&changes, err);
	}
	sb_free(&b);
	*marked = changes > 0;
	if (rc == KP_OK && changes + quiet > 0) {
		char *what[] = {"kp_duplicates", "", "marked"};
		if ((rc = db_audit(s, NULL, f->table, r->id, r->unit_id, "duplicate", what, 3)) != KP_OK)
			db_fail(s, err);
	}
	return rc;
}

int dup_unmark_stale(kp_store *s, const kp_form *f, long long id, long long unit_id)
{
	if (!f->nhint)
		return KP_OK;
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "DELETE FROM kp_duplicates WHERE tbl = ?1 AND (id = ?2 OR other = ?2) AND NOT EXISTS"
		      " (SELECT 1 FROM \"%s\" m, \"%s\" t WHERE m.id = kp_duplicates.id AND t.id = kp_duplicates.other"
		      " AND ((1", f->table, f->table);
	for (size_t i = 0; i < f->nhint; i++) {
		char *col = xasprintf("m.\"%s\"", f->fields[f->hint[i]].id);
		dup_same(&b, &f->fields[f->hint[i]], "t.", col);
		free(col);
	}
	sb_adds(&b, ") OR (0 < ?3");
	for (size_t j = 0; j < f->nsimilar; j++) {
		char *col = xasprintf("m.\"%s\"", f->fields[f->similar[j]].id);
		dup_same(&b, &f->fields[f->similar[j]], "t.", col);
		free(col);
	}
	for (size_t k = 0; k < f->nalike; k++) { /* similar_hint's rules over other fields */
		sb_adds(&b, ") OR (1");
		for (size_t i = 0; i < f->alike[k].n; i++) {
			char *col = xasprintf("m.\"%s\"", f->fields[f->alike[k].fields[i]].id);
			dup_same(&b, &f->fields[f->alike[k].fields[i]], "t.", col);
			free(col);
		}
	}
	sb_adds(&b, ") OR (?4 AND t.unit_id = m.unit_id");
	if (f->near)
		near_where(&b, f, 0, "(SELECT name FROM units WHERE id = m.unit_id)", NULL, 5);
	sb_adds(&b, ")))");
	sqlite3_stmt *st = db_prepare(s, sb_str(&b), NULL);
	sb_free(&b);
	if (!st)
		return KP_ERR;
	sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int(st, 3, (int)f->nsimilar);
	sqlite3_bind_int(st, 4, f->near != NULL);
	sqlite3_bind_text(st, 5, f->near_prefixes, -1, SQLITE_STATIC);
	dup_bind_places(st, f);
	int rc = sqlite3_step(st) == SQLITE_DONE ? KP_OK : KP_ERR;
	sqlite3_finalize(st);
	if (rc == KP_OK && sqlite3_changes(s->db) > 0) {
		char *what[] = {"kp_duplicates", "marked", ""};
		rc = db_audit(s, NULL, f->table, id, unit_id, "duplicate", what, 3);
	}
	return rc;
}

int store_mark_duplicate(kp_store *s, const kp_form *f, const kp_record *r, char **err)
{
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	if (!hint_filled(f, r))
		return KP_OK;
	if (db_begin(s, err) != KP_OK)
		return KP_ERR;
	bool marked;
	return db_end(s, dup_mark_in_tx(s, f, r, true, &marked, err), err);
}

/* Append to out (n of cap) the rows st finds: id, unit, the first hint
 * field; near says they were found by the near rule, not marked. */
static void read_dups(kp_store *s, const kp_form *f, sqlite3_stmt *st, bool near, kp_dup **out, size_t *n, size_t *cap)
{
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (*n == *cap)
			*out = xrealloc(*out, (*cap = *cap ? *cap * 2 : 4) * sizeof **out);
		kp_dup *d = &(*out)[(*n)++];
		memset(d, 0, sizeof *d);
		d->found = true;
		d->id = sqlite3_column_int64(st, 0);
		d->unit_name = db_text(st, 1);
		d->name = shown_name(s, f, st, 2);
		d->near = near;
	}
	sqlite3_finalize(st);
}

/* The records near record id by near_hint, of any unit, that are not
 * marked with it (a unit is warned of its own near records only, so
 * another unit's reaches the city here), at most DUP_NEAR_MAX; NULL when
 * id has a compared value empty (as the look-up: none then). Its values
 * and unit are bound, so their keys are made once, not per row read: ?1
 * the table, ?2 id, ?3 its unit's name, its hint values from ?4, the
 * prefixes after them. */
enum { DUP_NEAR_MAX = 20 };
static sqlite3_stmt *near_unmarked(kp_store *s, const kp_form *f, long long id)
{
	strbuf b = STRBUF_INIT;
	sb_adds(&b, "SELECT mu.name");
	for (size_t i = 0; i < f->nhint; i++)
		sb_printf(&b, ", m.\"%s\"", f->fields[f->hint[i]].id);
	sb_printf(&b, " FROM \"%s\" m JOIN units mu ON mu.id = m.unit_id WHERE m.id = ?1", f->table);
	sqlite3_stmt *m = db_prepare(s, sb_str(&b), NULL);
	sb_clear(&b);
	sqlite3_stmt *st = NULL;
	bool filled = m && (sqlite3_bind_int64(m, 1, id), sqlite3_step(m) == SQLITE_ROW);
	for (size_t i = 0; filled && i < f->nhint; i++)
		filled = sqlite3_column_bytes(m, (int)i + 1) > 0;
	if (filled) {
		int pre = 4 + (int)f->nhint;
		sb_printf(&b, "SELECT t.id, u.name, t.\"%s\" FROM \"%s\" t JOIN units u ON u.id = t.unit_id WHERE t.id <> ?2",
			  f->fields[f->hint[0]].id, f->table);
		near_where(&b, f, 4, "u.name", "?3", pre);
		sb_printf(&b, " AND NOT EXISTS (SELECT 1 FROM kp_duplicates d WHERE d.tbl = ?1"
			      " AND ((d.id = ?2 AND d.other = t.id) OR (d.id = t.id AND d.other = ?2)))"
			      " ORDER BY t.id LIMIT %d", DUP_NEAR_MAX);
		st = db_prepare(s, sb_str(&b), NULL);
	}
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		for (int i = 0; i <= (int)f->nhint; i++)
			sqlite3_bind_text(st, 3 + i, (const char *)sqlite3_column_text(m, i), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4 + (int)f->nhint, f->near_prefixes, -1, SQLITE_STATIC);
	}
	sqlite3_finalize(m);
	sb_free(&b);
	return st;
}

size_t store_duplicates_of(kp_store *s, const kp_form *f, long long id, kp_dup **out)
{
	*out = NULL;
	if (session_need(s, CITY_OR_ADMIN, NULL) != KP_OK) /* the pairs span units: the city's */
		return 0;
	char *sql = xasprintf("SELECT t.id, u.name, t.\"%s\" FROM kp_duplicates d"
			      " JOIN \"%s\" t ON t.id = CASE WHEN d.id = ?2 THEN d.other ELSE d.id END"
			      " JOIN units u ON u.id = t.unit_id"
			      " WHERE d.tbl = ?1 AND (d.id = ?2 OR d.other = ?2) ORDER BY t.id",
			      f->nhint ? f->fields[f->hint[0]].id : "id", f->table);
	sqlite3_stmt *st = db_prepare(s, sql, NULL);
	free(sql);
	size_t n = 0, cap = 0;
	if (st) {
		sqlite3_bind_text(st, 1, f->table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
	}
	read_dups(s, f, st, false, out, &n, &cap);
	if (f->near && f->nhint)
		read_dups(s, f, near_unmarked(s, f, id), true, out, &n, &cap);
	return n;
}
