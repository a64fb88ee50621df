/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The paper layouts' labels against their columns (xlsx_common.h's
 * measures; test_paper.c reads workbooks, whose xlsx_read.h names another
 * xlsx_cell). */
#include "unit_env.h"

#include "core/text.h"
#include "domain/xlsx_common.h"

/* Every label of every paper layout fits its column(s) line by line as
 * the layout breaks it: a label wider than its column is broken where the
 * printing program likes (电子邮箱 printed 电子邮/箱 in Excel's 宋体). */
static void test_labels_fit(void **state)
{
	fixture *fx = *state;
	const kp_catalog *cat = &fx->env.cat;
	size_t n = 0;
	for (size_t i = 0; i < cat->nforms; i++) {
		const kp_paper *p = cat->forms[i]->paper;
		for (size_t r = 0; p && r < p->nrows; r++)
			for (size_t j = 0, col = 0; j < p->rows[r].n; col += (size_t)p->rows[r].cells[j++].span) {
				const kp_pcell *c = &p->rows[r].cells[j];
				if (c->kind != PC_LABEL)
					continue;
				size_t breaks = 1;
				for (const char *b = c->text; (b = strchr(b, '\n')); b++)
					breaks++;
				int cols = xlsx_fit(xlsx_span(p->widths, col, col + (size_t)c->span - 1));
				if (text_wrap(c->text, cols, NULL) != breaks)
					fail_msg("%s: label 「%s」 is wider than its %d columns", cat->forms[i]->id, c->text, cols);
				n++;
			}
	}
	assert_true(n > 20);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_labels_fit, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
