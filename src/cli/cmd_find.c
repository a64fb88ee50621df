/* SPDX-License-Identifier: MulanPSL-2.0 */
/* kepu find: the expert search (domain/find.c) as CSV on standard output,
 * in the session --unit narrows to, the best first. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/common.h"
#include "core/csv.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include "domain/find.h"

static void cell(const char *s, bool first)
{
	char *safe = csv_neutralise(s);
	csv_write_cell(stdout, safe, first);
	free(safe);
}

int cmd_find(const kp_opts *o)
{
	kp_env e;
	int rc = cli_open(o, &e, false);
	if (rc != EXIT_OK)
		return rc;
	const kp_form *f = catalog_search_form(&e.cat);
	char *err = NULL;
	if (!f)
		err = xstrdup(msg(MSG_C_NO_SEARCH));
	else if (o->category && f->search->category >= 0 &&
		 list_find(f->fields[f->search->category].choices, o->category) < 0)
		err = xasprintf(msg(MSG_C_BAD_CATEGORY), o->category, f->fields[f->search->category].label);
	else /* a unit's search: exactly what its session sees */
		cli_as_unit(&e, o->unit, &err);
	kp_finder *fd = err ? NULL : finder_open(&e, f, &err);
	if (fd) {
		const kp_hit *h;
		size_t n = finder_search(fd, o->args[0], o->category, &h);
		fputs("\xEF\xBB\xBF", stdout); /* for Excel, as kepu export */
		for (size_t k = 0; k < f->search->nshow; k++)
			cell(f->fields[f->search->show[k]].label, k == 0);
		cell(msg(MSG_C_THE_UNIT), false);
		cell(msg(MSG_R_COL_STATE), false);
		cell(msg(MSG_C_FIND_WHY), false);
		csv_end_record(stdout);
		strbuf why = STRBUF_INIT;
		for (size_t i = 0; i < n; i++) {
			for (size_t k = 0; k < f->search->nshow; k++)
				cell(finder_value(fd, h[i].entry, f->search->show[k]), k == 0);
			cell(finder_unit(fd, h[i].entry), false);
			cell(finder_state(fd, h[i].entry), false);
			sb_clear(&why);
			finder_why(fd, &h[i], &why);
			cell(sb_str(&why), false);
			csv_end_record(stdout);
		}
		sb_free(&why);
		finder_close(fd);
	}
	return cli_close(&e, err, rc);
}
