/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The export and import screen's model (transfer_model.h): pick a form,
 * then a file by name in the account's exchange folder; an import is
 * checked first (a dry run) and imported on the next Enter. No server path
 * is ever taken here (domain/exchange.h). Limited to the session's unit, as
 * every other path is. */
#include "ui/transfer_model.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/import_source.h"
#include "domain/review.h"
#include "domain/zmodem.h"
#include "ui/scrollwin.h"
#include "ui/shell.h"

static tm_result result(tm_kind k)
{
	tm_result r = {.kind = k};
	return r;
}

static tm_result said(tm_kind k, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static tm_result said(tm_kind k, bool error, const char *fmt, ...)
{
	tm_result r = result(k);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r.text, sizeof r.text, fmt, ap);
	va_end(ap);
	r.error = error;
	return r;
}

static void add_result(transfer_model *m, const char *line)
{
	if (m->nresult == m->cap)
		m->result = xrealloc(m->result, (m->cap = m->cap ? m->cap * 2 : 16) * sizeof *m->result);
	m->result[m->nresult++] = xstrdup(line);
}

static void clear_results(transfer_model *m)
{
	for (size_t i = 0; i < m->nresult; i++)
		free(m->result[i]);
	m->nresult = 0;
	m->rtop = m->rshown = 0;
}

/* A file chosen or received earlier is let go: a new one is checked afresh. */
static void drop_source(transfer_model *m)
{
	if (m->src)
		fclose(m->src);
	m->src = NULL;
	free(m->src_label);
	m->src_label = NULL;
	if (m->mode == TM_CHECKED)
		m->mode = TM_FILE;
	m->ready = 0;
	m->update = false;
}

/* A name the screen puts in the field is selected, as a form's field is
 * on entry: the first printable key replaces it, a cursor key edits it. */
static void offer_name(transfer_model *m, const char *name)
{
	eb_set(&m->name, name);
	eb_select_all(&m->name);
}

/* 附表2-魏都区-20160810.xlsx: the form's short name (its title up to the
 * first space), the unit, the day; -2, -3… when that is taken. */
static void propose_name(transfer_model *m, const tm_ctx *c)
{
	int y, mo, d;
	clock_today(&y, &mo, &d);
	const char *t = m->view ? m->view->title : m->form->title, *sp = strchr(t, ' ');
	const char *unit = c->unit_id && c->unit_name ? c->unit_name : msg(MSG_X_ALL_UNITS);
	char *stem = xasprintf("%.*s-%s%s%s-%04d%02d%02d", sp ? (int)(sp - t) : (int)strlen(t), t, unit,
			       m->state ? "-" : "", m->state ? state_label(state_of(m->state)) : "",
			       y % 10000, mo % 100, d % 100);
	char *name = exchange_fresh_name(&m->x, stem, ".xlsx");
	offer_name(m, name);
	free(name);
	free(stem);
}

static void refresh_files(transfer_model *m)
{
	exchange_list_free(m->files, m->nfiles);
	exchange_list_free(m->refused, m->nrefused);
	m->files = m->refused = NULL;
	m->nfiles = m->nrefused = 0;
	if (m->x.fd >= 0)
		m->nfiles = exchange_list(&m->x, &m->files, &m->refused, &m->nrefused);
	if (m->sel >= m->nfiles)
		m->sel = 0;
}

/* Esc after a check or an import: back one step, to choosing a file. */
static tm_result back_to_files(transfer_model *m)
{
	drop_source(m);
	clear_results(m);
	m->mode = TM_FILE;
	refresh_files(m);
	tm_result r = result(TM_HANDLED);
	r.clear_status = true;
	return r;
}

