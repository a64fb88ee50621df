/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The session: on whose behalf every statement of the store runs, and the
 * rules of who may read and change what (store.h explains the kinds). The
 * rules live here and nowhere else; screens ask them only for an early
 * word. */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "store/db.h"

static bool narrows(kp_session_kind from, kp_session_kind to)
{
	switch (from) {
	case SESSION_ADMIN: return true;
	case SESSION_NONE: return to == SESSION_CITY || to == SESSION_UNIT;
	case SESSION_CITY: return to == SESSION_UNIT;
	case SESSION_UNIT: return false;
	}
	return false;
}

int store_session(kp_store *s, kp_session_kind kind, const char *user, long long unit_id,
		  char **err)
{
	static const enum kp_msg_id names[] = {MSG_P_OWNER_CITY, MSG_P_OWNER_CITY, MSG_P_COL_UNIT,
					       MSG_SS_SIGN_IN};
	if (!narrows(s->kind, kind)) {
		db_set_err(err, xasprintf(msg(MSG_SS_WIDEN), msg(names[kind])));
		return KP_ERR;
	}
	char *unit = NULL;
	if (kind == SESSION_UNIT && !(unit = store_unit_name(s, unit_id))) {
		db_set_err(err, xasprintf(msg(MSG_S_NO_UNIT), "?"));
		return KP_ERR;
	}
	free(unit);
	store_forget_viewed(s); /* what one account read is not another's */
	s->kind = kind;
	free(s->actor);
	s->actor = xstrdup(user ? user : "");
	s->actor_unit = kind == SESSION_UNIT ? unit_id : 0;
	return KP_OK;
}

kp_session_kind store_session_kind(const kp_store *s) { return s->kind; }
long long store_session_unit(const kp_store *s) { return s->kind == SESSION_UNIT ? s->actor_unit : 0; }
const char *store_session_user(const kp_store *s) { return s->kind == SESSION_NONE ? "" : s->actor; }
/* No unit has the number -1: before a login, every read finds nothing. */
long long session_scope(const kp_store *s) { return s->kind == SESSION_NONE ? -1 : store_session_unit(s); }

/* 0 (every year) only for a store whose years were never set up (years.c). */
int session_year(const kp_store *s) { return s->year; }

int session_need(kp_store *s, unsigned kinds, char **err)
{
	if (kinds & SESSION_KIND(s->kind))
		return KP_OK;
	if (err)
		db_set_err(err, xstrdup(msg(s->kind == SESSION_NONE ? MSG_SS_SIGN_IN
				   : kinds == SESSION_KIND(SESSION_ADMIN) ? MSG_SS_ADMIN_ONLY
									  : MSG_SS_CITY_ONLY)));
	return KP_ERR;
}

/* Who may write a form or field the YAML gives to one side
 * (written_by): the administrator writes everything. */
static bool writer_allows(const kp_store *s, kp_writer w)
{
	switch (s->kind) {
	case SESSION_ADMIN: return true;
	case SESSION_CITY: return w != WRITER_UNIT;
	case SESSION_UNIT: return w != WRITER_CITY;
	case SESSION_NONE: return false;
	}
	return false;
}

bool session_may_see(const kp_store *s, long long unit_id)
{
	long long scope = session_scope(s);
	return scope == 0 || scope == unit_id;
}

bool store_may_write_form(const kp_store *s, const kp_form *f) { return writer_allows(s, f->written_by); }
bool store_may_write_field(const kp_store *s, const kp_field *fd) { return writer_allows(s, fd->written_by); }

/* The review workflow, the whole of it: from, to, who. */
static const struct {
	const char *from, *to;
	unsigned who;
} moves[] = {
	{"draft", "submitted", SESSION_KIND(SESSION_UNIT)},     /* 提交 */
	{"returned", "submitted", SESSION_KIND(SESSION_UNIT)},  /* corrected, again */
	{"submitted", "draft", SESSION_KIND(SESSION_UNIT)},     /* 撤回 before a decision */
	{"submitted", "approved", SESSION_KIND(SESSION_CITY)},  /* 认定 */
	{"submitted", "returned", SESSION_KIND(SESSION_CITY)},  /* 退回 with a reason */
	{"approved", "returned", SESSION_KIND(SESSION_CITY)},   /* reopened */
	{"approved", "submitted", SESSION_KIND(SESSION_CITY)},  /* 撤销认定: approved by mistake */
};

