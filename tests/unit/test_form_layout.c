/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Every shipped form (each screens/NAME.yaml) laid out at 80 columns: a required
 * field's mark stands one blank after its label, the widest label's too
 * (「培训场次* 」 and 「项目实施时间（起）* 」 touched it while the others read
 * 「label  * 」), labels fit their column, and values start after the mark's
 * own gap with room to show a field. */
#include "unit_env.h"

#include "core/utf8.h"
#include "ui/form_layout.h"

static int one_row(const kp_field *fd, int width)
{
	(void)fd;
	(void)width;
	return 1;
}

static void required_mark_spaced(void **state)
{
	fixture *fx = *state;
	const kp_catalog *cat = &fx->env.cat;
	assert_true(cat->nforms >= 12);
	size_t marks = 0;
	for (size_t i = 0; i < cat->nforms; i++) {
		const kp_form *f = cat->forms[i];
		form_layout l;
		layout_compute(&l, f, 80, one_row);
		assert_true(l.value_x >= l.star_x + 2); /* the mark, then a blank */
		assert_true(l.value_w >= 20);
		assert_true(l.value_x + l.value_w <= 80);
		for (size_t k = 0; k < f->nfields; k++) {
			const kp_field *fd = &f->fields[k];
			int w = utf8_width(fd->label);
			if (w > l.label_w)
				fail_msg("%s: 「%s」 is %d cells, its column %d", f->title, fd->label, w, l.label_w);
			if (fd->required && l.star_x < 2 + w + 1)
				fail_msg("%s: 「%s」 has no blank before its mark", f->title, fd->label);
			marks += fd->required;
		}
		layout_free(&l);
	}
	assert_true(marks > 0);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(required_mark_spaced, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
