/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A workbook made of the parts given (member name, text), written with
 * minizip to path, for the readers' tests. Include after unit.h. */
#ifndef KP_ZIP_BOOK_H
#define KP_ZIP_BOOK_H
#include <string.h>
#include <zip.h>

static inline void zip_book(const char *path, const char *const (*parts)[2], size_t n)
{
	zipFile z = zipOpen(path, APPEND_STATUS_CREATE);
	assert_non_null(z);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(zipOpenNewFileInZip(z, parts[i][0], NULL, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6), ZIP_OK);
		assert_int_equal(zipWriteInFileInZip(z, parts[i][1], (unsigned)strlen(parts[i][1])), ZIP_OK);
		zipCloseFileInZip(z);
	}
	assert_int_equal(zipClose(z, NULL), ZIP_OK);
}

/* The same workbook as an open stream, its file already unlinked. */
static inline FILE *zip_book_open(const char *const (*parts)[2], size_t n)
{
	char path[] = "/tmp/kepu-book-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	zip_book(path, parts, n);
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	unlink(path);
	return in;
}

#endif
