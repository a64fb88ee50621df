/* kepu year list | open YEAR --from YEAR: the programme years (#19). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "core/msg.h"
#include "core/xalloc.h"

static int year_list(kp_env *e)
{
	kp_year *y;
	size_t n = store_years(e->store, &y);
	int current = store_year(e->store);
	printf("%s\n", msg(MSG_Y_LIST_HEAD));
	for (size_t i = 0; i < n; i++) {
		printf("%d%s %-20s ", y[i].year, y[i].year == current ? "*" : " ", y[i].at);
		cli_cell(stdout, y[i].by, 13, false);
		if (y[i].from)
			printf(" %d", y[i].from);
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

int cmd_year(const kp_opts *o)
{
	const char *what = o->args[0];
	bool list = !strcmp(what, "list"), open = !strcmp(what, "open");
	if ((!list && !open) || (list && o->nargs != 1) || (open && o->nargs != 2)) {
		fprintf(stderr, "kepu: %s\n", msg(MSG_C_YEAR_USAGE));
		return EXIT_USAGE;
	}
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	if (open)
		return year_open(&e, o);
	rc = year_list(&e);
	return cli_close(&e, NULL, rc);
}