bool store_may_move(const kp_store *s, const char *from, const char *to)
{
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if (!strcmp(moves[i].from, from) && !strcmp(moves[i].to, to))
			return s->kind == SESSION_ADMIN || (moves[i].who & SESSION_KIND(s->kind));
	return false;
}

char *session_stands_sql(const kp_form *f, const char *other, const char *unit)
{
	/* put to the city: what the unit may no longer change alone (moves) */
	if (!f->review)
		return xstrdup("1");
	return xasprintf("(%s.unit_id = %s OR %s.kp_state IN ('submitted', 'approved'))", other, unit, other);
}

char *session_claims_sql(const kp_form *f, const char *other, const char *mine)
{
	/* put to the city, and an approved record is taken from by approved
	 * ones only: a rival's copy submitted after the approval would
	 * otherwise take the 佐证 the city counted (t8h #1) */
	if (!f->review)
		return xstrdup("1");
	return xasprintf("(%s.unit_id = %s.unit_id OR %s.kp_state = 'approved'"
			 " OR (%s.kp_state = 'submitted' AND %s.kp_state <> 'approved'))",
			 other, mine, other, other, mine);
}

bool store_may_enter_year(const kp_store *s, int year)
{
	int today;
	clock_today(&today, &(int){0}, &(int){0});
	return s->kind != SESSION_UNIT || year <= today; /* a unit never into a year not begun */
}

bool store_may_edit_state(const kp_store *s, const char *state)
{
	switch (s->kind) {
	case SESSION_ADMIN: return true;
	case SESSION_CITY: return strcmp(state, "approved") != 0; /* reopened first */
	case SESSION_UNIT: return !strcmp(state, "draft") || !strcmp(state, "returned") || !state[0];
	case SESSION_NONE: return false;
	}
	return false;
}

const char *state_words(const char *code)
{
	static const char *const codes[] = {"draft", "submitted", "approved", "returned"};
	static const enum kp_msg_id ids[] = {MSG_RV_DRAFT, MSG_RV_SUBMITTED, MSG_RV_APPROVED,
					     MSG_RV_RETURNED};
	for (size_t i = 0; i < 4; i++)
		if (!strcmp(code, codes[i]))
			return msg(ids[i]);
	return code;
}

/* KP_OK unless a unit session wants year, which has not begun. */
static int year_begun(kp_store *s, int year, char **err)
{
	if (store_may_enter_year(s, year))
		return KP_OK;
	int today;
	clock_today(&today, &(int){0}, &(int){0});
	db_set_err(err, xasprintf(msg(MSG_SS_YEAR_AHEAD), year, today));
	return KP_ERR;
}

/* A year's closing (years.c: kp_years.closed_at), asked before each of a
 * unit's writes, every row of an import too: the statement is kept. A
 * year the city reopened for one unit (kp_year_units) is not closed to
 * that unit. A store whose years were never set up has none closed. */
bool session_year_closed_to(kp_store *s, int year, long long unit_id, char **when)
{
	if (!s->closed_st)
		s->closed_st = db_prepare(s, "SELECT closed_at FROM kp_years WHERE year = ?1 AND closed_at IS NOT NULL"
					  " AND NOT EXISTS (SELECT 1 FROM kp_year_units WHERE year = ?1 AND unit_id = ?2)",
					  NULL);
	sqlite3_stmt *st = s->closed_st;
	if (!st)
		return false;
	sqlite3_reset(st);
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, unit_id);
	bool closed = sqlite3_step(st) == SQLITE_ROW;
	if (closed && when)
		*when = db_text(st, 0);
	sqlite3_reset(st);
	return closed;
}

