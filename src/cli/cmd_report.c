/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu checklist and kepu report monthly|progress: the checklist, the
 * briefing and the ranking as plain text, the same as the screens show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/common.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/briefing.h"
#include "domain/checklist.h"
#include "domain/progress.h"
#include "domain/xlsx_report.h"

#define UNIT_W 18 /* display cells for a unit's name */

static void print_today(const kp_checklist *c)
{
	char day[24];
	date_official(day, c->ty, c->tm, c->td);
	printf(msg(MSG_R_TODAY), day);
	putchar('\n');
}

static void print_items(const kp_checklist *c)
{
	cli_cell(stdout, msg(MSG_R_COL_DUE), 16, false);
	cli_cell(stdout, msg(MSG_R_COL_OWNER), 8, false);
	cli_cell(stdout, msg(MSG_R_COL_ITEM), 50, false);
	printf("%s\n", msg(MSG_R_COL_STATE));
	for (size_t i = 0; i < c->n; i++) {
		const kp_check_item *it = &c->items[i];
		char due[24], title[160], state[96];
		date_official(due, it->y, it->mo, it->d);
		check_item_title(it, title, sizeof title);
		check_item_describe(c, it, CHECK_ALL, true, state, sizeof state);
		cli_cell(stdout, due, 16, false);
		cli_cell(stdout, check_owner_text(it->m), 8, false);
		cli_cell(stdout, title, 50, false);
		printf("%s\n", state);
	}
}

/* The matrix is the year's: a carried item (listed above with its year
 * and how many units did it) has its own in kepu checklist --year. */
static bool matrix_column(const kp_check_item *it) { return it->m->owner == OWNER_UNIT && !it->year; }

static void print_matrix(const kp_checklist *c)
{
	printf("\n%s（%s）\n", msg(MSG_R_MATRIX), msg(MSG_P_LEGEND));
	cli_cell(stdout, msg(MSG_P_COL_UNIT), UNIT_W, false);
	const char *gap = "";
	for (size_t i = 0; i < c->n; i++)
		if (matrix_column(&c->items[i])) {
			char h[32];
			check_item_heading(&c->items[i], h, sizeof h);
			printf("%s", gap);
			cli_cell(stdout, h, 6, false);
			gap = " ";
		}
	putchar('\n');
	for (size_t u = 0; u < c->nunits; u++) {
		cli_cell(stdout, c->units[u].name, UNIT_W, false);
		gap = "";
		for (size_t i = 0; i < c->n; i++)
			if (matrix_column(&c->items[i])) {
				printf("%s%c", gap, state_mark(check_item_unit_state(&c->items[i], u)));
				gap = "      ";
			}
		putchar('\n');
	}
}

int cmd_checklist(const kp_opts *o)
{
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	kp_checklist c;
	checklist_build(&c, &e, 0);
	if (!o->year) /* the default year: last year's open items too, with their year */
		checklist_add_carried(&c, &e, 0);
	printf("%s  ", msg(MSG_R_CHECKLIST));
	print_today(&c);
	if (c.closed) { /* the states are the closing day's, not today's */
		char day[24];
		int y, mo, d;
		date_from_serial(c.closed, &y, &mo, &d);
		date_official(day, y, mo, d);
		printf(msg(MSG_R_CLOSED_AS_OF), store_year(e.store), day);
		putchar('\n');
	}
	putchar('\n');
	print_items(&c);
	print_matrix(&c);
	checklist_free(&c);
	env_close(&e);
	return EXIT_OK;
}

/* --format xlsx --output FILE: the workbook instead of text. */
static int as_workbook(const kp_opts *o, int (*write)(const void *, const char *, char **), const void *what)
{
	char *err = NULL;
	if (!o->output) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_NEED_OUTPUT));
		return EXIT_USAGE;
	}
	if (write(what, o->output, &err) != 0) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		return EXIT_DATA;
	}
	return EXIT_OK;
}

static int write_progress(const void *p, const char *path, char **err) { return progress_xlsx(p, path, err); }
static int write_briefing(const void *b, const char *path, char **err) { return briefing_xlsx(b, path, err); }

static bool wants_xlsx(const kp_opts *o) { return o->format && !strcmp(o->format, "xlsx"); }

static int report_progress(kp_env *e, const kp_opts *o)
{
	kp_progress p;
	if (progress_build(&p, e, 0) != 0) {
		progress_free(&p);
		return EXIT_DATA;
	}
	if (wants_xlsx(o)) {
		int rc = as_workbook(o, write_progress, &p);
		progress_free(&p);
		return rc;
	}
	int colw[16];
	printf("%s\n\n", msg(MSG_R_RANKING));
	cli_cell(stdout, msg(MSG_R_COL_RANK), 7, false); /* 并列19 */
	cli_cell(stdout, msg(MSG_P_COL_UNIT), UNIT_W, false);
	for (size_t k = 0; k < p.ncols && k < 16; k++) {
		int w = utf8_width(p.labels[k]) + 2;
		colw[k] = w < 11 ? 11 : w;
		cli_cell(stdout, p.labels[k], colw[k], false);
	}
	printf("%s\n", msg(MSG_P_SCORE));
	for (size_t i = 0; i <= p.n; i++) {
		const kp_progress_row *r = i < p.n ? &p.rows[i] : &p.total;
		char *rank = i < p.n ? progress_rank_text(r) : xstrdup("");
		cli_cell(stdout, rank, 7, false);
		free(rank);
		cli_cell(stdout, r->name, UNIT_W, false);
		for (size_t k = 0; k < p.ncols && k < 16; k++) {
			char *cell = progress_cell_text(r, k);
			cli_cell(stdout, cell, colw[k], false);
			free(cell);
		}
		char *score = progress_score_text(r);
		cli_cell(stdout, score, 6, true); /* 「免」 lines up with " 87.5%" */
		free(score);
		char *waiting = progress_waiting_text(&p, r);
		printf("%s%s\n", waiting[0] ? "  " : "", waiting);
		free(waiting);
	}
	printf("\n%s\n%s\n", p.formula, p.formula_note);
	if (p.exempt_note)
		printf("%s\n", p.exempt_note);
	progress_free(&p);
	return EXIT_OK;
}

