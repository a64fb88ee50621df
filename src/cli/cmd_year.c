/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu year list | open YEAR --from YEAR | close YEAR | reopen YEAR
 * [--for-unit UNIT --reason TEXT]: the programme years (#19);
 * kepu move FORM ID --to-year YEAR: a record into another year (#27). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "core/msg.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "domain/checklist.h"
#include "domain/move_year.h"

/* Columns by display width: 开启人 may be Chinese (「root（命令行）」). */
static int year_list(kp_env *e)
{
	kp_year *y;
	size_t n = store_years(e->store, &y);
	int current = store_year(e->store);
	int wy = utf8_width(msg(MSG_Y_COL_YEAR)), wa = utf8_width(msg(MSG_Y_COL_AT)), wb = utf8_width(msg(MSG_Y_COL_BY));
	if (wy < 5) /* 2016* */
		wy = 5;
	for (size_t i = 0; i < n; i++) {
		char *by = utf8_sanitize(y[i].by, false);
		if (utf8_width(by) > wb)
			wb = utf8_width(by);
		if (utf8_width(y[i].at) > wa)
			wa = utf8_width(y[i].at);
		free(by);
	}
	cli_cell(stdout, msg(MSG_Y_COL_YEAR), wy + 2, false);
	cli_cell(stdout, msg(MSG_Y_COL_AT), wa + 2, false);
	cli_cell(stdout, msg(MSG_Y_COL_BY), wb + 2, false);
	int wf = utf8_width(msg(MSG_Y_COL_FROM)) < 4 ? 4 : utf8_width(msg(MSG_Y_COL_FROM));
	cli_cell(stdout, msg(MSG_Y_COL_FROM), wf + 2, false);
	printf("%s\n", msg(MSG_Y_COL_STATE));
	for (size_t i = 0; i < n; i++) {
		char year[16];
		snprintf(year, sizeof year, "%d%s", y[i].year, y[i].year == current ? "*" : "");
		cli_cell(stdout, year, wy + 2, false);
		cli_cell(stdout, y[i].at, wa + 2, false);
		cli_cell(stdout, y[i].by, wb + 2, false);
		char from[16] = "";
		if (y[i].from)
			snprintf(from, sizeof from, "%d", y[i].from);
		cli_cell(stdout, from, wf + 2, false);
		char *state = y[i].closed_at ? xasprintf(msg(MSG_Y_STATE_CLOSED), y[i].closed_at, y[i].closed_by)
					     : xstrdup(msg(MSG_Y_STATE_OPEN));
		cli_cell(stdout, state, 0, false);
		free(state);
		char *units = y[i].closed_at ? store_year_units_text(e->store, y[i].year) : NULL;
		if (units) /* the units it was reopened for (cli_cell cleans what the database holds) */
			printf(msg(MSG_Y_STATE_OPEN_TO), "");
		if (units)
			cli_cell(stdout, units, 0, false);
		free(units);
		putchar('\n');
	}
	years_free(y, n);
	return EXIT_OK;
}

static int year_open(kp_env *e, const kp_opts *o)
{
	char *err = NULL;
	int year = 0, from = 0;
	if (!o->from) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_NEED_FROM));
		return cli_close(e, NULL, EXIT_USAGE);
	}
	if (env_parse_year(e, o->args[1], &year, &err) == 0 &&
	    env_parse_year(e, o->from, &from, &err) == 0 && cli_as_unit(e, o->unit, &err) == KP_OK &&
	    env_open_year(e, year, from, &err) == 0)
		printf(msg(MSG_Y_OPENED), year, from);
	if (!err)
		putchar('\n');
	return cli_close(e, err, EXIT_OK);
}

/* reopen YEAR --for-unit UNIT --reason TEXT, or close YEAR --for-unit
 * UNIT: one unit's correction of a closed year (the store's rules). */