bool session_year_closed(kp_store *s, int year, char **when)
{
	return session_year_closed_to(s, year, store_session_unit(s), when);
}

/* A closed year is the city's record of what the units did: a unit
 * changes nothing of it (no record, state, attachment or tick), so last
 * year's ranking is not padded after the year ended. A year not begun
 * holds nothing of a unit's yet: one rule for both, so a form refuses
 * before typing, not at F2. */
int session_may_change_year(kp_store *s, int year, char **err)
{
	char *when = NULL;
	if (year_begun(s, year, err) != KP_OK)
		return KP_ERR;
	if (s->kind != SESSION_UNIT || !session_year_closed(s, year, &when))
		return KP_OK;
	db_set_err(err, xasprintf(msg(MSG_SS_YEAR_CLOSED), year, when));
	free(when);
	return KP_ERR;
}

/* A draft is its owner's input, not the year's record: a sitting the city
 * closed the year under keeps what it typed (saved once the year is
 * reopened, drafts_pending says which wait), but a year not begun takes
 * none, as it takes no record. */
int session_may_draft_year(kp_store *s, int year, char **err) { return year_begun(s, year, err); }

int session_write_year(kp_store *s, int year, long long unit_id, char **err)
{
	if (session_may_change_year(s, year, err) != KP_OK)
		return KP_ERR;
	if (s->kind != SESSION_UNIT && session_year_closed_to(s, year, unit_id, NULL))
		s->closed_pending = year;
	return KP_OK;
}

int store_closed_year_written(const kp_store *s) { return s->closed_written; }

bool store_may_change_year(kp_store *s, int year) { return session_may_change_year(s, year, NULL) == KP_OK; }
int store_why_year_fixed(kp_store *s, int year, char **err) { return session_may_change_year(s, year, err); }

/* The monthly report has no review: its figures are the province's once
 * the city sent its month's briefing on (五.6: units by the 3rd, the city
 * by the 5th). Changed or deleted by the unit after that, the briefing
 * could not be reproduced and a report of zeros filed on time would pass
 * for an on-time one; the city, the referee, may still correct it. */
int store_may_change_report(kp_store *s, const kp_form *f, const kp_record *rec, char **err)
{
	if (s->kind != SESSION_UNIT || !s->cat || !rec || !rec->id)
		return KP_OK;
	const kp_schedule *sc = &s->cat->schedule;
	int field = sc->report_form && !strcmp(f->id, sc->report_form) ? form_field_index(f, sc->month_field) : -1;
	int y, mo, d, ty, tm, td;
	if (field < 0 || (size_t)field >= rec->nvals || !schedule_summary_day(sc, rec->vals[field], &y, &mo, &d))
		return KP_OK;
	clock_today(&ty, &tm, &td);
	if (date_serial(ty, tm, td) <= date_serial(y, mo, d))
		return KP_OK;
	db_set_err(err, xasprintf(msg(MSG_SS_REPORT_LOCKED), f->title, rec->vals[field], y, mo, d));
	return KP_ERR;
}

/* The record's unit is the session's, the form and its state allow a
 * change: the checks a write and a delete share. */
static int may_touch(kp_store *s, const kp_form *f, const kp_record *old, long long unit_id,
		     char **err)
{
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	if (s->kind == SESSION_UNIT && (unit_id != s->actor_unit || (old && old->unit_id != s->actor_unit))) {
		char *own = store_unit_name(s, s->actor_unit);
		db_set_err(err, xasprintf(msg(MSG_SS_OTHER_UNIT), own ? own : ""));
		free(own);
		return KP_ERR;
	}
	/* Not filed into a closed year or one not begun, nor changed there after
	 * the city moved a record into it. */
	s->closed_pending = 0;
	if (session_write_year(s, s->year, unit_id, err) != KP_OK ||
	    (old && old->year != s->year && session_write_year(s, old->year, unit_id, err) != KP_OK))
		return KP_ERR;
	if (store_may_change_report(s, f, old, err) != KP_OK)
		return KP_ERR;
	if (!store_may_write_form(s, f)) {
		db_set_err(err, xasprintf(msg(f->written_by == WRITER_CITY ? MSG_SS_CITY_FORM : MSG_SS_UNIT_FIELD),
				 f->title));
		return KP_ERR;
	}
	if (f->review && old && old->state && !store_may_edit_state(s, old->state)) {
		db_set_err(err, xasprintf(msg(MSG_SS_STATE), state_words(old->state)));
		return KP_ERR;
	}
	return KP_OK;
}