static int report_monthly(kp_env *e, const kp_opts *o)
{
	kp_briefing b;
	char *err = NULL;
	if (briefing_build(&b, e, o->month, &err) != 0) {
		fprintf(stderr, "kepu: %s\n", err);
		free(err);
		briefing_free(&b);
		return o->month ? EXIT_DATA : EXIT_USAGE;
	}
	if (wants_xlsx(o)) {
		int rc = as_workbook(o, write_briefing, &b);
		briefing_free(&b);
		return rc;
	}
	char due[24];
	date_official(due, b.due_y, b.due_m, b.due_d);
	printf(msg(MSG_R_BRIEFING), atoi(b.month), atoi(b.month + 5), due);
	int ty, tm, td;
	clock_today(&ty, &tm, &td);
	if (ty * 12 + tm <= atoi(b.month) * 12 + atoi(b.month + 5)) { /* 未报送 below is no lateness */
		char today[24];
		date_official(today, ty, tm, td);
		printf("\n");
		printf(msg(MSG_R_MONTH_NOT_OVER), atoi(b.month), atoi(b.month + 5), today, due);
	}
	printf("\n\n");
	/* each column as wide as its widest cell and a space: 207[19090]
	 * never runs into the next figure */
	int *w = xcalloc(b.ncols ? b.ncols : 1, sizeof *w);
	for (size_t k = 0; k < b.ncols; k++) {
		w[k] = 10;
		for (size_t i = 0; i < b.n; i++) {
			char v[48];
			briefing_cell(&b.rows[i], k, v, sizeof v);
			if (b.rows[i].reported && utf8_width(v) + 1 > w[k])
				w[k] = utf8_width(v) + 1;
		}
	}
	cli_cell(stdout, msg(MSG_P_COL_UNIT), UNIT_W, false);
	for (size_t k = 0; k < b.ncols; k++)
		cli_cell(stdout, b.form->fields[b.cols[k]].label, w[k], true);
	printf("  %s\n", msg(MSG_R_COL_SAVED));
	for (size_t i = 0; i <= b.n; i++) {
		const kp_briefing_row *r = i < b.n ? &b.rows[i] : NULL;
		cli_cell(stdout, r ? r->name : msg(MSG_P_TOTAL), UNIT_W, false);
		for (size_t k = 0; k < b.ncols; k++) {
			char v[48] = "";
			if (!r)
				snprintf(v, sizeof v, "%lld", b.totals[k]);
			else if (r->reported)
				briefing_cell(r, k, v, sizeof v);
			cli_cell(stdout, v, w[k], true);
		}
		if (!r)
			printf("  ");
		else if (!r->reported)
			printf("  %s", msg(MSG_R_NOT_REPORTED));
		else
			printf("  %.10s%s%s", r->saved_at, r->late ? msg(MSG_R_LATE_MARK) : "", r->changed);
		if (!r)
			printf(msg(MSG_R_REPORTED_COUNT), b.nreported, b.n, b.nlate);
		putchar('\n');
	}
	free(w);
	char *missing = briefing_missing_text(&b);
	printf("\n%s\n%s\n", missing, msg(MSG_R_RECORDS_NOTE));
	free(missing);
	briefing_free(&b);
	return EXIT_OK;
}

int cmd_report(const kp_opts *o)
{
	const char *which = o->args[0];
	if (strcmp(which, "monthly") && strcmp(which, "progress")) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_R_WHICH));
		return EXIT_USAGE;
	}
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	if (o->format && !wants_xlsx(o) && strcmp(o->format, "text")) {
		fprintf(stderr, "kepu: ");
		fprintf(stderr, msg(MSG_C_BAD_REPORT_FORMAT), o->format);
		fputc('\n', stderr);
		env_close(&e);
		return EXIT_USAGE;
	}
	/* --output without xlsx: the text report, in a new file. */
	bool to_file = o->output && !wants_xlsx(o);
	if (to_file && (rc = cli_output_to(o->output)) != EXIT_OK) {
		env_close(&e);
		return rc;
	}
	rc = !strcmp(which, "monthly") ? report_monthly(&e, o) : report_progress(&e, o);
	env_close(&e);
	if (to_file && (fflush(stdout) != 0 || ferror(stdout)) && rc == EXIT_OK) {
		fprintf(stderr, "kepu: %s: %s\n", o->output, msg(MSG_C_WRITE_ERROR));
		rc = EXIT_DATA;
	}
	if (to_file && rc != EXIT_OK)
		unlink(o->output);
	return rc;
}