static tm_result run_export(transfer_model *m, const tm_ctx *c, const char *name)
{
	char *err = NULL, *note = NULL;
	if (m->x.fd < 0)
		err = xstrdup(m->folder_err);
	else
		exchange_export(&m->x, c->env, &(kp_export){m->form, m->view, c->unit_id, m->state}, name, &note,
				&err);
	if (err) {
		tm_result r = said(TM_REFUSED, true, "%s", err);
		free(err);
		free(note);
		return r;
	}
	char *line = xasprintf(msg(MSG_UI_TR_EXPORTED), m->view ? m->view->title : m->form->title);
	add_result(m, line);
	free(line);

	line = xasprintf("%s%s", m->x.path, name);
	add_result(m, line);
	free(line);
	if (note) /* a book too big for office programs: said beside the file */
		add_result(m, note);
	free(note);
	add_result(m, "");
	if (exchange_have("sz")) /* lrzsz: the PC's terminal receives the file over the session */
		add_result(m, msg(MSG_UI_TR_SZ));
	add_result(m, msg(MSG_UI_TR_SFTP));
	free(m->written);
	m->written = xstrdup(name);
	eb_select_all(&m->name); /* typing starts another file's name afresh */
	m->mode = TM_DONE;
	tm_result r = result(TM_HANDLED);
	r.clear_status = true; /* an earlier refusal is not about this file */
	return r;
}

/* Check m->src (the dry run) or, once checked, import it. The lines
 * before the outcome (where the file came from) stay on screen. */
static tm_result run_import(transfer_model *m, const tm_ctx *c, size_t keep)
{
	char *err = NULL, *report = NULL;
	size_t len = 0;
	rewind(m->src);
	import_origin *pl = NULL;
	FILE *in = import_source(&c->env->cat, m->form, m->src, m->src_label, NULL, NULL,
				     store_year(c->env->store), &pl, &err);
	if (!in) {
		tm_result r = said(TM_REFUSED, true, "%s", err);
		free(err);
		drop_source(m);
		return r;
	}
	/* A unit user's rows all go to its own unit: a row naming another unit
	 * is an error, never a write into that unit. */
	struct stat fs;
	m->src_size = fstat(fileno(in), &fs) == 0 ? (long long)fs.st_size : 0;
	/* First a dry run: every cell checked, nothing saved; Enter again imports. */
	bool dry = m->mode != TM_CHECKED;
	import_options o = {.source = m->src_label, .unit = c->unit_name, .dry_run = dry,
			    .progress = c->progress, .progress_ctx = c->progress_ctx, .update = m->update};
	import_source_places(&o, pl); /* a workbook: its sheets, cells and what they held */
	/* the report on disk, not in memory: only TM_REPORT_MAX lines are kept */
	FILE *rep = tmpfile();
	if (!rep) {
		tm_result r = said(TM_REFUSED, true, msg(MSG_UI_TR_NO_TEMP), strerror(errno));
		import_origin_free(pl);
		if (in != m->src)
			fclose(in);
		drop_source(m);
		return r;
	}
	import_stats st;
	int rc = import_csv(c->env, m->form, in, &o, rep, &st);
	import_origin_free(pl);
	if (in != m->src)
		fclose(in);
	tm_result r = result(TM_HANDLED);
	r.clear_status = true; /* the progress: the outcome below says what happened */
	while (m->nresult > keep)
		free(m->result[--m->nresult]);
	m->rtop = 0;
	char *line = rc != 0 ? xasprintf(msg(MSG_C_IMPORT_FAILED), st.errors) /* fatal ones included */
		   : !dry ? xasprintf(msg(MSG_C_IMPORTED), st.saved, store_year(c->env->store), m->form->title, m->src_label)
		   : !st.ready ? xasprintf(msg(MSG_UI_TR_CHECKED_NONE), st.rows)
		   : st.ready_update ? xasprintf(msg(MSG_UI_TR_CHECKED_UPD), st.rows, st.ready - st.ready_update, st.ready_update)
				     : xasprintf(msg(MSG_UI_TR_CHECKED), st.rows, st.ready);
	add_result(m, line);
	free(line);
	if (!dry && rc == 0 && st.updated) {
		line = xasprintf(msg(MSG_C_UPDATED), st.updated);
		add_result(m, line);
		free(line);
	}
	/* every line of the report, scrolled on the screen, up to TM_REPORT_MAX */
	rewind(rep);
	long long kept = 0, past = 0;
	ssize_t n;
	while ((n = getline(&report, &len, rep)) > 0) {
		if (kept++ >= TM_REPORT_MAX) {
			past++;
			continue;
		}
		report[n - 1] = report[n - 1] == '\n' ? '\0' : report[n - 1];
		add_result(m, report);
	}
	free(report);
	fclose(rep);
	if (past) {
		line = xasprintf(msg(MSG_UI_TR_REPORT_PAST), past, TM_REPORT_MAX);
		add_result(m, line);
		free(line);
	}
	/* F6 is offered only where it acts: on a check that passed */
	if (dry && rc == 0 && (st.same || m->update)) /* the choice, said */
		add_result(m, msg(m->update ? MSG_UI_TR_SAME_UPDATE : MSG_UI_TR_SAME_HINT));
	if (st.similar) /* and what to do if they differ */
		add_result(m, msg(MSG_UI_TR_SIMILAR));
	if (st.near)
		add_result(m, msg(MSG_UI_TR_NEAR));
	if (dry && rc == 0) {
		m->mode = TM_CHECKED;
		m->ready = st.ready;
		m->keep = keep;
	} else {
		add_result(m, msg(MSG_UI_TR_DONE_KEYS));
		drop_source(m);
		eb_select_all(&m->name); /* 「写别的文件名」: typed, it replaces this one (t80j j8) */
		m->mode = TM_DONE;
	}
	return r;
}