/* The first field of f whose value breaks programme year `year`'s rules,
 * or -1: an in_year date outside the year and, with after, a not_after:
 * year value (考核年度) after it. */
static int year_breaks(const kp_form *f, char *const *vals, int year, bool after)
{
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		const char *v = vals[i];
		if (!v || strlen(v) < 4)
			continue;
		if ((fd->in_year && atoi(v) != year) || (after && fd->not_after_year && atoi(v) > year))
			return (int)i;
	}
	return -1;
}

/* The open programme years ("2016、2017") and whether `year` is one of
 * them, in one query (years.c lists them too, but calls back into this
 * file's checks: using it here would tie the two into one circle). */
static char *open_years(kp_store *s, int year, bool *open)
{
	sqlite3_stmt *st = db_prepare(s, "SELECT group_concat(year, '、'), coalesce(sum(year = ?), 0) "
					 "FROM (SELECT year FROM kp_years ORDER BY year)", NULL);
	char *text = NULL;
	*open = false;
	if (st) {
		sqlite3_bind_int(st, 1, year);
		if (sqlite3_step(st) == SQLITE_ROW) {
			text = db_text(st, 0);
			*open = sqlite3_column_int(st, 1) > 0;
		}
		sqlite3_finalize(st);
	}
	return text ? text : xstrdup("");
}

/* The field of r outside programme year `year`, or -1; *why says so, naming the year the date is in when it is open (the record
 * belongs there) or else the years that are. */
static int out_of_year(kp_store *s, const kp_form *f, char *const *vals, int year, char **why)
{
	int bad = year_breaks(f, vals, year, false);
	if (bad < 0)
		return bad;
	const char *v = vals[bad];
	bool open;
	char *have = open_years(s, atoi(v), &open);
	if (open)
		*why = xasprintf(msg(MSG_SS_NOT_IN_YEAR), f->fields[bad].label, v, year, v);
	else
		*why = xasprintf(msg(MSG_SS_NO_SUCH_YEAR), f->fields[bad].label, v, year, v, have);
	free(have);
	return bad;
}

char *store_year_why(kp_store *s, const kp_form *f, size_t field, const char *value, int year)
{
	const char **vals = xcalloc(f->nfields, sizeof *vals);
	vals[field] = value;
	char *why = NULL;
	out_of_year(s, f, (char *const *)vals, year, &why);
	free(vals);
	return why;
}

/* Everything session_may_write checks but the fields given to the other
 * side, whose rule depends on the stored record (old may be NULL). */
static int may_write_record(kp_store *s, const kp_form *f, const kp_record *old, const kp_record *r,
			    char **err)
{
	if (may_touch(s, f, old, r->unit_id, err) != KP_OK)
		return KP_ERR;
	/* A record belongs to one programme year: an activity's date in it, so
	 * last year's activities never count for this one. */
	char *why = NULL;
	int bad = out_of_year(s, f, r->vals, old ? old->year : s->year, &why);
	if (bad >= 0) {
		s->refused_field = bad;
		db_set_err(err, why);
		return KP_ERR;
	}
	/* The value a record is one-per-unit of (月报's 月份) is what it is:
	 * changed by a unit, a report filed for July would count as August's,
	 * on time, from July's filing. The city, the referee, may correct it. */
	if (old && f->unique >= 0 && s->kind == SESSION_UNIT &&
	    strcmp(old->vals[f->unique], r->vals[f->unique] ? r->vals[f->unique] : "")) {
		const kp_field *fd = &f->fields[f->unique];
		s->refused_field = f->unique;
		db_set_err(err, xasprintf(msg(MSG_SS_KEY_FIXED), f->title, fd->label, old->id,
					 old->vals[f->unique], r->vals[f->unique], f->title));
		return KP_ERR;
	}
	return KP_OK;
}