static int year_for_unit(kp_env *e, const kp_opts *o, int year, bool close)
{
	char *err = NULL;
	long long unit = store_unit_id(e->store, o->for_unit);
	if (!unit)
		err = xasprintf(msg(MSG_S_NO_UNIT), o->for_unit);
	else if ((close ? store_year_close_for(e->store, year, unit, &err)
			: store_year_open_for(e->store, year, unit, o->reason, &err)) == KP_OK) {
		printf(msg(close ? MSG_Y_CLOSED_UNIT : MSG_Y_REOPENED_UNIT), year, o->for_unit);
		putchar('\n');
	}
	return cli_close(e, err, EXIT_OK);
}

/* close or reopen YEAR: the city's, as open is (the session's rights). */
static int year_close(kp_env *e, const kp_opts *o, bool close)
{
	char *err = NULL;
	int year = 0;
	if (env_parse_year(e, o->args[1], &year, &err) != 0 || cli_as_unit(e, o->unit, &err) != KP_OK)
		return cli_close(e, err, EXIT_OK);
	if (o->for_unit)
		return year_for_unit(e, o, year, close);
	char *units = close ? store_year_units_text(e->store, year) : NULL;
	/* a unit item still running (the 12月月报, due in January) would be
	 * shut out: said, and closed only when the city insists */
	char *due = close && !o->force && store_session_kind(e->store) != SESSION_UNIT &&
			    !store_year_closed(e->store, year)
		? checklist_still_due(e, year)
		: NULL;
	if (due)
		err = xasprintf(msg(MSG_Y_CLOSE_STILL_DUE), year, due);
	else if (store_year_close(e->store, year, close, &err) == KP_OK) {
		if (units && store_year_closed(e->store, year)) /* closed already: closed to those units now */
			printf(msg(MSG_Y_CLOSED_UNITS), year, units);
		else
			printf(msg(close ? MSG_Y_CLOSED : MSG_Y_REOPENED), year);
		putchar('\n');
	}
	free(units);
	free(due);
	return cli_close(e, err, EXIT_OK);
}

int cmd_year(const kp_opts *o)
{
	const char *what = o->args[0];
	bool list = !strcmp(what, "list"), open = !strcmp(what, "open"), close = !strcmp(what, "close"),
	     reopen = !strcmp(what, "reopen");
	if ((!list && !open && !close && !reopen) || (list && o->nargs != 1) || (!list && o->nargs != 2)) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_YEAR_USAGE));
		return EXIT_USAGE;
	}
	if ((o->for_unit && !close && !reopen) || (o->reason && !(reopen && o->for_unit))) {
		fprintf(stderr, "kepu: %s\n", msg(o->for_unit ? MSG_C_FOR_ONLY_YEAR : MSG_C_REASON_FOR_UNIT));
		return EXIT_USAGE;
	}
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	if (open)
		return year_open(&e, o);
	if (close || reopen)
		return year_close(&e, o, close);
	rc = year_list(&e);
	return cli_close(&e, NULL, rc);
}

int cmd_move(const kp_opts *o)
{
	if (!o->to_year) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_NEED_TO_YEAR));
		return EXIT_USAGE;
	}
	kp_env e;
	const kp_form *f;
	int rc = cli_open_form(o, &e, o->args[0], &f);
	if (rc != EXIT_OK)
		return rc;
	char *err = NULL;
	long long id;
	int to;
	kp_record rec = {0};
	/* a missing record and another unit's answered alike, as kepu save does */
	bool seen = cli_parse_number(o->args[1], msg(MSG_C_ATT_RECORD), &id, &err) &&
		    env_parse_year(&e, o->to_year, &to, &err) == 0 && cli_as_unit(&e, o->unit, &err) == KP_OK &&
		    cli_get_record(&e, f, id, &rec, &err);
	if (seen)
		record_free(&rec);
	if (seen && env_move_year(&e, f, id, to, &err) == 0) {
		printf(msg(MSG_Y_MOVED), f->title, id, to);
		putchar('\n');
	}
	return cli_close(&e, err, EXIT_OK);
}