/* Enter on the import screen: the name typed or chosen, checked first. */
static tm_result import_named(transfer_model *m, const tm_ctx *c, const char *name)
{
	if (m->mode == TM_CHECKED) /* the lines above the check's outcome stay; the outcome is replaced */
		return m->ready ? run_import(m, c, m->keep) : said(TM_REFUSED, true, "%s", msg(MSG_UI_TR_NOTHING));
	char *err = NULL;
	FILE *in = m->x.fd < 0 ? NULL : exchange_read(&m->x, name, &err);
	if (!in) {
		tm_result r = said(TM_REFUSED, true, "%s", err ? err : m->folder_err);
		free(err);
		refresh_files(m); /* what is there now, to choose from */
		return r;
	}
	drop_source(m);
	clear_results(m);
	m->src = in;
	m->src_label = xasprintf("%s%s", m->x.path, name);
	return run_import(m, c, 0);
}

tm_result tm_received(transfer_model *m, const tm_ctx *c, FILE *in, const char *name, long long size,
		      const char *err)
{
	if (!in)
		return said(TM_REFUSED, true, "%s", err ? err : "");
	char *line = xasprintf(msg(MSG_UI_TR_RECEIVED), name, size);
	add_result(m, line);
	free(line);
	m->src = in;
	m->src_label = xasprintf(msg(MSG_UI_TR_FROM_PC), name);
	eb_set(&m->name, "");
	return run_import(m, c, 1);
}

/* The form (or view) chosen from the list, or the screen left. */
static tm_result pick_key(transfer_model *m, const tm_ctx *c, kp_key key)
{
	size_t chosen;
	popup_result p = popup_key(&m->pick, key, &chosen);
	if (p == POPUP_CONTINUE)
		return result(TM_HANDLED);
	popup_close(&m->pick);
	if (p == POPUP_CANCEL)
		return result(TM_CLOSE);
	m->mode = TM_FILE;
	m->view = m->entries[chosen].view;
	m->form = m->view ? m->view->source : m->entries[chosen].form;
	if (m->x.fd >= 0 && !m->importing)
		propose_name(m, c);
	return result(TM_HANDLED);
}

/* Tab, as in the lists: every record, then one state after another. */
static void next_state(transfer_model *m, const tm_ctx *c)
{
	kp_state st = m->state ? state_of(m->state) : ST_COUNT;
	m->state = st == ST_COUNT ? state_code(ST_DRAFT) : st + 1 < ST_COUNT ? state_code((kp_state)(st + 1)) : NULL;
	if (m->x.fd >= 0)
		propose_name(m, c);
}

/* Up or Down over the folder's files: the first key takes the highlighted
 * file; the next ones move. */