int session_may_write_fields(kp_store *s, const kp_form *f, const kp_record *old, const kp_record *r,
			     char **err)
{
	for (size_t i = 0; i < f->nfields; i++) {
		const kp_field *fd = &f->fields[i];
		const char *before = old ? old->vals[i] : "";
		if (store_may_write_field(s, fd) || !strcmp(before, r->vals[i] ? r->vals[i] : ""))
			continue;
		s->refused_field = (int)i;
		db_set_err(err, xasprintf(msg(fd->written_by == WRITER_CITY ? MSG_SS_CITY_FIELD : MSG_SS_UNIT_FIELD),
				 fd->label));
		return KP_ERR;
	}
	return KP_OK;
}

int session_may_write(kp_store *s, const kp_form *f, const kp_record *old, const kp_record *r,
		      char **err)
{
	if (may_write_record(s, f, old, r, err) != KP_OK)
		return KP_ERR;
	return session_may_write_fields(s, f, old, r, err);
}

int session_may_write_any(kp_store *s, const kp_form *f, const kp_record *r, char **err)
{
	return may_write_record(s, f, NULL, r, err);
}

int session_may_delete(kp_store *s, const kp_form *f, const kp_record *old, char **err)
{
	return may_touch(s, f, old, old->unit_id, err);
}

int session_may_attach(kp_store *s, const kp_form *f, const kp_record *old, char **err)
{
	if (!f->evidence) {
		db_set_err(err, xasprintf(msg(MSG_SS_NO_EVIDENCE), f->title));
		return KP_ERR;
	}
	return may_touch(s, f, old, old->unit_id, err);
}

static struct kp_viewed *viewed(kp_store *s, const char *table, long long id)
{
	for (size_t i = 0; i < s->nviewed; i++)
		if (s->viewed[i].id == id && !strcmp(s->viewed[i].table, table))
			return &s->viewed[i];
	return NULL;
}

void session_mark_viewed(kp_store *s, const kp_form *f, long long id, int version)
{
	struct kp_viewed *v = viewed(s, f->table, id);
	if (!v) {
		s->viewed = xrealloc(s->viewed, (s->nviewed + 1) * sizeof *s->viewed);
		v = &s->viewed[s->nviewed++];
		*v = (struct kp_viewed){xstrdup(f->table), id, 0};
	}
	v->version = version;
}

/* Only over a version it was shown: a save over one it never opened (a
 * file imported, the CLI) shows it nothing, and a later write by anyone
 * else bumps the version past what is marked. */
void session_mark_written(kp_store *s, const kp_form *f, long long id, int from)
{
	struct kp_viewed *v = viewed(s, f->table, id);
	if (v && v->version == from)
		v->version = from + 1;
}

void store_forget_viewed(kp_store *s)
{
	for (size_t i = 0; i < s->nviewed; i++)
		free(s->viewed[i].table);
	free(s->viewed);
	s->viewed = NULL;
	s->nviewed = 0;
}

/* The city's approval is of values: only the version of the record the
 * form showed it in this session, never one a list row stood for (a list
 * reloads; the unit may have changed the values since). A return decides
 * nothing about the values and needs a reason: it is not held to this. */
static int may_approve(kp_store *s, const kp_form *f, const kp_record *old, char **err)
{
	const struct kp_viewed *v = viewed(s, f->table, old->id);
	if (v && v->version == old->version)
		return KP_OK;
	const char *name = "";
	for (size_t i = 0; i < f->nfields && i < old->nvals; i++)
		if (f->fields[i].type == FT_TEXT && old->vals[i][0]) {
			name = old->vals[i];
			break;
		}
	char *quoted = text_quote(name, 12);
	char *seen = v ? xasprintf(msg(MSG_SS_VIEWED_OLD), v->version) : xstrdup(msg(MSG_SS_VIEWED_NONE));
	db_set_err(err, xasprintf(msg(MSG_SS_NOT_VIEWED), old->id, quoted, seen));
	free(seen);
	free(quoted);
	return KP_ERR;
}

