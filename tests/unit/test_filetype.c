/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The attachment type check (core/filetype.c) on files made by other
 * programs: the committed fixtures in tests/fixtures/attach/ were written by
 * LibreOffice (Writer and Calc, headless), openpyxl and Info-ZIP's zip
 * (make.sh there makes them again). Real DOCX and XLSX are taken; an ODT
 * or ODS, a plain zip and a text named like a PDF are not; and the central
 * directory, not a name or a local header, decides. */
#include "unit.h"

#include <stdbool.h>

#include "core/filetype.h"

#define FIXTURES "tests/fixtures/attach/"

typedef struct {
	unsigned char *b;
	size_t n;
} bytes;

static bytes fixture(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, FIXTURES "%s", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("%s: missing (run the tests from the source tree)", path);
	bytes d = {malloc(1 << 20), 0};
	d.n = fread(d.b, 1, 1 << 20, f);
	fclose(f);
	assert_true(d.n > 0 && d.n < (1 << 20));
	return d;
}

static kp_filetype type_of(const unsigned char *b, size_t n)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	kp_filetype t = filetype_detect(f);
	fclose(f);
	return t;
}

static kp_filetype type_of_fixture(const char *name)
{
	bytes d = fixture(name);
	kp_filetype t = type_of(d.b, d.n);
	free(d.b);
	return t;
}

/* The offset of the first (local header) or last (central directory)
 * occurrence of s in d. */
static size_t find_in(const bytes *d, const char *s, bool last)
{
	size_t n = strlen(s), at = (size_t)-1;
	for (size_t i = 0; i + n <= d->n; i++)
		if (!memcmp(d->b + i, s, n)) {
			at = i;
			if (!last)
				break;
		}
	assert_true(at != (size_t)-1);
	return at;
}

static void test_office_files_taken(void **state)
{
	(void)state;
	assert_int_equal(type_of_fixture("report.docx"), FTYPE_DOCX); /* LibreOffice Writer */
	assert_int_equal(type_of_fixture("tally.xlsx"), FTYPE_XLSX);  /* LibreOffice Calc */
	assert_int_equal(type_of_fixture("openpyxl.xlsx"), FTYPE_XLSX);
	assert_string_equal(filetype_name(FTYPE_DOCX), "DOCX");
	assert_string_equal(filetype_name(FTYPE_XLSX), "XLSX");
}

static void test_look_alikes_refused(void **state)
{
	(void)state;
	/* OpenDocument is a zip too, with neither part: whatever it is named. */
	assert_int_equal(type_of_fixture("notes.odt"), FTYPE_NONE);
	assert_int_equal(type_of_fixture("tally.ods"), FTYPE_NONE);
	assert_int_equal(type_of_fixture("plain.zip"), FTYPE_NONE);
	const char *text = "这是一份说明，不是 PDF\n";
	assert_int_equal(type_of((const unsigned char *)text, strlen(text)), FTYPE_NONE);
	assert_int_equal(type_of((const unsigned char *)"", 0), FTYPE_NONE);
}

/* Real files changed a little: the parts the central directory names
 * decide, the local headers do not; without the directory's end record
 * the file is no document. */
static void test_central_directory_decides(void **state)
{
	(void)state;
	bytes d = fixture("report.docx");
	size_t local = find_in(&d, "word/document.xml", false), central = find_in(&d, "word/document.xml", true);
	assert_true(central > local);
	d.b[local + 16] = 'X'; /* word/document.xmX in the local header only */
	assert_int_equal(type_of(d.b, d.n), FTYPE_DOCX);
	d.b[central + 16] = 'X'; /* and in the central directory */
	assert_int_equal(type_of(d.b, d.n), FTYPE_NONE);
	d.b[central + 16] = 'l';
	assert_int_equal(type_of(d.b, d.n), FTYPE_DOCX);
	size_t types = find_in(&d, "[Content_Types].xml", true);
	d.b[types + 1] = 'c'; /* [content_Types].xml: no content types, no document */
	assert_int_equal(type_of(d.b, d.n), FTYPE_NONE);
	d.b[types + 1] = 'C';
	assert_int_equal(type_of(d.b, d.n - 22), FTYPE_NONE); /* the end record cut off */
	assert_int_equal(type_of(d.b, d.n / 2), FTYPE_NONE);  /* half a download */
	free(d.b);

	bytes x = fixture("tally.xlsx");
	size_t wb = find_in(&x, "xl/workbook.xml", true);
	x.b[wb + 3] = 'W';
	assert_int_equal(type_of(x.b, x.n), FTYPE_NONE);
	free(x.b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_office_files_taken),
		cmocka_unit_test(test_look_alikes_refused),
		cmocka_unit_test(test_central_directory_decides),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