static void choose_file(transfer_model *m, kp_action a)
{
	char *typed = eb_text(&m->name);
	if (!strcmp(typed, m->files[m->sel]))
		app_move(&m->sel, m->nfiles, a, 1);
	free(typed);
	offer_name(m, m->files[m->sel]);
}

static tm_result enter(transfer_model *m, const tm_ctx *c)
{
	if (m->mode == TM_DONE)
		return result(TM_CLOSE);
	char *name = eb_text(&m->name);
	tm_result r = m->importing ? import_named(m, c, name) : run_export(m, c, name);
	free(name);
	if (r.kind == TM_REFUSED && m->mode == TM_FILE) /* the name refused whole: the next typed replaces it */
		eb_select_all(&m->name);
	return r;
}

/* The file's name edited; false for any other key. */
static bool name_key(transfer_model *m, kp_action a, kp_key key)
{
	if (keymap_edit_line(&m->name, a))
		return true;
	if (m->mode != TM_DONE && key_printable(key))
		eb_insert(&m->name, key.code);
	return a == ACT_NONE;
}

/* Does the outcome take more lines than the screen has for it (as tm_fit
 * laid it out: before that, nothing is known to be hidden)? */
static bool results_overflow(const transfer_model *m) { return m->rshown && m->rshown < m->nresult; }

/* The lines from m->rtop that fit in room, each wrapped. */
static size_t fitting(const transfer_model *m, int room, int width, int (*height)(int, const char *))
{
	size_t shown = 0;
	for (int used = 0; m->rtop + shown < m->nresult; shown++) {
		used += height(width, m->result[m->rtop + shown]);
		if (used > room && shown)
			break;
	}
	return shown;
}

void tm_fit(transfer_model *m, int lines, int width, int (*height)(int width, const char *s))
{
	if (lines < 2)
		lines = 2;
	if (m->rtop >= m->nresult)
		m->rtop = m->nresult ? m->nresult - 1 : 0;
	size_t shown = fitting(m, lines, width, height);
	int room = lines;
	if (m->rtop || m->rtop + shown < m->nresult) { /* a line for the mark */
		room = lines - 1;
		shown = fitting(m, room, width, height);
	}
	if (m->rtop + shown == m->nresult) { /* at the end (End, a resize): the page full */
		int used = 0;
		for (size_t i = m->rtop; i < m->nresult; i++)
			used += height(width, m->result[i]);
		while (m->rtop > 0 && used + height(width, m->result[m->rtop - 1]) <= room) {
			used += height(width, m->result[--m->rtop]);
			shown++;
		}
	}
	m->rshown = shown;
	sw_mark_n(m->rtop, false, m->nresult - m->rtop - shown, false, m->more, sizeof m->more);
}