int session_may_move(kp_store *s, const kp_form *f, const kp_record *old, const char *from,
		     const char *to, char **err)
{
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	if (s->kind == SESSION_UNIT && old->unit_id != s->actor_unit) {
		db_set_err(err, xstrdup(msg(MSG_S_CHANGED))); /* like a missing record */
		return KP_ERR;
	}
	if (!f->review || !store_may_move(s, from, to)) {
		db_set_err(err, xasprintf(msg(MSG_SS_MOVE), state_words(from), state_words(to)));
		return KP_ERR;
	}
	s->closed_pending = 0;
	if (session_write_year(s, old->year, old->unit_id, err) != KP_OK)
		return KP_ERR;
	/* The city still approves what was submitted before the year closed;
	 * a return asks a unit for a change it could not make there, and an
	 * approval undone would change the ranking the closing fixed: both
	 * wait until the year is reopened, for that unit at least. */
	bool undo = !strcmp(from, "approved") && !strcmp(to, "submitted");
	if ((undo || !strcmp(to, "returned")) && session_year_closed_to(s, old->year, old->unit_id, NULL)) {
		char *unit = store_unit_name(s, old->unit_id);
		db_set_err(err, xasprintf(msg(undo ? MSG_SS_YEAR_CLOSED_UNDO : MSG_SS_YEAR_CLOSED_RETURN), old->year,
					 old->year, unit ? unit : ""));
		free(unit);
		return KP_ERR;
	}
	if (s->kind == SESSION_CITY && !strcmp(to, "approved") && may_approve(s, f, old, err) != KP_OK)
		return KP_ERR;
	return KP_OK;
}

/* A record filed in the wrong programme year moves, keeping its number,
 * state and history: the city's decision for any record (the referee), a
 * unit's only for its own record before it is submitted (a draft), never
 * into a year not begun. The target year's rules apply to what it holds. */
int session_may_move_year(kp_store *s, const kp_form *f, const kp_record *old, int to, char **err)
{
	if (session_need(s, ANY_SESSION, err) != KP_OK)
		return KP_ERR;
	if (s->kind == SESSION_UNIT) {
		char *why = NULL;
		if (old->unit_id != s->actor_unit)
			why = xstrdup(msg(MSG_S_CHANGED)); /* like a missing record */
		else if (!store_may_write_form(s, f))
			why = xasprintf(msg(MSG_SS_CITY_FORM), f->title);
		else if (f->review && strcmp(old->state, "draft") != 0)
			why = xasprintf(msg(MSG_SS_YEAR_STATE), state_words(old->state));
		if (why) {
			db_set_err(err, why);
			return KP_ERR;
		}
		if (session_may_change_year(s, old->year, err) != KP_OK || session_may_change_year(s, to, err) != KP_OK ||
		    store_may_change_report(s, f, old, err) != KP_OK)
			return KP_ERR;
	}
	s->closed_pending = 0; /* the referee's move out of or into a closed year: its audit row says so */
	if (s->kind != SESSION_UNIT &&
	    (session_write_year(s, old->year, old->unit_id, err) != KP_OK || session_write_year(s, to, old->unit_id, err) != KP_OK))
		return KP_ERR;
	if (f->per_unit) {
		db_set_err(err, xasprintf(msg(MSG_SS_YEAR_PER_UNIT), f->title));
		return KP_ERR;
	}
	if (old->year == to) {
		db_set_err(err, xasprintf(msg(MSG_SS_YEAR_SAME), to));
		return KP_ERR;
	}
	int bad = year_breaks(f, old->vals, to, true);
	if (bad >= 0) {
		const kp_field *fd = &f->fields[bad];
		db_set_err(err, xasprintf(msg(fd->in_year ? MSG_SS_YEAR_MOVE_DATE : MSG_SS_YEAR_MOVE_AFTER), to, fd->label,
				 old->vals[bad], to));
		return KP_ERR;
	}
	return KP_OK;
}