tm_result tm_key(transfer_model *m, const tm_ctx *c, kp_key key)
{
	if (m->mode == TM_PICK)
		return pick_key(m, c, key);
	size_t before = m->name.len;
	kp_action a = keymap_lookup(m->importing ? CTX_IMPORT : CTX_TRANSFER, key);
	tm_result r = result(TM_HANDLED);
	/* An outcome longer than its room scrolls (the file list is not shown
	 * under it): Up/Down, PgUp/PgDn, Home/End move it, not the name. */
	size_t page = m->rshown ? m->rshown : 1;
	/* any line may be the top: tm_fit pulls the last page up to fill it */
	if (results_overflow(m) && sw_move(&m->rtop, m->nresult, a, page))
		return r;
	/* After an outcome, editing the name (or receiving) starts over with
	 * another file; only Enter and Esc leave. */
	bool edits = a == ACT_BACKSPACE || a == ACT_DELETE || a == ACT_KILL || a == ACT_RECEIVE ||
		     a == ACT_UP || a == ACT_DOWN || (a == ACT_NONE && key_printable(key));
	if (m->mode == TM_DONE && edits) {
		m->mode = TM_FILE;
		clear_results(m);
		r.clear_status = true;
		if (m->importing)
			refresh_files(m);
	}
	switch (a) {
	case ACT_SEND: /* the screen names F5 before there is a file: it answers */
		if (m->written)
			return result(TM_SEND);
		return m->importing ? r : said(TM_REFUSED, true, "%s", msg(MSG_UI_TR_EXPORT_FIRST));
	case ACT_NEXT:
		if (m->mode != TM_DONE && m->form->review)
			next_state(m, c);
		return r;
	case ACT_RECEIVE:
		if (m->mode == TM_DONE)
			return r;
		if (!exchange_have("rz"))
			return said(TM_REFUSED, true, "%s", msg(MSG_UI_TR_NO_RZ));
		drop_source(m);
		clear_results(m);
		return result(TM_RECEIVE);
	case ACT_TOGGLE: /* checked again the other way: what Enter imports is what was checked */
		if (m->importing && m->mode == TM_CHECKED && m->src) {
			m->update = !m->update;
			m->mode = TM_FILE;
			return run_import(m, c, m->keep);
		}
		return r;
	case ACT_UP:
	case ACT_DOWN:
		if (m->mode != TM_DONE && !m->nresult && m->nfiles)
			choose_file(m, a);
		return r;
	case ACT_ACCEPT:
		return enter(m, c);
	case ACT_QUIT:
		if (m->importing && (m->src || m->nresult || m->mode == TM_DONE))
			return back_to_files(m);
		return result(TM_CLOSE);
	default:
		if (!name_key(m, a, key))
			return r;
		break;
	}
	/* Another name: what was checked is not what Enter would now import. */
	if (m->importing && m->mode != TM_DONE && m->name.len != before && m->src) {
		drop_source(m);
		clear_results(m);
	}
	return r;
}

bool tm_acts(const void *model, const void *ctx, kp_action a)
{
	const transfer_model *m = model;
	(void)ctx;
	bool done = m->mode == TM_DONE;
	switch (a) {
	case ACT_ACCEPT: /* after an outcome Enter leaves (the hint says so); a checked file
			  * with nothing to import has nothing to start */
		return m->mode == TM_PICK || (!done && (m->mode != TM_CHECKED || m->ready > 0));
	case ACT_SEND: /* an export's file, once one is written */
		return m->written != NULL;
	case ACT_NEXT: /* a reviewed form's export by state */
		return !done && m->form && m->form->review;
	case ACT_RECEIVE:
		return !done && exchange_have("rz");
	case ACT_TOGGLE:
		return m->importing && m->mode == TM_CHECKED && m->src;
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN: /* an outcome longer than the screen */
		return results_overflow(m);
	default:
		return true;
	}
}

void tm_init(transfer_model *m, const tm_ctx *c, const char *db, const char *user, bool importing)
{
	*m = (transfer_model){.importing = importing, .mode = TM_PICK};
	eb_init(&m->name, EXCHANGE_NAME_MAX, false);
	/* The signed-in account's own folder (exchange_open says where). */
	if (exchange_open(&m->x, db, user, &m->folder_err) == 0 && importing)
		refresh_files(m);
	/* An export may also be of a view (附表4: a unit's, or the city's of every unit). */
	size_t n = catalog_entries(&c->env->cat, !importing, &m->entries);
	if (importing) { /* only forms this session writes: another's rows would all be refused */
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (store_may_write_form(c->env->store, m->entries[i].form))
				m->entries[k++] = m->entries[i];
		n = k;
	}
	m->titles = xcalloc(n ? n : 1, sizeof *m->titles);
	for (size_t i = 0; i < n; i++)
		m->titles[i] = m->entries[i].form ? m->entries[i].form->title : m->entries[i].view->title;
	popup_open(&m->pick, msg(importing ? MSG_UI_TR_PICK_IN : MSG_UI_TR_PICK), (char *const *)m->titles, n, 0, 0);
}

void tm_free(transfer_model *m)
{
	zmodem_visit_ended();
	popup_close(&m->pick);
	eb_free(&m->name);
	clear_results(m);
	free(m->result);
	drop_source(m);
	exchange_list_free(m->files, m->nfiles);
	exchange_list_free(m->refused, m->nrefused);
	exchange_close(&m->x);
	free(m->folder_err);
	free(m->written);
	free(m->titles);
	free(m->entries);
}
